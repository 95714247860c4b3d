"""Importing and exporting the site registry as CSV files that Excel reads and writes.

Export writes UTF-8 with a byte-order mark so that Excel shows Chinese
correctly. Import accepts UTF-8 (with or without BOM) and GBK/GB18030 (what
Chinese Excel writes). Every row is checked first; if any row is bad nothing
is imported and every bad row is reported with its line number.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlmodel import Session

from inspector.domain.tiers import TIER_ORDER, Tier, parse_tier, tier_label
from inspector.services.sites import (
    Outcome,
    SiteData,
    SiteError,
    find_by_code,
    list_sites,
    upsert_site,
    validate_code,
)
from inspector.storage.models import Site

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


@dataclass(frozen=True)
class RowProblem:
    line: int
    reason: str

    def __str__(self) -> str:
        return f"第 {self.line} 行 / line {self.line}: {self.reason}"


class CsvImportError(ValueError):
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
    data: SiteData
    parent: str  # code or name of the parent site, as written


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


def _parse(path: Path, text: str) -> list[_Row]:
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
            line = reader.line_num
            if not any(cell.strip() for cell in cells):
                continue

            def cell(name: str, cells: list[str] = cells) -> str:
                index = columns.get(name)
                return cells[index].strip() if index is not None and index < len(cells) else ""

            try:
                tier = parse_tier(cell("tier"))
            except ValueError:
                problems.append(RowProblem(line, f"层级无法识别 / unknown tier '{cell('tier')}'"))
                continue
            name = cell("name")
            if not name:
                problems.append(RowProblem(line, "缺少名称 / the name is empty"))
                continue
            try:
                code = validate_code(cell("code"))
            except SiteError as exc:
                problems.append(RowProblem(line, str(exc)))
                continue
            data = SiteData(name=name, tier=tier, code=code, address=cell("address"),
                            contact=cell("contact"), phone=cell("phone"))
            rows.append(_Row(line, data, cell("parent")))
    except csv.Error as exc:
        problems.append(RowProblem(reader.line_num, f"CSV 格式错误 / malformed CSV: {exc}"))
    if problems:
        raise CsvImportError(path, problems)
    if not rows:
        raise CsvImportError(path, "文件中没有站点 / the file lists no sites")
    return rows


def _resolve_parents(
    session: Session, path: Path, rows: list[_Row]
) -> dict[int, tuple[str | None, str | None]]:
    """For each row: (parent code, parent name) found in the file or the database."""
    problems: list[RowProblem] = []
    by_code: dict[str, _Row] = {}
    for row in rows:
        if row.data.code:
            if row.data.code in by_code:
                first = by_code[row.data.code].line
                problems.append(RowProblem(row.line, f"区划代码与第 {first} 行重复 / the code "
                                                     f"{row.data.code} repeats line {first}"))
            by_code[row.data.code] = row
    by_name: dict[tuple[Tier, str], list[_Row]] = {}
    for row in rows:
        by_name.setdefault((row.data.tier, row.data.name), []).append(row)
    stored = list_sites(session)
    resolved: dict[int, tuple[str | None, str | None]] = {}
    for row in rows:
        expected = row.data.tier.parent_tier
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
            parent_tier, key = by_code[row.parent].data.tier, (row.parent, None)
        elif (site := find_by_code(session, row.parent)) is not None:
            parent_tier, key = Tier(site.tier), (row.parent, None)
        else:
            in_file = by_name.get((expected, row.parent), [])
            # A stored site that the file also lists is one candidate, not two.
            in_db = [
                s for s in stored
                if s.name == row.parent and s.tier == expected.value
                and s.code not in by_code and not (s.code is None and in_file)
            ]
            if len(in_file) + len(in_db) == 1:
                parent_tier, key = expected, (None, row.parent)
            elif len(in_file) + len(in_db) > 1:
                problems.append(RowProblem(
                    row.line,
                    f"上级站点“{row.parent}”不唯一，请填写区划代码 / more than one parent "
                    f"named {row.parent}: give its code",
                ))
                continue
        if parent_tier is None:
            problems.append(
                RowProblem(row.line, f"找不到上级站点 / parent not found: {row.parent}")
            )
        elif parent_tier != expected:
            problems.append(RowProblem(row.line, f"上级站点层级不对 / the parent {row.parent} is "
                                                 f"a {parent_tier} site, not a {expected} site"))
        else:
            resolved[row.line] = key
    if problems:
        raise CsvImportError(path, sorted(problems, key=lambda p: p.line))
    return resolved


def import_sites(session: Session, path: Path) -> ImportResult:
    """Validate the whole file, then add or update its sites (matched by code, else by name).

    The caller's transaction decides whether the changes stay; on any
    problem this raises :class:`CsvImportError` before writing anything.
    """
    text, encoding = _decode(path)
    rows = _parse(path, text)
    parents = _resolve_parents(session, path, rows)
    created = updated = unchanged = 0
    for tier in TIER_ORDER:
        for row in (r for r in rows if r.data.tier == tier):
            parent_code, parent_name = parents[row.line]
            parent: Site | None = None
            if parent_code:
                parent = find_by_code(session, parent_code)
            elif parent_name and tier.parent_tier is not None:
                parent = next(
                    s for s in list_sites(session)
                    if s.name == parent_name and s.tier == tier.parent_tier.value
                )
            try:
                _site, outcome = upsert_site(session, row.data, parent)
            except SiteError as exc:
                raise CsvImportError(path, [RowProblem(row.line, str(exc))]) from exc
            created += outcome is Outcome.CREATED
            updated += outcome is Outcome.UPDATED
            unchanged += outcome is Outcome.UNCHANGED
    return ImportResult(created, updated, unchanged, "GBK" if encoding == "gb18030" else "UTF-8")


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
        writer.writerow([site.code or "", site.name, tier_label(Tier(site.tier)), parent_ref,
                         site.address, site.contact, site.phone])
    tmp = path.with_name(path.name + ".part")
    tmp.write_text(buffer.getvalue(), encoding="utf-8-sig", newline="")
    tmp.replace(path)
    return len(sites)
