"""File → Check the data… and File → Restore a backup… in the window (offscreen)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
from datetime import date
from pathlib import Path

import pytest
from photo_samples import jpeg
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from ui_helpers import LOAD_TIMEOUT_MS, open_window

from inspector.app_paths import AppPaths
from inspector.services import inspections
from inspector.services.context import AppContext, open_context
from inspector.services.demo import load_demo
from inspector.services.photo_import import add_photos
from inspector.services.photo_store import PhotoStore
from inspector.services.sites import site_id_for_code
from inspector.storage.database import backup_database
from inspector.ui.core import errors
from inspector.ui.core.operations import Operations
from inspector.ui.core.settings import UiSettings
from inspector.ui.core.worker import Worker
from inspector.ui.dialogs.backups import BackupsDialog
from inspector.ui.dialogs.check import CheckDialog
from inspector.ui.main_window import MainWindow


def _photo(paths: AppPaths, name: str) -> Path:
    with sqlite3.connect(paths.database) as conn:
        sha = conn.execute("SELECT sha256 FROM photos WHERE original_name = ?",
                           (name,)).fetchone()[0]
    conn.close()
    found = PhotoStore.for_paths(paths).find(sha)
    assert found is not None
    return found


@pytest.fixture
def damaged(context: AppContext, tmp_path: Path) -> AppPaths:
    """Demo data, a visit in progress whose photo file is gone, a completed one's cut short."""
    load_demo(context)
    with context.db.transaction() as session:
        draft = inspections.start_inspection(session, site_id_for_code("330799001002"),
                                             date(2026, 11, 28), inspectors="王芳")
    with context.db.session() as session:
        add_photos(session, PhotoStore.for_paths(context.paths), draft.id, None,
                   [jpeg(tmp_path / "现场.jpg", seed=5)], workers=0)
    paths = context.paths
    context.close()
    _photo(paths, "现场.jpg").unlink()
    with open(_photo(paths, "demo-visit-2026-06-05.jpg"), "r+b") as handle:
        handle.truncate(1000)
    return paths


def _texts(dialog: CheckDialog) -> list[list[str]]:
    tree = dialog.findings
    return [[tree.topLevelItem(row).text(column) for column in range(5)]
            for row in range(tree.topLevelItemCount())]


def test_the_file_menu_offers_the_check_and_the_backups(
        qtbot: QtBot, damaged: AppPaths) -> None:
    with open_window(qtbot, damaged, UiSettings(language="en")) as window:
        texts = [action.text() for action in window.file_menu.actions()]
        assert "&Check the data…" in texts and "&Restore a backup…" in texts
        assert texts.index("&Check the data…") == texts.index("Open the &data folder") + 1


def test_the_check_names_each_problem_and_removes_a_visit_s_missing_photo(
        qtbot: QtBot, damaged: AppPaths, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    with open_window(qtbot, damaged, UiSettings(language="en")) as window:
        with qtbot.waitSignal(window.worker.idle, timeout=LOAD_TIMEOUT_MS):
            pass
        dialog = window.data_care.show_check()
        qtbot.addWidget(dialog)
        with qtbot.waitSignal(dialog.checked, timeout=LOAD_TIMEOUT_MS) as report:
            pass
        assert len(report.args[0].findings) == 2
        rows = _texts(dialog)
        assert ["Photo file missing", "西门社区教学点", "2026-11-28 (in progress)",
                "general photos of the visit", "现场.jpg"] in rows
        damaged_row = next(row for row in rows if row[0] == "Photo file damaged")
        assert damaged_row[1:3] == ["城关街道社区学校", "2026-06-03 (completed)"]
        assert damaged_row[3].startswith("criterion 11 “")
        assert dialog.heading.text() == "2 problem(s) found."
        assert dialog.remove_button.isVisibleTo(dialog) and dialog.remove_button.isEnabled()
        assert dialog.bundle_button.isEnabled() and not dialog.restore_button.isVisibleTo(dialog)
        assert "reopen the inspection" in dialog.hint.text()
        assert dialog.grab().save(str(tmp_path / "check-dialog.png"))
        monkeypatch.setattr(QMessageBox, "question",
                            lambda *args: QMessageBox.StandardButton.Yes)
        with qtbot.waitSignals([dialog.photos_removed, dialog.checked],
                               timeout=LOAD_TIMEOUT_MS) as _:
            dialog.remove_button.click()
        assert [row[4] for row in _texts(dialog)] == ["demo-visit-2026-06-05.jpg"]
        assert not dialog.remove_button.isVisibleTo(dialog)
        dialog.close()


def test_a_check_can_be_cancelled(qtbot: QtBot, damaged: AppPaths) -> None:
    worker = Worker(max_threads=1)
    gate = threading.Event()
    blocker = worker.submit(lambda _c: gate.wait(30), "hold the thread")
    dialog = CheckDialog(damaged, Operations(worker), lambda: None, lambda: "")
    qtbot.addWidget(dialog)
    handle = dialog.start()  # queued behind the blocker
    assert dialog.cancel_button.isVisibleTo(dialog)
    with qtbot.waitSignal(handle.cancelled, timeout=LOAD_TIMEOUT_MS):
        dialog.cancel()
        gate.set()
    assert dialog.heading.text() == "The check was cancelled."
    assert not dialog.cancel_button.isVisibleTo(dialog) and dialog.again_button.isEnabled()
    worker.wait(LOAD_TIMEOUT_MS)
    qtbot.waitUntil(lambda: blocker.is_done, timeout=LOAD_TIMEOUT_MS)


def _answer_yes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str, *args: object) -> object:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(QMessageBox, "information", lambda *args: QMessageBox.StandardButton.Ok)
    return asked


def _note(paths: AppPaths) -> list[tuple[str]]:
    with sqlite3.connect(paths.database) as conn:
        rows = conn.execute("SELECT general_note FROM inspections ORDER BY id").fetchall()
    conn.close()
    return rows


def test_a_backup_is_restored_while_the_window_is_open_after_naming_what_is_lost(
        qtbot: QtBot, demo_context: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = demo_context.paths
    taken = backup_database(paths.database, paths.backups, "before-import-0123abcd")
    before = _note(paths)
    with demo_context.db.transaction() as session:
        draft = inspections.start_inspection(session, site_id_for_code("330799001002"),
                                             date(2026, 11, 28), inspectors="王芳")
        draft.general_note = "备份之后写的"
    demo_context.close()
    asked = _answer_yes(monkeypatch)
    with open_window(qtbot, paths, UiSettings(language="en")) as window:
        dialog = BackupsDialog(paths, window.ops, window.data_care.release_data, "en",
                               window)
        qtbot.addWidget(dialog)
        assert dialog.table.rowCount() == 1
        assert dialog.table.item(0, 1).text() == "before importing bundle 0123abcd"
        with qtbot.waitSignal(dialog.restored, timeout=LOAD_TIMEOUT_MS) as restored:
            dialog.restore_selected()
        assert "西门社区教学点 2026-11-28" in asked[0] and "undone" in asked[0]
        safety = restored.args[0].safety
        assert safety is not None and safety.parent == paths.backups
    assert _note(paths) == before
    assert taken.exists()


HOLDER = ("import sqlite3, sys\n"
          "c = sqlite3.connect(sys.argv[1]); c.execute('SELECT 1 FROM sites').fetchall()\n"
          "print('ready', flush=True); sys.stdin.readline()")


def test_a_refused_restore_says_why_and_the_window_goes_on_working(
        qtbot: QtBot, demo_context: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = demo_context.paths
    backup_database(paths.database, paths.backups, "before-0004")
    demo_context.close()
    _answer_yes(monkeypatch)
    shown: list[str] = []
    monkeypatch.setattr(errors.QMessageBox, "warning",
                        lambda _parent, _title, text, *a: shown.append(text))
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(paths.database)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        with open_window(qtbot, paths, UiSettings(language="en")) as window:
            dialog = BackupsDialog(paths, window.ops, window.data_care.release_data, "en",
                                   window)
            qtbot.addWidget(dialog)
            dialog.restore_selected()
            qtbot.waitUntil(lambda: bool(shown), timeout=LOAD_TIMEOUT_MS)
            assert "in use by another window or command" in shown[0]
            assert dialog.status.text() == "Nothing was restored."
            reload = window.reload_sites()  # the window's own connections open again
            assert reload is not None
            with qtbot.waitSignal(window.sites_loaded, timeout=LOAD_TIMEOUT_MS):
                pass
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(30)


def test_a_backup_is_restored_when_the_data_could_not_be_opened(
        qtbot: QtBot, paths: AppPaths, monkeypatch: pytest.MonkeyPatch) -> None:
    context = open_context(paths)
    load_demo(context)
    context.close()
    backup_database(paths.database, paths.backups, "before-0004")
    for suffix in ("-wal", "-shm"):
        Path(f"{paths.database}{suffix}").unlink(missing_ok=True)
    paths.database.write_bytes(b"")  # emptied: the window refuses to open the folder
    _answer_yes(monkeypatch)
    monkeypatch.setattr(errors.QMessageBox, "warning", lambda *args: None)
    worker = Worker()
    window = MainWindow(paths, UiSettings(language="en"), worker)
    qtbot.addWidget(window)
    try:
        handle = window.start()
        with qtbot.waitSignal(handle.failed, timeout=LOAD_TIMEOUT_MS):
            pass
        assert window.context is None and window.data_care.restore_action.isEnabled()
        dialog = BackupsDialog(paths, window.ops, window.data_care.release_data, "en", window)
        qtbot.addWidget(dialog)
        with qtbot.waitSignal(dialog.restored, timeout=LOAD_TIMEOUT_MS):
            dialog.restore_selected()
    finally:
        window.close()
        worker.wait(LOAD_TIMEOUT_MS)
    reopened = open_context(paths)
    with reopened.db.session() as session:
        assert len(inspections.list_inspections(session)) == 2
    reopened.close()
