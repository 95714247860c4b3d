"""`inspector draw` on the demo county: reproducible from its seed, 回避 kept, bad input refused
in one line, the draw record written."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pdf_helpers import all_text

from inspector.cli import main

LIST = ("姓名,上限,回避场所,回避乡镇\n"
        "张伟,,,溪口镇\n"
        "王芳,,东门社区教学点；330799000000,\n"
        "李娜,,,白沙镇社区学校\n"
        "刘洋,,,\n"
        "陈静,,330799001002;330799101201,\n")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = str(tmp_path_factory.mktemp("draw") / "data")
    assert main(["demo", "--data-dir", folder]) == 0
    return folder


@pytest.fixture
def people(tmp_path: Path) -> Path:
    path = tmp_path / "督导人员.csv"
    path.write_text(LIST, encoding="utf-8")
    return path


def drawn(capsys: pytest.CaptureFixture[str], data: str, people: Path,
          *args: str) -> dict[str, Any]:
    code, out, err = run(capsys, "draw", "--data-dir", data, "--inspectors", str(people),
                         "--format", "json", *args)
    assert code == 0, err
    result: dict[str, Any] = json.loads(out)
    return result


def test_the_same_seed_gives_the_same_draw(capsys: pytest.CaptureFixture[str], data: str,
                                           people: Path) -> None:
    args = ("--tier", "village", "--per", "township", "--count", "2", "--seed", "20260301",
            "--name", "春季督导")
    first, second = drawn(capsys, data, people, *args), drawn(capsys, data, people, *args)
    assert first == second
    assert first["seed"] == 20260301 and len(first["fingerprint"]) == 64
    assert all(len(p["inspectors"]) == 2 for p in first["pairings"])
    other = drawn(capsys, data, people, *args[:-4], "--seed", "7")
    assert other["fingerprint"] == first["fingerprint"]
    assert other["pairings"] != first["pairings"]


def test_a_seed_chosen_by_the_program_is_shown_and_draws_the_same_again(
        capsys: pytest.CaptureFixture[str], data: str, people: Path) -> None:
    first = drawn(capsys, data, people, "--tier", "village", "--percent", "30")
    assert isinstance(first["seed"], int)
    again = drawn(capsys, data, people, "--tier", "village", "--percent", "30",
                  "--seed", str(first["seed"]))
    assert again == first
    assert {p["tier"] for p in first["pairings"]} == {"village"}


def test_every_site_is_drawn_and_no_inspector_goes_where_they_must_step_aside(
        capsys: pytest.CaptureFixture[str], data: str, people: Path) -> None:
    result = drawn(capsys, data, people, "--seed", "1", "--inspectors-per-site", "3")
    pairs = result["pairings"]
    assert len(pairs) > 20 and all(len(p["inspectors"]) == 3 for p in pairs)
    for pair in pairs:
        names = pair["inspectors"]
        assert not ("张伟" in names and pair["township"] == "溪口镇社区学校")
        assert not ("李娜" in names and pair["township"] == "白沙镇社区学校")
        assert not ("王芳" in names and pair["site_name"] == "东门社区教学点")
        assert not ("王芳" in names and pair["site_code"] == "330799000000")
        assert not ("陈静" in names and pair["site_code"] in ("330799001002", "330799101201"))


def test_a_township_scope_and_the_text_output(capsys: pytest.CaptureFixture[str], data: str,
                                              people: Path) -> None:
    code, out, _ = run(capsys, "draw", "--data-dir", data, "--inspectors", str(people),
                       "--township", "溪口镇", "--township", "330799102000", "--seed", "abc")
    assert code == 0
    assert "seed: abc" in out and "fingerprint:" in out
    assert "溪口镇社区学校" in out and "白沙镇社区学校" in out and "城关街道" not in out


def test_the_draw_record_is_written_with_the_seed(capsys: pytest.CaptureFixture[str],
                                                  data: str, people: Path,
                                                  tmp_path: Path) -> None:
    pdf = tmp_path / "抽取记录.pdf"
    result = drawn(capsys, data, people, "--count", "3", "--seed", "8848", "--name", "专项督导",
                   "--pdf", str(pdf))
    text = all_text(pdf)
    assert "8848" in text and result["fingerprint"] in text and "专项督导" in text
    for pair in result["pairings"]:
        assert pair["site_name"] in text
        assert all(name in text for name in pair["inspectors"])


@pytest.mark.parametrize(("rows", "said"), [
    ("张伟,,不存在的教学点,\n", "第 3 行"),
    ("张伟,很多,,\n", "第 3 行"),
    ("张伟,,,没有这个镇\n", "第 3 行"),
    (",2,,\n", "第 3 行"),
])
def test_a_bad_row_is_one_line_naming_it_and_nothing_is_written(
        capsys: pytest.CaptureFixture[str], data: str, tmp_path: Path, rows: str,
        said: str) -> None:
    path = tmp_path / "list.csv"
    path.write_text("姓名,上限,回避场所,回避乡镇\n刘洋,,,\n" + rows, encoding="utf-8")
    pdf = tmp_path / "record.pdf"
    code, out, err = run(capsys, "draw", "--data-dir", data, "--inspectors", str(path),
                         "--seed", "1", "--pdf", str(pdf))
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and said in err and "row 3" in err
    assert not pdf.exists()


def test_rules_that_cannot_be_met_are_refused_in_one_line(
        capsys: pytest.CaptureFixture[str], data: str, people: Path) -> None:
    for args in (("--per", "township", "--count", "9"), ("--inspectors-per-site", "6"),
                 ("--township", "没有这个镇"), ("--percent", "0")):
        code, out, err = run(capsys, "draw", "--data-dir", data, "--inspectors", str(people),
                             "--seed", "1", *args)
        assert code == 2 and out == "", args
        assert len(err.strip().splitlines()) == 1 and " / " in err, args
