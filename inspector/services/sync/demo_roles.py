"""``inspector demo --role field|office``: two matching demo installations of one county.

Both hold the same demo county (same site ids). The field laptop also holds
the completed demo inspections with photos; the office holds assignments for
the next round of visits and its supervision loop (:mod:`inspector.services.demo_office`:
a campaign, reviews in every state, letters, items and a re-inspection). The field
laptop's results bundle imports into the office demo once the office trusts the
laptop after comparing its fingerprint (GUI confirmation, or ``--trust-new-device``).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from inspector import assets
from inspector.domain.values import Role
from inspector.services.context import AppContext
from inspector.services.sites import find_by_code
from inspector.services.sites_csv import import_sites
from inspector.services.sync.assignments import add_assignment
from inspector.services.sync.identity import DeviceIdentity, load_identity, set_role

DEMO_NAMES = {Role.FIELD: "演示外业笔记本", Role.OFFICE: "青溪县督导办公室（演示）"}
ASSIGNMENT_NAMESPACE = uuid.UUID("4a0f6c8e-1d2b-5e3f-9a7c-2b4d6f8a0c1e")
DEMO_ASSIGNMENTS = (
    ("330799001001", "张明、李华"),
    ("330799001000", "张明、李华"),
    ("330799001002", "王芳"),
)


@dataclass(frozen=True)
class DemoRoleResult:
    identity: DeviceIdentity
    sites_created: int
    inspections: int
    assignments: int
    letters: int = 0  # the office's demo supervision loop (demo_office)
    items: int = 0


def prepare_demo(context: AppContext, role: Role) -> DemoRoleResult:
    """Fill the data directory as a demo field laptop or county office (safe to run again)."""
    current = load_identity(context.paths)
    identity = set_role(context.paths, role, name=(
        current.name if current and current.role is role else DEMO_NAMES[role]))
    if role is Role.FIELD:
        from inspector.services.demo import load_demo

        result = load_demo(context)
        return DemoRoleResult(identity, result.sites.created,
                              len(result.inspections.added), 0)
    with context.db.transaction() as session:
        sites = import_sites(session, assets.real_path(assets.resource("demo", "sites.csv")))
        count = 0
        for code, names in DEMO_ASSIGNMENTS:
            site = find_by_code(session, code)
            if site is None:
                continue
            add_assignment(session, site.id, names, date(2026, 12, 1), date(2026, 12, 31),
                           "复查上次检查的整改项",  # demo data is Chinese content
                           assignment_id=str(uuid.uuid5(ASSIGNMENT_NAMESPACE, code)))
            count += 1
    from inspector.services.demo_office import load_demo_office

    office = load_demo_office(context, date.today())
    return DemoRoleResult(identity, sites.created, 0, count, office.letters, office.items)
