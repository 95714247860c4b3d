"""`inspector reinspect` across an office and a field laptop, through real bundle files: the
office orders a re-inspection of a site's open items, the laptop starts it and gives each item
its verdict (an after-photo beside the before-photo), the office approves it: rectified items
close, the others stay open with the new finding, an item the office closed meanwhile is kept
as a conflict and settled; and every refusal is one line that changes nothing."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from loop_cli_helpers import (
    TODAY,
    Pair,
    carry,
    opened,
    photo_under,
    quietly,
    received,
    refused,
    run,
    run_json,
)
from pdf_helpers import all_text
from sync_helpers import VILLAGE

from inspector.services import inspections

SOON = (TODAY + timedelta(days=10)).isoformat()


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Pair:
    """The office approved the inspection and issued its letter: three open items."""
    pair = received(tmp_path_factory.mktemp("reinspect"))
    quietly("review", "approve", pair.inspection_id, "--by", "王主任", "--data-dir", pair.data)
    (letter,) = json.loads(quietly("letter", "list", "--format", "json", "--data-dir",
                                   pair.data))
    quietly("letter", "issue", letter["id"], "--by", "王主任", "--deadline",
            (TODAY + timedelta(days=30)).isoformat(), "--data-dir", pair.data)
    return pair


@pytest.fixture
def pair(base: Pair, tmp_path: Path) -> Pair:
    return base.copy(tmp_path)


def open_items(capsys: pytest.CaptureFixture[str], pair: Pair) -> list[str]:
    """The ids of the open items, in the order of their criteria."""
    rows = run_json(capsys, "items", "list", "--data-dir", pair.data)
    return [row["id"] for row in sorted(rows, key=lambda r: pair.wanting.index(r["criterion_id"]))]


def order(capsys: pytest.CaptureFixture[str], pair: Pair, *args: str) -> Any:
    return run_json(capsys, "reinspect", "order", "--site", VILLAGE, "--inspector", "张三",
                    "--from", TODAY.isoformat(), "--to", SOON, *args, "--data-dir", pair.data)


def test_a_reinspection_closes_what_was_rectified_and_keeps_a_conflict(
        capsys: pytest.CaptureFixture[str], pair: Pair, tmp_path: Path) -> None:
    first, second, third = open_items(capsys, pair)
    ordered = order(capsys, pair)
    assert set(ordered["item_ids"]) == {first, second, third}
    assert ordered["site_code"] == VILLAGE and ordered["inspector"] == "张三"
    carry(pair.office, pair.field, tmp_path / "a1.inspector-bundle")

    # On the laptop: started from the assignment, each item beside its original finding.
    field = str(pair.field)
    started = run_json(capsys, "reinspect", "start", ordered["assignment_id"][:8],
                       "--date", TODAY.isoformat(), "--data-dir", field)
    reinspection = started["inspection_id"]
    assert started["visit_date"] == TODAY.isoformat()
    checks = {c["item_id"]: c for c in started["checks"]}
    assert set(checks) == {first, second, third}
    assert checks[first]["before_photos"] == 1 and checks[first]["after_photos"] == 0
    assert checks[first]["finding"] == f"问题：{pair.wanting[0]}"
    assert all(c["verdict"] is None and c["outcome"] == "pending" for c in checks.values())
    done = run_json(capsys, "reinspect", "check", reinspection[:8], first[:8], "rectified",
                    "--note", "设备已到位", "--data-dir", field)
    assert done["verdict"] == "rectified" and done["note"] == "设备已到位"
    run_json(capsys, "reinspect", "check", reinspection, second, "not_rectified", "--note",
             "仍未整改", "--data-dir", field)
    run_json(capsys, "reinspect", "check", reinspection, third, "rectified", "--data-dir", field)
    with opened(pair.field) as context:
        photo_under(context, reinspection, checks[first]["criterion_id"], seed=2)
        with context.db.transaction() as session:
            inspections.complete(session, reinspection, "张三")
    shown = run_json(capsys, "reinspect", "show", reinspection[:8], "--data-dir", field)
    after = {c["item_id"]: c for c in shown["checks"]}
    assert after[first]["before_photos"] == 1 and after[first]["after_photos"] == 1
    assert after[second]["verdict"] == "not_rectified"
    code, out, _ = run(capsys, "reinspect", "show", reinspection, "--data-dir", field)
    assert code == 0 and "photos 1 → 1" in out and "仍未整改" in out
    assert "completed" in refused(capsys, pair.field, "reinspect", "check", reinspection,
                                  third, "not_rectified", "--note", "再看").lower()

    # Meanwhile the office verified and closed the third item on the site's word.
    quietly("items", "verify", third, "--note", "电话核实", "--data-dir", pair.data)
    quietly("items", "close", third, "--data-dir", pair.data)
    carry(pair.field, pair.office, tmp_path / "r2.inspector-bundle")

    (entry,) = run_json(capsys, "review", "list", "--state", "awaiting", "--data-dir", pair.data)
    assert entry["inspection_id"] == reinspection and entry["is_reinspection"] is True
    approved = run_json(capsys, "review", "approve", reinspection, "--by", "王主任",
                        "--data-dir", pair.data)
    assert approved["letter"] is None
    (conflict,) = approved["conflicts"]
    assert conflict["item_id"] == third and conflict["outcome"] == "conflict"
    outcomes = {c["item_id"]: c["outcome"] for c in run_json(
        capsys, "reinspect", "show", reinspection, "--data-dir", pair.data)["checks"]}
    assert outcomes == {first: "closed", second: "kept_open", third: "conflict"}
    rows = {r["id"]: r for r in run_json(capsys, "items", "list", "--state", "open", "closed",
                                         "--data-dir", pair.data)}
    assert rows[first]["state"] == "closed" and rows[third]["state"] == "closed"
    assert rows[second]["state"] == "open" and "仍未整改" in rows[second]["state_note"]

    assert "not allowed with" in refused(capsys, pair.office, "reinspect", "settle",
                                         conflict["check_id"], "--accept", "--keep")
    settled = run_json(capsys, "reinspect", "settle", conflict["check_id"][:8], "--keep",
                       "--data-dir", pair.data)
    assert settled == {"check_id": conflict["check_id"], "accepted": False, "outcome": "closed"}
    assert "no conflict" in refused(capsys, pair.office, "reinspect", "settle",
                                    conflict["check_id"], "--accept")

    report = tmp_path / "复查报告.pdf"
    printed = run_json(capsys, "reinspect", "pdf", reinspection[:8], str(report),
                       "--data-dir", pair.data)
    assert printed["inspection_id"] == reinspection and printed["file"] == str(report)
    assert printed["pages"] >= 1 and printed["unprinted_photos"] == 0
    text = all_text(report)
    assert "东门社区教学点" in text and "仍未整改" in text
    assert "must end in .pdf" in refused(capsys, pair.office, "reinspect", "pdf", reinspection,
                                         str(tmp_path / "report.png"))


def test_a_conflict_settled_by_the_reinspection_opens_the_item_again(
        capsys: pytest.CaptureFixture[str], pair: Pair, tmp_path: Path) -> None:
    first, _, _ = open_items(capsys, pair)
    ordered = order(capsys, pair, "--item", first[:8])
    assert ordered["item_ids"] == [first]
    carry(pair.office, pair.field, tmp_path / "a1.inspector-bundle")
    field = str(pair.field)
    started = run_json(capsys, "reinspect", "start", ordered["assignment_id"], "--inspectors",
                       "李四", "--data-dir", field)
    reinspection = started["inspection_id"]
    assert [c["item_id"] for c in started["checks"]] == [first]
    run_json(capsys, "reinspect", "check", reinspection, first, "not_rectified", "--note",
             "没有改", "--data-dir", field)
    with opened(pair.field) as context, context.db.transaction() as session:
        inspections.complete(session, reinspection, "李四")
    quietly("items", "verify", first, "--data-dir", pair.data)
    quietly("items", "close", first, "--data-dir", pair.data)
    carry(pair.field, pair.office, tmp_path / "r2.inspector-bundle")
    (conflict,) = run_json(capsys, "review", "approve", reinspection, "--by", "王主任",
                           "--data-dir", pair.data)["conflicts"]
    code, out, _ = run(capsys, "reinspect", "settle", conflict["check_id"], "--accept",
                       "--data-dir", pair.data)
    assert code == 0 and "kept open" in out
    (row,) = [r for r in run_json(capsys, "items", "list", "--data-dir", pair.data)
              if r["id"] == first]
    assert row["state"] == "open"


def test_bad_orders_and_checks_are_refused_in_one_line_and_change_nothing(
        capsys: pytest.CaptureFixture[str], pair: Pair) -> None:
    first, second, _ = open_items(capsys, pair)
    office = pair.office
    base = ("reinspect", "order", "--inspector", "张三", "--from", TODAY.isoformat())
    assert "no site with code 999" in refused(capsys, office, *base, "--site", "999",
                                              "--to", SOON)
    assert "no open items" in refused(capsys, office, *base, "--site", "330799001002",
                                      "--to", SOON)
    assert "belongs to another site" in refused(capsys, office, *base, "--site", "330799001002",
                                                "--to", SOON, "--item", first)
    assert "ends before it starts" in refused(
        capsys, office, *base, "--site", VILLAGE, "--to", (TODAY - timedelta(days=1)).isoformat())
    assert "not a valid date" in refused(capsys, office, *base, "--site", VILLAGE,
                                         "--to", "soon")
    assert "no rectification item" in refused(capsys, office, *base, "--site", VILLAGE,
                                              "--to", SOON, "--item", "deadbeefdeadbeef")
    quietly("items", "verify", second, "--data-dir", pair.data)
    quietly("items", "close", second, "--data-dir", pair.data)
    assert "only open items" in refused(capsys, office, *base, "--site", VILLAGE, "--to", SOON,
                                        "--item", second)

    assert "no assignment" in refused(capsys, office, "reinspect", "start", "0000000000")
    plain = run(capsys, "assignments", "add", "--site", VILLAGE, "--inspectors", "张三",
                "--from", TODAY.isoformat(), "--to", SOON, "--data-dir", pair.data)[1]
    plain_id = plain.strip().rsplit("(", 1)[1].rstrip(")")
    assert "not a re-inspection" in refused(capsys, office, "reinspect", "start", plain_id)

    ordered = order(capsys, pair, "--item", first)
    started = run_json(capsys, "reinspect", "start", ordered["assignment_id"],
                       "--data-dir", pair.data)
    reinspection = started["inspection_id"]
    assert "invalid choice" in refused(capsys, office, "reinspect", "check", reinspection,
                                       first, "done")
    assert "no item of this re-inspection" in refused(capsys, office, "reinspect", "check",
                                                      reinspection, second, "rectified")
    assert "no inspection" in refused(capsys, office, "reinspect", "show", "abcdefabcdef")
    assert "no re-inspection result" in refused(capsys, office, "reinspect", "settle",
                                                "abcdefabcdef", "--keep")
    assert run_json(capsys, "reinspect", "show", pair.inspection_id,
                    "--data-dir", pair.data)["checks"] == []
