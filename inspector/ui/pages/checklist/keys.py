"""The checklist page's keys: 1–4 rate the current criterion; Ctrl+↓/Ctrl+↑ the next or
previous criterion; Ctrl+PgDown/Ctrl+PgUp the next or previous section; F2 the note (Esc
out of it); Ctrl+I add photos; F8 the next criterion the county office commented on. They
work anywhere on the page. On a re-inspection 1 and 2 give the current item's verdict, the
moves go through its items, F2 and Ctrl+I are its note and its photos."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut

from inspector.ui.pages.checklist.returned import NEXT_COMMENT_KEY

if TYPE_CHECKING:
    from inspector.ui.pages.checklist.page import ChecklistPage


def install_keys(page: ChecklistPage) -> None:
    def add(key: str | QKeySequence, action: Callable[[], None],
            reinspection: Callable[[], None] | None = None) -> None:
        shortcut = QShortcut(QKeySequence(key), page)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        if reinspection is None:
            shortcut.activated.connect(action)
        else:
            shortcut.activated.connect(
                lambda: reinspection() if page.is_reinspection else action())

    items = page.reinspection
    for number in range(1, 5):
        add(str(number), functools.partial(page.rate_current, number),
            functools.partial(items.verdict_current, number))
    add("Ctrl+Down", lambda: page.move_criterion(1), lambda: items.move_item(1))
    add("Ctrl+Up", lambda: page.move_criterion(-1), lambda: items.move_item(-1))
    add("Ctrl+PgDown", lambda: page.move_indicator(1), lambda: items.move_item(1))
    add("Ctrl+PgUp", lambda: page.move_indicator(-1), lambda: items.move_item(-1))
    add("F2", page.focus_note, items.focus_note)
    add("Ctrl+I", page.request_photos, items.add_photos)
    add(NEXT_COMMENT_KEY, page.next_comment)


def keys_text(reinspection: bool) -> str:
    """The line under the page that says what the keys do."""
    if reinspection:
        return QCoreApplication.translate(
            "ChecklistPage", "Keys: 1 rectified · 2 not rectified · Ctrl+↓/↑ next/previous item "
            "· F2 note · Esc leave the note · Ctrl+I add photos after the rectification")
    return QCoreApplication.translate(
        "ChecklistPage", "Keys: 1–4 rate · Ctrl+↓/↑ next/previous criterion · Ctrl+PgDn/PgUp "
        "next/previous indicator · F2 note · Esc leave the note · Ctrl+I add photos")
