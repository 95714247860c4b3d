"""The county's workbook says what ``inspector overview show --format json`` says, cell by
cell (read back with openpyxl), on data with 不适用, a revisit, two checklist versions and
issued rectification items; numbers and dates are real cells, and a site or note that looks
like a formula stays text."""

from __future__ import annotations

import copy
import csv
import io
import json
from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from sync_helpers import installation

from inspector import assets
from inspector.cli import main
from inspector.domain.templates import parse_template
from inspector.domain.tiers import Tier, tier_label
from inspector.services import inspections, overview_workbook, templates
from inspector.services.api import office, overview_outputs
from inspector.services.context import AppContext
from inspector.services.control import Cancelled, NullControl
from inspector.services.overview import OverviewFilter
from inspector.services.rectification_ledger import LedgerFilter, ledger_csv
from inspector.services.sites import site_id_for_code
from inspector.services.sites_csv import import_sites
from inspector.services.sync.identity import Role

SHIPPED = json.loads(assets.real_path(assets.resource(
    "checklists", "community-education-3tier.v1.json")).read_text(encoding="utf-8"))
TODAY = date.today()
PERIOD = ("--from", "2026-01-01", "--to", "2026-12-31")
WANTED = OverviewFilter(date(2026, 1, 1), date(2026, 12, 31))
FORMULA_SITE, AT_SITE = "=1+1", "@SUM(A1)"
FORMULA_NOTE = '=HYPERLINK("http://example.invalid","点我")'


def _visit(context: AppContext, code: str, day: date, pattern: dict[int, str],
           notes: dict[int, str] | None = None) -> str:
    """A completed inspection: criterion n (in checklist order) rated pattern.get(n, meets),
    with a note on every other rating (or the one given)."""
    notes = notes or {}
    with context.db.transaction() as session:
        visit = inspections.start_inspection(session, site_id_for_code(code), day,
                                             inspectors="张三")
        for n, criterion in enumerate(inspections.load_state(session, visit.id).criteria):
            rating = pattern.get(n, "meets")
            inspections.set_rating(session, visit.id, criterion.id, rating)
            if rating != "meets" or n in notes:
                inspections.set_note(session, visit.id, criterion.id, notes.get(n, "说明"))
        inspections.complete(session, visit.id, "张三")
        return visit.id


@pytest.fixture
def county(tmp_path: Path) -> Iterator[tuple[AppContext, dict[str, str]]]:
    context = installation(tmp_path, "office", Role.OFFICE)
    renamed = tmp_path / "renamed.csv"
    renamed.write_text("区划代码,名称,层级,上级\n"
                       f"330799101201,{FORMULA_SITE},village,330799101000\n"
                       f"330799001002,{AT_SITE},village,330799001000\n", encoding="utf-8")
    with context.db.transaction() as session:
        import_sites(session, renamed)
    made = {
        "a_old": _visit(context, "330799001001", date(2024, 5, 10), {0: "not_met", 3: "partly"}),
        "c": _visit(context, "330799101201", date(2026, 2, 1), {1: "not_applicable"},
                    {0: FORMULA_NOTE, 5: "#N/A", 6: "-3 分"}),
        "b": _visit(context, "330799001002", date(2026, 3, 1), {0: "not_met"}),
        "d": _visit(context, "330799000000", date(2021, 1, 5), {2: "not_met"}),
    }
    version_2 = copy.deepcopy(SHIPPED)  # the next version: a criterion fewer
    version_2["version"] = 2
    first = version_2["indicators"][0]["indicators"][0]
    first["criteria"] = [c for c in first["criteria"] if c["id"] != "facilities.v2"]
    with context.db.transaction() as session:
        templates.register(session, parse_template(version_2))
    made["a_new"] = _visit(context, "330799001001", date(2026, 6, 1),
                           {0: "partly", 2: "not_applicable", 4: "not_met"})
    made["awaiting"] = _visit(context, "330799001003", date(2026, 4, 1), {0: "not_met"})
    for key in ("a_old", "c", "b", "d", "a_new"):
        approved = office.approve(context, made[key], "王主任")
        if key == "a_new":
            assert approved.letter is not None
            office.issue_letter(context, approved.letter.id, TODAY + timedelta(days=30),
                                "王主任", TODAY)
    yield context, made
    context.close()


def _shown(capsys: pytest.CaptureFixture[str], context: AppContext, *args: str) -> Any:
    code = main(["overview", "show", "--format", "json", "--data-dir",
                 str(context.paths.data_dir), *args])
    out, err = capsys.readouterr()
    assert code == 0, err
    return json.loads(out)


def _table(sheet: Any, header_row: int) -> list[dict[str, Any]]:
    rows = list(sheet.iter_rows(min_row=header_row, values_only=True))
    header = rows[0]
    return [dict(zip(header, row, strict=True)) for row in rows[1:]]


def _day(value: Any) -> date:
    assert isinstance(value, datetime)  # a real date cell, not text
    return value.date()


@pytest.fixture
def exported(tmp_path: Path, county: tuple[AppContext, dict[str, str]]) -> Any:
    context, _made = county
    path = overview_outputs.write_workbook(context, WANTED, tmp_path / "概况.xlsx", TODAY)
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []
    return load_workbook(path)


def test_the_summary_and_the_ranking_agree_with_overview_show(
        capsys: pytest.CaptureFixture[str], county: tuple[AppContext, dict[str, str]],
        exported: Any) -> None:
    context, _made = county
    shown = _shown(capsys, context, *PERIOD)
    assert exported.sheetnames == ["汇总", "站点得分", "逐项结果", "整改台账"]

    summary = exported["汇总"]
    assert summary.freeze_panes == "A4"
    assert "2026-01-01 至 2026-12-31" in summary["A2"].value and "审核通过" in summary["A2"].value
    rows = {(r["类别"], r["名称"]): r for r in _table(summary, 3)}
    groups = [("全县", shown["county"]), *(("层级", g) for g in shown["tiers"]),
              *(("乡镇（街道）", g) for g in shown["townships"])]
    indicators = [("一级指标" if i["level"] == 1 else "二级指标", i)
                  for i in shown["indicators"]]
    assert len(rows) == len(groups) + len(indicators)
    for kind, expected in [*groups, *indicators]:
        row = rows[kind, expected["label"]]
        if "sites" in expected:
            assert (row["站点数"], row["已检查"]) == (expected["sites"], expected["inspected"])
            assert row["覆盖率"] == pytest.approx(expected["coverage"])
        for rating in shown["ratings"]:
            assert row[f"{rating['zh']}（项）"] == expected["counts"].get(rating["id"], 0)
            assert row[f"{rating['zh']}占比"] == pytest.approx(expected["shares"][rating["id"]])
        assert row["计入评定（项）"] == expected["counted"]
        assert row["得分"] == pytest.approx(expected["score"])
    county_row = next(r for r in summary.iter_rows(min_row=4, max_row=4))
    assert county_row[-1].number_format == "0.0%" and county_row[2].data_type == "n"

    sites = exported["站点得分"]
    assert sites.freeze_panes == "D2"
    level2 = {i["label"]: i["id"] for i in shown["indicators"] if i["level"] == 2}
    table = _table(sites, 1)
    assert [r["区划代码"] for r in table] == [s["code"] for s in shown["sites"]]
    for row, site in zip(table, shown["sites"], strict=True):
        assert row["站点"] == site["name"]
        assert row["层级"] == tier_label(Tier(site["tier"]))
        assert row["乡镇（街道）"] == site["township"]
        assert _day(row["检查日期"]).isoformat() == site["visit_date"]
        assert row["得分"] == pytest.approx(site["score"])
        assert row["上次得分"] == pytest.approx(site["previous_score"])
        if site["previous_score"] is not None:
            assert row["变化"] == pytest.approx(site["score"] - site["previous_score"])
        for label, indicator_id in level2.items():
            assert row[label] == pytest.approx(site["indicators"].get(indicator_id))
    assert [r["排名"] for r in table] == list(range(1, len(table) + 1))
    for row in sites.iter_rows(min_row=2):
        assert row[6].number_format == "0.0%" and isinstance(row[6].value, int | float)
        assert row[5].is_date
    # Every column is given a width that fits its header.
    for sheet in exported.worksheets:
        for cell in sheet[1 if sheet.title != "汇总" else 3]:
            assert (sheet.column_dimensions[cell.column_letter].width or 0) >= 6


def test_every_criterion_of_every_counted_result_is_listed(
        capsys: pytest.CaptureFixture[str], county: tuple[AppContext, dict[str, str]],
        exported: Any) -> None:
    context, made = county
    shown = _shown(capsys, context, *PERIOD)
    results = exported["逐项结果"]
    assert results.freeze_panes == "A2" and results.auto_filter.ref.startswith("A1:J")
    table = _table(results, 1)
    by_code: dict[str, list[dict[str, Any]]] = {}
    for row in table:
        by_code.setdefault(row["区划代码"], []).append(row)
    assert list(by_code) == [s["code"] for s in shown["sites"]]  # the ranking's order
    # Counting the rating column gives the county's counts (不适用 and the rest left out).
    zh = {r["zh"]: r["id"] for r in shown["ratings"]}
    counted = Counter(zh[row["评定"]] for row in table if row["评定"] in zh)
    assert dict(counted) == shown["county"]["counts"]
    # Each result: its checklist version's criteria for its tier, its ratings and notes.
    with context.db.session() as session:
        for key, code in (("a_new", "330799001001"), ("c", "330799101201")):
            state = inspections.load_state(session, made[key])
            expected = [(c.id, state.template.rating(state.responses[c.id].rating or "")
                         .label.zh, state.responses[c.id].note) for c in state.criteria]
            assert [(r["检查项编号"], r["评定"], r["说明"] or "") for r in by_code[code]] \
                == expected
            assert all(_day(r["检查日期"]) == state.inspection.visit_date for r in by_code[code])
            assert by_code[code][0]["一级指标"] == state.template.indicators[0].label()
    assert len(by_code["330799001001"]) + 1 == len(by_code["330799101201"])  # version 2


def test_text_that_looks_like_a_formula_stays_text(exported: Any) -> None:
    found = {}
    for sheet in exported.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value in (FORMULA_SITE, AT_SITE, FORMULA_NOTE, "#N/A", "-3 分"):
                    found.setdefault(cell.value, []).append(cell)
    assert set(found) == {FORMULA_SITE, AT_SITE, FORMULA_NOTE, "#N/A", "-3 分"}
    for cells in found.values():
        for cell in cells:
            assert cell.data_type == "s", (cell.coordinate, cell.value)
            assert cell.quotePrefix, (cell.coordinate, cell.value)
    assert not [cell for sheet in exported.worksheets for row in sheet.iter_rows()
                for cell in row if cell.data_type in ("f", "e")]


def test_the_ledger_sheet_holds_the_ledger(county: tuple[AppContext, dict[str, str]],
                                           exported: Any) -> None:
    context, _made = county
    items = office.ledger(context, LedgerFilter(), TODAY)
    assert items  # the letter of A's latest result was issued
    expected = list(csv.reader(io.StringIO(ledger_csv(items).decode("utf-8-sig"))))
    ledger = exported["整改台账"]
    got = [list(row) for row in ledger.iter_rows(values_only=True)]
    assert got[0] == expected[0]
    deadline, reports = expected[0].index("整改期限"), expected[0].index("整改报告数")
    for row, text in zip(got[1:], expected[1:], strict=True):
        assert _day(row[deadline]).isoformat() == text[deadline]
        assert row[reports] == int(text[reports])
        assert [v or "" for i, v in enumerate(row) if i not in (deadline, reports)] \
            == [v for i, v in enumerate(text) if i not in (deadline, reports)]


def test_a_scope_without_items_has_no_ledger_sheet(
        tmp_path: Path, county: tuple[AppContext, dict[str, str]]) -> None:
    context, _made = county
    path = overview_outputs.write_workbook(
        context, OverviewFilter(tier=Tier.COUNTY), tmp_path / "县级.xlsx", TODAY)
    book = load_workbook(path)
    assert book.sheetnames == ["汇总", "站点得分", "逐项结果"]
    assert [r["区划代码"] for r in _table(book["站点得分"], 1)] == ["330799000000"]


def test_a_cancelled_export_leaves_no_file(
        tmp_path: Path, county: tuple[AppContext, dict[str, str]]) -> None:
    context, _made = county
    (tmp_path / "old.xlsx").write_bytes(b"the workbook from before")
    control = NullControl()
    control.cancel()
    with pytest.raises(Cancelled):
        overview_outputs.write_workbook(context, WANTED, tmp_path / "old.xlsx", TODAY, control)
    assert (tmp_path / "old.xlsx").read_bytes() == b"the workbook from before"
    from openpyxl.worksheet._writer import ALL_TEMP_FILES  # the sheets' files, removed too

    assert not [name for name in ALL_TEMP_FILES if Path(name).exists()]
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["old.xlsx",
                                                                         "renamed.csv"]


def test_more_results_than_a_sheet_holds_go_on_in_the_next(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(overview_workbook, "MAX_ROWS", 4)  # a header and three rows a sheet
    line = ("330799001001", "东门社区教学点", "城关街道社区学校", date(2026, 6, 1), "一", "二",
            "c1", "内容", "符合", "")
    book = Workbook(write_only=True)
    assert overview_workbook.write_results(book, [line] * 7) == 7
    book.save(tmp_path / "many.xlsx")
    back = load_workbook(tmp_path / "many.xlsx")
    assert back.sheetnames == ["逐项结果", "逐项结果（2）", "逐项结果（3）"]
    assert [back[name].max_row for name in back.sheetnames] == [4, 4, 2]
    assert all(back[name]["A1"].value == "区划代码" for name in back.sheetnames)
