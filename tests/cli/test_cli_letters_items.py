"""`inspector letter`, `inspector items` and `inspector office-settings` at the office, on
the letter drafted when an inspection received in a real results bundle was approved:
items edited, merged, dropped and added before issuing, the letter issued, the ledger
filtered and written as CSV, the site's report recorded with a scan, the office's steps,
and every refusal in one line that changes nothing."""

from __future__ import annotations

import csv
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from loop_cli_helpers import (
    TODAY,
    Pair,
    criteria_of,
    quietly,
    received,
    refused,
    run,
    run_json,
)
from pdf_helpers import all_text
from sync_helpers import VILLAGE, jpeg_bytes

import inspector.cli.items_cmd as items_cmd


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Pair:
    pair = received(tmp_path_factory.mktemp("letters"))
    quietly("review", "approve", pair.inspection_id, "--by", "王主任", "--data-dir", pair.data)
    return pair


@pytest.fixture
def pair(base: Pair, tmp_path: Path) -> Pair:
    return base.copy(tmp_path)


def the_letter(capsys: pytest.CaptureFixture[str], pair: Pair) -> Any:
    """The site's one letter, as ``letter list`` gives it."""
    (letter,) = run_json(capsys, "letter", "list", "--data-dir", pair.data)
    return letter


def issue(capsys: pytest.CaptureFixture[str], pair: Pair, *args: str) -> Any:
    letter = the_letter(capsys, pair)
    return run_json(capsys, "letter", "issue", letter["id"][:8], "--by", "王主任", *args,
                    "--data-dir", pair.data)


def test_the_drafted_letter_is_listed_and_shown(capsys: pytest.CaptureFixture[str],
                                                pair: Pair) -> None:
    letter = the_letter(capsys, pair)
    assert letter["inspection_id"] == pair.inspection_id and letter["issued_on"] is None
    assert [i["criterion_id"] for i in letter["items"]] == pair.wanting
    shown = run_json(capsys, "letter", "show", letter["id"][:8], "--data-dir", pair.data)
    assert shown == letter
    assert run_json(capsys, "letter", "list", "--site", VILLAGE, "--data-dir", pair.data) == \
        [letter]
    assert run_json(capsys, "letter", "list", "--site", "330799001002",
                    "--data-dir", pair.data) == []
    code, out, _ = run(capsys, "letter", "show", letter["id"], "--data-dir", pair.data)
    assert code == 0 and "待发出 / draft" in out and pair.wanting[0] in out
    assert "no site with code 123" in refused(capsys, pair.office, "letter", "list", "--site",
                                              "123")
    assert "no feedback letter" in refused(capsys, pair.office, "letter", "show", "ffffffff")


def test_items_are_edited_merged_dropped_and_added_before_the_letter_is_issued(
        capsys: pytest.CaptureFixture[str], pair: Pair) -> None:
    first, second, third = the_letter(capsys, pair)["items"]
    edited = run_json(capsys, "items", "edit", first["id"][:8], "--requirement", "补齐教学设施",
                      "--responsible", "赵站长", "--data-dir", pair.data)
    assert edited["requirement"] == "补齐教学设施" and edited["responsible"] == "赵站长"
    merged = run_json(capsys, "items", "merge", second["id"][:8], third["id"],
                      "--data-dir", pair.data)
    assert merged["id"] == second["id"]
    assert second["finding"] in merged["finding"] and third["finding"] in merged["finding"]
    assert [i["id"] for i in the_letter(capsys, pair)["items"]] == [first["id"], second["id"]]
    dropped = run_json(capsys, "items", "drop", first["id"], "--data-dir", pair.data)
    assert dropped["state"] == "dropped"
    letter = the_letter(capsys, pair)
    added = run_json(capsys, "items", "add", letter["id"][:8], first["criterion_id"],
                     "--data-dir", pair.data)
    assert added["criterion_id"] == first["criterion_id"] and added["state"] == "draft"
    assert added["id"] != first["id"]

    met = next(c for c in criteria_of(pair.office, pair.inspection_id) if c not in pair.wanting)
    line = refused(capsys, pair.office, "items", "add", letter["id"], met)
    assert f"did not find criterion {met} wanting" in line
    assert "already has an item" in refused(capsys, pair.office, "items", "add", letter["id"],
                                            first["criterion_id"])
    assert "say what to change" in refused(capsys, pair.office, "items", "edit", added["id"])
    yesterday = (TODAY - timedelta(days=1)).isoformat()
    assert "in the past" in refused(capsys, pair.office, "items", "edit", added["id"],
                                    "--deadline", yesterday)
    assert "not a valid date" in refused(capsys, pair.office, "items", "edit", added["id"],
                                         "--deadline", "2026-13-01")
    assert "two or more" in refused(capsys, pair.office, "items", "merge", added["id"])
    assert "no rectification item" in refused(capsys, pair.office, "items", "drop",
                                              "abcdef0123456789")


def test_the_letter_is_issued_once_with_a_deadline_not_in_the_past(
        capsys: pytest.CaptureFixture[str], pair: Pair) -> None:
    letter = the_letter(capsys, pair)
    yesterday = (TODAY - timedelta(days=1)).isoformat()
    assert "in the past" in refused(capsys, pair.office, "letter", "issue", letter["id"], "--by",
                                    "王主任", "--deadline", yesterday)
    assert "not a valid date" in refused(capsys, pair.office, "letter", "issue", letter["id"],
                                         "--by", "王主任", "--deadline", "明天")
    deadline = (TODAY + timedelta(days=20)).isoformat()
    issued = issue(capsys, pair, "--deadline", deadline)
    assert issued["number"] == f"县教督〔{TODAY.year}〕1号"
    assert issued["issued_on"] == TODAY.isoformat() and issued["deadline"] == deadline
    assert issued["issued_by"] == "王主任" and issued["issuer"] == "县人民政府教育督导室"
    assert {i["state"] for i in issued["items"]} == {"open"}
    assert {i["deadline"] for i in issued["items"]} == {deadline}
    assert "was issued" in refused(capsys, pair.office, "letter", "issue", letter["id"], "--by",
                                   "王主任")
    item = issued["items"][0]["id"]
    assert "issued" in refused(capsys, pair.office, "items", "drop", item)
    assert "issued" in refused(capsys, pair.office, "items", "edit", item, "--requirement", "x")
    later = run_json(capsys, "items", "edit", item, "--deadline",
                     (TODAY + timedelta(days=40)).isoformat(), "--data-dir", pair.data)
    assert later["deadline"] == (TODAY + timedelta(days=40)).isoformat()


def test_the_office_settings_number_the_letter_and_propose_its_deadline(
        capsys: pytest.CaptureFixture[str], pair: Pair) -> None:
    shown = run_json(capsys, "office-settings", "--data-dir", pair.data)
    assert shown == {"issuer": "县人民政府教育督导室", "number_prefix": "县教督",
                     "deadline_days": 30, "changed": []}
    changed = run_json(capsys, "office-settings", "--issuer", "青溪县人民政府教育督导室",
                       "--prefix", "青教督", "--deadline-days", "45", "--data-dir", pair.data)
    assert changed["number_prefix"] == "青教督" and changed["deadline_days"] == 45
    assert changed["changed"] == ["deadline_days", "issuer", "number_prefix"]
    assert "1 to 366" in refused(capsys, pair.office, "office-settings", "--deadline-days", "0")
    assert "issuing body" in refused(capsys, pair.office, "office-settings", "--issuer", " ")
    issued = issue(capsys, pair)
    assert issued["number"] == f"青教督〔{TODAY.year}〕1号"
    assert issued["issuer"] == "青溪县人民政府教育督导室"
    assert issued["deadline"] == (TODAY + timedelta(days=45)).isoformat()
    code, out, _ = run(capsys, "office-settings", "--data-dir", pair.data)
    assert code == 0 and "青教督" in out and "45" in out


def test_the_ledger_is_filtered_and_written_as_csv(capsys: pytest.CaptureFixture[str],
                                                   pair: Pair, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    assert run_json(capsys, "items", "list", "--data-dir", pair.data) == []  # drafts left out
    drafts = run_json(capsys, "items", "list", "--state", "draft", "--data-dir", pair.data)
    assert len(drafts) == 3
    issue(capsys, pair, "--deadline", (TODAY + timedelta(days=10)).isoformat())
    rows = run_json(capsys, "items", "list", "--data-dir", pair.data)
    assert [r["criterion_id"] for r in rows] == sorted(pair.wanting)
    row = rows[0]
    assert row["site_code"] == VILLAGE and row["tier"] == "village"
    assert row["township_name"] == "城关街道社区学校" and row["state"] == "open"
    assert row["overdue"] is False and row["letter_number"] == f"县教督〔{TODAY.year}〕1号"
    for args, count in ((("--township", "城关街道"), 3), (("--township", "白沙镇"), 0),
                        (("--township", "330799001000"), 3),
                        (("--tier", "village"), 3), (("--tier", "township"), 0),
                        (("--site", VILLAGE), 3), (("--site", "330799001002"), 0),
                        (("--state", "open", "reported"), 3), (("--state", "closed"), 0),
                        (("--overdue",), 0)):
        assert len(run_json(capsys, "items", "list", *args, "--data-dir", pair.data)) == count, \
            args

    # Eleven days on, every open item is overdue.
    monkeypatch.setattr(items_cmd, "today", lambda: TODAY + timedelta(days=11))
    overdue = run_json(capsys, "items", "list", "--overdue", "--data-dir", pair.data)
    assert len(overdue) == 3 and all(r["overdue"] for r in overdue)
    target = tmp_path / "整改台账.csv"
    code, out, _ = run(capsys, "items", "list", "--overdue", "--csv", str(target),
                       "--data-dir", pair.data)
    assert code == 0 and "已逾期 / overdue" in out and "3 items written" in out
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(data.decode("utf-8-sig").splitlines()))
    assert table[0][:3] == ["乡镇（街道）", "场所", "区划代码"] and len(table) == 4
    assert {line[11] for line in table[1:]} == {"已逾期"}

    assert "must end in .csv" in refused(capsys, pair.office, "items", "list", "--csv",
                                         str(tmp_path / "ledger.txt"))
    assert "no township" in refused(capsys, pair.office, "items", "list", "--township", "无此镇")
    assert "invalid choice" in refused(capsys, pair.office, "items", "list", "--state", "late")


def test_a_report_with_a_scan_then_the_office_verifies_and_closes(
        capsys: pytest.CaptureFixture[str], pair: Pair, tmp_path: Path) -> None:
    item = issue(capsys, pair)["items"][0]["id"]
    scan = tmp_path / "整改报告.jpg"
    scan.write_bytes(jpeg_bytes(50, (64, 48)))
    not_an_image = tmp_path / "报告.txt"
    not_an_image.write_text("整改完成", encoding="utf-8")
    tomorrow = (TODAY + timedelta(days=1)).isoformat()
    assert "in the future" in refused(capsys, pair.office, "items", "report", item, "--date",
                                      tomorrow, "--text", "已整改", "--by", "王主任")
    assert "no such file" in refused(capsys, pair.office, "items", "report", item, "--date",
                                     TODAY.isoformat(), "--text", "已整改", "--by", "王主任",
                                     "--attach", str(tmp_path / "missing.jpg"))
    refused(capsys, pair.office, "items", "report", item, "--date", TODAY.isoformat(),
            "--text", "已整改", "--by", "王主任", "--attach", str(not_an_image))
    assert "close" in refused(capsys, pair.office, "items", "close", item).lower()

    reported = run_json(capsys, "items", "report", item[:8], "--date", TODAY.isoformat(),
                        "--text", "已购置设备", "--attach", str(scan), "--by", "王主任",
                        "--data-dir", pair.data)
    assert reported["item_id"] == item and reported["state"] == "reported"
    assert reported["reports"] == 1 and reported["attachments"] == 1 and reported["report_id"]
    assert any(p.is_file() for p in (pair.office / "photos").rglob("*.jpg"))

    verified = run_json(capsys, "items", "verify", item, "--note", "电话核实",
                        "--data-dir", pair.data)
    assert verified["state"] == "verified" and verified["state_note"] == "电话核实"
    assert run_json(capsys, "items", "close", item, "--data-dir", pair.data)["state"] == "closed"
    assert "from closed to open" in refused(capsys, pair.office, "items", "reopen", item)
    assert "closed" in refused(capsys, pair.office, "items", "edit", item, "--responsible", "甲")
    (row,) = run_json(capsys, "items", "list", "--state", "closed", "--data-dir", pair.data)
    assert row["id"] == item and row["reports"] == 1
    code, out, _ = run(capsys, "items", "list", "--state", "closed", "--data-dir", pair.data)
    assert code == 0 and "已销号 / closed" in out


def test_the_letter_and_the_ledger_print_as_pdf(capsys: pytest.CaptureFixture[str], pair: Pair,
                                                tmp_path: Path) -> None:
    letter = the_letter(capsys, pair)
    draft = tmp_path / "意见书草稿.pdf"
    printed = run_json(capsys, "letter", "pdf", letter["id"][:8], str(draft),
                       "--data-dir", pair.data)
    assert printed == {"letter_id": letter["id"], "file": str(draft), "pages": printed["pages"]}
    assert printed["pages"] >= 1 and "东门社区教学点" in all_text(draft)
    issued = issue(capsys, pair)
    final = tmp_path / "意见书.pdf"
    code, out, _ = run(capsys, "letter", "pdf", letter["id"], str(final), "--data-dir", pair.data)
    assert code == 0 and str(final) in out
    assert issued["number"] in all_text(final)
    assert "must end in .pdf" in refused(capsys, pair.office, "letter", "pdf", letter["id"],
                                         str(tmp_path / "letter.doc"))
    assert "folder does not exist" in refused(capsys, pair.office, "letter", "pdf",
                                              letter["id"], str(tmp_path / "no" / "a.pdf"))

    ledger = tmp_path / "整改台账.pdf"
    rows = run_json(capsys, "items", "list", "--township", "城关街道", "--pdf", str(ledger),
                    "--data-dir", pair.data)
    assert len(rows) == 3
    text = all_text(ledger)
    assert "整改台账" in text and "东门社区教学点" in text and "城关街道" in text
