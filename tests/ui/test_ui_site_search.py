"""Finding a site: search by name, code and pinyin initials, filters, sorting, the keyboard,
and the site list's layout kept across restarts (real widgets, real settings file)."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QInputMethodEvent, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QSplitterHandle, QWidget
from pytestqt.qtbot import QtBot
from ui_helpers import LOAD_TIMEOUT_MS, add_completed_inspection, open_window

from inspector.app_paths import AppPaths
from inspector.services.context import AppContext
from inspector.services.sites import site_id_for_code
from inspector.ui.core.settings import (
    SiteListLayout,
    UiSettings,
    load_settings,
    load_site_list_layout,
    save_settings,
)
from inspector.ui.main_window import MainWindow
from inspector.ui.pages.sites.site_columns import COLUMN_KEYS
from inspector.ui.pages.sites.site_filter import name_sort_key, pinyin_initials
from inspector.ui.pages.sites.site_tree import SiteTree

COUNTY = "青溪县社区教育学院"
CODE_COLUMN = COLUMN_KEYS.index("code")
LAST_COLUMN = COLUMN_KEYS.index("last")


def shown(tree: SiteTree) -> list[str]:
    return [row.text(0) for row in tree.visible_rows()]


def children_of(tree: SiteTree, name: str) -> list[str]:
    for row in tree.visible_rows():
        if row.text(0) == name:
            return [row.child(i).text(0) for i in range(row.childCount())]
    raise LookupError(name)


def type_search(qtbot: QtBot, window: MainWindow, text: str) -> None:
    """Type into the search box: Latin letters and digits as keys, Chinese as an input
    method commits it."""
    search = window.site_list.search.search
    search.setFocus()
    search.clear()
    if text.isascii():
        qtbot.keyClicks(search, text)
    else:
        event = QInputMethodEvent()
        event.setCommitString(text)
        QApplication.sendEvent(search, event)
    assert search.text() == text


@pytest.fixture
def varied_paths(demo_context: AppContext) -> AppPaths:
    """The demo county with one site in each state: inspected, in progress, assigned."""
    from inspector.services import inspections
    from inspector.services.sync.assignments import add_assignment

    add_completed_inspection(demo_context, "330799001001", date(2026, 6, 3))  # 东门
    add_completed_inspection(demo_context, "330799103201", date(2026, 9, 1))  # 龙潭村
    with demo_context.db.transaction() as session:
        inspections.start_inspection(session, site_id_for_code("330799101202"),
                                     date(2026, 11, 28), inspectors="王芳")  # 上塘村, in progress
        today = date.today()
        add_assignment(session, site_id_for_code("330799202203"), "李明", today,
                       today + timedelta(days=14), "")  # 高岭村
    demo_context.close()
    return demo_context.paths


def test_pinyin_initials_and_name_order_need_no_dictionary() -> None:
    assert pinyin_initials("青溪县社区教育学院") == "qxxsqjyxy"
    assert pinyin_initials("枫树湾村教学站") == "fswcjxz"
    assert pinyin_initials("䶮山村") == "䶮sc"  # a rare character is matched as itself
    assert pinyin_initials("No.3 站") == "no.3 z"
    names = ["溪口镇社区学校", "白沙镇社区学校", "龙潭镇社区学校", "城关街道社区学校"]
    assert sorted(names, key=name_sort_key) == [
        "白沙镇社区学校", "城关街道社区学校", "龙潭镇社区学校", "溪口镇社区学校"]


def test_search_by_name_code_and_initials_keeps_the_tree_above_each_match(
    qtbot: QtBot, varied_paths: AppPaths
) -> None:
    with open_window(qtbot, varied_paths) as window:
        tree = window.tree
        bar = window.site_list.search
        type_search(qtbot, window, "溪口")  # a township: its stations come with it
        assert shown(tree) == [COUNTY, "溪口镇社区学校", "溪口村教学站", "上塘村教学站",
                               "下塘村教学站", "柿林村教学站"]
        assert bar.summary.isVisible() and "5" in bar.summary.text()
        assert "31" in bar.summary.text()
        type_search(qtbot, window, "LTC")  # pinyin initials, any case
        assert shown(tree) == [COUNTY, "龙潭镇社区学校", "龙潭村教学站"]
        county, township, village = tree.visible_rows()
        dimmed = QPalette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        assert county.data(0, Qt.ItemDataRole.ForegroundRole) == dimmed  # context only
        assert township.data(0, Qt.ItemDataRole.ForegroundRole) == dimmed
        assert village.data(0, Qt.ItemDataRole.ForegroundRole) is None  # the match
        assert township.isExpanded()  # a match is never hidden in a closed branch
        assert window.details.title.text() == "龙潭村教学站"  # the first match is chosen
        type_search(qtbot, window, "3307992022")  # part of a division code
        assert shown(tree) == [COUNTY, "石门乡社区学校", "石门村教学站", "大坪村教学站",
                               "高岭村教学站", "溪东村教学站"]
        type_search(qtbot, window, "不存在的站点")
        assert shown(tree) == []
        assert window.details.title.text() == window.details.tr("No site selected")
        assert bar.summary.isVisible()


def test_esc_clears_the_search_and_brings_back_the_open_branches(
    qtbot: QtBot, varied_paths: AppPaths
) -> None:
    with open_window(qtbot, varied_paths) as window:
        tree = window.tree
        search = window.site_list.search.search
        before = tree.expanded_site_ids()
        type_search(qtbot, window, "竹坞")
        assert shown(tree) == [COUNTY, "桃源乡社区学校", "竹坞村教学站"]
        QTest.keyClick(search, Qt.Key.Key_Escape)
        assert search.text() == ""
        assert len(shown(tree)) == 31
        assert not window.site_list.search.summary.isVisible()
        # The branches open before the search, and the found site, which stays chosen.
        bamboo = tree.site_named("竹坞村教学站")
        assert bamboo is not None and tree.current_site() is not None
        assert tree.current_site().id == bamboo.id  # type: ignore[union-attr]
        assert tree.expanded_site_ids() >= before
        assert site_id_for_code("330799201000") in tree.expanded_site_ids()
        QTest.keyClick(search, Qt.Key.Key_Escape)  # empty already: back to the tree
        assert tree.hasFocus() or QApplication.focusWidget() is tree


def test_down_moves_into_the_tree_on_the_first_match_and_ctrl_f_comes_back(
    qtbot: QtBot, varied_paths: AppPaths
) -> None:
    with open_window(qtbot, varied_paths) as window:
        tree = window.tree
        search = window.site_list.search.search
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=LOAD_TIMEOUT_MS)
        tree.setFocus()
        QTest.keyClick(tree, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        assert QApplication.focusWidget() is search
        type_search(qtbot, window, "上塘")
        QTest.keyClick(search, Qt.Key.Key_Down)
        assert QApplication.focusWidget() is tree
        assert window.details.title.text() == "上塘村教学站"
        QTest.keyClick(tree, Qt.Key.Key_Up)  # the township above it is context, not a match
        assert window.details.title.text() == "溪口镇社区学校"
        QTest.keyClick(tree, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        assert QApplication.focusWidget() is search
        assert search.selectedText() == "上塘"  # typing replaces the last search
        QTest.keyClick(search, Qt.Key.Key_Down)
        search.clear()
        qtbot.keyClicks(tree, "ltc")  # typing in the list goes on in the search box
        assert QApplication.focusWidget() is search and search.text() == "ltc"
        assert shown(tree) == [COUNTY, "龙潭镇社区学校", "龙潭村教学站"]
        window.sync_action.trigger()  # on another page the site list's Ctrl+F is off
        QTest.keyClick(window.focusWidget() or window, Qt.Key.Key_F,
                       Qt.KeyboardModifier.ControlModifier)
        assert QApplication.focusWidget() is not search


def test_filters_by_tier_and_by_state(qtbot: QtBot, varied_paths: AppPaths) -> None:
    with open_window(qtbot, varied_paths) as window:
        tree = window.tree
        bar = window.site_list.search
        proxy = tree.proxy

        def choose(combo: object, value: str) -> None:
            index = combo.findData(value)  # type: ignore[attr-defined]
            assert index >= 0
            combo.setCurrentIndex(index)  # type: ignore[attr-defined]

        choose(bar.tier, "township")
        assert proxy.match_count() == 6
        assert shown(tree) == [
            COUNTY, "城关街道社区学校", "溪口镇社区学校", "白沙镇社区学校", "龙潭镇社区学校",
            "桃源乡社区学校", "石门乡社区学校"]
        choose(bar.tier, "village")
        choose(bar.state, "completed")
        assert [row.text(0) for row in tree.visible_rows() if proxy.matches(
            str(row.node().id))] == ["东门社区教学点", "龙潭村教学站"]
        choose(bar.state, "in_progress")
        assert shown(tree) == [COUNTY, "溪口镇社区学校", "上塘村教学站"]
        choose(bar.state, "assigned")
        assert shown(tree) == [COUNTY, "石门乡社区学校", "高岭村教学站"]
        choose(bar.state, "never")
        assert proxy.match_count() == 24 - 3  # every station but the three above
        assert "上塘村教学站" not in shown(tree)
        type_search(qtbot, window, "sl")  # search and filters together: 柿林村
        assert shown(tree) == [COUNTY, "溪口镇社区学校", "柿林村教学站"]
        search = bar.search
        QTest.keyClick(search, Qt.Key.Key_Escape)  # the text first,
        assert search.text() == "" and proxy.match_count() == 21
        QTest.keyClick(search, Qt.Key.Key_Escape)  # then the filters
        assert bar.tier.currentData() == "" and bar.state.currentData() == ""
        assert len(shown(tree)) == 31
        choose(bar.state, "in_progress")  # choosing a hidden site shows everything again
        hidden = tree.site_named("东门社区教学点")
        assert hidden is not None and tree.select_site(hidden.id)
        assert bar.state.currentData() == "" and len(shown(tree)) == 31
        assert window.details.title.text() == "东门社区教学点"


def test_clicking_a_column_title_sorts_siblings_and_keeps_the_tree(
    qtbot: QtBot, varied_paths: AppPaths
) -> None:
    with open_window(qtbot, varied_paths) as window:
        tree = window.tree
        header = tree.header()
        natural = children_of(tree, COUNTY)
        assert natural[0] == "城关街道社区学校"  # by division code

        def click(column: int) -> None:
            position = QPoint(header.sectionViewportPosition(column)
                              + header.sectionSize(column) // 2, header.height() // 2)
            QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=position)

        click(0)
        assert header.sortIndicatorSection() == 0
        order = header.sortIndicatorOrder()
        townships = children_of(tree, COUNTY)
        by_pinyin = ["白沙镇社区学校", "城关街道社区学校", "龙潭镇社区学校", "石门乡社区学校",
                     "桃源乡社区学校", "溪口镇社区学校"]
        assert townships == (by_pinyin if order == Qt.SortOrder.AscendingOrder
                             else by_pinyin[::-1])
        villages = children_of(tree, "溪口镇社区学校")  # each township keeps its own
        assert sorted(villages) == sorted(["溪口村教学站", "上塘村教学站", "下塘村教学站",
                                           "柿林村教学站"])
        click(0)
        assert header.sortIndicatorOrder() != order
        assert children_of(tree, COUNTY) == townships[::-1]
        click(0)  # the third click: back to the registry's order
        assert header.sortIndicatorSection() == -1
        assert children_of(tree, COUNTY) == natural
        tree.sortByColumn(LAST_COLUMN, Qt.SortOrder.DescendingOrder)
        assert children_of(tree, "龙潭镇社区学校")[0] == "龙潭村教学站"  # the inspected first
        assert children_of(tree, "城关街道社区学校")[0] == "东门社区教学点"
        tree.sortByColumn(CODE_COLUMN, Qt.SortOrder.DescendingOrder)
        assert children_of(tree, COUNTY)[0] == "石门乡社区学校"
        assert children_of(tree, "石门乡社区学校")[0] == "溪东村教学站"
        with qtbot.waitSignal(window.sites_loaded, timeout=LOAD_TIMEOUT_MS):
            window.show_sites()  # a reload keeps the order
        assert children_of(tree, COUNTY)[0] == "石门乡社区学校"


def drag(widget: QWidget, start: QPoint, end: QPoint) -> None:
    """A mouse drag with the left button, in steps as a hand makes it (the points are
    where the widget was at the start: a splitter's handle moves along)."""
    origin = widget.mapToGlobal(QPoint(0, 0))
    QTest.mousePress(widget, Qt.MouseButton.LeftButton, pos=start)
    steps = 5
    for step in range(1, steps + 1):
        point = start + (end - start) * step / steps
        QTest.mouseMove(widget, widget.mapFromGlobal(origin + point))
    QTest.mouseRelease(widget, Qt.MouseButton.LeftButton,
                       pos=widget.mapFromGlobal(origin + end))


def test_the_layout_is_kept_across_restarts_in_the_settings_file(
    qtbot: QtBot, varied_paths: AppPaths
) -> None:
    paths = varied_paths
    save_settings(paths.settings_file, UiSettings(language="zh_CN", inspector_name="王芳"))
    with open_window(qtbot, paths) as window:
        splitter = window.sites_splitter  # in the window's first size, 1100 × 700
        handle = splitter.handle(1)
        assert isinstance(handle, QSplitterHandle) and handle.width() >= 6  # easy to grab
        before = splitter.sizes()[0]
        middle = QPoint(handle.width() // 2, handle.height() // 2)
        drag(handle, middle, middle + QPoint(-60, 0))
        moved = splitter.sizes()[0]
        assert abs(moved - (before - 60)) <= 2
        header = window.tree.header()
        edge = QPoint(header.sectionViewportPosition(CODE_COLUMN)
                      + header.sectionSize(CODE_COLUMN) - 1, header.height() // 2)
        code_width = header.sectionSize(CODE_COLUMN)
        drag(header.viewport(), edge, edge + QPoint(40, 0))
        assert header.sectionSize(CODE_COLUMN) == code_width + 40
        window.tree.sortByColumn(LAST_COLUMN, Qt.SortOrder.DescendingOrder)
        hide_tier = next(action for action in window.tree.column_menu().actions()
                         if action.text() == window.tree.model().headerData(
                             1, Qt.Orientation.Horizontal))
        hide_tier.trigger()
        assert header.isSectionHidden(1)
    saved = load_site_list_layout(paths.settings_file)
    assert saved == SiteListLayout(
        splitter=saved.splitter, column_widths={"code": code_width + 40},
        hidden_columns=("tier",), sort_column="last", sort_order="descending")
    assert saved.splitter[0] == moved
    assert load_settings(paths.settings_file) == UiSettings(language="zh_CN",
                                                            inspector_name="王芳")
    with open_window(qtbot, paths) as window:
        splitter = window.sites_splitter  # in the window's first size, 1100 × 700
        header = window.tree.header()
        assert abs(splitter.sizes()[0] - moved) <= 2
        assert header.sectionSize(CODE_COLUMN) == code_width + 40
        assert header.isSectionHidden(1)
        assert header.sortIndicatorSection() == LAST_COLUMN
        assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
        assert children_of(window.tree, "龙潭镇社区学校")[0] == "龙潭村教学站"
        # A double-click on the border gives the column back to its contents.
        edge = QPoint(header.sectionViewportPosition(CODE_COLUMN)
                      + header.sectionSize(CODE_COLUMN) - 1, header.height() // 2)
        QTest.mouseDClick(header.viewport(), Qt.MouseButton.LeftButton, pos=edge)
        assert header.sectionSize(CODE_COLUMN) == code_width
    assert load_site_list_layout(paths.settings_file).column_widths == {}


def test_an_unchanged_layout_writes_nothing_and_a_damaged_one_is_ignored(
    qtbot: QtBot, varied_paths: AppPaths
) -> None:
    paths = varied_paths
    with open_window(qtbot, paths):
        pass
    assert not paths.settings_file.exists()  # nothing changed, nothing written
    paths.settings_file.write_text(json.dumps({"site_list": {
        "splitter": ["wide", 3], "column_widths": {"code": -5, "tier": True, "last": 99},
        "hidden_columns": "tier", "sort_column": "nonsense", "sort_order": "sideways"}}),
        encoding="utf-8")
    assert load_site_list_layout(paths.settings_file) == SiteListLayout(
        column_widths={"last": 99}, sort_column="nonsense")
    with open_window(qtbot, paths) as window:
        header = window.tree.header()
        assert not any(header.isSectionHidden(column) for column in range(6))
        assert header.sortIndicatorSection() == -1
        assert header.sectionSize(LAST_COLUMN) == 99


def test_a_layout_that_cannot_be_saved_is_logged_and_the_list_works_on(
    qtbot: QtBot, varied_paths: AppPaths, caplog: pytest.LogCaptureFixture
) -> None:
    paths = varied_paths
    paths.settings_file.mkdir(parents=True)  # a folder where the file should be
    with open_window(qtbot, paths) as window:
        window.tree.sortByColumn(CODE_COLUMN, Qt.SortOrder.DescendingOrder)
        assert window.site_list_memory.save() is False
        assert children_of(window.tree, COUNTY)[0] == "石门乡社区学校"
    assert paths.settings_file.is_dir()
    assert any("layout was not saved" in record.getMessage() for record in caplog.records)
