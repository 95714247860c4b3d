"""The read-only tables of the Supervision screen: whole rows selected, each row keeping
the id of what it shows on its first cell."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem

KEY_ROLE = Qt.ItemDataRole.UserRole


def read_only(table: QTableWidget, headers: Sequence[str], name: str) -> QTableWidget:
    """Give ``table`` its column headers and accessible ``name``; one row selected at a time."""
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.setAccessibleName(name)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
    table.setTabKeyNavigation(False)  # Tab leaves the table for the next control
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


def stretch(table: QTableWidget, columns: Sequence[int]) -> None:
    """Share the width among ``columns`` (long texts, wrapped); the others fit their contents."""
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    for column in columns:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)


def fill(table: QTableWidget, rows: Sequence[tuple[str, Sequence[str]]],
         select: bool = True) -> None:
    """Show ``rows`` (each its key and its cells), keeping the selected key when it is
    still there, else selecting the first row (unless ``select`` is false)."""
    kept = selected_key(table)
    table.setRowCount(0)
    table.setRowCount(len(rows))
    again = 0
    for row, (key, cells) in enumerate(rows):
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if column == 0:
                item.setData(KEY_ROLE, key)
            if len(text) > 40:
                item.setToolTip(text)
            table.setItem(row, column, item)
        if key == kept:
            again = row
    if rows and (select or kept is not None):
        table.selectRow(again)


def selected_key(table: QTableWidget) -> str | None:
    row = table.currentRow()
    item = table.item(row, 0) if row >= 0 else None
    return None if item is None else str(item.data(KEY_ROLE))


def select_key(table: QTableWidget, key: str) -> bool:
    for row in range(table.rowCount()):
        item = table.item(row, 0)
        if item is not None and item.data(KEY_ROLE) == key:
            table.selectRow(row)
            return True
    return False
