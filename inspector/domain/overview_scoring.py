"""The overview's scoring of many results: :func:`~inspector.domain.scoring.summarize`'s
figures for one checklist and tier (counted ratings and scores of the whole, of each first-
and second-level indicator), worked out by the same sums in the same order, so to the same
last bit, but from the ratings as option numbers in the tier's criterion order, without
making a ``Summary`` for every result, and each distinct set of ratings once.

A county's results are mostly alike (every criterion 符合 but one or two), so a few
thousand distinct sets of ratings are kept; past that, each is worked out again.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from typing import NamedTuple

from inspector.domain.outline import outline
from inspector.domain.supervision import is_finding
from inspector.domain.templates import ChecklistTemplate
from inspector.domain.tiers import Tier

#: Distinct sets of ratings kept per checklist and tier.
KEPT = 4096
_UNKNOWN = object()

#: A result's ratings as option numbers (the option's place in the rating scale), one per
#: criterion of the tier in checklist order; None: not rated, or not an option.
Options = tuple[int | None, ...]


def weighted_mean(pairs: Iterable[tuple[float, float | None]]) -> float | None:
    """As :mod:`~inspector.domain.scoring` takes it: what has no score is left out."""
    numerator = denominator = 0.0
    for weight, score in pairs:
        if score is None:
            continue
        numerator += weight * score
        denominator += weight
    return None if denominator == 0 else numerator / denominator


class Part(NamedTuple):
    """One indicator (or the whole checklist) of one result: how many times each option
    was given (by option number) and the score."""

    id: str
    counts: tuple[int, ...]
    score: float | None


class Scored(NamedTuple):
    overall: Part
    parts: tuple[Part, ...]  # the first-level indicators, then the second-level ones
    level2: dict[str, float | None]  # second-level indicator -> score (not to be changed)


class TierScoring:
    """One checklist for one tier: its criteria, its options and how they add up. Each
    second-level indicator is worked out once for each distinct set of its ratings, and so
    is each first-level one."""

    def __init__(self, template: ChecklistTemplate, tier: Tier) -> None:
        walk = outline(template, tier)
        scale = template.rating_scale
        self.names = tuple(option.id for option in scale)
        self.numbers = {option.id: n for n, option in enumerate(scale)}
        self.scores = tuple(o.score if o.counted else None for o in scale)
        self.counted = tuple(option.counted for option in scale)
        self.findings = tuple(is_finding(o.score, o.counted) for o in scale)
        criteria = walk.criteria
        self.ids = tuple(criterion.id for criterion in criteria)
        self.texts = tuple((criterion.text.zh, criterion.text.en) for criterion in criteria)
        self.nothing: Options = (None,) * len(self.ids)
        # first-level indicators: (id, weight, first criterion, end, their sections), and
        # the sections: (id, weight, first criterion within the indicator, end, weights)
        layout, at = [], 0
        for level1 in walk.indicators:
            sections, inside = [], 0
            for section in level1.sections:
                weights = tuple(criterion.weight for criterion in section.criteria)
                sections.append((section.indicator.id, section.indicator.weight, inside,
                                 inside + len(weights), weights))
                inside += len(weights)
            layout.append((level1.indicator.id, level1.indicator.weight, at, at + inside,
                           tuple(sections)))
            at += inside
        self.layout = tuple(layout)
        self._sections: list[list[dict[Options, Part]]] = [
            [{} for _ in sections] for *_rest, sections in self.layout]
        #: each first-level indicator's weight, criteria, and scores by their ratings
        self._overall: tuple[tuple[float, tuple[str, ...],
                                   dict[tuple[str | None, ...], float | None]], ...] = tuple(
            (weight, self.ids[start:end], {}) for _id, weight, start, end, _s in self.layout)
        self._parts: list[dict[Options, tuple[Part, tuple[Part, ...]]]] = [
            {} for _ in self.layout]
        self._kept: dict[Options, Scored] = {}

    def options(self, ratings: Mapping[str, str]) -> Options:
        """``ratings`` (criterion id -> rating id) as option numbers."""
        return tuple(map(self.numbers.get, map(ratings.get, self.ids)))  # type: ignore[arg-type]

    def overall(self, ratings: Mapping[str, str]) -> float | None:
        """The score of the whole for ``ratings`` (criterion id -> rating id): the same
        number as :meth:`scored`'s (the weighted mean written out, as it sums)."""
        get = ratings.get
        numerator = denominator = 0.0
        for n, (weight, ids, found) in enumerate(self._overall):
            given = tuple(map(get, ids))
            score = found.get(given, _UNKNOWN)
            if score is _UNKNOWN:
                options = tuple(map(self.numbers.get, given))  # type: ignore[arg-type]
                score = weighted_mean([(part_weight, part.score) for part_weight, part
                                       in self._level2(n, options)])
                if len(found) < KEPT:
                    found[given] = score
            if score is not None:
                numerator += weight * score  # type: ignore[operator]
                denominator += weight
        return None if denominator == 0 else numerator / denominator

    def scored(self, options: Options) -> Scored:
        found = self._kept.get(options)
        if found is not None:
            return found
        size = len(self.scores)
        total = [0] * size
        pairs = []
        level1: list[Part] = []
        level2: list[Part] = []
        for n, (_id, weight, start, end, _sections) in enumerate(self.layout):
            given = options[start:end]
            parts = self._parts[n].get(given)
            if parts is None:
                parts = self._work_out(n, given)
            first, seconds = parts
            level1.append(first)
            level2.extend(seconds)
            pairs.append((weight, first.score))
            for k, count in enumerate(first.counts):
                total[k] += count
        found = Scored(Part("overall", tuple(total), weighted_mean(pairs)), (*level1, *level2),
                       {part.id: part.score for part in level2})
        if len(self._kept) < KEPT:
            self._kept[options] = found
        return found

    def _level2(self, n: int, given: Options) -> list[tuple[float, Part]]:
        """The sections of the ``n``-th first-level indicator, for ``given`` (the ratings of
        its criteria): each one's weight and figures."""
        found = []
        for m, (id2, weight2, start, end, weights) in enumerate(self.layout[n][4]):
            mine = given[start:end]
            kept = self._sections[n][m]
            part = kept.get(mine)
            if part is None:
                part = _section(id2, mine, weights, self.scores)
                if len(kept) < KEPT:
                    kept[mine] = part
            found.append((weight2, part))
        return found

    def _work_out(self, n: int, given: Options) -> tuple[Part, tuple[Part, ...]]:
        """The ``n``-th first-level indicator and its second-level ones, for ``given``."""
        sections = self._level2(n, given)
        counts = [0] * len(self.scores)
        for _weight, part in sections:
            for k, count in enumerate(part.counts):
                counts[k] += count
        found = (Part(self.layout[n][0], tuple(counts),
                      weighted_mean([(weight, part.score) for weight, part in sections])),
                 tuple(part for _weight, part in sections))
        if len(self._parts[n]) < KEPT:
            self._parts[n][given] = found
        return found


def _section(indicator_id: str, given: Options, weights: tuple[float, ...],
             scores: tuple[float | None, ...]) -> Part:
    """A second-level indicator: its criteria's weighted mean (as ``summarize`` sums it)."""
    counts = [0] * len(scores)
    numerator = denominator = 0.0
    for weight, option in zip(weights, given, strict=True):
        if option is None:
            continue
        counts[option] += 1
        score = scores[option]
        if score is not None:
            numerator += weight * score
            denominator += weight
    return Part(indicator_id, tuple(counts), None if denominator == 0
                else numerator / denominator)


class Tally:
    """The scores (in the order added) and counted ratings of one group or indicator."""

    __slots__ = ("_rows", "scores")

    def __init__(self) -> None:
        self.scores: list[float | None] = []
        self._rows: dict[tuple[str, ...], list[tuple[int, ...]]] = {}

    def add(self, names: tuple[str, ...], part: Part) -> None:
        """``part``, its counts by the option names ``names``."""
        self.scores.append(part.score)
        self._rows.setdefault(names, []).append(part.counts)

    def adders(self, names: tuple[str, ...]) -> tuple[Callable[[float | None], None],
                                                      Callable[[tuple[int, ...]], None]]:
        """What :meth:`add` does, as two steps for many parts by the same names: add the
        score, add the counts."""
        return self.scores.append, self._rows.setdefault(names, []).append

    def counts(self, counted: set[str]) -> dict[str, int]:
        """How many times each counted rating was given (those given at all)."""
        found: dict[str, int] = {}
        for names, rows in self._rows.items():
            for counts, times in Counter(rows).items():  # results mostly alike
                for name, count in zip(names, counts, strict=True):
                    if count and name in counted:
                        found[name] = found.get(name, 0) + count * times
        return found
