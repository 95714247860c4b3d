"""An assignment bundle addressed to one field laptop carries what concerns it only: its
inspectors' assignments, the inspections it made that the office returned, and the items
its re-inspections verify; nothing of another laptop's work."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sync_helpers import OTHER_VILLAGE, VILLAGE, completed_inspection, installation

from inspector.services.api import office as office_api
from inspector.services.context import AppContext
from inspector.services.sites import site_id_for_code
from inspector.services.sync.assignments import add_assignment
from inspector.services.sync.errors import SyncError
from inspector.services.sync.export import export_bundle
from inspector.services.sync.identity import Role, ensure_identity
from inspector.services.sync.importer import import_bundle
from inspector.services.sync.recipients import set_device_inspectors


@pytest.fixture
def county(tmp_path: Path) -> Iterator[tuple[AppContext, AppContext, AppContext]]:
    office = installation(tmp_path, "office", Role.OFFICE)
    first = installation(tmp_path, "first", Role.FIELD)
    second = installation(tmp_path, "second", Role.FIELD)
    try:
        yield office, first, second
    finally:
        for context in (office, first, second):
            context.close()


def _lines(bundle: Path, table: str) -> list[list[object]]:
    with zipfile.ZipFile(bundle) as zf:
        if f"records/{table}.jsonl" not in zf.namelist():
            return []
        return [json.loads(line) for line in zf.read(f"records/{table}.jsonl").splitlines()]


def test_each_laptop_gets_its_own(county: tuple[AppContext, AppContext, AppContext],
                                  tmp_path: Path) -> None:
    office, first, second = county
    mine = completed_inspection(first, VILLAGE, rating="not_met", seed=1)
    theirs = completed_inspection(second, OTHER_VILLAGE, seed=2)
    for n, laptop in enumerate((first, second)):
        import_bundle(office, export_bundle(laptop, tmp_path / f"r{n}.bundle").path,
                      trust_new_device=True)
    ids = {name: ensure_identity(laptop.paths).device_id
           for name, laptop in (("first", first), ("second", second))}
    with office.db.transaction() as session:
        set_device_inspectors(session, ids["first"], ["张明、李华"])
        set_device_inspectors(session, ids["second"], ["王芳"])
        ours = add_assignment(session, site_id_for_code(VILLAGE), "张明", date(2026, 12, 1),
                              date(2026, 12, 31)).id
        other = add_assignment(session, site_id_for_code(OTHER_VILLAGE), "王芳",
                               date(2026, 12, 1), date(2026, 12, 31)).id
    office_api.return_inspection(office, mine, "王主任", "请补充说明")

    to_first = export_bundle(office, tmp_path / "a1.bundle", for_device=ids["first"]).path
    assert [row[0] for row in _lines(to_first, "assignments")] == [ours]
    assert {row[0] for row in _lines(to_first, "inspections")} == {mine}
    assert len(_lines(to_first, "reviews")) == 1
    to_second = export_bundle(office, tmp_path / "a2.bundle", for_device=ids["second"]).path
    assert [row[0] for row in _lines(to_second, "assignments")] == [other]
    assert {row[0] for row in _lines(to_second, "inspections")} == {theirs}
    assert _lines(to_second, "reviews") == []
    # Unaddressed, the bundle is for every laptop, as before.
    everyone = export_bundle(office, tmp_path / "all.bundle").path
    assert {row[0] for row in _lines(everyone, "assignments")} == {ours, other}

    _, done = import_bundle(first, to_first)
    assert done is not None
    assert office_api.open_comments(first, mine) is not None


def test_an_address_the_office_cannot_use_is_refused(
        county: tuple[AppContext, AppContext, AppContext], tmp_path: Path) -> None:
    office, first, _second = county
    import_bundle(office, export_bundle(first, tmp_path / "r.bundle").path,
                  trust_new_device=True)
    laptop = ensure_identity(first.paths).device_id
    with pytest.raises(SyncError, match="nobody is recorded"):
        export_bundle(office, tmp_path / "a.bundle", for_device=laptop)
    with pytest.raises(SyncError, match="no such field laptop"):
        export_bundle(office, tmp_path / "a.bundle", for_device="0" * 36)
    with pytest.raises(SyncError, match="only an assignment bundle"):
        export_bundle(office, tmp_path / "a.bundle", kind="receipt", for_device=laptop)
    assert not (tmp_path / "a.bundle").exists()
