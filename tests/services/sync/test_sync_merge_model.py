"""Property: the merge rule itself, on one record edited by several devices.

Installations are modelled in memory (the record's row and its kept
versions, as the merge writes them), so hypothesis can try many histories:
devices edit (often to the same text), send their version to each other
and to the office; the office imports every bundle in two orders, with
repeats. Both offices must end in the same state — the live values, the
vector they carry and every kept version with its status — and that state
must be exactly the versions no other one descends from, none lost.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field, replace
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from inspector.domain.values import ConflictStatus
from inspector.services.sync import records as rec
from inspector.services.sync.merge_plan import plan_record
from inspector.services.sync.merge_preview import Outcome
from inspector.services.sync.versions import (
    HELD,
    Local,
    Version,
    content_key,
    held_versions,
    maxima,
    rank,
)

SPEC = rec.SPECS["inspectors"]
NAME = SPEC.columns.index("name")
UPDATED_AT = SPEC.columns.index("updated_at")
DEVICES = ("a", "b", "c")
BASE: list[Any] = ["rec-1", "2026-01-01 08:00:00.000000", "2026-01-01 08:00:00.000000", 1,
                   "初稿", "青溪县", ""]
BASE_VV = {"a": 1}


@dataclass
class Installation:
    me: str
    local: Local | None = None
    rows: list[Version] = field(default_factory=list)
    ids: itertools.count[int] = field(default_factory=itertools.count)

    def receive(self, values: list[Any], vv: rec.VV) -> Outcome:
        if self.local is None:
            self.local = Local(list(values), 1, dict(vv), dict(vv), False)
            return Outcome.NEW
        plan = plan_record(SPEC, [*values, vv], self.local, self.rows, self.me)
        local = self.local
        if plan.live is not None and plan.unsent_base is not None:
            self.local = Local(local.values, local.revision, plan.live.vv, plan.unsent_base, True)
        elif plan.live is not None and plan.vv_only:
            self.local = Local(local.values, local.revision, plan.live.vv, plan.live.vv, False)
        elif plan.live is not None:
            values = list(plan.live.values)
            values[3] = local.revision + 1
            self.local = Local(values, local.revision + 1, plan.live.vv, plan.live.vv, False)
        statuses = {row_id: status for status, row_id in plan.statuses}
        self.rows = [replace(r, status=statuses.get(str(r.row_id), r.status)) for r in self.rows]
        self.rows = [r for r in self.rows if r.status in HELD]
        self.rows += [Version(v.values, v.vv, f"{self.me}-{next(self.ids)}", status)
                      for v, status in plan.inserts]
        return plan.outcome

    def edit(self, text: str, when: str) -> None:
        """A change made here, as the record's row and ``effective_vv`` see it."""
        assert self.local is not None
        local = self.local
        values = list(local.values)
        values[NAME], values[UPDATED_AT], values[3] = text, when, local.revision + 1
        vv = dict(local.stored_vv)
        vv[self.me] = vv.get(self.me, 0) + 1
        self.local = Local(values, local.revision + 1, vv, local.stored_vv, True)

    def export(self) -> tuple[list[Any], rec.VV]:
        """A bundle carries the row's values and effective vector, which become its vector."""
        assert self.local is not None
        local = self.local
        self.local = Local(local.values, local.revision, local.vv, local.vv, False)
        return list(local.values), dict(local.vv)

    def state(self) -> tuple[Any, ...]:
        assert self.local is not None
        values = [v for i, v in enumerate(self.local.values) if i != 3]
        return (values, rec.vv_dump(self.local.vv), rec.vv_dump(self.local.stored_vv),
                self.local.unsent,
                sorted((r.status, content_key(SPEC, r.values), rec.vv_dump(r.vv))
                       for r in self.rows))

    def shown_and_open(self) -> tuple[str, list[str]]:
        assert self.local is not None
        return (self.local.values[NAME],
                sorted(r.values[NAME] for r in self.rows if r.status == ConflictStatus.OPEN))


TEXTS = st.sampled_from(["甲", "乙", "丙", "丁"])  # few: devices often agree by chance
TIMES = st.integers(1, 6).map(lambda m: f"2026-01-01 09:{m:02d}:00.000000")  # ties happen
STEP = st.one_of(
    st.tuples(st.just("edit"), st.sampled_from(DEVICES), TEXTS, TIMES),
    st.tuples(st.just("send"), st.sampled_from(DEVICES)),  # a bundle for the office
    st.tuples(st.just("pass"), st.sampled_from(DEVICES), st.sampled_from(DEVICES)),
)


def _history(steps: list[tuple[Any, ...]]) -> list[tuple[list[Any], rec.VV]]:
    devices = {name: Installation(name) for name in DEVICES}
    for device in devices.values():
        device.receive(BASE, BASE_VV)
    bundles = [(list(BASE), dict(BASE_VV))]
    for step in steps:
        if step[0] == "edit":
            devices[step[1]].edit(step[2], step[3])
        elif step[0] == "send":
            bundles.append(devices[step[1]].export())
        elif step[1] != step[2]:
            devices[step[2]].receive(*devices[step[1]].export())
    return bundles


def _office(bundles: list[tuple[list[Any], rec.VV]], order: list[int],
            own_edit: tuple[str, str] | None) -> Installation:
    office = Installation("office")
    office.receive(BASE, BASE_VV)
    if own_edit is not None:
        office.edit(*own_edit)
    for index in order:
        office.receive(*bundles[index])
    return office


@settings(max_examples=300, deadline=None)
@given(steps=st.lists(STEP, max_size=14), data=st.data(),
       own_edit=st.none() | st.tuples(TEXTS, TIMES))
def test_the_office_state_depends_on_the_bundles_not_their_order(
        steps: list[tuple[Any, ...]], data: st.DataObject,
        own_edit: tuple[str, str] | None) -> None:
    bundles = _history(steps)
    indices = list(range(len(bundles)))
    first = data.draw(st.permutations(indices), label="first order")
    second = data.draw(st.permutations(indices), label="second order")
    again = data.draw(st.lists(st.sampled_from(indices), max_size=3), label="imported again")
    one = _office(bundles, first, own_edit)
    two = _office(bundles, second + again, own_edit)
    assert one.state() == two.state()

    # Exactly the versions no other one descends from are held: nothing lost, nothing stale.
    seen = [Version(values, vv) for values, vv in bundles]
    if own_edit is not None:
        mine = _office([], [], own_edit).local  # the version made here, before any import
        assert mine is not None
        seen.append(Version(mine.values, mine.vv))
    assert one.local is not None
    expected = maxima(seen)
    held = held_versions(SPEC, one.local, one.rows)
    assert sorted(rec.vv_dump(v.vv) for v in held) == sorted(rec.vv_dump(v.vv) for v in expected)
    # The live content is the first by rank; every other content is one open conflict.
    best = max(expected, key=rank(SPEC, "office"))
    assert content_key(SPEC, one.local.values) == content_key(SPEC, best.values)
    shown, waiting = one.shown_and_open()
    assert sorted({v.values[NAME] for v in expected} - {shown}) == waiting
    if own_edit is not None:
        assert shown == own_edit[0]  # a change made here stays shown until a person decides


def test_the_readme_case_two_offices_show_the_same_version() -> None:
    """Laptops A and B change the note concurrently; two offices import in opposite orders."""
    a, b = Installation("a"), Installation("b")
    for laptop in (a, b):
        laptop.receive(BASE, BASE_VV)
    a.edit("A 的修改", "2026-01-01 09:00:00.000000")
    b.edit("B 的修改", "2026-01-01 09:05:00.000000")
    from_a, from_b = a.export(), b.export()
    east, west = Installation("east"), Installation("west")
    for office, order in ((east, (from_a, from_b)), (west, (from_b, from_a))):
        office.receive(BASE, BASE_VV)
        assert [office.receive(*bundle) for bundle in order] == [Outcome.UPDATED,
                                                                 Outcome.CONFLICT]
    assert east.shown_and_open() == west.shown_and_open() == ("B 的修改", ["A 的修改"])
    assert east.state()[1:] == west.state()[1:]
    # A laptop keeps showing its own change: it is never hidden behind an incoming one.
    assert a.receive(*from_b) is Outcome.CONFLICT
    assert a.shown_and_open() == ("A 的修改", ["B 的修改"])
