"""Inspector: offline inspection of a county's community-education sites."""

from __future__ import annotations

from functools import cache

APP_NAME = "Inspector"
APP_ID = "inspector"


@cache
def _installed_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("inspector")
    except PackageNotFoundError:  # a source tree that was never installed
        return "0.0.0+unknown"


def __getattr__(name: str) -> str:
    # The version number lives once, in pyproject.toml; reading the installed
    # metadata costs ~30 ms, so it is done only when somebody asks for it
    # (not on the way to showing the window).
    if name == "__version__":
        return _installed_version()
    raise AttributeError(f"module 'inspector' has no attribute {name!r}")
