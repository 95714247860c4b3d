"""The site list at the county office: only approved inspections count as results, a newer
result awaiting review (or returned) is marked beside the result, the state filter finds
them and every received result can be shown instead; a field laptop's list is as it was
(real windows on real data folders, reviews made through the office's services)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sync_helpers import installation
from ui_helpers import LOAD_TIMEOUT_MS, open_window

from inspector.app_paths import AppPaths
from inspector.domain.values import Role
from inspector.services import api, inspections
from inspector.services.api import office
from inspector.services.context import AppContext
from inspector.services.sites import site_id_for_code
from inspector.services.sync.identity import set_role
from inspector.ui.core.operations import Change
from inspector.ui.labels import last_result_text, percent
from inspector.ui.main_window import MainWindow
from inspector.ui.pages.sites.site_columns import COLUMN_KEYS, LAST_COLUMN
from inspector.ui.pages.sites.site_filter import (
    STATE_ASSIGNED,
    STATE_AWAITING,
    STATE_COMPLETED,
    STATE_IN_PROGRESS,
    STATE_NEVER,
    STATE_RETURNED,
)
from inspector.ui.pages.sites.site_rows import SiteRow

APPROVED_THEN_AWAITING = site_id_for_code("330799001001")  # 东门社区教学点
RETURNED_ONLY = site_id_for_code("330799103201")  # 龙潭村教学站
APPROVED_THEN_RETURNED = site_id_for_code("330799101202")  # 上塘村教学站
APPROVED_ONLY = site_id_for_code("330799202203")  # 高岭村教学站
AWAITING_MARK = "new result awaiting review"
RETURNED_MARK = "new result returned"


def _inspect(context: AppContext, site_id: str, visit: date, not_met: int) -> str:
    with context.db.transaction() as session:
        inspection = inspections.start_inspection(session, site_id, visit, inspectors="王芳")
        for index, criterion in enumerate(inspections.load_state(session,
                                                                  inspection.id).criteria):
            rating = "not_met" if index < not_met else "meets"
            inspections.set_rating(session, inspection.id, criterion.id, rating)
            if rating == "not_met":
                inspections.set_note(session, inspection.id, criterion.id, "未见制度文件")
        inspections.complete(session, inspection.id, actor="王芳")
        return inspection.id


@pytest.fixture
def reviewed(tmp_path: Path) -> tuple[AppPaths, dict[str, float | None]]:
    """The county office's data folder with a case of review on four sites; the scores of
    its inspections by the date they were made."""
    context = installation(tmp_path, "office", Role.OFFICE)
    try:
        approved = _inspect(context, APPROVED_THEN_AWAITING, date(2026, 5, 1), not_met=1)
        _inspect(context, APPROVED_THEN_AWAITING, date(2026, 11, 2), not_met=4)  # awaiting
        returned = _inspect(context, RETURNED_ONLY, date(2026, 10, 9), not_met=2)
        kept = _inspect(context, APPROVED_THEN_RETURNED, date(2026, 4, 7), not_met=0)
        back = _inspect(context, APPROVED_THEN_RETURNED, date(2026, 11, 5), not_met=3)
        only = _inspect(context, APPROVED_ONLY, date(2026, 9, 9), not_met=2)
        for inspection_id in (approved, kept, only):
            office.approve(context, inspection_id, "王主任", "同意")
        for inspection_id in (returned, back):
            office.return_inspection(context, inspection_id, "王主任", "请补充照片")
        with context.db.session() as session:
            scores = {listing.visit_date.isoformat(): listing.score
                      for listing in inspections.list_inspections(session)}
    finally:
        context.close()
    return context.paths, scores


def row_of(window: MainWindow, site_id: str) -> SiteRow:
    return next(row for row in window.tree.visible_rows() if row.node().id == site_id)


def result_of(window: MainWindow, site_id: str) -> str:
    return row_of(window, site_id).text(LAST_COLUMN)


def matching(window: MainWindow, state: str) -> set[str]:
    """The sites the state filter keeps, chosen in its box as the user does."""
    bar = window.site_list.search
    index = bar.state.findData(state)
    assert index >= 0, f"{state} is not offered"
    bar.state.setCurrentIndex(index)
    proxy = window.tree.proxy
    return {row.node().id for row in window.tree.visible_rows()
            if proxy.matches(row.node().id)}


def test_the_office_shows_the_last_approved_result_and_marks_what_awaits_review(
        qtbot: QtBot, reviewed: tuple[AppPaths, dict[str, float | None]]) -> None:
    paths, scores = reviewed
    with open_window(qtbot, paths) as window:
        tree = window.tree
        assert tree.view.office and tree.view.approved_only
        assert tree.model().headerData(LAST_COLUMN, _horizontal()) == "Last approved result"
        assert COLUMN_KEYS[LAST_COLUMN] == "last"
        assert result_of(window, APPROVED_THEN_AWAITING) == \
            f"2026-05-01  {percent(scores['2026-05-01'])} · {AWAITING_MARK}"
        assert "2026-11-02" in row_of(window, APPROVED_THEN_AWAITING).toolTip(LAST_COLUMN)
        # A returned inspection does not count: no result, only the mark.
        assert result_of(window, RETURNED_ONLY) == RETURNED_MARK
        assert result_of(window, APPROVED_THEN_RETURNED) == \
            f"2026-04-07  {percent(scores['2026-04-07'])} · {RETURNED_MARK}"
        assert result_of(window, APPROVED_ONLY) == \
            f"2026-09-09  {percent(scores['2026-09-09'])}"
        assert result_of(window, site_id_for_code("330799001000")) == ""

        tree.select_site(APPROVED_THEN_AWAITING)
        details = window.details.fields["last"].text()
        assert details.startswith(f"2026-05-01  {percent(scores['2026-05-01'])} · ")
        assert "2026-11-02" in details and "awaits review" in details
        assert window.details.fields["last"].accessibleName() == "Last approved result"

        bar = window.site_list.search
        assert not bar.all_received.isHidden()
        assert matching(window, STATE_AWAITING) == {APPROVED_THEN_AWAITING}
        assert matching(window, STATE_RETURNED) == {RETURNED_ONLY, APPROVED_THEN_RETURNED}
        assert bar.state.currentText() == "Result returned to its inspector"
        assert RETURNED_ONLY not in matching(window, STATE_NEVER)
        assert matching(window, STATE_COMPLETED) == {
            APPROVED_THEN_AWAITING, APPROVED_THEN_RETURNED, APPROVED_ONLY}
        assert bar.state.currentText() == "Has an approved result"

        # Every received result, on request: the newer one, still marked.
        with qtbot.waitSignal(tree.view_changed, timeout=LOAD_TIMEOUT_MS):
            bar.all_received.click()
        assert tree.view.all_received and not tree.view.approved_only
        assert tree.model().headerData(LAST_COLUMN, _horizontal()) == "Last result received"
        assert result_of(window, APPROVED_THEN_AWAITING) == \
            f"2026-11-02  {percent(scores['2026-11-02'])} · {AWAITING_MARK}"
        assert scores["2026-11-02"] != scores["2026-05-01"]
        assert bar.state.currentData() == STATE_COMPLETED  # the filter chosen stays
        assert bar.state.currentText() == "Inspected (completed)"
        bar.state.setCurrentIndex(bar.state.findData(""))
        assert result_of(window, RETURNED_ONLY) == RETURNED_MARK  # back in the field
        assert tree.current_site() is not None
        assert window.details.fields["last"].text().startswith("2026-11-02")
        assert window.details.fields["last"].accessibleName() == "Last result received"
        bar.all_received.click()
        assert result_of(window, APPROVED_THEN_AWAITING).startswith("2026-05-01")


def test_a_field_laptop_shows_its_last_completed_inspections_as_before(
        qtbot: QtBot, reviewed: tuple[AppPaths, dict[str, float | None]]) -> None:
    paths, _scores = reviewed
    set_role(paths, Role.FIELD, confirm_change=True)
    with open_window(qtbot, paths) as window:
        tree = window.tree
        assert not tree.view.office
        assert tree.model().headerData(LAST_COLUMN, _horizontal()) == "Last inspection"
        for row in tree.visible_rows():
            assert row.text(LAST_COLUMN) == last_result_text(row.node().last_completed)
            assert row.toolTip(LAST_COLUMN) == ""
        assert result_of(window, APPROVED_THEN_AWAITING).startswith("2026-11-02")
        bar = window.site_list.search
        assert bar.all_received.isHidden()
        assert [bar.state.itemData(i) for i in range(bar.state.count())] == [
            "", STATE_NEVER, STATE_IN_PROGRESS, STATE_COMPLETED, STATE_ASSIGNED]
        assert window.details.fields["last"].accessibleName() == "Last inspection"

        # The same computer made the county office: the list follows at once.
        with qtbot.waitSignal(tree.view_changed, timeout=LOAD_TIMEOUT_MS):
            window.ops.write(window, lambda _c: api.sync.set_role(
                paths, Role.OFFICE, confirm_change=True), "role", changes=Change.ROLE).start()
        assert tree.view.office
        assert result_of(window, APPROVED_THEN_AWAITING).startswith("2026-05-01")
        assert not bar.all_received.isHidden()
        assert bar.state.findData(STATE_AWAITING) >= 0


def _horizontal() -> object:
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal
