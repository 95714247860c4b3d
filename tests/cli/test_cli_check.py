"""``inspector check`` and ``inspector backups list|restore``: exit codes, one line per problem."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from photo_samples import jpeg

from inspector.app_paths import AppPaths
from inspector.cli import main
from inspector.services import inspections
from inspector.services.context import open_context
from inspector.services.photo_import import add_photos
from inspector.services.photo_store import PhotoStore
from inspector.services.sites import site_id_for_code
from inspector.storage.database import backup_database


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    folder = str(tmp_path / "data")
    assert run(capsys, "demo", "--data-dir", folder)[0] == 0
    return folder


def _photo(data: str, name: str) -> Path:
    with sqlite3.connect(Path(data) / "inspector.sqlite3") as conn:
        sha = conn.execute("SELECT sha256 FROM photos WHERE original_name = ?",
                           (name,)).fetchone()[0]
    conn.close()
    found = PhotoStore.for_paths(AppPaths.resolve(data)).find(sha)
    assert found is not None
    return found


def _photo_files(data: str) -> list[tuple[str, int]]:
    return sorted((str(p.relative_to(data)), p.stat().st_size)
                  for p in (Path(data) / "photos").rglob("*") if p.is_file())


def test_check_says_all_well_and_exits_0(capsys: pytest.CaptureFixture[str], data: str) -> None:
    code, out, err = run(capsys, "check", "--data-dir", data)
    assert code == 0 and "一切正常" in out and "12 photo files" in out and err == ""


def test_check_lists_each_problem_on_one_line_and_exits_2(
        capsys: pytest.CaptureFixture[str], data: str) -> None:
    with open(_photo(data, "demo-visit-2026-06-05.jpg"), "r+b") as handle:
        handle.truncate(1000)
    _photo(data, "demo-visit-2026-05-03.jpg").unlink()
    code, out, err = run(capsys, "check", "--data-dir", data)
    lines = out.strip().splitlines()
    assert code == 2 and len(lines) == 3, out
    assert lines[0].startswith("照片文件") and "城关街道社区学校" in out and "东门社区教学点" in out
    assert "1000 字节" in out and "照片文件缺失" in out and lines[-1].startswith("发现 2 个问题")
    assert "--repair-from" in err and "Traceback" not in err
    code, out, _err = run(capsys, "check", "--data-dir", data, "--format", "json")
    found = json.loads(out)
    assert code == 2 and not found["ok"]
    assert {f["kind"] for f in found["findings"]} == {"photo-damaged", "photo-missing"}
    assert all(f["site"] and f["inspection"] and f["criterion"] for f in found["findings"])


def test_check_repairs_from_a_bundle_and_a_tampered_bundle_changes_nothing(
        capsys: pytest.CaptureFixture[str], data: str, tmp_path: Path) -> None:
    assert run(capsys, "init", "--role", "field", "--data-dir", data)[0] == 0
    bundle = tmp_path / "earlier.bundle"
    assert run(capsys, "bundle", "export", "--all", "-o", str(bundle), "--data-dir", data)[0] == 0
    with open(_photo(data, "demo-visit-2026-06-05.jpg"), "r+b") as handle:
        handle.truncate(1000)
    _photo(data, "demo-visit-2026-05-03.jpg").unlink()
    damaged = _photo_files(data)
    tampered = tmp_path / "tampered.bundle"
    raw = bytearray(bundle.read_bytes())
    raw[len(raw) // 2] ^= 0xFF  # a byte in the middle of a photo member
    tampered.write_bytes(bytes(raw))
    code, out, err = run(capsys, "check", "--data-dir", data, "--repair-from", str(tampered))
    assert code == 2 and len(err.strip().splitlines()) == 1 and err.startswith("inspector: error")
    assert "Traceback" not in err and _photo_files(data) == damaged
    code, out, err = run(capsys, "check", "--data-dir", data, "--repair-from", str(bundle))
    assert code == 0, out + err
    assert "已取回 2 个照片文件" in out and "一切正常" in out


def test_check_removes_missing_photos_from_an_inspection_in_progress(
        capsys: pytest.CaptureFixture[str], data: str, tmp_path: Path) -> None:
    context = open_context(AppPaths.resolve(data))
    with context.db.transaction() as session:
        draft = inspections.start_inspection(session, site_id_for_code("330799001002"),
                                             date(2026, 11, 28), inspectors="王芳")
    with context.db.session() as session:
        add_photos(session, PhotoStore.for_paths(context.paths), draft.id, None,
                   [jpeg(tmp_path / "现场.jpg", seed=5)], workers=0)
    context.close()
    _photo(data, "现场.jpg").unlink()
    _photo(data, "demo-visit-2026-05-03.jpg").unlink()  # of a completed inspection
    code, out, _err = run(capsys, "check", "--data-dir", data, "--remove-missing",
                         "--actor", "王芳")
    assert code == 2 and "已从进行中的检查删除 1 张" in out
    assert "demo-visit-2026-05-03.jpg" in out and "现场.jpg" not in out.split("\n", 1)[1]


def test_backups_list_and_restore(capsys: pytest.CaptureFixture[str], data: str) -> None:
    code, out, _err = run(capsys, "backups", "list", "--data-dir", data)
    assert code == 0 and "还没有备份" in out
    paths = AppPaths.resolve(data)
    taken = backup_database(paths.database, paths.backups, "before-import-0123abcd")
    with sqlite3.connect(paths.database) as conn:
        conn.execute("UPDATE inspections SET general_note = '备份之后写的',"
                     " revision = revision + 1")
    conn.close()
    code, out, _err = run(capsys, "backups", "list", "--data-dir", data)
    assert code == 0 and taken.name in out and "导入数据包 0123abcd 之前" in out
    code, out, _err = run(capsys, "backups", "list", "--data-dir", data, "--format", "json")
    assert json.loads(out)[0]["reason"] == "before importing bundle 0123abcd"
    code, out, err = run(capsys, "backups", "restore", "--data-dir", data, taken.name[:28])
    assert code == 0, err
    assert "东门社区教学点" in out and "城关街道社区学校" in out  # the inspections it replaced
    assert "before-restore" in out
    with sqlite3.connect(paths.database) as conn:
        assert conn.execute("SELECT count(*) FROM inspections WHERE general_note = '备份之后写的'"
                            ).fetchone()[0] == 0
    conn.close()
    code, out, err = run(capsys, "backups", "restore", "--data-dir", data, "nothing-like-it")
    assert code == 2 and len(err.strip().splitlines()) == 1 and "没有名为" in err


def test_backups_restore_is_refused_while_a_window_has_the_data_open(
        capsys: pytest.CaptureFixture[str], data: str) -> None:
    paths = AppPaths.resolve(data)
    taken = backup_database(paths.database, paths.backups, "before-0004")
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sqlite3, sys\n"
         "c = sqlite3.connect(sys.argv[1]); c.execute('SELECT 1 FROM sites').fetchall()\n"
         "print('ready', flush=True); sys.stdin.readline()", str(paths.database)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        code, _out, err = run(capsys, "backups", "restore", "--data-dir", data, taken.name)
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(30)
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert "另一个窗口或命令" in err and "in use by another window" in err
    assert [b.name for b in paths.backups.iterdir()] == [taken.name]


def test_check_on_a_folder_with_no_data_says_so(tmp_path: Path) -> None:
    empty = tmp_path / "nothing-here"
    result = subprocess.run([sys.executable, "-m", "inspector", "--data-dir", str(empty), "check"],
                            capture_output=True, text=True, timeout=60,
                            env={k: v for k, v in os.environ.items() if k != "INSPECTOR_DATA_DIR"})
    assert result.returncode == 2
    assert "还没有数据" in result.stderr and "一切正常" not in result.stdout
    assert not (empty / "inspector.sqlite3").exists()
