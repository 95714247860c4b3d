"""Bundle format version 2 (the supervision loop's tables): written only when needed, read
back whole, and refused whole when it breaks the format's words or versions."""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sync_helpers import completed_inspection, dump, installation, rewrite_bundle

from inspector.services.api import office as office_api
from inspector.services.context import AppContext
from inspector.services.sync.errors import BundleRefused
from inspector.services.sync.export import export_bundle
from inspector.services.sync.identity import Role, ensure_identity
from inspector.services.sync.importer import import_bundle

REVIEWS = "records/reviews.jsonl"
DECISION = 5  # position of the decision in a reviews line


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[tuple[AppContext, AppContext]]:
    field = installation(tmp_path, "field", Role.FIELD)
    office = installation(tmp_path, "office", Role.OFFICE)
    try:
        yield field, office
    finally:
        field.close()
        office.close()


def _returned_bundle(field: AppContext, office: AppContext, tmp_path: Path) -> Path:
    """An office bundle carrying a return (format version 2), the laptop knowing the office."""
    import_bundle(field, export_bundle(office, tmp_path / "a0.bundle").path)
    inspection_id = completed_inspection(field, rating="not_met")
    import_bundle(office, export_bundle(field, tmp_path / "r1.bundle").path,
                  trust_new_device=True)
    office_api.return_inspection(office, inspection_id, "王主任", "请补充说明")
    return export_bundle(office, tmp_path / "a1.bundle").path


def _manifest(path: Path) -> dict[str, Any]:
    with zipfile.ZipFile(path) as zf:
        return dict(json.loads(zf.read("manifest.json")))


def _tampered(source: Path, target: Path, office: AppContext,
              member: Callable[[str, bytes], bytes | None] = lambda _n, c: c,
              manifest: Callable[[dict[str, Any]], dict[str, Any]] = lambda m: m) -> Path:
    """A copy with members and manifest changed, the manifest's sizes and hashes made to
    match and signed again with the office's own key: only the format's rules can catch it."""
    with zipfile.ZipFile(source) as zf:
        changed = {name: member(name, zf.read(name)) for name in zf.namelist()
                   if name.startswith("records/")}

    def fix(raw: dict[str, Any]) -> dict[str, Any]:
        for entry in raw["members"]:
            data = changed.get(entry["path"])
            if data is not None:
                entry["size"], entry["sha256"] = len(data), hashlib.sha256(data).hexdigest()
        return manifest(raw)

    return rewrite_bundle(source, target, change=member, manifest=fix,
                          signer=ensure_identity(office.paths).private_key)


def test_a_return_travels_in_version_2_and_a_plain_bundle_stays_version_1(
        pair: tuple[AppContext, AppContext], tmp_path: Path) -> None:
    field, office = pair
    plain = export_bundle(office, tmp_path / "plain.bundle").path
    assert _manifest(plain)["format_version"] == 1
    assert "reviews" not in _manifest(plain)["tables"]
    bundle = _returned_bundle(field, office, tmp_path)
    manifest = _manifest(bundle)
    assert manifest["format_version"] == 2
    assert manifest["tables"]["reviews"]["count"] == 1
    _, done = import_bundle(field, bundle)
    assert done is not None
    results = export_bundle(field, tmp_path / "r2.bundle").path
    assert _manifest(results)["format_version"] == 1  # nothing of the loop made here


@pytest.mark.parametrize(("member", "manifest", "reason"), [
    (lambda n, c: c.replace(b'"returned"', b'"accepted"') if n == REVIEWS else c,
     lambda m: m, "unknown decision"),
    (lambda n, c: c, lambda m: {**m, "format_version": 1},
     "format version 1 may not carry the table"),
], ids=["unknown-decision", "version-1-with-reviews"])
def test_a_bundle_breaking_version_2_is_refused_and_changes_nothing(
        pair: tuple[AppContext, AppContext], tmp_path: Path,
        member: Callable[[str, bytes], bytes | None],
        manifest: Callable[[dict[str, Any]], dict[str, Any]], reason: str) -> None:
    field, office = pair
    bundle = _returned_bundle(field, office, tmp_path)
    bad = _tampered(bundle, tmp_path / "bad.bundle", office, member, manifest)
    before = dump(field)
    with pytest.raises(BundleRefused, match=reason):
        import_bundle(field, bad)
    assert dump(field) == before
