"""The rectification ledger's rows as a table model: the view asks only for the cells it
shows, so ten years of a county's items (thousands of rows) appear at once instead of
holding the window while a widget per cell is made."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, Qt

from inspector.ui.pages.office.letters_words import OVERDUE_COLOR, date_text, state_text

if TYPE_CHECKING:
    from PySide6.QtCore import QPersistentModelIndex

    from inspector.services.rectification_ledger import ItemRow

(SITE, TOWNSHIP, CRITERION, FINDING, REQUIREMENT, RESPONSIBLE, DEADLINE, STATE,
 NUMBER) = range(9)
#: Cells whose text may be long: their whole text is their tooltip.
_LONG = 24
_ROOT = QModelIndex()


class LedgerModel(QAbstractTableModel):
    """Give it the headers, then :meth:`set_rows`; ``Qt.UserRole`` of a cell is its item's id."""

    def __init__(self, headers: Sequence[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers = list(headers)
        self.rows: list[ItemRow] = []
        self._criterion: Callable[[ItemRow], str] = lambda row: row.criterion_text
        self._today = date.today()

    def set_rows(self, rows: Sequence[ItemRow], criterion: Callable[[ItemRow], str],
                 today: date) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self._criterion, self._today = criterion, today
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def text(self, row: ItemRow, column: int) -> str:
        """A cell's whole text."""
        if column == SITE:
            return row.site_name
        if column == TOWNSHIP:
            return row.township_name or "—"
        if column == CRITERION:
            return self._criterion(row)
        if column == FINDING:
            return row.finding
        if column == REQUIREMENT:
            return row.requirement
        if column == RESPONSIBLE:
            return row.responsible or "—"
        if column == DEADLINE:
            return date_text(row.deadline)
        if column == STATE:
            return state_text(row.state, row.overdue)
        return row.letter_number or "—"

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row, column = self.rows[index.row()], index.column()
        marked = row.overdue and column in (DEADLINE, STATE)
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, column).replace("\n", " ⏎ ")
        if role == Qt.ItemDataRole.ToolTipRole:
            if marked and row.deadline is not None:
                return QCoreApplication.translate(
                    "LedgerPanel", "%1 day(s) past the deadline").replace(
                    "%1", str((self._today - row.deadline).days))
            text = self.text(row, column)
            return text if "\n" in text or len(text) > _LONG else None
        if role == Qt.ItemDataRole.ForegroundRole and marked:
            return OVERDUE_COLOR
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None
