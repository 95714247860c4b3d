"""Sync bundles end to end: field → office → field with photos, incremental, twice, conflicts."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlmodel import select
from sync_helpers import VILLAGE, completed_inspection, dump, installation

from inspector.services import inspections
from inspector.services.context import AppContext
from inspector.services.photo_store import PhotoStore
from inspector.services.sites import site_id_for_code
from inspector.services.sync.assignments import add_assignment
from inspector.services.sync.conflicts import list_conflicts, resolve
from inspector.services.sync.export import export_bundle
from inspector.services.sync.identity import Role, ensure_identity
from inspector.services.sync.importer import import_bundle
from inspector.storage.models import Inspection, Photo, SyncBundle


@pytest.fixture
def field(tmp_path: Path) -> Iterator[AppContext]:
    context = installation(tmp_path, "field", Role.FIELD)
    yield context
    context.close()


@pytest.fixture
def office(tmp_path: Path) -> Iterator[AppContext]:
    context = installation(tmp_path, "office", Role.OFFICE)
    yield context
    context.close()


def _note(context: AppContext, inspection_id: str) -> str:
    with context.db.session() as session:
        row = session.get(Inspection, inspection_id)
        assert row is not None
        return row.general_note


def _edit_note(context: AppContext, inspection_id: str, note: str, actor: str) -> None:
    with context.db.transaction() as session:
        inspections.reopen(session, inspection_id, actor, "补充说明")
        inspections.update_details(session, inspection_id, general_note=note)
        inspections.complete(session, inspection_id, actor)


def test_round_trip_field_office_field_with_photos(field: AppContext, office: AppContext,
                                                   tmp_path: Path) -> None:
    inspection_id = completed_inspection(field, photos=2, seed=1)
    results = export_bundle(field, tmp_path / "results.bundle")
    assert results.counts["inspections"] >= 1 and results.counts["photo_files"] >= 2

    _, done = import_bundle(office, results.path, trust_new_device=True, actor="办公室")
    assert done is not None and done.trusted_new_device and done.backup is not None
    assert done.backup.exists()
    totals = done.preview.totals()
    assert totals.new > 0 and totals.conflicts == 0 and totals.photos_new == 2
    office_store = PhotoStore.for_paths(office.paths)
    with office.db.session() as session:
        shas = session.exec(select(Photo.sha256).where(Photo.inspection_id == inspection_id)).all()
        assert len(shas) == 2 and all(office_store.find(sha) for sha in shas)
        log = session.get(SyncBundle, results.bundle_id)
        assert log is not None and log.direction == "in" and log.actor == "办公室"

    # The office assigns the site again; the assignment bundle carries the last
    # inspection with its photos to a second laptop, and a receipt to the first.
    with office.db.transaction() as session:
        add_assignment(session, site_id_for_code(VILLAGE), "李华", date(2026, 12, 1),
                       date(2026, 12, 31))
    assignment = export_bundle(office, tmp_path / "assignment.bundle")
    assert assignment.kind == "assignment" and assignment.counts["assignments"] == 1

    second = installation(tmp_path, "second", Role.FIELD)
    try:
        _, done2 = import_bundle(second, assignment.path)
        assert done2 is not None and done2.pinned_office
        second_store = PhotoStore.for_paths(second.paths)
        assert all(second_store.find(sha) for sha in shas)
        assert _note(second, inspection_id) == _note(field, inspection_id)
    finally:
        second.close()

    before = dump(field)
    _, back = import_bundle(field, assignment.path)
    assert back is not None and back.pinned_office
    assert back.confirmed_bundles == [results.bundle_id]
    assert back.preview.totals().conflicts == 0
    # Nothing of the laptop's own work changed; only the assignment arrived.
    with field.db.session() as session:
        out = session.get(SyncBundle, results.bundle_id)
        assert out is not None and out.confirmed_at is not None
    after_rows = set(dump(field)[0])
    assert {r for r in before[0] if r.startswith('INSERT INTO "inspections"')} <= after_rows


def test_incremental_export_sends_only_what_the_office_has_not_confirmed(
        field: AppContext, office: AppContext, tmp_path: Path) -> None:
    first_id = completed_inspection(field, photos=1, seed=2)
    first = export_bundle(field, tmp_path / "1.bundle")
    # Not confirmed yet: the next incremental export repeats it.
    again = export_bundle(field, tmp_path / "2.bundle")
    assert again.counts["inspections"] == first.counts["inspections"]
    import_bundle(office, first.path, trust_new_device=True)
    import_bundle(office, again.path)
    receipt = export_bundle(office, tmp_path / "receipt.bundle", kind="receipt")
    _, done = import_bundle(field, receipt.path)
    assert done is not None and set(done.confirmed_bundles) == {first.bundle_id,
                                                               again.bundle_id}
    empty = export_bundle(field, tmp_path / "3.bundle")
    assert empty.counts["inspections"] == 0 and empty.counts["photo_files"] == 0

    _edit_note(field, first_id, "整改已完成", "张三")
    changed = export_bundle(field, tmp_path / "4.bundle")
    assert changed.counts["inspections"] == 1 and changed.counts["responses"] == 0
    everything = export_bundle(field, tmp_path / "5.bundle", include_all=True)
    assert everything.counts["responses"] > 0 and everything.scope == "all"
    _, merged = import_bundle(office, changed.path)
    assert merged is not None and merged.preview.totals().updated == 1
    assert _note(office, first_id) == "整改已完成"


def test_the_same_bundle_twice_changes_nothing(field: AppContext, office: AppContext,
                                               tmp_path: Path) -> None:
    completed_inspection(field, photos=1, seed=3)
    bundle = export_bundle(field, tmp_path / "r.bundle").path
    import_bundle(office, bundle, trust_new_device=True)
    before = dump(office)
    prepared, done = import_bundle(office, bundle)
    assert prepared.already_imported_at is not None
    assert done is not None and done.already_imported
    assert dump(office) == before


def test_an_edit_on_both_sides_is_a_conflict_with_both_versions_kept(
        field: AppContext, office: AppContext, tmp_path: Path) -> None:
    inspection_id = completed_inspection(field, photos=0, seed=4)
    import_bundle(office, export_bundle(field, tmp_path / "1.bundle").path,
                  trust_new_device=True)
    _edit_note(field, inspection_id, "外业：已整改", "张三")
    _edit_note(office, inspection_id, "办公室：未整改", "王科长")
    prepared, done = import_bundle(office, export_bundle(field, tmp_path / "2.bundle").path)
    assert prepared.preview.totals().conflicts >= 1
    assert done is not None
    assert _note(office, inspection_id) == "办公室：未整改"  # never silently overwritten
    with office.db.session() as session:
        views = [v for v in list_conflicts(session) if v.record_id == inspection_id]
    assert len(views) == 1
    differing = {name: (here, there) for name, here, there in views[0].differing}
    assert differing["general_note"] == ("办公室：未整改", "外业：已整改")

    me = ensure_identity(office.paths)
    with office.db.transaction() as session:
        for view in list_conflicts(session):
            resolve(session, view.id, "remote", "王科长", me.device_id)
    assert _note(office, inspection_id) == "外业：已整改"
    with office.db.session() as session:
        assert list_conflicts(session) == []
    # The decision travels on as a newer version, not as a new conflict.
    with office.db.transaction() as session:
        add_assignment(session, site_id_for_code(VILLAGE), "李华", date(2026, 12, 1),
                       date(2026, 12, 31))
    _, back = import_bundle(field, export_bundle(office, tmp_path / "a.bundle").path)
    assert back is not None and back.preview.totals().conflicts == 0
    assert _note(field, inspection_id) == "外业：已整改"


def test_role_decides_what_is_exported_and_imported(field: AppContext, office: AppContext,
                                                    tmp_path: Path) -> None:
    from inspector.services.sync.errors import BundleRefused, SyncError

    taken = tmp_path / "taken.bundle"
    taken.write_text("keep me")
    with pytest.raises(SyncError, match="exists already"):
        export_bundle(field, taken)
    assert taken.read_text() == "keep me"
    with pytest.raises(SyncError, match="does not export"):
        export_bundle(field, tmp_path / "x.bundle", kind="assignment")
    assignment = export_bundle(office, tmp_path / "a.bundle")
    other_office = installation(tmp_path, "office2", Role.OFFICE)
    try:
        with pytest.raises(BundleRefused, match="does not import"):
            import_bundle(other_office, assignment.path)
    finally:
        other_office.close()
    assert not list(tmp_path.glob(".*.part"))


class _CancelAfter:
    """A control that asks to stop after a number of progress reports."""

    def __init__(self, reports: int) -> None:
        self.left = reports
        self.seen = 0

    @property
    def cancelled(self) -> bool:
        return self.left <= 0

    def progress(self, done: int, total: int, text: str = "") -> None:
        self.seen += 1
        self.left -= 1


def test_cancelled_export_and_import_leave_nothing_behind(field: AppContext, office: AppContext,
                                                          tmp_path: Path) -> None:
    from inspector.services.control import Cancelled
    from inspector.services.sync.importer import prepare_import

    completed_inspection(field, photos=3, seed=5)
    stick = tmp_path / "stick"
    stick.mkdir()
    before = dump(field)
    with pytest.raises(Cancelled):
        export_bundle(field, stick / "r.bundle", control=_CancelAfter(3))
    assert list(stick.iterdir()) == []
    assert dump(field) == before  # no sequence number used, no version marked as sent
    bundle = export_bundle(field, stick / "r.bundle")
    assert bundle.sequence == 1

    before = dump(office)
    control = _CancelAfter(2)
    with pytest.raises(Cancelled):
        prepare_import(office, bundle.path, trust_new_device=True, control=control)
    assert control.seen >= 2
    assert dump(office) == before  # the photos copied so far were removed again


def test_cli_assignments_device_and_json_import(field: AppContext, office: AppContext,
                                                tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from inspector.cli import main

    office_dir, field_dir = str(office.paths.data_dir), str(field.paths.data_dir)
    assert main(["--data-dir", office_dir, "assignments", "add", "--site", VILLAGE,
                 "--inspectors", "王芳", "--from", "2026-12-01", "--to", "2026-12-20"]) == 0
    assert main(["--data-dir", field_dir, "device", "show", "--format", "json"]) == 0
    capsys.readouterr()
    completed_inspection(field, photos=1, seed=6)
    bundle = str(tmp_path / "r.bundle")
    assert main(["--data-dir", field_dir, "bundle", "export", "-o", bundle]) == 0
    assert main(["--data-dir", office_dir, "bundle", "verify", bundle]) == 0
    capsys.readouterr()
    assert main(["--data-dir", office_dir, "bundle", "import", bundle, "--dry-run",
                 "--trust-new-device", "--format", "json"]) == 0
    preview = json.loads(capsys.readouterr().out)
    assert {"new", "updated", "identical", "conflicts", "photos_new", "photos_known"} <= set(
        preview) and preview["photos_new"] == 1 and preview["dry_run"]
    assert main(["--data-dir", office_dir, "bundle", "import", bundle,
                 "--trust-new-device"]) == 0
    assert main(["--data-dir", office_dir, "devices", "list", "--format", "json"]) == 0
    assignment = str(tmp_path / "a.bundle")
    assert main(["--data-dir", office_dir, "bundle", "export", "-o", assignment]) == 0
    capsys.readouterr()
    assert main(["--data-dir", field_dir, "bundle", "import", assignment]) == 0
    out = capsys.readouterr().out
    assert "pinned" in out and "confirmed 1" in out
    assert main(["--data-dir", field_dir, "init", "--role", "office"]) == 2


def test_cancelling_the_merge_rolls_everything_back(field: AppContext, office: AppContext,
                                                    tmp_path: Path) -> None:
    from inspector.services.control import Cancelled
    from inspector.services.sync.importer import commit_import, prepare_import

    completed_inspection(field, photos=2, seed=7)
    bundle = export_bundle(field, tmp_path / "r.bundle").path
    before = dump(office)
    prepared = prepare_import(office, bundle, trust_new_device=True)
    with pytest.raises(Cancelled):
        commit_import(prepared, "王芳", control=_CancelAfter(1))
    assert dump(office) == before
    assert not office.paths.backups.exists() or not any(office.paths.backups.iterdir())


def test_the_field_demo_imports_into_the_office_demo(tmp_path: Path) -> None:
    from inspector.app_paths import AppPaths
    from inspector.services.context import open_context
    from inspector.services.sync.demo_roles import prepare_demo

    contexts = {role: open_context(AppPaths.resolve(tmp_path / role.value))
                for role in (Role.FIELD, Role.OFFICE)}
    try:
        field_demo = prepare_demo(contexts[Role.FIELD], Role.FIELD)
        office_demo = prepare_demo(contexts[Role.OFFICE], Role.OFFICE)
        assert field_demo.inspections > 0 and office_demo.assignments > 0
        bundle = export_bundle(contexts[Role.FIELD], tmp_path / "demo.bundle").path
        _, done = import_bundle(contexts[Role.OFFICE], bundle, trust_new_device=True)
        assert done is not None
        totals = done.preview.totals()
        # The office demo holds the field demo's two visits already (reviewed, with letters).
        assert totals.conflicts == 0 and totals.photos_known > 0
        assert done.preview.tables["sites"].identical == done.preview.tables["sites"].new + \
            done.preview.tables["sites"].identical  # same county: every site known already
        back = export_bundle(contexts[Role.OFFICE], tmp_path / "assignment.bundle")
        # The demo's own assignments, the campaign's and the re-inspection's.
        assert back.counts["assignments"] > office_demo.assignments
        assert office_demo.letters == 2 and office_demo.items > 0
        from inspector.services.sync.assignments import list_assignments

        with contexts[Role.OFFICE].db.session() as session:  # demo content is Chinese only
            assert "复查上次检查的整改项" in {a.note for a in list_assignments(session)}
        _, home = import_bundle(contexts[Role.FIELD], back.path)
        assert home is not None and home.confirmed_bundles and \
            home.preview.totals().conflicts == 0
        # The inspection the office returned arrives reopened, with the reviewer's comments.
        from inspector.services.api import office as office_api

        returned = [e for e in office_api.review_queue(contexts[Role.FIELD])
                    if e.state.value == "returned"]
        assert len(returned) == 1
        comments = office_api.open_comments(contexts[Role.FIELD], returned[0].inspection_id)
        assert comments is not None and comments.criterion_comments
    finally:
        for context in contexts.values():
            context.close()
