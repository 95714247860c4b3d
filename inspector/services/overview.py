"""The county overview's reads: which sites are in scope, which inspections count as results
(approved ones by default, or everything received), their ratings and checklists, and the
rectification items by township; the figures themselves are
:func:`inspector.domain.overview.overview`'s."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from inspector.domain.overview import Overview, Period, Result, SiteEntry, overview
from inspector.domain.supervision import ItemState, ReviewState, SupervisionError
from inspector.domain.tiers import Tier
from inspector.domain.values import InspectionStatus
from inspector.services.templates import template_of
from inspector.storage.models import (
    Assignment,
    CampaignAssignment,
    Inspection,
    ReinspectionCheck,
    Response,
    TemplateVersion,
)
from inspector.storage.models import Site as SiteRow


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


def scope(session: Session, wanted: OverviewFilter) -> tuple[list[SiteEntry], Period, str]:
    """The sites the filter covers, its period, and the campaign's name (if one)."""
    from inspector.services.campaigns import draw_sites, get_campaign

    code_of = {row.id: row.code for row in session.exec(select(SiteRow)).all()}
    sites = [SiteEntry(s.id, s.name, code_of.get(s.id), s.tier, s.township_id,
                       s.township_name or "") for s in draw_sites(session)]
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


def _results(session: Session, approved_only: bool) -> list[Result]:
    from inspector.services.review import review_queue

    approved = ({e.inspection_id for e in review_queue(session)
                 if e.state is ReviewState.APPROVED} if approved_only else None)
    reinspections = set(session.exec(select(ReinspectionCheck.inspection_id)).all())
    keys = {row.id: f"{row.template_id}@{row.version}"
            for row in session.exec(select(TemplateVersion)).all()}
    ratings: dict[str, dict[str, str]] = {}
    for inspection_id, criterion_id, rating in session.exec(
            select(Response.inspection_id, Response.criterion_id, Response.rating)).all():
        if rating:
            ratings.setdefault(inspection_id, {})[criterion_id] = rating
    results = []
    for row in session.exec(select(Inspection).where(
            Inspection.status == InspectionStatus.COMPLETED)).all():
        if row.id in reinspections or (approved is not None and row.id not in approved):
            continue
        results.append(Result(row.id, row.site_id, row.visit_date,
                              keys.get(row.template_version_id, ""), Tier(row.tier),
                              ratings.get(row.id, {})))
    return results


def _items(session: Session, sites: list[SiteEntry], today: date) -> tuple[TownshipItems, ...]:
    from inspector.services.rectification_ledger import LedgerFilter, list_items

    wanted = {s.id for s in sites}
    counts: dict[tuple[str, str], Counter[str]] = {}
    for row in list_items(session, LedgerFilter(), today):
        if row.site_id not in wanted:
            continue
        township = next((s.township_id or "" for s in sites if s.id == row.site_id), "")
        tally = counts.setdefault((township, row.township_name), Counter())
        if row.state == ItemState.CLOSED:
            tally["closed"] += 1
        else:
            tally["open"] += 1
            tally["overdue"] += int(row.overdue)
    return tuple(TownshipItems(tid, name, c["open"], c["overdue"], c["closed"])
                 for (tid, name), c in sorted(counts.items(), key=lambda kv: kv[0][1]))


def county_overview(session: Session, wanted: OverviewFilter, today: date) -> CountyOverview:
    if not 1 <= wanted.stale_years <= 20:
        raise SupervisionError("“多少年未检查”须在 1 到 20 年之间 / the years without a "
                               "result must be 1 to 20")
    sites, period, name = scope(session, wanted)
    templates = {f"{row.template_id}@{row.version}": template_of(row)
                 for row in session.exec(select(TemplateVersion)).all()}
    figures = overview(sites, _results(session, wanted.approved_only), templates, period,
                       today, wanted.stale_years)
    return CountyOverview(figures, wanted, name, _items(session, sites, today))


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
        "indicators": [{"id": i.id, "level": i.level, "label": i.label, **shares(i.shares)}
                       for i in figures.indicators],
        "common_problems": [{"criterion_id": p.criterion_id, "text": p.text,
                             "findings": p.findings, "sites_rated": p.sites_rated}
                            for p in figures.problems],
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
