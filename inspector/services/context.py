"""Opening a data directory: the one place that wires paths, database and templates together."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from inspector.app_paths import AppPaths
from inspector.services import templates
from inspector.storage.database import Database, MigrationResult

log = logging.getLogger(__name__)


@dataclass
class AppContext:
    """What every service needs: where the data lives and the open database."""

    paths: AppPaths
    db: Database
    migration: MigrationResult

    def close(self) -> None:
        self.db.close()


def open_context(paths: AppPaths) -> AppContext:
    """Create the data directory if needed, migrate the database and register shipped templates.

    Raises :class:`inspector.storage.database.DatabaseError` for a database this
    program cannot use (for example one written by a newer version).
    """
    paths.ensure()
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
