"""The heat map (热力图): one row per site in ranking order, its score and one cell per
second-level indicator, coloured by the score's band in a calm sequential blue (the paler,
the better; told apart by lightness, so readable without colour vision), each with its
number. Activating a cell (double-click, Enter) opens that site's inspection.

A table model and a delegate: a county's hundreds of sites draw only the cells in view.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QRect, QSize, Qt, Signal
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
from inspector.ui.pages.office.overview_data import sort_score, township_label
from inspector.ui.pages.office.overview_model import (
    KEY_ROLE,
    SORT_ROLE,
    fit_rows,
    source_index,
    table_view,
)
from inspector.ui.pages.office.overview_rows import ranks

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
    words = []
    for n, floor in enumerate(BANDS):
        if n == 0:
            text = f"≥ {floor * 100:.0f}%"
        elif floor == 0.0:
            text = f"< {BANDS[n - 1] * 100:.0f}%"
        else:
            text = f"{floor * 100:.0f}–{BANDS[n - 1] * 100:.0f}%"
        words.append((BAND_COLORS[n], text))
    return words


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
        self.sites: list[SiteFigures] = []
        self.indicators: list[IndicatorFigures] = []
        self.ranks: list[int | None] = []

    def set_figures(self, figures: Overview) -> None:
        self.beginResetModel()
        self.sites = list(figures.sites)
        self.indicators = [i for i in figures.indicators if i.level == 2]
        self.ranks = ranks([s.score for s in self.sites])
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.sites)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else 2 + len(self.indicators)

    def column_label(self, column: int) -> str:
        if column == NAME:
            return self.tr("Site")
        if column == SCORE:
            return self.tr("Score")
        return self.indicators[column - 2].label

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Vertical:
            if role == Qt.ItemDataRole.DisplayRole and section < len(self.ranks):
                rank = self.ranks[section]
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
        site = self.sites[row]
        if column == SCORE:
            return site.score
        return site.indicators.get(self.indicators[column - 2].id)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.sites):
            return None
        site, column = self.sites[index.row()], index.column()
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

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        if index.data(HEAT_ROLE) is None:
            return super().sizeHint(option, index)
        metrics = option.fontMetrics
        return QSize(metrics.horizontalAdvance("100") + metrics.height(),
                     round(metrics.height() * 1.6))


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
        fit_rows(self.view)
        self.even_columns()

    def even_columns(self) -> None:
        """The score columns all as wide as the widest needs, with a little air."""
        header = self.view.horizontalHeader()
        columns = range(SCORE, self.model.columnCount())
        if not columns:
            return
        widest = max(max(header.sectionSizeHint(c), self.view.sizeHintForColumn(c))
                     for c in columns)
        width = widest + self.view.fontMetrics().horizontalAdvance("0") * 2
        for column in columns:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, width)

    def _activated(self, index: QModelIndex) -> None:
        inspection_id = source_index(self.view, index).data(KEY_ROLE)
        if inspection_id:
            self.inspection_requested.emit(str(inspection_id))
