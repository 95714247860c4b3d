"""Where USB sticks and SD cards are mounted, to start file dialogs there.

Sync bundles travel on USB sticks, so the export and import dialogs open on a
removable drive when one is plugged in. Standard library only; a best guess
per system (Windows drive types, the desktop's automount folders on Linux,
/Volumes on macOS): when nothing is found the caller falls back to Documents.
"""

from __future__ import annotations

import sys
from pathlib import Path

AUTOMOUNT_ROOTS = ("/media/", "/run/media/")  # udisks2 and older desktops mount here


def removable_drives(mounts_file: Path = Path("/proc/mounts")) -> list[Path]:
    """Mounted removable drives, most likely first; empty when none is found."""
    if sys.platform == "win32":
        return _windows_drives()
    if sys.platform == "darwin":
        volumes = Path("/Volumes")
        return sorted(p for p in volumes.iterdir() if p.is_dir() and not p.is_symlink()) \
            if volumes.is_dir() else []
    try:
        # Bytes as they are (latin-1 maps each byte to one character): the mount points'
        # own UTF-8 names, such as "U盘", are decoded after the octal escapes.
        mounts = mounts_file.read_text(encoding="latin-1")
    except OSError:
        return []
    return [path for path in linux_automounts(mounts) if path.is_dir()]


def linux_automounts(mounts: str) -> list[Path]:
    """Mount points from /proc/mounts text that a desktop made for a plugged-in drive."""
    found = []
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 2:
            continue
        # /proc/mounts writes spaces and other special characters as octal escapes.
        point = fields[1].encode("latin-1", "backslashreplace").decode("unicode_escape")
        point = point.encode("latin-1", "replace").decode("utf-8", "replace")
        if point.startswith(AUTOMOUNT_ROOTS):
            found.append(Path(point))
    return found


def _windows_drives() -> list[Path]:
    import ctypes
    import string

    drive_removable = 2
    get_type = ctypes.windll.kernel32.GetDriveTypeW  # type: ignore[attr-defined]
    return [Path(f"{letter}:\\") for letter in string.ascii_uppercase
            if get_type(f"{letter}:\\") == drive_removable and Path(f"{letter}:\\").exists()]
