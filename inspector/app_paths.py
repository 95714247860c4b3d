"""Where the program keeps its data, resolved once at start-up."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_dir

from inspector import APP_ID

DATA_DIR_ENV = "INSPECTOR_DATA_DIR"


@dataclass(frozen=True)
class AppPaths:
    """All the places the program writes to, derived from one data directory."""

    data_dir: Path

    @classmethod
    def resolve(cls, data_dir: str | os.PathLike[str] | None = None) -> AppPaths:
        """``--data-dir`` wins, then ``INSPECTOR_DATA_DIR``, then the platform default."""
        chosen = data_dir or os.environ.get(DATA_DIR_ENV) or user_data_dir(APP_ID, appauthor=False)
        return cls(Path(chosen).expanduser().resolve())

    @property
    def database(self) -> Path:
        return self.data_dir / "inspector.sqlite3"

    @property
    def backups(self) -> Path:
        return self.data_dir / "backups"

    @property
    def photos(self) -> Path:
        return self.data_dir / "photos"

    @property
    def thumbnails(self) -> Path:
        return self.data_dir / "cache" / "thumbnails"

    @property
    def logs(self) -> Path:
        return self.data_dir / "logs"

    @property
    def settings_file(self) -> Path:
        return self.data_dir / "settings.json"

    def ensure(self) -> None:
        """Create the data directory if needed (owner-only where the OS supports it)."""
        self.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
