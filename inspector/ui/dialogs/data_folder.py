"""File → Open the data folder: the file manager shows it, or a message says where it is.

Some computers have no file manager (or none that Qt can start): then the path is
shown in a message, selectable, with a button that copies it, instead of nothing
happening. The status line names the folder either way.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QAbstractButton, QMainWindow, QMessageBox, QWidget

STATUS_MS = 15_000


class FolderMessage(QMessageBox):
    """Where the folder is, selectable, with a button that copies the path."""

    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(QMessageBox.Icon.Information, "", "",
                         QMessageBox.StandardButton.Close, parent)
        self.folder = folder
        self.setWindowTitle(self.tr("Data folder"))
        self.setText(self.tr("No file manager could show the folder. The program's data "
                             "(database, photos, backups) is here:") + f"\n\n{folder}")
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.copy_button = self.addButton(self.tr("&Copy the path"),
                                          QMessageBox.ButtonRole.ActionRole)
        self.setDefaultButton(self.copy_button)
        self.buttonClicked.connect(self._clicked)

    def _clicked(self, button: QAbstractButton) -> None:
        if button is not self.copy_button:
            return
        QGuiApplication.clipboard().setText(str(self.folder))
        window = self.parent()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(
                self.tr("Copied: %1").replace("%1", str(self.folder)), STATUS_MS)


def show_folder(parent: QWidget, folder: Path) -> bool:
    """True when a file manager was asked to show ``folder``; else a message says where it is."""
    if isinstance(parent, QMainWindow):
        parent.statusBar().showMessage(QCoreApplication.translate(
            "FolderMessage", "The data folder is %1").replace("%1", str(folder)), STATUS_MS)
    if folder.is_dir() and QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
        return True
    box = FolderMessage(folder, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.open()
    return False
