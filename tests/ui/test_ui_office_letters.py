"""The letters of the office's letters-and-rectification tab, on a real office data folder,
its operations run at once on the UI thread (:class:`InlineWorker`): a draft's items
edited (the editor, in place), merged, dropped and added again, and the letter issued
from its dialog (a past deadline refused there)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from ledger_helpers import TODAY, Office, office_folder
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QTableWidget,
)
from pytestqt.qtbot import QtBot

from inspector.domain.supervision import ItemState, SupervisionError
from inspector.services.api import office
from inspector.ui.core.operations import Change, Changed, Operations
from inspector.ui.core.worker import InlineWorker
from inspector.ui.dialogs.letter_issue import LetterIssueDialog
from inspector.ui.pages.office.letters_items import RESPONSIBLE, ItemEditDialog
from inspector.ui.pages.office.letters_tab import LedgerTab

Shown = list[BaseException]


@pytest.fixture
def made(tmp_path: Path) -> Iterator[Office]:
    folder = office_folder(tmp_path)
    yield folder
    folder.context.close()


def _tab(qtbot: QtBot, made: Office, shown: Shown | None = None
         ) -> tuple[LedgerTab, Operations]:
    failures = shown if shown is not None else []
    ops = Operations(InlineWorker(), show_failure=lambda _p, exc, _t: failures.append(exc))
    tab = LedgerTab(ops, lambda: "王主任")
    qtbot.addWidget(tab)
    tab.resize(1280, 800)
    tab.set_context(made.context)
    return tab, ops


def _text(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    assert item is not None
    return item.text()


def _items(made: Office, letter_id: str) -> list[str]:
    return [item.id for item in office.letter(made.context, letter_id).items]


def test_the_letters_are_listed_drafts_first_with_numbers_and_counts(
        qtbot: QtBot, made: Office) -> None:
    tab, _ops = _tab(qtbot, made)
    letters = tab.letters.letters
    rows = [[_text(letters, r, c) for c in range(letters.columnCount())]
            for r in range(letters.rowCount())]
    assert rows[0][:2] == ["溪口村教学站", tab.letters.tr("Draft")] and rows[0][4] == "4"
    assert {row[0] for row in rows[1:]} == {"东门社区教学点", "白沙村教学站"}
    assert all(row[1].startswith("县教督〔") for row in rows[1:])
    assert tab.letters.current_letter() is not None
    assert tab.letters.current_letter().id == made.draft_letter  # type: ignore[union-attr]
    assert tab.letters.items.rowCount() == 4
    assert tab.tabs.tabText(2).endswith("(1)")  # one conflict waits


def test_issuing_from_the_dialog_opens_the_items_and_shows_the_number(
        qtbot: QtBot, made: Office, monkeypatch: pytest.MonkeyPatch) -> None:
    tab, ops = _tab(qtbot, made)
    announced: list[Changed] = []
    ops.changed.connect(announced.append)
    tab.letters.select_letter(made.draft_letter)
    seen: list[str] = []

    def fill(dialog: LetterIssueDialog) -> int:
        seen.append(dialog.number.text())
        assert dialog.issued_by.text() == "王主任"  # the actor, by default
        deadline = TODAY + timedelta(days=45)
        dialog.deadline.setDate(QDate(deadline.year, deadline.month, deadline.day))
        assert dialog.ok_button.isEnabled()
        dialog.ok_button.click()
        return dialog.result()

    monkeypatch.setattr(LetterIssueDialog, "exec", fill)
    assert tab.letters.issue_button.isEnabled()
    tab.letters.issue_button.click()
    letter = office.letter(made.context, made.draft_letter)
    assert letter.issued_on == TODAY and letter.deadline == TODAY + timedelta(days=45)
    assert letter.issued_by == "王主任"
    assert seen == [letter.number] == [f"县教督〔{TODAY.year}〕3号"]  # the number foretold
    assert all(item.state is ItemState.OPEN for item in letter.items)
    assert announced and announced[-1].touches(Change.SUPERVISION)
    current = tab.letters.current_letter()
    assert current is not None and current.id == made.draft_letter  # still chosen, reread
    row = next(r for r in range(tab.letters.letters.rowCount())
               if _text(tab.letters.letters, r, 0) == "溪口村教学站")
    assert _text(tab.letters.letters, row, 1) == letter.number
    assert letter.number in tab.letters.status.text()
    assert not tab.letters.issue_button.isEnabled() and not tab.letters.merge_button.isEnabled()


def test_a_past_deadline_cannot_be_issued(qtbot: QtBot, made: Office,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    tab, _ops = _tab(qtbot, made)
    tab.letters.select_letter(made.draft_letter)
    problems: list[str] = []

    def past(dialog: LetterIssueDialog) -> int:
        yesterday = TODAY - timedelta(days=1)
        dialog.deadline.setDate(QDate(yesterday.year, yesterday.month, yesterday.day))
        problems.append(dialog.problem.text())
        assert not dialog.ok_button.isEnabled()
        dialog._accept_if_valid()  # what Enter would do: refused, the dialog stays open
        assert dialog.result() == QDialog.DialogCode.Rejected and dialog.problem.text()
        dialog.reject()
        return dialog.result()

    monkeypatch.setattr(LetterIssueDialog, "exec", past)
    assert tab.letters.issue() is None
    assert problems and (TODAY - timedelta(days=1)).isoformat() in problems[0]
    assert office.letter(made.context, made.draft_letter).issued_on is None


def test_an_empty_issuer_name_is_refused_in_the_dialog(qtbot: QtBot) -> None:
    dialog = LetterIssueDialog("溪口村教学站", 3, "县教督〔2026〕3号", "县人民政府教育督导室",
                               30, "", TODAY)
    qtbot.addWidget(dialog)
    assert dialog.deadline.date().toPython() == TODAY + timedelta(days=30)
    assert not dialog.ok_button.isEnabled() and dialog.problem.text()
    dialog.issued_by.setText("王主任")
    assert dialog.ok_button.isEnabled() and dialog.values() == (TODAY + timedelta(days=30),
                                                                "王主任")


def test_merging_and_dropping_items_of_a_draft(qtbot: QtBot, made: Office,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    tab, _ops = _tab(qtbot, made)
    panel = tab.letters
    panel.select_letter(made.draft_letter)
    first, second, third, fourth = _items(made, made.draft_letter)
    panel.items.clearSelection()
    panel.items.select_item(first)
    panel.items.selectionModel().select(
        panel.items.model().index(1, 0),
        panel.items.selectionModel().SelectionFlag.Select
        | panel.items.selectionModel().SelectionFlag.Rows)
    assert [i.id for i in panel.selected_items()] == [first, second]
    assert panel.merge_button.isEnabled() and not panel.drop_button.isEnabled()
    panel.merge_button.click()
    assert _items(made, made.draft_letter) == [first, third, fourth]
    merged = office.letter(made.context, made.draft_letter).items[0]
    assert "\n" in merged.finding and "\n" in merged.requirement
    assert panel.items.rowCount() == 3 and "2" in panel.status.text()

    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Yes]
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str, *_args: object) -> object:
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    panel.items.clearSelection()
    panel.items.select_item(fourth)
    panel.drop_button.click()  # asked, cancelled: nothing changes
    assert _items(made, made.draft_letter) == [first, third, fourth]
    panel.drop_button.click()
    assert _items(made, made.draft_letter) == [first, third]
    assert len(asked) == 2 and panel.items.rowCount() == 2

    # The dropped finding can be added again; only findings without an item are offered.
    offered: list[list[str]] = []

    def choose(_parent: object, _title: str, _label: str, items: list[str], *_a: object
               ) -> tuple[str, bool]:
        offered.append(items)
        return items[0], True

    monkeypatch.setattr(QInputDialog, "getItem", choose)
    panel.add_button.click()
    assert len(offered) == 1 and len(offered[0]) == 2  # the merged-away one and the dropped
    added = office.letter(made.context, made.draft_letter).items
    assert len(added) == 3 and added[-1].state is ItemState.DRAFT


def test_keys_enter_edits_and_delete_drops_with_confirmation(
        qtbot: QtBot, made: Office, monkeypatch: pytest.MonkeyPatch) -> None:
    tab, _ops = _tab(qtbot, made)
    tab.show()
    qtbot.waitExposed(tab)
    panel = tab.letters
    panel.select_letter(made.draft_letter)
    first = _items(made, made.draft_letter)[0]
    panel.items.clearSelection()
    panel.items.select_item(first)
    tab.activateWindow()
    panel.items.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.items)

    def edit(dialog: ItemEditDialog) -> int:
        dialog.requirement.setPlainText("腾退活动室，恢复固定教学场所并挂牌")
        dialog.responsible.setText("曾立军")
        dialog.own_deadline.setChecked(True)
        later = TODAY + timedelta(days=20)
        dialog.deadline.setDate(QDate(later.year, later.month, later.day))
        dialog.ok_button.click()
        return dialog.result()

    monkeypatch.setattr(ItemEditDialog, "exec", edit)
    qtbot.keyClick(panel.items, Qt.Key.Key_Return)
    item = office.letter(made.context, made.draft_letter).items[0]
    assert (item.requirement, item.responsible, item.deadline) == (
        "腾退活动室，恢复固定教学场所并挂牌", "曾立军", TODAY + timedelta(days=20))

    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_a: QMessageBox.StandardButton.Yes)
    panel.items.setFocus()
    qtbot.keyClick(panel.items, Qt.Key.Key_Delete)
    assert first not in _items(made, made.draft_letter)


def test_a_cell_edited_in_place_is_saved(qtbot: QtBot, made: Office) -> None:
    shown: Shown = []
    tab, _ops = _tab(qtbot, made, shown)
    tab.show()
    qtbot.waitExposed(tab)
    panel = tab.letters
    panel.select_letter(made.draft_letter)
    first = _items(made, made.draft_letter)[0]
    index = panel.items.model().index(0, RESPONSIBLE)
    panel.items.setCurrentIndex(index)
    panel.items.edit(index)
    editors = [e for e in panel.items.viewport().findChildren(QLineEdit) if e.isVisible()]
    assert len(editors) == 1
    editors[0].setText("曾立军")
    with qtbot.waitSignal(panel.items.edited):  # Qt commits an editor on its next turn
        qtbot.keyClick(editors[0], Qt.Key.Key_Return)
    assert shown == []
    assert office.letter(made.context, made.draft_letter).items[0].responsible == "曾立军"
    assert _text(panel.items, 0, RESPONSIBLE) == "曾立军"
    assert panel.items.item_id(0) == first


def test_a_refused_change_is_shown_as_a_plain_message(qtbot: QtBot, made: Office) -> None:
    shown: Shown = []
    tab, _ops = _tab(qtbot, made, shown)
    issued = _items(made, made.issued_letter)[1]
    from inspector.ui.pages.office.letters_items import ItemEdit

    tab.letters.apply_edit(issued, ItemEdit(requirement="改写已发出的要求"))
    assert len(shown) == 1 and isinstance(shown[0], SupervisionError)
    assert "issued" in str(shown[0])


def test_a_letter_drafted_elsewhere_appears_when_the_approval_is_announced(
        qtbot: QtBot, made: Office) -> None:
    from ledger_helpers import approved_letter

    tab, ops = _tab(qtbot, made)
    tab.show()
    qtbot.waitExposed(tab)
    assert tab.letters.letters.rowCount() == 3
    approved_letter(made.context, "330799101202", 2, date.today())  # 上塘村教学站
    ops.announce(Change.INSPECTION)  # what the review screen's approval says
    names = {_text(tab.letters.letters, r, 0)
             for r in range(tab.letters.letters.rowCount())}
    assert "上塘村教学站" in names


def test_print_letter_saves_the_letter_as_a_pdf(qtbot: QtBot, made: Office,
                                               tmp_path: Path) -> None:
    from PySide6.QtWidgets import QFileDialog

    from inspector.ui.core.file_dialogs import FileDialogs

    tab, _ops = _tab(qtbot, made)
    panel = tab.letters
    chosen: list[str] = []

    def user(dialog: QFileDialog) -> bool:
        chosen.append(Path(dialog.selectedFiles()[0]).name)  # the name suggested
        dialog.selectFile(str(tmp_path / "letter"))
        return True

    panel.dialogs = FileDialogs(lambda: made.context.paths.settings_file, run=user, drives=list)
    panel.select_letter(made.issued_letter)
    assert panel.print_button.isEnabled()
    panel.print_button.click()
    number = office.letter(made.context, made.issued_letter).number
    assert chosen == [f"督导意见书-东门社区教学点-{number}.pdf"]
    written = tmp_path / "letter.pdf"  # the suffix added
    assert written.read_bytes().startswith(b"%PDF") and str(written) in panel.status.text()
