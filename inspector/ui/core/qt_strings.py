"""Words of Qt's own dialogs that Qt's Chinese translation (qtbase_zh_CN) lacks.

Qt's file dialog says "Look in:", "Files of type:", "Folder", "Drive" and "pdf File" in
English even with qtbase_zh_CN loaded: Qt 6 changed those strings and the translation was
not updated. They are listed here under Qt's own contexts so that translations/ carries
them: our translator is asked whenever Qt's has no entry, so the file dialog is Chinese
throughout. ``tests/ui/test_ui_chinese.py`` opens the dialogs and finds any word still missing.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def qt_dialog_words() -> list[str]:
    """The words, in the UI language (calling this is what puts them in the .ts files)."""
    translate = QCoreApplication.translate
    return [
        translate("QFileDialog", "&Look in:"),
        translate("QFileDialog", "Files of &type:"),
        translate("QFileDialog", "Directory"),
        translate("QFileDialog", "All Files (*.*)"),
        translate("QAbstractFileIconProvider", "Folder", "All other platforms"),
        translate("QAbstractFileIconProvider", "File Folder", "Match Windows Explorer"),
        translate("QAbstractFileIconProvider", "Drive"),
        translate("QAbstractFileIconProvider", "File"),
        translate("QAbstractFileIconProvider", "Unknown"),
        translate("QAbstractFileIconProvider", "%1 File"),
        translate("QFileSystemModel", "%1 bytes"),
        translate("QFileSystemModel", "%1 KB"),
        translate("QFileSystemModel", "%1 MB"),
        translate("QFileSystemModel", "%1 GB"),
        translate("QFileSystemModel", "%1 TB"),
    ]
