"""The site registry: the tree the window and ``inspector sites list`` show, and its CSV."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from inspector.services.context import AppContext
    from inspector.services.control import Control
    from inspector.services.site_tree import SiteNode
    from inspector.services.sites_csv import ImportResult


def load_site_tree(context: AppContext) -> list[SiteNode]:
    """The site registry with each site's last result and the inspection in progress."""
    from inspector.services.sites import site_tree

    with context.db.session() as session:
        return site_tree(session)


def import_sites_csv(context: AppContext, path: Path,
                     control: Control | None = None) -> ImportResult:
    """Add or update the sites of a CSV file, all or none (``CsvImportError`` lists every
    bad row). While another program writes to the database, the import waits, saying so
    through ``control``
    (:func:`~inspector.services.api.saving.until_saved`)."""
    from inspector.services.api.saving import committed
    from inspector.services.sites_csv import import_sites

    return committed(context, lambda session: import_sites(session, path), control)


def export_sites_csv(context: AppContext, path: Path) -> int:
    """Write every site to a CSV file that Excel opens; returns how many."""
    from inspector.services.sites_csv import export_sites

    with context.db.session() as session:
        return export_sites(session, path)
