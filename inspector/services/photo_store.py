"""The content-addressed photo store and its thumbnail cache (no database, no Qt).

Layout under the data directory::

    photos/ab/abcdef…(64 hex).jpg     original bytes, named by their SHA-256
    photos/.incoming/<random>.part    files being received (same file system)
    cache/thumbnails/ab/abcdef…-256.jpg

A file reaches its final name only by an atomic rename after its bytes are
written and fsynced, so a final name never holds half a file; the same bytes
added twice are stored once. Every method is safe to call from worker threads.

Callers never name the incoming folder themselves: :meth:`PhotoStore.receive`
copies a source file there (:mod:`~inspector.services.photo_copy`),
:meth:`PhotoStore.new_staging_file` opens a new temp file there for bytes from
elsewhere (a sync bundle), and :meth:`PhotoStore.durable_batch` keeps many files
with one fsync per folder renamed into, instead of one per file (see
:class:`~inspector.services.photo_durable.DurableBatch`).
"""

from __future__ import annotations

import contextlib
import dataclasses
import io
import os
import re
import time
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from PIL import Image

from inspector.app_paths import AppPaths
from inspector.durable import fsync_dir, write_atomic
from inspector.errors import UserError
from inspector.services import photo_image, store_lock
from inspector.services.photo_copy import (
    CHUNK_BYTES,
    MAX_FILE_BYTES,
    StagingFile,
    copy_source,
    hash_copy,
    unreadable,
)
from inspector.services.photo_image import PhotoRejected

if TYPE_CHECKING:
    from inspector.services.photo_durable import DurableBatch

THUMBNAIL_SIZE = 256
#: Raised when thumbnails are rendered differently (2: 16-bit and 10-bit greyscale scaled,
#: no longer white).
THUMBNAIL_VERSION = 2
_INCOMING = ".incoming"
#: While the time written in this file is in the future, no stored file is cleaned up.
_SPARE_NAME = ".spare-until"
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


class PhotoStoreError(UserError):
    """The photo store cannot be written (disk full, no permission); worded for the user."""


@dataclass(frozen=True)
class Received:
    """Bytes copied from a source file: either a new temp file or an existing stored one."""

    sha256: str
    size_bytes: int
    temp: Path | None  # None when the same bytes were already stored
    existing: Path | None  # the stored file when temp is None
    synced: bool = False  # the temp file is on the disk already (PhotoStore.sync_received)


def write_error(target: Path, exc: OSError) -> PhotoStoreError:
    """A failure writing ``target`` into the store, in the user's words."""
    return PhotoStoreError(
        f"无法写入照片库 {target.parent}（磁盘已满或没有权限？）：{exc.strerror or exc} / "
        f"cannot write to the photo store {target.parent} (disk full or no permission?)"
    )


class PhotoStore:
    """Original photo files by SHA-256, plus their cached thumbnails."""

    def __init__(self, root: Path, thumbnails: Path) -> None:
        self.root = root
        self.thumbnails = thumbnails
        self._made: set[Path] = set()  # folders known to exist (saves a syscall per file)

    def _folder(self, folder: Path) -> bool:
        """Make sure ``folder`` exists; True when it had to be created."""
        if folder in self._made:
            return False
        created = not folder.is_dir()
        folder.mkdir(parents=True, exist_ok=True)
        self._made.add(folder)
        return created

    @classmethod
    def for_paths(cls, paths: AppPaths) -> PhotoStore:
        return cls(paths.photos, paths.thumbnails)

    # -- the one rule across processes (see inspector.services.store_lock) ------------

    @contextlib.contextmanager
    def writing(self) -> Iterator[None]:
        """Hold the store shared from the first file put in (or relied on) until the
        rows naming the files are committed; any number of writers at once."""
        lock = self.hold()
        try:
            yield
        finally:
            lock.release()

    def hold(self) -> store_lock.WriterHold:
        """Like :meth:`writing`, for a hold released later by ``release()``."""
        try:
            return store_lock.WriterHold(self.root)
        except store_lock.StoreBusy as exc:
            raise PhotoStoreError(str(exc)) from exc

    def collecting(self) -> contextlib.AbstractContextManager[bool]:
        """Try to hold the store exclusively (True), or not at all while a writer works."""
        return store_lock.collecting(self.root)

    # -- the originals ---------------------------------------------------------------

    def path_for(self, sha256: str, extension: str) -> Path:
        return self.root / sha256[:2] / f"{sha256}.{extension}"

    def find(self, sha256: str) -> Path | None:
        """The stored file with these bytes, whatever its extension, or None."""
        for extension in photo_image.EXTENSIONS:
            candidate = self.path_for(sha256, extension)
            if candidate.is_file():
                return candidate
        return None

    def receive(self, source: Path) -> Received:
        """Copy ``source`` into the incoming folder, then hash the copy (SHA-256).

        The copy is made by the operating system where it can (Linux: ``sendfile``,
        no pass through Python's memory), else in 1 MiB chunks hashed on the way;
        either way the hash is of the bytes stored, whatever happens to the source
        meanwhile. When the store already holds the same bytes the copy is dropped
        at once. Otherwise the copy waits for :meth:`keep` (fsync + rename) or
        :meth:`discard`. Raises :class:`PhotoRejected` when the source cannot be
        read or is too large and :class:`PhotoStoreError` when the store cannot be
        written.
        """
        incoming = self.root / _INCOMING
        temp = incoming / f"{uuid.uuid4().hex}.part"
        try:
            source_file = open(source, "rb")  # noqa: SIM115 (closed below, errors told apart)
        except OSError as exc:
            raise unreadable(source, exc) from exc
        try:
            self._folder(incoming)
            with source_file, open(temp, "x+b") as out:  # read back to be hashed
                size, sha256 = copy_source(source_file, out, source)
                if size > MAX_FILE_BYTES:
                    raise PhotoRejected(
                        source, f"文件超过 {MAX_FILE_BYTES // 2**20} MB / the file is larger "
                                f"than {MAX_FILE_BYTES // 2**20} MB")
                if sha256 is None:
                    sha256 = hash_copy(out)
            existing = self.find(sha256)
        except PhotoRejected:
            temp.unlink(missing_ok=True)
            raise
        except OSError as exc:
            temp.unlink(missing_ok=True)
            raise write_error(temp, exc) from exc
        except BaseException:
            temp.unlink(missing_ok=True)
            raise
        if size == 0:
            temp.unlink(missing_ok=True)
            raise PhotoRejected(source, "文件是空的 / the file is empty")
        if existing is not None:
            temp.unlink(missing_ok=True)
            return Received(sha256, size, None, existing)
        return Received(sha256, size, temp, None)

    def sync_received(self, received: Received) -> Received:
        """fsync a received temp file now (e.g. on a thread of its own, while it is
        decoded), so that keeping it later only renames it. A temp file already
        discarded meanwhile (the file was refused) is left alone: returned unsynced."""
        if received.temp is None or received.synced:
            return received
        try:
            with open(received.temp, "r+b") as temp:  # writable: Windows needs it to flush
                os.fsync(temp.fileno())
        except FileNotFoundError:
            return received
        except OSError as exc:
            received.temp.unlink(missing_ok=True)
            raise write_error(received.temp, exc) from exc
        return dataclasses.replace(received, synced=True)

    def new_staging_file(self) -> tuple[Path, BinaryIO]:
        """A new, empty temp file in the incoming folder (same file system as the store).

        For bytes that do not come from a local file (a photo inside a sync
        bundle). Write them, close the file, then either keep it with
        ``Received(sha256, size, path, None)`` through :meth:`keep` or
        :meth:`durable_batch`, or delete it with :meth:`discard_staged`.
        Raises :class:`PhotoStoreError` when the store cannot be written.
        """
        incoming = self.root / _INCOMING
        temp = incoming / f"{uuid.uuid4().hex}.part"
        try:
            self._folder(incoming)
            return temp, StagingFile(io.FileIO(temp, "xb"), CHUNK_BYTES)
        except OSError as exc:
            raise write_error(temp, exc) from exc

    def discard_staged(self, temp: Path) -> None:
        """Delete a file made by :meth:`new_staging_file` (nothing if it is gone)."""
        temp.unlink(missing_ok=True)

    def keep(self, received: Received, extension: str) -> Path:
        """Make received bytes durable and give them their final name (atomic rename),
        fsyncing the file and the folder renamed into. For many files use
        :meth:`durable_batch`, which fsyncs each folder once."""
        with self.durable_batch() as batch:
            return batch.keep(received, extension)

    def durable_batch(self, max_delay: float | None = None) -> DurableBatch:
        """A context manager keeping many files with one fsync per touched folder.

        Every file is fsynced before its rename; the folders renamed into are
        fsynced when the ``with`` block ends (also when it ends by an error, so
        files already kept stay kept), and, with ``max_delay`` seconds, also
        whenever that long has passed since the last folder fsync. Only after
        the block has ended are the renames sure to survive a power cut:
        commit database rows that name the files after it (or accept, as the
        photo import does, that at most ``max_delay`` seconds of renames can
        be undone by a crash, leaving rows whose file the user adds again).
        """
        from inspector.services.photo_durable import DurableBatch

        return DurableBatch(self, max_delay)

    def sync_folders(self, folders: Iterable[Path]) -> None:
        """fsync folder entries so that renames into them survive a power cut."""
        for folder in set(folders):
            try:
                fsync_dir(folder)
            except OSError as exc:
                raise write_error(folder / "x", exc) from exc

    def discard(self, received: Received) -> None:
        if received.temp is not None:
            received.temp.unlink(missing_ok=True)

    def stored_files(self) -> Iterator[tuple[str, Path]]:
        """(sha256, path) of every stored original."""
        if not self.root.is_dir():
            return
        for folder in sorted(self.root.iterdir()):
            if not folder.is_dir() or folder.name == _INCOMING:
                continue
            for path in sorted(folder.iterdir()):
                sha256 = path.name.partition(".")[0]
                if _SHA256.match(sha256) and path.is_file():
                    yield sha256, path

    def remove(self, sha256: str) -> int:
        """Delete the original and its thumbnails; returns the bytes freed."""
        freed = 0
        path = self.find(sha256)
        if path is not None:
            freed = path.stat().st_size
            path.unlink(missing_ok=True)
        folder = self.thumbnails / sha256[:2]
        if folder.is_dir():
            for thumb in folder.glob(f"{sha256}-*.jpg"):
                thumb.unlink(missing_ok=True)
        return freed

    def spare_unreferenced(self, days: float) -> None:
        """Let the clean-up remove no stored file for ``days`` (e.g. after the database
        was restored from an older backup: the photos of the newer rows are referenced
        by the safety copy taken before restoring, not by the database in use)."""
        until = time.time() + days * 86400
        write_atomic(self.root / _SPARE_NAME, f"{max(until, self.spared_until()):.0f}\n"
                     .encode("ascii"))

    def spared_until(self) -> float:
        """Until when (a Unix time) the clean-up removes no stored file; 0 when not asked."""
        try:
            return float((self.root / _SPARE_NAME).read_text(encoding="ascii").strip())
        except FileNotFoundError:
            return 0.0
        except (OSError, ValueError):  # unreadable: keep sparing, the safe side
            return float("inf")

    def touch(self, sha256: str) -> None:
        """Give the stored file a fresh modification time (the clean-up spares recent files)."""
        path = self.find(sha256)
        if path is not None:
            touch_file(path)

    def staged_files(self) -> list[Path]:
        """Temp files waiting in the incoming folder: being received now, or left by a crash."""
        incoming = self.root / _INCOMING
        return sorted(incoming.glob("*.part")) if incoming.is_dir() else []

    def clean_incoming(self, older_than_seconds: float) -> int:
        """Remove leftovers of imports interrupted by a crash; returns how many."""
        limit = time.time() - older_than_seconds
        removed = 0
        for part in self.staged_files():
            try:
                if part.stat().st_mtime < limit:
                    part.unlink()
                    removed += 1
            except FileNotFoundError:
                continue
        return removed

    # -- thumbnails and display ------------------------------------------------------

    def thumbnail_path(self, sha256: str, size: int = THUMBNAIL_SIZE) -> Path:
        """The cached thumbnail; the name carries :data:`THUMBNAIL_VERSION`, so thumbnails
        made by an older way of rendering are made again (and removed with the photo)."""
        return self.thumbnails / sha256[:2] / f"{sha256}-{size}-v{THUMBNAIL_VERSION}.jpg"

    def save_thumbnail(self, sha256: str, jpeg: bytes, size: int = THUMBNAIL_SIZE) -> Path:
        target = self.thumbnail_path(sha256, size)
        self._folder(target.parent)
        try:
            write_atomic(target, jpeg, cache=True, folder_exists=True)
        except FileNotFoundError:  # the cache was cleared while the program ran
            self._made.discard(target.parent)
            write_atomic(target, jpeg, cache=True)
        return target

    def thumbnail(self, sha256: str, size: int = THUMBNAIL_SIZE) -> Path:
        """A JPEG at most ``size`` px on its long side, EXIF-oriented, cached on disk.

        The user's rotation is NOT baked in (turn the image when showing it), so
        rotating a photo never invalidates the cache. Decodes only on a cache miss.
        """
        target = self.thumbnail_path(sha256, size)
        try:
            if target.stat().st_size > 0:
                return target
        except FileNotFoundError:
            pass
        image = photo_image.render(self._original(sha256), size)
        self.save_thumbnail(sha256, photo_image.encode_jpeg(image), size)
        return target

    def display_image(self, sha256: str, max_size: int, rotation: int = 0) -> Image.Image:
        """An RGB image for a viewer: EXIF-oriented, turned by the user's ``rotation``
        (degrees clockwise) and no larger than ``max_size`` on its long side."""
        return photo_image.render(self._original(sha256), max_size, rotation)

    def _original(self, sha256: str) -> Path:
        path = self.find(sha256)
        if path is None:
            raise PhotoStoreError(f"照片文件丢失 / the photo file is missing: {sha256[:12]}…")
        return path


def touch_file(path: Path) -> None:
    """A fresh modification time for a stored file (the clean-up spares recent files)."""
    try:
        os.utime(path)
    except OSError:
        return  # only a hint for the garbage collector; the file is there

