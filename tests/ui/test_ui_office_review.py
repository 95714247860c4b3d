"""The Review tab of the Supervision screen on a county office's data folder, its operations
run at once (:class:`InlineWorker`): approving and returning through the decision dialog
change the review state; a refused step is shown and changes nothing; the detail shows the
criteria, the history and what changed since the last return."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from office_ui_helpers import cell, inline_ops, rated_inspection, resubmit
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot
from sync_helpers import OTHER_VILLAGE, dump, installation

from inspector.domain.supervision import ReviewDecision, ReviewState, SupervisionError
from inspector.services.api import office
from inspector.services.context import AppContext
from inspector.services.sync.identity import Role
from inspector.ui.core.operations import Change, Changed
from inspector.ui.dialogs.review_decision import ReviewDecisionDialog
from inspector.ui.pages.office.review import ReviewTab
from inspector.ui.pages.office.review_detail import CHANGED_TINT
from inspector.ui.pages.office.table import select_key


@pytest.fixture
def office_folder(tmp_path: Path) -> Iterator[AppContext]:
    context = installation(tmp_path, "office", Role.OFFICE)
    yield context
    context.close()


def _tab(qtbot: QtBot, context: AppContext, failures: list[BaseException],
         ) -> tuple[ReviewTab, list[Changed]]:
    ops = inline_ops(failures)
    tab = ReviewTab(ops, lambda: "王主任", lambda: "zh")
    qtbot.addWidget(tab)
    announced: list[Changed] = []
    ops.changed.connect(announced.append)
    ops.changed.connect(lambda _c: tab.refresh())  # as the screen does
    tab.set_context(context)
    tab.refresh()
    return tab, announced


def _answer_with(monkeypatch: pytest.MonkeyPatch,
                 fill: Callable[[ReviewDecisionDialog], None]) -> list[ReviewDecisionDialog]:
    """Each decision dialog is filled by ``fill``, then its decide button is clicked."""
    shown: list[ReviewDecisionDialog] = []

    def answer(dialog: QDialog) -> int:
        assert isinstance(dialog, ReviewDecisionDialog)
        shown.append(dialog)
        fill(dialog)
        dialog.decide_button.click()
        return dialog.result()

    monkeypatch.setattr(QDialog, "exec", answer)
    return shown


def _state(context: AppContext, inspection_id: str) -> ReviewState:
    return {e.inspection_id: e.state for e in office.review_queue(context)}[inspection_id]


def test_returning_needs_a_comment_then_records_it(
        qtbot: QtBot, office_folder: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    inspection_id, wanting = rated_inspection(office_folder)
    failures: list[BaseException] = []
    tab, announced = _tab(qtbot, office_folder, failures)
    assert list(tab.entries) == [inspection_id] and tab.return_button.isEnabled()
    said: list[str] = []

    def nothing_typed(dialog: ReviewDecisionDialog) -> None:
        assert dialog.reviewer.text() == "王主任"  # the settings' name
        dialog.decide_button.click()  # refused: the dialog says why and stays open
        said.append(dialog.message.text())
        assert dialog.result() == 0
        dialog.set_criterion_comment(wanting[1], "请补充照片")

    shown = _answer_with(monkeypatch, nothing_typed)
    tab.return_inspection()
    assert len(shown) == 1 and shown[0].returning
    assert "comment" in said[0]
    assert failures == []
    assert _state(office_folder, inspection_id) is ReviewState.RETURNED
    (record,) = office.review_history(office_folder, inspection_id)
    assert record.decision is ReviewDecision.RETURNED and record.reviewer == "王主任"
    assert record.criterion_comments == {wanting[1]: "请补充照片"}
    assert announced[-1].touches(Change.INSPECTION)
    assert announced[-1].inspection_id == inspection_id
    assert "Returned" in tab.outcome.text() and tab.outcome.isVisibleTo(tab)
    assert tab.entries == {}  # the list awaiting review is empty now
    tab.filter.setCurrentIndex(1)  # 已退回
    assert list(tab.entries) == [inspection_id]


def test_approving_drafts_the_letter_and_says_so(
        qtbot: QtBot, office_folder: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    inspection_id, wanting = rated_inspection(office_folder)
    failures: list[BaseException] = []
    tab, _announced = _tab(qtbot, office_folder, failures)

    def with_comment(dialog: ReviewDecisionDialog) -> None:
        assert not dialog.returning and not dialog.criteria.isVisibleTo(dialog)
        dialog.comment.setPlainText("同意")

    _answer_with(monkeypatch, with_comment)
    tab.approve(inspection_id)
    assert failures == []
    assert _state(office_folder, inspection_id) is ReviewState.APPROVED
    (record,) = office.review_history(office_folder, inspection_id)
    assert record.decision is ReviewDecision.APPROVED and record.comment == "同意"
    (letter,) = office.letters(office_folder)
    assert [i.criterion_id for i in letter.items] == wanting
    assert "drafted with 3 item" in tab.outcome.text()


def test_approving_an_approved_inspection_is_refused_and_changes_nothing(
        qtbot: QtBot, office_folder: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    inspection_id, _ = rated_inspection(office_folder)
    failures: list[BaseException] = []
    tab, announced = _tab(qtbot, office_folder, failures)
    assert tab.approve_button.isEnabled()
    office.approve(office_folder, inspection_id, "李副主任")  # meanwhile, elsewhere
    before = dump(office_folder)
    _answer_with(monkeypatch, lambda dialog: dialog.comment.setPlainText("再看看"))
    tab.approve()  # the list still shows it awaiting review
    assert len(failures) == 1 and isinstance(failures[0], SupervisionError)
    assert "already approved" in str(failures[0])
    assert dump(office_folder) == before and announced == []
    tab.return_inspection()
    assert len(failures) == 2 and dump(office_folder) == before
    tab.refresh()
    assert tab.entries == {} and not tab.approve_button.isEnabled()


def test_the_detail_shows_the_criteria_history_and_changes_since_the_return(
        qtbot: QtBot, office_folder: AppContext) -> None:
    inspection_id, wanting = rated_inspection(office_folder)
    rated_inspection(office_folder, OTHER_VILLAGE, wanting=0)
    office.return_inspection(office_folder, inspection_id, "王主任", "请核实",
                             {wanting[2]: "依据不足"})
    resubmit(office_folder, inspection_id, wanting[2], "partly")
    failures: list[BaseException] = []
    tab, _announced = _tab(qtbot, office_folder, failures)
    tab.show()
    assert len(tab.entries) == 2
    assert select_key(tab.table, inspection_id)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)  # Enter opens it
    detail = tab.detail
    assert tab.stack.currentWidget() is detail and detail.file is not None
    assert detail.file.entry.inspection_id == inspection_id
    assert detail.criteria.rowCount() == len(detail.file.data.template.criteria(
        detail.file.data.tier))
    assert cell(detail.criteria, 0, 2).text() == "不符合"
    assert cell(detail.criteria, 0, 3).text() == "问题1"
    assert cell(detail.criteria, 2, 2).text() == "基本符合"
    assert cell(detail.criteria, 2, 0).background().color() == CHANGED_TINT
    assert cell(detail.criteria, 1, 0).background().color() != CHANGED_TINT
    assert detail.history.rowCount() == 1
    assert cell(detail.history, 0, 3).text() == "请核实\n3. 依据不足"
    assert detail.changes.rowCount() == 1 and detail.changes_box.isVisibleTo(detail)
    assert cell(detail.changes, 0, 1).text().startswith("不符合")
    assert cell(detail.changes, 0, 2).text().startswith("基本符合")
    assert detail.notice.isVisibleTo(detail)
    assert detail.approve_button.isEnabled()
    with qtbot.waitSignal(tab.inspection_requested) as opened:
        detail.open_button.click()
    assert opened.args == [inspection_id]
    qtbot.keyClick(detail.criteria, Qt.Key.Key_Escape)  # Esc: the list again
    assert tab.stack.currentIndex() == 0
    assert failures == []
