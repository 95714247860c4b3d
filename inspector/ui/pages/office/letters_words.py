"""The words and marks of the letters-and-rectification tab: an item's state, a verdict,
dates, the calm mark of an overdue item, and what a write of the tab announces.

The states' words come from the domain (``ITEM_STATE_WORDS``, one pair per state), so
the tab, the printed ledger and the command line say the same; here only the half in the
window's language is chosen.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTableView, QTableWidget, QTableWidgetItem

from inspector.domain.supervision import (
    ITEM_STATE_WORDS,
    OVERDUE_WORDS,
    VERDICT_WORDS,
    ItemState,
    Verdict,
)
from inspector.ui.core.operations import Change

#: What a change of a letter, an item, a site's report or the office's settings announces;
#: the office's screens (work queue, letters) listen for it.
ITEMS_CHANGED = Change.SUPERVISION
#: Changes after which the tab reads its letters, items and conflicts again: an approval
#: (a letter drafted), an import (a re-inspection's results), the registry (names).
SHOWN_HERE = ITEMS_CHANGED | Change.INSPECTION | Change.SYNC | Change.SITES | Change.ASSIGNMENTS

#: An overdue item's text: a quiet red-brown, readable on white and on a selected row.
OVERDUE_COLOR = QColor(150, 62, 30)


def chinese() -> bool:
    return QLocale().language() == QLocale.Language.Chinese


def _half(pair: tuple[str, str]) -> str:
    return pair[0] if chinese() else pair[1]


def state_text(state: ItemState, overdue: bool = False) -> str:
    """An item's state in the window's language; an overdue one says so instead of "open"."""
    if overdue:
        return _half(OVERDUE_WORDS)
    return _half(ITEM_STATE_WORDS[state])


def verdict_text(verdict: Verdict | None) -> str:
    return _half(VERDICT_WORDS[verdict]) if verdict is not None else "—"


def date_text(value: date | None) -> str:
    return value.isoformat() if value is not None else "—"


def letter_number_text(number: str, issued: bool) -> str:
    """A letter's number, or the word for a draft (which has none yet)."""
    if issued and number:
        return number
    return QCoreApplication.translate("LedgerTab", "Draft")


def cell(text: str, *, tooltip: str | None = None, overdue: bool = False,
         data: object = None) -> QTableWidgetItem:
    """A read-only cell: its full text as a tooltip when it may be cut off."""
    from PySide6.QtCore import Qt

    item = QTableWidgetItem(text.replace("\n", " ⏎ ") if text else "")
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if tooltip is not None or "\n" in text or len(text) > 24:
        item.setToolTip(tooltip if tooltip is not None else text)
    if overdue:
        item.setForeground(OVERDUE_COLOR)
    if data is not None:
        item.setData(Qt.ItemDataRole.UserRole, data)
    return item


def table(headers: list[str], name: str) -> QTableWidget:
    """A list of rows: whole rows selected, headers given, named for screen readers."""
    from PySide6.QtWidgets import QAbstractItemView, QHeaderView

    view = QTableWidget(0, len(headers))
    view.setHorizontalHeaderLabels(headers)
    view.setAccessibleName(name)
    view.verticalHeader().setVisible(False)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.setAlternatingRowColors(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setHighlightSections(False)
    return view


def stretch(view: QTableView, columns: tuple[int, ...]) -> None:
    """Share the width left by the other columns (sized to their contents) among
    ``columns``, the long texts, whose whole text is in their tooltips: no row runs off the
    right edge."""
    from PySide6.QtWidgets import QHeaderView

    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    for column in range(header.count()):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch if column in columns
                                    else QHeaderView.ResizeMode.ResizeToContents)


def selected_rows(view: QTableView) -> list[int]:
    return sorted({index.row() for index in view.selectionModel().selectedRows()})
