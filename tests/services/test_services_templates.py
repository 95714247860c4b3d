"""Shipped templates are stored once, whole, and a stored version never changes."""

from __future__ import annotations

import sqlite3

import pytest

from inspector.app_paths import AppPaths
from inspector.domain.templates import TemplateError
from inspector.services import templates
from inspector.services.context import open_context


def test_registered_once_and_then_only_checked(paths: AppPaths) -> None:
    context = open_context(paths)
    try:
        with context.db.transaction() as session:
            assert templates.register_shipped(session) == 0  # done by open_context
            latest = templates.latest_template(session)
        assert latest.key == "community-education-3tier@1"
    finally:
        context.close()
    with sqlite3.connect(paths.database) as conn:
        assert conn.execute("SELECT count(*) FROM template_versions").fetchone() == (1,)
    conn.close()


def test_a_changed_stored_version_is_refused(paths: AppPaths) -> None:
    open_context(paths).close()
    with sqlite3.connect(paths.database) as conn:
        conn.execute("UPDATE template_versions SET sha256 = 'x'")
    conn.close()
    with pytest.raises(TemplateError, match="needs a new version number"):
        open_context(paths)
