"""Starting the program: `inspector` with no command opens the window and fills the tree."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from inspector.app_paths import AppPaths
from inspector.services.context import AppContext
from inspector.services.store_lock import WINDOW_LOCK_NAME, WindowClaim
from inspector.ui.app import (
    PROBE_ENV,
    PROBE_TREE,
    PROBE_WINDOW,
    install_translators,
    refuse_second_window,
)
from inspector.ui.core.restart import RESTART_ENV
from inspector.ui.core.settings import UiSettings
from inspector.ui.dialogs.settings import SettingsDialog


def test_inspector_without_a_command_shows_the_site_tree(demo_context: AppContext) -> None:
    data_dir = str(demo_context.paths.data_dir)
    demo_context.close()
    result = subprocess.run(
        [sys.executable, "-m", "inspector", "--data-dir", data_dir, "--language", "en"],
        capture_output=True, text=True, timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", PROBE_ENV: "tree"},
    )
    assert result.returncode == 0, result.stderr
    assert f"{PROBE_TREE} 31" in result.stdout
    assert "Traceback" not in result.stderr


def test_the_settings_dialog_offers_both_languages(qtbot: QtBot) -> None:
    dialog = SettingsDialog(UiSettings(language="zh_CN", inspector_name="王芳"))
    qtbot.addWidget(dialog)
    assert [dialog.language.itemData(i) for i in range(dialog.language.count())] == [
        "zh_CN", "en"]
    dialog.language.setCurrentIndex(1)
    dialog.inspector_name.setText(" 李明 ")
    assert dialog.chosen() == UiSettings(language="en", inspector_name="李明")


def test_the_application_has_its_icon_in_every_shipped_size() -> None:
    from inspector.ui.app import ICON_SIZES, app_icon

    icon = app_icon()
    assert {size.width() for size in icon.availableSizes()} == set(ICON_SIZES)
    assert icon.pixmap(32, 32).width() == 32


def test_the_garbage_collector_is_frozen_once_the_data_is_loaded(
    qtbot: QtBot, demo_context: AppContext
) -> None:
    import gc

    from ui_helpers import LOAD_TIMEOUT_MS

    from inspector.ui.app import freeze_gc_once_loaded
    from inspector.ui.core.worker import Worker
    from inspector.ui.main_window import MainWindow

    paths = demo_context.paths
    demo_context.close()
    worker = Worker()
    window = MainWindow(paths, UiSettings(), worker)
    qtbot.addWidget(window)
    freeze_gc_once_loaded(window)
    gc.unfreeze()
    try:
        with qtbot.waitSignal(window.data_opened, timeout=LOAD_TIMEOUT_MS):
            window.start()
        qtbot.waitUntil(lambda: gc.get_freeze_count() > 0, timeout=LOAD_TIMEOUT_MS)
        assert window.tree.site_count() == 31
    finally:
        gc.unfreeze()  # the rest of the test session collects as usual
        window.close()
        worker.wait(LOAD_TIMEOUT_MS)


def test_the_window_is_shown_empty_and_filled_once_the_cjk_font_is_in(
    qtbot: QtBot, demo_context: AppContext
) -> None:
    from PySide6.QtWidgets import QApplication
    from ui_helpers import LOAD_TIMEOUT_MS

    from inspector.ui.app import finish_start_up
    from inspector.ui.core.worker import Worker
    from inspector.ui.main_window import MainWindow

    paths = demo_context.paths
    demo_context.close()
    worker = Worker()
    window = MainWindow(paths, UiSettings(language="en"), worker)
    qtbot.addWidget(window)
    # Nothing with text before the font is registered: no boxes on a system without CJK fonts.
    assert window.status_text.text() == "" and not window.built
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    try:
        with qtbot.waitSignal(window.data_opened, timeout=LOAD_TIMEOUT_MS):
            finish_start_up(app, window, "en")
            assert window.built and window.status_text.text() == "Opening the data…"
        assert any("Droid Sans Fallback" in family for family in app.font().families())
        assert not app.windowIcon().isNull()
        assert window.tree.site_count() == 31
    finally:
        window.close()
        worker.wait(LOAD_TIMEOUT_MS)


def test_a_second_window_on_one_data_folder_is_refused(tmp_path: Path) -> None:
    """Two windows on one folder would each show what the other overwrote: the second
    one says the folder is open elsewhere instead (real processes)."""
    data_dir = tmp_path / "data"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    first = subprocess.Popen(
        [sys.executable, "-m", "inspector", "--data-dir", str(data_dir), "--language", "en"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
    second = None
    try:
        deadline = time.monotonic() + 60
        while True:  # until the first window holds the folder
            if (data_dir / WINDOW_LOCK_NAME).exists():
                probe = WindowClaim(data_dir)
                if not probe.try_claim():
                    break
                probe.release()
            assert first.poll() is None and time.monotonic() < deadline
            time.sleep(0.05)
        second = subprocess.Popen(
            [sys.executable, "-m", "inspector", "--data-dir", str(data_dir), "--language", "en"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
        assert second.stderr is not None
        line = second.stderr.readline()
        assert "already open in another Inspector window" in line
        assert first.poll() is None  # the first window goes on
    finally:
        for process in (second, first):
            if process is not None:
                process.kill()
                process.communicate(timeout=30)


def test_the_refusal_is_worded_in_chinese(qtbot: QtBot, tmp_path: Path) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = install_translators(app, "zh_CN")
    try:
        text = refuse_second_window(app, AppPaths.resolve(tmp_path), "zh_CN", show=False)
    finally:
        for translator in translators:
            app.removeTranslator(translator)
    assert "另一个" in text and str(tmp_path) in text


def test_a_restarted_program_waits_for_the_closing_window(tmp_path: Path) -> None:
    """A language change or a restored backup starts the program again while the old
    window still holds the folder for a moment: the new one waits, it is not refused."""
    data_dir = tmp_path / "data"
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys; from pathlib import Path; "
         "from inspector.services.store_lock import WindowClaim; "
         "c = WindowClaim(Path(sys.argv[1])); print(c.try_claim(), flush=True); "
         "sys.stdin.readline(); c.release(); sys.stdin.read()", str(data_dir)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdin is not None
    assert holder.stdout.readline().strip() == "True"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", PROBE_ENV: "window",
           RESTART_ENV: "1"}
    restarted = subprocess.Popen(
        [sys.executable, "-m", "inspector", "--data-dir", str(data_dir), "--language", "en"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        time.sleep(1.0)  # the old window is still closing
        assert restarted.poll() is None
        holder.stdin.write("release\n")
        holder.stdin.flush()
        out, err = restarted.communicate(timeout=60)
        assert restarted.returncode == 0, err
        assert PROBE_WINDOW in out
    finally:
        holder.communicate("", timeout=30)
        if restarted.poll() is None:
            restarted.kill()
