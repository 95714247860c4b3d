"""The draw of a supervision campaign (双随机): which sites, and which inspectors go to each.

Sites are sampled at random within the rules' scope, group by group; then each drawn site
gets its number of inspectors, never one who must step aside (回避) and never beyond an
inspector's cap: among those who may go, the one with the fewest sites so far, ties by
chance; at the end sites are handed on wherever that evens the loads, so caps are reached
only when needed. Which sites are drawn does not depend on the inspectors. Everything is
sorted by id before any choice,
and the only chance is a ``random.Random`` seeded from the rules' seed, of which only
``random()`` is used (its sequence stays the same across Python versions): the same seed,
registry, inspectors and rules give the same draw in whatever order they were given. When the
rules cannot be met the draw fails whole with a :class:`DrawError`. See docs/draw.md.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import TypeVar

from inspector.domain.draw_rules import (
    DrawError,
    Group,
    GroupBy,
    Inspector,
    Rules,
    Sample,
    Site,
    SiteScope,
    group_order,
)
from inspector.domain.tiers import TIER_ORDER, tier_label

#: Named in every fingerprint: a later way of drawing gets a new name, so that an old record
#: is never checked against a method that did not make it.
METHOD = "inspector-draw-1"
_T = TypeVar("_T")
#: In a search along chains: how each inspector was reached (from whom, with which site).
_Came = dict[str, tuple[str | None, str] | None]


@dataclass(frozen=True)
class Pairing:
    """A drawn site and its inspectors, by name."""

    site: Site
    inspectors: tuple[Inspector, ...]


@dataclass(frozen=True)
class GroupOutcome:
    group: Group
    label: str  # "中文 / English": "城关镇 村（社区）教学站（点） / 城关镇, village tier"
    in_scope: int
    drawn: int


@dataclass(frozen=True)
class Draw:
    """A draw's record: the seed, the rules, the fingerprint of what it was drawn from (not
    the seed, so it can be published before the seed is chosen), and the outcome."""

    seed: int | str
    rules: Rules
    fingerprint: str  # SHA-256 of the method, sites, inspectors and rules (canonical JSON)
    groups: tuple[GroupOutcome, ...]
    pairings: tuple[Pairing, ...]  # by tier, township, site name, id
    method: str = METHOD

    def loads(self) -> dict[str, int]:
        """Sites per inspector id (those with none left out)."""
        ids = [person.id for pairing in self.pairings for person in pairing.inspectors]
        return {person_id: ids.count(person_id) for person_id in sorted(set(ids))}


def fingerprint(sites: Iterable[Site], inspectors: Iterable[Inspector], rules: Rules) -> str:
    """SHA-256 (hex) of the canonical JSON of all a draw is made from but the seed."""
    data = {"method": METHOD, "rules": rules.as_dict(),
            "sites": sorted(({"id": s.id, "name": s.name, "tier": s.tier.value,
                              "township_id": s.township_id, "township_name": s.township_name}
                             for s in sites), key=lambda s: str(s["id"])),
            "inspectors": sorted(({"id": i.id, "name": i.name, "cap": i.cap,
                                   "avoid_sites": sorted(i.avoid_sites),
                                   "avoid_townships": sorted(i.avoid_townships)}
                                  for i in inspectors), key=lambda i: str(i["id"]))}
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def draw(sites: Iterable[Site], inspectors: Iterable[Inspector], rules: Rules,
         seed: int | str) -> Draw:
    """Draw sites and pair them with inspectors, or raise :class:`DrawError`. The same inputs
    in any order give an equal :class:`Draw`."""
    if isinstance(seed, bool) or not isinstance(seed, int | str) or seed == "":
        raise DrawError(f"随机种子须是整数或一段文字（不是 {seed!r}）/ the seed must be a whole "
                        f"number or some text, not {seed!r}")
    registry = _unique(sites, lambda site: site.id, "场所", "site")
    people = _unique(inspectors, lambda person: person.id, "督导人员", "inspector")
    rng = random.Random(int.from_bytes(hashlib.sha256(json.dumps(
        seed, ensure_ascii=False).encode("utf-8")).digest(), "big"))
    chosen, groups = _sample(_in_scope(registry, rules.scope), rules.sample, rng)
    chosen.sort(key=_site_order)  # a failure names the first site of the record that fails
    paired = _pair(chosen, people, rules.inspectors_per_site, rng)
    by_id = {person.id: person for person in people}
    pairings = tuple(Pairing(site, tuple(sorted((by_id[i] for i in paired[site.id]),
                                                key=lambda p: (p.name, p.id))))
                     for site in chosen)
    return Draw(seed, rules, fingerprint(registry, people, rules), groups, pairings)


def _unique(items: Iterable[_T], ids: Callable[[_T], str], zh: str, en: str) -> list[_T]:
    ordered = sorted(items, key=ids)
    for first, second in pairwise(ordered):
        if ids(first) == ids(second):
            raise DrawError(f"{zh}编号 {ids(first)} 重复，请更正名单 / the {en} id {ids(first)} "
                            f"appears twice: correct the list")
    return ordered


def _index(rng: random.Random, size: int) -> int:
    return min(int(rng.random() * size), size - 1)


def _shuffled(rng: random.Random, items: Sequence[_T]) -> list[_T]:
    result = list(items)
    for last in range(len(result) - 1, 0, -1):
        other = _index(rng, last + 1)
        result[last], result[other] = result[other], result[last]
    return result


def _in_scope(registry: list[Site], scope: SiteScope) -> list[Site]:
    known = {site.id: site for site in registry}
    if unknown := sorted(scope.site_ids - known.keys()):
        raise DrawError(f"抽取范围中的场所 {unknown[0]} 不在名册中，请从范围中去掉它 / site "
                        f"{unknown[0]} of the draw's scope is not in the registry: remove it")
    if empty := sorted(scope.township_ids - {site.township_id for site in registry}):
        raise DrawError(f"所选乡镇 {empty[0]} 在名册中没有场所，请检查乡镇的选择 / township "
                        f"{empty[0]} chosen has no site in the registry: check the townships")

    def fits(site: Site) -> bool:
        return (not scope.tiers or site.tier in scope.tiers) and \
            (not scope.township_ids or site.township_id in scope.township_ids)
    if outside := [known[i].name for i in sorted(scope.site_ids) if not fits(known[i])]:
        raise DrawError(f"场所「{outside[0]}」不在所选层级或乡镇内，请调整范围 / site "
                        f"{outside[0]} is outside the tiers or townships chosen: change the scope")
    found = [s for s in registry if fits(s) and (not scope.site_ids or s.id in scope.site_ids)]
    if not found:
        raise DrawError("抽取范围内没有场所，请放宽层级、乡镇或场所的选择 / no site is in the "
                        "draw's scope: choose more tiers, townships or sites")
    return found


def _label(group: Group, by: GroupBy, name: str | None) -> tuple[str, str]:
    zh, en = [], []
    if group.township_id is not None or by in (GroupBy.TOWNSHIP, GroupBy.TIER_TOWNSHIP):
        zh.append(name or group.township_id or "县级")
        en.append(name or group.township_id or "the county level")
    if group.tier is not None:
        zh.append(tier_label(group.tier))
        en.append(f"{group.tier.value} tier")
    return " ".join(zh) or "全部场所", ", ".join(en) or "all sites"


def _sample(found: list[Site], sample: Sample, rng: random.Random,
            ) -> tuple[list[Site], tuple[GroupOutcome, ...]]:
    by = sample.group_by
    members: dict[Group, list[Site]] = {}
    for site in found:
        tier = site.tier if by in (GroupBy.TIER, GroupBy.TIER_TOWNSHIP) else None
        town = site.township_id if by in (GroupBy.TOWNSHIP, GroupBy.TIER_TOWNSHIP) else None
        members.setdefault(Group(tier, town), []).append(site)
    overrides = dict(sample.overrides)
    if stray := sorted(overrides.keys() - members.keys(), key=group_order):
        zh, en = _label(stray[0], by, None)
        raise DrawError(f"抽样规则中的「{zh}」在范围内没有场所，请去掉这条规则 / the sample "
                        f"names {en}, which has no site in scope: remove that rule")
    chosen: list[Site] = []
    outcomes = []
    for group in sorted(members, key=group_order):
        sites, want = members[group], overrides.get(group, sample.quota).of(len(members[group]))
        zh, en = _label(group, by, sites[0].township_name)
        if want > len(sites):
            raise DrawError(f"「{zh}」要抽取 {want} 个场所，但范围内只有 {len(sites)} 个，请减少"
                            f"数量 / {want} sites asked from {en}, but only {len(sites)} are "
                            f"in scope: ask for fewer")
        chosen += _shuffled(rng, sites)[:want]
        outcomes.append(GroupOutcome(group, f"{zh} / {en}", len(sites), want))
    return chosen, tuple(outcomes)


def _site_order(site: Site) -> tuple[int, str, str, str]:
    return (TIER_ORDER.index(site.tier), site.township_name or site.township_id or "",
            site.name, site.id)


def _pair(chosen: list[Site], people: list[Inspector], per_site: int,
          rng: random.Random) -> dict[str, set[str]]:
    """Each site's inspector ids (see docs/draw.md). Each place goes to the least loaded
    inspector who may go and has room, ties by chance; when none has room, sites already
    paired move along a chain (an augmenting path) to make room, so a draw fails only where no
    pairing exists at all. Then, while an inspector could hand a site, directly or along a
    chain, to one with two fewer who has room, it is handed over: the loads end as even as
    回避 and the caps allow."""
    eligible = {s.id: [p.id for p in people if p.cap != 0 and p.may_inspect(s)] for s in chosen}
    for site in chosen:
        if (found := len(eligible[site.id])) < per_site:
            raise DrawError(f"场所「{site.name}」只有 {found} 名督导人员无须回避，需要 {per_site} "
                            f"名，请增加人员 / only {found} inspector(s) may go to site "
                            f"{site.name} (回避), {per_site} needed: add inspectors")
    caps = {p.id: len(chosen) if p.cap is None else min(p.cap, len(chosen)) for p in people}
    if (room := sum(caps.values())) < per_site * len(chosen):
        raise DrawError(f"督导人员的上限合计 {room} 个场所次，不足 {len(chosen)} 个场所 × "
                        f"{per_site} 名，请增加人员或提高上限 / the inspectors' caps add up to "
                        f"{room} visits, fewer than {len(chosen)} sites × {per_site}: add "
                        f"inspectors or raise caps")
    came: _Came
    on: dict[str, set[str]] = {site.id: set() for site in chosen}  # site -> inspectors
    load: dict[str, set[str]] = {p.id: set() for p in people}  # inspector -> sites

    def search(came: _Came, most: int) -> list[str]:
        """Breadth first along who could take over a site of whom: those reached with room
        and fewer than ``most`` sites, at the first step where there are any."""
        queue, ends = deque(came), [p for p in came if len(load[p]) < min(caps[p], most)]
        while queue and not ends:
            person = queue.popleft()
            for moved in sorted(load[person]):
                for other in eligible[moved]:
                    if other not in on[moved] and other not in came:
                        came[other] = (person, moved)
                        queue.append(other)
                        if len(load[other]) < min(caps[other], most):
                            ends.append(other)
        return ends

    def hand_over(came: _Came, ends: list[str]) -> None:
        least = min(len(load[p]) for p in ends)
        fewest = [p for p in ends if len(load[p]) == least]
        taker = fewest[_index(rng, len(fewest))]
        while (step := came[taker]) is not None:  # back along the chain
            giver, moved = step
            on[moved].add(taker)
            load[taker].add(moved)
            if giver is None:
                return
            on[moved].discard(giver)
            load[giver].discard(moved)
            taker = giver

    for site in _shuffled(rng, sorted(chosen, key=lambda s: s.id)):
        for _ in range(per_site):
            came = {p: (None, site.id) for p in eligible[site.id] if p not in on[site.id]}
            if not (ends := search(came, len(chosen))):
                raise DrawError(f"无法为场所「{site.name}」配齐 {per_site} 名督导人员：可派的人员"
                                f"已达上限，请提高上限或增加人员 / cannot find {per_site} "
                                f"inspectors for site {site.name}: those who may go have "
                                f"reached their caps; raise a cap or add inspectors")
            hand_over(came, ends)
    handed = True
    while handed:
        handed = False
        for person in sorted(load, key=lambda p: (-len(load[p]), p)):
            came = {person: None}
            if ends := search(came, len(load[person]) - 1):
                hand_over(came, ends)
                handed = True
                break
    return on
