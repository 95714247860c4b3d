"""`inspector checklist print`, `inspector inspections list`, `inspector report`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pdf_helpers import all_text, font_problems, page_texts, squeeze

from inspector.cli import main
from inspector.services.demo_inspections import VISITS, demo_id


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    folder = str(tmp_path / "data")
    assert run(capsys, "demo", "--data-dir", folder)[0] == 0
    return folder


def test_demo_adds_completed_inspections_once_with_the_same_ids(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    first, second = str(tmp_path / "a"), str(tmp_path / "b")
    code, out, _ = run(capsys, "demo", "--data-dir", first)
    assert code == 0
    for visit in VISITS:
        assert demo_id(visit.site_code, visit.label) in out
    code, out, _ = run(capsys, "demo", "--data-dir", first)
    assert code == 0 and "inspection" not in out
    run(capsys, "demo", "--data-dir", second)
    lists = []
    for folder in (first, second):
        code, out, _ = run(capsys, "inspections", "list", "--format", "json", "--data-dir", folder)
        lists.append(json.loads(out))
    assert lists[0] == lists[1] and len(lists[0]) == len(VISITS)


def test_inspections_list_json_and_text(capsys: pytest.CaptureFixture[str], data: str) -> None:
    code, out, _ = run(capsys, "inspections", "list", "--format", "json", "--data-dir", data)
    assert code == 0
    listed = json.loads(out)
    assert {"id", "site_code", "site_name", "tier", "status", "date"} <= set(listed[0])
    assert {item["status"] for item in listed} == {"completed"}
    assert [item["date"] for item in listed] == sorted((i["date"] for i in listed), reverse=True)
    code, out, _ = run(capsys, "inspections", "list", "--data-dir", data)
    assert code == 0 and listed[0]["id"] in out and listed[0]["site_name"] in out
    header, english, *rows = out.splitlines()
    assert header.split() == ["走访日期", "状态", "层级", "代码", "得分", "编号", "站点"]
    assert english.split() == ["date", "status", "tier", "code", "score", "id", "site"]
    assert len(rows) == len(listed)
    assert all("已完成 / completed" in row for row in rows)
    assert any("乡镇 / township" in row for row in rows) and any("村 / village" in row
                                                                 for row in rows)


def _draft(folder: str, code: str = "330799101202") -> str:
    """An inspection in progress, started as the window starts one, with a rating and a note."""
    from datetime import date

    from inspector.app_paths import AppPaths
    from inspector.services import inspections
    from inspector.services.context import open_context
    from inspector.services.sites import find_by_code

    context = open_context(AppPaths.resolve(folder))
    try:
        with context.db.transaction() as session:
            site = find_by_code(session, code)
            assert site is not None
            draft = inspections.start_inspection(session, site.id, date(2026, 11, 28), "王芳")
            criterion = inspections.load_state(session, draft.id).criteria[0]
            inspections.set_rating(session, draft.id, criterion.id, "partly")
            inspections.set_note(session, draft.id, criterion.id, "3")
            return draft.id
    finally:
        context.close()


def test_inspections_delete_takes_a_draft_only(capsys: pytest.CaptureFixture[str],
                                               data: str) -> None:
    draft = _draft(data)
    code, out, _ = run(capsys, "inspections", "list", "--data-dir", data)
    assert any(draft in row and "进行中 / in progress" in row for row in out.splitlines())
    completed = json.loads(run(capsys, "inspections", "list", "--format", "json",
                               "--data-dir", data)[1])
    done = next(item["id"] for item in completed if item["status"] == "completed")

    code, out, err = run(capsys, "inspections", "delete", done[:8], "--data-dir", data)
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1
    assert "不能删除" in err and "cannot be deleted" in err
    for wrong in ("nothing-like-an-id", "abc"):
        code, out, err = run(capsys, "inspections", "delete", wrong, "--data-dir", data)
        assert code == 2 and out == "" and len(err.strip().splitlines()) == 1, err

    code, out, err = run(capsys, "inspections", "delete", draft[:8], "--data-dir", data)
    assert code == 0, err
    assert "上塘村教学站 2026-11-28" in out and "评定 1 项、说明 1 条、照片 0 张" in out
    assert draft in out
    after = json.loads(run(capsys, "inspections", "list", "--format", "json",
                           "--data-dir", data)[1])
    assert [item["id"] for item in after] == [item["id"] for item in completed
                                              if item["id"] != draft]
    code, _out, err = run(capsys, "inspections", "delete", draft, "--data-dir", data)
    assert code == 2 and draft in err  # gone: a second delete names what it looked for


def test_report_by_short_id(capsys: pytest.CaptureFixture[str], data: str,
                            tmp_path: Path) -> None:
    visit = VISITS[0]
    inspection_id = demo_id(visit.site_code, visit.label)
    target = tmp_path / "out" / "report.pdf"
    target.parent.mkdir()  # the folder must exist: the command never creates one
    code, out, err = run(capsys, "report", inspection_id[:8], "-o", str(target),
                         "--data-dir", data)
    assert code == 0, err
    assert str(target) in out and f"{len(visit.photos)} photos" in out
    text = all_text(target)
    assert visit.site_code in text and squeeze(visit.general_note) in text
    assert font_problems(target) == []


def test_checklist_print_blank_and_for_sites(capsys: pytest.CaptureFixture[str], data: str,
                                             tmp_path: Path) -> None:
    blank = tmp_path / "blank.pdf"
    code, out, _ = run(capsys, "checklist", "print", "--tier", "county", "-o", str(blank),
                       "--data-dir", data)
    assert code == 0 and "blank county" in out and blank.stat().st_size > 0
    rounds = tmp_path / "round.pdf"
    code, out, _ = run(capsys, "checklist", "print", "--tier", "village", "-o", str(rounds),
                       "--site", "330799001001", "--site", "330799001002", "--data-dir", data)
    assert code == 0, out
    pages = [squeeze(text) for text in page_texts(rounds)]
    assert sum("第1页/" in page for page in pages) == 2
    assert "330799001001" in pages[0] and "330799001002" in "".join(pages)


@pytest.mark.parametrize("args, message", [
    (["checklist", "print", "-o", "x.pdf"], "--tier"),
    (["checklist", "print", "--tier", "village", "-o", "x.txt"], ".pdf"),
    (["checklist", "print", "-o", "x.pdf", "--site", "999999999999"], "999999999999"),
    (["checklist", "print", "--tier", "county", "-o", "x.pdf", "--site", "330799001001"],
     "330799001001"),
    (["report", "no-such-inspection", "-o", "x.pdf"], "no inspection"),
])
def test_print_usage_errors_exit_2_with_one_line(capsys: pytest.CaptureFixture[str], data: str,
                                                 tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                 args: list[str], message: str) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, *args, "--data-dir", data)
    assert code == 2
    assert message in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert not (tmp_path / "x.pdf").exists()


def test_an_unwritable_output_is_a_clear_error(capsys: pytest.CaptureFixture[str], data: str,
                                               tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    code, _, err = run(capsys, "checklist", "print", "--tier", "village", "-o",
                       str(blocker / "x.pdf"), "--data-dir", data)
    assert code == 2 and f"the folder does not exist: {blocker}" in err


def test_given_a_folder_the_pdfs_are_named_as_the_window_names_them(
        capsys: pytest.CaptureFixture[str], data: str, tmp_path: Path) -> None:
    stick = tmp_path / "U盘"
    stick.mkdir()
    visit = VISITS[0]
    inspection = demo_id(visit.site_code, visit.label)
    for _ in range(2):  # the second does not overwrite the first
        assert run(capsys, "report", inspection, "-o", str(stick), "--data-dir", data)[0] == 0
    assert run(capsys, "checklist", "print", "--tier", "village", "-o", str(stick),
               "--data-dir", data)[0] == 0
    code, out, _ = run(capsys, "checklist", "print", "--site", "330799001001", "--site",
                       "330799001002", "-o", str(stick), "--data-dir", data)
    assert code == 0 and str(stick / "东门社区教学点等2个站点_检查表.pdf") in out
    assert sorted(p.name for p in stick.iterdir()) == sorted([
        "东门社区教学点_2026-05-12_检查报告.pdf", "东门社区教学点_2026-05-12_检查报告-2.pdf",
        "村级教学站点_空白检查表.pdf", "东门社区教学点等2个站点_检查表.pdf"])
    assert "330799001001" in all_text(stick / "东门社区教学点_2026-05-12_检查报告.pdf")
