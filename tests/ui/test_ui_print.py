"""Printing from the window: reports and checklists written off the UI thread, then shown."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pdf_helpers import all_text
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from inspector.domain.tiers import Tier
from inspector.services.context import AppContext
from inspector.services.demo_inspections import VISITS, demo_id
from inspector.services.sites import site_id_for_code
from inspector.ui.core.operations import Operations
from inspector.ui.core.worker import Worker
from inspector.ui.print_actions import PrintActions


@pytest.fixture
def window(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def worker() -> Iterator[Worker]:
    pool = Worker()
    yield pool
    pool.cancel_all()
    pool.wait(10_000)


def _actions(window: QWidget, worker: Worker, context: AppContext | None,
             opened: list[Path], save_to: Path | None = None,
             viewer: bool = True) -> PrintActions:
    def open_file(path: Path) -> bool:
        opened.append(path)
        return viewer

    return PrintActions(Operations(worker), lambda: context, window, open_file=open_file,
                        ask_save_path=lambda stem: save_to)


def test_actions_follow_the_selection(window: QWidget, worker: Worker) -> None:
    actions = _actions(window, worker, None, [])
    assert not actions.preview_site.isEnabled() and not actions.preview_report.isEnabled()
    actions.set_site("some-site", "东门社区教学点")
    actions.set_inspection("some-inspection")
    assert actions.preview_site.isEnabled() and actions.save_report.isEnabled()
    assert actions.preview_blank.isEnabled()
    assert [a.text() for a in actions.menu.actions() if a.text()]  # labels for the menu
    assert actions.report("x") is None, "nothing runs before the data directory is open"


def test_report_preview_is_written_off_the_ui_thread_and_opened(
        qtbot: QtBot, window: QWidget, worker: Worker, demo_context: AppContext) -> None:
    opened: list[Path] = []
    actions = _actions(window, worker, demo_context, opened)
    visit = VISITS[0]
    actions.set_inspection(demo_id(visit.site_code, visit.label))
    steps: list[tuple[int, int]] = []
    with qtbot.waitSignal(actions.pdf_written, timeout=30_000) as written:
        actions.preview_report.trigger()
        assert actions.handle is not None
        actions.handle.progress.connect(lambda done, total, _what: steps.append((done, total)))
    built = written.args[0]
    assert opened == [built.path] and built.pages >= 3
    assert built.path.is_relative_to(demo_context.paths.data_dir)
    assert visit.site_code in all_text(built.path)
    assert steps and steps[-1][0] == steps[-1][1]


def test_site_checklist_saved_where_asked_with_a_message(
        qtbot: QtBot, window: QWidget, worker: Worker, demo_context: AppContext,
        tmp_path: Path) -> None:
    opened: list[Path] = []
    target = tmp_path / "东门.pdf"
    actions = _actions(window, worker, demo_context, opened, save_to=target)
    actions.set_site(site_id_for_code("330799001001"))
    with qtbot.waitSignal(actions.pdf_written, timeout=30_000):
        actions.save_site.trigger()
    assert target.exists() and "330799001001" in all_text(target)
    assert opened == [], "a saved file is opened only when asked"
    box = actions.last_message
    assert isinstance(box, QMessageBox) and str(target) in box.text()
    box.close()


def test_blank_checklist_for_a_tier(qtbot: QtBot, window: QWidget, worker: Worker,
                                    demo_context: AppContext) -> None:
    opened: list[Path] = []
    actions = _actions(window, worker, demo_context, opened, viewer=False)
    with qtbot.waitSignal(actions.pdf_written, timeout=30_000):
        actions.checklist(tier=Tier.TOWNSHIP)
    assert len(opened) == 1 and opened[0].exists()
    box = actions.last_message  # no PDF viewer installed: the user is told where the file is
    assert box is not None and str(opened[0]) in box.text()
    box.close()


def test_a_failure_is_a_message_not_a_crash(qtbot: QtBot, window: QWidget, worker: Worker,
                                            demo_context: AppContext) -> None:
    actions = _actions(window, worker, demo_context, [])
    handle = actions.report("no-such-inspection")
    assert handle is not None
    with qtbot.waitSignal(handle.done, timeout=30_000):
        pass
    box = actions.last_message
    assert box is not None and "no-such-inspection" in box.text()
    box.close()


def test_cancel_stops_the_job(qtbot: QtBot, window: QWidget, worker: Worker,
                              demo_context: AppContext) -> None:
    opened: list[Path] = []
    actions = _actions(window, worker, demo_context, opened)
    visit = VISITS[1]
    handle = actions.report(demo_id(visit.site_code, visit.label))
    assert handle is not None and actions.progress_dialog is not None
    with qtbot.waitSignal(handle.cancelled, timeout=30_000):
        actions.progress_dialog.view.cancel_button.click()
    assert opened == []


def test_blank_checklist_saved_for_the_chosen_tier(
        qtbot: QtBot, window: QWidget, worker: Worker, demo_context: AppContext,
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QInputDialog

    from inspector.domain.tiers import tier_label

    monkeypatch.setattr(QInputDialog, "getItem",
                        staticmethod(lambda *args, **kwargs: (tier_label(Tier.COUNTY), True)))
    target = tmp_path / "blank-county.pdf"
    actions = _actions(window, worker, demo_context, [], save_to=target)
    with qtbot.waitSignal(actions.pdf_written, timeout=30_000):
        actions.save_blank.trigger()
    assert "县（市、区）社区教育学院" in all_text(target)
    assert actions.last_message is not None
    actions.last_message.close()
