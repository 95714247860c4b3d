"""Importing and exporting the site registry as CSV files that Excel reads and writes.

Export writes UTF-8 with a byte-order mark so that Excel shows Chinese
correctly. Import accepts UTF-8 (with or without BOM) and GBK/GB18030 (what
Chinese Excel writes). Every row is checked first; if any row is bad nothing
is imported and every bad row is reported with its line number.

A cell that a spreadsheet would take for a formula (one starting with ``=``,
``+``, ``-``, ``@``, a tab or a line break) is written with a single quote in
front, as OWASP recommends against formula injection; import takes that quote
off again, so exporting and importing gives back exactly what was stored.

The whole file is matched and checked in memory against every stored site
(read once), then written with one statement for the new sites and one for
the changed ones: fifty thousand rows take seconds, and the database is busy
only for the writing at the end.
"""

from __future__ import annotations

import csv
import io
import sqlite3
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlmodel import Session

from inspector.domain.tiers import TIER_ORDER, Tier, parse_tier, tier_label
from inspector.durable import write_atomic
from inspector.errors import UserError
from inspector.services.site_registry import SiteRegistry, SiteRow
from inspector.services.sites import (
    Outcome,
    SiteData,
    SiteError,
    check_parent,
    list_sites,
    misplaced,
    site_text_problems,
    validate_code,
)

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


def _by_row(problems: Sequence[RowProblem]) -> list[RowProblem]:
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
class ImportResult:
    created: int
    updated: int
    unchanged: int
    encoding: str


@dataclass(frozen=True)
class _Row:
    line: int
    tier: Tier | None  # None when the tier cell is not understood
    parent: str  # code or name of the parent site, as written
    cells: tuple[str, str]  # the code and name cells as written
    data: SiteData | None  # None when the row's own cells are bad


# Short tier words for messages: "村级" / "village station".
_TIER_WORDS: dict[str, tuple[str, str]] = {
    Tier.COUNTY: ("县级", "county college"),
    Tier.TOWNSHIP: ("乡镇级", "township school"),
    Tier.VILLAGE: ("村级", "village station"),
}


def _decode(path: Path) -> tuple[str, str]:
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


def _read_row(line: int, cells: list[str], columns: dict[str, int]) -> tuple[_Row, list[str]]:
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
        reasons.append(f"层级无法识别 / unknown tier '{_shown(cell('tier'))}'")
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
    return _Row(line, tier, cell("parent"), (cell("code"), name), data), reasons


def _shown(text: str) -> str:
    """A cell quoted in a message: at most a line's worth, control characters made visible."""
    visible = "".join(c if c.isprintable() else f"U+{ord(c):04X}" for c in text[:40])
    return visible + ("…" if len(text) > 40 else "")


def _parse(path: Path, text: str) -> tuple[list[_Row], list[RowProblem]]:
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
    rows: list[_Row] = []
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
        raise CsvImportError(path, _by_row(problems)) from exc
    if not rows:
        raise CsvImportError(path, "文件中没有站点 / the file lists no sites")
    return rows, problems


def _resolve_parents(
    registry: SiteRegistry, rows: list[_Row]
) -> tuple[dict[int, tuple[str | None, str | None]], list[RowProblem]]:
    """For each good row: (parent code, parent name) found in the file or the database.

    Rows whose own cells are bad still have their parent checked; a parent
    that names one of those bad rows is not reported again as missing.
    """
    problems: list[RowProblem] = []
    good = [row for row in rows if row.data is not None]
    bad_cells = {text for row in rows if row.data is None for text in row.cells if text}
    by_code: dict[str, _Row] = {}
    by_name: dict[tuple[Tier, str], list[_Row]] = {}
    for row in good:
        assert row.data is not None
        if row.data.code:
            if row.data.code in by_code:
                first = by_code[row.data.code].line
                problems.append(RowProblem(row.line, f"区划代码与第 {first} 行重复 / the code "
                                                     f"{row.data.code} repeats line {first}"))
            by_code[row.data.code] = row
        by_name.setdefault((row.data.tier, row.data.name), []).append(row)
    resolved: dict[int, tuple[str | None, str | None]] = {}
    for row in rows:
        if row.tier is None:
            continue
        expected = row.tier.parent_tier
        if expected is None:
            if row.parent:
                problems.append(RowProblem(row.line, "县级学院不应有上级 / a county college has "
                                                     "no parent"))
            resolved[row.line] = (None, None)
            continue
        if not row.parent:
            problems.append(RowProblem(row.line, "缺少上级站点 / the parent site is missing"))
            continue
        parent_tier: Tier | None = None
        key: tuple[str | None, str | None] = (None, None)
        if row.parent in by_code:
            parent_tier, key = by_code[row.parent].tier, (row.parent, None)
        elif (site := registry.find_by_code(row.parent)) is not None:
            parent_tier, key = site.tier, (row.parent, None)
        else:
            in_file = by_name.get((expected, row.parent), [])
            # A stored site that the file also lists is one candidate, not two.
            in_db = [
                s for s in registry.named(row.parent, expected)
                if s.code not in by_code and not (s.code is None and in_file)
            ]
            if len(in_file) + len(in_db) == 1:
                parent_tier, key = expected, (None, row.parent)
            elif len(in_file) + len(in_db) > 1:
                problems.append(RowProblem(
                    row.line,
                    f"上级站点“{_shown(row.parent)}”不唯一，请填写区划代码 / more than one parent "
                    f"named {_shown(row.parent)}: give its code",
                ))
                continue
        if parent_tier is None:
            if row.parent not in bad_cells:  # that row's own problem is reported instead
                problems.append(RowProblem(
                    row.line, f"找不到上级站点 / parent not found: {_shown(row.parent)}"))
        elif parent_tier != expected:
            problems.append(RowProblem(
                row.line, f"上级站点层级不对 / the parent {_shown(row.parent)} is a {parent_tier} "
                          f"site, not a {expected} site"))
        elif row.data is not None:
            resolved[row.line] = key
    return resolved, problems


def _hierarchy_problems(
    registry: SiteRegistry, before: dict[str, tuple[Tier, str | None]], line_of: dict[str, int]
) -> list[RowProblem]:
    """What the applied rows broke in county → township → village, by the rows responsible.

    ``before`` holds every site's (tier, parent id) before the import and
    ``line_of`` the line that wrote each site. A break that was already in
    the registry before this file is not blamed on it.
    """
    stranded: dict[str, Counter[Tier]] = {}
    sites: dict[str, SiteRow] = {}
    problems: list[RowProblem] = []
    for child, parent in misplaced(registry.rows()):
        retiered = parent is not None and parent.id in line_of and (
            before.get(parent.id, (None, None))[0] != parent.tier)
        if parent is not None and retiered:
            stranded.setdefault(parent.id, Counter())[child.tier] += 1
            sites[parent.id] = parent
        elif child.id in line_of and before.get(child.id) != (child.tier, child.parent_id):
            try:
                check_parent(child.tier, parent, child.name)
            except SiteError as exc:
                problems.append(RowProblem(line_of[child.id], str(exc)))
    for parent_id, counts in stranded.items():
        parent = sites[parent_id]
        new_zh, new_en = _TIER_WORDS[parent.tier]
        for child_tier, count in sorted(counts.items()):
            zh, en = _TIER_WORDS[child_tier]
            problems.append(RowProblem(
                line_of[parent_id],
                f"{parent.name} 下还有 {count} 个{zh}站点，不能改为{new_zh} / {parent.name} "
                f"still has {count} {en}{'s' if count > 1 else ''} under it, cannot become "
                f"a {new_en}",
            ))
    return problems


def import_sites(session: Session, path: Path) -> ImportResult:
    """Validate the whole file, then add or update its sites (matched by code, else by name).

    A column the file leaves out leaves that field of existing sites as it
    is. The rows are applied to the registry in memory, and the whole
    registry must then still be county → township → village. On any problem
    this raises :class:`CsvImportError` listing every problem found, and
    nothing is written; otherwise the sites are written into ``session``,
    for the caller to commit (the command line and the GUI both import
    inside ``db.transaction()``).
    """
    text, encoding = _decode(path)
    rows, problems = _parse(path, text)
    registry = SiteRegistry.load(session)
    parents, parent_problems = _resolve_parents(registry, rows)
    problems += parent_problems
    before = {site.id: (site.tier, site.parent_id) for site in registry.rows()}
    line_of: dict[str, int] = {}
    counts = Counter[Outcome]()
    # Good rows are applied even when others are bad, so that what they would
    # do to the hierarchy is reported too; nothing is written then.
    for tier in TIER_ORDER:
        for row in rows:
            if row.data is None or row.data.tier != tier or row.line not in parents:
                continue
            parent = _stored_parent(registry, tier, parents[row.line])
            if tier.parent_tier is not None and parent is None:
                continue  # its parent's row could not be applied; that row is reported
            try:
                site, outcome = registry.upsert(row.data, parent)
            except SiteError as exc:
                problems.append(RowProblem(row.line, str(exc)))
                continue
            line_of[site.id] = row.line
            counts[outcome] += 1
    problems += _hierarchy_problems(registry, before, line_of)
    if problems:
        raise CsvImportError(path, _by_row(problems))
    try:
        written = registry.write(session)
    except sqlite3.IntegrityError as exc:
        raise CsvImportError(path, f"数据库拒绝了这些站点 / the database refused these "
                                   f"sites: {exc}") from exc
    if not written:  # another program changed the sites meanwhile; now they cannot change
        return import_sites(session, path)
    return ImportResult(counts[Outcome.CREATED], counts[Outcome.UPDATED],
                        counts[Outcome.UNCHANGED], "GBK" if encoding == "gb18030" else "UTF-8")


def _stored_parent(
    registry: SiteRegistry, tier: Tier, reference: tuple[str | None, str | None]
) -> SiteRow | None:
    parent_code, parent_name = reference
    if parent_code:
        return registry.find_by_code(parent_code)
    if parent_name and tier.parent_tier is not None:
        return next(iter(registry.named(parent_name, tier.parent_tier)), None)
    return None


def export_sites(session: Session, path: Path) -> int:
    """Write every site to ``path`` (UTF-8 with BOM); returns the number of sites."""
    sites = list_sites(session)
    by_id = {site.id: site for site in sites}
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([chinese for _, chinese, _ in COLUMNS])
    for site in sites:
        parent = by_id.get(site.parent_id) if site.parent_id else None
        parent_ref = (parent.code or parent.name) if parent else ""
        writer.writerow([escape_cell(value) for value in (
            site.code or "", site.name, tier_label(Tier(site.tier)), parent_ref, site.address,
            site.contact, site.phone)])
    # Through a temp file and a rename, removed again if writing fails (a full stick), and on
    # the stick before this returns: the user may pull it out as soon as it says "written".
    write_atomic(path, buffer.getvalue().encode("utf-8-sig"), folder_exists=True)
    return len(sites)
