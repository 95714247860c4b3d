"""The rectification ledger (整改台账): every item with its site, township, state and
deadline, filtered as the office asks; sites' own reports (整改报告) with their photos and
scans; and the office's work queue (to review, overdue, due)."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from sqlmodel import Session, col, func, select

from inspector.domain.supervision import (
    ITEM_STATE_WORDS,
    OPEN_STATES,
    OVERDUE_WORDS,
    ItemState,
    SupervisionError,
    is_overdue,
)
from inspector.domain.tiers import Tier, tier_label
from inspector.durable import write_atomic
from inspector.services import text_limits
from inspector.services.rectification import get_item
from inspector.storage.models import (
    FeedbackLetter,
    RectificationItem,
    RectificationReport,
    ReportAttachment,
    Site,
    TemplateVersion,
    utcnow,
)


@dataclass(frozen=True)
class LedgerFilter:
    """Each filter given narrows the ledger; drafts and dropped items are left out unless
    ``states`` names them."""

    township_id: str | None = None
    tier: Tier | None = None
    states: frozenset[ItemState] = frozenset()
    overdue_only: bool = False
    site_id: str | None = None


@dataclass(frozen=True)
class ItemRow:
    id: str
    site_id: str
    site_name: str
    site_code: str | None
    tier: Tier
    township_name: str
    criterion_id: str
    criterion_text: str
    rating: str  # the rating's id on the checklist's scale
    rating_label: str  # its name, as printed (不符合)
    finding: str
    requirement: str
    responsible: str
    deadline: date | None
    state: ItemState
    overdue: bool
    letter_number: str
    state_note: str
    reports: int


def townships(session: Session) -> dict[str, tuple[str | None, str]]:
    """Each site's township (id, name): a station's is the school it hangs under."""
    rows = {s.id: s for s in session.exec(select(Site)).all()}
    found: dict[str, tuple[str | None, str]] = {}
    for site_id in rows:
        at: str | None = site_id
        seen: set[str] = set()
        found[site_id] = (None, "")
        while at is not None and at in rows and at not in seen:
            seen.add(at)
            if rows[at].tier == Tier.TOWNSHIP:
                found[site_id] = (at, rows[at].name)
                break
            at = rows[at].parent_id
    return found


def _checklist_words(session: Session) -> tuple[dict[str, str], dict[str, str]]:
    """The criteria's texts and the ratings' names (Chinese), by id, newest version last."""
    from inspector.services.templates import template_of

    texts: dict[str, str] = {}
    ratings: dict[str, str] = {}
    for row in session.exec(select(TemplateVersion).order_by(col(TemplateVersion.version))).all():
        template = template_of(row)
        for criterion in template.iter_criteria():
            texts[criterion.id] = criterion.text.zh
        for option in template.rating_scale:
            ratings[option.id] = option.label.zh
    return texts, ratings


def list_items(session: Session, wanted: LedgerFilter, today: date) -> list[ItemRow]:
    """The ledger: by township, site and position; overdue worked out for ``today``."""
    places = townships(session)
    texts, ratings = _checklist_words(session)
    numbers = {letter.id: letter.number for letter in session.exec(select(FeedbackLetter)).all()}
    reports = dict(session.exec(select(RectificationReport.item_id, func.count())
                                .group_by(RectificationReport.item_id)).all())
    states = wanted.states or frozenset(s for s in ItemState
                                        if s not in (ItemState.DRAFT, ItemState.DROPPED))
    rows = []
    query = select(RectificationItem, Site).where(RectificationItem.site_id == Site.id)
    for item, site in session.exec(query).all():
        township_id, township_name = places.get(site.id, (None, ""))
        overdue = is_overdue(item.state, item.deadline, today)
        if (item.state not in states or (wanted.overdue_only and not overdue)
                or (wanted.tier is not None and site.tier != wanted.tier)
                or (wanted.township_id is not None and township_id != wanted.township_id)
                or (wanted.site_id is not None and site.id != wanted.site_id)):
            continue
        rows.append(ItemRow(
            item.id, site.id, site.name, site.code, site.tier, township_name, item.criterion_id,
            texts.get(item.criterion_id, ""), item.rating, ratings.get(item.rating, item.rating),
            item.finding, item.requirement,
            item.responsible, item.deadline, item.state, overdue,
            numbers.get(item.letter_id or "", ""), item.state_note, reports.get(item.id, 0)))
    rows.sort(key=lambda r: (r.township_name, r.site_code or "", r.site_name, r.criterion_id,
                             r.id))
    return rows


def state_words(row: ItemRow) -> tuple[str, str]:
    """The item's state as the ledger prints it (overdue shown instead of open)."""
    return OVERDUE_WORDS if row.overdue else ITEM_STATE_WORDS[row.state]


CSV_COLUMNS = ("乡镇（街道）", "场所", "区划代码", "层级", "检查项", "检查内容", "评定", "问题",
               "整改要求", "责任人", "整改期限", "状态", "意见书文号", "最新情况", "整改报告数")


def ledger_csv(rows: Sequence[ItemRow]) -> bytes:
    """The ledger as CSV for Excel (UTF-8 with a byte-order mark, Chinese headers)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for r in rows:
        writer.writerow([r.township_name, r.site_name, r.site_code or "", tier_label(r.tier),
                         r.criterion_id, r.criterion_text, r.rating_label, r.finding,
                         r.requirement,
                         r.responsible, r.deadline.isoformat() if r.deadline else "",
                         state_words(r)[0], r.letter_number, r.state_note, r.reports])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def write_ledger_csv(path: Path, rows: Sequence[ItemRow]) -> None:
    write_atomic(path, ledger_csv(rows))


def record_report(session: Session, item_id: str, reported_on: date, text: str,
                  recorded_by: str, today: date,
                  attachments: Sequence[tuple[str, str, str, int]] = ()) -> RectificationReport:
    """A site's report on an item, as the office received it; an open item becomes
    reported. ``attachments``: (sha256, name, media type, size) of files already kept in the
    photo store."""
    item = get_item(session, item_id)
    if item.state not in (ItemState.OPEN, ItemState.REPORTED):
        raise SupervisionError(f"整改事项处于「{ITEM_STATE_WORDS[item.state][0]}」，不能登记整改"
                               f"报告 / the item is {item.state.value}: no report can be "
                               f"recorded")
    if reported_on > today:
        raise SupervisionError(f"报告日期 {reported_on.isoformat()} 在今天之后 / the report "
                               f"date {reported_on.isoformat()} is in the future")
    body = text.strip()
    if not body and not attachments:
        raise SupervisionError("整改报告须有内容或附件 / a report needs some text or an "
                               "attachment")
    text_limits.check_text(text_limits.NOTE, body, SupervisionError)
    text_limits.check_text(text_limits.ACTOR, recorded_by.strip(), SupervisionError)
    report = RectificationReport(item_id=item.id, reported_on=reported_on, text=body,
                                 recorded_by=recorded_by.strip())
    session.add(report)
    session.flush()
    for sha256, name, media_type, size in attachments:
        session.add(ReportAttachment(report_id=report.id, sha256=sha256, original_name=name,
                                     media_type=media_type, size_bytes=size))
    item.state = ItemState.REPORTED
    item.updated_at = utcnow()
    session.add(item)
    session.flush()
    return report


def reports_of(session: Session, item_id: str
               ) -> list[tuple[RectificationReport, list[ReportAttachment]]]:
    reports = session.exec(select(RectificationReport)
                           .where(RectificationReport.item_id == item_id)
                           .order_by(col(RectificationReport.reported_on))).all()
    return [(r, list(session.exec(select(ReportAttachment)
                                  .where(ReportAttachment.report_id == r.id)).all()))
            for r in reports]


@dataclass(frozen=True)
class WorkQueue:
    """What waits for the office today."""

    to_review: int
    overdue_items: int
    assignments_due: int  # open assignments ending within a week, or overdue


def work_queue(session: Session, today: date) -> WorkQueue:
    """The three numbers, each in one query (the office's first screen; see
    ``benchmarks/office.py``). An assignment is open until a completed inspection of its
    site visited on or after its first day: a re-inspection of its items for a
    re-inspection, any other for the others (:mod:`~inspector.services.assignment_state`)."""
    from sqlalchemy import and_, or_

    from inspector.domain.values import InspectionStatus
    from inspector.services.review import awaiting_count
    from inspector.storage.models import (
        Assignment,
        Inspection,
        ReinspectionCheck,
        ReinspectionTarget,
    )

    overdue = session.exec(select(func.count()).select_from(RectificationItem).where(
        col(RectificationItem.state).in_([s.value for s in OPEN_STATES]),
        col(RectificationItem.deadline) < today)).one()
    reinspections = select(ReinspectionCheck.inspection_id)
    verifying = (select(ReinspectionCheck.inspection_id)
                 .join(ReinspectionTarget,
                       col(ReinspectionTarget.item_id) == ReinspectionCheck.item_id)
                 .where(ReinspectionTarget.assignment_id == Assignment.id))
    is_reinspection = select(ReinspectionTarget.id).where(
        ReinspectionTarget.assignment_id == Assignment.id).correlate(Assignment).exists()
    fulfilled = select(Inspection.id).where(
        Inspection.site_id == Assignment.site_id,
        Inspection.status == InspectionStatus.COMPLETED,
        col(Inspection.visit_date) >= Assignment.period_start,
        or_(and_(is_reinspection, col(Inspection.id).in_(verifying.correlate(Assignment))),
            and_(~is_reinspection, col(Inspection.id).not_in(reinspections)))
    ).correlate(Assignment).exists()
    due = session.exec(select(func.count()).select_from(Assignment).where(
        col(Assignment.period_end) <= today + timedelta(days=7), ~fulfilled)).one()
    return WorkQueue(awaiting_count(session), overdue, due)
