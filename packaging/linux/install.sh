#!/bin/sh
# Install Inspector for the current user: no administrator (root) rights needed.
# 为当前用户安装“社区教育督导检查”程序，无需管理员（root）权限。
#
#   ./install.sh                        install or update / 安装或更新
#   ./install.sh --uninstall            remove the program, keep your data / 卸载程序，保留数据
#   ./install.sh --uninstall --remove-data   also delete your data (asks first) / 同时删除数据（会先确认）
#
# The program goes to ~/.local/opt/inspector, a command `inspector` to
# ~/.local/bin, the start-menu entry and icons to ~/.local/share. Your
# inspections stay in ~/.local/share/inspector (or $INSPECTOR_DATA_DIR) and
# are never touched by installing or updating.
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
PREFIX=${INSPECTOR_PREFIX:-"$HOME/.local"}
APP_DIR="$PREFIX/opt/inspector"
BIN_DIR="$PREFIX/bin"
SHARE=${XDG_DATA_HOME:-"$HOME/.local/share"}
DATA_DIR=${INSPECTOR_DATA_DIR:-"$SHARE/inspector"}
DESKTOP_ID=inspector.desktop
METAINFO=cn.sqjy.Inspector.metainfo.xml
ICON_SIZES="16 24 32 48 64 128 256 512"

say() { printf '%s\n' "$*"; }
fail() { printf 'error / 错误: %s\n' "$*" >&2; exit 1; }

refresh_menus() {
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$SHARE/applications" 2>/dev/null || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1; then
        gtk-update-icon-cache -q -t -f "$SHARE/icons/hicolor" 2>/dev/null || true
    fi
}

install_program() {
    [ -x "$HERE/inspector/inspector" ] || fail "$HERE/inspector/inspector not found: unpack the whole archive first. 请先完整解压安装包。"
    say "Checking the program / 正在检查程序 …"
    if ! "$HERE/inspector/inspector" --self-test >/dev/null 2>&1; then
        "$HERE/inspector/inspector" --self-test >&2 || true
        fail "the program does not work on this computer (see above); nothing was installed. 程序无法在本机运行（见上），未安装任何内容。"
    fi
    mkdir -p "$PREFIX/opt" "$BIN_DIR" "$SHARE/applications" "$SHARE/metainfo"
    rm -rf "$APP_DIR.new"
    cp -R "$HERE/inspector" "$APP_DIR.new"
    rm -rf "$APP_DIR"
    mv "$APP_DIR.new" "$APP_DIR"
    ln -sfn "$APP_DIR/inspector" "$BIN_DIR/inspector"

    # The menu entry starts the program by its full path: ~/.local/bin is not
    # on every desktop's PATH.
    sed -e "s|^Exec=.*|Exec=\"$APP_DIR/inspector\"|" \
        -e "s|^TryExec=.*|TryExec=$APP_DIR/inspector|" \
        "$HERE/share/applications/$DESKTOP_ID" > "$SHARE/applications/$DESKTOP_ID"
    chmod 644 "$SHARE/applications/$DESKTOP_ID"
    cp "$HERE/share/metainfo/$METAINFO" "$SHARE/metainfo/$METAINFO"
    for size in $ICON_SIZES; do
        target="$SHARE/icons/hicolor/${size}x${size}/apps"
        mkdir -p "$target"
        cp "$HERE/share/icons/hicolor/${size}x${size}/apps/inspector.png" "$target/inspector.png"
    done
    mkdir -p "$SHARE/icons/hicolor/scalable/apps"
    cp "$HERE/share/icons/hicolor/scalable/apps/inspector.svg" "$SHARE/icons/hicolor/scalable/apps/inspector.svg"
    refresh_menus

    say ""
    say "Installed / 已安装: $("$APP_DIR/inspector" --version)"
    say "  Start it from the applications menu (Inspector / 社区教育督导检查),"
    say "  or run: $BIN_DIR/inspector"
    say "  可从“开始”菜单（应用程序菜单）启动，或运行上面的命令。"
    say "  Your data / 数据保存在: $DATA_DIR"
}

uninstall_program() {
    remove_data=$1
    rm -rf "$APP_DIR" "$APP_DIR.new"
    if [ -L "$BIN_DIR/inspector" ]; then
        case "$(readlink "$BIN_DIR/inspector")" in
            "$APP_DIR"/*) rm -f "$BIN_DIR/inspector" ;;
        esac
    fi
    rm -f "$SHARE/applications/$DESKTOP_ID" "$SHARE/metainfo/$METAINFO"
    for size in $ICON_SIZES; do
        rm -f "$SHARE/icons/hicolor/${size}x${size}/apps/inspector.png"
    done
    rm -f "$SHARE/icons/hicolor/scalable/apps/inspector.svg"
    refresh_menus
    say "Inspector was removed / 程序已卸载。"
    if [ "$remove_data" = yes ] && [ -d "$DATA_DIR" ]; then
        say "This deletes ALL inspections, photos and backups in $DATA_DIR."
        say "这将永久删除 $DATA_DIR 中的全部检查记录、照片和备份。"
        printf 'Type "delete" to confirm / 输入 delete 确认: '
        answer=""
        read -r answer || true
        if [ "$answer" = delete ]; then
            rm -rf "$DATA_DIR"
            say "Your data was deleted / 数据已删除。"
            return
        fi
        say "Not confirmed: your data was kept / 未确认，数据已保留。"
    fi
    if [ -d "$DATA_DIR" ]; then
        say "Your data was kept / 数据已保留: $DATA_DIR"
    fi
}

case "${1:-}" in
    "") install_program ;;
    --uninstall)
        case "${2:-}" in
            "") uninstall_program no ;;
            --remove-data) uninstall_program yes ;;
            *) fail "unknown option: $2" ;;
        esac ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//' ;;
    *) fail "unknown option: $1 (try --help)" ;;
esac
