"""The overview's tables as one small table model and its views: each row a list of
:class:`Cell` (its text, the number it sorts by, its tooltip, a bar to draw), so that a
county's hundreds of sites appear at once (the view asks only for the cells it shows, no
widget per cell), every number is a cell a screen reader reads, and any column sorts.

A cell with ``segments`` is drawn as a horizontal bar (:class:`BarDelegate`): the parts of
a whole side by side, each in its colour; its text (said to screen readers and shown as
its tooltip) gives the same numbers in words.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCollator,
    QLocale,
    QModelIndex,
    QObject,
    QRectF,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
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
T = TypeVar("T")
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
    """Read-only rows of :class:`Cell`; give it the headers (and their tooltips), then the
    rows, or the things the rows show and how to make a row of one (:meth:`set_items`):
    a row is made when it is first asked for, so a long list appears at once.

    Any column sorts (:meth:`sort`, as a view with sorting asks), by each cell's ``sort``;
    column -1 is the order the rows were given in."""

    def __init__(self, headers: Sequence[str], parent: QObject | None = None,
                 tips: Sequence[str | None] = ()) -> None:
        super().__init__(parent)
        self.headers = list(headers)
        self.tips = list(tips)
        self._items: Sequence[Any] = ()
        self._make: Callable[[Any], Sequence[Cell]] = list
        self._made: list[list[Cell] | None] = []
        self._order: Sequence[int] = ()
        self._sorted: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)
        self._sort_value: Callable[[Any, int], float | str] | None = None
        self.bold = QFont()  # the view's font, bold (set by fit_rows)
        self.bold.setBold(True)

    def set_headers(self, headers: Sequence[str], tips: Sequence[str | None] = ()) -> None:
        self.beginResetModel()
        self.headers, self.tips = list(headers), list(tips)
        self._items, self._made, self._order = (), [], ()
        self.endResetModel()

    def set_rows(self, rows: Sequence[Sequence[Cell]]) -> None:
        self.set_items(rows, list)

    def set_items(self, items: Sequence[T], make: Callable[[T], Sequence[Cell]],
                  sort_value: Callable[[T, int], float | str] | None = None) -> None:
        """Rows of ``items``, each made by ``make`` when first shown; ``sort_value(item,
        column)``, when given, is what a column sorts by without making every row."""
        self.beginResetModel()
        self._items, self._make, self._sort_value = items, make, sort_value
        self._made = [None] * len(items)
        self._order = self._ordered(*self._sorted)
        self.endResetModel()

    def row_cells(self, row: int) -> list[Cell]:
        """The cells of the row shown at ``row`` (made now if they were not yet)."""
        at = self._order[row]
        made = self._made[at]
        if made is None:
            made = self._made[at] = list(self._make(self._items[at]))
        return made

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._order)

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
        if not 0 <= row < len(self._order):
            return None
        cells = self.row_cells(row)
        return cells[column] if 0 <= column < len(cells) else None

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
                (c.key for c in self.row_cells(index.row()) if c.key is not None), None)
        if role == SEGMENTS_ROLE:
            return cell.segments or None
        if role == Qt.ItemDataRole.FontRole and cell.bold:
            return self.bold
        if role == Qt.ItemDataRole.TextAlignmentRole and cell.number:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if (column, order) == self._sorted:  # the view may ask twice for one click
            return
        self.layoutAboutToBeChanged.emit()
        kept = self.persistentIndexList()  # the views' current and selected cells
        where = [(self._order[index.row()], index.column()) for index in kept]
        self._sorted = (column, order)
        self._order = self._ordered(column, order)
        row_of = {at: row for row, at in enumerate(self._order)}
        self.changePersistentIndexList(kept, [self.index(row_of[at], c) for at, c in where])
        self.layoutChanged.emit()

    def _ordered(self, column: int, order: Qt.SortOrder) -> Sequence[int]:
        if not 0 <= column < len(self.headers):
            return range(len(self._items))
        rows = list(range(len(self._items)))
        collator = QCollator(QLocale())
        given = self._sort_value

        def key(at: int) -> tuple[int, Any]:
            if given is not None:
                value = given(self._items[at], column)
                return (0, value) if isinstance(value, float) else (1, collator.sortKey(value))
            made = self._made[at]
            if made is None:
                made = self._made[at] = list(self._make(self._items[at]))
            if column >= len(made):
                return (2, 0.0)
            cell = made[column]
            if isinstance(cell.sort, int | float):
                return (0, float(cell.sort))
            return (1, collator.sortKey(str(cell.sort if cell.sort is not None else cell.text)))

        rows.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)
        return rows


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
        painter.fillRect(bar, TRACK)
        left = bar.left()
        for part, colour in segments:
            width = bar.width() * max(0.0, min(1.0, float(part)))
            painter.fillRect(QRectF(left, bar.top(), width, bar.height()), colour)
            left += width
        painter.restore()


def table_view(model: QAbstractTableModel, name: str, *, sortable: bool = False,
               stretch: int | None = None, parent: QWidget | None = None) -> QTableView:
    """A read-only table of ``model`` (sorted by a click on a header when ``sortable``, in
    the model's own order until then), named ``name`` for screen readers; the columns fit
    their contents (:func:`fit_columns`), and the column ``stretch`` (if any) takes the
    width left."""
    view = QTableView(parent)
    view.setModel(model)
    if sortable:
        view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        view.setSortingEnabled(True)
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
    header.setResizeContentsPrecision(100)  # sized from the first rows, not every one
    header.setStretchLastSection(False)
    stretch_column(view, stretch)
    fit_rows(view)
    return view


def stretch_column(view: QTableView, stretch: int | None) -> None:
    """The column ``stretch`` takes the width the others (sized by :func:`fit_columns`)
    leave, and gives it up first when the text is large."""
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    if stretch is not None and stretch < header.count():
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)


#: How many rows the columns are measured on (a long list: its first rows).
MEASURED_ROWS = 100


def fit_columns(view: QTableView) -> None:
    """Each column (but the stretching one) as wide as its header and first rows' texts
    need, with a little air: measured once here from the font, not at every repaint."""
    model = view.model()
    header = view.horizontalHeader()
    if not isinstance(model, RowsModel):
        view.resizeColumnsToContents()
        return
    plain, bold = view.fontMetrics(), QFontMetrics(model.bold)
    air = plain.horizontalAdvance("0") * 2
    rows = [model.row_cells(row) for row in range(min(model.rowCount(), MEASURED_ROWS))]
    for column in range(model.columnCount()):
        if header.sectionResizeMode(column) == QHeaderView.ResizeMode.Stretch:
            continue
        widest = max((( bold if cells[column].bold else plain).horizontalAdvance(
            cells[column].text) for cells in rows if column < len(cells)), default=0)
        header.resizeSection(column, max(widest + air, header.sectionSizeHint(column)))


def fit_rows(view: QTableView) -> None:
    """Rows as high as the view's text needs (at any text size), bars included."""
    model = view.model()
    if isinstance(model, RowsModel):
        model.bold = QFont(view.font())
        model.bold.setBold(True)
    view.verticalHeader().setDefaultSectionSize(round(view.fontMetrics().height() * 1.6))
    view.verticalHeader().setMinimumSectionSize(view.fontMetrics().height() + 4)
