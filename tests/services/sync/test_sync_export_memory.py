"""The export remembers the versions it sent outside Python memory; they are marked exactly."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sync_helpers import completed_inspection, installation

from inspector.services import inspections
from inspector.services.context import AppContext
from inspector.services.control import NullControl
from inspector.services.sync import export_records
from inspector.services.sync.bundle_format import BundleKind, kind_tables
from inspector.services.sync.export import export_bundle
from inspector.services.sync.identity import Role, ensure_identity
from inspector.services.sync.records import SPECS

# A field laptop with no re-inspection writes format version 1: these tables.
RESULTS_TABLES_V1 = kind_tables(BundleKind.RESULTS, 1)


@pytest.fixture
def field(tmp_path: Path) -> Iterator[AppContext]:
    context = installation(tmp_path, "field", Role.FIELD)
    yield context
    context.close()


def _lines(bundle: Path, table: str) -> dict[str, list[object]]:
    """The bundle's rows of a table by id (the id is the first column)."""
    with zipfile.ZipFile(bundle) as zf:
        text = zf.read(f"records/{table}.jsonl").decode("utf-8")
    rows = [json.loads(line) for line in text.splitlines()]
    return {str(row[0]): row for row in rows}


def _sync_state(context: AppContext, table: str) -> dict[str, tuple[int, int | None, int | None,
                                                                   str | None]]:
    """id → (revision, sync_rev, sync_seq, sync_vv) of every row of a table."""
    with sqlite3.connect(context.db.path) as conn:
        rows = conn.execute(
            f"SELECT id, revision, sync_rev, sync_seq, sync_vv FROM {table}").fetchall()
    conn.close()
    return {r[0]: (r[1], r[2], r[3], r[4]) for r in rows}


def _columns(table: str) -> tuple[str, ...]:
    return SPECS[table].columns


def test_a_record_edited_during_the_export_is_marked_as_the_version_that_was_sent(
        field: AppContext, tmp_path: Path) -> None:
    inspection_id = completed_inspection(field, photos=1)
    revision_before = _sync_state(field, "inspections")[inspection_id][0]
    edited: list[str] = []

    def edit_while_exporting(_done: int, _total: int, text: str) -> None:
        # The inspections were read; the responses are being read from the same snapshot.
        if text == "responses" and not edited:
            with field.db.transaction() as session:
                inspections.reopen(session, inspection_id, "张三", "补充说明")
                inspections.update_details(session, inspection_id, general_note="整改已完成")
                inspections.complete(session, inspection_id, "张三")
            edited.append(text)

    first = export_bundle(field, tmp_path / "1.bundle", control=NullControl(edit_while_exporting))
    assert edited
    sent = _lines(first.path, "inspections")[inspection_id]
    assert sent[_columns("inspections").index("general_note")] == ""
    revision, sync_rev, sync_seq, sync_vv = _sync_state(field, "inspections")[inspection_id]
    # Marked as the version in the bundle, not the edited one: that one is still to send.
    assert revision > revision_before
    assert (sync_rev, sync_seq) == (revision_before, first.sequence)
    assert sync_vv is not None and json.loads(sync_vv) == sent[-1]
    responses = _sync_state(field, "responses")
    assert set(responses) == set(_lines(first.path, "responses"))
    assert all(rev == sync_rev and seq == first.sequence
               for rev, sync_rev, seq, _vv in responses.values())
    # Events written by the edit were not in the snapshot, so they stay unsent.
    events_sent = set(_lines(first.path, "inspection_events"))
    unsent = {i for i, (_r, sync_rev, _s, _v) in _sync_state(field, "inspection_events").items()
              if sync_rev is None}
    assert unsent and not unsent & events_sent

    second = export_bundle(field, tmp_path / "2.bundle")
    again = _lines(second.path, "inspections")[inspection_id]
    assert again[_columns("inspections").index("general_note")] == "整改已完成"
    device = ensure_identity(field.paths).device_id
    assert again[-1] == {**sent[-1], device: 1}  # type: ignore[dict-item]
    assert set(_lines(second.path, "inspection_events")) >= unsent


def test_every_exported_version_is_marked_across_many_batches(
        field: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(export_records, "ROWS_PER_READ", 5)
    completed_inspection(field, photos=2, seed=1)
    completed_inspection(field, code="330799001002", photos=1, seed=2)
    first = export_bundle(field, tmp_path / "1.bundle")
    assert first.counts["responses"] > 2 * 7 and first.counts["inspection_events"] > 0
    for table in RESULTS_TABLES_V1:
        sent = _lines(first.path, table)
        state = _sync_state(field, table)
        assert set(sent) <= set(state)
        for record_id, row in sent.items():
            revision, sync_rev, sync_seq, sync_vv = state[record_id]
            assert (sync_rev, sync_seq) == (revision, first.sequence), (table, record_id)
            assert sync_vv is not None and json.loads(sync_vv) == row[-1]
    # Sent again in full before any receipt: only the bundle sequence changes.
    before = {t: _sync_state(field, t) for t in RESULTS_TABLES_V1}
    second = export_bundle(field, tmp_path / "2.bundle", include_all=True)
    for table in RESULTS_TABLES_V1:
        sent = _lines(second.path, table)
        for record_id, (revision, sync_rev, sync_seq, sync_vv) in \
                _sync_state(field, table).items():
            old = before[table][record_id]
            if record_id in sent:
                assert (revision, sync_rev, sync_seq, sync_vv) == \
                    (old[0], old[1], second.sequence, old[3])
            else:
                assert (revision, sync_rev, sync_seq, sync_vv) == old
