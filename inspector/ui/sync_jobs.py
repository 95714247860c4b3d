"""Background jobs of the Sync screen: plain functions run by :mod:`inspector.ui.worker`.

Nothing here touches widgets. A cancelled sync service raises
:class:`~inspector.services.sync.errors.SyncCancelled`; the jobs turn that into
the worker's :class:`~inspector.ui.worker.Cancelled`, so the handle reports
``cancelled`` rather than ``failed``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from inspector.ui.worker import Cancelled, JobControl

if TYPE_CHECKING:
    from datetime import date

    from inspector.services.context import AppContext
    from inspector.services.sync.assignments import AssignmentView
    from inspector.services.sync.conflicts import ConflictView
    from inspector.services.sync.export import ExportResult
    from inspector.services.sync.history import Outbox
    from inspector.services.sync.importer import ImportResult, PreparedImport
    from inspector.services.sync.trust import DeviceInfo
    from inspector.ui.sync_conflicts import Vocabulary

T = TypeVar("T")


@dataclass(frozen=True)
class HistoryRow:
    at: str
    direction: str  # in / out
    kind: str
    device: str
    sequence: int
    file_name: str
    status: str
    confirmed_at: str | None
    changes: dict[str, int]


@dataclass(frozen=True)
class SyncOverview:
    device_id: str
    role: str | None
    name: str
    fingerprint: str
    devices: list[DeviceInfo]
    history: list[HistoryRow]
    conflicts: list[ConflictView]
    assignments: list[AssignmentView]
    sites: list[tuple[str, str]]  # (site id, "code name") for choosing a site to assign
    # What a person calls the things conflicts point at (ids mean nothing to a user).
    words: Vocabulary = field(default_factory=lambda: _empty_vocabulary())
    outbox: Outbox | None = None  # what the next bundle from here would carry


@contextmanager
def _cancellable() -> Iterator[None]:
    from inspector.services.sync.errors import SyncCancelled

    try:
        yield
    except SyncCancelled:
        raise Cancelled from None


def load_overview(context: AppContext) -> SyncOverview:
    from inspector.services.sites import list_sites
    from inspector.services.sync.assignments import list_assignments
    from inspector.services.sync.conflicts import list_conflicts
    from inspector.services.sync.history import bundle_history, outbox
    from inspector.services.sync.identity import ensure_identity
    from inspector.services.sync.trust import list_devices
    from inspector.services.templates import latest_template
    from inspector.ui.sync_conflicts import Vocabulary

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
                          str(e.confirmed_at)[:16] if e.confirmed_at else None, e.counts)
               for e in logged]
    return SyncOverview(me.device_id, me.role.value if me.role else None, me.name,
                        me.fingerprint, devices, history, conflicts, assignments, sites, words,
                        waiting)


def _empty_vocabulary() -> Vocabulary:
    from inspector.ui.sync_conflicts import Vocabulary

    return Vocabulary()


def _inspection_names(session: object, site_names: dict[str, str]) -> dict[str, str]:
    from sqlmodel import Session

    assert isinstance(session, Session)
    rows = session.connection().exec_driver_sql(
        "SELECT id, site_id, visit_date FROM inspections").fetchall()
    return {inspection_id: f"{site_names.get(site_id, '?')} {visit_date}"
            for inspection_id, site_id, visit_date in rows}


def choose_role(context: AppContext, role: str, name: str, confirm_change: bool) -> SyncOverview:
    from inspector.services.sync.identity import Role, set_role

    set_role(context.paths, Role(role), name=name or None, confirm_change=confirm_change)
    return load_overview(context)


def export(context: AppContext, folder: Path, kind: str | None, include_all: bool, actor: str,
           control: JobControl) -> ExportResult:
    from inspector.services.sync.export import export_bundle

    with _cancellable():  # the bundle is named in the folder by the service
        return export_bundle(context, folder, kind=kind, include_all=include_all,
                             actor=actor, control=control)


def prepare(context: AppContext, path: Path, control: JobControl) -> PreparedImport:
    """Verify and preview as if the signer were trusted; the screen asks before committing."""
    from inspector.services.sync.importer import prepare_import

    with _cancellable():
        return prepare_import(context, path, trust_new_device=True, control=control)


def commit(prepared: PreparedImport, actor: str, control: JobControl) -> ImportResult:
    from inspector.services.sync.importer import commit_import

    try:
        with _cancellable():
            return commit_import(prepared, actor, control)
    finally:
        prepared.discard()


def discard(prepared: PreparedImport) -> None:
    prepared.discard()


def resolve(context: AppContext, conflict_id: str, choice: str, actor: str) -> SyncOverview:
    from inspector.services.sync.conflicts import resolve as resolve_conflict
    from inspector.services.sync.identity import ensure_identity

    me = ensure_identity(context.paths)
    with context.db.transaction() as session:
        resolve_conflict(session, conflict_id, choice, actor, me.device_id)
    return load_overview(context)


def revoke(context: AppContext, device_id: str, actor: str, reason: str) -> SyncOverview:
    from inspector.services.sync.trust import revoke as revoke_device

    with context.db.transaction() as session:
        revoke_device(session, device_id, actor, reason)
    return load_overview(context)


def add_assignment(context: AppContext, site_id: str, inspectors: str, start: date, end: date,
                   note: str) -> SyncOverview:
    from inspector.services.sync.assignments import add_assignment as add

    with context.db.transaction() as session:
        add(session, site_id, inspectors, start, end, note)
    return load_overview(context)


def job(fn: Callable[[], T]) -> Callable[[JobControl], T]:
    """A job that needs no progress or cancellation."""
    return lambda _control: fn()
