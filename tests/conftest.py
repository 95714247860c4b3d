"""Shared fixtures: every test gets its own empty data directory."""

from __future__ import annotations

import os
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


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    return AppPaths.resolve(tmp_path / "data")


@pytest.fixture
def context(paths: AppPaths) -> Iterator[AppContext]:
    ctx = open_context(paths)
    yield ctx
    ctx.close()


@pytest.fixture
def demo_context(context: AppContext) -> AppContext:
    from inspector.services.demo import load_demo

    load_demo(context)
    return context
