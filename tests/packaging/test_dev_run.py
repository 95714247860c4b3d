"""`python3 packaging/dev.py run ARGS`: the command line from .venv, on the demo data of `start`."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _dev() -> ModuleType:
    spec = importlib.util.spec_from_file_location("dev", ROOT / "packaging" / "dev.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def dev(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> ModuleType:
    module = _dev()
    # .venv is set up already (this test runs from it); the demo data goes to a test folder.
    monkeypatch.setattr(module, "ensure_venv", lambda: module.tool("python"))
    monkeypatch.setattr(module, "DEMO_DATA", tmp_path / "demo")
    monkeypatch.delenv("INSPECTOR_DATA_DIR", raising=False)
    return module


def test_run_uses_the_demo_data_of_start(dev: ModuleType, tmp_path: Path,
                                         capfd: pytest.CaptureFixture[str]) -> None:
    assert dev.main(["run", "sites", "list"]) == 2  # no demo data yet: said, nothing made
    assert "还没有数据" in capfd.readouterr().err
    assert not (tmp_path / "demo").exists()
    assert dev.main(["run", "demo"]) == 0
    assert dev.main(["run", "sites", "list"]) == 0
    out = capfd.readouterr().out
    assert str(tmp_path / "demo") in out and "青溪县社区教育学院" in out


def test_run_follows_the_variable_and_the_option(dev: ModuleType, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch,
                                                 capfd: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("INSPECTOR_DATA_DIR", str(tmp_path / "mine"))
    assert dev.main(["run", "init", "--role", "office"]) == 0
    assert (tmp_path / "mine" / "inspector.sqlite3").is_file()
    assert not (tmp_path / "demo").exists()
    assert dev.main(["run", "inspections", "list", "--data-dir", str(tmp_path / "none")]) == 2
    assert str(tmp_path / "none") in capfd.readouterr().err


def test_the_usage_names_run(dev: ModuleType, capsys: pytest.CaptureFixture[str]) -> None:
    assert dev.main(["nonsense"]) == 2
    assert "run" in capsys.readouterr().err
    assert dev.main(["--help"]) == 0
    assert "dev.py run [ARGS...]" in capsys.readouterr().out
