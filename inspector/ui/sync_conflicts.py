"""Conflicts side by side: the version shown now and the other one, field by field.

Which version is shown until a person decides follows a fixed rule (a change
made on this computer first, else the latest), so every office shows the same
one whatever order the bundles came in.
"""

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
    from inspector.domain.templates import Text
    from inspector.services.sync.conflicts import ConflictView


class ConflictsPanel(QWidget):
    """Lists open conflicts; asks to keep one version (``resolve_requested(id, choice)``)."""

    resolve_requested = Signal(str, str)  # conflict id, "local" | "remote"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.conflicts: list[ConflictView] = []
        self.names: dict[str, str] = {}
        self.ratings: dict[str, Text] = {}
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
            [self.tr("Field"), self.tr("Shown now"), self.tr("Other version")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        right_layout.addWidget(self.table)
        buttons = QHBoxLayout()
        self.keep_local = QPushButton(self.tr("Keep the version &shown"))
        self.keep_remote = QPushButton(self.tr("Take the &other version"))
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

    def set_conflicts(self, conflicts: list[ConflictView], names: dict[str, str] | None = None,
                      ratings: dict[str, Text] | None = None) -> None:
        """``names``: what the user calls the records ids point at (sites, inspections);
        ``ratings``: the checklist's rating labels by id."""
        from inspector.services.sync.conflicts import FIELD_LABELS, LABELS

        self.conflicts = conflicts
        self.names = names or {}
        self.ratings = ratings or {}
        self.list.clear()
        for view in conflicts:
            label = LABELS.get(view.table, view.table)
            fields = ", ".join(FIELD_LABELS.get(name, name).split(" / ")[0]
                               for name, _a, _b in view.differing[:3])
            what = self._record_name(view)
            item = QListWidgetItem(f"{label} {what} — {fields}")
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
            cells = [QTableWidgetItem(FIELD_LABELS.get(name, name)),
                     QTableWidgetItem(self.value_text(name, here)),
                     QTableWidgetItem(self.value_text(name, incoming))]
            for column, cell in enumerate(cells):
                if here != incoming:
                    cell.setBackground(highlight)
                self.table.setItem(index, column, cell)
        self.table.resizeRowsToContents()

    def _record_name(self, view: ConflictView) -> str:
        """The record as a person knows it: a site's name, an inspection's site and date."""
        values = {name: incoming if incoming not in (None, "") else here
                  for name, here, incoming in view.fields}
        if view.record_id in self.names:
            return self.names[view.record_id]
        for key in ("inspection_id", "site_id"):
            found = self.names.get(str(values.get(key, "")))
            if found:
                return found
        return view.record_id[:8]

    def value_text(self, field_name: str, value: object) -> str:
        """A field's value in the user's words: names instead of ids, tiers and states."""
        from inspector.domain.tiers import Tier

        if value is None or value == "":
            return "—"
        text = str(value)
        if field_name in ("site_id", "parent_id", "inspection_id", "previous_inspection_id"):
            return self.names.get(text, text[:8])
        if field_name == "tier" and text in {tier.value for tier in Tier}:
            return {"county": self.tr("county college"), "township": self.tr("township school"),
                    "village": self.tr("village station")}[text]
        if field_name == "status":
            return {"draft": self.tr("in progress"), "completed": self.tr("completed")}.get(
                text, text)
        if field_name == "rating" and text in self.ratings:
            from PySide6.QtCore import QLocale

            chinese = QLocale().language() == QLocale.Language.Chinese
            return self.ratings[text].get("zh" if chinese else "en")
        return text

    def _resolve(self, choice: str) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.conflicts):
            self.resolve_requested.emit(self.conflicts[row].id, choice)

