"""`inspector campaign` at the office: a campaign drawn with the options of `inspector draw`
and kept with its assignments, listed, shown with where each assignment stands (after the
field laptop did one, through real bundle files), drawn again from its record, and every
refusal in one line that changes nothing."""

from __future__ import annotations

import json
import sqlite3
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from loop_cli_helpers import TODAY, carry, inspect, refused, run, run_json
from pdf_helpers import all_text
from sync_helpers import VILLAGE, installation

from inspector.services.sync.identity import Role

PEOPLE = "姓名,上限,回避场所,回避乡镇\n张三,,,\n李四,,330799001001,\n王五,2,,\n"
END = (TODAY + timedelta(days=20)).isoformat()


@pytest.fixture
def office(tmp_path: Path) -> Path:
    installation(tmp_path, "office", Role.OFFICE).close()
    return tmp_path / "office"


@pytest.fixture
def people(tmp_path: Path) -> Path:
    path = tmp_path / "督导人员.csv"
    path.write_text(PEOPLE, encoding="utf-8")
    return path


def create(capsys: pytest.CaptureFixture[str], office: Path, people: Path, *args: str) -> Any:
    """A campaign of the four village stations of 城关街道, one inspector each."""
    return run_json(capsys, "campaign", "create", "--name", "2026年秋季督导", "--kind",
                    "comprehensive", "--from", TODAY.isoformat(), "--to", END, "--inspectors",
                    str(people), "--township", "城关街道", "--tier", "village",
                    "--inspectors-per-site", "1", "--seed", "7", "--by", "王主任", *args,
                    "--data-dir", str(office))


def test_a_campaign_is_drawn_kept_listed_shown_and_drawn_again_the_same(
        capsys: pytest.CaptureFixture[str], office: Path, people: Path, tmp_path: Path) -> None:
    record = tmp_path / "抽取记录.pdf"
    made = create(capsys, office, people, "--pdf", str(record))
    assert made["seed"] == 7 and len(made["fingerprint"]) == 64
    assert made["kind"] == "comprehensive" and made["created_by"] == "王主任"
    assert made["period_start"] == TODAY.isoformat() and made["period_end"] == END
    pairs = made["pairings"]
    assert len(pairs) == 4 and {p["tier"] for p in pairs} == {"village"}
    assert all(len(p["inspectors"]) == 1 and p["assignment_id"] for p in pairs)
    assert all(p["inspectors"] != ["李四"] for p in pairs if p["site_code"] == VILLAGE)
    text = all_text(record)
    assert "7" in text and made["fingerprint"] in text and "2026年秋季督导" in text
    assert all(p["site_name"] in text for p in pairs)

    # The same options give the same pairs (a draw without keeping it).
    drawn = run_json(capsys, "draw", "--inspectors", str(people), "--township", "城关街道",
                     "--tier", "village", "--inspectors-per-site", "1", "--seed", "7",
                     "--data-dir", str(office))
    assert [p["inspectors"] for p in drawn["pairings"]] == [p["inspectors"] for p in pairs]

    (listed,) = run_json(capsys, "campaign", "list", "--data-dir", str(office))
    assert listed["id"] == made["campaign_id"] and listed["assignments"] == 4
    assert listed["states"] == {"pending": 4} and listed["seed"] == 7
    shown = run_json(capsys, "campaign", "show", made["campaign_id"][:8],
                     "--data-dir", str(office))
    assert {a["assignment_id"] for a in shown["assignment_list"]} == \
        {p["assignment_id"] for p in pairs}
    assert {a["state"] for a in shown["assignment_list"]} == {"pending"}
    assignments = run_json(capsys, "assignments", "list", "--data-dir", str(office))
    assert len(assignments) == 4 and all("2026年秋季督导" in a["note"] for a in assignments)

    again = run_json(capsys, "campaign", "redraw", made["campaign_id"][:8],
                     "--data-dir", str(office))
    assert again["identical"] is True and again["campaign_id"] == made["campaign_id"]
    assert again["fingerprint"] == made["fingerprint"] and again["seed"] == 7
    code, out, _ = run(capsys, "campaign", "redraw", made["campaign_id"], "--data-dir",
                       str(office))
    assert code == 0 and "identical to the record" in out


def test_the_text_output_shows_the_seed_and_every_pair(
        capsys: pytest.CaptureFixture[str], office: Path, people: Path) -> None:
    code, out, err = run(capsys, "campaign", "create", "--name", "专项督导", "--kind", "special",
                         "--from", TODAY.isoformat(), "--to", END, "--inspectors", str(people),
                         "--count", "3", "--seed", "abc", "--data-dir", str(office))
    assert code == 0, err
    assert "campaign created: 专项督导（专项督导 / special）" in out and "assignments 3" in out
    assert "seed: abc" in out and out.count(" → ") == 3
    code, out, _ = run(capsys, "campaign", "list", "--data-dir", str(office))
    assert code == 0 and "专项督导" in out and "待检查 / pending 3" in out


def test_an_assignment_done_on_the_laptop_shows_done_in_the_campaign(
        capsys: pytest.CaptureFixture[str], office: Path, people: Path, tmp_path: Path) -> None:
    made = create(capsys, office, people)
    installation(tmp_path, "field", Role.FIELD).close()
    field = tmp_path / "field"
    carry(office, field, tmp_path / "a1.inspector-bundle")
    on_laptop = run_json(capsys, "assignments", "list", "--data-dir", str(field))
    assert {a["id"] for a in on_laptop} == {p["assignment_id"] for p in made["pairings"]}
    inspection_id, _ = inspect(field)
    carry(field, office, tmp_path / "r1.inspector-bundle")
    shown = run_json(capsys, "campaign", "show", made["campaign_id"], "--data-dir", str(office))
    done = [a for a in shown["assignment_list"] if a["state"] == "done"]
    assert [(a["site_code"], a["inspection_id"]) for a in done] == [(VILLAGE, inspection_id)]
    assert shown["states"] == {"done": 1, "pending": 3}
    code, out, _ = run(capsys, "campaign", "show", made["campaign_id"], "--data-dir",
                       str(office))
    assert code == 0 and "已完成 / done" in out and inspection_id[:8] in out


def test_a_record_changed_since_is_found_by_the_redraw(
        capsys: pytest.CaptureFixture[str], office: Path, people: Path) -> None:
    made = create(capsys, office, people)
    with sqlite3.connect(office / "inspector.sqlite3") as conn:
        (outcome,) = conn.execute("SELECT outcome FROM campaigns").fetchone()
        changed = json.loads(outcome)
        changed["pairs"][0]["inspectors"] = ["某某"]
        conn.execute("UPDATE campaigns SET outcome = ?", (json.dumps(changed),))
    conn.close()
    code, out, _ = run(capsys, "campaign", "redraw", made["campaign_id"], "--format", "json",
                       "--data-dir", str(office))
    assert code == 1 and json.loads(out)["identical"] is False
    code, out, _ = run(capsys, "campaign", "redraw", made["campaign_id"], "--data-dir",
                       str(office))
    assert code == 1 and "differs from the record" in out


def test_bad_input_is_refused_in_one_line_and_changes_nothing(
        capsys: pytest.CaptureFixture[str], office: Path, people: Path, tmp_path: Path) -> None:
    def refused_create(*args: str) -> str:
        options = {"--name": "秋季督导", "--kind": "comprehensive", "--from": TODAY.isoformat(),
                   "--to": END, "--inspectors": str(people), "--seed": "1"}
        given = dict(zip(args[::2], args[1::2], strict=True))
        words = [w for key, value in {**options, **given}.items() for w in (key, value)]
        return refused(capsys, office, "campaign", "create", *words)

    yesterday = (TODAY - timedelta(days=1)).isoformat()
    assert "in the past" in refused_create("--from", "2020-01-01", "--to", yesterday)
    assert "ends before it starts" in refused_create("--from", END, "--to", TODAY.isoformat())
    assert "not a valid date" in refused_create("--to", "2026-02-30")
    assert "invalid choice" in refused_create("--kind", "annual")
    assert "give the campaign a name" in refused_create("--name", " ")
    assert "no such file" in refused_create("--inspectors", str(tmp_path / "nobody.csv"))
    assert "no township" in refused_create("--township", "无此镇")
    assert "must end in .pdf" in refused_create("--pdf", str(tmp_path / "record.txt"))
    assert "no campaign 0123456789" in refused(capsys, office, "campaign", "show", "0123456789")
    assert "at least 8" in refused(capsys, office, "campaign", "redraw", "0123")
    assert run_json(capsys, "campaign", "list", "--data-dir", str(office)) == []


LOOP_PAGES = [["campaign"], ["campaign", "create"], ["campaign", "redraw"], ["review"],
              ["review", "list"], ["review", "return"], ["letter"], ["letter", "issue"],
              ["letter", "pdf"], ["items"], ["items", "list"], ["items", "report"],
              ["items", "verify"], ["reinspect"], ["reinspect", "order"],
              ["reinspect", "check"], ["reinspect", "settle"], ["office-settings"]]


def test_every_help_of_the_loop_is_bilingual_and_fits(capsys: pytest.CaptureFixture[str],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    import re
    import unicodedata

    monkeypatch.setenv("COLUMNS", "80")
    for words in LOOP_PAGES:
        code, out, _ = run(capsys, *words, "--help")
        assert code == 0, words
        assert re.search(r"[\u4e00-\u9fff]", out.split("\n\n")[1]), words
        too_wide = [line for line in out.splitlines()
                    if sum(2 if unicodedata.east_asian_width(c) in "WF" else 1
                           for c in line) > 80]
        assert not too_wide, (words, too_wide)
