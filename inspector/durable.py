"""Writing files so that they survive a crash, a power cut or a pulled USB stick.

Every file the program writes whole (a settings file, a device key, an exported
CSV, a PDF, a thumbnail) goes through :func:`replacing` (or :func:`write_atomic`
for bytes already in memory): the data goes to a new temp file in the target's
folder, is flushed to the disk (``fsync``), and only then takes the target's name
by a rename, whose folder entry is made durable too. A crash at any moment leaves
either the old file or the new one, never half of one, and no temp file behind
when writing fails. Standard library only: every layer uses it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO


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


@contextmanager
def replacing(target: Path, *, cache: bool = False, folder_exists: bool = False,
              private: bool = False) -> Iterator[BinaryIO]:
    """A new file, open for writing, that takes ``target``'s place when the block ends
    without an error (and is removed when it does not).

    ``folder_exists``: the caller knows the folder is there (else it is made).
    ``private``: only the file's owner may read it (a key). ``cache``: a file the
    program makes again whenever it is missing or unreadable (a thumbnail), written
    without waiting for the disk.
    """
    if not folder_exists:
        target.parent.mkdir(parents=True, exist_ok=True)
    temp = target.with_name(f".{target.name}.{os.urandom(16).hex()}.part")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    fd = os.open(temp, flags, 0o600 if private else 0o666)
    try:
        with os.fdopen(fd, "wb") as out:
            yield out
            if not cache:
                out.flush()
                os.fsync(out.fileno())
        temp.replace(target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    if not cache:
        fsync_dir(target.parent)


def write_atomic(target: Path, data: bytes, *, cache: bool = False,
                 folder_exists: bool = False, private: bool = False) -> None:
    """Write ``data`` to ``target`` as :func:`replacing` does."""
    with replacing(target, cache=cache, folder_exists=folder_exists, private=private) as out:
        out.write(data)
