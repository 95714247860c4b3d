"""The draw (双随机): reproducible, never against 回避 or a cap, exactly the sample asked, and a
clear failure (never a partial draw) when the rules cannot be met.

The property tests compare the draw with plain oracles written here: the sample sizes each
group must get, and an exhaustive search that says whether any pairing of sites and inspectors
meets 回避, the caps and the number per site; the draw must succeed exactly when one exists.
"""

from __future__ import annotations

import dataclasses
import json
import random
from collections import Counter
from collections.abc import Callable
from functools import cache
from itertools import combinations

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from inspector.domain.draw import (
    METHOD,
    Draw,
    draw,
    fingerprint,
)
from inspector.domain.draw_rules import (
    DrawError,
    Group,
    GroupBy,
    Inspector,
    Quota,
    Rules,
    Sample,
    Site,
    SiteScope,
)
from inspector.domain.tiers import Tier
from inspector.errors import UserError

TOWNS = {"t1": "城关镇", "t2": "河口乡", "t3": "石桥镇"}


def county() -> list[Site]:
    """A small county: the college, a school and four stations in each of three townships."""
    sites = [Site("c0", "县社区教育学院", Tier.COUNTY)]
    for town, name in TOWNS.items():
        sites.append(Site(f"{town}-s", f"{name}社区学校", Tier.TOWNSHIP, town, name))
        sites += [Site(f"{town}-v{n}", f"{name}第{n}教学点", Tier.VILLAGE, town, name)
                  for n in range(1, 5)]
    return sites


def office() -> list[Inspector]:
    return [Inspector("i1", "张伟", cap=6, avoid_townships=frozenset({"t1"})),
            Inspector("i2", "王芳", cap=6, avoid_sites=frozenset({"t2-v1", "c0"})),
            Inspector("i3", "李娜", cap=6),
            Inspector("i4", "刘洋", cap=6, avoid_townships=frozenset({"t3"})),
            Inspector("i5", "陈静", cap=6, avoid_sites=frozenset({"t1-s"}))]


RULES = Rules(sample=Sample(GroupBy.TIER, Quota(percent=50), ((Group(Tier.COUNTY), Quota()),)))
SEED = 20240301


def pairs(result: Draw) -> list[tuple[str, list[str]]]:
    return [(p.site.id, [i.id for i in p.inspectors]) for p in result.pairings]


def allowed(person: Inspector, site: Site) -> bool:
    """回避, as written here: not a site, nor a site in a township, the person is marked for."""
    return site.id not in person.avoid_sites and not (
        site.township_id is not None and site.township_id in person.avoid_townships)


def assert_valid(result: Draw, inspectors: list[Inspector], per_site: int) -> None:
    """回避, the caps, and the number of distinct inspectors per site."""
    caps = {person.id: person.cap for person in inspectors}
    for pairing in result.pairings:
        ids = [person.id for person in pairing.inspectors]
        assert len(set(ids)) == len(ids) == per_site
        assert all(allowed(person, pairing.site) for person in pairing.inspectors)
    for person_id, load in result.loads().items():
        cap = caps[person_id]
        assert cap is None or load <= cap


def assert_user_message(error: DrawError, *names: str) -> None:
    """One line, Chinese then English, each naming what is concerned."""
    assert isinstance(error, UserError)
    assert "\n" not in str(error) and error.chinese != str(error)
    assert not error.chinese.isascii() and error.english and error.english != error.chinese
    for name in names:
        assert name in error.chinese and name in error.english, (name, str(error))


# --- reproducible -------------------------------------------------------------------------

def test_the_same_inputs_in_any_order_give_the_same_draw() -> None:
    first = draw(county(), office(), RULES, SEED)
    order = random.Random(7)
    for _ in range(5):
        sites, people = county(), office()
        order.shuffle(sites)
        order.shuffle(people)
        overrides = [*RULES.sample.overrides, (Group(Tier.VILLAGE), Quota(count=5))]
        rules = dataclasses.replace(RULES, sample=dataclasses.replace(
            RULES.sample, overrides=tuple(reversed(overrides))))
        assert draw(sites, people, dataclasses.replace(RULES), SEED) == first
        assert draw(sites, people, rules, SEED) == draw(county(), office(), dataclasses.replace(
            rules, sample=dataclasses.replace(rules.sample, overrides=tuple(overrides))), SEED)
    assert first.seed == SEED and first.rules == RULES and first.method == METHOD
    assert first.fingerprint == fingerprint(reversed(county()), office(), RULES)


def test_a_published_draw_stays_the_same() -> None:
    """The record printed for a draw must be reproducible by every later version: if this
    fails, the way of drawing changed, and METHOD must get a new name."""
    result = draw(county(), office(), RULES, SEED)
    assert result.fingerprint == (
        "4c91a45f20c650aba11278810e17745b27918da2c8334f068ec021575ce1f147")
    assert pairs(result) == [
        ("c0", ["i4", "i3"]), ("t2-s", ["i2", "i5"]), ("t3-s", ["i1", "i5"]),
        ("t1-v2", ["i4", "i5"]), ("t1-v3", ["i4", "i3"]), ("t1-v4", ["i3", "i5"]),
        ("t2-v2", ["i4", "i2"]), ("t3-v3", ["i1", "i2"]), ("t3-v4", ["i1", "i3"])]


def test_different_seeds_usually_give_different_draws() -> None:
    outcomes = {tuple(map(str, pairs(draw(county(), office(), RULES, seed))))
                for seed in range(20)}
    assert len(outcomes) >= 18
    assert pairs(draw(county(), office(), RULES, 1)) != pairs(
        draw(county(), office(), RULES, "1"))


def test_which_sites_are_drawn_does_not_depend_on_the_inspectors() -> None:
    few = draw(county(), office(), RULES, SEED)
    many = draw(county(), [Inspector(f"x{n}", f"人员{n}") for n in range(9)], RULES, SEED)
    assert [p.site for p in few.pairings] == [p.site for p in many.pairings]
    assert few.groups == many.groups


def test_the_outcome_reads_in_a_stable_order() -> None:
    people = [dataclasses.replace(p, cap=None) for p in office()]
    result = draw(county(), people, dataclasses.replace(RULES, sample=Sample()), SEED)
    order = [(p.site.tier, p.site.township_name or "", p.site.name) for p in result.pairings]
    tiers = list(Tier)
    assert order == sorted(order, key=lambda o: (tiers.index(o[0]), o[1], o[2]))
    for pairing in result.pairings:
        names = [person.name for person in pairing.inspectors]
        assert names == sorted(names)
    assert [g.label for g in result.groups] == ["全部场所 / all sites"]


# --- the fingerprint ----------------------------------------------------------------------

def _site(index: int, **change: object) -> Callable[[list[Site]], list[Site]]:
    def apply(sites: list[Site]) -> list[Site]:
        return [dataclasses.replace(s, **change) if n == index else s
                for n, s in enumerate(sites)]
    return apply


def _person(index: int, **change: object) -> Callable[[list[Inspector]], list[Inspector]]:
    def apply(people: list[Inspector]) -> list[Inspector]:
        return [dataclasses.replace(p, **change) if n == index else p
                for n, p in enumerate(people)]
    return apply


SITE_CHANGES = [_site(3, name="改名"), _site(3, tier=Tier.TOWNSHIP), _site(3, township_id="t9"),
                _site(3, township_name="新乡"), _site(0, id="c1"), lambda s: s[1:],
                lambda s: [*s, Site("new", "新点", Tier.VILLAGE, "t1", "城关镇")]]
PERSON_CHANGES = [_person(0, name="张伟伟"), _person(0, cap=7), _person(2, cap=None),
                  _person(2, avoid_sites=frozenset({"c0"})),
                  _person(0, avoid_townships=frozenset({"t1", "t2"})), lambda p: p[1:]]
RULE_CHANGES = [dict(inspectors_per_site=1),
                dict(scope=SiteScope(tiers=frozenset({Tier.VILLAGE}))),
                dict(scope=SiteScope(township_ids=frozenset({"t1"}))),
                dict(scope=SiteScope(site_ids=frozenset({"c0"}))),
                dict(sample=Sample(GroupBy.TIER, Quota(percent=51),
                                   ((Group(Tier.COUNTY), Quota()),))),
                dict(sample=Sample(GroupBy.TIER_TOWNSHIP, Quota(percent=50))),
                dict(sample=Sample(GroupBy.TIER, Quota(percent=50),
                                   ((Group(Tier.COUNTY), Quota(count=1)),)))]


@pytest.mark.parametrize("change", SITE_CHANGES)
def test_the_fingerprint_changes_with_any_site(change: Callable[[list[Site]], list[Site]],
                                               ) -> None:
    assert fingerprint(change(county()), office(), RULES) != fingerprint(county(), office(),
                                                                         RULES)


@pytest.mark.parametrize("change", PERSON_CHANGES)
def test_the_fingerprint_changes_with_any_inspector(
        change: Callable[[list[Inspector]], list[Inspector]]) -> None:
    assert fingerprint(county(), change(office()), RULES) != fingerprint(county(), office(),
                                                                         RULES)


def test_the_fingerprint_leaves_out_the_seed_so_it_can_be_published_first() -> None:
    before = fingerprint(county(), office(), RULES)
    assert {draw(county(), office(), RULES, seed).fingerprint
            for seed in (1, "1", "抽签 2024-03-01")} == {before}


@pytest.mark.parametrize("change", RULE_CHANGES)
def test_the_fingerprint_changes_with_any_rule(change: dict[str, object]) -> None:
    rules = dataclasses.replace(RULES, **change)
    assert fingerprint(county(), office(), rules) != fingerprint(county(), office(), RULES)


# --- fair pairing -------------------------------------------------------------------------

def test_without_回避_or_caps_the_sites_are_spread_evenly() -> None:
    people = [Inspector(f"i{n}", f"人员{n}") for n in range(7)]
    for seed in range(10):
        result = draw(county(), people, Rules(inspectors_per_site=3), seed)
        loads = [result.loads().get(p.id, 0) for p in people]
        assert sum(loads) == 3 * len(county()) and max(loads) - min(loads) <= 1


def test_the_loads_end_as_even_as_回避_allows() -> None:
    # 甲 and 乙 may not go to 城关镇 or 河口乡 (10 sites, 20 places): 丙 and 丁 take those,
    # and only those; 甲 and 乙 share the other 6 sites.
    people = [Inspector("a", "甲", cap=20, avoid_townships=frozenset({"t1", "t2"})),
              Inspector("b", "乙", cap=20, avoid_townships=frozenset({"t1", "t2"})),
              Inspector("c", "丙", cap=20), Inspector("d", "丁", cap=20)]
    for seed in range(10):
        result = draw(county(), people, Rules(), seed)
        assert_valid(result, people, 2)
        assert result.loads() == {"a": 6, "b": 6, "c": 10, "d": 10}


def test_a_tight_draw_moves_earlier_pairs_to_make_room() -> None:
    # Only the full use of every cap pairs all 16 sites: greedy choices must be undone.
    people = [Inspector(f"i{n}", f"人员{n}", cap=8,
                        avoid_townships=frozenset({f"t{n % 3 + 1}"}) if n < 3 else frozenset())
              for n in range(4)]
    for seed in range(10):
        result = draw(county(), people, Rules(), seed)
        assert_valid(result, people, 2)
        assert set(result.loads().values()) == {8}


# --- clear failures -----------------------------------------------------------------------

def refused(rules: Rules, sites: list[Site] | None = None,
            people: list[Inspector] | None = None) -> DrawError:
    with pytest.raises(DrawError) as caught:
        draw(county() if sites is None else sites, office() if people is None else people,
             rules, 1)
    return caught.value


def test_an_empty_scope_is_refused() -> None:
    assert_user_message(refused(Rules(SiteScope(tiers=frozenset({Tier.COUNTY}),
                                                   township_ids=frozenset({"t1"})))))
    assert_user_message(refused(Rules(), sites=[]))


def test_a_scope_naming_what_is_not_there_is_refused() -> None:
    assert_user_message(refused(Rules(SiteScope(site_ids=frozenset({"gone"})))), "gone")
    assert_user_message(refused(Rules(SiteScope(township_ids=frozenset({"t7"})))), "t7")
    assert_user_message(refused(Rules(SiteScope(tiers=frozenset({Tier.VILLAGE}),
                                                   site_ids=frozenset({"c0"})))),
                        "县社区教育学院")


def test_a_sample_larger_than_its_group_is_refused() -> None:
    error = refused(Rules(sample=Sample(GroupBy.TOWNSHIP, Quota(count=4))))
    assert_user_message(error, "4")  # the college alone is a group of one
    assert "「县级」" in error.chinese and "the county level" in error.english
    error = refused(Rules(SiteScope(tiers=frozenset({Tier.VILLAGE})),
                          Sample(GroupBy.TOWNSHIP, Quota(count=4),
                                 ((Group(None, "t2"), Quota(count=5)),))))
    assert_user_message(error, "河口乡", "5")
    assert "村" not in error.chinese.split("」")[0]


def test_a_sample_rule_for_a_group_out_of_scope_is_refused() -> None:
    error = refused(Rules(SiteScope(township_ids=frozenset({"t1"})),
                          Sample(GroupBy.TOWNSHIP, Quota(), ((Group(None, "t3"), Quota()),))))
    assert_user_message(error, "t3")


def test_a_site_without_enough_inspectors_free_of_回避_is_refused() -> None:
    people = office()[:3]  # i1 avoids t1, i2 avoids c0: the college has two, t1-s two
    error = refused(Rules(inspectors_per_site=3), people=people)
    assert_user_message(error, "县社区教育学院")


def test_caps_too_small_for_the_draw_are_refused() -> None:
    people = [dataclasses.replace(p, cap=2) for p in office()]
    assert_user_message(refused(Rules(), people=people), "10", "16")


def test_a_site_left_without_room_is_refused_and_named() -> None:
    sites = [Site("a", "东站", Tier.VILLAGE, "t1", "城关镇"),
             Site("b", "西站", Tier.VILLAGE, "t1", "城关镇"), Site("c", "南站", Tier.VILLAGE)]
    # Enough room in all, enough people per site, but 东站 and 西站 share one place.
    people = [Inspector("x", "甲", cap=1), Inspector("y", "乙", avoid_sites=frozenset("ab"))]
    error = refused(Rules(inspectors_per_site=1), sites=sites, people=people)
    assert_user_message(error)
    assert "东站" in error.chinese or "西站" in error.chinese


@pytest.mark.parametrize("make", [
    lambda: Quota(count=0), lambda: Quota(percent=0), lambda: Quota(percent=101),
    lambda: Quota(count=1, percent=50), lambda: draw(county(), office(), RULES, ""),
    lambda: draw(county(), office(), RULES, True), lambda: draw(county(), office(), RULES, 1.5),
    lambda: Rules(inspectors_per_site=0),
    lambda: Inspector("x", "甲", cap=-1),
    lambda: Sample(GroupBy.TIER, Quota(), ((Group(Tier.COUNTY), Quota()),
                                           (Group(Tier.COUNTY), Quota(count=1))))])
def test_rules_that_make_no_sense_are_refused(make: Callable[[], object]) -> None:
    with pytest.raises(DrawError) as caught:
        make()
    assert_user_message(caught.value)


def test_a_list_with_an_id_twice_is_refused() -> None:
    assert_user_message(refused(Rules(), sites=[*county(), county()[4]]), county()[4].id)
    assert_user_message(refused(Rules(), people=[*office(), Inspector("i3", "又一个")]), "i3")


def test_the_share_is_rounded_up() -> None:
    result = draw(county(), office(), Rules(sample=Sample(GroupBy.TIER, Quota(percent=30))), 1)
    assert [(g.in_scope, g.drawn) for g in result.groups] == [(1, 1), (3, 1), (12, 4)]


# --- properties ---------------------------------------------------------------------------

@st.composite
def registries(draw_: st.DrawFn, most: int = 7) -> list[Site]:
    sites = []
    for n in range(draw_(st.integers(1, most))):
        tier = draw_(st.sampled_from(Tier))
        town = None if tier is Tier.COUNTY else draw_(st.sampled_from(sorted(TOWNS)))
        sites.append(Site(f"s{n}", f"场所{n}", tier, town, town and TOWNS[town]))
    return sites


QUOTAS = st.one_of(st.just(Quota()), st.builds(Quota, count=st.integers(1, 4)),
                   st.builds(Quota, percent=st.integers(1, 100)))


def group_of(site: Site, by: GroupBy) -> Group:
    return Group(site.tier if by in (GroupBy.TIER, GroupBy.TIER_TOWNSHIP) else None,
                 site.township_id if by in (GroupBy.TOWNSHIP, GroupBy.TIER_TOWNSHIP) else None)


def expected_sizes(sites: list[Site], rules: Rules) -> dict[Group, tuple[int, int]] | None:
    """Each group's (size in scope, sites to draw), or None when the draw must be refused."""
    scope, sample = rules.scope, rules.sample
    if scope.township_ids - {s.township_id for s in sites} or \
            scope.site_ids - {s.id for s in sites}:
        return None
    fits = [s for s in sites if (not scope.tiers or s.tier in scope.tiers)
            and (not scope.township_ids or s.township_id in scope.township_ids)]
    if scope.site_ids - {s.id for s in fits}:
        return None
    found = [s for s in fits if not scope.site_ids or s.id in scope.site_ids]
    sizes = Counter(group_of(s, sample.group_by) for s in found)
    quotas = dict(sample.overrides)
    if not found or quotas.keys() - sizes.keys():
        return None
    result = {}
    for group, size in sizes.items():
        quota = quotas.get(group, sample.quota)
        want = quota.count if quota.count is not None else size if quota.percent is None \
            else -(-size * quota.percent // 100)
        if want > size:
            return None
        result[group] = (size, want)
    return result


def test_the_sample_is_exactly_what_was_asked() -> None:
    seen: Counter[str] = Counter()
    everyone = [Inspector(f"p{n}", f"人员{n}") for n in range(3)]

    @settings(max_examples=250, deadline=None, database=None)
    @given(data=st.data(), sites=registries(), group_by=st.sampled_from(GroupBy),
           quota=QUOTAS, seed=st.integers(0, 2**40) | st.text(min_size=1, max_size=8))
    def check(data: st.DataObject, sites: list[Site], group_by: GroupBy, quota: Quota,
              seed: int | str) -> None:
        scope = SiteScope(
            frozenset(data.draw(st.sets(st.sampled_from(Tier), max_size=2))),
            frozenset(data.draw(st.sets(st.sampled_from(sorted(TOWNS)), max_size=1))),
            frozenset(data.draw(st.sets(st.sampled_from([s.id for s in sites]), max_size=2)))
            if data.draw(st.integers(0, 3)) == 0 else frozenset())
        groups = {group_of(Site("x", "x", tier, town), group_by)
                  for tier in Tier for town in [None, *TOWNS]}
        overrides = data.draw(st.dictionaries(st.sampled_from(sorted(
            groups, key=lambda g: (g.tier or "", g.township_id or ""))), QUOTAS, max_size=2))
        rules = Rules(scope, Sample(group_by, quota, tuple(overrides.items())), 1)
        expected = expected_sizes(sites, rules)
        if expected is None:
            seen["refused"] += 1
            with pytest.raises(DrawError):
                draw(sites, everyone, rules, seed)
            return
        seen["drawn"] += 1
        event("drawn")
        result = draw(sites, everyone, rules, seed)
        got = {g.group: (g.in_scope, g.drawn) for g in result.groups}
        assert got == expected
        drawn = Counter(group_of(p.site, group_by) for p in result.pairings)
        assert drawn == {g: want for g, (_, want) in expected.items()}
        assert_valid(result, everyone, 1)

    check()
    assert seen["drawn"] >= 75 and seen["refused"] >= 25, seen


@cache
def pairing_exists(need: tuple[tuple[int, ...], ...], room: tuple[int, ...],
                   per_site: int) -> bool:
    """Whether the sites (each given by who may go) can each get ``per_site`` inspectors
    within the room left to each: every choice for the first site, then the rest."""
    if not need:
        return True
    for team in combinations(need[0], per_site):
        if all(room[i] > 0 for i in team):
            left = tuple(r - (i in team) for i, r in enumerate(room))
            if pairing_exists(need[1:], left, per_site):
                return True
    return False


@st.composite
def offices(draw_: st.DrawFn, sites: list[Site], per_site: int) -> list[Inspector]:
    people = []
    for n in range(draw_(st.integers(1, per_site + 4))):
        people.append(Inspector(
            f"p{n}", f"人员{n}", draw_(st.none() | st.integers(0, 5)),
            frozenset(draw_(st.sets(st.sampled_from([s.id for s in sites]), max_size=2))),
            frozenset(draw_(st.sets(st.sampled_from(sorted(TOWNS)), max_size=1)))))
    return people


def test_a_draw_keeps_回避_and_caps_and_fails_only_when_it_must() -> None:
    seen: Counter[str] = Counter()

    @settings(max_examples=300, deadline=None, database=None)
    @given(data=st.data(), sites=registries(6), per_site=st.integers(1, 3),
           seed=st.integers(0, 2**40))
    def check(data: st.DataObject, sites: list[Site], per_site: int, seed: int) -> None:
        people = data.draw(offices(sites, per_site))
        rules = Rules(inspectors_per_site=per_site)
        need = tuple(tuple(n for n, p in enumerate(people) if allowed(p, s)) for s in sites)
        room = tuple(len(sites) if p.cap is None else p.cap for p in people)
        if not pairing_exists(need, room, per_site):
            seen["refused"] += 1
            with pytest.raises(DrawError) as caught:
                draw(sites, people, rules, seed)
            assert_user_message(caught.value)
            return
        seen["drawn"] += 1
        event("drawn")
        result = draw(sites, people, rules, seed)
        assert len(result.pairings) == len(sites)
        assert_valid(result, people, per_site)
        # As even as can be: no pairing at all has a lower busiest load.
        busiest = max(result.loads().values())
        assert busiest == 1 or not pairing_exists(
            need, tuple(min(r, busiest - 1) for r in room), per_site)
        shuffled = list(reversed(people))
        assert draw(list(reversed(sites)), shuffled, rules, seed) == result

    check()
    assert seen["drawn"] >= 75 and seen["refused"] >= 50, seen


@pytest.mark.parametrize("rules", [RULES, Rules(SiteScope(
    frozenset(Tier), frozenset({"t1", "t2"}), frozenset({"t1-s"})), Sample(
    GroupBy.TIER_TOWNSHIP, Quota(count=1), ((Group(Tier.VILLAGE, "t1"), Quota(percent=25)),
                                            (Group(Tier.COUNTY, None), Quota()))), 3)])
def test_rules_stored_and_read_back_are_the_same_rules(rules: Rules) -> None:
    stored = json.loads(json.dumps(rules.as_dict()))
    assert Rules.from_dict(stored) == rules
    assert fingerprint(county(), office(), Rules.from_dict(stored)) == fingerprint(
        county(), office(), rules)
