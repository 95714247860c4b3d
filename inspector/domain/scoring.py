"""Summaries of an inspection's ratings, derived entirely from the template.

The score of a rating option, whether it is counted at all (不适用 is not),
and the weights of criteria and indicators all come from the template file.
An indicator score is the weighted mean of its counted criteria; a level-1
score is the weighted mean of its level-2 scores; the overall score is the
weighted mean of the level-1 scores. Anything with nothing counted has no
score and is left out of its parent.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from inspector.domain.outline import outline
from inspector.domain.templates import ChecklistTemplate, Criterion
from inspector.domain.tiers import Tier


@dataclass(frozen=True)
class Answer:
    """The rating (None: not rated yet) and the note given to one criterion."""

    rating: str | None
    note: str


@dataclass(frozen=True)
class Summary:
    """Result of one indicator (or the whole checklist)."""

    id: str
    label: str
    total: int  # criteria that apply
    rated: int  # criteria with any rating
    counts: Mapping[str, int]  # rating id -> how many
    score: float | None  # 0..1, None when nothing was counted

    @property
    def complete(self) -> bool:
        return self.rated == self.total

    @property
    def percent(self) -> str:
        return format_percent(self.score)


def format_percent(score: float | None) -> str:
    """A score as every screen and report shows it: one decimal ("96.9%"), "—" for none."""
    return "—" if score is None else f"{score * 100:.1f}%"


@dataclass(frozen=True)
class InspectionSummary:
    overall: Summary
    level1: tuple[Summary, ...]
    level2: tuple[Summary, ...]


def _weighted_mean(pairs: Iterable[tuple[float, float | None]]) -> float | None:
    numerator = denominator = 0.0
    for weight, score in pairs:
        if score is None:
            continue
        numerator += weight * score
        denominator += weight
    return None if denominator == 0 else numerator / denominator


def summarize(
    template: ChecklistTemplate,
    tier: Tier,
    ratings: Mapping[str, str],
    language: str = "zh",
) -> InspectionSummary:
    """Summarise ``ratings`` (criterion id -> rating id) for a site of ``tier``.

    Ratings for criteria that do not apply to the tier, and unknown rating ids,
    are ignored rather than counted.
    """
    scale = {option.id: option for option in template.rating_scale}

    def criterion_score(criterion: Criterion) -> float | None:
        option = scale.get(ratings.get(criterion.id, ""))
        if option is None or not option.counted:
            return None
        return option.score

    def tally(criteria: Iterable[Criterion]) -> tuple[int, int, Counter[str]]:
        counts: Counter[str] = Counter()
        total = 0
        for criterion in criteria:
            total += 1
            rating = ratings.get(criterion.id)
            if rating in scale:
                counts[rating] += 1
        return total, sum(counts.values()), counts

    walk = outline(template, tier)
    level2_summaries: list[Summary] = []
    level1_summaries: list[Summary] = []
    level1_scores: list[tuple[float, float | None]] = []
    for level1 in walk.indicators:
        level2_scores: list[tuple[float, float | None]] = []
        for section in level1.sections:
            level2, criteria = section.indicator, section.criteria
            score = _weighted_mean((c.weight, criterion_score(c)) for c in criteria)
            total, rated, counts = tally(criteria)
            level2_summaries.append(
                Summary(level2.id, level2.label(language), total, rated, dict(counts), score)
            )
            level2_scores.append((level2.weight, score))
        score = _weighted_mean(level2_scores)
        total, rated, counts = tally(level1.criteria)
        indicator = level1.indicator
        level1_summaries.append(
            Summary(indicator.id, indicator.label(language), total, rated, dict(counts), score)
        )
        level1_scores.append((indicator.weight, score))

    total, rated, counts = tally(walk.criteria)
    overall = Summary(
        "overall",
        template.tier_name(tier, language),
        total,
        rated,
        dict(counts),
        _weighted_mean(level1_scores),
    )
    return InspectionSummary(overall, tuple(level1_summaries), tuple(level2_summaries))
