"""What the command line and the window say after writing a report whose photos could not
all be printed: how many are empty boxes, in Chinese and English, and no log lines."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pdf_helpers import all_text
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from inspector.app_paths import AppPaths
from inspector.cli import main
from inspector.services.context import AppContext, open_context
from inspector.services.demo_inspections import VISITS, demo_id
from inspector.services.pdf.images import MISSING_FILE
from inspector.services.pdf.sources import report_data
from inspector.services.photo_store import PhotoStore
from inspector.ui.core.operations import Operations
from inspector.ui.core.worker import Worker
from inspector.ui.print_actions import PrintActions

VISIT = VISITS[0]
INSPECTION = demo_id(VISIT.site_code, VISIT.label)


def _lose_photos(context: AppContext, count: int) -> None:
    """Delete the stored files of the inspection's first ``count`` photos."""
    with context.db.session() as session:
        photos = report_data(session, INSPECTION).photos
    store = PhotoStore.for_paths(context.paths)
    for photo in photos[:count]:
        stored = store.find(photo.sha256)
        assert stored is not None
        stored.unlink()


def test_the_command_line_says_how_many_photos_are_empty_boxes_and_logs_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "data"
    assert main(["demo", "--data-dir", str(folder)]) == 0
    capsys.readouterr()
    context = open_context(AppPaths.resolve(folder))
    try:
        _lose_photos(context, 2)
    finally:
        context.close()
    target = tmp_path / "report.pdf"
    done = subprocess.run(
        [sys.executable, "-m", "inspector", "report", INSPECTION[:8], "-o", str(target),
         "--data-dir", str(folder)],
        capture_output=True, text=True, encoding="utf-8", timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stderr == "", "no WARNING lines for the missing photos"
    lines = done.stdout.splitlines()
    assert len(lines) == 2
    assert f"照片 {len(VISIT.photos)} 张" in lines[0]
    assert lines[1] == ("2 张照片无法打印（报告中以方框标出）/ 2 photos could not be printed "
                        "(marked as empty boxes)")
    assert all_text(target).count(MISSING_FILE.replace(" ", "")) == 2


@pytest.fixture
def worker() -> Iterator[Worker]:
    pool = Worker()
    yield pool
    pool.cancel_all()
    pool.wait(10_000)


@pytest.mark.parametrize("save", [True, False])
def test_the_window_says_how_many_photos_are_empty_boxes(
        qtbot: QtBot, worker: Worker, demo_context: AppContext, tmp_path: Path,
        save: bool) -> None:
    _lose_photos(demo_context, 1)
    window = QWidget()
    qtbot.addWidget(window)
    opened: list[Path] = []
    target = tmp_path / "report.pdf"

    def open_file(path: Path) -> bool:
        opened.append(path)
        return True

    actions = PrintActions(Operations(worker), lambda: demo_context, window, open_file=open_file,
                           ask_save_path=lambda stem: target)
    actions.set_inspection(INSPECTION)
    with qtbot.waitSignal(actions.pdf_written, timeout=30_000) as written:
        (actions.save_report if save else actions.preview_report).trigger()
    assert written.args[0].unprinted_photos == 1
    box = actions.last_message
    assert isinstance(box, QMessageBox)
    assert "Photos that could not be printed: 1 (marked as empty boxes)." in box.text()
    assert (str(target) in box.text()) is save
    assert opened == ([] if save else [written.args[0].path])
    box.close()


def test_a_report_with_every_photo_says_nothing_about_photos(
        qtbot: QtBot, worker: Worker, demo_context: AppContext, tmp_path: Path) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    actions = PrintActions(Operations(worker), lambda: demo_context, window,
                           open_file=lambda path: True,
                           ask_save_path=lambda stem: tmp_path / "r.pdf")
    actions.set_inspection(INSPECTION)
    with qtbot.waitSignal(actions.pdf_written, timeout=30_000):
        actions.save_report.trigger()
    box = actions.last_message
    assert isinstance(box, QMessageBox) and "could not be printed" not in box.text()
    box.close()
