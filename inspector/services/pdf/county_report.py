"""The county's supervision report (督导报告) on A4, ready to submit upward: a cover with the
issuing body, the period (or campaign) and what the figures cover; the summary figures
(sites, inspected, coverage, score, the shares of each rating); coverage and score by tier
and by township; the shares of each rating by first- and second-level indicator; the
common problems; the sites scoring below a threshold; rectification by township; the
scores across the years; and an appendix ranking every site, its table's header on every
page.

Every figure is :class:`~inspector.services.overview.CountyOverview`'s, printed as the
overview shows it (:func:`~inspector.domain.scoring.format_percent`); the charts are
vector drawings (:mod:`~inspector.services.pdf.county_charts`) with the figures in a
table beside them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer

from inspector.domain.overview import NO_TOWNSHIP, Group, Shares, SiteFigures
from inspector.domain.scoring import format_percent
from inspector.services.overview import CountyOverview
from inspector.services.pdf import county_charts as charts
from inspector.services.pdf.blank_checklist import GRID, LEVEL2_FILL
from inspector.services.pdf.common import (
    CONTENT_WIDTH,
    BuiltPdf,
    Section,
    SectionStart,
    full_collections_deferred,
)
from inspector.services.pdf.county_common import (
    TIER_SHORT,
    Tables,
    chinese_date,
    period_words,
    rating_cells,
    scope_words,
    site_name,
)
from inspector.services.pdf.fonts import FontSet, default_fonts
from inspector.services.pdf.office_pages import OfficeInfo, build_office_pdf
from inspector.services.pdf.text import Styles, make_table, shorten

TITLE = "社区教育督导报告"
#: The default threshold: sites scoring below it are listed apart.
DEFAULT_THRESHOLD = 0.6
#: The common problems listed: the criteria most often found wanting.
PROBLEMS_LISTED = 10
#: The trends' table shows at most this many years (the latest).
YEARS_SHOWN = 8
NUMBERS = "一二三四五六七八九十"


class _ReportBuilder:
    def __init__(self, data: CountyOverview, issuer: str, threshold: float, printed: date,
                 fonts: FontSet) -> None:
        self.data = data
        self.figures = data.figures
        self.issuer = issuer.strip()
        self.threshold = threshold
        self.printed = printed
        self.fonts = fonts
        self.styles = Styles(fonts)
        self.tables = Tables(self.styles)
        self.chapters = 0

    # ------------------------------------------------------------------ pieces

    def heading(self, text: str) -> Flowable:
        self.chapters += 1
        number = NUMBERS[self.chapters - 1] if self.chapters <= len(NUMBERS) \
            else str(self.chapters)
        return self.styles.para(f"{number}、{text}", self.styles.heading1)

    def note(self, text: str) -> Flowable:
        return self.styles.para(text, self.styles.small)

    def threshold_words(self) -> str:
        return f"{self.threshold * 100:g}%"

    def rating_series(self, shares: Sequence[Shares]) -> list[charts.Series]:
        colors = (charts.MEETS_COLOR, charts.PARTLY_COLOR, charts.NOT_MET_COLOR)
        series = []
        for number, (rating, zh, _en) in enumerate(self.figures.ratings):
            values = [s.share(rating) for s in shares]
            # A share too narrow for its figure is labelled in the table only.
            labels = [format_percent(v) if v is not None and v >= 0.08 else "" for v in values]
            series.append(charts.Series(zh, colors[number % len(colors)], values, labels,
                                        label_color=charts.colors.white if number != 1
                                        else charts.LABEL_COLOR))
        return series

    def group_rows(self, groups: Sequence[Group], ranked: bool = False) -> list[list[object]]:
        rows: list[list[object]] = []
        for place, group in enumerate(groups, start=1):
            rows.append([*([str(place)] if ranked else []), group.label, str(group.sites),
                         str(group.inspected), format_percent(group.coverage),
                         format_percent(group.shares.score),
                         *rating_cells(self.data, group.shares)])
        return rows

    def group_header(self, first: str, ranked: bool = False) -> list[str]:
        return [*(["名次"] if ranked else []), first, "场所数", "已检查", "覆盖率", "得分率",
                *(zh for _r, zh, _en in self.figures.ratings)]

    def group_widths(self, ranked: bool = False) -> list[float]:
        ratings = len(self.figures.ratings)
        first = CONTENT_WIDTH - (11 * mm if ranked else 0) - (4 + ratings) * 16 * mm
        return [*([11 * mm] if ranked else []), first, *([16 * mm] * (4 + ratings))]

    # ------------------------------------------------------------------ the parts

    def cover(self) -> list[Flowable]:
        styles = self.styles
        big = ParagraphStyle("cover-title", styles.title, fontSize=26, leading=36)
        line = ParagraphStyle("cover-line", styles.subtitle, fontSize=13, leading=20)
        facts = [("督导机构", self.issuer or "—"), ("督导期间", period_words(self.data)),
                 ("范围", scope_words(self.data)),
                 ("场所", f"{self.figures.county.sites} 个，已检查 "
                          f"{self.figures.county.inspected} 个"),
                 ("报告日期", chinese_date(self.printed))]
        table = make_table([[styles.para(k, styles.body), styles.para(v, styles.body)]
                            for k, v in facts],
                           [("LINEBELOW", (0, 0), (-1, -1), 0.5, GRID),
                            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                            ("TOPPADDING", (0, 0), (-1, -1), 5),
                            ("BOTTOMPADDING", (0, 0), (-1, -1), 5)],
                           colWidths=[30 * mm, 110 * mm])
        return [Spacer(1, 45 * mm), styles.para(TITLE, big), Spacer(1, 4 * mm),
                styles.para(period_words(self.data), line), Spacer(1, 30 * mm), table,
                Spacer(1, 45 * mm), styles.para(self.issuer, line),
                styles.para(chinese_date(self.printed), line), PageBreak()]

    def summary(self) -> list[Flowable]:
        figures, county = self.figures, self.figures.county
        styles = self.styles
        counts = "，".join(f"{zh} {county.shares.counts.get(r, 0)} 项（"
                          f"{format_percent(county.shares.share(r))}）"
                          for r, zh, _en in figures.ratings)
        text = (f"范围内场所 {county.sites} 个，本期已检查 {county.inspected} 个，覆盖率 "
                f"{format_percent(county.coverage)}；各场所最近一次检查的平均得分率 "
                f"{format_percent(county.shares.score)}。在计分的 {county.shares.counted} "
                f"项评定中，{counts}（不适用的项目不计入）。")
        text += (f"与各自上一次检查相比，得分上升的场所 {figures.moved_up} 个，下降的 "
                 f"{figures.moved_down} 个。从未检查的场所 {len(figures.never_inspected)} 个，"
                 f"{self.data.filter.stale_years} 年以上未检查的 {len(figures.stale)} 个。")
        tiles = [("场所数", str(county.sites)), ("已检查", str(county.inspected)),
                 ("覆盖率", format_percent(county.coverage)),
                 ("平均得分率", format_percent(county.shares.score))]
        number = ParagraphStyle("tile-number", styles.title, fontSize=20, leading=26,
                                spaceAfter=0)
        caption = ParagraphStyle("tile-caption", styles.cell_center, textColor=charts.AXIS_COLOR)
        tile_table = make_table(
            [[styles.para(v, number) for _k, v in tiles],
             [styles.para(k, caption) for k, _v in tiles]],
            [("BOX", (0, 0), (-1, -1), 0.5, GRID), ("LINEAFTER", (0, 0), (-2, -1), 0.5, GRID),
             ("BACKGROUND", (0, 0), (-1, -1), LEVEL2_FILL)],
            colWidths=[CONTENT_WIDTH / 4] * 4)
        story: list[Flowable] = [
            self.heading("总体情况"), tile_table, Spacer(1, 3 * mm),
            styles.para(text, styles.body), Spacer(1, 2 * mm),
            *charts.bars_across(self.fonts, ["全县"], self.rating_series([county.shares]),
                                CONTENT_WIDTH, stacked=True, label_width=40, bar_height=14)]
        unvisited = [(s, "从未检查") for s in figures.never_inspected] + \
            [(s, day.isoformat()) for s, day in figures.stale]
        if unvisited:
            story += [self.styles.para(
                f"从未检查或 {self.data.filter.stale_years} 年以上未检查的场所",
                self.styles.heading2),
                self.tables.table(["场所", "层级", "乡镇（街道）", "上次检查"],
                                  [[site_name(s.name, s.code), TIER_SHORT[s.tier],
                                    s.township_name or NO_TOWNSHIP, last]
                                   for s, last in unvisited],
                                  [70 * mm, 30 * mm, 50 * mm, CONTENT_WIDTH - 150 * mm])]
        return story

    def by_tier(self) -> list[Flowable]:
        tiers = self.figures.tiers
        chart = charts.bars_upright(
            self.fonts, [g.label for g in tiers],
            [charts.percent_series("覆盖率", charts.COVERAGE_COLOR, [g.coverage for g in tiers]),
             charts.percent_series("得分率", charts.SCORE_COLOR,
                                   [g.shares.score for g in tiers])],
            CONTENT_WIDTH, 62 * mm)
        table = self.tables.table(self.group_header("层级"), self.group_rows(tiers),
                                  self.group_widths(),
                                  figures=range(1, 5 + len(self.figures.ratings)))
        return [self.heading("各层级情况"), chart, Spacer(1, 2 * mm), table]

    def by_township(self) -> list[Flowable]:
        ranked = sorted(self.figures.townships,
                        key=lambda g: (g.shares.score is None, -(g.shares.score or 0), g.label))
        drawings = charts.bars_across(
            self.fonts, [g.label for g in ranked],
            [charts.percent_series("覆盖率", charts.COVERAGE_COLOR,
                                   [g.coverage for g in ranked]),
             charts.percent_series("得分率", charts.SCORE_COLOR,
                                   [g.shares.score for g in ranked])], CONTENT_WIDTH)
        table = self.tables.table(self.group_header("乡镇（街道）", True),
                                  self.group_rows(ranked, True), self.group_widths(True),
                                  figures=[0, *range(2, 6 + len(self.figures.ratings))])
        return [self.heading("各乡镇（街道）情况（按得分率排列）"),
                *drawings, Spacer(1, 2 * mm), table]

    def by_indicator(self) -> list[Flowable]:
        indicators = self.figures.indicators
        labels = [i.label if i.level == 1 else f"　{i.label}" for i in indicators]
        drawings = charts.bars_across(self.fonts, [i.label for i in indicators],
                                      self.rating_series([i.shares for i in indicators]),
                                      CONTENT_WIDTH, stacked=True, label_width=150,
                                      outline=[i.level - 1 for i in indicators])
        rows = [[label, str(i.shares.counted), *rating_cells(self.data, i.shares),
                 format_percent(i.shares.score)] for label, i in zip(labels, indicators,
                                                                      strict=True)]
        ratings = len(self.figures.ratings)
        table = self.tables.table(
            ["指标", "计分评定数", *(zh for _r, zh, _en in self.figures.ratings), "得分率"], rows,
            [CONTENT_WIDTH - (2 + ratings) * 18 * mm, *([18 * mm] * (2 + ratings))],
            figures=range(1, 3 + ratings),
            shaded=[n for n, i in enumerate(indicators) if i.level == 1])
        return [self.heading("各项指标情况"),
                self.note("各指标中各种评定所占比例（二级指标缩进在其一级指标之下）；不适用的项目"
                          "不计入。"), *drawings, Spacer(1, 2 * mm), table]

    def problems(self) -> list[Flowable]:
        problems = self.figures.problems[:PROBLEMS_LISTED]
        story: list[Flowable] = [self.heading("常见问题")]
        if not problems:
            return [*story, self.styles.para("各场所最近一次检查中没有评为基本符合或不符合的"
                                             "项目。")]
        bar_width = 24 * mm
        rows = [[str(n), p.text, str(p.findings), str(p.sites_rated),
                 format_percent(p.findings / p.sites_rated if p.sites_rated else None),
                 charts.share_bar(self.fonts, p.findings / p.sites_rated
                                  if p.sites_rated else 0.0, bar_width - 6)]
                for n, p in enumerate(problems, start=1)]
        table = self.tables.table(["序号", "检查内容", "存在问题的场所", "评定的场所", "占比", ""],
                                  rows, [10 * mm, CONTENT_WIDTH - 82 * mm, 18 * mm, 16 * mm,
                                         14 * mm, bar_width], figures=[0, 2, 3, 4])
        return [*story, self.note(
            f"在各场所最近一次检查中评为基本符合或不符合次数最多的检查内容（前 {len(problems)} 项，"
            f"共 {len(self.figures.problems)} 项有问题）。"), table]

    def below_threshold(self) -> list[Flowable]:
        below = sorted((f for f in self.figures.sites
                        if f.score is not None and f.score < self.threshold),
                       key=lambda f: (f.score or 0.0, f.site.name))
        story: list[Flowable] = [self.heading(f"得分率低于 {self.threshold_words()} 的场所")]
        if not below:
            return [*story, self.styles.para(
                f"本期没有得分率低于 {self.threshold_words()} 的场所。")]
        names = {i.id: i.label for i in self.figures.indicators if i.level == 2}

        def weakest(figures: SiteFigures) -> str:
            scored = [(s, k) for k, s in figures.indicators.items() if s is not None]
            if not scored:
                return "—"
            score, key = min(scored)
            return f"{names.get(key, key)}（{format_percent(score)}）"

        rows = [[site_name(f.site.name, f.site.code), TIER_SHORT[f.site.tier],
                 f.site.township_name or NO_TOWNSHIP, f.visit_date.isoformat(),
                 format_percent(f.score), weakest(f)] for f in below]
        return [*story, self.note(f"共 {len(below)} 个场所，得分率由低到高；最弱的二级指标及其"
                                  f"得分率列在最后一栏。"),
                self.tables.table(["场所", "层级", "乡镇（街道）", "检查日期", "得分率",
                                   "最弱的二级指标"], rows,
                                  [48 * mm, 20 * mm, 32 * mm, 19 * mm, 15 * mm,
                                   CONTENT_WIDTH - 134 * mm], figures=[3, 4])]

    def rectification(self) -> list[Flowable]:
        items = self.data.items
        story: list[Flowable] = [self.heading("整改进展")]
        if not items:
            return [*story, self.styles.para("范围内没有整改事项。")]
        names = [t.township_name or NO_TOWNSHIP for t in items]
        series = [charts.Series(name, color, values, [str(int(v)) if v else "" for v in values],
                                label_color=label)
                  for name, color, values, label in (
                      ("整改中", charts.PARTLY_COLOR, [t.open - t.overdue for t in items],
                       charts.LABEL_COLOR),
                      ("已逾期", charts.NOT_MET_COLOR, [t.overdue for t in items],
                       charts.colors.white),
                      ("已销号", charts.MEETS_COLOR, [t.closed for t in items],
                       charts.colors.white))]
        drawings = charts.bars_across(self.fonts, names, series, CONTENT_WIDTH, percent=False,
                                      stacked=True, bar_height=10)
        rows = [[name, str(t.open), str(t.overdue), str(t.closed), str(t.open + t.closed),
                 format_percent(t.closed / (t.open + t.closed) if t.open + t.closed else None)]
                for name, t in zip(names, items, strict=True)]
        total = [sum(t.open for t in items), sum(t.overdue for t in items),
                 sum(t.closed for t in items)]
        rows.append(["合计", *(str(n) for n in total), str(total[0] + total[2]),
                     format_percent(total[2] / (total[0] + total[2])
                                    if total[0] + total[2] else None)])
        table = self.tables.table(["乡镇（街道）", "未销号", "其中已逾期", "已销号", "合计",
                                   "销号率"], rows,
                                  [CONTENT_WIDTH - 90 * mm, *([18 * mm] * 5)],
                                  figures=range(1, 6), shaded=[len(rows) - 1])
        return [*story, self.note("各乡镇（街道）的整改事项：整改中（含已报告、已核实，未到期）、"
                                  "已逾期（过了整改期限仍未销号）和已销号。"),
                *drawings, Spacer(1, 2 * mm), table]

    def trends(self) -> list[Flowable]:
        years = self.figures.years[-YEARS_SHOWN:]
        story: list[Flowable] = [self.heading("历年趋势")]
        if not years:
            return [*story, self.styles.para("还没有检查结果。")]
        chart = charts.line_across_years(
            self.fonts, [str(y.year) for y in years],
            [charts.percent_series("全县平均得分率", charts.SCORE_COLOR,
                                   [y.score for y in years])], CONTENT_WIDTH, 55 * mm)
        names = {g.key: g.label for g in self.figures.townships}
        keys = sorted({k for y in years for k in y.townships},
                      key=lambda k: (k == "", names.get(k, k)))
        rows: list[list[object]] = [["全县", *(format_percent(y.score) for y in years)],
                                    ["检查场所数", *(str(y.sites) for y in years)]]
        rows += [[names.get(k, NO_TOWNSHIP if k == "" else k),
                  *(format_percent(y.townships.get(k)) for y in years)] for k in keys]
        first = CONTENT_WIDTH - 17 * mm * len(years)
        table = self.tables.table(["", *(f"{y.year}年" for y in years)], rows,
                                  [first, *([17 * mm] * len(years))],
                                  figures=range(1, len(years) + 1), shaded=[0, 1])
        return [*story, self.note("每年按各场所当年最近一次检查计算；乡镇（街道）为其场所的平均"
                                  "得分率。"), chart, Spacer(1, 2 * mm), table]

    def appendix(self) -> list[Flowable]:
        rows: list[list[object]] = []
        place, previous = 0, object()
        for number, figures in enumerate(self.figures.sites, start=1):
            if figures.score != previous:
                place, previous = number, figures.score
            change = figures.change
            rows.append([str(place) if figures.score is not None else "—",
                         site_name(figures.site.name, figures.site.code),
                         TIER_SHORT[figures.site.tier],
                         figures.site.township_name or NO_TOWNSHIP,
                         figures.visit_date.isoformat(), format_percent(figures.score),
                         "—" if change is None else f"{change * 100:+.1f}"])
        table = self.tables.table(["名次", "场所", "层级", "乡镇（街道）", "检查日期", "得分率",
                                   "较上次"], rows,
                                  [11 * mm, CONTENT_WIDTH - 115 * mm, 22 * mm, 32 * mm,
                                   19 * mm, 15 * mm, 16 * mm], figures=[0, 4, 5, 6])
        return [PageBreak(), self.styles.para("附录：各场所得分排名", self.styles.heading1),
                self.note(f"共 {len(rows)} 个场所，按各场所本期最近一次检查的得分率由高到低排列；"
                          f"“较上次”是与该场所上一次检查相比得分率的变化（百分点）。"),
                table if rows else self.styles.para("本期没有检查结果。")]

    def story(self) -> list[Flowable]:
        section = Section("county-report", TITLE,
                          shorten(" · ".join(p for p in (self.issuer, period_words(self.data))
                                             if p), 120))
        story: list[Flowable] = [SectionStart(section), *self.cover()]
        for part in (self.summary, self.by_tier, self.by_township, self.by_indicator,
                     self.problems, self.below_threshold, self.rectification, self.trends):
            story.append(keep(part()))
        return [*story, *self.appendix()]


def keep(flowables: Sequence[Flowable]) -> Flowable:
    """A part (its heading, charts and tables) on one page when it fits in what is left of
    the page, else from the top of the next (split there when longer than a page)."""
    return KeepTogether(list(flowables))


def write_county_report(target: Path, data: CountyOverview, issuer: str, *,
                        threshold: float = DEFAULT_THRESHOLD, printed_on: date | None = None,
                        fonts: FontSet | None = None) -> BuiltPdf:
    """Write the report of ``data`` from ``issuer`` to ``target`` (replaced only when
    complete), listing apart the sites scoring below ``threshold`` (0 to 1)."""
    fonts = fonts or default_fonts()
    printed = printed_on or date.today()
    builder = _ReportBuilder(data, issuer, threshold, printed, fonts)
    info = OfficeInfo(title=f"{TITLE} — {period_words(data)}", template_key="county-report",
                      template_version=1, printed_on=printed,
                      source=f"{TITLE} · {shorten(builder.issuer or '—', 40)}")
    with full_collections_deferred():
        return build_office_pdf(target, builder.story(), info, fonts)
