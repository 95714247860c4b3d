"""The background-work primitive: results, errors, progress and cancellation reach the UI thread."""

from __future__ import annotations

import threading

from pytestqt.qtbot import QtBot

from inspector.ui.core.worker import JobControl, Worker

TIMEOUT_MS = 10_000


def test_result_arrives_on_the_ui_thread(qtbot: QtBot) -> None:
    worker = Worker()
    ui_thread = threading.get_ident()
    seen: dict[str, int] = {}

    def job(_control: JobControl) -> int:
        seen["job"] = threading.get_ident()
        return 42

    with qtbot.waitSignal(worker.idle, timeout=TIMEOUT_MS):
        handle = worker.submit(job)
        handle.finished.connect(lambda result: seen.setdefault("slot", threading.get_ident()))
        handle.finished.connect(lambda result: seen.setdefault("result", result))
    assert seen["result"] == 42
    assert seen["job"] != ui_thread
    assert seen["slot"] == ui_thread
    assert not worker.busy


def test_an_exception_is_handed_back_not_raised(qtbot: QtBot) -> None:
    worker = Worker()

    def job(_control: JobControl) -> None:
        raise OSError(28, "No space left on device")

    handle = worker.submit(job)
    with qtbot.waitSignal(handle.failed, timeout=TIMEOUT_MS) as failed:
        pass
    assert isinstance(failed.args[0], OSError)


def test_progress_and_cooperative_cancel(qtbot: QtBot) -> None:
    worker = Worker()
    started = threading.Event()
    release = threading.Event()
    progress: list[tuple[int, int, str]] = []

    def job(control: JobControl) -> str:
        control.progress(1, 3, "first")
        started.set()
        release.wait(TIMEOUT_MS / 1000)
        control.check()
        return "not reached"

    handle = worker.submit(job)
    handle.progress.connect(lambda done, total, text: progress.append((done, total, text)))
    assert started.wait(TIMEOUT_MS / 1000)
    handle.cancel()
    release.set()
    with qtbot.waitSignal(handle.cancelled, timeout=TIMEOUT_MS):
        pass
    assert progress == [(1, 3, "first")]
    assert handle.is_done


def test_a_first_result_arrives_before_the_job_ends(qtbot: QtBot) -> None:
    worker = Worker()
    seen: list[str] = []
    release = threading.Event()

    def job(control: JobControl) -> str:
        control.partial("early")
        release.wait(TIMEOUT_MS / 1000)
        return "final"

    handle = worker.submit(job)
    handle.partial.connect(lambda value: seen.append(value))
    handle.finished.connect(lambda value: seen.append(value))
    with qtbot.waitSignal(handle.partial, timeout=TIMEOUT_MS):
        pass
    assert seen == ["early"] and not handle.is_done
    release.set()
    with qtbot.waitSignal(handle.finished, timeout=TIMEOUT_MS):
        pass
    assert seen == ["early", "final"]


def test_serial_jobs_run_in_submission_order(qtbot: QtBot) -> None:
    worker = Worker(max_threads=4)
    order: list[int] = []
    lock = threading.Lock()

    def job_for(number: int):  # type: ignore[no-untyped-def]
        def job(_control: JobControl) -> None:
            with lock:
                order.append(number)
        return job

    with qtbot.waitSignal(worker.idle, timeout=TIMEOUT_MS):
        for number in range(20):
            worker.submit_serial(job_for(number))
    assert order == list(range(20))



def test_closing_cancels_reads_but_every_queued_change_is_still_saved(qtbot: QtBot) -> None:
    """Caption, rotation and note saves queued behind a slow one are not dropped at close."""
    worker = Worker()
    gate = threading.Event()
    saved: list[int] = []

    def slow_save(_control: JobControl) -> None:
        gate.wait(10)
        saved.append(0)

    def read(control: JobControl) -> None:
        while not control.cancelled:
            gate.wait(0.01)

    reading = worker.submit(read, "read")
    worker.submit_serial(slow_save, "save 0")
    for n in range(1, 4):
        worker.submit_serial(lambda _c, n=n: saved.append(n), f"save {n}")
    with qtbot.waitSignal(reading.done, timeout=5000):
        worker.cancel_all()
    gate.set()
    worker.wait_for_saves()
    assert saved == [0, 1, 2, 3]
    worker.wait(5000)
