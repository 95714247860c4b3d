"""Assignments: which inspector visits which site in which period (made at the office)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

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


def list_assignments(session: Session) -> list[AssignmentView]:
    rows = session.exec(
        select(Assignment, Site).where(Assignment.site_id == Site.id)
        .order_by(col(Assignment.period_start), col(Site.code))
    ).all()
    return [AssignmentView(a.id, s.id, s.name, s.code, a.inspector_name, a.period_start,
                           a.period_end, a.note) for a, s in rows]
