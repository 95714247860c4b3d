"""The public notice (公示) of the inspection results, on as few A4 pages as the list needs
(one for a county of some forty sites): every site inspected in the period with its
township, tier, visit date, score and band, the rule of the bands, the period of the notice
and where to raise an objection, and the issuing body at the foot.

It is meant to be posted and published, so it prints nothing about any person: no contact,
telephone, address, inspector or note; the sites' figures are
:class:`~inspector.services.overview.CountyOverview`'s, as the overview shows them.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from inspector.domain.overview import NO_TOWNSHIP, SiteFigures
from inspector.domain.scoring import format_percent
from inspector.domain.tiers import TIER_ORDER
from inspector.services.overview import CountyOverview
from inspector.services.pdf.blank_checklist import DATE_BLANK
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
    sites_words,
)
from inspector.services.pdf.fonts import FontSet, default_fonts
from inspector.services.pdf.office_pages import OfficeInfo, build_office_pdf
from inspector.services.pdf.text import Styles, shorten

TITLE = "社区教育督导检查结果公示"
#: The bands of a score, highest first: a score at or above the bound is in the band.
BANDS: tuple[tuple[float, str], ...] = ((0.9, "优秀"), (0.75, "良好"), (0.6, "合格"),
                                        (0.0, "需整改"))


def band(score: float | None) -> str:
    """The band a score is in ("—" for none)."""
    if score is None:
        return "—"
    return next(name for bound, name in BANDS if score >= bound)


def bands_in_words() -> str:
    parts = []
    for number, (bound, name) in enumerate(BANDS):
        if number == 0:
            parts.append(f"{bound * 100:g}% 及以上为{name}")
        elif bound > 0:
            parts.append(f"{bound * 100:g}%（含）至 {BANDS[number - 1][0] * 100:g}% 为{name}")
        else:
            parts.append(f"{BANDS[number - 1][0] * 100:g}% 以下为{name}")
    return "，".join(parts)


def _order(figures: SiteFigures) -> tuple[object, ...]:
    """County-level first, then by township, tier and code."""
    site = figures.site
    return (site.township_id is not None, site.township_name, TIER_ORDER.index(site.tier),
            site.code or "", site.name)


def notice_story(data: CountyOverview, issuer: str, printed: date,
                 fonts: FontSet) -> list[Flowable]:
    styles = Styles(fonts)
    tables = Tables(styles)
    body = ParagraphStyle("notice-body", styles.body, firstLineIndent=19)
    right = ParagraphStyle("notice-right", styles.body, alignment=TA_RIGHT)
    issuer = issuer.strip()
    sites = sorted(data.figures.sites, key=_order)
    rows = [[str(n), f.site.township_name or NO_TOWNSHIP, f.site.name, TIER_SHORT[f.site.tier],
             f.visit_date.isoformat(), format_percent(f.score), band(f.score)]
            for n, f in enumerate(sites, start=1)]
    who = issuer or "我单位"
    story: list[Flowable] = [
        SectionStart(Section("public-notice", TITLE, shorten(
            " · ".join(p for p in (issuer, period_words(data)) if p), 120))),
        styles.para(TITLE, styles.title),
        styles.para(period_words(data), styles.subtitle),
        styles.para(f"根据社区教育督导工作安排，{who}对{sites_words(data).replace('；', '、')}"
                    f"的社区教育场所进行了督导检查，共检查 {len(rows)} 个场所。现将检查结果"
                    f"公示如下：", body),
        Spacer(1, 2 * mm),
    ]
    if rows:
        story.append(tables.table(
            ["序号", "乡镇（街道）", "场所", "层级", "检查日期", "得分率", "等次"], rows,
            [11 * mm, 38 * mm, CONTENT_WIDTH - 123 * mm, 24 * mm, 20 * mm, 15 * mm, 15 * mm],
            figures=[0, 4, 5], padding=1))
    else:
        story.append(styles.para("本期没有检查结果。", body))
    story += [
        Spacer(1, 2 * mm),
        styles.para(f"说明：得分率按督导检查标准的评分规则计算，不适用的项目不计入；等次按得分率"
                    f"划分，{bands_in_words()}。", styles.small),
        KeepTogether([
            Spacer(1, 3 * mm),
            styles.para(f"公示期为{DATE_BLANK}至{DATE_BLANK}。如对公示结果有异议，请在公示期内"
                        f"以书面形式向{who}反映。", body),
            Spacer(1, 6 * mm),
            styles.para(issuer, right),
            styles.para(chinese_date(printed), right)]),
    ]
    return story


def write_public_notice(target: Path, data: CountyOverview, issuer: str, *,
                        printed_on: date | None = None,
                        fonts: FontSet | None = None) -> BuiltPdf:
    """Write the notice of ``data``'s results from ``issuer`` to ``target`` (replaced only
    when complete)."""
    fonts = fonts or default_fonts()
    printed = printed_on or date.today()
    info = OfficeInfo(title=f"{TITLE} — {period_words(data)}", template_key="public-notice",
                      template_version=1, printed_on=printed,
                      source=f"{TITLE} · {shorten(issuer.strip() or '—', 40)}")
    with full_collections_deferred():
        return build_office_pdf(target, notice_story(data, issuer, printed, fonts), info,
                                fonts)
