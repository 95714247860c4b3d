"""Migrations: fresh database, upgrade from the first schema with data kept, newer refused."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from alembic import command

from inspector.app_paths import AppPaths
from inspector.services.context import open_context
from inspector.storage.database import (
    HEAD_REVISION,
    Database,
    DatabaseTooNewError,
    MigrationCheckError,
    NotOurDatabaseError,
    alembic_config,
    head_revision,
)
from inspector.storage.models import Site


def tables(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT name FROM sqlite_master WHERE type='table'").fetchall()
    conn.close()
    return {r[0] for r in rows}


def test_fresh_database_is_created_at_head_without_backup(paths: AppPaths) -> None:
    context = open_context(paths)
    try:
        assert context.migration.from_revision is None
        assert context.migration.to_revision == head_revision()
        assert context.migration.backup is None
        assert {"sites", "inspections", "responses", "photos", "inspection_events"} <= tables(
            paths.database
        )
        with context.db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 15000
    finally:
        context.close()
    again = open_context(paths)
    assert not again.migration.changed
    again.close()


def _first_schema_with_data(path: Path) -> None:
    """A database as the first release wrote it, with one inspection and its responses."""
    config = alembic_config(f"sqlite:///{path}")
    command.upgrade(config, "0001")
    now = "2026-01-02 03:04:05.000000"
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO template_versions VALUES ('t1', ?, ?, 1, 'community-education-3tier', 1,"
            " '指引', '{}', ?)", (now, now, "0" * 64))
        conn.execute(
            "INSERT INTO sites (id, created_at, updated_at, revision, name, tier, parent_id, code,"
            " address, contact, phone) VALUES ('s1', ?, ?, 3, '桃源村教学站', 'village', NULL,"
            " '330799201201', '', '', '')", (now, now))
        conn.execute(
            "INSERT INTO inspections (id, created_at, updated_at, revision, site_id,"
            " template_version_id, tier, status, visit_date, inspectors, site_staff,"
            " previous_inspection_id, completed_at) VALUES ('i1', ?, ?, 2, 's1', 't1', 'village',"
            " 'draft', '2026-01-02', '张三', '李四', NULL, NULL)", (now, now))
        for n, criterion in enumerate(("facilities.v1", "facilities.v2")):
            conn.execute(
                "INSERT INTO responses VALUES (?, ?, ?, 1, 'i1', ?, 'meets', '好')",
                (f"r{n}", now, now, criterion))
    conn.close()


def test_upgrade_from_first_schema_keeps_data_and_writes_a_backup(paths: AppPaths) -> None:
    paths.ensure()
    _first_schema_with_data(paths.database)
    before = paths.database.read_bytes()
    db = Database(paths.database)
    try:
        result = db.migrate(paths.backups)
    finally:
        db.close()
    assert (result.from_revision, result.to_revision) == ("0001", head_revision())
    assert result.backup is not None and result.backup.parent == paths.backups
    # The backup is the database as it was before the migration.
    with sqlite3.connect(result.backup) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert conn.execute("SELECT count(*) FROM responses").fetchone() == (2,)
    conn.close()
    assert len(before) > 0
    with sqlite3.connect(paths.database) as conn:
        # Copying the inspections table must not cascade into its responses.
        assert conn.execute("SELECT count(*) FROM responses").fetchone() == (2,)
        assert conn.execute(
            "SELECT inspectors, site_staff, general_note, revision FROM inspections"
        ).fetchone() == ("张三", "李四", "", 2)
        assert conn.execute("SELECT name, revision FROM sites").fetchone() == ("桃源村教学站", 3)
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.close()


def test_database_from_a_newer_program_is_refused_and_untouched(paths: AppPaths) -> None:
    open_context(paths).close()
    with sqlite3.connect(paths.database) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    conn.close()
    digest = hashlib.sha256(paths.database.read_bytes()).hexdigest()
    with pytest.raises(DatabaseTooNewError, match="newer version"):
        open_context(paths)
    assert hashlib.sha256(paths.database.read_bytes()).hexdigest() == digest
    assert not paths.backups.exists() or not any(paths.backups.iterdir())


def test_every_change_bumps_revision_and_updated_at(paths: AppPaths) -> None:
    context = open_context(paths)
    try:
        with context.db.transaction() as session:
            site = Site(name="溪口村教学站", tier="village")
            session.add(site)
        assert site.revision == 1
        first_update = site.updated_at
        with context.db.transaction() as session:
            stored = session.get(Site, site.id)
            assert stored is not None
            stored.address = "溪口村文化礼堂"
            session.add(stored)
        with context.db.session() as session:
            again = session.get(Site, site.id)
            assert again is not None
            assert again.revision == 2
            assert again.updated_at >= first_update
            assert again.updated_at.tzinfo is not None
    finally:
        context.close()


def test_the_known_head_is_alembics_head() -> None:
    # A database stamped with HEAD_REVISION is opened without Alembic; a new
    # migration must move the constant too, or it would never run.
    assert head_revision() == HEAD_REVISION


def test_a_current_database_opens_without_loading_alembic(paths: AppPaths) -> None:
    import subprocess
    import sys

    open_context(paths).close()
    code = (
        "import sys\n"
        "from inspector.app_paths import AppPaths\n"
        "from inspector.services.context import open_context\n"
        f"open_context(AppPaths.resolve({str(paths.data_dir)!r})).close()\n"
        "print(any(name.split('.')[0] == 'alembic' for name in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "False"


def test_a_migration_that_breaks_references_is_undone(
    paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths.ensure()
    _first_schema_with_data(paths.database)
    real_upgrade = command.upgrade

    def faulty_upgrade(config, revision):  # type: ignore[no-untyped-def]
        real_upgrade(config, revision)  # then, as a faulty migration might: an orphan
        config.attributes["connection"].exec_driver_sql(
            "INSERT INTO responses (id, created_at, updated_at, revision, inspection_id,"
            " criterion_id, rating, note) VALUES ('r9', '2026-01-02 03:04:05', "
            "'2026-01-02 03:04:05', 1, 'gone', 'facilities.v1', 'meets', '')")

    monkeypatch.setattr(command, "upgrade", faulty_upgrade)
    for _attempt in range(2):  # refused every time, never opened half-checked
        with pytest.raises(MigrationCheckError, match="put back as it was before"):
            open_context(paths)
        with sqlite3.connect(paths.database) as conn:
            assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (
                "0001",)
            assert conn.execute("SELECT count(*) FROM responses").fetchone() == (2,)
        conn.close()


def test_broken_references_from_before_do_not_stop_an_upgrade(paths: AppPaths) -> None:
    paths.ensure()
    _first_schema_with_data(paths.database)
    with sqlite3.connect(paths.database) as conn:  # a response whose inspection is gone
        conn.execute("INSERT INTO responses VALUES ('r9', '2026-01-02 03:04:05.000000',"
                     " '2026-01-02 03:04:05.000000', 1, 'gone', 'facilities.v1', 'meets', '')")
    conn.close()
    db = Database(paths.database)
    try:
        assert db.migrate(paths.backups).to_revision == HEAD_REVISION
    finally:
        db.close()
    with sqlite3.connect(paths.database) as conn:
        assert conn.execute("SELECT count(*) FROM responses").fetchone() == (3,)  # kept as is
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (
            HEAD_REVISION,)
    conn.close()


@pytest.mark.parametrize("kind", ["garbage", "foreign"])
def test_a_file_that_is_not_our_database_is_refused_untouched(paths: AppPaths,
                                                               kind: str) -> None:
    paths.ensure()
    if kind == "garbage":
        paths.database.write_bytes(b"not a database at all " * 200)
    else:
        with sqlite3.connect(paths.database) as conn:
            conn.execute("CREATE TABLE sites (id TEXT, name TEXT)")
            conn.execute("INSERT INTO sites VALUES ('x', '别的程序的数据')")
        conn.close()
    before = paths.database.read_bytes()
    with pytest.raises(NotOurDatabaseError, match="Inspector"):
        open_context(paths)
    assert paths.database.read_bytes() == before
    assert not paths.backups.exists() or not any(paths.backups.iterdir())
