"""Bytes into the photo store's incoming folder: a source file copied (by the operating
system where it can, else in chunks hashed on the way) and hashed, and the temp files
that start writing themselves to the disk when closed. Used by
:class:`~inspector.services.photo_store.PhotoStore`; no database, no Qt.
"""

from __future__ import annotations

import hashlib
import io
import os
import sys
from pathlib import Path
from typing import BinaryIO

from inspector.services.photo_image import PhotoRejected

CHUNK_BYTES = 1 << 20
#: Larger files are refused before anything is copied.
MAX_FILE_BYTES = 200 * 1024 * 1024


class StagingFile(io.BufferedWriter):
    """A temp file that starts writing itself to the disk when closed, so that the
    fsync of a later keep waits less, and that wait overlaps the next file's copy."""

    def close(self) -> None:
        if not self.closed:
            try:
                self.flush()
                _start_writeback(self.fileno())
            finally:
                super().close()


def _start_writeback(fd: int) -> None:
    """Ask the OS to begin writing the file's dirty pages now, without waiting (Linux;
    a hint only, elsewhere nothing). Pages still dirty, or being written, stay cached."""
    advise = getattr(os, "posix_fadvise", None)
    if advise is not None:
        try:
            advise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        except OSError:
            return


_SENDFILE = getattr(os, "sendfile", None) if sys.platform.startswith("linux") else None


def copy_source(source: BinaryIO, out: BinaryIO, shown: Path) -> tuple[int, str | None]:
    """Copy ``source`` into ``out``, at most MAX_FILE_BYTES + 1 bytes (more means too
    large). Returns the bytes copied and their SHA-256, or None for the hash when the
    operating system copied them (hash the copy then). Reading errors are the
    source's (:class:`PhotoRejected`), writing errors ``OSError``."""
    limit = MAX_FILE_BYTES + 1
    if _SENDFILE is not None:
        copied = 0
        try:
            while copied < limit:
                sent = _SENDFILE(out.fileno(), source.fileno(), copied, limit - copied)
                if not sent:
                    return copied, None
                copied += sent
            return copied, None
        except OSError:  # the source's or the store's? Copied again below, which tells
            out.seek(0)  # (sendfile read at given offsets: the source is still at 0)
            out.truncate()
    digest = hashlib.sha256()
    size = 0
    while size < limit:
        try:
            chunk = source.read(min(CHUNK_BYTES, limit - size))
        except OSError as exc:
            raise unreadable(shown, exc) from exc
        if not chunk:
            break
        size += len(chunk)
        digest.update(chunk)
        out.write(chunk)
    return size, digest.hexdigest()


def hash_copy(copy: BinaryIO) -> str:
    """The SHA-256 of a file just written (read back from the start)."""
    digest = hashlib.sha256()
    copy.seek(0)
    while chunk := copy.read(CHUNK_BYTES):
        digest.update(chunk)
    return digest.hexdigest()


def unreadable(source: Path, exc: OSError) -> PhotoRejected:
    if isinstance(exc, FileNotFoundError):
        return PhotoRejected(source, "文件不存在 / the file does not exist")
    if isinstance(exc, IsADirectoryError):
        return PhotoRejected(source, "这是文件夹，不是图片 / this is a folder, not an image")
    return PhotoRejected(source, f"无法读取文件 / cannot read the file ({exc.strerror or exc})")
