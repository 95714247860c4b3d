"""Starting, finishing and reopening inspections: the dialogs and the jobs behind them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QWidget

from inspector.ui import inspection_jobs as jobs
from inspector.ui.checklist_page import ChecklistPage
from inspector.ui.finish_dialog import MissingDialog, ReopenDialog, SummaryDialog
from inspector.ui.settings import UiSettings
from inspector.ui.start_dialog import StartInspectionDialog
from inspector.ui.worker import JobHandle, Worker

if TYPE_CHECKING:
    from inspector.services.context import AppContext
    from inspector.services.inspections import InspectionListing
    from inspector.services.site_tree import SiteNode


def _show_error(parent: QWidget, exc: BaseException) -> None:
    from inspector.ui.errors import show_error

    show_error(parent, exc)


class InspectionController(QObject):
    """Owns the checklist page's life: which inspection it shows and its state changes."""

    opened = Signal(str)  # inspection id, once the page shows it
    changed = Signal()  # an inspection was started, completed or reopened

    def __init__(self, window: QWidget, page: ChecklistPage, worker: Worker,
                 context: AppContext, settings: UiSettings) -> None:
        super().__init__(window)
        self.window = window
        self.page = page
        self.worker = worker
        self.context = context
        self.settings = settings
        page.finish_requested.connect(self.finish)
        page.reopen_requested.connect(self.reopen)
        page.loaded.connect(lambda: self.opened.emit(page.data.inspection_id
                                         if page.data else ""))

    # ------------------------------------------------------------------ start / open

    def start_dialog(self, site: SiteNode,
                     earlier: list[InspectionListing]) -> StartInspectionDialog:
        return StartInspectionDialog(site.name, self.settings.inspector_name, earlier,
                                     self.window)

    def start(self, site: SiteNode, earlier: list[InspectionListing]) -> None:
        dialog = self.start_dialog(site, earlier)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.start_from(dialog, site)

    def start_from(self, dialog: StartInspectionDialog, site: SiteNode) -> JobHandle:
        context = self.context
        visit, inspectors = dialog.chosen_date(), dialog.inspectors.text().strip()
        staff, previous = dialog.site_staff.text().strip(), dialog.previous_id()
        handle = self.worker.submit_serial(
            lambda _c: jobs.start(context, site.id, visit, inspectors, staff, previous),
            "start inspection")
        handle.finished.connect(self._started)
        handle.failed.connect(lambda exc: _show_error(self.window, exc))
        return handle

    def _started(self, inspection_id: str) -> None:
        self.changed.emit()
        self.open(inspection_id)

    def open(self, inspection_id: str) -> JobHandle:
        return self.page.open_inspection(inspection_id)

    # ------------------------------------------------------------------ finish

    def finish(self) -> JobHandle | None:
        data = self.page.data
        if data is None:
            return None
        self.page.flush()
        context, language = self.context, self.page.language
        handle = self.worker.submit_serial(  # after every pending save
            lambda _c: jobs.check_finish(context, data.inspection_id, language), "check")
        handle.finished.connect(self._checked)
        handle.failed.connect(lambda exc: _show_error(self.window, exc))
        return handle

    def _checked(self, check: jobs.FinishCheck) -> None:
        data = self.page.data
        if data is None:
            return
        if check.problems:
            missing = MissingDialog(check, data, self.page.numbers, self.page.language,
                                    self.window)
            if missing.exec() == QDialog.DialogCode.Accepted:
                chosen = missing.chosen_criterion()
                if chosen:
                    self.page.go_to_criterion(chosen)
            return
        summary = SummaryDialog(check, data.template,
                                self.settings.inspector_name or data.inspectors, self.window,
                                self.page.language)
        if summary.exec() == QDialog.DialogCode.Accepted:
            self.complete(summary.actor.text().strip() or data.inspectors)

    def complete(self, actor: str) -> JobHandle | None:
        data = self.page.data
        if data is None:
            return None
        context = self.context
        handle = self.worker.submit_serial(
            lambda _c: jobs.complete(context, data.inspection_id, actor), "complete")
        handle.finished.connect(self._state_changed)
        handle.failed.connect(self._failed_and_reload)
        return handle

    # ------------------------------------------------------------------ reopen

    def reopen(self) -> None:
        dialog = ReopenDialog(self.settings.inspector_name, self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.reopen_as(dialog.actor.text().strip(), dialog.reason.text().strip())

    def reopen_as(self, actor: str, reason: str) -> JobHandle | None:
        data = self.page.data
        if data is None:
            return None
        context = self.context
        handle = self.worker.submit_serial(
            lambda _c: jobs.reopen(context, data.inspection_id, actor, reason), "reopen")
        handle.finished.connect(self._state_changed)
        handle.failed.connect(self._failed_and_reload)
        return handle

    def _state_changed(self, _inspection_id: str) -> None:
        self.changed.emit()
        self.page.reload()

    def _failed_and_reload(self, exc: BaseException) -> None:
        _show_error(self.window, exc)
        self.page.reload()
