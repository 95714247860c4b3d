"""The user's GUI settings, kept as JSON in the data directory (``settings.json``).

Other parts of the program may keep their own keys in the same file; saving
here rewrites only the keys this module owns and keeps the rest.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path

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


def _read(path: Path) -> dict[str, object]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        log.warning("settings file %s is unreadable, using defaults: %s", path, exc)
        return {}
    return data if isinstance(data, dict) else {}


def load_settings(path: Path) -> UiSettings:
    data = _read(path)
    language = data.get("language")
    name = data.get("inspector_name")
    return UiSettings(
        language=language if isinstance(language, str) and language in LANGUAGES
        else DEFAULT_LANGUAGE,
        inspector_name=name if isinstance(name, str) else "",
    )


def save_settings(path: Path, settings: UiSettings) -> None:
    """Write atomically (a crash never leaves half a settings file)."""
    data = _read(path)
    data["language"] = settings.language
    data["inspector_name"] = settings.inspector_name
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    temporary.replace(path)
