#!/usr/bin/env bash
# Check the Linux archive as a user would use it: unpack, ./install.sh into a
# scratch home, start the installed program's self-test, validate the menu
# entry, update (install again) without losing data, uninstall keeping data.
#
#   packaging/linux/check_install.sh dist/inspector-VERSION-linux-ARCH.tar.gz
set -euo pipefail

ARCHIVE=$(realpath "$1")
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export HOME="$WORK/home"
unset XDG_DATA_HOME INSPECTOR_DATA_DIR INSPECTOR_PREFIX
mkdir -p "$HOME" "$WORK/unpacked"
fail() { printf 'check_install: FAILED: %s\n' "$*" >&2; exit 1; }

tar -C "$WORK/unpacked" -xzf "$ARCHIVE"
TOP=$(find "$WORK/unpacked" -mindepth 1 -maxdepth 1 -type d)
cd "$WORK"
"$TOP/install.sh" > "$WORK/install.log"

APP="$HOME/.local/opt/inspector/inspector"
SHARE="$HOME/.local/share"
[[ -x "$APP" ]] || fail "program not installed at $APP"
[[ "$(readlink "$HOME/.local/bin/inspector")" == "$APP" ]] || fail "no ~/.local/bin/inspector link"
"$HOME/.local/bin/inspector" --self-test > "$WORK/self-test.log" || {
    cat "$WORK/self-test.log"; fail "installed program's self-test"; }
DESKTOP="$SHARE/applications/inspector.desktop"
grep -qx "Exec=\"$APP\"" "$DESKTOP" || fail "menu entry does not start $APP"
if command -v desktop-file-validate >/dev/null; then
    [[ -z "$(desktop-file-validate "$DESKTOP")" ]] || fail "desktop-file-validate: $DESKTOP"
elif [[ "${CI:-}" == true ]]; then
    fail "desktop-file-validate is missing (apt-get install desktop-file-utils)"
fi
for size in 16 32 48 128 256 512; do
    [[ -f "$SHARE/icons/hicolor/${size}x${size}/apps/inspector.png" ]] || fail "icon $size missing"
done
[[ -f "$SHARE/metainfo/cn.sqjy.Inspector.metainfo.xml" ]] || fail "metainfo missing"

# Data made by the program survives an update and an uninstall.
"$APP" demo > /dev/null
DB="$SHARE/inspector/inspector.sqlite3"
[[ -f "$DB" ]] || fail "no database at $DB"
"$TOP/install.sh" > /dev/null
[[ -f "$DB" ]] || fail "update removed the data"
"$TOP/install.sh" --uninstall > "$WORK/uninstall.log"
[[ ! -e "$APP" && ! -e "$DESKTOP" && ! -e "$HOME/.local/bin/inspector" ]] || fail "uninstall left the program"
[[ -f "$DB" ]] || fail "uninstall removed the data"
grep -q "kept" "$WORK/uninstall.log" || fail "uninstall did not say the data was kept"
# --remove-data deletes only after the user types "delete".
"$TOP/install.sh" > /dev/null
echo no | "$TOP/install.sh" --uninstall --remove-data > /dev/null
[[ -f "$DB" ]] || fail "data removed without confirmation"
"$TOP/install.sh" > /dev/null
echo delete | "$TOP/install.sh" --uninstall --remove-data > /dev/null
[[ ! -e "$SHARE/inspector" ]] || fail "--remove-data kept the data after confirmation"
echo "check_install: install, self-test, menu entry, update, uninstall: all passed"
