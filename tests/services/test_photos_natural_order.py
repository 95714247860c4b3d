"""Photos listed by name come in the order people count: m1, m2, m10."""

from __future__ import annotations

from pathlib import Path, PurePath

import photo_samples as samples
from photo_samples import start_visit

from inspector.services import photos
from inspector.services.context import AppContext
from inspector.services.photo_import import find_images, import_folder


def test_natural_key_counts_numbers_and_ignores_case() -> None:
    names = ["m10.jpg", "m2.jpg", "M1.JPG", "IMG_0010.jpg", "IMG_009.jpg", "a.jpg", "m01.jpg"]
    assert sorted(names, key=photos.natural_key) == [
        "a.jpg", "IMG_009.jpg", "IMG_0010.jpg", "m01.jpg", "M1.JPG", "m2.jpg", "m10.jpg"]
    # Folder by folder, then the file: day2/… before day10/…, whatever the file names.
    paths = [PurePath("day10/a1.jpg"), PurePath("day2/z9.jpg"), PurePath("day2/z10.jpg")]
    assert sorted(paths, key=photos.natural_path_key) == [
        PurePath("day2/z9.jpg"), PurePath("day2/z10.jpg"), PurePath("day10/a1.jpg")]


def test_a_folder_is_imported_in_natural_order(context: AppContext, tmp_path: Path) -> None:
    visit = start_visit(context)
    folder = tmp_path / "手机照片"
    (folder / "第2组").mkdir(parents=True)
    (folder / "第10组").mkdir()
    for seed, name in enumerate(["m10.jpg", "m2.jpg", "m1.jpg"]):
        samples.jpeg(folder / name, seed=seed)
    samples.jpeg(folder / "第10组" / "m1.jpg", seed=7)
    samples.jpeg(folder / "第2组" / "m3.jpg", seed=8)
    expected = ["m1.jpg", "m2.jpg", "m10.jpg", "m3.jpg", "m1.jpg"]
    assert [p.name for p in find_images(folder)] == expected
    with context.db.session() as session:
        report = import_folder(session, visit.store, visit.inspection_id, folder)
    assert len(report.added) == 5 and report.rejected == []
    with context.db.session() as session:
        listed = photos.photos_for(session, visit.inspection_id, None)
    assert [r.original_name for r in listed] == expected
