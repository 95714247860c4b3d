"""The words the program stores and passes around for states and kinds, as enums.

Each value is the word the database has always held (and bundles carry), so a
member compares equal to the stored text and is written as it. The tiers are
in :mod:`inspector.domain.tiers`.
"""

from __future__ import annotations

from enum import StrEnum


class InspectionStatus(StrEnum):
    DRAFT = "draft"  # in progress: every change is saved at once
    COMPLETED = "completed"  # read-only until reopened


class EventKind(StrEnum):
    """What happened to an inspection (its history)."""

    COMPLETED = "completed"
    REOPENED = "reopened"
    APPROVED = "approved"  # the office approved this submission (审核通过)
    RETURNED = "returned"  # the office returned it to its inspector (退回), reopened


class Role(StrEnum):
    """What this installation is in the exchange of bundles."""

    OFFICE = "office"  # the county office: sends assignments, receives results
    FIELD = "field"  # a field laptop: receives assignments, sends results


class BundleKind(StrEnum):
    RESULTS = "results"  # inspections made in the field, for the office
    ASSIGNMENT = "assignment"  # sites and assignments from the office, for the laptops
    RECEIPT = "receipt"  # only the office's word that results arrived whole


class Direction(StrEnum):
    """Whether a bundle in the history was imported here or written here."""

    IN = "in"
    OUT = "out"


class BundleStatus(StrEnum):
    WRITING = "writing"  # an export under way
    WRITTEN = "written"
    INTERRUPTED = "interrupted"  # an export that was killed before it was written
    IMPORTED = "imported"


class Scope(StrEnum):
    """How much an exported bundle holds."""

    ALL = "all"
    INCREMENTAL = "incremental"  # only what the office has not confirmed yet


class DeviceStatus(StrEnum):
    TRUSTED = "trusted"
    REVOKED = "revoked"


class TrustStatus(StrEnum):
    """Whom an incoming bundle comes from, as this installation knows them."""

    TRUSTED = "trusted"  # an enrolled device or the pinned office
    NEW_DEVICE = "new_device"  # an unknown laptop the user chose to trust with this import
    PIN_OFFICE = "pin_office"  # the first office bundle: its key will be pinned


class ItemChange(StrEnum):
    """What importing a bundle does to one inspection (with everything under it) or
    assignment."""

    NEW = "new"
    UPDATED = "updated"
    CONFLICT = "conflict"  # changed here and in the bundle: both kept, a person chooses
    UNCHANGED = "unchanged"
    DELETED_HERE = "deleted_here"  # deleted on this computer: stays deleted
    BROUGHT_BACK = "brought_back"  # deleted here, changed elsewhere since: comes back


class ConflictStatus(StrEnum):
    """Where a version of a record held in ``sync_conflicts`` stands."""

    OPEN = "open"  # a different content, waiting for a person
    AGREED = "agreed"  # same content as another held version: not listed, kept for its vector
    LIVE = "live"  # closed: the version became the one the record's row shows
    SUPERSEDED = "superseded"  # closed: a newer version descends from it
    RESOLVED = "resolved"  # closed: a person chose
    DELETED = "deleted"  # closed: the record was deleted here (resolution: the status it had)


class Keep(StrEnum):
    """Which version a person keeps when resolving a conflict."""

    LOCAL = "local"  # the one shown here
    REMOTE = "remote"  # the other installation's
