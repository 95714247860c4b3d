"""The window's editors stop at the limits the services apply, and say how long a note is."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot
from ui_helpers import LOAD_TIMEOUT_MS, open_window, start_inspection_in

from inspector import assets
from inspector.app_paths import AppPaths
from inspector.services import text_limits
from inspector.services.context import AppContext
from inspector.services.sites_csv import import_sites

VILLAGE = "上塘村教学站"


@pytest.fixture
def sites(context: AppContext) -> AppPaths:
    with context.db.transaction() as session:
        import_sites(session, assets.real_path(assets.resource("demo", "sites.csv")))
    context.close()
    return context.paths


def stored_notes(paths: AppPaths) -> list[str]:
    with sqlite3.connect(paths.database) as connection:
        rows = connection.execute("SELECT note FROM responses WHERE note != ''").fetchall()
    connection.close()
    return [note for (note,) in rows]


def test_a_note_stops_at_its_limit_and_shows_its_length(qtbot: QtBot, sites: AppPaths) -> None:
    with open_window(qtbot, sites) as window:
        start_inspection_in(qtbot, window, VILLAGE)
        page = window.checklist
        assert page is not None
        card = page.current_card()
        assert card is not None
        assert card.counter.isHidden()
        card.note.insertPlainText("记" * 17_999)
        assert card.counter.isHidden()  # under 90 %: nothing to say
        card.note.insertPlainText("录" * 1_000)
        assert not card.counter.isHidden() and card.counter.text() == "18,999 / 20,000 characters"
        # A paste that does not fit is cut where it went in; the text after the cursor stays.
        cursor = card.note.textCursor()
        cursor.setPosition(5)
        card.note.setTextCursor(cursor)
        card.note.insertPlainText("粘" * 5_000)
        text = card.note.toPlainText()
        assert len(text) == text_limits.NOTE_MAX
        assert text == "记" * 5 + "粘" * 1_001 + "记" * 17_994 + "录" * 1_000
        assert card.counter.text() == "20,000 / 20,000 characters"
        qtbot.keyClicks(card.note, "x")
        assert card.note.toPlainText() == text  # typing at the limit adds nothing
        failures: list[BaseException] = []
        page.saver.failed.connect(failures.append)
        card.flush_note()
        qtbot.waitUntil(lambda: page.saver.pending == 0, timeout=LOAD_TIMEOUT_MS)
        assert failures == []
        assert stored_notes(sites) == [text]


def test_a_longer_note_from_before_is_shown_whole_and_may_only_shrink(
    qtbot: QtBot, sites: AppPaths
) -> None:
    with open_window(qtbot, sites) as window:
        start_inspection_in(qtbot, window, VILLAGE)
        page = window.checklist
        assert page is not None and page.data is not None
        card = page.current_card()
        assert card is not None
        long_note = "旧" * 25_000  # written by an older version, which had no limit
        with sqlite3.connect(sites.database) as connection:
            connection.execute(
                "INSERT INTO responses (id, created_at, updated_at, revision, inspection_id, "
                "criterion_id, note) VALUES ('r1', '2026-01-01 00:00:00.000000', "
                "'2026-01-01 00:00:00.000000', 1, ?, ?, ?)",
                (page.data.inspection_id, card.criterion.id, long_note))
        connection.close()
        with qtbot.waitSignal(page.loaded, timeout=LOAD_TIMEOUT_MS):
            page.reload()
        card = page.current_card()
        assert card is not None
        assert card.note.toPlainText() == long_note
        assert card.counter.text().startswith("25,000 / 20,000 characters: shorten the note")
        failures: list[BaseException] = []
        page.saver.failed.connect(failures.append)
        card.note.moveCursor(QTextCursor.MoveOperation.End)
        qtbot.keyClicks(card.note, "x")
        assert card.note.toPlainText() == long_note  # not longer
        cursor = card.note.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.KeepAnchor, 10)
        cursor.removeSelectedText()
        card.flush_note()  # still too long: kept in the field, not sent to be refused
        assert page.saver.pending == 0 and stored_notes(sites) == [long_note]
        cursor.movePosition(QTextCursor.MoveOperation.Start, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        card.note.insertPlainText("新" * 20_000)
        assert card.counter.text() == "20,000 / 20,000 characters"
        card.flush_note()
        qtbot.waitUntil(lambda: page.saver.pending == 0, timeout=LOAD_TIMEOUT_MS)
        assert failures == [] and stored_notes(sites) == ["新" * 20_000]


def test_the_dialogs_stop_names_at_their_limits(qtbot: QtBot, sites: AppPaths) -> None:
    with open_window(qtbot, sites) as window:
        controller = window.inspections
        site = window.tree.site_named(VILLAGE)
        assert controller is not None and site is not None
        dialog = controller.start_dialog(site, [])
        qtbot.addWidget(dialog)
        assert dialog.inspectors.maxLength() == text_limits.NAMES_MAX
        assert dialog.site_staff.maxLength() == text_limits.NAMES_MAX
        dialog.inspectors.setText("王" * 300)
        assert dialog.inspectors.text() == "王" * 200
