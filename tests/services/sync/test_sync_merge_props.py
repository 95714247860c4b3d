"""Property: importing a set of bundles in any order (and any of them twice) converges.

Three laptops share an inspection (through an office that relays it) and
edit its note concurrently; hypothesis picks who edits when, who resends a
bundle unchanged and who learns the others' versions through the relaying
office. The county office then imports every laptop bundle in two orders
hypothesis picks, with repeats — once clean, once after changing the note
itself. Both must end in the same state: every record's live values and
version vector, every version kept for a person to resolve (and which of
them are open), the same photo files, the same log; none of the laptops'
versions may be lost.
"""

from __future__ import annotations

import json
import shutil
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sync_helpers import VILLAGE, completed_inspection, installation

from inspector.app_paths import AppPaths
from inspector.services import inspections
from inspector.services.context import AppContext, open_context
from inspector.services.sites import site_id_for_code
from inspector.services.sync import records as rec
from inspector.services.sync.assignments import add_assignment
from inspector.services.sync.bundle_format import Source
from inspector.services.sync.conflicts import list_conflicts, resolve
from inspector.services.sync.export import export_bundle
from inspector.services.sync.identity import Role, ensure_identity
from inspector.services.sync.importer import import_bundle
from inspector.services.sync.trust import TrustStatus, record_trust
from inspector.services.sync.versions import Version, maxima
from inspector.storage.models import Inspection

LAPTOPS = ("a", "b", "c")


@dataclass
class World:
    root: Path
    shared: str  # the inspection every laptop has
    first: Path  # laptop a's first bundle, with the inspection


def _edit(context: AppContext, inspection_id: str, note: str) -> None:
    with context.db.transaction() as session:
        inspections.reopen(session, inspection_id, "张三", "修改")
        inspections.update_details(session, inspection_id, general_note=note)
        inspections.complete(session, inspection_id, "张三")


def _trust(target: AppContext, devices: list[AppContext]) -> None:
    with target.db.transaction() as session:
        for device in devices:
            me = ensure_identity(device.paths)
            assert me.role is not None
            record_trust(session, Source(me.device_id, me.role, me.name, me.public_key),
                         TrustStatus.NEW_DEVICE, "test")


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    root = tmp_path_factory.mktemp("converge")
    laptops = [installation(root, name, Role.FIELD) for name in LAPTOPS]
    relay = installation(root, "relay", Role.OFFICE)
    office = installation(root, "office", Role.OFFICE)
    try:
        shared = completed_inspection(laptops[0], photos=1, seed=20)
        first = export_bundle(laptops[0], root / "a0.bundle").path
        _trust(relay, laptops)
        _trust(office, laptops)
        import_bundle(relay, first)
        with relay.db.transaction() as session:
            add_assignment(session, site_id_for_code(VILLAGE), "李华", date(2026, 12, 1),
                           date(2026, 12, 31))
        assignment = export_bundle(relay, root / "relay0.bundle").path
        for laptop in laptops[1:]:  # the others get it as a previous visit
            import_bundle(laptop, assignment)
    finally:
        for context in (*laptops, relay, office):
            context.close()
    # The office that changed the note itself, before any laptop bundle but the first.
    shutil.copytree(root / "office", root / "office-edited")
    edited = open_context(AppPaths.resolve(root / "office-edited"))
    try:
        import_bundle(edited, first)
        _edit(edited, shared, "办公室的修改")
    finally:
        edited.close()
    yield World(root, shared, first)


def _copy(world: World, name: str, into: Path) -> AppContext:
    shutil.copytree(world.root / name, into / name)
    return open_context(AppPaths.resolve(into / name))


EDIT = st.tuples(st.just("edit"), st.sampled_from(LAPTOPS), st.sampled_from(["甲", "乙", "丙"]))
STEP = st.one_of(
    EDIT, EDIT, EDIT,  # mostly edits: concurrent ones, three-way ones, ones that supersede
    st.tuples(st.just("resend"), st.sampled_from(LAPTOPS)),  # the same versions again
    st.tuples(st.just("relay"), st.sampled_from(LAPTOPS)),  # learns the others' versions
)


def _history(world: World, into: Path, steps: list[tuple[str, ...]]) -> list[Path]:
    """The laptops' bundles for the county office, in the order they were made."""
    laptops = {name: _copy(world, name, into) for name in LAPTOPS}
    relay = _copy(world, "relay", into)
    bundles = [world.first]
    relayed: set[Path] = {world.first}
    try:
        for number, step in enumerate(steps):
            laptop = laptops[step[1]]
            if step[0] == "edit":
                _edit(laptop, world.shared, f"{step[1]}：{step[2]}")
            if step[0] in ("edit", "resend"):
                bundles.append(export_bundle(laptop, into / f"{number}.bundle").path)
            else:
                for bundle in bundles:
                    if bundle not in relayed:
                        import_bundle(relay, bundle)
                        relayed.add(bundle)
                with relay.db.transaction() as session:  # an assignment bundle needs news
                    add_assignment(session, site_id_for_code(VILLAGE), step[1],
                                   date(2027, 1, 1), date(2027, 1, 31))
                import_bundle(laptop, export_bundle(relay, into / f"{number}.relay").path)
    finally:
        for context in (*laptops.values(), relay):
            context.close()
    return bundles


def _state(context: AppContext) -> dict[str, Any]:
    """Every record's live values (but its local revision counter) and vector, every
    version kept in sync_conflicts with its status, the photo files and the bundle log."""
    state: dict[str, Any] = {}
    me = ensure_identity(context.paths).device_id
    with context.db.engine.connect() as conn:
        tmap = rec.TemplateMap.load(conn)
        for name, spec in rec.SPECS.items():
            width = len(spec.local_columns)
            live = {}
            for row in conn.exec_driver_sql(rec.select_sql(spec)).fetchall():
                values = rec.local_to_bundle_values(spec, row, tmap)
                stored, revision, sync_rev = row[width:]
                vv = rec.effective_vv(spec, values, stored, revision, sync_rev, me)
                del values[3]
                live[row[0]] = (json.dumps(values, ensure_ascii=False), rec.vv_dump(vv))
            state[name] = live
            state[f"{name} kept"] = sorted(
                (record_id, status, json.dumps(rec.content_of(
                    spec, [json.loads(remote)[c] for c in spec.columns]), ensure_ascii=False), vv)
                for record_id, status, remote, vv in conn.exec_driver_sql(
                    "SELECT record_id, status, remote_json, remote_vv FROM sync_conflicts"
                    " WHERE status IN ('open', 'agreed') AND table_name = ?", (name,)))
        state["bundles"] = sorted(r[0] for r in conn.exec_driver_sql(
            "SELECT id FROM sync_bundles WHERE direction = 'in'").fetchall())
    state["photos"] = sorted(p.name for p in context.paths.photos.rglob("*.jpg"))
    return state


def _sent_versions(bundle: Path, record_id: str) -> list[Version]:
    """The versions of one inspection a bundle carries (bundle form, vector last)."""
    with zipfile.ZipFile(bundle) as zf:
        lines = zf.read("records/inspections.jsonl").decode("utf-8").splitlines()
    return [Version(row[:-1], row[-1]) for row in map(json.loads, lines) if row[0] == record_id]


def _own_version(context: AppContext, record_id: str) -> Version:
    spec = rec.SPECS["inspections"]
    me = ensure_identity(context.paths).device_id
    with context.db.engine.connect() as conn:
        row = conn.exec_driver_sql(rec.select_sql(spec, "id = ?"), (record_id,)).one()
        values = rec.local_to_bundle_values(spec, row, rec.TemplateMap.load(conn))
        stored, revision, sync_rev = row[len(spec.local_columns):]
        return Version(values, rec.effective_vv(spec, values, stored, revision, sync_rev, me))


def _notes(context: AppContext, inspection_id: str) -> tuple[str, list[str]]:
    """The note the office shows, and the notes waiting as open conflicts."""
    with context.db.session() as session:
        row = session.get(Inspection, inspection_id)
        assert row is not None
        waiting = [incoming for view in list_conflicts(session) if view.record_id == inspection_id
                   for name, _here, incoming in view.fields if name == "general_note"]
        return row.general_note, sorted(str(note) for note in waiting)


@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(STEP, min_size=2, max_size=6), edited=st.booleans(), data=st.data())
def test_any_import_order_converges(world: World, tmp_path: Path, steps: list[tuple[str, ...]],
                                    edited: bool, data: st.DataObject) -> None:
    run = tmp_path / f"run-{len(list(tmp_path.iterdir()))}"
    run.mkdir()
    bundles = _history(world, run, steps)
    indices = list(range(len(bundles)))
    orders = [data.draw(st.permutations(indices), label="first order"),
              data.draw(st.permutations(indices), label="second order")]
    orders[1] += data.draw(st.lists(st.sampled_from(indices), max_size=2), label="again")
    office = "office-edited" if edited else "office"
    states, shown = [], []
    for number, order in enumerate(orders):
        context = _copy(world, office, run / f"o{number}")
        try:
            for index in order:
                import_bundle(context, bundles[index])
            states.append(_state(context))
            shown.append(_notes(context, world.shared))
        finally:
            context.close()
    assert states[0] == states[1]
    assert shown[0] == shown[1]
    # No version is lost: the notes shown or waiting are exactly those of the versions
    # that no other version descends from, the office's own change among them.
    seen = [v for bundle in bundles for v in _sent_versions(bundle, world.shared)]
    if edited:
        context = open_context(AppPaths.resolve(world.root / office))
        try:
            seen.append(_own_version(context, world.shared))
        finally:
            context.close()
    note_at = rec.SPECS["inspections"].columns.index("general_note")
    note, waiting = shown[0]
    assert sorted([note, *waiting]) == sorted({v.values[note_at] for v in maxima(seen)})
    if edited:
        assert note == "办公室的修改"  # a change made here stays shown until a person decides


def test_the_reviewed_case_two_offices_show_the_same_note_and_resolve_it(
        world: World, tmp_path: Path) -> None:
    """Laptops A and B change the note concurrently; two offices import in opposite orders."""
    bundles = _history(world, tmp_path, [("relay", "b"), ("edit", "a", "甲"),
                                         ("edit", "b", "乙")])
    shown = []
    for number, order in enumerate(([0, 1, 2], [0, 2, 1])):
        context = _copy(world, "office", tmp_path / f"o{number}")
        try:
            for index in order:
                import_bundle(context, bundles[index])
            shown.append(_notes(context, world.shared))
            if number == 1:
                me = ensure_identity(context.paths).device_id
                with context.db.transaction() as session:
                    (view,) = list_conflicts(session)
                    resolve(session, view.id, "remote", "王科长", me)
                assert _notes(context, world.shared) == (shown[0][1][0], [])
        finally:
            context.close()
    assert shown[0] == shown[1] == ("b：乙", ["a：甲"])  # the later change is shown


def test_a_three_way_conflict_is_resolved_one_version_at_a_time(world: World,
                                                                 tmp_path: Path) -> None:
    bundles = _history(world, tmp_path, [("relay", "b"), ("relay", "c"), ("edit", "a", "甲"),
                                         ("edit", "b", "乙"), ("edit", "c", "丙")])
    office = _copy(world, "office-edited", tmp_path)
    laptop = _copy(world, "a", tmp_path / "again")
    try:
        for bundle in bundles:
            import_bundle(office, bundle)
        # The office's own change stays shown; each laptop's waits as its own conflict.
        assert _notes(office, world.shared) == ("办公室的修改", ["a：甲", "b：乙", "c：丙"])
        me = ensure_identity(office.paths).device_id
        with office.db.transaction() as session:
            by_note = {dict((f[0], f[2]) for f in v.fields)["general_note"]: v
                       for v in list_conflicts(session)}
            resolve(session, by_note["b：乙"].id, "remote", "王科长", me)
        # B's note is live now; A's and C's still wait, against it.
        assert _notes(office, world.shared) == ("b：乙", ["a：甲", "c：丙"])
        with office.db.transaction() as session:
            for view in list_conflicts(session):
                resolve(session, view.id, "local", "王科长", me)
        assert _notes(office, world.shared) == ("b：乙", [])
        # The decision travels as a version newer than all four: no conflict on a laptop.
        with office.db.transaction() as session:
            add_assignment(session, site_id_for_code(VILLAGE), "李华", date(2027, 2, 1),
                           date(2027, 2, 28))
        _, done = import_bundle(laptop, export_bundle(office, tmp_path / "back.bundle").path)
        assert done is not None and done.preview.totals().conflicts == 0
        assert _notes(laptop, world.shared) == ("b：乙", [])
    finally:
        office.close()
        laptop.close()
