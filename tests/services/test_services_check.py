"""Checking the data folder: the database and every photo file, and the safe repairs.

Real damage only: photo files truncated, deleted or with a byte flipped, a byte
flipped in a database page, a row whose parent is gone, a tampered bundle.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from photo_samples import jpeg

from inspector.services import inspections
from inspector.services.check import Kind, check_data
from inspector.services.check_places import photo_places
from inspector.services.check_repairs import refetch_photos, remove_unavailable_photos
from inspector.services.context import AppContext
from inspector.services.control import Cancelled
from inspector.services.demo import load_demo
from inspector.services.photo_import import add_photos
from inspector.services.photo_store import PhotoStore
from inspector.services.sites import site_id_for_code
from inspector.services.sync import SyncError
from inspector.services.sync.export import export_bundle
from inspector.services.sync.identity import Role, set_role

TOWNSHIP = "城关街道社区学校"


@dataclass
class Data:
    context: AppContext
    store: PhotoStore
    draft_id: str
    draft_photos: dict[str, str]  # original name -> sha256


def _sha_of(context: AppContext, name: str) -> str:
    with sqlite3.connect(context.paths.database) as conn:
        row = conn.execute("SELECT sha256 FROM photos WHERE original_name = ?",
                           (name,)).fetchone()
    conn.close()
    return str(row[0])


@pytest.fixture
def data(context: AppContext, tmp_path: Path) -> Data:
    """The demo county (two completed inspections with photos) and a visit in progress
    with a general photo and a photo for its first criterion."""
    load_demo(context)
    with context.db.transaction() as session:
        draft = inspections.start_inspection(session, site_id_for_code("330799001002"),
                                             date(2026, 11, 28), inspectors="王芳")
        first = inspections.load_state(session, draft.id).criteria[0].id
    store = PhotoStore.for_paths(context.paths)
    general = jpeg(tmp_path / "现场.jpg", seed=3)
    evidence = jpeg(tmp_path / "制度上墙.jpg", seed=4)
    with context.db.session() as session:
        add_photos(session, store, draft.id, None, [general], workers=0)
        add_photos(session, store, draft.id, first, [evidence], workers=0)
    return Data(context, store, draft.id,
                {p.name: _sha_of(context, p.name) for p in (general, evidence)})


def _file(data: Data, sha256: str) -> Path:
    path = data.store.find(sha256)
    assert path is not None
    return path


def _flip(path: Path, offset: int) -> None:
    with open(path, "r+b") as handle:
        handle.seek(offset)
        byte = handle.read(1)
        handle.seek(offset)
        handle.write(bytes([byte[0] ^ 0xFF]))


def _store_state(data: Data) -> list[tuple[str, str]]:
    root = data.context.paths.photos
    return sorted((str(p.relative_to(root)), hashlib.sha256(p.read_bytes()).hexdigest())
                  for p in root.rglob("*") if p.is_file() and p.name != ".lock")


def test_intact_data_is_all_well(data: Data) -> None:
    report = check_data(data.context.paths)
    assert report.ok and report.database_checked
    assert report.photos == 14 and report.files == 14
    assert "一切正常" in report.summary() and report.hints() == []


def test_each_damaged_photo_file_is_named_by_site_inspection_and_criterion(data: Data) -> None:
    paths = data.context.paths
    truncated = _sha_of(data.context, "demo-visit-2026-06-05.jpg")
    deleted = data.draft_photos["现场.jpg"]
    flipped = data.draft_photos["制度上墙.jpg"]
    size = _file(data, truncated).stat().st_size
    with open(_file(data, truncated), "r+b") as handle:
        handle.truncate(1000)
    _file(data, deleted).unlink()
    _flip(_file(data, flipped), 300)
    report = check_data(paths)
    assert not report.ok and len(report.findings) == 3
    by_photo = {f.photo: f for f in report.findings}
    cut = by_photo["demo-visit-2026-06-05.jpg"]
    assert cut.kind is Kind.PHOTO_DAMAGED and cut.site == TOWNSHIP and not cut.editable
    assert cut.inspection == "2026-06-03（已完成）" and cut.criterion.startswith("第 11 项“")
    assert f"1000 字节，应为 {size} 字节" in cut.message and "completed" in cut.message
    gone = by_photo["现场.jpg"]
    assert gone.kind is Kind.PHOTO_MISSING and gone.editable
    assert gone.criterion == "现场总体照片" and "general photos of the visit" in gone.message
    bad = by_photo["制度上墙.jpg"]
    assert bad.kind is Kind.PHOTO_DAMAGED and bad.criterion.startswith("第 1 项“")
    assert "SHA-256" in bad.message and "in progress" in bad.message
    for finding in report.findings:  # names, never ids; one line each
        assert finding.inspection_id not in finding.message and "\n" not in finding.message
        assert finding.photo_id not in finding.message
    assert report.removable == [gone, bad] or set(report.removable) == {gone, bad}
    assert any("--remove-missing" in hint for hint in report.hints())


def test_one_file_used_by_two_photos_is_reported_for_each(data: Data, tmp_path: Path) -> None:
    with data.context.db.transaction() as session:
        second = inspections.load_state(session, data.draft_id).criteria[1].id
    with data.context.db.session() as session:  # the same bytes as evidence for another criterion
        add_photos(session, data.store, data.draft_id, second, [tmp_path / "制度上墙.jpg"],
                   workers=0)
    _file(data, data.draft_photos["制度上墙.jpg"]).unlink()
    report = check_data(data.context.paths)
    assert sorted(f.criterion[:6] for f in report.findings) == ["第 1 项“", "第 2 项“"]
    assert report.files == 13  # every other file once


def test_a_damaged_database_page_is_found_and_the_photos_are_still_checked(
        data: Data) -> None:
    paths = data.context.paths
    data.context.close()
    with sqlite3.connect(paths.database) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'responses'"
                            ).fetchone()[0]
    conn.close()
    _flip(paths.database, (root - 1) * 4096)
    _file(data, data.draft_photos["现场.jpg"]).unlink()
    report = check_data(paths)
    kinds = [f.kind for f in report.findings]
    assert Kind.DATABASE in kinds and Kind.PHOTO_MISSING in kinds
    assert any("backups restore" in hint for hint in report.hints())


def test_rows_pointing_at_rows_that_are_gone_are_counted(data: Data) -> None:
    paths = data.context.paths
    data.context.close()
    with sqlite3.connect(paths.database) as conn:  # as an old bug or a bad tool could leave it
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("DELETE FROM inspections WHERE id = ?", (data.draft_id,))
    conn.close()
    report = check_data(paths)
    messages = [f.message for f in report.findings if f.kind is Kind.REFERENCE]
    assert len(messages) == 1 and "2 条照片记录指向不存在的检查" in messages[0]
    assert "2 photo records refer to inspection records that do not exist" in messages[0]


def test_a_missing_database_in_a_used_folder_is_a_problem_and_a_new_folder_is_not(
        data: Data, tmp_path: Path) -> None:
    paths = data.context.paths
    data.context.close()
    paths.database.write_bytes(b"")
    [finding] = check_data(paths).findings
    assert finding.kind is Kind.NO_DATABASE and "restore it from a backup" in finding.message
    from inspector.app_paths import AppPaths

    assert check_data(AppPaths.resolve(tmp_path / "never-used")).ok


def test_the_check_can_be_cancelled(data: Data) -> None:
    class StopAtOnce:
        cancelled = True

        def progress(self, done: int, total: int, text: str = "") -> None:
            return

    with pytest.raises(Cancelled):
        check_data(data.context.paths, StopAtOnce())


# ------------------------------------------------------------------------------ repairs


@pytest.fixture
def bundle(data: Data, tmp_path: Path) -> Path:
    """A results bundle exported before anything was damaged (the completed inspections)."""
    set_role(data.context.paths, Role.FIELD, name="外业笔记本")
    return export_bundle(data.context, tmp_path / "earlier.bundle", include_all=True).path


def test_missing_and_damaged_photos_are_fetched_back_from_a_later_bundle(
        data: Data, bundle: Path) -> None:
    paths = data.context.paths
    intact = _store_state(data)
    cut = _sha_of(data.context, "demo-visit-2026-06-05.jpg")
    gone = _sha_of(data.context, "demo-visit-2026-06-01.jpg")
    damaged_path = _file(data, cut)
    with open(damaged_path, "r+b") as handle:
        handle.truncate(1000)
    _file(data, gone).unlink()
    _file(data, data.draft_photos["现场.jpg"]).unlink()  # a draft's photo never travels
    report = check_data(paths)
    result = refetch_photos(paths, report.wanted, bundle)
    assert sorted(result.fetched) == sorted([cut, gone])
    assert result.not_found == [data.draft_photos["现场.jpg"]]
    [aside] = result.set_aside
    assert aside.parent.name == ".damaged" and aside.stat().st_size == 1000
    after = check_data(paths)
    assert [f.photo for f in after.findings] == ["现场.jpg"]
    restored = {name: digest for name, digest in _store_state(data)
                if not name.startswith((".damaged", ".incoming"))}
    assert restored == {name: digest for name, digest in intact
                        if data.draft_photos["现场.jpg"] not in name}


def test_a_tampered_bundle_is_refused_and_nothing_changes(
        data: Data, bundle: Path, tmp_path: Path) -> None:
    gone = _sha_of(data.context, "demo-visit-2026-06-01.jpg")
    _file(data, gone).unlink()
    before = _store_state(data)
    tampered = tmp_path / "tampered.bundle"
    with zipfile.ZipFile(bundle) as source, zipfile.ZipFile(tampered, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename.startswith(f"photos/{gone}"):
                content = content[:-10] + bytes(10)  # the bytes changed, the manifest not
            target.writestr(info, content)
    with pytest.raises(SyncError, match="differs from the signed manifest"):
        refetch_photos(data.context.paths, {gone}, tampered)
    assert _store_state(data) == before  # nothing kept, nothing left in .incoming


def test_photos_are_fetched_back_from_a_folder_of_originals_with_the_same_bytes_only(
        data: Data, tmp_path: Path) -> None:
    sha = data.draft_photos["制度上墙.jpg"]
    original = _file(data, sha).read_bytes()
    _file(data, sha).unlink()
    folder = tmp_path / "phone"
    (folder / "DCIM").mkdir(parents=True)
    jpeg(folder / "制度上墙.jpg", seed=9)  # the same name, other bytes: not taken
    (folder / "DCIM" / "IMG_0001.jpg").write_bytes(original)
    (folder / "notes.txt").write_text("not a photo")
    result = refetch_photos(data.context.paths, {sha}, folder)
    assert result.fetched == [sha] and _file(data, sha).read_bytes() == original
    assert check_data(data.context.paths).ok


def test_photos_without_a_good_file_are_removed_from_inspections_in_progress_only(
        data: Data) -> None:
    paths = data.context.paths
    _file(data, data.draft_photos["现场.jpg"]).unlink()
    _flip(_file(data, data.draft_photos["制度上墙.jpg"]), 300)
    completed = _sha_of(data.context, "demo-visit-2026-06-01.jpg")
    completed_file = _file(data, completed)
    kept_aside = completed_file.read_bytes()
    completed_file.unlink()
    report = check_data(paths)
    assert len(report.removable) == 2 and len(report.photo_findings) == 3
    assert remove_unavailable_photos(data.context, report, actor="王芳") == 2
    after = check_data(paths)
    assert [f.photo for f in after.findings] == ["demo-visit-2026-06-01.jpg"]  # read-only
    with sqlite3.connect(paths.database) as conn:  # remembered, as a deletion by the user
        assert conn.execute("SELECT count(*) FROM sync_tombstones WHERE table_name = 'photos'"
                            ).fetchone()[0] == 2
    conn.close()
    completed_file.write_bytes(kept_aside)
    assert check_data(paths).ok


def test_a_photo_whose_file_came_back_meanwhile_is_not_removed(data: Data) -> None:
    sha = data.draft_photos["现场.jpg"]
    saved = _file(data, sha)
    aside = saved.with_name("elsewhere")
    shutil.move(saved, aside)
    report = check_data(data.context.paths)
    shutil.move(aside, saved)  # put back by hand before the repair ran
    assert remove_unavailable_photos(data.context, report) == 0
    assert check_data(data.context.paths).ok


def test_the_places_of_a_photo_file_are_named_for_other_messages(data: Data) -> None:
    [(zh, en)] = photo_places(data.context.paths.database, data.draft_photos["制度上墙.jpg"])
    assert zh.startswith("西门社区教学点，2026-11-28 的检查（进行中），第 1 项“")
    assert zh.endswith("照片 制度上墙.jpg")
    assert en.startswith("西门社区教学点, inspection of 2026-11-28 (in progress), criterion 1 “")
    assert photo_places(data.context.paths.database, "0" * 64) == []
