"""Opening the SQLite database: pragmas, migrations, backups, sessions."""

from __future__ import annotations

import logging
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.pool import NullPool
from sqlmodel import Session, create_engine

from inspector.errors import UserError
from inspector.storage.models import Record, utcnow
from inspector.storage.revision import HEAD_REVISION, read_revision

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 15_000
MIGRATIONS = "inspector.storage:migrations"


class DatabaseError(UserError):
    """An expected problem with the database file, worded for the user."""


class DatabaseTooNewError(DatabaseError):
    pass


class NotOurDatabaseError(DatabaseError):
    """The database file is damaged or belongs to another program; it is left untouched."""


class MigrationCheckError(DatabaseError):
    """A migration left broken references; the database was put back as it was."""


@dataclass(frozen=True)
class MigrationResult:
    from_revision: str | None
    to_revision: str
    backup: Path | None

    @property
    def changed(self) -> bool:
        return self.from_revision != self.to_revision


def _set_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.close()


def _bump_revisions(session: OrmSession, _context: Any, _instances: Any) -> None:
    """Every changed record gets a new revision number and updated_at."""
    now = utcnow()
    for obj in session.dirty:
        if isinstance(obj, Record) and session.is_modified(obj, include_collections=False):
            obj.revision = (obj.revision or 0) + 1
            obj.updated_at = now


event.listen(OrmSession, "before_flush", _bump_revisions)


def alembic_config(url: str) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", MIGRATIONS)
    config.set_main_option("sqlalchemy.url", url)
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config("sqlite://"))
    head = script.get_current_head()
    assert head is not None
    return head


def is_known_revision(revision: str) -> bool:
    """True when ``revision`` is one of this program's schema revisions (a database or
    backup with another was written by a newer version)."""
    from alembic.script import ScriptDirectory
    from alembic.script.revision import RevisionError
    from alembic.util import CommandError

    if not revision:
        return False
    script = ScriptDirectory.from_config(alembic_config("sqlite://"))
    try:
        script.get_revision(revision)
    except (CommandError, RevisionError):  # unknown here, or ambiguous
        return False
    return True


def backup_database(source: Path, backups_dir: Path, label: str) -> Path:
    """Copy the database into ``backups_dir`` with SQLite's online backup API.

    Written under a temp name, fsynced, then renamed, so a backup's name never
    holds half a file; old backups are pruned afterwards. Raises
    :class:`inspector.storage.backups.BackupError` (a :class:`DatabaseError`)
    with one clear message on a full disk; nothing is left behind then.
    """
    from inspector.storage.backups import make_backup

    return make_backup(source, backups_dir, label)


def _copy_database(source: Path, target: Path) -> None:
    """SQLite's online backup API: a consistent copy, WAL included, into ``target``
    (the target's own connection, so its log is handled as well)."""
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)


def _reference_counts(rows: Iterable[Sequence[Any]]) -> Counter[tuple[str, str]]:
    """``PRAGMA foreign_key_check`` rows counted per (table, referenced table)."""
    return Counter((str(row[0]), str(row[2])) for row in rows)


def _broken_references(path: Path) -> Counter[tuple[str, str]]:
    """Rows that point at a missing row, counted per (table, referenced table)."""
    with sqlite3.connect(path) as conn:
        rows = conn.execute("PRAGMA foreign_key_check").fetchall()
    conn.close()
    return _reference_counts(rows)


class Database:
    """The program's database; one per data directory."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.url = f"sqlite:///{path}"
        self.engine: Engine = create_engine(
            self.url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000}
        )
        event.listen(self.engine, "connect", _set_pragmas)
        from inspector.storage import disk_errors  # imports this module: not at the top

        disk_errors.install(self.engine, path)

    def session(self) -> Session:
        return Session(self.engine, expire_on_commit=False)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work is committed on success and rolled back on error."""
        with self.session() as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    def current_revision(self) -> str | None:
        """The schema revision; refuses a file that is not this program's database."""
        if not self.path.exists():
            return None
        try:
            with sqlite3.connect(self.path) as conn:
                revision = read_revision(conn)
                tables = conn.execute(
                    "SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0]
            conn.close()
        except sqlite3.DatabaseError as exc:
            from inspector.storage import disk_errors

            problem = disk_errors.describe(self.path, exc)
            if problem is not None:  # the disk, not the file: say so, never "damaged"
                raise problem from exc
            raise NotOurDatabaseError(
                f"{self.path} 不是本程序的数据库，或已损坏（{exc}）；请从 backups 文件夹恢复，"
                f"或换一个数据文件夹 / {self.path} is not an Inspector database or is damaged "
                f"({exc}); restore it from the backups folder or choose another data folder"
            ) from exc
        if revision is None and tables:
            raise NotOurDatabaseError(
                f"{self.path} 是别的程序的数据库，本程序不会改动它 / {self.path} is another "
                "program's database; Inspector leaves it untouched")
        return revision

    def migrate(self, backups_dir: Path) -> MigrationResult:
        """Bring the schema to the newest revision, backing the file up first."""
        current = self.current_revision()
        if current == HEAD_REVISION:  # the usual start: nothing to migrate
            return MigrationResult(current, current, None)
        from alembic import command
        from alembic.script import ScriptDirectory

        config = alembic_config(self.url)
        script = ScriptDirectory.from_config(config)
        head = script.get_current_head()
        assert head is not None
        if current == head:
            return MigrationResult(current, head, None)
        if current is not None and not is_known_revision(current):
            raise DatabaseTooNewError(
                f"数据库 {self.path} 由更新版本的程序创建（架构版本 {current}），"
                f"请升级本程序后再打开。The database {self.path} was written by a newer "
                f"version of Inspector (schema {current}); please upgrade the program.")
        backup = backup_database(self.path, backups_dir, f"before-{head}") if current else None
        if backup:
            log.info("backed up %s to %s before migrating", self.path, backup)
        # Broken references the database had already are not the migration's doing:
        # only new ones make it undo the migration (else such a file could never upgrade).
        already = _broken_references(self.path) if current else Counter()
        # Foreign keys must be off while batch migrations copy tables, or
        # SQLite would cascade deletes into child rows; checked afterwards.
        migration_engine = create_engine(self.url, poolclass=NullPool)
        try:
            with migration_engine.connect() as connection:
                connection.exec_driver_sql("PRAGMA foreign_keys = OFF")
                connection.exec_driver_sql(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
                connection.commit()
                found = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                new = _reference_counts(found) - already
                problems = [row for row in found if (str(row[0]), str(row[2])) in new]
                if not problems:
                    connection.exec_driver_sql("PRAGMA journal_mode = WAL")
        finally:
            migration_engine.dispose()
        if already and not problems:
            log.warning("%s had %d broken references before migrating; kept as they were",
                        self.path, sum(already.values()))
        if problems:
            self._put_back(backup)
            raise MigrationCheckError(
                f"数据库升级后发现 {len(problems)} 处记录引用了不存在的记录，已恢复为升级前的状态，"
                f"请联系技术支持 / after upgrading, {len(problems)} records point at records that "
                f"do not exist (for example {problems[0]}); the database was put back as it was "
                f"before; please contact support (backup: {backup})")
        return MigrationResult(current, head, backup)

    def _put_back(self, backup: Path | None) -> None:
        """Restore the copy taken before migrating (SQLite backup API, WAL included)."""
        self.engine.dispose()
        if backup is None:  # a new database: nothing of the user's to keep
            for suffix in ("", "-wal", "-shm"):
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)
            return
        _copy_database(backup, self.path)
        log.error("migration check failed; %s put back from %s", self.path, backup)

    def close(self) -> None:
        self.engine.dispose()
