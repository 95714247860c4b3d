"""Importing and exporting the site registry as CSV files that Excel reads and writes;
importing it from an Excel workbook (.xlsx) too, with the same checks.

Export writes UTF-8 with a byte-order mark so that Excel shows Chinese
correctly. Import accepts UTF-8 (with or without BOM) and GBK/GB18030 (what
Chinese Excel writes). Every row is checked first; if any row is bad nothing
is imported and every bad row is reported with its line number.

A cell that a spreadsheet would take for a formula is written with a single
quote in front, which import takes off again; the file's columns, encodings and
rows as read are :mod:`~inspector.services.site_list_file`'s.

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
from dataclasses import dataclass
from pathlib import Path

from sqlmodel import Session

from inspector.domain.tiers import TIER_ORDER, Tier, tier_label
from inspector.durable import write_atomic
from inspector.services.site_list_file import (
    COLUMNS,
    LINES,
    CsvImportError,
    Places,
    Row,
    RowProblem,
    by_row,
    decode,
    escape_cell,
    parse_rows,
    shown,
)
from inspector.services.site_list_workbook import is_workbook, read_workbook
from inspector.services.site_registry import SiteRegistry, SiteRow
from inspector.services.sites import (
    Outcome,
    SiteError,
    check_parent,
    list_sites,
    misplaced,
)


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    unchanged: int
    encoding: str  # "UTF-8", "GBK", or "Excel" for a workbook


# Short tier words for messages: "村级" / "village station".
_TIER_WORDS: dict[str, tuple[str, str]] = {
    Tier.COUNTY: ("县级", "county college"),
    Tier.TOWNSHIP: ("乡镇级", "township school"),
    Tier.VILLAGE: ("村级", "village station"),
}


def _resolve_parents(
    registry: SiteRegistry, rows: list[Row], places: Places
) -> tuple[dict[int, tuple[str | None, str | None]], list[RowProblem]]:
    """For each good row: (parent code, parent name) found in the file or the database.

    Rows whose own cells are bad still have their parent checked; a parent
    that names one of those bad rows is not reported again as missing.
    """
    problems: list[RowProblem] = []
    good = [row for row in rows if row.data is not None]
    bad_cells = {text for row in rows if row.data is None for text in row.cells if text}
    by_code: dict[str, Row] = {}
    by_name: dict[tuple[Tier, str], list[Row]] = {}
    for row in good:
        assert row.data is not None
        if row.data.code:
            if row.data.code in by_code:
                zh, en = places.row(by_code[row.data.code].line)
                problems.append(RowProblem(row.line, f"区划代码与{zh}重复 / the code "
                                                     f"{row.data.code} repeats {en}", "code"))
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
                                                     "no parent", "parent"))
            resolved[row.line] = (None, None)
            continue
        if not row.parent:
            problems.append(RowProblem(row.line, "缺少上级站点 / the parent site is missing",
                                       "parent"))
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
                    f"上级站点“{shown(row.parent)}”不唯一，请填写区划代码 / more than one parent "
                    f"named {shown(row.parent)}: give its code", "parent",
                ))
                continue
        if parent_tier is None:
            if row.parent not in bad_cells:  # that row's own problem is reported instead
                problems.append(RowProblem(
                    row.line, f"找不到上级站点 / parent not found: {shown(row.parent)}",
                    "parent"))
        elif parent_tier != expected:
            problems.append(RowProblem(
                row.line, f"上级站点层级不对 / the parent {shown(row.parent)} is a {parent_tier} "
                          f"site, not a {expected} site", "parent"))
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
                f"a {new_en}", "tier",
            ))
    return problems


def import_sites(session: Session, path: Path) -> ImportResult:
    """Validate the whole file (CSV, or an Excel workbook: see
    :func:`~inspector.services.site_list_workbook.is_workbook`), then add or update its sites
    (matched by code, else by name).

    A column the file leaves out leaves that field of existing sites as it
    is. The rows are applied to the registry in memory, and the whole
    registry must then still be county → township → village. On any problem
    this raises :class:`CsvImportError` listing every problem found, and
    nothing is written; otherwise the sites are written into ``session``,
    for the caller to commit (the command line and the GUI both import
    inside ``db.transaction()``).
    """
    places: Places = LINES
    if is_workbook(path):
        rows, problems, places = read_workbook(path)
        encoding = "xlsx"
    else:
        text, encoding = decode(path)
        rows, problems = parse_rows(path, text)
    registry = SiteRegistry.load(session)
    parents, parent_problems = _resolve_parents(registry, rows, places)
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
        raise CsvImportError(path, by_row(problems, places))
    try:
        written = registry.write(session)
    except sqlite3.IntegrityError as exc:
        raise CsvImportError(path, f"数据库拒绝了这些站点 / the database refused these "
                                   f"sites: {exc}") from exc
    if not written:  # another program changed the sites meanwhile; now they cannot change
        return import_sites(session, path)
    return ImportResult(counts[Outcome.CREATED], counts[Outcome.UPDATED],
                        counts[Outcome.UNCHANGED],
                        {"gb18030": "GBK", "xlsx": "Excel"}.get(encoding, "UTF-8"))


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
