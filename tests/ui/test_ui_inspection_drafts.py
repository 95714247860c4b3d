"""One inspection in progress per site in the window: continuing it, and deleting one by mistake."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from ui_helpers import LOAD_TIMEOUT_MS, add_completed_inspection, open_window, start_inspection_in

from inspector.services import inspections
from inspector.services.context import AppContext, open_context
from inspector.services.sites import find_by_code
from inspector.ui.dialogs.details import InspectionDetailsDialog
from inspector.ui.main_window import MainWindow

VILLAGE, VILLAGE_CODE = "上塘村教学站", "330799101202"


def _draft(context: AppContext, visit: date = date(2026, 11, 27)) -> str:
    """An inspection in progress of the village, with two ratings and a note."""
    with context.db.transaction() as session:
        site = find_by_code(session, VILLAGE_CODE)
        assert site is not None
        draft = inspections.start_inspection(session, site.id, visit, "王芳")
        criteria = inspections.load_state(session, draft.id).criteria
        inspections.set_rating(session, draft.id, criteria[0].id, "meets")
        inspections.set_rating(session, draft.id, criteria[1].id, "partly")
        inspections.set_note(session, draft.id, criteria[1].id, "制度未上墙")
        return draft.id


def _select_village(qtbot: QtBot, window: MainWindow, count: int) -> None:
    site = window.tree.site_named(VILLAGE)
    assert site is not None
    window.tree.select_site(site.id)
    qtbot.waitUntil(lambda: len(window.history.listings) == count, timeout=LOAD_TIMEOUT_MS)


def _listed_ids(paths: object) -> list[str]:
    context = open_context(paths)  # type: ignore[arg-type]
    try:
        with context.db.session() as session:
            return [listing.id for listing in inspections.list_inspections(session)]
    finally:
        context.close()


class Questions:
    """QMessageBox.question answered as a test says, remembering what was asked."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, answer: QMessageBox.StandardButton):
        self.asked: list[tuple[str, str]] = []
        self.answer = answer

        def question(_parent: object, title: str, text: str, *_args: object) -> object:
            self.asked.append((title, text))
            return self.answer

        monkeypatch.setattr(QMessageBox, "question", staticmethod(question))


def test_starting_a_site_with_an_inspection_in_progress_offers_to_continue_it(
    qtbot: QtBot, demo_context: AppContext, monkeypatch: pytest.MonkeyPatch,
) -> None:
    draft = _draft(demo_context)
    paths = demo_context.paths
    demo_context.close()
    questions = Questions(monkeypatch, QMessageBox.StandardButton.No)
    with open_window(qtbot, paths) as window:
        _select_village(qtbot, window, 1)
        assert window.inspections is not None
        window.start_inspection()  # "Start inspection…": no start dialog, a question
        assert len(questions.asked) == 1
        assert "2026-11-27" in questions.asked[0][1] and "in progress" in questions.asked[0][1]
        assert window.pages.currentWidget() is window.sites_page  # "No" leaves everything

        questions.answer = QMessageBox.StandardButton.Yes
        with qtbot.waitSignal(window.inspections.opened, timeout=LOAD_TIMEOUT_MS) as opened:
            window.history.start_button.click()
        assert opened.args == [draft]
        assert window.pages.currentWidget() is window.checklist
    assert len(_listed_ids(paths)) == 3  # the demo's two completed ones and the draft


def test_a_draft_started_elsewhere_meanwhile_is_offered_not_refused(
    qtbot: QtBot, demo_context: AppContext, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The site's list was loaded before the other draft existed: the refusal becomes the offer."""
    paths = demo_context.paths
    demo_context.close()
    questions = Questions(monkeypatch, QMessageBox.StandardButton.Yes)
    with open_window(qtbot, paths) as window:
        _select_village(qtbot, window, 0)
        assert window.context is not None and window.inspections is not None
        draft = _draft(window.context)  # e.g. by the command line, while the window was open
        with qtbot.waitSignal(window.inspections.opened, timeout=LOAD_TIMEOUT_MS) as opened:
            start_inspection_in_background = window.inspections.start_dialog(
                window.tree.current_site(), [])  # type: ignore[arg-type]
            start_inspection_in_background.inspectors.setText("李明")
            window.inspections.start_from(start_inspection_in_background,
                                          window.tree.current_site())  # type: ignore[arg-type]
        assert opened.args == [draft]
        assert [text for _title, text in questions.asked] == [
            "This site has an inspection in progress (2026-11-27). Continue it?"]
    assert len(_listed_ids(paths)) == 3


def test_a_draft_is_deleted_from_the_sites_history_after_a_confirmation(
    qtbot: QtBot, demo_context: AppContext, monkeypatch: pytest.MonkeyPatch,
) -> None:
    done = add_completed_inspection(demo_context, VILLAGE_CODE, date(2026, 10, 8))
    draft = _draft(demo_context)
    paths = demo_context.paths
    demo_context.close()
    questions = Questions(monkeypatch, QMessageBox.StandardButton.No)
    with open_window(qtbot, paths) as window:
        _select_village(qtbot, window, 2)
        history = window.history
        assert window.inspections is not None
        assert history.selected_id() == draft and history.delete_button.isEnabled()
        history.list.setCurrentItem(history.list.topLevelItem(1))  # the completed one
        assert history.selected_id() == done and not history.delete_button.isEnabled()
        history.list.setFocus()
        qtbot.keyClick(history.list, Qt.Key.Key_Delete)  # nothing to ask for a completed one
        assert questions.asked == []

        history.list.setCurrentItem(history.list.topLevelItem(0))
        with qtbot.waitSignal(history.delete_requested, timeout=LOAD_TIMEOUT_MS):
            qtbot.keyClick(history.list, Qt.Key.Key_Delete)
        qtbot.waitUntil(lambda: len(questions.asked) == 1, timeout=LOAD_TIMEOUT_MS)
        _title, text = questions.asked[0]
        assert VILLAGE in text and "2026-11-27" in text
        assert "2 rating(s), 1 note(s) and 0 photo(s)" in text
        window.worker.wait(LOAD_TIMEOUT_MS)
        assert draft in _listed_ids(paths)  # "No": nothing deleted

        questions.answer = QMessageBox.StandardButton.Yes
        with qtbot.waitSignal(window.inspections.deleted, timeout=LOAD_TIMEOUT_MS):
            history.delete_button.click()
        qtbot.waitUntil(lambda: [item.id for item in history.listings] == [done],
                        timeout=LOAD_TIMEOUT_MS)
        assert not history.delete_button.isEnabled()
    assert draft not in _listed_ids(paths) and done in _listed_ids(paths)


def test_the_open_draft_is_deleted_from_its_details(
    qtbot: QtBot, demo_context: AppContext, monkeypatch: pytest.MonkeyPatch,
) -> None:
    paths = demo_context.paths
    demo_context.close()
    questions = Questions(monkeypatch, QMessageBox.StandardButton.Yes)

    def choose_delete(dialog: InspectionDetailsDialog) -> int:
        dialog.delete_button.click()
        return dialog.result()

    monkeypatch.setattr(InspectionDetailsDialog, "exec", choose_delete)
    with open_window(qtbot, paths) as window:
        start_inspection_in(qtbot, window, VILLAGE)
        page = window.checklist
        assert page is not None and page.data is not None and window.inspections is not None
        inspection_id = page.data.inspection_id
        page.cards[0].rate_by_number(1)
        with qtbot.waitSignal(window.inspections.deleted, timeout=LOAD_TIMEOUT_MS):
            page.details_button.click()
        assert "1 rating(s), 0 note(s) and 0 photo(s)" in questions.asked[0][1]
        assert page.data is None
        assert window.pages.currentWidget() is window.sites_page
        qtbot.waitUntil(lambda: window.history.listings == [] and window.history.isEnabled(),
                        timeout=LOAD_TIMEOUT_MS)
        page.flush()  # leaving the page later saves nothing to the deleted inspection
        assert page.saver.pending == 0
    assert inspection_id not in _listed_ids(paths)
