"""Photos of an inspection: listing, thumbnails, adding, editing, deleting and undoing that.

Each change is its own committed transaction (:mod:`~inspector.services.api.saving`);
photos travel as :class:`~inspector.services.photos.PhotoRecord` values.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlmodel import Session

    from inspector.services.context import AppContext
    from inspector.services.control import Control
    from inspector.services.photo_import import ImportProgress, ImportReport
    from inspector.services.photos import PhotoRecord


def list_photos(context: AppContext, inspection_id: str,
                criterion_id: str | None) -> list[PhotoRecord]:
    """A criterion's photos (None: the visit's general photos), in their order."""
    from inspector.services import photos

    with context.db.session() as session:
        return photos.photos_for(session, inspection_id, criterion_id)


def photo_count(context: AppContext, inspection_id: str, criterion_id: str | None) -> int:
    """How many photos a criterion (None: the visit's general photos) has, without loading them."""
    from inspector.services import photos

    with context.db.session() as session:
        return photos.photo_counts(session, inspection_id).get(criterion_id, 0)


def thumbnail(context: AppContext, sha256: str) -> tuple[str, bytes]:
    """A stored photo's thumbnail (made if missing) as (sha256, JPEG bytes)."""
    from inspector.services.photo_store import PhotoStore

    path = PhotoStore.for_paths(context.paths).thumbnail(sha256)
    return sha256, path.read_bytes()


def add_photos(context: AppContext, inspection_id: str, criterion_id: str | None,
               paths: list[Path], control: Control) -> ImportReport:
    """Add image files to a criterion (None: the general photos), or, given one folder,
    every image in it to the criteria its sub-folders name. Cancelling keeps the whole
    photos added so far (the report says it was cancelled)."""
    from inspector.services import photo_import
    from inspector.services.photo_store import PhotoStore

    def progress(step: ImportProgress) -> None:
        control.progress(step.done, step.total, step.path.name)

    with context.db.session() as session:
        if paths and len(paths) == 1 and paths[0].is_dir():
            return photo_import.import_folder(session, PhotoStore.for_paths(context.paths),
                                              inspection_id, paths[0], control, progress)
        return photo_import.add_photos(session, PhotoStore.for_paths(context.paths),
                                       inspection_id, criterion_id, paths, control, progress)


def photo_action(context: AppContext, action: str, photo_id: str,
                 value: object = None) -> PhotoRecord | list[PhotoRecord]:
    """``rotate`` (value: degrees), ``caption`` (text), ``assign`` (criterion id or None),
    ``delete`` (value: who deletes, else the login name); one committed transaction each."""
    from inspector.services import photos
    from inspector.services.api.saving import committed

    def change(session: Session) -> PhotoRecord | list[PhotoRecord]:
        if action == "rotate":
            assert isinstance(value, int)
            return photos.rotate(session, photo_id, value)
        if action == "caption":
            return photos.set_caption(session, photo_id, str(value or ""))
        if action == "assign":
            return photos.assign(session, photo_id, value if isinstance(value, str) else None)
        if action == "delete":  # value: who deletes (remembered so imports keep it deleted)
            from inspector.services.photo_store import PhotoStore

            return photos.delete_photo(session, photo_id, actor=str(value or _user_name()),
                                       store=PhotoStore.for_paths(context.paths))
        raise ValueError(action)

    return committed(context, change)


def assign_photos(context: AppContext, photo_ids: list[str],
                  criterion_id: str | None) -> list[PhotoRecord]:
    """Move several photos to a criterion (None: the general photos), in one transaction."""
    from inspector.services import photos
    from inspector.services.api.saving import committed

    return committed(context, lambda session: photos.assign_many(
        session, photo_ids, criterion_id))


def restore_photo(context: AppContext, record: PhotoRecord) -> PhotoRecord:
    """Undo a photo's deletion."""
    from inspector.services import photos
    from inspector.services.api.saving import committed
    from inspector.services.photo_store import PhotoStore

    return committed(context, lambda session: photos.restore_photo(
        session, PhotoStore.for_paths(context.paths), record))


def display_image(context: AppContext, record: PhotoRecord, max_size: int) -> tuple[str, object]:
    """The photo for the viewer as (photo id, PIL image in RGB)."""
    from inspector.services.photo_store import PhotoStore

    image = PhotoStore.for_paths(context.paths).display_image(record.sha256, max_size,
                                                              record.rotation)
    return record.id, image


def _user_name() -> str:
    """The computer account's name, for the record of who deleted something."""
    import getpass

    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name on this system: the record stays anonymous
        return ""
