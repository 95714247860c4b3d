"""The overview's tables as one small table model and its views: each row a list of
:class:`Cell` (its text, the number it sorts by, its tooltip, a bar to draw), so that a
county's hundreds of sites appear at once (the view asks only for the cells it shows, no
widget per cell), every number is a cell a screen reader reads, and any column sorts.

A cell with ``segments`` is drawn as a horizontal bar (:class:`BarDelegate`): the parts of
a whole side by side, each in its colour; its text (said to screen readers and shown as
its tooltip) gives the same numbers in words.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QRectF,
    QSize,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

if TYPE_CHECKING:
    from PySide6.QtCore import QPersistentModelIndex

KEY_ROLE = Qt.ItemDataRole.UserRole  # the id of what the row shows (its first cell's key)
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
SEGMENTS_ROLE = Qt.ItemDataRole.UserRole + 2
_ROOT = QModelIndex()
#: The empty part of a bar: a quiet grey, still visible on white and on a selected row.
TRACK = QColor(226, 230, 235)


@dataclass(frozen=True)
class Cell:
    text: str
    sort: float | str | None = None  # what the column sorts by (else the text)
    tip: str | None = None
    key: str | None = None
    segments: tuple[tuple[float, QColor], ...] = ()  # parts of a bar, each 0..1 of the whole
    bold: bool = False
    number: bool = False  # right-aligned


class RowsModel(QAbstractTableModel):
    """Read-only rows of :class:`Cell`; give it the headers (and their tooltips)."""

    def __init__(self, headers: Sequence[str], parent: QObject | None = None,
                 tips: Sequence[str | None] = ()) -> None:
        super().__init__(parent)
        self.headers = list(headers)
        self.tips = list(tips)
        self.rows: list[list[Cell]] = []

    def set_headers(self, headers: Sequence[str], tips: Sequence[str | None] = ()) -> None:
        self.beginResetModel()
        self.headers, self.tips = list(headers), list(tips)
        self.rows = []
        self.endResetModel()

    def set_rows(self, rows: Sequence[Sequence[Cell]]) -> None:
        self.beginResetModel()
        self.rows = [list(row) for row in rows]
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or section >= len(self.headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        if role == Qt.ItemDataRole.ToolTipRole and section < len(self.tips):
            return self.tips[section]
        return None

    def cell(self, row: int, column: int) -> Cell | None:
        if 0 <= row < len(self.rows) and 0 <= column < len(self.rows[row]):
            return self.rows[row][column]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        cell = self.cell(index.row(), index.column()) if index.isValid() else None
        if cell is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return cell.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return cell.tip if cell.tip is not None else (cell.text if cell.segments else None)
        if role == SORT_ROLE:
            return cell.sort if cell.sort is not None else cell.text
        if role == KEY_ROLE:
            return cell.key if cell.key is not None else next(
                (c.key for c in self.rows[index.row()] if c.key is not None), None)
        if role == SEGMENTS_ROLE:
            return cell.segments or None
        if role == Qt.ItemDataRole.TextAlignmentRole and cell.number:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and cell.bold:
            font = QFont()
            font.setBold(True)
            return font
        return None


class BarDelegate(QStyledItemDelegate):
    """Draws a cell with segments as a bar as high as a line of text; the rest as usual."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        segments = index.data(SEGMENTS_ROLE)
        if not segments:
            super().paint(painter, option, index)
            return
        style = option.widget.style() if option.widget is not None else None
        if style is not None:  # the row's background and selection, without the text
            plain = QStyleOptionViewItem(option)
            self.initStyleOption(plain, index)
            plain.text = ""
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, plain, painter,
                              option.widget)
        metrics = option.fontMetrics
        margin = max(2, metrics.height() // 5)
        height = max(4, round(metrics.height() * 0.7))
        rect = QRectF(option.rect.adjusted(margin, 0, -margin, 0))
        bar = QRectF(rect.left(), rect.center().y() - height / 2, rect.width(), height)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.fillRect(bar, TRACK)
        left = bar.left()
        for part, colour in segments:
            width = bar.width() * max(0.0, min(1.0, float(part)))
            painter.fillRect(QRectF(left, bar.top(), width, bar.height()), colour)
            left += width
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        if index.data(SEGMENTS_ROLE):
            metrics = option.fontMetrics
            return QSize(metrics.horizontalAdvance("0") * 22, round(metrics.height() * 1.5))
        return super().sizeHint(option, index)


class SortingProxy(QSortFilterProxyModel):
    """Sorts by each cell's :data:`SORT_ROLE`, names in the window's language's order."""

    def __init__(self, source: RowsModel | QAbstractTableModel,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSourceModel(source)
        self.setSortRole(SORT_ROLE)
        self.setSortLocaleAware(True)


def table_view(model: QAbstractTableModel, name: str, *, sortable: bool = False,
               stretch: int | None = None, parent: QWidget | None = None) -> QTableView:
    """A read-only table of ``model`` (through a sorting proxy when ``sortable``, in the
    model's own order until a header is clicked), named ``name`` for screen readers; the
    columns fit their contents, and the column ``stretch`` (if any) takes the width left."""
    view = QTableView(parent)
    if sortable:
        proxy = SortingProxy(model, view)
        view.setModel(proxy)
        view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        view.setSortingEnabled(True)
    else:
        view.setModel(model)
    view.setAccessibleName(name)
    view.setItemDelegate(BarDelegate(view))
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setTabKeyNavigation(False)
    view.setWordWrap(False)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setResizeContentsPrecision(200)  # sized from the first rows, not every one
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(False)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    fit_rows(view)
    return view


def fit_rows(view: QTableView) -> None:
    """Rows as high as the view's text needs (at any text size), bars included."""
    view.verticalHeader().setDefaultSectionSize(round(view.fontMetrics().height() * 1.6))
    view.verticalHeader().setMinimumSectionSize(view.fontMetrics().height() + 4)


def source_index(view: QTableView, index: QModelIndex) -> QModelIndex:
    """The model's own index of a cell the view shows (through its sorting proxy)."""
    model = view.model()
    return model.mapToSource(index) if isinstance(model, QSortFilterProxyModel) else index
