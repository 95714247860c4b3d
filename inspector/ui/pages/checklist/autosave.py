"""Autosave: every change is written at once, in order, on the worker's serial queue.

There is no Save button. A rating is saved the moment it is chosen; a note is
saved shortly after typing pauses and when its field loses focus. Saves run one
after another in the order they were made, so a quick second change can never
be overtaken by the first.

While another program holds the database (a large site list or bundle being
imported), a change is kept and tried again until it is written
(:func:`inspector.services.api.saving.until_saved`); the page says it is
waiting for the database instead of showing an error, and the changes made
meanwhile queue up behind it in order. :meth:`AutoSaver.wait_until_saved`
lets the window close only once every change is written.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from inspector.services import api
from inspector.services.control import Control
from inspector.ui.core.operations import Change, Operations
from inspector.ui.core.worker import JobHandle

if TYPE_CHECKING:
    from datetime import date

    from inspector.domain.supervision import Verdict
    from inspector.services.context import AppContext

# A save normally takes milliseconds; one still running after this long is waiting
# for the database (or for a long job ahead of it on the serial queue).
WAITING_AFTER_MS = 1000


class SaveStatus(StrEnum):
    """How saving goes, as the page's save label says it."""

    NONE = ""  # nothing to say (a completed inspection)
    SAVING = "saving"
    WAITING = "waiting"  # the database is busy; the change is kept and tried again
    SAVED = "saved"
    FAILED = "failed"


class AutoSaver(QObject):
    """Sends changes of one inspection to the database and says how saving goes."""

    status_changed = Signal(str)  # a SaveStatus
    saved = Signal(str, str)  # what ("rating" or "note"), criterion id
    failed = Signal(object)  # the exception; the page reloads what is really stored
    idle = Signal()  # every change handed over so far has been written (or has failed)

    def __init__(self, ops: Operations, context: AppContext, page: QWidget | None = None) -> None:
        super().__init__(page)
        self.page = page  # the origin of its changes: the page needs no notice of its own
        self.ops = ops
        self.context = context
        self.pending = 0
        self.waiting = False  # the database turned a change away as busy; it is being retried
        self._slow = QTimer(self)
        self._slow.setSingleShot(True)
        self._slow.setInterval(WAITING_AFTER_MS)
        self._slow.timeout.connect(self._wait_noticed)

    def save_rating(self, inspection_id: str, criterion_id: str, rating: str | None) -> JobHandle:
        context = self.context
        return self._submit("rating", inspection_id, Change.ANSWERS,
                            lambda control: api.inspections.save_rating(
                                context, inspection_id, criterion_id, rating, control))

    def save_note(self, inspection_id: str, criterion_id: str, note: str) -> JobHandle:
        context = self.context
        return self._submit("note", inspection_id, Change.ANSWERS,
                            lambda control: api.inspections.save_note(
                                context, inspection_id, criterion_id, note, control))

    def save_general_note(self, inspection_id: str, note: str) -> JobHandle:
        context = self.context
        return self._submit("general note", inspection_id, Change.ANSWERS,
                            lambda control: api.inspections.save_general_note(
                                context, inspection_id, note, control))

    def save_check(self, inspection_id: str, item_id: str, verdict: Verdict | None,
                   note: str) -> JobHandle:
        """A re-inspection's verdict and note on one item (saved together: the latest of
        both as the page shows them)."""
        context = self.context
        return self._submit("check", inspection_id, Change.ANSWERS,
                            lambda control: api.office.record_check(
                                context, inspection_id, item_id, verdict, note, control))

    def save_details(self, inspection_id: str, visit_date: date, inspectors: str,
                     site_staff: str) -> JobHandle:
        context = self.context
        return self._submit("details", inspection_id, Change.INSPECTION,
                            lambda control: api.inspections.save_details(
                                context, inspection_id, visit_date, inspectors, site_staff,
                                control))

    def wait_until_saved(self, waiting: Callable[[], None] | None = None) -> None:
        """Return once every change handed over so far is written, however long that takes.

        Runs the event loop meanwhile (the saves report back through it). When
        a change has to wait for the database, ``waiting()`` is called once,
        for example to say so in a dialog. Used when the window closes.
        """
        if self.pending == 0:
            return
        loop = QEventLoop()
        self.idle.connect(loop.quit)
        told = False

        def tell(status: str) -> None:
            nonlocal told
            if status == SaveStatus.WAITING and not told and waiting is not None:
                told = True
                waiting()

        self.status_changed.connect(tell)
        try:
            if self.waiting:
                tell(SaveStatus.WAITING)
            if self.pending:
                loop.exec()
        finally:
            self.idle.disconnect(loop.quit)
            self.status_changed.disconnect(tell)

    def _submit(self, kind: str, inspection_id: str, changes: Change,
                job: Callable[[Control], str]) -> JobHandle:
        self.pending += 1
        if not self.waiting:
            self.status_changed.emit(SaveStatus.SAVING)
        if not self._slow.isActive():
            self._slow.start()
        return self.ops.write(self.page, job, f"save {kind}", changes=changes,
                              inspection_id=inspection_id) \
            .on_progress(lambda _done, _total, text: self._busy(text)) \
            .on_success(lambda criterion_id: self._saved(kind, criterion_id)) \
            .on_failure(self._failed).on_cancel(self._cancelled).start()

    def _busy(self, _state: object) -> None:
        if not self.waiting:
            self.waiting = True
            self.status_changed.emit(SaveStatus.WAITING)

    def _wait_noticed(self) -> None:
        if self.pending:
            self._busy(api.saving.WAITING)

    def _saved(self, kind: str, criterion_id: str) -> None:
        self.pending -= 1
        self.saved.emit(kind, criterion_id)
        self._settle(SaveStatus.SAVED)

    def _failed(self, exc: BaseException) -> None:
        self.pending -= 1
        self.status_changed.emit(SaveStatus.FAILED)
        self.failed.emit(exc)
        self._settle(SaveStatus.NONE)

    def _cancelled(self) -> None:
        # Only the window's shutdown cancels jobs, after wait_until_saved: nothing is lost.
        self.pending -= 1
        self._settle(SaveStatus.NONE)

    def _settle(self, status: str) -> None:
        if self.pending:
            self._slow.start()  # the next change has its own second before "waiting"
            return
        self._slow.stop()
        self.waiting = False
        if status:
            self.status_changed.emit(status)
        self.idle.emit()
