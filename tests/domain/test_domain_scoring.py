"""Summaries per indicator and overall, with 不适用 left out of the denominator."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from inspector import assets
from inspector.domain.scoring import summarize
from inspector.domain.templates import ChecklistTemplate, load_template, parse_template
from inspector.domain.tiers import Tier


@pytest.fixture(scope="module")
def template() -> ChecklistTemplate:
    return load_template(assets.checklist_files()[0])


def test_all_meets_scores_full(template: ChecklistTemplate) -> None:
    ratings = {c.id: "meets" for c in template.criteria(Tier.VILLAGE)}
    summary = summarize(template, Tier.VILLAGE, ratings)
    assert summary.overall.score == pytest.approx(1.0)
    assert summary.overall.total == summary.overall.rated == 21
    assert summary.overall.complete
    assert len(summary.level1) == 4
    assert len(summary.level2) == 11


def test_not_applicable_is_excluded_from_the_denominator(template: ChecklistTemplate) -> None:
    facilities = [c.id for c in template.level2("facilities").criteria_for(Tier.VILLAGE)]
    ratings = {facilities[0]: "not_met", facilities[1]: "not_applicable"}
    summary = summarize(template, Tier.VILLAGE, ratings)
    level2 = {s.id: s for s in summary.level2}
    assert level2["facilities"].score == 0.0  # 0 / 1, not 0 / 2
    assert level2["facilities"].counts == {"not_met": 1, "not_applicable": 1}
    assert level2["funding"].score is None  # nothing rated yet
    assert summary.overall.rated == 2 and not summary.overall.complete
    # Only "facilities" has a score, so the overall is its score.
    assert summary.overall.score == 0.0


def test_partly_counts_half_and_everything_na_has_no_score(template: ChecklistTemplate) -> None:
    ids = [c.id for c in template.level2("facilities").criteria_for(Tier.TOWNSHIP)]
    summary = summarize(template, Tier.TOWNSHIP, {ids[0]: "meets", ids[1]: "partly"})
    assert {s.id: s.score for s in summary.level2}["facilities"] == pytest.approx(0.75)
    all_na = {c.id: "not_applicable" for c in template.criteria(Tier.TOWNSHIP)}
    assert summarize(template, Tier.TOWNSHIP, all_na).overall.score is None
    assert summarize(template, Tier.TOWNSHIP, all_na).overall.percent == "—"


def test_weights_and_scores_come_from_the_template(template: ChecklistTemplate) -> None:
    data: dict[str, Any] = copy.deepcopy(dict(template.raw))
    data["rating_scale"][1]["score"] = 0.8  # 基本符合 counts 0.8 in this variant
    data["indicators"][0]["weight"] = 3.0  # 基础保障 weighs three times as much
    variant = parse_template(json.loads(json.dumps(data)), "variant")
    ratings = {c.id: "partly" for c in variant.criteria(Tier.VILLAGE)
               if c.level1_id == "foundation"}
    ratings |= {c.id: "not_met" for c in variant.criteria(Tier.VILLAGE)
                if c.level1_id != "foundation"}
    summary = summarize(variant, Tier.VILLAGE, ratings)
    assert summary.level1[0].score == pytest.approx(0.8)
    assert summary.overall.score == pytest.approx(3 * 0.8 / (3 + 1 + 1 + 1))


def test_ratings_outside_the_tier_or_scale_are_ignored(template: ChecklistTemplate) -> None:
    county_only = template.criterion("facilities.c1")
    summary = summarize(template, Tier.VILLAGE, {county_only.id: "meets",
                                                  "facilities.v1": "bogus"})
    assert summary.overall.rated == 0 and summary.overall.score is None
