"""Assignments: which inspector visits which site in which period (made at the office),
and where each stands: pending, in progress, done (by which inspection) or overdue."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

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
from inspector.services.sites import get_site
from inspector.services.sync.errors import SyncError
from inspector.storage.models import Assignment, Site


@dataclass(frozen=True)
class AssignmentView:
    id: str
    site_id: str
    site_name: str
    site_code: str | None
    inspector_name: str
    period_start: date
    period_end: date
    note: str
    state: AssignmentState = AssignmentState.PENDING
    #: The inspection that fulfilled it (done) or is being made (in progress).
    inspection_id: str | None = None
    visit_date: date | None = None
    score: float | None = None  # of the inspection that fulfilled it


def add_assignment(session: Session, site_id: str, inspector_name: str, period_start: date,
                   period_end: date, note: str = "", assignment_id: str | None = None
                   ) -> Assignment:
    get_site(session, site_id)
    if period_end < period_start:
        raise SyncError("结束日期早于开始日期 / the period ends before it starts")
    row = Assignment(site_id=site_id, inspector_name=inspector_name.strip(),
                     period_start=period_start, period_end=period_end, note=note.strip())
    if assignment_id is not None:
        existing = session.get(Assignment, assignment_id)
        if existing is not None:
            return existing
        row.id = assignment_id
    session.add(row)
    session.flush()
    return row


def list_assignments(session: Session, today: date | None = None) -> list[AssignmentView]:
    """Every assignment with where it stands on ``today``: the open ones first (overdue, in
    progress, pending), each group by period and site code; the done ones last."""
    from inspector.services.inspections import list_inspections

    rows = session.exec(
        select(Assignment, Site).where(Assignment.site_id == Site.id)
        .order_by(col(Assignment.period_start), col(Site.code))
    ).all()
    visits: dict[str, list[SiteVisit]] = {}
    if rows:
        for listing in list_inspections(session):
            visits.setdefault(listing.site_id, []).append(SiteVisit(
                listing.id, listing.visit_date, listing.status == InspectionStatus.COMPLETED,
                listing.score))
    reinspections = _reinspections(session)
    views = []
    for a, s in rows:
        standing = assignment_standing(
            a.period_start, a.period_end, reinspections.visits_for(a.id, visits.get(s.id, [])),
            today or date.today())
        visit = standing.visit
        views.append(AssignmentView(
            a.id, s.id, s.name, s.code, a.inspector_name, a.period_start, a.period_end, a.note,
            standing.state, visit.inspection_id if visit else None,
            visit.visit_date if visit else None,
            visit.score if visit and visit.completed else None))
    return sorted(views, key=lambda view: STATE_ORDER[view.state])  # stable: keeps the order


def assignment_states(session: Session, today: date) -> dict[str, AssignmentState]:
    """Where each assignment stands on ``today``, by id: what :func:`list_assignments` says,
    without scoring the inspections (a campaign's counts over years of history)."""
    visits: dict[str, list[SiteVisit]] = {}
    rows = session.connection().exec_driver_sql(
        "SELECT id, site_id, visit_date, status FROM inspections").fetchall()
    for inspection_id, site_id, visit_date, status in rows:
        visits.setdefault(site_id, []).append(SiteVisit(
            inspection_id, date.fromisoformat(visit_date), status == InspectionStatus.COMPLETED))
    reinspections = _reinspections(session)
    return {a.id: assignment_standing(a.period_start, a.period_end,
                                      reinspections.visits_for(a.id, visits.get(a.site_id, [])),
                                      today).state
            for a in session.exec(select(Assignment)).all()}


def _reinspections(session: Session) -> Reinspections:
    connection = session.connection()
    return Reinspections.from_rows(
        connection.exec_driver_sql(REINSPECTION_TARGETS_SQL).fetchall(),
        connection.exec_driver_sql(REINSPECTION_INSPECTIONS_SQL).fetchall())
