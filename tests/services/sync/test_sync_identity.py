"""Device identity and trust as a user meets them: keys kept private, what `device show` and
`devices list` print, a second office refused, and the backup taken before an import."""

from __future__ import annotations

import json
import sqlite3
import stat
import sys
from pathlib import Path

import pytest
from sync_helpers import completed_inspection, installation

from inspector.app_paths import AppPaths
from inspector.cli import main
from inspector.services.sync.export import export_bundle
from inspector.services.sync.identity import Role, load_identity
from inspector.services.sync.importer import import_bundle


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
def test_the_device_key_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    field = installation(tmp_path, "field", Role.FIELD)
    field.close()
    folder = next(p for p in (tmp_path / "field").rglob("private_key.pem")).parent
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    for name in ("private_key.pem", "identity.json"):
        assert stat.S_IMODE((folder / name).stat().st_mode) == 0o600


def test_device_show_prints_the_id_and_the_fingerprint(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    installation(tmp_path, "field", Role.FIELD).close()
    me = load_identity(AppPaths.resolve(tmp_path / "field"))
    assert me is not None
    code, out, _ = _run(capsys, "device", "show", "--data-dir", str(tmp_path / "field"))
    assert code == 0
    assert f"{me.device_id}" in out and f"指纹 / fingerprint:     {me.fingerprint}" in out
    assert "外业笔记本 / field laptop" in out
    code, out, _ = _run(capsys, "device", "show", "--format", "json",
                        "--data-dir", str(tmp_path / "field"))
    shown = json.loads(out)
    assert code == 0 and shown["device_id"] == me.device_id and shown["role"] == "field"
    assert shown["fingerprint"] == me.fingerprint and len(me.fingerprint.split()) == 8


def test_devices_list_names_the_enrolled_laptops(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    field = installation(tmp_path, "field", Role.FIELD)
    office = installation(tmp_path, "office", Role.OFFICE)
    try:
        completed_inspection(field, photos=0, seed=3)
        import_bundle(office, export_bundle(field, tmp_path / "r.bundle").path,
                      trust_new_device=True)
        me = load_identity(field.paths)
        assert me is not None
    finally:
        field.close()
        office.close()
    code, out, _ = _run(capsys, "devices", "list", "--data-dir", str(tmp_path / "office"))
    assert code == 0 and me.fingerprint in out and "field" in out
    code, out, _ = _run(capsys, "devices", "list", "--format", "json",
                        "--data-dir", str(tmp_path / "office"))
    listed = json.loads(out)
    assert [(d["id"], d["fingerprint"], d["status"]) for d in listed] == [
        (me.device_id, me.fingerprint, "trusted")]


def test_a_laptop_refuses_a_second_office_after_pinning_the_first(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    field = installation(tmp_path, "field", Role.FIELD)
    first = installation(tmp_path, "office", Role.OFFICE)
    other = installation(tmp_path, "other-office", Role.OFFICE)
    try:
        import_bundle(field, export_bundle(first, tmp_path / "a1.bundle").path)  # pins it
        stranger = export_bundle(other, tmp_path / "a2.bundle").path
    finally:
        for context in (field, first, other):
            context.close()
    database = tmp_path / "field" / "inspector.sqlite3"
    before = database.read_bytes()
    code, _, err = _run(capsys, "bundle", "import", str(stranger),
                        "--data-dir", str(tmp_path / "field"))
    assert code == 2 and err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("inspector: error: ")
    assert database.read_bytes() == before


def test_the_backup_before_an_import_is_the_database_as_it_was(tmp_path: Path) -> None:
    field = installation(tmp_path, "field", Role.FIELD)
    office = installation(tmp_path, "office", Role.OFFICE)
    try:
        completed_inspection(field, photos=1, seed=9)
        _, result = import_bundle(office, export_bundle(field, tmp_path / "r.bundle").path,
                                  trust_new_device=True)
        assert result is not None and result.backup is not None
        with sqlite3.connect(result.backup) as backup:
            assert backup.execute("SELECT count(*) FROM inspections").fetchone() == (0,)
            assert backup.execute("SELECT count(*) FROM sites").fetchone() == (31,)
        backup.close()
        with sqlite3.connect(office.db.path) as live:
            assert live.execute("SELECT count(*) FROM inspections").fetchone() == (1,)
        live.close()
    finally:
        field.close()
        office.close()


def test_two_first_uses_at_once_make_one_identity(tmp_path: Path) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from inspector.services.sync.identity import ensure_identity

    paths = AppPaths.resolve(tmp_path / "fresh")
    with ThreadPoolExecutor(max_workers=4) as pool:
        made = list(pool.map(lambda _n: ensure_identity(paths), range(8)))
    on_disk = load_identity(paths)
    assert on_disk is not None
    assert {me.device_id for me in made} == {on_disk.device_id}
    assert {me.fingerprint for me in made} == {on_disk.fingerprint}  # signs with the kept key


def test_bundle_history_lists_what_was_written_and_imported(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from inspector.services.sync.history import bundle_history

    field = installation(tmp_path, "field", Role.FIELD)
    office = installation(tmp_path, "office", Role.OFFICE)
    try:
        completed_inspection(field, photos=0, seed=12)
        sent = export_bundle(field, tmp_path / "r.bundle")
        import_bundle(office, sent.path, trust_new_device=True)
        with office.db.session() as session:
            (entry,) = bundle_history(session, unfinished=False)
        assert (entry.direction, entry.kind, entry.sequence) == ("in", "results", 1)
        assert entry.imported.new > 0  # what the import changed
        assert entry.counts["inspections"] == 1  # what the bundle holds
    finally:
        field.close()
        office.close()
    code, out, _ = _run(capsys, "bundle", "history", "--format", "json",
                        "--data-dir", str(tmp_path / "field"))
    (written,) = json.loads(out)
    assert code == 0 and written["direction"] == "out" and written["file"] == "r.bundle"
    code, out, _ = _run(capsys, "bundle", "history", "--data-dir", str(tmp_path / "field"))
    assert code == 0 and "导出 / out" in out and "检查结果 / results" in out
