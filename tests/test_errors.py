"""One base for every expected failure: UserError; the command line's one place that prints it.

Every exception class of ``inspector/`` that a user can meet derives from
:class:`~inspector.errors.UserError`, so that the window and the command line tell an
expected failure from a bug without a list; the few that never reach a user are named
here. The command line prints a UserError on one line and exits 2, and a cancelled
command says so and exits 130.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from pathlib import Path

import pytest

import inspector
from inspector.cli import main
from inspector.cli.common import ConsoleProgress
from inspector.errors import UserError

#: Exception classes that never reach a user as a failure, by name (a leading "_" aside,
#: whatever module holds them), and why.
INTERNAL = {
    "Cancelled": "the user stopped the work; not a failure (the command line exits 130)",
    "CheckFailed": "a failed step of --self-test, reported in the self-test's own list",
    "WriteFailed": "a bundle's member that could not be staged, turned into BundleRefused",
    "HeicTooBig": "a HEIC over the size limit, turned into PhotoRejected",
}


def _name(qualified: str) -> str:
    return qualified.rsplit(".", 1)[1].lstrip("_")


def _modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(inspector.__path__, "inspector."):
        if info.name.endswith("__main__") or ".migrations." in info.name:
            continue  # starts the program; alembic's scripts run only inside alembic
        names.append(info.name)
    return names


def _exception_classes() -> dict[str, type[BaseException]]:
    found: dict[str, type[BaseException]] = {}
    for name in _modules():
        module = importlib.import_module(name)
        for value in vars(module).values():
            if inspect.isclass(value) and issubclass(value, BaseException) \
                    and value.__module__ == name:
                found[f"{name}.{value.__qualname__}"] = value
    return found


def test_every_exception_a_user_can_meet_is_a_user_error() -> None:
    classes = _exception_classes()
    assert len(classes) > 20  # the modules were really walked
    not_user_errors = sorted(name for name, cls in classes.items()
                             if not issubclass(cls, UserError))
    assert [name for name in not_user_errors if _name(name) not in INTERNAL] == []
    named = {_name(name) for name in not_user_errors}
    assert named == set(INTERNAL), "an internal exception named here no longer exists"


def test_a_message_splits_into_its_chinese_and_english_parts_and_fits_one_line() -> None:
    error = UserError("设备名称“张\n明”已吊销 / the device “张\n明” is revoked")
    assert error.chinese == "设备名称“张\n明”已吊销"
    assert error.english == "the device “张\n明” is revoked"
    assert str(error) == error.message == f"{error.chinese} / {error.english}"
    assert error.one_line() == "设备名称“张 明”已吊销 / the device “张 明” is revoked"
    assert UserError("only one language").english == "only one language"
    full = UserError("磁盘已满（剩余 0 MB）/ the disk is full (0 MB free): /media/usb/a b")
    assert (full.chinese, full.english) == ("磁盘已满（剩余 0 MB）",
                                            "the disk is full (0 MB free): /media/usb/a b")


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    folder = str(tmp_path / "data")
    assert _run(capsys, "init", "--role", "office", "--data-dir", folder)[0] == 0
    return folder


def test_a_user_error_from_a_command_is_one_line_and_exit_2(
        capsys: pytest.CaptureFixture[str], data: str, tmp_path: Path) -> None:
    not_a_bundle = tmp_path / "photo.inspector-bundle"
    not_a_bundle.write_bytes(b"\xff\xd8 not a zip")
    code, out, err = _run(capsys, "bundle", "import", str(not_a_bundle), "--data-dir", data)
    assert code == 2 and out == ""
    assert err.startswith("inspector: error: ") and err.count("\n") == 1, err
    assert "Traceback" not in err
    message = UserError(err.removeprefix("inspector: error: ").rstrip("\n"))
    assert "不是" in message.chinese and message.english.endswith("the file is incomplete")


def test_a_sync_error_is_one_line_too(capsys: pytest.CaptureFixture[str], data: str) -> None:
    code, _out, err = _run(capsys, "devices", "revoke", "0000", "--data-dir", data)
    assert code == 2 and err.startswith("inspector: error: ") and err.count("\n") == 1, err


def test_cancelled_work_and_ctrl_c_say_so_and_exit_130(
        capsys: pytest.CaptureFixture[str], data: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ConsoleProgress, "cancelled", property(lambda _self: True))
    code, _out, err = _run(capsys, "check", "--data-dir", data)
    assert (code, err) == (130, "inspector: 已取消 / cancelled\n")

    def interrupted(_self: ConsoleProgress, _done: int, _total: int, _text: str = "") -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(ConsoleProgress, "cancelled", property(lambda _self: False))
    monkeypatch.setattr(ConsoleProgress, "progress", interrupted)
    code, _out, err = _run(capsys, "check", "--data-dir", data)
    assert (code, err) == (130, "inspector: 已取消 / cancelled\n")
