"""Migration 0004 (deleted records remembered): upgrade keeps data, fresh databases have it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine

from inspector.app_paths import AppPaths
from inspector.services.context import open_context
from inspector.storage.database import Database, alembic_config, head_revision
from inspector.storage.models import SyncTombstone

NOW = "2026-11-20 03:04:05.000000"


def _sync_schema_with_a_photo(path: Path) -> None:
    """A database as the sync release (0003) wrote it: one inspection with one photo."""
    command.upgrade(alembic_config(f"sqlite:///{path}"), "0003")
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO template_versions VALUES ('t1', ?, ?, 1,"
                     " 'test-guideline', 1, '指引', '{}', ?)", (NOW, NOW, "0" * 64))
        conn.execute("INSERT INTO sites (id, created_at, updated_at, revision, name, tier, code,"
                     " address, contact, phone) VALUES ('s1', ?, ?, 1, '桃源村教学站', 'village',"
                     " '330799201201', '', '', '')", (NOW, NOW))
        conn.execute("INSERT INTO inspections (id, created_at, updated_at, revision, site_id,"
                     " template_version_id, tier, status, visit_date, inspectors, site_staff,"
                     " general_note, sync_vv, sync_rev, sync_seq) VALUES ('i1', ?, ?, 2, 's1',"
                     " 't1', 'village', 'completed', '2026-11-20', '张三', '', '',"
                     " '{\"~0123456789abcdef\":1}', 2, 1)", (NOW, NOW))
        conn.execute("INSERT INTO photos (id, created_at, updated_at, revision, inspection_id,"
                     " sha256, original_name, media_type, size_bytes, width, height, caption,"
                     " rotation, position, sync_vv, sync_rev, sync_seq) VALUES ('p1', ?, ?, 1,"
                     " 'i1', ?, '门牌.jpg', 'image/jpeg', 10, 4, 3, '门牌', 0, 0,"
                     " '{\"~fedcba9876543210\":1}', 1, 1)", (NOW, NOW, "a" * 64))
    conn.close()


def test_upgrade_from_the_sync_schema_keeps_every_row(tmp_path: Path) -> None:
    paths = AppPaths.resolve(tmp_path / "data")
    paths.ensure()
    _sync_schema_with_a_photo(paths.database)
    db = Database(paths.database)
    try:
        result = db.migrate(paths.backups)
    finally:
        db.close()
    assert (result.from_revision, result.to_revision) == ("0003", head_revision())
    assert result.backup is not None
    with sqlite3.connect(paths.database) as conn:
        assert conn.execute("SELECT id, caption, revision, sync_vv, sync_rev, sync_seq"
                            " FROM photos").fetchall() == [
            ("p1", "门牌", 1, '{"~fedcba9876543210":1}', 1, 1)]
        assert conn.execute("SELECT status, sync_rev FROM inspections").fetchall() == [
            ("completed", 2)]
        assert conn.execute("SELECT count(*) FROM sync_tombstones").fetchone() == (0,)
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.close()
    context = open_context(paths)  # opens without migrating again
    try:
        assert not context.migration.changed
    finally:
        context.close()


def test_a_fresh_database_matches_the_model_and_downgrades(tmp_path: Path) -> None:
    paths = AppPaths.resolve(tmp_path / "data")
    open_context(paths).close()
    assert head_revision() == "0005"
    engine = create_engine(f"sqlite:///{paths.database}")
    try:
        with engine.connect() as conn:
            differences = compare_metadata(MigrationContext.configure(conn),
                                           SyncTombstone.metadata)
    finally:
        engine.dispose()
    assert [d for d in differences if "sync_tombstones" in repr(d)] == []
    config = alembic_config(f"sqlite:///{paths.database}")
    command.downgrade(config, "0003")
    with sqlite3.connect(paths.database) as conn:
        assert conn.execute("SELECT name FROM sqlite_master WHERE name = 'sync_tombstones'"
                            ).fetchall() == []
    conn.close()
    command.upgrade(config, "head")
