"""The tables of the county office's supervision loop (migration 0005).

Reviews, their comments, rectification items, re-inspection targets and checks travel in
bundles (format version 2; :data:`inspector.storage.models.SYNCED_TABLES`); campaigns,
letters, site reports, the office's settings and who uses which laptop stay at the office.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, ForeignKey, String, Text, UniqueConstraint
from sqlmodel import Field

from inspector.domain.supervision import (
    CampaignKind,
    CheckOutcome,
    ItemState,
    ReviewDecision,
    Verdict,
)
from inspector.storage.record import Record, Word, reference, utcnow


class Review(Record, table=True):
    """The office's decision on one submission of an inspection (审核): approved, or
    returned (退回) with a comment on the whole and :class:`ReviewComment` on criteria."""

    __tablename__ = "reviews"

    inspection_id: str = reference("inspections", "CASCADE")
    decision: ReviewDecision = Field(sa_type=Word(ReviewDecision))
    comment: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    reviewer: str = ""
    at: datetime = Field(default_factory=utcnow)
    #: The completion event of the submission decided on.
    submission_event_id: str = Field(default="", max_length=36)
    #: The submission as reviewed, ``{criterion: [rating, note, photos]}`` as JSON, so the
    #: next one can be compared with it.
    snapshot: str = Field(default="{}", sa_column=Column(Text, nullable=False,
                                                         server_default="{}"))


class ReviewComment(Record, table=True):
    __tablename__ = "review_comments"

    review_id: str = reference("reviews", "CASCADE")
    inspection_id: str = reference("inspections", "CASCADE")
    criterion_id: str
    comment: str = Field(sa_column=Column(Text, nullable=False))


class RectificationItem(Record, table=True):
    """One thing a site must put right (整改事项), from a finding of an approved inspection."""

    __tablename__ = "rectification_items"

    site_id: str = reference("sites", "RESTRICT")
    inspection_id: str | None = reference("inspections", "SET NULL", nullable=True)
    criterion_id: str = ""
    rating: str = ""  # the finding's rating (基本符合 / 不符合)
    finding: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    requirement: str = Field(default="", sa_column=Column(Text, nullable=False,
                                                          server_default=""))
    responsible: str = ""  # the person at the site
    deadline: date | None = None
    state: ItemState = Field(default=ItemState.DRAFT, index=True, sa_type=Word(ItemState))
    letter_id: str | None = Field(default=None, max_length=36, index=True)
    #: What the office last wrote about it (a re-inspection's new finding, a reason).
    state_note: str = Field(default="", sa_column=Column(Text, nullable=False,
                                                         server_default=""))
    closed_at: datetime | None = None
    position: int = 0


class ReinspectionTarget(Record, table=True):
    """An item a re-inspection assignment (复查) asks its inspector to verify."""

    __tablename__ = "reinspection_targets"
    __table_args__ = (UniqueConstraint("assignment_id", "item_id"),)

    assignment_id: str = reference("assignments", "CASCADE")
    item_id: str = reference("rectification_items", "CASCADE")


class ReinspectionCheck(Record, table=True):
    """A re-inspection's verdict on one item, with the inspector's note; the "after"
    photos are the re-inspection's photos under the item's criterion."""

    __tablename__ = "reinspection_checks"
    __table_args__ = (UniqueConstraint("inspection_id", "item_id"),)

    inspection_id: str = reference("inspections", "CASCADE")
    item_id: str = reference("rectification_items", "CASCADE")
    verdict: Verdict | None = Field(default=None, sa_type=Word(Verdict))
    note: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    #: Set at the office when the re-inspection is approved.
    outcome: CheckOutcome = Field(default=CheckOutcome.PENDING, sa_type=Word(CheckOutcome))


class Campaign(Record, table=True):
    """A supervision campaign (督导计划) and its draw, kept whole so it can be made again."""

    __tablename__ = "campaigns"

    name: str
    kind: CampaignKind = Field(sa_type=Word(CampaignKind))
    period_start: date
    period_end: date
    created_by: str = ""
    seed: str = ""  # JSON: the number or the text the draw used
    fingerprint: str = Field(default="", max_length=64)
    #: JSON: the rules, the registry's sites and the inspectors as drawn from.
    inputs: str = Field(default="{}", sa_column=Column(Text, nullable=False))
    #: JSON: the draw's outcome (groups and pairs).
    outcome: str = Field(default="{}", sa_column=Column(Text, nullable=False))


class CampaignAssignment(Record, table=True):
    __tablename__ = "campaign_assignments"

    campaign_id: str = reference("campaigns", "CASCADE")
    assignment_id: str = Field(sa_column=Column(
        String(36), ForeignKey("assignments.id", ondelete="CASCADE"), unique=True,
        nullable=False))


class FeedbackLetter(Record, table=True):
    """A feedback letter (督导意见书) to one site after an approved inspection."""

    __tablename__ = "feedback_letters"

    site_id: str = reference("sites", "RESTRICT")
    inspection_id: str | None = reference("inspections", "SET NULL", nullable=True)
    number: str = ""  # 文号, given when issued
    issuer: str = ""  # the issuing body, from the settings when issued
    deadline: date | None = None
    issued_on: date | None = None  # None: a draft
    issued_by: str = ""


class RectificationReport(Record, table=True):
    """A site's own report on an item (整改报告), recorded at the office."""

    __tablename__ = "rectification_reports"

    item_id: str = reference("rectification_items", "CASCADE")
    reported_on: date
    text: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    recorded_by: str = ""


class ReportAttachment(Record, table=True):
    """A photo or scan attached to a site's report; the file is in the photo store."""

    __tablename__ = "report_attachments"

    report_id: str = reference("rectification_reports", "CASCADE")
    sha256: str = Field(max_length=64, index=True)
    original_name: str = ""
    media_type: str = ""
    size_bytes: int = 0


class OfficeSetting(Record, table=True):
    """One of the office's settings that its documents print (issuing body, numbering)."""

    __tablename__ = "office_settings"

    key: str = Field(unique=True)
    value: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))


class DeviceInspector(Record, table=True):
    """An inspector who uses a field laptop the office knows: an assignment bundle addressed
    to that laptop carries the assignments naming them."""

    __tablename__ = "device_inspectors"
    __table_args__ = (UniqueConstraint("device_id", "name"),)

    device_id: str = reference("sync_devices", "CASCADE")
    name: str
