"""What a bundle holds, written into its archive: which records of which tables a bundle of
each kind carries, the records themselves, the checklist versions, and the photo files
(each hashed again while it is copied). The export around it is
:mod:`~inspector.services.sync.export`'s.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
import zipfile
from dataclasses import dataclass
from pathlib import Path

from inspector.domain.supervision import ReviewDecision
from inspector.domain.values import BundleKind, InspectionStatus
from inspector.services.control import Control, check
from inspector.services.photo_store import PhotoStore
from inspector.services.sync import bundle_format as bf
from inspector.services.sync import records as rec
from inspector.services.sync.errors import SyncError
from inspector.services.sync.export_records import SENT_INSPECTIONS, MemberWriter, Seal, TableReader

# The record tables each kind carries, from the format (checklist versions are written
# on their own, after the records).
KIND_TABLES = {kind: tuple(t for t in tables if t != bf.TEMPLATE_TABLE)
               for kind, tables in bf.KIND_TABLES.items()}

_COMPLETED = f"SELECT id FROM inspections WHERE status = '{InspectionStatus.COMPLETED}'"
#: The assignments an assignment bundle carries (all, or those of the laptop it is for).
SENT_ASSIGNMENTS = SENT_INSPECTIONS.replace("sent_inspections", "sent_assignments")
_SENT_SITES = (f"SELECT a.site_id FROM assignments a"
               f" WHERE a.id IN (SELECT id FROM {SENT_ASSIGNMENTS})")
_SENT_TARGETS = (f"SELECT item_id FROM reinspection_targets"
                 f" WHERE assignment_id IN (SELECT id FROM {SENT_ASSIGNMENTS})")
# The newest completed inspection of every site the bundle assigns: what the inspector
# re-checks at the next visit (its open items).
_PREVIOUS = (
    f"SELECT i.id FROM inspections i WHERE i.status = '{InspectionStatus.COMPLETED}'"
    f" AND i.site_id IN ({_SENT_SITES}) AND NOT EXISTS ("
    " SELECT 1 FROM inspections j WHERE j.site_id = i.site_id"
    f" AND j.status = '{InspectionStatus.COMPLETED}'"
    " AND (j.visit_date > i.visit_date OR (j.visit_date = i.visit_date AND j.id > i.id)))"
)
# Inspections the office returned to their inspectors (reopened, a return among their
# reviews; to one laptop: those its bundles brought), and those whose
# findings the bundle's re-inspections verify: they go back to the field.
_RETURNED = (
    f"SELECT r.inspection_id FROM reviews r JOIN inspections i ON i.id = r.inspection_id"
    f" WHERE r.decision = '{ReviewDecision.RETURNED}' AND i.status = '{InspectionStatus.DRAFT}'"
    " AND (:recipient IS NULL OR i.id IN (SELECT inspection_id FROM inspection_origins"
    " WHERE device_id = :recipient))"
)
_VERIFIED_ORIGINALS = (
    "SELECT inspection_id FROM rectification_items WHERE inspection_id IS NOT NULL"
    f" AND id IN ({_SENT_TARGETS})"
)

#: The inspections whose records a bundle of each kind carries.
_INSPECTIONS_SENT = {
    BundleKind.RESULTS: _COMPLETED,
    BundleKind.ASSIGNMENT: f"{_PREVIOUS} UNION {_RETURNED} UNION {_VERIFIED_ORIGINALS}",
}
#: Tables whose records belong to an inspection the bundle carries.
_UNDER_INSPECTION = ("responses", "photos", "inspection_events", "reviews", "review_comments",
                     "reinspection_checks")


@dataclass(frozen=True)
class Recipient:
    """The field laptop an assignment bundle is addressed to, and the inspectors who use
    it: the bundle carries only their assignments, the inspections it made that the office
    returned, and what their re-inspections verify."""

    device_id: str
    names: frozenset[str]


_NAME_SEPARATORS = re.compile(r"[、，,;；/\s]+")


def names_in(text: str) -> set[str]:
    """The people an assignment names ("张明、李华")."""
    return {name for name in _NAME_SEPARATORS.split(text) if name}


def _filters(kind: BundleKind, table: str, incremental: bool, confirmed: set[int]) -> str:
    """Which records of ``table`` a bundle carries (an SQL condition on its columns);
    the inspections are those :func:`_choose_inspections` put in ``SENT_INSPECTIONS``."""
    parts = []
    if kind == BundleKind.ASSIGNMENT and table == "assignments":
        parts.append(f"id IN (SELECT id FROM {SENT_ASSIGNMENTS})")
    elif kind == BundleKind.ASSIGNMENT and table == "reinspection_targets":
        parts.append(f"assignment_id IN (SELECT id FROM {SENT_ASSIGNMENTS})")
    if kind in _INSPECTIONS_SENT:
        if table == "inspections":
            parts.append(f"id IN (SELECT id FROM {SENT_INSPECTIONS})")
        elif table in _UNDER_INSPECTION:
            parts.append(f"inspection_id IN (SELECT id FROM {SENT_INSPECTIONS})")
        elif table == "rectification_items":  # those the bundle's re-inspections verify
            parts.append(f"id IN ({_SENT_TARGETS})")
    if incremental:
        done = ",".join(str(int(s)) for s in sorted(confirmed)) or "-1"
        parts.append(f"(sync_rev IS NULL OR sync_rev != revision OR "
                     f"(sync_seq > 0 AND sync_seq NOT IN ({done})))")
    return " AND ".join(parts)


def _choose_inspections(conn: sqlite3.Connection, kind: BundleKind,
                        recipient: Recipient | None) -> None:
    """Decide once, in the snapshot, which assignments and inspections the bundle carries
    (looked up by every record of theirs through the table's primary key)."""
    conn.execute(f"CREATE TABLE {SENT_INSPECTIONS} (id TEXT PRIMARY KEY)")
    conn.execute(f"CREATE TABLE {SENT_ASSIGNMENTS} (id TEXT PRIMARY KEY)")
    if kind == BundleKind.ASSIGNMENT:
        rows = conn.execute("SELECT id, inspector_name FROM assignments").fetchall()
        conn.executemany(f"INSERT INTO {SENT_ASSIGNMENTS} (id) VALUES (?)",
                         [(row_id,) for row_id, names in rows
                          if recipient is None or names_in(names) & recipient.names])
    if kind in _INSPECTIONS_SENT:
        conn.execute(f"INSERT INTO {SENT_INSPECTIONS} (id) {_INSPECTIONS_SENT[kind]}",
                     {"recipient": recipient.device_id if recipient else None}
                     if kind == BundleKind.ASSIGNMENT else {})


def member_info(name: str, compression: int) -> zipfile.ZipInfo:
    """A member entry: a plain file (mode 0644), fixed date, the given compression."""
    info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
    info.compress_type = compression
    info.external_attr = 0o100644 << 16
    return info


def _format_version(conn: sqlite3.Connection, kind: BundleKind, incremental: bool,
                    confirmed: set[int]) -> int:
    """2 when the bundle carries any record of the supervision loop, else 1: a laptop not
    updated yet reads the bundles of an office that does not use the loop."""
    for name in KIND_TABLES[kind]:
        if name in bf.VERSION_2_TABLES:
            where = _filters(kind, name, incremental, confirmed)
            if conn.execute(f"SELECT 1 FROM {name}{f' WHERE {where}' if where else ''}"
                            " LIMIT 1").fetchone() is not None:
                return 2
    return 1


def write_records(zf: zipfile.ZipFile, conn: sqlite3.Connection, database: Path,
                   kind: BundleKind,
                   incremental: bool, confirmed: set[int], seal: Seal, control: Control,
                   recipient: Recipient | None = None
                   ) -> tuple[list[bf.TableEntry], list[bf.Member], set[str], int]:
    """The records members of a bundle of ``kind`` (an assignment bundle for ``recipient``
    only, when given); returns the manifest's table entries, the members written, the photo
    files the records name, and the format version."""
    tables, members, photo_shas = [], [], set()
    _choose_inspections(conn, kind, recipient)
    version = _format_version(conn, kind, incremental, confirmed)
    with MemberWriter() as writer:
        for name in bf.kind_tables(kind, version):
            if name == bf.TEMPLATE_TABLE:
                continue
            spec = rec.SPECS[name]
            reader = TableReader(conn, spec, _filters(kind, name, incremental, confirmed), seal,
                                 database)
            path = f"records/{name}.jsonl"
            with zf.open(member_info(path, zipfile.ZIP_DEFLATED), "w", force_zip64=True) as out:
                writer.start(out)
                try:
                    for data in reader.batches():
                        check(control)
                        writer.write(data)
                        control.progress(reader.count, 0, name)
                    writer.finish()
                finally:
                    writer.drain()  # nothing is written into the member once it is closed
            if name == "photos":
                photo_shas = reader.photo_files()
            tables.append(bf.TableEntry(name, path, (*spec.columns, rec.VV_COLUMN),
                                        reader.count))
            members.append(bf.Member(path, writer.size, writer.digest.hexdigest()))
    if kind == BundleKind.ASSIGNMENT:
        rows = conn.execute(
            "SELECT template_id, version, title, content, sha256 FROM template_versions"
            " ORDER BY template_id, version").fetchall()
        data = b"".join(rec.encode_json(list(r)).encode("utf-8") + b"\n" for r in rows)
        path = f"records/{rec.TEMPLATE_TABLE}.jsonl"
        zf.writestr(member_info(path, zipfile.ZIP_DEFLATED), data)
        tables.append(bf.TableEntry(rec.TEMPLATE_TABLE, path, rec.TEMPLATE_COLUMNS, len(rows)))
        members.append(bf.Member(path, len(data), bf.sha256_hex(data)))
    return tables, members, photo_shas, version


def template_keys(conn: sqlite3.Connection) -> list[dict[str, str]]:
    """The checklist versions the database holds, as the manifest lists them."""
    return [{"key": f"{t}@{v}", "sha256": s} for t, v, s in conn.execute(
        "SELECT template_id, version, sha256 FROM template_versions").fetchall()]


def write_photos(zf: zipfile.ZipFile, store: PhotoStore, shas: set[str],
                  control: Control, database: Path) -> list[bf.Member]:
    found, missing = [], []
    for sha in sorted(shas):
        source = store.find(sha)
        if source is None:
            missing.append(sha)
        else:
            found.append((sha, source, source.stat().st_size))
    if missing:
        raise _missing_photos(database, missing)
    total = sum(size for _s, _p, size in found) or 1
    done = 0
    members = []
    for sha, source, size in found:
        check(control)
        name = f"photos/{sha}{source.suffix.lower()}"
        info = member_info(name, zipfile.ZIP_STORED)
        info.file_size = size
        digest = hashlib.sha256()
        with open(source, "rb") as src, zf.open(info, "w") as out:
            while chunk := src.read(bf.CHUNK):
                digest.update(chunk)
                out.write(chunk)
                done += len(chunk)
                control.progress(done, total, name)
        if digest.hexdigest() != sha:
            raise SyncError(f"照片库中的文件已损坏 / the stored photo {source} is damaged "
                            "(its content no longer matches its name)")
        members.append(bf.Member(name, size, sha))
    return members


def _missing_photos(database: Path, shas: list[str]) -> SyncError:
    """Which photos cannot be exported, by site, inspection and criterion, and what to do."""
    from inspector.services.check_places import photo_places

    places = [place for sha in shas for place in photo_places(database, sha)] or \
        [(sha[:12] + "…", sha[:12] + "…") for sha in shas]
    shown = places[:3]
    more_zh = f"等 {len(places)} 张" if len(places) > len(shown) else ""
    more_en = f" and {len(places) - len(shown)} more" if len(places) > len(shown) else ""
    return SyncError(
        f"{len(places)} 张照片的文件丢失，无法导出：{'；'.join(zh for zh, _ in shown)}{more_zh}。"
        f"请运行“inspector check”（或 文件 → 检查数据完整性）查看并修复，例如从以前的数据包取回 / "
        f"the files of {len(places)} photo(s) are missing, so nothing was exported: "
        f"{'; '.join(en for _, en in shown)}{more_en}. Run 'inspector check' (or File → Check "
        f"the data) to see and repair them, e.g. fetch them back from an earlier bundle")


