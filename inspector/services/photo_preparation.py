"""Preparing files to add as photos, ahead of the thread that keeps them: each one copied
into the store's incoming folder, hashed and fsynced on a thread of its own, then decoded
(to validate it and make its thumbnail) on ``workers`` threads. Results come back in file
order; at most a few files are in flight whatever their number. Used by
:mod:`~inspector.services.photo_import`.
"""

from __future__ import annotations

import dataclasses
from collections import deque
from collections.abc import Generator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from inspector.services.control import Control
from inspector.services.photo_image import ImageFacts, PhotoRejected, encode_jpeg, examine, probe
from inspector.services.photo_store import THUMBNAIL_SIZE, PhotoStore, Received


@dataclass(frozen=True)
class Prepared:
    """A file received and checked, waiting in ``.incoming`` to be kept or discarded."""

    received: Received
    facts: ImageFacts
    thumbnail: bytes | None  # JPEG bytes; None when the bytes were already stored


def _receive(store: PhotoStore, source: Path) -> Received | PhotoRejected:
    """Copy and hash a file into the store's incoming folder (disk work, no decoding)."""
    try:
        return store.receive(source)
    except PhotoRejected as rejected:
        return rejected


def _examine(store: PhotoStore, source: Path, received: Received | PhotoRejected
             ) -> Prepared | PhotoRejected:
    """Decode a received file and make its thumbnail (the copy is discarded if refused)."""
    if isinstance(received, PhotoRejected):
        return received
    try:
        if received.existing is not None:
            return Prepared(received, probe(received.existing, display_path=source), None)
        assert received.temp is not None
        examined = examine(received.temp, THUMBNAIL_SIZE, display_path=source)
        return Prepared(received, examined.facts, encode_jpeg(examined.preview))
    except PhotoRejected as rejected:
        store.discard(received)
        return rejected
    except BaseException:
        store.discard(received)
        raise


def _examine_copied(store: PhotoStore, source: Path,
                    copying: Future[Received | PhotoRejected]) -> Prepared | PhotoRejected:
    return _examine(store, source, copying.result())


def _sync_copied(store: PhotoStore, copying: Future[Received | PhotoRejected]
                 ) -> Received | PhotoRejected:
    copied = copying.result()
    return store.sync_received(copied) if isinstance(copied, Received) else copied


def prepared_in_order(store: PhotoStore, paths: Sequence[Path], control: Control,
                       workers: int
                       ) -> Generator[tuple[Path, Prepared | PhotoRejected]]:
    """Prepare files (copy, hash, fsync, decode, thumbnail), yielding results in order.

    Files are copied into the store, hashed and fsynced on a thread of their
    own, ahead of the ``workers`` threads decoding them: the disk works while
    the processor decodes, and keeping a file only renames it. At most
    ``2 × workers + 1`` files are in flight, so memory stays flat however many
    files there are. Closing the iterator early discards what is in flight.
    ``workers=0`` does everything in the calling thread, one file at a time.
    """
    if workers <= 0:  # everything in the calling thread
        for source in paths:
            if control.cancelled:
                return
            yield source, _examine(store, source, _receive(store, source))
        return
    with (ThreadPoolExecutor(max_workers=1, thread_name_prefix="photo-copy") as copier,
          ThreadPoolExecutor(max_workers=workers, thread_name_prefix="photo-import") as pool):
        window: deque[tuple[Path, Future[Received | PhotoRejected],
                            Future[Received | PhotoRejected],
                            Future[Prepared | PhotoRejected]]] = deque()
        queue = iter(paths)

        def submit_next() -> None:
            source = None if control.cancelled else next(queue, None)
            if source is not None:
                copying = copier.submit(_receive, store, source)
                syncing = copier.submit(_sync_copied, store, copying)  # right after the copy
                window.append((source, copying, syncing,
                               pool.submit(_examine_copied, store, source, copying)))

        try:
            for _ in range(2 * workers + 1):
                submit_next()
            while window:
                source, _copying, syncing, examining = window.popleft()
                outcome = examining.result()
                if isinstance(outcome, Prepared):
                    try:
                        synced = syncing.result()
                    except BaseException:
                        store.discard(outcome.received)
                        raise
                    if isinstance(synced, Received) and synced.temp == outcome.received.temp:
                        outcome = dataclasses.replace(outcome, received=synced)
                submit_next()
                yield source, outcome
        finally:
            for _, copying, syncing, examining in window:
                examining.cancel()
                syncing.cancel()
                copying.cancel()
            for _, copying, syncing, examining in window:
                if not syncing.cancelled():
                    syncing.exception()  # wait: no fsync of a file about to be discarded
                if not examining.cancelled():  # it ran: it discarded a copy it refused
                    if examining.exception() is None:
                        leftover = examining.result()
                        if isinstance(leftover, Prepared):
                            store.discard(leftover.received)
                elif not copying.cancelled() and copying.exception() is None:
                    copied = copying.result()
                    if isinstance(copied, Received):
                        store.discard(copied)
