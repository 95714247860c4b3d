"""The county office's supervision loop as words and rules (standard library only).

A campaign (督导计划) draws sites and inspectors; each received inspection is
reviewed (审核): approved, or returned (退回) to its inspector with comments.
An approved inspection's findings become rectification items (整改事项), issued
to the site in a feedback letter (督导意见书) with a deadline; the site reports
its rectification, and a re-inspection (复查) verifies each item. Where an item
stands, and whether it is overdue, is decided here so that the office's lists,
the command line and the printed ledger say the same.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from inspector.errors import UserError


class SupervisionError(UserError):
    """A step of the loop that cannot be taken (approving twice, a past deadline, …);
    nothing was changed."""


class CampaignKind(StrEnum):
    COMPREHENSIVE = "comprehensive"  # 综合督导
    SPECIAL = "special"  # 专项督导
    REINSPECTION = "reinspection"  # 复查


CAMPAIGN_KIND_WORDS = {
    CampaignKind.COMPREHENSIVE: ("综合督导", "comprehensive"),
    CampaignKind.SPECIAL: ("专项督导", "special"),
    CampaignKind.REINSPECTION: ("复查", "re-inspection"),
}


class ReviewDecision(StrEnum):
    APPROVED = "approved"  # 通过: the inspection counts as a result
    RETURNED = "returned"  # 退回: back to its inspector, with comments


class ReviewState(StrEnum):
    """Where a received inspection stands in review."""

    IN_FIELD = "in_field"  # not completed (being made, or being fixed after a return)
    AWAITING = "awaiting"  # 待审核: completed, no decision on this submission yet
    RETURNED = "returned"  # 已退回: returned, not sent back yet
    APPROVED = "approved"  # 已通过


REVIEW_STATE_WORDS = {
    ReviewState.IN_FIELD: ("检查中", "in the field"),
    ReviewState.AWAITING: ("待审核", "awaiting review"),
    ReviewState.RETURNED: ("已退回", "returned"),
    ReviewState.APPROVED: ("已通过", "approved"),
}


class ItemState(StrEnum):
    """A rectification item: drafted with the letter, then open until closed."""

    DRAFT = "draft"  # 待发出: the letter is not issued yet; may be edited, merged, dropped
    OPEN = "open"  # 整改中
    REPORTED = "reported"  # 已报告整改: the site says it is done
    VERIFIED = "verified"  # 已核实: the office (or a re-inspection) found it done
    CLOSED = "closed"  # 已销号
    DROPPED = "dropped"  # 已删除: dropped before the letter was issued


ITEM_STATE_WORDS = {
    ItemState.DRAFT: ("待发出", "draft"),
    ItemState.OPEN: ("整改中", "open"),
    ItemState.REPORTED: ("已报告", "reported"),
    ItemState.VERIFIED: ("已核实", "verified"),
    ItemState.CLOSED: ("已销号", "closed"),
    ItemState.DROPPED: ("已删除", "dropped"),
}
OVERDUE_WORDS = ("已逾期", "overdue")

#: The states in which an item still asks something of its site.
OPEN_STATES = frozenset({ItemState.OPEN, ItemState.REPORTED, ItemState.VERIFIED})
#: Which step may follow which (the office's own steps; a re-inspection's verdict is
#: applied by :func:`after_verdict`).
ITEM_STEPS: dict[ItemState, frozenset[ItemState]] = {
    ItemState.DRAFT: frozenset({ItemState.DROPPED}),
    ItemState.OPEN: frozenset({ItemState.REPORTED, ItemState.VERIFIED}),
    ItemState.REPORTED: frozenset({ItemState.VERIFIED, ItemState.OPEN}),
    ItemState.VERIFIED: frozenset({ItemState.CLOSED, ItemState.OPEN}),
    ItemState.CLOSED: frozenset(),
    ItemState.DROPPED: frozenset(),
}


class Verdict(StrEnum):
    """A re-inspection's word on one item."""

    RECTIFIED = "rectified"  # 已整改
    NOT_RECTIFIED = "not_rectified"  # 未整改


VERDICT_WORDS = {Verdict.RECTIFIED: ("已整改", "rectified"),
                 Verdict.NOT_RECTIFIED: ("未整改", "not rectified")}


class CheckOutcome(StrEnum):
    """What applying a re-inspection's verdict did to its item."""

    PENDING = "pending"  # not applied yet (the re-inspection is not approved)
    CLOSED = "closed"  # rectified: the item closed
    KEPT_OPEN = "kept_open"  # not rectified: the item stays open with the new finding
    CONFLICT = "conflict"  # the item was closed or dropped meanwhile: kept, a person decides


def review_state_of(completed: bool, decisions: Iterable[tuple[ReviewDecision, bool]]
                    ) -> ReviewState:
    """Where an inspection stands in review, from whether it is completed and its decisions,
    oldest first, each with whether it was made on the inspection's latest completion: a
    completed one is approved when the last decision on that completion approved it, and
    awaits review otherwise; one in the field was returned when the last decision returned
    it. (The review service and the start-up's site list both ask this.)"""
    made = list(decisions)
    if not completed:
        returned = bool(made) and made[-1][0] == ReviewDecision.RETURNED
        return ReviewState.RETURNED if returned else ReviewState.IN_FIELD
    for decision, on_latest in reversed(made):
        if on_latest:
            return (ReviewState.APPROVED if decision == ReviewDecision.APPROVED
                    else ReviewState.AWAITING)
    return ReviewState.AWAITING


def step_allowed(current: ItemState, wanted: ItemState) -> bool:
    return wanted in ITEM_STEPS[current]


def after_verdict(current: ItemState, verdict: Verdict) -> CheckOutcome:
    """What a re-inspection's verdict does to an item in ``current``."""
    if current not in OPEN_STATES:
        return CheckOutcome.CONFLICT
    return CheckOutcome.CLOSED if verdict is Verdict.RECTIFIED else CheckOutcome.KEPT_OPEN


def is_overdue(state: ItemState, deadline: date | None, today: date) -> bool:
    """Past its deadline and not closed (nor still a draft, nor dropped)."""
    return state in OPEN_STATES and deadline is not None and today > deadline


@dataclass(frozen=True)
class Submission:
    """One criterion of a submitted inspection as the office saw it."""

    rating: str | None
    note: str
    photos: int


@dataclass(frozen=True)
class CriterionChange:
    criterion_id: str
    before: Submission | None
    after: Submission | None


def submission_changes(before: dict[str, Submission], after: dict[str, Submission]
                       ) -> list[CriterionChange]:
    """The criteria whose rating, note or number of photos differ between two submissions,
    in the order of their ids."""
    return [CriterionChange(cid, before.get(cid), after.get(cid))
            for cid in sorted(before.keys() | after.keys())
            if before.get(cid) != after.get(cid)]


def is_finding(score: float | None, counted: bool) -> bool:
    """A rating that finds the criterion wanting (基本符合, 不符合): counted, below full marks."""
    return counted and score is not None and score < 1.0
