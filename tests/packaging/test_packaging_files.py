"""Desktop integration and build files: menu entry, AppStream data, icons, installers."""

from __future__ import annotations

import configparser
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest
from PIL import Image

import inspector
from inspector import assets

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
LINUX = PACKAGING / "linux"
METAINFO = LINUX / "cn.sqjy.Inspector.metainfo.xml"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
IN_CI = os.environ.get("CI") == "true"



def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, PACKAGING / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


check_python = _load("check_python")
dev = _load("dev")


def _tool(name: str, required_in_ci: bool = True) -> str | None:
    """A validator from the system; where CI has it, it must be present there."""
    found = shutil.which(name)
    assert found or not (IN_CI and required_in_ci), f"{name} is missing on CI"
    return found


def test_desktop_entry_is_bilingual_and_valid() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(LINUX / "inspector.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application"
    assert desktop["Name"] == "Inspector"
    assert desktop["Name[zh_CN]"] == "社区教育督导检查"
    assert desktop["Comment[zh_CN]"]
    assert desktop["Icon"] == "inspector"
    assert desktop["Exec"] == "inspector" and desktop["Terminal"] == "false"
    # Qt tells the desktop which entry a window belongs to by this name.
    assert (LINUX / "inspector.desktop").stem == inspector.APP_ID
    # CI validates the installed entry in packaging/linux/check_install.sh in any case.
    validator = _tool("desktop-file-validate", required_in_ci=False)
    if validator:
        result = subprocess.run([validator, str(LINUX / "inspector.desktop")],
                                capture_output=True, text=True)
        assert result.returncode == 0 and not result.stdout.strip(), result.stdout


def test_metainfo_matches_desktop_entry_version_and_validates() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == METAINFO.name.removesuffix(".metainfo.xml")
    assert root.findtext("launchable") == "inspector.desktop"
    names = {el.get("{http://www.w3.org/XML/1998/namespace}lang"): el.text
             for el in root.findall("name")}
    assert names == {None: "Inspector", "zh_CN": "社区教育督导检查"}
    newest = root.find("releases/release")
    assert newest is not None and newest.get("version") == inspector.__version__
    validator = _tool("appstreamcli")
    if validator:
        result = subprocess.run([validator, "validate", "--no-net", str(METAINFO)],
                                capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr


def test_icons_are_rendered_at_every_size() -> None:
    ET.parse(ROOT / "resources" / "icons" / "inspector.svg")  # well-formed source
    for size in PNG_SIZES:
        with Image.open(assets.real_path(assets.resource("icons", f"inspector-{size}.png"))) as png:
            assert png.size == (size, size) and png.mode == "RGBA"
            assert png.getpixel((0, 0))[3] == 0  # transparent corners: a rounded tile
            assert png.getpixel((size // 2, size // 2))[3] == 255
    with Image.open(assets.real_path(assets.resource("icons", "inspector.ico"))) as ico:
        assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(ico.info["sizes"])


def test_no_module_reads_files_by_path_relative_to_the_source() -> None:
    offenders = []
    for path in (ROOT / "inspector").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        if re.search(r"__file__|os\.getcwd\(|Path\.cwd\(|Path\(\s*[\"']\.", text):
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == [], "reach packaged files through inspector.assets instead"


@pytest.mark.parametrize(
    ("version", "refused", "fit"),
    [
        ((3, 11, 7), False, False), ((3, 11, 2), True, True),  # Debian 12: fix backported
        ((3, 11, 10), True, True), ((3, 12, 1), False, False), ((3, 13, 0), True, True),
        ((3, 10, 16), True, False),
    ],
)
def test_build_refuses_a_python_without_the_zip_bomb_fix(
    version: tuple[int, int, int], refused: bool, fit: bool
) -> None:
    assert check_python.acceptable(version, refused) is fit


@pytest.mark.parametrize("has_fix", [True, False])
def test_the_zip_bomb_fix_is_detected_by_what_zipfile_does(
    monkeypatch: pytest.MonkeyPatch, has_fix: bool
) -> None:
    import io
    import zipfile

    real_open = zipfile.ZipFile.open

    def open_member(archive: zipfile.ZipFile, name: str, mode: str = "r",
                    **kwargs: object) -> object:
        if mode == "w":
            return real_open(archive, name, mode)
        if has_fix:
            raise zipfile.BadZipFile("Overlapped entries: 'a' (possible zip bomb)")
        return io.BytesIO(b"")

    monkeypatch.setattr(check_python.zipfile.ZipFile, "open", open_member)
    assert check_python.refuses_overlapping_members() is has_fix


def test_build_script_stops_before_building_with_an_old_python(tmp_path: Path) -> None:
    old = tmp_path / "python3"
    old.write_text("#!/bin/sh\necho 3.11.7\nexit 1\n", encoding="utf-8")
    old.chmod(0o755)
    result = subprocess.run(
        ["bash", str(PACKAGING / "build.sh")], capture_output=True, text=True,
        env={**os.environ, "PYTHON": str(old)}, timeout=60,
    )
    assert result.returncode == 1
    assert "Python 3.11.7" in result.stderr and "CVE-2024-0450" in result.stderr
    assert "Creating the build venv" not in result.stdout


def test_windows_installer_script_is_per_user_bilingual_and_keeps_data() -> None:
    iss = (PACKAGING / "windows" / "inspector.iss").read_text(encoding="utf-8-sig")
    assert re.search(r"^PrivilegesRequired=lowest$", iss, re.M)
    assert 'Name: "chinesesimplified"' in iss and 'Name: "english"' in iss
    assert re.search(r"^DefaultDirName=\{autopf\}", iss, re.M)  # per-user under {userpf}
    assert "{autodesktop}" in iss and "{autoprograms}" in iss
    assert "chinesesimplified.AppTitle=社区教育督导检查" in iss
    # Data is deleted on uninstall only when the user answers Yes (default: No).
    assert "DelTree(ExpandConstant('{localappdata}\\inspector')" in iss
    assert "MB_YESNO or MB_DEFBUTTON2) = IDYES" in iss
    assert "UninstallSilent" in iss  # a silent uninstall never deletes data


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the X11 libraries of Linux")
def test_dev_start_finds_the_missing_window_libraries(monkeypatch: pytest.MonkeyPatch) -> None:
    present = {"xcb-cursor": None, "xkbcommon-x11": None}
    monkeypatch.setattr(dev.ctypes.util, "find_library",
                        lambda name: present.get(name, f"lib{name}.so"))
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    assert dev.missing_qt_packages() == ["libxcb-cursor0", "libxkbcommon-x11-0"]
    monkeypatch.setattr(dev.shutil, "which", lambda _name: None)  # no apt-get: say what to do
    with pytest.raises(SystemExit, match="libxcb-cursor0 libxkbcommon-x11-0"):
        dev.ensure_qt_libraries()
    monkeypatch.setattr(dev.shutil, "which", lambda name: f"/usr/bin/{name}")
    monkeypatch.setattr(dev.os, "geteuid", lambda: 1000)
    monkeypatch.setattr(dev.sys.stdin, "isatty", lambda: False)
    dev.ensure_qt_libraries()  # no terminal for sudo: a warning, and the start goes on
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")
    assert dev.missing_qt_packages() == []  # Qt uses Wayland there
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")  # no window libraries needed
    assert dev.missing_qt_packages() == []
