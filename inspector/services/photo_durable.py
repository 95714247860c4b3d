"""Keeping many files into the photo store with one fsync per folder renamed into
(:meth:`~inspector.services.photo_store.PhotoStore.durable_batch`)."""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from inspector.services.photo_store import PhotoStoreError, Received, touch_file, write_error

if TYPE_CHECKING:
    from inspector.services.photo_store import PhotoStore

#: Threads fsyncing a batch's files at once: the disk gets several writes in
#: flight and the file system can fold their journal commits into one.
FSYNC_THREADS = 4


class DurableBatch:
    """Files kept into the store with one folder fsync per batch (see
    :meth:`PhotoStore.durable_batch`). Use from one thread at a time."""

    def __init__(self, store: PhotoStore, max_delay: float | None) -> None:
        self.store = store
        self.max_delay = max_delay
        self.pending: set[Path] = set()  # folders renamed into, not yet fsynced
        self.last = time.monotonic()

    def keep(self, received: Received, extension: str) -> Path:
        """fsync the temp file (unless it is synced already), rename it to its final name;
        returns that name."""
        if received.temp is not None and not received.synced:
            self._fsync_file(received, extension)
        return self._rename(received, extension)

    def keep_many(self, items: Sequence[tuple[Received, str]]) -> list[Path]:
        """Keep (received, extension) pairs: all files are fsynced first, several
        at once, then renamed in order. On an error the files not yet renamed
        are deleted; those renamed stay (the caller removes them if it must)."""
        try:
            with ThreadPoolExecutor(max_workers=FSYNC_THREADS,
                                    thread_name_prefix="photo-fsync") as pool:
                list(pool.map(lambda item: self._fsync_file(*item),
                              [item for item in items if item[0].temp is not None]))
            return [self._rename(received, extension) for received, extension in items]
        except BaseException:
            for received, _extension in items:
                self.store.discard(received)
            raise

    def flush(self) -> None:
        """fsync the folders renamed into since the last flush."""
        if self.pending:
            folders, self.pending = self.pending, set()
            self.store.sync_folders(folders)
        self.last = time.monotonic()

    def __enter__(self) -> DurableBatch:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if exc_type is None:
            self.flush()
            return
        try:  # files kept before the error stay: make their renames durable too
            self.flush()
        except PhotoStoreError as second:
            if exc is not None:
                exc.add_note(f"and the photo folders could not be synced: {second}")

    def _fsync_file(self, received: Received, extension: str) -> None:
        assert received.temp is not None
        try:
            with open(received.temp, "r+b") as temp:  # writable: Windows needs it to flush
                os.fsync(temp.fileno())
        except OSError as exc:
            received.temp.unlink(missing_ok=True)
            raise write_error(self.store.path_for(received.sha256, extension), exc) from exc

    def _rename(self, received: Received, extension: str) -> Path:
        store = self.store
        if received.temp is None:
            assert received.existing is not None
            touch_file(received.existing)  # a fresh mtime keeps the garbage collector away
            return received.existing
        target = store.path_for(received.sha256, extension)
        try:
            if store._folder(target.parent):
                self.pending.add(store.root)  # a new folder is an entry in the root
            if target.exists():  # the same bytes arrived by another way meanwhile
                received.temp.unlink(missing_ok=True)
                touch_file(target)
                return target
            received.temp.replace(target)
        except OSError as exc:
            received.temp.unlink(missing_ok=True)
            raise write_error(target, exc) from exc
        self.pending.add(target.parent)
        if self.max_delay is not None and time.monotonic() - self.last >= self.max_delay:
            self.flush()
        return target

