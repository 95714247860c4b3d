"""The log of bundles written and imported here, as the Sync screen and the CLI list it."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, select

from inspector.domain.values import BundleKind, BundleStatus, Direction, InspectionStatus
from inspector.services.sync.merge_preview import Totals
from inspector.storage.models import SyncBundle


@dataclass(frozen=True)
class BundleLog:
    """One bundle written (``out``) or imported (``in``) on this installation."""

    bundle_id: str
    at: datetime
    direction: Direction
    kind: BundleKind
    status: BundleStatus  # an export: WRITING while under way, INTERRUPTED if it was killed
    device: str
    sequence: int
    file_name: str
    actor: str
    confirmed_at: datetime | None
    counts: dict[str, int]  # what the bundle holds: records by table, and photo files
    imported: Totals  # an import: what it did here (all 0 for a bundle written here)


def _numbers(text: str | None) -> dict[str, int]:
    try:
        data = json.loads(text or "{}")
    except ValueError:
        return {}
    return {key: value for key, value in data.items() if isinstance(value, int)} \
        if isinstance(data, dict) else {}


def _imported(row: SyncBundle) -> Totals:
    return Totals.from_json(_numbers(row.changes)) if row.direction == Direction.IN \
        else Totals()


def bundle_history(session: Session, unfinished: bool = True) -> list[BundleLog]:
    """Newest first; without ``unfinished``, exports still being written are left out."""
    query = select(SyncBundle).order_by(col(SyncBundle.at).desc())
    if not unfinished:  # being written now, or killed while it was
        query = query.where(col(SyncBundle.status).not_in(
            [BundleStatus.WRITING, BundleStatus.INTERRUPTED]))
    return [BundleLog(row.id, row.at, row.direction, row.kind, row.status, row.device_name,
                      row.sequence, row.file_name, row.actor, row.confirmed_at,
                      _numbers(row.counts), _imported(row))
            for row in session.exec(query).all()]


@dataclass(frozen=True)
class WaitingInspection:
    inspection_id: str
    site_name: str
    visit_date: str  # YYYY-MM-DD


@dataclass(frozen=True)
class Outbox:
    """What the next bundle of this installation carries that the other side lacks.

    On a field laptop: the completed inspections changed since they were last sent (or
    never sent) with their new photos, those sent but not yet confirmed by the office's
    receipt (they go again), and how many are still in progress (sent once completed).
    At the office: the assignments not yet sent.
    """

    unsent: list[WaitingInspection]  # newest visit first
    unsent_photos: int
    unconfirmed: int
    in_progress: int
    assignments_unsent: int

    @property
    def anything(self) -> bool:
        return bool(self.unsent or self.unconfirmed or self.assignments_unsent)


_UNSENT = "(sync_rev IS NULL OR sync_rev != revision)"
_COMPLETED = f"SELECT id FROM inspections WHERE status = '{InspectionStatus.COMPLETED}'"


def outbox(session: Session, my_device_id: str) -> Outbox:
    """What is waiting to be sent from here (see :class:`Outbox`)."""
    from inspector.services.sync.receipts import confirmed_sequences

    conn = session.connection()
    unsent: set[str] = {row[0] for row in conn.exec_driver_sql(
        f"{_COMPLETED} AND {_UNSENT}")}
    confirmed = ",".join(str(int(s)) for s in sorted(
        confirmed_sequences(session, my_device_id))) or "-1"
    sent_unconfirmed: set[str] = {row[0] for row in conn.exec_driver_sql(
        f"{_COMPLETED} AND sync_seq > 0"
        f" AND sync_seq NOT IN ({confirmed})")}
    for table in ("responses", "photos", "inspection_events"):
        unsent |= {row[0] for row in conn.exec_driver_sql(
            f"SELECT DISTINCT inspection_id FROM {table} WHERE {_UNSENT}"
            f" AND inspection_id IN ({_COMPLETED})")}
        sent_unconfirmed |= {row[0] for row in conn.exec_driver_sql(
            f"SELECT DISTINCT inspection_id FROM {table} WHERE sync_seq > 0"
            f" AND sync_seq NOT IN ({confirmed}) AND inspection_id IN ({_COMPLETED})")}
    photos = conn.exec_driver_sql(
        f"SELECT COUNT(*) FROM photos WHERE {_UNSENT} AND inspection_id IN ({_COMPLETED})"
    ).scalar_one()
    named: list[WaitingInspection] = []
    if unsent:
        ids = sorted(unsent)
        for start in range(0, len(ids), 500):
            part = ids[start:start + 500]
            named += [WaitingInspection(row[0], row[1], str(row[2])) for row in
                      conn.exec_driver_sql(
                          "SELECT i.id, s.name, i.visit_date FROM inspections i JOIN sites s"
                          f" ON s.id = i.site_id WHERE i.id IN ({','.join('?' * len(part))})",
                          tuple(part))]
    named.sort(key=lambda w: (w.visit_date, w.site_name), reverse=True)
    in_progress = conn.exec_driver_sql(
        f"SELECT COUNT(*) FROM inspections WHERE status = '{InspectionStatus.DRAFT}'"
    ).scalar_one()
    assignments = conn.exec_driver_sql(
        f"SELECT COUNT(*) FROM assignments WHERE {_UNSENT}").scalar_one()
    return Outbox(named, int(photos), len(sent_unconfirmed - unsent), int(in_progress),
                  int(assignments))
