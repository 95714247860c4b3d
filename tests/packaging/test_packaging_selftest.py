"""``inspector --self-test``: passes on a working installation, names what is broken otherwise."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from inspector import selftest
from inspector.cli import main


@pytest.fixture(autouse=True)
def _offscreen(monkeypatch: pytest.MonkeyPatch, qapp: object) -> None:
    # The self-test forces the offscreen platform; keep the test session's setting.
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")


def test_self_test_passes_and_reports_every_check(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--self-test"]) == 0
    out = capsys.readouterr().out
    for name, _check in selftest.CHECKS:
        assert f"ok     {name}:" in out
    assert "FAILED" not in out
    assert "self-test passed" in out
    assert "qtbase_zh_CN.qm" in out and "inspector_zh_CN.qm" in out


def test_self_test_names_what_failed(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "no-such-font.ttf"
    monkeypatch.setattr(selftest.assets, "cjk_font_path", lambda: missing)
    assert main(["--self-test"]) == 1
    out = capsys.readouterr().out
    assert f"FAILED pdf: bundled font missing: {missing}" in out
    assert "FAILED qt: Qt could not load the bundled CJK font" in out
    assert "ok     database:" in out  # the other checks still ran
    assert out.rstrip().endswith("self-test FAILED · 自检未通过: pdf, qt")


def test_a_crashing_check_is_reported_not_raised(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(_work: Path) -> str:
        raise ImportError("No module named 'reportlab.pdfbase'")

    monkeypatch.setattr(selftest, "CHECKS", (("pdf", broken),))
    results = selftest.run_checks(Path("."))
    assert [(r.name, r.ok) for r in results] == [("pdf", False)]
    assert results[0].detail.startswith("ImportError: No module named 'reportlab.pdfbase'")


def test_self_test_leaves_no_data_behind(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr(selftest.tempfile, "tempdir", None)
    assert main(["--self-test", "--data-dir", str(tmp_path / "user-data")]) == 0
    capsys.readouterr()
    assert list(tmp_path.iterdir()) == []  # neither the user's data dir nor the scratch dir


def test_importing_the_self_test_loads_no_qt() -> None:
    # Qt is imported inside the Qt check only, so a broken Qt cannot hide the other results.
    code = "import sys, inspector.selftest; print('PySide6' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "False"
