"""Re-inspection (复查) of a site's open rectification items.

The office orders it as an assignment naming the items to verify; it travels to the
laptops with the items and the inspections that found them (the "before" photos).
On the laptop the inspector starts the re-inspection from the assignment: an
inspection of the site whose work is one :class:`ReinspectionCheck` per item, marked
rectified or not with a note, and "after" photos under the item's criterion. Back at
the office, approving the re-inspection closes the rectified items and keeps the
others open with the new finding; an item closed or dropped meanwhile is not touched
and the check is kept as a conflict for a person to settle.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from inspector.domain.supervision import (
    OPEN_STATES,
    CheckOutcome,
    ItemState,
    SupervisionError,
    Verdict,
    after_verdict,
)
from inspector.domain.values import InspectionStatus
from inspector.services import text_limits
from inspector.services.inspections import (
    InProgressError,
    Problem,
    draft_of_site,
    editable_inspection,
    get_inspection,
)
from inspector.services.rectification import get_item
from inspector.storage.models import (
    Assignment,
    Inspection,
    Photo,
    RectificationItem,
    ReinspectionCheck,
    ReinspectionTarget,
    utcnow,
)


@dataclass(frozen=True)
class CheckView:
    """One item of a re-inspection, with the finding it verifies beside the verdict."""

    check_id: str
    item_id: str
    criterion_id: str
    rating: str  # the original finding's rating
    finding: str  # the original inspector's note
    requirement: str
    deadline: date | None
    original_inspection_id: str | None
    before_photo_ids: tuple[str, ...]
    verdict: Verdict | None
    note: str
    after_photo_ids: tuple[str, ...]
    outcome: CheckOutcome


def order_reinspection(session: Session, site_id: str, inspector_name: str,
                       period_start: date, period_end: date,
                       item_ids: Sequence[str] | None = None, note: str = "") -> Assignment:
    """An assignment to re-inspect the site's open items (all of them, or those named)."""
    from inspector.services.sync.assignments import add_assignment

    if item_ids is None:
        items = list(session.exec(select(RectificationItem).where(
            RectificationItem.site_id == site_id,
            col(RectificationItem.state).in_(list(OPEN_STATES)))).all())
        if not items:
            raise SupervisionError("这个场所没有待复查的整改事项 / the site has no open items "
                                   "to re-inspect")
    else:
        items = [get_item(session, item_id) for item_id in dict.fromkeys(item_ids)]
        for item in items:
            if item.site_id != site_id:
                raise SupervisionError(f"整改事项 {item.id} 不属于这个场所 / item {item.id} "
                                       f"belongs to another site")
            if item.state not in OPEN_STATES:
                raise SupervisionError(f"整改事项 {item.id} 不在整改中（{item.state.value}），"
                                       f"不能复查 / item {item.id} is {item.state.value}: "
                                       f"only open items are re-inspected")
    assignment = add_assignment(session, site_id, inspector_name, period_start, period_end,
                                note or "复查")  # content, shown as written
    for item in items:
        session.add(ReinspectionTarget(assignment_id=assignment.id, item_id=item.id))
    session.flush()
    return assignment


def targets_of(session: Session, assignment_id: str) -> list[RectificationItem]:
    return list(session.exec(
        select(RectificationItem).join(
            ReinspectionTarget, col(ReinspectionTarget.item_id) == RectificationItem.id)
        .where(ReinspectionTarget.assignment_id == assignment_id)
        .order_by(col(RectificationItem.position), col(RectificationItem.id))).all())


def start_reinspection(session: Session, assignment_id: str, visit_date: date,
                       inspectors: str = "") -> Inspection:
    """On the laptop: the re-inspection of a re-inspection assignment, with a check per item
    (on the checklist version of the inspection that found them)."""
    assignment = session.get(Assignment, assignment_id)
    if assignment is None:
        raise SupervisionError(f"没有这个任务 / no such assignment: {assignment_id}")
    items = targets_of(session, assignment_id)
    if not items:
        raise SupervisionError("这个任务不是复查任务 / the assignment is not a re-inspection")
    text_limits.check_text(text_limits.INSPECTORS, inspectors.strip(), SupervisionError)
    in_progress = draft_of_site(session, assignment.site_id)
    if in_progress is not None:
        raise InProgressError(in_progress.id, in_progress.visit_date)
    original = next((get_inspection(session, i.inspection_id) for i in items
                     if i.inspection_id is not None), None)
    if original is None:
        raise SupervisionError("复查的整改事项缺少原检查记录 / the items' original inspection is "
                               "missing")
    inspection = Inspection(site_id=assignment.site_id,
                            template_version_id=original.template_version_id,
                            tier=original.tier, visit_date=visit_date,
                            inspectors=inspectors.strip() or assignment.inspector_name,
                            previous_inspection_id=original.id)
    session.add(inspection)
    session.flush()
    for item in items:
        session.add(ReinspectionCheck(inspection_id=inspection.id, item_id=item.id))
    session.flush()
    return inspection


def is_reinspection(session: Session, inspection_id: str) -> bool:
    return session.exec(select(ReinspectionCheck.id).where(
        ReinspectionCheck.inspection_id == inspection_id).limit(1)).first() is not None


def _checks(session: Session, inspection_id: str) -> list[ReinspectionCheck]:
    return list(session.exec(select(ReinspectionCheck)
                             .where(ReinspectionCheck.inspection_id == inspection_id)).all())


def _photo_ids(session: Session, inspection_id: str | None, criterion_id: str
               ) -> tuple[str, ...]:
    if inspection_id is None:
        return ()
    return tuple(session.exec(select(Photo.id).where(
        Photo.inspection_id == inspection_id, Photo.criterion_id == criterion_id)
        .order_by(col(Photo.position), col(Photo.id))).all())


def checks_of(session: Session, inspection_id: str) -> list[CheckView]:
    """The re-inspection's items, each with its original finding and "before" photos."""
    views = []
    for check in _checks(session, inspection_id):
        item = get_item(session, check.item_id)
        views.append(CheckView(
            check.id, item.id, item.criterion_id, item.rating, item.finding, item.requirement,
            item.deadline, item.inspection_id,
            _photo_ids(session, item.inspection_id, item.criterion_id),
            check.verdict, check.note, _photo_ids(session, inspection_id, item.criterion_id),
            check.outcome))
    views.sort(key=lambda v: (v.criterion_id, v.item_id))
    return views


def record_check(session: Session, inspection_id: str, item_id: str,
                 verdict: Verdict | None, note: str) -> ReinspectionCheck:
    """The inspector's verdict and note on one item (the re-inspection must be in progress)."""
    editable_inspection(session, inspection_id)
    check = session.exec(select(ReinspectionCheck).where(
        ReinspectionCheck.inspection_id == inspection_id,
        ReinspectionCheck.item_id == item_id)).first()
    if check is None:
        raise SupervisionError(f"这次复查不包括整改事项 {item_id} / the re-inspection does not "
                               f"verify item {item_id}")
    text_limits.check_text(text_limits.NOTE, note.strip(), SupervisionError)
    check.verdict, check.note = verdict, note.strip()
    check.updated_at = utcnow()
    session.add(check)
    session.flush()
    return check


def problems(session: Session, inspection_id: str) -> list[Problem] | None:
    """What stops a re-inspection from being completed (None: not a re-inspection): every
    item needs a verdict, and one not rectified needs a note."""
    checks = _checks(session, inspection_id)
    if not checks:
        return None
    found = []
    for check in checks:
        item = get_item(session, check.item_id)
        if check.verdict is None:
            found.append(Problem(item.criterion_id, "unrated"))
        elif check.verdict == Verdict.NOT_RECTIFIED and not check.note.strip():
            found.append(Problem(item.criterion_id, "note_required"))
    return found


def apply_checks(session: Session, inspection_id: str) -> list[CheckView]:
    """At the office, when the re-inspection is approved: each verdict closes its item or
    keeps it open with the new finding; an item closed or dropped meanwhile is left as it
    is and the check kept as a conflict. Returns the conflicts."""
    inspection = get_inspection(session, inspection_id)
    if inspection.status != InspectionStatus.COMPLETED:
        raise SupervisionError("复查尚未完成 / the re-inspection is not completed")
    conflicts = []
    for check in _checks(session, inspection_id):
        if check.outcome != CheckOutcome.PENDING or check.verdict is None:
            continue
        item = get_item(session, check.item_id)
        outcome = after_verdict(item.state, check.verdict)
        check.outcome = outcome
        check.updated_at = utcnow()
        session.add(check)
        if outcome is CheckOutcome.CONFLICT:
            conflicts.append(check.id)
            continue
        item.state = ItemState.CLOSED if outcome is CheckOutcome.CLOSED else ItemState.OPEN
        item.closed_at = utcnow() if outcome is CheckOutcome.CLOSED else None
        item.state_note = (f"复查（{inspection.visit_date.isoformat()}）："
                           f"{'已整改' if outcome is CheckOutcome.CLOSED else '未整改'}"
                           + (f"。{check.note}" if check.note else ""))
        item.updated_at = utcnow()
        session.add(item)
    session.flush()
    return [v for v in checks_of(session, inspection_id) if v.check_id in conflicts]


def settle_conflict(session: Session, check_id: str, accept: bool) -> ReinspectionCheck:
    """A person settles a conflict: ``accept`` applies the re-inspection's verdict to the item
    (opening it again if it was closed), else the item stays as the office left it."""
    check = session.get(ReinspectionCheck, check_id)
    if check is None or check.outcome != CheckOutcome.CONFLICT:
        raise SupervisionError("这条复查结果没有冲突待处理 / this re-inspection result has no "
                               "conflict to settle")
    item = get_item(session, check.item_id)
    if accept and check.verdict is not None:
        rectified = check.verdict == Verdict.RECTIFIED
        item.state = ItemState.CLOSED if rectified else ItemState.OPEN
        item.closed_at = utcnow() if rectified else None
        item.state_note = f"按复查结果处理 / settled by the re-inspection: {check.note}".strip()
        item.updated_at = utcnow()
        session.add(item)
        check.outcome = CheckOutcome.CLOSED if rectified else CheckOutcome.KEPT_OPEN
    else:
        check.outcome = CheckOutcome.CLOSED if item.state == ItemState.CLOSED \
            else CheckOutcome.KEPT_OPEN
    check.updated_at = utcnow()
    session.add(check)
    session.flush()
    return check


def with_conflicts(session: Session) -> list[str]:
    """The re-inspections holding a verdict kept as a conflict, waiting for a person."""
    return sorted(set(session.exec(select(ReinspectionCheck.inspection_id).where(
        ReinspectionCheck.outcome == CheckOutcome.CONFLICT)).all()))
