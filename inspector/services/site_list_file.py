"""A site list's CSV file as read and written: its columns and the headers accepted for
each, the encodings (UTF-8 with or without BOM, GBK/GB18030), formula escaping, and every
row read with what is wrong with its own cells, by line. Matching the rows against the
registry and importing them is :mod:`~inspector.services.sites_csv`'s.

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

    def __str__(self) -> str:
        return f"第 {self.line} 行 / line {self.line}: {self.reason}"


def by_row(problems: Sequence[RowProblem]) -> list[RowProblem]:
    """One problem per bad row, in file order, with all of that row's reasons."""
    reasons: dict[int, list[str]] = {}
    for problem in sorted(problems, key=lambda p: p.line):
        reasons.setdefault(problem.line, []).append(problem.reason)
    return [RowProblem(line, "；".join(texts)) for line, texts in reasons.items()]


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


def _header_map(header: Sequence[str]) -> dict[str, int]:
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


def _read_row(line: int, cells: list[str], columns: dict[str, int]) -> tuple[Row, list[str]]:
    """One row and what is wrong with its own cells (its parent is checked later)."""

    def given(name: str) -> str | None:
        """The cell, or None when the file has no such column or the row stops short."""
        index = columns.get(name)
        if index is None or index >= len(cells):
            return None
        return unescape_cell(cells[index].strip())

    def cell(name: str) -> str:
        return given(name) or ""

    reasons: list[str] = []
    tier: Tier | None = None
    try:
        tier = parse_tier(cell("tier"))
    except ValueError:
        reasons.append(f"层级无法识别 / unknown tier '{shown(cell('tier'))}'")
    name = cell("name")
    address, contact, phone = given("address"), given("contact"), given("phone")
    reasons += site_text_problems(name, address, contact, phone)
    code: str | None = None
    try:
        code = validate_code(cell("code"))
    except SiteError as exc:
        reasons.append(str(exc))
    data = None
    if tier is not None and not reasons:
        data = SiteData(name=name, tier=tier, code=code, address=address, contact=contact,
                        phone=phone)
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
    columns = _header_map(header)
    missing = [name for name in REQUIRED if name not in columns]
    if missing:
        expected = "、".join(chinese for name, chinese, _ in COLUMNS if name in missing)
        raise CsvImportError(path, f"缺少列 / missing columns: {expected}")
    rows: list[Row] = []
    problems: list[RowProblem] = []
    try:
        for cells in reader:
            if not any(cell.strip() for cell in cells):
                continue
            row, reasons = _read_row(reader.line_num, cells, columns)
            rows.append(row)
            problems.extend(RowProblem(row.line, reason) for reason in reasons)
    except csv.Error as exc:
        # The rest of the file cannot be read, so its parents cannot be checked either.
        problems.append(RowProblem(reader.line_num, f"CSV 格式错误 / malformed CSV: {exc}"))
        raise CsvImportError(path, by_row(problems)) from exc
    if not rows:
        raise CsvImportError(path, "文件中没有站点 / the file lists no sites")
    return rows, problems

