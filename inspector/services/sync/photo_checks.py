"""Proving the photos of a bundle whole images of the type their names say, while the
bundle is read (:func:`~inspector.services.sync.verify_contents.check_members`).

Each photo is checked on a helper thread, one per core, while the next members are
read: an ordinary JPEG is proven whole by a walk through its markers
(:func:`photo_image.proven_whole`), any other photo is decoded
(:func:`photo_image.examine`). The walk searches the image data at C speed and the
decoders let go of the interpreter, so the checks and the reading share the cores.
"""

from __future__ import annotations

import os
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from inspector.services import photo_image
from inspector.services.sync import bundle_format as bf
from inspector.services.sync.errors import BundleRefused


def check_photo(path: Path, member: bf.Member) -> None:
    """A photo from a bundle is accepted as a photo added here would be: a whole image of
    a supported type, whose file type is the one its name says.

    An ordinary JPEG is proven whole without decoding (:func:`photo_image.proven_whole`),
    any other photo by decoding it (:func:`photo_image.examine`). Raises
    :class:`BundleRefused`.
    """
    shown = Path(member.path)
    try:
        facts = photo_image.proven_whole(path, display_path=shown) or photo_image.examine(
            path, preview_size=16, display_path=shown).facts
    except photo_image.PhotoRejected as exc:
        raise BundleRefused(
            f"数据包中的照片不是可用的图片 / a photo in the bundle is not a usable image: "
            f"{member.path}: {exc.reason}") from None
    extension = member.path.rsplit(".", 1)[1]
    if facts.extension != extension:
        raise BundleRefused(
            f"照片的文件类型与文件名不符 / a photo's file type differs from its name: "
            f"{member.path} is a {facts.extension} file")


def _check_workers() -> int:
    """One photo check at a time per core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


class PhotoChecks:
    """Photos checked (:func:`check_photo`) on helper threads, one per core, while the
    next members are read; at most two per thread wait, so memory stays flat. A failed
    check stops the reading at the next member; the failure reported is the first in
    the bundle's order, as if the photos had been checked one after another."""

    def __init__(self) -> None:
        self._pool: ThreadPoolExecutor | None = None
        self._workers = _check_workers()
        self._pending: list[tuple[Future[None], Path, bool]] = []

    def submit(self, path: Path, member: bf.Member, scratch: bool) -> None:
        """Check ``path`` (a copy of ``member``); a ``scratch`` copy is removed after."""
        try:
            while len(self._pending) >= 2 * self._workers:
                self._wait_first()
        except BaseException:
            if scratch:
                path.unlink(missing_ok=True)
            raise
        if self._pool is None:
            self._pool = ThreadPoolExecutor(self._workers, thread_name_prefix="photo-check")
        self._pending.append((self._pool.submit(_check_copy, path, member, scratch), path,
                              scratch))

    def _wait_first(self) -> None:
        self._pending[0][0].result()  # a failed one stays first: earlier_failure() says it
        self._pending.pop(0)

    def raise_failed(self) -> None:
        """Raise the first failure in order once any check has failed."""
        if any(future.done() and future.exception() is not None
               for future, _path, _scratch in self._pending):
            self.finish()

    def finish(self) -> None:
        """Wait for every check; raise the first failure in order."""
        while self._pending:
            self._wait_first()

    def earlier_failure(self) -> BaseException | None:
        """The first failure of the checks still pending (all of earlier members)."""
        for future, _path, _scratch in self._pending:
            if not future.cancelled() and future.exception() is not None:
                return future.exception()
        return None

    def close(self) -> None:
        """Stop: checks not started are dropped (their scratch copies removed), the
        running ones finish."""
        for future, path, scratch in self._pending:
            if future.cancel() and scratch:
                path.unlink(missing_ok=True)
        self._pending.clear()
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


def _check_copy(path: Path, member: bf.Member, scratch: bool) -> None:
    try:
        check_photo(path, member)
    finally:
        if scratch:
            path.unlink(missing_ok=True)
