"""Deleting a photo can be undone: in the viewer, and on the strip once the viewer is closed."""

from __future__ import annotations

from pathlib import Path

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlmodel import select
from ui_helpers import LOAD_TIMEOUT_MS, open_window, start_inspection_in

from inspector.services.context import AppContext, open_context
from inspector.storage.models import Photo
from inspector.ui.widgets.photo_strip import PhotoStrip


def _stored_ids(paths: object, inspection_id: str) -> list[str]:
    context = open_context(paths)  # type: ignore[arg-type]
    try:
        with context.db.session() as session:
            rows = session.exec(select(Photo).where(Photo.inspection_id == inspection_id))
            return [row.id for row in rows]
    finally:
        context.close()


def _open_viewer(qtbot: QtBot, strip: PhotoStrip, row: int):  # type: ignore[no-untyped-def]
    strip.grid.itemActivated.emit(strip.grid.item(row))
    viewer = strip.viewer
    assert viewer is not None
    qtbot.waitUntil(lambda: viewer.pixmap is not None, timeout=LOAD_TIMEOUT_MS)
    return viewer


def test_a_deleted_photo_comes_back_with_undo(qtbot: QtBot, demo_context: AppContext,
                                             tmp_path: Path) -> None:
    files = []
    for name, color in (("a.jpg", (200, 30, 30)), ("b.jpg", (30, 30, 200))):
        Image.new("RGB", (48, 32), color).save(tmp_path / name, "JPEG")
        files.append(tmp_path / name)
    paths = demo_context.paths
    demo_context.close()
    with open_window(qtbot, paths) as window:
        start_inspection_in(qtbot, window, "上塘村教学站")
        page = window.checklist
        assert page is not None and page.data is not None
        inspection_id = page.data.inspection_id
        card = page.current_card()
        assert card is not None
        strip = page.strips[card.criterion.id]
        with qtbot.waitSignal(strip.import_finished, timeout=LOAD_TIMEOUT_MS):
            strip.add_paths(files)
        qtbot.waitUntil(lambda: strip.grid.count() == 2, timeout=LOAD_TIMEOUT_MS)
        original = _stored_ids(paths, inspection_id)

        # Delete in the viewer, undo there (the button; Ctrl+Z does the same).
        viewer = _open_viewer(qtbot, strip, 0)
        with qtbot.waitSignal(viewer.deleted, timeout=LOAD_TIMEOUT_MS):
            viewer.delete_confirmed()
        assert len(_stored_ids(paths, inspection_id)) == 1
        assert viewer.undo_bar.isVisible()
        assert "a.jpg" in viewer.undo_bar.label.text()
        with qtbot.waitSignal(viewer.restored, timeout=LOAD_TIMEOUT_MS):
            qtbot.mouseClick(viewer.undo_bar.undo_button, Qt.MouseButton.LeftButton)
        assert sorted(_stored_ids(paths, inspection_id)) == sorted(original)
        assert [r.original_name for r in viewer.records] == ["a.jpg", "b.jpg"]
        assert not viewer.undo_bar.isVisible() and not strip.undo_bar.isVisibleTo(strip)

        # Delete, close the viewer: the strip offers the undo.
        with qtbot.waitSignal(viewer.deleted, timeout=LOAD_TIMEOUT_MS):
            viewer.delete_confirmed()
        viewer.close()
        qtbot.waitUntil(lambda: strip.grid.count() == 1, timeout=LOAD_TIMEOUT_MS)
        assert strip.undo_bar.isVisible()
        window.activateWindow()  # Ctrl+Z works within the active window
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=LOAD_TIMEOUT_MS)
        with qtbot.waitSignal(window.ops.changed, timeout=LOAD_TIMEOUT_MS):
            qtbot.keySequence(page, QKeySequence(QKeySequence.StandardKey.Undo))
        qtbot.waitUntil(lambda: strip.grid.count() == 2, timeout=LOAD_TIMEOUT_MS)
        assert sorted(_stored_ids(paths, inspection_id)) == sorted(original)
        assert not strip.undo_bar.isVisible()
