"""Random concurrent work on one data folder for a bounded time, then a full check.

Real processes at once on one office data folder: command-line imports of bundles
that share photos (in random order, repeated), an editor rating, noting, adding and
deleting photos of its own inspection, and the start-up clean-up run again and again
with no hour of grace. Afterwards: every photo row has its file with the right bytes,
every edit the editor saw committed is there, the imports equal the same bundles
imported one by one into a fresh folder, and a last clean-up keeps every photo.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from sync_helpers import add_photo, completed_inspection, installation, jpeg_bytes

from inspector.services import inspections
from inspector.services.photo_store import PhotoStore
from inspector.services.photos import collect_garbage
from inspector.services.sync.export import export_bundle
from inspector.services.sync.identity import Role
from inspector.services.sync.importer import import_bundle

SECONDS = 8.0
SEED = int(os.environ.get("INSPECTOR_STRESS_SEED", "20261203"))

EDITOR = r"""
import json, random, sys, time
from pathlib import Path
from photo_samples import jpeg, start_visit
from inspector.app_paths import AppPaths
from inspector.services import inspections, photos
from inspector.services.context import open_context
from inspector.services.photo_import import add_photos
from inspector.services.photo_store import PhotoStore
data, until, seed, log = Path(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
rng = random.Random(seed)
context = open_context(AppPaths.resolve(data))
with context.db.transaction() as session:
    from inspector.services.sites import site_id_for_code
    inspection = inspections.start_inspection(session, site_id_for_code("330799101201"),
                                              __import__("datetime").date(2026, 12, 1),
                                              inspectors="编辑")
    criteria = [c.id for c in inspections.load_state(session, inspection.id).criteria]
store = PhotoStore.for_paths(context.paths)
expected = {"inspection": inspection.id, "ratings": {}, "notes": {}, "photos": {}}
n = 0
while time.time() < until:
    n += 1
    action = rng.choice(["rate", "note", "photo", "photo", "delete"])
    criterion = rng.choice(criteria)
    with context.db.transaction() as session:
        if action == "rate":
            rating = rng.choice(["meets", "partly", "not_met"])
            inspections.set_rating(session, inspection.id, criterion, rating)
            expected["ratings"][criterion] = rating
        elif action == "note":
            note = f"说明 {n}"
            inspections.set_note(session, inspection.id, criterion, note)
            expected["notes"][criterion] = note
        elif action == "delete" and expected["photos"]:
            photo_id = rng.choice(sorted(expected["photos"]))
            photos.delete_photo(session, photo_id, "编辑", store=store)
            del expected["photos"][photo_id]
    if action == "photo":
        # Shares bytes with the bundles' photos half of the time.
        source = Path(log).parent / f"p{n}.jpg"
        if rng.random() < 0.5:
            source.write_bytes(Path(sys.argv[5 + rng.randrange(len(sys.argv) - 5)]).read_bytes())
        else:
            jpeg(source, (80, 60), seed=n * 7919 + rng.randrange(1000))
        with context.db.session() as session:
            report = add_photos(session, store, inspection.id, criterion, [source], workers=0)
        for record in report.added:
            expected["photos"][record.id] = record.sha256
Path(log).write_text(json.dumps(expected))
context.close()
"""

CLEANER = r"""
import sys, time
from pathlib import Path
from inspector.app_paths import AppPaths
from inspector.services.context import open_context
from inspector.services.photo_store import PhotoStore
from inspector.services.photos import collect_garbage
data, until = Path(sys.argv[1]), float(sys.argv[2])
context = open_context(AppPaths.resolve(data))
store = PhotoStore.for_paths(context.paths)
runs = 0
while time.time() < until:
    with context.db.session() as session:
        collect_garbage(session, store, min_age_seconds=0)
    runs += 1
print(runs)
context.close()
"""


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "INSPECTOR_DATA_DIR"}
    tests = str(Path(__file__).resolve().parents[1])
    env["PYTHONPATH"] = os.pathsep.join([tests, *sys.path])
    return env


def _bundles(tmp_path: Path) -> tuple[list[Path], list[Path]]:
    """Three laptops' results; their photos share bytes. Also a few of those photos as files."""
    bundles, samples = [], []
    for n, code in enumerate(["330799001001", "330799001002", "330799001003"]):
        field = installation(tmp_path, f"field{n}", Role.FIELD)
        inspection_id = completed_inspection(field, code=code, photos=0)
        with field.db.transaction() as session:
            inspections.reopen(session, inspection_id, "张三", "补照片")
        for k in range(25):
            add_photo(field, inspection_id, jpeg_bytes(k + 10 * n), k)  # overlaps the next
        with field.db.transaction() as session:
            inspections.complete(session, inspection_id, "张三")
        bundles.append(export_bundle(field, tmp_path / f"results{n}.bundle").path)
        field.close()
    for k in (0, 12, 33):
        sample = tmp_path / f"shared{k}.jpg"
        sample.write_bytes(jpeg_bytes(k))
        samples.append(sample)
    return bundles, samples


def _photo_check(data_dir: Path) -> list[str]:
    """Photo rows whose file is missing or holds other bytes."""
    store = PhotoStore(data_dir / "photos", data_dir / "cache" / "thumbnails")
    with sqlite3.connect(data_dir / "inspector.sqlite3") as conn:
        shas = {row[0] for row in conn.execute("SELECT sha256 FROM photos")}
    conn.close()
    wrong = []
    for sha in sorted(shas):
        path = store.find(sha)
        if path is None or hashlib.sha256(path.read_bytes()).hexdigest() != sha:
            wrong.append(sha)
    return wrong


def _imported(data_dir: Path, exclude: str) -> list[tuple[object, ...]]:
    """What the bundles brought: their inspections, responses and photos."""
    with sqlite3.connect(data_dir / "inspector.sqlite3") as conn:
        rows = [*conn.execute("SELECT 'i', id, status FROM inspections WHERE id != ?",
                              (exclude,)),
                *conn.execute("SELECT 'r', id, rating, note FROM responses "
                              "WHERE inspection_id != ?", (exclude,)),
                *conn.execute("SELECT 'p', id, sha256 FROM photos WHERE inspection_id != ?",
                              (exclude,))]
    conn.close()
    return sorted(rows, key=repr)


def test_random_concurrent_imports_edits_and_clean_ups_lose_nothing(tmp_path: Path) -> None:
    rng = random.Random(SEED)
    bundles, samples = _bundles(tmp_path)
    office = installation(tmp_path, "office", Role.OFFICE)
    data = office.paths.data_dir
    office.close()
    until = time.time() + SECONDS
    env = _env()
    log = tmp_path / "editor" / "expected.json"
    log.parent.mkdir()
    editor = subprocess.Popen([sys.executable, "-c", EDITOR, str(data), str(until),
                               str(rng.randrange(10**6)), str(log), *map(str, samples)],
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    cleaner = subprocess.Popen([sys.executable, "-c", CLEANER, str(data), str(until)],
                               env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    imports: list[subprocess.Popen[str]] = []
    while time.time() < until:
        finished = [run for run in imports if run.poll() is not None]
        for run in finished:
            _out, err = run.communicate()
            assert run.returncode in (0, 2) and "Traceback" not in err, err
        imports = [run for run in imports if run not in finished]
        if len(imports) < 2:
            bundle = rng.choice(bundles)
            imports.append(subprocess.Popen(
                [sys.executable, "-m", "inspector", "--data-dir", str(data), "bundle", "import",
                 str(bundle), "--trust-new-device"],
                env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
        time.sleep(rng.uniform(0.05, 0.4))
    for run in imports:
        _out, err = run.communicate(timeout=120)
        assert run.returncode in (0, 2) and "Traceback" not in err, err
    _out, err = editor.communicate(timeout=120)
    assert editor.returncode == 0, err
    cleaned, err = cleaner.communicate(timeout=120)
    assert cleaner.returncode == 0, err
    assert int(cleaned) > 0
    # Every bundle once more, now alone: whatever the race left out comes in.
    for bundle in bundles:
        done = subprocess.run([sys.executable, "-m", "inspector", "--data-dir", str(data),
                               "bundle", "import", str(bundle), "--trust-new-device"],
                              env=env, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr

    assert _photo_check(data) == []
    expected = json.loads(log.read_text())
    with sqlite3.connect(data / "inspector.sqlite3") as conn:
        ratings = dict(conn.execute("SELECT criterion_id, rating FROM responses WHERE "
                                    "inspection_id = ? AND rating IS NOT NULL",
                                    (expected["inspection"],)).fetchall())
        notes = dict(conn.execute("SELECT criterion_id, note FROM responses WHERE "
                                  "inspection_id = ? AND note != ''",
                                  (expected["inspection"],)).fetchall())
        own_photos = dict(conn.execute("SELECT id, sha256 FROM photos WHERE inspection_id = ?",
                                       (expected["inspection"],)).fetchall())
    conn.close()
    assert ratings == expected["ratings"]
    assert notes == expected["notes"]
    assert own_photos == expected["photos"]

    reference = installation(tmp_path, "reference", Role.OFFICE)
    for bundle in bundles:
        import_bundle(reference, bundle, trust_new_device=True)
    reference.close()
    assert _imported(data, expected["inspection"]) == _imported(reference.paths.data_dir, "")

    # With everything at rest, the harshest clean-up keeps every referenced photo.
    from inspector.app_paths import AppPaths
    from inspector.services.context import open_context

    context = open_context(AppPaths.resolve(data))
    with context.db.session() as session:
        report = collect_garbage(session, PhotoStore.for_paths(context.paths), 0)
    context.close()
    assert not report.skipped
    assert _photo_check(data) == []
