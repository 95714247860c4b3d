"""Photos in the GUI: file import (good and bad files), drop, folder import, viewer actions."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from pytestqt.qtbot import QtBot
from ui_helpers import LOAD_TIMEOUT_MS, open_window, start_inspection_in

from inspector.services.context import AppContext
from inspector.ui.dialogs.photo_viewer import PhotoViewer
from inspector.ui.widgets.photo_strip import PhotoStrip


def _jpeg(path: Path, color: tuple[int, int, int]) -> Path:
    Image.new("RGB", (64, 48), color).save(path, "JPEG")
    return path


def _imported(qtbot: QtBot, strip: PhotoStrip, action):  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(strip.import_finished, timeout=LOAD_TIMEOUT_MS) as finished:
        action()
    return finished.args[0]


def test_photos_by_dialog_path_drop_folder_and_viewer(qtbot: QtBot, demo_context: AppContext,
                                                     tmp_path: Path) -> None:
    red = _jpeg(tmp_path / "red.jpg", (200, 30, 30))
    blue = _jpeg(tmp_path / "blue.jpg", (30, 30, 200))
    fake = tmp_path / "notes.jpg"
    fake.write_text("not a photo", encoding="utf-8")
    paths = demo_context.paths
    demo_context.close()
    with open_window(qtbot, paths) as window:
        start_inspection_in(qtbot, window, "上塘村教学站")
        page = window.checklist
        assert page is not None
        card = page.current_card()
        assert card is not None
        strip = page.strips[card.criterion.id]

        # The file-dialog path: a good photo and a text file named .jpg.
        report = _imported(qtbot, strip, lambda: strip.add_paths([red, fake]))
        assert len(report.added) == 1
        assert [p.name for p, _reason in report.rejected] == ["notes.jpg"]
        qtbot.waitUntil(lambda: strip.grid.count() == 1, timeout=LOAD_TIMEOUT_MS)

        # A simulated drop of two files, one already there: stored once.
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(str(blue)), QUrl.fromLocalFile(str(red))])
        drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                          Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
        # (QApplication.sendEvent does not deliver drag events without a real drag in
        # progress, so the drop is handed to the grid's viewport filter as Qt would.)
        viewport = strip.grid.viewport()
        report = _imported(qtbot, strip, lambda: strip.grid.eventFilter(viewport, drop))
        assert len(report.added) == 1 and [p.name for p in report.duplicates] == ["red.jpg"]
        qtbot.waitUntil(lambda: strip.grid.count() == 2, timeout=LOAD_TIMEOUT_MS)
        qtbot.waitUntil(lambda: not strip.grid.item(0).icon().isNull(), timeout=LOAD_TIMEOUT_MS)

        # The viewer: rotate (metadata only) and delete.
        viewer = PhotoViewer(window.ops, strip.context, strip.records, 0, False, strip)
        qtbot.waitUntil(lambda: viewer.pixmap is not None, timeout=LOAD_TIMEOUT_MS)
        original = viewer.pixmap.size()  # type: ignore[union-attr]
        with qtbot.waitSignal(window.ops.changed, timeout=LOAD_TIMEOUT_MS):
            viewer.rotate(90)
        assert viewer.record.rotation == 90
        qtbot.waitUntil(lambda: viewer.pixmap is not None
                        and viewer.pixmap.size().width() == original.height(),
                        timeout=LOAD_TIMEOUT_MS)
        assert red.read_bytes()[:2] == b"\xff\xd8"  # the original file is untouched
        with qtbot.waitSignal(window.ops.changed, timeout=LOAD_TIMEOUT_MS):
            viewer.delete_confirmed()
        assert len(viewer.records) == 1
        viewer.close()

        # A whole folder as general photos of the visit.
        folder = tmp_path / "DCIM"
        folder.mkdir()
        for index in range(3):
            _jpeg(folder / f"IMG_{index:04d}.JPG", (10 * index, 90, 40))
        page.move_indicator(100)  # past the last indicator: nothing happens
        general_item = page.indicators.general_item()
        page.indicators.setCurrentItem(general_item)
        general = page.strips[None]
        report = _imported(qtbot, general, lambda: general.add_paths([folder]))
        assert len(report.added) == 3
        qtbot.waitUntil(lambda: general_item.text(1) == "3", timeout=LOAD_TIMEOUT_MS)
        qtbot.waitUntil(lambda: len(general.records) == 3, timeout=LOAD_TIMEOUT_MS)

        # ... then assigned to a criterion from the viewer.
        target = card.criterion.id
        assert any(t == target for t, _label in general.targets)
        viewer = PhotoViewer(window.ops, general.context, general.records, 0, False,
                             general, general.targets)
        with qtbot.waitSignal(window.ops.changed, timeout=LOAD_TIMEOUT_MS):
            viewer.assign_to(target)
        assert viewer.record.criterion_id == target
        qtbot.waitUntil(lambda: len(general.records) == 2, timeout=LOAD_TIMEOUT_MS)
        viewer.close()

        # The overall comment, in its own section after the general photos, is autosaved
        # like the criteria notes.
        page.show_overall_comment()
        assert page.overall_comment is not None
        page.overall_comment.setPlainText("村委会会议室兼作教室")
        page.flush()
        qtbot.waitUntil(lambda: page.saver.pending == 0, timeout=LOAD_TIMEOUT_MS)
        with qtbot.waitSignal(page.loaded, timeout=LOAD_TIMEOUT_MS):
            page.reload()
        assert page.data is not None and page.data.general_note == "村委会会议室兼作教室"


def test_cancelling_a_photo_import_keeps_only_whole_photos(
    qtbot: QtBot, demo_context: AppContext, tmp_path: Path
) -> None:
    folder = tmp_path / "card"
    folder.mkdir()
    for index in range(40):
        _jpeg(folder / f"IMG_{index:04d}.JPG", (index * 5, 80, 120))
    paths = demo_context.paths
    demo_context.close()
    with open_window(qtbot, paths) as window:
        start_inspection_in(qtbot, window, "上塘村教学站")
        page = window.checklist
        assert page is not None
        page.indicators.setCurrentItem(page.indicators.general_item())
        general = page.strips[None]
        before = set(paths.photos.rglob("*.*"))  # the demo's own photos
        progress: list[int] = []
        handle = general.add_paths([folder])
        assert handle is not None
        handle.progress.connect(lambda done, _total, _name: (progress.append(done),
                                                             handle.cancel()))
        with qtbot.waitSignal(general.import_finished, timeout=LOAD_TIMEOUT_MS) as finished:
            pass
        report = finished.args[0]
        assert report.cancelled
        assert 1 <= len(report.added) < 40
        qtbot.waitUntil(lambda: general.grid.count() == len(report.added),
                        timeout=LOAD_TIMEOUT_MS)
        new_files = set(paths.photos.rglob("*.*")) - before
        assert len(new_files) == len(report.added)  # nothing half-stored, no temp copy left


def test_several_photos_move_to_a_criterion_at_once(qtbot: QtBot, demo_context: AppContext,
                                                    tmp_path: Path) -> None:
    folder = tmp_path / "DCIM"
    folder.mkdir()
    for index in range(4):
        _jpeg(folder / f"IMG_{index:04d}.JPG", (40 * index, 90, 40))
    paths = demo_context.paths
    demo_context.close()
    with open_window(qtbot, paths) as window:
        start_inspection_in(qtbot, window, "上塘村教学站")
        page = window.checklist
        assert page is not None
        first, second = (card.criterion.id for card in page.cards[:2])
        general_item = page.indicators.general_item()
        page.indicators.setCurrentItem(general_item)
        general = page.strips[None]
        _imported(qtbot, general, lambda: general.add_paths([folder]))
        qtbot.waitUntil(lambda: general.grid.count() == 4, timeout=LOAD_TIMEOUT_MS)
        assert not general.move_button.isEnabled()  # nothing selected yet

        # Pick the 2nd and 4th photo (Ctrl+click) and move them to the first criterion.
        for row in (1, 3):
            rect = general.grid.visualItemRect(general.grid.item(row))
            qtbot.mouseClick(general.grid.viewport(), Qt.MouseButton.LeftButton,
                             Qt.KeyboardModifier.ControlModifier, rect.center())
        chosen = general.selected_ids()
        assert len(chosen) == 2 and general.move_button.isEnabled()
        labels = [action.text() for action in general.move_menu.actions()]
        assert len(labels) == 21 and labels[0].startswith("1.")  # every criterion, no "general"
        with qtbot.waitSignal(window.ops.changed, timeout=LOAD_TIMEOUT_MS):
            general.move_menu.actions()[0].trigger()
        qtbot.waitUntil(lambda: general.grid.count() == 2, timeout=LOAD_TIMEOUT_MS)
        qtbot.waitUntil(lambda: general_item.text(1) == "2", timeout=LOAD_TIMEOUT_MS)

        # On the criterion's card they are there, in the order they were shown.
        page.indicators.setCurrentItem(page.indicators.item_for_group(0))
        strip = page.strips[first]
        qtbot.waitUntil(lambda: [r.id for r in strip.records] == chosen, timeout=LOAD_TIMEOUT_MS)

        # Moving on to a criterion shown beside it updates that one at once.
        strip.grid.selectAll()
        target = next(a for a in strip.move_menu.actions() if a.text().startswith(
            page.numbers[second]))
        with qtbot.waitSignal(window.ops.changed, timeout=LOAD_TIMEOUT_MS):
            target.trigger()
        qtbot.waitUntil(lambda: [r.id for r in page.strips[second].records] == chosen,
                        timeout=LOAD_TIMEOUT_MS)
        qtbot.waitUntil(lambda: strip.grid.count() == 0, timeout=LOAD_TIMEOUT_MS)


def test_files_chosen_together_are_added_in_natural_order(
    qtbot: QtBot, demo_context: AppContext, tmp_path: Path,
) -> None:
    """m1, m2, m10 — whatever order the file dialog or the file manager hands them over in."""
    files = [_jpeg(tmp_path / f"m{n}.jpg", (20 * n, 60, 90)) for n in (10, 2, 1)]
    paths = demo_context.paths
    demo_context.close()
    with open_window(qtbot, paths) as window:
        start_inspection_in(qtbot, window, "上塘村教学站")
        page = window.checklist
        assert page is not None
        card = page.current_card()
        assert card is not None
        strip = page.strips[card.criterion.id]
        report = _imported(qtbot, strip, lambda: strip.add_paths(files))
        assert [r.original_name for r in report.added] == ["m1.jpg", "m2.jpg", "m10.jpg"]
        qtbot.waitUntil(lambda: strip.grid.count() == 3, timeout=LOAD_TIMEOUT_MS)
        assert [strip.grid.item(row).text() for row in range(3)] == [
            "m1.jpg", "m2.jpg", "m10.jpg"]


def test_the_photo_dialogs_start_where_photos_came_from_last(
    qtbot: QtBot, demo_context: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Adding photos asks through the program's file dialogs, which remember the folder
    (an SD card, a phone's copy) for the next time."""
    from inspector.ui.core.file_dialogs import FileDialogs, Mode, Purpose

    card_folder = tmp_path / "DCIM"
    card_folder.mkdir()
    photo = _jpeg(card_folder / "IMG_0001.jpg", (90, 60, 30))
    asked: list[tuple[Mode, Purpose]] = []

    def ask(self: FileDialogs, parent: object, title: str, mode: Mode, purpose: Purpose,
            **_kw: object) -> list[Path]:
        asked.append((mode, purpose))
        return [photo] if mode is Mode.OPEN_MANY else []

    monkeypatch.setattr(FileDialogs, "ask", ask)
    paths = demo_context.paths
    demo_context.close()
    with open_window(qtbot, paths) as window:
        start_inspection_in(qtbot, window, "上塘村教学站")
        page = window.checklist
        assert page is not None
        card = page.current_card()
        assert card is not None
        strip = page.strips[card.criterion.id]
        report = _imported(qtbot, strip, strip.choose_files)
        assert [r.original_name for r in report.added] == ["IMG_0001.jpg"]
        strip.choose_folder()  # cancelled: nothing more happens
    assert asked == [(Mode.OPEN_MANY, Purpose.PHOTOS), (Mode.FOLDER, Purpose.PHOTOS)]
