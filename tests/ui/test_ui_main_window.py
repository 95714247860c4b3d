"""The main window: opens on a data directory in the background and shows the site tree."""

from __future__ import annotations

import os
import sqlite3
import time
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from ui_helpers import LOAD_TIMEOUT_MS, add_completed_inspection, open_window

from inspector.app_paths import AppPaths
from inspector.services.context import AppContext, open_context
from inspector.services.sites import site_id_for_code
from inspector.ui.core import errors
from inspector.ui.core.exception_hook import ExceptionHook
from inspector.ui.core.settings import UiSettings, load_settings, save_settings
from inspector.ui.core.worker import Worker
from inspector.ui.labels import tier_name
from inspector.ui.main_window import MainWindow
from inspector.ui.pages.sites.site_rows import SITE_ID_ROLE


def test_main_window_shows_the_demo_sites(qtbot: QtBot, demo_context: AppContext) -> None:
    add_completed_inspection(demo_context, "330799001001", date(2026, 11, 20))
    demo_context.close()
    with open_window(qtbot, demo_context.paths) as window:
        tree = window.tree
        assert tree.site_count() == 31  # 1 college, 6 townships, 24 villages
        college = tree.topLevelItem(0)
        assert college.text(0) == "青溪县社区教育学院"
        assert college.text(2) == "330799000000"
        assert college.childCount() == 6
        township = college.child(0)
        assert township.text(0) == "城关街道社区学校"
        assert township.text(1) == tier_name("township")
        village = township.child(0)
        assert village.text(0) == "东门社区教学点"
        assert village.text(3).startswith("2026-11-20")
        assert village.text(3).endswith("%")
        assert tree.select_site(village.data(0, SITE_ID_ROLE))
        assert window.details.title.text() == "东门社区教学点"
        assert window.details.fields["code"].text() == "330799001001"


def test_an_empty_data_directory_says_how_to_add_sites(qtbot: QtBot, paths: AppPaths) -> None:
    with open_window(qtbot, paths) as window:
        assert window.tree.site_count() == 0
        assert "CSV" in window.status_text.text()
        assert paths.database.exists()


def test_a_database_from_a_newer_program_gets_a_plain_message(
    qtbot: QtBot, paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_context(paths).close()
    with sqlite3.connect(paths.database) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    conn.close()
    shown: list[str] = []
    monkeypatch.setattr(errors.QMessageBox, "warning",
                        lambda _parent, _title, text: shown.append(text))
    worker = Worker()
    window = MainWindow(paths, UiSettings(), worker)
    qtbot.addWidget(window)
    handle = window.start()
    with qtbot.waitSignal(handle.done, timeout=LOAD_TIMEOUT_MS):
        pass
    assert len(shown) == 1
    assert "newer" in shown[0]
    assert "Traceback" not in shown[0]
    assert window.context is None
    window.close()


def test_importing_sites_from_csv_fills_the_tree(
    qtbot: QtBot, paths: AppPaths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    csv_file = tmp_path / "sites.csv"
    csv_file.write_text(
        "区划代码,名称,层级,上级\n"
        "330700000000,示范县社区教育学院,县（市、区）社区教育学院,\n"
        "330700001000,示范镇社区学校,乡镇（街道）社区学校,330700000000\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(QMessageBox, "information", lambda *_args: None)
    with open_window(qtbot, paths) as window:
        with qtbot.waitSignal(window.sites_loaded, timeout=LOAD_TIMEOUT_MS) as loaded:
            window.csv.import_sites_from(csv_file)
        assert loaded.args == [2]
        assert set(window.tree.site_names()) == {"示范县社区教育学院", "示范镇社区学校"}


@pytest.mark.parametrize("existing", [True, False], ids=["existing-data", "new-data"])
def test_the_site_tree_comes_before_the_data_is_open_when_it_can(
    qtbot: QtBot, paths: AppPaths, existing: bool
) -> None:
    """An existing database shows its tree before SQLModel has loaded; a new one after opening."""
    if existing:
        from inspector.services.demo import load_demo

        context = open_context(paths)
        load_demo(context)
        add_completed_inspection(context, "330799001001", date(2026, 11, 20))
        context.close()
    worker = Worker()
    window = MainWindow(paths, UiSettings(language="en"), worker)
    qtbot.addWidget(window)
    seen: list[tuple[str, bool]] = []
    village = site_id_for_code("330799001001")

    def tree_filled(_count: int) -> None:
        seen.append(("tree", window.context is not None))
        window.tree.select_site(village)  # the user picks a site while the data opens

    window.sites_loaded.connect(tree_filled)
    window.data_opened.connect(lambda _c: seen.append(("opened", True)))
    try:
        with qtbot.waitSignal(window.data_opened, timeout=LOAD_TIMEOUT_MS):
            window.start()
        assert seen == [("tree", not existing), ("opened", True)]
        assert window.tree.site_count() == (31 if existing else 0)
        if existing:  # the site chosen before the data was open gets its history once it is
            qtbot.waitUntil(lambda: bool(window.history.listings), timeout=LOAD_TIMEOUT_MS)
            assert {listing.site_id for listing in window.history.listings} == {village}
    finally:
        window.close()
        worker.wait(LOAD_TIMEOUT_MS)


def test_a_bad_csv_row_is_reported_and_nothing_is_imported(
    qtbot: QtBot, paths: AppPaths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    csv_file = tmp_path / "bad.csv"
    csv_file.write_text("区划代码,名称,层级,上级\n12,坏站点,村,\n", encoding="utf-8")
    shown: list[str] = []
    monkeypatch.setattr(errors.QMessageBox, "warning",
                        lambda _parent, _title, text: shown.append(text))
    with open_window(qtbot, paths) as window:
        handle = window.csv.import_sites_from(csv_file)
        assert handle is not None
        with qtbot.waitSignal(handle.done, timeout=LOAD_TIMEOUT_MS):
            pass
        assert shown and "bad.csv" in shown[0]
        assert window.tree.site_count() == 0


def test_settings_are_kept_in_the_data_directory(paths: AppPaths) -> None:
    assert load_settings(paths.settings_file) == UiSettings(language="zh_CN")
    paths.ensure()
    paths.settings_file.write_text('{"other": 1}', encoding="utf-8")
    save_settings(paths.settings_file, UiSettings(language="en", inspector_name="李明"))
    assert load_settings(paths.settings_file) == UiSettings(language="en", inspector_name="李明")
    assert '"other": 1' in paths.settings_file.read_text(encoding="utf-8")
    paths.settings_file.write_text("{broken", encoding="utf-8")
    assert load_settings(paths.settings_file).language == "zh_CN"


def test_unexpected_errors_show_a_copyable_report(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    reports: list[str] = []
    monkeypatch.setattr(errors.ErrorReportDialog, "exec",
                        lambda dialog: reports.append(dialog.report) or 0)
    warnings: list[str] = []
    monkeypatch.setattr(errors.QMessageBox, "warning",
                        lambda _parent, _title, text: warnings.append(text))
    hook = ExceptionHook(lambda: None)
    try:
        raise RuntimeError("boom")
    except RuntimeError as exc:
        hook(RuntimeError, exc, exc.__traceback__)
    try:
        raise PermissionError(13, "Permission denied", "/media/usb/a.csv")
    except PermissionError as exc:
        hook(PermissionError, exc, exc.__traceback__)
    assert len(reports) == 1
    assert "RuntimeError: boom" in reports[0]
    assert "Traceback" in reports[0] and "Inspector" in reports[0]
    assert warnings == ["Permission denied: /media/usb/a.csv"]


def test_print_menu_and_sync_screen_are_reachable(qtbot: QtBot, demo_context: AppContext) -> None:
    from inspector.ui.pages.sync.screen import SyncScreen

    paths = demo_context.paths
    demo_context.close()
    with open_window(qtbot, paths) as window:
        assert window.printing is not None
        titles = [action.text() for action in window.menuBar().actions()]
        assert window.printing.menu.menuAction().text() in titles
        village = window.tree.site_named("东门社区教学点")
        assert village is not None
        window.tree.select_site(village.id)
        assert window.printing.site_id == village.id
        qtbot.waitUntil(lambda: bool(window.history.listings), timeout=LOAD_TIMEOUT_MS)
        window.history.list.setCurrentItem(window.history.list.topLevelItem(0))
        assert window.printing.inspection_id == window.history.listings[0].id
        window.sync_action.trigger()
        assert isinstance(window.pages.currentWidget(), SyncScreen)
        assert window.sync_screen is not None
        window.sync_screen.back_button.click()
        assert window.pages.currentWidget() is window.sites_page


def test_photo_files_nothing_refers_to_are_tidied_after_start(
    qtbot: QtBot, demo_context: AppContext
) -> None:
    import os
    import time

    from inspector.services.photo_store import PhotoStore

    store = PhotoStore.for_paths(demo_context.paths)
    kept = [path for _sha, path in store.stored_files()]
    assert kept  # the demo inspections' photos
    orphan = demo_context.paths.photos / "ab" / ("ab" + "0" * 62 + ".jpg")
    orphan.parent.mkdir(parents=True, exist_ok=True)
    orphan.write_bytes(b"\xff\xd8 left by an import that was killed")
    old = time.time() - 2 * 3600
    os.utime(orphan, (old, old))
    paths = demo_context.paths
    demo_context.close()
    with open_window(qtbot, paths) as window:
        assert window.tidy_job is not None
        qtbot.waitUntil(lambda: window.tidy_job is not None and window.tidy_job.is_done,
                        timeout=LOAD_TIMEOUT_MS)
    assert not orphan.exists()
    assert all(path.exists() for path in kept)


def test_a_damaged_database_leaves_a_way_to_its_backups(
    qtbot: QtBot, paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtGui import QDesktopServices

    paths.ensure()
    paths.database.write_bytes(b"not a database " * 100)
    shown: list[str] = []
    monkeypatch.setattr(errors.QMessageBox, "warning",
                        lambda _parent, _title, text: shown.append(text))
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl",
                        lambda url: opened.append(url.toLocalFile()) or True)
    worker = Worker()
    window = MainWindow(paths, UiSettings(language="en"), worker)
    qtbot.addWidget(window)
    try:
        handle = window.start()
        with qtbot.waitSignal(handle.failed, timeout=LOAD_TIMEOUT_MS):
            pass
        assert shown and "is not an Inspector database" in shown[0]
        assert "File → Open the data folder" in window.status_text.text()
        assert not window.import_action.isEnabled() and window.folder_action.isEnabled()
        window.folder_action.trigger()
        assert opened == [str(paths.data_dir)]
    finally:
        window.close()
        worker.wait(LOAD_TIMEOUT_MS)


def test_disk_problems_are_worded_for_people(tmp_path: Path) -> None:
    import errno as codes

    a_file = tmp_path / "数据"
    a_file.write_text("", encoding="utf-8")
    assert errors.plain_message(FileExistsError(codes.EEXIST, "File exists", str(a_file))) \
        == f"A folder is needed here, but this is a file: {a_file}"
    assert "could not be read or written" in errors.plain_message(  # a folder that exists
        FileExistsError(codes.EEXIST, "File exists", str(tmp_path)))

    assert errors.plain_message(OSError(codes.ENOSPC, "No space left on device")) == \
        "The disk is full. Free some space and try again."
    assert errors.plain_message(PermissionError(codes.EACCES, "Permission denied", "/media/u")) \
        == "Permission denied: /media/u"


def test_the_site_list_shows_the_assignment_from_the_office(
    qtbot: QtBot, demo_context: AppContext
) -> None:
    from datetime import timedelta

    from inspector.services.sync.assignments import add_assignment
    from inspector.ui.pages.sites.site_columns import ASSIGNMENT_COLUMN

    start = date.today()
    with demo_context.db.transaction() as session:
        add_assignment(session, site_id_for_code("330799001001"), "王芳", start,
                       start + timedelta(days=14), "复查上次检查的整改项")
    paths = demo_context.paths
    demo_context.close()
    with open_window(qtbot, paths, UiSettings(language="en")) as window:
        node = window.tree.site_named("东门社区教学点")
        assert node is not None and node.assignment is not None
        window.tree.select_site(node.id)
        item = window.tree.currentItem()
        assert item.text(ASSIGNMENT_COLUMN).endswith(" 王芳")
        assert "复查上次检查的整改项" in item.toolTip(ASSIGNMENT_COLUMN)
        assert window.details.fields["assignment"].text().startswith(start.isoformat())


def test_a_new_language_offers_to_restart_the_program(
    qtbot: QtBot, demo_context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    from PySide6.QtCore import QProcess

    paths = demo_context.paths
    demo_context.close()
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *_args: answers.pop(0))
    started: list[tuple[str, list[str]]] = []
    monkeypatch.setattr(QProcess, "startDetached",
                        lambda program, arguments: started.append((program, arguments))
                        or (True, 4242))
    with open_window(qtbot, paths) as window:
        assert window.offer_restart() is False and started == []  # "No": nothing happens
        assert window.offer_restart() is True
        assert started == [(sys.orig_argv[0], sys.orig_argv[1:])]  # the same command again
        assert not window.isVisible()


def test_when_the_program_cannot_start_again_the_user_is_told(
    qtbot: QtBot, paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QProcess

    monkeypatch.setattr(QMessageBox, "question", lambda *_args: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QProcess, "startDetached", lambda _program, _arguments: (False, 0))
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: told.append(text))
    with open_window(qtbot, paths) as window:
        assert window.offer_restart() is False
        assert window.isVisible() and told == [
            "The program could not be started again; please start it yourself."]


def test_a_used_folder_with_an_empty_database_is_refused_and_its_photos_stay(
    qtbot: QtBot, paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Opened as a new installation, the start-up clean-up would delete every photo."""
    from inspector.services.demo import load_demo

    context = open_context(paths)
    load_demo(context)  # with photos
    context.close()
    photos_before = sorted(p for p in paths.photos.rglob("*") if p.is_file())
    assert len(photos_before) > 2
    old = time.time() - 7 * 24 * 3600  # far beyond the clean-up's hour of grace
    for path in photos_before:
        os.utime(path, (old, old))
    for suffix in ("-wal", "-shm"):
        Path(f"{paths.database}{suffix}").unlink(missing_ok=True)
    paths.database.write_bytes(b"")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda _parent, _title, text, *a: shown.append(text))
    worker = Worker()
    window = MainWindow(paths, UiSettings(language="en"), worker)
    qtbot.addWidget(window)
    try:
        window.start()
        qtbot.waitUntil(lambda: bool(shown), timeout=LOAD_TIMEOUT_MS)
        assert "backups restore" in shown[0]
        assert window.context is None
    finally:
        window.close()
        worker.wait(LOAD_TIMEOUT_MS)
    assert sorted(p for p in paths.photos.rglob("*") if p.is_file()) == photos_before
    assert paths.database.stat().st_size == 0
