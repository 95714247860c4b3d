"""`inspector review` at the office, on an inspection received in a real results bundle: the
queue, returning with comments on criteria (carried back to the laptop, fixed, sent again),
what changed since the return, approving (the letter drafted), and every refusal in one
line that changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from loop_cli_helpers import Pair, carry, opened, received, refused, run, run_json

from inspector.services import inspections
from inspector.services.api import office


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Pair:
    return received(tmp_path_factory.mktemp("review"))


@pytest.fixture
def pair(base: Pair, tmp_path: Path) -> Pair:
    return base.copy(tmp_path)


def test_the_queue_lists_the_received_inspection_awaiting_review(
        capsys: pytest.CaptureFixture[str], pair: Pair) -> None:
    (entry,) = run_json(capsys, "review", "list", "--state", "awaiting", "--data-dir", pair.data)
    assert entry["inspection_id"] == pair.inspection_id
    assert entry["state"] == "awaiting" and entry["site_code"] == "330799001001"
    assert entry["returns"] == 0 and entry["is_reinspection"] is False
    assert entry["inspectors"] == "张三"
    assert run_json(capsys, "review", "list", "--state", "approved", "--state", "returned",
                    "--data-dir", pair.data) == []
    code, out, _ = run(capsys, "review", "list", "--data-dir", pair.data)
    assert code == 0 and pair.inspection_id[:8] in out and "待审核 / awaiting review" in out


def test_returned_with_comments_fixed_on_the_laptop_and_sent_again(
        capsys: pytest.CaptureFixture[str], pair: Pair, tmp_path: Path) -> None:
    first, _, third = pair.wanting
    returned = run_json(capsys, "review", "return", pair.inspection_id[:8], "--by", "王主任",
                        "--comment", "请核实第三项",
                        "--criterion", f"{third}=基本符合的依据不足，请补充照片或改判",
                        "--criterion", f"{first}=照片不清楚", "--data-dir", pair.data)
    assert returned["inspection_id"] == pair.inspection_id and returned["review_id"]
    shown = run_json(capsys, "review", "show", pair.inspection_id, "--data-dir", pair.data)
    assert shown["state"] == "returned" and shown["returns"] == 1
    (record,) = shown["history"]
    assert record["decision"] == "returned" and record["reviewer"] == "王主任"
    assert record["comment"] == "请核实第三项"
    assert record["criterion_comments"] == {third: "基本符合的依据不足，请补充照片或改判",
                                            first: "照片不清楚"}
    assert shown["changes"] == []

    # Back to the laptop in the next assignment bundle; the inspector changes the rating.
    carry(pair.office, pair.field, tmp_path / "a1.inspector-bundle")
    with opened(pair.field) as field:
        comments = office.open_comments(field, pair.inspection_id)
        assert comments is not None and comments.criterion_comments[first] == "照片不清楚"
        with field.db.transaction() as session:
            inspections.set_rating(session, pair.inspection_id, third, "not_met")
            inspections.complete(session, pair.inspection_id, "张三")
    carry(pair.field, pair.office, tmp_path / "r2.inspector-bundle")

    shown = run_json(capsys, "review", "show", pair.inspection_id, "--data-dir", pair.data)
    assert shown["state"] == "awaiting"
    (change,) = shown["changes"]
    assert change["criterion_id"] == third
    assert change["before"]["rating"] == "partly" and change["after"]["rating"] == "not_met"
    code, out, _ = run(capsys, "review", "show", pair.inspection_id[:8], "--data-dir", pair.data)
    assert code == 0
    assert "退回 / returned" in out and "照片不清楚" in out and f"{third}：partly" in out
    assert "changed since the return" in out


def test_approving_drafts_the_letter_and_a_second_decision_is_refused(
        capsys: pytest.CaptureFixture[str], pair: Pair) -> None:
    approved = run_json(capsys, "review", "approve", pair.inspection_id, "--by", "王主任",
                        "--comment", "同意", "--data-dir", pair.data)
    assert approved["inspection_id"] == pair.inspection_id and approved["conflicts"] == []
    letter = approved["letter"]
    assert letter["issued_on"] is None and letter["number"] == ""
    assert letter["site_name"] == "东门社区教学点"
    assert [i["criterion_id"] for i in letter["items"]] == pair.wanting
    assert all(i["state"] == "draft" and i["finding"] for i in letter["items"])
    (entry,) = run_json(capsys, "review", "list", "--state", "approved", "--data-dir", pair.data)
    assert entry["inspection_id"] == pair.inspection_id

    line = refused(capsys, pair.office, "review", "approve", pair.inspection_id, "--by", "王主任")
    assert "already approved" in line
    line = refused(capsys, pair.office, "review", "return", pair.inspection_id, "--by", "王主任",
                   "--comment", "再看看")
    assert "already approved" in line
    history = run_json(capsys, "review", "show", pair.inspection_id, "--data-dir", pair.data)
    assert [r["decision"] for r in history["history"]] == ["approved"]


def test_approving_as_text_names_the_letter_and_its_items(
        capsys: pytest.CaptureFixture[str], pair: Pair) -> None:
    code, out, _ = run(capsys, "review", "approve", pair.inspection_id[:10], "--by", "王主任",
                       "--data-dir", pair.data)
    assert code == 0
    assert "feedback letter drafted" in out and "items 3" in out
    assert all(cid in out for cid in pair.wanting) and "requirement" in out


def test_bad_input_is_refused_in_one_line_and_changes_nothing(
        capsys: pytest.CaptureFixture[str], pair: Pair) -> None:
    folder = pair.office
    assert "no inspection" in refused(capsys, folder, "review", "approve", "0123456789abcdef",
                                      "--by", "王主任")
    assert "at least 8" in refused(capsys, folder, "review", "show", pair.inspection_id[:5])
    assert "unknown criterion nothing.x1" in refused(
        capsys, folder, "review", "return", pair.inspection_id, "--by", "王主任", "--comment",
        "x", "--criterion", "nothing.x1=请改")
    assert "CID=TEXT" in refused(capsys, folder, "review", "return", pair.inspection_id, "--by",
                                 "王主任", "--comment", "x", "--criterion", "facilities.v1")
    assert "given twice" in refused(
        capsys, folder, "review", "return", pair.inspection_id, "--by", "王主任", "--comment",
        "x", "--criterion", "facilities.v1=a", "--criterion", "facilities.v1=b")
    assert "say who reviews" in refused(capsys, folder, "review", "approve", pair.inspection_id,
                                        "--by", " ")
    assert "--comment" in refused(capsys, folder, "review", "return", pair.inspection_id,
                                  "--by", "王主任")
    assert "invalid choice" in refused(capsys, folder, "review", "list", "--state", "done")
    (entry,) = run_json(capsys, "review", "list", "--data-dir", pair.data)
    assert entry["state"] == "awaiting"


def test_an_inspection_still_in_the_field_cannot_be_decided(
        capsys: pytest.CaptureFixture[str], pair: Pair) -> None:
    run_json(capsys, "review", "return", pair.inspection_id, "--by", "王主任",
             "--comment", "请补充", "--data-dir", pair.data)
    line = refused(capsys, pair.office, "review", "approve", pair.inspection_id, "--by", "王主任")
    assert "not submitted" in line
