"""The county overview's reads: which sites are in scope, which inspections count as results
(approved ones by default, or everything received), their ratings and checklists, and the
rectification items by township; the figures themselves are
:func:`inspector.domain.overview.figures`'s.

The reads are plain SQL on the session's connection, in bulk, whatever the size of the
registry: the sites and their townships in one query, the results in one, the ratings only
of the results the figures need (one pass over the responses, or a few hundred results at
a time when they are few), each result's ratings packed into one row; the items counted by
the database."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from inspector.domain.overview import (
    Overview,
    Period,
    RatingsReader,
    Result,
    SiteEntry,
    figures,
)
from inspector.domain.supervision import (
    OPEN_STATES,
    ItemState,
    ReviewDecision,
    SupervisionError,
)
from inspector.domain.tiers import Tier
from inspector.domain.values import EventKind, InspectionStatus
from inspector.services.templates import template_of
from inspector.storage.models import Assignment, CampaignAssignment, TemplateVersion


@dataclass(frozen=True)
class OverviewFilter:
    """What the overview covers: a period (or a campaign: its sites and period), a tier, a
    township, and whether only approved inspections count (the default)."""

    start: date | None = None
    end: date | None = None
    campaign_id: str | None = None
    tier: Tier | None = None
    township_id: str | None = None
    approved_only: bool = True
    stale_years: int = 3


@dataclass(frozen=True)
class TownshipItems:
    township_id: str
    township_name: str
    open: int  # open, reported or verified
    overdue: int  # of those, past their deadline
    closed: int


@dataclass(frozen=True)
class CountyOverview:
    figures: Overview
    filter: OverviewFilter
    campaign_name: str
    items: tuple[TownshipItems, ...]


#: Asked for more results' ratings than this share of all results, read every response once.
_ONE_PASS = 0.5
_CHUNK = 500
#: A result's ratings in one row, as a JSON object (criterion id -> rating id or null).
_RATINGS = "SELECT inspection_id, json_group_object(criterion_id, rating) FROM responses"
_RESULTS = """
SELECT i.id, i.site_id, i.visit_date, i.template_version_id, i.tier FROM inspections i
WHERE i.status = ?
  AND NOT EXISTS (SELECT 1 FROM reinspection_checks c WHERE c.inspection_id = i.id)
ORDER BY i.rowid"""


def _connection(session: Session) -> sqlite3.Connection:
    """The session's own connection (its transaction), what it holds written first."""
    session.flush()
    connection = session.connection().connection.driver_connection
    assert isinstance(connection, sqlite3.Connection)
    return connection


def registry(session: Session) -> list[SiteEntry]:
    """Every site of the registry with its township (a station's is the township school it
    hangs under; the county college has none), by id."""
    rows = {row[0]: row for row in _connection(session).execute(
        "SELECT id, name, code, tier, parent_id FROM sites")}
    township = Tier.TOWNSHIP.value
    sites = []
    for site_id in sorted(rows):
        _id, name, code, tier, _parent = rows[site_id]
        place: tuple[str | None, str] = (None, "")
        at: str | None = site_id
        seen: set[str] = set()
        while at is not None and at in rows and at not in seen:
            seen.add(at)
            if rows[at][3] == township:
                place = (at, rows[at][1])
                break
            at = rows[at][4]
        sites.append(SiteEntry(site_id, name, code, Tier(tier), *place))
    return sites


def scope(session: Session, wanted: OverviewFilter) -> tuple[list[SiteEntry], Period, str]:
    """The sites the filter covers, its period, and the campaign's name (if one)."""
    from inspector.services.campaigns import get_campaign

    sites = registry(session)
    period, name = Period(wanted.start, wanted.end), ""
    if wanted.campaign_id is not None:
        campaign = get_campaign(session, wanted.campaign_id)
        drawn = set(session.exec(
            select(Assignment.site_id).join(
                CampaignAssignment, col(CampaignAssignment.assignment_id) == Assignment.id)
            .where(CampaignAssignment.campaign_id == campaign.id)).all())
        sites = [s for s in sites if s.id in drawn]
        period, name = Period(campaign.period_start, campaign.period_end), campaign.name
    if wanted.start is not None and wanted.end is not None and wanted.end < wanted.start:
        raise SupervisionError("结束日期早于开始日期 / the period ends before it starts")
    if wanted.tier is not None:
        sites = [s for s in sites if s.tier is wanted.tier]
    if wanted.township_id is not None:
        sites = [s for s in sites if s.township_id == wanted.township_id]
    return sites, period, name


def _approved(connection: sqlite3.Connection) -> set[str]:
    """The inspections whose latest completion was approved by the last decision on it (as
    :func:`inspector.services.review.review_queue` says)."""
    completions: dict[str, tuple[str, str]] = {}  # inspection -> its latest (at, event)
    for inspection_id, at, event_id in connection.execute(
            "SELECT inspection_id, at, id FROM inspection_events WHERE kind = ?",
            (EventKind.COMPLETED.value,)):
        found = completions.get(inspection_id)
        if found is None or (at, event_id) > found:
            completions[inspection_id] = (at, event_id)
    decisions: dict[str, tuple[str, str, str]] = {}  # inspection -> its last (at, id, decision)
    for inspection_id, event_id, at, review_id, decision in connection.execute(
            "SELECT inspection_id, submission_event_id, at, id, decision FROM reviews"):
        completion = completions.get(inspection_id)
        if completion is None or completion[1] != event_id:
            continue
        found_decision = decisions.get(inspection_id)
        if found_decision is None or (at, review_id) > found_decision[:2]:
            decisions[inspection_id] = (at, review_id, decision)
    approved = ReviewDecision.APPROVED.value
    return {i for i, (_at, _id, decision) in decisions.items() if decision == approved}


def _results(connection: sqlite3.Connection, sites: list[SiteEntry], approved_only: bool
             ) -> tuple[list[Result], int]:
    """The results of ``sites`` (their checklists by key), and how many results there are
    in all."""
    keys = dict(connection.execute(
        "SELECT id, template_id || '@' || version FROM template_versions").fetchall())
    in_scope = {site.id: site.id for site in sites}
    approved = _approved(connection) if approved_only else None
    tiers = {tier.value: tier for tier in Tier}
    days: dict[str, date] = {}
    results, total = [], 0
    for inspection_id, site_id, day, version_id, tier in connection.execute(
            _RESULTS, (InspectionStatus.COMPLETED.value,)):
        if approved is not None and inspection_id not in approved:
            continue
        total += 1
        site = in_scope.get(site_id)
        if site is None:
            continue
        visit = days.get(day)
        if visit is None:
            visit = days[day] = date.fromisoformat(day)
        results.append(Result(inspection_id, site, visit, keys.get(version_id, ""),
                              tiers[tier], {}))
    return results, total


def _ratings(connection: sqlite3.Connection, total: int) -> RatingsReader:
    """Reads the ratings of the results asked for."""
    decode = json.JSONDecoder().raw_decode

    def rows(ids: Collection[str]) -> Iterator[tuple[str, str]]:
        if len(ids) > total * _ONE_PASS:  # and those of others, which are left out
            yield from connection.execute(_RATINGS + " GROUP BY inspection_id")
            return
        listed = list(ids)
        for start in range(0, len(listed), _CHUNK):
            chunk = listed[start:start + _CHUNK]
            yield from connection.execute(
                f"{_RATINGS} WHERE inspection_id IN ({', '.join('?' * len(chunk))})"
                " GROUP BY inspection_id", chunk)

    def read(ids: Collection[str]) -> Iterator[tuple[str, dict[str, str]]]:
        for inspection_id, packed in rows(ids):
            yield inspection_id, decode(packed)[0]

    return read


def _items(connection: sqlite3.Connection, sites: list[SiteEntry], today: date
           ) -> tuple[TownshipItems, ...]:
    """The items of ``sites`` (as the ledger lists them: none still a draft or dropped)
    open, overdue and closed, by township."""
    of_site = {s.id: (s.township_id or "", s.township_name) for s in sites}
    shown = [s.value for s in ItemState if s not in (ItemState.DRAFT, ItemState.DROPPED)]
    given = Counter(connection.execute(  # (site, state, overdue) -> how many
        "SELECT site_id, state, deadline IS NOT NULL AND deadline < ?"
        " FROM rectification_items NOT INDEXED"
        f" WHERE state IN ({', '.join('?' * len(shown))})", [today.isoformat(), *shown]))
    counts: dict[tuple[str, str], Counter[str]] = {}
    for (site_id, state, late), count in given.items():
        township = of_site.get(site_id)
        if township is None:
            continue
        tally = counts.setdefault(township, Counter())
        if state == ItemState.CLOSED.value:
            tally["closed"] += count
        else:
            tally["open"] += count
            if late and ItemState(state) in OPEN_STATES:
                tally["overdue"] += count
    return tuple(TownshipItems(tid, name, c["open"], c["overdue"], c["closed"])
                 for (tid, name), c in sorted(counts.items(), key=lambda kv: (kv[0][1],
                                                                              kv[0][0])))


def county_overview(session: Session, wanted: OverviewFilter, today: date) -> CountyOverview:
    if not 1 <= wanted.stale_years <= 20:
        raise SupervisionError("“多少年未检查”须在 1 到 20 年之间 / the years without a "
                               "result must be 1 to 20")
    from inspector.services.pdf.common import full_collections_deferred

    sites, period, name = scope(session, wanted)
    connection = _connection(session)
    templates = {f"{row.template_id}@{row.version}": template_of(row)
                 for row in session.exec(select(TemplateVersion)).all()}
    with full_collections_deferred():  # a province's results: no walks over them all
        results, total = _results(connection, sites, wanted.approved_only)
        data = figures(sites, results, _ratings(connection, total), templates, period, today,
                       wanted.stale_years)
        return CountyOverview(data, wanted, name, _items(connection, sites, today))


def as_json(data: CountyOverview) -> str:
    """The figures as the command line prints them (``inspector overview show``)."""
    figures = data.figures

    def shares(s: object) -> dict[str, object]:
        from inspector.domain.overview import Shares

        assert isinstance(s, Shares)
        return {"counts": s.counts, "counted": s.counted, "score": s.score,
                "results": s.results,
                "shares": {r: s.share(r) for r, _zh, _en in figures.ratings}}

    def group(g: object) -> dict[str, object]:
        from inspector.domain.overview import Group

        assert isinstance(g, Group)
        return {"key": g.key, "label": g.label, "sites": g.sites, "inspected": g.inspected,
                "coverage": g.coverage, **shares(g.shares)}

    out = {
        "period": {"start": figures.period.start.isoformat() if figures.period.start else None,
                   "end": figures.period.end.isoformat() if figures.period.end else None},
        "campaign": data.campaign_name or None,
        "approved_only": data.filter.approved_only,
        "today": figures.today.isoformat(),
        "ratings": [{"id": r, "zh": zh, "en": en} for r, zh, en in figures.ratings],
        "county": group(figures.county),
        "tiers": [group(g) for g in figures.tiers],
        "townships": [group(g) for g in figures.townships],
        "indicators": [{"id": i.id, "level": i.level, "label": i.label,
                        "label_en": i.label_en, **shares(i.shares)}
                       for i in figures.indicators],
        "common_problems": [{"criterion_id": p.criterion_id, "text": p.text,
                             "text_en": p.text_en, "findings": p.findings,
                             "sites_rated": p.sites_rated} for p in figures.problems],
        "sites": [{"site_id": f.site.id, "name": f.site.name, "code": f.site.code,
                   "tier": f.site.tier.value, "township": f.site.township_name,
                   "inspection_id": f.inspection_id, "visit_date": f.visit_date.isoformat(),
                   "score": f.score, "previous_score": f.previous_score,
                   "indicators": f.indicators} for f in figures.sites],
        "never_inspected": [{"site_id": s.id, "name": s.name, "code": s.code}
                            for s in figures.never_inspected],
        "stale": [{"site_id": s.id, "name": s.name, "code": s.code, "last": day.isoformat()}
                  for s, day in figures.stale],
        "years": [{"year": y.year, "score": y.score, "sites": y.sites, "townships": y.townships}
                  for y in figures.years],
        "moved_up": figures.moved_up,
        "moved_down": figures.moved_down,
        "rectification": [{"township_id": t.township_id, "township": t.township_name,
                           "open": t.open, "overdue": t.overdue, "closed": t.closed}
                          for t in data.items],
    }
    return json.dumps(out, ensure_ascii=False, indent=2, sort_keys=False)
