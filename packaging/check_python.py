"""Is this Python fit to be frozen into a bundle? Exit 0 if so; prints the version.

Frozen builds carry their own copy of Python, so it must have the 2024
security fixes, among them CVE-2024-0450 (zipfile "quoted-overlap" zip bomb):
CPython 3.11.10 or later, 3.12.6 or later, or 3.13 and newer. Used by
packaging/build.sh and build.ps1; standard library only.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

MINIMUM = {(3, 11): (3, 11, 10), (3, 12): (3, 12, 6)}
OLDEST_MINOR = (3, 11)


def acceptable(version: Sequence[int]) -> bool:
    major_minor = (version[0], version[1])
    if major_minor < OLDEST_MINOR:
        return False
    return tuple(version[:3]) >= MINIMUM.get(major_minor, (0, 0, 0))


if __name__ == "__main__":
    print(".".join(map(str, sys.version_info[:3])))
    sys.exit(0 if acceptable(sys.version_info) and sys.implementation.name == "cpython" else 1)
