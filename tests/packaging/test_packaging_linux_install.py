"""install.sh from the Linux archive, with a stand-in for the frozen program.

CI also runs packaging/linux/check_install.sh on the real archive; these tests
keep the script's promises checked on every machine, in a second or so.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
STAND_IN = """#!/bin/sh
case "$1" in
    --self-test) [ -e "$(dirname "$0")/broken" ] && { echo "FAILED qt: no xcb"; exit 1; }
                 echo "self-test passed"; exit 0 ;;
    --version) echo "inspector 9.9.9" ;;
esac
"""


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    program = tmp_path / "dist" / "inspector"
    program.mkdir(parents=True)
    (program / "inspector").write_text(STAND_IN, encoding="utf-8")
    (program / "inspector").chmod(0o755)
    stage = tmp_path / "inspector-9.9.9-linux-x86_64"
    subprocess.run(["bash", str(ROOT / "packaging" / "linux" / "stage.sh"), str(program),
                    str(stage)], check=True)
    return stage


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("XDG_DATA_HOME", "INSPECTOR_DATA_DIR", "INSPECTOR_PREFIX")}
    return {**env, "HOME": str(home)}


def _run(
    archive: Path, home: Path, *args: str, answer: str = ""
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["sh", str(archive / "install.sh"), *args], input=answer, text=True,
                          capture_output=True, env=_env(home), timeout=60)


def test_install_puts_program_menu_entry_and_icons_in_the_home(
    archive: Path, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    result = _run(archive, home)
    assert result.returncode == 0, result.stderr
    app = home / ".local" / "opt" / "inspector" / "inspector"
    share = home / ".local" / "share"
    assert os.access(app, os.X_OK)
    assert (home / ".local" / "bin" / "inspector").resolve() == app
    desktop = (share / "applications" / "inspector.desktop").read_text(encoding="utf-8")
    assert f'Exec="{app}"' in desktop.splitlines()
    assert "Name[zh_CN]=社区教育督导检查" in desktop
    for size in (16, 48, 256, 512):
        assert (share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "inspector.png").is_file()
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / "inspector.svg").is_file()
    assert (share / "metainfo" / "cn.sqjy.Inspector.metainfo.xml").is_file()
    assert "inspector 9.9.9" in result.stdout


def test_install_refuses_a_program_that_fails_its_self_test(archive: Path, tmp_path: Path) -> None:
    (archive / "inspector" / "broken").touch()
    home = tmp_path / "home"
    home.mkdir()
    result = _run(archive, home)
    assert result.returncode == 1
    assert "FAILED qt: no xcb" in result.stderr and "nothing was installed" in result.stderr
    assert not (home / ".local").exists()


def test_uninstall_keeps_data_unless_deletion_is_confirmed(archive: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    data = home / ".local" / "share" / "inspector"
    data.mkdir(parents=True)
    (data / "inspector.sqlite3").write_bytes(b"inspections")
    assert _run(archive, home).returncode == 0
    assert _run(archive, home).returncode == 0  # an update keeps the data too
    assert (data / "inspector.sqlite3").read_bytes() == b"inspections"

    result = _run(archive, home, "--uninstall")
    assert result.returncode == 0
    assert not (home / ".local" / "opt" / "inspector").exists()
    assert not (home / ".local" / "bin" / "inspector").exists()
    assert not (home / ".local" / "share" / "applications" / "inspector.desktop").exists()
    assert f"Your data was kept / 数据已保留: {data}" in result.stdout
    assert (data / "inspector.sqlite3").is_file()

    _run(archive, home)
    result = _run(archive, home, "--uninstall", "--remove-data", answer="yes\n")
    assert "Not confirmed" in result.stdout and (data / "inspector.sqlite3").is_file()
    _run(archive, home)
    result = _run(archive, home, "--uninstall", "--remove-data", answer="delete\n")
    assert result.returncode == 0 and not data.exists()


def test_unknown_option_is_refused_with_a_hint(archive: Path, tmp_path: Path) -> None:
    result = _run(archive, tmp_path, "--prefix=/usr")
    assert result.returncode == 1
    assert "unknown option: --prefix=/usr (try --help)" in result.stderr
