"""The rectification ledger (整改台账) as a table on A4 across: every item with its township,
site, criterion, finding, requirement, responsible person, deadline, state (已逾期 when past
its deadline and not closed) and the number of the letter that issued it; above it the
title, the filter in words, the printing date and the count by state. The table's header
repeats on every page; the footer numbers the pages."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from inspector.domain.supervision import ITEM_STATE_WORDS, OVERDUE_WORDS, ItemState
from inspector.services.pdf.blank_checklist import GRID, LEVEL1_FILL
from inspector.services.pdf.common import BuiltPdf, Section, SectionStart, full_collections_deferred
from inspector.services.pdf.fonts import FontSet, default_fonts
from inspector.services.pdf.office_pages import (
    LANDSCAPE_CONTENT_WIDTH,
    OfficeInfo,
    build_office_pdf,
)
from inspector.services.pdf.text import Styles, make_table, shorten
from inspector.services.rectification_ledger import ItemRow, state_words

TITLE = "整改台账"
#: A finding or a requirement longer than this is cut in the ledger, saying how long it
#: was (the letter prints it whole): each row is a readable line of the list, and always
#: fits on one page, so rows never break between pages.
LEDGER_TEXT_CHARS = 240
OVERDUE_COLOR = colors.HexColor("#c62828")
CLOSED_COLOR = colors.HexColor("#2e7d32")
#: The columns: header and width (the criterion, finding and requirement share the rest).
COLUMNS: tuple[tuple[str, float], ...] = (
    ("序号", 10 * mm), ("乡镇（街道）", 22 * mm), ("场所", 30 * mm), ("检查内容", 0),
    ("问题", 0), ("整改要求", 0), ("责任人", 17 * mm), ("整改期限", 19 * mm),
    ("状态", 15 * mm), ("意见书文号", 30 * mm))


def column_widths() -> list[float]:
    fixed = sum(width for _, width in COLUMNS)
    shared = (LANDSCAPE_CONTENT_WIDTH - fixed) / sum(1 for _, w in COLUMNS if not w)
    return [width or shared for _, width in COLUMNS]


def state_counts(rows: Sequence[ItemRow]) -> str:
    """How many items in each state, overdue ones counted apart: 「整改中 3 项，已逾期 1 项」."""
    counts: dict[str, int] = {}
    order = [ITEM_STATE_WORDS[s][0] for s in ItemState] + [OVERDUE_WORDS[0]]
    for row in rows:
        word = state_words(row)[0]
        counts[word] = counts.get(word, 0) + 1
    return "，".join(f"{word} {counts[word]} 项" for word in order if word in counts)


class _LedgerBuilder:
    def __init__(self, rows: Sequence[ItemRow], title: str, filter_text: str, printed: date,
                 issuer: str, fonts: FontSet) -> None:
        self.rows = rows
        self.title = title.strip() or TITLE
        self.filter_text = filter_text.strip()
        self.printed = printed
        self.issuer = issuer.strip()
        self.fonts = fonts
        self.styles = styles = Styles(fonts)
        self.cell = ParagraphStyle("ledger-cell", styles.cell, fontSize=8, leading=11)
        self.center = ParagraphStyle("ledger-center", styles.cell_center, fontSize=8,
                                     leading=11)

    def state_cell(self, row: ItemRow) -> Flowable:
        word = state_words(row)[0]
        color = (OVERDUE_COLOR if row.overdue else
                 CLOSED_COLOR if row.state is ItemState.CLOSED else None)
        if color is None:
            return self.styles.para(word, self.center)
        return self.styles.para("", self.center, markup_prefix=(
            f'<font color="#{color.hexval()[2:]}">{self.fonts.markup(word)}</font>'))

    def text(self, text: str, limit: int = LEDGER_TEXT_CHARS) -> Flowable:
        """Stored text in a cell, as one run (its line breaks as spaces) of at most
        ``limit`` characters."""
        return self.styles.para(shorten(" ".join(text.split()) or "—", limit), self.cell)

    def row(self, number: int, row: ItemRow) -> list[object]:
        para, text, center = self.styles.para, self.text, self.center
        site = row.site_name + (f"（{row.site_code}）" if row.site_code else "")
        return [para(str(number), center), text(row.township_name, 60), text(site, 80),
                text(row.criterion_text or row.criterion_id), text(row.finding),
                text(row.requirement), text(row.responsible, 60),
                para(row.deadline.isoformat() if row.deadline else "—", center),
                self.state_cell(row), para(shorten(row.letter_number or "—", 60), center)]

    def table(self) -> Flowable:
        header: list[object] = [self.styles.para(name, self.center) for name, _ in COLUMNS]
        rows = [header, *(self.row(n, r) for n, r in enumerate(self.rows, start=1))]
        return make_table(rows, [("GRID", (0, 0), (-1, -1), 0.5, GRID),
                                 ("BACKGROUND", (0, 0), (-1, 0), LEVEL1_FILL),
                                 ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
                                 ("VALIGN", (0, 1), (-1, -1), "TOP"),
                                 ("LEFTPADDING", (0, 0), (-1, -1), 3),
                                 ("RIGHTPADDING", (0, 0), (-1, -1), 3)],
                          colWidths=column_widths(), repeatRows=1)

    def story(self) -> list[Flowable]:
        styles = self.styles
        subtitle = " · ".join(part for part in (self.issuer, f"打印日期 {self.printed.isoformat()}")
                              if part)
        section = Section(key="ledger", title=shorten(self.title, 80),
                          subtitle=f"筛选条件：{shorten(self.filter_text or '全部', 120)} · "
                                   f"打印日期 {self.printed.isoformat()}")
        story: list[Flowable] = [
            SectionStart(section),
            styles.para(shorten(self.title, 80), styles.title),
            styles.para(subtitle, styles.subtitle),
            styles.para(f"筛选条件：{shorten(self.filter_text or '全部整改事项', 400)}",
                        styles.body),
            styles.para(f"共 {len(self.rows)} 项" + (f"：{state_counts(self.rows)}"
                                                     if self.rows else ""), styles.body),
            Spacer(1, 3 * mm),
        ]
        if not self.rows:
            return [*story, styles.para("（没有符合筛选条件的整改事项）", styles.body)]
        return [*story, self.table()]


def write_ledger(target: Path, rows: Sequence[ItemRow], title: str = TITLE,
                 filter_text: str = "", *, issuer: str = "", printed_on: date | None = None,
                 fonts: FontSet | None = None) -> BuiltPdf:
    """Write the ledger of ``rows`` (in their order) to ``target``, replaced only when
    complete; ``filter_text`` says in words which items they are."""
    fonts = fonts or default_fonts()
    printed = printed_on or date.today()
    builder = _LedgerBuilder(rows, title, filter_text, printed, issuer, fonts)
    info = OfficeInfo(title=builder.title, template_key="rectification-ledger",
                      template_version=1, printed_on=printed,
                      source=f"{TITLE} · {shorten(builder.title, 40)}")
    with full_collections_deferred():
        return build_office_pdf(target, builder.story(), info, fonts, across=True)
