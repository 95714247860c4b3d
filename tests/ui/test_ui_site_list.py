"""The site list page: every name shows whole at common window sizes, the tree keeps what
the user opened, the history shows every column."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QStyle
from pytestqt.qtbot import QtBot
from ui_helpers import LOAD_TIMEOUT_MS, add_completed_inspection, open_window

from inspector.app_paths import AppPaths
from inspector.domain.tiers import Tier
from inspector.services.context import AppContext
from inspector.ui.app import register_cjk_font
from inspector.ui.core.settings import UiSettings
from inspector.ui.core.worker import Worker
from inspector.ui.main_window import MainWindow
from inspector.ui.pages.sites.site_history import INSPECTORS_COLUMN
from inspector.ui.pages.sites.site_tree import SiteTree

# Longer than any demo name, at the deepest level: the widest a name cell must be.
LONG_VILLAGE = "青溪县城关街道东门社区居民委员会老年教学点"


@contextmanager
def window_of_size(qtbot: QtBot, paths: AppPaths, width: int,
                   height: int) -> Iterator[MainWindow]:
    """The window made at a size, as a user's screen gives it, then filled."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    register_cjk_font(app)  # as the program does before the window has content
    worker = Worker()
    window = MainWindow(paths, UiSettings(), worker)
    qtbot.addWidget(window)
    window.resize(width, height)
    window.show()
    with qtbot.waitSignals([window.sites_loaded, window.data_opened], timeout=LOAD_TIMEOUT_MS):
        window.start()
    try:
        yield window
    finally:
        window.close()
        worker.wait(LOAD_TIMEOUT_MS)


def cut_names(tree: SiteTree) -> list[str]:
    """Names that do not show whole in the list, with every branch open (none should)."""
    tree.expandAll()
    QApplication.processEvents()
    metrics = QFontMetrics(tree.font())
    # What an item view keeps free on each side of a text (Qt's common style).
    margin = tree.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, tree) + 1
    visible = tree.viewport().width()
    cut = []
    for row in tree.visible_rows():
        name = row.text(0)
        cell = tree.visualRect(row.index())
        room = cell.width() - 2 * margin
        if (metrics.horizontalAdvance(name) > room
                or metrics.elidedText(name, Qt.TextElideMode.ElideRight, room) != name
                or cell.left() < 0 or cell.right() >= visible):
            cut.append(f"{name} ({metrics.horizontalAdvance(name)} px in {room} px "
                       f"at {cell.left()}..{cell.right()} of {visible})")
    return cut


def cut_cells(tree: SiteTree) -> list[str]:
    """Cells of the other columns whose text does not fit their column."""
    metrics = QFontMetrics(tree.font())
    margin = tree.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, tree) + 1
    header = tree.header()
    cut = []
    for row in tree.visible_rows():
        for column in range(1, tree.COLUMNS):
            text = row.text(column)
            if text and metrics.horizontalAdvance(text) + 2 * margin > header.sectionSize(column):
                cut.append(f"{text!r} in column {column}")
    return cut


@pytest.fixture
def county_paths(demo_context: AppContext) -> AppPaths:
    from inspector.services.sites import SiteData, find_by_code, upsert_site

    add_completed_inspection(demo_context, "330799001001", date(2026, 11, 20))
    with demo_context.db.transaction() as session:
        township = find_by_code(session, "330799001000")
        upsert_site(session, SiteData(name=LONG_VILLAGE, tier=Tier.VILLAGE,
                                      code="330799001009"), township)
    demo_context.close()
    return demo_context.paths


@pytest.mark.parametrize("size", [(1024, 700), (1600, 1000)], ids=["1024x700", "1600x1000"])
def test_every_site_name_shows_whole_at_common_window_sizes(
    qtbot: QtBot, county_paths: AppPaths, size: tuple[int, int]
) -> None:
    width, height = size
    with window_of_size(qtbot, county_paths, width, height) as window:
        tree = window.tree
        assert tree.site_count() == 32
        assert cut_names(tree) == []
        assert cut_cells(tree) == []  # the other columns fit their contents
        header = tree.header()
        assert header.sectionResizeMode(0) == header.ResizeMode.Interactive  # resizable
        if width >= 1600:  # room for every column: nothing to scroll to
            assert header.length() <= tree.viewport().width()
            assert not tree.horizontalScrollBar().isVisible()
        # The splitter cannot squeeze the names away either.
        splitter = window.sites_splitter
        splitter.setSizes([40, sum(splitter.sizes()) - 40])
        QApplication.processEvents()
        assert cut_names(tree) == []
        # Nor can another size of the window.
        window.resize(1600 + 1024 - width, 1000 + 700 - height)
        qtbot.waitUntil(lambda: not cut_names(tree), timeout=LOAD_TIMEOUT_MS)


def test_the_name_column_takes_the_room_the_others_leave(
    qtbot: QtBot, county_paths: AppPaths
) -> None:
    with window_of_size(qtbot, county_paths, 1600, 1000) as window:
        tree = window.tree
        header = tree.header()
        assert header.length() == tree.viewport().width()  # no gap at the right
        assert header.sectionSize(0) > tree.name_width_needed()
        # A column the user widens takes its room from the names' stretch, down to what
        # the names need; below that the list scrolls sideways.
        wide = tree.viewport().width()
        header.resizeSection(2, wide)
        assert header.sectionSize(2) == wide
        assert header.sectionSize(0) == tree.name_width_needed()
        assert cut_names(tree) == []
        header.resizeSection(0, 30)  # the names' border dragged to the left stops at them
        assert header.sectionSize(0) == tree.name_width_needed()


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


def test_the_list_is_made_wide_once_the_window_has_its_size(
    qtbot: QtBot, demo_context: AppContext
) -> None:
    """The sites can be read before the window is laid out; the list still gets the width
    its columns need (within what the details beside it need) once it is."""
    demo_context.close()
    worker = Worker()
    window = MainWindow(demo_context.paths, UiSettings(), worker)
    qtbot.addWidget(window)
    try:
        with qtbot.waitSignals([window.sites_loaded, window.data_opened],
                               timeout=LOAD_TIMEOUT_MS):
            window.start()  # filled while not shown: the splitter has no size yet
        assert sum(window.sites_splitter.sizes()) == 0
        window.resize(1280, 800)
        window.show()
        splitter = window.sites_splitter
        tree = window.tree
        details = splitter.widget(1)
        assert details is not None

        def placed() -> bool:
            total = sum(splitter.sizes())
            room = total - details.minimumSizeHint().width()
            return total > 0 and splitter.sizes()[0] >= min(tree.ideal_width(), room) - 2

        qtbot.waitUntil(placed, timeout=LOAD_TIMEOUT_MS)
        assert splitter.sizes()[0] > sum(splitter.sizes()) // 2
        assert cut_names(tree) == []
    finally:
        window.close()
        worker.wait(LOAD_TIMEOUT_MS)
