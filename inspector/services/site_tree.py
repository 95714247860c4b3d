"""The site list's tree: every site with its last result and the inspection in progress.

At the county office only approved inspections count as results (审核): each site also
carries its last approved inspection and the newest one still awaiting review or returned
to its inspector, so that the office's list can show the result that counts with a
calm mark beside it (and every received result on request). A field laptop approves
nothing and shows its last completed inspection, as it always has.

Read with plain SQL over a ``sqlite3`` connection and the standard library
alone, so that at start-up the tree can be read and shown before SQLModel and
SQLAlchemy are loaded (they take most of a second); the rest of the program
opens the data meanwhile. The same function serves every later reload, through
the connection of an ORM session, so there is one way the tree is read.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from inspector.domain.scoring import summarize
from inspector.domain.supervision import ReviewDecision, ReviewState, review_state_of
from inspector.domain.templates import ChecklistTemplate, parse_stored_template
from inspector.domain.tiers import TIER_ORDER, Tier
from inspector.domain.values import EventKind, InspectionStatus, Role
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
    last_completed: LastInspection | None = None  # whatever its review
    in_progress: LastInspection | None = None
    assignment: AssignedVisit | None = None  # the most urgent open one; done ones are not shown
    last_approved: LastInspection | None = None  # the last result that counts at the office
    awaiting_review: LastInspection | None = None  # the newest one the office has to review
    returned: LastInspection | None = None  # the newest one returned, not sent back yet

    def walk(self) -> Iterable[SiteNode]:
        yield self
        for child in self.children:
            yield from child.walk()

    def result(self, approved_only: bool) -> LastInspection | None:
        """The site's last result: the last approved inspection where only approved ones
        count (the county office), else the last completed one whatever its review."""
        return self.last_approved if approved_only else self.last_completed

    def review_mark(self) -> ReviewState | None:
        """What the office still has to settle about the site's results: a received
        inspection awaiting review (:attr:`ReviewState.AWAITING`), else one returned to its
        inspector and not sent back yet (:attr:`ReviewState.RETURNED`), else nothing."""
        if self.awaiting_review is not None:
            return ReviewState.AWAITING
        if self.returned is not None:
            return ReviewState.RETURNED
        return None


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
# Every decision, oldest first, and whether it was made on its inspection's latest
# completion (the submission that stands now): one pass over the reviews.
REVIEWS_SQL = f"""
    SELECT r.inspection_id, r.decision, r.submission_event_id = (
        SELECT e.id FROM inspection_events e
        WHERE e.inspection_id = r.inspection_id AND e.kind = '{EventKind.COMPLETED.value}'
        ORDER BY e.at DESC, e.id DESC LIMIT 1)
    FROM reviews r ORDER BY r.at, r.id
"""
ASSIGNMENTS_SQL = """
    SELECT id, site_id, inspector_name, period_start, period_end, note FROM assignments
    ORDER BY period_start, period_end
"""


def read_site_tree(connection: sqlite3.Connection, today: date | None = None) -> list[SiteNode]:
    """The registry as a forest (normally one county college at the root).

    County first, then townships and villages, each by code and name; every
    site with its last completed inspection (and that one's overall score), its
    inspection in progress, and its most urgent open assignment on ``today`` (overdue,
    then in progress, then the next one to come; assignments already done are left out);
    and where the office's review leaves it: the last approved inspection (with its
    score), the newest one awaiting review and the newest one returned to its inspector.
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
    decisions = _decisions(connection)
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
        review = review_state(info.status, decisions.get(inspection_id, ()))
        if info.status == InspectionStatus.DRAFT:
            node.in_progress = info
            if review is ReviewState.RETURNED:
                node.returned = info
        else:
            node.last_completed = info
            completed[inspection_id] = (tier, version_id)
            if review is ReviewState.APPROVED:
                node.last_approved = info
            else:
                node.awaiting_review = info
    versions: dict[str, ChecklistTemplate | None] = {}

    def scored(last: LastInspection) -> LastInspection:
        tier, version_id = completed[last.id]
        return LastInspection(last.id, last.visit_date, last.status, _score(
            connection, last.id, Tier(tier), _template(connection, version_id, versions)))

    for node in nodes.values():
        if node.last_completed is not None:
            node.last_completed = scored(node.last_completed)
        approved = node.last_approved
        if approved is not None:
            node.last_approved = node.last_completed if (
                node.last_completed is not None and node.last_completed.id == approved.id
            ) else scored(approved)
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


def _decisions(connection: sqlite3.Connection) -> dict[str, list[tuple[ReviewDecision, bool]]]:
    """Each inspection's decisions, oldest first: (decision, made on its latest completion)."""
    found: dict[str, list[tuple[ReviewDecision, bool]]] = {}
    for inspection_id, decision, on_latest in connection.execute(REVIEWS_SQL):
        found.setdefault(inspection_id, []).append((ReviewDecision(decision), bool(on_latest)))
    return found


def review_state(status: InspectionStatus,
                 decisions: Iterable[tuple[ReviewDecision, bool]]) -> ReviewState:
    """Where an inspection stands in review (the domain's ``review_state_of``)."""
    return review_state_of(status == InspectionStatus.COMPLETED, decisions)


def approved_results_only(data_dir: Path) -> bool:
    """Whether only approved inspections count as results here: on the county office's
    computer. Its role is read straight from the device identity's file, with the standard
    library alone (the identity module loads the database models, too slow for the start);
    an installation with no role yet, or one whose file cannot be read, is not the office.
    """
    try:
        meta = json.loads((data_dir / "device" / "identity.json").read_text("utf-8"))
    except FileNotFoundError:
        return False
    except (OSError, ValueError) as exc:
        log.info("this installation's role is not known: %s", exc)
        return False
    return isinstance(meta, dict) and meta.get("role") == Role.OFFICE.value


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
