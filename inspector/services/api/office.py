"""The office's supervision loop: campaigns, review, feedback letters, rectification items
and site reports, re-inspections, the office's settings and its work queue.

Every change is one committed transaction (waiting while another program holds the
database); what comes back is frozen dataclasses. A step that cannot be taken raises
:class:`~inspector.domain.supervision.SupervisionError` and changes nothing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from inspector.domain.supervision import CampaignKind, ItemState, Verdict

if TYPE_CHECKING:
    from sqlmodel import Session

    from inspector.domain.draw import Draw
    from inspector.domain.draw_rules import Inspector, Rules
    from inspector.domain.supervision import CriterionChange, ReviewState
    from inspector.services.campaigns import CampaignView
    from inspector.services.context import AppContext
    from inspector.services.control import Control
    from inspector.services.office_settings import OfficeSettings
    from inspector.services.rectification import ItemChange
    from inspector.services.rectification_ledger import ItemRow, LedgerFilter, WorkQueue
    from inspector.services.reinspection import CheckView
    from inspector.services.review import ReviewEntry, ReviewRecord
    from inspector.storage.models import FeedbackLetter, RectificationItem


@dataclass(frozen=True)
class ItemView:
    id: str
    site_id: str
    inspection_id: str | None
    criterion_id: str
    rating: str
    finding: str
    requirement: str
    responsible: str
    deadline: date | None
    state: ItemState
    letter_id: str | None
    state_note: str


@dataclass(frozen=True)
class LetterView:
    id: str
    site_id: str
    site_name: str
    inspection_id: str | None
    number: str
    issuer: str
    deadline: date | None
    issued_on: date | None
    issued_by: str
    items: tuple[ItemView, ...]


@dataclass(frozen=True)
class Approved:
    """What approving did: the letter drafted (an inspection with findings), or, for a
    re-inspection, the items it closed or kept open and the conflicts kept."""

    review_id: str
    letter: LetterView | None
    conflicts: tuple[CheckView, ...] = ()


def _item(row: RectificationItem) -> ItemView:
    return ItemView(row.id, row.site_id, row.inspection_id, row.criterion_id, row.rating,
                    row.finding, row.requirement, row.responsible, row.deadline, row.state,
                    row.letter_id, row.state_note)


def _letter(session: Session, letter: FeedbackLetter) -> LetterView:
    from inspector.services.rectification import letter_items
    from inspector.services.sites import get_site

    return LetterView(letter.id, letter.site_id, get_site(session, letter.site_id).name,
                      letter.inspection_id, letter.number, letter.issuer, letter.deadline,
                      letter.issued_on, letter.issued_by,
                      tuple(_item(i) for i in letter_items(session, letter.id)))


# -- campaigns -----------------------------------------------------------------

def create_campaign(context: AppContext, name: str, kind: CampaignKind, period_start: date,
                    period_end: date, inspectors: Sequence[Inspector], rules: Rules,
                    seed: int | str | None, created_by: str, today: date
                    ) -> tuple[str, Draw]:
    """Draw (a seed chosen at random when none is given) and keep the campaign with its
    assignments; returns the campaign's id and the draw."""
    from inspector.services import campaigns
    from inspector.services.api.saving import committed
    from inspector.services.api.supervision import draw_campaign, registry_sites

    sites = registry_sites(context)
    result = draw_campaign(context, inspectors, rules, seed)
    campaign_id = committed(context, lambda s: campaigns.create_campaign(
        s, name, kind, period_start, period_end, sites, list(inspectors), result, created_by,
        today).id)
    return campaign_id, result


def list_campaigns(context: AppContext, today: date) -> list[CampaignView]:
    from inspector.services import campaigns

    with context.db.session() as session:
        return campaigns.list_campaigns(session, today)


def redraw_campaign(context: AppContext, campaign_id: str) -> tuple[Draw, bool]:
    """The campaign's draw made again from its record, and whether it gives the same pairs."""
    import json

    from inspector.services import campaigns

    with context.db.session() as session:
        campaign = campaigns.get_campaign(session, campaign_id)
        again = campaigns.redraw(campaign)
        recorded = json.loads(campaign.outcome)["pairs"]
    pairs = [{"site_id": p.site.id, "site_name": p.site.name,
              "inspectors": [i.name for i in p.inspectors]} for p in again.pairings]
    return again, pairs == recorded


# -- review --------------------------------------------------------------------

def review_queue(context: AppContext, states: frozenset[ReviewState] | None = None
                 ) -> list[ReviewEntry]:
    from inspector.services import review

    with context.db.session() as session:
        return review.review_queue(session, states)


def reinspections_with_conflicts(context: AppContext) -> list[ReviewEntry]:
    """The re-inspections holding a verdict kept as a conflict (an item closed or dropped
    while the re-inspection travelled), as the review lists them."""
    from inspector.services import reinspection, review

    with context.db.session() as session:
        return review.review_queue(session, only=reinspection.with_conflicts(session))


def review_history(context: AppContext, inspection_id: str) -> list[ReviewRecord]:
    from inspector.services import review

    with context.db.session() as session:
        return review.history(session, inspection_id)


def open_comments(context: AppContext, inspection_id: str) -> ReviewRecord | None:
    """The reviewer's comments the inspector is answering (on the laptop), if any."""
    from inspector.services import review

    with context.db.session() as session:
        return review.open_comments(session, inspection_id)


def changes_since_return(context: AppContext, inspection_id: str) -> list[CriterionChange]:
    from inspector.services import review

    with context.db.session() as session:
        return review.changes_since_return(session, inspection_id)


def approve(context: AppContext, inspection_id: str, reviewer: str, comment: str = ""
            ) -> Approved:
    """Approve the inspection's submission. An inspection with findings gets its site's
    letter drafted; a re-inspection's verdicts are applied to their items."""
    from inspector.services import reinspection, review
    from inspector.services.api.saving import committed
    from inspector.services.inspections import get_inspection
    from inspector.services.rectification import draft_letter, findings

    def change(session: Session) -> Approved:
        decided = review.approve(session, inspection_id, reviewer, comment)
        if reinspection.is_reinspection(session, inspection_id):
            conflicts = reinspection.apply_checks(session, inspection_id)
            return Approved(decided.id, None, tuple(conflicts))
        if not findings(session, get_inspection(session, inspection_id)):
            return Approved(decided.id, None)
        return Approved(decided.id, _letter(session, draft_letter(session, inspection_id)))

    return committed(context, change)


def return_inspection(context: AppContext, inspection_id: str, reviewer: str, comment: str,
                      criterion_comments: Mapping[str, str] | None = None) -> str:
    from inspector.services import review
    from inspector.services.api.saving import committed

    return committed(context, lambda s: review.return_inspection(
        s, inspection_id, reviewer, comment, criterion_comments).id)


# -- letters and items -----------------------------------------------------------

def letters(context: AppContext, site_id: str | None = None) -> list[LetterView]:
    from sqlmodel import col, select

    from inspector.storage.models import FeedbackLetter

    with context.db.session() as session:
        query = select(FeedbackLetter).order_by(col(FeedbackLetter.created_at))
        if site_id is not None:
            query = query.where(FeedbackLetter.site_id == site_id)
        return [_letter(session, row) for row in session.exec(query).all()]


def letter(context: AppContext, letter_id: str) -> LetterView:
    from inspector.services.rectification import get_letter

    with context.db.session() as session:
        return _letter(session, get_letter(session, letter_id))


def issue_letter(context: AppContext, letter_id: str, deadline: date | None, issued_by: str,
                 today: date) -> LetterView:
    from inspector.services import rectification
    from inspector.services.api.saving import committed

    return committed(context, lambda s: _letter(s, rectification.issue_letter(
        s, letter_id, deadline, issued_by, today)))


def edit_item(context: AppContext, item_id: str, change: ItemChange, today: date) -> ItemView:
    from inspector.services import rectification
    from inspector.services.api.saving import committed

    return committed(context, lambda s: _item(rectification.edit_item(s, item_id, change,
                                                                      today)))


def drop_item(context: AppContext, item_id: str) -> ItemView:
    from inspector.services import rectification
    from inspector.services.api.saving import committed

    return committed(context, lambda s: _item(rectification.drop_item(s, item_id)))


def merge_items(context: AppContext, item_ids: Sequence[str]) -> ItemView:
    from inspector.services import rectification
    from inspector.services.api.saving import committed

    return committed(context, lambda s: _item(rectification.merge_items(s, item_ids)))


def add_item(context: AppContext, letter_id: str, criterion_id: str) -> ItemView:
    from inspector.services import rectification
    from inspector.services.api.saving import committed

    return committed(context, lambda s: _item(rectification.add_item(s, letter_id,
                                                                     criterion_id)))


def set_item_state(context: AppContext, item_id: str, state: ItemState, note: str = ""
                   ) -> ItemView:
    from inspector.services import rectification
    from inspector.services.api.saving import committed

    return committed(context, lambda s: _item(rectification.set_state(s, item_id, state, note)))


def ledger(context: AppContext, wanted: LedgerFilter, today: date) -> list[ItemRow]:
    from inspector.services import rectification_ledger

    with context.db.session() as session:
        return rectification_ledger.list_items(session, wanted, today)


def write_ledger_csv(path: Path, rows: Sequence[ItemRow]) -> None:
    from inspector.services import rectification_ledger

    rectification_ledger.write_ledger_csv(path, rows)


def record_report(context: AppContext, item_id: str, reported_on: date, text: str,
                  recorded_by: str, today: date, files: Sequence[Path] = ()) -> str:
    """Record a site's report on an item, its photos and scans kept in the photo store
    (each checked to be an image first); returns the report's id."""
    from inspector.services import rectification_ledger
    from inspector.services.api.saving import committed
    from inspector.services.control import NullControl
    from inspector.services.photo_image import PhotoRejected
    from inspector.services.photo_preparation import prepared_in_order
    from inspector.services.photo_store import PhotoStore

    store = PhotoStore.for_paths(context.paths)
    kept: list[tuple[str, str, str, int]] = []
    with store.writing():
        for source, prepared in prepared_in_order(store, list(files), NullControl(), 0):
            if isinstance(prepared, PhotoRejected):
                raise prepared
            received = prepared.received
            if received.temp is not None:
                store.keep(received, prepared.facts.extension)
            kept.append((received.sha256, source.name, prepared.facts.media_type,
                         received.size_bytes))
        return committed(context, lambda s: rectification_ledger.record_report(
            s, item_id, reported_on, text, recorded_by, today, kept).id)


def work_queue(context: AppContext, today: date) -> WorkQueue:
    from inspector.services import rectification_ledger

    with context.db.session() as session:
        return rectification_ledger.work_queue(session, today)


# -- re-inspection ---------------------------------------------------------------

def order_reinspection(context: AppContext, site_id: str, inspector_name: str,
                       period_start: date, period_end: date,
                       item_ids: Sequence[str] | None = None) -> str:
    """An assignment to re-inspect the site's open items; its id."""
    from inspector.services import reinspection
    from inspector.services.api.saving import committed

    return committed(context, lambda s: reinspection.order_reinspection(
        s, site_id, inspector_name, period_start, period_end, item_ids).id)


def start_reinspection(context: AppContext, assignment_id: str, visit_date: date,
                       inspectors: str = "") -> str:
    from inspector.services import reinspection
    from inspector.services.api.saving import committed

    return committed(context, lambda s: reinspection.start_reinspection(
        s, assignment_id, visit_date, inspectors).id)


def reinspection_checks(context: AppContext, inspection_id: str) -> list[CheckView]:
    from inspector.services import reinspection

    with context.db.session() as session:
        return reinspection.checks_of(session, inspection_id)


def record_check(context: AppContext, inspection_id: str, item_id: str,
                 verdict: Verdict | None, note: str, control: Control | None = None) -> str:
    """The inspector's verdict and note on an item (``control`` hears while the database
    is busy, as the checklist's autosave does)."""
    from inspector.services import reinspection
    from inspector.services.api.saving import committed

    committed(context, lambda s: reinspection.record_check(s, inspection_id, item_id,
                                                           verdict, note), control)
    return item_id


def settle_conflict(context: AppContext, check_id: str, accept: bool) -> str:
    from inspector.services import reinspection
    from inspector.services.api.saving import committed

    return committed(context, lambda s: reinspection.settle_conflict(s, check_id, accept)
                     .outcome.value)


# -- settings ----------------------------------------------------------------------

def office_settings(context: AppContext) -> OfficeSettings:
    from inspector.services.office_settings import load_settings

    with context.db.session() as session:
        return load_settings(session)


def save_office_settings(context: AppContext, settings: OfficeSettings) -> OfficeSettings:
    from inspector.services.api.saving import committed
    from inspector.services.office_settings import save_settings

    return committed(context, lambda s: save_settings(s, settings))
