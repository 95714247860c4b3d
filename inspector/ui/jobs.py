"""Background jobs of the main window: plain functions run by :mod:`inspector.ui.worker`.

Nothing here touches widgets. Services are imported inside the functions so
that importing this module (at start-up, before the window is shown) stays
cheap: SQLModel and friends load on the worker thread.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING

from inspector.app_paths import AppPaths

if TYPE_CHECKING:
    from inspector.services.context import AppContext
    from inspector.services.sites import SiteNode
    from inspector.services.sites_csv import ImportResult


def open_data(paths: AppPaths) -> AppContext:
    """Open (create, migrate) the data directory."""
    from inspector.services.context import open_context

    return open_context(paths)


def open_data_and_sites(paths: AppPaths) -> tuple[AppContext, list[SiteNode]]:
    """Open the data directory and load the site tree in one go (start-up)."""
    context = open_data(paths)
    try:
        return context, load_site_tree(context)
    except BaseException:
        context.close()
        raise


def load_site_tree(context: AppContext) -> list[SiteNode]:
    """The site registry with each site's last result and the inspection in progress."""
    from inspector.services.inspections import list_inspections
    from inspector.services.sites import site_tree

    with context.db.session() as session:
        roots = site_tree(session)
        scores = {listing.id: listing.score for listing in list_inspections(session)}
    for root in roots:
        for node in root.walk():
            last = node.last_completed
            if last is not None and last.score is None:
                node.last_completed = dataclasses.replace(last, score=scores.get(last.id))
    return roots


def import_sites_csv(context: AppContext, path: Path) -> ImportResult:
    from inspector.services.sites_csv import import_sites

    with context.db.transaction() as session:
        return import_sites(session, path)


def export_sites_csv(context: AppContext, path: Path) -> int:
    from inspector.services.sites_csv import export_sites

    with context.db.session() as session:
        return export_sites(session, path)
