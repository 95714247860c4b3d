"""Operations: the one way screens run work. A failure is never dropped, writes run in
order and announce what they changed, progress and Cancel follow the work."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from inspector.services.control import Cancelled, Control, check
from inspector.ui.core import errors
from inspector.ui.core.operations import RESULT, Change, Changed, Operations
from inspector.ui.core.progress import ProgressDialog, ProgressView
from inspector.ui.core.worker import InlineWorker, Worker

TIMEOUT_MS = 10_000


@pytest.fixture
def ops(qtbot: QtBot) -> Operations:
    worker = Worker()
    yield Operations(worker)
    worker.wait(TIMEOUT_MS)


def _fail_with(exc: BaseException):  # type: ignore[no-untyped-def]
    def job(_control: Control) -> None:
        raise exc

    return job


def test_a_failure_nobody_handles_is_shown_to_the_user(
        qtbot: QtBot, ops: Operations, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(
        lambda parent, title, text: shown.append((title, text))))
    parent = QWidget()
    qtbot.addWidget(parent)
    handle = ops.read(parent, _fail_with(OSError(28, "No space left on device")), "x").start()
    with qtbot.waitSignal(handle.done, timeout=TIMEOUT_MS):
        pass
    assert len(shown) == 1
    assert "disk is full" in shown[0][1]


def test_a_bug_nobody_handles_reaches_the_report_dialog(
        qtbot: QtBot, ops: Operations, monkeypatch: pytest.MonkeyPatch) -> None:
    reports: list[str] = []
    monkeypatch.setattr(errors.ErrorReportDialog, "exec",
                        lambda self: reports.append(self.report) or 0)
    handle = ops.write(None, _fail_with(KeyError("bug")), "x", changes=Change.SITES).start()
    with qtbot.waitSignal(handle.done, timeout=TIMEOUT_MS):
        pass
    assert len(reports) == 1 and "KeyError" in reports[0]


def test_a_handled_failure_goes_to_its_handler_only(qtbot: QtBot, ops: Operations) -> None:
    got: list[BaseException] = []
    announced: list[Changed] = []
    ops.changed.connect(announced.append)
    handle = (ops.write(None, _fail_with(ValueError("no")), "x", changes=Change.INSPECTION)
              .on_failure(got.append).start())
    with qtbot.waitSignal(handle.done, timeout=TIMEOUT_MS):
        pass  # the conftest guard fails the test if a message box opened
    assert [type(e) for e in got] == [ValueError]
    assert announced == []  # a failed write changed nothing


def test_writes_run_in_order_and_say_what_they_changed(qtbot: QtBot, ops: Operations) -> None:
    order: list[int] = []
    announced: list[Changed] = []
    results: list[int] = []
    ops.changed.connect(announced.append)
    release = threading.Event()
    parent = QWidget()
    qtbot.addWidget(parent)

    def slow(_control: Control) -> int:
        release.wait(TIMEOUT_MS / 1000)
        order.append(1)
        return 1

    def quick(_control: Control) -> int:
        order.append(2)
        return 2

    ops.write(parent, slow, "first", changes=Change.INSPECTION, inspection_id="i1") \
        .on_success(results.append).start()
    last = ops.write(parent, quick, "second", changes=Change.PHOTOS | Change.INSPECTION,
                     inspection_id="i1").on_success(results.append).start()
    release.set()
    with qtbot.waitSignal(last.done, timeout=TIMEOUT_MS):
        pass
    assert order == [1, 2] and results == [1, 2]
    assert [c.what for c in announced] == [Change.INSPECTION, Change.PHOTOS | Change.INSPECTION]
    assert announced[1].touches(Change.PHOTOS) and not announced[1].touches(Change.SITES)
    assert announced[0].inspection_id == "i1" and announced[0].origin is parent


def test_reads_announce_nothing(qtbot: QtBot, ops: Operations) -> None:
    announced: list[Changed] = []
    ops.changed.connect(announced.append)
    handle = ops.read(None, lambda _c: 5, "x").start()
    with qtbot.waitSignal(handle.finished, timeout=TIMEOUT_MS) as finished:
        pass
    assert finished.args == [5] and announced == []


def test_progress_view_follows_and_cancel_stops_the_service(
        qtbot: QtBot, ops: Operations) -> None:
    view = ProgressView()
    qtbot.addWidget(view)
    started = threading.Event()
    cancelled: list[bool] = []

    def long_work(control: Control) -> str:
        control.progress(1, 4, "one")
        started.set()
        while True:  # a service checking between steps
            check(control)
            threading.Event().wait(0.005)

    handle = ops.read(None, long_work, "long").with_progress(
        view, "Working", cancellable=True).on_cancel(lambda: cancelled.append(True)).start()
    assert not view.isHidden()
    assert view.busy and view.cancel_button.isVisibleTo(view)
    assert started.wait(TIMEOUT_MS / 1000)
    qtbot.waitUntil(lambda: view.bar.maximum() > 0, timeout=TIMEOUT_MS)
    assert view.bar.value() == 250
    with qtbot.waitSignal(handle.done, timeout=TIMEOUT_MS):
        view.cancel_button.click()
    assert cancelled == [True]
    assert view.isHidden() and not view.busy


def test_progress_dialog_appears_only_for_long_work_and_closes_itself(
        qtbot: QtBot, ops: Operations, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("inspector.ui.core.progress.DIALOG_DELAY_MS", 0)
    dialog = ProgressDialog("Print")
    qtbot.addWidget(dialog)
    release = threading.Event()
    handle = ops.read(None, lambda _c: release.wait(TIMEOUT_MS / 1000), "x") \
        .with_progress(dialog.view, "Printing").start()
    qtbot.waitUntil(dialog.isVisible, timeout=TIMEOUT_MS)
    dialog.reject()  # Escape: the work cannot be cancelled, so the dialog stays
    assert dialog.isVisible()
    with qtbot.waitSignal(handle.done, timeout=TIMEOUT_MS):
        release.set()
    assert not dialog.isVisible()


def test_an_operation_starts_once(ops: Operations) -> None:
    operation = ops.read(None, lambda _c: None, "x")
    operation.start()
    with pytest.raises(RuntimeError):
        operation.start()


def test_the_inline_worker_delivers_before_start_returns(qtbot: QtBot) -> None:
    ops = Operations(InlineWorker())
    seen: list[object] = []

    def job(control: Control) -> str:
        control.progress(1, 1, "")
        return "done"

    ops.read(None, job, "x").on_progress(lambda *a: seen.append(a)) \
        .on_success(seen.append).start()
    assert seen == [(1, 1, ""), "done"]
    handle = ops.read(None, _fail_with(Cancelled()), "x") \
        .on_cancel(lambda: seen.append("cancelled")).start()
    assert handle.is_done and seen[-1] == "cancelled"


def test_a_closed_screen_hears_nothing_but_a_failed_change_is_still_shown(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(
        lambda parent, title, text: shown.append(text)))
    ops = Operations(InlineWorker())
    announced: list[Changed] = []
    ops.changed.connect(announced.append)
    called: list[object] = []
    for run in ("read", "write", "failed read", "failed write"):
        screen = QWidget()
        screen.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        fn = _fail_with(OSError(28, "full")) if run.startswith("failed") else (lambda _c: 1)
        operation = (ops.write(screen, fn, run, changes=Change.SITES) if run.endswith("write")
                     else ops.read(screen, fn, run))
        operation.on_success(called.append).on_failure(called.append).start()
    assert called == []  # no handler touched the closed screen
    assert len(shown) == 1  # the failed change; the failed read is only logged
    assert [c.what for c in announced] == [Change.SITES] and announced[0].origin is None


def test_an_inspection_made_by_the_work_is_named_by_its_result() -> None:
    ops = Operations(InlineWorker())
    announced: list[Changed] = []
    ops.changed.connect(announced.append)
    ops.write(None, lambda _c: "new-inspection", "start", changes=Change.INSPECTION,
              inspection_id=RESULT).start()
    assert [(c.what, c.inspection_id) for c in announced] == [
        (Change.INSPECTION, "new-inspection")]
