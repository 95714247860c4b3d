"""Every text a widget shows (or says to a screen reader), and the English words in it.

For the tests that check that a Chinese window says nothing in English: titles, labels,
buttons, tool tips, place-holders, menus and their actions, tabs, list and table headers
and cells, combo box items. Paths, file patterns (``*.pdf``), key names, fingerprints and
a few proper nouns and abbreviations are not words to translate.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)

#: Names and abbreviations that stay as they are in Chinese text.
ALLOWED = frozenset({
    "Inspector", "CSV", "PDF", "USB", "Excel", "UTF", "GBK", "BOM", "SHA", "ID", "JSON",
    "KiB", "MiB", "GiB", "TiB", "KB", "MB", "GB", "TB", "Ctrl", "Shift", "Alt", "Esc", "Tab",
    "Enter", "PgUp", "PgDn", "Del", "Delete", "Home", "End", "Space", "ZIP", "WAL", "GPS", "Qt",
    "xk",  # what a user types to find 溪口 by its pinyin initials (the site search's hint)
})
_NOT_WORDS = [
    re.compile(r"<[^>]+>"),  # rich-text tags
    re.compile(r"\(&\w\)|&(?=\w)"),  # mnemonics: 文件(&F), &File
    re.compile(r"\*\.[\w.-]+|\(\*\)"),  # file patterns
    re.compile(r"\S*[/\\]\S*"),  # paths
    re.compile(r"\b[0-9A-F]{4}(?: [0-9A-F]{4}){3,}\b"),  # key fingerprints
    re.compile(r"\b[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}\b"),  # ids
    re.compile(r"\b(?:Ctrl|Alt|Shift|Meta)\+\S+"),  # shortcuts
    re.compile(r"\b[\w.-]+\.(?:pdf|csv|inspector-bundle|zip|jpg|jpeg|png|sqlite3|json)\b"),
]
_WORD = re.compile(r"[A-Za-z]{2,}")


def english_words(text: str) -> list[str]:
    for pattern in _NOT_WORDS:
        text = pattern.sub(" ", text)
    return [word for word in _WORD.findall(text) if word not in ALLOWED]


def _columns(model: object, parent: QModelIndex) -> int:
    try:
        return int(model.columnCount(parent))  # type: ignore[attr-defined]
    except TypeError:  # a list model that keeps columnCount() to itself: one column
        return 1


_URL_ROLE = Qt.ItemDataRole.UserRole + 1  # QFileDialog's side bar: the place's URL


def _a_folder_s_own_name(view: QAbstractItemView, index: QModelIndex, text: str) -> bool:
    """The file dialog's side bar names folders by their names (the home folder: the user's
    login name): data, not words of the program. Its "Computer" is a word, and checked."""
    if view.objectName() != "sidebar":
        return False
    url = index.data(_URL_ROLE)
    local = url.toLocalFile() if hasattr(url, "toLocalFile") else ""
    return bool(local) and Path(local).name == text


def _item_texts(view: QAbstractItemView, rows: int = 50) -> list[str]:
    model = view.model()
    if model is None:
        return []
    texts = []
    for orientation in (Qt.Orientation.Horizontal,):
        for column in range(_columns(model, QModelIndex())):
            texts.append(str(model.headerData(column, orientation) or ""))
    pending = [view.rootIndex()]
    while pending and len(texts) < 2000:
        parent = pending.pop()
        for row in range(min(model.rowCount(parent), rows)):
            for column in range(_columns(model, parent)):
                index = model.index(row, column, parent)
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    value = index.data(role)
                    if isinstance(value, str) and not _a_folder_s_own_name(view, index, value):
                        texts.append(value)
            pending.append(model.index(row, 0, parent))
    return texts


def visible_texts(top: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every text ``top`` and its children show."""
    found: list[tuple[str, str]] = []

    def add(where: str, *texts: object) -> None:
        found.extend((where, text) for text in texts if isinstance(text, str) and text)

    for widget in [top, *top.findChildren(QWidget)]:
        where = f"{type(widget).__name__} {widget.objectName()}".strip()
        if widget.isWindow():
            add(where, widget.windowTitle())
        add(where, widget.toolTip(), widget.statusTip(), widget.whatsThis(),
            widget.accessibleName(), widget.accessibleDescription())
        if isinstance(widget, QLabel | QAbstractButton):
            add(where, widget.text())
        if isinstance(widget, QLineEdit):
            add(where, widget.placeholderText())
        if isinstance(widget, QTextEdit | QPlainTextEdit):
            add(where, widget.placeholderText())
        if isinstance(widget, QGroupBox):
            add(where, widget.title())
        if isinstance(widget, QComboBox):
            add(where, *(widget.itemText(i) for i in range(widget.count())))
        if isinstance(widget, QTabWidget):
            add(where, *(widget.tabText(i) for i in range(widget.count())),
                *(widget.tabToolTip(i) for i in range(widget.count())))
        if isinstance(widget, QMenu):
            add(where, widget.title())
        if isinstance(widget, QAbstractItemView):
            add(where, *_item_texts(widget))
        for action in widget.actions():
            add(f"{where} action", action.text(), action.toolTip() if action.text() !=
                action.toolTip().replace("&", "") else "", action.statusTip())
    for action in top.findChildren(QAction):
        add("QAction", action.text())
    return found


def untranslated(top: QWidget) -> list[tuple[str, str, list[str]]]:
    """(where, text, its English words) wherever ``top`` still says something in English."""
    return [(where, text, words) for where, text in visible_texts(top)
            if (words := english_words(text))]
