"""First start: the window asks what this computer is for, once, without blocking."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from ui_helpers import LOAD_TIMEOUT_MS, open_window

from inspector.app_paths import AppPaths
from inspector.services.context import open_context
from inspector.services.sync.identity import Role, load_identity, set_role
from inspector.ui.core.settings import UiSettings


def test_the_first_start_asks_for_the_role_and_keeps_the_answer(qtbot: QtBot,
                                                                paths: AppPaths) -> None:
    with open_window(qtbot, paths, UiSettings(language="en", inspector_name="王芳")) as window:
        banner = window.role_banner
        qtbot.waitUntil(banner.isVisible, timeout=LOAD_TIMEOUT_MS)
        made = load_identity(paths)  # the device identity is made at first start
        assert made is not None and made.role is None
        assert banner.name_edit.text() == "王芳"
        banner.name_edit.setText("王芳的笔记本")
        with qtbot.waitSignal(banner.chosen, timeout=LOAD_TIMEOUT_MS) as chosen:
            qtbot.mouseClick(banner.field_button, Qt.MouseButton.LeftButton)
        assert chosen.args == ["field"]
        assert not banner.isVisible()
        assert "field laptop" in window.statusBar().currentMessage()
    me = load_identity(paths)
    assert me is not None and me.role is Role.FIELD and me.name == "王芳的笔记本"
    assert me.device_id == made.device_id  # the same identity, now with its role


def test_no_question_once_the_role_is_chosen(qtbot: QtBot, paths: AppPaths) -> None:
    open_context(paths).close()  # as `inspector init --role office` leaves the folder
    set_role(paths, Role.OFFICE, name="县教育局")
    with open_window(qtbot, paths) as window:
        with qtbot.waitSignal(window.role_banner.check().done, timeout=LOAD_TIMEOUT_MS):
            pass
        assert not window.role_banner.isVisible()
