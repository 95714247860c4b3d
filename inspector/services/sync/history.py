"""The log of bundles written and imported here, as the Sync screen and the CLI list it."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, select

from inspector.storage.models import SyncBundle


@dataclass(frozen=True)
class BundleLog:
    """One bundle written (``out``) or imported (``in``) on this installation."""

    bundle_id: str
    at: datetime
    direction: str  # "in" | "out"
    kind: str
    status: str  # "writing" while an export is under way, "interrupted" if it was killed,
    # then "written" …
    device: str
    sequence: int
    file_name: str
    actor: str
    confirmed_at: datetime | None
    counts: dict[str, int]  # what an import changed, else what the bundle holds


def _numbers(text: str | None) -> dict[str, int]:
    try:
        data = json.loads(text or "{}")
    except ValueError:
        return {}
    return {key: value for key, value in data.items() if isinstance(value, int)} \
        if isinstance(data, dict) else {}


def bundle_history(session: Session, unfinished: bool = True) -> list[BundleLog]:
    """Newest first; without ``unfinished``, exports still being written are left out."""
    query = select(SyncBundle).order_by(col(SyncBundle.at).desc())
    if not unfinished:  # being written now, or killed while it was
        query = query.where(col(SyncBundle.status).not_in(["writing", "interrupted"]))
    return [BundleLog(row.id, row.at, row.direction, row.kind, row.status, row.device_name,
                      row.sequence, row.file_name, row.actor, row.confirmed_at,
                      _numbers(row.changes) or _numbers(row.counts))
            for row in session.exec(query).all()]
