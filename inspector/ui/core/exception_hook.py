"""``sys.excepthook`` for the GUI: an exception in a slot reaches a dialog, not a dead window.

Installed before the main window is shown, so it is kept light: the dialogs of
:mod:`inspector.ui.core.errors` are imported only when there is something to show.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


class ExceptionHook:
    """Shows unexpected exceptions with a copyable report; expected ones as a plain message."""

    def __init__(self, parent: Callable[[], QWidget | None]) -> None:
        self._parent = parent
        self._showing = False
        self._previous = sys.excepthook

    def install(self) -> None:
        sys.excepthook = self

    def uninstall(self) -> None:
        sys.excepthook = self._previous

    def __call__(self, kind: type[BaseException], exc: BaseException,
                 tb: TracebackType | None) -> None:
        from PySide6.QtWidgets import QApplication

        if issubclass(kind, KeyboardInterrupt):
            self._previous(kind, exc, tb)
            return
        if exc.__traceback__ is None:
            exc = exc.with_traceback(tb)
        if self._showing or QApplication.instance() is None:
            self._previous(kind, exc, tb)
            return
        self._showing = True
        try:
            from inspector.ui.core.errors import show_error

            show_error(self._parent(), exc)
        finally:
            self._showing = False
