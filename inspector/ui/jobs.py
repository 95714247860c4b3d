"""Background jobs of the main window: plain functions run by :mod:`inspector.ui.worker`.

Nothing here touches widgets. Services are imported inside the functions so
that importing this module (at start-up, before the window is shown) stays
cheap: SQLModel and friends load on the worker thread.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from inspector.app_paths import AppPaths

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from inspector.services.context import AppContext
    from inspector.services.photos import GarbageReport
    from inspector.services.site_tree import SiteNode
    from inspector.services.sites_csv import ImportResult
    from inspector.ui.worker import JobControl


def open_data(paths: AppPaths) -> AppContext:
    """Open (create, migrate) the data directory."""
    from inspector.services.context import open_context

    return open_context(paths)


def open_data_and_sites(
    paths: AppPaths, control: JobControl
) -> tuple[AppContext, list[SiteNode] | None]:
    """Open the data directory and load the site tree in one go (start-up).

    The tree is read first, straight from the database file, and handed to the
    window through ``control.partial`` before SQLModel is even imported; it is
    then not read again (``None`` in the result). Where that early read is not
    possible (a new or not yet migrated database) the tree comes with the result.
    """
    from inspector.services.site_tree import read_site_tree_early

    roots = read_site_tree_early(paths.database)
    if roots is not None:
        control.partial(roots)
    context = open_data(paths)
    try:
        return context, load_site_tree(context) if roots is None else None
    except BaseException:
        context.close()
        raise


def load_site_tree(context: AppContext) -> list[SiteNode]:
    """The site registry with each site's last result and the inspection in progress."""
    from inspector.services.sites import site_tree

    with context.db.session() as session:
        return site_tree(session)


def import_sites_csv(context: AppContext, path: Path) -> ImportResult:
    from inspector.services.sites_csv import import_sites

    with context.db.transaction() as session:
        return import_sites(session, path)


def export_sites_csv(context: AppContext, path: Path) -> int:
    from inspector.services.sites_csv import export_sites

    with context.db.session() as session:
        return export_sites(session, path)


def tidy_photo_store(context: AppContext) -> GarbageReport:
    """Remove photo files nothing refers to any more (deleted over an hour ago, or left
    by an import that was interrupted), and unfinished imports' temporary files; does
    nothing while an import or photo addition is at work in any process."""
    from inspector.services.photo_store import PhotoStore
    from inspector.services.photos import collect_garbage

    with context.db.session() as session:
        report = collect_garbage(session, PhotoStore.for_paths(context.paths))
    if report.skipped:
        log.info("photo store not tidied this time: an import is at work")
    elif report.files_removed or report.incoming_removed:
        log.info("photo store tidied: %d files (%d bytes), %d unfinished imports",
                 report.files_removed, report.bytes_freed, report.incoming_removed)
    return report
