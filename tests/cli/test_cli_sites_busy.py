"""``inspector sites import`` while another program holds the database: it waits, says so once,
and imports when the database is free (no "database is locked" traceback)."""

from __future__ import annotations

import logging
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from inspector.cli import main
from inspector.services.context import AppContext
from inspector.storage import database

HOLDER = r"""
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)
connection.execute("BEGIN IMMEDIATE")
print("HOLDING", flush=True)
sys.stdin.readline()
connection.execute("COMMIT")
"""


class _Told(logging.Handler):
    """Sets ``event`` when the import logs that the database turned it away as busy."""

    def __init__(self) -> None:
        super().__init__()
        self.event = threading.Event()

    def emit(self, record: logging.LogRecord) -> None:
        if "database is busy" in record.getMessage():
            self.event.set()


def test_the_import_waits_for_another_program_and_then_imports(
    context: AppContext, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch
) -> None:
    data = context.paths.data_dir
    database_path = context.paths.database
    context.close()
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 200)  # SQLite gives up quickly
    listing = tmp_path / "sites.csv"
    listing.write_text("区划代码,名称,层级,上级\n330799000000,青溪县社区教育学院,county,\n",
                       encoding="utf-8")
    told = _Told()
    logger = logging.getLogger("inspector.services.busy")
    logger.addHandler(told)
    monkeypatch.setattr(logger, "level", logging.INFO)
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(database_path)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    codes: list[int] = []
    importing = threading.Thread(target=lambda: codes.append(
        main(["sites", "import", str(listing), "--data-dir", str(data)])))
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "HOLDING"
        importing.start()
        assert told.event.wait(60)  # turned away at least once, and still going
        assert importing.is_alive()
    finally:
        logger.removeHandler(told)
        holder.communicate("\n", timeout=30)
    importing.join(60)
    assert codes == [0]
    captured = capsys.readouterr()
    assert captured.err.count("waiting") == 1 and "Traceback" not in captured.err
    assert "1 added" in captured.out
