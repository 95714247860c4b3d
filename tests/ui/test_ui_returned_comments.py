"""An inspection the county office returned (退回), on the field laptop: the checklist page
shows the reviewer's comments (a banner, the commented criteria's cards, marks in the
indicator tree) until the inspection is completed again; the Sync screen's assignments say
it waits for changes. Built across an office and a field data folder through real bundle
files."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from supervision_helpers import COMMENTS, OVERALL, REVIEWER, Loop, returned_inspection

from inspector.domain.supervision import ReviewDecision
from inspector.services import api
from inspector.services.api import office
from inspector.ui.app import install_translators
from inspector.ui.core.operations import Operations
from inspector.ui.core.settings import UiSettings
from inspector.ui.core.worker import InlineWorker
from inspector.ui.pages.checklist.inspection_controller import InspectionController
from inspector.ui.pages.checklist.page import ChecklistPage
from inspector.ui.pages.sync.assignments import AssignmentsPanel
from inspector.ui.pages.sync.screen import SyncScreen

SHOTS = os.environ.get("INSPECTOR_SCREENSHOTS")  # a folder to save screenshots in, if set


@pytest.fixture
def loop(tmp_path: Path) -> Iterator[Loop]:
    made = returned_inspection(tmp_path)
    yield made
    made.close()


def _page(qtbot: QtBot, loop: Loop) -> tuple[ChecklistPage, Operations]:
    ops = Operations(InlineWorker())
    page = ChecklistPage(ops, loop.field, "zh")
    qtbot.addWidget(page)
    page.open_inspection(loop.inspection_id)
    assert page.data is not None and page.data.inspection_id == loop.inspection_id
    return page, ops


def test_the_comments_show_on_the_page_until_the_inspection_is_completed_again(
        qtbot: QtBot, loop: Loop) -> None:
    page, ops = _page(qtbot, loop)
    first, _second, third = loop.findings
    banner = page.returned_banner
    assert not banner.isHidden()
    assert REVIEWER in banner.heading.text() and banner.comment.text() == OVERALL
    assert "2" in banner.criteria.text() and not banner.next_button.isHidden()
    # It opens at the first commented criterion, the office's words beside its rating.
    card = page.current_card()
    assert card is not None and card.criterion.id == first
    assert card.review_comment is not None
    assert COMMENTS[0] in card.review_comment.text() and REVIEWER in card.review_comment.text()
    assert card.note.toPlainText() != COMMENTS[0]  # the inspector's own note stays apart
    assert all(other.review_comment is None for other in page.cards if other is not card)
    # The tree marks the indicators holding commented criteria, and those only.
    marked = {page.groups[page.indicators.section_of(item, page.nav) or 0][0].id
              for parent in page.indicators.top_items()
              for item in page.indicators.children_of(parent) if not item.icon(0).isNull()}
    holding = {indicator.id for indicator, criteria in page.groups
               if {c.id for c in criteria} & {first, third}}
    assert marked == holding
    # The next comment, then round to the first again.
    page.next_comment()
    card = page.current_card()
    assert card is not None and card.criterion.id == third
    assert card.review_comment is not None and COMMENTS[1] in card.review_comment.text()
    page.next_comment()
    assert page.nav.current_criterion() == first

    # The inspector changes the third criterion and completes the inspection again.
    page.go_to_criterion(third)
    page.rate_current(3)  # 不符合
    controller = InspectionController(QWidget(), page, ops, loop.field, UiSettings())
    controller.complete("张三")
    assert page.data.completed
    assert banner.isHidden()
    page.go_to_criterion(third)
    card = page.current_card()
    assert card is not None and card.review_comment is None
    assert all(item.icon(0).isNull() for parent in page.indicators.top_items()
               for item in page.indicators.children_of(parent))
    # The comments stay in the inspection's history.
    history = office.review_history(loop.field, loop.inspection_id)
    assert [r.decision for r in history] == [ReviewDecision.RETURNED]
    assert history[0].criterion_comments == {first: COMMENTS[0], third: COMMENTS[1]}


def test_the_assignments_say_the_inspection_waits_for_changes(qtbot: QtBot,
                                                              loop: Loop) -> None:
    ops = Operations(InlineWorker())
    panel = AssignmentsPanel(ops=ops, context=lambda: loop.field)
    qtbot.addWidget(panel)
    overview = api.sync.load_overview(loop.field)
    with qtbot.waitSignal(panel.work_loaded, timeout=5000):
        panel.show_overview(overview)
    (item,) = panel.items
    assert item.inspection_id == loop.inspection_id
    state = panel.table.item(0, 0)
    assert state is not None and state.text() == panel.tr("Returned: to be changed")
    assert state.font().bold()
    assert panel.start_button.isHidden()  # nothing to start: it is opened
    with qtbot.waitSignal(panel.inspection_requested) as asked:
        panel.open_row(0)
    assert asked.args == [loop.inspection_id]
    # The Sync screen's own tab reads the same through the screen's operations.
    screen = SyncScreen(ops)
    qtbot.addWidget(screen)
    with qtbot.waitSignal(screen.assignments.work_loaded, timeout=5000):
        screen.set_context(loop.field)
    state = screen.assignments.table.item(0, 0)
    assert state is not None and state.text() == panel.tr("Returned: to be changed")


def test_a_returned_inspection_in_chinese(qtbot: QtBot, loop: Loop) -> None:
    """The page as the inspector sees it (a screenshot when INSPECTOR_SCREENSHOTS is set)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = install_translators(app, "zh_CN")
    try:
        page, _ops = _page(qtbot, loop)
        page.resize(1280, 800)
        page.show()
        qtbot.waitExposed(page)
        assert "退回意见" in page.returned_banner.heading.text()
        assert "下一条意见" in page.returned_banner.next_button.text()
        card = page.current_card()
        assert card is not None and card.review_comment is not None
        assert card.review_comment.text().startswith("审核意见")
        if SHOTS:
            QApplication.processEvents()  # the layouts asked for by what was just shown
            page.grab().save(str(Path(SHOTS) / "field_returned.png"))
    finally:
        for translator in translators:
            app.removeTranslator(translator)
