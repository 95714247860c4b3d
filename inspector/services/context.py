"""Opening a data directory: the one place that wires paths, database and templates together."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from inspector.app_paths import AppPaths
from inspector.services import templates
from inspector.storage.database import Database, DatabaseError, MigrationResult

log = logging.getLogger(__name__)


@dataclass
class AppContext:
    """What every service needs: where the data lives and the open database."""

    paths: AppPaths
    db: Database
    migration: MigrationResult

    def close(self) -> None:
        self.db.close()


class DatabaseLostError(DatabaseError):
    """The data folder was in use but its database is missing or empty; nothing was touched."""


def installation_traces(paths: AppPaths) -> list[tuple[str, str]]:
    """What shows that this data folder has been used, as (Chinese, English) words.

    Photos, this device's key, database backups or a write-ahead log left beside
    the database are there only once the program has been used here.
    """
    from inspector.services.photo_store import PhotoStore

    traces = []
    if next(PhotoStore.for_paths(paths).stored_files(), None) is not None:
        traces.append(("照片", "photos"))
    if (paths.data_dir / "device" / "private_key.pem").exists():
        traces.append(("本机密钥", "this device's key"))
    if paths.backups.is_dir() and any(paths.backups.glob("*.sqlite3")):
        traces.append(("数据库备份", "database backups"))
    if Path(f"{paths.database}-wal").exists():
        traces.append(("数据库日志", "the database's log (-wal)"))
    return traces


def check_database_present(paths: AppPaths) -> None:
    """Refuse a used data folder whose database is missing or empty.

    Opened as a new installation, such a folder would look as if no photo were
    referenced, and the photo clean-up would delete every photo. Raises
    :class:`DatabaseLostError`; a brand-new folder passes.
    """
    try:
        size: int | None = paths.database.stat().st_size
    except FileNotFoundError:
        size = None
    if size:
        return
    traces = installation_traces(paths)
    if not traces:
        return
    zh_state, en_state = ("为空（0 字节）", "is empty (0 bytes)") if size == 0 \
        else ("不存在", "is missing")
    zh_traces = "、".join(zh for zh, _ in traces)
    en_traces = ", ".join(en for _, en in traces)
    raise DatabaseLostError(
        f"数据文件夹 {paths.data_dir} 已在使用（有{zh_traces}），但数据库文件 "
        f"{paths.database.name} {zh_state}。为免丢失照片，程序不会把它当作新安装打开；请用"
        f"“inspector backups list”和“inspector backups restore”从 {paths.backups} 恢复，"
        f"或选择另一个数据文件夹 / the data folder {paths.data_dir} has been used (it holds "
        f"{en_traces}) but its database {en_state}; so that no photo is lost it is not opened "
        f"as a new installation: restore the database with 'inspector backups list' and "
        f"'inspector backups restore' from {paths.backups}, or choose another data folder")


def _make_store_lock(paths: AppPaths) -> None:
    """The photo store's lock file exists from the start, so that the first import
    does not add a file to a folder that is otherwise left as it was."""
    from inspector.services.store_lock import LOCK_NAME

    try:
        paths.photos.mkdir(exist_ok=True)
        (paths.photos / LOCK_NAME).touch(exist_ok=True)
    except OSError as exc:  # a read-only folder: the first write says what is wrong
        log.info("could not prepare the photo store's lock in %s: %s", paths.photos, exc)


def open_context(paths: AppPaths) -> AppContext:
    """Create the data directory if needed, migrate the database and register shipped templates.

    Raises :class:`inspector.storage.database.DatabaseError` for a database this
    program cannot use (for example one written by a newer version, or a missing
    or empty one in a folder that has been used: :class:`DatabaseLostError`).
    """
    paths.ensure()
    check_database_present(paths)
    _make_store_lock(paths)
    db = Database(paths.database)
    try:
        migration = db.migrate(paths.backups)
        if migration.changed:
            log.info("database at schema %s (was %s)", migration.to_revision,
                     migration.from_revision)
        with db.transaction() as session:
            templates.register_shipped(session)
    except BaseException:
        db.close()
        raise
    return AppContext(paths=paths, db=db, migration=migration)
