"""Shared fixtures: every test gets its own empty data directory."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from inspector.app_paths import AppPaths
from inspector.services.context import AppContext, open_context


@pytest.fixture(autouse=True)
def _no_user_data_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test may touch the user's real data directory by accident."""
    monkeypatch.setenv("INSPECTOR_DATA_DIR", str(tmp_path / "default-data"))


class ModalDialogInTest(AssertionError):
    """A test let the program open a modal dialog that nobody would ever close."""


@pytest.fixture(autouse=True)
def _no_unexpected_modal_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A modal dialog in an offscreen test waits forever; make it fail the test instead.

    Tests that expect a dialog replace the call they expect with their own
    answer (``monkeypatch.setattr(QMessageBox, "question", ...)``), which
    overrides this guard.
    """
    try:
        from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox
    except ImportError:  # the suite's non-Qt part still runs without Qt's libraries
        return

    def refuse(name: str) -> object:
        def modal(*args: object, **kwargs: object) -> object:
            texts = [a for a in args if isinstance(a, str)]
            raise ModalDialogInTest(f"unexpected modal {name} in a test: {texts[:2]}")

        return modal

    for method in ("warning", "critical", "information", "question", "about"):
        monkeypatch.setattr(QMessageBox, method, staticmethod(refuse(f"QMessageBox.{method}")))
    for method in ("getOpenFileName", "getOpenFileNames", "getSaveFileName",
                   "getExistingDirectory"):
        monkeypatch.setattr(QFileDialog, method, staticmethod(refuse(f"QFileDialog.{method}")))
    for method in ("getText", "getItem", "getInt", "getMultiLineText"):
        monkeypatch.setattr(QInputDialog, method, staticmethod(refuse(f"QInputDialog.{method}")))
    monkeypatch.setattr(QDialog, "exec", lambda self: refuse(type(self).__name__)())


@pytest.fixture(autouse=True)
def _locale_restored() -> Iterator[None]:
    """Tests that install a language (QLocale.setDefault) must not leak it into others."""
    try:
        from PySide6.QtCore import QLocale
    except ImportError:  # the suite's non-Qt part still runs without Qt's libraries
        yield
        return
    before = QLocale()
    yield
    QLocale.setDefault(before)


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    return AppPaths.resolve(tmp_path / "data")


@pytest.fixture(scope="session")
def _demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo county loaded once per test run into a data folder, copied for each test
    that asks for it (loading it takes longer than copying the files)."""
    from inspector.services.demo import load_demo

    folder = tmp_path_factory.mktemp("demo") / "data"
    ctx = open_context(AppPaths.resolve(folder))
    try:
        load_demo(ctx)
    finally:
        ctx.close()
    return folder


@pytest.fixture
def context(request: pytest.FixtureRequest, paths: AppPaths) -> Iterator[AppContext]:
    """The test's data folder, opened; holding the demo county when the test asks for
    ``demo_context`` as well (a copy of the one loaded for the whole run)."""
    if "demo_context" in request.fixturenames:
        shutil.copytree(request.getfixturevalue("_demo_folder"), paths.data_dir,
                        dirs_exist_ok=True)
    ctx = open_context(paths)
    yield ctx
    ctx.close()


@pytest.fixture
def demo_context(context: AppContext) -> AppContext:
    """The data folder holding the demo county (sites, inspections, photos)."""
    return context
