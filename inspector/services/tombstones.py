"""Records deleted here are remembered, so that a sync bundle does not bring them back.

Deletions do not travel: the county office keeps its copy of a photo a laptop
deleted, and its next assignment bundle carries that photo back to the
laptop. So every deletion of a record that travels in bundles leaves a
*tombstone* (table ``sync_tombstones``): which record, the version vector it
had here, when and by whom, and the row itself for undo. An incoming version
the tombstone's vector covers (it knows no edit the deleted version did not
know) stays out; one with an edit made elsewhere that the deleted version
never saw comes back, and the import preview counts it apart (see
:mod:`inspector.services.sync.merge` and ``docs/bundle-format.md``).

Any service that deletes a synced record calls :func:`remember_deletion`
before deleting it, in the same session, and :func:`undo_deletion` after
putting it back. Tables that never travel need nothing: the functions ignore
them. Drafts never travel, so deleting one needs no tombstone; a record
deleted together with its parent (a photo with its inspection) stays out
with the parent.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.engine import Connection
from sqlmodel import Session, col, delete, select

from inspector.domain.values import ConflictStatus
from inspector.services.sync import records as rec
from inspector.services.sync.versions import HELD, vv_join_all
from inspector.storage.models import SyncConflict, SyncTombstone, utcnow

_BOOKKEEPING = ("created_at", "updated_at", "revision")


@dataclass(frozen=True)
class Tombstone:
    """What the merge needs of a deleted record: the version it had here."""

    record_id: str
    vv: rec.VV
    changed_here: bool

    def version(self, me: str) -> rec.VV:
        """The deleted version's vector, counting a change made here as one more edit of
        this installation (as ``records.effective_vv`` counts an unsent change)."""
        if not self.changed_here:
            return self.vv
        return {**self.vv, me: self.vv.get(me, 0) + 1}

    def keeps_out(self, incoming: rec.VV, me: str) -> bool:
        """True when the incoming version knows no edit the deleted one did not know."""
        return rec.vv_leq(incoming, self.version(me))


def remember_deletion(session: Session, table: str, record_id: str, actor: str = "") -> None:
    """Remember that ``record_id`` of ``table`` is being deleted here; call before deleting.

    Versions of the record held as conflicts are closed (status ``deleted``)
    and their vectors joined into the tombstone's: this installation had seen
    them when the record was deleted.
    """
    spec = rec.SPECS.get(table)
    if spec is None:  # never travels: nothing can bring it back
        return
    session.flush()
    conn = session.connection()
    row = conn.exec_driver_sql(rec.select_sql(spec, "id = ?", extra=("sync_seq",)),
                               (record_id,)).first()
    if row is None:
        return
    width = len(spec.local_columns)
    stored_vv, revision, sync_rev, sync_seq = row[width:]
    held = session.exec(select(SyncConflict).where(
        SyncConflict.table_name == table, SyncConflict.record_id == record_id,
        col(SyncConflict.status).in_(HELD))).all()
    if stored_vv is None:  # never exchanged: named by its content, as an export would name it
        values = rec.local_to_bundle_values(spec, row, rec.TemplateMap.load(conn))
        vv, changed_here = rec.origin_vv(spec, values), False
    else:
        vv = vv_join_all([rec.vv_load(stored_vv), *(rec.vv_load(h.remote_vv) for h in held)])
        changed_here = sync_rev is None or sync_rev != revision
    now = utcnow()
    for version in held:
        version.resolution, version.status = version.status, ConflictStatus.DELETED
        version.resolved_by, version.resolved_at = actor, now
        session.add(version)
    stored = {**dict(zip(spec.local_columns, row[:width], strict=True)),
              "sync_vv": stored_vv, "sync_rev": sync_rev, "sync_seq": sync_seq}
    session.exec(delete(SyncTombstone).where(
        col(SyncTombstone.table_name) == table, col(SyncTombstone.record_id) == record_id))
    session.add(SyncTombstone(
        table_name=table, record_id=record_id, vv=rec.vv_dump(vv), changed_here=changed_here,
        deleted_at=now, deleted_by=actor, row_json=json.dumps(stored, ensure_ascii=False)))
    session.flush()


def undo_deletion(session: Session, table: str, record_id: str) -> bool:
    """The record is back (inserted and flushed by the caller): forget its tombstone.

    The row gets back its timestamps, revision and sync state, so it is the
    same version as before the deletion (sent or not), and the conflicts the
    deletion closed are open again. If the caller put it back with other
    values, it counts as changed here. Objects of the row already in the
    session are stale afterwards: refresh them. Returns False without a tombstone.
    """
    if table not in rec.SPECS:
        return False
    tombstone = session.exec(select(SyncTombstone).where(
        SyncTombstone.table_name == table, SyncTombstone.record_id == record_id)).first()
    if tombstone is None:
        return False
    session.flush()
    conn = session.connection()
    spec = rec.SPECS[table]
    before: dict[str, Any] = json.loads(tombstone.row_json)
    now = conn.exec_driver_sql(f"SELECT {', '.join(spec.local_columns)} FROM {table}"
                               " WHERE id = ?", (record_id,)).first()
    if now is not None:
        current = dict(zip(spec.local_columns, now, strict=True))
        if all(before.get(name) == value for name, value in current.items()
               if name not in _BOOKKEEPING):
            updated_at, revision, sync_rev = (before["updated_at"], before["revision"],
                                              before["sync_rev"])
        else:  # put back otherwise: a change made here, still to be sent
            updated_at, sync_rev = current["updated_at"], None
            revision = max(int(before["revision"]), int(current["revision"])) + 1
        conn.exec_driver_sql(
            f"UPDATE {table} SET created_at = ?, updated_at = ?, revision = ?, sync_vv = ?,"
            " sync_rev = ?, sync_seq = ? WHERE id = ?",
            (before["created_at"], updated_at, revision, before["sync_vv"], sync_rev,
             before["sync_seq"], record_id))
    for version in session.exec(select(SyncConflict).where(
            SyncConflict.table_name == table, SyncConflict.record_id == record_id,
            SyncConflict.status == ConflictStatus.DELETED)).all():
        version.status = (ConflictStatus(version.resolution) if version.resolution in HELD
                          else ConflictStatus.OPEN)
        version.resolution, version.resolved_by, version.resolved_at = "", "", None
        session.add(version)
    session.delete(tombstone)
    session.flush()
    return True


# -- for the merge (plain connection, inside the import's transaction) -------

def tables_with_tombstones(conn: Connection) -> set[str]:
    return {name for (name,) in conn.exec_driver_sql(
        "SELECT DISTINCT table_name FROM sync_tombstones").fetchall()}


def load_tombstones(conn: Connection, table: str,
                    record_ids: Sequence[str]) -> dict[str, Tombstone]:
    if not record_ids:
        return {}
    marks = ",".join("?" * len(record_ids))
    rows = conn.exec_driver_sql(
        f"SELECT record_id, vv, changed_here FROM sync_tombstones WHERE table_name = ?"
        f" AND record_id IN ({marks})", (table, *record_ids)).fetchall()
    return {rid: Tombstone(rid, rec.vv_load(vv), bool(changed)) for rid, vv, changed in rows}


def forget_tombstones(conn: Connection, table: str, record_ids: Sequence[str]) -> None:
    """The records came back from a bundle: they are no longer deleted here."""
    if not record_ids:
        return
    conn.exec_driver_sql("DELETE FROM sync_tombstones WHERE table_name = ? AND record_id = ?",
                         [(table, rid) for rid in record_ids])
