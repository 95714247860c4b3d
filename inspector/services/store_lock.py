"""One rule for the photo store across threads and processes (no Qt).

A stored photo file may be deleted only when no committed row refers to it and
no import in progress may still refer to it, in this process or any other (a
window and the command line, or two windows, may work on one data folder).

The rule is kept with a reader/writer lock on a file in the photo store:

* **Writers** — anything that puts a file into the store (or relies on a file
  already there) and then commits rows naming it: adding photos, importing a
  bundle, undoing a photo's deletion — hold the lock **shared** from the first
  file they touch until their rows are committed or they have given up.
  Any number of writers run at once.
* **The collector** (removing files nothing refers to, clearing the leftovers of
  interrupted imports) holds it **exclusively** and only tries: when a writer
  is at work anywhere, it does nothing this time.

The operating system releases a killed process's locks, so a crash never
leaves the store locked. POSIX record locks belong to a process, not to a file
handle, so each process keeps one lock object per store and counts its own
writers (threads) itself; only the first takes the operating system's lock and
only the last releases it.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import fasteners

from inspector.errors import UserError

log = logging.getLogger(__name__)

LOCK_NAME = ".lock"
#: How long a writer waits for a running clean-up to finish before giving up.
WRITER_TIMEOUT_S = 120.0


class StoreBusy(UserError):
    """The photo store could not be locked in time; worded for the user."""


class _FolderLock:
    """The lock of one store in this process (see the module's text)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._ipc = fasteners.InterProcessReaderWriterLock(str(path))
        self._cond = threading.Condition()
        self._writers = 0
        self._collecting = False

    def acquire_shared(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        with self._cond:
            while self._collecting:
                remaining = deadline - time.monotonic()
                if remaining <= 0 or not self._cond.wait(remaining):
                    raise _busy(self.path)
            if self._writers == 0:
                remaining = max(0.0, deadline - time.monotonic())
                try:
                    got = self._ipc.acquire_read_lock(timeout=remaining, max_delay=0.05)
                except (OSError, threading.ThreadError) as exc:
                    raise _unlockable(self.path, exc) from exc
                if not got:
                    raise _busy(self.path)
            self._writers += 1

    def release_shared(self) -> None:
        with self._cond:
            self._writers -= 1
            if self._writers == 0:
                self._ipc.release_read_lock()
                self._cond.notify_all()

    def try_exclusive(self) -> bool:
        with self._cond:
            if self._writers or self._collecting:
                return False
            try:
                got = self._ipc.acquire_write_lock(blocking=False)
            except (OSError, threading.ThreadError):
                return False  # a read-only store: nothing can be removed anyway
            if got:
                self._collecting = True
            return bool(got)

    def release_exclusive(self) -> None:
        with self._cond:
            self._ipc.release_write_lock()
            self._collecting = False
            self._cond.notify_all()


_LOCKS: dict[Path, _FolderLock] = {}
_LOCKS_GUARD = threading.Lock()


def folder_lock(store_root: Path) -> _FolderLock:
    """This process's lock for the store at ``store_root`` (one per store, see above).

    A per-process table rather than an injected object: the operating system's
    lock is per process, so two objects for one store in one process would
    release each other's lock.
    """
    key = store_root.resolve()
    with _LOCKS_GUARD:
        lock = _LOCKS.get(key)
        if lock is None:
            lock = _LOCKS[key] = _FolderLock(key / LOCK_NAME)
        return lock


@contextmanager
def writing(store_root: Path, timeout: float = WRITER_TIMEOUT_S) -> Iterator[None]:
    """Hold the store shared while files are put in and the rows naming them committed."""
    lock = folder_lock(store_root)
    lock.acquire_shared(timeout)
    try:
        yield
    finally:
        lock.release_shared()


class WriterHold:
    """A shared hold that outlives one call: taken when a bundle's photos are staged,
    released when the import is committed or dropped (possibly on another thread)."""

    def __init__(self, store_root: Path, timeout: float = WRITER_TIMEOUT_S) -> None:
        self._lock = folder_lock(store_root)
        self._lock.acquire_shared(timeout)
        self._held = True
        self._guard = threading.Lock()

    def release(self) -> None:
        with self._guard:
            if self._held:
                self._held = False
                self._lock.release_shared()


@contextmanager
def collecting(store_root: Path) -> Iterator[bool]:
    """Try to hold the store exclusively; yields False (and holds nothing) when a
    writer is at work in this or another process."""
    lock = folder_lock(store_root)
    if not lock.try_exclusive():
        yield False
        return
    try:
        yield True
    finally:
        lock.release_exclusive()


def _busy(path: Path) -> StoreBusy:
    return StoreBusy(
        f"照片库正在清理，请稍后重试 / the photo store is being tidied up; please try again in a "
        f"moment ({path.parent})")


def _unlockable(path: Path, exc: BaseException) -> StoreBusy:
    return StoreBusy(
        f"无法在照片库 {path.parent} 中写入（磁盘已满、只读或没有权限？）/ cannot write in the "
        f"photo store {path.parent} (disk full, read-only or no permission?): {exc}")


WINDOW_LOCK_NAME = ".window.lock"
EXPORT_LOCK_NAME = ".export.lock"

_CLAIM_GUARDS: dict[Path, threading.Lock] = {}


class FolderClaim:
    """An exclusive claim on a data folder for one kind of work, across threads and
    processes (the operating system drops it when the process ends, even by a kill)."""

    def __init__(self, data_dir: Path, name: str) -> None:
        path = data_dir / name
        self._lock = fasteners.InterProcessLock(str(path))
        with _LOCKS_GUARD:  # POSIX locks are per process: threads are kept apart here
            self._guard = _CLAIM_GUARDS.setdefault(path.absolute(), threading.Lock())
        self._mine = False

    def try_claim(self) -> bool:
        """True when nobody else holds the claim; then hold it until :meth:`release`.
        Makes the data folder if it is not there yet. Raises OSError when the
        folder cannot hold the lock file (read-only, not a folder)."""
        if not self._guard.acquire(blocking=False):
            return False
        try:
            got = bool(self._lock.acquire(blocking=False))
        except threading.ThreadError as exc:  # fasteners wraps the OSError
            self._guard.release()
            raise OSError(str(exc)) from exc
        except BaseException:
            self._guard.release()
            raise
        if not got:
            self._guard.release()
            return False
        self._mine = True
        return True

    def release(self) -> None:
        if self._mine:
            self._mine = False
            self._lock.release()
            self._guard.release()


class WindowClaim(FolderClaim):
    """This process's claim to show the one window on a data folder.

    Two windows on one folder would each keep showing what they read while the
    other overwrites it; the second one is refused instead. The command line
    needs no claim (it works with the photo store's lock and SQLite's own).
    """

    def __init__(self, data_dir: Path) -> None:
        super().__init__(data_dir, WINDOW_LOCK_NAME)

    def try_claim(self) -> bool:
        try:
            return super().try_claim()
        except OSError as exc:
            # A read-only or unusable folder cannot hold the lock file; the window
            # then says what is wrong with the folder when it opens its data.
            log.warning("could not take the window's lock in %s: %s", self._lock.path, exc)
            return True
