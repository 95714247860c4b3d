"""Making file system changes survive a power cut or a pulled USB stick."""

from __future__ import annotations

import os
from pathlib import Path


def fsync_dir(folder: Path) -> None:
    """Make the renames and new entries in ``folder`` durable.

    POSIX only: Windows has no directory handles, and NTFS journals the
    rename itself.
    """
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
