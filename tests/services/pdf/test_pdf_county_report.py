"""The county's supervision report (督导报告): every figure ``inspector overview show --format
json`` gives that the report prints is in its text (county, tiers, townships, indicators,
common problems, the sites below the threshold, rectification, the years, every site of
the ranking), every font is embedded, the charts are vector drawings (no pictures) that
render, and a county of 300 sites in 40 townships gets its charts cut to fit the pages and
the ranking's header on every page."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from overview_report_helpers import LOW_SITE, TODAY, county_of, demo_office, shown
from pdf_helpers import all_text, font_problems, ink_ratio, page_texts, render_pages, squeeze
from pypdf import PdfReader

from inspector.app_paths import AppPaths
from inspector.domain.overview import Period
from inspector.domain.scoring import format_percent
from inspector.domain.supervision import SupervisionError
from inspector.domain.tiers import Tier
from inspector.services.api import office, overview_documents
from inspector.services.context import AppContext, open_context
from inspector.services.overview import OverviewFilter
from inspector.services.pdf.common import PdfError
from inspector.services.pdf.county_report import write_county_report


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppContext]:
    context = demo_office(tmp_path_factory.mktemp("county"))
    yield context
    context.close()


def pct(value: float | None) -> str:
    return format_percent(value)


def group_row(group: dict[str, Any], ratings: list[str]) -> str:
    return squeeze("".join([group["label"], str(group["sites"]), str(group["inspected"]),
                            pct(group["coverage"]), pct(group["score"]),
                            *(pct(group["shares"][r]) for r in ratings)]))


def test_every_figure_the_overview_shows_is_printed(
        demo: AppContext, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    figures = shown(capsys, demo)
    built = overview_documents.write_county_report(demo, OverviewFilter(),
                                                   tmp_path / "report.pdf", TODAY)
    text = all_text(built.path)
    ratings = [r["id"] for r in figures["ratings"]]
    county = figures["county"]
    # The cover: the issuing body (the office's settings) and the period.
    issuer = office.office_settings(demo).issuer
    assert squeeze(issuer) in text
    assert f"截至{TODAY.year}年{TODAY.month}月{TODAY.day}日的全部检查结果" in text
    # The summary figures.
    for value in (str(county["sites"]), str(county["inspected"]), pct(county["coverage"]),
                  pct(county["score"])):
        assert value in text
    for rating in figures["ratings"]:
        assert (f"{rating['zh']}{county['counts'][rating['id']]}项"
                f"（{pct(county['shares'][rating['id']])}）") in text
    assert f"得分上升的场所{figures['moved_up']}个，下降的{figures['moved_down']}个" in text
    # Each tier's and each township's row: name, sites, inspected, coverage, score, shares.
    for group in figures["tiers"]:
        assert group_row(group, ratings) in text, group["label"]
    ranked = sorted(figures["townships"], key=lambda g: (-g["score"], g["label"]))
    for place, group in enumerate(ranked, start=1):  # ranked by score
        assert f"{place}{group_row(group, ratings)}" in text, group["label"]
    # Each indicator: its counted ratings, the shares and the score.
    for indicator in figures["indicators"]:
        row = squeeze("".join([indicator["label"], str(indicator["counted"]),
                               *(pct(indicator["shares"][r]) for r in ratings),
                               pct(indicator["score"])]))
        assert row in text, indicator["label"]
    # The common problems: the ten most frequent, with their counts.
    for problem in figures["common_problems"][:10]:
        assert squeeze(problem["text"])[:12] in text
        assert f"{problem['findings']}{problem['sites_rated']}" in text
    # The site below 60%, in its own section.
    below = [s for s in figures["sites"] if s["score"] is not None and s["score"] < 0.6]
    assert [s["code"] for s in below] == [LOW_SITE]
    section = text[text.index("得分率低于60%的场所"):text.index("整改进展")]
    assert f"{below[0]['name']}（{LOW_SITE}）" in section and pct(below[0]["score"]) in section
    # Rectification by township, and the years.
    for township in figures["rectification"]:
        assert (f"{township['township']}{township['open']}{township['overdue']}"
                f"{township['closed']}") in text
    assert "".join(pct(y["score"]) for y in figures["years"][-8:]) in text
    # The appendix: every site in ranking order, with its score and visit date.
    appendix = text[text.index("附录：各场所得分排名"):]
    at = 0
    for site in figures["sites"]:
        row = squeeze(f"{site['name']}（{site['code']}）")
        found = appendix.index(row, at)
        assert f"{site['visit_date']}{pct(site['score'])}" in appendix[found:found + 120]
        at = found
    assert font_problems(built.path) == []


#: A filled rectangle as ReportLab's graphics write it: its colour, width and height.
FILLED = re.compile(r"([\d.]+ [\d.]+ [\d.]+) rg\n1 w\n0 J\n0 j\n\[\] 0 d\n"
                    r"n [-\d.]+ [-\d.]+ ([-\d.]+) ([-\d.]+) re f\*")
SCORE_FILL = ".082353 .396078 .752941"  # county_charts.SCORE_COLOR
MEETS_FILL = ".180392 .490196 .196078"  # county_charts.MEETS_COLOR


def bars(content: str, fill: str) -> list[tuple[float, float]]:
    """The rectangles filled with ``fill`` (width, height), legend swatches left out."""
    found = [(float(w), float(h)) for colour, w, h in FILLED.findall(content) if colour == fill]
    return [size for size in found if size != (8.0, 8.0)]


def test_the_charts_are_vector_drawings_that_render(
        demo: AppContext, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    figures = shown(capsys, demo)
    built = overview_documents.write_county_report(demo, OverviewFilter(),
                                                   tmp_path / "report.pdf", TODAY)
    reader = PdfReader(built.path)
    assert built.pages == len(reader.pages)
    for page in reader.pages:  # no pictures anywhere: charts are drawn, not pasted
        resources = page.get("/Resources") or {}
        xobjects = resources.get("/XObject")
        for ref in (xobjects.get_object().values() if xobjects else []):
            assert ref.get_object().get("/Subtype") != "/Image"
    texts = [squeeze(t) for t in page_texts(built.path)]
    contents = [page.get_contents().get_data().decode("latin-1") for page in reader.pages]

    def page_of(heading: str) -> str:
        return contents[next(n for n, t in enumerate(texts) if heading in t)]

    # By tier: upright bars as tall as each tier's score (in proportion to each other).
    tier_bars = bars(page_of("二、各层级情况"), SCORE_FILL)
    scores = [g["score"] for g in figures["tiers"]]
    assert len(tier_bars) == len(scores)
    for (_w, height), score in zip(tier_bars, scores, strict=True):
        assert height / tier_bars[0][1] == pytest.approx(score / scores[0], rel=1e-3)
    # By township (ranked): bars across, as long as each township's score.
    township_bars = bars(page_of("三、各乡镇（街道）情况"), SCORE_FILL)
    ranked = sorted((g["score"] for g in figures["townships"]), reverse=True)
    assert len(township_bars) == len(ranked)
    for (width, _h), score in zip(township_bars, ranked, strict=True):
        assert width / township_bars[0][0] == pytest.approx(score / ranked[0], rel=1e-3)
    # By indicator: a stacked bar each, its 符合 part as long as the share of 符合.
    meets = bars(page_of("四、各项指标情况"), MEETS_FILL)
    shares = [i["shares"]["meets"] for i in figures["indicators"]]
    assert len(meets) == len(shares)
    full = max(w for w, _h in meets) / max(shares)
    for (width, _h), share in zip(meets, shares, strict=True):
        assert width == pytest.approx(share * full, rel=1e-3)
    # The legends, axes and category names are text in the embedded fonts.
    text = "".join(texts)
    for label in ("覆盖率", "得分率", "符合", "基本符合", "不符合", "整改中", "已逾期", "已销号",
                  "全县平均得分率", "0%", "20%", "100%"):
        assert label in text
    images = render_pages(built.path, tmp_path / "png")
    assert len(images) == built.pages
    assert all(ink_ratio(image) > 0.01 for image in images[1:])
    assert font_problems(built.path) == []


def test_the_threshold_and_the_filters_are_the_reports(demo: AppContext, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]
                                                      ) -> None:
    built = overview_documents.write_county_report(demo, OverviewFilter(),
                                                   tmp_path / "report.pdf", TODAY, 0.9)
    text = all_text(built.path)
    section = text[text.index("得分率低于90%的场所"):text.index("整改进展")]
    figures = shown(capsys, demo)
    below = [s for s in figures["sites"] if s["score"] is not None and s["score"] < 0.9]
    assert below and f"共{len(below)}个场所" in section
    for site in below:
        assert squeeze(f"{site['name']}（{site['code']}）") in section
    for wrong in (0.0, -0.1, 1.5):
        with pytest.raises(SupervisionError, match="1% 到 100%"):
            overview_documents.write_county_report(demo, OverviewFilter(),
                                                   tmp_path / "bad.pdf", TODAY, wrong)
    assert not (tmp_path / "bad.pdf").exists()
    # One tier: its sites only, said on the cover.
    village = overview_documents.write_county_report(
        demo, OverviewFilter(tier=Tier.VILLAGE), tmp_path / "village.pdf", TODAY)
    text = all_text(village.path)
    assert "村（社区）教学站（点）；全部乡镇（街道）；仅计审核通过的检查结果" in text
    assert "青溪县社区教育学院（330799000000）" not in text
    with pytest.raises(PdfError, match="目标文件夹不存在"):
        overview_documents.write_county_report(demo, OverviewFilter(),
                                               tmp_path / "missing" / "r.pdf", TODAY)


def test_an_office_with_no_results_prints_a_short_report(tmp_path: Path) -> None:
    context = open_context(AppPaths.resolve(tmp_path / "empty"))
    try:
        built = overview_documents.write_county_report(context, OverviewFilter(),
                                                       tmp_path / "empty.pdf", TODAY)
    finally:
        context.close()
    text = all_text(built.path)
    for said in ("社区教育督导报告", "本期没有得分率低于60%的场所。", "范围内没有整改事项。",
                 "还没有检查结果。", "本期没有检查结果。"):
        assert said in text
    assert font_problems(built.path) == []


def test_a_large_county_cuts_its_charts_and_repeats_the_rankings_header(
        tmp_path: Path) -> None:
    data = county_of(300, 40)
    built = write_county_report(tmp_path / "large.pdf", data, "青溪县人民政府教育督导室",
                                printed_on=date(2026, 12, 1))
    texts = [squeeze(t) for t in page_texts(built.path)]
    assert built.pages == len(texts) >= 10
    header = "名次场所层级乡镇（街道）检查日期得分率较上次"
    first = next(n for n, t in enumerate(texts) if "附录：各场所得分排名" in t)
    assert first < len(texts) - 2  # the ranking takes several pages ...
    for page in texts[first:]:
        assert header in page  # ... each under the table's header
    text = "".join(texts)
    for site in data.figures.sites:
        assert f"{site.site.name}（{site.site.code}）" in text
    # Forty townships: every one in the chart (cut in two) and the table.
    for township in data.figures.townships:
        assert text.count(squeeze(township.label)) >= 3, township.label
    low = [s for s in data.figures.sites if s.score is not None and s.score < 0.6]
    assert f"共{len(low)}个场所，得分率由低到高" in text
    assert font_problems(built.path) == []
    images = render_pages(built.path, tmp_path / "png", dpi=30)
    assert len(images) == built.pages


def test_a_campaign_names_itself_on_the_cover(tmp_path: Path) -> None:
    data = county_of(12, 3)
    named = replace(data, campaign_name="2026年度社区教育专项督导",
                    figures=replace(data.figures, period=Period(date(2026, 3, 1),
                                                                date(2026, 11, 30))))
    built = write_county_report(tmp_path / "campaign.pdf", named, "县教育督导室",
                                printed_on=date(2026, 12, 1))
    text = all_text(built.path)
    assert "督导计划“2026年度社区教育专项督导”（2026年3月1日至2026年11月30日）" in text
    assert "2026年12月1日" in text
