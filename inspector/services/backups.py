"""The database's backups as a user sees them: list, what a restore would replace, restore.

No Qt. The files themselves are written, pruned and copied back by
:mod:`inspector.storage.backups` and :mod:`inspector.storage.backup_restore`
(SQLite's backup API, never a file copy); this module names them for people and
checks a backup before it is used.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from inspector.app_paths import AppPaths
from inspector.domain.values import InspectionStatus
from inspector.services.photo_store import PhotoStore
from inspector.storage import backup_restore
from inspector.storage import backups as store
from inspector.storage.backup_restore import DatabaseInUse
from inspector.storage.backups import Backup, BackupError

#: After a restore no photo file is cleaned up for this long (see restore_backup).
SPARE_PHOTOS_DAYS = 90

__all__ = ["Backup", "BackupError", "BackupInfo", "DatabaseInUse", "Loss", "RestoreResult",
           "find_backup", "list_backups", "losses", "reason", "restore_backup"]


def reason(label: str) -> tuple[str, str]:
    """Why a backup was made, in Chinese and English, from the label in its name."""
    if label.startswith("before-import-"):
        bundle = label.removeprefix("before-import-")
        return f"导入数据包 {bundle} 之前", f"before importing bundle {bundle}"
    if label == backup_restore.BEFORE_RESTORE:
        return "恢复备份之前", "before restoring a backup"
    if label == backup_restore.SET_ASIDE:
        return "恢复时移开的原文件", "files set aside by a restore"
    if label.startswith("before-") and label.removeprefix("before-").isdigit():
        schema = label.removeprefix("before-")
        return (f"数据库升级（架构 {schema}）之前",
                f"before upgrading the database (schema {schema})")
    return label, label


@dataclass(frozen=True)
class BackupInfo:
    """A backup with the words to show it."""

    backup: Backup

    @property
    def name(self) -> str:
        return self.backup.name

    @property
    def path(self) -> Path:
        return self.backup.path

    @property
    def size(self) -> int:
        return self.backup.size

    @property
    def local_time(self) -> datetime:
        return self.backup.taken_at.astimezone()

    @property
    def reason_zh(self) -> str:
        return reason(self.backup.label)[0]

    @property
    def reason_en(self) -> str:
        return reason(self.backup.label)[1]

    def describe(self) -> str:
        """One line: name, local time, why, size."""
        return (f"{self.name}  {self.local_time:%Y-%m-%d %H:%M}  {self.reason_zh} / "
                f"{self.reason_en}  {_size(self.size)}")


def _size(size: int) -> str:
    if size < 2**20:
        return f"{size / 1024:.0f} KB"
    return f"{size / 2**20:.1f} MB"


def list_backups(paths: AppPaths) -> list[BackupInfo]:
    """The backups of this data folder, newest first."""
    return [BackupInfo(b) for b in store.list_backups(paths.backups)]


def find_backup(paths: AppPaths, name: str) -> BackupInfo:
    """The backup called ``name``: its file name, with or without ``.sqlite3``, or the
    unique start of it. Raises :class:`BackupError`."""
    wanted = Path(name).name
    found = list_backups(paths)
    exact = [b for b in found if b.name in (wanted, wanted + store.SUFFIX)]
    if exact:
        return exact[0]
    starting = [b for b in found if b.name.startswith(wanted)] if wanted else []
    if len(starting) == 1:
        return starting[0]
    if len(starting) > 1:
        raise BackupError(f"有 {len(starting)} 份备份以 {wanted} 开头，请写出完整的名称 / "
                          f"{len(starting)} backups start with {wanted}; give the whole name")
    raise BackupError(f"没有名为 {wanted} 的备份（用 inspector backups list 查看）/ no backup "
                      f"named {wanted} in {paths.backups} (see inspector backups list)")


def _check_revision(info: BackupInfo) -> None:
    """The backup must be readable and of a schema this program knows (older is fine:
    it is upgraded when the data is next opened)."""
    revision = store.check_backup(info.path)
    if revision is None:
        return
    from inspector.storage.database import is_known_revision

    if not is_known_revision(revision):
        raise BackupError(
            f"备份 {info.name} 由更新版本的程序写入（架构 {revision}），请先升级本程序 / the "
            f"backup {info.name} was written by a newer version of Inspector (schema {revision}); "
            "upgrade the program first")


@dataclass(frozen=True)
class Loss:
    """What restoring a backup replaces: work saved after the backup was made."""

    inspections: tuple[str, ...] = ()  # "site, visit date (status)" of inspections changed
    sites: int = 0  # sites added or changed
    bundles: int = 0  # sync bundles written or imported
    readable: bool = True  # False: the current database could not be compared

    @property
    def nothing(self) -> bool:
        return self.readable and not (self.inspections or self.sites or self.bundles)

    def lines(self) -> list[str]:
        """One line for each kind of loss, Chinese then English."""
        if not self.readable:
            return ["当前数据库无法读取，无法比较 / the current database cannot be read, so it "
                    "cannot be compared"]
        lines = [f"检查 / inspection: {label}" for label in self.inspections]
        if self.sites:
            lines.append(f"站点新增或修改 {self.sites} 个 / {self.sites} sites added or changed")
        if self.bundles:
            lines.append(f"同步数据包记录 {self.bundles} 条 / {self.bundles} sync bundles "
                         "written or imported")
        return lines


_STATUS: dict[str, str] = {InspectionStatus.DRAFT: "进行中 / in progress",
                           InspectionStatus.COMPLETED: "已完成 / completed"}


def _changed_ids(conn: sqlite3.Connection, table: str, key: str) -> set[str]:
    try:
        rows = conn.execute(
            f"SELECT DISTINCT x.{key} FROM main.{table} x LEFT JOIN old.{table} o ON o.id = x.id"
            " WHERE o.id IS NULL OR o.revision IS NOT x.revision"
            " OR o.updated_at IS NOT x.updated_at").fetchall()
    except sqlite3.OperationalError:  # a table the backup's older schema does not have
        rows = conn.execute(f"SELECT DISTINCT {key} FROM main.{table}").fetchall()
    return {str(row[0]) for row in rows}


def _count_new(conn: sqlite3.Connection, table: str) -> int:
    try:
        return int(conn.execute(
            f"SELECT count(*) FROM main.{table} x LEFT JOIN old.{table} o ON o.id = x.id"
            " WHERE o.id IS NULL OR o.revision IS NOT x.revision").fetchone()[0])
    except sqlite3.OperationalError:
        try:
            return int(conn.execute(f"SELECT count(*) FROM main.{table}").fetchone()[0])
        except sqlite3.OperationalError:  # neither has it
            return 0


def losses(paths: AppPaths, info: BackupInfo) -> Loss:
    """What restoring ``info`` would replace: inspections, sites and bundles saved since."""
    database = paths.database
    if not database.is_file() or database.stat().st_size == 0:
        return Loss()
    try:
        with closing(sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True)) as conn:
            conn.execute("ATTACH DATABASE ? AS old",
                         (f"{info.path.resolve().as_uri()}?mode=ro&immutable=1",))
            changed = (_changed_ids(conn, "inspections", "id")
                       | _changed_ids(conn, "responses", "inspection_id")
                       | _changed_ids(conn, "photos", "inspection_id"))
            labels = []
            if changed:
                marks = ",".join("?" * len(changed))
                for name, visit, status in conn.execute(
                        "SELECT s.name, i.visit_date, i.status FROM inspections i"
                        " JOIN sites s ON s.id = i.site_id"
                        f" WHERE i.id IN ({marks}) ORDER BY i.visit_date DESC, s.name",
                        sorted(changed)):
                    labels.append(f"{name} {visit}（{_STATUS.get(status, status)}）")
            return Loss(tuple(labels), _count_new(conn, "sites"),
                        _count_new(conn, "sync_bundles"))
    except sqlite3.DatabaseError:
        return Loss(readable=False)


@dataclass(frozen=True)
class RestoreResult:
    restored: BackupInfo
    safety: Path | None  # the data as it was before, kept as a backup
    set_aside: tuple[Path, ...] = field(default=())
    loss: Loss = field(default_factory=Loss)

    def message(self) -> str:
        undo = (f"恢复前的数据已另存为备份 {self.safety.name}，如需撤销可恢复它 / the data as it "
                f"was is kept as the backup {self.safety.name}; restore it to undo this"
                if self.safety is not None else
                "原来的数据库无法读取，已原样移到 backups 文件夹 / the previous database could "
                "not be read and was moved as it was into the backups folder")
        when = f"{self.restored.local_time:%Y-%m-%d %H:%M}"
        return (f"已恢复 {when} 的备份 {self.restored.name}（{self.restored.reason_zh}）/ "
                f"restored the backup {self.restored.name} of {when} "
                f"({self.restored.reason_en}); {undo}")


def restore_backup(paths: AppPaths, name: str,
                   wait_s: float = backup_restore.LOCK_TIMEOUT_S) -> RestoreResult:
    """Restore the backup ``name`` over this data folder's database.

    The backup is checked (readable, undamaged, a schema this program knows);
    the current database is backed up first and then replaced through SQLite's
    backup API while locked exclusively. Refused with :class:`DatabaseInUse`
    while any window or command has the database open, and with
    :class:`BackupError` for an unusable backup; nothing is changed then.
    For :data:`SPARE_PHOTOS_DAYS` afterwards no photo file is cleaned up.
    ``wait_s``: how long to wait for another connection to let go first.
    """
    info = find_backup(paths, name)
    _check_revision(info)
    loss = losses(paths, info)
    # The photos of rows saved after the backup are named only by the safety copy from
    # now on: the clean-up leaves every stored file alone for a while, so that
    # restoring the safety copy again finds them.
    PhotoStore.for_paths(paths).spare_unreferenced(SPARE_PHOTOS_DAYS)
    done = backup_restore.restore(paths.database, info.path, paths.backups, wait_s)
    return RestoreResult(info, done.safety, done.set_aside, loss)
