"""Database tables.

Primary keys are UUID strings made on the client, because records from many
field laptops are merged at the county office. Every record carries created
and updated timestamps (UTC) and a revision counter that goes up by one on
every change (see :mod:`inspector.storage.database`).

The schema changes only through Alembic migrations in ``migrations/versions``. The
supervision loop's tables are in :mod:`inspector.storage.supervision_models`, what every
record is made of in :mod:`inspector.storage.record`; both are importable from here.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, ForeignKey, String, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

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
from inspector.storage.record import Record, Word, new_id, utcnow
from inspector.storage.supervision_models import (
    Campaign,
    CampaignAssignment,
    DeviceInspector,
    FeedbackLetter,
    OfficeSetting,
    RectificationItem,
    RectificationReport,
    ReinspectionCheck,
    ReinspectionTarget,
    ReportAttachment,
    Review,
    ReviewComment,
)

__all__ = [  # defined elsewhere, imported from here by the rest of the program
    "Campaign",
    "CampaignAssignment",
    "DeviceInspector",
    "FeedbackLetter",
    "OfficeSetting",
    "Record",
    "RectificationItem",
    "RectificationReport",
    "ReinspectionCheck",
    "ReinspectionTarget",
    "ReportAttachment",
    "Review",
    "ReviewComment",
    "Word",
    "new_id",
    "utcnow",
]


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
