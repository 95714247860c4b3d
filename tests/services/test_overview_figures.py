"""The overview's figures are right: computed again here in plain Python over the rows and
the checklist files (weighted means written out, not the program's scoring), on data with
不适用, revisits, two checklist versions (one criterion fewer, another weight), results
awaiting review, a returned one and a site long unvisited, then compared with
``inspector overview show --format json``."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sync_helpers import installation

from inspector import assets
from inspector.cli import main
from inspector.domain.templates import parse_template
from inspector.services import inspections, templates
from inspector.services.api import office
from inspector.services.context import AppContext
from inspector.services.sites import site_id_for_code
from inspector.services.sync.identity import Role

SHIPPED = json.loads(assets.real_path(assets.resource(
    "checklists", "community-education-3tier.v1.json")).read_text(encoding="utf-8"))
SCORES = {o["id"]: (o["score"], o["counted"]) for o in SHIPPED["rating_scale"]}


def _version_2() -> dict[str, Any]:
    """The guideline's next version: a criterion fewer, another criterion weighing three."""
    raw = copy.deepcopy(SHIPPED)
    raw["version"] = 2
    first = raw["indicators"][0]["indicators"][0]["criteria"]
    raw["indicators"][0]["indicators"][0]["criteria"] = [c for c in first
                                                         if c["id"] != "facilities.v2"]
    raw["indicators"][1]["indicators"][0]["criteria"][0]["weight"] = 3.0
    return raw


def _visit(context: AppContext, code: str, day: date, pattern: dict[int, str]) -> str:
    """A completed inspection: criterion n (in checklist order) rated pattern.get(n, meets)."""
    with context.db.transaction() as session:
        visit = inspections.start_inspection(session, site_id_for_code(code), day,
                                             inspectors="张三")
        for n, criterion in enumerate(inspections.load_state(session, visit.id).criteria):
            rating = pattern.get(n, "meets")
            inspections.set_rating(session, visit.id, criterion.id, rating)
            if rating != "meets":
                inspections.set_note(session, visit.id, criterion.id, "说明")
        inspections.complete(session, visit.id, "张三")
        return visit.id


def _score(raw: dict[str, Any], tier: str, ratings: dict[str, str]) -> float | None:
    """The weighted means of the guideline, written out: criteria → second level → first
    level → overall, each leaving out what has nothing counted."""
    def mean(pairs: list[tuple[float, float | None]]) -> float | None:
        known = [(w, s) for w, s in pairs if s is not None]
        total = sum(w for w, _ in known)
        return sum(w * s for w, s in known) / total if total else None

    level1 = []
    for first in raw["indicators"]:
        level2 = []
        for second in first["indicators"]:
            pairs = []
            for criterion in second["criteria"]:
                if tier not in criterion["tiers"]:
                    continue
                score, counted = SCORES.get(ratings.get(criterion["id"], ""), (None, False))
                pairs.append((criterion.get("weight", 1.0), score if counted else None))
            if pairs:
                level2.append((second["weight"], mean(pairs)))
        if level2:
            level1.append((first["weight"], mean(level2)))
    return mean(level1)


@pytest.fixture
def county(tmp_path: Path) -> Iterator[tuple[AppContext, dict[str, str], dict[str, Any]]]:
    context = installation(tmp_path, "office", Role.OFFICE)
    made: dict[str, str] = {}
    made["a_old"] = _visit(context, "330799001001", date(2024, 5, 10), {0: "not_met", 3: "partly"})
    made["c"] = _visit(context, "330799101201", date(2026, 2, 1), {1: "not_applicable"})
    made["d"] = _visit(context, "330799000000", date(2021, 1, 5), {2: "not_met"})
    raw2 = _version_2()
    with context.db.transaction() as session:
        templates.register(session, parse_template(raw2))
    made["a_new"] = _visit(context, "330799001001", date(2026, 6, 1),
                           {0: "partly", 2: "not_applicable", 4: "not_met"})
    made["b_awaiting"] = _visit(context, "330799001002", date(2026, 3, 1), {0: "not_met"})
    made["e_returned"] = _visit(context, "330799001003", date(2026, 4, 1), {})
    for key in ("a_old", "c", "d", "a_new"):
        office.approve(context, made[key], "王主任")
    office.return_inspection(context, made["e_returned"], "王主任", "请补充")
    yield context, made, raw2
    context.close()


def _ratings(context: AppContext, inspection_id: str) -> tuple[str, dict[str, str]]:
    with context.db.session() as session:
        state = inspections.load_state(session, inspection_id)
        return state.tier.value, {cid: r.rating for cid, r in state.responses.items()
                                  if r.rating}


def _shown(capsys: pytest.CaptureFixture[str], context: AppContext, *args: str) -> Any:
    code = main(["overview", "show", "--format", "json", "--data-dir",
                 str(context.paths.data_dir), *args])
    out, err = capsys.readouterr()
    assert code == 0, err
    return json.loads(out)


def test_the_county_figures_agree_with_a_plain_count(
        capsys: pytest.CaptureFixture[str],
        county: tuple[AppContext, dict[str, str], dict[str, Any]]) -> None:
    context, made, raw2 = county
    shown = _shown(capsys, context, "--from", "2026-01-01", "--to", "2026-12-31")
    # In 2026, approved: A's new visit (version 2) and C's (version 1); B awaits, E returned.
    latest = {"330799001001": (made["a_new"], raw2), "330799101201": (made["c"], SHIPPED)}
    counts: dict[str, int] = {}
    scores = []
    for inspection_id, raw in latest.values():
        tier, ratings = _ratings(context, inspection_id)
        for rating in ratings.values():
            if SCORES[rating][1]:
                counts[rating] = counts.get(rating, 0) + 1
        scores.append(_score(raw, tier, ratings))
    with context.db.session() as session:
        from sqlmodel import func, select

        from inspector.storage.models import Site

        all_sites = session.exec(select(func.count()).select_from(Site)).one()
    assert shown["county"]["sites"] == all_sites
    assert shown["county"]["inspected"] == 2
    assert shown["county"]["counts"] == counts  # 不适用 left out
    assert shown["county"]["score"] == pytest.approx(sum(scores) / len(scores))
    by_code = {s["code"]: s for s in shown["sites"]}
    assert set(by_code) == set(latest)
    for code, (inspection_id, raw) in latest.items():
        tier, ratings = _ratings(context, inspection_id)
        assert by_code[code]["score"] == pytest.approx(_score(raw, tier, ratings))
    # A's previous result (2024, version 1) is what its change is measured from.
    tier, old = _ratings(context, made["a_old"])
    assert by_code["330799001001"]["previous_score"] == pytest.approx(_score(SHIPPED, tier, old))
    # Ranking: best first.
    assert [s["score"] for s in shown["sites"]] == sorted((s["score"] for s in shown["sites"]),
                                                          reverse=True)
    # Every finding of the latest results is a common problem, counted once per site.
    wanting: dict[str, int] = {}
    for inspection_id, _raw in latest.values():
        for cid, rating in _ratings(context, inspection_id)[1].items():
            if rating in ("partly", "not_met"):
                wanting[cid] = wanting.get(cid, 0) + 1
    assert {p["criterion_id"]: p["findings"] for p in shown["common_problems"]} == wanting


def test_everything_received_and_long_unvisited(
        capsys: pytest.CaptureFixture[str],
        county: tuple[AppContext, dict[str, str], dict[str, Any]]) -> None:
    context, _made, _raw2 = county
    shown = _shown(capsys, context, "--all-received")
    # B's result awaiting review counts now; E, returned, is a draft again and never does.
    codes = {s["code"] for s in shown["sites"]}
    assert "330799001002" in codes and "330799001003" not in codes
    approved = _shown(capsys, context)
    assert "330799001002" not in {s["code"] for s in approved["sites"]}
    # The county college's last result is from 2021: more than three years ago.
    assert [s["code"] for s in approved["stale"]] == ["330799000000"]
    never = {s["code"] for s in approved["never_inspected"]}
    assert "330799001002" in never and "330799001001" not in never
    years = {y["year"]: y for y in approved["years"]}
    assert set(years) == {2021, 2024, 2026} and years[2026]["sites"] == 2
    assert approved["moved_up"] + approved["moved_down"] == 1  # only A has two results


def test_a_township_and_a_tier_narrow_the_scope(
        capsys: pytest.CaptureFixture[str],
        county: tuple[AppContext, dict[str, str], dict[str, Any]]) -> None:
    context, _made, _raw2 = county
    shown = _shown(capsys, context, "--township", "城关街道社区学校", "--tier", "village")
    assert {s["code"] for s in shown["sites"]} == {"330799001001"}
    assert shown["county"]["sites"] == 4  # 城关街道's four village stations
