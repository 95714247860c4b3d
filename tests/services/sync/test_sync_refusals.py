"""Every refused bundle leaves the database and the photo store exactly as they were.

Each case tampers with a real bundle, imports it through the CLI, expects
exit status 2 with a one-line reason, and compares a full dump (every row,
every photo file with its hash, temp files included) before and after.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import struct
import subprocess
import sys
import threading
import uuid
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sync_helpers import VILLAGE, completed_inspection, dump, installation, rewrite_bundle

from inspector import assets
from inspector.cli import main
from inspector.services import photo_image, photo_store
from inspector.services.context import AppContext
from inspector.services.photo_store import PhotoStore, PhotoStoreError
from inspector.services.sites import site_id_for_code
from inspector.services.sync import bundle_format as bf
from inspector.services.sync import merge
from inspector.services.sync import records as rec
from inspector.services.sync.export import ALLOWED_KINDS, export_bundle
from inspector.services.sync.export_contents import KIND_TABLES
from inspector.services.sync.identity import Role, ensure_identity, fingerprint_of
from inspector.services.sync.importer import import_bundle
from inspector.services.sync.merge_preview import Preview
from inspector.services.sync.trust import ACCEPTED_KINDS


@dataclass
class Scene:
    root: Path
    field: AppContext
    office: AppContext
    good: Path  # a bundle the office would accept
    first: Path  # already imported by the office

    def key(self) -> Ed25519PrivateKey:
        return ensure_identity(self.field.paths).private_key


@pytest.fixture(scope="module")
def scene(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Scene]:
    root = tmp_path_factory.mktemp("refusals")
    field = installation(root, "field", Role.FIELD)
    office = installation(root, "office", Role.OFFICE)
    completed_inspection(field, photos=1, seed=10)
    first = export_bundle(field, root / "first.bundle").path
    import_bundle(office, first, trust_new_device=True)
    completed_inspection(field, photos=2, seed=11)
    good = export_bundle(field, root / "good.bundle").path
    yield Scene(root, field, office, good, first)
    field.close()
    office.close()


def _photo(name: str) -> bool:
    return name.startswith("photos/")


def _flip_photo_byte(name: str, data: bytes) -> bytes:
    if not _photo(name):
        return data
    return data[:100] + bytes([data[100] ^ 0xFF]) + data[101:]


def _change_record(name: str, data: bytes) -> bytes:
    return data.replace("张三".encode(), "李四".encode()) if "inspections" in name else data


def _symlink(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info


def _resign(scene: Scene, change: Callable[[dict], dict]) -> Callable[[Path, Path], Path]:
    return lambda src, dst: rewrite_bundle(src, dst, manifest=change, signer=scene.key())


def _with_members(scene: Scene, added: list[tuple[str, bytes]],
                  table: str | None = None) -> Callable[[Path, Path], Path]:
    """Members added, listed in the manifest (and as a table) and signed by the laptop's
    own key: everything a reader checks by hashes and signatures is consistent."""
    def manifest(m: dict) -> dict:
        members = m["members"] + [{"path": name, "size": len(data),
                                   "sha256": hashlib.sha256(data).hexdigest()}
                                  for name, data in added]
        tables = dict(m["tables"])
        if table is not None:
            spec_columns = list(rec.TEMPLATE_COLUMNS) if table == rec.TEMPLATE_TABLE \
                else [*rec.SPECS[table].columns, rec.VV_COLUMN]
            tables[table] = {"path": f"records/{table}.jsonl", "columns": spec_columns,
                             "count": added[0][1].count(b"\n")}
        return {**m, "members": members, "tables": tables}

    return lambda src, dst: rewrite_bundle(src, dst, extra=list(added), manifest=manifest,
                                           signer=scene.key())


def _signed_change(scene: Scene, member: str,
                   change: Callable[[list[object]], None]) -> Callable[[Path, Path], Path]:
    """One records member changed row by row, hashed and signed again with the laptop's key:
    only what a reader checks inside the records can catch it."""
    def rewrite(src: Path, dst: Path) -> Path:
        with zipfile.ZipFile(src) as zf:
            rows = [json.loads(line) for line in zf.read(member).splitlines()]
        for row in rows:
            change(row)
        data = b"".join(json.dumps(row, ensure_ascii=False).encode() + b"\n" for row in rows)

        def manifest(m: dict) -> dict:
            members = [{**entry, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
                       if entry["path"] == member else entry for entry in m["members"]]
            return {**m, "members": members}

        return rewrite_bundle(src, dst, change=lambda name, old: data if name == member else old,
                              manifest=manifest, signer=scene.key())

    return rewrite


def _assignment_lines() -> bytes:
    """Three well-formed assignments for a site the office has."""
    site = site_id_for_code(VILLAGE)
    return b"".join(json.dumps(
        [str(uuid.uuid4()), "2026-11-28 10:00:00.000000", "2026-11-28 10:00:00.000000", 1, site,
         "冒名者", "2026-12-01", "2026-12-20", "", {f"~{n:016x}": 1}],
        ensure_ascii=False).encode() + b"\n" for n in range(3))


def _template_lines() -> bytes:
    """A new checklist version, well-formed and correctly hashed."""
    raw = json.loads(assets.checklist_files()[0].read_text("utf-8"))
    raw["version"] = 2
    content = bf.canonical_json(raw).decode()
    return json.dumps([raw["id"], 2, "伪造的检查表", content,
                       hashlib.sha256(content.encode()).hexdigest()],
                      ensure_ascii=False).encode() + b"\n"


def _claimed_size(prefix: str, size: int, *,
                  compressed_too: bool = True) -> Callable[[Path, Path], Path]:
    """A member whose central-directory entry claims ``size`` bytes (the data stays small);
    without ``compressed_too`` the compressed size stays as it is (a zip bomb's ratio)."""
    def make(src: Path, dst: Path) -> Path:
        data = bytearray(src.read_bytes())
        at = data.find(b"PK\x01\x02")
        while at >= 0:
            name_length = struct.unpack_from("<H", data, at + 28)[0]
            name = bytes(data[at + 46: at + 46 + name_length]).decode()
            if name.startswith(prefix):
                struct.pack_into("<L", data, at + 24, size)  # uncompressed size
                if compressed_too:
                    struct.pack_into("<L", data, at + 20, size)  # no zip-bomb ratio
                break
            at = data.find(b"PK\x01\x02", at + 46)
        else:
            raise AssertionError(f"no member {prefix}")
        dst.write_bytes(bytes(data))
        return dst
    return make


def _cases(scene: Scene) -> dict[str, tuple[Callable[[Path, Path], Path], str]]:
    other_key = Ed25519PrivateKey.generate()
    sha = "ab" * 32

    def replay(manifest: dict) -> dict:
        return {**manifest, "bundle_id": str(uuid.uuid4()), "sequence": 1}

    def new_key(manifest: dict) -> dict:
        import base64

        from cryptography.hazmat.primitives import serialization

        raw = other_key.public_key().public_bytes(serialization.Encoding.Raw,
                                                  serialization.PublicFormat.Raw)
        source = {**manifest["source"], "public_key": base64.b64encode(raw).decode(),
                  "fingerprint": fingerprint_of(raw)}
        return {**manifest, "source": source}

    def stranger(src: Path, dst: Path) -> Path:
        other = installation(scene.root, f"stranger-{uuid.uuid4().hex[:6]}", Role.FIELD)
        try:
            completed_inspection(other, photos=1, seed=12)
            return export_bundle(other, dst).path
        finally:
            other.close()

    def unknown_template(src: Path, dst: Path) -> Path:
        """Records naming a checklist version nobody has, consistently re-hashed and signed."""
        import hashlib

        def change(name: str, data: bytes) -> bytes:
            return data.replace(b"community-education-3tier@1", b"community-education-3tier@9") \
                if name == "records/inspections.jsonl" else data

        with zipfile.ZipFile(src) as zf:
            changed = change("records/inspections.jsonl", zf.read("records/inspections.jsonl"))

        def manifest(m: dict) -> dict:
            members = [{**e, "size": len(changed), "sha256": hashlib.sha256(changed).hexdigest()}
                       if e["path"] == "records/inspections.jsonl" else e for e in m["members"]]
            return {**m, "members": members}

        return rewrite_bundle(src, dst, change=change, manifest=manifest, signer=scene.key())

    def truncated(src: Path, dst: Path) -> Path:
        data = src.read_bytes()
        dst.write_bytes(data[: len(data) // 2])
        return dst

    def local_header_renamed(src: Path, dst: Path) -> Path:
        """The central directory names one photo, its local header another."""
        data = bytearray(src.read_bytes())
        at = data.index(b"photos/") + len("photos/")  # the first one is a local header
        data[at] = ord("1") if data[at] != ord("1") else ord("2")
        dst.write_bytes(bytes(data))
        return dst

    def not_zip(src: Path, dst: Path) -> Path:
        dst.write_text("这不是数据包 / not a bundle\n" * 50, "utf-8")
        return dst

    def rename_photo(extension: str) -> Callable[[Path, Path], Path]:
        """The photo stored under another extension, consistently listed and re-signed."""
        def make(src: Path, dst: Path) -> Path:
            with zipfile.ZipFile(src) as zf:
                photo = next(n for n in zf.namelist() if _photo(n))
                data = zf.read(photo)
            renamed = photo.rsplit(".", 1)[0] + "." + extension

            def manifest(m: dict) -> dict:
                return {**m, "members": [{**e, "path": renamed} if e["path"] == photo else e
                                         for e in m["members"]]}

            return rewrite_bundle(src, dst, change=lambda n, b: None if n == photo else b,
                                  extra=[(renamed, data)], manifest=manifest, signer=scene.key())
        return make

    def photo_twice(src: Path, dst: Path) -> Path:
        with zipfile.ZipFile(src) as zf:
            photo = next(n for n in zf.namelist() if _photo(n))
            data = zf.read(photo)
        again = photo.rsplit(".", 1)[0] + ".png"
        return _with_members(scene, [(again, data)])(src, dst)

    return {
        "changed photo byte": (lambda s, d: rewrite_bundle(s, d, change=_flip_photo_byte),
                               "differs from the signed manifest"),
        "changed record": (lambda s, d: rewrite_bundle(s, d, change=_change_record),
                           "differs from the signed manifest"),
        "a timestamp that is not one": (
            _signed_change(scene, "records/inspections.jsonl",
                           lambda row: row.__setitem__(1, "garbage")),
            "bad value for created_at"),
        "changed record and manifest": (
            lambda s, d: rewrite_bundle(s, d, change=_change_record,
                                        manifest=lambda m: {**m, "scope": "all"}),
            "signature is not valid"),
        "signed by another key": (
            lambda s, d: rewrite_bundle(s, d, manifest=lambda m: m, signer=other_key),
            "signature is not valid"),
        "another key named in the manifest": (
            lambda s, d: rewrite_bundle(s, d, manifest=new_key, signer=other_key),
            "not the one enrolled"),
        "unknown device": (stranger, "unknown device"),
        "replayed sequence number": (_resign(scene, replay), "replayed"),
        "unknown format version": (_resign(scene, lambda m: {**m, "format_version": 99}),
                                   "format version 99"),
        "dot-dot member": (lambda s, d: rewrite_bundle(s, d, extra=[("../evil.txt", b"x")]),
                           "unsafe member name"),
        "absolute member": (lambda s, d: rewrite_bundle(s, d, extra=[("/etc/evil", b"x")]),
                            "unsafe member name"),
        "drive member": (lambda s, d: rewrite_bundle(s, d, extra=[("C:/evil.txt", b"x")]),
                         "unsafe member name"),
        "symlink member": (
            lambda s, d: rewrite_bundle(s, d, extra=[(_symlink(f"photos/{sha}.jpg"), b"/etc")]),
            "link or folder"),
        "zip bomb": (  # 3 GiB said to unpack from the few bytes of a records member
            _claimed_size("records/responses", 3 * 1024**3, compressed_too=False), "zip bomb"),
        "duplicate member": (
            lambda s, d: rewrite_bundle(s, d, extra=[("records/inspections.jsonl", b"[]\n")]),
            "duplicate member"),
        "member not in the manifest": (
            lambda s, d: rewrite_bundle(s, d, extra=[(f"photos/{sha}.jpg", b"extra")]),
            "differ from its manifest"),
        "member missing": (
            lambda s, d: rewrite_bundle(s, d, change=lambda n, b: None if _photo(n) else b),
            "differ from its manifest"),
        "unknown checklist version": (unknown_template, "community-education-3tier@9"),
        "unknown table": (
            _resign(scene, lambda m: {**m, "tables": {**m["tables"], "users": {
                **m["tables"]["sites"], "path": "records/sites.jsonl"}}}),
            "unknown table"),
        "results bundle with assignments": (
            _with_members(scene, [("records/assignments.jsonl", _assignment_lines())],
                          table="assignments"),
            "may not carry the table assignments"),
        "results bundle with checklist versions": (
            _with_members(scene, [("records/template_versions.jsonl", _template_lines())],
                          table="template_versions"),
            "may not carry the table template_versions"),
        "records member without a table": (
            _with_members(scene, [("records/assignments.jsonl", _assignment_lines())]),
            "without a table"),
        "results bundle relabelled as an assignment": (
            _resign(scene, lambda m: {**m, "kind": "assignment"}),
            "made by the county office"),
        "receipt from a field laptop": (
            _resign(scene, lambda m: {**m, "kind": "receipt"}), "made by the county office"),
        "assignment for the office": (
            _resign(scene, lambda m: {**m, "kind": "assignment",
                                      "source": {**m["source"], "role": "office"}}),
            "does not import assignment bundles"),
        "photo as .exe": (rename_photo("exe"), "unsupported photo file type .exe"),
        "photo as .JPG": (rename_photo("JPG"), "unsupported photo file type .JPG"),
        "the same photo twice": (photo_twice, "the same photo twice"),
        "unknown manifest field": (_resign(scene, lambda m: {**m, "owner": "me"}),
                                   "unknown 'owner'"),
        "fingerprint not of the key": (
            _resign(scene, lambda m: {**m, "source": {**m["source"], "fingerprint": "0" * 39}}),
            "the fingerprint is not the public key's"),
        "photo larger than allowed": (
            _claimed_size("photos/", bf.MAX_PHOTO_BYTES + 1), "member too large"),
        "manifest larger than allowed": (
            _claimed_size("manifest.json", bf.MAX_MANIFEST_BYTES + 1), "member too large"),
        "truncated file": (truncated, "incomplete"),
        "local header renamed": (local_header_renamed, "damaged"),
        "not a zip file": (not_zip, "not a ZIP file"),
    }


CASES = ["changed photo byte", "changed record", "a timestamp that is not one",
         "changed record and manifest",
         "signed by another key", "another key named in the manifest", "unknown device",
         "replayed sequence number", "unknown format version", "dot-dot member",
         "absolute member", "drive member", "symlink member", "zip bomb", "duplicate member",
         "member not in the manifest", "member missing", "unknown checklist version",
         "unknown table", "results bundle with assignments",
         "results bundle with checklist versions", "records member without a table",
         "results bundle relabelled as an assignment", "receipt from a field laptop",
         "assignment for the office", "photo as .exe", "photo as .JPG", "the same photo twice",
         "unknown manifest field", "fingerprint not of the key", "photo larger than allowed",
         "manifest larger than allowed",
         "truncated file", "local header renamed", "not a zip file"]


@pytest.mark.parametrize("case", CASES)
def test_refused_bundle_changes_nothing(scene: Scene, case: str, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    make, reason = _cases(scene)[case]
    bad = make(scene.good, tmp_path / "bad.bundle")
    before = dump(scene.office)
    capsys.readouterr()
    status = main(["--data-dir", str(scene.office.paths.data_dir), "bundle", "import", str(bad)])
    err = capsys.readouterr().err
    assert status == 2
    assert err.count("\n") == 1 and reason in err, err
    assert "Traceback" not in err
    assert dump(scene.office) == before


def _member_sizes(bundle: Path) -> dict[str, int]:
    with zipfile.ZipFile(bundle) as zf:
        return {info.filename: info.file_size for info in zf.infolist()}


#: Limits lowered to just below what the good bundle needs (real-size bundles would
#: make the suite slow); the check itself is the one that guards the real limits.
LIMITS = {
    "too many members": ("MAX_MEMBERS", lambda sizes: len(sizes), "too many members"),
    "records member over its limit": (
        "MAX_RECORDS_MEMBER_BYTES",
        lambda sizes: max(v for k, v in sizes.items() if k.startswith("records/")),
        "member too large"),
    "photo over its limit": (
        "MAX_PHOTO_BYTES", lambda sizes: max(v for k, v in sizes.items() if _photo(k)),
        "member too large"),
    "all members over the total limit": (
        "MAX_TOTAL_BYTES", lambda sizes: sum(sizes.values()), "too large when unpacked"),
}


@pytest.mark.parametrize("case", list(LIMITS))
def test_a_bundle_over_a_limit_is_refused_and_changes_nothing(
        scene: Scene, case: str, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    name, needed, reason = LIMITS[case]
    limit = needed(_member_sizes(scene.good))
    monkeypatch.setattr(bf, name, limit)  # exactly what the bundle needs: accepted
    prepared, done = import_bundle(scene.office, scene.good, dry_run=True)
    assert done is None and prepared.preview.totals().new > 0
    monkeypatch.setattr(bf, name, limit - 1)
    before = dump(scene.office)
    capsys.readouterr()
    status = main(["--data-dir", str(scene.office.paths.data_dir), "bundle", "import",
                   str(scene.good)])
    err = capsys.readouterr().err
    assert status == 2 and err.count("\n") == 1 and reason in err, err
    assert dump(scene.office) == before


def test_the_kinds_a_reader_accepts_are_the_kinds_the_writer_writes() -> None:
    """The export's tables per kind and the photo store's file types are what the
    format allows, so nothing this program writes is refused by its own reader."""
    for kind, tables in KIND_TABLES.items():
        brought = (rec.TEMPLATE_TABLE,) if kind == "assignment" else ()
        assert (*tables, *brought) == bf.KIND_TABLES[kind]
    assert {*rec.SPECS, rec.TEMPLATE_TABLE} == bf.KNOWN_TABLES
    assert bf.PHOTO_EXTENSIONS == photo_image.EXTENSIONS
    for kind, maker in bf.KIND_MADE_BY.items():
        assert kind in ALLOWED_KINDS[maker]
        assert kind in ACCEPTED_KINDS[bf.KIND_IMPORTED_BY[kind]]


def test_the_untampered_bundle_is_accepted_afterwards(scene: Scene) -> None:
    """The refusals above were about the tampering, not about the bundle itself."""
    prepared, done = import_bundle(scene.office, scene.good, dry_run=True)
    assert done is None and prepared.preview.totals().new > 0


def test_dry_run_writes_nothing_even_for_a_new_device(tmp_path: Path) -> None:
    field = installation(tmp_path, "field", Role.FIELD)
    office = installation(tmp_path, "office", Role.OFFICE)
    try:
        completed_inspection(field, photos=1, seed=13)
        bundle = export_bundle(field, tmp_path / "r.bundle").path
        before = dump(office)
        prepared, done = import_bundle(office, bundle, dry_run=True, trust_new_device=True)
        assert done is None and prepared.preview.totals().photos_new == 1
        assert dump(office) == before
    finally:
        field.close()
        office.close()


def test_revoked_device_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    field = installation(tmp_path, "field", Role.FIELD)
    office = installation(tmp_path, "office", Role.OFFICE)
    try:
        completed_inspection(field, photos=0, seed=14)
        import_bundle(office, export_bundle(field, tmp_path / "1.bundle").path,
                      trust_new_device=True)
        device = ensure_identity(field.paths).device_id
        office_dir = str(office.paths.data_dir)
        assert main(["--data-dir", office_dir, "devices", "revoke", device[:8]]) == 0
        completed_inspection(field, photos=0, seed=15)
        bundle = export_bundle(field, tmp_path / "2.bundle").path
        before = dump(office)
        capsys.readouterr()
        assert main(["--data-dir", office_dir, "bundle", "import", str(bundle)]) == 2
        assert "revoked" in capsys.readouterr().err
        assert dump(office) == before
    finally:
        field.close()
        office.close()


_KILLER = """
import os, sys
from inspector.services.sites import site_id_for_code
from inspector.services.sync import bundle_format as bf
from inspector.services.sync import merge
from inspector.services.sync import records as rec
original = merge._Writer.flush
def flush(self):
    busy = bool(self.inserts)
    original(self)
    if busy:
        os._exit(137)  # like a kill: no rollback, no cleanup, no atexit
merge._Writer.flush = flush
from inspector import assets
from inspector.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_killed_during_import_leaves_the_database_as_before(tmp_path: Path) -> None:
    field = installation(tmp_path, "field", Role.FIELD)
    office = installation(tmp_path, "office", Role.OFFICE)
    try:
        completed_inspection(field, photos=1, seed=16)
        bundle = export_bundle(field, tmp_path / "r.bundle").path
        rows_before, _files = dump(office)
        office_dir = str(office.paths.data_dir)
        office.close()
        run = subprocess.run(
            [sys.executable, "-c", _KILLER, "--data-dir", office_dir, "bundle", "import",
             str(bundle), "--trust-new-device"], capture_output=True, timeout=120)
        assert run.returncode == 137, run.stderr
        reopened = installation(tmp_path, "office", Role.OFFICE)
        try:
            assert dump(reopened)[0] == rows_before
            # And the same bundle still imports whole afterwards.
            _, done = import_bundle(reopened, bundle, trust_new_device=True)
            assert done is not None and done.preview.totals().new > 0
        finally:
            reopened.close()
    finally:
        field.close()


def _photo_scene(tmp_path: Path, photos: int) -> tuple[AppContext, AppContext, Path]:
    field = installation(tmp_path, "field", Role.FIELD)
    office = installation(tmp_path, "office", Role.OFFICE)
    completed_inspection(field, photos=photos, seed=17)
    return field, office, export_bundle(field, tmp_path / "p.bundle").path


@pytest.mark.parametrize("failure", ["disk full while keeping photos", "merge fails after"])
def test_a_failure_while_committing_leaves_photos_and_rows_as_before(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: str) -> None:
    field, office, bundle = _photo_scene(tmp_path, photos=3)
    try:
        before = dump(office)
        if failure == "disk full while keeping photos":
            real_fsync = os.fsync

            def full_disk(fd: int) -> None:
                # Only the photo store's own writes fail (the backup before it succeeds).
                if threading.current_thread().name.startswith("photo-fsync"):
                    raise OSError(28, "No space left on device")
                real_fsync(fd)

            monkeypatch.setattr(photo_store.os, "fsync", full_disk)
            expected: type[Exception] = PhotoStoreError
        else:
            real_run = merge.run

            def failing_run(*args: object, write: bool, **kw: object) -> Preview:
                if write:
                    raise RuntimeError("merge failed")
                return real_run(*args, write=write, **kw)  # type: ignore[arg-type]

            monkeypatch.setattr(merge, "run", failing_run)
            expected = RuntimeError
        with pytest.raises(expected):
            import_bundle(office, bundle, trust_new_device=True)
        assert dump(office) == before
    finally:
        field.close()
        office.close()


def test_photos_are_durable_before_the_transaction_that_names_them(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    field, office, bundle = _photo_scene(tmp_path, photos=3)
    store = PhotoStore.for_paths(office.paths)
    synced: list[Path] = []
    monkeypatch.setattr(photo_store, "fsync_dir", synced.append)
    seen: list[list[Path]] = []
    real_run = merge.run

    def watching_run(*args: object, write: bool, **kw: object) -> Preview:
        if write:  # inside the transaction, before its commit
            seen.append([path for _, path in store.stored_files()])
            assert sorted(synced) == sorted({p.parent for p in seen[0]} | {store.root})
        return real_run(*args, write=write, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(merge, "run", watching_run)
    try:
        _, done = import_bundle(office, bundle, trust_new_device=True)
        assert done is not None and done.preview.photos_new == 3
        assert len(seen) == 1 and len(seen[0]) == 3 and store.staged_files() == []
        assert len(synced) == len(set(synced))  # each folder once
    finally:
        field.close()
        office.close()
