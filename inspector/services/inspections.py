"""Inspections: starting one, rating criteria, completing and reopening, listing them.

Every function works inside the caller's session and transaction; the
caller commits (the GUI commits after every change, which is the autosave).
Deleting one started by mistake: :mod:`~inspector.services.inspection_deletion`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from inspector.domain.scoring import Answer, InspectionSummary, summarize
from inspector.domain.templates import ChecklistTemplate, Criterion, RatingOption
from inspector.domain.tiers import Tier
from inspector.domain.values import EventKind, InspectionStatus
from inspector.errors import UserError
from inspector.services import templates, text_limits
from inspector.services.sites import get_site
from inspector.storage.models import (
    Inspection,
    InspectionEvent,
    Response,
    Site,
    TemplateVersion,
    utcnow,
)


class InspectionError(UserError):
    """An action on an inspection that is not allowed as asked; worded for the user."""


class IncompleteError(InspectionError):
    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(f"{len(problems)} 项未完成 / {len(problems)} items are not complete")


class InProgressError(InspectionError):
    """The site has an inspection in progress already: that one is to be continued."""

    def __init__(self, inspection_id: str, visit_date: date) -> None:
        self.inspection_id = inspection_id
        self.visit_date = visit_date
        day = visit_date.isoformat()
        super().__init__(f"这个站点已有一次进行中的检查（{day}），请继续那一次 / this site "
                         f"already has an inspection in progress ({day}); continue that one")


@dataclass(frozen=True)
class Problem:
    criterion_id: str
    reason: str  # "unrated" or "note_required"


def needs_note(option: RatingOption) -> bool:
    """Whether a criterion given this rating needs a note before the inspection is completed.

    The ratings the guideline marks so (基本符合, 不符合: what is missing), and every rating
    that is not counted (不适用: why the criterion does not apply to this site).
    """
    return option.note_required or not option.counted


@dataclass(frozen=True)
class InspectionListing:
    id: str
    site_id: str
    site_code: str | None
    site_name: str
    tier: Tier
    status: InspectionStatus
    visit_date: date
    inspectors: str
    score: float | None


@dataclass
class InspectionState:
    """An inspection with everything needed to show, check or print it."""

    inspection: Inspection
    site: Site
    template: ChecklistTemplate
    responses: dict[str, Response]

    @property
    def tier(self) -> Tier:
        return self.inspection.tier

    @property
    def criteria(self) -> tuple[Criterion, ...]:
        return self.template.criteria(self.tier)

    def answers(self) -> dict[str, Answer]:
        return {cid: Answer(r.rating, r.note) for cid, r in self.responses.items()}

    def ratings(self) -> dict[str, str]:
        return {cid: r.rating for cid, r in self.responses.items() if r.rating}

    def summary(self, language: str = "zh") -> InspectionSummary:
        return summarize(self.template, self.tier, self.ratings(), language)

    def problems(self) -> list[Problem]:
        """What stops the inspection from being completed, in checklist order."""
        found: list[Problem] = []
        for criterion in self.criteria:
            response = self.responses.get(criterion.id)
            if response is None or not response.rating:
                found.append(Problem(criterion.id, "unrated"))
                continue
            option = self.template.rating(response.rating)
            if needs_note(option) and not response.note.strip():
                found.append(Problem(criterion.id, "note_required"))
        return found


def template_for(session: Session, inspection: Inspection) -> ChecklistTemplate:
    row = session.get(TemplateVersion, inspection.template_version_id)
    if row is None:
        raise InspectionError(f"inspection {inspection.id}: its checklist version is missing")
    return templates.template_of(row)


def get_inspection(session: Session, inspection_id: str) -> Inspection:
    inspection = session.get(Inspection, inspection_id)
    if inspection is None:
        raise InspectionError(f"没有这次检查 / no such inspection: {inspection_id}")
    return inspection


def load_state(session: Session, inspection_id: str) -> InspectionState:
    inspection = get_inspection(session, inspection_id)
    responses = session.exec(
        select(Response).where(Response.inspection_id == inspection_id)
    ).all()
    return InspectionState(
        inspection=inspection,
        site=get_site(session, inspection.site_id),
        template=template_for(session, inspection),
        responses={r.criterion_id: r for r in responses},
    )


def start_inspection(
    session: Session,
    site_id: str,
    visit_date: date,
    inspectors: str = "",
    site_staff: str = "",
    previous_id: str | None = None,
) -> Inspection:
    """A new draft inspection of a site, pinned to the newest checklist version.

    Refused (:class:`InProgressError`) while the site has an inspection in
    progress: two drafts of one visit would split its ratings and photos. The
    rule is for starting only; a reopened inspection or a bundle's records are
    not checked against it.
    """
    _check(text_limits.INSPECTORS, inspectors.strip())
    _check(text_limits.SITE_STAFF, site_staff.strip())
    site = get_site(session, site_id)
    in_progress = draft_of_site(session, site.id)
    if in_progress is not None:
        raise InProgressError(in_progress.id, in_progress.visit_date)
    if previous_id is not None:
        previous = get_inspection(session, previous_id)
        if previous.site_id != site_id:
            raise InspectionError("a revisit must follow an inspection of the same site")
    version = templates.latest_version(session)
    inspection = Inspection(
        site_id=site.id,
        template_version_id=version.id,
        tier=site.tier,
        visit_date=visit_date,
        inspectors=inspectors.strip(),
        site_staff=site_staff.strip(),
        previous_inspection_id=previous_id,
    )
    session.add(inspection)
    session.flush()
    return inspection


def draft_of_site(session: Session, site_id: str) -> Inspection | None:
    """The site's inspection in progress (the newest visit if, by a reopen, there are two)."""
    return session.exec(
        select(Inspection)
        .where(Inspection.site_id == site_id, Inspection.status == InspectionStatus.DRAFT)
        .order_by(col(Inspection.visit_date).desc(), col(Inspection.created_at).desc())
    ).first()


def editable_inspection(session: Session, inspection_id: str) -> Inspection:
    """The inspection, if it may still be changed (ratings, notes, photos)."""
    inspection = get_inspection(session, inspection_id)
    if inspection.status != InspectionStatus.DRAFT:
        raise InspectionError("已完成的检查是只读的，请先重新打开 / a completed inspection is "
                              "read-only; reopen it first")
    return inspection


def checked_criterion(template: ChecklistTemplate, tier: Tier, criterion_id: str,
                      error: type[InspectionError] = InspectionError) -> Criterion:
    """A criterion of the checklist that applies to the tier; ``error`` otherwise."""
    try:
        criterion = template.criterion(criterion_id)
    except KeyError:
        raise error(f"没有这一检查项 / unknown criterion {criterion_id}") from None
    if not criterion.applies_to(tier):
        raise error(f"检查项 {criterion_id} 不适用于该站点层级 / criterion {criterion_id} "
                    f"does not apply to this site's tier")
    return criterion


def _editable(session: Session, inspection_id: str) -> tuple[Inspection, ChecklistTemplate]:
    inspection = editable_inspection(session, inspection_id)
    return inspection, template_for(session, inspection)


def _response(session: Session, inspection: Inspection, template: ChecklistTemplate,
              criterion_id: str) -> Response:
    checked_criterion(template, inspection.tier, criterion_id)
    response = session.exec(
        select(Response).where(
            Response.inspection_id == inspection.id, Response.criterion_id == criterion_id
        )
    ).first()
    if response is None:
        response = Response(inspection_id=inspection.id, criterion_id=criterion_id)
        session.add(response)
    return response


def set_rating(session: Session, inspection_id: str, criterion_id: str,
               rating: str | None) -> Response:
    inspection, template = _editable(session, inspection_id)
    if rating is not None:
        try:
            template.rating(rating)
        except KeyError:
            raise InspectionError(f"unknown rating {rating!r}") from None
    response = _response(session, inspection, template, criterion_id)
    response.rating = rating
    _touch(session, inspection)
    session.flush()
    return response


def set_note(session: Session, inspection_id: str, criterion_id: str, note: str) -> Response:
    _check(text_limits.NOTE, note)
    inspection, template = _editable(session, inspection_id)
    response = _response(session, inspection, template, criterion_id)
    response.note = note
    _touch(session, inspection)
    session.flush()
    return response


def update_details(session: Session, inspection_id: str, *, visit_date: date | None = None,
                   inspectors: str | None = None, site_staff: str | None = None,
                   general_note: str | None = None) -> Inspection:
    for field, value in ((text_limits.INSPECTORS, inspectors), (text_limits.SITE_STAFF, site_staff),
                         (text_limits.GENERAL_NOTE, general_note)):
        if value is not None:
            _check(field, value if field.multiline else value.strip())
    inspection, _template = _editable(session, inspection_id)
    if visit_date is not None:
        inspection.visit_date = visit_date
    if inspectors is not None:
        inspection.inspectors = inspectors.strip()
    if site_staff is not None:
        inspection.site_staff = site_staff.strip()
    if general_note is not None:
        inspection.general_note = general_note
    session.add(inspection)
    session.flush()
    return inspection


def _check(field: text_limits.TextField, value: str) -> None:
    """Refuse text that is too long or holds control characters (see :mod:`.text_limits`)."""
    text_limits.check_text(field, value, InspectionError)


def _touch(session: Session, inspection: Inspection) -> None:
    inspection.updated_at = utcnow()
    session.add(inspection)


def complete(session: Session, inspection_id: str, actor: str) -> InspectionState:
    """Mark a draft completed once every criterion is rated and required notes are written
    (:func:`needs_note`: partly meets, does not meet, not applicable)."""
    _check(text_limits.ACTOR, actor.strip())
    _editable(session, inspection_id)
    state = load_state(session, inspection_id)
    from inspector.services.reinspection import problems as reinspection_problems

    checks = reinspection_problems(session, inspection_id)  # a re-inspection: its items
    problems = state.problems() if checks is None else checks
    if problems:
        raise IncompleteError(problems)
    state.inspection.status = InspectionStatus.COMPLETED
    state.inspection.completed_at = utcnow()
    session.add(state.inspection)
    session.add(InspectionEvent(inspection_id=inspection_id, kind=EventKind.COMPLETED, actor=actor))
    session.flush()
    return state


def reopen(session: Session, inspection_id: str, actor: str, reason: str = "") -> Inspection:
    """Make a completed inspection editable again; who and when are recorded."""
    inspection = get_inspection(session, inspection_id)
    if inspection.status == InspectionStatus.DRAFT:
        raise InspectionError("这次检查尚未完成 / the inspection is not completed")
    if not actor.strip():
        raise InspectionError("请填写重新打开人的姓名 / say who reopens the inspection")
    _check(text_limits.ACTOR, actor.strip())
    _check(text_limits.REASON, reason.strip())
    in_progress = draft_of_site(session, inspection.site_id)
    if in_progress is not None:  # one inspection in progress per site, as when starting one
        day = in_progress.visit_date.isoformat()
        raise InspectionError(
            f"这个站点有一次进行中的检查（{day}），请先完成或删除它，再重新打开这一次 / this site "
            f"has an inspection in progress ({day}); finish or delete it before reopening this one")
    inspection.status = InspectionStatus.DRAFT
    inspection.completed_at = None
    session.add(inspection)
    session.add(InspectionEvent(inspection_id=inspection_id, kind=EventKind.REOPENED,
                                actor=actor.strip(), reason=reason.strip()))
    session.flush()
    return inspection


def events(session: Session, inspection_id: str) -> list[InspectionEvent]:
    return list(session.exec(
        select(InspectionEvent)
        .where(InspectionEvent.inspection_id == inspection_id)
        .order_by(col(InspectionEvent.at))
    ).all())


def list_inspections(session: Session, site_id: str | None = None) -> list[InspectionListing]:
    """Inspections, newest visit first, with their overall score.

    Three queries whatever the number of inspections (the county office lists
    hundreds): the inspections, all their ratings, the template versions used.
    """
    query = select(Inspection, Site).where(Inspection.site_id == Site.id)
    if site_id is not None:
        query = query.where(Inspection.site_id == site_id)
    query = query.order_by(col(Inspection.visit_date).desc(), col(Inspection.created_at).desc())
    rows = session.exec(query).all()
    ratings: dict[str, dict[str, str]] = {inspection.id: {} for inspection, _site in rows}
    rated = select(Response.inspection_id, Response.criterion_id, Response.rating).where(
        col(Response.rating).is_not(None)
    )
    if site_id is not None:
        rated = rated.where(col(Response.inspection_id).in_(list(ratings)))
    for inspection_id, criterion_id, rating in session.exec(rated).all():
        if inspection_id in ratings and rating:
            ratings[inspection_id][criterion_id] = rating
    versions = {row.id: templates.template_of(row) for row in session.exec(
        select(TemplateVersion).where(col(TemplateVersion.id).in_(
            {inspection.template_version_id for inspection, _site in rows}))
    ).all()}
    listings = []
    for inspection, site in rows:
        template = versions.get(inspection.template_version_id)
        if template is None:
            raise InspectionError(f"inspection {inspection.id}: its checklist version is missing")
        tier = inspection.tier
        score = summarize(template, tier, ratings[inspection.id]).overall.score
        listings.append(InspectionListing(
            id=inspection.id, site_id=site.id, site_code=site.code, site_name=site.name,
            tier=tier, status=inspection.status,
            visit_date=inspection.visit_date, inspectors=inspection.inspectors, score=score,
        ))
    return listings
