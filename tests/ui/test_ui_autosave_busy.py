"""Edits made while another program writes to the database are kept, retried and saved.

Real processes hold the database: a small one that keeps SQLite's write lock
until told to let go, and the command line importing a site list of 50,000
rows. The window's edits go through the page and its autosave, as a user's do;
the window's own site import waits for the database in the same way. The
window's busy timeout is shortened to a fifth of a second, so that the
database turns the edits away as busy within the test's time (the program
waits 15 s before SQLite gives up; the edits are then retried the same way).
"""

from __future__ import annotations

import logging
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from ui_helpers import LOAD_TIMEOUT_MS, open_window, start_inspection_in

from inspector import assets
from inspector.app_paths import AppPaths
from inspector.services.context import AppContext
from inspector.services.sites_csv import import_sites
from inspector.storage import database
from inspector.ui.core.settings import UiSettings
from inspector.ui.core.worker import Worker
from inspector.ui.main_window import MainWindow
from inspector.ui.pages.checklist.page import ChecklistPage

VILLAGE = "上塘村教学站"
WAIT_MS = 60_000

HOLDER = r"""
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)
connection.execute("BEGIN IMMEDIATE")
print("HOLDING", flush=True)
sys.stdin.readline()
connection.execute("COMMIT")
print("RELEASED", flush=True)
"""


class Holder:
    """Another process holding the database's write lock until :meth:`release`."""

    def __init__(self, path: Path) -> None:
        self.process = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert self.process.stdout is not None
        assert self.process.stdout.readline().strip() == "HOLDING"
        self.released = False

    def release(self) -> None:
        if self.released:
            return
        self.released = True
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write("\n")
        self.process.stdin.flush()
        assert self.process.stdout.readline().strip() == "RELEASED"
        assert self.process.wait(timeout=30) == 0


@contextmanager
def holding(path: Path) -> Iterator[Holder]:
    holder = Holder(path)
    try:
        yield holder
    finally:
        if not holder.released:
            holder.process.kill()
            holder.process.wait(timeout=30)


@pytest.fixture
def sites(context: AppContext, monkeypatch: pytest.MonkeyPatch) -> AppPaths:
    """The demo county's sites; the window opened on them waits 0.2 s for a busy database."""
    with context.db.transaction() as session:
        import_sites(session, assets.real_path(assets.resource("demo", "sites.csv")))
    context.close()
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 200)
    return context.paths


def answers(paths: AppPaths) -> dict[str, tuple[str | None, str]]:
    """Every stored rating and note, read by another connection."""
    with sqlite3.connect(paths.database) as connection:
        rows = connection.execute("SELECT criterion_id, rating, note FROM responses").fetchall()
    connection.close()
    return {criterion: (rating, note) for criterion, rating, note in rows}


def edit(page: ChecklistPage, count: int) -> dict[str, tuple[str | None, str]]:
    """Rate ``count`` criteria (1–3 in turn) and write a note on each; what was entered."""
    data = page.data
    assert data is not None
    scale = data.template.rating_scale
    entered = {}
    for index in range(count):
        card = page.current_card()
        assert card is not None
        number = index % 3 + 1
        page.rate_current(number)
        card.note.setPlainText(f"第{index + 1}条说明：数据库忙时写下")
        card.flush_note()
        entered[card.criterion.id] = (scale[number - 1].id, card.note.toPlainText())
        page.move_criterion(1)
    return entered


def test_edits_wait_for_a_busy_database_calmly_and_are_saved(
    qtbot: QtBot, sites: AppPaths, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="inspector.services.busy")
    with open_window(qtbot, sites) as window:
        start_inspection_in(qtbot, window, VILLAGE)
        page = window.checklist
        assert page is not None
        qtbot.waitUntil(lambda: page.saver.pending == 0, timeout=LOAD_TIMEOUT_MS)
        failures: list[BaseException] = []
        page.saver.failed.connect(failures.append)
        with holding(sites.database) as holder:
            with qtbot.waitSignal(page.saver.status_changed, timeout=WAIT_MS,
                                  check_params_cb=lambda status: status == "waiting"):
                entered = edit(page, 4)
            assert page.save_label.text() == "Waiting for the database…"
            assert page.saver.pending == 8  # every rating and note kept, in order
            assert answers(sites) == {}
            with qtbot.waitSignal(page.saver.idle, timeout=WAIT_MS):
                holder.release()
        assert failures == []  # no error, no dialog (a dialog would fail the test)
        assert page.save_label.text() == "All changes saved"
        assert answers(sites) == entered
    assert any("database is busy" in record.getMessage() for record in caplog.records)


def test_closing_the_window_while_edits_wait_saves_them(qtbot: QtBot, sites: AppPaths) -> None:
    worker = Worker()
    window = MainWindow(sites, UiSettings(), worker)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignals([window.sites_loaded, window.data_opened], timeout=LOAD_TIMEOUT_MS):
        window.start()
    start_inspection_in(qtbot, window, VILLAGE)
    page = window.checklist
    controller = window.inspections
    assert page is not None and controller is not None
    qtbot.waitUntil(lambda: page.saver.pending == 0, timeout=LOAD_TIMEOUT_MS)
    with holding(sites.database) as holder:
        entered = edit(page, 2)
        card = page.current_card()
        assert card is not None
        card.note.setPlainText("关窗时还在输入的说明")  # not yet handed over: typing goes on
        entered[card.criterion.id] = (None, "关窗时还在输入的说明")
        # The other program lets go only once the closing window says it is waiting.
        controller.closing_waits.connect(holder.release)
        window.close()
        assert holder.released
    worker.wait(LOAD_TIMEOUT_MS)
    assert window.context is None  # closed for good
    assert answers(sites) == entered


def big_site_list(path: Path, rows: int) -> None:
    """A second county's list: a college, rows/100 township schools, village stations."""
    lines = ["区划代码,名称,层级,上级,地址,联系人,联系电话\n",
             "330700000000,邻县社区教育学院,county,,文教路1号,王芳,0579-88888888\n"]
    towns = rows // 100
    lines += [f"3307{t:05d}000,第{t}镇社区学校,township,330700000000,镇路{t}号,李强,\n"
              for t in range(1, towns + 1)]
    lines += [f"3307{n % towns + 1:05d}{n // towns + 1:03d},第{n}村教学站,village,"
              f"3307{n % towns + 1:05d}000,,,\n" for n in range(rows - 1 - towns)]
    path.write_text("".join(lines), encoding="utf-8")


def writing(path: Path) -> bool:
    """Whether another connection holds the write lock right now."""
    connection = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        connection.execute("BEGIN IMMEDIATE")
        connection.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError:
        return True
    finally:
        connection.close()


def test_edits_made_during_a_command_line_import_of_50000_sites_are_all_saved(
    qtbot: QtBot, sites: AppPaths, tmp_path: Path
) -> None:
    listing = tmp_path / "county.csv"
    big_site_list(listing, 50_000)
    with open_window(qtbot, sites) as window:
        start_inspection_in(qtbot, window, VILLAGE)
        page = window.checklist
        assert page is not None
        qtbot.waitUntil(lambda: page.saver.pending == 0, timeout=LOAD_TIMEOUT_MS)
        failures: list[BaseException] = []
        page.saver.failed.connect(failures.append)
        importing = subprocess.Popen(
            [sys.executable, "-m", "inspector", "sites", "import", str(listing), "--data-dir",
             str(sites.data_dir)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            env={**os.environ, "PYTHONWARNINGS": "error::DeprecationWarning:inspector"})
        try:
            # The import reads and checks the file first, then writes for a moment: edit then.
            qtbot.waitUntil(lambda: importing.poll() is not None or writing(sites.database),
                            timeout=WAIT_MS)
            assert importing.poll() is None, importing.communicate()
            entered = edit(page, 6)
            qtbot.waitUntil(lambda: page.saver.pending == 0, timeout=WAIT_MS)
            out, err = importing.communicate(timeout=120)
        finally:
            if importing.poll() is None:
                importing.kill()
                importing.communicate()
        assert importing.returncode == 0, err
        assert "50000 added" in out
        assert failures == []
        assert answers(sites) == entered
    with sqlite3.connect(sites.database) as connection:
        assert connection.execute("SELECT count(*) FROM sites").fetchone() == (31 + 50_000,)
    connection.close()


def test_the_windows_site_import_waits_for_a_busy_database_and_says_so(
    qtbot: QtBot, sites: AppPaths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    listing = tmp_path / "county.csv"
    big_site_list(listing, 300)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information",
                        lambda _parent, _title, text: told.append(text))
    with open_window(qtbot, sites) as window, holding(sites.database) as holder:
        handle = window.csv.import_sites_from(listing)
        assert handle is not None
        with qtbot.waitSignal(handle.progress, timeout=WAIT_MS):  # the import waits
            pass
        assert window.status_text.text() == "Importing county.csv: waiting for the database…"
        with qtbot.waitSignal(handle.finished, timeout=WAIT_MS):
            holder.release()
        assert told == ["New: 300, changed: 0, unchanged: 0."]
