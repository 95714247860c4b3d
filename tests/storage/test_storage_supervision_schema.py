"""Migration 0005 (the supervision loop) adds its tables and leaves every earlier row."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine

from inspector.app_paths import AppPaths
from inspector.storage.database import Database, alembic_config
from inspector.storage.models import SQLModel

NOW = "2026-11-20 03:04:05.000000"
NEW_TABLES = {"campaigns", "campaign_assignments", "reviews", "review_comments",
              "rectification_items", "reinspection_targets", "reinspection_checks",
              "feedback_letters", "rectification_reports", "report_attachments",
              "office_settings", "device_inspectors", "inspection_origins"}


def _tables(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        names = {row[0] for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
    conn.close()
    return names


def test_upgrade_from_0004_keeps_rows_matches_the_model_and_downgrades(tmp_path: Path) -> None:
    paths = AppPaths.resolve(tmp_path / "data")
    paths.ensure()
    config = alembic_config(f"sqlite:///{paths.database}")
    command.upgrade(config, "0004")
    with sqlite3.connect(paths.database) as conn:
        conn.execute("INSERT INTO sites (id, created_at, updated_at, revision, name, tier, code,"
                     " address, contact, phone) VALUES ('s1', ?, ?, 1, '桃源村教学站', 'village',"
                     " '330799201201', '', '', '')", (NOW, NOW))
    conn.close()
    assert not NEW_TABLES & _tables(paths.database)
    db = Database(paths.database)
    try:
        result = db.migrate(paths.backups)
    finally:
        db.close()
    assert (result.from_revision, result.to_revision) == ("0004", "0005")
    assert result.backup is not None and result.backup.is_file()
    assert _tables(paths.database) >= NEW_TABLES
    with sqlite3.connect(paths.database) as conn:
        assert conn.execute("SELECT id, name FROM sites").fetchall() == [("s1", "桃源村教学站")]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.close()
    engine = create_engine(f"sqlite:///{paths.database}")
    try:
        with engine.connect() as conn:
            differences = compare_metadata(MigrationContext.configure(conn), SQLModel.metadata)
    finally:
        engine.dispose()
    assert differences == []
    command.downgrade(config, "0004")
    assert not NEW_TABLES & _tables(paths.database)
    command.upgrade(config, "head")
    assert _tables(paths.database) >= NEW_TABLES
