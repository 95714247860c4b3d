"""Supervision campaigns (督导计划): a draw kept whole, and the assignments it made.

A campaign stores what its draw was made from (the rules, the registry's sites and
the inspectors with their caps and 回避, as they were) and the outcome, so the draw
can be made again from the record alone and compared (:func:`redraw`). Each drawn
site becomes one assignment naming its inspectors; the assignments travel to the
laptops as every assignment does, and show pending, in progress, done or overdue.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlmodel import Session, col, select

from inspector.domain.draw import Draw, draw
from inspector.domain.draw_rules import Inspector, Rules, Site
from inspector.domain.supervision import CAMPAIGN_KIND_WORDS, CampaignKind, SupervisionError
from inspector.domain.tiers import Tier
from inspector.services import text_limits
from inspector.services.assignment_state import AssignmentState
from inspector.storage.models import Campaign, CampaignAssignment


@dataclass(frozen=True)
class CampaignView:
    id: str
    name: str
    kind: CampaignKind
    period_start: date
    period_end: date
    created_by: str
    seed: int | str
    fingerprint: str
    assignment_ids: tuple[str, ...]
    states: dict[AssignmentState, int] = field(default_factory=dict)

    @property
    def kind_words(self) -> tuple[str, str]:
        return CAMPAIGN_KIND_WORDS[self.kind]


def _inputs(sites: list[Site], inspectors: list[Inspector], rules: Rules) -> str:
    return json.dumps({
        "rules": rules.as_dict(),
        "sites": [{"id": s.id, "name": s.name, "tier": s.tier.value,
                   "township_id": s.township_id, "township_name": s.township_name}
                  for s in sorted(sites, key=lambda s: s.id)],
        "inspectors": [{"id": i.id, "name": i.name, "cap": i.cap,
                        "avoid_sites": sorted(i.avoid_sites),
                        "avoid_townships": sorted(i.avoid_townships)}
                       for i in sorted(inspectors, key=lambda i: i.id)],
    }, ensure_ascii=False, sort_keys=True)


def _outcome(result: Draw) -> str:
    return json.dumps({
        "groups": [{"label": g.label, "in_scope": g.in_scope, "drawn": g.drawn}
                   for g in result.groups],
        "pairs": [{"site_id": p.site.id, "site_name": p.site.name,
                   "inspectors": [i.name for i in p.inspectors]} for p in result.pairings],
    }, ensure_ascii=False, sort_keys=True)


def draw_sites(session: Session) -> list[Site]:
    """Every site of the registry as a draw sees it, with its township (a village station's
    is the township school it hangs under; the county college has none), by id."""
    from inspector.services.rectification_ledger import townships
    from inspector.storage.models import Site as SiteRow

    places = townships(session)
    return [Site(row.id, row.name, Tier(row.tier), *(places[row.id] if places[row.id][0]
                                                     else (None, None)))
            for row in sorted(session.exec(select(SiteRow)).all(), key=lambda r: r.id)]


def create_campaign(session: Session, name: str, kind: CampaignKind, period_start: date,
                    period_end: date, sites: list[Site], inspectors: list[Inspector],
                    result: Draw, created_by: str, today: date) -> Campaign:
    """Keep the campaign with its draw and make one assignment per drawn site."""
    from inspector.services.sync.assignments import add_assignment

    title = name.strip()
    if not title:
        raise SupervisionError("请填写督导计划名称 / give the campaign a name")
    text_limits.check_text(text_limits.LETTER_FIELD, title, SupervisionError)
    text_limits.check_text(text_limits.ACTOR, created_by.strip(), SupervisionError)
    if period_end < period_start:
        raise SupervisionError("结束日期早于开始日期 / the period ends before it starts")
    if period_end < today:
        raise SupervisionError(f"督导期限 {period_end.isoformat()} 已经过去 / the period ends "
                               f"in the past ({period_end.isoformat()})")
    if not result.pairings:
        raise SupervisionError("抽取结果中没有场所 / the draw chose no site")
    campaign = Campaign(name=title, kind=kind, period_start=period_start, period_end=period_end,
                        created_by=created_by.strip(), seed=json.dumps(result.seed),
                        fingerprint=result.fingerprint,
                        inputs=_inputs(sites, inspectors, result.rules),
                        outcome=_outcome(result))
    session.add(campaign)
    session.flush()
    for pairing in result.pairings:
        assignment = add_assignment(session, pairing.site.id,
                                    "、".join(i.name for i in pairing.inspectors),
                                    period_start, period_end, f"{title}（{kind_zh(kind)}）")
        session.add(CampaignAssignment(campaign_id=campaign.id, assignment_id=assignment.id))
    session.flush()
    return campaign


def kind_zh(kind: CampaignKind) -> str:
    return CAMPAIGN_KIND_WORDS[kind][0]


def get_campaign(session: Session, campaign_id: str) -> Campaign:
    campaign = session.get(Campaign, campaign_id)
    if campaign is None:
        raise SupervisionError(f"没有这个督导计划 / no such campaign: {campaign_id}")
    return campaign


def redraw(campaign: Campaign) -> Draw:
    """The draw made again from what the campaign recorded (equal to the first if nothing
    in the record was changed)."""
    data: dict[str, Any] = json.loads(campaign.inputs)
    sites = [Site(s["id"], s["name"], Tier(s["tier"]), s["township_id"], s["township_name"])
             for s in data["sites"]]
    inspectors = [Inspector(i["id"], i["name"], i["cap"], frozenset(i["avoid_sites"]),
                            frozenset(i["avoid_townships"])) for i in data["inspectors"]]
    return draw(sites, inspectors, Rules.from_dict(data["rules"]), json.loads(campaign.seed))


def list_campaigns(session: Session, today: date) -> list[CampaignView]:
    """Every campaign, newest first, with how many of its assignments stand where."""
    from inspector.services.sync.assignments import assignment_states

    states = assignment_states(session, today)
    links: dict[str, list[str]] = {}
    for link in session.exec(select(CampaignAssignment)).all():
        links.setdefault(link.campaign_id, []).append(link.assignment_id)
    views = []
    for c in session.exec(select(Campaign).order_by(col(Campaign.period_start).desc(),
                                                     col(Campaign.created_at).desc())).all():
        ids = tuple(sorted(links.get(c.id, [])))
        counted = Counter(states[i] for i in ids if i in states)
        views.append(CampaignView(c.id, c.name, c.kind, c.period_start, c.period_end,
                                  c.created_by, json.loads(c.seed), c.fingerprint, ids,
                                  dict(counted)))
    return views
