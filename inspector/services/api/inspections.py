"""Inspections: starting, rating, completing, reopening, deleting, and listing them.

Each change is its own committed transaction (that is the window's autosave),
waiting while the database is busy (:mod:`~inspector.services.api.saving`).
What the screens show travels back as frozen dataclasses, never as live rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING

from inspector.domain.scoring import Answer
from inspector.domain.tiers import Tier
from inspector.domain.values import InspectionStatus

if TYPE_CHECKING:
    from sqlmodel import Session

    from inspector.domain.scoring import InspectionSummary
    from inspector.domain.templates import ChecklistTemplate
    from inspector.services.context import AppContext
    from inspector.services.control import Control
    from inspector.services.inspection_deletion import DraftContents
    from inspector.services.inspections import InspectionListing, Problem


@dataclass(frozen=True)
class ChecklistData:
    """One inspection as the checklist page shows it."""

    inspection_id: str
    site_id: str
    site_name: str
    tier: Tier
    status: InspectionStatus
    visit_date: date
    inspectors: str
    site_staff: str
    completed_at: datetime | None
    general_note: str
    template: ChecklistTemplate
    answers: dict[str, Answer]
    previous: dict[str, Answer] = field(default_factory=dict)  # revisit: the earlier visit
    previous_date: date | None = None
    photo_counts: dict[str | None, int] = field(default_factory=dict)

    @property
    def completed(self) -> bool:
        return self.status == InspectionStatus.COMPLETED


@dataclass(frozen=True)
class FinishCheck:
    """What stops an inspection from being completed, and its score so far."""

    problems: list[Problem]
    summary: InspectionSummary


def _answers(session: Session, inspection_id: str) -> dict[str, Answer]:
    from sqlmodel import select

    from inspector.storage.models import Response

    rows = session.exec(select(Response).where(Response.inspection_id == inspection_id)).all()
    return {row.criterion_id: Answer(row.rating, row.note) for row in rows}


def load_checklist(context: AppContext, inspection_id: str) -> ChecklistData:
    from inspector.services import inspections, photos

    with context.db.session() as session:
        state = inspections.load_state(session, inspection_id)
        row = state.inspection
        previous: dict[str, Answer] = {}
        previous_date = None
        if row.previous_inspection_id:
            earlier = session.get(type(row), row.previous_inspection_id)
            if earlier is not None:
                previous = _answers(session, earlier.id)
                previous_date = earlier.visit_date
        return ChecklistData(
            inspection_id=row.id, site_id=state.site.id, site_name=state.site.name,
            tier=row.tier, status=row.status, visit_date=row.visit_date,
            inspectors=row.inspectors, site_staff=row.site_staff,
            completed_at=row.completed_at, general_note=row.general_note,
            template=state.template,
            answers=state.answers(),
            previous=previous, previous_date=previous_date,
            photo_counts=photos.photo_counts(session, inspection_id),
        )


def list_inspections(context: AppContext, site_id: str | None = None) -> list[InspectionListing]:
    """Every inspection (or a site's), newest visit first, each with its score."""
    from inspector.services import inspections

    with context.db.session() as session:
        return inspections.list_inspections(session, site_id)


def find_inspection_id(context: AppContext, given: str) -> str:
    """The inspection id that ``given`` is, or starts with (at least 8 characters,
    dashes optional); raises :class:`~inspector.services.inspections.InspectionError`
    when none or several match."""
    from sqlmodel import select

    from inspector.services.inspections import InspectionError
    from inspector.storage.models import Inspection

    wanted = given.strip().lower()
    with context.db.session() as session:
        ids = list(session.exec(select(Inspection.id)).all())  # ids only: nothing to score
    if wanted in ids:
        return wanted
    compact = wanted.replace("-", "")
    if len(compact) < 8:
        raise InspectionError(f"检查编号至少要写前 8 个字符 / an inspection id needs at least 8 "
                              f"characters: {given}")
    matches = [i for i in ids if i.replace("-", "").startswith(compact)]
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise InspectionError(f"{given} 对应 {len(matches)} 次检查，请多写几个字符 / {given} "
                              f"matches {len(matches)} inspections; give more of the id")
    raise InspectionError(f"没有编号为 {given} 的检查（见 inspector inspections list）/ no "
                          f"inspection {given} (see inspector inspections list)")


def start(context: AppContext, site_id: str, visit_date: date, inspectors: str,
          site_staff: str, previous_id: str | None, control: Control | None = None) -> str:
    """Start an inspection of a site (a revisit of ``previous_id`` if given); its id."""
    from inspector.services import inspections
    from inspector.services.api.saving import committed

    return committed(context, lambda session: inspections.start_inspection(
        session, site_id, visit_date, inspectors, site_staff, previous_id).id, control)


def save_rating(context: AppContext, inspection_id: str, criterion_id: str,
                rating: str | None, control: Control | None = None) -> str:
    """Rate a criterion (None: take the rating back); returns the criterion's id."""
    from inspector.services import inspections
    from inspector.services.api.saving import committed

    committed(context, lambda session: inspections.set_rating(
        session, inspection_id, criterion_id, rating), control)
    return criterion_id


def save_note(context: AppContext, inspection_id: str, criterion_id: str, note: str,
              control: Control | None = None) -> str:
    """Write a criterion's note; returns the criterion's id."""
    from inspector.services import inspections
    from inspector.services.api.saving import committed

    committed(context, lambda session: inspections.set_note(
        session, inspection_id, criterion_id, note), control)
    return criterion_id


def save_details(context: AppContext, inspection_id: str, visit_date: date, inspectors: str,
                 site_staff: str, control: Control | None = None) -> str:
    """Change the visit's date and people; returns "" (no criterion)."""
    from inspector.services import inspections
    from inspector.services.api.saving import committed

    committed(context, lambda session: inspections.update_details(
        session, inspection_id, visit_date=visit_date, inspectors=inspectors,
        site_staff=site_staff), control)
    return ""


def save_general_note(context: AppContext, inspection_id: str, note: str,
                      control: Control | None = None) -> str:
    """Write the overall comment (综合意见); returns "" (no criterion)."""
    from inspector.services import inspections
    from inspector.services.api.saving import committed

    committed(context, lambda session: inspections.update_details(
        session, inspection_id, general_note=note), control)
    return ""


def check_finish(context: AppContext, inspection_id: str, language: str) -> FinishCheck:
    """What must still be done before the inspection can be completed, and its summary."""
    from inspector.services import inspections

    with context.db.session() as session:
        state = inspections.load_state(session, inspection_id)
        return FinishCheck(state.problems(), state.summary(language))


def complete(context: AppContext, inspection_id: str, actor: str,
             control: Control | None = None) -> str:
    from inspector.services import inspections
    from inspector.services.api.saving import committed

    committed(context, lambda session: inspections.complete(session, inspection_id, actor),
              control)
    return inspection_id


def reopen(context: AppContext, inspection_id: str, actor: str, reason: str,
           control: Control | None = None) -> str:
    """Reopen a completed inspection for editing. At the county office an inspection that
    came from a field laptop is not reopened: the office returns it to its inspector
    (review), so that the ratings stay the inspector's own."""
    from inspector.services import inspections
    from inspector.services.api.saving import committed
    from inspector.services.review import refuse_office_edit

    def change(session: Session) -> None:
        refuse_office_edit(context.paths, session, inspection_id)
        inspections.reopen(session, inspection_id, actor, reason)

    committed(context, change, control)
    return inspection_id


def draft_contents(context: AppContext, inspection_id: str) -> DraftContents:
    """What deleting the inspection would take with it (refuses a completed one)."""
    from inspector.services import inspection_deletion

    with context.db.session() as session:
        return inspection_deletion.draft_contents(session, inspection_id)


def delete_draft(context: AppContext, inspection_id: str,
                 control: Control | None = None) -> DraftContents:
    """Delete an inspection in progress with its ratings, notes and photos (never a
    completed one); returns what went with it."""
    from inspector.services import inspection_deletion
    from inspector.services.api.saving import committed

    return committed(context,
                     lambda session: inspection_deletion.delete_draft(session, inspection_id),
                     control)
