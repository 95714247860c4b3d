"""File → Import sites from CSV / Export sites to CSV, for the main window.

The files are read and written by :mod:`inspector.services.sites_csv` on the
worker; a file with bad rows imports nothing and lists every bad row. While
another program writes to the database, the import waits for it and says so.
The dialogs open in the folder last used; an export suggests ``站点名录_日期.csv``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from inspector.services import api
from inspector.ui.file_dialogs import FileDialogs, Purpose

if TYPE_CHECKING:
    from inspector.services.sites_csv import ImportResult
    from inspector.ui.main_window import MainWindow
    from inspector.ui.worker import JobHandle


class SiteCsvActions(QObject):
    """What the File menu's CSV actions do; the window shows the outcome."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.dialogs = FileDialogs(lambda: window.paths.settings_file)

    def import_sites(self) -> None:
        if self.window.context is None:
            return
        path = self.dialogs.open_file(self.window, self.tr("Import sites"),
                                      self.tr("CSV files (*.csv)"), Purpose.DOCUMENTS)
        if path is not None:
            self.import_sites_from(path)

    def import_sites_from(self, path: Path) -> JobHandle | None:
        context = self.window.context
        if context is None:
            return None
        self.window.show_status(self.tr("Importing %1…").replace("%1", path.name))
        # On the parallel pool: the file is read and checked without holding the
        # database, so ratings and notes go on being saved meanwhile; they wait
        # only for the moments the sites are written.
        handle = self.window.worker.submit(
            lambda control: api.sites.import_sites_csv(context, path, control),
            "import sites")
        handle.progress.connect(lambda _done, _total, _text: self.window.show_status(
            self.tr("Importing %1: waiting for the database…").replace("%1", path.name)))
        handle.finished.connect(self._imported)
        handle.failed.connect(self._failed)
        return handle

    def _imported(self, result: ImportResult) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(self.window, self.tr("Sites imported"), self.tr(
            "New: %1, changed: %2, unchanged: %3.")
            .replace("%1", str(result.created)).replace("%2", str(result.updated))
            .replace("%3", str(result.unchanged)))
        self.window.reload_sites()

    def _failed(self, exc: BaseException) -> None:
        from PySide6.QtWidgets import QMessageBox

        from inspector.ui.errors import show_error

        self.window.show_status("")
        problems = getattr(exc, "problems", None)
        if problems and len(problems) > 1:
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Nothing was imported"),
                              self.tr("The file has %n bad row(s); nothing was imported.", "",
                                      len(problems)), parent=self.window)
            box.setDetailedText("\n".join(str(problem) for problem in problems))
            box.exec()
            return
        show_error(self.window, exc, self.tr("Nothing was imported"))

    def export_sites(self) -> None:
        context = self.window.context
        if context is None:
            return
        from datetime import date

        from inspector.services.file_names import sites_csv_file_name
        from inspector.ui.errors import show_error

        chosen = self.dialogs.save_file(self.window, self.tr("Export sites"),
                                        sites_csv_file_name(date.today()),
                                        self.tr("CSV files (*.csv)"), Purpose.DOCUMENTS)
        if chosen is None:
            return
        path = chosen
        handle = self.window.worker.submit(
            lambda _control: api.sites.export_sites_csv(context, path), "export sites")
        handle.finished.connect(lambda count: self.window.show_status(
            self.tr("%n site(s) exported to %1", "", count).replace("%1", path.name)))
        handle.failed.connect(lambda exc: show_error(self.window, exc, self.tr("Export failed")))
