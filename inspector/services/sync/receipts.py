"""Receipts: the office tells a laptop which of its bundles arrived whole.

A receipt names a bundle by id, device, sequence number and the SHA-256 of its
signed manifest. Receipts travel inside assignment bundles and in small
receipt bundles (kind ``receipt``: a signed manifest and nothing else). A
laptop marks its own bundles confirmed; it never deletes anything because of
a receipt, it only stops sending what the office confirmed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, col, select

from inspector.domain.values import BundleKind, Direction
from inspector.storage.models import SyncBundle, utcnow


@dataclass(frozen=True)
class Receipt:
    bundle_id: str
    device_id: str
    sequence: int
    manifest_sha256: str
    imported_at: str

    def to_json(self) -> dict[str, Any]:
        return {"bundle_id": self.bundle_id, "device_id": self.device_id,
                "sequence": self.sequence, "manifest_sha256": self.manifest_sha256,
                "imported_at": self.imported_at}

    @classmethod
    def from_json(cls, raw: Any) -> Receipt | None:
        try:
            return cls(str(raw["bundle_id"]), str(raw["device_id"]), int(raw["sequence"]),
                       str(raw["manifest_sha256"]), str(raw["imported_at"]))
        except (KeyError, TypeError, ValueError):
            return None


def receipts_to_send(session: Session, device_id: str | None = None) -> list[Receipt]:
    """Every bundle imported here (optionally from one device), oldest first."""
    query = select(SyncBundle).where(SyncBundle.direction == Direction.IN,
                                     SyncBundle.kind == BundleKind.RESULTS)
    if device_id is not None:
        query = query.where(SyncBundle.device_id == device_id)
    rows = session.exec(query.order_by(col(SyncBundle.at))).all()
    return [Receipt(r.id, r.device_id, r.sequence, r.manifest_sha256, str(r.at)[:19])
            for r in rows]


def apply_receipts(session: Session, my_device_id: str, receipts: list[Any]) -> list[str]:
    """Mark this device's bundles that the office confirmed; returns their ids."""
    confirmed = []
    for raw in receipts:
        receipt = Receipt.from_json(raw)
        if receipt is None or receipt.device_id != my_device_id:
            continue
        row = session.get(SyncBundle, receipt.bundle_id)
        if (row is None or row.direction != Direction.OUT or row.confirmed_at is not None
                or row.manifest_sha256 != receipt.manifest_sha256):
            continue
        row.confirmed_at = utcnow()
        session.add(row)
        confirmed.append(row.id)
    session.flush()
    return confirmed


def confirmed_sequences(session: Session, my_device_id: str) -> set[int]:
    rows = session.exec(select(SyncBundle.sequence).where(
        SyncBundle.direction == Direction.OUT, SyncBundle.device_id == my_device_id,
        col(SyncBundle.confirmed_at).is_not(None),
    )).all()
    return set(rows)
