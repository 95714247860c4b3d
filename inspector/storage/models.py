"""Database tables.

Primary keys are UUID strings made on the client, because records from many
field laptops are merged at the county office. Every record carries created
and updated timestamps (UTC) and a revision counter that goes up by one on
every change (see :mod:`inspector.storage.database`).

The schema changes only through Alembic migrations in ``migrations/versions``.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import Column, Dialect, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.types import TypeDecorator
from sqlmodel import Field, SQLModel

from inspector.domain.supervision import (
    CampaignKind,
    CheckOutcome,
    ItemState,
    ReviewDecision,
    Verdict,
)
from inspector.domain.tiers import Tier
from inspector.domain.values import (
    BundleKind,
    BundleStatus,
    ConflictStatus,
    DeviceStatus,
    Direction,
    InspectionStatus,
    Role,
    Scope,
)


def new_id() -> str:
    return str(uuid.uuid4())


def utcnow() -> datetime:
    """The current time, aware, in UTC (the database stores and returns UTC)."""
    return datetime.now(UTC)


class Word(TypeDecorator[StrEnum]):
    """A column holding one of an enum's words: stored as the word itself (plain text, as
    the column always was), read back as the enum's member; any other word is refused."""

    impl = String
    cache_ok = True

    def __init__(self, enum: type[StrEnum]) -> None:
        super().__init__()
        self.enum = enum

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        return None if value is None else self.enum(value).value

    def process_result_value(self, value: Any, dialect: Dialect) -> StrEnum | None:
        return None if value is None else self.enum(value)


class Record(SQLModel):
    id: str = Field(default_factory=new_id, primary_key=True, max_length=36)
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    revision: int = Field(default=1)


class TemplateVersion(Record, table=True):
    """One version of a checklist template, stored whole so it never changes under an inspection."""

    __tablename__ = "template_versions"
    __table_args__ = (UniqueConstraint("template_id", "version"),)

    template_id: str = Field(index=True)
    version: int
    title: str
    content: str = Field(sa_column=Column(Text, nullable=False))
    sha256: str = Field(max_length=64)


class Site(Record, table=True):
    __tablename__ = "sites"

    name: str
    tier: Tier = Field(index=True, sa_type=Word(Tier))
    parent_id: str | None = Field(
        default=None,
        sa_column=Column(String(36), ForeignKey("sites.id", ondelete="RESTRICT"), index=True),
    )
    code: str | None = Field(default=None, unique=True, max_length=12)
    address: str = ""
    contact: str = ""
    phone: str = ""


class InspectorPerson(Record, table=True):
    """A member of staff who inspects sites."""

    __tablename__ = "inspectors"

    name: str = Field(index=True)
    organisation: str = ""
    phone: str = ""


class Inspection(Record, table=True):
    __tablename__ = "inspections"

    site_id: str = Field(
        sa_column=Column(String(36), ForeignKey("sites.id", ondelete="RESTRICT"), index=True,
                         nullable=False)
    )
    template_version_id: str = Field(
        sa_column=Column(String(36), ForeignKey("template_versions.id", ondelete="RESTRICT"),
                         nullable=False)
    )
    tier: Tier = Field(sa_type=Word(Tier))  # the site's tier when the inspection started
    status: InspectionStatus = Field(default=InspectionStatus.DRAFT, index=True,
                                     sa_type=Word(InspectionStatus))
    visit_date: date
    inspectors: str = ""  # names as entered, separated by "、"
    site_staff: str = ""
    previous_inspection_id: str | None = Field(
        default=None,
        sa_column=Column(String(36), ForeignKey("inspections.id", ondelete="SET NULL")),
    )
    completed_at: datetime | None = None
    general_note: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))


class Response(Record, table=True):
    """The rating and note given to one criterion in one inspection."""

    __tablename__ = "responses"
    __table_args__ = (UniqueConstraint("inspection_id", "criterion_id"),)

    inspection_id: str = Field(
        sa_column=Column(String(36), ForeignKey("inspections.id", ondelete="CASCADE"), index=True,
                         nullable=False)
    )
    criterion_id: str
    rating: str | None = None
    note: str = ""


class Photo(Record, table=True):
    """Metadata of a photo; the file itself lives in the content-addressed photo store."""

    __tablename__ = "photos"

    inspection_id: str = Field(
        sa_column=Column(String(36), ForeignKey("inspections.id", ondelete="CASCADE"), index=True,
                         nullable=False)
    )
    criterion_id: str | None = None  # None: a general photo of the visit
    sha256: str = Field(index=True, max_length=64)
    original_name: str = ""
    media_type: str = ""
    size_bytes: int = 0
    width: int = 0
    height: int = 0
    taken_at: datetime | None = None
    gps_lat: float | None = None
    gps_lon: float | None = None
    caption: str = ""
    rotation: int = 0  # extra clockwise rotation chosen by the user, in degrees
    position: int = 0


class InspectionEvent(Record, table=True):
    """Something that happened to an inspection: completed, reopened, imported."""

    __tablename__ = "inspection_events"

    inspection_id: str = Field(
        sa_column=Column(String(36), ForeignKey("inspections.id", ondelete="CASCADE"), index=True,
                         nullable=False)
    )
    kind: str  # an EventKind; kept as text, as bundles bring events as they were written
    actor: str = ""
    reason: str = ""
    at: datetime = Field(default_factory=utcnow)


# ---------------------------------------------------------------------------
# Sync bundles (issue 5; migration 0003). Everything below belongs to
# inspector/services/sync. Appended only: the tables above are untouched
# except for three nullable bookkeeping columns added to the synced tables.
# ---------------------------------------------------------------------------

# Columns the sync service keeps on every synced table (never set by the ORM):
#   sync_vv  – the record's version vector {device id: edits} as canonical JSON
#   sync_rev – the local revision that vector describes; revision != sync_rev
#              means "changed here since it was last exported or imported"
#   sync_seq – the sequence number of the bundle that first carried this
#              version out (0: arrived from another device; NULL: never sent)
SYNC_COLUMNS = ("sync_vv", "sync_rev", "sync_seq")


class Assignment(Record, table=True):
    """Which inspector visits which site in which period (sent from the office to laptops)."""

    __tablename__ = "assignments"

    site_id: str = Field(
        sa_column=Column(String(36), ForeignKey("sites.id", ondelete="CASCADE"), index=True,
                         nullable=False)
    )
    inspector_name: str = ""
    period_start: date
    period_end: date
    note: str = ""


class SyncDevice(Record, table=True):
    """Another installation this one knows: an enrolled laptop, or the pinned county office."""

    __tablename__ = "sync_devices"

    role: Role = Field(sa_type=Word(Role))
    name: str = ""
    public_key: str = Field(max_length=64)  # raw Ed25519 public key, hex
    fingerprint: str = ""
    status: DeviceStatus = Field(default=DeviceStatus.TRUSTED, index=True,
                                 sa_type=Word(DeviceStatus))
    trusted_at: datetime = Field(default_factory=utcnow)
    trusted_by: str = ""
    revoked_at: datetime | None = None
    revoked_by: str = ""
    revoke_reason: str = ""


class SyncBundle(Record, table=True):
    """A bundle written here (direction "out") or imported here ("in"); id = the bundle id."""

    __tablename__ = "sync_bundles"
    __table_args__ = (UniqueConstraint("device_id", "sequence"),)

    direction: Direction = Field(index=True, sa_type=Word(Direction))
    kind: BundleKind = Field(sa_type=Word(BundleKind))
    status: BundleStatus = Field(sa_type=Word(BundleStatus))  # out: writing, written; in: imported
    device_id: str = Field(index=True, max_length=36)  # the device that made the bundle
    device_name: str = ""
    sequence: int
    bundle_created_at: datetime
    manifest_sha256: str = Field(default="", max_length=64)
    file_name: str = ""
    scope: Scope = Field(sa_type=Word(Scope))
    counts: str = Field(default="{}", sa_column=Column(Text, nullable=False))  # JSON
    changes: str = Field(default="{}", sa_column=Column(Text, nullable=False))  # JSON
    actor: str = ""
    at: datetime = Field(default_factory=utcnow)  # when written or imported here
    confirmed_at: datetime | None = None  # out: when the office's receipt said it arrived whole


class SyncConflict(Record, table=True):
    """A record changed on both sides since their last common version; both versions are kept."""

    __tablename__ = "sync_conflicts"

    table_name: str
    record_id: str = Field(index=True, max_length=36)
    bundle_id: str = Field(max_length=36)
    device_id: str = Field(max_length=36)
    local_json: str = Field(sa_column=Column(Text, nullable=False))
    remote_json: str = Field(sa_column=Column(Text, nullable=False))
    remote_vv: str = Field(sa_column=Column(Text, nullable=False))
    status: ConflictStatus = Field(default=ConflictStatus.OPEN, index=True,
                                   sa_type=Word(ConflictStatus))
    resolution: str = ""  # a Keep (resolved), or the status a deleted record's version had
    resolved_by: str = ""
    resolved_at: datetime | None = None


class SyncTombstone(Record, table=True):
    """A synced record deleted here (migration 0004): an incoming bundle does not bring it back.

    Only the installation that deleted the record remembers; deletions do not
    travel. Undo removes the tombstone and puts the row back as it was.
    """

    __tablename__ = "sync_tombstones"
    __table_args__ = (UniqueConstraint("table_name", "record_id"),)

    table_name: str
    record_id: str = Field(max_length=36)
    # The record's version vector as this installation had it when deleting:
    # the row's sync_vv joined with the versions held as conflicts (the origin
    # vector of a record never exchanged), canonical JSON ...
    vv: str = Field(sa_column=Column(Text, nullable=False))
    # ... plus one more edit of this installation when it was changed here since.
    changed_here: bool = False
    deleted_at: datetime = Field(default_factory=utcnow)
    deleted_by: str = ""
    # The deleted row with its sync columns as SQLite stored them, for undo.
    row_json: str = Field(sa_column=Column(Text, nullable=False))


# ---------------------------------------------------------------------------
# The office's supervision loop (issue 13; migration 0005). New tables only.
# The first five travel in bundles (format version 2); the rest stay at the office.
# ---------------------------------------------------------------------------

def _ref(table: str, on_delete: str, nullable: bool = False) -> Any:
    return Field(default=None if nullable else ...,
                 sa_column=Column(String(36), ForeignKey(f"{table}.id", ondelete=on_delete),
                                  index=True, nullable=nullable))


class Review(Record, table=True):
    """The office's decision on one submission of an inspection (审核): approved, or
    returned (退回) with a comment on the whole and :class:`ReviewComment` on criteria."""

    __tablename__ = "reviews"

    inspection_id: str = _ref("inspections", "CASCADE")
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

    review_id: str = _ref("reviews", "CASCADE")
    inspection_id: str = _ref("inspections", "CASCADE")
    criterion_id: str
    comment: str = Field(sa_column=Column(Text, nullable=False))


class RectificationItem(Record, table=True):
    """One thing a site must put right (整改事项), from a finding of an approved inspection."""

    __tablename__ = "rectification_items"

    site_id: str = _ref("sites", "RESTRICT")
    inspection_id: str | None = _ref("inspections", "SET NULL", nullable=True)
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

    assignment_id: str = _ref("assignments", "CASCADE")
    item_id: str = _ref("rectification_items", "CASCADE")


class ReinspectionCheck(Record, table=True):
    """A re-inspection's verdict on one item, with the inspector's note; the "after"
    photos are the re-inspection's photos under the item's criterion."""

    __tablename__ = "reinspection_checks"
    __table_args__ = (UniqueConstraint("inspection_id", "item_id"),)

    inspection_id: str = _ref("inspections", "CASCADE")
    item_id: str = _ref("rectification_items", "CASCADE")
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

    campaign_id: str = _ref("campaigns", "CASCADE")
    assignment_id: str = Field(sa_column=Column(
        String(36), ForeignKey("assignments.id", ondelete="CASCADE"), unique=True,
        nullable=False))


class FeedbackLetter(Record, table=True):
    """A feedback letter (督导意见书) to one site after an approved inspection."""

    __tablename__ = "feedback_letters"

    site_id: str = _ref("sites", "RESTRICT")
    inspection_id: str | None = _ref("inspections", "SET NULL", nullable=True)
    number: str = ""  # 文号, given when issued
    issuer: str = ""  # the issuing body, from the settings when issued
    deadline: date | None = None
    issued_on: date | None = None  # None: a draft
    issued_by: str = ""


class RectificationReport(Record, table=True):
    """A site's own report on an item (整改报告), recorded at the office."""

    __tablename__ = "rectification_reports"

    item_id: str = _ref("rectification_items", "CASCADE")
    reported_on: date
    text: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    recorded_by: str = ""


class ReportAttachment(Record, table=True):
    """A photo or scan attached to a site's report; the file is in the photo store."""

    __tablename__ = "report_attachments"

    report_id: str = _ref("rectification_reports", "CASCADE")
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

    device_id: str = _ref("sync_devices", "CASCADE")
    name: str


class InspectionOrigin(SQLModel, table=True):
    """The field laptop whose bundle first brought an inspection here (the office returns
    it to that laptop)."""

    __tablename__ = "inspection_origins"

    inspection_id: str = Field(sa_column=Column(
        String(36), ForeignKey("inspections.id", ondelete="CASCADE"), primary_key=True))
    device_id: str = Field(max_length=36)


SYNCED_TABLES = (Site, InspectorPerson, Assignment, Inspection, Response, Photo, InspectionEvent,
                 Review, ReviewComment, RectificationItem, ReinspectionTarget, ReinspectionCheck)


def _add_sync_columns() -> None:
    from sqlalchemy import Integer, Table

    for model in SYNCED_TABLES:
        table: Table = model.__table__  # type: ignore[union-attr]
        if "sync_vv" not in table.c:
            table.append_column(Column("sync_vv", Text, nullable=True))
            table.append_column(Column("sync_rev", Integer, nullable=True))
            table.append_column(Column("sync_seq", Integer, nullable=True))


_add_sync_columns()
