"""Looking after the data folder: checking it, fetching photos back, and its backups.

These work on the data folder's paths, because they also serve a folder whose
database cannot be opened (a check finds out why; a restore puts one back). A
cancelled check or fetch raises :class:`~inspector.services.control.Cancelled`.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from inspector.app_paths import AppPaths
    from inspector.services.backups import BackupInfo, Loss, RestoreResult
    from inspector.services.check import CheckReport
    from inspector.services.check_repairs import RefetchResult
    from inspector.services.context import AppContext
    from inspector.services.control import Control


def check_data(paths: AppPaths, control: Control | None = None) -> CheckReport:
    """Check the database and every photo file against its SHA-256."""
    from inspector.services.check import check_data as check

    return check(paths, control)


def refetch_photos(paths: AppPaths, wanted: Iterable[str], source: Path,
                   control: Control | None = None) -> RefetchResult:
    """Put back the photo files ``wanted`` (SHA-256) from a sync bundle or a folder of
    originals, taking only files whose SHA-256 matches."""
    from inspector.services.check_repairs import refetch_photos as refetch

    return refetch(paths, wanted, source, control)


def remove_unavailable_photos(context: AppContext, report: CheckReport, actor: str = "") -> int:
    """Remove photos without a good file from inspections in progress; how many."""
    from inspector.services.check_repairs import remove_unavailable_photos as remove

    return remove(context, report, actor)


def list_backups(paths: AppPaths) -> list[BackupInfo]:
    """The database's backups, newest first."""
    from inspector.services.backups import list_backups as backups

    return backups(paths)


def backup_losses(paths: AppPaths, info: BackupInfo) -> Loss:
    """What restoring ``info`` would replace: what was saved since."""
    from inspector.services.backups import losses

    return losses(paths, info)


def restore_backup(paths: AppPaths, name: str) -> RestoreResult:
    """Replace the database by the backup ``name`` (the current data is backed up first;
    refused while another window or command uses it)."""
    from inspector.services.backups import restore_backup as restore

    return restore(paths, name)
