"""File → Restore a backup…: the database's backups, and restoring one after a clear warning.

Listing reads only the backups folder. Before restoring, the dialog works out
on the worker what the restore would replace (:func:`inspector.services.api.maintenance.
backup_losses`) and names it in the confirmation. The window's own database
connections are closed first (an open connection, in any process, makes the
restore refuse), the restore runs on the worker, and the program then starts
again on the restored data.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector.services import api
from inspector.ui.core.operations import Change, Operation, Operations

if TYPE_CHECKING:
    from inspector.app_paths import AppPaths
    from inspector.services.backups import BackupInfo, Loss, RestoreResult
    from inspector.ui.core.worker import JobHandle

T = TypeVar("T")


class BackupsDialog(QDialog):
    """The backups, newest first, and a Restore button."""

    restored = Signal(object)  # RestoreResult; the program should start again

    def __init__(self, paths: AppPaths, ops: Operations, release: Callable[[], None],
                 language: str = "zh", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self.ops = ops
        self.release = release
        self.language = language
        self.backups: list[BackupInfo] = []
        self.job: JobHandle | None = None
        self.setWindowTitle(self.tr("Restore a backup"))
        self.resize(640, 420)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "A backup of the database is made before every database upgrade, every sync import "
            "that changes something and every restore. The newest 10 are kept, and the newest "
            "of each month for a year. Restoring one replaces everything saved after it; the "
            "current data is first kept as a new backup, so a restore can be undone."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Made"), self.tr("Why"), self.tr("Size")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAccessibleName(self.tr("Backups"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemDoubleClicked.connect(lambda _item: self.restore_selected())
        layout.addWidget(self.table, 1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        buttons = QHBoxLayout()
        folder = QPushButton(self.tr("Open the backups &folder"))
        folder.clicked.connect(self.open_folder)
        buttons.addWidget(folder)
        buttons.addStretch(1)
        self.restore_button = QPushButton(self.tr("&Restore…"))
        self.restore_button.clicked.connect(self.restore_selected)
        buttons.addWidget(self.restore_button)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.reject)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self.restore_button.setDefault(True)  # Enter restores the chosen backup (after asking)
        self.refresh()

    def refresh(self) -> None:
        self.backups = api.maintenance.list_backups(self.paths)
        self.table.setRowCount(len(self.backups))
        for row, info in enumerate(self.backups):
            when = QTableWidgetItem(f"{info.local_time:%Y-%m-%d %H:%M}")
            when.setToolTip(info.name)
            why = QTableWidgetItem(info.reason_en if self.language == "en" else info.reason_zh)
            why.setToolTip(info.name)
            size = QTableWidgetItem(self._size(info.size))
            size.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for column, item in enumerate((when, why, size)):
                self.table.setItem(row, column, item)
        self.status.setText("" if self.backups else self.tr("There are no backups yet."))
        if self.backups:
            self.table.selectRow(0)
        self._selection_changed()

    def _size(self, size: int) -> str:
        if size < 2**20:
            return self.tr("%1 KB").replace("%1", f"{size / 1024:.0f}")
        return self.tr("%1 MB").replace("%1", f"{size / 2**20:.1f}")

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None and self.job is None)

    def open_folder(self) -> bool:
        """Show the backups in the file manager, or say where they are when none can."""
        from inspector.ui.dialogs.data_folder import show_folder

        folder = self.paths.backups if self.paths.backups.is_dir() else self.paths.data_dir
        return show_folder(self, folder)

    # -- restoring ------------------------------------------------------------------------

    def _busy(self, text: str, operation: Operation[T]) -> JobHandle:
        self.status.setText(text)
        self.restore_button.setEnabled(False)
        self.close_button.setEnabled(False)

        def done() -> None:
            self.job = None
            self.close_button.setEnabled(True)
            self._selection_changed()

        self.job = operation.on_failure(self._failed).on_done(done).start()
        return self.job

    def restore_selected(self) -> JobHandle | None:
        """Work out what the restore would replace, then ask (:meth:`confirm`)."""
        info = self.selected()
        if info is None or self.job is not None:
            return None
        paths = self.paths
        return self._busy(
            self.tr("Comparing the backup with the current data…"),
            self.ops.read(self, lambda _c: api.maintenance.backup_losses(paths, info),
                          "backup losses").on_success(lambda loss: self.confirm(info, loss)))

    def question(self, info: BackupInfo, loss: Loss) -> str:
        """The confirmation's text: which backup, and what will be lost."""
        when = f"{info.local_time:%Y-%m-%d %H:%M}"
        why = info.reason_en if self.language == "en" else info.reason_zh
        text = self.tr("Replace the current data by the backup of %1 (%2)?").replace(
            "%1", when).replace("%2", why)
        if not loss.readable:
            lost = self.tr("The current database cannot be read, so what it holds beyond the "
                           "backup cannot be listed. It is kept, as it is, in the backups "
                           "folder.")
        elif loss.nothing:
            lost = self.tr("Nothing has been saved since this backup was made.")
        else:
            parts = [self.tr("These will lose what was saved after %1:").replace("%1", when)]
            parts += [f"• {label}" for label in loss.inspections[:12]]
            if len(loss.inspections) > 12:
                parts.append(self.tr("• and %n more inspection(s)", "",
                                     len(loss.inspections) - 12))
            if loss.sites:
                parts.append("• " + self.tr("%n site(s) added or changed", "", loss.sites))
            if loss.bundles:
                parts.append("• " + self.tr("%n sync bundle(s) written or imported", "",
                                            loss.bundles))
            lost = "\n".join(parts)
        after = self.tr("The current data is first kept as a new backup, so this can be undone. "
                        "The program then starts again.")
        return f"{text}\n\n{lost}\n\n{after}"

    def confirm(self, info: BackupInfo, loss: Loss) -> JobHandle | None:
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self, self.tr("Restore a backup"), self.question(info, loss),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            self.status.setText("")
            return None
        return self.restore(info)

    def restore(self, info: BackupInfo) -> JobHandle:
        """Close the window's connections and restore ``info`` on the worker."""
        self.release()
        paths, name = self.paths, info.name
        return self._busy(
            self.tr("Restoring…"),
            self.ops.write(self, lambda _c: api.maintenance.restore_backup(paths, name),
                           "restore backup", changes=Change.EVERYTHING)
            .on_success(self._restored))

    def _restored(self, result: RestoreResult) -> None:
        from PySide6.QtWidgets import QMessageBox

        self.status.setText(self.tr("Restored."))
        QMessageBox.information(self, self.tr("Restore a backup"), self.tr(
            "The backup was restored. The data as it was before is kept as the backup %1. "
            "The program now starts again.").replace(
            "%1", result.safety.name if result.safety else "—"))
        self.restored.emit(result)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(self.tr("Nothing was restored."))
        self.ops.show_failure(self, exc, self.tr("Restore a backup"))
