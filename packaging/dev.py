#!/usr/bin/env python3
"""Set up a development environment for Inspector, then start it or test it.

    python3 packaging/dev.py start [--data-dir DIR] [ARGS...]   demo data, then the GUI
    python3 packaging/dev.py run [ARGS...]                      `inspector ARGS` on the same data
    python3 packaging/dev.py test [PYTEST ARGS...]              ruff, mypy, then pytest
    python3 packaging/dev.py lint                               ruff and mypy only

On Windows: ``py -3.11 packaging\\dev.py start``. Only the standard library is used here;
everything else is installed into ``.venv`` in the repository root, so nothing is put on
PATH: ``run`` (or ``.venv/bin/inspector``, Windows ``.venv\\Scripts\\inspector``) is the
command line. ``run`` works on the demo data of ``start`` unless INSPECTOR_DATA_DIR or
``--data-dir`` names another folder.
"""

from __future__ import annotations

import argparse
import ctypes.util
import hashlib
import importlib.util
import os
import shutil
import subprocess
import sys
import venv
from collections.abc import Mapping, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
STAMP = VENV / "inspector-install.sha256"
DEMO_DATA = ROOT / ".demo-data"
MIN_PYTHON = (3, 11)
COMMANDS = ("start", "run", "test", "lint")
# The system libraries Qt's X11 platform plugin loads that a desktop Linux may lack
# (Qt 6.5+ needs libxcb-cursor0, which many desktops do not install), with their
# Debian/Ubuntu packages.
QT_DESKTOP_LIBRARIES = {
    "xcb-cursor": "libxcb-cursor0", "xcb-icccm": "libxcb-icccm4", "xcb-image": "libxcb-image0",
    "xcb-keysyms": "libxcb-keysyms1", "xcb-randr": "libxcb-randr0",
    "xcb-render-util": "libxcb-render-util0", "xcb-shape": "libxcb-shape0",
    "xkbcommon-x11": "libxkbcommon-x11-0", "EGL": "libegl1", "fontconfig": "libfontconfig1",
}


def say(message: str) -> None:
    print(f"==> {message}", flush=True)


def tool(name: str) -> str:
    """Path of an executable inside the virtual environment."""
    return str(BIN / (f"{name}.exe" if os.name == "nt" else name))


def run(cmd: Sequence[str], env: Mapping[str, str] | None = None) -> int:
    code = subprocess.run(list(cmd), cwd=ROOT, env=env, check=False).returncode
    return code if code >= 0 else 128 - code  # negative: killed by a signal (POSIX)


def ensure_ensurepip() -> None:
    """Debian/Ubuntu ship ensurepip (needed by venv) separately, in python3.X-venv."""
    if importlib.util.find_spec("ensurepip") is not None:
        return
    package = f"python3.{sys.version_info.minor}-venv"
    apt = sys.base_prefix == "/usr" and shutil.which("apt-get") is not None
    if apt and sys.platform != "win32" and os.geteuid() == 0:
        say(f"Python's venv support is missing; installing {package} with apt-get")
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        for cmd in (["apt-get", "update"], ["apt-get", "install", "-y", package]):
            if subprocess.run(cmd, env=env, check=False).returncode != 0:
                sys.exit(f"error: `{' '.join(cmd)}` failed; install {package} and run again.")
        importlib.invalidate_caches()
        if importlib.util.find_spec("ensurepip") is not None:
            return
    if apt:
        sys.exit(
            "error: this Python cannot create virtual environments (ensurepip is missing).\n"
            f"Install it with:\n\n    sudo apt-get install {package}\n\nthen run this again."
        )
    sys.exit("error: this Python has no ensurepip module, so it cannot create .venv.")


def missing_qt_packages() -> list[str]:
    """Debian packages of the libraries the window needs that this Linux lacks."""
    if not sys.platform.startswith("linux"):
        return []
    if os.environ.get("QT_QPA_PLATFORM", "xcb").split(":")[0] not in ("xcb", ""):
        return []  # offscreen, wayland…: chosen by the user, who knows what it needs
    if "QT_QPA_PLATFORM" not in os.environ and os.environ.get("WAYLAND_DISPLAY"):
        return []  # a Wayland session: Qt uses its Wayland plugin, not these libraries
    return sorted({package for library, package in QT_DESKTOP_LIBRARIES.items()
                   if ctypes.util.find_library(library) is None})


def ensure_qt_libraries() -> None:
    """Install what the window needs (apt-get, as root or with sudo), or say how to."""
    missing = missing_qt_packages()
    if not missing:
        return
    install = ["apt-get", "install", "-y", "--no-install-recommends", *missing]
    wording = f"The window needs system libraries that are missing: {' '.join(missing)}"
    if shutil.which("apt-get") is None:
        sys.exit(f"error: {wording}.\nInstall them with your system's package manager.")
    if os.geteuid() == 0:
        prefix: list[str] = []
    elif shutil.which("sudo") and sys.stdin.isatty():
        prefix = ["sudo"]
    else:  # perhaps only not found by ldconfig: try to start; Qt says what it lacks
        say(f"warning: {wording}. If the window does not open, install them with:\n\n"
            f"    sudo {' '.join(install)}\n")
        return
    say(f"{wording}; installing them: {' '.join(prefix + install)}")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for cmd in (["apt-get", "update"], install):
        if subprocess.run([*prefix, *cmd], env=env, check=False).returncode != 0:
            sys.exit(f"error: `{' '.join(prefix + cmd)}` failed; install {' '.join(missing)} "
                     "and run again.")


def ensure_venv() -> str:
    """Create .venv if needed and (re)install the project when pyproject.toml changed."""
    python = tool("python")
    if not Path(python).exists():
        ensure_ensurepip()
        existed = VENV.exists()
        say(f"Creating {VENV}")
        try:
            venv.EnvBuilder(with_pip=True, symlinks=os.name != "nt").create(VENV)
        except (OSError, subprocess.CalledProcessError) as exc:
            if not existed:
                shutil.rmtree(VENV, ignore_errors=True)
            sys.exit(f"error: could not create {VENV}: {exc}")
    # pyvenv.cfg is hashed too, so a venv rebuilt on another Python gets reinstalled.
    state = (ROOT / "pyproject.toml").read_bytes() + (VENV / "pyvenv.cfg").read_bytes()
    digest = hashlib.sha256(state).hexdigest()
    if STAMP.exists() and STAMP.read_text(encoding="ascii").strip() == digest:
        return python
    say('Installing Inspector into .venv: pip install -e ".[test]"')
    pip = [python, "-m", "pip", "install", "--disable-pip-version-check", "-e", ".[test]"]
    code = run(pip)
    if code:
        sys.exit(code)
    STAMP.write_text(digest + "\n", encoding="ascii")
    return python


def start(args: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="dev.py start", add_help=False, allow_abbrev=False)
    parser.add_argument("--data-dir", default=str(DEMO_DATA))
    known, rest = parser.parse_known_args(args)
    data_dir = Path(known.data_dir).expanduser().resolve()
    # The environment variable reaches every inspector command, wherever it puts --data-dir.
    env = {**os.environ, "INSPECTOR_DATA_DIR": str(data_dir)}
    say(f"Data directory: {data_dir}")
    # Demo data goes into the demo directory, or into one that has no database yet: never
    # into a directory that may hold someone's real inspections.
    if data_dir == DEMO_DATA or not (data_dir / "inspector.sqlite3").exists():
        say("inspector demo")
        code = run([tool("inspector"), "demo"], env)
        if code:
            return code
    else:
        say(f"{data_dir} already has a database: not adding demo data to it")
    again = "py packaging\\dev.py" if os.name == "nt" else "python3 packaging/dev.py"
    say(f"inspector (the command line on the same data: {again} run --help, "
        f"{again} run sites list, ...)")
    return run([tool("inspector"), *rest], env)


def run_inspector(args: list[str]) -> int:
    """``inspector ARGS`` from .venv, on the demo data unless another folder is named."""
    env = {**os.environ}
    env.setdefault("INSPECTOR_DATA_DIR", str(DEMO_DATA))
    return run([tool("inspector"), *args], env)


def check(steps: list[tuple[str, list[str]]]) -> int:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    for title, cmd in steps:
        print(flush=True)
        say(title)
        code = run(cmd, env)
        if code:
            say(f"{title}: FAILED (exit code {code})")
            return code
    print(flush=True)
    say("All checks passed")
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if sys.version_info < MIN_PYTHON:
        print("error: Inspector needs Python 3.11 or newer.", file=sys.stderr)
        return 1
    if argv[:1] in (["-h"], ["--help"]):
        print(__doc__)
        return 0
    if not argv or argv[0] not in COMMANDS:
        print(f"usage: dev.py {{{','.join(COMMANDS)}}} [ARGS...]", file=sys.stderr)
        return 2
    command, args = argv[0], argv[1:]
    ensure_venv()
    if command == "start":
        ensure_qt_libraries()
        return start(args)
    if command == "run":
        if not args:  # the window
            ensure_qt_libraries()
        return run_inspector(args)
    lint = [("ruff check .", [tool("ruff"), "check", "."]), ("mypy", [tool("mypy")])]
    if command == "lint":
        return check(lint)
    return check([*lint, ("pytest", [tool("pytest"), *args])])


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(130)
