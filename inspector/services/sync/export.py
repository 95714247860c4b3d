"""Writing a bundle so that a pulled USB stick never leaves half a bundle under the final name.

The bundle is written to a temporary file next to the target, flushed and
fsynced, verified by reading it back, and only then renamed into place. The
database learns about the export (sequence number, sealed record versions)
only after the rename; a cancelled or failed export leaves nothing behind.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import sqlite3
import time
import uuid
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, cast

from sqlmodel import Session, col, select

from inspector import __version__
from inspector.domain.values import (
    BundleKind,
    BundleStatus,
    Direction,
    InspectionStatus,
    Role,
    Scope,
)
from inspector.durable import fsync_dir
from inspector.services.context import AppContext
from inspector.services.control import Control, NullControl, check
from inspector.services.photo_store import PhotoStore
from inspector.services.store_lock import EXPORT_LOCK_NAME, FolderClaim
from inspector.services.sync import bundle_format as bf
from inspector.services.sync import records as rec
from inspector.services.sync.errors import SyncError
from inspector.services.sync.export_records import (
    SENT_INSPECTIONS,
    MemberWriter,
    Seal,
    TableReader,
    snapshot,
)
from inspector.services.sync.identity import (
    ROLE_NAMES_EN,
    ROLE_NAMES_ZH,
    DeviceIdentity,
    ensure_identity,
)
from inspector.services.sync.read_back import ReadBackMismatch, ReadBackWriter
from inspector.services.sync.receipts import confirmed_sequences, receipts_to_send
from inspector.services.sync.verify_contents import verify_file
from inspector.storage.models import SyncBundle, utcnow

log = logging.getLogger(__name__)

# The record tables each kind carries, from the format (checklist versions are written
# on their own, after the records).
KIND_TABLES = {kind: tuple(t for t in tables if t != bf.TEMPLATE_TABLE)
               for kind, tables in bf.KIND_TABLES.items()}
DEFAULT_KIND = {Role.FIELD: BundleKind.RESULTS, Role.OFFICE: BundleKind.ASSIGNMENT}
ALLOWED_KINDS = {role: tuple(kind for kind, maker in bf.KIND_MADE_BY.items() if maker is role)
                 for role in Role}

#: Where an export keeps what it will mark as sent (see export_records.Seal).
SEAL_FOLDER = Path("cache", "export")

_COMPLETED = f"SELECT id FROM inspections WHERE status = '{InspectionStatus.COMPLETED}'"
# The newest completed inspection of every site that has an assignment: what the
# inspector re-checks at the next visit (its open items).
_PREVIOUS = (
    f"SELECT i.id FROM inspections i WHERE i.status = '{InspectionStatus.COMPLETED}'"
    " AND i.site_id IN (SELECT site_id FROM assignments) AND NOT EXISTS ("
    " SELECT 1 FROM inspections j WHERE j.site_id = i.site_id"
    f" AND j.status = '{InspectionStatus.COMPLETED}'"
    " AND (j.visit_date > i.visit_date OR (j.visit_date = i.visit_date AND j.id > i.id)))"
)


@dataclass
class ExportResult:
    path: Path
    bundle_id: str
    kind: BundleKind
    sequence: int
    scope: Scope
    counts: dict[str, int]
    size_bytes: int
    manifest_sha256: str


#: The inspections whose records a bundle of each kind carries.
_INSPECTIONS_SENT = {BundleKind.RESULTS: _COMPLETED, BundleKind.ASSIGNMENT: _PREVIOUS}


def _filters(kind: BundleKind, table: str, incremental: bool, confirmed: set[int]) -> str:
    """Which records of ``table`` a bundle carries (an SQL condition on its columns);
    the inspections are those :func:`_choose_inspections` put in ``SENT_INSPECTIONS``."""
    parts = []
    if kind in _INSPECTIONS_SENT:
        if table == "inspections":
            parts.append(f"id IN (SELECT id FROM {SENT_INSPECTIONS})")
        elif table in ("responses", "photos", "inspection_events"):
            parts.append(f"inspection_id IN (SELECT id FROM {SENT_INSPECTIONS})")
    if incremental:
        done = ",".join(str(int(s)) for s in sorted(confirmed)) or "-1"
        parts.append(f"(sync_rev IS NULL OR sync_rev != revision OR "
                     f"(sync_seq > 0 AND sync_seq NOT IN ({done})))")
    return " AND ".join(parts)


def _choose_inspections(conn: sqlite3.Connection, kind: BundleKind) -> None:
    """Decide once, in the snapshot, which inspections the bundle carries (looked up
    by every record of theirs through the table's primary key)."""
    conn.execute(f"CREATE TABLE {SENT_INSPECTIONS} (id TEXT PRIMARY KEY)")
    if kind in _INSPECTIONS_SENT:
        conn.execute(f"INSERT INTO {SENT_INSPECTIONS} (id) {_INSPECTIONS_SENT[kind]}")


#: An unfinished bundle's temp file, as :func:`_export` names it: ``.NAME.1a2b3c4d.part``.
_LEFTOVER = re.compile(r"^\..+" + re.escape(bf.BUNDLE_SUFFIX) + r"\.[0-9a-f]{8}\.part$")
#: A temp file untouched this long is not being written by anyone any more.
LEFTOVER_AGE_S = 600.0


def _clear_leftovers(folder: Path) -> None:
    """Remove temp files of exports that were killed or lost their drive (hidden files
    named like ours, untouched for ten minutes) from the folder written into."""
    limit = time.time() - LEFTOVER_AGE_S
    try:
        candidates = [p for p in folder.iterdir() if _LEFTOVER.match(p.name)]
    except OSError as exc:
        log.info("could not look for unfinished bundles in %s: %s", folder, exc)
        return
    for path in candidates:
        try:
            if path.is_file() and path.stat().st_mtime < limit:
                path.unlink()
                log.info("removed the unfinished bundle %s", path)
        except OSError as exc:
            log.info("could not remove the unfinished bundle %s: %s", path, exc)


def _reserve(context: AppContext, me: DeviceIdentity, bundle_id: str, kind: BundleKind,
             scope: Scope, actor: str) -> int:
    with context.db.transaction() as session:
        # With the export claim held, no export is under way: a row still "writing" is
        # one that was killed. Its number stays used; the history says what happened.
        for stale in session.exec(select(SyncBundle).where(
                SyncBundle.direction == Direction.OUT,
                SyncBundle.status == BundleStatus.WRITING)).all():
            stale.status = BundleStatus.INTERRUPTED
            session.add(stale)
        last = session.exec(select(SyncBundle.sequence).where(
            SyncBundle.device_id == me.device_id).order_by(col(SyncBundle.sequence).desc())
        ).first()
        sequence = (last or 0) + 1
        session.add(SyncBundle(
            id=bundle_id, direction=Direction.OUT, kind=kind, status=BundleStatus.WRITING,
            device_id=me.device_id, device_name=me.name, sequence=sequence,
            bundle_created_at=utcnow(), scope=scope, actor=actor,
        ))
    return sequence


def _info(name: str, compression: int) -> zipfile.ZipInfo:
    """A member entry: a plain file (mode 0644), fixed date, the given compression."""
    info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
    info.compress_type = compression
    info.external_attr = 0o100644 << 16
    return info


def _write_records(zf: zipfile.ZipFile, conn: sqlite3.Connection, database: Path,
                   kind: BundleKind,
                   incremental: bool, confirmed: set[int], seal: Seal, control: Control
                   ) -> tuple[list[bf.TableEntry], list[bf.Member], set[str]]:
    tables, members, photo_shas = [], [], set()
    _choose_inspections(conn, kind)
    with MemberWriter() as writer:
        for name in KIND_TABLES[kind]:
            spec = rec.SPECS[name]
            reader = TableReader(conn, spec, _filters(kind, name, incremental, confirmed), seal,
                                 database)
            path = f"records/{name}.jsonl"
            with zf.open(_info(path, zipfile.ZIP_DEFLATED), "w", force_zip64=True) as out:
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
        zf.writestr(_info(path, zipfile.ZIP_DEFLATED), data)
        tables.append(bf.TableEntry(rec.TEMPLATE_TABLE, path, rec.TEMPLATE_COLUMNS, len(rows)))
        members.append(bf.Member(path, len(data), bf.sha256_hex(data)))
    return tables, members, photo_shas


def _template_keys(conn: sqlite3.Connection) -> list[dict[str, str]]:
    return [{"key": f"{t}@{v}", "sha256": s} for t, v, s in conn.execute(
        "SELECT template_id, version, sha256 FROM template_versions").fetchall()]


def _write_photos(zf: zipfile.ZipFile, store: PhotoStore, shas: set[str],
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
        info = _info(name, zipfile.ZIP_STORED)
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


def export_bundle(context: AppContext, target: Path, *, kind: BundleKind | None = None,
                  include_all: bool = False, actor: str = "",
                  control: Control | None = None) -> ExportResult:
    """Write a signed bundle to ``target``; raises SyncError or Cancelled.

    ``target`` may be a folder (a USB drive): the bundle gets a new name there
    (:func:`free_bundle_path`), as the window and ``bundle export -o FOLDER`` want.
    """
    control = control or NullControl()
    me = ensure_identity(context.paths)
    role = me.require_role()
    kind = BundleKind(kind) if kind else DEFAULT_KIND[role]
    if kind not in ALLOWED_KINDS[role]:
        allowed = ALLOWED_KINDS[role]
        raise SyncError(
            f"{ROLE_NAMES_ZH[role]}不能导出{bf.kind_zh(kind)}数据包，只能导出"
            f"{'、'.join(bf.kind_zh(k) for k in allowed)}数据包 / {ROLE_NAMES_EN[role]} "
            f"does not export {kind} bundles (it exports {', '.join(allowed)})")
    target = Path(target)
    if target.is_dir():
        target = free_bundle_path(target, me, kind)
    if target.exists():
        raise SyncError(f"文件已存在，请换一个文件名 / {target} exists already; choose another "
                        "name (nothing is overwritten)")
    if not target.parent.is_dir():
        # Never created here: a mistyped USB-stick path must not make folders on the laptop.
        raise SyncError(f"目标文件夹不存在 / the folder does not exist: {target.parent}")
    claim = FolderClaim(context.paths.data_dir, EXPORT_LOCK_NAME)
    if not claim.try_claim():
        raise SyncError("另一个导出正在进行，请等它完成后再导出 / another export from this data "
                        "folder is under way; wait for it to finish")
    try:
        return _export(context, me, role, kind, target, include_all, actor, control)
    finally:
        claim.release()


def _export(context: AppContext, me: DeviceIdentity, role: Role, kind: BundleKind, target: Path,
            include_all: bool, actor: str, control: Control) -> ExportResult:
    """The export itself, with the data folder's export claim held."""
    incremental = kind == BundleKind.RESULTS and not include_all
    scope = Scope.INCREMENTAL if incremental else Scope.ALL
    bundle_id = str(uuid.uuid4())
    _clear_leftovers(target.parent)
    seal_folder = context.paths.data_dir / SEAL_FOLDER
    Seal.clear_leftovers(seal_folder)  # with the export claim held: a killed export's
    seal = Seal(seal_folder)
    try:
        sequence = _reserve(context, me, bundle_id, kind, scope, actor)
    except BaseException:
        seal.close()
        raise
    temp = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.part")
    try:
        with context.db.session() as session:
            confirmed = confirmed_sequences(session, me.device_id)
            receipts = ([r.to_json() for r in receipts_to_send(session)]
                        if kind != BundleKind.RESULTS else [])
        with open(temp, "xb") as raw:
            # Every piece is synced to the medium and read back from it while the rest
            # is written: what is on the stick is what we meant (read_back.py).
            medium = ReadBackWriter(raw, temp)
            try:
                with zipfile.ZipFile(cast(IO[bytes], medium), "w", allowZip64=True) as zf:
                    with snapshot(context.db.path, seal, me.device_id) as conn:
                        tables, members, photo_shas = _write_records(
                            zf, conn, context.db.path, kind, incremental, confirmed, seal,
                            control)
                        templates = _template_keys(conn)
                    members += _write_photos(zf, PhotoStore.for_paths(context.paths),
                                             photo_shas, control, context.db.path)
                    counts = {t.name: t.count for t in tables}
                    counts["photo_files"] = len(photo_shas)
                    manifest = bf.Manifest(
                        bundle_id=bundle_id, kind=kind,
                        source=bf.Source(me.device_id, role, me.name, me.public_key),
                        sequence=sequence,
                        created_at=datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
                        program_version=__version__, scope=scope,
                        templates=tuple(templates), tables=tuple(tables),
                        members=tuple(sorted(members, key=lambda m: m.path)),
                        receipts=tuple(receipts), counts=counts,
                    )
                    data = manifest.to_bytes()
                    zf.writestr(_info(bf.MANIFEST_NAME, zipfile.ZIP_DEFLATED), data)
                    zf.writestr(_info(bf.SIGNATURE_NAME, zipfile.ZIP_STORED), me.sign(data))
                medium.finish()
            except ReadBackMismatch as exc:
                raise SyncError(
                    "写入的内容读回后不一致，U盘可能已损坏或被拔出 / the drive does not hold what "
                    "was written: it may be failing or was removed") from exc
            finally:
                medium.abandon()
            os.fsync(raw.fileno())  # the file's size and times too
        check(control)
        # The archive as an importer reads it: structure, manifest, signature and the
        # records' hashes (the photos were hashed while written and compared above).
        verified = verify_file(temp, control, photos=False)
        if verified.manifest_bytes != data:
            raise SyncError("导出的文件读回后不一致 / the written bundle reads back differently")
        temp.replace(target)
        fsync_dir(target.parent)
    except BaseException:
        seal.close()
        temp.unlink(missing_ok=True)
        with context.db.transaction() as session:
            row = session.get(SyncBundle, bundle_id)
            if row is not None:
                session.delete(row)
        raise
    with seal:
        _finish(context, bundle_id, target, manifest, data, seal)
    return ExportResult(target, bundle_id, kind, sequence, scope, counts,
                        target.stat().st_size, bf.sha256_hex(data))


def _finish(context: AppContext, bundle_id: str, target: Path, manifest: bf.Manifest,
            data: bytes, seal: Seal) -> None:
    """The bundle is in place: mark the versions it carried as sent, and log it, in one
    transaction."""
    with (context.db.engine.connect() as conn, seal.attached(conn),
          Session(bind=conn, expire_on_commit=False) as session):
        seal.mark_sent(session.connection(), manifest.sequence)
        row = session.get(SyncBundle, bundle_id)
        assert row is not None
        row.status = BundleStatus.WRITTEN
        row.file_name = target.name
        row.manifest_sha256 = bf.sha256_hex(data)
        row.counts = json.dumps(manifest.counts, sort_keys=True)
        row.at = utcnow()
        session.add(row)
        session.commit()


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


def free_bundle_path(folder: Path, me: DeviceIdentity, kind: BundleKind) -> Path:
    """A new file name in ``folder``, e.g. ``results-桃源笔记本-20261128-1830.inspector-bundle``."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M")
    safe = "".join(ch for ch in me.name if ch.isalnum() or ch in "-_")[:24] or "device"
    for n in range(1, 1000):
        suffix = "" if n == 1 else f"-{n}"
        candidate = folder / f"{kind}-{safe}-{stamp}{suffix}{bf.BUNDLE_SUFFIX}"
        if not candidate.exists():
            return candidate
    raise SyncError(f"too many bundles in {folder}")
