"""The one way a whole file is written: a temp file, fsync, a rename; nothing half-done."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from inspector.durable import replacing, write_atomic


def test_a_file_is_replaced_whole_and_no_temp_file_stays(tmp_path: Path) -> None:
    target = tmp_path / "new" / "settings.json"
    write_atomic(target, b"first")
    write_atomic(target, b"second")
    assert target.read_bytes() == b"second"
    assert sorted(p.name for p in target.parent.iterdir()) == ["settings.json"]


def test_a_failure_while_writing_keeps_the_old_file_and_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError, match="stopped"), replacing(target) as out:
        out.write(b"half of the new")
        raise RuntimeError("stopped")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]


def test_a_missing_folder_is_not_made_when_the_caller_says_it_exists(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        write_atomic(tmp_path / "usb" / "sites.csv", b"x", folder_exists=True)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_a_private_file_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    target = tmp_path / "private_key.pem"
    write_atomic(target, b"key", private=True)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_the_file_and_its_folder_reach_the_disk_unless_it_is_a_cache(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    synced: list[int] = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        synced.append(fd)
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    write_atomic(tmp_path / "identity.json", b"{}")
    assert len(synced) == (1 if os.name == "nt" else 2)  # the file, then its folder
    synced.clear()
    write_atomic(tmp_path / "thumbnail.jpg", b"jpeg", cache=True)
    assert synced == []
