"""Progress and cancellation of long work, one shape for every service and caller.

A long service call (an export, an import, a check, a PDF, adding photos) takes a
:class:`Control`: it reports progress through ``control.progress(done, total, text)``
and stops, undoing what it half did, by raising :class:`Cancelled` once
``control.cancelled`` is true (:func:`check` does both in one call). The window's
background jobs hand over a control wired to a Cancel button; the command line
hands over a :class:`NullControl` that may print progress and is cancelled by Ctrl+C.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Protocol

CANCELLED_MESSAGE = "已取消 / cancelled"


class Cancelled(Exception):
    """The user stopped the work; what it had written so far was removed."""

    def __init__(self, message: str = CANCELLED_MESSAGE) -> None:
        super().__init__(message)


class Control(Protocol):
    """What a long piece of work sees of its caller."""

    @property
    def cancelled(self) -> bool: ...

    def progress(self, done: int, total: int, text: str = "") -> None: ...


def check(control: Control | None) -> None:
    """Stop here (raise :class:`Cancelled`) when the caller asked to."""
    if control is not None and control.cancelled:
        raise Cancelled


class NullControl:
    """A control without a progress display or a Cancel button, cancellable from any
    thread; ``on_progress`` receives the progress when given (the command line)."""

    def __init__(self, on_progress: Callable[[int, int, str], None] | None = None) -> None:
        self._on_progress = on_progress
        self._cancel = threading.Event()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def progress(self, done: int, total: int, text: str = "") -> None:
        if self._on_progress is not None:
            self._on_progress(done, total, text)
