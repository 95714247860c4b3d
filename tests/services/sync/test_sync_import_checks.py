"""What an import checks and reports beyond refusing hostile bundles (test_sync_hostile)."""

from __future__ import annotations

import errno
import io
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sync_helpers import VILLAGE, completed_inspection, dump, installation

from inspector import assets
from inspector.cli import main
from inspector.domain.templates import ChecklistTemplate, parse_template
from inspector.services.photo_store import PhotoStore
from inspector.services.sites import site_id_for_code
from inspector.services.sync.assignments import add_assignment
from inspector.services.sync.export import export_bundle
from inspector.services.sync.identity import Role
from inspector.services.sync.importer import import_bundle
from inspector.services.templates import register


def test_an_already_imported_bundle_previews_as_all_identical(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    field = installation(tmp_path, "field", Role.FIELD)
    office = installation(tmp_path, "office", Role.OFFICE)
    try:
        completed_inspection(field, photos=2, seed=21)
        written = export_bundle(field, tmp_path / "r.bundle")
        records = sum(n for name, n in written.counts.items() if name != "photo_files")
        _, first = import_bundle(office, written.path, trust_new_device=True)
        assert first is not None and first.preview.totals().new > 0
        before = dump(office)
        capsys.readouterr()
        for dry_run in ([], ["--dry-run"]):
            assert main(["--data-dir", str(office.paths.data_dir), "bundle", "import",
                         str(written.path), "--format", "json", *dry_run]) == 0
            shown = json.loads(capsys.readouterr().out)
            assert shown["already_imported"] is True
            assert shown["identical"] == records > 0
            assert (shown["new"], shown["updated"], shown["conflicts"]) == (0, 0, 0)
            assert (shown["photos_new"], shown["photos_known"]) == (0, 2)
            assert shown["tables"]["responses"]["identical"] == written.counts["responses"]
        assert dump(office) == before
    finally:
        field.close()
        office.close()


def _second_version_with_new_criterion_ids() -> ChecklistTemplate:
    """The shipped checklist as version 2, every criterion under a new id: a response of
    an inspection using it is right only when checked against version 2 itself."""
    raw = json.loads(assets.checklist_files()[0].read_text("utf-8"))
    raw["version"] = 2
    for level1 in raw["indicators"]:
        for level2 in level1["indicators"]:
            for criterion in level2["criteria"]:
                criterion["id"] += "-v2"
    return parse_template(raw, "v2")


def test_an_assignment_bringing_a_checklist_version_is_checked_against_that_version(
        tmp_path: Path) -> None:
    """The laptop does not have version 2 yet: the preview (nothing written) checks the
    responses against the version the bundle brings, and so does the import."""
    office = installation(tmp_path, "office", Role.OFFICE)
    laptop = installation(tmp_path, "field", Role.FIELD)
    try:
        with office.db.transaction() as session:
            register(session, _second_version_with_new_criterion_ids())
            add_assignment(session, site_id_for_code(VILLAGE), "王芳", date(2026, 12, 1),
                           date(2026, 12, 20))
        completed_inspection(office, VILLAGE, photos=1, seed=23)
        written = export_bundle(office, tmp_path / "a.bundle")
        for dry_run in (True, False):
            prepared, _ = import_bundle(laptop, written.path, dry_run=dry_run)
            assert prepared.preview.templates_new == ["community-education-3tier@2"]
            assert prepared.preview.tables["responses"].new == written.counts["responses"] > 0
    finally:
        office.close()
        laptop.close()


class _FullDisk(io.BufferedWriter):
    """A photo's temp file on a disk that fills up while the photo is copied."""

    def write(self, data: Any) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")


def test_a_full_disk_while_photos_are_copied_is_not_blamed_on_the_bundle(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    field = installation(tmp_path, "field", Role.FIELD)
    office = installation(tmp_path, "office", Role.OFFICE)
    try:
        completed_inspection(field, photos=2, seed=24)
        written = export_bundle(field, tmp_path / "r.bundle")
        real = PhotoStore.new_staging_file

        def full(store: PhotoStore) -> tuple[Path, Any]:
            path, handle = real(store)
            handle.close()
            return path, _FullDisk(io.FileIO(path, "wb"))

        monkeypatch.setattr(PhotoStore, "new_staging_file", full)
        before = dump(office)
        capsys.readouterr()
        status = main(["--data-dir", str(office.paths.data_dir), "bundle", "import",
                       str(written.path), "--trust-new-device"])
        err = capsys.readouterr().err
        assert status == 1 and err.count("\n") == 1, err
        assert "disk is full" in err and "damaged" not in err
        assert dump(office) == before
        assert not [p for p in office.paths.photos.rglob("*") if p.suffix == ".part"]
    finally:
        field.close()
        office.close()
