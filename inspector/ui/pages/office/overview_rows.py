"""The overview's figures as the rows of its tables (:class:`~.overview_model.Cell`): the
groups' coverage and compliance, the indicators, the common problems, the sites never or
long unvisited, the rankings, the years and the rectification items by township. Each
function gives the headers and the rows; every number is the figures' own."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from inspector.ui.labels import percent, tier_name
from inspector.ui.pages.office.overview_data import (
    CLOSED_COLOR,
    COVERED,
    OPEN_COLOR,
    OVERDUE_BAR,
    change_text,
    coverage_text,
    group_label,
    indicator_label,
    problem_text,
    rating_names,
    share_text,
    shares_segments,
    shares_words,
    sort_score,
    township_label,
)
from inspector.ui.pages.office.overview_model import Cell

translate = QCoreApplication.translate  # found by pyside6-lupdate as such

if TYPE_CHECKING:
    from inspector.domain.overview import Group, Overview, SiteEntry, SiteFigures
    from inspector.services.overview import TownshipItems

Rows = list[list[Cell]]



def _count(value: int) -> Cell:
    return Cell(str(value), sort=value, number=True)


def _score(score: float | None) -> Cell:
    return Cell(percent(score), sort=sort_score(score), number=True)


def _kind(figures: Overview, group: Group) -> str:
    if group is figures.county:
        return translate("Overview", "County")
    if group in figures.tiers:
        return translate("Overview", "Tier")
    return translate("Overview", "Township")


def groups(figures: Overview) -> list[Group]:
    return [figures.county, *figures.tiers, *figures.townships]


def coverage_headers() -> list[str]:
    return [translate("Overview", "Group"), translate("Overview", "Kind"),
            translate("Overview", "Inspected / in scope"), translate("Overview", "Coverage"),
            translate("Overview", "Chart")]


def coverage_rows(figures: Overview) -> Rows:
    rows = []
    for group in groups(figures):
        county = group is figures.county
        covered = group.coverage or 0.0
        words = translate("Overview", "%1 of %2 site(s) inspected (%3)") \
            .replace("%1", str(group.inspected)).replace("%2", str(group.sites)) \
            .replace("%3", percent(group.coverage))
        rows.append([Cell(group_label(figures, group), key=group.key, bold=county),
                     Cell(_kind(figures, group)),
                     Cell(coverage_text(group), sort=group.inspected, number=True, bold=county),
                     Cell(percent(group.coverage), sort=sort_score(group.coverage), number=True,
                          bold=county),
                     Cell(words, sort=covered, segments=((covered, COVERED),))])
    return rows


def compliance_headers(figures: Overview, indicators: bool = False) -> list[str]:
    first = [translate("Overview", "Indicator")] if indicators else \
        [translate("Overview", "Group"), translate("Overview", "Kind")]
    return [*first, translate("Overview", "Results"),
            *(name for _id, name, _colour in rating_names(figures)),
            translate("Overview", "Chart"), translate("Overview", "Score")]


def compliance_rows(figures: Overview) -> Rows:
    rows = []
    for group in groups(figures):
        county = group is figures.county
        rows.append([Cell(group_label(figures, group), key=group.key, bold=county),
                     Cell(_kind(figures, group)), *_shares(figures, group.shares, county)])
    return rows


def _shares(figures: Overview, shares: object, bold: bool = False) -> list[Cell]:
    from inspector.domain.overview import Shares

    assert isinstance(shares, Shares)
    cells = [Cell(str(shares.results), sort=shares.results, number=True, bold=bold)]
    for rating, _name, _colour in rating_names(figures):
        cells.append(Cell(share_text(shares, rating), sort=sort_score(shares.share(rating)),
                          number=True, bold=bold))
    cells.append(Cell(shares_words(figures, shares), sort=sort_score(shares.score),
                      segments=shares_segments(figures, shares)))
    cells.append(Cell(percent(shares.score), sort=sort_score(shares.score), number=True,
                      bold=bold))
    return cells


def indicator_rows(figures: Overview) -> Rows:
    rows = []
    for indicator in figures.indicators:
        first = indicator.level == 1
        name = indicator_label(indicator)
        label = name if first else "　　" + name
        rows.append([Cell(label, key=indicator.id, bold=first, tip=name),
                     *_shares(figures, indicator.shares, first)])
    return rows


def problem_headers() -> list[str]:
    return [translate("Overview", "Found wanting"), translate("Overview", "Of sites rated"),
            translate("Overview", "Share"), translate("Overview", "Criterion")]


def problem_rows(figures: Overview) -> Rows:
    return [[Cell(str(p.findings), sort=p.findings, number=True, key=p.criterion_id),
             _count(p.sites_rated),
             _score(p.findings / p.sites_rated if p.sites_rated else None),
             Cell(problem_text(p), tip=problem_text(p))] for p in figures.problems]


def never_headers() -> list[str]:
    return [translate("Overview", "Site"), translate("Overview", "Code"),
            translate("Overview", "Tier"), translate("Overview", "Township")]


def never_cells(site: SiteEntry) -> list[Cell]:
    return [Cell(site.name, key=site.id), Cell(site.code or "—"), Cell(tier_name(site.tier)),
            Cell(township_label(site.township_id or "", site.township_name))]


def stale_headers() -> list[str]:
    return [translate("Overview", "Site"), translate("Overview", "Last result"),
            translate("Overview", "Tier"), translate("Overview", "Township")]


def stale_cells(stale: tuple[SiteEntry, date]) -> list[Cell]:
    site, last = stale
    cells = never_cells(site)
    return [cells[0], Cell(last.isoformat()), cells[2], cells[3]]


def site_headers() -> list[str]:
    return [translate("Overview", "Rank"), translate("Overview", "Site"),
            translate("Overview", "Township"), translate("Overview", "Visited"),
            translate("Overview", "Score"), translate("Overview", "Previous"),
            translate("Overview", "Change")]


def ranks(scores: Sequence[float | None]) -> list[int | None]:
    """Competition ranking of scores already in ranking order (equal scores share a rank:
    1, 1, 3); unscored ones have none."""
    found: list[int | None] = []
    before: float | None = None
    for n, score in enumerate(scores):
        rounded = None if score is None else round(score, 9)
        if rounded is None:
            found.append(None)
        elif rounded == before:
            found.append(found[-1])
        else:
            found.append(n + 1)
        before = rounded
    return found


_RANKED: list[tuple[Overview, list[int | None]]] = []  # the latest figures' ranks


def site_ranks(figures: Overview) -> list[int | None]:
    """The ranks of ``figures.sites`` (worked out once for the figures shown)."""
    if not _RANKED or _RANKED[0][0] is not figures:
        _RANKED[:] = [(figures, ranks([s.score for s in figures.sites]))]
    return _RANKED[0][1]


def _rank(rank: int | None) -> Cell:
    return Cell("—" if rank is None else str(rank), sort=10**9 if rank is None else rank,
                number=True)


def site_sort_value(rank: int | None, site: SiteFigures, column: int) -> float | str:
    """What the ranking's ``column`` sorts ``site`` by (as :func:`site_cells` would)."""
    if column == 0:
        return float(10**9 if rank is None else rank)
    if column == 1:
        return site.site.name
    if column == 2:
        return township_label(site.site.township_id or "", site.site.township_name)
    if column == 3:
        return site.visit_date.isoformat()
    if column in (4, 5):
        return sort_score(site.score if column == 4 else site.previous_score)
    change = site.change
    return -9.0 if change is None else change


def site_cells(rank: int | None, site: SiteFigures) -> list[Cell]:
    entry = site.site
    change = site.change
    tip = " · ".join(part for part in (entry.name, entry.code, tier_name(entry.tier)) if part)
    return [_rank(rank), Cell(entry.name, key=site.inspection_id, tip=tip),
            Cell(township_label(entry.township_id or "", entry.township_name)),
            Cell(site.visit_date.isoformat()),
            _score(site.score), _score(site.previous_score),
            Cell(change_text(change), sort=-9.0 if change is None else change, number=True,
                 tip=None if change is None else translate(
                     "Overview", "Change in percentage points since the site's previous result"))]


def township_headers() -> list[str]:
    return [translate("Overview", "Rank"), translate("Overview", "Township"),
            translate("Overview", "Score"), translate("Overview", "Inspected / in scope"),
            translate("Overview", "Coverage")]


def township_rows(figures: Overview) -> Rows:
    ranked = sorted(figures.townships, key=lambda g: (g.shares.score is None,
                                                      -(g.shares.score or 0.0), g.label))
    return [[_rank(rank), Cell(group_label(figures, group), key=group.key),
             _score(group.shares.score),
             Cell(coverage_text(group), sort=group.inspected, number=True),
             _score(group.coverage)]
            for rank, group in zip(ranks([g.shares.score for g in ranked]), ranked,
                                   strict=True)]


def year_headers(figures: Overview) -> tuple[list[str], list[str | None]]:
    """The years table's headers (county, then each township by a short name) and their
    tooltips (the townships' whole names)."""
    names = [group_label(figures, g) for g in figures.townships]
    short = [translate("Overview", "County level") if g.key == ""
             else name.removesuffix("社区学校") or name
             for g, name in zip(figures.townships, names, strict=True)]
    return ([translate("Overview", "Year"), translate("Overview", "Results"),
             translate("Overview", "Whole county"), *short], [None, None, None, *names])


def year_rows(figures: Overview) -> Rows:
    rows = []
    for year in figures.years:
        rows.append([Cell(str(year.year), sort=year.year, key=str(year.year)),
                     _count(year.sites), _score(year.score),
                     *(_score(year.townships.get(g.key)) for g in figures.townships)])
    return rows


def item_headers() -> list[str]:
    return [translate("Overview", "Township"), translate("Overview", "Open"),
            translate("Overview", "Of which overdue"), translate("Overview", "Closed"),
            translate("Overview", "Chart")]


def item_rows(items: Sequence[TownshipItems]) -> Rows:
    """Each township's items; the bars as long as their counts (the most items: the whole
    width), so that townships compare."""
    rows = []
    most = max((t.open + t.closed for t in items), default=0)
    for township in items:
        total = township.open + township.closed
        words = translate("Overview", "%1 closed, %2 open, %3 of them overdue") \
            .replace("%1", str(township.closed)).replace("%2", str(township.open)) \
            .replace("%3", str(township.overdue))
        parts = ((township.closed / most, CLOSED_COLOR),
                 ((township.open - township.overdue) / most, OPEN_COLOR),
                 (township.overdue / most, OVERDUE_BAR)) if total else ()
        rows.append([Cell(township_label(township.township_id, township.township_name),
                          key=township.township_id),
                     _count(township.open), _count(township.overdue), _count(township.closed),
                     Cell(words, sort=township.closed / total if total else -1.0,
                          segments=parts)])
    return rows
