"""The county report's charts, as vector drawings of ReportLab's own graphics (bar and line
charts, no pictures): bars side by side or stacked, across or upright, and a line across
the years, each with a legend, its values written by the bars and every label set in the
program's embedded fonts (Chinese in the CJK font, digits in the Latin one, as everywhere
else in the printed documents).

A chart with many categories (a county of forty townships) is cut into several drawings of
at most :data:`MAX_ROWS` categories each, so that none outgrows a page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, Group, Rect, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors
from reportlab.lib.colors import Color
from reportlab.pdfbase import pdfmetrics

from inspector.domain.scoring import format_percent
from inspector.services.pdf.fonts import (
    CJK_FONT,
    LATIN_FONT,
    MISSING_COLOR,
    MISSING_MARKER,
    FontSet,
)

#: The colours of the ratings and of the rectification items' states: green is good, amber
#: half-way, red wanting (they stay distinct when printed in grey).
MEETS_COLOR = colors.HexColor("#2e7d32")
PARTLY_COLOR = colors.HexColor("#f9a825")
NOT_MET_COLOR = colors.HexColor("#c62828")
COVERAGE_COLOR = colors.HexColor("#90caf9")
SCORE_COLOR = colors.HexColor("#1565c0")
GRID_COLOR = colors.HexColor("#e0e0e0")
AXIS_COLOR = colors.HexColor("#616161")
LABEL_COLOR = colors.HexColor("#212121")
#: At most this many categories (rows of bars) in one drawing.
MAX_ROWS = 30
LABEL_SIZE = 7.5
VALUE_SIZE = 6.5
LEGEND_HEIGHT = 14.0
AXIS_SPACE = 14.0  # under a chart across: the value axis' labels


@dataclass(frozen=True)
class Series:
    """One series of a chart: its name (the legend), colour and values (``None``: none)
    with the text written by each bar (empty: nothing)."""

    name: str
    color: Color
    values: Sequence[float | None]
    labels: Sequence[str]
    label_color: Color = LABEL_COLOR


def percent_series(name: str, color: Color, values: Sequence[float | None]) -> Series:
    """A series of shares or scores (0 to 1), each bar labelled as every report shows it."""
    return Series(name, color, values, [format_percent(v) for v in values])


def text_shape(fonts: FontSet, x: float, y: float, text: str, size: float,
               anchor: str = "start", color: Color = LABEL_COLOR) -> Group:
    """One line of text as drawing shapes, each run in the font that has its characters
    (a character no font has shows as the red marker, as in the rest of the document)."""
    group = Group()
    width = fonts.width(text, size)
    if anchor == "end":
        x -= width
    elif anchor == "middle":
        x -= width / 2
    for font, run in fonts.runs(text):
        shown = MISSING_MARKER * len(run) if font is None else run
        name = font or CJK_FONT
        group.add(String(x, y, shown, fontName=name, fontSize=size,
                         fillColor=colors.HexColor(MISSING_COLOR) if font is None else color))
        x += pdfmetrics.stringWidth(shown, name, size)
    return group


def fitted(fonts: FontSet, text: str, size: float, width: float) -> str:
    """``text``, or its longest start that fits ``width`` followed by "…"."""
    text = " ".join(text.split())
    if fonts.width(text, size) <= width:
        return text
    while text and fonts.width(text + "…", size) > width:
        text = text[:-1]
    return text + "…"


def _drawing(width: float, height: float) -> Drawing:
    """An empty drawing whose text starts in the embedded Latin font (ReportLab's own
    default, Helvetica, would be named in the file without being embedded)."""
    drawing = Drawing(width, height)
    drawing.initialFontName = LATIN_FONT
    return drawing


def _legend(fonts: FontSet, series: Sequence[Series], x: float, y: float) -> Group:
    group = Group()
    for item in series:
        group.add(Rect(x, y, 8, 8, fillColor=item.color, strokeColor=None))
        group.add(text_shape(fonts, x + 11, y + 1, item.name, LABEL_SIZE))
        x += 11 + fonts.width(item.name, LABEL_SIZE) + 12
    return group


def _nice_top(value: float) -> tuple[float, float]:
    """A round top for an axis of counts that reaches ``value``, and its step."""
    top = max(value, 1.0)
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000):
        if top / step <= 6:
            return step * -(-top // step), float(step)
    step = 10 ** len(str(int(top)))
    return step * -(-top // step), float(step)


def _chunks(count: int) -> list[range]:
    return [range(start, min(start + MAX_ROWS, count)) for start in range(0, count, MAX_ROWS)]


def _value_axis(chart: HorizontalBarChart | VerticalBarChart | HorizontalLineChart,
                percent: bool, top: float) -> None:
    axis = chart.valueAxis
    axis.valueMin = 0
    if percent:
        axis.valueMax, axis.valueStep = 100, 20
        axis.labelTextFormat = "%d%%"
    else:
        axis.valueMax, axis.valueStep = _nice_top(top)
        axis.labelTextFormat = "%d"
    axis.labels.fontName = LATIN_FONT
    axis.labels.fontSize = VALUE_SIZE
    axis.labels.fillColor = AXIS_COLOR
    axis.strokeColor = AXIS_COLOR
    axis.visibleGrid = 1
    axis.gridStrokeColor = GRID_COLOR
    axis.gridStrokeWidth = 0.5


def _bar_labels(chart: HorizontalBarChart | VerticalBarChart, series: Sequence[Series],
                rows: range, stacked: bool) -> None:
    chart.barLabelFormat = "values"
    chart.barLabelArray = [[item.labels[i] for i in rows] for item in series]
    chart.barLabels.fontName = LATIN_FONT
    chart.barLabels.fontSize = VALUE_SIZE
    for number, item in enumerate(series):
        chart.barLabels[number].fillColor = item.label_color
    if stacked:
        chart.barLabels.boxTarget = "mid"
        chart.barLabels.boxAnchor = "c"
    elif isinstance(chart, HorizontalBarChart):
        chart.barLabels.boxAnchor = "w"
        chart.barLabels.dx = 2
    else:
        chart.barLabels.boxAnchor = "s"
        chart.barLabels.dy = 2


def _add_chart(drawing: Drawing, chart: HorizontalBarChart | VerticalBarChart |
               HorizontalLineChart) -> None:
    """Draw ``chart`` into ``drawing`` now, so that its axes can place our own labels; the
    drawing keeps the chart, which its value labels refer to until they are rendered."""
    drawing.add(chart.draw())
    drawing._inspector_charts = [*getattr(drawing, "_inspector_charts", []), chart]


def _values(item: Series, rows: range, percent: bool) -> list[float]:
    scale = 100.0 if percent else 1.0
    return [(item.values[i] or 0.0) * scale for i in rows]


def bars_across(fonts: FontSet, categories: Sequence[str], series: Sequence[Series],
                width: float, *, percent: bool = True, stacked: bool = False,
                label_width: float = 110.0, bar_height: float = 7.0,
                outline: Sequence[int] = ()) -> list[Drawing]:
    """Horizontal bars, one row of bars per category (first on top), side by side or
    ``stacked``; the category names on the left (indented by their ``outline`` level,
    the outer ones darker), the
    values by the bars, the legend above. Shares or scores (``percent``) run from 0 to
    100%; counts from 0 to a round number above the largest."""
    drawings = []
    per_row = bar_height * (1 if stacked else len(series)) + 6
    every = [_values(s, range(len(categories)), percent) for s in series]
    top = max((sum(column) if stacked else max(column) for column in zip(*every, strict=True)),
              default=0.0)
    for rows in _chunks(len(categories)):
        height = per_row * len(rows)
        drawing = _drawing(width, height + LEGEND_HEIGHT + AXIS_SPACE + 4)
        chart = HorizontalBarChart()
        chart.x, chart.y = label_width, AXIS_SPACE
        chart.width, chart.height = width - label_width - 34, height
        chart.data = [_values(s, rows, percent) for s in series]
        chart.categoryAxis.categoryNames = ["" for _ in rows]  # ours are drawn below
        chart.categoryAxis.labels.fontName = LATIN_FONT
        chart.categoryAxis.reverseDirection = 1
        chart.categoryAxis.visibleTicks = 0
        chart.categoryAxis.strokeColor = AXIS_COLOR
        chart.categoryAxis.style = "stacked" if stacked else "parallel"
        chart.barWidth, chart.barSpacing, chart.groupSpacing = bar_height, 0, 6
        chart.useAbsolute = 1  # bars of bar_height, the rest between the groups
        chart.reversePlotOrder = 1  # the first series on top, as in the legend
        for number, item in enumerate(series):
            chart.bars[number].fillColor = item.color
            chart.bars[number].strokeColor = None
        _value_axis(chart, percent, top)
        _bar_labels(chart, series, rows, stacked)
        _add_chart(drawing, chart)
        for place, index in enumerate(rows):
            start, span = chart.categoryAxis.scale(place)
            level = outline[index] if index < len(outline) else 0
            indent = 10.0 * level
            name = fitted(fonts, categories[index], LABEL_SIZE, label_width - 6 - indent)
            drawing.add(text_shape(fonts, indent, start + span / 2 - LABEL_SIZE / 3, name,
                                   LABEL_SIZE, color=AXIS_COLOR if level else LABEL_COLOR))
        drawing.add(_legend(fonts, series, label_width, height + AXIS_SPACE + 6))
        drawings.append(drawing)
    return drawings


def bars_upright(fonts: FontSet, categories: Sequence[str], series: Sequence[Series],
                 width: float, height: float, *, percent: bool = True) -> Drawing:
    """Upright bars side by side, a group per category (a few: the tiers, the years), the
    category names under them, the values above the bars, the legend on top."""
    drawing = _drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 30, 26
    chart.width, chart.height = width - 40, height - 26 - LEGEND_HEIGHT - 12
    rows = range(len(categories))
    chart.data = [_values(s, rows, percent) for s in series]
    chart.categoryAxis.categoryNames = ["" for _ in rows]  # ours are drawn below
    chart.categoryAxis.labels.fontName = LATIN_FONT
    chart.categoryAxis.visibleTicks = 0
    chart.categoryAxis.strokeColor = AXIS_COLOR
    chart.barSpacing, chart.groupSpacing = 2, 12
    for number, item in enumerate(series):
        chart.bars[number].fillColor = item.color
        chart.bars[number].strokeColor = None
    top = max((v for s in series for v in _values(s, rows, percent)), default=0.0)
    _value_axis(chart, percent, top)
    _bar_labels(chart, series, rows, stacked=False)
    _add_chart(drawing, chart)
    for place in rows:
        start, span = chart.categoryAxis.scale(place)
        name = fitted(fonts, categories[place], LABEL_SIZE, span - 4)
        drawing.add(text_shape(fonts, start + span / 2, 12, name, LABEL_SIZE, "middle"))
    drawing.add(_legend(fonts, series, chart.x, height - LEGEND_HEIGHT))
    return drawing


def line_across_years(fonts: FontSet, years: Sequence[str], series: Sequence[Series],
                      width: float, height: float) -> Drawing:
    """Scores across the years: a line per series with its value at every point (a year
    without a score breaks the line), the years under them, the legend on top."""
    drawing = _drawing(width, height)
    chart = HorizontalLineChart()
    chart.x, chart.y = 30, 26
    chart.width, chart.height = width - 50, height - 26 - LEGEND_HEIGHT - 12
    chart.data = [[None if v is None else v * 100 for v in s.values] for s in series]
    chart.categoryAxis.categoryNames = ["" for _ in years]  # ours are drawn below
    chart.categoryAxis.labels.fontName = LATIN_FONT
    chart.categoryAxis.strokeColor = AXIS_COLOR
    chart.categoryAxis.visibleTicks = 0
    chart.joinedLines = 1
    for number, item in enumerate(series):
        chart.lines[number].strokeColor = item.color
        chart.lines[number].strokeWidth = 1.5
        chart.lines[number].symbol = makeMarker("FilledCircle", size=4,
                                                fillColor=item.color, strokeColor=None)
    _value_axis(chart, True, 100)
    chart.lineLabelFormat = "values"
    chart.lineLabelArray = [list(s.labels) for s in series]
    chart.lineLabels.fontName = LATIN_FONT
    chart.lineLabels.fontSize = VALUE_SIZE
    chart.lineLabels.dy = 7
    _add_chart(drawing, chart)
    for place, year in enumerate(years):
        start, span = chart.categoryAxis.scale(place)
        drawing.add(text_shape(fonts, start + span / 2, 12, year, LABEL_SIZE, "middle"))
    drawing.add(_legend(fonts, series, chart.x, height - LEGEND_HEIGHT))
    return drawing


def share_bar(fonts: FontSet, fraction: float, width: float, height: float = 7.0,
              color: Color = NOT_MET_COLOR) -> Drawing:
    """A small bar in a table cell: ``fraction`` of ``width`` filled, the rest outlined."""
    drawing = _drawing(width, height)
    drawing.add(Rect(0, 0, width, height, fillColor=None, strokeColor=GRID_COLOR,
                     strokeWidth=0.5))
    drawing.add(Rect(0, 0, width * max(0.0, min(1.0, fraction)), height, fillColor=color,
                     strokeColor=None))
    return drawing
