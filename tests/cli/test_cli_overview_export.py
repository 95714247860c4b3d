"""``inspector overview export -o F.xlsx``: the workbook of the same figures as ``overview
show`` with the same filters; a wrong file name or folder is refused in one line."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sync_helpers import installation

from inspector.cli import main
from inspector.services import inspections
from inspector.services.api import office
from inspector.services.context import AppContext
from inspector.services.sites import site_id_for_code
from inspector.services.sync.identity import Role


def _visit(context: AppContext, code: str, day: date, not_met: int) -> str:
    with context.db.transaction() as session:
        visit = inspections.start_inspection(session, site_id_for_code(code), day,
                                             inspectors="张三")
        for n, criterion in enumerate(inspections.load_state(session, visit.id).criteria):
            inspections.set_rating(session, visit.id, criterion.id,
                                   "not_met" if n < not_met else "meets")
            if n < not_met:
                inspections.set_note(session, visit.id, criterion.id, "缺")
        inspections.complete(session, visit.id, "张三")
    return visit.id


@pytest.fixture
def county(tmp_path: Path) -> Iterator[AppContext]:
    context = installation(tmp_path, "office", Role.OFFICE)
    for n, (code, day) in enumerate([("330799001001", date(2026, 3, 1)),
                                     ("330799101201", date(2026, 4, 1)),
                                     ("330799102201", date(2025, 5, 1))]):
        office.approve(context, _visit(context, code, day, n), "王主任")
    yield context
    context.close()


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _codes(path: Path) -> list[Any]:
    sheet = load_workbook(path)["站点得分"]
    return [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]


def test_export_writes_the_figures_show_prints(capsys: pytest.CaptureFixture[str],
                                               county: AppContext, tmp_path: Path) -> None:
    data = ("--data-dir", str(county.paths.data_dir))
    for filters in ((), ("--from", "2026-01-01", "--to", "2026-12-31"),
                    ("--township", "溪口镇社区学校"), ("--tier", "village", "--all-received")):
        target = tmp_path / "县概况.xlsx"
        code, out, err = _run(capsys, "overview", "export", "-o", str(target), *data, *filters)
        assert code == 0, err
        assert str(target) in out
        code, out, err = _run(capsys, "overview", "show", "--format", "json", *data, *filters)
        assert code == 0, err
        shown = json.loads(out)
        assert _codes(target) == [s["code"] for s in shown["sites"]], filters
        summary = load_workbook(target)["汇总"]
        county_row = [c.value for c in summary[4]]
        assert county_row[:5] == ["全县", "全县", shown["county"]["sites"],
                                  shown["county"]["inspected"], pytest.approx(
                                      shown["county"]["coverage"])]
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".part"] == []


@pytest.mark.parametrize(("args", "message"), [
    (("-o", "{tmp}/概况.csv"), "must end in .xlsx"),
    (("-o", "{tmp}/no-such-folder/概况.xlsx"), "the folder does not exist"),
    (("-o", "{tmp}/概况.xlsx", "--township", "不存在镇"), "no such township"),
    (("-o", "{tmp}/概况.xlsx", "--from", "2026-12-31", "--to", "2026-01-01"),
     "ends before it starts"),
])
def test_a_wrong_request_is_refused_in_one_line(
        capsys: pytest.CaptureFixture[str], county: AppContext, tmp_path: Path,
        args: tuple[str, ...], message: str) -> None:
    code, _out, err = _run(capsys, "overview", "export", "--data-dir",
                           str(county.paths.data_dir),
                           *(a.replace("{tmp}", str(tmp_path)) for a in args))
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1, err
    assert not list(tmp_path.glob("*.xlsx"))


def test_the_output_file_is_required(capsys: pytest.CaptureFixture[str],
                                     county: AppContext) -> None:
    code, _out, err = _run(capsys, "overview", "export", "--data-dir",
                           str(county.paths.data_dir))
    assert code == 2 and "-o/--output" in err
