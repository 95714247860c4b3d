"""What a field laptop reads of the supervision loop: an inspection the office returned
(退回) with its comments, a re-inspection (复查) with the items it verifies, and which
assignments are re-inspections or wait for changes after a return.

The writes are in :mod:`~inspector.services.api.office` (``start_reinspection``,
``record_check``) and :mod:`~inspector.services.api.inspections` (``complete``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlmodel import Session

    from inspector.services.api.inspections import ChecklistData
    from inspector.services.assignment_state import AssignmentState
    from inspector.services.context import AppContext
    from inspector.services.inspections import Problem
    from inspector.services.reinspection import CheckView
    from inspector.services.review import ReviewRecord


@dataclass(frozen=True)
class LoadedInspection:
    """An inspection as the checklist page shows it, with what the office sent for it:
    the comments of a return it is answering, or the items of a re-inspection."""

    data: ChecklistData
    comments: ReviewRecord | None = None  # the return being answered (None: none)
    checks: tuple[CheckView, ...] = ()  # a re-inspection's items (empty: not one)
    #: The visit date of each inspection whose findings the items are (by its id).
    found_on: dict[str, date] = field(default_factory=dict)

    @property
    def is_reinspection(self) -> bool:
        return bool(self.checks)


@dataclass(frozen=True)
class ReinspectionOrder:
    """A re-inspection assignment (复查) and the number of items it asks to verify."""

    assignment_id: str
    site_id: str
    site_name: str
    inspector_name: str
    period_start: date
    period_end: date
    items: int
    state: AssignmentState
    inspection_id: str | None  # the inspection under way or done for it, if any

    @property
    def can_start(self) -> bool:
        """Not started yet: pending, or overdue."""
        from inspector.services.assignment_state import AssignmentState

        return self.inspection_id is None and self.state in (AssignmentState.PENDING,
                                                             AssignmentState.OVERDUE)


@dataclass(frozen=True)
class ReturnedInspection:
    """An inspection the office returned that waits for the inspector's changes."""

    inspection_id: str
    site_id: str
    visit_date: date
    reviewer: str
    returned_at: datetime
    comment: str
    criteria: int  # how many criteria have a comment


@dataclass(frozen=True)
class FieldWork:
    """The re-inspection assignments (by assignment id) and the returned inspections
    waiting for changes (by inspection id)."""

    reinspections: dict[str, ReinspectionOrder]
    returned: dict[str, ReturnedInspection]

    def orders_for(self, site_id: str) -> list[ReinspectionOrder]:
        """The site's re-inspections that can be started, the earliest period first."""
        return sorted((o for o in self.reinspections.values()
                       if o.site_id == site_id and o.can_start),
                      key=lambda o: (o.period_start, o.assignment_id))


def load_page(context: AppContext, inspection_id: str) -> LoadedInspection:
    """The inspection with the return it answers (if any) and its re-inspection items."""
    from inspector.services import reinspection, review
    from inspector.services.api.inspections import load_checklist
    from inspector.storage.models import Inspection

    data = load_checklist(context, inspection_id)
    with context.db.session() as session:
        comments = review.open_comments(session, inspection_id)
        checks = tuple(reinspection.checks_of(session, inspection_id))
        found_on = {}
        for check in checks:
            original_id = check.original_inspection_id
            original = session.get(Inspection, original_id) if original_id else None
            if original is not None:
                found_on[original.id] = original.visit_date
    return LoadedInspection(data, comments, checks, found_on)


def _returned(session: Session) -> dict[str, ReturnedInspection]:
    from sqlmodel import col, select

    from inspector.domain.values import InspectionStatus
    from inspector.services import review
    from inspector.storage.models import Inspection, Review

    returned = {}
    drafts = session.exec(select(Inspection).where(
        Inspection.status == InspectionStatus.DRAFT,
        col(Inspection.id).in_(select(Review.inspection_id)))).all()
    for inspection in drafts:
        record = review.open_comments(session, inspection.id)
        if record is not None:
            returned[inspection.id] = ReturnedInspection(
                inspection.id, inspection.site_id, inspection.visit_date, record.reviewer,
                record.at, record.comment, len(record.criterion_comments))
    return returned


def field_work(context: AppContext, today: date) -> FieldWork:
    """Which assignments are re-inspections, and which inspections were returned."""
    from sqlmodel import func, select

    from inspector.services.sync.assignments import list_assignments
    from inspector.storage.models import ReinspectionTarget

    with context.db.session() as session:
        counts = dict(session.exec(
            select(ReinspectionTarget.assignment_id, func.count())
            .group_by(ReinspectionTarget.assignment_id)).all())
        orders = {}
        if counts:
            for view in list_assignments(session, today):
                if view.id in counts:
                    orders[view.id] = ReinspectionOrder(
                        view.id, view.site_id, view.site_name, view.inspector_name,
                        view.period_start, view.period_end, int(counts[view.id]), view.state,
                        view.inspection_id)
        return FieldWork(orders, _returned(session))


def reinspection_problems(context: AppContext, inspection_id: str) -> list[Problem]:
    """What stops the re-inspection from being completed: an item without a verdict
    (``unrated``), or not rectified without a note (``note_required``), by criterion."""
    from inspector.services import reinspection

    with context.db.session() as session:
        return reinspection.problems(session, inspection_id) or []
