#!/usr/bin/env bash
# Lay out the Linux archive's folder: the one-dir program plus install.sh,
# README.txt, the menu entry, AppStream metainfo and hicolor icons.
#
#   packaging/linux/stage.sh PROGRAM_DIR TARGET_DIR
#
# PROGRAM_DIR is PyInstaller's dist/inspector; TARGET_DIR is created.
# Used by packaging/build.sh (and by the tests, with a stand-in program).
set -euo pipefail

PROGRAM=$1
STAGE=$2
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
LINUX="$ROOT/packaging/linux"
ICONS="$ROOT/resources/icons"

mkdir -p "$STAGE/share/applications" "$STAGE/share/metainfo" \
    "$STAGE/share/icons/hicolor/scalable/apps"
cp -R "$PROGRAM" "$STAGE/inspector"
install -m 755 "$LINUX/install.sh" "$STAGE/install.sh"
install -m 644 "$LINUX/README.txt" "$STAGE/README.txt"
install -m 644 "$LINUX/inspector.desktop" "$STAGE/share/applications/"
install -m 644 "$LINUX"/*.metainfo.xml "$STAGE/share/metainfo/"
install -m 644 "$ICONS/inspector.svg" "$STAGE/share/icons/hicolor/scalable/apps/"
for size in 16 24 32 48 64 128 256 512; do
    mkdir -p "$STAGE/share/icons/hicolor/${size}x${size}/apps"
    install -m 644 "$ICONS/inspector-$size.png" \
        "$STAGE/share/icons/hicolor/${size}x${size}/apps/inspector.png"
done
