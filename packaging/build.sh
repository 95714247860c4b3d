#!/usr/bin/env bash
# Build the one-dir program with PyInstaller from a clean checkout, check it
# with --self-test, and (on Linux) pack it with its installer as a .tar.gz.
#
#   packaging/build.sh                      build with the first suitable python3.x on PATH
#   PYTHON=/path/to/python3 packaging/build.sh
#
# Output: dist/inspector/ (the program) and dist/inspector-VERSION-linux-ARCH.tar.gz.
# The build venv lives in build/bundle/ and is made anew each time.
# See docs/installing.md for what the build needs (CPython 3.11+ with the zip fix, glibc).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD="$ROOT/build/bundle"
DIST="$ROOT/dist"
VENV="$BUILD/venv"

say() { printf '==> %s\n' "$*"; }
fail() { printf 'build.sh: error: %s\n' "$*" >&2; exit 1; }

# Frozen builds carry their own Python: packaging/check_python.py says which
# are fit (CPython 3.11+ whose zipfile has the CVE-2024-0450 fix, tested directly).
PY_CHECK="$ROOT/packaging/check_python.py"

pick_python() {
    local candidate version
    if [[ -n "${PYTHON:-}" ]]; then
        version=$("$PYTHON" "$PY_CHECK") || fail "$PYTHON is Python ${version:-?}: \
frozen builds need CPython 3.11+ with the fix for CVE-2024-0450 (3.11.9+, 3.12.3+, \
3.13+ or a distribution build with it). Install one and set PYTHON to it."
        echo "$PYTHON"
        return
    fi
    local seen=()
    # On PATH first, then pyenv's installs (newest first), whose shims may be inactive.
    local pyenv_root=${PYENV_ROOT:-$HOME/.pyenv} candidates=()
    candidates=(python3.13 python3.12 python3.11 python3 python3.14)
    if [[ -d "$pyenv_root/versions" ]]; then
        while IFS= read -r candidate; do candidates+=("$candidate"); done < <(
            ls -d "$pyenv_root"/versions/3.1[1-9]*/bin/python3 2>/dev/null | sort -rV)
    fi
    for candidate in "${candidates[@]}"; do
        command -v "$candidate" >/dev/null 2>&1 || continue
        if version=$("$candidate" "$PY_CHECK" 2>/dev/null); then
            command -v "$candidate"
            return
        fi
        seen+=("$candidate ${version:-(not runnable)}")
    done
    fail "no suitable Python found (${seen[*]:-none}): frozen builds need CPython 3.11+ \
with the fix for CVE-2024-0450 (3.11.9+, 3.12.3+, 3.13+ or a distribution build with it). \
Install one and set PYTHON=/path/to/python3."
}

PY=$(pick_python)
say "Python: $PY ($("$PY" -c 'import sys; print(sys.version.split()[0])'))"

rm -rf "$BUILD" "$DIST/inspector"
mkdir -p "$BUILD" "$DIST"
say "Creating the build venv in $BUILD"
"$PY" -m venv "$VENV"
PIP=("$VENV/bin/python" -m pip --disable-pip-version-check)
# Installed, not editable: PyInstaller then sees exactly what a wheel contains.
say "Installing Inspector and PyInstaller into it"
"${PIP[@]}" install --quiet "$ROOT[build]"

VERSION=$("$VENV/bin/python" -c 'from importlib.metadata import version; print(version("inspector"))')
METAINFO="$ROOT/packaging/linux/cn.sqjy.Inspector.metainfo.xml"
grep -q "<release version=\"$VERSION\"" "$METAINFO" \
    || fail "version $VERSION (pyproject.toml) has no <release> in $METAINFO: add it first"

say "PyInstaller (one-dir)"
start=$SECONDS
(cd "$BUILD" && "$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
    --distpath "$DIST" --workpath "$BUILD/pyinstaller" "$ROOT/packaging/inspector.spec")
say "PyInstaller took $((SECONDS - start)) s"

say "Self-test of the built program"
(cd "$BUILD" && "$DIST/inspector/inspector" --self-test)

case "$(uname -s)" in
    Linux) ;;
    *) say "Built $DIST/inspector"; exit 0 ;;
esac

ARCH=$(uname -m)
NAME="inspector-$VERSION-linux-$ARCH"
STAGE="$BUILD/$NAME"
say "Packing $NAME.tar.gz"
bash "$ROOT/packaging/linux/stage.sh" "$DIST/inspector" "$STAGE"
# The newest glibc symbol version any bundled binary asks for; without objdump
# (binutils), the build machine's glibc, which is an upper bound.
GLIBC=$(find "$DIST/inspector" -type f \( -name '*.so*' -o -perm -u+x \) -exec objdump -T {} + \
        2>/dev/null | grep -oE 'GLIBC_[0-9]+\.[0-9]+' | sort -uV | tail -n 1 | cut -d_ -f2 || true)
if [[ -z "$GLIBC" ]]; then
    GLIBC=$(ldd --version 2>/dev/null | head -n 1 | grep -oE '[0-9]+\.[0-9]+$' || echo unknown)
fi
{
    echo "Inspector $VERSION for Linux $ARCH"
    echo "built:   $(date -u +%Y-%m-%dT%H:%M:%SZ) with Python $("$VENV/bin/python" -c 'import sys; print(sys.version.split()[0])')"
    echo "PySide6: $("$VENV/bin/python" -c 'from importlib.metadata import version; print(version("PySide6-Essentials"))')"
    echo "needs:   glibc $GLIBC or newer (Linux x86_64)"
} > "$STAGE/BUILD-INFO.txt"
tar -C "$BUILD" -czf "$DIST/$NAME.tar.gz" "$NAME"

say "Built $DIST/inspector: $(du -sh "$DIST/inspector" | cut -f1)"
say "Archive $DIST/$NAME.tar.gz: $(du -sh "$DIST/$NAME.tar.gz" | cut -f1) (needs glibc $GLIBC or newer)"
