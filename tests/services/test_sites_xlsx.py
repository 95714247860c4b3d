"""The site registry from an Excel workbook: it imports as the same list in CSV does (codes
and phone numbers typed as numbers included), all or nothing, and a bad cell is named by
its sheet, row and column."""

from __future__ import annotations

import sqlite3
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from inspector.app_paths import AppPaths
from inspector.cli import main
from inspector.services.context import AppContext, open_context
from inspector.services.site_list_file import CsvImportError
from inspector.services.site_list_workbook import cell_text, is_workbook
from inspector.services.sites import list_sites
from inspector.services.sites_csv import import_sites

HEADER = ["区划代码", "名称", "层级", "上级", "地址", "联系人", "联系电话"]
CSV = ",".join(HEADER) + "\n" + (
    "330781000000,兰溪市社区教育学院,县（市、区）社区教育学院,,兰溪市文教路1号,王芳,13800138000\n"
    "330781001000,云山街道社区学校,乡镇,330781000000,云山街道,李强,\n"
    "330781001201,䶮山村教学站,教学站,330781001000,2026-03-01,,057988812345\n"
    ",无码村教学点,village,云山街道社区学校,,,\n"
    "330781001202,=1+1,village,330781001000,'@SUM(A1),,\n"
)
# The same rows as a spreadsheet holds them: codes and phone numbers typed as numbers (one
# with the leading zero its format shows), a date, a formula-like name, a quoted cell.
ROWS: list[list[Any]] = [
    [330781000000, "兰溪市社区教育学院", "县（市、区）社区教育学院", None, "兰溪市文教路1号",
     "王芳", 13800138000],
    [330781001000.0, "云山街道社区学校", "乡镇", 330781000000, "云山街道", "李强", None],
    ["330781001201", "䶮山村教学站", "教学站", 330781001000, datetime(2026, 3, 1), None,
     57988812345],
    [None, " 无码村教学点 ", "village", "云山街道社区学校"],
    ["330781001202", "=1+1", "village", "330781001000", "'@SUM(A1)"],
]


def _sites(context: AppContext) -> list[tuple[object, ...]]:
    """Every site as the registry holds it, its parent by code or name."""
    with context.db.session() as session:
        sites = list_sites(session)
    by_id = {s.id: s for s in sites}
    return [(s.code, s.name, s.tier, (by_id[s.parent_id].code or by_id[s.parent_id].name)
             if s.parent_id else None, s.address, s.contact, s.phone) for s in sites]


def _dump(context: AppContext) -> list[tuple[object, ...]]:
    with sqlite3.connect(context.paths.database) as connection:
        rows = connection.execute("SELECT * FROM sites ORDER BY id").fetchall()
    connection.close()
    return rows


def _workbook(path: Path, sheets: dict[str, list[list[Any]]]) -> Path:
    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
            for cell in sheet[sheet.max_row]:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    cell.data_type = "s"  # text, as Excel saves a cell typed '=1+1
    book.save(path)
    return path


def _registry_book(path: Path) -> Path:
    book = _workbook(path, {"说明": [["本表为站点名录"], ["请勿修改表头"]],
                            "站点名录": [["青溪县社区教育站点名录"], [], HEADER, *ROWS]})
    from openpyxl import load_workbook

    loaded = load_workbook(book)
    loaded["站点名录"]["G6"].number_format = "000000000000"  # 057988812345 shown with its 0
    loaded.save(book)
    return book


def _refused(context: AppContext, path: Path) -> list[str]:
    before = _dump(context)
    with pytest.raises(CsvImportError) as info, context.db.transaction() as session:
        import_sites(session, path)
    assert _dump(context) == before
    return [str(p) for p in info.value.problems]


def test_a_workbook_imports_as_the_same_list_in_csv(tmp_path: Path,
                                                    context: AppContext) -> None:
    as_csv = tmp_path / "sites.csv"
    as_csv.write_text(CSV, encoding="utf-8")
    other = open_context(AppPaths.resolve(tmp_path / "csv-data"))
    try:
        with other.db.transaction() as session:
            from_csv = import_sites(session, as_csv)
        expected = _sites(other)
    finally:
        other.close()
    with context.db.transaction() as session:
        result = import_sites(session, _registry_book(tmp_path / "sites.xlsx"))
    assert (result.created, result.updated, result.unchanged, result.encoding) == (
        from_csv.created, 0, 0, "Excel")
    assert _sites(context) == expected
    phones = {row[1]: row[6] for row in expected}
    assert phones["兰溪市社区教育学院"] == "13800138000"
    assert phones["䶮山村教学站"] == "057988812345"
    assert {row[1]: row[4] for row in expected}["=1+1"] == "@SUM(A1)"
    # Imported again: nothing changes.
    with context.db.transaction() as session:
        again = import_sites(session, tmp_path / "sites.xlsx")
    assert (again.created, again.updated, again.unchanged) == (0, 0, 5)


def test_a_bad_cell_is_named_by_sheet_row_and_column(tmp_path: Path,
                                                     context: AppContext) -> None:
    rows = [row[:] for row in ROWS]
    rows[2][2] = "教学楼"  # row 6 of the sheet: no such tier
    rows[3][1] = ""  # row 7: no name, and its parent is fine
    rows[4][3] = "没有的镇"  # row 8: no such parent
    path = _workbook(tmp_path / "bad.xlsx", {"站点名录": [["名录"], [], HEADER, *rows]})
    problems = _refused(context, path)
    assert problems == [
        "工作表“站点名录”第 6 行 C 列（层级）/ sheet 站点名录, row 6, column C (层级): "
        "层级无法识别 / unknown tier '教学楼'",
        "工作表“站点名录”第 7 行 B 列（名称）/ sheet 站点名录, row 7, column B (名称): "
        "缺少名称 / the name is empty",
        "工作表“站点名录”第 8 行 D 列（上级）/ sheet 站点名录, row 8, column D (上级): "
        "找不到上级站点 / parent not found: 没有的镇",
    ]
    assert _sites(context) == []


def test_townships_on_sheets_of_their_own(tmp_path: Path, context: AppContext) -> None:
    college = [HEADER, ROWS[0]]
    township = [HEADER, ROWS[1], ROWS[2]]
    path = _workbook(tmp_path / "two.xlsx", {"县": college, "云山街道": township})
    with context.db.transaction() as session:
        assert import_sites(session, path).created == 3
    # A code that repeats another sheet's row names that sheet and row.
    repeat = _workbook(tmp_path / "repeat.xlsx",
                       {"县": college, "云山街道": [HEADER, ROWS[1], ROWS[1]]})
    assert _refused(context, repeat) == [
        "工作表“云山街道”第 3 行 A 列（区划代码）/ sheet 云山街道, row 3, column A (区划代码): "
        "区划代码与工作表“云山街道”第 2 行重复 / the code 330781001000 repeats sheet 云山街道, "
        "row 2"]


def _broken(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(("make", "reason"), [
    (lambda t: _broken(t, "x.xlsx", "区划代码,名称\n".encode()), "not a valid Excel workbook"),
    (lambda t: _broken(t, "x.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512),
     "save it as .xlsx or CSV"),
    (lambda t: _workbook(t / "x.xlsx", {"Sheet1": [["名字", "年龄"], ["张三", 1]]}),
     "missing columns: 名称、层级（工作表 / sheets: “Sheet1”）"),
    (lambda t: _workbook(t / "x.xlsx", {"Sheet1": [["名称", "地址"], ["张三", 1]]}),
     "missing columns: 层级（工作表 / sheet “Sheet1”）"),
    (lambda t: _workbook(t / "x.xlsx", {"Sheet1": [HEADER]}), "lists no sites"),
    (lambda t: _workbook(t / "x.xlsx", {"Sheet1": []}), "the file is empty"),
])
def test_files_that_are_not_site_lists(tmp_path: Path, context: AppContext, make: Any,
                                       reason: str) -> None:
    path = make(tmp_path)
    with pytest.raises(CsvImportError, match=reason), context.db.transaction() as session:
        import_sites(session, path)


def test_a_zip_that_unpacks_to_too_much_is_refused(tmp_path: Path, context: AppContext,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from inspector.services import site_list_workbook

    path = _workbook(tmp_path / "big.xlsx", {"Sheet1": [HEADER, ROWS[0]]})
    with zipfile.ZipFile(path) as archive:
        unpacked = sum(member.file_size for member in archive.infolist())
    monkeypatch.setattr(site_list_workbook, "MAX_UNPACKED_BYTES", unpacked - 1)
    with pytest.raises(CsvImportError, match="too large"), context.db.transaction() as session:
        import_sites(session, path)


def test_a_workbook_is_known_by_its_name_or_its_first_bytes(tmp_path: Path) -> None:
    book = _workbook(tmp_path / "名录.xlsx", {"Sheet1": [HEADER]})
    renamed = tmp_path / "名录.csv"
    renamed.write_bytes(book.read_bytes())
    text = tmp_path / "text.csv"
    text.write_text(CSV, encoding="utf-8")
    assert is_workbook(book) and is_workbook(renamed) and not is_workbook(text)
    assert not is_workbook(tmp_path / "missing.csv")


@pytest.mark.parametrize(("value", "number_format", "text"), [
    (330781001000, "General", "330781001000"),
    (330781001000.0, "General", "330781001000"),
    (3.30781001e11, "0", "330781001000"),
    (57988812345, "000000000000", "057988812345"),
    (1.5, "General", "1.5"),
    (True, "General", "TRUE"),
    (datetime(2026, 3, 1), "yyyy-mm-dd", "2026-03-01"),
    (datetime(2026, 3, 1, 8, 30), "yyyy-mm-dd h:mm", "2026-03-01 08:30:00"),
    (None, "General", ""),
    ("=1+1", "@", "=1+1"),
])
def test_cells_read_as_the_text_a_csv_holds(value: Any, number_format: str, text: str) -> None:
    assert cell_text(value, number_format) == text


def test_the_command_line_imports_a_workbook(capsys: pytest.CaptureFixture[str],
                                             tmp_path: Path) -> None:
    data = str(tmp_path / "data")
    path = _registry_book(tmp_path / "名录.xlsx")
    assert main(["sites", "import", str(path), "--data-dir", data]) == 0
    out = capsys.readouterr().out
    assert "(Excel)" in out and "5 added" in out
    bad = _workbook(tmp_path / "坏.xlsx", {"名录": [HEADER, ["", "好村", "火星"]]})
    assert main(["sites", "import", str(bad), "--data-dir", data]) == 2
    err = capsys.readouterr().err
    assert "工作表“名录”第 2 行 C 列（层级）" in err and "nothing imported" in err
