"""Making file system changes survive a power cut or a pulled USB stick."""

from __future__ import annotations

import os
import uuid
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


def write_atomic(target: Path, data: bytes, *, durable: bool = True,
                 folder_exists: bool = False) -> None:
    """Write ``data`` to ``target`` through a temp file in the same folder and a rename."""
    if not folder_exists:
        target.parent.mkdir(parents=True, exist_ok=True)
    temp = target.with_name(f".{target.name}.{uuid.uuid4().hex}.part")
    try:
        with open(temp, "xb") as out:
            out.write(data)
            if durable:
                out.flush()
                os.fsync(out.fileno())
        temp.replace(target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
