"""Captions, rotation, order, deletion with undo and garbage collection of photos."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime
from pathlib import Path

import photo_samples as samples
import pytest
from photo_samples import VISIT, Visit, start_visit

from inspector.services import photos
from inspector.services.context import AppContext
from inspector.services.inspections import (
    InspectionError,
    complete,
    load_state,
    set_rating,
    start_inspection,
)
from inspector.services.photo_exif import SITE_TIMEZONE
from inspector.services.photo_import import add_photos
from inspector.services.sites import list_sites


@pytest.fixture
def visit(context: AppContext) -> Visit:
    return start_visit(context)


def _three(visit: Visit, tmp_path: Path, criterion_id: str | None = None
           ) -> list[photos.PhotoRecord]:
    files = [samples.jpeg(tmp_path / f"IMG_{i}.jpg", seed=i + 1,
                          taken="2026:11:28 10:00:00") for i in range(3)]
    with visit.context.db.session() as session:
        return add_photos(session, visit.store, visit.inspection_id, criterion_id, files).added


def test_caption_rotation_and_order(visit: Visit, tmp_path: Path) -> None:
    first, second, third = _three(visit, tmp_path, visit.criteria[0])
    with visit.context.db.transaction() as session:
        captioned = photos.set_caption(session, first.id, "  教室门口的标牌  ")
        assert captioned.caption == "教室门口的标牌"
        assert photos.rotate(session, first.id, 90).rotation == 90
        turned = photos.rotate(session, first.id, -180)
        assert turned.rotation == 270 and turned.shown_size == (48, 64)
        with pytest.raises(photos.PhotoError, match="90"):
            photos.rotate(session, first.id, 45)
        with pytest.raises(photos.PhotoError, match="500"):
            photos.set_caption(session, first.id, "字" * 501)
        order = photos.move(session, third.id, 0)
        assert [r.id for r in order] == [third.id, first.id, second.id]
        assert [r.position for r in order] == [0, 1, 2]
    with visit.context.db.session() as session:
        listed = photos.photos_for(session, visit.inspection_id, visit.criteria[0])
        assert [r.id for r in listed] == [third.id, first.id, second.id]
        assert listed[1].caption == "教室门口的标牌" and listed[1].rotation == 270
        assert photos.get_photo(session, first.id).rotation == 270


def test_several_photos_move_to_a_criterion_at_once(visit: Visit, tmp_path: Path) -> None:
    general = _three(visit, tmp_path)  # a phone's folder, imported as general photos
    with visit.context.db.transaction() as session:
        moved = photos.assign_many(session, [general[2].id, general[0].id], visit.criteria[2])
        assert [r.criterion_id for r in moved] == [visit.criteria[2]] * 2
    with visit.context.db.session() as session:
        listed = photos.photos_for(session, visit.inspection_id, visit.criteria[2])
        assert [r.id for r in listed] == [general[2].id, general[0].id]  # in the order given
        assert [r.id for r in photos.photos_for(session, visit.inspection_id, None)] == [
            general[1].id]
    # A photo of another inspection, or a criterion the tier does not have: nothing moves.
    with visit.context.db.transaction() as session:
        village = [s for s in list_sites(session) if s.tier == "village"][1]
        other = start_inspection(session, village.id, VISIT, inspectors="李明").id
        stranger = add_photos(session, visit.store, other, None,
                              [samples.jpeg(tmp_path / "x.jpg", seed=50)]).added[0]
    for ids, criterion, message in (([general[1].id, stranger.id], visit.criteria[0],
                                     "different inspections"),
                                    ([general[1].id], "no.such.criterion", "unknown criterion")):
        with pytest.raises(photos.PhotoError, match=message), \
                visit.context.db.transaction() as session:
            photos.assign_many(session, ids, criterion)
        with visit.context.db.session() as session:
            assert photos.get_photo(session, general[1].id).criterion_id is None


def test_all_photos_come_general_first_then_by_criterion(visit: Visit, tmp_path: Path) -> None:
    one = _three(visit, tmp_path / "", visit.criteria[1])[0]
    general = samples.jpeg(tmp_path / "general.jpg", seed=99)
    with visit.context.db.session() as session:
        add_photos(session, visit.store, visit.inspection_id, None, [general])
        listed = photos.photos_for(session, visit.inspection_id)
    assert listed[0].criterion_id is None and listed[0].original_name == "general.jpg"
    assert listed[1].id == one.id and len(listed) == 4


def test_taken_at_comes_back_aware_and_shown_on_the_sites_clock(visit: Visit,
                                                                tmp_path: Path) -> None:
    record = _three(visit, tmp_path)[0]
    with visit.context.db.session() as session:
        stored = photos.get_photo(session, record.id)
    assert stored.taken_at == datetime(2026, 11, 28, 2, 0, tzinfo=UTC)
    assert stored.local_taken_at == datetime(2026, 11, 28, 10, 0, tzinfo=SITE_TIMEZONE)
    assert not stored.outside_visit
    evening_utc = datetime(2026, 11, 27, 20, 0, tzinfo=UTC)  # 04:00 on the 28th in China
    assert photos.taken_outside_visit(evening_utc, VISIT) is False
    assert photos.taken_outside_visit(evening_utc, date(2026, 11, 27)) is True


def test_delete_then_undo_restores_the_same_photo(visit: Visit, tmp_path: Path) -> None:
    first, second, _ = _three(visit, tmp_path, visit.criteria[0])
    with visit.context.db.transaction() as session:
        photos.set_caption(session, second.id, "图书角")
    with visit.context.db.transaction() as session:
        deleted = photos.delete_photo(session, second.id)
    with visit.context.db.session() as session:
        assert [r.id for r in photos.photos_for(session, visit.inspection_id)] == [
            first.id, _.id]
    assert visit.store.find(second.sha256) is not None  # the file waits for a possible undo
    with visit.context.db.transaction() as session:
        restored = photos.restore_photo(session, visit.store, deleted)
        with pytest.raises(photos.PhotoError, match="not deleted"):
            photos.restore_photo(session, visit.store, deleted)
    assert restored == deleted and restored.caption == "图书角" and restored.position == 1
    with visit.context.db.session() as session:
        assert [r.id for r in photos.photos_for(session, visit.inspection_id)] == [
            first.id, second.id, _.id]


def test_delete_is_remembered_and_undo_forgets_it(visit: Visit, tmp_path: Path) -> None:
    """A tombstone keeps a sync bundle from bringing the photo back; undo removes it."""
    from sqlmodel import select

    from inspector.storage.models import Photo, SyncTombstone

    first = _three(visit, tmp_path)[0]
    with visit.context.db.transaction() as session:
        photos.rotate(session, first.id, 90)
        photos.set_caption(session, first.id, "门牌")
    with visit.context.db.session() as session:
        before = session.get(Photo, first.id)
    with visit.context.db.transaction() as session:
        deleted = photos.delete_photo(session, first.id, "王芳")
    with visit.context.db.session() as session:
        tombstone = session.exec(select(SyncTombstone)).one()
    assert (tombstone.table_name, tombstone.record_id, tombstone.deleted_by) == (
        "photos", first.id, "王芳")
    assert tombstone.vv.startswith('{"~')  # never exchanged: named by its content
    with visit.context.db.transaction() as session:
        photos.restore_photo(session, visit.store, deleted)
    with visit.context.db.session() as session:
        assert session.exec(select(SyncTombstone)).all() == []
        after = session.get(Photo, first.id)
    assert before is not None and after is not None
    assert after.model_dump() == before.model_dump()  # timestamps and revision too


def test_garbage_collection_removes_only_unreferenced_old_files(visit: Visit,
                                                                tmp_path: Path) -> None:
    first, second, third = _three(visit, tmp_path, visit.criteria[1])
    shared = tmp_path / "IMG_0.jpg"
    with visit.context.db.session() as session:  # the same bytes, also for another criterion
        add_photos(session, visit.store, visit.inspection_id, visit.criteria[0], [shared])
    with visit.context.db.transaction() as session:
        photos.delete_photo(session, first.id)  # the other row still needs the file
        deleted = photos.delete_photo(session, second.id)
    with visit.context.db.session() as session:
        fresh = photos.collect_garbage(session, visit.store)
        assert fresh.files_removed == 0  # just used: it could still be undone
        for _, path in visit.store.stored_files():
            os.utime(path, (1_000_000_000, 1_000_000_000))
        report = photos.collect_garbage(session, visit.store)
    assert report.files_removed == 1 and report.bytes_freed == second.size_bytes
    assert visit.store.find(second.sha256) is None
    assert visit.store.find(first.sha256) is not None
    assert visit.store.find(third.sha256) is not None
    with visit.context.db.transaction() as session, pytest.raises(photos.PhotoError,
                                                                  match="gone"):
        photos.restore_photo(session, visit.store, deleted)


def test_a_completed_inspection_refuses_photo_edits(visit: Visit, tmp_path: Path) -> None:
    record = _three(visit, tmp_path)[0]
    with visit.context.db.transaction() as session:
        for criterion in load_state(session, visit.inspection_id).criteria:
            set_rating(session, visit.inspection_id, criterion.id, "meets")
        complete(session, visit.inspection_id, "王芳")
    with visit.context.db.transaction() as session:
        for action in (lambda: photos.set_caption(session, record.id, "x"),
                       lambda: photos.rotate(session, record.id, 90),
                       lambda: photos.assign(session, record.id, visit.criteria[0]),
                       lambda: photos.delete_photo(session, record.id)):
            with pytest.raises(InspectionError, match="read-only"):
                action()
        assert len(photos.photos_for(session, visit.inspection_id)) == 3
    with visit.context.db.session() as session, pytest.raises(photos.PhotoError,
                                                              match="no such photo"):
        photos.get_photo(session, "missing")
