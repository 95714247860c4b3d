"""A full or read-only disk under the data folder: one clear message, nothing half-done.

Each scenario runs in its own process on a real tmpfs (see ``disk_helpers``), filled to
the last byte or remounted read-only, and prints what it saw as JSON for the test.
"""

from __future__ import annotations

import json
from pathlib import Path

from disk_helpers import on_small_disk

COMMON = """
NEW_SITE_CSV = "名称,层级,上级\\n新建教学点,村（社区）教学站（点）,330799001000\\n"
import json, sys
from pathlib import Path
from disk_helpers import fill_disk, inspector_cli, make_read_only
from sync_helpers import VILLAGE, completed_inspection, dump, installation
from inspector.services.sync.identity import Role
root = Path(sys.argv[1])
out = {}
def one_line(result):
    lines = result.stderr.strip().splitlines()
    return {"code": result.returncode, "lines": len(lines), "text": result.stderr,
            "traceback": "Traceback" in result.stderr}
"""


def run(tmp_path: Path, body: str, size_mb: int = 24) -> dict[str, object]:
    result = on_small_disk(tmp_path, COMMON + body + "\nprint(json.dumps(out))\n", size_mb)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def test_a_site_import_on_a_full_disk_says_so_and_changes_nothing(tmp_path: Path) -> None:
    found = run(tmp_path, """
context = installation(root, "data", Role.OFFICE)
data = context.paths.data_dir
before = dump(context)
context.close()
csv = Path(sys.argv[1]).parent / "new.csv"
csv.write_text(NEW_SITE_CSV, encoding="utf-8")
filler = fill_disk(root)
out["full"] = one_line(inspector_cli("--data-dir", str(data), "sites", "import", str(csv)))
filler.unlink()
import inspector.services.context as c
from inspector.app_paths import AppPaths
again = c.open_context(AppPaths.resolve(data))
out["same"] = dump(again) == before
again.close()
out["after"] = one_line(inspector_cli("--data-dir", str(data), "sites", "import", str(csv)))
""")
    full = found["full"]
    assert isinstance(full, dict)
    assert full["code"] == 2 and full["lines"] == 1 and not full["traceback"], full
    assert "磁盘已满" in full["text"] and "disk" in full["text"]
    assert found["same"] is True
    assert isinstance(found["after"], dict) and found["after"]["code"] == 0


def test_a_photo_on_a_full_disk_is_refused_and_leaves_no_file(tmp_path: Path) -> None:
    found = run(tmp_path, """
from photo_samples import jpeg, start_visit
from inspector.services.photo_import import add_photos
from inspector.services.photo_store import PhotoStore, PhotoStoreError
import sqlite3
context = installation(root, "data", Role.FIELD)
visit = start_visit(context)
source = jpeg(Path(sys.argv[1]).parent / "p.jpg", (640, 480))
store = PhotoStore.for_paths(context.paths)
filler = fill_disk(root)
try:
    with context.db.session() as session:
        add_photos(session, store, visit.inspection_id, None, [source])
    out["raised"] = None
except PhotoStoreError as exc:
    out["raised"] = str(exc)
out["files"] = [str(p) for p in context.paths.photos.rglob("*") if p.is_file()
                and p.name != ".lock"]
with sqlite3.connect(context.paths.database) as conn:
    out["rows"] = conn.execute("SELECT count(*) FROM photos").fetchone()[0]
""")
    assert found["raised"] and "磁盘已满" in str(found["raised"])
    assert found["files"] == [] and found["rows"] == 0


def test_a_photo_whose_row_does_not_fit_is_removed_again(tmp_path: Path) -> None:
    """The file fits on the disk but the database cannot grow for its row."""
    found = run(tmp_path, """
import os, sqlite3
from photo_samples import jpeg, start_visit
from inspector.services.photo_import import add_photos
from inspector.services.photo_store import PhotoStore
from inspector.storage.disk_errors import StorageProblem
from inspector.app_paths import AppPaths
from inspector.services.context import open_context
context = installation(root, "data", Role.FIELD)
visit = start_visit(context)
paths = context.paths
context.close()  # the write-ahead log is gone: the next write must grow it
source = jpeg(Path(sys.argv[1]).parent / "p.jpg", (640, 480))
context = open_context(paths)
store = PhotoStore.for_paths(paths)
with context.db.session() as session:  # the log's index (-shm) is made now, not later
    session.connection().exec_driver_sql("SELECT 1")
filler = fill_disk(root)
pages = -(-source.stat().st_size // 4096) + 1
with open(filler, "r+b") as f:
    f.truncate(filler.stat().st_size - pages * 4096)
try:
    with context.db.session() as session:
        report = add_photos(session, store, visit.inspection_id, None, [source], workers=0)
    out["raised"] = None
    out["added"] = len(report.added)
except StorageProblem as exc:
    out["raised"] = str(exc)
out["files"] = [p.name for p in paths.photos.rglob("*") if p.is_file() and p.name != ".lock"
                and ".incoming" not in p.parts and "cache" not in p.parts]
with sqlite3.connect(paths.database) as conn:
    out["rows"] = conn.execute("SELECT count(*) FROM photos").fetchone()[0]
""")
    assert "磁盘已满" in str(found["raised"]), found
    assert found["rows"] == 0 and found["files"] == [], found


def test_a_read_only_data_folder_gives_clear_messages(tmp_path: Path) -> None:
    found = run(tmp_path, """
import sqlite3
context = installation(root, "data", Role.FIELD)
inspection_id = completed_inspection(context, photos=2)
data = context.paths.data_dir
context.close()
csv = Path(sys.argv[1]).parent / "new.csv"
csv.write_text(NEW_SITE_CSV, encoding="utf-8")
make_read_only(root)
report = Path(sys.argv[1]).parent / "report.pdf"
out["report"] = one_line(inspector_cli("--data-dir", str(data), "report", inspection_id,
                                       "-o", str(report)))
out["import"] = one_line(inspector_cli("--data-dir", str(data), "sites", "import", str(csv)))
out["list"] = one_line(inspector_cli("--data-dir", str(data), "inspections", "list"))
""")
    for name in ("report", "import", "list"):
        result = found[name]
        assert isinstance(result, dict)
        assert not result["traceback"], (name, result["text"])
        assert result["code"] in (0, 1, 2), (name, result)
        if result["code"]:
            assert result["lines"] == 1, (name, result["text"])
            assert "只读" in result["text"] and "read-only" in result["text"], (name, result)
