"""File → Open the data folder: shown by the file manager, or a message says where it is."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from pytestqt.qtbot import QtBot
from ui_helpers import open_window

from inspector.app_paths import AppPaths
from inspector.ui.dialogs.data_folder import FolderMessage


class FileManager(QObject):
    """Takes the place of the desktop's file manager for ``file:`` URLs."""

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[str] = []

    @Slot(QUrl)
    def open_url(self, url: QUrl) -> None:
        self.shown.append(url.toLocalFile())


@pytest.fixture
def file_manager() -> Iterator[FileManager]:
    manager = FileManager()
    QDesktopServices.setUrlHandler("file", manager, "open_url")  # type: ignore[arg-type]
    yield manager
    QDesktopServices.unsetUrlHandler("file")


def test_the_file_manager_shows_the_folder(qtbot: QtBot, paths: AppPaths,
                                           file_manager: FileManager) -> None:
    with open_window(qtbot, paths) as window:
        window.folder_action.trigger()
        assert file_manager.shown == [str(paths.data_dir)]
        assert str(paths.data_dir) in window.statusBar().currentMessage()
        assert not window.findChildren(FolderMessage)


@pytest.mark.skipif(os.environ.get("QT_QPA_PLATFORM") != "offscreen",
                    reason="only the offscreen platform has no file manager for certain")
def test_without_a_file_manager_a_message_says_where_with_a_copy_button(
        qtbot: QtBot, paths: AppPaths) -> None:
    with open_window(qtbot, paths) as window:
        window.folder_action.trigger()  # offscreen: no program can show a folder
        qtbot.waitUntil(lambda: bool(window.findChildren(FolderMessage)))
        box = window.findChildren(FolderMessage)[0]
        assert box.isVisible() and str(paths.data_dir) in box.text()
        assert box.defaultButton() is box.copy_button
        QGuiApplication.clipboard().clear()
        box.copy_button.click()
        assert QGuiApplication.clipboard().text() == str(paths.data_dir)
        assert window.statusBar().currentMessage() == f"Copied: {paths.data_dir}"
