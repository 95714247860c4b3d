"""The county's Excel workbook (``inspector overview export``): the overview's figures in
sheets that Excel and WPS open as they are.

- **汇总**: the county, each tier and township (sites, inspected, coverage), then each first-
  and second-level indicator: how many counted ratings of each option (符合 / 基本符合 /
  不符合; 不适用 left out) and their shares, and the score;
- **站点得分**: every site of the ranking with its visit date, score, previous score and
  change, and its score on each second-level indicator;
- **逐项结果**: every criterion of every result the figures count (each site's latest in
  the period), with its indicator, rating and note; a sheet holds at most Excel's
  1,048,576 rows, more go on in 逐项结果（2）and so on;
- **整改台账**: the rectification items of the sites in scope, as the ledger lists them
  (only when there are any).

Numbers, shares and scores are numbers (shown as percentages), dates are dates; header rows
are frozen, filtered and printed on every page. Text never becomes a formula: a cell that
begins with ``=``, ``+``, ``-``, ``@``, a tab or a line break (or reads like an error such
as ``#N/A``) is written as text with Excel's "this is text" mark (quotePrefix), so it stays
text when opened and when edited.

Written with openpyxl in write-only mode, rows streamed from the database, so memory stays
flat however many results there are. openpyxl against XlsxWriter, measured on the 逐项结果
sheet (50,000 rows × 7 columns = 350,000 cells: text, dates, a note in every third row
beginning with "="; same machine, same run): openpyxl write-only 6.8–7.2 s (6.3 s with
plain values only; 5.9 s with lxml), XlsxWriter ``constant_memory`` 2.8–2.9 s (1.8 s
holding everything in memory); peak memory 37 MB against 32 MB, files 1.8 and 1.7 MB.
XlsxWriter writes about 2.4 times as fast, but it cannot read a workbook, and the site
registry is imported from .xlsx too: openpyxl does both, one dependency instead of two,
and a county's export (a few hundred sites × some eighty criteria) takes a second or two.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.cell import WriteOnlyCell  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]
from sqlmodel import Session, col, select

from inspector.domain.overview import NO_TOWNSHIP, Group, IndicatorFigures, Overview, Shares
from inspector.domain.templates import ChecklistTemplate
from inspector.domain.tiers import Tier, tier_label
from inspector.services.control import Control, check
from inspector.services.overview import CountyOverview, OverviewFilter
from inspector.services.rectification_ledger import CSV_COLUMNS, ItemRow, state_words
from inspector.services.site_list_file import FORMULA_STARTS

SUMMARY = "汇总"
SITES = "站点得分"
RESULTS = "逐项结果"
LEDGER = "整改台账"
MAX_ROWS = 1_048_576  # rows of an Excel sheet, its header included

PERCENT = "0.0%"
CHANGE = "+0.0%;-0.0%;0.0%"
DAY = "yyyy-mm-dd"

RESULT_COLUMNS = ("区划代码", "站点", "乡镇（街道）", "检查日期", "一级指标", "二级指标",
                  "检查项编号", "检查内容", "评定", "说明")
_RESULT_WIDTHS = (15, 26, 18, 12, 20, 22, 16, 60, 10, 40)

#: One criterion of one result: code, site, township, visit date, level-1 and level-2
#: indicators, criterion id and text, the rating's name ("" when not rated), the note.
ResultLine = tuple[str, str, str, date, str, str, str, str, str, str]

# openpyxl refuses these (XML 1.0 cannot hold them); the program never stores them in the
# text it shows, but a cell must not lose a whole export.
_ILLEGAL = re.compile(r"[\000-\010\013\014\016-\037]")
_ERROR_WORDS = frozenset(("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"))
_CHUNK = 200  # results read from the database at a time


def _display_width(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


class _Writer:
    """Cells for one write-only sheet: text that stays text, numbers with their format."""

    def __init__(self, sheet: Any) -> None:
        self.sheet = sheet
        self._cell = WriteOnlyCell

    def text(self, value: str) -> Any:
        if _ILLEGAL.search(value):
            value = _ILLEGAL.sub("", value)
        if not value.startswith(FORMULA_STARTS) and value not in _ERROR_WORDS:
            return value
        cell = self._cell(self.sheet, value=value)
        cell.data_type = "s"  # openpyxl would take "=…" for a formula, "#N/A" for an error
        cell.quotePrefix = True  # and Excel keeps it text when the cell is edited
        return cell

    def number(self, value: float | None, number_format: str) -> Any:
        if value is None:
            return None
        cell = self._cell(self.sheet, value=value)
        cell.number_format = number_format
        return cell

    def row(self, values: Iterable[Any]) -> list[Any]:
        return [self.text(v) if isinstance(v, str) else v for v in values]


def _sheet(book: Any, title: str, header: Sequence[str], widths: Sequence[float],
           frozen_columns: int = 0, top: Sequence[Sequence[Any]] = ()) -> tuple[Any, _Writer]:
    """A new sheet with its columns' widths, ``top`` rows (a title) and the header row,
    frozen below the header (and right of ``frozen_columns``) and printed on every page."""
    sheet = book.create_sheet(title)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    header_row = len(top) + 1
    sheet.freeze_panes = f"{get_column_letter(frozen_columns + 1)}{header_row + 1}"
    sheet.print_title_rows = f"{header_row}:{header_row}"
    writer = _Writer(sheet)
    for values in top:
        sheet.append(writer.row(values))
    sheet.append(writer.row(header))
    return sheet, writer


def _filter(sheet: Any, header_row: int, columns: int, last_row: int) -> None:
    if last_row > header_row:
        sheet.auto_filter.ref = f"A{header_row}:{get_column_letter(columns)}{last_row}"


def _widths(header: Sequence[str], rows: Sequence[Sequence[Any]], least: float = 6,
            most: float = 50) -> list[float]:
    """Each column as wide as its header and its widest text (dates and numbers 12)."""
    found = [float(_display_width(h)) for h in header]
    for values in rows:
        for index, value in enumerate(values):
            if isinstance(value, str):
                found[index] = max(found[index], _display_width(value))
            elif value is not None:
                found[index] = max(found[index], 10)
    return [min(max(w + 2, least), most) for w in found]


# -- 汇总 -----------------------------------------------------------------------------

def _scope_words(data: CountyOverview) -> str:
    figures = data.figures
    start = figures.period.start.isoformat() if figures.period.start else "最早"
    end = (figures.period.end or figures.today).isoformat()
    parts = [f"期间 {start} 至 {end}"]
    if data.campaign_name:
        parts.append(f"督导计划：{data.campaign_name}")
    if data.filter.tier is not None:
        parts.append(f"层级：{tier_label(data.filter.tier)}")
    if data.filter.township_id is not None:
        names = [g.label for g in figures.townships if g.key == data.filter.township_id]
        parts.append(f"乡镇（街道）：{names[0] if names else data.filter.township_id}")
    parts.append("计入审核通过的结果" if data.filter.approved_only else "计入收到的全部结果")
    parts.append(f"{figures.today.isoformat()} 导出")
    return "；".join(parts)


def summary_header(figures: Overview) -> list[str]:
    header = ["类别", "名称", "站点数", "已检查", "覆盖率"]
    for _rating, zh, _en in figures.ratings:
        header += [f"{zh}（项）", f"{zh}占比"]
    return [*header, "计入评定（项）", "得分"]


def _shares_cells(w: _Writer, figures: Overview, shares: Shares) -> list[Any]:
    cells: list[Any] = []
    for rating, _zh, _en in figures.ratings:
        cells += [shares.counts.get(rating, 0), w.number(shares.share(rating), PERCENT)]
    return [*cells, shares.counted, w.number(shares.score, PERCENT)]


def _write_summary(book: Any, data: CountyOverview, issuer: str) -> None:
    figures = data.figures
    header = summary_header(figures)
    groups: list[tuple[str, Group]] = [("全县", figures.county)]
    groups += [("层级", g) for g in figures.tiers]
    groups += [("乡镇（街道）", g) for g in figures.townships]
    indicators: list[tuple[str, IndicatorFigures]] = [
        ("一级指标" if i.level == 1 else "二级指标", i) for i in figures.indicators]
    names = [g.label for _, g in groups] + [i.label for _, i in indicators]
    widths = _widths(header, [["乡镇（街道）", name] for name in names])
    widths[0] = 14
    title = f"{issuer}　社区教育督导汇总" if issuer else "社区教育督导汇总"
    sheet, w = _sheet(book, SUMMARY, header, widths, top=[[title], [_scope_words(data)]])
    for kind, group in groups:
        sheet.append([w.text(kind), w.text(group.label), group.sites, group.inspected,
                      w.number(group.coverage, PERCENT),
                      *_shares_cells(w, figures, group.shares)])
    for kind, indicator in indicators:
        sheet.append([w.text(kind), w.text(indicator.label), None, None, None,
                      *_shares_cells(w, figures, indicator.shares)])
    _filter(sheet, 3, len(header), 3 + len(groups) + len(indicators))


# -- 站点得分 ---------------------------------------------------------------------------

def level2_columns(figures: Overview) -> list[tuple[str, str]]:
    """The second-level indicators (id, label) that 站点得分 has a column for: the
    checklist's, then any only other versions of it have."""
    columns = [(i.id, i.label) for i in figures.indicators if i.level == 2]
    known = {indicator_id for indicator_id, _ in columns}
    for site in figures.sites:
        for indicator_id in site.indicators:
            if indicator_id not in known:
                known.add(indicator_id)
                columns.append((indicator_id, indicator_id))
    return columns


SITE_COLUMNS = ("排名", "区划代码", "站点", "层级", "乡镇（街道）", "检查日期", "得分",
                "上次得分", "变化")


def _write_sites(book: Any, figures: Overview) -> None:
    level2 = level2_columns(figures)
    header = [*SITE_COLUMNS, *(label for _, label in level2)]
    rows: list[list[Any]] = [[None, f.site.code or "", f.site.name, tier_label(f.site.tier),
             f.site.township_name or NO_TOWNSHIP, f.visit_date] for f in figures.sites]
    widths = _widths(header[:6], rows)
    widths += [9.0, 9.0, 8.0] + [min(max(_display_width(label) / 2 + 2, 9), 18)
                                 for _, label in level2]
    sheet, w = _sheet(book, SITES, header, widths, frozen_columns=3)
    for rank, (f, values) in enumerate(zip(figures.sites, rows, strict=True), start=1):
        values[0] = rank if f.score is not None else None
        sheet.append([*w.row(values), w.number(f.score, PERCENT),
                      w.number(f.previous_score, PERCENT), w.number(f.change, CHANGE),
                      *(w.number(f.indicators.get(i), PERCENT) for i, _ in level2)])
    _filter(sheet, 1, len(header), 1 + len(figures.sites))


# -- 逐项结果 ---------------------------------------------------------------------------

def _layout(template: ChecklistTemplate, tier: Tier) -> list[tuple[str, str, str, str]]:
    """The criteria of ``tier`` in checklist order: (id, level 1, level 2, text)."""
    return [(criterion.id, level1.label(), level2.label(), criterion.text.zh)
            for level1 in template.indicators for level2 in level1.indicators
            for criterion in level2.criteria_for(tier)]


def result_lines(session: Session, figures: Overview, control: Control | None = None
                 ) -> Iterator[ResultLine]:
    """Every criterion of every result the figures count, site by site in the ranking's
    order, read from the database a few hundred results at a time."""
    from inspector.services.templates import template_of
    from inspector.storage.models import Inspection, Response, TemplateVersion

    templates: dict[str, ChecklistTemplate] = {}
    layouts: dict[tuple[str, Tier], list[tuple[str, str, str, str]]] = {}
    ratings: dict[str, dict[str, str]] = {}
    sites = figures.sites
    for start in range(0, len(sites), _CHUNK):
        check(control)
        if control is not None:
            control.progress(start, len(sites), "")
        chunk = sites[start:start + _CHUNK]
        ids = [f.inspection_id for f in chunk]
        kept = {row[0]: (row[1], Tier(row[2])) for row in session.exec(
            select(Inspection.id, Inspection.template_version_id, Inspection.tier)
            .where(col(Inspection.id).in_(ids))).all()}
        answers: dict[str, dict[str, tuple[str | None, str]]] = {}
        for inspection_id, criterion_id, rating, note in session.exec(
                select(Response.inspection_id, Response.criterion_id, Response.rating,
                       Response.note).where(col(Response.inspection_id).in_(ids))).all():
            answers.setdefault(inspection_id, {})[criterion_id] = (rating, note)
        for f in chunk:
            if f.inspection_id not in kept:
                continue
            version_id, tier = kept[f.inspection_id]
            if version_id not in templates:
                row = session.get(TemplateVersion, version_id)
                if row is None:
                    continue
                templates[version_id] = template_of(row)
                ratings[version_id] = {o.id: o.label.zh
                                       for o in templates[version_id].rating_scale}
            if (version_id, tier) not in layouts:
                layouts[version_id, tier] = _layout(templates[version_id], tier)
            names = ratings[version_id]
            given = answers.get(f.inspection_id, {})
            code, name = f.site.code or "", f.site.name
            township = f.site.township_name or NO_TOWNSHIP
            for criterion_id, level1, level2, text in layouts[version_id, tier]:
                rating, note = given.get(criterion_id, (None, ""))
                yield (code, name, township, f.visit_date, level1, level2, criterion_id, text,
                       names.get(rating, rating) if rating else "", note)
    if control is not None:
        control.progress(len(sites), len(sites), "")


def write_results(book: Any, lines: Iterable[ResultLine]) -> int:
    """逐项结果 (and 逐项结果（2）… past a sheet's rows); returns the rows written."""
    sheet, w = _sheet(book, RESULTS, RESULT_COLUMNS, _RESULT_WIDTHS)
    text, rows, part, written = w.text, 1, 1, 0
    for code, name, township, day, level1, level2, criterion_id, criterion, rating, note \
            in lines:
        if rows == MAX_ROWS:
            _filter(sheet, 1, len(RESULT_COLUMNS), rows)
            part += 1
            sheet, w = _sheet(book, f"{RESULTS}（{part}）", RESULT_COLUMNS, _RESULT_WIDTHS)
            text, rows = w.text, 1
        sheet.append([text(code), text(name), text(township), day, text(level1), text(level2),
                      text(criterion_id), text(criterion), text(rating), text(note)])
        rows += 1
        written += 1
    _filter(sheet, 1, len(RESULT_COLUMNS), rows)
    return written


# -- 整改台账 ---------------------------------------------------------------------------

def _write_ledger(book: Any, items: Sequence[ItemRow]) -> None:
    rows = [[r.township_name, r.site_name, r.site_code or "", tier_label(r.tier),
             r.criterion_id, r.criterion_text, r.rating_label, r.finding, r.requirement,
             r.responsible, r.deadline, state_words(r)[0], r.letter_number, r.state_note,
             r.reports] for r in items]
    sheet, w = _sheet(book, LEDGER, CSV_COLUMNS, _widths(CSV_COLUMNS, rows, most=40))
    for values in rows:
        sheet.append(w.row(values))
    _filter(sheet, 1, len(CSV_COLUMNS), 1 + len(rows))


# -- the workbook ----------------------------------------------------------------------

def build_workbook(data: CountyOverview, lines: Iterable[ResultLine],
                   items: Sequence[ItemRow], out: BinaryIO, issuer: str = "") -> int:
    """Write the workbook to ``out``; returns the rows of 逐项结果."""
    book = Workbook(write_only=True)
    book.properties.creator = issuer or "Inspector"
    book.properties.title = "社区教育督导汇总"
    try:
        _write_summary(book, data, issuer)
        _write_sites(book, data.figures)
        written = write_results(book, lines)
        if items:
            _write_ledger(book, items)
        book.save(out)
    except BaseException:
        _abandon(book)
        raise
    return written


def _abandon(book: Any) -> None:
    """Close and remove the sheets' temporary files of a workbook that will not be saved
    (cancelled, or a full disk): openpyxl would keep them until the program ends."""
    from openpyxl.worksheet import _writer  # type: ignore[import-untyped]

    for sheet in book.worksheets:
        rows, writer = getattr(sheet, "_rows", None), getattr(sheet, "_writer", None)
        if rows is not None:
            rows.close()
        if writer is not None:
            writer.close()
            Path(writer.out).unlink(missing_ok=True)
            if writer.out in _writer.ALL_TEMP_FILES:
                _writer.ALL_TEMP_FILES.remove(writer.out)


def write_workbook(session: Session, wanted: OverviewFilter, today: date, out: BinaryIO,
                   control: Control | None = None) -> CountyOverview:
    """The overview for ``wanted`` as a workbook written to ``out``."""
    from inspector.services.office_settings import load_settings
    from inspector.services.overview import county_overview, scope
    from inspector.services.rectification_ledger import LedgerFilter, list_items

    data = county_overview(session, wanted, today)
    in_scope = {site.id for site in scope(session, wanted)[0]}
    items = [row for row in list_items(session, LedgerFilter(), today) if row.site_id in in_scope]
    build_workbook(data, result_lines(session, data.figures, control), items, out,
                   load_settings(session).issuer)
    return data
