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
scored by its own checklist version (:func:`~inspector.domain.scoring.summarize`'s sums,
worked out in bulk by :mod:`~inspector.domain.overview_scoring`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from operator import attrgetter

from inspector.domain.overview_scoring import Options, Part, Tally, TierScoring
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


@dataclass(frozen=True, slots=True)
class Result:
    """An inspection that counts as a result, with its ratings (criterion -> rating id;
    empty when :func:`figures` is given a reader of ratings instead)."""

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
    label: str  # 中文
    shares: Shares
    label_en: str = ""


@dataclass(frozen=True)
class Problem:
    """A criterion found wanting (基本符合 or 不符合) in some sites' latest results."""

    criterion_id: str
    text: str  # 中文
    findings: int
    sites_rated: int  # latest results that counted a rating for it
    text_en: str = ""


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


#: Gives the ratings of the results asked for: (inspection id, criterion id -> rating id)
#: for each that has any, in any order (and maybe of others, which are left out).
RatingsReader = Callable[[Collection[str]], Iterable[tuple[str, Mapping[str, str]]]]


def _mean(values: Iterable[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return sum(known) / len(known) if known else None


def _shares(tally: Tally, counted: set[str]) -> Shares:
    """The ``counted`` ratings and the mean score of what ``tally`` added up."""
    scores = tally.scores
    return Shares(tally.counts(counted), _mean(scores), sum(1 for s in scores if s is not None))


def _problems(chosen: Mapping[TierScoring, tuple[list[int], list[Options]]]
              ) -> tuple[Problem, ...]:
    """The criteria found wanting in the latest results (``chosen``: each checklist's
    results, as their places in the latest results and their ratings), most often first;
    each criterion's text from the first result that counted a rating for it."""
    wanting: Counter[str] = Counter()
    rated: Counter[str] = Counter()
    texts: dict[str, tuple[int, tuple[str, str]]] = {}
    for plan, (places, rows) in chosen.items():
        for n, column in enumerate(zip(*rows, strict=True)):
            given = Counter(column)
            counted = sum(k for option, k in given.items()
                          if option is not None and plan.counted[option])
            if not counted:
                continue
            criterion_id = plan.ids[n]
            rated[criterion_id] += counted
            wanting[criterion_id] += sum(k for option, k in given.items()
                                         if option is not None and plan.findings[option])
            first = next(place for place, option in zip(places, column, strict=True)
                         if option is not None and plan.counted[option])
            if criterion_id not in texts or first < texts[criterion_id][0]:
                texts[criterion_id] = (first, plan.texts[n])
    return tuple(Problem(cid, texts[cid][1][0], n, rated[cid], texts[cid][1][1])
                 for cid, n in sorted(wanting.items(), key=lambda kv: (-kv[1], kv[0])) if n)


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _chosen(by_site: Mapping[str, list[Result]], period: Period
            ) -> tuple[dict[str, Result], dict[str, Result], dict[int, dict[str, Result]]]:
    """Each site's latest result in the period, the result before it, and each year's
    latest results (``by_site``'s lists are put in order)."""
    latest: dict[str, Result] = {}
    previous: dict[str, Result] = {}
    yearly: dict[int, dict[str, Result]] = defaultdict(dict)
    order = attrgetter("visit_date", "inspection_id")
    start, end = period.start, period.end
    for site_id, found in by_site.items():
        found.sort(key=order)
        last = -1
        for place, result in enumerate(found):
            day = result.visit_date
            if (start is None or day >= start) and (end is None or day <= end):
                last = place
            yearly[day.year][site_id] = result  # the year's latest wins
        if last >= 0:
            latest[site_id] = found[last]
            if last > 0:
                previous[site_id] = found[last - 1]
    return latest, previous, yearly


def _read(read: RatingsReader, latest: Mapping[str, Result], previous: Mapping[str, Result],
          yearly: Mapping[int, Mapping[str, Result]],
          scoring: Callable[[Result], TierScoring]
          ) -> tuple[dict[str, Options], dict[str, float | None]]:
    """The ratings of the ``latest`` results, and the overall score of the others the
    figures need, each read once."""
    needed = {r.inspection_id: r for chosen in yearly.values() for r in chosen.values()}
    needed.update((r.inspection_id, r) for r in previous.values())
    latest_ids = {r.inspection_id for r in latest.values()}
    needed.update((r.inspection_id, r) for r in latest.values())
    overall: dict[str, float | None] = {}  # inspection -> score
    kept: dict[str, Options] = {}
    for inspection_id, ratings in read(list(needed)):
        wanted = needed.get(inspection_id)
        if wanted is not None:
            plan = scoring(wanted)
            if inspection_id in latest_ids:
                kept[inspection_id] = plan.options(ratings)
            else:
                overall[inspection_id] = plan.overall(ratings)
    for inspection_id, result in needed.items():  # no ratings at all
        if inspection_id not in latest_ids and inspection_id not in overall:
            overall[inspection_id] = scoring(result).overall({})
    return kept, overall


def overview(sites: Sequence[SiteEntry], results: Iterable[Result],
             templates: Mapping[str, ChecklistTemplate], period: Period, today: date,
             stale_years: int = 3) -> Overview:
    """The figures for ``sites`` (the scope) from ``results`` (those that count, each with
    its ratings)."""
    found = list(results)
    ratings = {result.inspection_id: result.ratings for result in found}
    return figures(sites, found, lambda ids: ((i, ratings[i]) for i in ids if i in ratings),
                   templates, period, today, stale_years)


def figures(sites: Sequence[SiteEntry], results: Iterable[Result], read: RatingsReader,
            templates: Mapping[str, ChecklistTemplate], period: Period, today: date,
            stale_years: int = 3) -> Overview:
    """The figures for ``sites`` from ``results``, whose ratings ``read`` gives: asked once,
    for the results the figures need (each site's latest in the period, the one before it,
    and each year's latest), the rest never read."""
    in_scope = {site.id: site for site in sites}
    by_site: dict[str, list[Result]] = defaultdict(list)
    for result in results:
        if result.site_id in in_scope and result.template_key in templates:
            by_site[result.site_id].append(result)
    latest, previous, yearly = _chosen(by_site, period)
    scorings: dict[tuple[str, Tier], TierScoring] = {}

    def scoring(result: Result) -> TierScoring:
        key = (result.template_key, result.tier)
        found = scorings.get(key)
        if found is None:
            found = scorings[key] = TierScoring(templates[result.template_key], result.tier)
        return found

    kept, overall = _read(read, latest, previous, yearly, scoring)
    reference = next(iter(templates.values()), None)
    scale = reference.rating_scale if reference is not None else ()
    counted = {o.id for o in scale if o.counted}
    tallies: dict[str, Tally] = {}
    if reference is not None:
        for level1 in reference.indicators:
            tallies[level1.id] = Tally()
            tallies.update((level2.id, Tally()) for level2 in level1.indicators)
    #: for each checklist, where each part of a result goes (its indicator's adders)
    routes: dict[TierScoring, tuple[tuple[Callable[[float | None], None],
                                          Callable[[tuple[int, ...]], None]] | None, ...]] = {}
    chosen: dict[TierScoring, tuple[list[int], list[Options]]] = defaultdict(lambda: ([], []))
    wholes: dict[str, tuple[tuple[str, ...], Part]] = {}
    level2_scores: dict[str, dict[str, float | None]] = {}
    for place, (site_id, result) in enumerate(latest.items()):
        plan = scoring(result)
        options = kept.get(result.inspection_id, plan.nothing)
        scored = plan.scored(options)
        overall[result.inspection_id] = scored.overall.score
        wholes[site_id] = (plan.names, scored.overall)
        route = routes.get(plan)
        if route is None:
            route = routes[plan] = tuple(
                tallies[part.id].adders(plan.names) if part.id in tallies else None
                for part in scored.parts)
        for part, adders in zip(scored.parts, route, strict=True):
            if adders is not None:
                adders[0](part.score)
                adders[1](part.counts)
        level2_scores[site_id] = dict(scored.level2)
        places, rows = chosen[plan]
        places.append(place)
        rows.append(options)
    problems = _problems(chosen)

    def group(key: str, label: str, members: Sequence[SiteEntry]) -> Group:
        tally = Tally()
        for site in members:
            if site.id in wholes:
                tally.add(*wholes[site.id])
        return Group(key, label, len(members), len(tally.scores), _shares(tally, counted))

    by_tier: dict[Tier, list[SiteEntry]] = defaultdict(list)
    by_township: dict[str, list[SiteEntry]] = defaultdict(list)
    townships_named: dict[str, str] = {}
    for site in in_scope.values():
        by_tier[site.tier].append(site)
        by_township[site.township_id or ""].append(site)
        townships_named.setdefault(site.township_id or "", site.township_name or NO_TOWNSHIP)
    county = group("county", "全县", list(in_scope.values()))
    tiers = tuple(group(tier.value, tier_label(tier), by_tier[tier])
                  for tier in TIER_ORDER if by_tier.get(tier))
    townships = tuple(sorted((group(tid, name, by_township[tid])
                              for tid, name in townships_named.items()),
                             key=lambda g: (g.key == "", g.label)))

    indicators: list[IndicatorFigures] = []
    if reference is not None:
        for level1 in reference.indicators:
            indicators.append(IndicatorFigures(
                level1.id, 1, level1.label(), _shares(tallies[level1.id], counted),
                level1.label("en")))
            indicators.extend(IndicatorFigures(
                level2.id, 2, level2.label(), _shares(tallies[level2.id], counted),
                level2.label("en")) for level2 in level1.indicators)
    sites_figures = []
    for site_id, result in latest.items():
        before = previous.get(site_id)
        sites_figures.append(SiteFigures(
            in_scope[site_id], result.inspection_id, result.visit_date,
            overall[result.inspection_id],
            overall[before.inspection_id] if before is not None else None,
            level2_scores[site_id]))
    sites_figures.sort(key=lambda f: (f.score is None, -(f.score or 0.0), f.site.code or "",
                                      f.site.name))

    never = tuple(s for s in in_scope.values() if s.id not in by_site)
    limit = _years_before(today, stale_years)
    stale = tuple((in_scope[sid], found[-1].visit_date) for sid, found in sorted(by_site.items())
                  if found[-1].visit_date < limit)

    years = []
    for year in sorted(yearly):
        chosen_year = yearly[year]
        per_township: dict[str, list[float | None]] = defaultdict(list)
        for site_id, result in chosen_year.items():
            per_township[in_scope[site_id].township_id or ""].append(
                overall[result.inspection_id])
        years.append(YearFigures(
            year, _mean(overall[r.inspection_id] for r in chosen_year.values()),
            len(chosen_year), {tid: _mean(scores) for tid, scores in sorted(per_township.items())}))

    changes = [f.change for f in sites_figures if f.change is not None]
    return Overview(
        period, today,
        tuple((o.id, o.label.zh, o.label.en) for o in scale if o.counted),
        county, tiers, townships, tuple(indicators), problems, tuple(sites_figures),
        tuple(sorted(never, key=lambda s: (TIER_ORDER.index(s.tier), s.code or "", s.name))),
        stale, tuple(years), sum(1 for c in changes if c > 0), sum(1 for c in changes if c < 0))
