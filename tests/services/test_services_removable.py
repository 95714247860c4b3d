"""Finding a plugged-in USB drive, to open the bundle dialogs there."""

from __future__ import annotations

from pathlib import Path

import pytest

from inspector.services import removable

MOUNTS = (
    "/dev/sda2 / ext4 rw,relatime 0 0\n"
    "proc /proc proc rw 0 0\n"
    "/dev/sdb1 /media/wang/KINGSTON vfat rw,nosuid 0 0\n"
    "/dev/sdc1 /run/media/li/U\\040\\344\\270\\255 vfat rw 0 0\n"  # "U 中", escaped
    "/dev/sdd1 /mnt/backup ext4 rw 0 0\n"
)


def test_the_desktops_automount_folders_are_the_removable_drives() -> None:
    assert removable.linux_automounts(MOUNTS) == [
        Path("/media/wang/KINGSTON"), Path("/run/media/li/U 中")]


def test_only_mounted_folders_that_exist_are_offered(monkeypatch: pytest.MonkeyPatch,
                                                     tmp_path: Path) -> None:
    monkeypatch.setattr(removable.sys, "platform", "linux")
    stick = tmp_path / "media" / "wang" / "KINGSTON"
    stick.mkdir(parents=True)
    mounts = tmp_path / "mounts"
    chinese = tmp_path / "media" / "wang" / "U盘"
    chinese.mkdir()
    mounts.write_text(f"/dev/sdb1 {stick} vfat rw 0 0\n/dev/sdc1 /media/gone vfat rw 0 0\n"
                      f"/dev/sde1 {chinese} vfat rw 0 0\n", encoding="utf-8")
    monkeypatch.setattr(removable, "AUTOMOUNT_ROOTS", (str(tmp_path / "media") + "/",
                                                       "/media/"))
    assert removable.removable_drives(mounts) == [stick, chinese]  # a Chinese label too
    assert removable.removable_drives(tmp_path / "no-such-file") == []
