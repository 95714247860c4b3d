"""A command run where there is no data yet says so and how to start; it never leaves an empty
database behind (by default in the user folder), except the commands that put data in."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from inspector.cli import main

READ_ONLY = [
    ["sites", "list"],
    ["sites", "export", "{tmp}/sites.csv"],
    ["inspections", "list", "--format", "json"],
    ["inspections", "delete", "0123456789abcdef"],
    ["report", "0123456789abcdef", "-o", "{tmp}/r.pdf"],
    ["checklist", "print", "--site", "330799001001", "-o", "{tmp}/c.pdf"],
    ["device", "show"],
    ["bundle", "export", "-o", "{tmp}"],
    ["bundle", "import", "{tmp}/x.inspector-bundle"],
    ["bundle", "history"],
    ["bundle", "conflicts"],
    ["bundle", "resolve", "0123", "--keep", "local"],
    ["devices", "list"],
    ["devices", "revoke", "0123"],
    ["assignments", "list"],
    ["assignments", "add", "--site", "330799001001", "--inspectors", "王芳", "--from",
     "2026-12-01", "--to", "2026-12-20"],
]


@pytest.fixture
def user_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The platform's user data folder, in the test's own directory; no variable set."""
    monkeypatch.delenv("INSPECTOR_DATA_DIR", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    from inspector.app_paths import AppPaths

    folder = AppPaths.resolve().data_dir
    assert folder.is_relative_to(tmp_path)
    return folder


@pytest.mark.parametrize("command", READ_ONLY, ids=lambda c: " ".join(c[:2]))
def test_a_command_on_no_data_says_how_to_start_and_creates_nothing(
        command: list[str], user_folder: Path, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "x.inspector-bundle").write_bytes(b"PK")
    code = main([part.replace("{tmp}", str(tmp_path)) for part in command])
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "还没有数据" in err and "no data yet" in err
    assert str(user_folder) in err and "inspector demo" in err
    assert not user_folder.exists()


def test_a_named_folder_without_data_is_left_as_it_was(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    missing = tmp_path / "missing"
    for folder in (empty, missing):
        assert main(["inspections", "list", "--data-dir", str(folder)]) == 2
        assert f"还没有数据：{folder} " in capsys.readouterr().err
    assert list(empty.iterdir()) == [] and not missing.exists()


def test_checklists_show_and_print_without_data_from_the_shipped_guideline(
        user_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["checklist", "show", "--tier", "village"]) == 0
    assert "有可供开展社区教育活动的固定场所" in capsys.readouterr().out
    assert main(["checklist", "print", "--tier", "village", "-o", str(tmp_path / "b.pdf")]) == 0
    assert (tmp_path / "b.pdf").stat().st_size > 0
    assert not user_folder.exists()


def test_the_commands_that_put_data_in_start_a_folder(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    csv = tmp_path / "sites.csv"
    csv.write_text("名称,层级\n青溪县社区教育学院,县\n", encoding="utf-8")
    for name, command in (("a", ["sites", "import", str(csv)]),
                          ("b", ["init", "--role", "office"]), ("c", ["demo"])):
        folder = tmp_path / name
        assert main([*command, "--data-dir", str(folder)]) == 0, capsys.readouterr().err
        assert (folder / "inspector.sqlite3").stat().st_size > 0
        assert main(["sites", "list", "--data-dir", str(folder)]) == 0
    capsys.readouterr()


def test_a_used_folder_that_lost_its_database_keeps_its_own_message(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "used"
    assert main(["demo", "--data-dir", str(folder)]) == 0
    (folder / "inspector.sqlite3").unlink()
    assert main(["sites", "list", "--data-dir", str(folder)]) == 2
    err = capsys.readouterr().err
    assert "backups restore" in err and "还没有数据" not in err


def test_the_default_folder_stays_uncreated_from_a_real_process(
        tmp_path: Path) -> None:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "x"),
           "PYTHONIOENCODING": "utf-8"}
    result = subprocess.run([sys.executable, "-m", "inspector", "sites", "list"],
                            capture_output=True, text=True, encoding="utf-8", env=env,
                            check=False)
    assert result.returncode == 2 and "还没有数据" in result.stderr, result.stderr
    assert not (tmp_path / "x").exists()
