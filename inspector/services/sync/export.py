"""Writing a bundle so that a pulled USB stick never leaves half a bundle under the final name.

The bundle is written to a temporary file next to the target, flushed and
fsynced, verified by reading it back, and only then renamed into place. The
database learns about the export (sequence number, sealed record versions)
only after the rename; a cancelled or failed export leaves nothing behind.
"""

from __future__ import annotations

import json
import logging
import os
import re
import time
import uuid
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, cast

from sqlalchemy import Table, delete, func, insert, select, update

from inspector import __version__
from inspector.domain.values import (
    BundleKind,
    BundleStatus,
    Direction,
    Role,
    Scope,
)
from inspector.durable import fsync_dir
from inspector.services.context import AppContext
from inspector.services.control import Control, NullControl, check
from inspector.services.photo_store import PhotoStore
from inspector.services.store_lock import EXPORT_LOCK_NAME, FolderClaim
from inspector.services.sync import bundle_format as bf
from inspector.services.sync.errors import SyncError
from inspector.services.sync.export_contents import (
    Recipient,
    member_info,
    template_keys,
    write_photos,
    write_records,
)
from inspector.services.sync.export_records import Seal, snapshot
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

DEFAULT_KIND = {Role.FIELD: BundleKind.RESULTS, Role.OFFICE: BundleKind.ASSIGNMENT}
ALLOWED_KINDS = {role: tuple(kind for kind, maker in bf.KIND_MADE_BY.items() if maker is role)
                 for role in Role}

#: Where an export keeps what it will mark as sent (see export_records.Seal).
SEAL_FOLDER = Path("cache", "export")


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


#: The history's table, written here with plain statements (the ORM's first use in a
#: program costs more than the whole bookkeeping of a small export).
_HISTORY: Table = SyncBundle.__table__  # type: ignore[attr-defined]


def _reserve(context: AppContext, me: DeviceIdentity, bundle_id: str, kind: BundleKind,
             scope: Scope, actor: str) -> int:
    now = utcnow()
    with context.db.engine.begin() as conn:
        # With the export claim held, no export is under way: a row still "writing" is
        # one that was killed. Its number stays used; the history says what happened.
        conn.execute(update(_HISTORY).where(
            _HISTORY.c.direction == Direction.OUT, _HISTORY.c.status == BundleStatus.WRITING
        ).values(status=BundleStatus.INTERRUPTED, revision=_HISTORY.c.revision + 1,
                 updated_at=now))
        last = conn.execute(select(func.max(_HISTORY.c.sequence)).where(
            _HISTORY.c.device_id == me.device_id)).scalar()
        sequence = (last or 0) + 1
        conn.execute(insert(_HISTORY).values(
            SyncBundle(id=bundle_id, direction=Direction.OUT, kind=kind,
                       status=BundleStatus.WRITING, device_id=me.device_id, device_name=me.name,
                       sequence=sequence, bundle_created_at=now, scope=scope, actor=actor,
                       created_at=now, updated_at=now, at=now).model_dump()))
    return sequence


def export_bundle(context: AppContext, target: Path, *, kind: BundleKind | None = None,
                  include_all: bool = False, actor: str = "",
                  control: Control | None = None, for_device: str | None = None
                  ) -> ExportResult:
    """Write a signed bundle to ``target``; raises SyncError or Cancelled.

    ``for_device``: an assignment bundle addressed to one field laptop the office knows,
    carrying only what concerns it (:class:`~.export_contents.Recipient`).

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
        recipient = _recipient(context, kind, for_device)
        return _export(context, me, role, kind, target, include_all, actor, control, recipient)
    finally:
        claim.release()


def _recipient(context: AppContext, kind: BundleKind, device_id: str | None
               ) -> Recipient | None:
    if device_id is None:
        return None
    if kind != BundleKind.ASSIGNMENT:
        raise SyncError("只有任务数据包可以发给指定的笔记本 / only an assignment bundle is "
                        "addressed to one laptop")
    from inspector.services.sync.recipients import recipient_of

    with context.db.session() as session:
        return recipient_of(session, device_id)


def _export(context: AppContext, me: DeviceIdentity, role: Role, kind: BundleKind, target: Path,
            include_all: bool, actor: str, control: Control, recipient: Recipient | None
            ) -> ExportResult:
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
            receipts = ([r.to_json() for r in receipts_to_send(
                session, recipient.device_id if recipient else None)]
                        if kind != BundleKind.RESULTS else [])
        with open(temp, "xb") as raw:
            # Every piece is synced to the medium and read back from it while the rest
            # is written: what is on the stick is what we meant (read_back.py).
            medium = ReadBackWriter(raw, temp)
            try:
                with zipfile.ZipFile(cast(IO[bytes], medium), "w", allowZip64=True) as zf:
                    with snapshot(context.db.path, seal, me.device_id) as conn:
                        tables, members, photo_shas, version = write_records(
                            zf, conn, context.db.path, kind, incremental, confirmed, seal,
                            control, recipient)
                        templates = template_keys(conn)
                    members += write_photos(zf, PhotoStore.for_paths(context.paths),
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
                        receipts=tuple(receipts), counts=counts, format_version=version,
                    )
                    data = manifest.to_bytes()
                    zf.writestr(member_info(bf.MANIFEST_NAME, zipfile.ZIP_DEFLATED), data)
                    zf.writestr(member_info(bf.SIGNATURE_NAME, zipfile.ZIP_STORED), me.sign(data))
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
        with context.db.engine.begin() as conn:
            conn.execute(delete(_HISTORY).where(_HISTORY.c.id == bundle_id))
        raise
    with seal:
        _finish(context, bundle_id, target, manifest, data, seal)
    return ExportResult(target, bundle_id, kind, sequence, scope, counts,
                        target.stat().st_size, bf.sha256_hex(data))


def _finish(context: AppContext, bundle_id: str, target: Path, manifest: bf.Manifest,
            data: bytes, seal: Seal) -> None:
    """The bundle is in place: mark the versions it carried as sent, and log it, in one
    transaction."""
    with context.db.engine.connect() as conn, seal.attached(conn):
        seal.mark_sent(conn, manifest.sequence)
        now = utcnow()
        conn.execute(update(_HISTORY).where(_HISTORY.c.id == bundle_id).values(
            status=BundleStatus.WRITTEN, file_name=target.name,
            manifest_sha256=bf.sha256_hex(data),
            counts=json.dumps(manifest.counts, sort_keys=True), at=now,
            revision=_HISTORY.c.revision + 1, updated_at=now))
        conn.commit()


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
