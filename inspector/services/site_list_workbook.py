"""A site list kept as an Excel workbook (.xlsx, as Excel and WPS save it): its sheets'
rows become the rows a CSV file gives (:func:`~inspector.services.site_list_file.read_row`),
so the import checks them the same way, all or nothing; a problem names the sheet, the
row and the column of the cell.

Each visible sheet whose header row (one of its first ten rows, below any title) names
the 名称 and 层级 columns is a list of sites; a workbook may hold several (one per
township). A cell is read as the text a CSV file saved from it would hold: a division
code typed as a number is its twelve digits (and keeps the leading zeros its number
format shows), a date is written ``2026-03-01``, a formula gives the value Excel last
worked out. Old ``.xls`` files and password-protected workbooks cannot be read: the
message says to save the sheet as ``.xlsx`` or CSV.
"""

from __future__ import annotations

import re
import warnings
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError

from inspector.services.site_list_file import (
    MAX_FILE_BYTES,
    CsvImportError,
    Places,
    Row,
    RowProblem,
    header_map,
    missing_columns,
    read_row,
    shown,
)

_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .xls, and every password-protected workbook
_SUFFIXES = (".xlsx", ".xlsm", ".xls")
#: What the unpacked parts of a workbook may add up to (a site list is a few megabytes;
#: this keeps a "zip bomb" from filling the memory or the disk).
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
#: How far down a sheet its header row is looked for (below a title and a blank row).
HEADER_ROWS_SEARCHED = 10
#: A row's key: sheet position × ROW_SPAN + row number (Excel has at most 1,048,576 rows),
#: so that the first sheet's keys are its row numbers.
ROW_SPAN = 10_000_000

# A workbook that does not open as one: what openpyxl and zipfile raise on broken parts.
_BROKEN = (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, ValueError, TypeError,
           IndexError, AttributeError, ParseError, EOFError)

# Unsupported extensions (data validation, conditional formats…) are left out when reading;
# openpyxl says so on stderr for every workbook, which helps nobody importing sites.
warnings.filterwarnings("ignore", category=UserWarning, module=r"openpyxl(\.|$)")


def is_workbook(path: Path) -> bool:
    """Whether ``path`` is an Excel workbook rather than CSV text: by its name or, for a
    workbook saved under another name, by its first bytes."""
    if path.suffix.lower() in _SUFFIXES:
        return True
    try:
        with path.open("rb") as file:
            start = file.read(8)
    except OSError:
        return False  # reading it as CSV says what is wrong
    return start.startswith(_ZIP) or start == _OLE


@dataclass(frozen=True)
class _Sheet:
    name: str
    columns: dict[str, int]  # field -> index of its column
    headers: dict[str, str]  # field -> the header as written


class SheetPlaces(Places):
    """Names a workbook's rows by sheet and row, and a problem by its cell's column."""

    by_cell = True

    def __init__(self, sheets: Sequence[_Sheet]) -> None:
        self.sheets = list(sheets)

    def _at(self, line: int) -> tuple[_Sheet, int]:
        return self.sheets[line // ROW_SPAN], line % ROW_SPAN

    def row(self, line: int) -> tuple[str, str]:
        sheet, row = self._at(line)
        return f"工作表“{shown(sheet.name)}”第 {row} 行", f"sheet {shown(sheet.name)}, row {row}"

    def cell(self, line: int, column: str | None) -> str:
        from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

        sheet, _row = self._at(line)
        zh, en = self.row(line)
        if column is None or column not in sheet.columns:
            return f"{zh} / {en}"
        letter = get_column_letter(sheet.columns[column] + 1)
        header = shown(sheet.headers[column])
        return f"{zh} {letter} 列（{header}）/ {en}, column {letter} ({header})"


_ZEROS = re.compile(r"0+")


def cell_text(value: Any, number_format: str | None = None) -> str:
    """A cell's value as the text a CSV file would hold (see the module's notes)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float):
        if float(value).is_integer():
            digits = str(int(value))
            padded = _ZEROS.fullmatch(number_format or "")  # "000000000000": leading zeros
            return digits.zfill(len(padded.group())) if padded else digits
        return f"{value:.15g}"  # as Excel shows a number: at most 15 significant digits
    if isinstance(value, datetime):
        if value.time() == time():
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, timedelta):
        return str(value)
    return str(value)


def _texts(cells: Iterable[Any]) -> list[str]:
    return [cell_text(cell.value, getattr(cell, "number_format", None)) for cell in cells]


def _refuse_early(path: Path) -> None:
    """What can be said of the file before opening it as a workbook."""
    try:
        size = path.stat().st_size
        with path.open("rb") as file:
            start = file.read(8)
    except OSError as exc:
        raise CsvImportError(path, f"无法读取文件 / cannot read the file: {exc.strerror}") from exc
    if size > MAX_FILE_BYTES:
        raise CsvImportError(path, "文件过大 / the file is too large for a site list")
    if start == _OLE:
        raise CsvImportError(path, "这是旧版 Excel 文件（.xls）或加了密码的工作簿，请在 Excel 或 "
                                   "WPS 中另存为 .xlsx 或 CSV 后再导入 / an old Excel file (.xls) "
                                   "or a password-protected workbook: save it as .xlsx or CSV "
                                   "in Excel or WPS and import that")
    if not start.startswith(_ZIP):
        raise _not_a_workbook(path, "")
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, OSError) as exc:
        raise _not_a_workbook(path, str(exc)) from exc
    if unpacked > MAX_UNPACKED_BYTES:
        raise CsvImportError(path, "文件过大 / the file is too large for a site list")


def _not_a_workbook(path: Path, detail: str) -> CsvImportError:
    return CsvImportError(path, "不是有效的 Excel 工作簿（.xlsx），请用 Excel 或 WPS 重新保存 / "
                                "not a valid Excel workbook (.xlsx); save it again from Excel "
                                "or WPS" + (f": {shown(detail)}" if detail else ""))


def read_workbook(path: Path) -> tuple[list[Row], list[RowProblem], SheetPlaces]:
    """Every non-blank row below the header of every sheet that lists sites, the problems
    of the rows' own cells, and how to name them."""
    from openpyxl import load_workbook  # type: ignore[import-untyped]

    _refuse_early(path)
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (*_BROKEN, OSError) as exc:
        raise _not_a_workbook(path, str(exc)) from exc
    try:
        return _read_sheets(path, book)
    except _BROKEN as exc:  # a part that opened but does not parse
        raise _not_a_workbook(path, str(exc)) from exc
    finally:
        book.close()


def _read_sheets(path: Path, book: Any) -> tuple[list[Row], list[RowProblem], SheetPlaces]:
    sheets: list[_Sheet] = []
    rows: list[Row] = []
    problems: list[RowProblem] = []
    lacking: list[str] = []  # sheets with a header that lacks a required column
    anything = False
    for worksheet in book.worksheets:
        if worksheet.sheet_state != "visible":
            continue
        worksheet.reset_dimensions()  # some programs write a wrong size; read what is there
        found: _Sheet | None = None
        for number, cells in enumerate(worksheet.iter_rows(), start=1):
            texts = _texts(cells)
            if not any(text.strip() for text in texts):
                continue
            anything = True
            if found is None:
                if number > HEADER_ROWS_SEARCHED:
                    break
                columns = header_map(texts)
                if missing_columns(columns):
                    if columns:
                        lacking.append(f"{missing_columns(columns)}（工作表 / sheet "
                                       f"“{shown(worksheet.title)}”）")
                    continue
                found = _Sheet(worksheet.title, columns,
                               {field: texts[index] for field, index in columns.items()})
                sheets.append(found)
                continue
            key = (len(sheets) - 1) * ROW_SPAN + number
            row, reasons = read_row(key, texts, found.columns)
            rows.append(row)
            problems.extend(RowProblem(key, reason, column) for column, reason in reasons)
    if not anything:
        raise CsvImportError(path, "文件是空的 / the file is empty")
    if not sheets:
        which = "；".join(lacking) or (missing_columns({}) + "（工作表 / sheets: " + "、".join(
            f"“{shown(worksheet.title)}”" for worksheet in book.worksheets) + "）")
        raise CsvImportError(path, f"缺少列 / missing columns: {which}")
    if not rows:
        raise CsvImportError(path, "文件中没有站点 / the file lists no sites")
    return rows, problems, SheetPlaces(sheets)
