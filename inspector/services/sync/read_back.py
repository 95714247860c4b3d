"""Writing a file while a helper thread reads back what has already reached the medium.

An export must be sure that the USB stick holds exactly the bytes it wrote
(cheap or worn sticks lose writes, or claim more space than they have).
Reading the whole file back after writing it would double the time on the
stick; here, every ``span`` bytes, a helper thread syncs the file to the
medium, asks the OS to forget that span's cached pages (where the OS allows
it), reads the span back and compares it byte for byte with what was
written, while the writing goes on. Memory stays bounded: the bytes written are kept
only until their span has been compared, and at most ``window`` spans wait.

The writer is not seekable, so ``zipfile`` writes each member once, in order
(with a data descriptor after its data) and never goes back to patch a header.
"""

from __future__ import annotations

import logging
import os
import queue
import threading
from pathlib import Path
from typing import BinaryIO

from inspector.errors import UserError

log = logging.getLogger(__name__)

SPAN = 8 << 20
WINDOW = 2


class ReadBackMismatch(UserError):
    """What was read back from the medium is not what was written there."""


def sync_data(fd: int) -> None:
    """Push the file's data to the medium (``fdatasync`` where there is one)."""
    (getattr(os, "fdatasync", None) or os.fsync)(fd)


def forget_cached(fd: int, offset: int = 0, length: int = 0) -> None:
    """Ask the OS to drop cached pages of a synced file, so reading them reads the medium.

    Only where the OS offers it (``posix_fadvise``); elsewhere reading back is
    served from the cache and still checks what the OS will write.
    """
    advise = getattr(os, "posix_fadvise", None)
    if advise is not None:
        advise(fd, offset, length, os.POSIX_FADV_DONTNEED)


class ReadBackWriter:
    """A write-only file over ``raw`` (opened on ``path``) that checks the medium as it goes.

    Call :meth:`finish` after the last write: it syncs the rest, waits for the
    last comparison and raises :class:`ReadBackMismatch` (or the read's
    ``OSError``) if anything differs. :meth:`abandon` stops the helper on failure.
    """

    def __init__(self, raw: BinaryIO, path: Path, span: int = SPAN, window: int = WINDOW) -> None:
        self._raw = raw
        self._span = span
        self._chunks: list[bytes] = []
        self._pending = 0  # bytes written since the last span was handed over
        self._offset = 0  # where that span starts
        self._spans: queue.Queue[tuple[int, list[bytes]] | None] = queue.Queue(maxsize=window)
        self._error: BaseException | None = None
        self._stopped = False
        # Unbuffered: a buffer would read ahead past the span being checked, and serve
        # the next span from memory instead of from the medium.
        self._reader = open(path, "rb", buffering=0)  # noqa: SIM115 (closed by the helper)
        self._helper = threading.Thread(target=self._compare_spans, name="read-back",
                                        daemon=True)
        self._helper.start()

    # -- what zipfile calls (no tell/seek: zipfile then never seeks back) --------

    def write(self, data: bytes | bytearray | memoryview) -> int:
        if self._error is not None:
            raise self._error
        chunk = data if type(data) is bytes else bytes(data)
        self._raw.write(chunk)
        self._chunks.append(chunk)
        self._pending += len(chunk)
        if self._pending >= self._span:
            self._hand_over()
        return len(chunk)

    def flush(self) -> None:
        self._raw.flush()

    # -- the end -------------------------------------------------------------------

    def finish(self) -> None:
        """Everything on the medium and compared; raises if the medium disagrees."""
        self._hand_over()
        self._stop()
        if self._error is not None:
            raise self._error

    def abandon(self) -> None:
        """Stop the helper without waiting for a verdict (the file is being thrown away)."""
        self._stop()

    def _stop(self) -> None:
        if self._stopped:
            return
        self._stopped = True
        self._spans.put(None)
        self._helper.join()

    # -- writing side --------------------------------------------------------------

    def _hand_over(self) -> None:
        self._raw.flush()  # into the OS; the helper syncs it to the medium
        if self._chunks:
            self._spans.put((self._offset, self._chunks))  # waits while the helper lags
            self._offset += self._pending
        self._chunks, self._pending = [], 0

    # -- reading side (the helper thread) -------------------------------------------

    def _compare_spans(self) -> None:
        try:
            while (span := self._spans.get()) is not None:
                if self._error is None:
                    try:
                        self._compare(*span)
                    except BaseException as exc:  # noqa: BLE001 (the writer raises it)
                        self._error = exc
        finally:
            self._reader.close()

    def _compare(self, offset: int, chunks: list[bytes]) -> None:
        # Synced here, not by the writer, so that writing goes on meanwhile.
        sync_data(self._raw.fileno())
        length = sum(len(chunk) for chunk in chunks)
        forget_cached(self._reader.fileno(), offset, length)
        span = bytearray(length)
        view = memoryview(span)
        self._reader.seek(offset)
        got = 0
        while got < length:
            read = self._reader.readinto(view[got:])
            if not read:
                raise ReadBackMismatch(f"读回的内容比写入的少，U盘可能已损坏或被拔出 / the medium "
                                       f"holds less than was written (ends at byte "
                                       f"{offset + got})")
            got += read
        position = 0
        for chunk in chunks:
            if span[position:position + len(chunk)] != chunk:
                log.warning("read-back differs near byte %d of %s", offset + position,
                            self._reader.name)
                raise ReadBackMismatch(f"读回的内容与写入的不一致，U盘可能已损坏 / the medium "
                                       f"does not hold what was written (from byte "
                                       f"{offset + position})")
            position += len(chunk)
