"""The county overview tab of the Supervision screen, on the demo county office (several
years of approved results, a campaign, a result awaiting review, rectification items),
its reads run at once (:class:`InlineWorker`) unless a test wants threads: every number it
shows is the front door's (``api.overview.county_overview``) for the filters chosen; a
township, a year, a campaign, dates or "everything received" narrow or widen the figures;
a heat-map cell opens its inspection; the tab follows the changes of other screens; only
the latest read is shown; and in Chinese it says nothing in English."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QApplication, QTableView
from pytestqt.qtbot import QtBot
from ui_text import untranslated

from inspector.app_paths import AppPaths
from inspector.services import api
from inspector.services.context import AppContext, open_context
from inspector.services.overview import CountyOverview, OverviewFilter
from inspector.services.sites import site_id_for_code
from inspector.services.sync.demo_roles import prepare_demo
from inspector.services.sync.identity import Role
from inspector.ui.app import install_translators
from inspector.ui.core.operations import Change, Operations
from inspector.ui.core.worker import InlineWorker, Worker
from inspector.ui.labels import percent
from inspector.ui.pages.office.overview_data import OverviewRead
from inspector.ui.pages.office.overview_heatmap import HEAT_ROLE
from inspector.ui.pages.office.overview_model import KEY_ROLE, SEGMENTS_ROLE
from inspector.ui.pages.office.overview_tab import OverviewTab

TODAY = date.today()
XIKOU_TOWN = "330799101000"  # 溪口镇社区学校
XIKOU = "330799101201"  # 溪口村教学站: a newer result awaits review


@pytest.fixture(scope="module")
def _office_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo county office, prepared once for this file and copied for each test."""
    folder = tmp_path_factory.mktemp("overview") / "data"
    context = open_context(AppPaths.resolve(folder))
    try:
        prepare_demo(context, Role.OFFICE)
    finally:
        context.close()
    return folder


@pytest.fixture
def office(_office_folder: Path, tmp_path: Path) -> Iterator[AppContext]:
    shutil.copytree(_office_folder, tmp_path / "office")
    context = open_context(AppPaths.resolve(tmp_path / "office"))
    yield context
    context.close()


def _tab(qtbot: QtBot, context: AppContext, worker: Worker | None = None) -> OverviewTab:
    failures: list[BaseException] = []
    ops = Operations(worker or InlineWorker(),
                     show_failure=lambda _p, exc, _t: failures.append(exc))
    tab = OverviewTab(ops, today=lambda: TODAY)
    qtbot.addWidget(tab)
    tab.resize(1280, 800)
    tab.show()
    tab.set_context(context)
    assert failures == []
    return tab


def _column(view: QTableView, column: int, role: int = Qt.ItemDataRole.DisplayRole) -> list:
    model = view.model()
    return [model.index(row, column).data(role) for row in range(model.rowCount())]


def _front_door(context: AppContext, wanted: OverviewFilter) -> CountyOverview:
    return api.overview.county_overview(context, wanted, TODAY)


def _shown(tab: OverviewTab) -> CountyOverview:
    assert tab.read is not None
    return tab.read.data


def test_every_number_is_the_front_door_s(qtbot: QtBot, office: AppContext) -> None:
    tab = _tab(qtbot, office)
    expected = _front_door(office, OverviewFilter())
    assert tab.wanted() == OverviewFilter()  # all time, approved only, 3 years
    figures = expected.figures
    county = figures.county
    assert county.inspected > 0 and figures.years and expected.items  # the demo has them
    assert f"{county.sites}" in tab.summary.text()
    assert percent(county.shares.score) in tab.summary.text()
    # Coverage: the county, each tier, each township; inspected / in scope, as bars.
    groups = [county, *figures.tiers, *figures.townships]
    coverage = tab.coverage.view
    assert _column(coverage, 2) == [f"{g.inspected}/{g.sites}" for g in groups]
    assert _column(coverage, 3) == [percent(g.coverage) for g in groups]
    bars = _column(coverage, 4, SEGMENTS_ROLE)
    assert [bar[0][0] for bar in bars] == pytest.approx([g.coverage for g in groups])
    assert _column(tab.coverage.never_view, 0) == [s.name for s in figures.never_inspected]
    assert _column(tab.coverage.stale_view, 1) == [day.isoformat() for _s, day in figures.stale]
    # Compliance: results, each rating's share (and count), the bar and the score.
    compliance = tab.compliance.view
    ratings = [r for r, _zh, _en in figures.ratings]
    assert _column(compliance, 2) == [str(g.shares.results) for g in groups]
    for n, rating in enumerate(ratings):
        assert _column(compliance, 3 + n) == [
            f"{percent(g.shares.share(rating))} ({g.shares.counts.get(rating, 0)})"
            for g in groups]
    assert _column(compliance, 3 + len(ratings)) == [
        ", ".join(f"{en} {percent(g.shares.share(r))}" for r, _zh, en in figures.ratings)
        for g in groups]  # the bar's numbers, said in words
    assert _column(compliance, 4 + len(ratings)) == [percent(g.shares.score) for g in groups]
    indicators = tab.indicators.view
    assert _column(indicators, 0, KEY_ROLE) == [i.id for i in figures.indicators]
    assert _column(indicators, 3 + len(ratings)) == [percent(i.shares.score)
                                                     for i in figures.indicators]
    problems = tab.indicators.problems_view
    assert _column(problems, 0) == [str(p.findings) for p in figures.problems]
    assert _column(problems, 3) == [p.text_en for p in figures.problems]  # the window's
    assert [t.strip("　") for t in _column(indicators, 0)] == [i.label_en  # language
                                                              for i in figures.indicators]
    # The heat map: the sites in ranking order, each second-level indicator's score.
    heat = tab.heat.view
    level2 = [i for i in figures.indicators if i.level == 2]
    assert heat.model().columnCount() == 2 + len(level2)
    assert _column(heat, 0) == [s.site.name for s in figures.sites]
    assert _column(heat, 1, HEAT_ROLE) == [-1.0 if s.score is None else s.score
                                           for s in figures.sites]
    for n, indicator in enumerate(level2):
        assert _column(heat, 2 + n, HEAT_ROLE) == pytest.approx(
            [s.indicators.get(indicator.id, -1.0) for s in figures.sites])
    # Rankings, trends, rectification.
    assert _column(tab.ranking.sites_view, 0, KEY_ROLE) == [s.inspection_id
                                                            for s in figures.sites]
    assert _column(tab.ranking.sites_view, 4) == [percent(s.score) for s in figures.sites]
    township_scores = sorted((g.shares.score or 0.0 for g in figures.townships), reverse=True)
    assert _column(tab.ranking.townships_view, 2) == [percent(s) for s in township_scores]
    assert _column(tab.trends.view, 0) == [str(y.year) for y in figures.years]
    assert _column(tab.trends.view, 2) == [percent(y.score) for y in figures.years]
    for year in figures.years:
        assert f"{year.year}: {percent(year.score)}" in tab.trends.chart.accessibleDescription()
    assert f"{figures.moved_up} site(s) moved up, {figures.moved_down}" in tab.trends.moved.text()
    items = tab.rectification.view
    assert _column(items, 1) == [str(t.open) for t in expected.items]
    assert _column(items, 2) == [str(t.overdue) for t in expected.items]
    assert _column(items, 3) == [str(t.closed) for t in expected.items]
    assert _shown(tab) == expected


def test_a_township_tier_or_everything_received_narrows_or_widens_the_figures(
        qtbot: QtBot, office: AppContext) -> None:
    tab = _tab(qtbot, office)
    township = site_id_for_code(XIKOU_TOWN)
    assert tab.filters.choose_township(township)
    wanted = OverviewFilter(township_id=township)
    assert tab.wanted() == wanted
    expected = _front_door(office, wanted)
    assert _shown(tab) == expected
    assert expected.figures.county.sites == 5  # the school and its four stations
    names = {s.site.name for s in expected.figures.sites}
    assert set(_column(tab.heat.view, 0)) == names
    assert set(_column(tab.ranking.sites_view, 1)) == names
    assert {s.site.township_id for s in expected.figures.sites} == {township}
    assert _column(tab.ranking.townships_view, 1) == ["溪口镇社区学校"]
    assert _column(tab.coverage.view, 2)[0] == f"{expected.figures.county.inspected}/5"
    # Everything received: 溪口村教学站's newer result, awaiting review, counts.
    xikou = site_id_for_code(XIKOU)

    def visit(read: CountyOverview) -> date:
        return next(s.visit_date for s in read.figures.sites if s.site.id == xikou)

    approved_visit = visit(_shown(tab))
    tab.filters.approved.setChecked(False)
    assert _shown(tab) == _front_door(office, OverviewFilter(township_id=township,
                                                             approved_only=False))
    assert visit(_shown(tab)) > approved_visit
    tab.filters.tier.setCurrentIndex(tab.filters.tier.findData("village"))
    assert {s.site.tier.value for s in _shown(tab).figures.sites} == {"village"}
    tab.filters.choose_township(None)
    assert _shown(tab).figures.county.sites == 24  # every village station


def test_a_year_dates_a_campaign_and_the_years_unvisited(qtbot: QtBot,
                                                         office: AppContext) -> None:
    tab = _tab(qtbot, office)
    assert tab.filters.choose_period("year", "2025")
    year = OverviewFilter(date(2025, 1, 1), date(2025, 12, 31))
    assert _shown(tab) == _front_door(office, year)
    assert {s.visit_date.year for s in _shown(tab).figures.sites} == {2025}
    assert not tab.filters.start.isVisibleTo(tab)  # dates are offered only when chosen
    assert tab.filters.choose_period("dates")
    assert tab.filters.start.isVisibleTo(tab)
    tab.filters.start.setDate(QDate(2024, 3, 1))
    tab.filters.end.setDate(QDate(2024, 12, 31))
    assert _shown(tab) == _front_door(office, OverviewFilter(date(2024, 3, 1),
                                                             date(2024, 12, 31)))
    tab.filters.start.setDate(QDate(2025, 1, 1))  # the end can never be before the start
    assert tab.filters.end.date() >= QDate(2025, 1, 1)
    campaign = api.office.list_campaigns(office, TODAY)[0]
    assert tab.filters.choose_period("campaign", campaign.id)
    assert _shown(tab) == _front_door(office, OverviewFilter(campaign_id=campaign.id))
    assert campaign.name in tab.summary.text()
    tab.filters.choose_period("all")
    tab.coverage.years.setValue(1)
    shown = _shown(tab)
    assert shown == _front_door(office, OverviewFilter(stale_years=1))
    assert shown.figures.stale  # results older than a year
    assert _column(tab.coverage.stale_view, 0) == [s.name for s, _day in shown.figures.stale]
    assert f"({len(shown.figures.stale)})" in tab.coverage.stale_box.title()


def test_a_heat_map_cell_opens_its_inspection(qtbot: QtBot, office: AppContext) -> None:
    tab = _tab(qtbot, office)
    tab.tabs.setCurrentWidget(tab.heat)
    view = tab.heat.view
    figures = _shown(tab).figures
    opened: list[str] = []
    tab.inspection_requested.connect(opened.append)
    cell = view.visualRect(view.model().index(2, 3)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=cell)  # as a person does
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert opened == [figures.sites[2].inspection_id]
    # Sorted by an indicator (its header clicked), a cell still opens its own site's
    # inspection, with Enter too.
    header = view.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(3) + 5, header.height() // 2))
    first = view.model().index(0, 3)
    view.setCurrentIndex(first)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Return)
    name = first.siblingAtColumn(0).data()
    assert opened[-1] == next(s.inspection_id for s in figures.sites if s.site.name == name)
    assert view.model().index(0, 3).data(HEAT_ROLE) == min(
        view.model().index(r, 3).data(HEAT_ROLE) for r in range(view.model().rowCount()))


def test_the_rankings_sort_by_any_column(qtbot: QtBot, office: AppContext) -> None:
    tab = _tab(qtbot, office)
    tab.tabs.setCurrentWidget(tab.ranking)
    figures = _shown(tab).figures
    by_id = {s.inspection_id: s for s in figures.sites}
    view = tab.ranking.sites_view
    view.sortByColumn(4, Qt.SortOrder.AscendingOrder)  # the score, lowest first
    shown = [by_id[key] for key in _column(view, 0, KEY_ROLE)]
    assert [s.score for s in shown] == sorted(s.score or 0.0 for s in figures.sites)
    assert _column(view, 4) == [percent(s.score) for s in shown]  # each row its own site's
    view.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    assert sorted(_column(view, 1)) == sorted(s.site.name for s in figures.sites)
    view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the ranking again
    assert _column(view, 0, KEY_ROLE) == [s.inspection_id for s in figures.sites]
    townships = tab.ranking.townships_view
    townships.sortByColumn(3, Qt.SortOrder.DescendingOrder)  # inspected, most first
    inspected = [int(text.split("/")[0]) for text in _column(townships, 3)]
    assert inspected == sorted(inspected, reverse=True)


def test_it_reads_again_when_inspections_change(qtbot: QtBot, office: AppContext) -> None:
    tab = _tab(qtbot, office)
    xikou = site_id_for_code(XIKOU)
    awaiting = next(e.inspection_id for e in api.office.review_queue(office)
                    if e.site_id == xikou and e.state.value == "awaiting")
    tab.ops.write(tab, lambda _c: api.office.approve(office, awaiting, "王主任"), "approve",
                  changes=Change.INSPECTION).start()
    assert awaiting in [s.inspection_id for s in _shown(tab).figures.sites]
    # Hidden, it reads when shown next.
    tab.hide()
    before = tab.read
    tab.ops.announce(Change.SUPERVISION)
    assert tab.read is before
    tab.show()
    assert tab.read is not before and _shown(tab) == _front_door(office, OverviewFilter())
    tab.ops.announce(Change.PHOTOS)  # nothing it shows
    assert tab.read is not before


def test_only_the_latest_read_is_shown(qtbot: QtBot, office: AppContext) -> None:
    worker = Worker()
    try:
        tab = _tab(qtbot, office, worker)
        township = site_id_for_code(XIKOU_TOWN)
        shown: list[OverviewRead] = []
        qtbot.waitUntil(lambda: tab.read is not None, timeout=20_000)
        tab.loaded.connect(shown.append)
        tab.filters.approved.setChecked(False)
        tab.filters.choose_township(township)  # before the first read is back
        qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
        assert worker.wait(20_000)
        QApplication.processEvents()
        assert [read.data.filter for read in shown] == [
            OverviewFilter(township_id=township, approved_only=False)]
    finally:
        worker.wait(20_000)


def test_bigger_text_makes_bigger_rows_and_cells(qtbot: QtBot, office: AppContext) -> None:
    tab = _tab(qtbot, office)
    tab.tabs.setCurrentWidget(tab.heat)
    view = tab.heat.view
    row, column = view.rowHeight(0), view.columnWidth(2)
    font = tab.font()
    font.setPointSizeF(font.pointSizeF() * 1.5)
    tab.setFont(font)
    QApplication.processEvents()
    assert view.rowHeight(0) > row * 1.3 and view.columnWidth(2) > column * 1.2
    assert view.rowHeight(0) >= view.fontMetrics().height()
    coverage = tab.coverage.view
    assert coverage.rowHeight(0) >= coverage.fontMetrics().height()


@pytest.fixture
def chinese(qtbot: QtBot) -> Iterator[None]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = install_translators(app, "zh_CN")
    yield
    for translator in translators:
        app.removeTranslator(translator)


def test_in_chinese_nothing_is_in_english(qtbot: QtBot, chinese: None,
                                          office: AppContext) -> None:
    tab = _tab(qtbot, office)
    assert tab.filters.choose_period("dates")
    for index in range(tab.tabs.count()):
        tab.tabs.setCurrentIndex(index)
        assert untranslated(tab) == [], tab.tabs.tabText(index)
    assert "全县" in tab.summary.text() or "场所" in tab.summary.text()
    heat = tab.heat.view.model()
    assert heat.index(0, 2).data(Qt.ItemDataRole.ToolTipRole)
    assert untranslated(tab) == []
