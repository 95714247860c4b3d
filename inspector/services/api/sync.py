"""Sync: this installation's role, signed bundles out and in, conflicts, devices, assignments.

The window's Sync screen shows one :class:`SyncOverview` (:func:`load_overview`) and
reads it again after each of its actions, which are the ones the command line calls
too. A cancelled export or import raises
:class:`~inspector.services.control.Cancelled`, with everything written so far removed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from inspector.domain.templates import Text
from inspector.domain.values import BundleKind, BundleStatus, Direction, Keep, Role

if TYPE_CHECKING:
    from datetime import date

    from sqlmodel import Session

    from inspector.app_paths import AppPaths
    from inspector.services.context import AppContext
    from inspector.services.control import Control
    from inspector.services.sync.assignments import AssignmentView
    from inspector.services.sync.conflicts import ConflictView
    from inspector.services.sync.export import ExportResult
    from inspector.services.sync.history import BundleLog, Outbox
    from inspector.services.sync.identity import DeviceIdentity
    from inspector.services.sync.importer import ImportResult, PreparedImport
    from inspector.services.sync.merge_preview import Totals
    from inspector.services.sync.trust import DeviceInfo
    from inspector.storage.models import Site


@dataclass(frozen=True)
class Vocabulary:
    """What a person calls the things a conflict's fields point at."""

    names: dict[str, str] = field(default_factory=dict)  # site / inspection id → its name
    ratings: dict[str, Text] = field(default_factory=dict)  # rating id → label
    criteria: dict[str, Text] = field(default_factory=dict)  # criterion id → its text
    devices: dict[str, str] = field(default_factory=dict)  # device id → its name


@dataclass(frozen=True)
class HistoryRow:
    at: str
    direction: Direction
    kind: BundleKind
    device: str
    sequence: int
    file_name: str
    status: BundleStatus
    confirmed_at: str | None
    imported: Totals  # an import: what it did here (all 0 for a bundle written here)


@dataclass(frozen=True)
class SyncOverview:
    device_id: str
    role: Role | None
    name: str
    fingerprint: str
    devices: list[DeviceInfo]
    history: list[HistoryRow]
    conflicts: list[ConflictView]
    assignments: list[AssignmentView]
    sites: list[tuple[str, str]]  # (site id, "code name") for choosing a site to assign
    # What a person calls the things conflicts point at (ids mean nothing to a user).
    words: Vocabulary = field(default_factory=Vocabulary)
    outbox: Outbox | None = None  # what the next bundle from here would carry


@dataclass(frozen=True)
class RevokedDevice:
    device_id: str
    name: str


@dataclass(frozen=True)
class Assigned:
    """An assignment just made."""

    assignment_id: str
    site_id: str
    site_name: str


# ------------------------------------------------------------------ the Sync screen


def load_overview(context: AppContext) -> SyncOverview:
    from inspector.services.sites import list_sites
    from inspector.services.sync.assignments import list_assignments
    from inspector.services.sync.conflicts import list_conflicts
    from inspector.services.sync.history import bundle_history, outbox
    from inspector.services.sync.identity import ensure_identity
    from inspector.services.sync.trust import list_devices
    from inspector.services.templates import latest_template

    me = ensure_identity(context.paths)
    with context.db.session() as session:
        devices = list_devices(session)
        logged = bundle_history(session, unfinished=False)
        conflicts = list_conflicts(session)
        assignments = list_assignments(session)
        waiting = outbox(session, me.device_id)
        site_rows = list_sites(session)
        sites = [(site.id, f"{site.code or ''} {site.name}".strip()) for site in site_rows]
        names = {site.id: site.name for site in site_rows}
        names |= _inspection_names(session, names)
        template = latest_template(session)
        words = Vocabulary(
            names=names,
            ratings={option.id: option.label for option in template.rating_scale},
            criteria={criterion.id: criterion.text for criterion in template.criteria()},
            devices={device.id: device.name for device in devices} | {me.device_id: me.name},
        )
    history = [HistoryRow(str(e.at)[:16], e.direction, e.kind, e.device, e.sequence,
                          e.file_name, e.status,
                          str(e.confirmed_at)[:16] if e.confirmed_at else None, e.imported)
               for e in logged]
    return SyncOverview(me.device_id, me.role, me.name,
                        me.fingerprint, devices, history, conflicts, assignments, sites, words,
                        waiting)


def _inspection_names(session: Session, site_names: dict[str, str]) -> dict[str, str]:
    rows = session.connection().exec_driver_sql(
        "SELECT id, site_id, visit_date FROM inspections").fetchall()
    return {inspection_id: f"{site_names.get(site_id, '?')} {visit_date}"
            for inspection_id, site_id, visit_date in rows}


# ------------------------------------------------------------------ role and bundles


def device_identity(paths: AppPaths) -> DeviceIdentity:
    """This installation's device identity, made now if it has none yet (the first start)."""
    from inspector.services.sync.identity import ensure_identity

    return ensure_identity(paths)


def set_role(paths: AppPaths, role: Role, name: str | None = None, *,
             confirm_change: bool = False) -> DeviceIdentity:
    """Choose this installation's role (``office`` or ``field``) and name (a blank one keeps
    the name it has); changing a role it has already needs ``confirm_change``."""
    from inspector.services.sync.identity import set_role as save_role

    return save_role(paths, Role(role), name=(name or "").strip() or None,
                     confirm_change=confirm_change)


def export_bundle(context: AppContext, target: Path, *, kind: BundleKind | None = None,
                  include_all: bool = False, actor: str = "",
                  control: Control | None = None, for_device: str | None = None
                  ) -> ExportResult:
    """Write a signed bundle to the file ``target``, or under a name of its own in the
    folder ``target`` (a USB drive). ``for_device``: the id (or its start) of the field
    laptop an assignment bundle is addressed to, carrying only what concerns it."""
    from inspector.services.sync.export import export_bundle as export

    device_id = None
    if for_device is not None:
        from inspector.services.sync.trust import find_device

        with context.db.session() as session:
            device_id = find_device(session, for_device).id
    return export(context, target, kind=kind, include_all=include_all, actor=actor,
                  control=control, for_device=device_id)


def set_device_inspectors(context: AppContext, device: str, names: list[str]) -> list[str]:
    """Record who uses the field laptop whose id is or starts with ``device`` (replacing
    what was recorded); the names as recorded."""
    from inspector.services.sync.recipients import set_device_inspectors as record
    from inspector.services.sync.trust import find_device

    with context.db.transaction() as session:
        return record(session, find_device(session, device).id, names)


def prepare_import(context: AppContext, path: Path, *, trust_new_device: bool = False,
                   control: Control | None = None) -> PreparedImport:
    """Verify a bundle and preview what importing it would change, writing nothing yet;
    :func:`commit_import` or :func:`discard` follows."""
    from inspector.services.sync.importer import prepare_import as prepare

    return prepare(context, path, trust_new_device=trust_new_device, control=control)


def commit_import(prepared: PreparedImport, actor: str,
                  control: Control | None = None) -> ImportResult:
    """Import a prepared bundle (a backup first, then one transaction)."""
    from inspector.services.sync.importer import commit_import as commit

    try:
        return commit(prepared, actor, control)
    finally:
        prepared.discard()


def discard(prepared: PreparedImport) -> None:
    """Let go of a prepared import that will not be committed."""
    prepared.discard()


def import_bundle(context: AppContext, path: Path, *, dry_run: bool = False,
                  trust_new_device: bool = False, actor: str = "",
                  control: Control | None = None) -> tuple[PreparedImport, ImportResult | None]:
    """Verify, preview and (unless ``dry_run``) import a bundle in one call."""
    from inspector.services.sync.importer import import_bundle as run

    return run(context, path, dry_run=dry_run, trust_new_device=trust_new_device,
               actor=actor, control=control)


def bundle_history(context: AppContext, unfinished: bool = True) -> list[BundleLog]:
    """The bundles written and imported here, newest first."""
    from inspector.services.sync.history import bundle_history as history

    with context.db.session() as session:
        return history(session, unfinished=unfinished)


# ------------------------------------------------------------------ conflicts and devices


def list_conflicts(context: AppContext) -> list[ConflictView]:
    from inspector.services.sync.conflicts import list_conflicts as conflicts

    with context.db.session() as session:
        return conflicts(session)


def resolve_conflict(context: AppContext, conflict_id: str, choice: Keep,
                     actor: str) -> ConflictView:
    """Keep the version shown now (``local``) or take the other one (``remote``)."""
    from inspector.services.sync.conflicts import resolve as resolve_one
    from inspector.services.sync.identity import ensure_identity

    me = ensure_identity(context.paths)
    with context.db.transaction() as session:
        return resolve_one(session, conflict_id, choice, actor, me.device_id)


def list_devices(context: AppContext) -> list[DeviceInfo]:
    from inspector.services.sync.trust import list_devices as devices

    with context.db.session() as session:
        return devices(session)


def revoke_device(context: AppContext, device: str, actor: str,
                  reason: str = "") -> RevokedDevice:
    """Refuse the bundles of the device whose id is or starts with ``device`` from now on."""
    from inspector.services.sync.trust import revoke as revoke_one

    with context.db.transaction() as session:
        row = revoke_one(session, device, actor, reason)
        return RevokedDevice(row.id, row.name)


# ------------------------------------------------------------------ assignments


def list_assignments(context: AppContext) -> list[AssignmentView]:
    from inspector.services.sync.assignments import list_assignments as assignments

    with context.db.session() as session:
        return assignments(session)


def add_assignment(context: AppContext, site_id: str, inspectors: str, start: date, end: date,
                   note: str = "") -> Assigned:
    """Assign a site to inspectors for a period."""
    from inspector.services.sites import get_site

    with context.db.transaction() as session:
        return _assign(session, get_site(session, site_id), inspectors, start, end, note)


def add_assignment_by_code(context: AppContext, code: str, inspectors: str, start: date,
                           end: date, note: str = "") -> Assigned | None:
    """:func:`add_assignment` for the site with this division code (None: no such site)."""
    from inspector.services.sites import find_by_code

    with context.db.transaction() as session:
        site = find_by_code(session, code)
        return None if site is None else _assign(session, site, inspectors, start, end, note)


def _assign(session: Session, site: Site, inspectors: str, start: date, end: date,
            note: str) -> Assigned:
    from inspector.services.sync.assignments import add_assignment as add

    row = add(session, site.id, inspectors, start, end, note)
    return Assigned(row.id, site.id, site.name)
