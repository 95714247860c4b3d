#!/usr/bin/env python3
"""Make the screenshots of docs/supervision-loop.md from the demo office and a demo field
laptop, in Chinese, with the real window.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/make_loop_screenshots.py

The office demo (``inspector demo --role office``) orders a re-inspection of the 城关街道
school's open items; its assignment bundle is carried to the field demo, which starts the
re-inspection and has the inspection the office returned. Writes ``office-*.png``,
``overview-*.png`` and ``field-*.png`` next to this script; nothing outside a temporary
folder is touched.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from inspector.app_paths import AppPaths
from inspector.domain.supervision import ReviewState, Verdict
from inspector.services.api import office
from inspector.services.context import open_context
from inspector.services.sites import site_id_for_code
from inspector.services.sync.demo_roles import prepare_demo
from inspector.services.sync.export import export_bundle
from inspector.services.sync.identity import Role
from inspector.services.sync.importer import import_bundle
from inspector.ui.app import create_application, install_translators, register_cjk_font
from inspector.ui.core.settings import UiSettings
from inspector.ui.core.worker import Worker
from inspector.ui.main_window import MainWindow

HERE = Path(__file__).resolve().parent
SIZE = (1280, 800)


def settle(app: QApplication, until: Callable[[], bool], seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    while not until() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    for _ in range(5):
        app.processEvents()


def wait_for(signal: object, timeout_ms: int = 20_000) -> None:
    loop = QEventLoop()
    signal.connect(loop.quit)  # type: ignore[attr-defined]
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()


def prepare(root: Path) -> tuple[AppPaths, AppPaths, str, str]:
    """The two demo folders after one exchange; the returned inspection's id and the field's
    re-inspection's id."""
    office_paths, field_paths = AppPaths.resolve(root / "office"), AppPaths.resolve(root / "field")
    desk, laptop = open_context(office_paths), open_context(field_paths)
    try:
        prepare_demo(desk, Role.OFFICE)
        prepare_demo(laptop, Role.FIELD)
        import_bundle(desk, export_bundle(laptop, root / "results.bundle").path,
                      trust_new_device=True)
        today = date.today()
        order = office.order_reinspection(desk, site_id_for_code("330799001000"), "赵明",
                                          today - timedelta(days=1), today + timedelta(days=9))
        import_bundle(laptop, export_bundle(desk, root / "assignment.bundle").path)
        returned = next(e.inspection_id for e in office.review_queue(laptop)
                        if e.state is ReviewState.RETURNED)
        reinspection = office.start_reinspection(laptop, order, today, "赵明")
        first = office.reinspection_checks(laptop, reinspection)[0]
        office.record_check(laptop, reinspection, first.item_id, Verdict.RECTIFIED,
                            "已制定师资管理制度并在公示栏张贴，现场查看属实。")
        return office_paths, field_paths, returned, reinspection
    finally:
        desk.close()
        laptop.close()


def open_window(app: QApplication, paths: AppPaths, worker: Worker) -> MainWindow:
    window = MainWindow(paths, UiSettings(inspector_name="王主任"), worker)
    window.resize(*SIZE)
    window.show()
    QTimer.singleShot(0, window.start)
    wait_for(window.data_opened)
    settle(app, lambda: not worker.busy)
    return window


def shoot(app: QApplication, widget: QWidget, name: str, worker: Worker) -> None:
    settle(app, lambda: not worker.busy)
    widget.grab().save(str(HERE / name))
    print(HERE / name)


def office_shots(app: QApplication, paths: AppPaths, worker: Worker) -> None:
    window = open_window(app, paths, worker)
    screen = window.office.show()
    assert screen is not None
    shoot(app, window, "office-work-queue.png", worker)
    waiting = next(e.inspection_id for e in office.review_queue(window.context)  # type: ignore[arg-type]
                   if e.state is ReviewState.AWAITING)
    screen.show_tab("review")
    screen.review.open_detail(waiting)
    shoot(app, window, "office-review.png", worker)
    screen.tabs.setCurrentWidget(screen.ledger)
    screen.ledger.tabs.setCurrentWidget(screen.ledger.ledger)
    shoot(app, window, "office-letters.png", worker)
    screen.tabs.setCurrentWidget(screen.campaigns)
    shoot(app, window, "office-campaigns.png", worker)
    screen.tabs.setCurrentWidget(screen.county)
    for panel, name in ((screen.county.coverage, "overview-coverage.png"),
                        (screen.county.compliance, "overview-compliance.png"),
                        (screen.county.heat, "overview-heat-map.png"),
                        (screen.county.trends, "overview-trends.png")):
        screen.county.tabs.setCurrentWidget(panel)
        shoot(app, window, name, worker)
    window.close()


def field_shots(app: QApplication, paths: AppPaths, worker: Worker, returned: str,
                reinspection: str) -> None:
    window = open_window(app, paths, worker)
    assert window.checklist is not None
    window.open_inspection(returned)
    wait_for(window.checklist.loaded)
    shoot(app, window, "field-returned.png", worker)
    window.open_inspection(reinspection)
    wait_for(window.checklist.loaded)
    shoot(app, window, "field-reinspection.png", worker)
    window.close()


def main() -> int:
    app = create_application(sys.argv[:1])
    register_cjk_font(app)
    install_translators(app, "zh_CN")
    worker = Worker()
    with tempfile.TemporaryDirectory() as temp:
        office_paths, field_paths, returned, reinspection = prepare(Path(temp))
        office_shots(app, office_paths, worker)
        field_shots(app, field_paths, worker, returned, reinspection)
        worker.wait()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
