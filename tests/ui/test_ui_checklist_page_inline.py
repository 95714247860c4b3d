"""The checklist page as a widget on its own, its operations run at once on the UI thread
(:class:`InlineWorker`): no window, no threads, no waiting."""

from __future__ import annotations

from datetime import date

from pytestqt.qtbot import QtBot

from inspector.domain.values import InspectionStatus
from inspector.services import api
from inspector.services.context import AppContext
from inspector.services.inspections import load_state
from inspector.ui.core.operations import Change, Changed, Operations
from inspector.ui.core.worker import InlineWorker
from inspector.ui.pages.checklist.page import ChecklistPage


def _page(qtbot: QtBot, context: AppContext) -> tuple[ChecklistPage, Operations]:
    ops = Operations(InlineWorker())
    page = ChecklistPage(ops, context, "zh")
    page.photo_widget_factory = None  # the photo strips have tests of their own
    qtbot.addWidget(page)
    return page, ops


def test_rating_with_the_keys_is_saved_before_the_call_returns(
        qtbot: QtBot, demo_context: AppContext) -> None:
    site = next(listing for listing in api.inspections.list_inspections(demo_context)
                if listing.status == InspectionStatus.COMPLETED).site_id
    draft_id = api.inspections.start(demo_context, site, date(2026, 12, 3), "王芳", "", None)
    page, ops = _page(qtbot, demo_context)
    announced: list[Changed] = []
    ops.changed.connect(announced.append)
    page.open_inspection(draft_id)
    assert page.data is not None and page.data.inspection_id == draft_id  # already loaded
    page.move_criterion(1)
    card = page.current_card()
    assert card is not None and page.card_index == 1
    page.rate_current(2)
    criterion = card.criterion.id
    with demo_context.db.session() as session:
        stored = load_state(session, draft_id).responses[criterion].rating
    assert stored == page.data.template.rating_scale[1].id == card.rating()
    assert page.answers is not None and criterion in page.answers.rated()
    assert page.save_label.text() == page.tr("All changes saved")
    assert announced and announced[-1].touches(Change.ANSWERS)
    assert announced[-1].origin is page  # its own save: the page does not reload for it


def test_another_screen_reopening_the_inspection_makes_the_page_editable(
        qtbot: QtBot, demo_context: AppContext) -> None:
    done = next(listing for listing in api.inspections.list_inspections(demo_context)
                if listing.status == InspectionStatus.COMPLETED)
    page, ops = _page(qtbot, demo_context)
    page.open_inspection(done.id)
    assert page.reopen_button.isVisibleTo(page) and not page.finish_button.isVisibleTo(page)
    with demo_context.db.transaction() as session:
        from inspector.services.inspections import reopen

        reopen(session, done.id, "王芳", "补拍照片")
    ops.announce(Change.INSPECTION, done.id)  # what the reopening operation says
    assert page.data is not None and not page.data.completed
    assert page.finish_button.isVisibleTo(page) and not page.reopen_button.isVisibleTo(page)
    ops.announce(Change.INSPECTION, "another-inspection")  # not this one: nothing happens
    assert page.data.inspection_id == done.id
