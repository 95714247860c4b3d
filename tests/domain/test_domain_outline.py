"""The one walk of a tier's checklist: indicators, sections and numbered criteria."""

from __future__ import annotations

from typing import Any

import pytest

from inspector import assets
from inspector.domain.outline import outline
from inspector.domain.scoring import summarize
from inspector.domain.templates import ChecklistTemplate, load_template, parse_template
from inspector.domain.tiers import TIER_ORDER, Tier


def _text(zh: str) -> dict[str, str]:
    return {"zh": zh, "en": zh.upper()}


def _criterion(identifier: str, *tiers: str) -> dict[str, Any]:
    return {"id": identifier, "text": _text(identifier), "tiers": list(tiers)}


def _small() -> ChecklistTemplate:
    """Village criteria only under 一 (a) and 三; 二 has none for a village at all."""
    return parse_template({
        "schema": 1, "id": "small", "version": 1, "title": _text("t"), "source": _text("s"),
        "tiers": [{"id": t, "name": _text(t)} for t in ("county", "township", "village")],
        "rating_scale": [
            {"id": "yes", "label": _text("yes"), "score": 1, "counted": True},
            {"id": "no", "label": _text("no"), "score": 0, "counted": True},
        ],
        "indicators": [
            {"id": "one", "number": "一、", "title": _text("一"), "indicators": [
                {"id": "one-a", "number": "（一）", "title": _text("a"), "criteria": [
                    _criterion("c1", "county", "village"), _criterion("c2", "village")]},
                {"id": "one-b", "number": "（二）", "title": _text("b"), "criteria": [
                    _criterion("c3", "county", "township")]},
            ]},
            {"id": "two", "number": "二、", "title": _text("二"), "indicators": [
                {"id": "two-a", "number": "（一）", "title": _text("a"), "criteria": [
                    _criterion("c4", "county", "township")]},
            ]},
            {"id": "three", "number": "三、", "title": _text("三"), "indicators": [
                {"id": "three-a", "number": "（一）", "title": _text("a"), "criteria": [
                    _criterion("c5", "village"), _criterion("c6", "county", "village"),
                    _criterion("c7", "township", "village")]},
            ]},
        ],
    })


def test_a_tier_keeps_only_its_criteria_and_drops_empty_indicators() -> None:
    walk = outline(_small(), Tier.VILLAGE)
    assert [level1.indicator.id for level1 in walk.indicators] == ["one", "three"]
    assert [[s.indicator.id for s in level1.sections] for level1 in walk.indicators] == [
        ["one-a"], ["three-a"]]
    assert [c.id for c in walk.criteria] == ["c1", "c2", "c5", "c6", "c7"]
    assert [c.id for c in walk.indicators[1].criteria] == ["c5", "c6", "c7"]


def test_criteria_are_numbered_through_the_whole_tier_and_sections_by_place() -> None:
    walk = outline(_small(), Tier.VILLAGE)
    assert [(n, c.id) for n, c in walk.numbered()] == [
        (1, "c1"), (2, "c2"), (3, "c5"), (4, "c6"), (5, "c7")]
    assert walk.numbers() == {"c1": 1, "c2": 2, "c5": 3, "c6": 4, "c7": 5}
    sections = walk.sections
    assert [(s.index, s.first_number) for s in sections] == [(0, 1), (1, 3)]
    assert [(n, c.id) for n, c in sections[1].numbered()] == [(3, "c5"), (4, "c6"), (5, "c7")]


def test_each_tier_has_its_own_outline() -> None:
    template = _small()
    county = outline(template, Tier.COUNTY)
    assert [s.indicator.id for s in county.sections] == ["one-a", "one-b", "two-a", "three-a"]
    assert county.numbers() == {"c1": 1, "c3": 2, "c4": 3, "c6": 4}
    township = outline(template, Tier.TOWNSHIP)
    assert [c.id for c in township.criteria] == ["c3", "c4", "c7"]
    assert township.tier is Tier.TOWNSHIP and township.template is template


@pytest.mark.parametrize("tier", TIER_ORDER)
def test_the_shipped_guideline_walks_as_the_template_lists_it(tier: Tier) -> None:
    template = load_template(assets.checklist_files()[0])
    walk = outline(template, tier)
    assert walk.criteria == template.criteria(tier)
    assert [n for n, _c in walk.numbered()] == list(range(1, len(walk.criteria) + 1))
    assert [s.index for s in walk.sections] == list(range(len(walk.sections)))
    for level1 in walk.indicators:
        assert level1.sections, "an indicator without criteria of the tier is left out"
        for section in level1.sections:
            assert section.criteria == section.indicator.criteria_for(tier)
            assert template.level1_of(section.indicator.id) is level1.indicator
    # scoring walks the same outline: one level-2 summary per section, in order
    summary = summarize(template, tier, {})
    assert [s.id for s in summary.level2] == [s.indicator.id for s in walk.sections]
    assert [s.id for s in summary.level1] == [i.indicator.id for i in walk.indicators]
    assert summary.overall.total == len(walk.criteria)
