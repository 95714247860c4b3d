"""Shared by the tests of the county overview's documents (the report, the public notice,
their command line): the demo county office with one site's poor result today, the figures
``inspector overview show --format json`` prints, and the figures of a generated county."""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from inspector import assets
from inspector.app_paths import AppPaths
from inspector.cli import main
from inspector.domain.overview import Period, Result, SiteEntry, overview
from inspector.domain.templates import load_template
from inspector.domain.tiers import TIER_ORDER, Tier
from inspector.services import inspections
from inspector.services.api import office
from inspector.services.context import AppContext, open_context
from inspector.services.overview import CountyOverview, OverviewFilter, TownshipItems
from inspector.services.sites import site_id_for_code
from inspector.services.sync.demo_roles import prepare_demo
from inspector.services.sync.identity import Role

TODAY = date.today()
LOW_SITE = "330799201203"  # given a poor result today, so that it scores below 60%


def low_result(context: AppContext, code: str, day: date) -> str:
    """An approved inspection of ``code`` that finds most criteria wanting."""
    with context.db.transaction() as session:
        visit = inspections.start_inspection(session, site_id_for_code(code), day,
                                             inspectors="张三")
        for n, criterion in enumerate(inspections.load_state(session, visit.id).criteria):
            rating = ("not_met", "partly", "not_met", "not_applicable", "meets")[n % 5]
            inspections.set_rating(session, visit.id, criterion.id, rating)
            if rating != "meets":
                inspections.set_note(session, visit.id, criterion.id, "说明")
        inspections.complete(session, visit.id, "张三")
    office.approve(context, visit.id, "王主任")
    return visit.id


def demo_office(root: Path) -> AppContext:
    """The demo county office (several years of results, letters and items) and one
    site's poor result today."""
    context = open_context(AppPaths.resolve(root / "office"))
    prepare_demo(context, Role.OFFICE)
    low_result(context, LOW_SITE, TODAY)
    return context


def shown(capsys: pytest.CaptureFixture[str], context: AppContext, *args: str) -> Any:
    code = main(["overview", "show", "--format", "json", "--data-dir",
                 str(context.paths.data_dir), *args])
    out, err = capsys.readouterr()
    assert code == 0, err
    return json.loads(out)


def county_of(sites: int, townships: int, seed: int = 7) -> CountyOverview:
    """Figures of a generated county (plain records through the domain's overview):
    ``sites`` sites in ``townships`` townships, three years of results."""
    template = load_template(assets.resource("checklists",
                                             "community-education-3tier.v1.json"))
    key = f"{template.id}@{template.version}"
    rng = random.Random(seed)
    entries, results = [], []
    for n in range(sites):
        tier = TIER_ORDER[0] if n == 0 else (Tier.TOWNSHIP if n <= townships else Tier.VILLAGE)
        township = None if n == 0 else f"t{(n - 1) % townships:02d}"
        name = f"第{n:03d}号站点" if tier is Tier.VILLAGE else f"站点{n:03d}"
        entries.append(SiteEntry(f"s{n}", name, f"3307{n:08d}", tier, township,
                                 f"{int(township[1:]) + 1}号乡镇社区学校" if township else ""))
        for year in (2024, 2025, 2026):
            good = rng.random()
            ratings = {c.id: rng.choices(["meets", "partly", "not_met", "not_applicable"],
                                         [good * 8 + 1, 1, 1.5 - good, 0.3])[0]
                       for c in template.criteria(tier)}
            results.append(Result(f"i{n}-{year}", f"s{n}", date(year, 3, 1)
                                  + timedelta(days=n % 200), key, tier, ratings))
    figures = overview(entries, results, {key: template}, Period(), date(2026, 12, 1))
    items = tuple(TownshipItems(f"t{n:02d}", f"{n + 1}号乡镇社区学校", n % 4, n % 2, n % 3)
                  for n in range(townships))
    return CountyOverview(figures, OverviewFilter(), "", items)
