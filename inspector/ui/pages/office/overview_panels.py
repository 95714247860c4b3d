"""The overview's tabs: coverage (with the sites never or long unvisited), compliance by
group, indicators with the common problems, the rankings, the trends and rectification.
Each shows its part of the figures (``show_figures``); the heat map is
:mod:`~inspector.ui.pages.office.overview_heatmap`'s."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from inspector.ui.pages.office import overview_rows as rows
from inspector.ui.pages.office.overview_charts import YearChart
from inspector.ui.pages.office.overview_data import (
    CLOSED_COLOR,
    COVERED,
    OPEN_COLOR,
    OVERDUE_BAR,
    rating_names,
)
from inspector.ui.pages.office.overview_heatmap import legend_text
from inspector.ui.pages.office.overview_model import (
    RowsModel,
    fit_columns,
    fit_rows,
    stretch_column,
    table_view,
)

if TYPE_CHECKING:
    from inspector.domain.overview import Overview
    from inspector.services.overview import CountyOverview


def _table(parent: QWidget, headers: list[str], name: str, *, sortable: bool = False,
           stretch: int | None = None) -> tuple[RowsModel, QTableView]:
    model = RowsModel(headers, parent)
    return model, table_view(model, name, sortable=sortable, stretch=stretch)


def _boxed(title: str, *widgets: QWidget) -> QGroupBox:
    box = QGroupBox(title)
    column = QVBoxLayout(box)
    for widget in widgets:
        column.addWidget(widget, 1 if isinstance(widget, QTableView | YearChart) else 0)
    return box


def _legend(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent)
    label.setAccessibleName(name)
    label.setWordWrap(True)
    return label


def _show(model: RowsModel, view: QTableView, data: list[list[rows.Cell]]) -> None:
    model.set_rows(data)
    _fit(view)


def _fit(view: QTableView) -> None:
    fit_rows(view)
    fit_columns(view)


class CoveragePanel(QWidget):
    """Sites inspected against sites in scope, by tier and township; the sites never
    inspected, and those not inspected for more than N years (N chosen here)."""

    stale_years_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        self.model, self.view = _table(self, rows.coverage_headers(),
                                       self.tr("Coverage by tier and township"), stretch=4)
        self.legend = _legend(self, self.tr("Legend of the coverage bars"))
        self.legend.setText(legend_text([(COVERED, self.tr("inspected in the period"))]))
        left = _boxed(self.tr("Coverage: sites inspected in the period"), self.view,
                      self.legend)
        self.never_model, self.never_view = _table(self, rows.never_headers(),
                                                   self.tr("Sites never inspected"),
                                                   sortable=True)
        self.never_box = _boxed(self.tr("Never inspected"), self.never_view)
        self.years = QSpinBox()
        self.years.setRange(1, 20)
        self.years.setValue(3)
        self.years.setAccessibleName(self.tr("Years without a result"))
        self.years.setSuffix(self.tr(" years"))
        years_label = QLabel(self.tr("Not inspected for more &than:"))
        years_label.setBuddy(self.years)
        self.stale_model, self.stale_view = _table(self, rows.stale_headers(),
                                                   self.tr("Sites not inspected for years"),
                                                   sortable=True)
        years_row = QWidget()
        line = QHBoxLayout(years_row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(years_label)
        line.addWidget(self.years)
        line.addStretch(1)
        self.stale_box = _boxed(self.tr("Long unvisited"), years_row, self.stale_view)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.never_box)
        right.addWidget(self.stale_box)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout.addWidget(split)
        self.years.valueChanged.connect(self.stale_years_changed)

    def show_figures(self, figures: Overview) -> None:
        _show(self.model, self.view, rows.coverage_rows(figures))
        self.never_model.set_items(figures.never_inspected, rows.never_cells)
        _fit(self.never_view)
        self.stale_model.set_items(figures.stale, rows.stale_cells)
        _fit(self.stale_view)
        self.never_box.setTitle(self.tr("Never inspected (%1)").replace(
            "%1", str(len(figures.never_inspected))))
        self.stale_box.setTitle(self.tr("Long unvisited (%1)").replace(
            "%1", str(len(figures.stale))))


class CompliancePanel(QWidget):
    """The shares of each rating and the score of the county, each tier and township."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.model, self.view = _table(self, [], self.tr("Compliance by tier and township"))
        self.legend = _legend(self, self.tr("Legend of the compliance bars"))
        layout.addWidget(self.view, 1)
        layout.addWidget(self.legend)

    def show_figures(self, figures: Overview) -> None:
        self.model.set_headers(rows.compliance_headers(figures))
        stretch_column(self.view, 3 + len(figures.ratings))  # the bars
        _show(self.model, self.view, rows.compliance_rows(figures))
        self.legend.setText(rating_legend(figures))


def rating_legend(figures: Overview) -> str:
    from PySide6.QtCore import QCoreApplication

    return legend_text([(colour, name) for _id, name, colour in rating_names(figures)],
                       QCoreApplication.translate("Overview", "(not applicable is not counted)"))


class IndicatorsPanel(QWidget):
    """Every first- and second-level indicator's shares and score; the criteria most often
    found wanting."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.model, self.view = _table(self, [], self.tr("Compliance by indicator"))
        self.legend = _legend(self, self.tr("Legend of the compliance bars"))
        self.problems_model, self.problems_view = _table(
            self, rows.problem_headers(), self.tr("Common problems"), sortable=True, stretch=3)
        self.problems_view.setWordWrap(False)
        top = QWidget()
        column = QVBoxLayout(top)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.view, 1)
        column.addWidget(self.legend)
        self.problems_box = _boxed(self.tr("Common problems: criteria most often found "
                                           "wanting"), self.problems_view)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(self.problems_box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout.addWidget(split)

    def show_figures(self, figures: Overview) -> None:
        self.model.set_headers(rows.compliance_headers(figures, indicators=True))
        stretch_column(self.view, 2 + len(figures.ratings))  # the bars
        _show(self.model, self.view, rows.indicator_rows(figures))
        self.legend.setText(rating_legend(figures))
        _show(self.problems_model, self.problems_view, rows.problem_rows(figures))


class RankingPanel(QWidget):
    """The sites and the townships by score, best first (any column sorts)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        self.sites_model, self.sites_view = _table(self, rows.site_headers(),
                                                   self.tr("Ranking of sites"), sortable=True)
        self.townships_model, self.townships_view = _table(
            self, rows.township_headers(), self.tr("Ranking of townships"), sortable=True)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(_boxed(self.tr("Sites"), self.sites_view))
        split.addWidget(_boxed(self.tr("Townships"), self.townships_view))
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout.addWidget(split)

    def show_figures(self, figures: Overview) -> None:
        ranks, sites = rows.site_ranks(figures), figures.sites
        self.sites_model.set_items(  # each row made when shown, sorted without making all
            range(len(sites)), lambda n: rows.site_cells(ranks[n], sites[n]),
            lambda n, column: rows.site_sort_value(ranks[n], sites[n], column))
        _fit(self.sites_view)
        _show(self.townships_model, self.townships_view, rows.township_rows(figures))


class TrendsPanel(QWidget):
    """The county's score per year as a chart, every township's in the table below it, and
    how many sites moved up or down since their previous result."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.chart = YearChart()
        self.moved = QLabel()
        self.moved.setWordWrap(True)
        self.model, self.view = _table(self, [], self.tr("Scores by year"))
        top = _boxed(self.tr("The county's score by year (each year's latest results)"),
                     self.chart, self.moved)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(_boxed(self.tr("Scores by year and township"), self.view))
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout.addWidget(split)

    def show_figures(self, figures: Overview) -> None:
        self.chart.set_years(figures.years)
        headers, tips = rows.year_headers(figures)
        self.model.set_headers(headers, tips)
        _show(self.model, self.view, rows.year_rows(figures))
        self.moved.setText(self.tr("Since their previous result: %1 site(s) moved up, %2 "
                                   "moved down.").replace("%1", str(figures.moved_up))
                           .replace("%2", str(figures.moved_down)))


class RectificationPanel(QWidget):
    """Rectification items by township: open, overdue and closed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.model, self.view = _table(self, rows.item_headers(),
                                       self.tr("Rectification by township"), sortable=True,
                                       stretch=4)
        self.legend = _legend(self, self.tr("Legend of the rectification bars"))
        self.legend.setText(legend_text([(CLOSED_COLOR, self.tr("closed")),
                                         (OPEN_COLOR, self.tr("open, not overdue")),
                                         (OVERDUE_BAR, self.tr("overdue"))]))
        self.empty = QLabel(self.tr("No rectification items for these sites yet."))
        layout.addWidget(self.view, 1)
        layout.addWidget(self.legend)
        layout.addWidget(self.empty)

    def show_items(self, data: CountyOverview) -> None:
        _show(self.model, self.view, rows.item_rows(data.items))
        self.empty.setVisible(not data.items)
