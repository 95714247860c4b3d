"""Autosave: changes made in the GUI survive ``kill -9`` of the program.

The GUI runs in a subprocess on a real data directory. It rates three criteria
and writes a note through the widgets, reports that the save queue is empty,
then starts typing another note (not yet saved: the debounce has not run out).
The test kills it with SIGKILL, starts the GUI again and reads what it shows.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from inspector.services.context import AppContext
from inspector.services.inspections import start_inspection
from inspector.services.sites import find_by_code

DRIVER = r'''
import json, os, sys
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtCore import QTimer
from inspector.app_paths import AppPaths
from inspector.ui.app import create_application
from inspector.ui.main_window import MainWindow
from inspector.ui.core.settings import UiSettings
from inspector.ui.core.worker import Worker

mode, data_dir, inspection_id = sys.argv[1:4]
app = create_application([sys.argv[0]])
worker = Worker()
window = MainWindow(AppPaths.resolve(data_dir), UiSettings(), worker)
window.show()

def edit() -> None:
    page = window.checklist
    for number in (1, 2, 3):
        page.rate_current(number)
        page.move_criterion(1)
    page.move_criterion(-1)
    card = page.current_card()
    card.note.setPlainText("缺少无障碍设施")
    card.flush_note()
    def when_saved() -> None:
        if page.saver.pending:
            QTimer.singleShot(10, when_saved)
            return
        page.move_criterion(-1)
        page.current_card().note.setPlainText("正在输入，尚未保存")  # debounce still running
        print("SAVED", flush=True)
    when_saved()

def report() -> None:
    data = window.checklist.data
    answers = {cid: [a.rating, a.note] for cid, a in data.answers.items()}
    print("ANSWERS " + json.dumps(answers, ensure_ascii=False), flush=True)
    app.quit()

def opened(_inspection_id: str) -> None:
    QTimer.singleShot(0, edit if mode == "edit" else report)

window.data_opened.connect(lambda _c: window.inspections.opened.connect(opened))
window.data_opened.connect(lambda _c: window.inspections.open(inspection_id))
QTimer.singleShot(0, window.start)
app.exec()
'''


def _run_until(args: list[str], marker: str) -> tuple[subprocess.Popen[str], str]:
    process = subprocess.Popen([sys.executable, "-c", DRIVER, *args], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True,
                               env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert process.stdout is not None
    for line in process.stdout:
        if line.startswith(marker):
            return process, line[len(marker):].strip()
    process.wait(timeout=30)
    assert process.stderr is not None
    pytest.fail(f"the GUI ended without {marker!r}: {process.stderr.read()[-2000:]}")


def test_changes_survive_kill_minus_nine(demo_context: AppContext, tmp_path: Path) -> None:
    with demo_context.db.transaction() as session:
        site = find_by_code(session, "330799101203")
        assert site is not None
        inspection_id = start_inspection(session, site.id, date(2026, 11, 28), "王芳").id
    paths = demo_context.paths
    demo_context.close()

    process, _ = _run_until(["edit", str(paths.data_dir), inspection_id], "SAVED")
    process.kill()  # SIGKILL on Linux, TerminateProcess on Windows: no chance to clean up
    process.wait(timeout=30)
    assert process.returncode in (-getattr(signal, "SIGKILL", 9), 1)

    again, shown = _run_until(["report", str(paths.data_dir), inspection_id], "ANSWERS")
    again.wait(timeout=30)
    answers = json.loads(shown)
    ratings = sorted(rating for rating, _note in answers.values())
    assert ratings == ["meets", "not_met", "partly"]
    notes = [note for _rating, note in answers.values() if note]
    assert notes == ["缺少无障碍设施"]  # the text still being typed is the only loss
