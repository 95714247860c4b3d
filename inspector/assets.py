"""Files that ship with the program, reached through importlib.resources.

Nothing here depends on the current directory or on the source tree layout:
the same calls work from a checkout, an installed wheel and a frozen build.
"""

from __future__ import annotations

from importlib.resources import as_file, files
from importlib.resources.abc import Traversable
from pathlib import Path


def resource(*parts: str) -> Traversable:
    """A file or folder under the package's ``resources`` data."""
    node = files("inspector.resources")
    for part in parts:
        node = node / part
    return node


def translations_dir() -> Traversable:
    return files("inspector.translations")


def checklist_files() -> list[Traversable]:
    """Every checklist template shipped with the program, sorted by name."""
    folder = resource("checklists")
    return sorted(
        (entry for entry in folder.iterdir() if entry.name.endswith(".json")),
        key=lambda entry: entry.name,
    )


def real_path(node: Traversable) -> Path:
    """A filesystem path for a packaged file (libraries such as ReportLab need one).

    Resources are installed as plain files in every way this program is
    distributed, so the path stays valid after the context manager exits.
    """
    with as_file(node) as path:
        return Path(path)


def cjk_font_path() -> Path:
    return real_path(resource("fonts", "DroidSansFallbackFull.ttf"))
