"""Is this Python fit to be frozen into a bundle? Exit 0 if so; prints the version.

Frozen builds carry their own copy of Python, and the program opens ZIP files
that come from elsewhere (sync bundles on USB sticks), so that Python must have
the fix for CVE-2024-0450 (zipfile "quoted-overlap" zip bombs): CPython 3.11.9,
3.12.3, 3.13 and newer have it, and so do distributions' older-numbered builds
with the fix backported (Debian 12's 3.11.2-6+deb12u2 and later, for example).
So the fix itself is tested, not the version number: an archive whose members
overlap must be refused when opened. Used by packaging/build.sh and build.ps1;
standard library only.
"""

from __future__ import annotations

import io
import struct
import sys
import zipfile
from collections.abc import Sequence

OLDEST_MINOR = (3, 11)


def refuses_overlapping_members() -> bool:
    """Does this Python's zipfile refuse a member whose data runs into the next one?"""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a", b"x" * 100)
        archive.writestr("b", b"y" * 100)
    data = bytearray(buffer.getvalue())
    central = data.find(b"PK\x01\x02")  # the first member's central directory entry
    struct.pack_into("<II", data, central + 20, 300, 300)  # its sizes now cover "b"
    try:
        with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
            archive.open("a").close()
    except zipfile.BadZipFile:
        return True
    return False


def acceptable(version: Sequence[int], overlap_refused: bool) -> bool:
    return (version[0], version[1]) >= OLDEST_MINOR and overlap_refused


if __name__ == "__main__":
    print(".".join(map(str, sys.version_info[:3])))
    fit = acceptable(sys.version_info, refuses_overlapping_members())
    sys.exit(0 if fit and sys.implementation.name == "cpython" else 1)
