"""Demo data: one realistic county, so a new user can try everything at once.

Sites come from the shipped ``resources/demo/sites.csv`` through the same
importer users use; their ids derive from their division codes, so every
installation loaded with the demo agrees on which site is which.
"""

from __future__ import annotations

from dataclasses import dataclass

from inspector import assets
from inspector.services.context import AppContext
from inspector.services.demo_inspections import DemoInspectionsResult, load_demo_inspections
from inspector.services.sites_csv import ImportResult, import_sites


@dataclass(frozen=True)
class DemoResult:
    sites: ImportResult
    inspections: DemoInspectionsResult


def load_demo(context: AppContext) -> DemoResult:
    """Fill the data directory with the demo county; running it again changes nothing."""
    with context.db.transaction() as session:
        sites = import_sites(session, assets.real_path(assets.resource("demo", "sites.csv")))
    return DemoResult(sites=sites, inspections=load_demo_inspections(context))
