"""Importing a bundle: verify everything, preview, then merge in one transaction.

``prepare_import`` checks the bundle completely (structure, limits, names,
signature, the tables and photos its kind may carry, whether this installation's
role imports that kind, trust, replay, every member's size and SHA-256,
templates, every record) and computes the preview without writing anything to
the database or the photo store; photos the store lacks are copied to temp
files on the way. A bundle imported before is checked and previewed the same
way and importing it changes nothing: its preview says so (every record
identical or deleted here, no new photos), whatever changed here since.
``commit_import`` backs the database up, moves those photos into the store and
merges in one transaction. ``discard`` drops the temp files.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from inspector.domain.values import BundleStatus, Direction, Role, TrustStatus
from inspector.services.context import AppContext
from inspector.services.control import Control, NullControl
from inspector.services.photo_store import PhotoStore, Received
from inspector.services.photos import remove_if_unreferenced
from inspector.services.store_lock import WriterHold
from inspector.services.sync import bundle_format as bf
from inspector.services.sync import merge
from inspector.services.sync.errors import BundleRefused
from inspector.services.sync.identity import DeviceIdentity, ensure_identity
from inspector.services.sync.merge_preview import Preview
from inspector.services.sync.receipts import Receipt, apply_receipts
from inspector.services.sync.trust import check_source, record_trust
from inspector.services.sync.verify import OpenedBundle, check_receiver, open_bundle
from inspector.services.sync.verify_contents import check_members, staging_into
from inspector.storage.database import backup_database
from inspector.storage.models import SyncBundle, utcnow

log = logging.getLogger(__name__)


@dataclass
class PreparedImport:
    """A bundle checked whole and previewed; nothing written yet."""

    context: AppContext
    me: DeviceIdentity
    opened: OpenedBundle
    trust: TrustStatus
    preview: Preview
    already_imported_at: datetime | None = None
    receipts_for_me: int = 0
    #: Photos this import put into the store (for the tidy-up if it fails).
    added_files: list[str] = field(default_factory=list)
    #: The photo store held as a writer from staging until commit or discard, so that
    #: no clean-up in any process removes the staged or stored files meanwhile.
    hold: WriterHold | None = None

    @property
    def manifest(self) -> bf.Manifest:
        return self.opened.manifest

    def discard(self) -> None:
        try:
            self.opened.discard_staged()
        finally:
            self.release()

    def release(self) -> None:
        if self.hold is not None:
            self.hold.release()


@dataclass
class ImportResult:
    bundle_id: str
    preview: Preview  # what was changed
    backup: Path | None
    trusted_new_device: bool
    pinned_office: bool
    confirmed_bundles: list[str] = field(default_factory=list)
    already_imported: bool = False


def _previous(session: Session, manifest: bf.Manifest, manifest_sha: str) -> SyncBundle | None:
    """The earlier import of this very bundle; a different bundle reusing its number is refused."""
    same_number = session.exec(select(SyncBundle).where(
        SyncBundle.device_id == manifest.source.device_id,
        SyncBundle.sequence == manifest.sequence)).first()
    same_id = session.get(SyncBundle, manifest.bundle_id)
    for row in (same_number, same_id):
        if row is None:
            continue
        if row.id == manifest.bundle_id and row.manifest_sha256 == manifest_sha \
                and row.direction == Direction.IN:
            return row
        raise BundleRefused(
            f"重放：设备的第 {manifest.sequence} 号数据包已经导入过另一个 / replayed bundle: "
            f"sequence number {manifest.sequence} of this device was already used by another "
            "bundle"
        )
    return None


def prepare_import(context: AppContext, path: Path, *, trust_new_device: bool = False,
                   stage_photos: bool = True, control: Control | None = None) -> PreparedImport:
    """Check the bundle whole and preview it; raises :class:`BundleRefused`."""
    control = control or NullControl()
    me = ensure_identity(context.paths)
    role = me.require_role()
    opened = open_bundle(Path(path))  # also: the tables and photos its kind may carry
    manifest = opened.manifest
    check_receiver(manifest, role)
    with context.db.session() as session:
        trust = check_source(session, me, manifest, trust_new_device)
        previous = _previous(session, manifest, opened.manifest_sha256)
    store = PhotoStore.for_paths(context.paths)
    # A bundle imported before is still checked and previewed whole, so the preview
    # says honestly what it holds (all of it identical by now); nothing is staged.
    staging = stage_photos and previous is None
    hold = None
    if staging:
        _clear_leftovers(store)
        hold = store.hold()
    try:
        stage = staging_into(store.new_staging_file, lambda m: store.find(m.sha256) is None) \
            if staging else None
        # Photos the store has were decoded when they came: only hashed again here.
        check_members(opened, control, stage, known=lambda m: store.find(m.sha256) is not None)
        with context.db.engine.connect() as conn:
            preview = merge.run(conn, opened, store, me.device_id, control, write=False)
            conn.rollback()
    except BaseException:
        try:
            opened.discard_staged()
        finally:
            if hold is not None:
                hold.release()
        raise
    if previous is not None:  # importing it again changes nothing: the preview says so
        preview = preview.already_imported()
    mine = [r for r in map(Receipt.from_json, manifest.receipts)
            if r is not None and r.device_id == me.device_id]
    return PreparedImport(context, me, opened, trust, preview,
                          already_imported_at=previous.at if previous else None,
                          receipts_for_me=len(mine), hold=hold)


def _clear_leftovers(store: PhotoStore) -> None:
    """Temp files of imports that were killed, when no import is at work anywhere."""
    with store.collecting() as alone:
        if alone:
            cleared = store.clean_incoming(0.0)
            if cleared:
                log.info("cleared %d temp files of interrupted imports", cleared)


def commit_import(prepared: PreparedImport, actor: str = "",
                  control: Control | None = None) -> ImportResult:
    """Back up, move the staged photos into the store and merge in one transaction."""
    control = control or NullControl()
    context, manifest = prepared.context, prepared.manifest
    if prepared.already_imported_at is not None:
        prepared.release()
        return ImportResult(manifest.bundle_id, Preview(), None, False, False,
                            already_imported=True)
    try:
        return _commit(prepared, actor, control)
    except BaseException:
        added = prepared.added_files
        prepared.release()
        # Only now, with no hold of ours, and only what nobody refers to: another
        # import may have stored (and committed rows naming) the same photos meanwhile.
        try:
            with context.db.session() as session:
                remove_if_unreferenced(session, PhotoStore.for_paths(context.paths), added)
        except Exception:
            log.warning("could not tidy up after a failed import; the start-up clean-up will",
                        exc_info=True)
        raise
    finally:
        prepared.release()


def _commit(prepared: PreparedImport, actor: str, control: Control) -> ImportResult:
    context, manifest, opened = prepared.context, prepared.manifest, prepared.opened
    backup = None
    if prepared.preview.changes_anything or prepared.trust is not TrustStatus.TRUSTED:
        backup = backup_database(context.db.path, context.paths.backups,
                                 f"before-import-{manifest.bundle_id[:8]}")
    store = PhotoStore.for_paths(context.paths)
    added = prepared.added_files
    kept_out = frozenset(prepared.preview.photo_files_kept_out)
    for sha in kept_out & opened.staged.keys():  # only records deleted here refer to them
        opened.staged.pop(sha).unlink(missing_ok=True)
    try:
        members = {m.sha256: m for m in manifest.photo_members()}
        staged = [(Received(sha, members[sha].size, temp, None),
                   members[sha].path.rsplit(".", 1)[1]) for sha, temp in opened.staged.items()]
        added.extend(received.sha256 for received, _ in staged
                     if store.find(received.sha256) is None)
        # Every file fsynced (several at once), renamed, then each folder fsynced once,
        # all before the transaction that names them commits.
        with store.durable_batch() as batch:
            batch.keep_many(staged)
        opened.staged.clear()
        with context.db.transaction() as session:
            conn = session.connection()
            conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
            trust = check_source(session, prepared.me, manifest, prepared.trust is not
                                 TrustStatus.TRUSTED)
            if _previous(session, manifest, opened.manifest_sha256) is not None:
                raise BundleRefused("这个数据包刚刚已经导入 / this bundle was just imported")
            record_trust(session, manifest.source, trust, actor)
            done = merge.run(conn, opened, store, prepared.me.device_id, control, write=True,
                             files_kept_out=kept_out)
            # The photos were moved into the store before the merge, which therefore
            # finds them all there: the preview's counts are what this import brought.
            done.photos_new = prepared.preview.photos_new
            done.photos_known = prepared.preview.photos_known
            confirmed = []
            if prepared.me.role is Role.FIELD:
                confirmed = apply_receipts(session, prepared.me.device_id, list(manifest.receipts))
            session.add(SyncBundle(
                id=manifest.bundle_id, direction=Direction.IN, kind=manifest.kind,
                status=BundleStatus.IMPORTED,
                device_id=manifest.source.device_id, device_name=manifest.source.name,
                sequence=manifest.sequence,
                bundle_created_at=_parse_time(manifest.created_at),
                manifest_sha256=opened.manifest_sha256, file_name=opened.path.name,
                scope=manifest.scope, counts=json.dumps(manifest.counts, sort_keys=True),
                changes=json.dumps({**done.to_json(), "confirmed": confirmed,
                                    "records": [[c.table, c.record_id, c.outcome]
                                                for c in done.changes]},
                                   ensure_ascii=False, sort_keys=True),
                actor=actor, at=utcnow(),
            ))
            session.flush()
    except IntegrityError as exc:
        _drop_backup(backup)
        raise BundleRefused(
            "数据包引用了本机没有的记录（例如站点），未导入 / the bundle refers to records this "
            f"installation does not have (for example a site); nothing was imported ({exc.orig})"
        ) from None
    except BaseException:
        _drop_backup(backup)
        opened.discard_staged()
        raise
    log.info("imported bundle %s from %s: %s", manifest.bundle_id, manifest.source.name,
             done.totals())
    return ImportResult(manifest.bundle_id, done, backup,
                        trusted_new_device=trust is TrustStatus.NEW_DEVICE,
                        pinned_office=trust is TrustStatus.PIN_OFFICE,
                        confirmed_bundles=confirmed)


def _drop_backup(backup: Path | None) -> None:
    """The import changed nothing, so its backup is a copy of the database as it still is."""
    if backup is not None:
        backup.unlink(missing_ok=True)


def _parse_time(text: str) -> datetime:
    """The manifest's ``created_at``, checked when the bundle was opened."""
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def import_bundle(context: AppContext, path: Path, *, dry_run: bool = False,
                  trust_new_device: bool = False, actor: str = "",
                  control: Control | None = None) -> tuple[PreparedImport, ImportResult | None]:
    """Prepare and (unless ``dry_run``) commit; the CLI's one call."""
    prepared = prepare_import(context, path, trust_new_device=trust_new_device,
                              stage_photos=not dry_run, control=control)
    if dry_run:
        prepared.discard()
        return prepared, None
    try:
        return prepared, commit_import(prepared, actor, control)
    finally:
        prepared.discard()
