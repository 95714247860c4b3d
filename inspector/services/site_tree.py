"""The site list's tree: every site with its last result and the inspection in progress.

Read with plain SQL over a ``sqlite3`` connection and the standard library
alone, so that at start-up the tree can be read and shown before SQLModel and
SQLAlchemy are loaded (they take most of a second); the rest of the program
opens the data meanwhile. The same function serves every later reload, through
the connection of an ORM session, so there is one way the tree is read.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from inspector.domain.scoring import summarize
from inspector.domain.templates import ChecklistTemplate, parse_stored_template
from inspector.domain.tiers import TIER_ORDER, Tier
from inspector.domain.values import InspectionStatus
from inspector.services.assignment_state import (
    REINSPECTION_INSPECTIONS_SQL,
    REINSPECTION_TARGETS_SQL,
    STATE_ORDER,
    AssignmentState,
    Reinspections,
    SiteVisit,
    assignment_standing,
)
from inspector.storage.revision import HEAD_REVISION, read_revision

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LastInspection:
    id: str
    visit_date: date
    status: InspectionStatus
    score: float | None = None


@dataclass(frozen=True)
class AssignedVisit:
    """An assignment from the county office: who visits the site, in which period."""

    inspector_name: str
    period_start: date
    period_end: date
    note: str = ""
    state: AssignmentState = AssignmentState.PENDING  # never DONE: done ones are not shown


@dataclass
class SiteNode:
    """A site in the registry tree, with what the site list shows about it."""

    id: str
    name: str
    tier: Tier
    code: str | None
    address: str
    contact: str
    phone: str
    parent_id: str | None
    children: list[SiteNode] = field(default_factory=list)
    last_completed: LastInspection | None = None
    in_progress: LastInspection | None = None
    assignment: AssignedVisit | None = None  # the most urgent open one; done ones are not shown

    def walk(self) -> Iterable[SiteNode]:
        yield self
        for child in self.children:
            yield from child.walk()


_RANK: dict[str, int] = {tier: index for index, tier in enumerate(TIER_ORDER)}


def site_sort_key(tier: str, code: str | None, name: str) -> tuple[int, str, str]:
    """County first, then townships and villages; each by division code, then name."""
    return _RANK.get(tier, 9), code or "~", name


SITES_SQL = "SELECT id, name, tier, code, address, contact, phone, parent_id FROM sites"
# Oldest first: for each site the last row of each kind wins.
INSPECTIONS_SQL = """
    SELECT id, site_id, status, visit_date, tier, template_version_id
    FROM inspections ORDER BY visit_date, created_at
"""
RATINGS_SQL = """
    SELECT criterion_id, rating FROM responses
    WHERE inspection_id = ? AND rating IS NOT NULL AND rating != ''
"""
TEMPLATE_SQL = "SELECT sha256, content, template_id, version FROM template_versions WHERE id = ?"
ASSIGNMENTS_SQL = """
    SELECT id, site_id, inspector_name, period_start, period_end, note FROM assignments
    ORDER BY period_start, period_end
"""


def read_site_tree(connection: sqlite3.Connection, today: date | None = None) -> list[SiteNode]:
    """The registry as a forest (normally one county college at the root).

    County first, then townships and villages, each by code and name; every
    site with its last completed inspection (and that one's overall score), its
    inspection in progress, and its most urgent open assignment on ``today`` (overdue,
    then in progress, then the next one to come; assignments already done are left out).
    """
    rows = sorted(connection.execute(SITES_SQL).fetchall(),
                  key=lambda row: site_sort_key(row[2], row[3], row[1]))
    nodes = {
        site_id: SiteNode(id=site_id, name=name, tier=Tier(tier), code=code, address=address,
                          contact=contact, phone=phone, parent_id=parent_id)
        for site_id, name, tier, code, address, contact, phone, parent_id in rows
    }
    completed: dict[str, tuple[str, str]] = {}  # inspection id → (tier, template version id)
    visits: dict[str, list[SiteVisit]] = {}
    for inspection_id, site_id, status, visit_date, tier, version_id in connection.execute(
            INSPECTIONS_SQL):
        node = nodes.get(site_id)
        if node is None:
            continue
        info = LastInspection(inspection_id, date.fromisoformat(visit_date),
                              InspectionStatus(status))
        visits.setdefault(site_id, []).append(
            SiteVisit(inspection_id, info.visit_date,
                      completed=info.status != InspectionStatus.DRAFT))
        if info.status == InspectionStatus.DRAFT:
            node.in_progress = info
        else:
            node.last_completed = info
            completed[inspection_id] = (tier, version_id)
    versions: dict[str, ChecklistTemplate | None] = {}
    for node in nodes.values():
        last = node.last_completed
        if last is not None:
            tier, version_id = completed[last.id]
            node.last_completed = LastInspection(
                last.id, last.visit_date, last.status,
                _score(connection, last.id, Tier(tier), _template(connection, version_id,
                                                                  versions)))
    on = today or date.today()
    reinspections = Reinspections.from_rows(
        connection.execute(REINSPECTION_TARGETS_SQL).fetchall(),
        connection.execute(REINSPECTION_INSPECTIONS_SQL).fetchall())
    for assignment_id, site_id, name, start, end, note in connection.execute(ASSIGNMENTS_SQL):
        node = nodes.get(site_id)
        if node is None:
            continue
        period_start, period_end = date.fromisoformat(start), date.fromisoformat(end)
        counted = reinspections.visits_for(assignment_id, visits.get(site_id, ()))
        state = assignment_standing(period_start, period_end, counted, on).state
        if state is AssignmentState.DONE:
            continue
        shown = node.assignment
        # Earliest start first: of the same urgency, the first one to come is kept.
        if shown is None or STATE_ORDER[state] < STATE_ORDER[shown.state]:
            node.assignment = AssignedVisit(name, period_start, period_end, note, state)
    roots: list[SiteNode] = []
    for node in nodes.values():
        parent = nodes.get(node.parent_id) if node.parent_id else None
        (parent.children if parent else roots).append(node)
    return roots


def _template(connection: sqlite3.Connection, version_id: str,
              versions: dict[str, ChecklistTemplate | None]) -> ChecklistTemplate | None:
    """A stored checklist version, read once per tree (most sites share one)."""
    if version_id not in versions:
        stored = connection.execute(TEMPLATE_SQL, (version_id,)).fetchone()
        versions[version_id] = None if stored is None else parse_stored_template(
            stored[0], stored[1], f"{stored[2]}@{stored[3]}")
    return versions[version_id]


def _score(connection: sqlite3.Connection, inspection_id: str, tier: Tier,
           template: ChecklistTemplate | None) -> float | None:
    if template is None:
        return None  # foreign keys keep this from happening; no score rather than no tree
    ratings = dict(connection.execute(RATINGS_SQL, (inspection_id,)).fetchall())
    return summarize(template, tier, ratings).overall.score


def read_site_tree_early(database: Path) -> list[SiteNode] | None:
    """The tree straight from the database file, if it is there and needs no migration.

    ``None`` when the file does not exist yet, was written by another schema
    revision (it is migrated first, and the tree read afterwards) or cannot be
    read now: the program then reads the tree once the database is opened.
    """
    if not database.is_file():
        return None
    try:
        connection = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        log.info("the site tree is read once the database is open: %s", exc)
        return None
    try:
        if read_revision(connection) != HEAD_REVISION:
            return None
        return read_site_tree(connection)
    except (sqlite3.Error, ValueError) as exc:
        log.info("the site tree is read once the database is open: %s", exc)
        return None
    finally:
        connection.close()
