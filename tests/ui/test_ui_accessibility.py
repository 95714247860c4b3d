"""Every control a user can reach has a name that a screen reader can say."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot
from ui_helpers import open_window, start_inspection_in

from inspector.services.context import AppContext

CONTROLS = (QAbstractButton, QAbstractItemView, QAbstractSpinBox, QComboBox, QLineEdit,
            QPlainTextEdit, QTextEdit)


def unnamed_controls(root: QWidget) -> tuple[int, list[str]]:
    """How many visible, focusable controls there are, and those with no name or text."""
    found = []
    seen = 0
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or not widget.isVisible():
            continue
        if widget.focusPolicy().value == 0:  # Qt.NoFocus: not reachable by the keyboard
            continue
        if type(widget).__name__ == "QScrollBar":
            continue
        seen += 1
        own_text = widget.text() if isinstance(widget, QAbstractButton) else ""
        if not (widget.accessibleName().strip() or own_text.strip()):
            found.append(f"{type(widget).__name__} {widget.objectName()!r} in "
                         f"{type(widget.parentWidget()).__name__}")
    return seen, found


def test_site_list_and_checklist_controls_are_named(qtbot: QtBot,
                                                    demo_context: AppContext) -> None:
    paths = demo_context.paths
    demo_context.close()
    with open_window(qtbot, paths) as window:
        seen, unnamed = unnamed_controls(window)
        assert seen >= 2 and unnamed == []  # the site tree, the history, their buttons
        start_inspection_in(qtbot, window, "上塘村教学站")
        assert window.checklist is not None
        assert window.checklist.isVisible()
        seen, unnamed = unnamed_controls(window)
        # indicators, rating buttons, notes and photo buttons of the first indicator
        assert seen >= 10 and unnamed == []
