"""Helpers shared by the GUI tests (tests/ui/): windows on a fresh data directory."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from inspector.app_paths import AppPaths
from inspector.services.context import AppContext
from inspector.ui.core.settings import UiSettings
from inspector.ui.core.worker import Worker
from inspector.ui.main_window import MainWindow

LOAD_TIMEOUT_MS = 20_000


def add_completed_inspection(context: AppContext, site_code: str, visit: date) -> str:
    """A completed inspection of a demo site: everything meets, one criterion partly with a note."""
    from inspector.services import inspections
    from inspector.services.sites import find_by_code

    with context.db.transaction() as session:
        site = find_by_code(session, site_code)
        assert site is not None
        inspection = inspections.start_inspection(session, site.id, visit, inspectors="王芳")
        state = inspections.load_state(session, inspection.id)
        for index, criterion in enumerate(state.criteria):
            rating = "partly" if index == 0 else "meets"
            inspections.set_rating(session, inspection.id, criterion.id, rating)
            if rating == "partly":
                inspections.set_note(session, inspection.id, criterion.id, "制度未上墙")
        inspections.complete(session, inspection.id, actor="王芳")
        return inspection.id


@contextmanager
def open_window(qtbot: QtBot, paths: AppPaths,
                settings: UiSettings | None = None) -> Iterator[MainWindow]:
    """The main window on ``paths``, shown, with its site tree loaded; closed afterwards."""
    worker = Worker()
    window = MainWindow(paths, settings or UiSettings(), worker)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignals([window.sites_loaded, window.data_opened], timeout=LOAD_TIMEOUT_MS):
        window.start()
    try:
        yield window
    finally:
        window.close()
        worker.wait(LOAD_TIMEOUT_MS)


def start_inspection_in(qtbot: QtBot, window: MainWindow, site_name: str,
                        previous: bool = False) -> None:
    """Start an inspection of ``site_name`` through the start dialog; the checklist opens."""
    site = window.tree.site_named(site_name)
    assert site is not None
    window.tree.select_site(site.id)
    controller = window.inspections
    assert controller is not None
    dialog = controller.start_dialog(site, window.history.listings)
    dialog.inspectors.setText("王芳、李明")
    dialog.site_staff.setText("村主任 张强")
    dialog.visit_date.setDate(QDate(2026, 11, 28))
    if not previous:
        dialog.revisit.setCurrentIndex(0)
    with qtbot.waitSignal(controller.opened, timeout=LOAD_TIMEOUT_MS):
        controller.start_from(dialog, site)
    assert window.pages.currentWidget() is window.checklist
    if window.isVisible():
        # A progress dialog shown meanwhile (a slow machine) takes the keyboard; offscreen
        # no window manager gives it back to the window when it closes, as a desktop does.
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=LOAD_TIMEOUT_MS)
