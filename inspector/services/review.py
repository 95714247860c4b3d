"""Review (审核) of received inspections at the office: approve, or return to the inspector
with comments on the whole and on criteria.

Every decision is a :class:`~inspector.storage.models.Review` of one submission (the
inspection's latest completion), with the ratings as they were then, and an event in the
inspection's history. The office never changes the inspector's ratings: a return reopens
the inspection, which travels back to its laptop in the next assignment bundle.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, and_
from sqlmodel import Session, col, func, select

from inspector.app_paths import AppPaths
from inspector.domain.supervision import (
    CriterionChange,
    ReviewDecision,
    ReviewState,
    Submission,
    SupervisionError,
    review_state_of,
    submission_changes,
)
from inspector.domain.values import EventKind, InspectionStatus
from inspector.services import text_limits
from inspector.services.inspections import (
    InspectionError,
    checked_criterion,
    get_inspection,
    template_for,
)
from inspector.storage.models import (
    Inspection,
    InspectionEvent,
    Photo,
    ReinspectionCheck,
    Response,
    Review,
    ReviewComment,
    Site,
    utcnow,
)


@dataclass(frozen=True)
class ReviewEntry:
    """One inspection received at the office, with where it stands in review."""

    inspection_id: str
    site_id: str
    site_name: str
    site_code: str | None
    visit_date: date
    inspectors: str
    state: ReviewState
    returns: int  # how many times it was returned
    is_reinspection: bool
    completed_at: datetime | None


@dataclass(frozen=True)
class ReviewRecord:
    """A decision as the history shows it."""

    id: str
    decision: ReviewDecision
    comment: str
    reviewer: str
    at: datetime
    criterion_comments: dict[str, str]


def _latest_completion(session: Session, inspection_id: str) -> InspectionEvent | None:
    return session.exec(
        select(InspectionEvent)
        .where(InspectionEvent.inspection_id == inspection_id,
               InspectionEvent.kind == EventKind.COMPLETED)
        .order_by(col(InspectionEvent.at).desc(), col(InspectionEvent.id).desc())
    ).first()


def _reviews(session: Session, inspection_id: str) -> list[Review]:
    return list(session.exec(
        select(Review).where(Review.inspection_id == inspection_id)
        .order_by(col(Review.at), col(Review.id))).all())


def _state(status: InspectionStatus, completion_id: str | None,
           decisions: list[tuple[ReviewDecision, str]]) -> ReviewState:
    """Where an inspection stands, from its status, its latest completion event and its
    decisions (oldest first: decision, the completion event decided on)."""
    return review_state_of(status == InspectionStatus.COMPLETED,
                           [(decision, completion_id is not None and event == completion_id)
                            for decision, event in decisions])


def review_state(session: Session, inspection: Inspection) -> ReviewState:
    completion = _latest_completion(session, inspection.id)
    return _state(inspection.status, completion.id if completion else None,
                  [(r.decision, r.submission_event_id) for r in _reviews(session, inspection.id)])


def _awaiting_condition() -> ColumnElement[bool]:
    """An inspection awaits review: completed, and no decision on its latest completion."""
    latest = (select(InspectionEvent.id).where(
        InspectionEvent.inspection_id == Inspection.id,
        InspectionEvent.kind == EventKind.COMPLETED)
        .order_by(col(InspectionEvent.at).desc(), col(InspectionEvent.id).desc())
        .limit(1).correlate(Inspection).scalar_subquery())
    decided = select(Review.id).where(Review.inspection_id == Inspection.id,
                                      Review.submission_event_id == latest
                                      ).correlate(Inspection).exists()
    return and_(col(Inspection.status) == InspectionStatus.COMPLETED, ~decided)


def review_queue(session: Session, states: frozenset[ReviewState] | None = None,
                 only: Collection[str] | None = None) -> list[ReviewEntry]:
    """Every inspection here (or those of ``only``) with its review state (oldest
    submission first), read in a few queries whatever the number of inspections; asked for
    those awaiting review only, the database picks them."""
    only_awaiting = states == frozenset({ReviewState.AWAITING}) or only is not None
    query = select(Inspection, Site).where(Inspection.site_id == Site.id)
    if states == frozenset({ReviewState.AWAITING}):
        query = query.where(_awaiting_condition())
    if only is not None:
        query = query.where(col(Inspection.id).in_(list(only)))
    rows = session.exec(query).all()
    ids = [inspection.id for inspection, _site in rows]
    decisions: dict[str, list[tuple[ReviewDecision, str]]] = {}
    latest: dict[str, tuple[datetime, str]] = {}
    reinspections: set[str] = set()
    for chunk in (ids[i:i + 500] for i in range(0, len(ids), 500)) if only_awaiting \
            else [None]:
        def within(column: Any, chunk: list[str] | None = chunk) -> Any:
            return True if chunk is None else col(column).in_(chunk)

        for inspection_id, decision, event_id in session.exec(
                select(Review.inspection_id, Review.decision, Review.submission_event_id)
                .where(within(Review.inspection_id))
                .order_by(col(Review.at), col(Review.id))).all():
            decisions.setdefault(inspection_id, []).append((ReviewDecision(decision), event_id))
        for inspection_id, event_id, at in session.exec(
                select(InspectionEvent.inspection_id, InspectionEvent.id, InspectionEvent.at)
                .where(InspectionEvent.kind == EventKind.COMPLETED,
                       within(InspectionEvent.inspection_id))).all():
            if inspection_id not in latest or (at, event_id) > latest[inspection_id]:
                latest[inspection_id] = (at, event_id)
        reinspections |= set(session.exec(select(ReinspectionCheck.inspection_id).where(
            within(ReinspectionCheck.inspection_id))).all())
    entries = []
    for inspection, site in rows:
        made = decisions.get(inspection.id, [])
        completion = latest.get(inspection.id)
        state = _state(inspection.status, completion[1] if completion else None, made)
        if states is not None and state not in states:
            continue
        entries.append(ReviewEntry(
            inspection.id, site.id, site.name, site.code, inspection.visit_date,
            inspection.inspectors, state,
            sum(1 for d, _e in made if d == ReviewDecision.RETURNED),
            inspection.id in reinspections, inspection.completed_at))
    entries.sort(key=lambda e: (e.completed_at is None, e.completed_at or datetime.min,
                                e.site_code or "", e.inspection_id))
    return entries


def awaiting_count(session: Session) -> int:
    """How many inspections await review (the work queue's number), in one query."""
    return session.exec(select(func.count()).select_from(Inspection).where(
        _awaiting_condition())).one()


def _snapshot(session: Session, inspection_id: str) -> dict[str, Submission]:
    photos = dict(session.exec(
        select(Photo.criterion_id, func.count()).where(Photo.inspection_id == inspection_id)
        .group_by(Photo.criterion_id)).all())
    found = {r.criterion_id: Submission(r.rating, r.note, photos.get(r.criterion_id, 0))
             for r in session.exec(select(Response)
                                   .where(Response.inspection_id == inspection_id)).all()}
    for criterion_id, count in photos.items():
        if criterion_id is not None and criterion_id not in found:
            found[criterion_id] = Submission(None, "", count)
    return found


def _dump(snapshot: Mapping[str, Submission]) -> str:
    return json.dumps({cid: [s.rating, s.note, s.photos] for cid, s in sorted(snapshot.items())},
                      ensure_ascii=False, sort_keys=True)


def _load(text: str) -> dict[str, Submission]:
    return {cid: Submission(rating, note, photos)
            for cid, (rating, note, photos) in json.loads(text or "{}").items()}


def _awaiting(session: Session, inspection_id: str, doing_zh: str, doing_en: str
              ) -> tuple[Inspection, InspectionEvent]:
    inspection = get_inspection(session, inspection_id)
    state = review_state(session, inspection)
    if state is ReviewState.APPROVED:
        raise SupervisionError(f"这次检查已审核通过，不能{doing_zh} / the inspection is already "
                               f"approved: it cannot be {doing_en}")
    if state is not ReviewState.AWAITING:
        raise SupervisionError(f"这次检查尚未提交（{state.value}），不能{doing_zh} / the "
                               f"inspection is not submitted for review: it cannot be "
                               f"{doing_en}")
    completion = _latest_completion(session, inspection_id)
    if completion is None:  # a completed inspection always has one; a bundle's may not
        raise SupervisionError("这次检查没有完成记录 / the inspection has no completion record")
    return inspection, completion


def _reviewer(reviewer: str) -> str:
    name = reviewer.strip()
    if not name:
        raise SupervisionError("请填写审核人姓名 / say who reviews")
    text_limits.check_text(text_limits.ACTOR, name, SupervisionError)
    return name


def approve(session: Session, inspection_id: str, reviewer: str, comment: str = "") -> Review:
    """Approve the inspection's latest submission; refused unless it awaits review."""
    name = _reviewer(reviewer)
    text_limits.check_text(text_limits.COMMENT, comment.strip(), SupervisionError)
    inspection, completion = _awaiting(session, inspection_id, "再次通过", "approved")
    review = Review(inspection_id=inspection.id, decision=ReviewDecision.APPROVED,
                    comment=comment.strip(), reviewer=name, submission_event_id=completion.id,
                    snapshot=_dump(_snapshot(session, inspection.id)))
    session.add(review)
    session.add(InspectionEvent(inspection_id=inspection.id, kind=EventKind.APPROVED,
                                actor=name, reason=comment.strip()))
    session.flush()
    return review


def return_inspection(session: Session, inspection_id: str, reviewer: str, comment: str,
                      criterion_comments: Mapping[str, str] | None = None) -> Review:
    """Return the inspection to its inspector (reopened), with a comment on the whole and
    on criteria; at least one comment is needed."""
    name = _reviewer(reviewer)
    inspection, completion = _awaiting(session, inspection_id, "退回", "returned")
    comments = {cid: text.strip() for cid, text in (criterion_comments or {}).items()
                if text.strip()}
    if not comment.strip() and not comments:
        raise SupervisionError("退回时请写明意见 / say why the inspection is returned")
    text_limits.check_text(text_limits.COMMENT, comment.strip(), SupervisionError)
    template = template_for(session, inspection)
    for criterion_id, text in comments.items():
        try:
            checked_criterion(template, inspection.tier, criterion_id)
        except InspectionError as exc:
            raise SupervisionError(str(exc)) from None
        text_limits.check_text(text_limits.COMMENT, text, SupervisionError)
    review = Review(inspection_id=inspection.id, decision=ReviewDecision.RETURNED,
                    comment=comment.strip(), reviewer=name, submission_event_id=completion.id,
                    snapshot=_dump(_snapshot(session, inspection.id)))
    session.add(review)
    session.flush()
    for criterion_id, text in sorted(comments.items()):
        session.add(ReviewComment(review_id=review.id, inspection_id=inspection.id,
                                  criterion_id=criterion_id, comment=text))
    inspection.status = InspectionStatus.DRAFT
    inspection.completed_at = None
    inspection.updated_at = utcnow()
    session.add(inspection)
    session.add(InspectionEvent(inspection_id=inspection.id, kind=EventKind.RETURNED,
                                actor=name, reason=comment.strip()))
    session.flush()
    return review


def history(session: Session, inspection_id: str) -> list[ReviewRecord]:
    """Every decision on the inspection, oldest first, with its criterion comments."""
    get_inspection(session, inspection_id)
    comments: dict[str, dict[str, str]] = {}
    for row in session.exec(select(ReviewComment)
                            .where(ReviewComment.inspection_id == inspection_id)).all():
        comments.setdefault(row.review_id, {})[row.criterion_id] = row.comment
    return [ReviewRecord(r.id, r.decision, r.comment, r.reviewer, r.at, comments.get(r.id, {}))
            for r in _reviews(session, inspection_id)]


def open_comments(session: Session, inspection_id: str) -> ReviewRecord | None:
    """The return the inspector is answering: the latest decision, if it is a return and the
    inspection has not been completed since (what the laptop shows on the criteria)."""
    inspection = get_inspection(session, inspection_id)
    records = history(session, inspection_id)
    if (not records or records[-1].decision != ReviewDecision.RETURNED
            or inspection.status != InspectionStatus.DRAFT):
        return None
    return records[-1]


def changes_since_return(session: Session, inspection_id: str) -> list[CriterionChange]:
    """What differs between the submission last returned and the inspection now (empty if
    it was never returned)."""
    get_inspection(session, inspection_id)
    returned = [r for r in _reviews(session, inspection_id)
                if r.decision == ReviewDecision.RETURNED]
    if not returned:
        return []
    return submission_changes(_load(returned[-1].snapshot), _snapshot(session, inspection_id))


def refuse_office_edit(paths: AppPaths, session: Session, inspection_id: str) -> None:
    """At the county office, an inspection received from a field laptop is never edited
    there: the office returns it with comments instead (the ratings stay the inspector's)."""
    from inspector.domain.values import Role
    from inspector.services.sync.identity import load_identity

    me = load_identity(paths)
    if me is None or me.role is not Role.OFFICE:
        return
    row = session.connection().exec_driver_sql(
        "SELECT sync_seq FROM inspections WHERE id = ?", (inspection_id,)).first()
    if row is not None and row[0] == 0:  # arrived from another installation
        raise SupervisionError(
            "县级办公室不修改检查员的评定：如需修改，请在“督导工作 → 审核”中退回给检查员 / the "
            "office does not change an inspector's ratings: return the inspection to its "
            "inspector instead (Supervision → Review)")
