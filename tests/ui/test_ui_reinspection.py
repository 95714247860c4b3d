"""A re-inspection (复查) on the field laptop: started from its assignment (the Sync screen's
list, or the start dialog of its site), it shows the items to verify with the original
finding and the "before" photos; verdicts, notes and "after" photos are saved at once and
are there when the page is opened again; completing is refused until every item has a
verdict (and a note when not rectified). Built across an office and a field data folder
through real bundle files."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot
from supervision_helpers import (
    NOTES,
    REQUIREMENTS,
    SITE,
    TODAY,
    Loop,
    photo_bytes,
    reinspection_ordered,
)

from inspector.domain.supervision import Verdict
from inspector.services import api
from inspector.services.api import office
from inspector.services.inspections import IncompleteError
from inspector.services.site_tree import SiteNode
from inspector.ui.app import install_translators
from inspector.ui.core.operations import Operations
from inspector.ui.core.settings import UiSettings
from inspector.ui.core.worker import InlineWorker
from inspector.ui.dialogs.start import StartInspectionDialog
from inspector.ui.pages.checklist.inspection_controller import InspectionController
from inspector.ui.pages.checklist.page import ChecklistPage
from inspector.ui.pages.reinspection.finish import CompleteReinspectionDialog, MissingItemsDialog
from inspector.ui.pages.sync.assignments import AssignmentsPanel

SHOTS = os.environ.get("INSPECTOR_SCREENSHOTS")  # a folder to save screenshots in, if set


@pytest.fixture
def ordered(tmp_path: Path) -> Iterator[tuple[Loop, str]]:
    loop, order = reinspection_ordered(tmp_path)
    yield loop, order
    loop.close()


def _site(loop: Loop) -> SiteNode:
    found = [node for root in api.sites.load_site_tree(loop.field) for node in _walk(root)
             if node.id == SITE]
    return found[0]


def _walk(node: SiteNode) -> Iterator[SiteNode]:
    yield node
    for child in node.children:
        yield from _walk(child)


def _checks(loop: Loop, inspection_id: str) -> dict[str, tuple[Verdict | None, str, int]]:
    return {c.item_id: (c.verdict, c.note, len(c.after_photo_ids))
            for c in office.reinspection_checks(loop.field, inspection_id)}


def test_started_from_its_assignment_it_shows_the_items_with_their_before_photos(
        qtbot: QtBot, ordered: tuple[Loop, str]) -> None:
    loop, order = ordered
    ops = Operations(InlineWorker())
    panel = AssignmentsPanel(ops=ops, context=lambda: loop.field)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.work_loaded, timeout=5000):
        panel.show_overview(api.sync.load_overview(loop.field))
    row = next(i for i, item in enumerate(panel.items) if item.id == order)
    state = panel.table.item(row, 0)
    assert state is not None
    assert state.text().startswith(panel.tr("Re-inspection of %n item(s)", "", 3))
    assert not panel.start_button.isHidden()
    panel.table.selectRow(row)
    assert panel.start_button.isEnabled()
    other = next(i for i, item in enumerate(panel.items) if item.id != order)
    panel.table.selectRow(other)  # the first visit's assignment, done: nothing to start
    assert not panel.start_button.isEnabled()

    dialog = panel.start_dialog(panel.work.reinspections[order])  # type: ignore[union-attr]
    qtbot.addWidget(dialog)
    assert dialog.chosen_reinspection() == order and dialog.kind.count() == 1
    assert dialog.inspectors.text() == "张三"  # the assigned inspector, none remembered yet
    dialog.site_staff.setText("站长 赵敏")
    with qtbot.waitSignal(panel.inspection_requested) as asked:
        panel.start_from(dialog)
    (inspection_id,) = asked.args

    page = ChecklistPage(ops, loop.field, "zh")
    qtbot.addWidget(page)
    page.open_inspection(inspection_id)
    assert page.is_reinspection and page.body.currentWidget() is page.reinspection
    assert page.data is not None and page.data.site_staff == "站长 赵敏"
    view = page.reinspection
    assert [card.check.criterion_id for card in view.cards] == loop.findings
    assert [card.check.finding for card in view.cards] == list(NOTES)
    assert [card.check.requirement for card in view.cards] == list(REQUIREMENTS)
    for card in view.cards:
        before = view.strips[(card.item_id, True)]
        assert before.inspection_id == loop.inspection_id and before.read_only
        assert [r.id for r in before.records] == list(card.check.before_photo_ids)
        assert len(before.records) == 1 and before.add_button.isHidden()
        after = view.strips[(card.item_id, False)]
        assert after.inspection_id == inspection_id and not after.read_only
        assert after.records == [] and card.verdict is None
    assert page.progress.text() == page.tr("%1/%2 items checked").replace(
        "%1", "0").replace("%2", "3")
    # The inspection that found the items opens as a checklist again, in the same page.
    page.open_inspection(loop.inspection_id)
    assert not page.is_reinspection and page.body.currentIndex() == 0
    assert view.cards == [] and page.current_card() is not None
    # The assignment now is the re-inspection under way: double-clicking opens it.
    with qtbot.waitSignal(panel.work_loaded, timeout=5000):
        panel.show_overview(api.sync.load_overview(loop.field))
    row = next(i for i, item in enumerate(panel.items) if item.id == order)
    assert panel.items[row].inspection_id == inspection_id and not panel.start_button.isEnabled()


def test_verdicts_notes_and_after_photos_are_kept_and_completing_waits_for_every_item(
        qtbot: QtBot, ordered: tuple[Loop, str], monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    loop, order = ordered
    ops = Operations(InlineWorker())
    page = ChecklistPage(ops, loop.field, "zh")
    qtbot.addWidget(page)
    window = QWidget()
    qtbot.addWidget(window)
    controller = InspectionController(window, page, ops, loop.field, UiSettings())
    offered: list[StartInspectionDialog] = []

    def start(dialog: StartInspectionDialog) -> int:
        offered.append(dialog)
        dialog.inspectors.setText("张三、李四")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(StartInspectionDialog, "exec", start)
    with qtbot.waitSignal(controller.opened):
        controller.start(_site(loop), [])
    (dialog,) = offered
    assert dialog.kind.count() == 2 and dialog.chosen_reinspection() == order  # offered first
    assert page.is_reinspection and page.data is not None
    inspection_id = page.data.inspection_id
    view = page.reinspection
    first, second, third = (card.item_id for card in view.cards)

    page.show()
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)

    def key(which: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
            ) -> None:
        qtbot.keyClick(QApplication.focusWidget() or page, which, modifier)

    key(Qt.Key.Key_1)  # the first item: rectified
    key(Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    key(Qt.Key.Key_2)  # the second: not rectified, no note yet
    assert view.cards[1].missing_note
    checks = _checks(loop, inspection_id)
    assert checks[first][0] is Verdict.RECTIFIED and checks[second] == (
        Verdict.NOT_RECTIFIED, "", 0)
    assert page.progress.text().startswith("2/3")

    missing: list[list[str]] = []

    def listed(dialog: MissingItemsDialog) -> int:
        missing.append([dialog.list.item(i).text() for i in range(dialog.list.count())])
        return QDialog.DialogCode.Accepted  # "Go to it": the first of them

    monkeypatch.setattr(MissingItemsDialog, "exec", listed)
    controller.finish()
    assert len(missing) == 1 and len(missing[0]) == 2
    assert MissingItemsDialog.tr("not rectified: needs a note") in missing[0][0]
    assert MissingItemsDialog.tr("no verdict") in missing[0][1]
    assert view.current_card() is view.cards[1]  # gone to the item without its note
    assert not api.inspections.load_checklist(loop.field, inspection_id).completed
    with pytest.raises(IncompleteError):
        api.inspections.complete(loop.field, inspection_id, "张三")

    key(Qt.Key.Key_F2)
    assert QApplication.focusWidget() is view.cards[1].note
    view.cards[1].note.insertPlainText("仍借用村委会议室")  # typed (an input method)
    key(Qt.Key.Key_Escape)  # leaving the note saves it at once
    assert _checks(loop, inspection_id)[second] == (Verdict.NOT_RECTIFIED, "仍借用村委会议室", 0)
    view.cards[2].verdict_buttons[Verdict.RECTIFIED].click()
    photo = tmp_path / "整改后.jpg"
    photo.write_bytes(photo_bytes(9))
    view.strips[(first, False)].add_paths([photo])
    view.cards[0].note.setPlainText("已落实80平方米教室")
    page.flush()  # as leaving the page or closing the window does
    checks = _checks(loop, inspection_id)
    assert checks == {first: (Verdict.RECTIFIED, "已落实80平方米教室", 1),
                      second: (Verdict.NOT_RECTIFIED, "仍借用村委会议室", 0),
                      third: (Verdict.RECTIFIED, "", 0)}

    # Opened again (a new page, as after restarting): what was entered is there.
    again = ChecklistPage(ops, loop.field, "zh")
    qtbot.addWidget(again)
    again.open_inspection(inspection_id)
    cards = again.reinspection.cards
    assert [c.verdict for c in cards] == [Verdict.RECTIFIED, Verdict.NOT_RECTIFIED,
                                          Verdict.RECTIFIED]
    assert cards[1].verdict_buttons[Verdict.NOT_RECTIFIED].isChecked()
    assert [c.note.toPlainText() for c in cards] == ["已落实80平方米教室", "仍借用村委会议室", ""]
    assert len(again.reinspection.strips[(first, False)].records) == 1

    completing: list[str] = []

    def complete(dialog: CompleteReinspectionDialog) -> int:
        completing.append(dialog.summary.text())
        dialog.actor.setText("张三")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(CompleteReinspectionDialog, "exec", complete)
    controller.finish()
    assert completing and "2" in completing[0] and "1" in completing[0]
    assert page.data is not None and page.data.completed
    assert all(not b.isEnabled() for c in view.cards for b in c.verdict_buttons.values())
    assert view.cards[1].note.isReadOnly()
    assert office.reinspection_checks(loop.field, inspection_id)[0].verdict is not None
    assert page.data.visit_date == TODAY


def test_a_reinspection_in_chinese(qtbot: QtBot, ordered: tuple[Loop, str],
                                   tmp_path: Path) -> None:
    """The view as the inspector sees it (a screenshot when INSPECTOR_SCREENSHOTS is set)."""
    loop, order = ordered
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = install_translators(app, "zh_CN")
    try:
        inspection_id = office.start_reinspection(loop.field, order, TODAY, "张三、李四")
        ops = Operations(InlineWorker())
        page = ChecklistPage(ops, loop.field, "zh")
        qtbot.addWidget(page)
        page.open_inspection(inspection_id)
        view = page.reinspection
        view.cards[0].set_verdict(Verdict.RECTIFIED)
        view.cards[0].note.setPlainText("已腾出村文化礼堂二楼80平方米教室，新购桌椅30套。")
        photo = tmp_path / "IMG_3001.jpg"
        photo.write_bytes(photo_bytes(7))
        view.strips[(view.cards[0].item_id, False)].add_paths([photo])
        view.cards[1].set_verdict(Verdict.NOT_RECTIFIED)
        page.resize(1280, 800)
        page.show()
        qtbot.waitExposed(page)
        assert page.title.text().startswith("复查")
        assert "已整改" in view.cards[0].verdict_buttons[Verdict.RECTIFIED].text()
        assert "未整改" in view.cards[0].verdict_buttons[Verdict.NOT_RECTIFIED].text()
        if SHOTS:
            QApplication.processEvents()  # the layouts asked for by what was just shown
            page.grab().save(str(Path(SHOTS) / "field_reinspection.png"))
    finally:
        for translator in translators:
            app.removeTranslator(translator)
