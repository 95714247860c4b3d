"""Photo evidence of an inspection: listing, assigning, captions, rotation, deletion.

Photos belong to a criterion of the inspection or, with ``criterion_id=None``,
to the visit in general. The files live in the content-addressed
:class:`~inspector.services.photo_store.PhotoStore`; a :class:`~inspector.storage.models.Photo`
row holds the metadata. Importing is in :mod:`inspector.services.photo_import`.

Like :mod:`inspector.services.inspections`, every edit here works inside the
caller's session and only flushes; the caller commits. Edits are refused on a
completed inspection (reopen it first).

Deleting removes the row only and remembers the deletion
(:mod:`inspector.services.tombstones`); the file stays in the store so that
the GUI can undo with :func:`restore_photo`. :func:`collect_garbage` removes files that no
row references any more; run it at start-up, never while an undo is pending.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, fields
from datetime import date, datetime
from enum import Enum
from pathlib import PurePath
from typing import Final

from sqlalchemy import ColumnElement, func
from sqlmodel import Session, col, select

from inspector.domain.tiers import Tier
from inspector.services import text_limits
from inspector.services.inspections import (
    InspectionError,
    checked_criterion,
    editable_inspection,
    get_inspection,
    template_for,
)
from inspector.services.photo_exif import SITE_TIMEZONE
from inspector.services.photo_store import PhotoStore
from inspector.services.tombstones import remember_deletion, undo_deletion
from inspector.storage.models import Inspection, Photo, ReportAttachment


class _All(Enum):
    ALL = "all"


#: ``photos_for(..., criterion_id=ALL_PHOTOS)``: every photo of the inspection.
ALL_PHOTOS: Final = _All.ALL


_DIGITS = re.compile(r"(\d+)")


def natural_key(name: str) -> tuple[tuple[str | int, ...], str]:
    """Sort key for file names in the order people count: m1, m2, m10 (not m1, m10, m2).

    Runs of digits compare as numbers, the rest without regard to case; names that
    are still equal ("m01", "m1") keep a fixed order.
    """
    folded = name.casefold()
    parts = tuple(int(part) if index % 2 else part
                  for index, part in enumerate(_DIGITS.split(folded)))
    return parts, folded


def natural_path_key(path: PurePath) -> tuple[tuple[tuple[str | int, ...], str], ...]:
    """:func:`natural_key` for every part of a path: folder by folder, then the file name."""
    return tuple(natural_key(part) for part in path.parts)


class PhotoError(InspectionError):
    """A photo action that is not allowed as asked; worded for the user."""


@dataclass(frozen=True)
class PhotoRecord:
    """One photo as the GUI shows it (a snapshot; the database row is the truth)."""

    id: str
    inspection_id: str
    criterion_id: str | None  # None: a general photo of the visit
    sha256: str
    original_name: str
    media_type: str
    size_bytes: int
    width: int  # after EXIF orientation, before the user's rotation
    height: int
    taken_at: datetime | None  # aware (UTC from the database); show it with local_taken_at
    gps_lat: float | None
    gps_lon: float | None
    caption: str
    rotation: int  # the user's extra rotation, degrees clockwise: 0, 90, 180 or 270
    position: int
    outside_visit: bool  # taken on another day than the visit date

    @property
    def shown_size(self) -> tuple[int, int]:
        """Width and height as displayed, the user's rotation included."""
        if self.rotation in (90, 270):
            return self.height, self.width
        return self.width, self.height

    @property
    def local_taken_at(self) -> datetime | None:
        """When it was taken, on the sites' clock (China Standard Time)."""
        return None if self.taken_at is None else self.taken_at.astimezone(SITE_TIMEZONE)

    @property
    def has_gps(self) -> bool:
        return self.gps_lat is not None and self.gps_lon is not None


@dataclass(frozen=True)
class GarbageReport:
    files_removed: int
    bytes_freed: int
    incoming_removed: int
    skipped: bool = False  # an import was at work somewhere: nothing was removed


def taken_outside_visit(taken_at: datetime | None, visit_date: date) -> bool:
    """True when the camera says the photo was taken on another day than the visit.

    The day is judged on the sites' clock (:data:`SITE_TIMEZONE`). A photo
    without a date taken is not flagged (nothing says it is wrong).
    """
    return taken_at is not None and taken_at.astimezone(SITE_TIMEZONE).date() != visit_date


def record_of(row: Photo, visit_date: date) -> PhotoRecord:
    values = {f.name: getattr(row, f.name) for f in fields(PhotoRecord)
              if f.name != "outside_visit"}
    return PhotoRecord(**values, outside_visit=taken_outside_visit(row.taken_at, visit_date))


def check_criterion(session: Session, inspection: Inspection, criterion_id: str | None) -> None:
    """Refuse a criterion that is not on this inspection's checklist (None is always fine)."""
    if criterion_id is not None:
        checked_criterion(template_for(session, inspection), Tier(inspection.tier), criterion_id,
                          PhotoError)


def next_position(session: Session, inspection_id: str, criterion_id: str | None) -> int:
    last = session.exec(
        select(func.max(Photo.position)).where(
            Photo.inspection_id == inspection_id, _same_criterion(criterion_id)
        )
    ).one()
    return 0 if last is None else int(last) + 1


def _same_criterion(criterion_id: str | None) -> ColumnElement[bool]:
    column = col(Photo.criterion_id)
    return column.is_(None) if criterion_id is None else column == criterion_id


def photos_for(session: Session, inspection_id: str,
               criterion_id: str | _All | None = ALL_PHOTOS) -> list[PhotoRecord]:
    """Photos of one criterion (None: the general photos) by position, or all of them:
    general photos first, then grouped by criterion id (not checklist order), by position."""
    inspection = get_inspection(session, inspection_id)
    query = select(Photo).where(Photo.inspection_id == inspection_id)
    if criterion_id is not ALL_PHOTOS:
        assert not isinstance(criterion_id, _All)
        query = query.where(_same_criterion(criterion_id))
    query = query.order_by(col(Photo.criterion_id).is_not(None), col(Photo.criterion_id),
                           col(Photo.position), col(Photo.created_at))
    return [record_of(row, inspection.visit_date) for row in session.exec(query).all()]


def photo_counts(session: Session, inspection_id: str) -> dict[str | None, int]:
    """How many photos each criterion has (key None: general photos); absent means none."""
    rows = session.exec(
        select(Photo.criterion_id, func.count()).where(Photo.inspection_id == inspection_id)
        .group_by(col(Photo.criterion_id))
    ).all()
    return {criterion_id: int(count) for criterion_id, count in rows}


def _photo(session: Session, photo_id: str) -> Photo:
    row = session.get(Photo, photo_id)
    if row is None:
        raise PhotoError(f"没有这张照片 / no such photo: {photo_id}")
    return row


def get_photo(session: Session, photo_id: str) -> PhotoRecord:
    row = _photo(session, photo_id)
    return record_of(row, get_inspection(session, row.inspection_id).visit_date)


def _editable_photo(session: Session, photo_id: str) -> tuple[Photo, Inspection]:
    row = _photo(session, photo_id)
    return row, editable_inspection(session, row.inspection_id)


def _saved(session: Session, row: Photo, inspection: Inspection) -> PhotoRecord:
    session.add(row)
    session.flush()
    return record_of(row, inspection.visit_date)


def assign(session: Session, photo_id: str, criterion_id: str | None) -> PhotoRecord:
    """Move a photo to a criterion (None: back to the general photos), at the end."""
    row, inspection = _editable_photo(session, photo_id)
    check_criterion(session, inspection, criterion_id)
    if row.criterion_id != criterion_id:
        row.position = next_position(session, inspection.id, criterion_id)
        row.criterion_id = criterion_id
    return _saved(session, row, inspection)


def assign_many(session: Session, photo_ids: list[str],
                criterion_id: str | None) -> list[PhotoRecord]:
    """Move several photos of one inspection to a criterion, at its end in the given order."""
    if len({_editable_photo(session, photo_id)[1].id for photo_id in photo_ids}) > 1:
        raise PhotoError("照片不属于同一次检查 / the photos belong to different inspections")
    return [assign(session, photo_id, criterion_id) for photo_id in photo_ids]


def set_caption(session: Session, photo_id: str, caption: str) -> PhotoRecord:
    row, inspection = _editable_photo(session, photo_id)
    caption = text_limits.check_text(text_limits.CAPTION, caption.strip(), PhotoError)
    row.caption = caption
    return _saved(session, row, inspection)


def rotate(session: Session, photo_id: str, degrees: int) -> PhotoRecord:
    """Turn a photo by ``degrees`` clockwise (+90, -90, 180…); metadata only."""
    if degrees % 90:
        raise PhotoError("只能按 90 度旋转 / photos turn in steps of 90 degrees")
    row, inspection = _editable_photo(session, photo_id)
    row.rotation = (row.rotation + degrees) % 360
    return _saved(session, row, inspection)


def move(session: Session, photo_id: str, index: int) -> list[PhotoRecord]:
    """Put a photo at ``index`` among the photos of its criterion; returns the new order."""
    row, inspection = _editable_photo(session, photo_id)
    siblings = [r for r in session.exec(
        select(Photo).where(Photo.inspection_id == inspection.id,
                            _same_criterion(row.criterion_id))
        .order_by(col(Photo.position), col(Photo.created_at))
    ).all() if r.id != row.id]
    siblings.insert(max(0, min(index, len(siblings))), row)
    for position, sibling in enumerate(siblings):
        if sibling.position != position:
            sibling.position = position
            session.add(sibling)
    session.flush()
    return [record_of(r, inspection.visit_date) for r in siblings]


def delete_photo(session: Session, photo_id: str, actor: str = "",
                 store: PhotoStore | None = None) -> PhotoRecord:
    """Remove a photo from its inspection; returns what :func:`restore_photo` needs to undo.

    The file stays in the store (see :func:`collect_garbage`). The deletion is
    remembered (a tombstone), so a sync bundle that still carries the photo
    does not bring it back.
    """
    row, inspection = _editable_photo(session, photo_id)
    record = record_of(row, inspection.visit_date)
    if store is not None:  # the clean-up's hour of grace counts from now, for the undo
        store.touch(row.sha256)
    remember_deletion(session, "photos", row.id, actor)
    session.delete(row)
    session.flush()
    return record


def restore_photo(session: Session, store: PhotoStore, record: PhotoRecord) -> PhotoRecord:
    """Undo :func:`delete_photo`: the same photo again, same id, caption and place.

    **Commits** ``session``: the file must not be cleaned up between the check
    that it is there and the commit of the row naming it.
    """
    with store.writing():
        restored = _restore(session, store, record)
        session.commit()
    return restored


def _restore(session: Session, store: PhotoStore, record: PhotoRecord) -> PhotoRecord:
    inspection = editable_inspection(session, record.inspection_id)
    if session.get(Photo, record.id) is not None:
        raise PhotoError("这张照片没有被删除 / this photo is not deleted")
    if store.find(record.sha256) is None:
        raise PhotoError(f"照片文件已清理，无法恢复 / the photo file {record.original_name} is "
                         f"gone and cannot be restored")
    check_criterion(session, inspection, record.criterion_id)
    values = {f.name: getattr(record, f.name) for f in fields(PhotoRecord)
              if f.name != "outside_visit"}
    row = Photo(**values)
    restored = _saved(session, row, inspection)
    # The same version as before the deletion, with its sync state; the tombstone goes.
    if undo_deletion(session, "photos", row.id):
        session.refresh(row)
    return restored


def collect_garbage(session: Session, store: PhotoStore,
                    min_age_seconds: float = 3600.0) -> GarbageReport:
    """Delete stored files (and their thumbnails) that no photo row references.

    Runs only while no import or photo addition is at work in any process
    (:meth:`PhotoStore.collecting`); otherwise it does nothing this time and
    says so (``skipped``). Holding the store exclusively, every file in the
    incoming folder is a leftover of an interrupted import and is cleared.
    Unreferenced files touched within ``min_age_seconds`` stay (a deleted photo
    is touched when deleted, so its undo keeps working for that long), and none
    at all go while the store is told to spare them (:meth:`PhotoStore.spare_unreferenced`).
    """
    with store.collecting() as alone:
        if not alone:
            return GarbageReport(0, 0, 0, skipped=True)
        session.rollback()  # read what is committed now, after every writer has finished
        referenced = set(session.exec(select(Photo.sha256).distinct()).all())
        # The photos and scans of sites' rectification reports are in the store too.
        referenced |= set(session.exec(select(ReportAttachment.sha256).distinct()).all())
        session.rollback()
        limit = time.time() - min_age_seconds
        removed = freed = 0
        spared = store.spared_until() > time.time()  # after a restore from a backup
        for sha256, path in [] if spared else list(store.stored_files()):
            if sha256 in referenced:
                continue
            try:
                if path.stat().st_mtime >= limit:
                    continue
            except FileNotFoundError:
                continue
            freed += store.remove(sha256)
            removed += 1
        incoming = store.clean_incoming(0.0)
    return GarbageReport(removed, freed, incoming)


def remove_if_unreferenced(session: Session, store: PhotoStore, shas: list[str]) -> int:
    """Remove these files now if nothing refers to them and no writer is at work
    anywhere (after a failed import); else leave them to :func:`collect_garbage`."""
    if not shas:
        return 0
    with store.collecting() as alone:
        if not alone:
            return 0
        session.rollback()
        referenced = set(session.exec(
            select(Photo.sha256).where(col(Photo.sha256).in_(shas))).all())
        referenced |= set(session.exec(
            select(ReportAttachment.sha256).where(col(ReportAttachment.sha256).in_(shas))).all())
        session.rollback()
        removed = 0
        for sha256 in shas:
            if sha256 not in referenced and store.remove(sha256):
                removed += 1
        return removed
