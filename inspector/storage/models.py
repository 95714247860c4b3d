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

from sqlalchemy import Column, ForeignKey, String, Text, UniqueConstraint
from sqlmodel import Field, SQLModel


def new_id() -> str:
    return str(uuid.uuid4())


def utcnow() -> datetime:
    """The current time, aware, in UTC (the database stores and returns UTC)."""
    return datetime.now(UTC)


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
    tier: str = Field(index=True)  # county / township / village
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
    tier: str  # the site's tier when the inspection started
    status: str = Field(default="draft", index=True)  # draft / completed
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
    kind: str  # completed / reopened
    actor: str = ""
    reason: str = ""
    at: datetime = Field(default_factory=utcnow)
