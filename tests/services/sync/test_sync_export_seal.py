"""The export's records: written by SQLite as Python would write them, marked sent set-wise.

The lines and version vectors of a bundle are checked against what
``records.py`` computes in Python from the database as it was before the
export; the marks against the records as they were read, also when a record
moved to another rowid while the bundle was written.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import zipfile
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import select
from sync_helpers import OTHER_VILLAGE, completed_inspection, installation

from inspector.app_paths import AppPaths
from inspector.services import inspections
from inspector.services.context import AppContext, open_context
from inspector.services.control import Cancelled, NullControl
from inspector.services.sync import export_records
from inspector.services.sync import records as rec
from inspector.services.sync.bundle_format import BundleKind, kind_tables
from inspector.services.sync.export import SEAL_FOLDER, export_bundle
from inspector.services.sync.identity import Role, ensure_identity

# A field laptop with no re-inspection writes format version 1: these tables.
RESULTS_TABLES_V1 = kind_tables(BundleKind.RESULTS, 1)

#: Text SQLite and Python must write alike in JSON: every control character, quotes,
#: backslashes, U+2028, a BOM, CJK and characters beyond the BMP.
AWKWARD = "".join(map(chr, range(1, 32))) + '"\\/\u2028\u2029\ufeff检查😀𝄞\x7f'


def _state(database: Path, table: str) -> dict[str, tuple[Any, ...]]:
    """id -> (local values…, sync_vv, revision, sync_rev, sync_seq) of every row."""
    spec = rec.SPECS[table]
    with sqlite3.connect(database) as conn:
        rows = conn.execute(rec.select_sql(spec, extra=("sync_seq",))).fetchall()
        tmap = rec.TemplateMap.from_rows(conn.execute(rec.TEMPLATE_KEYS_SQL).fetchall())
    conn.close()
    width = len(spec.local_columns)
    return {row[0]: (*rec.local_to_bundle_values(spec, row, tmap), *row[width:])
            for row in rows}


def _bundle_lines(bundle: Path, table: str) -> bytes:
    with zipfile.ZipFile(bundle) as zf:
        return zf.read(f"records/{table}.jsonl")


def _field_with_history(tmp_path: Path) -> AppContext:
    """Records never sent (with awkward text and GPS), sent and unchanged, sent then edited."""
    field = installation(tmp_path, "field", Role.FIELD)
    first = completed_inspection(field, photos=2, rating="partly", seed=1)
    export_bundle(field, tmp_path / "earlier.bundle")  # everything so far is sent
    with field.db.transaction() as session:  # …then one of them edited
        inspections.reopen(session, first, "张三", "补充")
        inspections.update_details(session, first, general_note="整改后复查")
        inspections.complete(session, first, "张三")
    completed_inspection(field, code=OTHER_VILLAGE, photos=1, rating="not_met", seed=2)
    with sqlite3.connect(field.db.path) as conn:  # whatever is stored is written
        conn.execute("UPDATE responses SET note = ? WHERE rowid = (SELECT max(rowid) FROM"
                     " responses)", (AWKWARD,))
        conn.execute("UPDATE photos SET gps_lat = 29.123456789012345, gps_lon = 1e-07,"
                     " caption = ?", (AWKWARD,))
    conn.close()
    return field


def test_lines_and_versions_are_what_python_computes_and_sqlite_writes_them_alike(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    field = _field_with_history(tmp_path)
    device = ensure_identity(field.paths).device_id
    field.close()
    by_python = tmp_path / "by-python"
    shutil.copytree(field.paths.data_dir, by_python)
    before = {t: _state(field.db.path, t) for t in RESULTS_TABLES_V1}
    monkeypatch.setattr(export_records, "ROWS_PER_READ", 3)  # several batches per table

    context = open_context(AppPaths.resolve(field.paths.data_dir))
    assert export_records.sqlite_json_agrees(sqlite3.connect(":memory:"))
    by_sqlite = export_bundle(context, tmp_path / "sqlite.bundle", include_all=True)
    context.close()
    monkeypatch.setattr(export_records, "_AGREES", False)
    python_context = open_context(AppPaths.resolve(by_python))
    written_by_python = export_bundle(python_context, tmp_path / "python.bundle",
                                      include_all=True)
    python_context.close()

    for table in RESULTS_TABLES_V1:
        spec = rec.SPECS[table]
        lines = _bundle_lines(by_sqlite.path, table)
        assert lines == _bundle_lines(written_by_python.path, table), table
        rows = [json.loads(line) for line in lines.splitlines()]
        assert {row[0] for row in rows} == set(before[table]), table
        for row in rows:
            *values, stored, revision, sync_rev, _seq = before[table][row[0]]
            assert row[:-1] == values
            assert row[-1] == rec.effective_vv(spec, values, stored, revision, sync_rev, device)
    notes = [json.loads(line)[-2] for line in _bundle_lines(by_sqlite.path, "responses")
             .splitlines()]
    assert AWKWARD in notes
    assert by_sqlite.counts == written_by_python.counts
    for table in RESULTS_TABLES_V1:  # marked alike
        assert _state(field.db.path, table) == _state(AppPaths.resolve(by_python).database,
                                                      table)


def test_marks_are_the_versions_read_even_for_a_record_that_moved(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    field = installation(tmp_path, "field", Role.FIELD)
    completed_inspection(field, photos=1)
    monkeypatch.setattr(export_records, "ROWS_PER_READ", 4)
    moved: list[str] = []

    def move_a_sealed_response(_done: int, _total: int, text: str) -> None:
        # The first responses are sealed; one of them is deleted and made again (as
        # another program could): same id and values, another rowid.
        if text == "responses" and not moved:
            with sqlite3.connect(field.db.path) as conn:
                row = conn.execute("SELECT * FROM responses ORDER BY rowid LIMIT 1").fetchone()
                conn.execute("DELETE FROM responses WHERE id = ?", (row[0],))
                conn.execute(f"INSERT INTO responses VALUES ({', '.join('?' * len(row))})",
                             row)
            conn.close()
            moved.append(row[0])

    before = _state(field.db.path, "responses")
    result = export_bundle(field, tmp_path / "1.bundle",
                           control=NullControl(move_a_sealed_response))
    assert moved
    after = _state(field.db.path, "responses")
    sent = {json.loads(line)[0]: json.loads(line)[-1]
            for line in _bundle_lines(result.path, "responses").splitlines()}
    assert set(sent) == set(before) == set(after)
    for record_id, row in after.items():
        *_values, sync_vv, _revision, sync_rev, sync_seq = row
        assert (sync_rev, sync_seq) == (before[record_id][-3], result.sequence), record_id
        assert sync_vv is not None and json.loads(sync_vv) == sent[record_id]
    field.close()


def _seals(context: AppContext) -> list[Path]:
    folder = context.paths.data_dir / SEAL_FOLDER
    return sorted(folder.iterdir()) if folder.is_dir() else []


def test_the_seal_file_is_removed_after_an_export_a_cancelled_one_and_a_killed_one(
        tmp_path: Path) -> None:
    field = installation(tmp_path, "field", Role.FIELD)
    completed_inspection(field, photos=1)
    seen: list[list[Path]] = []

    def look(_done: int, _total: int, text: str) -> None:
        if text == "responses" and not seen:
            seen.append(_seals(field))

    export_bundle(field, tmp_path / "1.bundle", control=NullControl(look))
    assert len(seen[0]) == 1 and seen[0][0].name.endswith(export_records.SEAL_SUFFIX)
    assert _seals(field) == []

    control = NullControl(lambda _d, _t, text: control.cancel() if text == "responses"
                          else None)
    with pytest.raises(Cancelled):
        export_bundle(field, tmp_path / "2.bundle", control=control)
    assert _seals(field) == []
    assert not (tmp_path / "2.bundle").exists()

    leftover = field.paths.data_dir / SEAL_FOLDER / f"0123{export_records.SEAL_SUFFIX}"
    leftover.write_bytes(b"what a killed export left")
    export_bundle(field, tmp_path / "3.bundle", include_all=True)
    assert _seals(field) == []
    field.close()


def test_the_history_row_of_an_export_reads_back_as_what_was_written(tmp_path: Path) -> None:
    from inspector.domain.values import BundleStatus, Direction
    from inspector.storage.models import SyncBundle

    field = installation(tmp_path, "field", Role.FIELD)
    completed_inspection(field, photos=1)
    first = export_bundle(field, tmp_path / "1.bundle")
    second = export_bundle(field, tmp_path / "2.bundle", include_all=True)
    with field.db.session() as session:
        rows = {r.id: r for r in session.exec(select(SyncBundle)).all()}
    field.close()
    assert set(rows) == {first.bundle_id, second.bundle_id}
    for result in (first, second):
        row = rows[result.bundle_id]
        assert (row.direction, row.kind, row.status, row.scope, row.sequence) == (
            Direction.OUT, result.kind, BundleStatus.WRITTEN, result.scope, result.sequence)
        assert (row.file_name, row.manifest_sha256) == (result.path.name,
                                                         result.manifest_sha256)
        assert json.loads(row.counts) == result.counts and row.changes == "{}"
        assert row.revision == 2 and row.created_at <= row.bundle_created_at <= row.at
        assert row.updated_at >= row.bundle_created_at and row.confirmed_at is None
