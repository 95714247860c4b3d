"""Layering: the table in docs/architecture.md is the rule, and every module keeps to it.

The table says, for each layer, the package that holds it and what it may import
(other layers by name, libraries in backticks as they are imported). The test
reads it and checks every import in ``inspector/``, those inside functions and
``TYPE_CHECKING`` blocks too, and that a layer which may not import storage opens
no database session either. Besides, domain, storage, services and the command
line are imported in a fresh interpreter to see that no Qt module loads.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "architecture.md"
HEADER = "| layer | package | may import | holds |"
STANDARD_LIBRARY = "standard library"
#: What the window and the command line must never reach: the front door opens sessions.
BELOW_THE_FRONT_DOOR = {"storage", "`sqlmodel`", "`sqlalchemy`"}

NON_QT_IMPORTS = """
import pkgutil, importlib, sys
import inspector.domain, inspector.storage, inspector.services, inspector.cli
for package in (inspector.domain, inspector.storage, inspector.services):
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        if ".migrations.versions." in info.name or info.name.endswith(".migrations.env"):
            continue  # alembic scripts run only inside alembic
        importlib.import_module(info.name)
from inspector.cli import build_parser
build_parser()
loaded = sorted(name for name in sys.modules if name.split(".")[0] == "PySide6")
print(len([n for n in sys.modules if n.startswith("inspector.")]))
assert not loaded, loaded
"""


def test_domain_storage_services_and_cli_import_no_qt() -> None:
    result = subprocess.run([sys.executable, "-c", NON_QT_IMPORTS],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.strip()) >= 10  # the modules were really imported


FRONT_DOOR_IMPORTS = """
import importlib, pkgutil, sys
import inspector.services.api as api
for info in pkgutil.iter_modules(api.__path__):
    importlib.import_module(f"inspector.services.api.{info.name}")
heavy = sorted(n for n in sys.modules if n.split(".")[0] in ("sqlmodel", "sqlalchemy", "PySide6"))
assert not heavy, heavy
print(len([n for n in sys.modules if n.startswith("inspector.services.api.")]))
"""


def test_the_front_door_loads_no_database_library_until_called() -> None:
    """The window imports the front door before it shows itself; SQLModel loads later, on
    the worker thread, when a function is called (``benchmarks/startup.py`` measures it)."""
    result = subprocess.run([sys.executable, "-c", FRONT_DOOR_IMPORTS],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.strip()) >= 8  # every module of the front door was imported


# ------------------------------------------------------------------ the table


@dataclass(frozen=True)
class Layer:
    name: str
    package: str  # "inspector/ui/" (a folder), "inspector/selftest.py" or "inspector/*.py"
    layers: frozenset[str]  # the other layers it may import
    libraries: frozenset[str]  # top-level names of the libraries it may import

    def holds(self, relative: str) -> int:
        """How specifically this layer's package holds the module at ``relative`` (0: not)."""
        if self.package.endswith("/*.py"):
            folder = self.package[:-len("*.py")]
            return 1 if relative.startswith(folder) and "/" not in relative[len(folder):] else 0
        if self.package.endswith("/"):
            return 1 + self.package.count("/") if relative.startswith(self.package) else 0
        return 100 if relative == self.package else 0

    @property
    def may_reach_storage(self) -> bool:
        return "storage" in self.layers


def read_table(text: str) -> list[Layer]:
    """The layer table of docs/architecture.md; a malformed row fails loudly."""
    lines = text.splitlines()
    start = lines.index(HEADER) + 2  # the header, then the |---| line
    rows = []
    for line in lines[start:]:
        if not line.startswith("|"):
            break
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        assert len(cells) == 4, f"a row of the layer table needs 4 cells: {line}"
        rows.append(cells)
    names = {name for name, *_ in rows}
    layers = []
    for name, package, may_import, _holds in rows:
        match = re.fullmatch(r"`([^`]+)`", package)
        assert match, f"the package of {name!r} must be one path in backticks: {package}"
        allowed_layers, libraries = set(), set()
        for item in (part.strip() for part in may_import.split(",")):
            library = re.fullmatch(r"`([A-Za-z_][\w.]*)`", item)
            if library:
                libraries.add(library.group(1))
            elif item in names:
                allowed_layers.add(item)
            else:
                assert item == STANDARD_LIBRARY, \
                    f"{name!r} may import {item!r}: neither a layer nor a `library`"
        layers.append(Layer(name, match.group(1), frozenset(allowed_layers),
                            frozenset(libraries)))
    return layers


def layer_of(relative: str, layers: list[Layer]) -> Layer | None:
    """The layer whose package holds the module most specifically."""
    best = max(layers, key=lambda layer: layer.holds(relative))
    return best if best.holds(relative) else None


# ------------------------------------------------------------------ the imports


def module_path(root: Path, dotted: str) -> str | None:
    """``inspector.services.api`` → ``inspector/services/api/__init__.py`` (relative to
    ``root``), or None when there is no such module of ours."""
    base = root.joinpath(*dotted.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate.relative_to(root).as_posix()
    return None


def imported_modules(root: Path, path: Path) -> list[tuple[int, str]]:
    """(line, dotted name) of every import in the module, wherever it is written."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    package = path.relative_to(root).parts[:-1]  # a module's package; an __init__'s own
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: from the module's own package upwards
                parent = list(package[:len(package) - node.level + 1])
                module = ".".join([*parent, *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            for alias in node.names:  # ``from inspector import assets`` imports a module
                submodule = f"{module}.{alias.name}"
                own = module_path(root, submodule) is not None
                found.append((node.lineno, submodule if own else module))
    return found


def _opens_a_session(node: ast.AST) -> bool:
    """``<something>.db.session()`` or ``.db.transaction()``: a database session opened here."""
    return (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("session", "transaction")
            and isinstance(node.func.value, ast.Attribute) and node.func.value.attr == "db")


def violations(root: Path, layers: list[Layer]) -> list[str]:
    """Every way a module under ``root``/inspector breaks the table, one line each."""
    found = []
    for path in sorted((root / "inspector").rglob("*.py")):
        relative = path.relative_to(root).as_posix()
        own = layer_of(relative, layers)
        if own is None:
            found.append(f"{relative}: no row of the layer table holds it")
            continue
        for line, dotted in imported_modules(root, path):
            top = dotted.split(".")[0]
            if top == "inspector":
                target_path = module_path(root, dotted)
                target = layer_of(target_path, layers) if target_path else None
                if target is None or target == own or target.name in own.layers:
                    continue
                found.append(f"{relative}:{line}: imports {dotted} ({target.name}), which "
                             f"{own.name} may not")
            elif top not in sys.stdlib_module_names and top != "__future__" \
                    and top not in own.libraries:
                found.append(f"{relative}:{line}: imports {dotted}, which {own.name} may not")
        if not own.may_reach_storage:
            tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
            found += [f"{relative}:{node.lineno}: opens a database session, which {own.name} "
                      f"may not (it calls the front door)"
                      for node in ast.walk(tree) if _opens_a_session(node)]
    return found


@pytest.fixture(scope="module")
def layers() -> list[Layer]:
    return read_table(DOC.read_text(encoding="utf-8"))


def test_every_module_keeps_to_the_layer_table(layers: list[Layer]) -> None:
    assert violations(ROOT, layers) == []


def test_the_window_and_the_command_line_reach_the_database_only_through_the_front_door(
    layers: list[Layer]
) -> None:
    rows = {layer.name: layer for layer in layers}
    door = rows["front door"]
    assert door.package == "inspector/services/api/" and door.may_reach_storage
    for name in ("command line", "user interface"):
        layer = rows[name]
        allowed = layer.layers | {f"`{library}`" for library in layer.libraries}
        assert "front door" in layer.layers
        assert not allowed & BELOW_THE_FRONT_DOOR, f"{name} may import {allowed}"


# ------------------------------------------------------------------ the checker itself


SAMPLE_TABLE = f"""{HEADER}
| --- | --- | --- | --- |
| base | `inspector/*.py` | standard library | |
| storage | `inspector/storage/` | `sqlmodel` | |
| front door | `inspector/api/` | base, storage, `sqlmodel` | |
| user interface | `inspector/ui/` | base, front door, `PySide6` | |
"""

CLEAN_SCREEN = """
from PySide6.QtWidgets import QWidget
from inspector import api
from inspector.api import sites

def load(context):
    return sites.load(context)
"""


def _package(root: Path, screen: str) -> Path:
    files = {
        "inspector/__init__.py": "",
        "inspector/storage/__init__.py": "",
        "inspector/storage/models.py": "import sqlmodel\n",
        "inspector/api/__init__.py": "",
        "inspector/api/sites.py": ("from inspector.storage import models\n\n"
                                   "def load(context):\n"
                                   "    with context.db.session() as session:\n"
                                   "        return session\n"),
        "inspector/ui/__init__.py": "",
        "inspector/ui/screen.py": screen,
    }
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def test_the_checker_passes_a_screen_that_calls_the_front_door(tmp_path: Path) -> None:
    assert violations(_package(tmp_path, CLEAN_SCREEN), read_table(SAMPLE_TABLE)) == []


@pytest.mark.parametrize(("added", "said"), [
    ("import sqlalchemy\n", "imports sqlalchemy, which user interface may not"),
    ("def f():\n    from sqlmodel import select\n", "imports sqlmodel, which user"),
    ("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
     "    from inspector.storage.models import Site\n",
     "imports inspector.storage.models (storage), which user interface may not"),
    ("from inspector.storage import models\n", "imports inspector.storage.models (storage)"),
    ("from inspector import storage\n", "imports inspector.storage (storage)"),
    ("from . import screen\nfrom ..storage import models\n",
     "imports inspector.storage.models (storage)"),
    ("def f(context):\n    with context.db.transaction() as session:\n        pass\n",
     "opens a database session, which user interface may not"),
])
def test_the_checker_finds_the_storage_reached_from_a_screen(tmp_path: Path, added: str,
                                                             said: str) -> None:
    found = violations(_package(tmp_path, CLEAN_SCREEN + added), read_table(SAMPLE_TABLE))
    assert len(found) == 1 and found[0].startswith("inspector/ui/screen.py:")
    assert said in found[0]


def test_the_checker_finds_a_module_no_row_holds(tmp_path: Path) -> None:
    root = _package(tmp_path, CLEAN_SCREEN)
    (root / "inspector" / "extra").mkdir()
    (root / "inspector" / "extra" / "__init__.py").write_text("", encoding="utf-8")
    assert violations(root, read_table(SAMPLE_TABLE)) == [
        "inspector/extra/__init__.py: no row of the layer table holds it"]


def test_a_row_naming_something_unknown_is_refused() -> None:
    table = SAMPLE_TABLE.replace("base, front door", "base, persistence")
    with pytest.raises(AssertionError, match="persistence"):
        read_table(table)


# ---------------------------------------------------------------- the window's work

#: Only the operation primitive (``ui/core``) hands work to the worker's pools.
DIRECT_JOB_CALLS = {"submit", "submit_serial", "new_handle"}


def _by_hand(node: ast.AST) -> bool:
    """A call that submits a job, or ``handle.failed.connect(...)``."""
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
        return False
    if node.func.attr in DIRECT_JOB_CALLS:
        return True
    target = node.func.value
    return (node.func.attr == "connect" and isinstance(target, ast.Attribute)
            and target.attr == "failed" and isinstance(target.value, ast.Name)
            and target.value.id == "handle")


def direct_jobs(source: str) -> list[int]:
    """Lines of ``source`` that start a job, or listen for a job's failure, by hand."""
    return [node.lineno for node in ast.walk(ast.parse(source)) if _by_hand(node)]


def test_screens_run_their_work_only_as_operations() -> None:
    """A failure can be dropped only where a job is wired by hand: outside ui/core,
    every piece of background work is an operation (ui/core/operations.py)."""
    ui = ROOT / "inspector" / "ui"
    found = [f"{path.relative_to(ROOT).as_posix()}:{line}"
             for path in sorted(ui.rglob("*.py")) if path.parent != ui / "core"
             for line in direct_jobs(path.read_text(encoding="utf-8"))]
    assert found == []


@pytest.mark.parametrize("source", [
    "handle = self.worker.submit(job, 'x')",
    "self.worker.submit_serial(lambda c: save(c))",
    "handle = worker.submit(job)\nhandle.failed.connect(self.show)",
])
def test_the_checker_finds_work_started_by_hand(source: str) -> None:
    assert direct_jobs(source)


def test_the_checker_passes_an_operation() -> None:
    assert direct_jobs("self.ops.write(self, fn, 'x', changes=Change.SITES).start()") == []
