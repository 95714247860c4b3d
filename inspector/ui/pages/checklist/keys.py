"""The checklist page's keys: 1–4 rate the current criterion; Ctrl+↓/Ctrl+↑ the next or
previous criterion; Ctrl+PgDown/Ctrl+PgUp the next or previous section; F2 the note (Esc
out of it); Ctrl+I add photos. They work anywhere on the page."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut

if TYPE_CHECKING:
    from inspector.ui.pages.checklist.page import ChecklistPage


def install_keys(page: ChecklistPage) -> None:
    def add(key: str | QKeySequence, action: Callable[[], None]) -> None:
        shortcut = QShortcut(QKeySequence(key), page)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(action)

    for number in range(1, 5):
        add(str(number), functools.partial(page.rate_current, number))
    add("Ctrl+Down", lambda: page.move_criterion(1))
    add("Ctrl+Up", lambda: page.move_criterion(-1))
    add("Ctrl+PgDown", lambda: page.move_indicator(1))
    add("Ctrl+PgUp", lambda: page.move_indicator(-1))
    add("F2", page.focus_note)
    add("Ctrl+I", page.request_photos)
