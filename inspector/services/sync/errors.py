"""Expected sync failures, each worded for the user (Chinese first, then English).

A cancelled export or import raises :class:`inspector.services.control.Cancelled`, as
every long piece of work does; progress and cancellation come through the same
module's :class:`~inspector.services.control.Control`.
"""

from __future__ import annotations

from inspector.errors import UserError


class SyncError(UserError):
    """A sync action that cannot be done as asked; the message is shown as is."""


class BundleRefused(SyncError):
    """The bundle was refused as a whole; nothing was changed."""
