"""The draw record (抽取记录) of a supervision campaign, to be published: the seed, the
fingerprint of what was drawn from, the method, the rules in words, per group how many sites
were in scope and drawn, every drawn site with its inspectors, and room for the witnesses'
signatures (监督人). See docs/draw.md for how a reader checks it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from inspector.domain.draw import Draw
from inspector.domain.draw_rules import Group, GroupBy, Quota, Rules
from inspector.domain.tiers import TIER_ORDER, tier_label
from inspector.services.pdf.blank_checklist import DATE_BLANK, GRID, LEVEL1_FILL, LEVEL2_FILL
from inspector.services.pdf.common import (
    CONTENT_WIDTH,
    BuiltPdf,
    DocumentInfo,
    Section,
    SectionStart,
    full_collections_deferred,
)
from inspector.services.pdf.fonts import FontSet, default_fonts
from inspector.services.pdf.pages import build_pdf
from inspector.services.pdf.text import Styles, make_table, shorten

TITLE = "督导对象与督导人员随机抽取记录"
GROUPING = {GroupBy.NONE: "不分组（全部范围为一组）", GroupBy.TIER: "按层级分组",
            GroupBy.TOWNSHIP: "按乡镇（街道）分组（县级学院单独一组）",
            GroupBy.TIER_TOWNSHIP: "按乡镇（街道）内的层级分组"}


@dataclass(frozen=True)
class _RecordInfo(DocumentInfo):
    """The footer names the way of drawing, not a checklist template."""

    def footer_source(self) -> str:
        return f"抽取记录 · 抽取方法 {self.template_key}"


def quota_words(quota: Quota) -> str:
    if quota.count is not None:
        return f"抽取 {quota.count} 个"
    if quota.percent is not None:
        return f"抽取 {quota.percent}%（向上取整）"
    return "全部"


def rules_in_words(rules: Rules, township_names: dict[str, str]) -> list[str]:
    """The rules as lines a reader can check: scope, sample, inspectors per site."""
    scope = rules.scope
    tiers = "、".join(tier_label(t) for t in TIER_ORDER if t in scope.tiers) or "全部层级"
    townships = "、".join(township_names.get(t, t) for t in sorted(scope.township_ids)) \
        or "全部乡镇（街道）"
    lines = [f"范围：{tiers}；{townships}"
             + (f"；限定场所 {len(scope.site_ids)} 个：{'、'.join(sorted(scope.site_ids))}"
                if scope.site_ids else "")]
    sample = rules.sample
    lines.append(f"抽样：{GROUPING[sample.group_by]}，每组{quota_words(sample.quota)}")
    for group, quota in sample.overrides:
        lines.append(f"　其中 {group_words(group, sample.group_by, township_names)}："
                     f"{quota_words(quota)}")
    lines.append(f"每个场所的督导人数：{rules.inspectors_per_site} 人")
    return lines


def _facts(result: Draw, campaign: str, drawn_on: date, styles: Styles) -> Flowable:
    rows = [("督导计划", campaign), ("抽取日期", drawn_on.isoformat()),
            ("抽取方法", result.method), ("随机种子", str(result.seed)),
            ("指纹（SHA-256）", result.fingerprint)]
    return make_table([[styles.para(k, styles.cell), styles.para(shorten(v), styles.cell)]
                       for k, v in rows],
                      [("GRID", (0, 0), (-1, -1), 0.5, GRID),
                       ("BACKGROUND", (0, 0), (0, -1), LEVEL2_FILL),
                       ("VALIGN", (0, 0), (-1, -1), "MIDDLE")],
                      colWidths=[32 * mm, CONTENT_WIDTH - 32 * mm])


def group_words(group: Group, by: GroupBy, township_names: dict[str, str]) -> str:
    """A group in Chinese: its township (the county level for the college), its tier."""
    parts = []
    if by in (GroupBy.TOWNSHIP, GroupBy.TIER_TOWNSHIP):
        parts.append(township_names.get(group.township_id, group.township_id)
                     if group.township_id else "县级")
    if group.tier is not None:
        parts.append(tier_label(group.tier))
    return " ".join(parts) or "全部场所"


def _groups(result: Draw, township_names: dict[str, str], styles: Styles) -> Flowable:
    rows: list[list[object]] = [[styles.para(h, styles.cell_center)
                                 for h in ("组", "范围内场所数", "抽取数")]]
    by = result.rules.sample.group_by
    rows += [[styles.para(shorten(group_words(g.group, by, township_names)), styles.cell),
              styles.para(str(g.in_scope), styles.cell_center),
              styles.para(str(g.drawn), styles.cell_center)] for g in result.groups]
    return make_table(rows, [("GRID", (0, 0), (-1, -1), 0.5, GRID),
                             ("BACKGROUND", (0, 0), (-1, 0), LEVEL1_FILL),
                             ("VALIGN", (0, 0), (-1, -1), "MIDDLE")],
                      colWidths=[CONTENT_WIDTH - 56 * mm, 28 * mm, 28 * mm], repeatRows=1)


def _pairings(result: Draw, styles: Styles) -> Flowable:
    rows: list[list[object]] = [[styles.para(h, styles.cell_center) for h in
                                 ("序号", "场所", "层级", "乡镇（街道）", "督导人员")]]
    for number, pairing in enumerate(result.pairings, start=1):
        site = pairing.site
        rows.append([styles.para(str(number), styles.cell_center),
                     styles.para(shorten(site.name), styles.cell),
                     styles.para(tier_label(site.tier), styles.cell),
                     styles.para(shorten(site.township_name or "—"), styles.cell),
                     styles.para(shorten("、".join(i.name for i in pairing.inspectors)),
                                 styles.cell)])
    return make_table(rows, [("GRID", (0, 0), (-1, -1), 0.5, GRID),
                             ("BACKGROUND", (0, 0), (-1, 0), LEVEL1_FILL),
                             ("VALIGN", (0, 0), (-1, -1), "MIDDLE")],
                      colWidths=[10 * mm, 52 * mm, 36 * mm, 32 * mm,
                                 CONTENT_WIDTH - 130 * mm], repeatRows=1)


def _signatures(styles: Styles) -> Flowable:
    cells = [[styles.para(label, styles.body), Spacer(1, 14 * mm),
              styles.para(f"日期：{DATE_BLANK}", styles.body)]
             for label in ("抽取人（签名）：", "监督人（签名）：", "监督人（签名）：")]
    return make_table([cells], [("BOX", (0, 0), (-1, -1), 0.5, GRID),
                                ("INNERGRID", (0, 0), (-1, -1), 0.5, GRID),
                                ("VALIGN", (0, 0), (-1, -1), "TOP")],
                      colWidths=[CONTENT_WIDTH / 3] * 3)


def write_draw_record(target: Path, result: Draw, campaign: str, *,
                      drawn_on: date | None = None, fonts: FontSet | None = None) -> BuiltPdf:
    """Write the record of ``result`` for the campaign named ``campaign`` to ``target``
    (replaced only when complete)."""
    drawn_on = drawn_on or date.today()
    fonts = fonts or default_fonts()
    styles = Styles(fonts)
    townships = {p.site.township_id: p.site.township_name or p.site.township_id
                 for p in result.pairings if p.site.township_id}
    story: list[Flowable] = [
        SectionStart(Section("draw", TITLE, shorten(campaign, 80))),
        styles.para(TITLE, styles.title),
        styles.para(shorten(campaign), styles.subtitle),
        _facts(result, campaign, drawn_on, styles),
        styles.para("抽取规则", styles.heading1),
        *[styles.para(line, styles.body) for line in rules_in_words(result.rules, townships)],
        styles.para("各组抽取情况", styles.heading1),
        _groups(result, townships, styles),
        styles.para(f"抽取结果（共 {len(result.pairings)} 个场所）", styles.heading1),
        _pairings(result, styles),
        Spacer(1, 4 * mm),
        styles.para("说明：指纹由场所名册、督导人员名单（含上限与回避）和抽取规则算出，不含随机种子；"
                    "用同样的名册、名单、规则和种子重新抽取，结果相同。", styles.small),
        Spacer(1, 4 * mm),
        _signatures(styles),
    ]
    info = _RecordInfo(title=f"{TITLE} — {campaign}", template_key=result.method,
                       template_version=1, printed_on=drawn_on)
    with full_collections_deferred():
        return build_pdf(target, story, info, fonts)
