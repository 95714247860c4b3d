"""The user's GUI settings, kept as JSON in the data directory (``settings.json``).

Other parts of the program may keep their own keys in the same file; saving
here rewrites only the keys this module owns and keeps the rest. The site
list's layout (splitter, columns, sort order) is kept under its own key and
saved on its own, so that it never overwrites the language or the name.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from pathlib import Path

from inspector.durable import write_atomic

log = logging.getLogger(__name__)

LANGUAGES: tuple[str, ...] = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"


@dataclass(frozen=True)
class UiSettings:
    language: str = DEFAULT_LANGUAGE
    inspector_name: str = ""  # who is using this laptop; pre-fills new inspections

    @property
    def template_language(self) -> str:
        """The language code checklist templates use ("zh" or "en")."""
        return "en" if self.language.startswith("en") else "zh"


def read_settings_file(path: Path) -> dict[str, object]:
    """The settings file's keys; none when it is missing or unreadable (that is logged)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        log.warning("settings file %s is unreadable, using defaults: %s", path, exc)
        return {}
    return data if isinstance(data, dict) else {}


def load_settings(path: Path) -> UiSettings:
    data = read_settings_file(path)
    language = data.get("language")
    name = data.get("inspector_name")
    return UiSettings(
        language=language if isinstance(language, str) and language in LANGUAGES
        else DEFAULT_LANGUAGE,
        inspector_name=name if isinstance(name, str) else "",
    )


def save_settings(path: Path, settings: UiSettings) -> None:
    """Write atomically (a crash never leaves half a settings file)."""
    data = read_settings_file(path)
    data["language"] = settings.language
    data["inspector_name"] = settings.inspector_name
    write_settings_file(path, data)


def write_settings_file(path: Path, data: dict[str, object]) -> None:
    """All keys at once, atomically (a crash never leaves half a settings file)."""
    write_atomic(path, json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8"))


SITE_LIST_KEY = "site_list"
SORT_ORDERS = ("ascending", "descending")


@dataclass(frozen=True)
class SiteListLayout:
    """How the user arranged the site list: kept across restarts.

    Columns are named by key (``"name"``, ``"tier"``, …), not by position, so a
    layout saved by one version of the program still means the same columns in
    the next. Only widths the user set by hand are kept; the others follow the
    content. ``sort_column`` is empty for the registry's own order (by code).
    """

    splitter: tuple[int, ...] = ()  # the widths of the site list and the details beside it
    column_widths: dict[str, int] = field(default_factory=dict)
    hidden_columns: tuple[str, ...] = ()
    sort_column: str = ""
    sort_order: str = "ascending"


def load_site_list_layout(path: Path) -> SiteListLayout:
    """The saved layout; anything missing or malformed is left at its default."""
    entry = read_settings_file(path).get(SITE_LIST_KEY)
    if not isinstance(entry, dict):
        return SiteListLayout()
    splitter = entry.get("splitter")
    widths = entry.get("column_widths")
    hidden = entry.get("hidden_columns")
    column = entry.get("sort_column")
    order = entry.get("sort_order")
    return SiteListLayout(
        splitter=tuple(splitter) if isinstance(splitter, list) and len(splitter) == 2
        and all(_is_size(size) for size in splitter) else (),
        column_widths={key: width for key, width in widths.items()
                       if isinstance(key, str) and _is_size(width) and width > 0}
        if isinstance(widths, dict) else {},
        hidden_columns=tuple(key for key in hidden if isinstance(key, str))
        if isinstance(hidden, list) else (),
        sort_column=column if isinstance(column, str) else "",
        sort_order=order if order in SORT_ORDERS else "ascending",
    )


def _is_size(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 100_000


def save_site_list_layout(path: Path, layout: SiteListLayout) -> None:
    """Write the site list's layout, keeping every other key of the file (atomically)."""
    data = read_settings_file(path)
    data[SITE_LIST_KEY] = {
        "splitter": list(layout.splitter),
        "column_widths": dict(layout.column_widths),
        "hidden_columns": list(layout.hidden_columns),
        "sort_column": layout.sort_column,
        "sort_order": layout.sort_order,
    }
    write_settings_file(path, data)
