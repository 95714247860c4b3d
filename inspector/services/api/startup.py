"""Opening the data folder, and the tidying that follows a start.

Importing this module is cheap (the standard library and our paths): the window
imports it before it shows itself, and SQLModel loads only inside the functions,
on the worker thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from inspector.app_paths import AppPaths

if TYPE_CHECKING:
    from inspector.services.context import AppContext
    from inspector.services.photos import GarbageReport
    from inspector.services.site_tree import SiteNode

log = logging.getLogger(__name__)


def open_data(paths: AppPaths) -> AppContext:
    """Open (create, migrate) the data folder; the caller closes the context."""
    from inspector.services.context import open_context

    return open_context(paths)


def open_data_and_sites(
    paths: AppPaths, tree_ready: Callable[[list[SiteNode]], None] | None = None
) -> tuple[AppContext, list[SiteNode] | None]:
    """Open the data folder and read the site tree in one go (the window's start).

    The tree is read first, straight from the database file, and handed to
    ``tree_ready`` before SQLModel is even imported; it is then not read again
    (``None`` in the result). Where that early read is not possible (a new or not
    yet migrated database) the tree comes with the result.
    """
    from inspector.services.site_tree import read_site_tree_early

    roots = read_site_tree_early(paths.database)
    if roots is not None and tree_ready is not None:
        tree_ready(roots)
    context = open_data(paths)
    try:
        if roots is None or tree_ready is None:
            from inspector.services.api.sites import load_site_tree

            return context, load_site_tree(context)
        return context, None
    except BaseException:
        context.close()
        raise


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
