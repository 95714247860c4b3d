"""Inspector: offline inspection of a county's community-education sites."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("inspector")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"

APP_NAME = "Inspector"
APP_ID = "inspector"
