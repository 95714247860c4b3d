"""The demo county office's supervision loop, so a clerk can try every screen at once: a
campaign with its draw, inspections in every review state, issued letters, items open,
reported, overdue and closed, and a re-inspection that closed one item and kept one open.

Built through the same services the office uses, dated around the visits of the demo
(May and June 2026) and around ``today`` for what must still be running. Loading it
again changes nothing (it is skipped once the demo campaign exists).
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from sqlmodel import Session, select

from inspector.domain.draw import draw
from inspector.domain.draw_rules import GroupBy, Inspector, Quota, Rules, Sample, SiteScope
from inspector.domain.supervision import CampaignKind, ItemState, Verdict
from inspector.domain.tiers import Tier
from inspector.services import campaigns, rectification, reinspection, review
from inspector.services.context import AppContext
from inspector.services.demo_inspections import (
    VISITS,
    DemoVisit,
    add_demo_visit,
    demo_id,
    load_demo_inspections,
)
from inspector.services.inspections import complete, get_inspection, template_for
from inspector.services.photo_store import PhotoStore
from inspector.services.rectification_ledger import record_report
from inspector.services.sites import site_id_for_code
from inspector.storage.models import Campaign
from inspector.storage.models import Site as SiteRow

DEMO_CAMPAIGN = "2026年冬季社区教育办学点综合督导（演示）"
REVIEWER = "王主任"
#: The office's inspectors for the demo draw: one steps aside from 溪口镇 (回避), one has a cap.
DEMO_INSPECTORS = (
    Inspector("demo-wjg", "王建国"), Inspector("demo-lxy", "李秀英"), Inspector("demo-zm", "赵明"),
    Inspector("demo-zhm", "张明"),
    Inspector("demo-lh", "李华", avoid_townships=frozenset({site_id_for_code("330799101000")})),
    Inspector("demo-wf", "王芳", cap=2),
)
#: Two more visits: one waiting for review, one the office returned with comments.
AWAITING = DemoVisit("330799101201", "demo-visit-2026-11-awaiting", date(2026, 11, 18),
                     "张明、李华", "曾立军（站长）", "教学站运行正常，个别台账待完善。",
                     partly=(3,), not_met=(), not_counted=(), photos=())
RETURNED = DemoVisit("330799102201", "demo-visit-2026-11-returned", date(2026, 11, 20),
                     "王芳", "吕国平（站长）", "总体较好。", partly=(1,), not_met=(7,),
                     not_counted=(), photos=())


@dataclass(frozen=True)
class DemoOfficeResult:
    added: bool
    letters: int = 0
    items: int = 0


def load_demo_office(context: AppContext, today: date) -> DemoOfficeResult:
    with context.db.session() as session:
        if session.exec(select(Campaign).where(Campaign.name == DEMO_CAMPAIGN)).first():
            return DemoOfficeResult(False)
    load_demo_inspections(context)  # the two visits with photos, as received from the field
    store = PhotoStore.for_paths(context.paths)
    with tempfile.TemporaryDirectory(prefix="inspector-demo-") as folder:
        for visit in (AWAITING, RETURNED):
            with context.db.transaction() as session:
                add_demo_visit(session, store, visit, Path(folder))
        with context.db.transaction() as session:
            _history(session, store, Path(folder))
    with context.db.transaction() as session:
        _returned(session)
        letters = [_letter(session, VISITS[0], date(2026, 5, 20), date(2026, 6, 20)),
                   _letter(session, VISITS[1], date(2026, 6, 10), today + timedelta(days=20))]
        _items_moved(session, letters[1], today)
        _reinspection(session, letters[0], today)
        _campaign(session, today)
        items = sum(len(rectification.letter_items(session, letter)) for letter in letters)
    return DemoOfficeResult(True, len(letters), items)


#: The years before the demo's own visits: each site visited most years, scores improving.
HISTORY_YEARS = (2022, 2023, 2024, 2025)


def _history(session: Session, store: PhotoStore, folder: Path) -> None:
    """Earlier approved results of most sites (no photos), for the overview's trends: which
    sites are visited, and which criteria are found wanting, follow from the site's code and
    the year alone, so every demo office holds the same."""
    sites = sorted(campaigns.draw_sites(session), key=lambda site: site.id)
    codes = {row.id: row.code for row in session.exec(select(SiteRow)).all()}
    for year in HISTORY_YEARS:
        for number, site in enumerate(sites):
            code = codes.get(site.id)
            if code is None or (number + year) % 4 == 0:  # a quarter of the sites skip a year
                continue
            wanting = max(0, 5 - (year - 2022) - number % 3)  # fewer findings year by year
            visit = DemoVisit(
                code, f"demo-history-{year}", date(year, 3 + number % 8, 5 + number % 20),
                "王建国、李秀英", "", "", partly=tuple(range(1, 1 + wanting, 2)),
                not_met=tuple(range(2, 2 + wanting, 2)), not_counted=(), photos=())
            if add_demo_visit(session, store, visit, folder) is not None:
                review.approve(session, demo_id(code, visit.label), REVIEWER)


def _returned(session: Session) -> None:
    inspection_id = demo_id(RETURNED.site_code, RETURNED.label)
    inspection = get_inspection(session, inspection_id)
    finding = template_for(session, inspection).criteria(inspection.tier)[7].id
    review.return_inspection(session, inspection_id, REVIEWER,
                             "第8项评为不符合，但说明中缺少现场依据，请补充照片后再提交。",
                             {finding: "请补充现场照片，说明未落实的具体情况。"})


def _letter(session: Session, visit: DemoVisit, issued: date, deadline: date) -> str:
    inspection_id = demo_id(visit.site_code, visit.label)
    review.approve(session, inspection_id, REVIEWER, "同意")
    letter = rectification.draft_letter(session, inspection_id)
    first = rectification.letter_items(session, letter.id)[0]
    rectification.edit_item(session, first.id, rectification.ItemChange(
        responsible=visit.site_staff.split("（")[0]), issued)
    rectification.issue_letter(session, letter.id, deadline, REVIEWER, issued)
    return letter.id


def _items_moved(session: Session, letter_id: str, today: date) -> None:
    """The June letter: one item reported by the site, one verified and closed."""
    reported, closed, *_ = rectification.letter_items(session, letter_id)
    record_report(session, reported.id, today - timedelta(days=5),
                  "已制定师资管理制度并公示，附制度文本。", REVIEWER, today)
    rectification.set_state(session, closed.id, ItemState.VERIFIED, "现场电话核实已整改")
    rectification.set_state(session, closed.id, ItemState.CLOSED)


def _reinspection(session: Session, letter_id: str, today: date) -> None:
    """The May letter's items re-inspected: the first rectified (closed), the others not
    (kept open, overdue since June)."""
    items = rectification.letter_items(session, letter_id)
    site_id = items[0].site_id
    order = reinspection.order_reinspection(session, site_id, "赵明", today - timedelta(days=10),
                                            today - timedelta(days=3))
    inspection = reinspection.start_reinspection(session, order.id, today - timedelta(days=4))
    for number, item in enumerate(items):
        if number == 0:
            reinspection.record_check(session, inspection.id, item.id, Verdict.RECTIFIED,
                                      "已建立志愿者台账，资料完整。")
        else:
            reinspection.record_check(session, inspection.id, item.id, Verdict.NOT_RECTIFIED,
                                      "仍未落实，负责人表示月底前完成。")
    complete(session, inspection.id, "赵明")
    review.approve(session, inspection.id, REVIEWER)
    reinspection.apply_checks(session, inspection.id)


def _campaign(session: Session, today: date) -> None:
    sites = campaigns.draw_sites(session)
    rules = Rules(SiteScope(tiers=frozenset({Tier.VILLAGE})),
                  Sample(GroupBy.TOWNSHIP, Quota(count=1)), inspectors_per_site=2)
    result = draw(sites, DEMO_INSPECTORS, rules, 20261201)
    campaigns.create_campaign(session, DEMO_CAMPAIGN, CampaignKind.COMPREHENSIVE,
                              today - timedelta(days=2), today + timedelta(days=28), sites,
                              list(DEMO_INSPECTORS), result, REVIEWER, today)
