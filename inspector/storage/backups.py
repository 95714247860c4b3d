"""Database backups: written whole or not at all, listed, pruned and checked.

Standard library only (``sqlite3``). Every copy goes through SQLite's online
backup API, never a file copy, so a write-ahead log (``-wal``) is always
taken into account.

* **Writing** (:func:`make_backup`): the copy is written to a hidden temp file
  in ``backups/`` (``.NAME.RANDOM.part``), switched to a plain rollback
  journal (so a backup is one self-contained file), ``fsync``\\ ed and only
  then renamed to its real name. A killed program leaves at most a ``.part``
  file, which a later backup clears; a real backup name never holds half a
  file. A full disk ends in one :class:`BackupError` naming the disk.
* **Pruning** (:func:`prune`, after every new backup): keep the newest
  :data:`KEEP_NEWEST`, plus the newest of each of the last :data:`KEEP_MONTHS`
  calendar months, and never the backup just made.
* **Restoring**: :mod:`inspector.storage.backup_restore`.
"""

from __future__ import annotations

import errno
import logging
import os
import re
import shutil
import sqlite3
import time
import uuid
from collections.abc import Collection
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from inspector.durable import fsync_dir
from inspector.storage.database import DatabaseError
from inspector.storage.disk_errors import StorageProblem
from inspector.storage.revision import read_revision

log = logging.getLogger(__name__)

SUFFIX = ".sqlite3"
STAMP_FORMAT = "%Y%m%dT%H%M%S%f"
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}T\d{12})-(?P<label>[A-Za-z0-9][A-Za-z0-9._-]*)"
                   r"\.sqlite3$")
_PART = re.compile(r"^\..+\.[0-9a-f]{32}\.part(-journal)?$")
#: The policy applied after every new backup (also stated in docs/reliability.md).
KEEP_NEWEST = 10
KEEP_MONTHS = 12
#: Temp files of a backup older than this are leftovers of a killed program.
LEFTOVER_AGE_S = 3600.0


class BackupError(DatabaseError):
    """A backup could not be written, read or restored; worded for the user."""


class BackupDiskProblem(BackupError, StorageProblem):
    """The disk under ``backups/`` is full or cannot be written; nothing was changed."""


@dataclass(frozen=True)
class Backup:
    """One backup file in ``backups/``."""

    path: Path
    taken_at: datetime  # UTC, from the name
    label: str
    size: int

    @property
    def name(self) -> str:
        return self.path.name


def backup_name(stem: str, when: datetime, label: str) -> str:
    return f"{stem}-{when.astimezone(UTC).strftime(STAMP_FORMAT)}-{label}{SUFFIX}"


def parse_name(path: Path) -> tuple[datetime, str] | None:
    """(time taken, label) of a backup's file name, None for any other file."""
    match = _NAME.match(path.name)
    if match is None:
        return None
    try:
        taken = datetime.strptime(match["stamp"], STAMP_FORMAT).replace(tzinfo=UTC)
    except ValueError:
        return None
    return taken, match["label"]


def list_backups(folder: Path) -> list[Backup]:
    """The backups in ``folder``, newest first (temp files and other files left out)."""
    found = []
    try:
        entries = list(folder.iterdir())
    except FileNotFoundError:
        return []
    for path in entries:
        parsed = parse_name(path)
        if parsed is None:
            continue
        try:
            info = path.stat()
        except FileNotFoundError:  # pruned meanwhile by another process
            continue
        if not path.is_file():
            continue
        found.append(Backup(path, parsed[0], parsed[1], info.st_size))
    found.sort(key=lambda b: (b.taken_at, b.name), reverse=True)
    return found


# ------------------------------------------------------------------------------ writing


def make_backup(source: Path, folder: Path, label: str) -> Path:
    """Back up the database at ``source`` into ``folder``; returns the new file.

    Raises :class:`BackupError` (disk full, folder not writable, a source
    SQLite cannot read); nothing is left behind then. Old backups are pruned
    afterwards (:func:`prune`), never the new one.
    """
    if not source.is_file():
        raise BackupError(f"没有可备份的数据库 / there is no database to back up: {source}")
    make_folder(folder, source)
    with closing(sqlite3.connect(source)) as src:
        target = copy_to_backup(src, source, folder, label)
    prune(folder, keep=[target])
    return target


def make_folder(folder: Path, source: Path) -> None:
    """Make the backups folder, or raise the :class:`BackupError` that says why not."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise write_failure(folder, source, exc) from exc


def _free_name(folder: Path, stem: str, label: str) -> Path:
    while True:
        target = folder / backup_name(stem, datetime.now(UTC), label)
        if not target.exists():
            return target
        time.sleep(0.001)  # the same microsecond: the clock moves on at once


def copy_to_backup(src: sqlite3.Connection, source: Path, folder: Path, label: str) -> Path:
    """Copy the database behind ``src`` into a new backup in ``folder``."""
    clear_leftovers(folder)
    target = _free_name(folder, source.stem, label)
    temp = folder / f".{target.name}.{uuid.uuid4().hex}.part"
    try:
        with closing(sqlite3.connect(temp, isolation_level=None)) as dst:
            # The temp file needs no journal of its own: on any failure it is deleted.
            dst.execute("PRAGMA journal_mode = OFF")
            dst.execute("PRAGMA synchronous = OFF")
            src.backup(dst)
            # One self-contained file: no -wal/-shm appear beside a backup when it is read.
            dst.execute("PRAGMA journal_mode = DELETE")
        _fsync_file(temp)
        temp.replace(target)
        fsync_dir(folder)
    except (sqlite3.Error, OSError) as exc:
        _unlink_quietly(temp)
        _unlink_quietly(Path(f"{temp}-journal"))
        if os.path.lexists(target) and not _is_complete(target):
            _unlink_quietly(target)
        raise write_failure(folder, source, exc) from exc
    except BaseException:
        _unlink_quietly(temp)
        _unlink_quietly(Path(f"{temp}-journal"))
        raise
    log.info("database backed up to %s", target)
    return target


def _is_complete(path: Path) -> bool:
    try:
        return path.stat().st_size > 0
    except OSError:
        return False


def _fsync_file(path: Path) -> None:
    with open(path, "r+b") as handle:  # writable: Windows needs it to flush
        os.fsync(handle.fileno())


def _unlink_quietly(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError as exc:
        log.warning("could not remove %s: %s", path, exc)


def disk_full(exc: BaseException) -> bool:
    """Whether SQLite's or the system's error says the disk is full."""
    if isinstance(exc, sqlite3.Error):
        return getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL \
            or "disk is full" in str(exc)
    return isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)


def disk_of(path: Path) -> str:
    """The disk holding ``path`` as a user names it: a drive (``D:``) or a mount point."""
    path = path.absolute()
    drive = path.drive
    if drive:
        return drive
    for candidate in (path, *path.parents):
        try:
            if os.path.ismount(candidate):
                return str(candidate)
        except OSError:
            continue
    return "/"


def _megabytes(size: int) -> str:
    return f"{max(size, 1) / 2**20:.0f}" if size >= 2**20 else f"{max(size, 1) / 2**20:.1f}"


def database_size(path: Path) -> int:
    """Bytes of the database with its write-ahead log (what a backup may need)."""
    total = 0
    for suffix in ("", "-wal"):
        try:
            total += Path(f"{path}{suffix}").stat().st_size
        except OSError:
            continue
    return total


def _cannot_write(folder: Path, exc: BaseException) -> bool:
    """A read-only disk or a folder without write permission (not a damaged file)."""
    if isinstance(exc, OSError):
        return isinstance(exc, PermissionError) or exc.errno in (errno.EROFS, errno.EACCES)
    text = str(exc).lower()
    if "readonly" in text or "read-only" in text:
        return True
    return "unable to open database file" in text and not os.access(folder, os.W_OK)


def write_failure(folder: Path, source: Path, exc: BaseException,
                   doing: tuple[str, str] = ("备份数据库", "backing up the database")
                   ) -> BackupError:
    """The failure ``exc`` of ``doing`` (backing up ``source`` into ``folder``, by default)
    in the user's words: which disk is full and how much it needs, a read-only folder, a
    source SQLite cannot read."""
    if disk_full(exc):
        need = _megabytes(database_size(source))
        try:
            free_bytes = shutil.disk_usage(folder).free
            free = f"，现有 {_megabytes(free_bytes)} MB 可用"
            free_en = f" ({_megabytes(free_bytes)} MB free)"
        except OSError:
            free = free_en = ""
        disk = disk_of(folder)
        return BackupDiskProblem(
            f"磁盘 {disk} 空间不足，无法{doing[0]}（约需 {need} MB{free}）：请删除该磁盘上不需要的"
            f"文件（例如 {folder} 中较早的备份）后重试；数据没有任何改动 / the disk {disk} is "
            f"full: {doing[1]} needs about {need} MB{free_en}; free space on it (for example "
            f"older backups in {folder}) and try again; nothing was changed")
    if _cannot_write(folder, exc):
        return BackupDiskProblem(
            f"无法在 {folder} 中写入备份（只读或没有权限）；数据没有任何改动 / cannot write a "
            f"backup in {folder} (read-only or no permission); nothing was changed")
    if isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, sqlite3.OperationalError):
        return BackupError(
            f"数据库 {source} 无法读取，无法备份（{exc}）/ the database {source} cannot be read, "
            f"so it cannot be backed up ({exc})")
    detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    return BackupError(
        f"无法备份数据库到 {folder}（{detail}）；数据没有任何改动 / the database could not be "
        f"backed up to {folder} ({detail}); nothing was changed")


def clear_leftovers(folder: Path, older_than_s: float = LEFTOVER_AGE_S) -> list[Path]:
    """Remove temp files of backups interrupted by a crash (older than ``older_than_s``)."""
    removed = []
    limit = time.time() - older_than_s
    try:
        entries = list(folder.iterdir())
    except FileNotFoundError:
        return []
    for path in entries:
        if not _PART.match(path.name):
            continue
        try:
            if path.stat().st_mtime < limit:
                path.unlink()
                removed.append(path)
        except FileNotFoundError:
            continue
        except OSError as exc:
            log.warning("could not remove the unfinished backup %s: %s", path, exc)
    return removed


# ------------------------------------------------------------------------------ pruning


def to_prune(backups: list[Backup], keep: Collection[Path] = (),
             now: datetime | None = None) -> list[Backup]:
    """The backups the policy lets go (see the module's text); ``backups`` newest first."""
    now = (now or datetime.now(UTC)).astimezone(UTC)
    ordered = sorted(backups, key=lambda b: (b.taken_at, b.name), reverse=True)
    kept = {b.path for b in ordered[:KEEP_NEWEST]} | {Path(p) for p in keep}
    this_month = now.year * 12 + now.month - 1
    months: set[int] = set()
    for backup in ordered:
        month = backup.taken_at.year * 12 + backup.taken_at.month - 1
        if this_month - month < KEEP_MONTHS and month not in months:
            months.add(month)
            kept.add(backup.path)
    return [b for b in ordered if b.path not in kept]


def prune(folder: Path, keep: Collection[Path] = (), now: datetime | None = None) -> list[Path]:
    """Delete the backups the policy lets go; returns them. Never fails the caller."""
    removed = []
    for backup in to_prune(list_backups(folder), keep, now):
        try:
            backup.path.unlink(missing_ok=True)
            for suffix in ("-wal", "-shm", "-journal"):  # beside a set-aside database
                Path(f"{backup.path}{suffix}").unlink(missing_ok=True)
        except OSError as exc:
            log.warning("old backup %s not removed: %s", backup.path, exc)
            continue
        removed.append(backup.path)
    if removed:
        log.info("removed %d old backups from %s", len(removed), folder)
    return removed


# ------------------------------------------------------------------------------ reading


def open_read_only(path: Path) -> sqlite3.Connection:
    """A connection that reads a backup without writing anything beside it."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)


def check_backup(path: Path) -> str | None:
    """The schema revision of a usable backup; raises :class:`BackupError` otherwise."""
    try:
        if path.stat().st_size == 0:
            raise BackupError(f"备份 {path.name} 是空文件，不能使用 / the backup {path.name} is "
                              "empty and cannot be used")
        with closing(open_read_only(path)) as conn:
            result = [str(row[0]) for row in conn.execute("PRAGMA quick_check(5)")]
            if result != ["ok"]:
                raise BackupError(
                    f"备份 {path.name} 已损坏，不能使用（{result[0]}）/ the backup {path.name} is "
                    f"damaged and cannot be used ({'; '.join(result)})")
            revision = read_revision(conn)
            tables = conn.execute(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"备份 {path.name} 不是本程序的数据库或已损坏（{exc}）/ the backup "
                          f"{path.name} is not an Inspector database or is damaged ({exc})"
                          ) from exc
    except FileNotFoundError as exc:
        raise BackupError(f"找不到备份 / no such backup: {path}") from exc
    if revision is None and tables:
        raise BackupError(f"备份 {path.name} 不是本程序的数据库 / the backup {path.name} is not "
                          "an Inspector database")
    return revision
