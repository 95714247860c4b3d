"""What a laptop deleted stays deleted there when the office's bundles still carry it."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlmodel import Session, col, select
from sync_helpers import VILLAGE, completed_inspection, dump, installation

from inspector.services import inspections, photos
from inspector.services.context import AppContext
from inspector.services.photo_store import PhotoStore
from inspector.services.sites import site_id_for_code
from inspector.services.sync.assignments import add_assignment
from inspector.services.sync.conflicts import list_conflicts
from inspector.services.sync.export import export_bundle
from inspector.services.sync.identity import Role
from inspector.services.sync.importer import import_bundle, prepare_import
from inspector.services.sync.merge_preview import Totals
from inspector.services.tombstones import remember_deletion
from inspector.storage.models import Inspection, Photo, Response, SyncConflict, SyncTombstone


@pytest.fixture
def field(tmp_path: Path) -> Iterator[AppContext]:
    context = installation(tmp_path, "field", Role.FIELD)
    yield context
    context.close()


@pytest.fixture
def office(tmp_path: Path) -> Iterator[AppContext]:
    context = installation(tmp_path, "office", Role.OFFICE)
    yield context
    context.close()


def _photo_ids(context: AppContext, inspection_id: str) -> list[str]:
    with context.db.session() as session:
        return sorted(session.exec(select(Photo.id).where(
            Photo.inspection_id == inspection_id)).all())


def _reopened(context: AppContext, inspection_id: str, actor: str,
              work: Callable[..., object]) -> object:
    """Reopen a completed inspection, do ``work(session)``, complete it again."""
    with context.db.transaction() as session:
        inspections.reopen(session, inspection_id, actor, "修改照片")
        result = work(session)
        inspections.complete(session, inspection_id, actor)
    return result


def _sent_and_assigned(field: AppContext, office: AppContext, tmp_path: Path) -> str:
    """The laptop's completed inspection with three photos is at the office, whose
    assignment of the same site will carry it back as the previous visit."""
    inspection_id = completed_inspection(field, photos=3, seed=11)
    results = export_bundle(field, tmp_path / "results.bundle")
    import_bundle(office, results.path, trust_new_device=True)
    with office.db.transaction() as session:
        add_assignment(session, site_id_for_code(VILLAGE), "张三", date(2026, 12, 1),
                       date(2026, 12, 20))
    return inspection_id


def test_a_photo_deleted_on_the_laptop_is_not_brought_back_by_the_office(
        field: AppContext, office: AppContext, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    inspection_id = _sent_and_assigned(field, office, tmp_path)
    first, second, third = _photo_ids(field, inspection_id)
    _reopened(field, inspection_id, "张三", lambda s: photos.delete_photo(s, second, "张三"))
    # The photo store's tidy-up has removed the file meanwhile: only the office has it.
    store = PhotoStore.for_paths(field.paths)
    with office.db.session() as session:
        deleted_sha = session.exec(select(Photo.sha256).where(Photo.id == second)).one()
    with field.db.session() as session:
        assert deleted_sha not in set(session.exec(select(Photo.sha256)).all())
    store.remove(deleted_sha)
    with field.db.session() as session:
        tombstone = session.exec(select(SyncTombstone)).one()
        assert (tombstone.table_name, tombstone.record_id) == ("photos", second)
        assert tombstone.deleted_by == "张三" and not tombstone.changed_here

    assignment = export_bundle(office, tmp_path / "assignment.bundle")
    assert assignment.counts["photos"] == 3
    prepared = prepare_import(field, assignment.path)
    try:
        preview = prepared.preview
        totals = preview.totals()
        assert totals.deleted_here == 1 and totals.brought_back == 0
        assert preview.tables["photos"].deleted_here == 1
        assert preview.tables["photos"].identical == 2
        assert totals.photos_new == 0  # the deleted photo's file does not come either
        assert ("photos", second, "deleted_here") in {
            (c.table, c.record_id, c.outcome) for c in preview.changes}
    finally:
        prepared.discard()
    _, done = import_bundle(field, assignment.path)
    assert done is not None and done.preview.totals().deleted_here == 1
    assert _photo_ids(field, inspection_id) == sorted([first, third])
    assert store.find(deleted_sha) is None  # nothing stored for a photo that stays out
    assert not list((field.paths.photos / ".incoming").glob("*"))

    # Importing the same bundle again: nothing changes, and the preview says just that.
    before = dump(field)
    again, done = import_bundle(field, assignment.path)
    assert again.already_imported_at is not None and done is not None and done.already_imported
    assert again.preview.totals() == Totals(
        identical=again.preview.total("identical"), photos_known=2, deleted_here=1)
    assert not again.preview.changes_anything
    assert dump(field) == before

    # The office's next bundle still carries it; the JSON preview counts it (new keys only).
    later = export_bundle(office, tmp_path / "assignment2.bundle")
    from inspector.cli import main

    capsys.readouterr()
    assert main(["--data-dir", str(field.paths.data_dir), "bundle", "import", str(later.path),
                 "--dry-run", "--format", "json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert {"new", "updated", "identical", "conflicts", "photos_new", "photos_known"} <= set(
        shown)
    assert shown["deleted_here"] == 1 and shown["brought_back"] == 0
    assert shown["tables"]["photos"]["deleted_here"] == 1
    import_bundle(field, later.path)
    assert _photo_ids(field, inspection_id) == sorted([first, third])
    # Deletions do not travel: the office keeps its copy.
    assert _photo_ids(office, inspection_id) == sorted([first, second, third])


def test_undo_before_the_import_brings_the_photo_back_as_it_was(
        field: AppContext, office: AppContext, tmp_path: Path) -> None:
    inspection_id = _sent_and_assigned(field, office, tmp_path)
    photo_id = _photo_ids(field, inspection_id)[1]

    def row() -> tuple[object, ...]:
        with sqlite3.connect(field.db.path) as conn:
            found = conn.execute("SELECT * FROM photos WHERE id = ?", (photo_id,)).fetchone()
        conn.close()
        return tuple(found)

    before = row()
    store = PhotoStore.for_paths(field.paths)

    def delete_and_undo(session: Session) -> None:
        deleted = photos.delete_photo(session, photo_id)
        photos.restore_photo(session, store, deleted)

    _reopened(field, inspection_id, "张三", delete_and_undo)
    assert row() == before  # same values, timestamps, revision and sync state
    with field.db.session() as session:
        assert session.exec(select(SyncTombstone)).all() == []

    _, done = import_bundle(field, export_bundle(office, tmp_path / "a.bundle").path)
    assert done is not None
    counts = done.preview.tables["photos"]
    assert (counts.new, counts.updated, counts.conflicts, counts.deleted_here) == (0, 0, 0, 0)
    assert counts.identical == 3
    assert len(_photo_ids(field, inspection_id)) == 3


def test_a_photo_changed_elsewhere_after_the_deleted_version_comes_back(
        field: AppContext, office: AppContext, tmp_path: Path) -> None:
    inspection_id = _sent_and_assigned(field, office, tmp_path)
    photo_id = _photo_ids(field, inspection_id)[0]
    # The office captions the photo; the laptop, not knowing it, deletes it.
    _reopened(office, inspection_id, "王科长",
              lambda s: photos.set_caption(s, photo_id, "办公室补充的说明"))
    _reopened(field, inspection_id, "张三", lambda s: photos.delete_photo(s, photo_id))

    first = export_bundle(office, tmp_path / "a1.bundle")
    prepared, done = import_bundle(field, first.path)
    totals = prepared.preview.totals()
    assert totals.brought_back == 1 and totals.deleted_here == 0
    assert ("photos", photo_id, "brought_back") in {
        (c.table, c.record_id, c.outcome) for c in prepared.preview.changes}
    assert done is not None and done.preview.totals().brought_back == 1
    with field.db.session() as session:
        back = session.get(Photo, photo_id)
        assert back is not None and back.caption == "办公室补充的说明"
        assert session.exec(select(SyncTombstone)).all() == []

    # Deleted again, it stays deleted: the new tombstone knows the office's change.
    _reopened(field, inspection_id, "张三", lambda s: photos.delete_photo(s, photo_id))
    _, again = import_bundle(field, export_bundle(office, tmp_path / "a2.bundle").path)
    assert again is not None and again.preview.totals().deleted_here == 1
    assert photo_id not in _photo_ids(field, inspection_id)


def test_a_conflict_of_a_deleted_photo_is_closed_and_undo_reopens_it(
        field: AppContext, office: AppContext, tmp_path: Path) -> None:
    inspection_id = _sent_and_assigned(field, office, tmp_path)
    photo_id = _photo_ids(field, inspection_id)[2]
    _reopened(office, inspection_id, "王科长", lambda s: photos.set_caption(s, photo_id, "甲"))
    _reopened(field, inspection_id, "张三", lambda s: photos.set_caption(s, photo_id, "乙"))
    import_bundle(field, export_bundle(office, tmp_path / "a1.bundle").path)
    with field.db.session() as session:
        assert photo_id in {v.record_id for v in list_conflicts(session)}

    store = PhotoStore.for_paths(field.paths)
    with field.db.transaction() as session:
        inspections.reopen(session, inspection_id, "张三", "删除照片")
        deleted = photos.delete_photo(session, photo_id, "张三")
    with field.db.session() as session:
        assert photo_id not in {v.record_id for v in list_conflicts(session)}
        closed = session.exec(select(SyncConflict).where(
            SyncConflict.record_id == photo_id)).one()
        assert (closed.status, closed.resolution) == ("deleted", "open")
    with field.db.transaction() as session:  # undo: the conflict is waiting again
        photos.restore_photo(session, store, deleted)
    with field.db.session() as session:
        assert photo_id in {v.record_id for v in list_conflicts(session)}
    with field.db.transaction() as session:
        photos.delete_photo(session, photo_id, "张三")
        inspections.complete(session, inspection_id, "张三")
    # The office's version was seen here before the deletion: it stays out.
    _, done = import_bundle(field, export_bundle(office, tmp_path / "a2.bundle").path)
    assert done is not None and done.preview.tables["photos"].deleted_here == 1
    assert photo_id not in _photo_ids(field, inspection_id)


def test_records_of_an_inspection_deleted_here_stay_out_with_it(
        field: AppContext, office: AppContext, tmp_path: Path) -> None:
    """Any deletion can use tombstones; what was deleted with a record stays out with it."""
    other = completed_inspection(office, photos=2, seed=12)  # made at the office
    with office.db.transaction() as session:
        add_assignment(session, site_id_for_code(VILLAGE), "张三", date(2026, 12, 1),
                       date(2026, 12, 20))
    import_bundle(field, export_bundle(office, tmp_path / "a1.bundle").path)
    with field.db.transaction() as session:
        remember_deletion(session, "inspections", other, "张三")
        row = session.get(Inspection, other)
        assert row is not None
        session.delete(row)  # its ratings, photos and history go with it (ON DELETE CASCADE)
    with field.db.session() as session:
        assert session.exec(select(Response).where(Response.inspection_id == other)).all() == []

    _, done = import_bundle(field, export_bundle(office, tmp_path / "a2.bundle").path)
    assert done is not None
    tables = done.preview.tables
    assert tables["inspections"].deleted_here == 1 and tables["photos"].deleted_here == 2
    assert tables["responses"].deleted_here > 0 and tables["responses"].new == 0
    with field.db.session() as session:
        assert session.get(Inspection, other) is None
        assert session.exec(select(Photo).where(col(Photo.inspection_id) == other)).all() == []


def test_reimporting_shows_nothing_new_even_for_a_row_removed_without_a_tombstone(
        field: AppContext, office: AppContext, tmp_path: Path) -> None:
    """A photo removed before deletions were remembered: the bundle imported before says
    identical, as importing it again changes nothing."""
    inspection_id = _sent_and_assigned(field, office, tmp_path)
    assignment = export_bundle(office, tmp_path / "a.bundle")
    import_bundle(field, assignment.path)
    with sqlite3.connect(field.db.path) as conn:
        conn.execute("DELETE FROM photos WHERE id = ?", (_photo_ids(field, inspection_id)[0],))
    conn.close()
    prepared, done = import_bundle(field, assignment.path)
    assert done is not None and done.already_imported
    totals = prepared.preview.totals()
    assert totals.new == totals.updated == totals.conflicts == 0
    assert totals.photos_new == 0 and totals.deleted_here == 0
    assert prepared.preview.tables["photos"].identical == 3
