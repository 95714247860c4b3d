"""What an import reports for a bundle that was imported before."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sync_helpers import completed_inspection, dump, installation

from inspector.cli import main
from inspector.services.sync.export import export_bundle
from inspector.services.sync.identity import Role
from inspector.services.sync.importer import import_bundle


def test_an_already_imported_bundle_previews_as_all_identical(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    field = installation(tmp_path, "field", Role.FIELD)
    office = installation(tmp_path, "office", Role.OFFICE)
    try:
        completed_inspection(field, photos=2, seed=21)
        written = export_bundle(field, tmp_path / "r.bundle")
        records = sum(n for name, n in written.counts.items() if name != "photo_files")
        _, first = import_bundle(office, written.path, trust_new_device=True)
        assert first is not None and first.preview.totals()["new"] > 0
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
