"""Deleting an inspection started by mistake: what it would take away with it, and deleting
it. Only an inspection in progress that was never completed can go. Works inside the
caller's session and transaction, as :mod:`~inspector.services.inspections` does.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, delete, func, select

from inspector.domain.values import InspectionStatus
from inspector.services.inspections import InspectionError, events, get_inspection
from inspector.services.sites import get_site
from inspector.storage.models import Inspection, InspectionEvent, Photo, Response


@dataclass(frozen=True)
class DraftContents:
    """What deleting an inspection in progress takes away with it."""

    inspection_id: str
    site_name: str
    visit_date: date
    ratings: int
    notes: int
    photos: int


def draft_contents(session: Session, inspection_id: str) -> DraftContents:
    """What :func:`delete_draft` would delete; refused for what may not be deleted.

    Only an inspection in progress that was never completed can go: a completed
    one is a record of a visit (and may be at the county office already), and so
    is one that was completed and then reopened.
    """
    inspection = get_inspection(session, inspection_id)
    if inspection.status != InspectionStatus.DRAFT:
        raise InspectionError("已完成的检查不能删除 / a completed inspection cannot be deleted")
    if events(session, inspection_id):
        raise InspectionError("这次检查完成过后又重新打开，不能删除；请再次完成它 / this "
                              "inspection was completed and reopened; it cannot be deleted, "
                              "complete it again instead")
    site = get_site(session, inspection.site_id)
    responses = session.exec(
        select(Response).where(Response.inspection_id == inspection_id)).all()
    photos = session.exec(
        select(func.count()).select_from(Photo).where(Photo.inspection_id == inspection_id)
    ).one()
    return DraftContents(
        inspection_id=inspection.id, site_name=site.name, visit_date=inspection.visit_date,
        ratings=sum(1 for r in responses if r.rating),
        notes=sum(1 for r in responses if r.note.strip()),
        photos=int(photos),
    )


def delete_draft(session: Session, inspection_id: str) -> DraftContents:
    """Delete an inspection started by mistake, with its ratings, notes, photos and events.

    The photo files stay in the photo store; its tidy-up removes the ones no
    photo refers to any more. Drafts never travel in bundles, so no other
    computer holds a copy to bring back.
    """
    contents = draft_contents(session, inspection_id)
    for table in (Response, Photo, InspectionEvent):
        session.exec(delete(table).where(col(table.inspection_id) == inspection_id))
    session.exec(delete(Inspection).where(col(Inspection.id) == inspection_id))
    session.flush()
    session.expire_all()
    return contents
