"""Local storage: SQLModel tables over SQLite, migrated with Alembic. No Qt."""
