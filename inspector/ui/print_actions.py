"""Printing from the window: checklists (blank or for the selected site) and reports.

:class:`PrintActions` owns a "Print" menu of QActions. The main window creates
it once, adds :attr:`PrintActions.menu` to its menu bar and tells it what is
selected (:meth:`set_site`, :meth:`set_inspection`). Every PDF is written on a
worker thread with a progress dialog that can cancel.

"Preview and print" writes the PDF to the data directory's cache and opens it
in the computer's PDF viewer, which shows it exactly as it will print and has
the printer dialog. (Qt's own print preview cannot show a PDF: QtPdf is not
part of PySide6-Essentials.) "Save as PDF…" asks where to write the file,
suggesting a name that says what it is (``东门社区教学点_2026-11-28_检查报告.pdf``,
:mod:`inspector.services.file_names`) in the folder last used.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QInputDialog,
    QMenu,
    QMessageBox,
    QWidget,
)

from inspector.domain.tiers import TIER_ORDER, Tier, tier_label
from inspector.services import api
from inspector.services.file_names import blank_checklist_file_name
from inspector.services.pdf import PHOTOS_STEP
from inspector.ui.core.file_dialogs import FileDialogs, Purpose
from inspector.ui.core.operations import Operations
from inspector.ui.core.progress import ProgressDialog
from inspector.ui.core.worker import JobControl, JobHandle

if TYPE_CHECKING:
    from inspector.services.context import AppContext
    from inspector.services.pdf.common import BuiltPdf

log = logging.getLogger(__name__)


def open_in_viewer(path: Path) -> bool:
    """Show a PDF in the system's viewer; False when no program opens PDF files."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class PrintActions(QObject):
    """The Print menu and the jobs behind it."""

    pdf_written = Signal(object)  # BuiltPdf, after a preview or a save

    def __init__(self, ops: Operations, context: Callable[[], AppContext | None],
                 parent: QWidget, *, open_file: Callable[[Path], bool] = open_in_viewer,
                 ask_save_path: Callable[[str], Path | None] | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self._context = context
        self._parent = parent
        self._open_file = open_file
        self._ask_save_path = ask_save_path or self._ask_with_dialog
        self.dialogs = FileDialogs(self._settings_file)
        self.site_id: str | None = None
        self.site_name = ""
        self.inspection_id: str | None = None
        self.progress_dialog: ProgressDialog | None = None
        self.handle: JobHandle | None = None
        self.last_message: QMessageBox | None = None

        self.menu = QMenu(self.tr("&Print"), parent)
        self.preview_blank = self._action(self.tr("&Blank checklist…"), self.choose_blank_tier)
        self.preview_site = self._action(self.tr("Checklist for this &site"),
                                         lambda: self.checklist(site_ids=[self.site_id or ""]))
        self.preview_report = self._action(self.tr("Inspection &report"),
                                           lambda: self.report(self.inspection_id or ""))
        self.preview_report.setShortcut(QKeySequence.StandardKey.Print)
        self.menu.addSeparator()
        self.save_blank = self._action(self.tr("Save blank checklist as PDF…"),
                                       lambda: self.choose_blank_tier(save=True))
        self.save_site = self._action(
            self.tr("Save checklist for this site as PDF…"),
            lambda: self.checklist(site_ids=[self.site_id or ""], save=True))
        self.save_report = self._action(self.tr("Save inspection report as PDF…"),
                                        lambda: self.report(self.inspection_id or "", save=True))
        self.set_site(None)
        self.set_inspection(None)

    def _action(self, text: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(lambda _checked=False: slot())
        self.menu.addAction(action)
        return action

    # ------------------------------------------------------------------ selection

    def set_site(self, site_id: str | None, name: str = "") -> None:
        """The site selected in the window (None: no site)."""
        self.site_id = site_id
        self.site_name = name
        for action in (self.preview_site, self.save_site):
            action.setEnabled(site_id is not None)

    def set_inspection(self, inspection_id: str | None) -> None:
        """The inspection selected or open in the window (None: none)."""
        self.inspection_id = inspection_id
        for action in (self.preview_report, self.save_report):
            action.setEnabled(inspection_id is not None)

    # ------------------------------------------------------------------ commands

    def choose_blank_tier(self, save: bool = False) -> JobHandle | None:
        names = [tier_label(tier) for tier in TIER_ORDER]
        chosen, ok = QInputDialog.getItem(self._parent, self.tr("Blank checklist"),
                                          self.tr("Checklist for which tier?"), names, 2, False)
        if not ok:
            return None
        return self.checklist(tier=TIER_ORDER[names.index(chosen)], save=save)

    def checklist(self, *, tier: Tier | None = None, site_ids: list[str] | None = None,
                  save: bool = False) -> JobHandle | None:
        """Preview (or save) the paper checklist: blank for a tier, or for sites by id."""
        sites = [s for s in (site_ids or []) if s]
        name: str | Callable[[AppContext], str] = (
            (lambda context: api.printing.checklist_file_name(context, sites)) if sites
            else blank_checklist_file_name(tier))
        return self._run(name, save, self.tr("Preparing the checklist…"),
                         lambda context, target, control: api.printing.checklist_pdf(
                             context, target, control, tier=tier, site_ids=sites))

    def report(self, inspection_id: str, *, save: bool = False) -> JobHandle | None:
        """Preview (or save) the report of an inspection."""
        if not inspection_id:
            return None
        return self._run(lambda context: api.printing.report_file_name(context, inspection_id),
                         save, self.tr("Preparing the report…"),
                         lambda context, target, control: api.printing.report_pdf(
                             context, inspection_id, target, control))

    # ------------------------------------------------------------------ machinery

    def _settings_file(self) -> Path | None:
        context = self._context()
        return context.paths.settings_file if context is not None else None

    def _ask_with_dialog(self, name: str) -> Path | None:
        return self.dialogs.save_file(self._parent, self.tr("Save as PDF"), name,
                                      self.tr("PDF files (*.pdf)"), Purpose.DOCUMENTS)

    def _run(self, name: str | Callable[[AppContext], str], save: bool, label: str,
             job: Callable[[AppContext, Path, JobControl], BuiltPdf]) -> JobHandle | None:
        """Write the PDF (``name``: the file name to suggest, or how to find it out from
        the data, on the worker): to the preview folder, or where the user says."""
        context = self._context()
        if context is None or (self.handle is not None and not self.handle.is_done):
            return None
        if not save:
            def preview(control: JobControl) -> BuiltPdf:
                chosen = name if isinstance(name, str) else name(context)
                return job(context, api.printing.preview_path(context.paths, chosen), control)

            return self._write(preview, label, save=False)
        if isinstance(name, str):
            return self._save_as(context, name, label, job)
        # The name says which site and date: read on the worker, then the dialog.
        self.handle = self.ops.read(self._parent, lambda _control: name(context),
                                    "print file name") \
            .on_success(lambda found: self._save_as(context, found, label, job)) \
            .on_failure(self._failed).start()
        return self.handle

    def _save_as(self, context: AppContext, name: str, label: str,
                 job: Callable[[AppContext, Path, JobControl], BuiltPdf]) -> JobHandle | None:
        target = self._ask_save_path(name)
        if target is None:
            return None
        return self._write(lambda control: job(context, target, control), label, save=True)

    def _write(self, work: Callable[[JobControl], BuiltPdf], label: str,
               save: bool) -> JobHandle:
        dialog = ProgressDialog(self.tr("Print"), self._parent)
        self.progress_dialog = dialog
        self.handle = self.ops.read(self._parent, work, "print") \
            .with_progress(dialog.view, label, cancellable=True) \
            .on_progress(lambda done, total, what: self._progress(dialog, done, total, what)) \
            .on_success(lambda built: self._written(built, save)) \
            .on_failure(self._failed).start()
        return self.handle

    def _progress(self, dialog: ProgressDialog, done: int, total: int, what: str) -> None:
        if what == PHOTOS_STEP and done < total - 1:
            dialog.view.set_text(self.tr("Preparing photos: %1 of %2").replace(
                "%1", str(done)).replace("%2", str(total - 1)))
        elif done >= total - 1:
            dialog.view.set_text(self.tr("Laying out the pages…"))

    def _message(self, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
        """A window-modal message that does not block the event loop."""
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Close, self._parent)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        self.last_message = box
        box.open()
        return box

    def _written(self, built: BuiltPdf, saved: bool) -> None:
        self.pdf_written.emit(built)
        unprinted = (self.tr("Photos that could not be printed: %1 (marked as empty boxes).")
                     .replace("%1", str(built.unprinted_photos))
                     if built.unprinted_photos else "")
        if not saved:
            self._show(built.path)
            if unprinted:
                self._message(QMessageBox.Icon.Information, self.tr("Print"), unprinted)
            return
        box = self._message(QMessageBox.Icon.Information, self.tr("Saved"),
                            self.tr("Saved %1 (%2 pages).").replace("%1", str(built.path))
                            .replace("%2", str(built.pages)) + (f"\n{unprinted}" if unprinted
                                                                 else ""))
        open_button = box.addButton(self.tr("&Open"), QMessageBox.ButtonRole.ActionRole)
        box.buttonClicked.connect(
            lambda button: self._show(built.path) if button is open_button else None)

    def _show(self, path: Path) -> None:
        if not self._open_file(path):
            self._message(QMessageBox.Icon.Information, self.tr("No PDF viewer"),
                          self.tr("No program to show PDF files is installed. The file is "
                                  "here:\n%1").replace("%1", str(path)))

    def _failed(self, exc: BaseException) -> None:
        from inspector.ui.core.errors import is_expected, plain_message

        if is_expected(exc) or isinstance(exc, LookupError):  # LookupError: nothing to print
            log.info("printing failed: %s", exc)
            self._message(QMessageBox.Icon.Warning, self.tr("Cannot print"), plain_message(exc))
            return
        self.ops.show_failure(self._parent, exc, self.tr("Cannot print"))
