"""Autosave: every change is written at once, in order, on the worker's serial queue.

There is no Save button. A rating is saved the moment it is chosen; a note is
saved shortly after typing pauses and when its field loses focus. Saves run one
after another in the order they were made, so a quick second change can never
be overtaken by the first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from inspector.ui import inspection_jobs as jobs
from inspector.ui.worker import JobHandle, Worker

if TYPE_CHECKING:
    from datetime import date

    from inspector.services.context import AppContext


class AutoSaver(QObject):
    """Sends changes of one inspection to the database; reports saving / saved / failed."""

    status_changed = Signal(str)  # "saving", "saved" or "failed"
    saved = Signal(str, str)  # what ("rating" or "note"), criterion id
    failed = Signal(object)  # the exception; the page reloads what is really stored

    def __init__(self, worker: Worker, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.context = context
        self.pending = 0

    def save_rating(self, inspection_id: str, criterion_id: str, rating: str | None) -> JobHandle:
        context = self.context
        return self._submit("rating", lambda _c: jobs.save_rating(
            context, inspection_id, criterion_id, rating))

    def save_note(self, inspection_id: str, criterion_id: str, note: str) -> JobHandle:
        context = self.context
        return self._submit("note", lambda _c: jobs.save_note(
            context, inspection_id, criterion_id, note))

    def save_general_note(self, inspection_id: str, note: str) -> JobHandle:
        context = self.context
        return self._submit("general note", lambda _c: jobs.save_general_note(
            context, inspection_id, note))

    def save_details(self, inspection_id: str, visit_date: date, inspectors: str,
                     site_staff: str) -> JobHandle:
        context = self.context
        return self._submit("details", lambda _c: jobs.save_details(
            context, inspection_id, visit_date, inspectors, site_staff))

    def _submit(self, kind: str, job: object) -> JobHandle:
        self.pending += 1
        self.status_changed.emit("saving")
        handle = self.worker.submit_serial(job, f"save {kind}")  # type: ignore[arg-type]
        handle.finished.connect(lambda criterion_id: self._saved(kind, criterion_id))
        handle.failed.connect(self._failed)
        return handle

    def _saved(self, kind: str, criterion_id: str) -> None:
        self.pending -= 1
        self.saved.emit(kind, criterion_id)
        if self.pending == 0:
            self.status_changed.emit("saved")

    def _failed(self, exc: BaseException) -> None:
        self.pending -= 1
        self.status_changed.emit("failed")
        self.failed.emit(exc)
