"""A tier's checklist as every screen, printout and score walks it.

The guideline lists first-level indicators (一、), their second-level indicators
(（一）) and under those the criteria, each marked with the tiers it applies to.
For one tier, an indicator keeps only the criteria of that tier, and an indicator
left with none is left out. The criteria are numbered 1, 2, … through the tier's
whole checklist in guideline order: the checklist page, the blank checklist, the
report and ``inspector checklist show`` all give a criterion the same number.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from inspector.domain.templates import ChecklistTemplate, Criterion, Indicator1, Indicator2
from inspector.domain.tiers import Tier


@dataclass(frozen=True)
class SectionOutline:
    """A second-level indicator with the criteria of the tier (never none)."""

    indicator: Indicator2
    criteria: tuple[Criterion, ...]
    index: int  # place among all sections of the tier's outline, from 0
    first_number: int  # the number of its first criterion

    def numbered(self) -> Iterator[tuple[int, Criterion]]:
        """Each criterion with its number in the tier's checklist."""
        return enumerate(self.criteria, start=self.first_number)


@dataclass(frozen=True)
class IndicatorOutline:
    """A first-level indicator with its sections that have criteria of the tier (never none)."""

    indicator: Indicator1
    sections: tuple[SectionOutline, ...]

    @property
    def criteria(self) -> tuple[Criterion, ...]:
        return tuple(c for section in self.sections for c in section.criteria)


@dataclass(frozen=True)
class Outline:
    template: ChecklistTemplate
    tier: Tier
    indicators: tuple[IndicatorOutline, ...]

    @property
    def sections(self) -> tuple[SectionOutline, ...]:
        """Every second-level indicator of the tier, in order (``section.index`` is the place)."""
        return tuple(section for level1 in self.indicators for section in level1.sections)

    @property
    def criteria(self) -> tuple[Criterion, ...]:
        """The tier's criteria in guideline order, so the n-th has the number n."""
        return tuple(c for level1 in self.indicators for c in level1.criteria)

    def numbered(self) -> Iterator[tuple[int, Criterion]]:
        """Every criterion of the tier with its number."""
        for section in self.sections:
            yield from section.numbered()

    def numbers(self) -> dict[str, int]:
        """Criterion id -> its number."""
        return {criterion.id: number for number, criterion in self.numbered()}


def outline(template: ChecklistTemplate, tier: Tier) -> Outline:
    """The indicators, sections and numbered criteria of ``template`` for a site of ``tier``."""
    indicators: list[IndicatorOutline] = []
    index = 0
    number = 1
    for level1 in template.indicators:
        sections: list[SectionOutline] = []
        for level2 in level1.indicators:
            criteria = level2.criteria_for(tier)
            if not criteria:
                continue
            sections.append(SectionOutline(level2, criteria, index, number))
            index += 1
            number += len(criteria)
        if sections:
            indicators.append(IndicatorOutline(level1, tuple(sections)))
    return Outline(template, tier, tuple(indicators))
