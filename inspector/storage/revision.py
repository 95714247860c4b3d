"""The database's schema revision, read with the standard library alone.

Cheap to import (no SQLAlchemy), so the start-up can tell whether the database
is ready to be read before the heavy libraries are loaded.
"""

from __future__ import annotations

import sqlite3

# The newest migration in migrations/versions (a test checks they agree). A
# database already stamped with it is opened without loading Alembic at all.
HEAD_REVISION = "0005"


def read_revision(connection: sqlite3.Connection) -> str | None:
    """The Alembic revision stamped in the database, ``None`` for a database never migrated."""
    has_table = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
    ).fetchone()
    if not has_table:
        return None
    row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    return str(row[0]) if row else None
