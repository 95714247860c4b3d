"""Starting, finishing, reopening and deleting inspections: the dialogs and the jobs behind them.

A site has at most one inspection in progress: asking to start another offers to
continue that one instead (never a dead end). Deleting is for an inspection in
progress started by mistake, after a confirmation saying what goes with it.

The controller also sees that no change is lost when the window closes: before
the window's own close handling runs (which stops the worker), the note being
typed is handed to the autosave and every change still queued or waiting for
the database is written, with a small dialog saying so if that takes a while.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QDialog, QLineEdit, QMessageBox, QWidget

from inspector.domain.values import InspectionStatus
from inspector.services import api, text_limits
from inspector.services.api import reinspection_reads
from inspector.ui.core.operations import RESULT, Change, Operations
from inspector.ui.core.progress import ProgressDialog
from inspector.ui.core.settings import UiSettings, read_settings_file, write_settings_file
from inspector.ui.core.worker import JobHandle
from inspector.ui.dialogs.finish import MissingDialog, ReopenDialog, SummaryDialog
from inspector.ui.dialogs.start import StartInspectionDialog
from inspector.ui.pages.checklist.page import ChecklistPage

if TYPE_CHECKING:
    from collections.abc import Sequence

    from inspector.services.api.reinspection_reads import FieldWork, ReinspectionOrder
    from inspector.services.context import AppContext
    from inspector.services.inspection_deletion import DraftContents
    from inspector.services.inspections import InspectionListing, Problem
    from inspector.services.site_tree import SiteNode
    from inspector.ui.dialogs.details import InspectionDetailsDialog

log = logging.getLogger(__name__)

LAST_INSPECTORS_KEY = "last_inspectors"  # in settings.json, beside the window's own settings


def last_inspectors(settings_file: Path) -> str:
    """The inspectors named when an inspection was last started on this computer ("" if none)."""
    value = read_settings_file(settings_file).get(LAST_INSPECTORS_KEY)
    return value.strip() if isinstance(value, str) else ""


def remember_inspectors(settings_file: Path, inspectors: str) -> bool:
    """Keep the inspectors for the next start dialog; the file's other keys stay as they are.

    Written atomically (a crash never leaves half a settings file); an unreadable file
    is replaced, as saving the settings does. A failure to write costs only the
    suggestion next time: it is logged and False is returned, the inspection goes on.
    """
    data = read_settings_file(settings_file)
    data[LAST_INSPECTORS_KEY] = inspectors
    try:
        write_settings_file(settings_file, data)
    except OSError as exc:
        log.warning("could not remember the inspectors in %s: %s", settings_file, exc)
        return False
    return True


def _limit(edit: QLineEdit, max_chars: int) -> None:
    """Typing and pasting into ``edit`` stop at the limit the services apply to that text."""
    edit.setMaxLength(max_chars)


class InspectionController(QObject):
    """Owns the checklist page's life: which inspection it shows and its state changes."""

    opened = Signal(str)  # inspection id, once the page shows it
    deleted = Signal(str)  # inspection id
    closing_waits = Signal()  # the window is closing and waits for the database to save

    def __init__(self, window: QWidget, page: ChecklistPage, ops: Operations,
                 context: AppContext,
                 settings: UiSettings | Callable[[], UiSettings]) -> None:
        super().__init__(window)
        self.window = window
        self.page = page
        self.ops = ops
        self.context = context
        # The settings as they are now (the window replaces its settings when they change).
        self._settings = settings if callable(settings) else (lambda: settings)
        page.finish_requested.connect(self.finish)
        page.reopen_requested.connect(self.reopen)
        page.details_requested.connect(self.edit_details)
        page.loaded.connect(lambda: self.opened.emit(page.data.inspection_id
                                         if page.data else ""))
        # After the page's own handler, which has no words for "waiting".
        self._closing = False
        window.installEventFilter(self)

    @property
    def settings(self) -> UiSettings:
        return self._settings()

    # ------------------------------------------------------------------ saving

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            if self._closing:  # asked again while waiting: the first close goes on
                event.ignore()
                return True
            self.save_before_closing()
        return False

    def save_before_closing(self) -> None:
        """Write every change before the window closes, waiting for the database if it must."""
        self._closing = True
        dialog: ProgressDialog | None = None

        def say_waiting() -> None:
            nonlocal dialog
            dialog = ProgressDialog(self.tr("Saving"), self.window, delay_ms=0)
            dialog.view.hold(self.tr("Saving your last changes: waiting for the database…"))
            self.closing_waits.emit()

        try:
            self.page.flush()
            self.page.saver.wait_until_saved(say_waiting)
        finally:
            self._closing = False
            if dialog is not None:
                dialog.view.release()
                dialog.deleteLater()

    # ------------------------------------------------------------------ start / open

    def start_dialog(self, site: SiteNode, earlier: list[InspectionListing],
                     reinspections: Sequence[ReinspectionOrder] = ()
                     ) -> StartInspectionDialog:
        # The team of the last inspection usually goes on to the next site.
        inspectors = (last_inspectors(self.context.paths.settings_file)
                      or self.settings.inspector_name)
        dialog = StartInspectionDialog(site.name, inspectors, earlier, self.window,
                                       reinspections)
        _limit(dialog.inspectors, text_limits.NAMES_MAX)
        _limit(dialog.site_staff, text_limits.NAMES_MAX)
        return dialog

    def start(self, site: SiteNode, earlier: list[InspectionListing]) -> JobHandle | None:
        """Start an inspection of the site (or the re-inspection the county office assigned
        for it), or offer to continue the one in progress."""
        in_progress = next((listing for listing in earlier
                            if listing.site_id == site.id
                            and listing.status == InspectionStatus.DRAFT), None)
        if in_progress is not None:
            self.offer_to_continue(in_progress.id, in_progress.visit_date)
            return None
        context, today = self.context, date.today()
        return self.ops.read(self.window,
                             lambda _c: reinspection_reads.field_work(context, today),
                             "re-inspections of the site") \
            .on_success(lambda work: self._ask_start(site, earlier, work)).start()

    def _ask_start(self, site: SiteNode, earlier: list[InspectionListing],
                   work: FieldWork) -> None:
        dialog = self.start_dialog(site, earlier, work.orders_for(site.id))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.start_from(dialog, site)

    def offer_to_continue(self, inspection_id: str, visit_date: date) -> JobHandle | None:
        """The site has an inspection in progress: continue it (opened) or leave it."""
        answer = QMessageBox.question(
            self.window, self.tr("Inspection in progress"),
            self.tr("This site has an inspection in progress (%1). Continue it?")
            .replace("%1", visit_date.isoformat()),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes)
        if answer != QMessageBox.StandardButton.Yes:
            return None
        return self.open(inspection_id)

    def start_from(self, dialog: StartInspectionDialog, site: SiteNode) -> JobHandle:
        context = self.context
        visit, inspectors = dialog.chosen_date(), dialog.inspectors.text().strip()
        staff, previous = dialog.site_staff.text().strip(), dialog.previous_id()
        settings_file = context.paths.settings_file
        assignment_id = dialog.chosen_reinspection()
        if assignment_id is not None:
            from inspector.ui.pages.reinspection.starting import start_reinspection

            return start_reinspection(
                self.ops, self.window, context, assignment_id, visit, inspectors, staff,
                lambda: remember_inspectors(settings_file, inspectors)) \
                .on_success(self.open).on_failure(self._start_failed).start()

        def start(_control: object) -> str:
            started = api.inspections.start(context, site.id, visit, inspectors, staff, previous)
            remember_inspectors(settings_file, inspectors)
            return started

        return self.ops.write(self.window, start, "start inspection",
                              changes=Change.INSPECTION, inspection_id=RESULT) \
            .on_success(self.open).on_failure(self._start_failed).start()

    def _start_failed(self, exc: BaseException) -> None:
        from inspector.services.inspections import InProgressError

        if isinstance(exc, InProgressError):  # the site's list was not up to date
            self.ops.announce(Change.INSPECTION, exc.inspection_id)
            self.offer_to_continue(exc.inspection_id, exc.visit_date)
        else:
            self.ops.show_failure(self.window, exc)

    def open(self, inspection_id: str) -> JobHandle:
        return self.page.open_inspection(inspection_id)

    # ------------------------------------------------------------------ finish

    def finish(self) -> JobHandle | None:
        data = self.page.data
        if data is None:
            return None
        self.page.flush()
        context, language = self.context, self.page.language
        if self.page.is_reinspection:
            return self.ops.read(
                self.window, lambda _c: reinspection_reads.reinspection_problems(
                    context, data.inspection_id),
                "check", after_writes=True).on_success(self._items_checked).start()
        return self.ops.read(
            self.window,
            lambda _c: api.inspections.check_finish(context, data.inspection_id, language),
            "check", after_writes=True).on_success(self._checked).start()

    def _checked(self, check: api.inspections.FinishCheck) -> None:
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
                                self.page.language, comment=self.page.answers.general_note
                                if self.page.answers else data.general_note)
        _limit(summary.actor, text_limits.NAMES_MAX)
        if summary.exec() == QDialog.DialogCode.Accepted:
            # Saved before completing (the serial queue keeps the order): the comment is
            # part of the completed record.
            self.page.set_general_note(summary.comment())
            self.complete(summary.actor.text().strip() or data.inspectors)

    def _items_checked(self, problems: list[Problem]) -> None:
        """A re-inspection: what is missing, else its verdicts and who completes it."""
        from inspector.ui.pages.reinspection.finish import (
            CompleteReinspectionDialog,
            MissingItemsDialog,
        )

        data = self.page.data
        if data is None:
            return
        if problems:
            missing = MissingItemsDialog(problems, self.page.reinspection.titles(), self.window)
            if missing.exec() == QDialog.DialogCode.Accepted:
                chosen = missing.chosen_criterion()
                if chosen:
                    self.page.go_to_criterion(chosen)
            return
        rectified, not_rectified, _open = self.page.reinspection.counts()
        summary = CompleteReinspectionDialog(rectified, not_rectified,
                                             self.settings.inspector_name or data.inspectors,
                                             self.window)
        _limit(summary.actor, text_limits.NAMES_MAX)
        if summary.exec() == QDialog.DialogCode.Accepted:
            self.complete(summary.actor.text().strip() or data.inspectors)

    def complete(self, actor: str) -> JobHandle | None:
        data = self.page.data
        if data is None:
            return None
        context = self.context
        return self.ops.write(
            self.window, lambda _c: api.inspections.complete(context, data.inspection_id, actor),
            "complete", changes=Change.INSPECTION, inspection_id=data.inspection_id) \
            .on_failure(self._failed_and_reload).start()

    # ------------------------------------------------------------------ reopen

    def reopen(self) -> None:
        dialog = ReopenDialog(self.settings.inspector_name, self.window)
        _limit(dialog.actor, text_limits.NAMES_MAX)
        _limit(dialog.reason, text_limits.NOTE_MAX)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.reopen_as(dialog.actor.text().strip(), dialog.reason.text().strip())

    def reopen_as(self, actor: str, reason: str) -> JobHandle | None:
        data = self.page.data
        if data is None:
            return None
        context = self.context
        return self.ops.write(
            self.window,
            lambda _c: api.inspections.reopen(context, data.inspection_id, actor, reason),
            "reopen", changes=Change.INSPECTION, inspection_id=data.inspection_id) \
            .on_failure(self._failed_and_reload).start()

    # ------------------------------------------------------------------ details

    def details_dialog(self) -> InspectionDetailsDialog | None:
        """The details of the draft shown, to change (None for a completed inspection)."""
        from inspector.ui.dialogs.details import InspectionDetailsDialog

        data = self.page.data
        if data is None or data.completed:
            return None
        return InspectionDetailsDialog(data.site_name, data.visit_date, data.inspectors,
                                       data.site_staff, self.page)

    def edit_details(self) -> None:
        dialog = self.details_dialog()
        if dialog is None:
            return
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.apply_details(dialog)
        elif dialog.delete_chosen and self.page.data is not None:
            self.delete(self.page.data.inspection_id)

    def apply_details(self, dialog: InspectionDetailsDialog) -> JobHandle | None:
        """Show the new details at once and autosave them (a failure reloads what is stored)."""
        data = self.page.data
        if data is None or data.completed:
            return None
        visit_date, inspectors, site_staff = dialog.values()
        handle = self.page.saver.save_details(data.inspection_id, visit_date, inspectors,
                                              site_staff)
        self.page.show_details(visit_date, inspectors, site_staff)
        return handle

    # ------------------------------------------------------------------ delete

    def delete(self, inspection_id: str) -> JobHandle:
        """Ask, saying what goes with it, then delete an inspection in progress."""
        if self.page.data is not None and self.page.data.inspection_id == inspection_id:
            self.page.flush()  # a note still being typed is saved (and counted) first
        context = self.context
        return self.ops.read(
            self.window, lambda _c: api.inspections.draft_contents(context, inspection_id),
            "what a delete takes", after_writes=True).on_success(self.confirm_delete).start()

    def confirm_delete(self, contents: DraftContents) -> JobHandle | None:
        text = self.tr(
            "Delete the inspection in progress of %1 on %2?\n\nIts %3 rating(s), %4 note(s) "
            "and %5 photo(s) are deleted with it. This cannot be undone.")
        for mark, value in (("%1", contents.site_name), ("%2", contents.visit_date.isoformat()),
                            ("%3", str(contents.ratings)), ("%4", str(contents.notes)),
                            ("%5", str(contents.photos))):
            text = text.replace(mark, value)
        answer = QMessageBox.question(
            self.window, self.tr("Delete the inspection in progress"), text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return None
        return self.delete_confirmed(contents.inspection_id)

    def delete_confirmed(self, inspection_id: str) -> JobHandle:
        context = self.context
        return self.ops.write(
            self.window,
            lambda _c: api.inspections.delete_draft(context, inspection_id).inspection_id,
            "delete inspection", changes=Change.INSPECTION, inspection_id=inspection_id) \
            .on_success(self._deleted).start()

    def _deleted(self, inspection_id: str) -> None:
        page = self.page
        if page.data is not None and page.data.inspection_id == inspection_id:
            page.data = None  # nothing of it is saved any more
            page.back_requested.emit()
        self.deleted.emit(inspection_id)

    def _failed_and_reload(self, exc: BaseException) -> None:
        self.ops.show_failure(self.window, exc)
        self.page.reload()  # show what is really stored
