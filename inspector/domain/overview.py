"""The county at a glance, computed from plain records (standard library and the domain only).

Given the registry's sites (with their townships), the inspections that count as results
(the services decide which: approved ones by default) with their ratings and checklists,
and a period, this works out:

- **coverage**: per group (county, tier, township), the sites in scope and those with a
  result in the period; the sites never inspected, and those whose last result is older
  than *N* years;
- **compliance**: per group and per first- and second-level indicator, how many counted
  ratings of each option (不适用 is not counted, as in :mod:`~inspector.domain.scoring`)
  and the mean score of the sites' latest results in the period; the criteria most often
  found wanting (common problems);
- **ranking** of sites and townships by score, each site's score per second-level
  indicator (the heat map), and how each site's score moved since its previous result;
- **trends**: per year, the county's and each township's mean score.

Every figure is built from the latest result of each site in the period, unless it says
otherwise (trends take each year's latest). Scores are means of site scores, each site
scored by its own checklist version (:func:`~inspector.domain.scoring.summarize`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from inspector.domain.scoring import InspectionSummary, summarize
from inspector.domain.supervision import is_finding
from inspector.domain.templates import ChecklistTemplate
from inspector.domain.tiers import TIER_ORDER, Tier, tier_label

#: The group of the sites in no township (the county college).
NO_TOWNSHIP = "县级（不属乡镇）"


@dataclass(frozen=True)
class SiteEntry:
    id: str
    name: str
    code: str | None
    tier: Tier
    township_id: str | None
    township_name: str


@dataclass(frozen=True)
class Result:
    """An inspection that counts as a result, with its ratings (criterion -> rating id)."""

    inspection_id: str
    site_id: str
    visit_date: date
    template_key: str
    tier: Tier
    ratings: Mapping[str, str]


@dataclass(frozen=True)
class Period:
    start: date | None = None  # None: from the first result
    end: date | None = None  # None: to today

    def holds(self, day: date) -> bool:
        return (self.start is None or day >= self.start) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Shares:
    """Counted ratings (rating id -> how many) and the mean score of a group's results."""

    counts: dict[str, int] = field(default_factory=dict)
    score: float | None = None
    results: int = 0  # how many results the score is the mean of

    @property
    def counted(self) -> int:
        return sum(self.counts.values())

    def share(self, rating: str) -> float | None:
        return self.counts.get(rating, 0) / self.counted if self.counted else None


@dataclass(frozen=True)
class Group:
    """Coverage and compliance of the county, a tier or a township."""

    key: str  # "county", a tier's word, or a township's id ("" for the county college)
    label: str
    sites: int  # in scope
    inspected: int  # with a result in the period
    shares: Shares

    @property
    def coverage(self) -> float | None:
        return self.inspected / self.sites if self.sites else None


@dataclass(frozen=True)
class IndicatorFigures:
    id: str
    level: int  # 1 or 2
    label: str
    shares: Shares


@dataclass(frozen=True)
class Problem:
    """A criterion found wanting (基本符合 or 不符合) in some sites' latest results."""

    criterion_id: str
    text: str
    findings: int
    sites_rated: int  # latest results that counted a rating for it


@dataclass(frozen=True)
class SiteFigures:
    site: SiteEntry
    inspection_id: str
    visit_date: date
    score: float | None
    previous_score: float | None  # the site's result before this one (any time)
    indicators: dict[str, float | None]  # second-level indicator -> score

    @property
    def change(self) -> float | None:
        if self.score is None or self.previous_score is None:
            return None
        return self.score - self.previous_score


@dataclass(frozen=True)
class YearFigures:
    year: int
    score: float | None  # the county's mean of that year's latest results
    sites: int
    townships: dict[str, float | None]  # township id -> mean score


@dataclass(frozen=True)
class Overview:
    period: Period
    today: date
    ratings: tuple[tuple[str, str, str], ...]  # counted options: id, 中文, English
    county: Group
    tiers: tuple[Group, ...]
    townships: tuple[Group, ...]
    indicators: tuple[IndicatorFigures, ...]  # level 1 then its level 2, in checklist order
    problems: tuple[Problem, ...]  # most findings first
    sites: tuple[SiteFigures, ...]  # ranking: best score first, unscored last
    never_inspected: tuple[SiteEntry, ...]
    stale: tuple[tuple[SiteEntry, date], ...]  # last result older than stale_years
    years: tuple[YearFigures, ...]
    moved_up: int
    moved_down: int


def _mean(values: Iterable[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return sum(known) / len(known) if known else None


def _shares(summaries: Sequence[InspectionSummary], counted: set[str],
            pick: str | None = None) -> Shares:
    """Counted ratings and mean score over ``summaries`` (of the whole, or the indicator
    ``pick``)."""
    counts: Counter[str] = Counter()
    scores = []
    for summary in summaries:
        parts = [summary.overall] if pick is None else \
            [s for s in (*summary.level1, *summary.level2) if s.id == pick]
        for part in parts:
            counts.update({r: n for r, n in part.counts.items() if r in counted})
            scores.append(part.score)
    return Shares(dict(counts), _mean(scores), sum(1 for s in scores if s is not None))


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def overview(sites: Sequence[SiteEntry], results: Iterable[Result],
             templates: Mapping[str, ChecklistTemplate], period: Period, today: date,
             stale_years: int = 3) -> Overview:
    """The figures for ``sites`` (the scope) from ``results`` (those that count)."""
    in_scope = {site.id: site for site in sites}
    by_site: dict[str, list[Result]] = defaultdict(list)
    for result in results:
        if result.site_id in in_scope and result.template_key in templates:
            by_site[result.site_id].append(result)
    for found in by_site.values():
        found.sort(key=lambda r: (r.visit_date, r.inspection_id))
    summaries: dict[str, InspectionSummary] = {}

    def summary_of(result: Result) -> InspectionSummary:
        if result.inspection_id not in summaries:
            summaries[result.inspection_id] = summarize(
                templates[result.template_key], result.tier, result.ratings)
        return summaries[result.inspection_id]

    latest: dict[str, Result] = {}
    for site_id, found in by_site.items():
        inside = [r for r in found if period.holds(r.visit_date)]
        if inside:
            latest[site_id] = inside[-1]
    reference = next(iter(templates.values()), None)
    scale = reference.rating_scale if reference is not None else ()
    counted = {o.id for o in scale if o.counted}

    def group(key: str, label: str, members: Sequence[SiteEntry]) -> Group:
        chosen = [summary_of(latest[s.id]) for s in members if s.id in latest]
        return Group(key, label, len(members), len(chosen), _shares(chosen, counted))

    county = group("county", "全县", list(in_scope.values()))
    tiers = tuple(group(tier.value, tier_label(tier),
                        [s for s in in_scope.values() if s.tier is tier])
                  for tier in TIER_ORDER if any(s.tier is tier for s in in_scope.values()))
    townships_named: dict[str, str] = {}
    for site in in_scope.values():
        townships_named.setdefault(site.township_id or "",
                                   site.township_name or NO_TOWNSHIP)
    townships = tuple(sorted(
        (group(tid, name, [s for s in in_scope.values() if (s.township_id or "") == tid])
         for tid, name in townships_named.items()), key=lambda g: (g.key == "", g.label)))

    chosen = [summary_of(r) for r in latest.values()]
    indicators: list[IndicatorFigures] = []
    if reference is not None:
        for level1 in reference.indicators:
            indicators.append(IndicatorFigures(level1.id, 1, level1.label(),
                                               _shares(chosen, counted, level1.id)))
            for level2 in level1.indicators:
                indicators.append(IndicatorFigures(level2.id, 2, level2.label(),
                                                   _shares(chosen, counted, level2.id)))

    wanting: Counter[str] = Counter()
    rated: Counter[str] = Counter()
    texts: dict[str, str] = {}
    for result in latest.values():
        template = templates[result.template_key]
        for criterion in template.criteria(result.tier):
            option = next((o for o in template.rating_scale
                           if o.id == result.ratings.get(criterion.id)), None)
            if option is None or not option.counted:
                continue
            rated[criterion.id] += 1
            texts.setdefault(criterion.id, criterion.text.zh)
            if is_finding(option.score, option.counted):
                wanting[criterion.id] += 1
    problems = tuple(Problem(cid, texts[cid], n, rated[cid])
                     for cid, n in sorted(wanting.items(), key=lambda kv: (-kv[1], kv[0])))

    figures = []
    for site_id, result in latest.items():
        summary = summary_of(result)
        earlier = [r for r in by_site[site_id] if (r.visit_date, r.inspection_id)
                   < (result.visit_date, result.inspection_id)]
        previous = summary_of(earlier[-1]).overall.score if earlier else None
        figures.append(SiteFigures(in_scope[site_id], result.inspection_id, result.visit_date,
                                   summary.overall.score, previous,
                                   {s.id: s.score for s in summary.level2}))
    figures.sort(key=lambda f: (f.score is None, -(f.score or 0.0), f.site.code or "",
                                f.site.name))

    never = tuple(s for s in in_scope.values() if s.id not in by_site)
    limit = _years_before(today, stale_years)
    stale = tuple((in_scope[sid], found[-1].visit_date) for sid, found in sorted(by_site.items())
                  if found[-1].visit_date < limit)

    yearly: dict[int, dict[str, Result]] = defaultdict(dict)
    for site_id, found in by_site.items():
        for result in found:
            yearly[result.visit_date.year][site_id] = result  # the year's latest wins
    years = []
    for year in sorted(yearly):
        chosen_year = yearly[year]
        per_township: dict[str, list[float | None]] = defaultdict(list)
        for site_id, result in chosen_year.items():
            per_township[in_scope[site_id].township_id or ""].append(
                summary_of(result).overall.score)
        years.append(YearFigures(
            year, _mean(summary_of(r).overall.score for r in chosen_year.values()),
            len(chosen_year), {tid: _mean(scores) for tid, scores in sorted(per_township.items())}))

    changes = [f.change for f in figures if f.change is not None]
    return Overview(
        period, today,
        tuple((o.id, o.label.zh, o.label.en) for o in scale if o.counted),
        county, tiers, townships, tuple(indicators), problems, tuple(figures),
        tuple(sorted(never, key=lambda s: (TIER_ORDER.index(s.tier), s.code or "", s.name))),
        stale, tuple(years), sum(1 for c in changes if c > 0), sum(1 for c in changes if c < 0))
