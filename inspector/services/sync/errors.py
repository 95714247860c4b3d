"""Expected sync failures, each worded for the user (Chinese first, then English)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from inspector.errors import UserError


class SyncError(UserError):
    """A sync action that cannot be done as asked; the message is shown as is."""


class BundleRefused(SyncError):
    """The bundle was refused as a whole; nothing was changed."""


class SyncCancelled(SyncError):
    """The user cancelled; everything written so far was removed."""

    def __init__(self) -> None:
        super().__init__("已取消 / cancelled")


class Control(Protocol):
    """Progress and cancellation, as the GUI's JobControl offers them."""

    @property
    def cancelled(self) -> bool: ...

    def progress(self, done: int, total: int, text: str = "") -> None: ...


class NullControl:
    """No progress display and no cancel button (the CLI)."""

    def __init__(self, on_progress: Callable[[int, int, str], None] | None = None) -> None:
        self._on_progress = on_progress
        self._cancelled = False

    @property
    def cancelled(self) -> bool:
        return self._cancelled

    def cancel(self) -> None:
        self._cancelled = True

    def progress(self, done: int, total: int, text: str = "") -> None:
        if self._on_progress is not None:
            self._on_progress(done, total, text)


def check(control: Control) -> None:
    if control.cancelled:
        raise SyncCancelled
