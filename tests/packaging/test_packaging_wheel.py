"""The built wheel holds the whole program and works when installed elsewhere.

Builds the wheel with ``pip wheel --no-deps`` and installs it into a fresh
virtual environment. To stay quick and offline, the new environment borrows
the installed dependencies of the test environment (a ``.pth`` line pointing
at its site-packages) instead of downloading them again; the program itself
comes only from the wheel, and runs from a directory outside the source tree.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BIN = "Scripts" if os.name == "nt" else "bin"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet",
         "--disable-pip-version-check", "-w", str(out), str(ROOT)],
        check=True, cwd=out,
    )
    (built,) = out.glob("inspector-*.whl")
    return built


def _source_files(folder: Path) -> list[Path]:
    return sorted(
        path for path in folder.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    )


def test_wheel_contains_every_package_and_data_file(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    packages = [p.parent for p in (ROOT / "inspector").rglob("__init__.py")
                if "__pycache__" not in p.parts]
    missing = [
        str(p.relative_to(ROOT)) for p in packages
        if f"{p.relative_to(ROOT).as_posix()}/__init__.py" not in names
    ]
    assert not missing, f"packages missing from the wheel (add them to pyproject.toml): {missing}"
    expected = [f"inspector/resources/{p.relative_to(ROOT / 'resources').as_posix()}"
                for p in _source_files(ROOT / "resources")]
    expected += [f"inspector/translations/{p.name}" for p in (ROOT / "translations").glob("*.qm")]
    migrations = ROOT / "inspector" / "storage" / "migrations"
    expected += [p.relative_to(ROOT).as_posix() for p in _source_files(migrations)]
    assert [name for name in expected if name not in names] == []
    assert "inspector/resources/fonts/DroidSansFallbackFull.ttf" in names
    assert "inspector/storage/migrations/script.py.mako" in names
    assert "inspector/resources/icons/inspector.ico" in names


def test_wheel_metadata_keeps_build_tools_out_of_runtime(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        (meta_name,) = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        meta = Parser().parsestr(archive.read(meta_name).decode("utf-8"))
    requires = meta.get_all("Requires-Dist") or []
    runtime = [r for r in requires if "extra ==" not in r]
    assert any(r.startswith("pyside6-essentials") or r.startswith("PySide6-Essentials")
               for r in runtime)
    assert not any("pyinstaller" in r.lower() for r in runtime)
    assert not any(r.lower().startswith("pyside6>") or r.lower() == "pyside6" for r in runtime)
    assert any("pyinstaller" in r.lower() and 'extra == "build"' in r for r in requires)


def test_installed_wheel_passes_self_test_outside_the_source_tree(
    wheel: Path, tmp_path: Path
) -> None:
    target = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False, symlinks=os.name != "nt").create(target)
    python = target / BIN / ("python.exe" if os.name == "nt" else "python")
    site = Path(subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True,
    ).stdout.strip())
    # Dependencies from the test environment; the program itself only from the wheel.
    (site / "zz_borrowed_dependencies.pth").write_text(
        sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8"
    )
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet",
         "--no-deps", "--no-index", "--disable-pip-version-check", str(wheel)],
        check=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    where = subprocess.run(
        [str(python), "-c", "import inspector; print(inspector.__file__, inspector.__version__)"],
        check=True, capture_output=True, text=True, cwd=elsewhere, env=env,
    ).stdout
    assert where.startswith(str(site)), where
    assert "0.0.0" not in where
    script = target / BIN / ("inspector.exe" if os.name == "nt" else "inspector")
    result = subprocess.run(
        [str(script), "--self-test"], capture_output=True, text=True, cwd=elsewhere, env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test passed" in result.stdout
    assert list(elsewhere.iterdir()) == []
