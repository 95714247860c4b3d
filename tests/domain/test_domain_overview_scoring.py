"""The overview's bulk scoring gives :func:`summarize`'s numbers to the last bit (weights
that are not whole numbers, 不适用, missing and unknown ratings, each tier), and the
overview reads the ratings of only the results its figures need, once."""

from __future__ import annotations

import copy
import json
import random
from collections.abc import Collection, Iterator, Mapping
from datetime import date

import pytest

from inspector import assets
from inspector.domain.overview import Period, Result, SiteEntry, figures, overview
from inspector.domain.overview_scoring import TierScoring
from inspector.domain.scoring import summarize
from inspector.domain.templates import ChecklistTemplate, parse_template
from inspector.domain.tiers import Tier

SHIPPED = json.loads(assets.real_path(assets.resource(
    "checklists", "community-education-3tier.v1.json")).read_text(encoding="utf-8"))


def _uneven() -> ChecklistTemplate:
    """The shipped checklist with weights whose sums are not exact in binary."""
    raw = copy.deepcopy(SHIPPED)
    rng = random.Random(3)
    for level1 in raw["indicators"]:
        level1["weight"] = rng.choice((0.1, 0.3, 1.7))
        for level2 in level1["indicators"]:
            level2["weight"] = rng.choice((0.2, 0.7, 1.1))
            for criterion in level2["criteria"]:
                criterion["weight"] = rng.choice((0.1, 0.3, 2.9))
    return parse_template(raw)


@pytest.mark.parametrize("tier", list(Tier))
def test_the_same_numbers_as_summarize(tier: Tier) -> None:
    template = _uneven()
    scoring = TierScoring(template, tier)
    rng = random.Random(tier.value)
    ids = [c.id for c in template.criteria(tier)]
    choices = ["meets", "partly", "not_met", "not_applicable", "unknown", None]
    for _ in range(300):
        ratings = {c: r for c in ids if (r := rng.choice(choices)) is not None}
        expected = summarize(template, tier, ratings)
        scored = scoring.scored(scoring.options(ratings))
        assert scored.overall.score == expected.overall.score  # exactly
        assert scoring.overall(ratings) == expected.overall.score
        names = scoring.names
        for part, summary in zip(scored.parts, (*expected.level1, *expected.level2),
                                 strict=True):
            assert part.id == summary.id and part.score == summary.score
            assert {names[n]: k for n, k in enumerate(part.counts) if k} == summary.counts
        assert scored.level2 == {s.id: s.score for s in expected.level2}


def test_only_the_results_needed_are_read_once() -> None:
    template = parse_template(SHIPPED)
    key = f"{template.id}@{template.version}"
    ids = [c.id for c in template.criteria(Tier.VILLAGE)]
    site = SiteEntry("s1", "一村", "330700000001", Tier.VILLAGE, None, "")
    days = [date(2023, 3, 1), date(2024, 2, 1), date(2024, 9, 1), date(2025, 5, 1),
            date(2025, 6, 1)]
    results = [Result(f"i{n}", "s1", day, key, Tier.VILLAGE,
                      {c: ("meets", "partly", "not_met")[(n + k) % 3]
                       for k, c in enumerate(ids)}) for n, day in enumerate(days)]
    by_id = {r.inspection_id: r.ratings for r in results}
    asked: list[list[str]] = []

    def read(wanted: Collection[str]) -> Iterator[tuple[str, Mapping[str, str]]]:
        asked.append(sorted(wanted))
        return ((i, by_id[i]) for i in wanted)

    period = Period(date(2024, 1, 1), date(2024, 12, 31))
    found = figures([site], results, read, {key: template}, period, date(2026, 1, 1))
    # 2024's latest (the period's), the one before it, and each year's latest
    assert asked == [["i0", "i1", "i2", "i4"]]
    assert found == overview([site], results, {key: template}, period, date(2026, 1, 1))
    assert found.sites[0].inspection_id == "i2"
    assert found.sites[0].previous_score == summarize(
        template, Tier.VILLAGE, results[1].ratings).overall.score
    assert [(y.year, y.score) for y in found.years] == [
        (day.year, summarize(template, Tier.VILLAGE, results[n].ratings).overall.score)
        for n, day in ((0, days[0]), (2, days[2]), (4, days[4]))]
