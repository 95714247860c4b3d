"""The window's error display: any UserError is a plain message box, anything else a report."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from inspector.errors import UserError
from inspector.services.sync.errors import BundleRefused
from inspector.storage.disk_errors import StorageProblem
from inspector.ui.core import errors
from inspector.ui.core.errors import ErrorReportDialog, is_expected, show_error


class _BrandNewError(UserError):
    """An expected failure no list anywhere has heard of."""


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    """What the user was shown: plain boxes (their text) and reports."""
    seen: dict[str, list[str]] = {"boxes": [], "titles": [], "reports": []}

    def box(_parent: object, title: str, text: str) -> None:
        seen["titles"].append(title)
        seen["boxes"].append(text)

    monkeypatch.setattr(errors.QMessageBox, "warning", box)
    monkeypatch.setattr(ErrorReportDialog, "exec",
                        lambda dialog: seen["reports"].append(dialog.report) or 0)
    return seen


@pytest.mark.parametrize("exc", [
    _BrandNewError("新的问题 / a new problem"),
    BundleRefused("数据包已被拒收 / the bundle was refused"),
    StorageProblem("数据文件夹所在的磁盘已满 / the disk of the data folder is full"),
], ids=["a new subclass", "sync", "storage"])
def test_a_user_error_of_any_layer_is_a_plain_box_with_its_message(
        qtbot: QtBot, shown: dict[str, list[str]], exc: UserError) -> None:
    assert is_expected(exc)
    show_error(None, exc, "Import")
    assert shown == {"boxes": [str(exc)], "titles": ["Import"], "reports": []}


def test_a_file_that_cannot_be_written_is_a_plain_box_too(
        qtbot: QtBot, shown: dict[str, list[str]]) -> None:
    show_error(None, PermissionError(13, "Permission denied", "/media/usb/r.pdf"))
    assert shown["boxes"] == ["Permission denied: /media/usb/r.pdf"]
    assert shown["titles"] == ["Cannot continue"] and shown["reports"] == []


def test_a_bug_is_a_report_to_copy_not_a_box(qtbot: QtBot, shown: dict[str, list[str]]) -> None:
    try:
        {}["criterion"]  # the bug
    except KeyError as exc:
        assert not is_expected(exc)
        show_error(None, exc)
    assert shown["boxes"] == [] and len(shown["reports"]) == 1
    assert "KeyError: 'criterion'" in shown["reports"][0]
    assert "Traceback" in shown["reports"][0]
