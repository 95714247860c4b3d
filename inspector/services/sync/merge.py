"""Preview and merge of a bundle's records, matched by UUID, with conflicts kept.

Each record carries a version vector (edits counted per device). Against the
local record, an incoming version is

- **new** when the record is not here,
- **identical** when it is known already (its vector is not newer than ours),
- **updated** when it is strictly newer than ours (nothing here changed since),
- a **conflict** when both sides changed it since their last common version:
  the local version stays, the incoming one is kept in ``sync_conflicts`` for a
  person to choose. Conflict versions that a newer one supersedes are marked
  ``superseded``; so any order of importing the same bundles ends with the
  same versions in the tables and the same open conflicts.

Nothing is ever deleted by a merge. The caller owns the transaction.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from sqlalchemy.engine import Connection

from inspector.services.photo_store import PhotoStore
from inspector.services.sync import bundle_format as bf
from inspector.services.sync import records as rec
from inspector.services.sync.bundle_templates import check_templates
from inspector.services.sync.errors import BundleRefused, Control, check
from inspector.services.sync.streams import member_of, records_of
from inspector.services.sync.verify import OpenedBundle, open_zip
from inspector.storage.models import utcnow

MAX_LISTED_CHANGES = 500


class Outcome(StrEnum):
    NEW = "new"
    UPDATED = "updated"
    IDENTICAL = "identical"
    OLDER = "older"  # we have a newer version already
    JOIN = "join"  # same content reached on both sides: only the vector changes
    CONFLICT = "conflict"
    CONFLICT_KNOWN = "conflict_known"  # this version is already waiting as a conflict


COUNTED_AS = {
    Outcome.NEW: "new", Outcome.UPDATED: "updated", Outcome.IDENTICAL: "identical",
    Outcome.OLDER: "identical", Outcome.JOIN: "identical", Outcome.CONFLICT: "conflicts",
    Outcome.CONFLICT_KNOWN: "identical",
}


@dataclass
class TableCounts:
    new: int = 0
    updated: int = 0
    identical: int = 0
    conflicts: int = 0

    def add(self, outcome: Outcome) -> None:
        name = COUNTED_AS[outcome]
        setattr(self, name, getattr(self, name) + 1)


@dataclass(frozen=True)
class RecordChange:
    table: str
    record_id: str
    outcome: str


@dataclass
class Preview:
    """What importing the bundle would change (or, after a merge, what it changed)."""

    tables: dict[str, TableCounts] = field(default_factory=dict)
    photos_new: int = 0
    photos_known: int = 0
    templates_new: list[str] = field(default_factory=list)
    changes: list[RecordChange] = field(default_factory=list)  # the first few, for showing

    def total(self, name: str) -> int:
        return sum(getattr(c, name) for c in self.tables.values())

    def totals(self) -> dict[str, int]:
        return {
            "new": self.total("new"), "updated": self.total("updated"),
            "identical": self.total("identical"), "conflicts": self.total("conflicts"),
            "photos_new": self.photos_new, "photos_known": self.photos_known,
        }

    @property
    def changes_anything(self) -> bool:
        t = self.totals()
        return bool(t["new"] or t["updated"] or t["conflicts"] or t["photos_new"]
                    or self.templates_new)

    def to_json(self) -> dict[str, Any]:
        return {
            **self.totals(),
            "templates_new": self.templates_new,
            "tables": {name: vars(c) for name, c in self.tables.items()},
        }


@dataclass
class _Local:
    values: list[Any]  # bundle form
    revision: int
    vv: rec.VV  # effective
    stored_vv: rec.VV


def _load_locals(conn: Connection, spec: rec.TableSpec, ids: list[str], tmap: rec.TemplateMap,
                 me: str) -> dict[str, _Local]:
    marks = ",".join("?" * len(ids))
    rows = conn.exec_driver_sql(rec.select_sql(spec, f"id IN ({marks})"), tuple(ids)).fetchall()
    width = len(spec.local_columns)
    found = {}
    for row in rows:
        stored_vv, revision, sync_rev = row[width:]
        values = rec.local_to_bundle_values(spec, row, tmap)
        found[row[0]] = _Local(
            values=values,
            revision=revision,
            vv=rec.effective_vv(spec, values, stored_vv, revision, sync_rev, me),
            stored_vv=rec.vv_load(stored_vv),
        )
    return found


def _open_conflicts(conn: Connection, table: str, ids: list[str]) -> dict[str, list[Any]]:
    marks = ",".join("?" * len(ids))
    rows = conn.exec_driver_sql(
        f"SELECT id, record_id, remote_vv FROM sync_conflicts WHERE status = 'open'"
        f" AND table_name = ? AND record_id IN ({marks})", (table, *ids)).fetchall()
    found: dict[str, list[Any]] = {}
    for cid, record_id, vv in rows:
        found.setdefault(record_id, []).append((cid, rec.vv_load(vv)))
    return found


def _classify(spec: rec.TableSpec, remote: list[Any], local: _Local | None,
              conflicts: list[Any]) -> Outcome:
    if local is None:
        return Outcome.NEW
    rvv = remote[-1]
    same = rec.content_of(spec, local.values) == rec.content_of(spec, remote)
    if rec.vv_leq(rvv, local.vv):
        return Outcome.IDENTICAL if same else Outcome.OLDER
    if rec.vv_leq(local.vv, rvv):
        return Outcome.JOIN if same else Outcome.UPDATED
    if same:
        return Outcome.JOIN
    if any(rec.vv_leq(rvv, cvv) for _cid, cvv in conflicts):
        return Outcome.CONFLICT_KNOWN
    return Outcome.CONFLICT


class _Writer:
    """Accumulates one batch's writes and sends them as bulk statements."""

    def __init__(self, conn: Connection, spec: rec.TableSpec, bundle_id: str,
                 device_id: str) -> None:
        self.conn, self.spec = conn, spec
        self.bundle_id, self.device_id = bundle_id, device_id
        cols = spec.local_columns
        self.insert_sql = (f"INSERT INTO {spec.name} ({', '.join(cols)}, sync_vv, sync_rev, "
                           f"sync_seq) VALUES ({', '.join('?' * (len(cols) + 3))})")
        sets = ", ".join(f"{c} = ?" for c in cols[1:])
        self.update_sql = (f"UPDATE {spec.name} SET {sets}, sync_vv = ?, sync_rev = ?, "
                           "sync_seq = 0 WHERE id = ?")
        self.join_sql = f"UPDATE {spec.name} SET sync_vv = ?, sync_rev = revision WHERE id = ?"
        self.inserts: list[tuple[Any, ...]] = []
        self.updates: list[tuple[Any, ...]] = []
        self.joins: list[tuple[Any, ...]] = []
        self.conflicts: list[tuple[Any, ...]] = []
        self.superseded: list[tuple[str]] = []

    def flush(self) -> None:
        conn = self.conn
        if self.inserts:
            conn.exec_driver_sql(self.insert_sql, self.inserts)
        if self.updates:
            conn.exec_driver_sql(self.update_sql, self.updates)
        if self.joins:
            conn.exec_driver_sql(self.join_sql, self.joins)
        if self.superseded:
            conn.exec_driver_sql(
                "UPDATE sync_conflicts SET status = 'superseded' WHERE id = ?", self.superseded)
        if self.conflicts:
            conn.exec_driver_sql(
                "INSERT INTO sync_conflicts (id, created_at, updated_at, revision, table_name,"
                " record_id, bundle_id, device_id, local_json, remote_json, remote_vv, status,"
                " resolution, resolved_by, resolved_at) VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?,"
                " 'open', '', '', NULL)", self.conflicts)
        for pending in (self.inserts, self.updates, self.joins, self.conflicts, self.superseded):
            pending.clear()

    def add_new(self, rows: list[list[Any]], tmap: rec.TemplateMap) -> None:
        dump = rec.vv_dump
        if self.spec.template_position is None:
            self.inserts.extend((*row[:-1], dump(row[-1]), row[3], 0) for row in rows)
            return
        for row in rows:
            values = rec.bundle_to_local_values(self.spec, row, tmap)
            self.inserts.append((*values, dump(row[-1]), values[3], 0))

    def write(self, outcome: Outcome, remote: list[Any], local: _Local | None,
              tmap: rec.TemplateMap, conflicts: list[Any]) -> None:
        spec = self.spec
        rvv = remote[-1]
        if outcome is Outcome.NEW:
            values = rec.bundle_to_local_values(spec, remote, tmap)
            self.inserts.append((*values, rec.vv_dump(rvv), values[3], 0))
        elif outcome is Outcome.UPDATED:
            assert local is not None
            values = rec.bundle_to_local_values(spec, remote, tmap)
            values[3] = local.revision + 1
            self.updates.append((*values[1:], rec.vv_dump(rvv), values[3], values[0]))
        elif outcome is Outcome.JOIN:
            assert local is not None
            self.joins.append((rec.vv_dump(rec.vv_join(local.vv, rvv)), remote[0]))
        elif outcome is Outcome.CONFLICT:
            assert local is not None
            now = str(utcnow().replace(tzinfo=None))
            self.conflicts.append((
                str(uuid.uuid4()), now, now, spec.name, remote[0], self.bundle_id,
                self.device_id,
                json.dumps(rec.as_dict(spec, local.values), ensure_ascii=False),
                json.dumps(rec.as_dict(spec, remote[:-1]), ensure_ascii=False),
                rec.vv_dump(rvv)))
        if outcome in (Outcome.UPDATED, Outcome.CONFLICT):
            self.superseded.extend((cid,) for cid, cvv in conflicts if rec.vv_leq(cvv, rvv))


def run(conn: Connection, opened: OpenedBundle, store: PhotoStore, me: str,
        control: Control, *, write: bool) -> Preview:
    """Classify (and with ``write``, merge) every record of the bundle."""
    preview = Preview()
    manifest = opened.manifest
    for entry in manifest.tables:
        if (entry.name not in rec.SPECS and entry.name != rec.TEMPLATE_TABLE) or \
                entry.path != f"records/{entry.name}.jsonl":
            raise BundleRefused(f"数据包中有未知的表 / unknown table in the bundle: {entry.name}")
    tmap = rec.TemplateMap.load(conn)
    templates_new = check_templates(conn, opened, tmap, write)
    preview.templates_new.extend(templates_new)
    bundle_photos = {m.sha256 for m in opened.manifest.photo_members()}
    for sha in sorted(bundle_photos):
        if store.find(sha) is None:
            preview.photos_new += 1
        else:
            preview.photos_known += 1
    manifest = opened.manifest
    total = sum(t.count for t in manifest.tables) or 1
    done = 0
    with open_zip(opened.path) as zf:
        for name in rec.ORDER:
            table = manifest.table(name)
            if table is None:
                continue
            spec = rec.SPECS[name]
            if table.columns != (*spec.columns, rec.VV_COLUMN):
                raise BundleRefused(f"records/{name}: the columns differ from format "
                                    f"{bf.FORMAT_VERSION}")
            counts = preview.tables.setdefault(name, TableCounts())
            writer = _Writer(conn, spec, manifest.bundle_id, manifest.source.device_id)
            any_open = conn.exec_driver_sql(
                "SELECT 1 FROM sync_conflicts WHERE status = 'open' AND table_name = ? LIMIT 1",
                (name,)).first() is not None
            sha_at = spec.columns.index("sha256") if name == "photos" else -1
            empty = conn.exec_driver_sql(f"SELECT 1 FROM {name} LIMIT 1").first() is None
            for first, rows in records_of(zf, member_of(opened, table.path), control):
                rec.check_batch(spec, rows, first)
                if sha_at >= 0:
                    for sha in {row[sha_at] for row in rows} - bundle_photos:
                        if store.find(sha) is None:
                            raise BundleRefused(f"照片 {sha[:12]}… 既不在数据包中也不在本机 / a "
                                                "photo record has no file in the bundle or here")
                ids = [row[0] for row in rows]
                # An empty table (the first import) needs no look-ups: every row is new.
                locals_ = _load_locals(conn, spec, ids, tmap, me) if not empty else {}
                conflicts = _open_conflicts(conn, name, ids) if any_open else {}
                new_rows = [row for row in rows if row[0] not in locals_]
                counts.new += len(new_rows)
                position = spec.template_position
                if position is not None:
                    for row in new_rows:
                        if row[position] not in tmap.id_by_key:
                            rec.bundle_to_local_values(spec, row, tmap)  # refuses, naming it
                room = MAX_LISTED_CHANGES - len(preview.changes)
                preview.changes.extend(RecordChange(name, row[0], Outcome.NEW.value)
                                       for row in new_rows[:max(room, 0)])
                if write:
                    writer.add_new(new_rows, tmap)
                for row in rows:
                    local = locals_.get(row[0])
                    if local is None:
                        continue
                    known = conflicts.get(row[0], [])
                    outcome = _classify(spec, row, local, known)
                    counts.add(outcome)
                    if outcome not in (Outcome.IDENTICAL, Outcome.OLDER, Outcome.JOIN,
                                       Outcome.CONFLICT_KNOWN) and \
                            len(preview.changes) < MAX_LISTED_CHANGES:
                        preview.changes.append(RecordChange(name, row[0], outcome.value))
                    if write:
                        writer.write(outcome, row, local, tmap, known)
                if write:
                    writer.flush()
                done += len(rows)
                control.progress(done, total, name)
                check(control)
            if counts.new + counts.updated + counts.identical + counts.conflicts != table.count:
                raise BundleRefused(f"records/{name}: the manifest says {table.count} records")
    return preview
