"""Database backups: whole or not at all, pruned by the stated policy, restored safely.

Real files and real processes throughout: a backup killed half-way, a restore
refused while another process holds the database, a leftover ``-wal`` beside
the database, a byte flipped in a backup, a real full disk (tmpfs).
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sync_helpers import completed_inspection, installation

from inspector.app_paths import AppPaths
from inspector.services import backups
from inspector.services.context import AppContext, open_context
from inspector.services.photo_store import PhotoStore
from inspector.services.sites import site_id_for_code
from inspector.services.sync.identity import Role
from inspector.storage import backups as storage
from inspector.storage.backup_restore import DatabaseInUse
from inspector.storage.backups import Backup, BackupError
from inspector.storage.database import backup_database
from inspector.storage.models import Site


def _rows(database: Path, sql: str = "SELECT id, name FROM sites ORDER BY id") -> list[tuple]:
    with sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True) as conn:
        rows = conn.execute(sql).fetchall()
    conn.close()
    return rows


def _add_site(context: AppContext, name: str) -> None:
    with context.db.transaction() as session:
        session.add(Site(name=name, tier="village", parent_id=site_id_for_code("330799001000")))


def _folder_names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


# ------------------------------------------------------------------------------ writing


def test_a_backup_is_one_whole_file_and_includes_what_is_still_in_the_log(
        tmp_path: Path) -> None:
    database = tmp_path / "inspector.sqlite3"
    writer = sqlite3.connect(database, isolation_level=None)
    writer.execute("PRAGMA journal_mode = WAL")
    writer.execute("PRAGMA wal_autocheckpoint = 0")  # the rows stay in the -wal file
    writer.execute("CREATE TABLE t (x)")
    writer.executemany("INSERT INTO t VALUES (?)", [(n,) for n in range(100)])
    assert Path(f"{database}-wal").stat().st_size > 0
    target = backup_database(database, tmp_path / "backups", "before-import-0123abcd")
    writer.close()
    assert _folder_names(tmp_path / "backups") == [target.name]  # no temp file, no -wal beside
    assert _rows(target, "SELECT count(*) FROM t") == [(100,)]
    assert target.read_bytes()[18:20] == b"\x01\x01"  # a rollback-journal file, self-contained
    [listed] = storage.list_backups(tmp_path / "backups")
    assert listed.path == target and listed.label == "before-import-0123abcd"
    assert listed.size == target.stat().st_size


def _being_written(folder: Path) -> bool:
    for part in folder.glob(".*.part"):
        try:
            if part.stat().st_size > 0:
                return True
        except FileNotFoundError:  # renamed to its real name meanwhile
            continue
    return False


KILLER = """
import sys
from pathlib import Path
from inspector.storage.database import backup_database
from inspector.storage.models import Site
while True:
    backup_database(Path(sys.argv[1]), Path(sys.argv[2]), "before-import-0123abcd")
"""


@pytest.mark.parametrize("attempt", range(2))
def test_a_backup_killed_half_way_leaves_no_file_under_a_backup_name(
        tmp_path: Path, attempt: int) -> None:
    database = tmp_path / "inspector.sqlite3"
    with sqlite3.connect(database) as conn:
        conn.execute("CREATE TABLE t (x)")
        conn.executemany("INSERT INTO t VALUES (randomblob(4000))", [()] * 3000)  # ~12 MB
    conn.close()
    folder = tmp_path / "backups"
    process = subprocess.Popen([sys.executable, "-c", KILLER, str(database), str(folder)])
    try:
        deadline = time.monotonic() + 60
        # Wait until a backup is being written (after ``attempt`` whole ones), then kill.
        while len(storage.list_backups(folder)) < attempt or not _being_written(folder):
            assert time.monotonic() < deadline and process.poll() is None
    finally:
        process.kill()
        process.wait()
    for backup in storage.list_backups(folder):  # every real name holds a whole database
        assert backup.size > 0
        assert _rows(backup.path, "PRAGMA quick_check") == [("ok",)]
        assert _rows(backup.path, "SELECT count(*) FROM t") == [(3000,)]
    leftovers = sorted(folder.glob(".*.part*"))
    assert leftovers  # the kill came while a backup was being written
    # The next backup clears leftovers older than an hour, not a backup being written now.
    old = time.time() - 2 * storage.LEFTOVER_AGE_S
    for leftover in leftovers:
        os.utime(leftover, (old, old))
    fresh = folder / f".x.{'0' * 32}.part"
    fresh.write_bytes(b"another process writing a backup now")
    new = backup_database(database, folder, "before-0004")
    assert not any(p.exists() for p in leftovers)
    assert fresh.exists() and new.exists()


def test_a_full_disk_in_the_backup_step_of_an_import_says_which_disk_and_leaves_nothing(
        tmp_path: Path) -> None:
    """A real tmpfs: the bundle's records fit, the backup before merging them does not."""
    from disk_helpers import on_small_disk

    script = """
import json, sys
from pathlib import Path
from disk_helpers import fill_disk, inspector_cli
from sync_helpers import completed_inspection, dump, installation
from inspector.services.sync.export import export_bundle
from inspector.services.sync.identity import Role
root = Path(sys.argv[1])
field = installation(root.parent, "field", Role.FIELD)
completed_inspection(field, photos=0)
bundle = export_bundle(field, root.parent / "r.bundle", include_all=True).path
office = installation(root, "office", Role.OFFICE)
before = dump(office)
size = office.db.path.stat().st_size
office.close()
filler = fill_disk(root)
with open(filler, "r+b") as f:  # room for the import's own writes, not for a backup
    f.truncate(filler.stat().st_size - size // 3)
result = inspector_cli("--data-dir", str(root / "office"), "bundle", "import", str(bundle),
                       "--trust-new-device")
backups = sorted(p.name for p in (root / "office" / "backups").glob("*")) \\
    if (root / "office" / "backups").exists() else []
filler.unlink()
from inspector.services.context import open_context
from inspector.app_paths import AppPaths
again = open_context(AppPaths.resolve(root / "office"))
print(json.dumps({"code": result.returncode, "stderr": result.stderr, "backups": backups,
                  "same": dump(again) == before, "mount": str(root)}))
"""
    result = on_small_disk(tmp_path, script, size_mb=8)
    assert result.returncode == 0, result.stderr[-3000:]
    found = json.loads(result.stdout.strip().splitlines()[-1])
    lines = found["stderr"].strip().splitlines()
    assert found["code"] == 2 and len(lines) == 1 and "Traceback" not in found["stderr"], found
    assert "磁盘" in lines[0] and found["mount"] in lines[0] and "older backups" in lines[0]
    assert found["backups"] == []  # no 0-byte backup, no temp file
    assert found["same"] is True


# ------------------------------------------------------------------------------ pruning


def _fake(folder: Path, when: datetime, label: str = "before-0004") -> Backup:
    path = folder / storage.backup_name("inspector", when, label)
    return Backup(path, when, label, 1)


def test_the_prune_policy_keeps_the_newest_ten_and_one_a_month_for_a_year(
        tmp_path: Path) -> None:
    now = datetime(2026, 12, 15, 12, tzinfo=UTC)
    recent = [_fake(tmp_path, now - timedelta(hours=n)) for n in range(14)]  # all in December
    monthly = [_fake(tmp_path, datetime(2026, month, day, tzinfo=UTC))
               for month in range(1, 12) for day in (3, 20)]
    old = [_fake(tmp_path, datetime(2025, 6, 1, tzinfo=UTC))]
    everything = recent + monthly + old
    gone = {b.path for b in storage.to_prune(everything, now=now)}
    kept = [b for b in everything if b.path not in gone]
    assert recent[:10] == kept[:10]  # the newest ten
    assert not set(b.path for b in recent[10:]) - gone  # December is already kept
    for month in range(1, 12):  # the newest of each of the 11 months before
        of_month = [b for b in kept if b.taken_at.month == month and b.taken_at.year == 2026]
        assert [b.taken_at.day for b in of_month] == [20]
    assert old[0].path in gone  # older than a year
    # Never the one just made, even when the policy would let it go.
    assert recent[13].path not in {b.path for b in
                                   storage.to_prune(everything, keep=[recent[13].path], now=now)}


def test_each_new_backup_prunes_old_ones_on_disk(tmp_path: Path) -> None:
    database = tmp_path / "inspector.sqlite3"
    with sqlite3.connect(database) as conn:
        conn.execute("CREATE TABLE t (x)")
    conn.close()
    folder = tmp_path / "backups"
    folder.mkdir()
    now = datetime.now(UTC)
    same_month = [now - timedelta(minutes=n + 1) for n in range(12)]
    for when in same_month:
        (folder / storage.backup_name("inspector", when, "before-0004")).write_bytes(b"x")
    (folder / "notes.txt").write_text("the user's own file")
    new = backup_database(database, folder, "before-import-0123abcd")
    names = _folder_names(folder)
    assert new.name in names and "notes.txt" in names
    assert len([n for n in names if n.endswith(".sqlite3")]) == storage.KEEP_NEWEST
    oldest = storage.backup_name("inspector", same_month[-1], "before-0004")
    assert oldest not in names


# ------------------------------------------------------------------------------ restoring


@pytest.fixture
def office(tmp_path: Path) -> AppContext:
    context = installation(tmp_path, "data", Role.FIELD)
    completed_inspection(context, photos=1)
    return context


def test_restore_puts_the_backup_back_and_keeps_the_current_data_as_a_backup(
        office: AppContext) -> None:
    paths = office.paths
    taken = backup_database(paths.database, paths.backups, "before-import-0123abcd")
    before = _rows(paths.database)
    _add_site(office, "备份之后新建的教学点")
    after = _rows(paths.database)
    office.close()
    info = backups.find_backup(paths, taken.name[:30])
    assert backups.losses(paths, info).sites == 1
    result = backups.restore_backup(paths, taken.name)
    assert _rows(paths.database) == before
    assert result.safety is not None and _rows(result.safety) == after
    assert result.loss.sites == 1 and "备份" in result.message()
    assert result.safety.name in result.message()
    store = PhotoStore.for_paths(paths)  # the later rows' photos outlive the clean-up
    assert store.spared_until() > time.time() + 80 * 86400
    reopened = open_context(paths)  # the program opens it as usual afterwards
    reopened.close()
    undo = backups.restore_backup(paths, result.safety.name)  # and the restore can be undone
    assert _rows(paths.database) == after and undo.safety is not None


def test_restore_names_the_inspections_whose_later_work_it_replaces(
        office: AppContext) -> None:
    paths = office.paths
    taken = backup_database(paths.database, paths.backups, "before-0004")
    completed_inspection(office, code="330799001002", photos=0)
    office.close()
    loss = backups.losses(paths, backups.find_backup(paths, taken.name))
    assert len(loss.inspections) == 1 and "已完成" in loss.inspections[0]
    assert any("2026-11-20" in line for line in loss.lines())


def test_photos_of_work_a_restore_replaced_survive_the_clean_up_and_come_back_with_undo(
        office: AppContext) -> None:
    from inspector.services.check import check_data
    from inspector.services.photos import collect_garbage

    paths = office.paths
    taken = backup_database(paths.database, paths.backups, "before-0004")
    completed_inspection(office, code="330799001002", photos=2, seed=7)
    office.close()
    result = backups.restore_backup(paths, taken.name)
    context = open_context(paths)
    with context.db.session() as session:
        collect_garbage(session, PhotoStore.for_paths(paths), min_age_seconds=0)
    context.close()
    assert result.safety is not None
    backups.restore_backup(paths, result.safety.name)
    report = check_data(paths)
    assert report.ok and report.photos == 3


HOLDER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
if sys.argv[2] == "write":
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("UPDATE sites SET name = name || '（改）' WHERE code = '330799001001'")
else:
    conn.execute("SELECT count(*) FROM sites").fetchone()  # an idle window, after a read
print("ready", flush=True)
sys.stdin.readline()
if sys.argv[2] == "write":
    conn.execute("COMMIT")
conn.close()
"""


@pytest.mark.parametrize("holding", ["write", "read"])
def test_restore_is_refused_while_another_process_has_the_database(
        office: AppContext, holding: str) -> None:
    paths = office.paths
    taken = backup_database(paths.database, paths.backups, "before-0004")
    _add_site(office, "备份之后新建的教学点")
    office.close()
    before = _rows(paths.database)
    backups_before = _folder_names(paths.backups)
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(paths.database), holding],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        with pytest.raises(DatabaseInUse, match="另一个窗口或命令"):
            backups.restore_backup(paths, taken.name, wait_s=0.2)
        assert _folder_names(paths.backups) == backups_before  # not even a safety copy
    finally:
        assert holder.stdin is not None
        holder.stdin.write("\n")
        holder.stdin.close()
        holder.wait(30)
    if holding == "write":  # the other process's transaction went in, whole
        assert any(name.endswith("（改）") for _id, name in _rows(paths.database))
    else:
        assert _rows(paths.database) == before
    backups.restore_backup(paths, taken.name)  # once it has gone, the restore goes ahead
    assert "备份之后新建的教学点" not in {name for _id, name in _rows(paths.database)}


LEAVE_WAL = """
import os, sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA wal_autocheckpoint = 0")
conn.execute("UPDATE sites SET name = '只在日志里的新名称' WHERE code = '330799001001'")
os._exit(0)  # killed: the committed change stays in the -wal file only
"""


def test_restore_over_a_leftover_wal_neither_mixes_nor_loses_it(office: AppContext) -> None:
    paths = office.paths
    taken = backup_database(paths.database, paths.backups, "before-0004")
    expected = _rows(taken)
    office.close()
    subprocess.run([sys.executable, "-c", LEAVE_WAL, str(paths.database)], check=True)
    assert Path(f"{paths.database}-wal").stat().st_size > 0
    result = backups.restore_backup(paths, taken.name)
    assert _rows(paths.database) == expected  # the backup, nothing of the log mixed in
    assert result.safety is not None  # and the log's change is kept in the safety copy
    assert "只在日志里的新名称" in {name for _id, name in _rows(result.safety)}
    assert not Path(f"{paths.database}-wal").exists() \
        or Path(f"{paths.database}-wal").stat().st_size == 0


def _flip_byte_in_a_page(database: Path, table: str) -> None:
    with sqlite3.connect(database) as conn:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?",
                            (table,)).fetchone()[0]
    conn.close()
    with open(database, "r+b") as handle:
        handle.seek((root - 1) * page_size)
        first = handle.read(1)
        handle.seek((root - 1) * page_size)
        handle.write(bytes([first[0] ^ 0xFF]))


def test_a_damaged_or_empty_or_newer_backup_is_refused_and_nothing_changes(
        office: AppContext) -> None:
    paths = office.paths
    damaged = backup_database(paths.database, paths.backups, "before-0004")
    _flip_byte_in_a_page(damaged, "sites")
    empty = paths.backups / storage.backup_name("inspector", datetime.now(UTC), "before-0003")
    empty.write_bytes(b"")
    newer = backup_database(paths.database, paths.backups, "before-import-0123abcd")
    with sqlite3.connect(newer) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()
    office.close()
    before = _rows(paths.database)
    names = _folder_names(paths.backups)
    for backup, message in ((damaged, "已损坏"), (empty, "空文件"), (newer, "更新版本")):
        with pytest.raises(BackupError, match=message):
            backups.restore_backup(paths, backup.name)
    with pytest.raises(BackupError, match="没有名为"):
        backups.restore_backup(paths, "inspector-1999")
    assert _rows(paths.database) == before and _folder_names(paths.backups) == names


@pytest.mark.parametrize("state", ["missing", "empty with a log", "garbage", "damaged page"])
def test_restore_over_a_lost_or_damaged_database_sets_it_aside_byte_for_byte(
        office: AppContext, state: str) -> None:
    paths = office.paths
    taken = backup_database(paths.database, paths.backups, "before-0004")
    expected = _rows(taken)
    office.close()
    database = paths.database
    if state == "missing":
        database.unlink()
    elif state == "empty with a log":
        database.write_bytes(b"")
        Path(f"{database}-wal").write_bytes(b"log left by a killed program")
    elif state == "garbage":
        database.write_bytes(b"not a database at all" * 1000)
    else:
        _flip_byte_in_a_page(database, "sites")
    before = {s: Path(f"{database}{s}").read_bytes() for s in ("", "-wal")
              if Path(f"{database}{s}").exists()}
    result = backups.restore_backup(paths, taken.name)
    assert _rows(database) == expected
    assert _rows(database, "PRAGMA integrity_check") == [("ok",)]
    kept = {p.name.removeprefix(p.name.split(".sqlite3")[0] + ".sqlite3"): p.read_bytes()
            for p in result.set_aside}
    if result.safety is not None:  # readable enough for SQLite's own copy
        assert state == "damaged page"
    else:
        assert kept == before  # every file as it was, under one name in backups/
    context = open_context(AppPaths.resolve(paths.data_dir))
    context.close()
