"""Operations: the one way a screen runs work off the UI thread.

A screen never submits a function to a thread pool itself. It describes an
operation — the service call, what to do with its result, the progress to show,
whether it may be cancelled, what it changes — and starts it::

    self.ops.write(self, lambda control: api.save_rating(context, ...),
                   changes=Change.INSPECTION, inspection_id=iid) \\
        .on_success(self._saved) \\
        .start()

- ``read`` operations run in parallel (loading a list, making thumbnails, a PDF);
  ``write`` operations run one after another, in the order they were started, on
  the one serial queue: two quick changes to the same answer land in order, and
  closing the window waits for every one of them.
- A failure is never dropped: unless the caller handled it with ``on_failure``,
  it goes to the standard error display (a plain message for an expected
  failure, a copyable report for a bug).
- When a write has succeeded, :attr:`Operations.changed` says what changed
  (:class:`Changed`); screens refresh from that signal rather than being wired
  to each other.
- Progress goes to a :class:`~inspector.ui.core.progress.ProgressView` (in a
  screen, or in a small dialog), with Cancel when the operation allows it; the
  service sees cancellation as :class:`inspector.services.control.Cancelled`.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from inspector.ui.core.progress import ProgressView
    from inspector.ui.core.worker import JobControl, JobHandle, Worker

log = logging.getLogger(__name__)

T = TypeVar("T")


#: ``inspection_id=RESULT``: the inspection concerned is the one whose id the work returns
#: (starting an inspection, whose id is known only once it is made).
RESULT = "<the operation's result>"


class Change(enum.Flag):
    """What a finished write changed, so that the screens showing it refresh."""

    NOTHING = 0
    SITES = enum.auto()  # the site registry (added, edited, imported)
    INSPECTION = enum.auto()  # an inspection started, completed, reopened, deleted, re-dated
    ANSWERS = enum.auto()  # ratings, notes and the overall comment of an inspection
    PHOTOS = enum.auto()  # photos of an inspection
    SYNC = enum.auto()  # devices, bundle history, conflicts
    ASSIGNMENTS = enum.auto()  # inspection assignments sent to laptops
    ROLE = enum.auto()  # this installation's role or name
    SUPERVISION = enum.auto()  # the office's letters, rectification items, reports, settings
    EVERYTHING = SITES | INSPECTION | ANSWERS | PHOTOS | SYNC | ASSIGNMENTS | ROLE | SUPERVISION


@dataclass(frozen=True)
class Changed:
    """The notice of :attr:`Operations.changed`."""

    what: Change
    inspection_id: str | None = None  # the inspection concerned, when it is one
    origin: object | None = None  # who ran the operation (a screen may skip its own)

    def touches(self, what: Change) -> bool:
        return bool(self.what & what)


class Operation(Generic[T]):
    """One piece of work, described, then started with :meth:`start` (once)."""

    def __init__(self, ops: Operations, parent: QWidget | None,
                 fn: Callable[[JobControl], T], name: str, *, serial: bool,
                 changes: Change, inspection_id: str | None) -> None:
        self._ops = ops
        self._parent = parent
        self._fn = fn
        self._name = name
        self._serial = serial
        self._changes = changes
        self._inspection_id = inspection_id
        self._success: list[Callable[[T], object]] = []
        self._failure: Callable[[BaseException], object] | None = None
        self._cancel: list[Callable[[], object]] = []
        self._partial: list[Callable[[Any], object]] = []
        self._progress: list[Callable[[int, int, str], object]] = []
        self._done: list[Callable[[], object]] = []
        self._view: ProgressView | None = None
        self._view_text = ""
        self._cancellable = False
        self._error_title = ""
        self.handle: JobHandle | None = None

    # ---------------------------------------------------------------- description

    def on_success(self, handler: Callable[[T], object]) -> Operation[T]:
        """``handler(result)`` on the UI thread once the work has succeeded."""
        self._success.append(handler)
        return self

    def on_failure(self, handler: Callable[[BaseException], object]) -> Operation[T]:
        """Handle a failure here instead of the standard error display."""
        self._failure = handler
        return self

    def on_cancel(self, handler: Callable[[], object]) -> Operation[T]:
        self._cancel.append(handler)
        return self

    def on_partial(self, handler: Callable[[Any], object]) -> Operation[T]:
        """A value the work hands over before it ends (``control.partial``)."""
        self._partial.append(handler)
        return self

    def on_progress(self, handler: Callable[[int, int, str], object]) -> Operation[T]:
        self._progress.append(handler)
        return self

    def on_done(self, handler: Callable[[], object]) -> Operation[T]:
        """After success, failure or cancellation alike."""
        self._done.append(handler)
        return self

    def with_progress(self, view: ProgressView, text: str, *,
                      cancellable: bool = False) -> Operation[T]:
        """Show this operation in ``view`` while it runs, with Cancel if ``cancellable``."""
        self._view, self._view_text, self._cancellable = view, text, cancellable
        return self

    def error_title(self, title: str) -> Operation[T]:
        """The title of the standard error message, when the failure is shown there."""
        self._error_title = title
        return self

    # ---------------------------------------------------------------- running

    def start(self) -> JobHandle:
        if self.handle is not None:
            raise RuntimeError(f"operation {self._name!r} started twice")
        worker = self._ops.worker
        handle = worker.new_handle(self._name)
        handle.keep_alive = self  # the handle lives until the job is done, and so do we
        self.handle = handle
        if self._view is not None:
            self._view.follow(handle, self._view_text, cancellable=self._cancellable)
        for progress in self._progress:
            handle.progress.connect(progress)
        for partial in self._partial:
            handle.partial.connect(partial)
        handle.finished.connect(self._finished)
        handle.failed.connect(self._failed)
        handle.cancelled.connect(self._cancelled)
        handle.done.connect(self._ended)
        worker.run(handle, self._fn, serial=self._serial)
        return handle

    def _parent_gone(self) -> bool:
        """The widget that started the work was closed meanwhile: its handlers, which
        would update it, are not called (a failed change is still shown)."""
        return self._parent is not None and not shiboken6.isValid(self._parent)

    def _finished(self, result: T) -> None:
        gone = self._parent_gone()
        try:
            if not gone:  # the screen that asked first, then everyone else
                for handler in self._success:
                    handler(result)
        finally:  # announced even when the screen is gone or its handler failed
            if self._changes:
                origin = None if gone else self._parent
                inspection_id = (str(result) if self._inspection_id is RESULT
                                 else self._inspection_id)
                self._ops.changed.emit(Changed(self._changes, inspection_id, origin))

    def _failed(self, exc: BaseException) -> None:
        if self._parent_gone():
            if self._changes:  # a change that was not saved: the user must hear of it
                self._ops.show_failure(None, exc, self._error_title)
            else:  # what a closed screen wanted to show; logged, with its traceback
                log.warning("%s failed after its screen was closed", self._name,
                            exc_info=(type(exc), exc, exc.__traceback__))
        elif self._failure is not None:
            self._failure(exc)
        else:
            self._ops.show_failure(self._parent, exc, self._error_title)

    def _cancelled(self) -> None:
        if not self._parent_gone():
            for handler in self._cancel:
                handler()

    def _ended(self) -> None:
        if not self._parent_gone():
            for handler in self._done:
                handler()


class Operations(QObject):
    """Starts operations and announces what they changed; one per window, passed down."""

    changed = Signal(Changed)

    def __init__(self, worker: Worker, parent: QObject | None = None,
                 show_failure: Callable[[QWidget | None, BaseException, str], None] | None = None
                 ) -> None:
        super().__init__(parent)
        self.worker = worker
        self._show_failure = show_failure

    def read(self, parent: QWidget | None, fn: Callable[[JobControl], T], name: str, *,
             after_writes: bool = False) -> Operation[T]:
        """Work that changes nothing stored, run in parallel with other reads; with
        ``after_writes``, on the serial queue after every write started before it (it
        must see them: checking an inspection before finishing it)."""
        return Operation(self, parent, fn, name, serial=after_writes, changes=Change.NOTHING,
                         inspection_id=None)

    def write(self, parent: QWidget | None, fn: Callable[[JobControl], T], name: str, *,
              changes: Change, inspection_id: str | None = None) -> Operation[T]:
        """Work that changes stored data: run on the one serial queue, in order, never
        cancelled by the window closing; ``changes`` is announced when it succeeds."""
        return Operation(self, parent, fn, name, serial=True, changes=changes,
                         inspection_id=inspection_id)

    def announce(self, what: Change, inspection_id: str | None = None,
                 origin: object | None = None) -> None:
        """Say that something changed outside an operation (another program's import
        noticed, a restore): every screen showing it refreshes."""
        self.changed.emit(Changed(what, inspection_id, origin))

    def show_failure(self, parent: QWidget | None, exc: BaseException, title: str = "") -> None:
        if self._show_failure is not None:
            self._show_failure(parent, exc, title)
            return
        from inspector.ui.core.errors import show_error

        show_error(parent, exc, title)

    # -------------------------------------------------------------- at shutdown

    def wait_for_writes(self) -> None:
        """Block until every write started so far has ended (the window closes)."""
        self.worker.wait_for_saves()

    def cancel_reads(self) -> None:
        self.worker.cancel_all()
