"""The inspection walk-through with real widgets: start, rate by keyboard, notes, finish, reopen."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot
from ui_helpers import LOAD_TIMEOUT_MS, open_window, start_inspection_in

from inspector.services.context import AppContext, open_context
from inspector.services.inspections import events, load_state
from inspector.ui.dialogs.finish import MissingDialog, SummaryDialog
from inspector.ui.main_window import MainWindow

VILLAGE = "上塘村教学站"


def _wait_saved(qtbot: QtBot, window: MainWindow) -> None:
    assert window.checklist is not None
    qtbot.waitUntil(lambda: window.checklist is not None and window.checklist.saver.pending == 0,
                    timeout=LOAD_TIMEOUT_MS)


def _stored(context: AppContext, inspection_id: str) -> dict[str, tuple[str | None, str]]:
    with context.db.session() as session:
        state = load_state(session, inspection_id)
        return {cid: (r.rating, r.note) for cid, r in state.responses.items()}


def test_walk_through_by_keyboard(qtbot: QtBot, demo_context: AppContext,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    paths = demo_context.paths
    demo_context.close()
    with open_window(qtbot, paths) as window:
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=LOAD_TIMEOUT_MS)
        start_inspection_in(qtbot, window, VILLAGE)
        page = window.checklist
        assert page is not None and page.data is not None
        qtbot.waitUntil(lambda: page.isAncestorOf(QApplication.focusWidget()),
                        timeout=LOAD_TIMEOUT_MS)
        inspection_id = page.data.inspection_id
        criteria = [c for _level2, group in page.groups for c in group]
        assert len(criteria) == 21  # a village station's checklist

        assert page.progress.text() == "0/21 rated" and page.progress.isVisibleTo(page)

        # Rate everything "meets" with the keyboard, except the second: "partly".
        for index, _criterion in enumerate(criteria):
            if index == 9:
                assert page.progress.text() == "9/21 rated"  # the whole checklist's progress
            focus = QApplication.focusWidget() or page
            qtbot.keyClick(focus, Qt.Key.Key_2 if index == 1 else Qt.Key.Key_1)
            qtbot.keyClick(QApplication.focusWidget() or page, Qt.Key.Key_Down,
                           Qt.KeyboardModifier.ControlModifier)
        _wait_saved(qtbot, window)
        stored = _stored(window.context, inspection_id)  # type: ignore[arg-type]
        assert len(stored) == 21
        assert stored[criteria[1].id][0] == "partly"
        assert {rating for rating, _note in stored.values()} == {"meets", "partly"}
        assert page.indicators.topLevelItem(0).text(1).count("/") == 1

        # Finishing is blocked: the partly rating has no note; the dialog says which.
        shown: list[list[tuple[str, str]]] = []

        def missing_exec(dialog: MissingDialog) -> int:
            shown.append([(p.criterion_id, p.reason) for p in dialog_problems(dialog)])
            return QDialog.DialogCode.Accepted

        def dialog_problems(dialog: MissingDialog):  # type: ignore[no-untyped-def]
            return [type("P", (), {"criterion_id": dialog.list.item(i).data(256),
                                   "reason": dialog.list.item(i).text()})
                    for i in range(dialog.list.count())]

        monkeypatch.setattr(MissingDialog, "exec", missing_exec)
        handle = window.inspections.finish()  # type: ignore[union-attr]
        assert handle is not None
        with qtbot.waitSignal(handle.done, timeout=LOAD_TIMEOUT_MS):
            pass
        assert len(shown) == 1 and shown[0][0][0] == criteria[1].id
        card = page.current_card()
        assert card is not None and card.criterion.id == criteria[1].id  # "Go to it"

        # Write the note (F2 focuses it), then finish.
        qtbot.keySequence(QApplication.focusWidget() or page, QKeySequence("F2"))
        assert card.note.hasFocus()
        card.note.insertPlainText("制度未上墙")  # Chinese arrives through the input method
        card.flush_note()
        _wait_saved(qtbot, window)
        assert _stored(window.context, inspection_id)[criteria[1].id] == (  # type: ignore[arg-type]
            "partly", "制度未上墙")

        monkeypatch.setattr(SummaryDialog, "exec", lambda _d: QDialog.DialogCode.Accepted)
        handle = window.inspections.finish()  # type: ignore[union-attr]
        assert handle is not None
        with qtbot.waitSignal(page.loaded, timeout=LOAD_TIMEOUT_MS):
            pass
        assert page.data is not None and page.data.completed
        assert page.reopen_button.isVisibleTo(page)
        with window.context.db.session() as session:  # type: ignore[union-attr]
            score = load_state(session, inspection_id).summary().overall.percent
        assert page.title.text().endswith(f"Score {score}")  # the result, in the header
        assert not page.progress.isVisibleTo(page)
        assert all(not b.isEnabled() for c in page.cards for b in c.rating_buttons.values())

        # Reopen: recorded with who and why; editable again.
        with qtbot.waitSignal(page.loaded, timeout=LOAD_TIMEOUT_MS):
            window.inspections.reopen_as("李明", "补充照片")  # type: ignore[union-attr]
        assert not page.data.completed
        assert page.cards and all(b.isEnabled() for b in page.cards[0].rating_buttons.values())
        context = open_context(paths)
        try:
            with context.db.session() as session:
                kinds = [(e.kind, e.actor, e.reason) for e in events(session, inspection_id)]
        finally:
            context.close()
        assert kinds == [("completed", "王芳、李明", ""), ("reopened", "李明", "补充照片")]


def test_ctrl_i_adds_photos_to_the_current_criterion(qtbot: QtBot, demo_context: AppContext,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from inspector.ui.widgets.photo_strip import PhotoStrip

    paths = demo_context.paths
    demo_context.close()
    asked: list[PhotoStrip] = []
    monkeypatch.setattr(PhotoStrip, "choose_files", lambda strip: asked.append(strip))
    with open_window(qtbot, paths) as window:
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=LOAD_TIMEOUT_MS)
        start_inspection_in(qtbot, window, VILLAGE)
        page = window.checklist
        assert page is not None
        qtbot.waitUntil(lambda: page.isAncestorOf(QApplication.focusWidget()),
                        timeout=LOAD_TIMEOUT_MS)  # the page has opened and has the keyboard
        page.move_criterion(1)
        card = page.current_card()
        assert card is not None
        second = card.criterion.id
        assert second != page.cards[0].criterion.id
        with qtbot.waitSignal(page.add_photos_requested, timeout=LOAD_TIMEOUT_MS) as requested:
            qtbot.keyClick(page, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
        assert requested.args == [second]
        assert asked == [page.strips[second]]


def test_revisit_shows_the_previous_answers(qtbot: QtBot, demo_context: AppContext) -> None:
    from ui_helpers import add_completed_inspection

    add_completed_inspection(demo_context, "330799101202", date(2026, 10, 8))
    paths = demo_context.paths
    demo_context.close()
    with open_window(qtbot, paths) as window:
        site = window.tree.site_named(VILLAGE)
        assert site is not None
        window.tree.select_site(site.id)
        qtbot.waitUntil(lambda: len(window.history.listings) == 1, timeout=LOAD_TIMEOUT_MS)
        assert window.history.list.topLevelItem(0).text(0) == "2026-10-08"
        start_inspection_in(qtbot, window, VILLAGE, previous=True)
        page = window.checklist
        assert page is not None and page.data is not None
        assert page.data.previous_date == date(2026, 10, 8)
        first = page.cards[0]
        assert "制度未上墙" in first.previous.text()


def test_reopen_dialog_has_the_name_from_the_settings_and_refuses_none(
    qtbot: QtBot, demo_context: AppContext, monkeypatch: pytest.MonkeyPatch,
) -> None:
    from ui_helpers import add_completed_inspection

    from inspector.ui.core.settings import UiSettings
    from inspector.ui.dialogs.finish import ReopenDialog

    done = add_completed_inspection(demo_context, "330799101202", date(2026, 10, 8))
    paths = demo_context.paths
    demo_context.close()
    shown: list[ReopenDialog] = []

    def cancel(dialog: ReopenDialog) -> int:
        shown.append(dialog)
        qtbot.addWidget(dialog)
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(ReopenDialog, "exec", cancel)
    with open_window(qtbot, paths, UiSettings(inspector_name="王芳")) as window:
        controller = window.inspections
        assert controller is not None
        with qtbot.waitSignal(controller.opened, timeout=LOAD_TIMEOUT_MS):
            window.open_inspection(done)
        window.checklist.reopen_button.click()  # type: ignore[union-attr]
        assert shown[-1].actor.text() == "王芳"
        window.settings = UiSettings(inspector_name="李明")  # changed in Settings meanwhile
        controller.reopen()
        assert shown[-1].actor.text() == "李明"

        dialog = ReopenDialog("", window)
        qtbot.addWidget(dialog)
        assert dialog.actor.text() == "" and not dialog.problem.isVisibleTo(dialog)
        dialog.reopen_button.click()
        assert dialog.result() != QDialog.DialogCode.Accepted
        assert dialog.problem.isVisibleTo(dialog) and "name" in dialog.problem.text()
        dialog.actor.setText("赵刚")
        dialog.reopen_button.click()
        assert dialog.result() == QDialog.DialogCode.Accepted


def test_finishing_asks_for_the_overall_comment_and_not_applicable_needs_a_reason(
    qtbot: QtBot, demo_context: AppContext, monkeypatch: pytest.MonkeyPatch,
) -> None:
    from inspector.services import inspections

    paths = demo_context.paths
    demo_context.close()
    with open_window(qtbot, paths) as window:
        start_inspection_in(qtbot, window, VILLAGE)
        page = window.checklist
        assert page is not None and page.data is not None and window.context is not None
        inspection_id = page.data.inspection_id
        criteria = [c for _level2, group in page.groups for c in group]
        with window.context.db.transaction() as session:
            for criterion in criteria:
                inspections.set_rating(session, inspection_id, criterion.id, "meets")
            inspections.set_rating(session, inspection_id, criteria[3].id, "not_applicable")
        with qtbot.waitSignal(page.loaded, timeout=LOAD_TIMEOUT_MS):
            page.reload()
        assert page.progress.text() == "21/21 rated"

        # The overall comment has its own section, after the general photos.
        tree = page.indicators
        assert tree.top_items()[-1] is tree.overall_item()
        assert tree.overall_item().text(0) == "Overall comment"  # type: ignore[union-attr]
        page.show_overall_comment()
        assert page.overall_comment is not None and page.overall_comment.hasFocus()
        page.overall_comment.insertPlainText("场地整洁")
        page.flush()
        _wait_saved(qtbot, window)
        assert tree.overall_item().text(1) == "✓"  # type: ignore[union-attr]

        # 不适用 without a reason stops the finish, and the dialog says what is needed.
        listed: list[str] = []

        def missing_exec(dialog: MissingDialog) -> int:
            listed.extend(dialog.list.item(i).text() for i in range(dialog.list.count()))
            return QDialog.DialogCode.Rejected

        monkeypatch.setattr(MissingDialog, "exec", missing_exec)
        handle = window.inspections.finish()  # type: ignore[union-attr]
        assert handle is not None
        with qtbot.waitSignal(handle.done, timeout=LOAD_TIMEOUT_MS):
            pass
        assert len(listed) == 1 and "why it does not apply" in listed[0]
        with window.context.db.transaction() as session:
            inspections.set_note(session, inspection_id, criteria[3].id, "本站点不承担该项工作")

        # The finish dialog shows the overall comment to complete; an empty one is refused.
        seen: list[SummaryDialog] = []

        def summary_exec(dialog: SummaryDialog) -> int:
            seen.append(dialog)
            qtbot.addWidget(dialog)
            dialog.show()
            dialog.activateWindow()
            qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
            assert dialog.comment() == "场地整洁" and dialog.complete_button.isDefault()
            dialog.overall_comment.clear()
            dialog.complete_button.click()
            assert dialog.result() != QDialog.DialogCode.Accepted
            assert dialog.problem.isVisibleTo(dialog) and "overall comment" in (
                dialog.problem.text())
            assert dialog.overall_comment.hasFocus()
            qtbot.keyClicks(dialog.overall_comment, "Well run; volunteers to be recorded.")
            dialog.complete_button.click()
            return dialog.result()

        monkeypatch.setattr(SummaryDialog, "exec", summary_exec)
        handle = window.inspections.finish()  # type: ignore[union-attr]
        assert handle is not None
        with qtbot.waitSignal(page.loaded, timeout=LOAD_TIMEOUT_MS):
            pass
        assert seen and page.data is not None and page.data.completed
        assert page.data.general_note == "Well run; volunteers to be recorded."
    context = open_context(paths)
    try:
        with context.db.session() as session:
            stored = load_state(session, inspection_id).inspection
            assert (stored.status, stored.general_note) == (
                "completed", "Well run; volunteers to be recorded.")
    finally:
        context.close()


def test_the_last_inspectors_are_remembered_beside_the_settings(
    tmp_path: Path, caplog: pytest.LogCaptureFixture,
) -> None:
    from inspector.ui.core.settings import UiSettings, load_settings, save_settings
    from inspector.ui.pages.checklist.inspection_controller import (
        last_inspectors,
        remember_inspectors,
    )

    settings_file = tmp_path / "data" / "settings.json"
    assert last_inspectors(settings_file) == ""  # no file yet: nothing to suggest
    save_settings(settings_file, UiSettings(language="en", inspector_name="王芳"))
    assert remember_inspectors(settings_file, "王芳、李明")
    assert last_inspectors(settings_file) == "王芳、李明"
    # The window's own settings are kept, and saving them keeps the names.
    assert load_settings(settings_file) == UiSettings(language="en", inspector_name="王芳")
    save_settings(settings_file, UiSettings(language="zh_CN", inspector_name="李明"))
    assert last_inspectors(settings_file) == "王芳、李明"

    settings_file.write_text("{not json", encoding="utf-8")  # damaged: nothing suggested
    assert last_inspectors(settings_file) == ""
    assert "unreadable" in caplog.text
    assert remember_inspectors(settings_file, "赵刚")  # ... and replaced by a good file
    assert json.loads(settings_file.read_text(encoding="utf-8")) == {
        "last_inspectors": "赵刚"}

    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the data folder should be", encoding="utf-8")
    assert not remember_inspectors(blocked / "settings.json", "赵刚")  # logged, not raised
    assert "could not remember" in caplog.text
