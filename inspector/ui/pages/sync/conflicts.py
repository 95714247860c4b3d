"""The Conflicts tab of the Sync screen: the version shown now and the other one, field
by field.

Which version is shown until a person decides follows a fixed rule (a change
made on this computer first, else the latest), so every office shows the same
one whatever order the bundles came in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector.domain.tiers import Tier
from inspector.domain.values import Keep
from inspector.services.api.sync import Vocabulary
from inspector.ui.labels import in_ui_language, local_time, status_name

if TYPE_CHECKING:
    from inspector.services.api.sync import SyncOverview
    from inspector.services.sync.conflicts import ConflictView


class ConflictsPanel(QWidget):
    """Lists open conflicts; asks to keep one version (``resolve_requested(id, choice)``)."""

    resolve_requested = Signal(str, str)  # conflict id, the Keep's word

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.conflicts: list[ConflictView] = []
        self.words = Vocabulary()
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Conflicts"))
        self.list.setWordWrap(True)
        self.list.setMinimumWidth(220)
        splitter.addWidget(self.list)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.origin = QLabel()
        self.origin.setWordWrap(True)
        right_layout.addWidget(self.origin)
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
        self.keep_local = QPushButton(self.tr("&Keep the version shown"))
        self.keep_remote = QPushButton(self.tr("Take the &other version"))
        buttons.addStretch(1)
        buttons.addWidget(self.keep_local)
        buttons.addWidget(self.keep_remote)
        right_layout.addLayout(buttons)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout.addWidget(splitter, 1)
        self.list.currentRowChanged.connect(self._show)
        self.keep_local.clicked.connect(lambda: self._resolve(Keep.LOCAL))
        self.keep_remote.clicked.connect(lambda: self._resolve(Keep.REMOTE))
        self.set_conflicts([])

    def tab_title(self) -> str:
        return (self.tr("&Conflicts (%1)").replace("%1", str(len(self.conflicts)))
                if self.conflicts else self.tr("&Conflicts"))

    def show_overview(self, overview: SyncOverview) -> None:
        self.set_conflicts(overview.conflicts, overview.words)

    def set_conflicts(self, conflicts: list[ConflictView],
                      words: Vocabulary | None = None) -> None:
        from inspector.services.sync.conflicts import FIELD_LABELS, LABELS

        self.conflicts = conflicts
        self.words = words or Vocabulary()
        self.list.clear()
        chinese = QLocale().language() == QLocale.Language.Chinese
        colon, comma = ("：", "、") if chinese else (": ", ", ")
        for view in conflicts:
            label = in_ui_language(LABELS.get(view.table, view.table))
            fields = comma.join(in_ui_language(FIELD_LABELS.get(name, name))
                                for name, _a, _b in view.differing[:3])
            item = QListWidgetItem(f"{label}{colon}{self._record_name(view)}\n{fields}")
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
        self.origin.setText("")
        if not enabled:
            return
        view = self.conflicts[row]
        device = self.words.devices.get(view.device_id, view.device_id[:8])
        self.origin.setText(self.tr("The other version came from “%1”, found %2.")
                            .replace("%1", device).replace("%2", local_time(view.detected_at)))
        highlight = QBrush(QColor(255, 236, 179))
        for name, here, incoming in view.fields:
            index = self.table.rowCount()
            self.table.insertRow(index)
            cells = [QTableWidgetItem(in_ui_language(FIELD_LABELS.get(name, name))),
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
        if view.record_id in self.words.names:
            return self.words.names[view.record_id]
        for key in ("inspection_id", "site_id"):
            found = self.words.names.get(str(values.get(key, "")))
            if found:
                return found
        return view.record_id[:8]

    def value_text(self, field_name: str, value: object) -> str:
        """A field's value in the user's words: names instead of ids, tiers, states, times."""
        if value is None or value == "":
            return "—"
        text = str(value)
        language = "zh" if QLocale().language() == QLocale.Language.Chinese else "en"
        if field_name in ("site_id", "parent_id", "inspection_id", "previous_inspection_id"):
            return self.words.names.get(text, text[:8])
        if field_name == "tier" and text in {tier.value for tier in Tier}:
            return {Tier.COUNTY: self.tr("county college"),
                    Tier.TOWNSHIP: self.tr("township school"),
                    Tier.VILLAGE: self.tr("village station")}[Tier(text)]
        if field_name == "status":
            return status_name(text)
        if field_name == "rating" and text in self.words.ratings:
            return self.words.ratings[text].get(language)
        if field_name == "criterion_id" and text in self.words.criteria:
            return self.words.criteria[text].get(language)
        if field_name in ("at", "completed_at", "taken_at", "created_at", "updated_at"):
            return local_time(text)
        return text

    def _resolve(self, choice: Keep) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self.conflicts):
            return
        question = (self.tr("Keep the version shown now and set the other one aside for good?")
                    if choice == Keep.LOCAL else
                    self.tr("Replace what is shown now with the other version? The version "
                            "shown now is set aside for good."))
        answer = QMessageBox.question(
            self, self.tr("Resolve the conflict"), question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Yes:
            self.resolve_requested.emit(self.conflicts[row].id, choice)
