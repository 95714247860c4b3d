"""A site list's CSV file as read and written: its columns and the headers accepted for
each, the encodings (UTF-8 with or without BOM, GBK/GB18030), formula escaping, and every
row read with what is wrong with its own cells, by line. Matching the rows against the
registry and importing them is :mod:`~inspector.services.sites_csv`'s; an Excel workbook's
sheets become the same rows in :mod:`~inspector.services.site_list_workbook`, whose
problems name the sheet, row and column (:class:`Places`).

A cell that a spreadsheet would take for a formula (one starting with ``=``,
``+``, ``-``, ``@``, a tab or a line break) is written with a single quote in
front, as OWASP recommends against formula injection; reading takes that quote
off again, so exporting and importing gives back exactly what was stored.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from inspector.domain.tiers import Tier, parse_tier
from inspector.errors import UserError
from inspector.services import text_limits
from inspector.services.sites import SiteData, SiteError, site_text_problems, validate_code

# (field, Chinese header written on export, other headers accepted on import)
COLUMNS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("code", "区划代码", ("code", "统计用区划代码", "代码")),
    ("name", "名称", ("name", "站点名称")),
    ("tier", "层级", ("tier", "类型")),
    ("parent", "上级", ("parent", "parent_code", "上级区划代码", "上级站点")),
    ("address", "地址", ("address",)),
    ("contact", "联系人", ("contact",)),
    ("phone", "联系电话", ("phone", "电话")),
)
REQUIRED = ("name", "tier")
MAX_FILE_BYTES = 20 * 1024 * 1024
# What makes Excel, LibreOffice or WPS take a cell for a formula (OWASP's list).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\0")


def escape_cell(value: str) -> str:
    """``value`` as a CSV cell that no spreadsheet runs as a formula: a quote in front if needed.

    A value that already starts with quotes before such a character gets one
    more, so that :func:`unescape_cell` always gives back the value itself.
    """
    return "'" + value if value.lstrip("'").startswith(FORMULA_STARTS) else value


def unescape_cell(cell: str) -> str:
    """The value :func:`escape_cell` wrote as ``cell`` (a cell it did not escape is unchanged)."""
    if cell.startswith("'") and cell[1:].lstrip("'").startswith(FORMULA_STARTS):
        return cell[1:]
    return cell


@dataclass(frozen=True)
class RowProblem:
    line: int
    reason: str
    column: str | None = None  # the field (a COLUMNS name) whose cell is to blame, if one is
    place: str = ""  # how a workbook names the cell; "" for a CSV file's "第 N 行 / line N"

    def __str__(self) -> str:
        if self.place:
            return f"{self.place}: {self.reason}"
        return f"第 {self.line} 行 / line {self.line}: {self.reason}"


class Places:
    """How the rows of a CSV file are named in messages: by line, one problem per row
    with all its reasons. A workbook's rows are named by sheet, row and column instead
    (:class:`~inspector.services.site_list_workbook.SheetPlaces`)."""

    by_cell = False

    def row(self, line: int) -> tuple[str, str]:
        """A row named in another row's message (中文, English)."""
        return f"第 {line} 行", f"line {line}"

    def cell(self, line: int, column: str | None) -> str:
        """Where a problem is: the cell of ``column`` in row ``line`` ("" : by line)."""
        return ""


LINES = Places()


def by_row(problems: Sequence[RowProblem], places: Places = LINES) -> list[RowProblem]:
    """One problem per bad row (per bad cell of a workbook), in file order, with all of its
    reasons."""
    order = {name: index for index, (name, _, _) in enumerate(COLUMNS)}

    def where(problem: RowProblem) -> tuple[int, int]:
        return problem.line, -1 if problem.column is None else order.get(problem.column, -1)

    reasons: dict[tuple[int, str | None], list[str]] = {}
    for problem in sorted(problems, key=where):
        key = (problem.line, problem.column if places.by_cell else None)
        reasons.setdefault(key, []).append(problem.reason)
    return [RowProblem(line, "；".join(texts), column, places.cell(line, column))
            for (line, column), texts in reasons.items()]


class CsvImportError(UserError):
    """The file as a whole cannot be imported; nothing was changed."""

    def __init__(self, path: Path, problems: Sequence[RowProblem] | str) -> None:
        self.path = path
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        first = self.problems[0]
        more = f" (+{len(self.problems) - 1} more)" if len(self.problems) > 1 else ""
        super().__init__(f"{path.name}: {first}{more}")


@dataclass(frozen=True)
class Row:
    """One row of the file as read."""

    line: int
    tier: Tier | None  # None when the tier cell is not understood
    parent: str  # code or name of the parent site, as written
    cells: tuple[str, str]  # the code and name cells as written
    data: SiteData | None  # None when the row's own cells are bad


def decode(path: Path) -> tuple[str, str]:
    """The file's text and the encoding it was in (UTF-8, with or without BOM, else GB18030)."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CsvImportError(path, f"无法读取文件 / cannot read the file: {exc.strerror}") from exc
    if len(raw) > MAX_FILE_BYTES:
        raise CsvImportError(path, "文件过大 / the file is too large for a site list")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise CsvImportError(path, "文件编码无法识别（应为 UTF-8 或 GBK）/ not UTF-8 or GBK text")


def header_map(header: Sequence[str]) -> dict[str, int]:
    """Which cell of the header row each field's column is in (the first one it names)."""
    lookup: dict[str, str] = {}
    for field_name, chinese, others in COLUMNS:
        for alias in (chinese, *others):
            lookup[alias.strip().lower()] = field_name
    mapping: dict[str, int] = {}
    for index, title in enumerate(header):
        found = lookup.get(title.strip().lower())
        if found and found not in mapping:
            mapping[found] = index
    return mapping


def missing_columns(columns: dict[str, int]) -> str:
    """The required columns a header lacks, in Chinese ("名称、层级"); "" when none."""
    return "、".join(chinese for name, chinese, _ in COLUMNS
                    if name in REQUIRED and name not in columns)


_DETAILS = (("address", text_limits.SITE_ADDRESS), ("contact", text_limits.SITE_CONTACT),
            ("phone", text_limits.SITE_PHONE))


def read_row(line: int, cells: Sequence[str], columns: dict[str, int]
             ) -> tuple[Row, list[tuple[str, str]]]:
    """One row and what is wrong with its own cells, each with its column (the parent is
    checked later)."""

    def given(name: str) -> str | None:
        """The cell, or None when the file has no such column or the row stops short."""
        index = columns.get(name)
        if index is None or index >= len(cells):
            return None
        return unescape_cell(cells[index].strip())

    def cell(name: str) -> str:
        return given(name) or ""

    reasons: list[tuple[str, str]] = []
    tier: Tier | None = None
    try:
        tier = parse_tier(cell("tier"))
    except ValueError:
        reasons.append(("tier", f"层级无法识别 / unknown tier '{shown(cell('tier'))}'"))
    name = cell("name")
    reasons += [("name", reason) for reason in site_text_problems(name)]
    details = {column: given(column) for column, _ in _DETAILS}
    for column, limit in _DETAILS:
        value = details[column]
        problem = text_limits.text_problem(limit, value) if value else None
        if problem is not None:
            reasons.append((column, problem))
    code: str | None = None
    try:
        code = validate_code(cell("code"))
    except SiteError as exc:
        reasons.append(("code", str(exc)))
    data = None
    if tier is not None and not reasons:
        data = SiteData(name=name, tier=tier, code=code, address=details["address"],
                        contact=details["contact"], phone=details["phone"])
    return Row(line, tier, cell("parent"), (cell("code"), name), data), reasons


def shown(text: str) -> str:
    """A cell quoted in a message: at most a line's worth, control characters made visible."""
    visible = "".join(c if c.isprintable() else f"U+{ord(c):04X}" for c in text[:40])
    return visible + ("…" if len(text) > 40 else "")


def parse_rows(path: Path, text: str) -> tuple[list[Row], list[RowProblem]]:
    """Every non-blank row, and the problems of the rows' own cells."""
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise CsvImportError(path, "文件是空的 / the file is empty") from None
    except csv.Error as exc:
        raise CsvImportError(path, f"不是有效的 CSV 文件 / not a valid CSV file: {exc}") from exc
    columns = header_map(header)
    missing = missing_columns(columns)
    if missing:
        raise CsvImportError(path, f"缺少列 / missing columns: {missing}")
    rows: list[Row] = []
    problems: list[RowProblem] = []
    try:
        for cells in reader:
            if not any(cell.strip() for cell in cells):
                continue
            row, reasons = read_row(reader.line_num, cells, columns)
            rows.append(row)
            problems.extend(RowProblem(row.line, reason, column) for column, reason in reasons)
    except csv.Error as exc:
        # The rest of the file cannot be read, so its parents cannot be checked either.
        problems.append(RowProblem(reader.line_num, f"CSV 格式错误 / malformed CSV: {exc}"))
        raise CsvImportError(path, by_row(problems)) from exc
    if not rows:
        raise CsvImportError(path, "文件中没有站点 / the file lists no sites")
    return rows, problems

