"""File → Import sites from CSV or Excel / Export sites to CSV, for the main window.

The files are read and written by :mod:`inspector.services.sites_csv` on the
worker; the import takes an Excel workbook (.xlsx) as well as CSV. A file with bad rows
imports nothing and lists every bad row (a workbook's, by sheet, row and column). While
another program writes to the database, the import waits for it and says so.
The dialogs open in the folder last used; an export suggests ``站点名录_日期.csv``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from inspector.services import api
from inspector.ui.core.file_dialogs import FileDialogs, Purpose
from inspector.ui.core.operations import Change, Operations

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QWidget

    from inspector.services.context import AppContext
    from inspector.services.sites_csv import ImportResult
    from inspector.ui.core.worker import JobHandle


class SiteCsvActions(QObject):
    """What the File menu's CSV actions do; the window shows the outcome."""

    def __init__(self, window: QWidget, ops: Operations,
                 context: Callable[[], AppContext | None], settings_file: Path,
                 show_status: Callable[[str], None]) -> None:
        super().__init__(window)
        self.window = window
        self.ops = ops
        self._context = context
        self._show_status = show_status
        self.dialogs = FileDialogs(lambda: settings_file)

    def import_sites(self) -> None:
        if self._context() is None:
            return
        path = self.dialogs.open_file(self.window, self.tr("Import sites"),
                                      self.tr("Site lists (*.csv *.xlsx)"), Purpose.DOCUMENTS)
        if path is not None:
            self.import_sites_from(path)

    def import_sites_from(self, path: Path) -> JobHandle | None:
        context = self._context()
        if context is None:
            return None
        self._show_status(self.tr("Importing %1…").replace("%1", path.name))
        # A write like any other: after the changes made before it, and the site list
        # follows once it is done (the main window hears Change.SITES).
        return self.ops.write(
            self.window, lambda control: api.sites.import_sites_csv(context, path, control),
            "import sites", changes=Change.SITES) \
            .on_progress(lambda _done, _total, _text: self._show_status(
                self.tr("Importing %1: waiting for the database…").replace("%1", path.name))) \
            .on_success(self._imported).on_failure(self._failed).start()

    def _imported(self, result: ImportResult) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(self.window, self.tr("Sites imported"), self.tr(
            "New: %1, changed: %2, unchanged: %3.")
            .replace("%1", str(result.created)).replace("%2", str(result.updated))
            .replace("%3", str(result.unchanged)))

    def _failed(self, exc: BaseException) -> None:
        from PySide6.QtWidgets import QMessageBox

        self._show_status("")
        problems = getattr(exc, "problems", None)
        if problems and len(problems) > 1:
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Nothing was imported"),
                              self.tr("The file has %n bad row(s); nothing was imported.", "",
                                      len(problems)), parent=self.window)
            box.setDetailedText("\n".join(str(problem) for problem in problems))
            box.exec()
            return
        self.ops.show_failure(self.window, exc, self.tr("Nothing was imported"))

    def export_sites(self) -> None:
        context = self._context()
        if context is None:
            return
        from datetime import date

        from inspector.services.file_names import sites_csv_file_name

        chosen = self.dialogs.save_file(self.window, self.tr("Export sites"),
                                        sites_csv_file_name(date.today()),
                                        self.tr("CSV files (*.csv)"), Purpose.DOCUMENTS)
        if chosen is None:
            return
        path = chosen
        self.ops.read(
            self.window, lambda _control: api.sites.export_sites_csv(context, path),
            "export sites") \
            .on_success(lambda count: self._show_status(
                self.tr("%n site(s) exported to %1", "", count).replace("%1", path.name))) \
            .error_title(self.tr("Export failed")).start()
