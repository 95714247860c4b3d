"""What the county overview's printed documents (the supervision report and the public
notice) share: the period, scope and dates in words, a tier in a narrow column, and their
tables (a grey header repeated on every page, text in the embedded fonts, figures in the
Latin font)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Table

from inspector.domain.overview import Shares
from inspector.domain.scoring import format_percent
from inspector.domain.tiers import Tier, tier_label
from inspector.services.overview import CountyOverview
from inspector.services.pdf.blank_checklist import GRID, LEVEL1_FILL, LEVEL2_FILL
from inspector.services.pdf.fonts import LATIN_FONT
from inspector.services.pdf.text import Styles, make_table

#: A tier in a table's narrow column.
TIER_SHORT = {Tier.COUNTY: "社区教育学院", Tier.TOWNSHIP: "社区学校", Tier.VILLAGE: "教学站（点）"}


def chinese_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def period_words(data: CountyOverview) -> str:
    """The period or campaign the figures are of, in words."""
    period = data.figures.period
    start, end = period.start, period.end
    if start and end:
        span = f"{chinese_date(start)}至{chinese_date(end)}"
    elif start:
        span = f"{chinese_date(start)}起（截至{chinese_date(data.figures.today)}）"
    elif end:
        span = f"截至{chinese_date(end)}"
    else:
        span = f"截至{chinese_date(data.figures.today)}的全部检查结果"
    return f"督导计划“{data.campaign_name}”（{span}）" if data.campaign_name else span


def sites_words(data: CountyOverview) -> str:
    """Which sites the figures cover, in words: 「全部层级；全部乡镇（街道）」."""
    wanted = data.filter
    tier = tier_label(wanted.tier) if wanted.tier is not None else "全部层级"
    township = "全部乡镇（街道）"
    if wanted.township_id is not None:
        township = next((g.label for g in data.figures.townships
                         if g.key == wanted.township_id), wanted.township_id)
    return f"{tier}；{township}"


def scope_words(data: CountyOverview) -> str:
    """Which sites and which results the figures cover, in words."""
    counted = "仅计审核通过的检查结果" if data.filter.approved_only else "计入收到的全部检查结果"
    return f"{sites_words(data)}；{counted}"


def site_name(site_name: str, code: str | None) -> str:
    return site_name + (f"（{code}）" if code else "")


class Tables:
    """Tables in the report's style: a grey header (repeated on every page), text cells
    as paragraphs in the embedded fonts, and figures (digits, %, dates) as plain text in
    the Latin font, right- or centre-aligned."""

    def __init__(self, styles: Styles) -> None:
        self.styles = styles
        self.cell = ParagraphStyle("county-cell", styles.cell, fontSize=8, leading=10.5)
        self.head = ParagraphStyle("county-head", self.cell, alignment=TA_CENTER)

    def table(self, header: Sequence[str], rows: Sequence[Sequence[object]],
              widths: Sequence[float], figures: Sequence[int] = (),
              shaded: Sequence[int] = (), padding: float = 2) -> Table:
        """``figures``: the columns of plain figures; ``shaded``: rows (after the header)
        on a light ground (a first-level indicator, the county's total); ``padding``
        above and below each cell's text."""
        body = [[cell if column in figures or not isinstance(cell, str)
                 else self.styles.para(cell, self.cell) for column, cell in enumerate(row)]
                for row in rows]
        commands: list[tuple[object, ...]] = [
            ("GRID", (0, 0), (-1, -1), 0.5, GRID),
            ("BACKGROUND", (0, 0), (-1, 0), LEVEL1_FILL),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), padding),
            ("BOTTOMPADDING", (0, 0), (-1, -1), padding),
            ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3)]
        for column in figures:
            commands += [("FONTNAME", (column, 1), (column, -1), LATIN_FONT),
                         ("FONTSIZE", (column, 1), (column, -1), 8),
                         ("ALIGN", (column, 1), (column, -1), "CENTER")]
        commands += [("BACKGROUND", (0, row + 1), (-1, row + 1), LEVEL2_FILL) for row in shaded]
        return make_table([[self.styles.para(h, self.head) for h in header], *body], commands,
                          colWidths=list(widths), repeatRows=1)


def rating_cells(data: CountyOverview, shares: Shares) -> list[str]:
    """The share of each counted rating, as the overview shows it."""
    return [format_percent(shares.share(rating)) for rating, _zh, _en in data.figures.ratings]
