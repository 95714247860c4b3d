"""Photo evidence survives whatever runs at the same time on one data folder.

Real processes: two ``inspector bundle import`` at once, and the window's start-up
clean-up (``collect_garbage``) running again and again while a command-line import
saves photos. After each, every photo row must still have its file.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlmodel import select
from sync_helpers import completed_inspection, installation

from inspector.app_paths import AppPaths
from inspector.services.context import AppContext, DatabaseLostError, open_context
from inspector.services.photo_store import PhotoStore
from inspector.services.photos import collect_garbage
from inspector.services.sync.export import export_bundle
from inspector.services.sync.identity import Role
from inspector.services.sync.importer import import_bundle
from inspector.storage.models import SyncBundle

PHOTOS = 120


def inspector(*args: str) -> list[str]:
    return [sys.executable, "-m", "inspector", *args]


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("INSPECTOR_DATA_DIR", None)
    return env


@pytest.fixture(scope="module")
def field_bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A results bundle with one inspection and many photos."""
    root = tmp_path_factory.mktemp("field")
    field = installation(root, "field", Role.FIELD)
    try:
        completed_inspection(field, photos=PHOTOS, seed=7)
        return export_bundle(field, root / "results.bundle").path
    finally:
        field.close()


@pytest.fixture
def office(tmp_path: Path) -> Iterator[AppContext]:
    context = installation(tmp_path, "office", Role.OFFICE)
    yield context
    context.close()


def photo_rows_without_file(data_dir: Path) -> list[str]:
    store = PhotoStore(data_dir / "photos", data_dir / "cache" / "thumbnails")
    with sqlite3.connect(data_dir / "inspector.sqlite3") as conn:
        shas = [row[0] for row in conn.execute("SELECT sha256 FROM photos")]
    conn.close()
    return [sha for sha in shas if store.find(sha) is None]


def photo_rows(data_dir: Path) -> int:
    with sqlite3.connect(data_dir / "inspector.sqlite3") as conn:
        count = int(conn.execute("SELECT count(*) FROM photos").fetchone()[0])
    conn.close()
    return count


def test_two_imports_at_once_keep_every_photo(tmp_path: Path, field_bundle: Path) -> None:
    for attempt in range(3):
        office = installation(tmp_path, f"office{attempt}", Role.OFFICE)
        data_dir = office.paths.data_dir
        office.close()
        runs = [subprocess.Popen(
            inspector("--data-dir", str(data_dir), "bundle", "import", str(field_bundle),
                      "--trust-new-device"),
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env(), text=True)
            for _ in range(2)]
        outcomes = [run.communicate(timeout=120) for run in runs]
        codes = [run.returncode for run in runs]
        assert 0 in codes, outcomes
        assert all(code in (0, 2) for code in codes), outcomes  # the other says why, no crash
        assert photo_rows(data_dir) == PHOTOS
        assert photo_rows_without_file(data_dir) == []
        # Importing it once more says "already imported" and everything is still there.
        again = subprocess.run(
            inspector("--data-dir", str(data_dir), "bundle", "import", str(field_bundle)),
            capture_output=True, text=True, env=_env(), timeout=120)
        assert again.returncode == 0, again.stderr
        assert photo_rows_without_file(data_dir) == []


def test_clean_up_during_a_command_line_import_removes_nothing_in_use(
        office: AppContext, field_bundle: Path) -> None:
    data_dir = office.paths.data_dir
    store = PhotoStore.for_paths(office.paths)
    run = subprocess.Popen(
        inspector("--data-dir", str(data_dir), "bundle", "import", str(field_bundle),
                  "--trust-new-device"),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env(), text=True)
    collections = skipped = 0
    while run.poll() is None:
        # The harshest clean-up there is: no hour of grace for unreferenced files.
        with office.db.session() as session:
            report = collect_garbage(session, store, min_age_seconds=0)
        collections += 1
        skipped += report.skipped
    _out, err = run.communicate()
    assert run.returncode == 0, err
    assert collections > 0
    assert photo_rows(data_dir) == PHOTOS
    assert photo_rows_without_file(data_dir) == []
    # With the import finished, a clean-up runs and keeps every referenced file.
    with office.db.session() as session:
        report = collect_garbage(session, store, min_age_seconds=0)
    assert not report.skipped and report.files_removed == 0
    assert photo_rows_without_file(data_dir) == []


def test_clean_up_waits_for_nothing_and_skips_while_a_writer_holds_the_store(
        office: AppContext, tmp_path: Path) -> None:
    """Another process holding the store as a writer makes the clean-up skip, not delete."""
    store = PhotoStore.for_paths(office.paths)
    orphan = store.path_for("ab" * 32, "jpg")
    orphan.parent.mkdir(parents=True, exist_ok=True)
    orphan.write_bytes(b"x")
    os.utime(orphan, (time.time() - 7200, time.time() - 7200))
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys; from pathlib import Path; "
         "from inspector.services.photo_store import PhotoStore; "
         "store = PhotoStore(Path(sys.argv[1]), Path(sys.argv[2])); "
         "hold = store.hold(); print('held', flush=True); sys.stdin.read(); hold.release()",
         str(store.root), str(store.thumbnails)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=_env())
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "held"
        with office.db.session() as session:
            report = collect_garbage(session, store)
        assert report.skipped and orphan.exists()
    finally:
        holder.communicate("", timeout=30)
    with office.db.session() as session:
        report = collect_garbage(session, store)
    assert not report.skipped and report.files_removed == 1 and not orphan.exists()


def test_a_killed_import_s_temp_files_are_cleared_by_the_next_clean_up(office: AppContext) -> None:
    store = PhotoStore.for_paths(office.paths)
    temp, handle = store.new_staging_file()
    handle.write(b"half a photo")
    handle.close()
    with office.db.session() as session:
        report = collect_garbage(session, store)
    assert report.incoming_removed == 1 and not temp.exists()


@pytest.mark.parametrize("damage", ["empty", "missing"])
def test_a_used_folder_without_its_database_is_refused_and_keeps_its_photos(
        tmp_path: Path, damage: str) -> None:
    field = installation(tmp_path, "field", Role.FIELD)
    completed_inspection(field, photos=3)
    paths = field.paths
    field.close()
    files_before = sorted(p for p in paths.photos.rglob("*") if p.is_file())
    for suffix in ("-wal", "-shm"):
        Path(f"{paths.database}{suffix}").unlink(missing_ok=True)
    if damage == "empty":
        paths.database.write_bytes(b"")
    else:
        paths.database.unlink()
    with pytest.raises(DatabaseLostError, match="backups restore"):
        open_context(paths)
    result = subprocess.run(inspector("--data-dir", str(paths.data_dir), "sites", "list"),
                            capture_output=True, text=True, env=_env(), timeout=60)
    assert result.returncode == 2
    assert "backups" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr
    assert sorted(p for p in paths.photos.rglob("*") if p.is_file()) == files_before
    assert (paths.database.stat().st_size == 0) if damage == "empty" \
        else not paths.database.exists()


def test_a_new_folder_still_opens(tmp_path: Path) -> None:
    context = open_context(AppPaths.resolve(tmp_path / "new"))
    context.close()


def test_a_killed_import_s_temp_files_go_at_the_next_import_and_history_counts_are_right(
        office: AppContext, field_bundle: Path) -> None:
    store = PhotoStore.for_paths(office.paths)
    temp, handle = store.new_staging_file()  # what a killed import leaves behind
    handle.write(b"half a photo")
    handle.close()
    _prepared, result = import_bundle(office, field_bundle, trust_new_device=True)
    assert result is not None and result.preview.photos_new == PHOTOS
    assert not temp.exists() and store.staged_files() == []
    with office.db.session() as session:
        logged = session.exec(select(SyncBundle).where(SyncBundle.direction == "in")).one()
    changes = json.loads(logged.changes)
    assert (changes["photos_new"], changes["photos_known"]) == (PHOTOS, 0)


def test_a_spared_store_keeps_unreferenced_files_until_the_date(office: AppContext) -> None:
    store = PhotoStore.for_paths(office.paths)
    orphan = store.path_for("cd" * 32, "jpg")
    orphan.parent.mkdir(parents=True, exist_ok=True)
    orphan.write_bytes(b"x")
    os.utime(orphan, (time.time() - 7200, time.time() - 7200))
    store.spare_unreferenced(days=30)
    assert store.spared_until() > time.time() + 29 * 86400
    with office.db.session() as session:
        assert collect_garbage(session, store).files_removed == 0
    assert orphan.exists()
    store.spare_unreferenced(days=-1)  # never shortens a promise already made
    assert store.spared_until() > time.time()
    (store.root / ".spare-until").write_text(f"{time.time() - 1:.0f}\n")
    with office.db.session() as session:
        assert collect_garbage(session, store).files_removed == 1


def test_showing_the_device_first_leaves_a_folder_that_opens(tmp_path: Path) -> None:
    data_dir = tmp_path / "first"
    shown = subprocess.run(inspector("--data-dir", str(data_dir), "device", "show"),
                           capture_output=True, text=True, env=_env(), timeout=60)
    # Either it shows a new identity with its database, or says there is no data yet;
    # never a key left alone, which the next start would take for a lost database.
    assert shown.returncode in (0, 2) and "Traceback" not in shown.stderr, shown.stderr
    context = open_context(AppPaths.resolve(data_dir))  # not refused as a lost database
    context.close()
