"""The command line: each command's output and its error exits (2, one line, no traceback)."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from inspector.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def data(tmp_path: Path) -> str:
    return str(tmp_path / "data")


def _everything(data: str) -> tuple[list[str], list[tuple[str, int]]]:
    """Every row of every table, and every photo file with its size."""
    import sqlite3
    from pathlib import Path

    with sqlite3.connect(Path(data) / "inspector.sqlite3") as conn:
        tables = [row[0] for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        rows = sorted(f"{table}: {row!r}" for table in tables
                      for row in conn.execute(f'SELECT * FROM "{table}"'))
    conn.close()
    photos = sorted((str(p.relative_to(data)), p.stat().st_size)
                    for p in (Path(data) / "photos").rglob("*")
                    if p.is_file() and p.name != ".lock")  # the store's lock is no photo
    return rows, photos


def test_demo_twice_changes_nothing(capsys: pytest.CaptureFixture[str], data: str) -> None:
    code, out, _ = run(capsys, "demo", "--data-dir", data)
    assert code == 0 and "31 sites added" in out
    before = _everything(data)
    assert len(before[1]) == 12  # the demo inspections' photos
    code, out, _ = run(capsys, "--data-dir", data, "demo")
    assert code == 0 and "0 sites added, 0 updated, 31 unchanged" in out
    assert _everything(data) == before  # not a row, not a timestamp, not a photo changed


def test_demo_sites_have_the_same_ids_on_every_installation(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from inspector.services.sites import site_id_for_code

    listed = []
    for name in ("laptop", "office"):
        assert run(capsys, "demo", "--data-dir", str(tmp_path / name))[0] == 0
        code, out, _ = run(capsys, "sites", "list", "--format", "json",
                           "--data-dir", str(tmp_path / name))
        assert code == 0
        listed.append({(site["code"], site["id"]) for site in json.loads(out)})
    assert listed[0] == listed[1] and len(listed[0]) == 31
    assert all(site_id == site_id_for_code(code) for code, site_id in listed[0])


def test_the_data_folder_comes_from_the_option_the_variable_or_the_platform(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from inspector import app_paths
    from inspector.app_paths import DATA_DIR_ENV, AppPaths

    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "from-variable"))
    assert AppPaths.resolve().data_dir == tmp_path / "from-variable"
    assert AppPaths.resolve(tmp_path / "from-option").data_dir == tmp_path / "from-option"
    monkeypatch.delenv(DATA_DIR_ENV)
    asked: list[tuple[str, object]] = []

    def platform_folder(app: str, appauthor: object) -> str:
        asked.append((app, appauthor))
        return str(tmp_path / "platform")

    monkeypatch.setattr(app_paths, "user_data_dir", platform_folder)
    assert AppPaths.resolve().data_dir == tmp_path / "platform"
    assert asked == [("inspector", False)]


def test_commands_use_the_data_folder_of_the_variable(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("INSPECTOR_DATA_DIR", str(tmp_path / "shared"))
    assert run(capsys, "demo")[0] == 0
    assert (tmp_path / "shared" / "inspector.sqlite3").is_file()
    code, out, err = run(capsys, "sites", "list", "--data-dir", str(tmp_path / "other"))
    # The option wins over the variable: "other" has no data yet, and says so.
    assert code == 2 and out == "" and str(tmp_path / "other") in err
    assert not (tmp_path / "other").exists()


def test_checklist_show_village_json(capsys: pytest.CaptureFixture[str], data: str) -> None:
    code, out, _ = run(capsys, "checklist", "show", "--tier", "village", "--format", "json",
                       "--data-dir", data)
    assert code == 0
    rows = json.loads(out)
    assert len(rows) == 21
    assert {"id", "level1", "level2", "text", "text_en"} <= set(rows[0])
    assert rows[0] == rows[0] | {"id": "facilities.v1", "level1": "一、基础保障",
                                 "level2": "（一）设施保障",
                                 "text": "有可供开展社区教育活动的固定场所。"}
    assert [r["id"] for r in rows][-3:] == ["impact.c1", "impact.c2", "impact.c3"]


def test_checklist_show_text(capsys: pytest.CaptureFixture[str], data: str) -> None:
    code, out, _ = run(capsys, "checklist", "show", "--tier", "county", "--data-dir", data)
    assert code == 0
    assert "县（市、区）社区教育学院" in out
    assert "(community-education-3tier@1, 27 条 / criteria)" in out
    code, out, _ = run(capsys, "checklist", "show", "--tier", "township", "--language", "en",
                       "--data-dir", data)
    assert code == 0 and "Township community school" in out


def test_sites_list_export_import(capsys: pytest.CaptureFixture[str], data: str,
                                  tmp_path: Path) -> None:
    run(capsys, "demo", "--data-dir", data)
    code, out, _ = run(capsys, "sites", "list", "--format", "json", "--data-dir", data)
    sites = json.loads(out)
    assert code == 0 and len(sites) == 31
    assert sites[0]["name"] == "青溪县社区教育学院" and sites[0]["tier"] == "county"
    code, out, _ = run(capsys, "sites", "list", "--data-dir", data)
    assert "  330799101000  溪口镇社区学校  [乡镇（街道）社区学校 / township]" in out
    assert out.endswith("31 sites\n")
    target = tmp_path / "sites.csv"
    code, out, _ = run(capsys, "sites", "export", str(target), "--data-dir", data)
    assert code == 0 and target.read_bytes().startswith(b"\xef\xbb\xbf")
    other = str(tmp_path / "other")
    code, out, _ = run(capsys, "sites", "import", str(target), "--data-dir", other)
    assert code == 0 and "31 added, 0 updated, 0 unchanged" in out


def test_bad_csv_exits_2_with_one_line_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], data: str, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("名称,层级,上级\n某学院,county,\n某村,village,不存在的学校\n", encoding="utf-8")
    code, out, err = run(capsys, "sites", "import", str(bad), "--data-dir", data)
    assert code == 2
    assert err.count("\n") == 1 and "line 3" in err and "nothing imported" in err
    code, out, _ = run(capsys, "sites", "list", "--format", "json", "--data-dir", data)
    assert json.loads(out) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["sites", "import", "/no/such/file.csv"], "no such file"),
        (["checklist", "show", "--tier", "province"], "unknown tier"),
        (["sites"], "required"),
        (["no-such-command"], "invalid choice"),
    ],
)
def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], data: str, args: list[str],
                             message: str) -> None:
    code, _, err = run(capsys, *args, "--data-dir", data) if args != ["no-such-command"] else run(
        capsys, *args)
    assert code == 2
    assert message in err and "Traceback" not in err
    assert err.count("\n") == 1


def test_newer_database_is_refused(capsys: pytest.CaptureFixture[str], data: str) -> None:
    run(capsys, "demo", "--data-dir", data)
    db = Path(data) / "inspector.sqlite3"
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'zzzz'")
    conn.close()
    code, _, err = run(capsys, "sites", "list", "--data-dir", data)
    assert code == 2 and "newer version" in err and err.count("\n") == 1


def test_entry_points_in_a_subprocess(tmp_path: Path) -> None:
    data = str(tmp_path / "d")
    result = subprocess.run(
        [sys.executable, "-m", "inspector", "checklist", "show", "--tier", "village",
         "--format", "json", "--data-dir", data],
        capture_output=True, text=True, encoding="utf-8", check=False,
    )
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)) == 21
    bad = subprocess.run(
        [sys.executable, "-m", "inspector", "sites", "import", str(tmp_path / "none.csv"),
         "--data-dir", data],
        capture_output=True, text=True, encoding="utf-8", check=False,
    )
    assert bad.returncode == 2
    assert bad.stderr.strip().startswith("inspector: error: 找不到文件 / no such file")
    assert "Traceback" not in bad.stderr
