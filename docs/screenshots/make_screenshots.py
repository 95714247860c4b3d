#!/usr/bin/env python3
"""Make the README's screenshots from demo data, in Chinese, with the real widgets.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/make_screenshots.py

Writes ``main-window.png`` (and ``checklist.png`` once the checklist page
exists) next to this script. Nothing outside a temporary data directory is touched.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from inspector.app_paths import AppPaths
from inspector.services import inspections
from inspector.services.context import AppContext, open_context
from inspector.services.demo import load_demo
from inspector.services.sites import find_by_code
from inspector.ui.app import create_application, install_translators, register_cjk_font
from inspector.ui.core.settings import UiSettings
from inspector.ui.core.worker import Worker
from inspector.ui.main_window import MainWindow
from inspector.ui.pages.sites.site_rows import NODE_ROLE

HERE = Path(__file__).resolve().parent


def prepare(context: AppContext) -> str:
    """Demo county with one completed inspection and one in progress."""
    load_demo(context)
    with context.db.transaction() as session:
        done = find_by_code(session, "330799001001")
        assert done is not None
        inspection = inspections.start_inspection(session, done.id, date(2026, 11, 20),
                                                  inspectors="王芳、李明")
        state = inspections.load_state(session, inspection.id)
        for index, criterion in enumerate(state.criteria):
            rating = "partly" if index % 5 == 1 else "meets"
            inspections.set_rating(session, inspection.id, criterion.id, rating)
            if rating == "partly":
                inspections.set_note(session, inspection.id, criterion.id, "制度未上墙")
        inspections.complete(session, inspection.id, actor="王芳")
        current = find_by_code(session, "330799101000")
        assert current is not None
        draft = inspections.start_inspection(session, current.id, date(2026, 11, 28),
                                             inspectors="王芳、李明", site_staff="校长 陈国华")
        criteria = inspections.load_state(session, draft.id).criteria
        for criterion, rating in zip(criteria[:4], ["meets", "meets", "partly", "meets"],
                                     strict=True):
            inspections.set_rating(session, draft.id, criterion.id, rating)
        inspections.set_note(session, draft.id, criteria[0].id, "有独立场地，挂牌规范。")
        inspections.set_note(session, draft.id, criteria[2].id,
                             "教室面积约60平方米，但缺少无障碍设施。")
        draft_id, criterion_id = draft.id, criteria[2].id
    add_demo_photos(context, draft_id, criterion_id)
    return draft_id


def add_demo_photos(context: AppContext, inspection_id: str, criterion_id: str) -> None:
    """Two drawn photos on the criterion the screenshot shows, through the real import."""
    from datetime import UTC, datetime

    from inspector.services.demo_photos import demo_photo
    from inspector.services.photo_import import add_photos
    from inspector.services.photo_store import PhotoStore

    with tempfile.TemporaryDirectory() as folder:
        files = []
        for number, scene in enumerate(("classroom", "noticeboard")):
            path = Path(folder) / f"IMG_{number:04d}.jpg"
            path.write_bytes(demo_photo(scene, f"screenshot:{number}",
                                        datetime(2026, 11, 28, 2, 10 + number, tzinfo=UTC)))
            files.append(path)
        with context.db.session() as session:
            add_photos(session, PhotoStore.for_paths(context.paths), inspection_id,
                       criterion_id, files)


def wait_for(signal: object, timeout_ms: int = 20_000) -> None:
    loop = QEventLoop()
    signal.connect(loop.quit)  # type: ignore[attr-defined]
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()


def main() -> int:
    app = create_application(sys.argv[:1])
    register_cjk_font(app)
    install_translators(app, "zh_CN")
    with tempfile.TemporaryDirectory() as temp:
        paths = AppPaths.resolve(temp)
        context = open_context(paths)
        draft_id = prepare(context)
        context.close()
        worker = Worker()
        window = MainWindow(paths, UiSettings(), worker)
        window.resize(1180, 680)
        window.show()
        QTimer.singleShot(0, window.start)
        wait_for(window.data_opened)  # after the tree is filled
        window.tree.expandAll()
        window.tree.select_site(_site_id(window, "东门社区教学点"))
        deadline = time.monotonic() + 5
        while not window.history.listings and time.monotonic() < deadline:
            app.processEvents()
        window.sites_splitter.setSizes([680, 500])
        app.processEvents()
        window.grab().save(str(HERE / "main-window.png"))
        assert window.inspections is not None and window.checklist is not None
        window.inspections.open(draft_id)
        wait_for(window.checklist.loaded)
        page = window.checklist
        page.go_to_criterion([c for _g, group in page.groups for c in group][2].id)
        strip = page.strips[page.current_card().criterion.id]  # type: ignore[union-attr]
        wait_for(strip.grid.model().rowsInserted)
        deadline = time.monotonic() + 5
        while any(strip.grid.item(i).icon().isNull() for i in range(strip.grid.count())):
            app.processEvents()
            if time.monotonic() > deadline:
                break
        app.processEvents()
        window.grab().save(str(HERE / "checklist.png"))
        window.close()
        worker.wait()
    return 0


def _site_id(window: MainWindow, name: str) -> str:
    for root in range(window.tree.topLevelItemCount()):
        node = window.tree.topLevelItem(root).data(0, NODE_ROLE)
        for site in node.walk():
            if site.name == name:
                return str(site.id)
    raise LookupError(name)


if __name__ == "__main__":
    QApplication.setDesktopSettingsAware(False)
    sys.exit(main())
