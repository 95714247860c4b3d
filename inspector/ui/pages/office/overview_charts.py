"""The overview's one free-standing chart: the county's score per year as bars, drawn with
QPainter and sized by the font (readable at any text size). Its numbers are in the years
table beside it and in its accessible description."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from inspector.ui.labels import percent
from inspector.ui.pages.office.overview_data import COVERED

if TYPE_CHECKING:
    from PySide6.QtGui import QPaintEvent

    from inspector.domain.overview import YearFigures

GRID = QColor(215, 219, 224)
AXIS_TEXT = QColor(90, 90, 90)


class YearChart(QWidget):
    """Give it the years (:meth:`set_years`); each year a bar of the county's mean score,
    its value above, the year and how many results below."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.years: list[YearFigures] = []
        self.setAccessibleName(self.tr("County score by year"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a screen reader can reach its words

    def set_years(self, years: Sequence[YearFigures]) -> None:
        self.years = list(years)
        self.setAccessibleDescription("; ".join(
            self.tr("%1: %2 (%3 result(s))").replace("%1", str(y.year))
            .replace("%2", percent(y.score)).replace("%3", str(y.sites)) for y in self.years)
            or self.tr("No results yet"))
        self.updateGeometry()
        self.update()

    def minimumSizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        return QSize(metrics.horizontalAdvance("100%") * 2 + metrics.horizontalAdvance(
            "2026") * 2 * max(1, len(self.years)), metrics.height() * 9)

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        return QSize(metrics.horizontalAdvance("0") * 60, metrics.height() * 11)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = self.fontMetrics()
        line = metrics.height()
        left = metrics.horizontalAdvance("100%") + line
        plot = QRectF(left, line * 1.5, self.width() - left - line,
                      self.height() - line * 4.2)
        if plot.height() <= line or plot.width() <= line:
            return
        painter.setPen(QPen(GRID, 1))
        for step in range(5):  # 0, 25, 50, 75, 100%
            y = plot.bottom() - plot.height() * step / 4
            painter.setPen(QPen(GRID, 1))
            painter.drawLine(int(plot.left()), int(y), int(plot.right()), int(y))
            painter.setPen(AXIS_TEXT)
            painter.drawText(QRectF(0, y - line / 2, left - line / 2, line),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                             f"{step * 25}%")
        if not self.years:
            painter.setPen(AXIS_TEXT)
            painter.drawText(plot, int(Qt.AlignmentFlag.AlignCenter), self.tr("No results yet"))
            return
        slot = plot.width() / len(self.years)
        width = min(slot * 0.6, line * 4.0)
        for n, year in enumerate(self.years):
            middle = plot.left() + slot * (n + 0.5)
            if year.score is not None:
                height = plot.height() * max(0.0, min(1.0, year.score))
                bar = QRectF(middle - width / 2, plot.bottom() - height, width, height)
                painter.fillRect(bar, COVERED)
                painter.setPen(self.palette().text().color())
                painter.drawText(QRectF(middle - slot / 2, bar.top() - line * 1.2, slot, line),
                                 int(Qt.AlignmentFlag.AlignCenter), percent(year.score))
            painter.setPen(self.palette().text().color())
            painter.drawText(QRectF(middle - slot / 2, plot.bottom() + line * 0.3, slot, line),
                             int(Qt.AlignmentFlag.AlignCenter), str(year.year))
            painter.setPen(AXIS_TEXT)
            painter.drawText(QRectF(middle - slot / 2, plot.bottom() + line * 1.4, slot, line),
                             int(Qt.AlignmentFlag.AlignCenter),
                             self.tr("%1 result(s)").replace("%1", str(year.sites)))
        painter.end()
