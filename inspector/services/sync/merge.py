"""Preview and merge of a bundle's records, matched by UUID, with conflicts kept.

Each record carries a version vector (edits counted per device); how the
versions of one record held here are kept and which is live is in
:mod:`versions`. An incoming version that a held one descends from (or
equals) changes nothing, so importing a bundle twice is harmless. Otherwise
it replaces every held version it descends from and joins the others.
Against the local record it is counted as

- **new** when the record is not here,
- **identical** when it is known already (or only its vector is new),
- **updated** when it replaces versions and differs from none left,
- a **conflict** when a held version with other content changed since their
  last common version: both stay, one live (the same whatever the import
  order), the other open for a person to resolve;
- **deleted here** when the record was deleted on this installation and the
  incoming version is what was deleted (or older): it stays out;
- **brought back** when it was deleted here but the incoming version carries
  an edit made elsewhere that the deleted one never saw (:mod:`deleted_here`).

Nothing is ever deleted by a merge. The caller owns the transaction. What one incoming
version does is decided in :mod:`merge_plan`; the counts are :mod:`merge_preview`'s.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

from sqlalchemy.engine import Connection

from inspector.services.control import Control, check
from inspector.services.photo_store import PhotoStore
from inspector.services.sync import records as rec
from inspector.services.sync.bundle_templates import check_templates
from inspector.services.sync.deleted_here import DeletedHere, check_files
from inspector.services.sync.entry_rules import EntryRules
from inspector.services.sync.errors import BundleRefused
from inspector.services.sync.import_summary import Gathered, summarize_import
from inspector.services.sync.merge_plan import Plan, plan_record
from inspector.services.sync.merge_preview import (
    COUNTED_AS,
    UNLISTED,
    Outcome,
    Preview,
    RecordChange,
    TableCounts,
)
from inspector.services.sync.streams import member_of, records_of
from inspector.services.sync.verify import OpenedBundle, open_zip, refusing_deep_json
from inspector.services.sync.versions import (
    HELD,
    INCOMING,
    Local,
    Version,
    row_version,
)
from inspector.storage.models import utcnow

MAX_LISTED_CHANGES = 500
_HELD_SQL = "('" + "', '".join(HELD) + "')"  # the statuses of versions still waiting


def _load_locals(conn: Connection, spec: rec.TableSpec, ids: list[str], tmap: rec.TemplateMap,
                 me: str) -> dict[str, Local]:
    marks = ",".join("?" * len(ids))
    rows = conn.exec_driver_sql(rec.select_sql(spec, f"id IN ({marks})"), tuple(ids)).fetchall()
    width = len(spec.local_columns)
    found = {}
    for row in rows:
        stored_vv, revision, sync_rev = row[width:]
        values = rec.local_to_bundle_values(spec, row, tmap)
        found[row[0]] = Local(
            values=values,
            revision=revision,
            vv=rec.effective_vv(spec, values, stored_vv, revision, sync_rev, me),
            stored_vv=rec.vv_load(stored_vv),
            unsent=sync_rev is None or sync_rev != revision,
        )
    return found


def load_held_rows(conn: Connection, spec: rec.TableSpec,
                   ids: list[str]) -> dict[str, list[Version]]:
    """The versions kept in ``sync_conflicts`` (open or agreed) for these records."""
    marks = ",".join("?" * len(ids))
    rows = conn.exec_driver_sql(
        f"SELECT id, record_id, remote_json, remote_vv, status FROM sync_conflicts"
        f" WHERE status IN {_HELD_SQL} AND table_name = ? AND record_id IN ({marks})"
        " ORDER BY created_at, id", (spec.name, *ids)).fetchall()
    found: dict[str, list[Version]] = {}
    for row_id, record_id, remote_json, vv, status in rows:
        found.setdefault(record_id, []).append(row_version(spec, row_id, remote_json, vv, status))
    return found


class _Writer:
    """Accumulates one batch's writes and sends them as bulk statements."""

    def __init__(self, conn: Connection, spec: rec.TableSpec, bundle_id: str,
                 device_id: str, me: str) -> None:
        self.conn, self.spec = conn, spec
        self.bundle_id, self.device_id, self.me = bundle_id, device_id, me
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
        self.bases: list[tuple[Any, ...]] = []
        self.kept: list[tuple[Any, ...]] = []
        self.statuses: list[tuple[str, str, str]] = []

    def flush(self) -> None:
        conn = self.conn
        if self.inserts:
            conn.exec_driver_sql(self.insert_sql, self.inserts)
        if self.updates:
            conn.exec_driver_sql(self.update_sql, self.updates)
        if self.joins:
            conn.exec_driver_sql(self.join_sql, self.joins)
        if self.bases:
            conn.exec_driver_sql(f"UPDATE {self.spec.name} SET sync_vv = ? WHERE id = ?",
                                 self.bases)
        if self.statuses:
            conn.exec_driver_sql(
                "UPDATE sync_conflicts SET status = ?, updated_at = ? WHERE id = ?",
                self.statuses)
        if self.kept:
            conn.exec_driver_sql(
                "INSERT INTO sync_conflicts (id, created_at, updated_at, revision, table_name,"
                " record_id, bundle_id, device_id, local_json, remote_json, remote_vv, status,"
                " resolution, resolved_by, resolved_at) VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?,"
                " ?, '', '', NULL)", self.kept)
        for pending in (self.inserts, self.updates, self.joins, self.bases, self.kept,
                        self.statuses):
            pending.clear()

    def add_new(self, rows: list[list[Any]], tmap: rec.TemplateMap) -> None:
        dump = rec.vv_dump
        if self.spec.template_position is None:
            self.inserts.extend((*row[:-1], dump(row[-1]), row[3], 0) for row in rows)
            return
        for row in rows:
            values = rec.bundle_to_local_values(self.spec, row, tmap)
            self.inserts.append((*values, dump(row[-1]), values[3], 0))

    def write(self, plan: Plan, record_id: str, local: Local, tmap: rec.TemplateMap) -> None:
        spec = self.spec
        live = plan.live
        if live is not None and plan.unsent_base is not None:
            self.bases.append((rec.vv_dump(plan.unsent_base), record_id))
        elif live is not None and plan.vv_only:
            self.joins.append((rec.vv_dump(live.vv), record_id))
        elif live is not None:
            values = rec.bundle_to_local_values(spec, live.values, tmap)
            values[3] = local.revision + 1
            self.updates.append((*values[1:], rec.vv_dump(live.vv), values[3], record_id))
        now = str(utcnow().replace(tzinfo=None))
        self.statuses.extend((status, now, row_id) for status, row_id in plan.statuses)
        shown = live.values if live is not None else local.values
        for version, status in plan.inserts:
            device = self.device_id if version.status == INCOMING else self.me
            self.kept.append((
                str(uuid.uuid4()), now, now, spec.name, record_id, self.bundle_id, device,
                json.dumps(rec.as_dict(spec, shown), ensure_ascii=False),
                json.dumps(rec.as_dict(spec, version.values), ensure_ascii=False),
                rec.vv_dump(version.vv), status))


def run(conn: Connection, opened: OpenedBundle, store: PhotoStore, me: str,
        control: Control, *, write: bool, files_kept_out: frozenset[str] = frozenset()
        ) -> Preview:
    """Classify (and with ``write``, merge) every record of the bundle.

    ``files_kept_out``: with ``write``, the photo files the preview left out
    of the store (:attr:`Preview.photo_files_kept_out`).
    """
    with refusing_deep_json("records"):
        return _run(conn, opened, store, me, control, write, files_kept_out)


def _run(conn: Connection, opened: OpenedBundle, store: PhotoStore, me: str,
         control: Control, write: bool, files_kept_out: frozenset[str]) -> Preview:
    preview = Preview()
    manifest = opened.manifest
    # Tables, their paths and columns were checked with the bundle (verify.check_kind).
    tmap = rec.TemplateMap.load(conn)
    templates_new = check_templates(conn, opened, tmap, write)
    rules = EntryRules(conn, opened, tmap)
    preview.templates_new.extend(templates_new)
    bundle_photos = {m.sha256 for m in opened.manifest.photo_members()}
    deleted = DeletedHere(conn, me)
    gathered = Gathered()
    total = sum(t.count for t in manifest.tables) or 1
    done = 0
    with open_zip(opened.path) as zf:
        for name in rec.ORDER:
            table = manifest.table(name)
            if table is None:
                continue
            spec = rec.SPECS[name]  # its columns were checked with the bundle (check_columns)
            counts = preview.tables.setdefault(name, TableCounts())
            writer = _Writer(conn, spec, manifest.bundle_id, manifest.source.device_id, me)
            any_held = conn.exec_driver_sql(
                f"SELECT 1 FROM sync_conflicts WHERE status IN {_HELD_SQL}"
                " AND table_name = ? LIMIT 1", (name,)).first() is not None
            sha_at = spec.columns.index("sha256") if name == "photos" else -1
            empty = conn.exec_driver_sql(f"SELECT 1 FROM {name} LIMIT 1").first() is None
            for first, rows in records_of(zf, member_of(opened, table.path), control):
                rec.check_batch(spec, rows, first)
                if sha_at >= 0:
                    for sha in {row[sha_at] for row in rows} - bundle_photos:
                        if store.find(sha) is None:
                            raise BundleRefused(f"照片 {sha[:12]}… 既不在数据包中也不在本机 / a "
                                                "photo record has no file in the bundle or here")
                position = spec.template_position
                if position is not None:
                    # Every version must name a checklist we have: a kept one may become live.
                    for row in rows:
                        if row[position] not in tmap.id_by_key:
                            rec.bundle_to_local_values(spec, row, tmap)  # refuses, naming it
                rules.check(spec, rows, first)
                ids = [row[0] for row in rows]
                # An empty table (the first import) needs no look-ups: every row is new.
                locals_ = _load_locals(conn, spec, ids, tmap, me) if not empty else {}
                held_rows = load_held_rows(conn, spec, ids) if any_held else {}
                new_rows, out_rows, back_rows = deleted.sort(
                    spec, [row for row in rows if row[0] not in locals_])
                for outcome, some in ((Outcome.NEW, new_rows), (Outcome.DELETED_HERE, out_rows),
                                      (Outcome.BROUGHT_BACK, back_rows)):
                    counts.add(outcome, len(some))
                    # New and brought back: the bundle's values become live.
                    gathered.note_many(spec, some, COUNTED_AS[outcome],
                                       live=outcome is not Outcome.DELETED_HERE)
                    room = MAX_LISTED_CHANGES - len(preview.changes)
                    preview.changes.extend(RecordChange(name, row[0], outcome)
                                           for row in some[:max(room, 0)])
                if sha_at >= 0:
                    kept_out = {row[0] for row in out_rows}
                    deleted.note_files(sha_at, out_rows,
                                       [row for row in rows if row[0] not in kept_out])
                if write:
                    if sha_at >= 0 and files_kept_out:
                        check_files(store, sha_at, [*new_rows, *back_rows], files_kept_out)
                    writer.add_new([*new_rows, *back_rows], tmap)
                    deleted.forget(spec, back_rows)
                for row in rows:
                    local = locals_.get(row[0])
                    if local is None:
                        continue
                    plan = plan_record(spec, row, local, held_rows.get(row[0], []), me)
                    counts.add(plan.outcome)
                    changed = plan.live is not None and not plan.vv_only
                    gathered.note(spec, local.values, COUNTED_AS[plan.outcome],
                                  plan.live.values if changed and plan.live else None)
                    if plan.outcome not in UNLISTED and len(preview.changes) < MAX_LISTED_CHANGES:
                        preview.changes.append(RecordChange(name, row[0], plan.outcome))
                    if write:
                        writer.write(plan, row[0], local, tmap)
                if write:
                    writer.flush()
                    if name == "inspections" and new_rows:  # which laptop sent them
                        conn.exec_driver_sql(
                            "INSERT OR IGNORE INTO inspection_origins (inspection_id, device_id)"
                            " VALUES (?, ?)",
                            [(row[0], manifest.source.device_id) for row in new_rows])
                done += len(rows)
                control.progress(done, total, name)
                check(control)
            if counts.total() != table.count:
                raise BundleRefused(f"records/{name}: the manifest says {table.count} records")
    kept_out = deleted.files_kept_out() & bundle_photos
    for sha in sorted(bundle_photos):
        if store.find(sha) is not None:
            preview.photos_known += 1
        elif sha in kept_out:
            preview.photo_files_kept_out.add(sha)
        else:
            preview.photos_new += 1
    preview.summary = summarize_import(conn, gathered, tmap)
    return preview
