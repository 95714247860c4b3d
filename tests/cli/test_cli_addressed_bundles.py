"""`inspector devices inspectors` and `inspector bundle export --for`: an assignment bundle
addressed to one field laptop carries its inspectors' assignments only."""

from __future__ import annotations

import json
import zipfile
from datetime import date
from pathlib import Path

import pytest
from loop_cli_helpers import refused, run
from sync_helpers import OTHER_VILLAGE, VILLAGE, completed_inspection, installation

from inspector.services.sites import site_id_for_code
from inspector.services.sync.assignments import add_assignment
from inspector.services.sync.export import export_bundle
from inspector.services.sync.identity import Role, ensure_identity
from inspector.services.sync.importer import import_bundle


def test_record_who_uses_a_laptop_and_address_a_bundle_to_it(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    office = installation(tmp_path, "office", Role.OFFICE)
    laptop = installation(tmp_path, "field", Role.FIELD)
    try:
        completed_inspection(laptop, VILLAGE)
        import_bundle(office, export_bundle(laptop, tmp_path / "r.bundle").path,
                      trust_new_device=True)
        device = ensure_identity(laptop.paths).device_id
        with office.db.transaction() as session:
            add_assignment(session, site_id_for_code(VILLAGE), "张明、李华", date(2026, 12, 1),
                           date(2026, 12, 31))
            add_assignment(session, site_id_for_code(OTHER_VILLAGE), "王芳", date(2026, 12, 1),
                           date(2026, 12, 31))
    finally:
        laptop.close()
        office.close()
    data = str(tmp_path / "office")
    line = refused(capsys, tmp_path / "office", "bundle", "export", "-o",
                   str(tmp_path / "a.bundle"), "--for", device[:8])
    assert "nobody is recorded" in line
    code, out, err = run(capsys, "devices", "inspectors", device[:8], "张明", "--data-dir", data)
    assert code == 0 and "张明" in out, err
    code, out, _ = run(capsys, "devices", "list", "--data-dir", data)
    assert "检查人员 / inspectors: 张明" in out
    code, out, err = run(capsys, "bundle", "export", "-o", str(tmp_path / "a.bundle"),
                         "--for", device[:8], "--format", "json", "--data-dir", data)
    assert code == 0, err
    assert json.loads(out)["counts"]["assignments"] == 1
    with zipfile.ZipFile(tmp_path / "a.bundle") as zf:
        (row,) = [json.loads(line) for line in
                  zf.read("records/assignments.jsonl").splitlines()]
    assert row[5] == "张明、李华"
