"""File → Check the data… and File → Restore a backup…, for the main window.

The check (:mod:`inspector.services.check`) runs on the worker with a progress
bar and Cancel; what it finds is listed by site, inspection and criterion,
with the repairs that are safe as buttons: fetch the photos back from a later
sync bundle or a folder of originals, remove them from inspections still in
progress, or restore a backup when the database itself is damaged. Both
entries work from the data folder alone, also when the data cannot be opened.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector.domain.values import InspectionStatus
from inspector.services import api
from inspector.ui.core.operations import Change, Operation, Operations
from inspector.ui.core.progress import ProgressView

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from inspector.app_paths import AppPaths
    from inspector.services.check import CheckReport, Finding
    from inspector.services.check_repairs import RefetchResult
    from inspector.services.context import AppContext
    from inspector.ui.core.worker import JobHandle
    from inspector.ui.dialogs.backups import BackupsDialog
    from inspector.ui.main_window import MainWindow

T = TypeVar("T")


# ---------------------------------------------------------------------------- the menu entries


def add_data_care_actions(window: MainWindow, menu: QMenu) -> DataCare:
    """Add File → Check the data… and File → Restore a backup… to ``menu``."""
    care = DataCare(window)
    menu.addAction(care.check_action)
    menu.addAction(care.restore_action)
    return care


class DataCare(QObject):
    """What the two File-menu entries open; lives as long as the window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        from PySide6.QtGui import QAction

        self.window = window
        self.check_action: QAction = QAction(self.tr("&Check the data…"), window)
        self.check_action.triggered.connect(self.show_check)
        self.restore_action: QAction = QAction(self.tr("&Restore a backup…"), window)
        self.restore_action.triggered.connect(self.show_backups)

    def show_check(self) -> CheckDialog:
        window = self.window
        dialog = CheckDialog(window.paths, window.ops, lambda: window.context,
                             lambda: window.settings.inspector_name,
                             window.settings.template_language, window)
        dialog.restore_requested.connect(self.show_backups)
        dialog.open()
        dialog.start()
        return dialog

    def show_backups(self) -> BackupsDialog:
        from inspector.ui.dialogs.backups import BackupsDialog

        window = self.window
        dialog = BackupsDialog(window.paths, window.ops, self.release_data,
                               window.settings.template_language, window)
        dialog.restored.connect(lambda _result: self.restart())
        dialog.open()
        return dialog

    def release_data(self) -> None:
        """Close this window's database connections (a restore needs the file to itself):
        pending edits saved, background work finished, the pool emptied. The connections
        open again by themselves if the restore is refused."""
        window = self.window
        if window.checklist is not None:
            window.checklist.flush()
        window.worker.wait(30_000)
        if window.context is not None:
            window.context.db.engine.dispose()

    def restart(self) -> bool:
        """Start the program again (same command, same data folder) and close this window."""
        from PySide6.QtWidgets import QMessageBox

        from inspector.ui.core.restart import start_again

        started = start_again()
        if not started:
            QMessageBox.warning(self.window, self.tr("Restore a backup"), self.tr(
                "The program could not be started again; please start it yourself."))
        self.window.close()
        return started


# ---------------------------------------------------------------------------- the dialog


KIND_NAMES = {
    "photo-missing": QT_TRANSLATE_NOOP("CheckDialog", "Photo file missing"),
    "photo-damaged": QT_TRANSLATE_NOOP("CheckDialog", "Photo file damaged"),
    "database": QT_TRANSLATE_NOOP("CheckDialog", "Database damaged"),
    "reference": QT_TRANSLATE_NOOP("CheckDialog", "Broken references"),
    "no-database": QT_TRANSLATE_NOOP("CheckDialog", "Database missing"),
}


class CheckDialog(QDialog):
    """Runs the check at :meth:`start`; shows the findings and the safe repairs."""

    restore_requested = Signal()
    photos_removed = Signal(int)
    checked = Signal(object)  # CheckReport, each time a check has finished

    def __init__(self, paths: AppPaths, ops: Operations,
                 context: Callable[[], AppContext | None], actor: Callable[[], str],
                 language: str = "zh", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self.ops = ops
        self.context = context
        self.actor = actor
        self.language = language
        self.report: CheckReport | None = None
        self.job: JobHandle | None = None
        self.setWindowTitle(self.tr("Check the data"))
        self.resize(900, 480)
        layout = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.progress = ProgressView()
        self.progress.bar.setAccessibleName(self.tr("Progress of the check"))
        self.cancel_button = self.progress.cancel_button
        layout.addWidget(self.progress)
        self.findings = QTreeWidget()
        self.findings.setRootIsDecorated(False)
        self.findings.setAlternatingRowColors(True)
        self.findings.setHeaderLabels([self.tr("Problem"), self.tr("Site"), self.tr("Inspection"),
                                       self.tr("Criterion"), self.tr("Photo")])
        self.findings.setAccessibleName(self.tr("Problems found"))
        header = self.findings.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)  # the criterion gives way
        header.setStretchLastSection(False)
        layout.addWidget(self.findings, 1)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        buttons = QHBoxLayout()
        self.bundle_button = QPushButton(self.tr("Fetch photos from a &bundle…"))
        self.bundle_button.clicked.connect(self.choose_bundle)
        self.folder_button = QPushButton(self.tr("Fetch photos from a &folder…"))
        self.folder_button.clicked.connect(self.choose_folder)
        self.remove_button = QPushButton(self.tr("&Remove them from inspections in progress"))
        self.remove_button.clicked.connect(self.remove_photos)
        self.restore_button = QPushButton(self.tr("Restore a bac&kup…"))
        self.restore_button.clicked.connect(self.restore_requested)
        self.again_button = QPushButton(self.tr("Check &again"))
        self.again_button.clicked.connect(self.start)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.reject)
        for button in (self.bundle_button, self.folder_button, self.remove_button,
                       self.restore_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.again_button)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self.close_button.setDefault(True)  # Enter closes the report, never cancels the check
        self._show_repairs(None)

    # -- running ------------------------------------------------------------------------

    def _run(self, text: str, operation: Operation[T]) -> JobHandle:
        """Start ``operation`` with the dialog's progress and Cancel, its buttons held."""
        self.heading.setText(text)
        for button in (self.bundle_button, self.folder_button, self.remove_button,
                       self.restore_button, self.again_button):
            button.setEnabled(False)
        self.job = operation.with_progress(self.progress, "", cancellable=True) \
            .on_done(self._job_done).start()
        return self.job

    def start(self) -> JobHandle:
        """Check the whole data folder on the worker."""
        paths = self.paths
        return self._run(
            self.tr("Checking the database and every photo file…"),
            self.ops.read(self, lambda control: api.maintenance.check_data(paths, control),
                          "check data")
            .on_success(self._checked)
            .on_cancel(lambda: self._stopped(self.tr("The check was cancelled.")))
            .on_failure(self._failed))

    def cancel(self) -> None:
        self.progress.cancel()

    def _job_done(self) -> None:
        self.job = None
        self.again_button.setEnabled(True)

    def _stopped(self, text: str) -> None:
        self.heading.setText(text)
        self._show_repairs(self.report)

    def _failed(self, exc: BaseException) -> None:
        self._stopped(self.tr("The check could not be finished."))
        self.ops.show_failure(self, exc, self.tr("Check the data"))

    # -- results ------------------------------------------------------------------------

    def _checked(self, report: CheckReport) -> None:
        self.report = report
        self.findings.clear()
        for finding in report.findings:
            self.findings.addTopLevelItem(self._item(finding))
        if report.ok:
            self.heading.setText(self.tr(
                "All well: the database is intact and all %n photo file(s) match their "
                "records.", "", report.files))
        else:
            self.heading.setText(self.tr("%n problem(s) found.", "", len(report.findings)))
        self._show_repairs(report)
        self.checked.emit(report)

    def _item(self, finding: Finding) -> QTreeWidgetItem:
        from PySide6.QtCore import QCoreApplication

        kind = QCoreApplication.translate("CheckDialog", str(KIND_NAMES[finding.kind.value]))
        if not finding.is_photo:
            item = QTreeWidgetItem([f"{kind}: {finding.message}"])
            item.setFirstColumnSpanned(True)
            item.setToolTip(0, finding.message)
            return item
        status = {InspectionStatus.DRAFT.value: self.tr("in progress"),
                  InspectionStatus.COMPLETED.value: self.tr("completed")}.get(
            finding.status, finding.status)
        criterion = finding.criterion_en if self.language == "en" else finding.criterion
        inspection = self.tr("%1 (%2)").replace("%1", finding.visit_date).replace("%2", status)
        item = QTreeWidgetItem([kind, finding.site, inspection, criterion, finding.photo])
        for column in range(5):
            item.setToolTip(column, finding.message)
        return item

    def _show_repairs(self, report: CheckReport | None) -> None:
        photos = bool(report and report.photo_findings)
        removable = len(report.removable) if report else 0
        database = bool(report and any(not f.is_photo for f in report.findings))
        self.bundle_button.setEnabled(photos)
        self.folder_button.setEnabled(photos)
        self.bundle_button.setVisible(photos)
        self.folder_button.setVisible(photos)
        self.remove_button.setVisible(removable > 0)
        self.remove_button.setEnabled(removable > 0 and self.context() is not None)
        self.restore_button.setVisible(database)
        self.restore_button.setEnabled(database)
        hints = []
        if database:
            hints.append(self.tr("The database is damaged or incomplete. Restore a backup made "
                                 "before the damage: the current data is kept as a backup "
                                 "first."))
        if photos:
            hints.append(self.tr("Photos can be fetched back from a sync bundle exported after "
                                 "they were taken, or from a folder holding the original files "
                                 "(only files with exactly the recorded content are taken)."))
        if removable:
            hints.append(self.tr("%n photo(s) without a good file belong to inspections in "
                                 "progress and can be removed from them.", "", removable))
        completed = len(report.photo_findings) - removable if report else 0
        if completed:
            hints.append(self.tr("%n photo(s) without a good file belong to completed "
                                 "inspections: fetch them back, or reopen the inspection to "
                                 "remove them.", "", completed))
        self.hint.setText("\n".join(hints))
        self.hint.setVisible(bool(hints))

    # -- repairs ------------------------------------------------------------------------

    def choose_bundle(self) -> None:
        from inspector.ui.core.file_dialogs import FileDialogs, Purpose

        chosen = FileDialogs(lambda: self.paths.settings_file).open_file(
            self, self.tr("Fetch photos from a bundle"),
            self.tr("Sync bundles (*.inspector-bundle *.zip);;All files (*)"), Purpose.REPAIR)
        if chosen:
            self.refetch(chosen)

    def choose_folder(self) -> None:
        from inspector.ui.core.file_dialogs import FileDialogs, Purpose

        chosen = FileDialogs(lambda: self.paths.settings_file).folder(
            self, self.tr("Fetch photos from a folder"), Purpose.REPAIR)
        if chosen:
            self.refetch(chosen)

    def refetch(self, source: Path) -> JobHandle | None:
        report = self.report
        if report is None or not report.wanted:
            return None
        paths, wanted = self.paths, set(report.wanted)
        return self._run(
            self.tr("Checking %1 and fetching the photos…").replace("%1", source.name),
            self.ops.write(
                self, lambda control: api.maintenance.refetch_photos(paths, wanted, source,
                                                                     control),
                "fetch photos", changes=Change.PHOTOS)
            .on_success(self._refetched)
            .on_cancel(lambda: self._stopped(self.tr("Cancelled; nothing was changed.")))
            .on_failure(self._repair_failed))

    def _refetched(self, result: RefetchResult) -> None:
        from PySide6.QtWidgets import QMessageBox

        text = self.tr("%n photo file(s) fetched back.", "", len(result.fetched))
        if result.not_found:
            text += " " + self.tr("%n were not found there.", "", len(result.not_found))
        self.start()  # the list shows what is left
        QMessageBox.information(self, self.tr("Fetch photos"), text)

    def _repair_failed(self, exc: BaseException) -> None:
        self._stopped(self.tr("Nothing was changed."))
        self.ops.show_failure(self, exc, self.tr("Check the data"))

    def remove_photos(self) -> JobHandle | None:
        from PySide6.QtWidgets import QMessageBox

        report, context = self.report, self.context()
        if report is None or context is None or not report.removable:
            return None
        count = len(report.removable)
        answer = QMessageBox.question(
            self, self.tr("Remove photos"),
            self.tr("Remove %n photo(s) without a good file from the inspections in progress? "
                    "Completed inspections are not changed.", "", count),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return None
        actor = self.actor()
        return self._run(
            self.tr("Removing the photos…"),
            self.ops.write(
                self, lambda _c: api.maintenance.remove_unavailable_photos(context, report,
                                                                           actor),
                "remove photos", changes=Change.PHOTOS)
            .on_success(self._removed).on_failure(self._repair_failed))

    def _removed(self, count: int) -> None:
        self.photos_removed.emit(count)
        self.start()

