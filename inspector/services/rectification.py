"""Feedback letters (督导意见书) and rectification items (整改事项) at the office.

Approving an inspection drafts its site's letter, with one item per finding (a
criterion rated 基本符合 or 不符合). Before the letter is issued the office may edit,
merge or drop items, or add one for another finding; issuing numbers the letter,
sets the deadline and opens the items. A site's report (整改报告) marks an item
reported; the office verifies and closes it, or a re-inspection (复查) does.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlmodel import Session, col, select

from inspector.domain.supervision import (
    ItemState,
    SupervisionError,
    is_finding,
    step_allowed,
)
from inspector.services import text_limits
from inspector.services.inspections import get_inspection, template_for
from inspector.services.office_settings import letter_number, load_settings
from inspector.storage.models import (
    FeedbackLetter,
    Inspection,
    RectificationItem,
    Response,
    utcnow,
)


@dataclass(frozen=True)
class ItemChange:
    """An edit of an item; None leaves a value as it is."""

    requirement: str | None = None
    responsible: str | None = None
    deadline: date | None = None


def findings(session: Session, inspection: Inspection) -> list[Response]:
    """The inspection's responses that find a criterion wanting, in checklist order."""
    template = template_for(session, inspection)
    order = {c.id: i for i, c in enumerate(template.criteria(inspection.tier))}
    found = []
    for response in session.exec(select(Response)
                                 .where(Response.inspection_id == inspection.id)).all():
        if response.rating is None or response.criterion_id not in order:
            continue
        option = template.rating(response.rating)
        if is_finding(option.score, option.counted):
            found.append(response)
    return sorted(found, key=lambda r: order[r.criterion_id])


def _requirement(session: Session, inspection: Inspection, criterion_id: str) -> str:
    criterion = template_for(session, inspection).criterion(criterion_id)
    return f"对照指引要求整改：{criterion.text.zh}"


def draft_letter(session: Session, inspection_id: str) -> FeedbackLetter:
    """The site's letter for an approved inspection, drafted with an item per finding
    (the letter already drafted for it, if any)."""
    inspection = get_inspection(session, inspection_id)
    letter = session.exec(select(FeedbackLetter)
                          .where(FeedbackLetter.inspection_id == inspection.id)).first()
    if letter is not None:
        return letter
    letter = FeedbackLetter(site_id=inspection.site_id, inspection_id=inspection.id)
    session.add(letter)
    session.flush()
    for position, response in enumerate(findings(session, inspection)):
        session.add(RectificationItem(
            site_id=inspection.site_id, inspection_id=inspection.id,
            criterion_id=response.criterion_id, rating=response.rating or "",
            finding=response.note, requirement=_requirement(session, inspection,
                                                            response.criterion_id),
            letter_id=letter.id, position=position))
    session.flush()
    return letter


def get_letter(session: Session, letter_id: str) -> FeedbackLetter:
    letter = session.get(FeedbackLetter, letter_id)
    if letter is None:
        raise SupervisionError(f"没有这份督导意见书 / no such feedback letter: {letter_id}")
    return letter


def get_item(session: Session, item_id: str) -> RectificationItem:
    item = session.get(RectificationItem, item_id)
    if item is None:
        raise SupervisionError(f"没有这个整改事项 / no such rectification item: {item_id}")
    return item


def letter_items(session: Session, letter_id: str, with_dropped: bool = False
                 ) -> list[RectificationItem]:
    query = select(RectificationItem).where(RectificationItem.letter_id == letter_id)
    if not with_dropped:
        query = query.where(RectificationItem.state != ItemState.DROPPED)
    return list(session.exec(query.order_by(col(RectificationItem.position))).all())


def _draft_letter_of(session: Session, item: RectificationItem) -> FeedbackLetter:
    if item.state != ItemState.DRAFT or item.letter_id is None:
        raise SupervisionError("意见书已发出，整改事项不能再合并、删除或改写要求 / the letter "
                               "is issued: its items can no longer be merged, dropped or "
                               "reworded")
    return get_letter(session, item.letter_id)


def _check_deadline(deadline: date, today: date) -> None:
    if deadline < today:
        raise SupervisionError(f"整改期限 {deadline.isoformat()} 已经过去 / the deadline "
                               f"{deadline.isoformat()} is in the past")


def edit_item(session: Session, item_id: str, change: ItemChange, today: date
              ) -> RectificationItem:
    """Reword a draft item; the person responsible and the deadline may change while the
    item is open too (a deadline extended, a new person)."""
    item = get_item(session, item_id)
    if item.state in (ItemState.CLOSED, ItemState.DROPPED):
        raise SupervisionError("已销号或已删除的整改事项不能修改 / a closed or dropped item "
                               "cannot be changed")
    if change.requirement is not None:
        _draft_letter_of(session, item)
        requirement = change.requirement.strip()
        if not requirement:
            raise SupervisionError("整改要求不能为空 / the requirement cannot be empty")
        text_limits.check_text(text_limits.REQUIREMENT, requirement, SupervisionError)
        item.requirement = requirement
    if change.responsible is not None:
        text_limits.check_text(text_limits.SITE_CONTACT, change.responsible.strip(),
                               SupervisionError)
        item.responsible = change.responsible.strip()
    if change.deadline is not None:
        _check_deadline(change.deadline, today)
        item.deadline = change.deadline
    item.updated_at = utcnow()
    session.add(item)
    session.flush()
    return item


def drop_item(session: Session, item_id: str) -> RectificationItem:
    item = get_item(session, item_id)
    _draft_letter_of(session, item)
    item.state = ItemState.DROPPED
    item.updated_at = utcnow()
    session.add(item)
    session.flush()
    return item


def merge_items(session: Session, item_ids: Sequence[str]) -> RectificationItem:
    """Merge draft items of one letter into the first: their findings and requirements
    joined, the others dropped."""
    if len(set(item_ids)) < 2:
        raise SupervisionError("请选择至少两个整改事项来合并 / choose two or more items to merge")
    items = [get_item(session, item_id) for item_id in dict.fromkeys(item_ids)]
    letters = {_draft_letter_of(session, item).id for item in items}
    if len(letters) > 1:
        raise SupervisionError("只能合并同一份意见书中的整改事项 / only items of one letter can "
                               "be merged")
    items.sort(key=lambda i: i.position)
    kept, others = items[0], items[1:]
    kept.finding = "\n".join(i.finding for i in items if i.finding.strip())
    kept.requirement = "\n".join(i.requirement for i in items if i.requirement.strip())
    for text in (kept.finding, kept.requirement):
        text_limits.check_text(text_limits.REQUIREMENT, text, SupervisionError)
    kept.updated_at = utcnow()
    session.add(kept)
    for item in others:
        item.state = ItemState.DROPPED
        item.state_note = f"并入 / merged into {kept.id}"
        item.updated_at = utcnow()
        session.add(item)
    session.flush()
    return kept


def add_item(session: Session, letter_id: str, criterion_id: str) -> RectificationItem:
    """An item for a finding of the letter's inspection that has none (or was dropped)."""
    letter = get_letter(session, letter_id)
    if letter.issued_on is not None:
        raise SupervisionError("意见书已发出，不能再添加整改事项 / the letter is issued: no "
                               "items can be added")
    if letter.inspection_id is None:
        raise SupervisionError("这份意见书的检查已被删除 / the letter's inspection was deleted")
    inspection = get_inspection(session, letter.inspection_id)
    wanting = {r.criterion_id: r for r in findings(session, inspection)}
    response = wanting.get(criterion_id)
    if response is None:
        raise SupervisionError(f"这次检查没有发现检查项 {criterion_id} 存在问题，不能为它设整改"
                               f"事项 / the inspection did not find criterion {criterion_id} "
                               f"wanting: it cannot have a rectification item")
    if any(i.criterion_id == criterion_id for i in letter_items(session, letter.id)):
        raise SupervisionError(f"检查项 {criterion_id} 已有整改事项 / criterion "
                               f"{criterion_id} already has an item")
    position = max((i.position for i in letter_items(session, letter.id, True)), default=-1)
    item = RectificationItem(
        site_id=letter.site_id, inspection_id=inspection.id, criterion_id=criterion_id,
        rating=response.rating or "", finding=response.note,
        requirement=_requirement(session, inspection, criterion_id), letter_id=letter.id,
        position=position + 1)
    session.add(item)
    session.flush()
    return item


def issue_letter(session: Session, letter_id: str, deadline: date | None, issued_by: str,
                 today: date) -> FeedbackLetter:
    """Number and issue the letter: its items open with the deadline (each keeps one of its
    own if set). Without a deadline the settings' number of days from today is used."""
    letter = get_letter(session, letter_id)
    if letter.issued_on is not None:
        raise SupervisionError(f"意见书已于 {letter.issued_on.isoformat()} 发出（{letter.number}）"
                               f" / the letter was issued on {letter.issued_on.isoformat()} "
                               f"({letter.number})")
    name = issued_by.strip()
    if not name:
        raise SupervisionError("请填写签发人姓名 / say who issues the letter")
    text_limits.check_text(text_limits.ACTOR, name, SupervisionError)
    settings = load_settings(session)
    deadline = deadline or today + timedelta(days=settings.deadline_days)
    _check_deadline(deadline, today)
    issued_this_year = session.exec(
        select(FeedbackLetter).where(col(FeedbackLetter.issued_on).is_not(None))).all()
    sequence = 1 + sum(1 for other in issued_this_year
                       if other.issued_on is not None and other.issued_on.year == today.year)
    letter.number = letter_number(settings.number_prefix, today.year, sequence)
    letter.issuer, letter.deadline = settings.issuer, deadline
    letter.issued_on, letter.issued_by = today, name
    letter.updated_at = utcnow()
    session.add(letter)
    for item in letter_items(session, letter.id):
        item.state = ItemState.OPEN
        item.deadline = item.deadline or deadline
        item.updated_at = utcnow()
        session.add(item)
    session.flush()
    return letter


def set_state(session: Session, item_id: str, wanted: ItemState, note: str = ""
              ) -> RectificationItem:
    """The office's own step on an item (reported, verified, closed, opened again)."""
    item = get_item(session, item_id)
    if not step_allowed(item.state, wanted):
        raise SupervisionError(f"整改事项不能从「{item.state.value}」变为「{wanted.value}」/ an "
                               f"item cannot go from {item.state.value} to {wanted.value}")
    text_limits.check_text(text_limits.REASON, note.strip(), SupervisionError)
    item.state = wanted
    if note.strip():
        item.state_note = note.strip()
    item.closed_at = utcnow() if wanted == ItemState.CLOSED else None
    item.updated_at = utcnow()
    session.add(item)
    session.flush()
    return item
