"""Background jobs of the inspection screens: plain functions for :mod:`inspector.ui.worker`.

Each change is its own committed transaction (that is the autosave). What the
screens show travels back as frozen dataclasses, never as live ORM rows.

While another program holds the database (a site list or a bundle being
imported), a change waits and is tried again (:func:`until_saved`), however
long that takes: it is never dropped, and the window says that it is waiting.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from inspector.domain.scoring import Answer

if TYPE_CHECKING:
    from sqlmodel import Session

    from inspector.domain.scoring import InspectionSummary
    from inspector.domain.templates import ChecklistTemplate
    from inspector.services.context import AppContext
    from inspector.services.inspections import InspectionListing, Problem
    from inspector.services.photo_import import ImportProgress, ImportReport
    from inspector.services.photos import PhotoRecord
    from inspector.ui.worker import JobControl

T = TypeVar("T")
WAITING = "waiting"  # what a saving job hands to the window while it waits


def until_saved(save: Callable[[], T], control: JobControl | None = None) -> T:
    """``save()`` (one committed transaction), tried again for as long as the database is busy.

    Each time the database turns the change away as busy (another program is
    writing a long import), the window hears :data:`WAITING` through
    ``control.partial`` and the change is tried again after a pause
    (:func:`inspector.services.busy.until_done`). Cancelling the job does not
    stop this: a change the user made is never dropped. Any other failure is raised.
    """
    from inspector.services.busy import until_done

    return until_done(save, (lambda: control.partial(WAITING)) if control else None)


def _committed(context: AppContext, change: Callable[[Session], T],
               control: JobControl | None = None) -> T:
    """``change(session)`` in a transaction of its own, committed, waiting while the database
    is busy (:func:`until_saved`)."""
    def attempt() -> T:
        with context.db.transaction() as session:
            return change(session)

    return until_saved(attempt, control)


@dataclass(frozen=True)
class ChecklistData:
    """One inspection as the checklist page shows it."""

    inspection_id: str
    site_id: str
    site_name: str
    tier: str
    status: str
    visit_date: date
    inspectors: str
    site_staff: str
    completed_at: datetime | None
    general_note: str
    template: ChecklistTemplate
    answers: dict[str, Answer]
    previous: dict[str, Answer] = field(default_factory=dict)  # revisit: the earlier visit
    previous_date: date | None = None
    photo_counts: dict[str | None, int] = field(default_factory=dict)

    @property
    def completed(self) -> bool:
        return self.status == "completed"


def _answers(session: object, inspection_id: str) -> dict[str, Answer]:
    from sqlmodel import Session, select

    from inspector.storage.models import Response

    assert isinstance(session, Session)
    rows = session.exec(select(Response).where(Response.inspection_id == inspection_id)).all()
    return {row.criterion_id: Answer(row.rating, row.note) for row in rows}


def load_checklist(context: AppContext, inspection_id: str) -> ChecklistData:
    from inspector.services import inspections, photos

    with context.db.session() as session:
        state = inspections.load_state(session, inspection_id)
        row = state.inspection
        previous: dict[str, Answer] = {}
        previous_date = None
        if row.previous_inspection_id:
            earlier = session.get(type(row), row.previous_inspection_id)
            if earlier is not None:
                previous = _answers(session, earlier.id)
                previous_date = earlier.visit_date
        return ChecklistData(
            inspection_id=row.id, site_id=state.site.id, site_name=state.site.name,
            tier=row.tier, status=row.status, visit_date=row.visit_date,
            inspectors=row.inspectors, site_staff=row.site_staff,
            completed_at=row.completed_at, general_note=row.general_note,
            template=state.template,
            answers=state.answers(),
            previous=previous, previous_date=previous_date,
            photo_counts=photos.photo_counts(session, inspection_id),
        )


def start(context: AppContext, site_id: str, visit_date: date, inspectors: str,
          site_staff: str, previous_id: str | None) -> str:
    from inspector.services import inspections

    return _committed(context, lambda session: inspections.start_inspection(
        session, site_id, visit_date, inspectors, site_staff, previous_id).id)


def site_history(context: AppContext, site_id: str) -> list[InspectionListing]:
    from inspector.services.inspections import list_inspections

    with context.db.session() as session:
        return list_inspections(session, site_id)


def save_rating(context: AppContext, inspection_id: str, criterion_id: str,
                rating: str | None, control: JobControl | None = None) -> str:
    from inspector.services import inspections

    _committed(context, lambda session: inspections.set_rating(
        session, inspection_id, criterion_id, rating), control)
    return criterion_id


def save_note(context: AppContext, inspection_id: str, criterion_id: str, note: str,
              control: JobControl | None = None) -> str:
    from inspector.services import inspections

    _committed(context, lambda session: inspections.set_note(
        session, inspection_id, criterion_id, note), control)
    return criterion_id


def save_details(context: AppContext, inspection_id: str, visit_date: date, inspectors: str,
                 site_staff: str, control: JobControl | None = None) -> str:
    from inspector.services import inspections

    _committed(context, lambda session: inspections.update_details(
        session, inspection_id, visit_date=visit_date, inspectors=inspectors,
        site_staff=site_staff), control)
    return ""


def save_general_note(context: AppContext, inspection_id: str, note: str,
                      control: JobControl | None = None) -> str:
    from inspector.services import inspections

    _committed(context, lambda session: inspections.update_details(
        session, inspection_id, general_note=note), control)
    return ""


@dataclass(frozen=True)
class FinishCheck:
    problems: list[Problem]
    summary: InspectionSummary


def check_finish(context: AppContext, inspection_id: str, language: str) -> FinishCheck:
    from inspector.services import inspections

    with context.db.session() as session:
        state = inspections.load_state(session, inspection_id)
        return FinishCheck(state.problems(), state.summary(language))


def complete(context: AppContext, inspection_id: str, actor: str) -> str:
    from inspector.services import inspections

    _committed(context, lambda session: inspections.complete(session, inspection_id, actor))
    return inspection_id


def reopen(context: AppContext, inspection_id: str, actor: str, reason: str) -> str:
    from inspector.services import inspections

    _committed(context, lambda session: inspections.reopen(
        session, inspection_id, actor, reason))
    return inspection_id


# ---------------------------------------------------------------------- photos


def list_photos(context: AppContext, inspection_id: str,
                criterion_id: str | None) -> list[PhotoRecord]:
    from inspector.services import photos

    with context.db.session() as session:
        return photos.photos_for(session, inspection_id, criterion_id)


def photo_count(context: AppContext, inspection_id: str, criterion_id: str | None) -> int:
    """How many photos a criterion (None: the visit's general photos) has, without loading them."""
    from inspector.services import photos

    with context.db.session() as session:
        return photos.photo_counts(session, inspection_id).get(criterion_id, 0)


def thumbnail(context: AppContext, sha256: str) -> tuple[str, bytes]:
    from inspector.services.photo_store import PhotoStore

    path = PhotoStore.for_paths(context.paths).thumbnail(sha256)
    return sha256, path.read_bytes()


def add_photos(context: AppContext, inspection_id: str, criterion_id: str | None,
               paths: list[Path], control: JobControl) -> ImportReport:
    from inspector.services import photo_import
    from inspector.services.photo_store import PhotoStore

    class _Token(photo_import.CancelToken):
        """Cancelled as soon as the GUI's Cancel button sets the job's token."""

        @property
        def cancelled(self) -> bool:
            return control.cancelled or super().cancelled

    token = _Token()

    def progress(step: ImportProgress) -> None:
        control.progress(step.done, step.total, step.path.name)

    with context.db.session() as session:
        if paths and len(paths) == 1 and paths[0].is_dir():
            return photo_import.import_folder(session, PhotoStore.for_paths(context.paths),
                                              inspection_id, paths[0], token, progress)
        return photo_import.add_photos(session, PhotoStore.for_paths(context.paths),
                                       inspection_id, criterion_id, paths, token, progress)


def photo_action(context: AppContext, action: str, photo_id: str,
                 value: object = None) -> PhotoRecord | list[PhotoRecord]:
    """``rotate`` (value: degrees), ``caption`` (text), ``assign`` (criterion id or None),
    ``delete``; one committed transaction each."""
    from inspector.services import photos

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

    return _committed(context, change)


def assign_photos(context: AppContext, photo_ids: list[str],
                  criterion_id: str | None) -> list[PhotoRecord]:
    """Move several photos to a criterion (None: the general photos), in one transaction."""
    from inspector.services import photos

    return _committed(context, lambda session: photos.assign_many(
        session, photo_ids, criterion_id))


def restore_photo(context: AppContext, record: PhotoRecord) -> PhotoRecord:
    from inspector.services import photos
    from inspector.services.photo_store import PhotoStore

    return _committed(context, lambda session: photos.restore_photo(
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
