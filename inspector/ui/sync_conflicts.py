"""Conflicts side by side: this computer's version and the incoming one, field by field."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from inspector.services.sync.conflicts import ConflictView


class ConflictsPanel(QWidget):
    """Lists open conflicts; asks to keep one version (``resolve_requested(id, choice)``)."""

    resolve_requested = Signal(str, str)  # conflict id, "local" | "remote"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.conflicts: list[ConflictView] = []
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Conflicts"))
        splitter.addWidget(self.list)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Field"), self.tr("This computer"), self.tr("Incoming")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        right_layout.addWidget(self.table)
        buttons = QHBoxLayout()
        self.keep_local = QPushButton(self.tr("Keep &this computer's version"))
        self.keep_remote = QPushButton(self.tr("Take the i&ncoming version"))
        buttons.addStretch(1)
        buttons.addWidget(self.keep_local)
        buttons.addWidget(self.keep_remote)
        right_layout.addLayout(buttons)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        layout.addWidget(splitter, 1)
        self.list.currentRowChanged.connect(self._show)
        self.keep_local.clicked.connect(lambda: self._resolve("local"))
        self.keep_remote.clicked.connect(lambda: self._resolve("remote"))
        self.set_conflicts([])

    def set_conflicts(self, conflicts: list[ConflictView]) -> None:
        from inspector.services.sync.conflicts import FIELD_LABELS, LABELS

        self.conflicts = conflicts
        self.list.clear()
        for view in conflicts:
            label = LABELS.get(view.table, view.table)
            names = ", ".join(FIELD_LABELS.get(name, name).split(" / ")[0]
                              for name, _a, _b in view.differing[:3])
            item = QListWidgetItem(f"{label} {view.record_id[:8]} — {names}")
            item.setData(Qt.ItemDataRole.UserRole, view.id)
            self.list.addItem(item)
        self.summary.setText(
            self.tr("No conflicts. Records changed on both sides would be listed here.")
            if not conflicts else
            self.tr("%n record(s) were changed both here and on the other side. Both versions "
                    "are kept; choose which one is right.", "", len(conflicts)))
        if conflicts:
            self.list.setCurrentRow(0)
        else:
            self._show(-1)

    def _show(self, row: int) -> None:
        from inspector.services.sync.conflicts import FIELD_LABELS

        self.table.setRowCount(0)
        enabled = 0 <= row < len(self.conflicts)
        self.keep_local.setEnabled(enabled)
        self.keep_remote.setEnabled(enabled)
        if not enabled:
            return
        highlight = QBrush(QColor(255, 236, 179))
        for name, here, incoming in self.conflicts[row].fields:
            index = self.table.rowCount()
            self.table.insertRow(index)
            cells = [QTableWidgetItem(FIELD_LABELS.get(name, name)), QTableWidgetItem(_text(here)),
                     QTableWidgetItem(_text(incoming))]
            for column, cell in enumerate(cells):
                if here != incoming:
                    cell.setBackground(highlight)
                self.table.setItem(index, column, cell)
        self.table.resizeRowsToContents()

    def _resolve(self, choice: str) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.conflicts):
            self.resolve_requested.emit(self.conflicts[row].id, choice)


def _text(value: object) -> str:
    return "—" if value is None or value == "" else str(value)
