"""``inspector overview report`` and ``inspector overview notice``: the report and the
notice for the filters ``overview show`` takes, the threshold as a percentage, and one
bilingual line (exit 2) for a bad threshold, township, file name or folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from overview_report_helpers import LOW_SITE, demo_office, shown
from pdf_helpers import all_text, font_problems, squeeze

from inspector.cli import main
from inspector.domain.scoring import format_percent
from inspector.services.context import AppContext


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppContext]:
    context = demo_office(tmp_path_factory.mktemp("cli"))
    yield context
    context.close()


def run(capsys: pytest.CaptureFixture[str], context: AppContext,
        *args: str) -> tuple[int, str, str]:
    code = main(["overview", *args, "--data-dir", str(context.paths.data_dir)])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_report_for_a_township_with_a_threshold(
        demo: AppContext, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "督导报告.pdf"
    code, out, err = run(capsys, demo, "report", "-o", str(target), "--township", "桃源乡",
                         "--threshold", "90%")
    assert code == 0, err
    assert str(target) in out and "页 / " in out
    figures = shown(capsys, demo, "--township", "桃源乡")
    text = all_text(target)
    assert "全部层级；桃源乡社区学校；仅计审核通过的检查结果" in text
    assert format_percent(figures["county"]["score"]) in text
    for site in figures["sites"]:
        assert squeeze(f"{site['name']}（{site['code']}）") in text
    section = text[text.index("得分率低于90%的场所"):text.index("整改进展")]
    below = [s for s in figures["sites"] if s["score"] is not None and s["score"] < 0.9]
    assert below and f"共{len(below)}个场所" in section
    assert any(s["code"] == LOW_SITE for s in below)
    assert "东门社区教学点" not in text  # a site of 城关街道
    assert font_problems(target) == []


def test_the_notice_for_a_tier_and_everything_received(
        demo: AppContext, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "公示.pdf"
    code, _out, err = run(capsys, demo, "notice", "-o", str(target), "--tier", "village",
                          "--all-received")
    assert code == 0, err
    figures = shown(capsys, demo, "--tier", "village", "--all-received")
    text = all_text(target)
    assert f"共检查{len(figures['sites'])}个场所" in text
    for site in figures["sites"]:
        assert site["name"] in text
    assert "社区学校（3307" not in text  # no township school in the village tier


@pytest.mark.parametrize(("args", "said"), [
    (["report", "--threshold", "0.6"], "不是 1 到 100 之间的百分数"),
    (["report", "--threshold", "六十"], "不是 1 到 100 之间的百分数"),
    (["report", "--township", "没有这个乡"], "没有这个乡镇（街道）/ no such township"),
    (["notice", "--campaign", "nonexistent"], "督导计划"),
    (["notice", "--from", "2026-12-01", "--to", "2026-01-01"], "结束日期早于开始日期"),
])
def test_bad_options_are_one_bilingual_line(
        demo: AppContext, capsys: pytest.CaptureFixture[str], tmp_path: Path,
        args: list[str], said: str) -> None:
    target = tmp_path / "out.pdf"
    code, _out, err = run(capsys, demo, args[0], "-o", str(target), *args[1:])
    assert code == 2
    assert said in err and "/" in err and len(err.strip().splitlines()) == 1
    assert not target.exists()


@pytest.mark.parametrize("action", ["report", "notice"])
def test_the_file_must_be_a_pdf_in_a_folder_that_exists(
        demo: AppContext, capsys: pytest.CaptureFixture[str], tmp_path: Path,
        action: str) -> None:
    code, _out, err = run(capsys, demo, action, "-o", str(tmp_path / "out.txt"))
    assert code == 2 and "必须以 .pdf 结尾" in err
    code, _out, err = run(capsys, demo, action, "-o", str(tmp_path / "missing" / "out.pdf"))
    assert code == 2 and "目标文件夹不存在" in err
    code, _out, err = run(capsys, demo, action)
    assert code == 2 and "-o/--output" in err
