"""Files that ship with the program (the packages ``inspector.resources`` and ``.translations``).

Nothing here depends on the current directory or on the source tree layout:
the same calls work from a checkout, an editable install, an installed wheel
and a frozen build. In all of those the data are plain files in the package's
folder, which is found from the package itself (cheap: this runs before the
window is shown); where a package has no folder on disk (for example inside a
zip archive), :mod:`importlib.resources` is asked instead.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable


def _package_files(package: str) -> Traversable:
    """The folder of a data package: a real directory when there is one."""
    module = importlib.import_module(package)
    for location in getattr(module, "__path__", ()):
        folder = Path(location)
        if folder.is_dir():
            return folder
    from importlib.resources import files  # not a plain folder: let importlib find it

    return files(package)


def resource(*parts: str) -> Traversable:
    """A file or folder under the package's ``resources`` data."""
    node = _package_files("inspector.resources")
    for part in parts:
        node = node / part
    return node


def translations_dir() -> Traversable:
    return _package_files("inspector.translations")


def checklist_files() -> list[Traversable]:
    """Every checklist template shipped with the program, sorted by name."""
    folder = resource("checklists")
    return sorted(
        (entry for entry in folder.iterdir() if entry.name.endswith(".json")),
        key=lambda entry: entry.name,
    )


def real_path(node: Traversable) -> Path:
    """A filesystem path for a packaged file (Qt and ReportLab need one).

    Resources are installed as plain files in every way this program is
    distributed, so the path stays valid after the context manager exits.
    """
    if isinstance(node, Path):
        return node
    from importlib.resources import as_file

    with as_file(node) as path:
        return Path(path)


def cjk_font_path() -> Path:
    return real_path(resource("fonts", "DroidSansFallbackFull.ttf"))
