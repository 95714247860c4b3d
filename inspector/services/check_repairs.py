"""Repairs of what a check (:mod:`inspector.services.check`) found, each safe on its own.

* :func:`refetch_photos` takes the missing or damaged photos' bytes from a
  later sync bundle (checked whole with the bundle's own verification first:
  structure, signature, every member's SHA-256) or from a folder (a phone's
  or camera's copy), and only bytes whose SHA-256 is the one recorded. A
  damaged file is moved to ``photos/.damaged/`` before the good one takes its
  place.
* :func:`remove_unavailable_photos` removes photos whose file is missing or
  damaged from inspections still in progress (as the user would delete them;
  completed inspections are read-only and are never touched).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from inspector.app_paths import AppPaths
from inspector.services.check import CheckReport, file_state, hash_file
from inspector.services.control import Control, NullControl, check
from inspector.services.photo_copy import MAX_FILE_BYTES
from inspector.services.photo_store import PhotoStore, Received

if TYPE_CHECKING:
    from inspector.services.context import AppContext

log = logging.getLogger(__name__)

DAMAGED_FOLDER = ".damaged"


@dataclass
class RefetchResult:
    """What :func:`refetch_photos` put back."""

    fetched: list[str] = field(default_factory=list)  # SHA-256 of files now good
    not_found: list[str] = field(default_factory=list)  # wanted but not in the source
    set_aside: list[Path] = field(default_factory=list)  # damaged files moved away

    def message(self) -> str:
        aside = (f"；损坏的 {len(self.set_aside)} 个文件已移到 photos/{DAMAGED_FOLDER}"
                 if self.set_aside else "")
        aside_en = (f"; {len(self.set_aside)} damaged files were moved to "
                    f"photos/{DAMAGED_FOLDER}" if self.set_aside else "")
        return (f"已取回 {len(self.fetched)} 个照片文件，{len(self.not_found)} 个在其中没有找到"
                f"{aside} / fetched back {len(self.fetched)} photo files; "
                f"{len(self.not_found)} were not found there{aside_en}")


def _still_wanted(store: PhotoStore, wanted: Iterable[str]) -> set[str]:
    return {sha for sha in wanted if file_state(store, sha)[0] != "ok"}


def _set_aside_damaged(store: PhotoStore, sha256: str) -> Path | None:
    """Move a stored file whose bytes are not ``sha256`` out of the way; returns where."""
    path = store.find(sha256)
    if path is None or file_state(store, sha256)[0] == "ok":
        return None
    folder = store.root / DAMAGED_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    target = folder / f"damaged-{stamp}-{path.name}"
    path.replace(target)
    log.info("damaged photo file %s set aside as %s", path, target)
    return target


def _keep(store: PhotoStore, staged: list[tuple[Received, str]], result: RefetchResult) -> None:
    """Damaged files out of the way, then the good bytes in under their names (durable)."""
    try:
        for received, _extension in staged:
            moved = _set_aside_damaged(store, received.sha256)
            if moved is not None:
                result.set_aside.append(moved)
    except BaseException:
        for received, _extension in staged:
            store.discard(received)
        raise
    with store.durable_batch() as batch:
        batch.keep_many(staged)
    result.fetched.extend(received.sha256 for received, _extension in staged)


def refetch_photos(paths: AppPaths, wanted: Iterable[str], source: Path,
                   control: Control | None = None) -> RefetchResult:
    """Put back the photo files ``wanted`` (SHA-256) from a sync bundle or a folder.

    A bundle is verified whole first with the bundle verification (structure,
    signature, each member's size and SHA-256); a folder's files are hashed.
    Only bytes whose SHA-256 is the wanted one are kept, so nothing else can
    ever take a photo's place. Raises :class:`inspector.services.sync.SyncError`
    for a bundle that fails its verification (nothing is changed then).
    """
    control = control or NullControl()
    store = PhotoStore.for_paths(paths)
    needed = _still_wanted(store, wanted)
    result = RefetchResult()
    if not needed:
        return result
    with store.writing():  # no clean-up in any process removes a file meanwhile
        if source.is_dir():
            staged = _from_folder(store, needed, source, control)
        else:
            staged = _from_bundle(store, needed, source, control)
        _keep(store, staged, result)
    result.not_found = sorted(needed - set(result.fetched))
    return result


def _from_bundle(store: PhotoStore, needed: set[str], bundle: Path,
                 control: Control) -> list[tuple[Received, str]]:
    from inspector.services.sync.verify import open_bundle
    from inspector.services.sync.verify_contents import check_members, staging_into

    opened = open_bundle(bundle)
    members = {m.sha256: m for m in opened.manifest.photo_members() if m.sha256 in needed}
    stage = staging_into(store.new_staging_file, lambda m: m.sha256 in members)
    check_members(opened, control, stage)  # removes what it staged if anything fails
    return [(Received(sha, members[sha].size, temp, None), members[sha].path.rsplit(".", 1)[1])
            for sha, temp in opened.staged.items()]


def _from_folder(store: PhotoStore, needed: set[str], folder: Path,
                 control: Control) -> list[tuple[Received, str]]:
    from inspector.services.photo_image import EXTENSIONS, PhotoRejected, probe

    staged: list[tuple[Received, str]] = []
    files = sorted(p for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    try:
        for number, path in enumerate(files):
            check(control)
            control.progress(number, len(files), path.name)
            try:  # hashed where it is first: only a match is copied into the store
                if path.stat().st_size > MAX_FILE_BYTES or \
                        hash_file(path, NullControl(), 0, 0)[0] not in needed:
                    continue
                received = store.receive(path)
            except (OSError, PhotoRejected) as exc:
                log.info("not taken from the folder: %s (%s)", path, exc)
                continue
            if received.temp is None or received.sha256 not in needed:
                store.discard(received)
                continue
            try:
                extension = probe(received.temp).extension
            except PhotoRejected:  # the recorded bytes, though: named as the source was
                extension = path.suffix.lower().lstrip(".").replace("jpeg", "jpg")
            if extension not in EXTENSIONS:
                store.discard(received)
                continue
            needed = needed - {received.sha256}
            staged.append((received, extension))
            if not needed:
                break
    except BaseException:
        for received, _extension in staged:
            store.discard(received)
        raise
    return staged


def remove_unavailable_photos(context: AppContext, report: CheckReport, actor: str = "") -> int:
    """Remove photos without a good file from inspections still in progress; how many.

    Each is checked again first (a file fetched back since stays with its photo)
    and removed as the user would remove it (remembered, so a bundle does not
    bring it back). Photos of completed inspections are never touched.
    """
    from inspector.services.inspections import InspectionError
    from inspector.services.photos import delete_photo

    store = PhotoStore.for_paths(context.paths)
    candidates = report.removable
    gone = _still_wanted(store, {f.sha256 for f in candidates})
    removed = 0
    with context.db.transaction() as session:
        for finding in candidates:
            if finding.sha256 not in gone:
                continue
            try:
                delete_photo(session, finding.photo_id, actor)
            except InspectionError as exc:  # completed or deleted meanwhile: left alone
                log.info("photo %s not removed: %s", finding.photo_id, exc)
                continue
            removed += 1
    return removed
