#!/usr/bin/env bash
# Run the test suite once more against the lowest PySide6-Essentials that
# pyproject.toml admits (the version older Linux systems such as UOS V20 and
# Kylin V10 can install), with the lowest supported Python if given.
#
#   packaging/test_lowest_qt.sh [PYTEST ARGS...]      default: -x -q
#   PYTHON=python3.11 packaging/test_lowest_qt.sh
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
VENV="$ROOT/build/lowest-qt"
PY=${PYTHON:-python3}
LOWEST=$(sed -nE 's/^ *"PySide6-Essentials>=([0-9.]+)[,"].*/\1/p' "$ROOT/pyproject.toml")
[[ -n "$LOWEST" ]] || { echo "test_lowest_qt: no PySide6-Essentials>=X in pyproject.toml" >&2; exit 1; }

echo "==> Test suite with PySide6-Essentials==$LOWEST on $("$PY" --version)"
rm -rf "$VENV"
"$PY" -m venv "$VENV"
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
    -e "$ROOT[test]" "PySide6-Essentials==$LOWEST"
"$VENV/bin/python" -c 'import PySide6; print("==> PySide6", PySide6.__version__)'
cd "$ROOT"
if [[ $# -eq 0 ]]; then set -- -x -q; fi
QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} "$VENV/bin/pytest" -p no:cacheprovider "$@"
