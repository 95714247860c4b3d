"""A real small or read-only disk for a test: a tmpfs mounted in a private mount namespace.

``on_small_disk(script, size_mb)`` runs ``python -c script`` in a new mount
namespace (``unshare``; as root, or as a user where user namespaces are allowed)
where the folder given as ``sys.argv[1]`` is a fresh tmpfs of ``size_mb`` MiB.
The script fills it or remounts it read-only itself (``fill_disk``,
``make_read_only`` below, importable from the script). Nothing outside the
namespace sees the mount, and it vanishes with the process.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent


def _unshare_prefix() -> list[str]:
    if shutil.which("unshare") is None:
        pytest.skip("unshare (util-linux) is not installed")
    return ["unshare", "-m"] if os.geteuid() == 0 else ["unshare", "-rm"]


def on_small_disk(tmp_path: Path, script: str, size_mb: int = 16,
                  timeout: float = 180) -> subprocess.CompletedProcess[str]:
    mount_point = tmp_path / "small-disk"
    mount_point.mkdir()
    probe = subprocess.run([*_unshare_prefix(), "true"], capture_output=True, text=True)
    if probe.returncode != 0:
        pytest.skip(f"this machine does not allow a private mount namespace: {probe.stderr}")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(TESTS), *sys.path])}
    env.pop("INSPECTOR_DATA_DIR", None)
    command = (f"mount --make-rprivate / 2>/dev/null; "
               f"mount -t tmpfs -o size={size_mb}m tmpfs '{mount_point}' && "
               f"exec '{sys.executable}' -c \"$SCRIPT\" '{mount_point}'")
    return subprocess.run([*_unshare_prefix(), "sh", "-c", command], capture_output=True,
                          text=True, timeout=timeout, env={**env, "SCRIPT": script})


def fill_disk(folder: Path) -> Path:
    """Fill the disk holding ``folder`` to the last byte; returns the filler file."""
    filler = folder / "filler.bin"
    with open(filler, "wb", buffering=0) as out:
        for size in (1 << 16, 1):
            while _wrote(out, b"\0" * size):
                continue
    return filler


def _wrote(out: object, data: bytes) -> bool:
    try:
        out.write(data)  # type: ignore[attr-defined]
    except OSError as exc:
        if exc.errno != errno.ENOSPC:
            raise
        return False
    return True


def make_read_only(folder: Path) -> None:
    """Remount the tmpfs at ``folder`` read-only (inside the private namespace)."""
    subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)


def inspector_cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.pop("INSPECTOR_DATA_DIR", None)
    return subprocess.run([sys.executable, "-m", "inspector", *args], capture_output=True,
                          text=True, env=env, timeout=120)
