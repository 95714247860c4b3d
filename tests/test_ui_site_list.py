"""The site list page: the tree keeps what the user opened, the history shows every column."""

from __future__ import annotations

from datetime import date

from pytestqt.qtbot import QtBot
from ui_helpers import LOAD_TIMEOUT_MS, add_completed_inspection, open_window

from inspector.services.context import AppContext
from inspector.ui.site_history import INSPECTORS_COLUMN


def test_reloading_keeps_expanded_branches_and_the_selection(
    qtbot: QtBot, demo_context: AppContext
) -> None:
    paths = demo_context.paths
    demo_context.close()
    with open_window(qtbot, paths) as window:
        tree = window.tree
        college = tree.topLevelItem(0)
        first, second = college.child(0), college.child(1)
        first.setExpanded(False)
        second.setExpanded(True)
        village = second.child(2)
        tree.setCurrentItem(village)
        chosen = tree.current_site()
        with qtbot.waitSignal(window.sites_loaded, timeout=LOAD_TIMEOUT_MS):
            window.show_sites()  # what returning from an inspection does
        college = tree.topLevelItem(0)
        assert not college.child(0).isExpanded()
        assert college.child(1).isExpanded()
        assert tree.current_site() is not None and chosen is not None
        assert tree.current_site().id == chosen.id  # type: ignore[union-attr]


def test_the_site_count_belongs_to_the_site_list_only(
    qtbot: QtBot, demo_context: AppContext
) -> None:
    paths = demo_context.paths
    demo_context.close()
    with open_window(qtbot, paths) as window:
        count_text = window.status_text.text()
        assert "31" in count_text
        window.sync_action.trigger()
        assert "31" not in window.status_text.text()
        window.reload_sites()  # a reload finishing on another page must not bring it back
        with qtbot.waitSignal(window.sites_loaded, timeout=LOAD_TIMEOUT_MS):
            pass
        assert "31" not in window.status_text.text()
        assert window.sync_screen is not None
        with qtbot.waitSignal(window.sites_loaded, timeout=LOAD_TIMEOUT_MS):
            window.sync_screen.back_button.click()
        assert window.status_text.text() == count_text


def test_history_shows_the_inspectors_column(qtbot: QtBot, demo_context: AppContext) -> None:
    add_completed_inspection(demo_context, "330799001001", date(2026, 11, 20))
    paths = demo_context.paths
    demo_context.close()
    with open_window(qtbot, paths) as window:
        window.resize(1180, 680)
        village = window.tree.site_named("东门社区教学点")
        assert village is not None
        window.tree.select_site(village.id)
        qtbot.waitUntil(lambda: bool(window.history.listings), timeout=LOAD_TIMEOUT_MS)
        history = window.history.list
        item = history.topLevelItem(0)
        assert item.toolTip(INSPECTORS_COLUMN) == "王芳"
        header = history.header()
        right_edge = header.sectionViewportPosition(INSPECTORS_COLUMN) + header.sectionSize(
            INSPECTORS_COLUMN)
        assert header.sectionSize(INSPECTORS_COLUMN) >= 60
        assert right_edge <= history.viewport().width()
