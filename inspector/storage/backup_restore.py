"""Restoring a database backup safely, whatever has the database open.

The backup is checked first (by the caller, :func:`~inspector.storage.backups.check_backup`);
the live database is locked exclusively (refused while any other connection, in any
process, has it open), a safety backup of it is made, and the backup is copied into it
through the locked connection with SQLite's online backup API, so that a write-ahead log
(``-wal``) left beside it can never mix old and new data. A live database SQLite cannot
read, a missing or empty one, and a log left beside it are set aside byte for byte.

Standard library only (``sqlite3``).
"""

from __future__ import annotations

import logging
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from inspector.durable import fsync_dir
from inspector.storage.backups import (
    BackupError,
    backup_name,
    copy_to_backup,
    disk_full,
    make_folder,
    open_read_only,
    prune,
    write_failure,
)

log = logging.getLogger(__name__)

#: How long a restore waits for the database to be free before refusing.
LOCK_TIMEOUT_S = 3.0
#: Label of the copy of the live database taken before it is replaced.
BEFORE_RESTORE = "before-restore"
#: Label of files set aside byte for byte (a database SQLite cannot read, or a
#: log left beside a missing database).
SET_ASIDE = "set-aside"


class DatabaseInUse(BackupError):
    """Another window or command has the database open; nothing was changed."""


@dataclass(frozen=True)
class Restored:
    """What :func:`restore` did."""

    backup: Path
    safety: Path | None  # the live database as it was, now a backup itself
    set_aside: tuple[Path, ...]  # files moved away byte for byte (a database SQLite
    #: could not read, a log beside a missing database)


def _busy(database: Path) -> DatabaseInUse:
    return DatabaseInUse(
        f"数据库 {database} 正被另一个窗口或命令使用，未恢复；请关闭所有“社区教育督导检查”窗口"
        f"并等正在运行的命令结束后重试 / the database {database} is in use by another window or "
        f"command; nothing was restored; close every Inspector window, let running commands "
        f"finish and try again")


def _locked(exc: sqlite3.Error) -> bool:
    return getattr(exc, "sqlite_errorcode", None) in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) \
        or "locked" in str(exc)


@contextmanager
def exclusive(database: Path, timeout: float = LOCK_TIMEOUT_S) -> Iterator[sqlite3.Connection]:
    """The live database, locked so that no other connection can read or write it.

    In WAL mode every open connection holds a shared lock on the file, so the
    exclusive lock is granted only when no other connection in any process
    has the database open (``PRAGMA locking_mode = EXCLUSIVE``, then
    ``BEGIN EXCLUSIVE``); the lock is kept until the connection closes. Raises
    :class:`DatabaseInUse` when it is not free within ``timeout`` seconds and
    ``sqlite3.DatabaseError`` for a file SQLite cannot read.
    """
    conn = sqlite3.connect(database, timeout=timeout, isolation_level=None)
    try:
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        try:
            conn.execute("BEGIN EXCLUSIVE")
            conn.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            if _locked(exc):
                raise _busy(database) from exc
            raise
        yield conn
    finally:
        conn.close()


def _set_aside(database: Path, folder: Path) -> tuple[Path, ...]:
    """Move the database's files into ``folder`` byte for byte, under one backup name."""
    base = folder / backup_name(database.stem, datetime.now(UTC), SET_ASIDE)
    moved = []
    for suffix in ("", "-wal", "-shm", "-journal"):
        source = Path(f"{database}{suffix}")
        if source.exists():
            target = Path(f"{base}{suffix}")
            shutil.move(source, target)
            moved.append(target)
    if moved:
        fsync_dir(folder)
        fsync_dir(database.parent)
    return tuple(moved)


def restore(database: Path, backup: Path, folder: Path,
            wait_s: float = LOCK_TIMEOUT_S) -> Restored:
    """Replace the live database by ``backup``; the live one is backed up first.

    Refused (:class:`DatabaseInUse`, nothing changed) while another connection
    has the database open. A live database SQLite cannot read at all, a
    missing or empty one, and a log left beside it are set aside byte for
    byte into ``folder`` first. The caller checks the backup's schema revision
    (:func:`check_backup`) before. ``wait_s``: how long to wait for the database
    to become free.
    """
    make_folder(folder, database)
    safety: Path | None = None
    set_aside: tuple[Path, ...] = ()
    usable = database.is_file() and database.stat().st_size > 0
    if usable:
        try:
            with exclusive(database, wait_s) as conn:
                safety = copy_to_backup(conn, database, folder, BEFORE_RESTORE)
                _copy_into(backup, conn)
        except DatabaseInUse:
            raise
        except BackupError as exc:
            if not isinstance(exc.__cause__, sqlite3.DatabaseError) or disk_full(exc.__cause__):
                raise
            usable = False  # the live file cannot even be copied: set it aside as it is
        except sqlite3.DatabaseError as exc:
            if disk_full(exc):
                raise write_failure(database.parent, backup, exc, _RESTORING) from exc
            if isinstance(exc, sqlite3.OperationalError) and not _not_a_database(exc):
                raise BackupError(f"无法恢复备份（{exc}）；数据没有任何改动 / the backup could "
                                  f"not be restored ({exc}); nothing was changed") from exc
            usable = False
    if not usable:
        try:
            set_aside = _set_aside(database, folder)
            with exclusive(database, wait_s) as conn:
                _copy_into(backup, conn)
        except (OSError, sqlite3.Error) as exc:
            raise write_failure(database.parent, backup, exc, _RESTORING) from exc
    prune(folder, keep=[p for p in (safety, backup, *set_aside) if p is not None])
    log.info("database %s restored from %s (safety copy: %s, set aside: %s)",
                database, backup, safety, [str(p) for p in set_aside])
    return Restored(backup, safety, set_aside)


_RESTORING = ("恢复备份", "restoring the backup")


def _not_a_database(exc: sqlite3.Error) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    return code in (sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT) or "not a database" in str(exc)


def _copy_into(backup: Path, conn: sqlite3.Connection) -> None:
    """Copy ``backup`` into the locked live database and fold the log back into it."""
    with closing(open_read_only(backup)) as src:
        src.backup(conn)
    result = [str(row[0]) for row in conn.execute("PRAGMA quick_check(5)")]
    if result != ["ok"]:
        raise BackupError(f"恢复后的数据库检查未通过 / the restored database fails its check: "
                          f"{'; '.join(result)}")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
