"""The heat map (热力图): one row per site in ranking order, its score and one cell per
second-level indicator, coloured by the score's band in a calm sequential blue (the paler,
the better; told apart by lightness, so readable without colour vision), each with its
number. Activating a cell (double-click, Enter) opens that site's inspection.

A table model and a delegate: a county's hundreds of sites draw only the cells in view.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCollator,
    QLocale,
    QModelIndex,
    QObject,
    QRect,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from inspector.ui.labels import percent
from inspector.ui.pages.office.overview_data import (
    indicator_label,
    sort_score,
    township_label,
)
from inspector.ui.pages.office.overview_model import (
    KEY_ROLE,
    SORT_ROLE,
    fit_rows,
    table_view,
)
from inspector.ui.pages.office.overview_rows import site_ranks

if TYPE_CHECKING:
    from PySide6.QtCore import QPersistentModelIndex

    from inspector.domain.overview import IndicatorFigures, Overview, SiteFigures

#: A cell's score for the delegate: a number 0..1, ``NO_SCORE`` when nothing was counted,
#: None for the site's name.
HEAT_ROLE = Qt.ItemDataRole.UserRole + 3
NO_SCORE = -1.0
#: The bands' lower bounds, best first, and their colours (ColorBrewer "Blues"): the
#: further below full marks, the deeper the blue.
BANDS = (0.95, 0.90, 0.80, 0.70, 0.60, 0.0)
BAND_COLORS = tuple(QColor(c) for c in ("#eff3ff", "#c6dbef", "#9ecae1", "#6baed6",
                                        "#3182bd", "#08519c"))
EMPTY_COLOR = QColor(236, 236, 236)
NAME, SCORE = 0, 1
_ROOT = QModelIndex()


def band(score: float) -> int:
    return next(n for n, floor in enumerate(BANDS) if score >= floor - 1e-9)


def band_words() -> list[tuple[QColor, str]]:
    """The legend: each band's colour and its range."""
    above = [None, *BANDS[:-1]]  # each band reaches up to (not including) the one above
    return [(BAND_COLORS[n], f"≥ {floor * 100:.0f}%" if top is None
             else f"{floor * 100:.0f}–{top * 100:.0f}%")
            for n, (floor, top) in enumerate(zip(BANDS, above, strict=True))]


def wrapped(label: str) -> str:
    """An indicator's label on short lines for a narrow column: its number, then its title
    in lines of at most five characters, balanced ("（九）⏎数字化学习⏎平台和资源")."""
    number, mark, title = label.partition("）")
    if not mark:
        number, title = "", label
    else:
        number += mark
    lines = max(1, -(-len(title) // 5))
    width = -(-len(title) // lines) if title else 0
    parts = [title[i:i + width] for i in range(0, len(title), width)] if width else []
    return "\n".join(part for part in (number, *parts) if part)


class HeatModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.indicators: list[IndicatorFigures] = []
        self._sites: Sequence[SiteFigures] = ()  # in ranking order
        self._ranks: Sequence[int | None] = ()
        self._order: Sequence[int] = ()  # the rows shown: indexes into the ranking
        self.sorted_by: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)

    def set_figures(self, figures: Overview) -> None:
        self.beginResetModel()
        self.indicators = [i for i in figures.indicators if i.level == 2]
        self._sites, self._ranks = figures.sites, site_ranks(figures)
        self._arrange(*self.sorted_by)
        self.endResetModel()

    def site(self, row: int) -> SiteFigures:
        return self._sites[self._order[row]]

    def _arrange(self, column: int, order: Qt.SortOrder) -> None:
        self.sorted_by = (column, order)
        if not 0 <= column < self.columnCount():
            self._order = range(len(self._sites))
            return
        shown = list(range(len(self._sites)))
        sites = self._sites
        if column == NAME:
            collator = QCollator(QLocale())
            shown.sort(key=lambda n: collator.sortKey(sites[n].site.name))
        else:
            shown.sort(key=lambda n: sort_score(self._score_of(sites[n], column)))
        if order == Qt.SortOrder.DescendingOrder:
            shown.reverse()
        self._order = shown

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column (the site's name, its score, an indicator); -1: the ranking."""
        self.layoutAboutToBeChanged.emit()
        kept = self.persistentIndexList()  # the view's current and selected cells
        where = [(self._order[index.row()], index.column()) for index in kept]
        self._arrange(column, order)
        row_of = {at: row for row, at in enumerate(self._order)}
        self.changePersistentIndexList(kept, [self.index(row_of[at], c) for at, c in where])
        self.layoutChanged.emit()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._order)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else 2 + len(self.indicators)

    def column_label(self, column: int) -> str:
        if column == NAME:
            return self.tr("Site")
        if column == SCORE:
            return self.tr("Score")
        return indicator_label(self.indicators[column - 2])

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Vertical:
            if role == Qt.ItemDataRole.DisplayRole and section < len(self._order):
                rank = self._ranks[self._order[section]]
                return "—" if rank is None else str(rank)
            return None
        if section >= self.columnCount():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return wrapped(self.column_label(section)) if section >= 2 \
                else self.column_label(section)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("%1 (click to sort by it)").replace("%1", self.column_label(section))
        return None

    def score(self, row: int, column: int) -> float | None:
        return self._score_of(self.site(row), column)

    def _score_of(self, site: SiteFigures, column: int) -> float | None:
        if column == SCORE:
            return site.score
        return site.indicators.get(self.indicators[column - 2].id)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._order):
            return None
        site, column = self.site(index.row()), index.column()
        if role == KEY_ROLE:
            return site.inspection_id
        if column == NAME:
            if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
                return site.site.name
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("%1 · %2 · visited %3").replace("%1", site.site.name) \
                    .replace("%2", township_label(site.site.township_id or "",
                                                  site.site.township_name)) \
                    .replace("%3", site.visit_date.isoformat())
            return None
        score = self.score(index.row(), column)
        if role == Qt.ItemDataRole.DisplayRole:  # whole percents; the tooltip has the decimal
            return "—" if score is None else f"{score * 100:.0f}"
        if role == SORT_ROLE:
            return sort_score(score)
        if role == HEAT_ROLE:
            return NO_SCORE if score is None else score
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("%1 · %2: %3 (visited %4; double-click to open the inspection)") \
                .replace("%1", site.site.name).replace("%2", self.column_label(column)) \
                .replace("%3", percent(score)).replace("%4", site.visit_date.isoformat())
        return None


class HeatDelegate(QStyledItemDelegate):
    """A score cell filled with its band's colour, its number in black or white (whichever
    reads on it); a selected cell framed, so its colour stays visible."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        score = index.data(HEAT_ROLE)
        if score is None:
            super().paint(painter, option, index)
            return
        rect = option.rect.adjusted(1, 1, -1, -1)
        painter.save()
        if score == NO_SCORE:
            painter.fillRect(rect, EMPTY_COLOR)
            painter.fillRect(rect, QBrush(QColor(200, 200, 200), Qt.BrushStyle.BDiagPattern))
            ink = QColor(90, 90, 90)
        else:
            shade = band(float(score))
            painter.fillRect(rect, BAND_COLORS[shade])
            ink = QColor(255, 255, 255) if shade >= 4 else QColor(20, 20, 20)
        painter.setPen(ink)
        painter.setFont(option.font)
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), str(index.data()))
        state = option.state
        if state & QStyle.StateFlag.State_Selected or state & QStyle.StateFlag.State_HasFocus:
            pen = QPen(option.palette.highlight().color(), max(2, option.fontMetrics.height()
                                                              // 8))
            painter.setPen(pen)
            painter.drawRect(QRect(rect).adjusted(1, 1, -2, -2))
        painter.restore()


def legend_text(items: list[tuple[QColor, str]], extra: str = "") -> str:
    """A legend as rich text: a swatch of each colour, then what it means."""
    swatch = "\u00a0" * 4
    parts = [f'<span style="background-color:{colour.name()}">{swatch}</span>\u00a0'
             f'{escape(text)}' for colour, text in items]
    return "  ".join([*parts, *([escape(extra)] if extra else [])])


class HeatPanel(QWidget):
    inspection_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.hint = QLabel(self.tr("Each site's score by second-level indicator, best sites "
                                   "first; double-click a cell (or press Enter) to open the "
                                   "site's inspection."))
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.model = HeatModel(self)
        self.view: QTableView = table_view(self.model, self.tr("Heat map of scores"),
                                           sortable=True)
        self.view.setSortingEnabled(False)  # a click on a header sorts: see _sort_by
        self.view.horizontalHeader().setSectionsClickable(True)
        self.view.horizontalHeader().sectionClicked.connect(self._sort_by)
        self.view.setItemDelegate(HeatDelegate(self.view))
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectItems)
        self.view.setAlternatingRowColors(False)
        self.view.verticalHeader().setVisible(True)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setToolTip(self.tr("Rank"))
        header = self.view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        header.setSortIndicatorShown(False)  # narrow columns; a click still sorts by one
        self.view.activated.connect(self._activated)
        layout.addWidget(self.view, 1)
        self.legend = QLabel(legend_text(band_words(), self.tr("— grey, hatched: nothing counted")))
        self.legend.setAccessibleName(self.tr("Legend of the heat map's colours"))
        self.legend.setWordWrap(True)
        layout.addWidget(self.legend)

    def show_figures(self, figures: Overview) -> None:
        self.model.set_figures(figures)
        self.size_columns()

    def size_columns(self) -> None:
        """Rows as high as the text needs; the sites' names as wide as the first ones
        need; the score columns all as wide as the widest header, with a little air
        (measured here, once, from the font: not at every repaint)."""
        fit_rows(self.view)
        header = self.view.horizontalHeader()
        metrics = self.view.fontMetrics()
        air = metrics.horizontalAdvance("0") * 2
        if self.model.columnCount():
            self.view.resizeColumnToContents(NAME)
            header.resizeSection(NAME, header.sectionSize(NAME) + air)
        columns = range(SCORE, self.model.columnCount())
        if columns:
            width = max(metrics.horizontalAdvance("100") + metrics.height(),
                        *(header.sectionSizeHint(c) for c in columns)) + air
            for column in columns:
                header.resizeSection(column, width)

    def _sort_by(self, column: int) -> None:
        """A header clicked: sort by it, the other way round at a second click, the ranking
        at a third."""
        header = self.view.horizontalHeader()
        current, order = self.model.sorted_by
        if current != column:
            order = Qt.SortOrder.AscendingOrder
        elif order == Qt.SortOrder.AscendingOrder:
            order = Qt.SortOrder.DescendingOrder
        else:
            column = -1
        header.setSortIndicator(column, order)
        self.model.sort(column, order)

    def _activated(self, index: QModelIndex) -> None:
        inspection_id = index.data(KEY_ROLE)
        if inspection_id:
            self.inspection_requested.emit(str(inspection_id))
