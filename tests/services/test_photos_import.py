"""Adding photos to an inspection through the service the GUI's worker calls."""

from __future__ import annotations

from pathlib import Path

import photo_samples as samples
import pytest
from photo_samples import VISIT, Visit, start_visit
from sqlmodel import select

from inspector.services import photo_import, photo_preparation, photos
from inspector.services.context import AppContext
from inspector.services.control import NullControl
from inspector.services.inspections import (
    InspectionError,
    complete,
    load_state,
    set_note,
    set_rating,
)
from inspector.services.photo_import import (
    ImportProgress,
    add_photos,
    find_images,
    import_folder,
)
from inspector.storage.models import Photo


@pytest.fixture
def visit(context: AppContext) -> Visit:
    return start_visit(context)


def _add(visit: Visit, paths: list[Path], criterion_id: str | None = None,
         **kwargs: object) -> photo_import.ImportReport:
    with visit.context.db.session() as session:
        return add_photos(session, visit.store, visit.inspection_id, criterion_id, paths,
                          **kwargs)  # type: ignore[arg-type]


def _rows(visit: Visit) -> list[Photo]:
    with visit.context.db.session() as session:
        return list(session.exec(select(Photo)).all())


def _store_files(visit: Visit) -> list[Path]:
    return [path for _, path in visit.store.stored_files()]


@pytest.mark.parametrize("workers", [0, 1, 2])
def test_a_mixed_batch_adds_the_good_and_names_the_bad(visit: Visit, tmp_path: Path,
                                                       workers: int) -> None:
    good = [
        samples.jpeg(tmp_path / "turned.jpg", orientation=6, taken="2026:11:28 10:00:00"),
        samples.jpeg(tmp_path / "gps.jpg", seed=1,
                     gps=("N", (29.0, 52.0, 12.0), "E", (121.0, 33.0, 0.0))),
        samples.png_with_alpha(tmp_path / "alpha.png"),
        samples.jpeg(tmp_path / "cmyk.jpg", mode="CMYK", seed=2),
        samples.heic(tmp_path / "phone.heic"),
        samples.webp(tmp_path / "web.webp"),
    ]
    bad = [
        samples.truncated_jpeg(tmp_path / "cut.jpg"),
        samples.text_as_jpeg(tmp_path / "notes.jpg"),
        samples.png_bomb(tmp_path / "bomb.png"),
        tmp_path / "missing.jpg",
    ]
    order = [good[0], bad[0], good[1], bad[1], good[2], bad[2], good[3], good[4], bad[3],
             good[5]]
    seen: list[ImportProgress] = []
    report = _add(visit, order, visit.criteria[0], progress_callback=seen.append,
                  workers=workers)
    assert [r.original_name for r in report.added] == [
        "turned.jpg", "gps.jpg", "alpha.png", "cmyk.jpg", "phone.heic", "web.webp"]
    assert [path.name for path, _ in report.rejected] == [
        "cut.jpg", "notes.jpg", "bomb.png", "missing.jpg"]
    assert all(" / " in reason for _, reason in report.rejected)  # 中文 / English
    assert [(p.done, p.path.name) for p in seen] == [(i + 1, p.name) for i, p in
                                                     enumerate(order)]
    assert not report.cancelled and "6" in report.message()
    by_name = {r.original_name: r for r in report.added}
    assert (by_name["turned.jpg"].width, by_name["turned.jpg"].height) == (48, 64)
    assert by_name["gps.jpg"].gps_lat == pytest.approx(29.87)
    assert by_name["phone.heic"].media_type == "image/heic"
    assert [r.position for r in report.added] == list(range(6))
    files = _store_files(visit)
    assert len(files) == 6
    assert {f.suffix for f in files} == {".jpg", ".png", ".heic", ".webp"}
    for record in report.added:  # thumbnails were made during the import
        assert visit.store.thumbnail_path(record.sha256).stat().st_size > 0
    assert visit.store.staged_files() == []


def test_the_same_photo_twice_is_stored_once(visit: Visit, tmp_path: Path) -> None:
    photo = samples.jpeg(tmp_path / "IMG_0001.jpg")
    copy = tmp_path / "card" / "IMG_0001.jpg"
    copy.parent.mkdir()
    copy.write_bytes(photo.read_bytes())
    first = _add(visit, [photo, copy], visit.criteria[0])
    assert len(first.added) == 1 and first.duplicates == [copy]
    again = _add(visit, [photo], visit.criteria[0])
    assert again.added == [] and again.duplicates == [photo]
    other = _add(visit, [photo], visit.criteria[1])  # evidence for a second criterion
    assert len(other.added) == 1
    assert len(_rows(visit)) == 2 and len(_store_files(visit)) == 1


def test_a_general_photo_added_to_a_criterion_moves_there(visit: Visit, tmp_path: Path) -> None:
    photo = samples.jpeg(tmp_path / "IMG_0001.jpg")
    general = _add(visit, [photo], None).added[0]
    report = _add(visit, [photo], visit.criteria[2])
    assert report.added == [] and [r.id for r in report.assigned] == [general.id]
    with visit.context.db.session() as session:
        assert photos.photos_for(session, visit.inspection_id, None) == []
        assert [r.id for r in photos.photos_for(session, visit.inspection_id,
                                                visit.criteria[2])] == [general.id]


@pytest.mark.parametrize("workers", [0, 1, 2])
def test_cancel_leaves_nothing_half_stored(visit: Visit, tmp_path: Path, workers: int) -> None:
    paths = [samples.jpeg(tmp_path / f"IMG_{i:04}.jpg", (120, 90), seed=i) for i in range(8)]
    control = NullControl()

    def cancel_after_two(progress: ImportProgress) -> None:
        if progress.done == 2:
            control.cancel()

    report = _add(visit, paths, None, control=control, progress_callback=cancel_after_two,
                  workers=workers)
    assert report.cancelled and len(report.added) == 2
    assert "取消" in report.message() and "cancelled, 6 not handled" in report.message()
    # The two photos fully stored before the cancel stay, with their rows; nothing else.
    rows = _rows(visit)
    assert sorted(r.original_name for r in rows) == ["IMG_0000.jpg", "IMG_0001.jpg"]
    assert sorted(f.name.split(".")[0] for f in _store_files(visit)) == sorted(
        r.sha256 for r in rows)
    assert visit.store.staged_files() == []


def test_cancel_in_the_middle_of_a_file_drops_that_file(visit: Visit, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Cancelled while file 2 is being decoded: file 2 gets no row and no file."""
    paths = [samples.jpeg(tmp_path / f"IMG_{i}.jpg", seed=i) for i in range(3)]
    control = NullControl()
    real_examine = photo_preparation.examine

    def examine_then_cancel(path: Path, *args: object, **kwargs: object) -> object:
        result = real_examine(path, *args, **kwargs)  # type: ignore[arg-type]
        if kwargs.get("display_path") == paths[1]:
            control.cancel()
        return result

    monkeypatch.setattr(photo_preparation, "examine", examine_then_cancel)
    report = _add(visit, paths, None, control=control, workers=0)
    assert [r.original_name for r in report.added] == ["IMG_0.jpg"]
    assert report.cancelled
    assert len(_rows(visit)) == 1 and len(_store_files(visit)) == 1
    assert visit.store.staged_files() == []


def test_a_completed_inspection_takes_no_photos(visit: Visit, tmp_path: Path) -> None:
    with visit.context.db.transaction() as session:
        state = load_state(session, visit.inspection_id)
        for criterion in state.criteria:
            set_rating(session, visit.inspection_id, criterion.id, "meets")
            set_note(session, visit.inspection_id, criterion.id, "")
        complete(session, visit.inspection_id, "王芳")
    photo = samples.jpeg(tmp_path / "late.jpg")
    with pytest.raises(InspectionError, match="read-only"):
        _add(visit, [photo], None)
    assert _store_files(visit) == [] and _rows(visit) == []


def test_unknown_criterion_is_refused_before_any_file_is_read(visit: Visit,
                                                              tmp_path: Path) -> None:
    with pytest.raises(photos.PhotoError, match="unknown criterion"):
        _add(visit, [samples.jpeg(tmp_path / "a.jpg")], "no-such-criterion")
    assert _store_files(visit) == []


def test_photo_taken_on_another_day_is_flagged_not_refused(visit: Visit, tmp_path: Path) -> None:
    report = _add(visit, [
        samples.jpeg(tmp_path / "today.jpg", taken="2026:11:28 23:59:59"),
        samples.jpeg(tmp_path / "yesterday.jpg", seed=1, taken="2026:11:27 16:00:00"),
        samples.jpeg(tmp_path / "undated.jpg", seed=2),
    ])
    flags = {r.original_name: r.outside_visit for r in report.added}
    assert flags == {"today.jpg": False, "yesterday.jpg": True, "undated.jpg": False}
    assert photos.taken_outside_visit(None, VISIT) is False


def test_import_a_folder_then_assign(visit: Visit, tmp_path: Path) -> None:
    card = tmp_path / "SDCARD"
    (card / "DCIM" / "100PHOTO").mkdir(parents=True)
    (card / "DCIM" / ".thumbnails").mkdir()
    samples.jpeg(card / "DCIM" / "100PHOTO" / "IMG_0002.JPG", seed=2)
    samples.jpeg(card / "DCIM" / "100PHOTO" / "IMG_0001.jpg", seed=1)
    samples.heic(card / "DCIM" / "100PHOTO" / "IMG_0003.HEIC")
    samples.jpeg(card / "DCIM" / ".thumbnails" / "t.jpg", seed=9)
    samples.jpeg(card / "DCIM" / "100PHOTO" / "._IMG_0001.jpg", seed=8)
    (card / "DCIM" / "100PHOTO" / "VID_0001.MP4").write_bytes(b"not looked at")
    found = find_images(card)
    assert [p.name for p in found] == ["IMG_0001.jpg", "IMG_0002.JPG", "IMG_0003.HEIC"]
    with visit.context.db.session() as session:
        report = import_folder(session, visit.store, visit.inspection_id, card)
    assert len(report.added) == 3 and report.rejected == []
    with visit.context.db.transaction() as session:
        general = photos.photos_for(session, visit.inspection_id, None)
        assert [r.original_name for r in general] == ["IMG_0001.jpg", "IMG_0002.JPG",
                                                      "IMG_0003.HEIC"]
        moved = photos.assign(session, general[1].id, visit.criteria[0])
        assert moved.criterion_id == visit.criteria[0] and moved.position == 0
    with visit.context.db.session() as session:
        assert photos.photo_counts(session, visit.inspection_id) == {None: 2,
                                                                     visit.criteria[0]: 1}
        with pytest.raises(photos.PhotoError, match="no such folder"):
            import_folder(session, visit.store, visit.inspection_id, tmp_path / "nowhere")


def test_autosave_goes_on_while_an_import_runs(visit: Visit, tmp_path: Path) -> None:
    """The import commits photo by photo, so the GUI thread's writes are never locked out."""
    import threading

    paths = [samples.jpeg(tmp_path / f"IMG_{i}.jpg", (320, 240), seed=i + 1) for i in range(12)]
    reports: list[photo_import.ImportReport] = []
    worker = threading.Thread(target=lambda: reports.append(_add(visit, paths, workers=2)))
    worker.start()
    saved = 0
    while worker.is_alive() or saved < 5:
        with visit.context.db.transaction() as session:
            set_note(session, visit.inspection_id, visit.criteria[0], f"note {saved}")
        saved += 1
    worker.join()
    assert len(reports[0].added) == 12
    with visit.context.db.session() as session:
        assert load_state(session, visit.inspection_id).responses[visit.criteria[0]].note == (
            f"note {saved - 1}")
