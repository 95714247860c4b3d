"""A Chinese window says nothing in English: the main window and its menus, the Sync screen,
the import preview, and Qt's own dialogs (the file dialog opened as the program opens it, message
boxes' buttons, input and progress dialogs), with Qt's translation and ours installed as the
program installs them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QInputDialog,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QTreeView,
    QWidget,
)
from pytestqt.qtbot import QtBot
from ui_helpers import open_window
from ui_text import english_words, untranslated

from inspector.app_paths import AppPaths
from inspector.services.context import AppContext
from inspector.ui.app import install_translators
from inspector.ui.core.file_dialogs import Mode, make_dialog, native_dialogs
from inspector.ui.core.qt_strings import qt_dialog_words
from inspector.ui.core.settings import UiSettings
from inspector.ui.core.worker import Worker

TIMEOUT = 30_000


@pytest.fixture
def chinese(qtbot: QtBot) -> Iterator[None]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = install_translators(app, "zh_CN")
    yield
    for translator in translators:
        app.removeTranslator(translator)


def _shown(qtbot: QtBot, widget: QWidget) -> QWidget:
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_the_checker_finds_english_and_lets_names_and_paths_be() -> None:
    assert english_words("Look in: 文件") == ["Look", "in"]
    assert english_words("文件(&F) 导出 PDF、CSV 文件 (*.pdf *.inspector-bundle)") == []
    assert english_words("数据文件夹：/tmp/pytest-of-root/test_x/data Ctrl+Shift+F") == []
    assert english_words("指纹 5C74 84F7 A2D0 1877 DDDE BB35 F3B9 DBD3") == []
    assert english_words("东门社区教学点_2026-05-12_检查报告.pdf 4.00 KiB") == []


def test_qt_s_missing_words_are_ours_in_chinese(chinese: None) -> None:
    words = qt_dialog_words()
    assert "查找范围(&L)：" in words and "文件类型(&T)：" in words and "文件夹" in words
    assert [word for word in words if english_words(word)] == []


def test_the_main_window_and_the_sync_screen_speak_chinese(
        qtbot: QtBot, chinese: None, demo_context: AppContext,
        monkeypatch: pytest.MonkeyPatch) -> None:
    import platform

    # The header names this computer as the system does: on a county laptop, in Chinese.
    monkeypatch.setattr(platform, "node", lambda: "张明的笔记本")
    paths: AppPaths = demo_context.paths
    demo_context.close()
    with open_window(qtbot, paths, UiSettings(language="zh_CN")) as window:
        window.tree.select_site(window.tree.site_named("东门社区教学点").id)  # type: ignore[union-attr]
        qtbot.waitUntil(lambda: window.history.isEnabled(), timeout=TIMEOUT)
        assert untranslated(window) == []
        menus = window.menuBar().findChildren(QMenu)
        assert len(menus) >= 4
        for menu in menus:
            assert untranslated(menu) == [], menu.title()
        window.show_sync()
        screen = window.sync_screen
        assert screen is not None
        qtbot.waitUntil(lambda: screen.overview is not None, timeout=TIMEOUT)
        for index in range(screen.tabs.count()):
            screen.tabs.setCurrentIndex(index)
            assert untranslated(screen) == [], screen.tabs.tabText(index)
        window.open_data_folder()  # no file manager offscreen: a message says where
        for box in window.findChildren(QMessageBox):
            assert untranslated(box) == []
            box.close()


def test_the_import_preview_and_the_assignments_speak_chinese(
        qtbot: QtBot, chinese: None, tmp_path: Path) -> None:
    from sync_helpers import VILLAGE, completed_inspection, installation

    from inspector.services.sites import site_id_for_code
    from inspector.services.sync.assignments import add_assignment
    from inspector.services.sync.export import export_bundle
    from inspector.services.sync.identity import Role, set_role
    from inspector.services.sync.importer import prepare_import
    from inspector.ui.core.operations import Operations
    from inspector.ui.dialogs.sync_assignments import AssignmentDialog
    from inspector.ui.dialogs.sync_import import ImportPreviewDialog
    from inspector.ui.pages.sync.screen import SyncScreen

    field = installation(tmp_path, "field", Role.FIELD)
    office = installation(tmp_path, "office", Role.OFFICE)
    set_role(field.paths, Role.FIELD, name="张明的笔记本")  # names as people give them
    set_role(office.paths, Role.OFFICE, name="县督导办")
    worker = Worker()
    try:
        completed_inspection(field, photos=1, seed=81)
        prepared = prepare_import(office, export_bundle(field, tmp_path / "r.bundle").path,
                                  trust_new_device=True)
        try:
            dialog = _shown(qtbot, ImportPreviewDialog(prepared))
            dialog.details.setChecked(True)  # the records in detail too
            assert untranslated(dialog) == []
            assert "新" in dialog.inspections.item(0, 0).text()  # type: ignore[union-attr]
        finally:
            prepared.discard()
        with office.db.transaction() as session:
            add_assignment(session, site_id_for_code(VILLAGE), "王芳", date(2020, 1, 1),
                           date(2020, 1, 31))
        desk = _shown(qtbot, SyncScreen(Operations(worker)))
        with qtbot.waitSignal(desk.overview_loaded, timeout=TIMEOUT):
            desk.set_context(office)  # type: ignore[attr-defined]
        desk.tabs.setCurrentWidget(desk.assignments)  # type: ignore[attr-defined]
        assert untranslated(desk) == []
        assert untranslated(_shown(qtbot, AssignmentDialog([("s", "东门社区教学点")]))) == []
    finally:
        worker.cancel_all()
        worker.wait(TIMEOUT)
        field.close()
        office.close()


@pytest.mark.parametrize("mode", list(Mode))
def test_the_file_dialog_speaks_chinese(qtbot: QtBot, chinese: None, tmp_path: Path,
                                        mode: Mode, monkeypatch: pytest.MonkeyPatch) -> None:
    if native_dialogs():
        pytest.skip("the system's own dialog, in the system's language")
    home = tmp_path / "张明"  # the side bar names the home folder: a user's own name
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    (tmp_path / "东门社区教学点_检查表.pdf").write_bytes(b"%PDF-1.4\n" * 20)
    (tmp_path / "small.csv").write_bytes(b"a,b\n")
    (tmp_path / "照片").mkdir()
    dialog = make_dialog(None, "另存为", tmp_path, mode,
                         filters="PDF 文件 (*.pdf);;所有文件 (*)",
                         name="村级教学站点_空白检查表.pdf" if mode is Mode.SAVE else "")
    assert dialog.testOption(QFileDialog.Option.DontUseNativeDialog)
    _shown(qtbot, dialog)
    if mode is not Mode.FOLDER:
        dialog.selectNameFilter("所有文件 (*)")
    view = dialog.findChild(QTreeView, "treeView")
    assert view is not None
    qtbot.waitUntil(lambda: view.model().rowCount(view.rootIndex()) >= 1, timeout=TIMEOUT)
    for view_mode in (QFileDialog.ViewMode.Detail, QFileDialog.ViewMode.List):
        dialog.setViewMode(view_mode)
        assert untranslated(dialog) == []


def test_message_boxes_input_and_progress_dialogs_speak_chinese(qtbot: QtBot,
                                                                chinese: None) -> None:
    buttons = QMessageBox.StandardButton
    for standard in (buttons.Ok | buttons.Cancel, buttons.Yes | buttons.No | buttons.Cancel,
                     buttons.Close, buttons.Save | buttons.Discard | buttons.Cancel,
                     buttons.Open | buttons.Close, buttons.Retry | buttons.Ignore | buttons.Abort):
        box = QMessageBox(QMessageBox.Icon.Question, "提问", "要继续吗？", standard)
        box.setDetailedText("详细信息")
        assert untranslated(_shown(qtbot, box)) == []
    choose = QInputDialog()
    choose.setComboBoxItems(["县（市、区）社区教育学院", "村（社区）教学站（点）"])
    choose.setLabelText("哪一级的检查表？")
    assert untranslated(_shown(qtbot, choose)) == []
    progress = QProgressDialog("正在准备报告……", "取消", 0, 10)
    progress.setValue(3)
    assert untranslated(_shown(qtbot, progress)) == []
