"""The county overview (全县概况), a tab of the Supervision screen: the county at a glance
for the period or campaign, tier and township chosen, approved results only unless asked:
coverage, compliance, indicators and common problems, the heat map, the rankings, the
trends and rectification, each a tab of its own under the county's figures in one line.

The figures are read off the UI thread (:meth:`Operations.read`) whenever a filter changes
and when an operation says inspections, letters, sites or a sync changed (at once when the
tab is in view, else when it is next shown); only the latest read is shown.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QLabel, QTableView, QTabWidget, QVBoxLayout, QWidget

from inspector.ui.core.operations import Change
from inspector.ui.pages.office.overview_data import load_overview, summary_text
from inspector.ui.pages.office.overview_filters import OverviewFilters
from inspector.ui.pages.office.overview_heatmap import HeatPanel
from inspector.ui.pages.office.overview_model import fit_columns, fit_rows
from inspector.ui.pages.office.overview_panels import (
    CompliancePanel,
    CoveragePanel,
    IndicatorsPanel,
    RankingPanel,
    RectificationPanel,
    TrendsPanel,
)

if TYPE_CHECKING:
    from PySide6.QtGui import QShowEvent

    from inspector.services.context import AppContext
    from inspector.services.overview import OverviewFilter
    from inspector.ui.core.operations import Changed, Operations
    from inspector.ui.core.worker import JobHandle
    from inspector.ui.pages.office.overview_data import OverviewRead

#: What the overview shows depends on these changes.
SHOWN_HERE = Change.INSPECTION | Change.SUPERVISION | Change.SITES | Change.SYNC


class OverviewTab(QWidget):
    """Give it the window's operations; call :meth:`set_context` once the data is open."""

    inspection_requested = Signal(str)  # open this inspection (a heat-map cell)
    loaded = Signal(object)  # OverviewRead, once shown

    def __init__(self, ops: Operations, parent: QWidget | None = None, *,
                 today: Callable[[], date] = date.today) -> None:
        super().__init__(parent)
        self.ops = ops
        self.today = today
        self.context: AppContext | None = None
        self.read: OverviewRead | None = None
        self._loads = 0  # reads started; only the latest one is shown
        self._stale = False  # something it shows changed while it was hidden
        self.setAccessibleName(self.tr("County overview"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)  # inside the Supervision screen's own tab frame
        self.filters = OverviewFilters(today())
        self.filters.changed.connect(self.refresh)
        layout.addWidget(self.filters)
        self.summary = QLabel(self.tr("Opening…"))
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("The county's figures"))
        layout.addWidget(self.summary)
        self.coverage = CoveragePanel()
        self.coverage.stale_years_changed.connect(lambda _n: self.refresh())
        self.compliance = CompliancePanel()
        self.indicators = IndicatorsPanel()
        self.heat = HeatPanel()
        self.heat.inspection_requested.connect(self.inspection_requested)
        self.ranking = RankingPanel()
        self.trends = TrendsPanel()
        self.rectification = RectificationPanel()
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setUsesScrollButtons(True)
        for widget, title in ((self.coverage, self.tr("Coverage")),
                              (self.compliance, self.tr("Compliance")),
                              (self.indicators, self.tr("Indicators and problems")),
                              (self.heat, self.tr("Heat map")),
                              (self.ranking, self.tr("Ranking")),
                              (self.trends, self.tr("Trends")),
                              (self.rectification, self.tr("Rectification"))):
            self.tabs.addTab(widget, title)
        layout.addWidget(self.tabs, 1)
        ops.changed.connect(self._changed)

    # ------------------------------------------------------------------ reading

    def wanted(self) -> OverviewFilter:
        return self.filters.wanted(self.coverage.years.value())

    def set_context(self, context: AppContext | None) -> JobHandle | None:
        self.context = context
        return self.refresh()

    def refresh(self) -> JobHandle | None:
        """Read the figures for the filters as they are now."""
        context = self.context
        if context is None:
            return None
        self._stale = False
        self._loads += 1
        load, wanted, today = self._loads, self.wanted(), self.today()
        return self.ops.read(self, lambda _c: load_overview(context, wanted, today),
                             "county overview") \
            .on_success(lambda read: self._loaded(load, read)).start()

    def _loaded(self, load: int, read: OverviewRead) -> None:
        if load == self._loads:  # else a later read, after a later change, is on its way
            self.show_read(read)

    def _changed(self, changed: Changed) -> None:
        if self.context is None or not changed.touches(SHOWN_HERE):
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # rows and cells follow the text size
            for view in self.findChildren(QTableView):
                fit_rows(view)
                if view is not self.heat.view:
                    fit_columns(view)
            self.heat.size_columns()

    # ------------------------------------------------------------------ showing

    def show_read(self, read: OverviewRead) -> None:
        self.read = read
        figures = read.data.figures
        self.filters.blockSignals(True)  # the choices offered, not a change of filter
        self.filters.set_choices([y.year for y in figures.years], read.townships,
                                 read.campaigns)
        self.filters.blockSignals(False)
        if self.wanted() != read.data.filter:  # the township or campaign chosen is gone
            self.refresh()
            return
        self.summary.setText(summary_text(read))
        self.coverage.show_figures(figures)
        self.compliance.show_figures(figures)
        self.indicators.show_figures(figures)
        self.heat.show_figures(figures)
        self.ranking.show_figures(figures)
        self.trends.show_figures(figures)
        self.rectification.show_items(read.data)
        self.loaded.emit(read)
