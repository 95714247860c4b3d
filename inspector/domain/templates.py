"""Checklist templates: the guideline held as data, loaded and validated.

A template file (JSON, see docs/checklist-templates.md) is the single source of
every criterion, indicator and rating option. Nothing else in the program
hard-codes a criterion.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from inspector.domain.tiers import TIER_ORDER, Tier
from inspector.errors import UserError

SUPPORTED_SCHEMA = 1
LANGUAGES = ("zh", "en")


class TemplateError(UserError):
    """A template file that cannot be used; the message names the file and the entry."""


@dataclass(frozen=True)
class Text:
    """A string in Chinese with its English translation."""

    zh: str
    en: str

    def get(self, language: str) -> str:
        return self.en if language.startswith("en") else self.zh


@dataclass(frozen=True)
class RatingOption:
    id: str
    label: Text
    score: float | None
    counted: bool
    note_required: bool


@dataclass(frozen=True)
class Criterion:
    id: str
    text: Text
    tiers: frozenset[Tier]
    weight: float
    level1_id: str
    level2_id: str

    def applies_to(self, tier: Tier) -> bool:
        return tier in self.tiers


@dataclass(frozen=True)
class Indicator2:
    id: str
    number: str
    title: Text
    weight: float
    criteria: tuple[Criterion, ...]

    def label(self, language: str = "zh") -> str:
        return f"{self.number}{self.title.get(language)}"

    def criteria_for(self, tier: Tier) -> tuple[Criterion, ...]:
        return tuple(c for c in self.criteria if c.applies_to(tier))


@dataclass(frozen=True)
class Indicator1:
    id: str
    number: str
    title: Text
    weight: float
    indicators: tuple[Indicator2, ...]

    def label(self, language: str = "zh") -> str:
        return f"{self.number}{self.title.get(language)}"


@dataclass(frozen=True)
class TierInfo:
    tier: Tier
    name: Text


@dataclass(frozen=True)
class ChecklistTemplate:
    id: str
    version: int
    title: Text
    source: Text
    tiers: tuple[TierInfo, ...]
    rating_scale: tuple[RatingOption, ...]
    indicators: tuple[Indicator1, ...]
    raw: Mapping[str, Any] = field(repr=False, compare=False, default_factory=dict)

    @property
    def key(self) -> str:
        """Template id and version, e.g. ``community-education-3tier@1``."""
        return f"{self.id}@{self.version}"

    def tier_name(self, tier: Tier, language: str = "zh") -> str:
        for info in self.tiers:
            if info.tier == tier:
                return info.name.get(language)
        raise KeyError(tier)

    def criteria(self, tier: Tier | None = None) -> tuple[Criterion, ...]:
        """Criteria in guideline order, optionally only those of one tier."""
        return tuple(
            c
            for c in self.iter_criteria()
            if tier is None or c.applies_to(tier)
        )

    def iter_criteria(self) -> Iterator[Criterion]:
        for level1 in self.indicators:
            for level2 in level1.indicators:
                yield from level2.criteria

    def criterion(self, criterion_id: str) -> Criterion:
        for criterion in self.iter_criteria():
            if criterion.id == criterion_id:
                return criterion
        raise KeyError(criterion_id)

    def level2(self, indicator_id: str) -> Indicator2:
        for level1 in self.indicators:
            for level2 in level1.indicators:
                if level2.id == indicator_id:
                    return level2
        raise KeyError(indicator_id)

    def level1_of(self, indicator2_id: str) -> Indicator1:
        for level1 in self.indicators:
            if any(level2.id == indicator2_id for level2 in level1.indicators):
                return level1
        raise KeyError(indicator2_id)

    def rating(self, rating_id: str) -> RatingOption:
        for option in self.rating_scale:
            if option.id == rating_id:
                return option
        raise KeyError(rating_id)


# --------------------------------------------------------------------------- loading


def load_template(source: Path | Traversable) -> ChecklistTemplate:
    """Read and validate a template file; raise :class:`TemplateError` naming what is wrong."""
    name = str(source) if isinstance(source, Path) else source.name
    try:
        data = json.loads(source.read_text(encoding="utf-8"))
    except OSError as exc:
        raise TemplateError(f"{name}: cannot be read ({exc.strerror or exc})") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise TemplateError(f"{name}: not a valid UTF-8 JSON file ({exc})") from exc
    template = parse_template(data, name)
    expected = f"{template.id}.v{template.version}.json"
    if source.name != expected:
        raise TemplateError(f"{name}: the file must be named {expected} (the id and version "
                            "it holds), so that two versions never share a file name")
    return template


def parse_template(data: Any, name: str = "<template>") -> ChecklistTemplate:
    return _Parser(name).template(data)


@lru_cache(maxsize=32)
def parse_stored_template(sha256: str, content: str, name: str) -> ChecklistTemplate:
    """A template version as stored in the database (parsed once per content hash)."""
    return parse_template(json.loads(content), name)


class _Parser:
    def __init__(self, name: str) -> None:
        self.name = name
        self.seen_ids: set[str] = set()

    def fail(self, where: str, problem: str) -> TemplateError:
        return TemplateError(f"{self.name}: {where}: {problem}")

    def obj(self, value: Any, where: str) -> Mapping[str, Any]:
        if not isinstance(value, Mapping):
            raise self.fail(where, "must be an object")
        return value

    def items(self, value: Any, where: str) -> Sequence[Any]:
        if not isinstance(value, list) or not value:
            raise self.fail(where, "must be a non-empty list")
        return value

    def string(self, data: Mapping[str, Any], key: str, where: str) -> str:
        value = data.get(key)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(where, f"missing or empty '{key}'")
        return value

    def text(self, data: Mapping[str, Any], key: str, where: str) -> Text:
        value = self.obj(data.get(key), f"{where}.{key}")
        for language in LANGUAGES:
            if not isinstance(value.get(language), str) or not value[language].strip():
                raise self.fail(where, f"missing {language} text in '{key}'")
        return Text(zh=value["zh"], en=value["en"])

    def weight(self, data: Mapping[str, Any], where: str) -> float:
        value = data.get("weight", 1.0)
        if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
            raise self.fail(where, f"weight must be a positive number, not {value!r}")
        return float(value)

    def new_id(self, data: Mapping[str, Any], where: str) -> str:
        identifier = self.string(data, "id", where)
        if identifier in self.seen_ids:
            raise self.fail(where, f"duplicate id '{identifier}'")
        self.seen_ids.add(identifier)
        return identifier

    def template(self, data: Any) -> ChecklistTemplate:
        root = self.obj(data, "file")
        if root.get("schema") != SUPPORTED_SCHEMA:
            raise self.fail("schema", f"unsupported schema {root.get('schema')!r}")
        template_id = self.string(root, "id", "template")
        version = root.get("version")
        if isinstance(version, bool) or not isinstance(version, int) or version < 1:
            raise self.fail("version", f"must be a positive integer, not {version!r}")
        tiers = tuple(self.tier_info(t, f"tiers[{i}]") for i, t in enumerate(
            self.items(root.get("tiers"), "tiers")))
        if sorted(t.tier for t in tiers) != sorted(TIER_ORDER):
            raise self.fail("tiers", "must name each of county, township and village once")
        scale = self.rating_scale(root.get("rating_scale"))
        indicators = tuple(
            self.level1(item, f"indicators[{i}]")
            for i, item in enumerate(self.items(root.get("indicators"), "indicators"))
        )
        template = ChecklistTemplate(
            id=template_id,
            version=version,
            title=self.text(root, "title", "template"),
            source=self.text(root, "source", "template"),
            tiers=tiers,
            rating_scale=scale,
            indicators=indicators,
            raw=root,
        )
        for tier in TIER_ORDER:
            if not template.criteria(tier):
                raise self.fail("indicators", f"no criterion applies to tier '{tier}'")
        return template

    def tier_info(self, value: Any, where: str) -> TierInfo:
        data = self.obj(value, where)
        return TierInfo(tier=self.tier(data.get("id"), where), name=self.text(data, "name", where))

    def tier(self, value: Any, where: str) -> Tier:
        try:
            return Tier(value)
        except ValueError:
            raise self.fail(where, f"unknown tier {value!r}") from None

    def rating_scale(self, value: Any) -> tuple[RatingOption, ...]:
        options = []
        ids: set[str] = set()
        for i, item in enumerate(self.items(value, "rating_scale")):
            where = f"rating_scale[{i}]"
            data = self.obj(item, where)
            option_id = self.string(data, "id", where)
            if option_id in ids:
                raise self.fail(where, f"duplicate rating id '{option_id}'")
            ids.add(option_id)
            counted = data.get("counted")
            if not isinstance(counted, bool):
                raise self.fail(where, "'counted' must be true or false")
            score = data.get("score")
            if counted:
                if isinstance(score, bool) or not isinstance(score, int | float):
                    raise self.fail(where, "a counted rating needs a numeric 'score'")
                if not 0 <= score <= 1:
                    raise self.fail(where, f"score must be between 0 and 1, not {score!r}")
            elif score is not None:
                raise self.fail(where, "a rating that is not counted must have score null")
            note_required = data.get("note_required", False)
            if not isinstance(note_required, bool):
                raise self.fail(where, "'note_required' must be true or false")
            options.append(
                RatingOption(
                    id=option_id,
                    label=self.text(data, "label", where),
                    score=None if score is None else float(score),
                    counted=counted,
                    note_required=note_required,
                )
            )
        if len(options) < 2 or not any(o.counted for o in options):
            raise self.fail("rating_scale", "needs at least two options, one of them counted")
        return tuple(options)

    def level1(self, value: Any, where: str) -> Indicator1:
        data = self.obj(value, where)
        identifier = self.new_id(data, where)
        where = f"indicator '{identifier}'"
        children = tuple(
            self.level2(item, identifier, f"{where}.indicators[{i}]")
            for i, item in enumerate(self.items(data.get("indicators"), f"{where}.indicators"))
        )
        return Indicator1(
            id=identifier,
            number=self.string(data, "number", where),
            title=self.text(data, "title", where),
            weight=self.weight(data, where),
            indicators=children,
        )

    def level2(self, value: Any, level1_id: str, where: str) -> Indicator2:
        data = self.obj(value, where)
        identifier = self.new_id(data, where)
        where = f"indicator '{identifier}'"
        criteria = tuple(
            self.criterion(item, level1_id, identifier, f"{where}.criteria[{i}]")
            for i, item in enumerate(self.items(data.get("criteria"), f"{where}.criteria"))
        )
        return Indicator2(
            id=identifier,
            number=self.string(data, "number", where),
            title=self.text(data, "title", where),
            weight=self.weight(data, where),
            criteria=criteria,
        )

    def criterion(self, value: Any, level1_id: str, level2_id: str, where: str) -> Criterion:
        data = self.obj(value, where)
        identifier = self.new_id(data, where)
        where = f"criterion '{identifier}'"
        listed = [self.tier(t, where) for t in self.items(data.get("tiers"), f"{where}.tiers")]
        tiers = frozenset(listed)
        if len(tiers) != len(listed):
            raise self.fail(where, "a tier is listed twice")
        return Criterion(
            id=identifier,
            text=self.text(data, "text", where),
            tiers=tiers,
            weight=self.weight(data, where),
            level1_id=level1_id,
            level2_id=level2_id,
        )
