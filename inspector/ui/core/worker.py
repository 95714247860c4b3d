"""The one way the GUI runs work off the UI thread.

A job is a plain function ``fn(control) -> result`` run on a ``QThreadPool``.
It never touches widgets: it reports progress through ``control.progress()``,
may hand over a first result early through ``control.partial()``, and checks
``control.cancelled`` (or calls ``control.check()``) to stop early.
Its result, its exception, its progress and its cancellation come back as Qt
signals of a :class:`JobHandle`, delivered on the UI thread.

Two queues exist: ``submit`` runs jobs in parallel (photo imports, thumbnails);
``submit_serial`` runs jobs one after another in submission order, which is
what saving needs (two quick changes to the same answer must land in order).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6 import QtCore
from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot

from inspector.services.control import Cancelled

__all__ = ["Cancelled", "JobControl", "JobHandle", "Worker"]

log = logging.getLogger(__name__)


class JobControl:
    """What a running job sees: the cancellation token and a progress reporter."""

    def __init__(self, relay: _Relay) -> None:
        self._relay = relay
        self._cancel = threading.Event()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def check(self) -> None:
        """Stop the job here (raising :class:`Cancelled`) if cancellation was asked for."""
        if self._cancel.is_set():
            raise Cancelled

    def progress(self, done: int, total: int, text: str = "") -> None:
        self._relay.progress.emit(done, total, text)

    def partial(self, value: object) -> None:
        """Hand ``value`` to the UI thread now, before the job has finished."""
        self._relay.partial.emit(value)


class _Relay(QObject):
    """Lives on the UI thread; the pool thread emits, Qt queues the calls to the UI thread."""

    progress = Signal(int, int, str)
    partial = Signal(object)
    outcome = Signal(str, object)  # "finished" | "failed" | "cancelled", payload


class JobHandle(QObject):
    """A submitted job. Connect to its signals; they arrive on the UI thread.

    Exactly one of ``finished(result)``, ``failed(exception)`` or ``cancelled()``
    is emitted, then ``done()``; ``progress`` and ``partial`` only before them.
    """

    progress = Signal(int, int, str)
    partial = Signal(object)
    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    done = Signal()

    def __init__(self, name: str, parent: QObject | None = None, *, inline: bool = False) -> None:
        super().__init__(parent)
        self.name = name
        self._relay = _Relay(self)
        self.control = JobControl(self._relay)
        self.is_done = False
        self.keep_alive: object = None  # what must live as long as the job (its operation)
        # Jobs run on a pool thread: their reports are queued to the UI thread. A job run
        # on the UI thread itself (``inline``, widget tests) reports at once.
        kind = QtCore.Qt.ConnectionType  # Qt loads on the first job
        connection = kind.DirectConnection if inline else kind.QueuedConnection
        self._relay.progress.connect(self._on_progress, connection)
        self._relay.partial.connect(self._on_partial, connection)
        self._relay.outcome.connect(self._on_outcome, connection)

    def cancel(self) -> None:
        self.control.cancel()

    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, text: str) -> None:
        if not self.is_done:
            self.progress.emit(done, total, text)

    @Slot(object)
    def _on_partial(self, value: object) -> None:
        if not self.is_done:
            self.partial.emit(value)

    @Slot(str, object)
    def _on_outcome(self, kind: str, payload: object) -> None:
        self.is_done = True
        if kind == "finished":
            self.finished.emit(payload)
        elif kind == "failed":
            self.failed.emit(payload)
        else:
            self.cancelled.emit()
        self.done.emit()


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[JobControl], Any], handle: JobHandle) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._fn: Callable[[JobControl], Any] | None = fn
        self._control = handle.control
        self._relay: _Relay | None = handle._relay

    def run(self) -> None:
        relay, fn = self._relay, self._fn
        # The handle (on the UI thread) keeps the relay alive until the outcome is
        # delivered; this thread lets go of its references before the handle does.
        self._relay = self._fn = None
        assert relay is not None and fn is not None
        kind, payload = run_job(fn, self._control)
        relay.outcome.emit(kind, payload)
        del relay, fn, payload


def run_job(fn: Callable[[JobControl], Any], control: JobControl) -> tuple[str, object]:
    """Run ``fn``: ("finished", result), ("failed", exception) or ("cancelled", None)."""
    try:
        if control.cancelled:
            raise Cancelled
        return "finished", fn(control)
    except Cancelled:
        return "cancelled", None
    except BaseException as exc:  # handed to the UI thread, whose operation shows it
        log.debug("job failed", exc_info=True)
        return "failed", exc


class Worker(QObject):
    """Runs jobs on background threads; create one per application and pass it down.

    Screens do not call it: they start :mod:`operations <inspector.ui.core.operations>`,
    which run on it.
    """

    idle = Signal()

    def __init__(self, max_threads: int = 2, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._parallel = QThreadPool(self)
        self._parallel.setMaxThreadCount(max(1, max_threads))
        self._serial = QThreadPool(self)
        self._serial.setMaxThreadCount(1)
        self._running: set[JobHandle] = set()
        self._serial_handles: set[JobHandle] = set()

    def submit(self, fn: Callable[[JobControl], Any], name: str = "job") -> JobHandle:
        """Run ``fn`` on the parallel pool."""
        handle = self.new_handle(name)
        self.run(handle, fn, serial=False)
        return handle

    def submit_serial(self, fn: Callable[[JobControl], Any], name: str = "save") -> JobHandle:
        """Run ``fn`` after every serial job submitted before it has ended. Serial jobs
        are changes the user made: :meth:`cancel_all` leaves them to finish."""
        handle = self.new_handle(name)
        self.run(handle, fn, serial=True)
        return handle

    def new_handle(self, name: str) -> JobHandle:
        """A handle to connect to before :meth:`run` starts the job behind it."""
        return JobHandle(name)

    def run(self, handle: JobHandle, fn: Callable[[JobControl], Any], *, serial: bool) -> None:
        """Start ``fn`` behind ``handle``: on the serial queue, or the parallel pool."""
        self._running.add(handle)
        handle.done.connect(lambda: self._forget(handle))
        if serial:
            self._serial_handles.add(handle)
            handle.done.connect(lambda: self._serial_handles.discard(handle))
        self._launch(self._serial if serial else self._parallel, fn, handle)

    def _launch(self, pool: QThreadPool, fn: Callable[[JobControl], Any],
                handle: JobHandle) -> None:
        pool.start(_Runnable(fn, handle))

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def pending(self) -> list[JobHandle]:
        return list(self._running)

    def cancel_all(self) -> None:
        """Cancel every job except the serial ones: those are the user's changes
        (ratings, notes, captions, rotations…), which are saved, never dropped."""
        for handle in list(self._running):
            if handle not in self._serial_handles:
                handle.cancel()

    def wait(self, msecs: int = -1) -> bool:
        """Block until both pools are empty (used at shutdown and in tests)."""
        serial_done = self._serial.waitForDone(msecs)
        return self._parallel.waitForDone(msecs) and serial_done

    def wait_for_saves(self) -> None:
        """Block until every serial job (the user's changes) has ended, however long."""
        self._serial.waitForDone(-1)

    def _forget(self, handle: JobHandle) -> None:
        # Called while ``handle`` emits ``done``: let go of it only after that emission
        # has returned, or the emitting object could be destroyed under Qt's feet.
        QTimer.singleShot(0, self, lambda: self._release(handle))

    def _release(self, handle: JobHandle) -> None:
        self._running.discard(handle)
        if not self._running:
            self.idle.emit()


class InlineWorker(Worker):
    """Runs each job at once on the calling (UI) thread, its results delivered before
    ``run`` returns: for widget tests that want no threads and no waiting."""

    def new_handle(self, name: str) -> JobHandle:
        return JobHandle(name, inline=True)

    def _launch(self, pool: QThreadPool, fn: Callable[[JobControl], Any],
                handle: JobHandle) -> None:
        kind, payload = run_job(fn, handle.control)
        handle._relay.outcome.emit(kind, payload)
