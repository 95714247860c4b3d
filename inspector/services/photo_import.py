"""Adding photos to an inspection: chosen files, dropped files, or a whole folder.

Meant to run in a background worker (never on the GUI thread). Per file:

1. copy into the store's incoming folder (by the system where it can), hash
   the copy (SHA-256) and fsync it; bytes already in the store are not kept
   twice;
2. decode once (JPEG in draft mode) to validate it and make the 256 px
   thumbnail; a bad file is refused with a reason and the batch goes on;
3. in the calling thread, in file order: rename the copy into
   ``photos/ab/<sha256>.<ext>``, insert the :class:`~inspector.storage.models.Photo`
   row and **commit** (one :meth:`PhotoStore.durable_batch` for the whole
   call: the folders renamed into are fsynced once a second and at the end).

Step 1 runs on a thread of its own, ahead of step 2 on ``workers`` threads
(:mod:`~inspector.services.photo_preparation`; the copy, hashlib and Pillow
release the GIL: the disk works while the processor decodes, and two decoding
threads use two cores); step 3 runs in the
calling thread, which alone touches the session, overlapping the decoding of
the next files. What a batch costs beyond decoding its files is the first
file's copy and the last one's row.

Committing after every photo keeps SQLite's write lock short (the GUI thread
autosaves meanwhile) and keeps every photo that was fully stored. Cancelling
(or an error) stops between files: photos already committed stay, with their
rows; the file being worked on is dropped — no row, no file under a final
name, its temp copy deleted. A crash between rename and commit can leave an
unreferenced file, which :func:`inspector.services.photos.collect_garbage`
removes later. The whole call holds the store as a writer
(:meth:`PhotoStore.writing`), so no clean-up in any process removes a file it
has put in or relies on before its row is committed.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from sqlmodel import Session, select

from inspector.domain.values import InspectionStatus
from inspector.services.control import Control, NullControl
from inspector.services.photo_durable import DurableBatch
from inspector.services.photo_image import PhotoRejected
from inspector.services.photo_preparation import Prepared, prepared_in_order
from inspector.services.photo_store import PhotoStore
from inspector.services.photos import (
    PhotoError,
    PhotoRecord,
    check_criterion,
    editable_inspection,
    natural_path_key,
    next_position,
    record_of,
    remove_if_unreferenced,
)
from inspector.storage.models import Inspection, Photo

log = logging.getLogger(__name__)

#: File name endings looked for when importing a folder (compared case-insensitively).
IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".jpe", ".png", ".webp", ".heic", ".heif"})
DEFAULT_WORKERS = max(1, min(2, os.cpu_count() or 1))


@dataclass(frozen=True)
class ImportProgress:
    done: int  # files handled so far (added, duplicate or refused)
    total: int
    path: Path  # the file just handled


@dataclass
class ImportReport:
    total: int
    added: list[PhotoRecord] = field(default_factory=list)
    duplicates: list[Path] = field(default_factory=list)  # already there: nothing changed
    rejected: list[tuple[Path, str]] = field(default_factory=list)  # (file, reason for the user)
    assigned: list[PhotoRecord] = field(default_factory=list)  # general photos moved here
    cancelled: bool = False

    @property
    def handled(self) -> int:
        return len(self.added) + len(self.duplicates) + len(self.rejected) + len(self.assigned)

    def message(self) -> str:
        """One bilingual line summing the import up."""
        if self.total == 0:
            return "没有找到照片 / no photos found"
        added = len(self.added) + len(self.assigned)
        zh = f"已添加 {added} 张照片"
        en = f"{added} photo{'s' if added != 1 else ''} added"
        if self.duplicates:
            zh += f"，{len(self.duplicates)} 张已存在"
            en += f", {len(self.duplicates)} already there"
        if self.rejected:
            zh += f"，{len(self.rejected)} 个文件无法使用"
            en += f", {len(self.rejected)} refused"
        if self.cancelled:
            zh += f"；已取消，{self.total - self.handled} 个文件未处理"
            en += f"; cancelled, {self.total - self.handled} not handled"
        return f"{zh} / {en}"


#: The inspection's status, the last position among the photos of the criterion
#: (``IS``: also for None, the general photos; as ``photos.next_position``) and how
#: many photos of the inspection have the same bytes.
_CHECK_SQL = (
    "SELECT i.status,"
    " (SELECT max(p.position) FROM photos AS p WHERE p.inspection_id = i.id"
    " AND p.criterion_id IS ?),"
    " (SELECT count(*) FROM photos AS p WHERE p.inspection_id = i.id AND p.sha256 = ?)"
    " FROM inspections AS i WHERE i.id = ?")


def add_photos(
    session: Session,
    store: PhotoStore,
    inspection_id: str,
    criterion_id: str | None,
    paths: Sequence[Path],
    control: Control | None = None,
    progress_callback: Callable[[ImportProgress], None] | None = None,
    *,
    workers: int = DEFAULT_WORKERS,
) -> ImportReport:
    """Add image files to a criterion (``criterion_id=None``: general photos of the visit).

    **Commits** ``session`` after every photo (give it a session of its own,
    in the worker thread, with no pending changes). ``progress_callback`` is
    called in the calling thread after each file. Once ``control`` is cancelled
    (checked between files) the import stops, keeping the photos added so far, and
    the report says it was cancelled. A photo already attached to
    the same criterion is a duplicate (nothing changes); a general photo of the
    visit added to a criterion is moved there (``report.assigned``).

    Raises :class:`~inspector.services.inspections.InspectionError` for a
    completed inspection or an unknown criterion (before touching any file),
    :class:`~inspector.services.photo_store.PhotoStoreError` when the store
    cannot be written (photos committed before stay).
    """
    inspection = editable_inspection(session, inspection_id)
    check_criterion(session, inspection, criterion_id)
    session.commit()  # end the read transaction; nothing is held during the slow work
    control = control or NullControl()
    report = ImportReport(total=len(paths))
    # Folder fsyncs at most once a second: one per photo would cost as much as the
    # photo's own fsync; a power cut can undo at most the last second of renames.
    folders = store.durable_batch(max_delay=1.0)
    # Held from the first file copied until the last row is committed: no clean-up, in
    # this process or another, removes a file this call has put in or relies on.
    uncommitted: list[str] = []  # files kept whose row could not be committed
    try:
        with store.writing():
            _add_all(session, store, inspection, criterion_id, paths, control, progress_callback,
                     report, folders, workers, uncommitted)
    except BaseException:
        # A full disk can refuse the row after the file was kept: remove that file
        # again, unless another import has committed a row naming the same bytes.
        if uncommitted:
            try:
                remove_if_unreferenced(session, store, uncommitted)
            except Exception:
                log.warning("could not remove a photo file left without its row; the start-up "
                            "clean-up will", exc_info=True)
        raise
    report.cancelled = control.cancelled and report.handled < report.total
    return report


def _add_all(session: Session, store: PhotoStore, inspection: Inspection,
             criterion_id: str | None, paths: Sequence[Path], control: Control,
             progress_callback: Callable[[ImportProgress], None] | None,
             report: ImportReport, folders: DurableBatch, workers: int,
             uncommitted: list[str]) -> None:
    results = prepared_in_order(store, paths, control, workers)
    with closing(results), folders:
        for source, outcome in results:
            if control.cancelled:
                if isinstance(outcome, Prepared):
                    store.discard(outcome.received)
                break
            if isinstance(outcome, PhotoRejected):
                report.rejected.append((source, outcome.reason))
            else:
                try:
                    _keep(session, store, inspection, criterion_id, source, outcome, report,
                          folders, uncommitted)
                except BaseException:
                    store.discard(outcome.received)
                    session.rollback()
                    raise
            if progress_callback is not None:
                progress_callback(ImportProgress(report.handled, report.total, source))


def _keep(session: Session, store: PhotoStore, inspection: Inspection,
          criterion_id: str | None, source: Path, prepared: Prepared,
          report: ImportReport, folders: DurableBatch, uncommitted: list[str]) -> None:
    """Store one prepared file and commit its row (calling thread only)."""
    sha256 = prepared.received.sha256
    # One look-up for what every photo needs checked (plain SQL: this runs per photo).
    status, last_position, same_count = session.connection().exec_driver_sql(
        _CHECK_SQL, (criterion_id, sha256, inspection.id)).one()
    if status != InspectionStatus.DRAFT:  # completed in another window meanwhile
        editable_inspection(session, inspection.id)
    same_bytes = session.exec(
        select(Photo).where(Photo.inspection_id == inspection.id, Photo.sha256 == sha256)
    ).all() if same_count else []
    if any(row.criterion_id == criterion_id for row in same_bytes):
        store.discard(prepared.received)
        report.duplicates.append(source)
        session.commit()
        return
    general = next((row for row in same_bytes if row.criterion_id is None), None)
    if criterion_id is not None and general is not None:
        store.discard(prepared.received)
        general.position = next_position(session, inspection.id, criterion_id)
        general.criterion_id = criterion_id
        session.add(general)
        session.commit()
        report.assigned.append(record_of(general, inspection.visit_date))
        return
    facts = prepared.facts
    uncommitted.append(sha256)
    folders.keep(prepared.received, facts.extension)
    row = Photo(
        inspection_id=inspection.id,
        criterion_id=criterion_id,
        sha256=sha256,
        original_name=source.name,
        media_type=facts.media_type,
        size_bytes=prepared.received.size_bytes,
        width=facts.width,
        height=facts.height,
        taken_at=facts.taken_at,
        gps_lat=facts.gps_lat,
        gps_lon=facts.gps_lon,
        position=0 if last_position is None else int(last_position) + 1,
    )
    session.add(row)
    session.commit()
    uncommitted.remove(sha256)
    report.added.append(record_of(row, inspection.visit_date))
    if prepared.thumbnail is not None:
        try:
            store.save_thumbnail(sha256, prepared.thumbnail)
        except OSError as exc:  # only a cache: PhotoStore.thumbnail() makes it again later
            log.warning("could not cache the thumbnail of %s: %s", source, exc)


def find_images(folder: Path, control: Control | None = None) -> list[Path]:
    """Image files under ``folder`` (recursively, by name ending), in natural path order
    (m1, m2, m10: :func:`~inspector.services.photos.natural_key`).

    Hidden files and folders are skipped (``.thumbnails`` on phones, macOS
    ``._IMG_0001.JPG`` shadow files on SD cards); symbolic links to folders are
    not followed.
    """
    found: list[Path] = []
    for top, folders, files in os.walk(folder):
        if control is not None and control.cancelled:
            break
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in files:
            if not name.startswith(".") and Path(name).suffix.lower() in IMAGE_SUFFIXES:
                found.append(Path(top) / name)
    return sorted(found, key=lambda path: natural_path_key(path.relative_to(folder)))


def import_folder(
    session: Session,
    store: PhotoStore,
    inspection_id: str,
    folder: Path,
    control: Control | None = None,
    progress_callback: Callable[[ImportProgress], None] | None = None,
    *,
    workers: int = DEFAULT_WORKERS,
) -> ImportReport:
    """Import every image under ``folder`` (a DCIM copy, an SD card) as general photos.

    Assign them to criteria afterwards with :func:`inspector.services.photos.assign`.
    """
    if not folder.is_dir():
        raise PhotoError(f"找不到文件夹 / no such folder: {folder}")
    editable_inspection(session, inspection_id)
    paths = find_images(folder, control)
    return add_photos(session, store, inspection_id, None, paths, control,
                      progress_callback, workers=workers)
