"""What a draw is made from: the registry's sites, the office's inspectors (with their caps
and what they must step aside from, 回避) and the rules (scope, sample, inspectors per site),
and the one failure a draw has. The draw itself is :mod:`inspector.domain.draw`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from inspector.domain.tiers import TIER_ORDER, Tier
from inspector.errors import UserError


class DrawError(UserError):
    """The rules cannot be met, or are not valid; nothing was drawn."""


@dataclass(frozen=True)
class Site:
    """A site of the registry; the county college has no township."""

    id: str
    name: str
    tier: Tier
    township_id: str | None = None
    township_name: str | None = None


@dataclass(frozen=True)
class Inspector:
    """At most ``cap`` sites (None: no limit); never one of ``avoid_sites`` nor a site of
    ``avoid_townships`` (回避)."""

    id: str
    name: str
    cap: int | None = None
    avoid_sites: frozenset[str] = frozenset()
    avoid_townships: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        if self.cap is not None and self.cap < 0:
            raise DrawError(f"督导人员「{self.name}」的上限不能为负数 / the cap of inspector "
                            f"{self.name} cannot be negative: give 0 or more")

    def may_inspect(self, site: Site) -> bool:
        return site.id not in self.avoid_sites and site.township_id not in self.avoid_townships


class GroupBy(StrEnum):
    """How the sites in scope are grouped for the sample."""

    NONE = "none"  # the whole scope is one group
    TIER = "tier"
    TOWNSHIP = "township"  # the county college is a group of its own
    TIER_TOWNSHIP = "tier_township"


@dataclass(frozen=True)
class Group:
    """A group of the sample; what the grouping does not use is None."""

    tier: Tier | None = None
    township_id: str | None = None


def group_order(group: Group) -> tuple[int, str]:
    """Groups in the order of the tiers, then of their townships' ids."""
    return (-1 if group.tier is None else TIER_ORDER.index(group.tier), group.township_id or "")


@dataclass(frozen=True)
class Quota:
    """How many sites of a group: ``count``, ``percent`` of them rounded up, or (neither) all."""

    count: int | None = None
    percent: int | None = None

    def __post_init__(self) -> None:
        if (self.count is not None and (self.percent is not None or self.count < 1)) or (
                self.percent is not None and not 1 <= self.percent <= 100):
            zh = "、".join([f"数量 {self.count}"] * (self.count is not None)
                          + [f"比例 {self.percent}%"] * (self.percent is not None))
            en = " and ".join([f"count {self.count}"] * (self.count is not None)
                              + [f"share {self.percent}%"] * (self.percent is not None))
            raise DrawError(f"抽样不能是{zh}：须给数量（至少 1）或比例（1% 到 100%）之一 / a "
                            f"sample cannot be {en}: give a count (1 or more) or a share (1% to "
                            f"100%)")

    def of(self, size: int) -> int:
        if self.count is not None:
            return self.count
        return size if self.percent is None else (size * self.percent + 99) // 100


@dataclass(frozen=True)
class SiteScope:
    """Which sites may be drawn: each filter given narrows it; an empty one lets all in."""

    tiers: frozenset[Tier] = frozenset()
    township_ids: frozenset[str] = frozenset()
    site_ids: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Sample:
    """Every group gets ``quota`` unless ``overrides`` names it (kept sorted)."""

    group_by: GroupBy = GroupBy.NONE
    quota: Quota = Quota()
    overrides: tuple[tuple[Group, Quota], ...] = ()

    def __post_init__(self) -> None:
        ordered = tuple(sorted(self.overrides, key=lambda item: group_order(item[0])))
        object.__setattr__(self, "overrides", ordered)
        if len({group for group, _ in ordered}) < len(ordered):
            raise DrawError("抽样规则中有一组写了两次，请只留一条 / the sample names a group "
                            "twice: keep one rule per group")


@dataclass(frozen=True)
class Rules:
    """What to draw (the seed, chosen after the rules are fixed, is given apart)."""

    scope: SiteScope = SiteScope()
    sample: Sample = Sample()
    inspectors_per_site: int = 2

    def __post_init__(self) -> None:
        if self.inspectors_per_site < 1:
            raise DrawError(f"每个场所须至少派 1 名督导人员（不是 {self.inspectors_per_site}）"
                            f"/ each site needs at least 1 inspector, not "
                            f"{self.inspectors_per_site}")

    def as_dict(self) -> dict[str, Any]:
        """The rules as plain JSON values, sets sorted: what the fingerprint covers."""
        def quota(q: Quota) -> dict[str, int | None]:
            return {"count": q.count, "percent": q.percent}
        return {"inspectors_per_site": self.inspectors_per_site,
                "scope": {"tiers": sorted(t.value for t in self.scope.tiers),
                          "township_ids": sorted(self.scope.township_ids),
                          "site_ids": sorted(self.scope.site_ids)},
                "sample": {"group_by": self.sample.group_by.value,
                           "quota": quota(self.sample.quota),
                           "overrides": [{"tier": g.tier and g.tier.value,
                                          "township_id": g.township_id, **quota(q)}
                                         for g, q in self.sample.overrides]}}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Rules:
        """The rules back from :meth:`as_dict` (as a campaign stores them)."""
        def quota(d: Mapping[str, Any]) -> Quota:
            return Quota(d["count"], d["percent"])
        scope, sample = data["scope"], data["sample"]
        return cls(SiteScope(frozenset(Tier(t) for t in scope["tiers"]),
                             frozenset(scope["township_ids"]), frozenset(scope["site_ids"])),
                   Sample(GroupBy(sample["group_by"]), quota(sample["quota"]),
                          tuple((Group(o["tier"] and Tier(o["tier"]), o["township_id"]),
                                 quota(o)) for o in sample["overrides"])),
                   data["inspectors_per_site"])
