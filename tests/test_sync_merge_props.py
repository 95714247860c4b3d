"""Property: importing a set of bundles in any order (and any of them twice) converges.

Two laptops edit the same inspection concurrently and export several bundles;
the office imports them in every order hypothesis picks. The end state must
be the same: the same versions of every record (the live one plus the
versions waiting as open conflicts), the same photo files, the same log.
"""

from __future__ import annotations

import json
import shutil
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
from inspector.services.sync.export import export_bundle
from inspector.services.sync.identity import Role, ensure_identity
from inspector.services.sync.importer import import_bundle
from inspector.services.sync.trust import TrustStatus, record_trust


@dataclass
class Bundles:
    office_template: Path
    files: list[Path]


def _edit(context: AppContext, inspection_id: str, note: str) -> None:
    with context.db.transaction() as session:
        inspections.reopen(session, inspection_id, "张三", "修改")
        inspections.update_details(session, inspection_id, general_note=note)
        inspections.complete(session, inspection_id, "张三")


@pytest.fixture(scope="module")
def bundles(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Bundles]:
    root = tmp_path_factory.mktemp("converge")
    a = installation(root, "a", Role.FIELD)
    b = installation(root, "b", Role.FIELD)
    relay = installation(root, "relay", Role.OFFICE)
    template = installation(root, "office", Role.OFFICE)
    try:
        shared = completed_inspection(a, photos=2, seed=20)
        files = [export_bundle(a, root / "a1.bundle").path]
        # B gets the same inspection through an office, as a previous visit.
        import_bundle(relay, files[0], trust_new_device=True)
        with relay.db.transaction() as session:
            add_assignment(session, site_id_for_code(VILLAGE), "李华", date(2026, 12, 1),
                           date(2026, 12, 31))
        import_bundle(b, export_bundle(relay, root / "relay.bundle").path)
        _edit(a, shared, "A 第一次修改")
        files.append(export_bundle(a, root / "a2.bundle").path)
        _edit(b, shared, "B 的修改")
        files.append(export_bundle(b, root / "b1.bundle").path)
        _edit(a, shared, "A 第二次修改")
        completed_inspection(a, photos=1, seed=21)
        files.append(export_bundle(a, root / "a3.bundle").path)
        completed_inspection(b, photos=1, seed=22)
        files.append(export_bundle(b, root / "b2.bundle").path)
        with template.db.transaction() as session:
            for device in (a, b):
                me = ensure_identity(device.paths)
                assert me.role is not None
                record_trust(session, Source(me.device_id, me.role, me.name, me.public_key),
                             TrustStatus.NEW_DEVICE, "test")
    finally:
        for context in (a, b, relay, template):
            context.close()
    yield Bundles(root / "office", files)


def _state(context: AppContext) -> dict[str, Any]:
    """Every record's versions (live and open conflicts), photo files and the bundle log."""
    state: dict[str, Any] = {}
    with context.db.engine.connect() as conn:
        tmap = rec.TemplateMap.load(conn)
        for name, spec in rec.SPECS.items():
            versions: dict[str, set[str]] = {}
            for row in conn.exec_driver_sql(rec.select_sql(spec)).fetchall():
                values = rec.local_to_bundle_values(spec, row, tmap)
                versions.setdefault(row[0], set()).add(
                    json.dumps(rec.content_of(spec, values), ensure_ascii=False))
            for record_id, remote in conn.exec_driver_sql(
                    "SELECT record_id, remote_json FROM sync_conflicts WHERE status = 'open'"
                    " AND table_name = ?", (name,)).fetchall():
                values = [json.loads(remote)[c] for c in spec.columns]
                versions[record_id].add(
                    json.dumps(rec.content_of(spec, values), ensure_ascii=False))
            state[name] = {k: frozenset(v) for k, v in versions.items()}
        state["bundles"] = frozenset(r[0] for r in conn.exec_driver_sql(
            "SELECT id FROM sync_bundles WHERE direction = 'in'").fetchall())
    state["photos"] = frozenset(p.name for p in context.paths.photos.rglob("*.jpg"))
    return state


def _import_all(bundles: Bundles, target: Path, order: list[int]) -> dict[str, Any]:
    shutil.copytree(bundles.office_template, target)
    context = open_context(AppPaths.resolve(target))
    try:
        for index in order:
            import_bundle(context, bundles.files[index])
        return _state(context)
    finally:
        context.close()


@settings(max_examples=8, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(order=st.permutations(range(5)),
       repeats=st.lists(st.tuples(st.integers(0, 4), st.integers(0, 5)), max_size=2))
def test_any_import_order_converges(bundles: Bundles, tmp_path: Path, order: list[int],
                                    repeats: list[tuple[int, int]]) -> None:
    sequence = list(order)
    for bundle, position in repeats:
        sequence.insert(position, bundle)
    reference = _import_all(bundles, tmp_path / "reference", [0, 1, 2, 3, 4]) \
        if not (tmp_path / "reference").exists() else None
    if reference is not None:
        (tmp_path / "reference.json").write_text(repr(sorted(
            (k, sorted((i, sorted(v)) for i, v in t.items()) if isinstance(t, dict)
             else sorted(t)) for k, t in reference.items())), "utf-8")
    target = tmp_path / f"run-{len(list(tmp_path.glob('run-*')))}"
    got = _import_all(bundles, target, sequence)
    expected = (tmp_path / "reference.json").read_text("utf-8")
    assert repr(sorted(
        (k, sorted((i, sorted(v)) for i, v in t.items()) if isinstance(t, dict) else sorted(t))
        for k, t in got.items())) == expected
    # The concurrent edits of A and B are waiting as one open conflict, not lost.
    inspections_versions = got["inspections"]
    assert any(len(v) == 2 for v in inspections_versions.values())
