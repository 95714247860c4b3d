"""Hostile bundles, written by a writer of their own that follows docs/bundle-format.md.

Each bundle is well signed by the laptop the office has enrolled, so only the
checks of its content can catch it. Every one is given to the real
``inspector`` program, in a process of its own, on a copy of the office's data
folder: ``bundle import`` must refuse it with exit status 2 and one line on
stderr, and leave every file under the data folder byte for byte as it was;
``bundle verify`` must refuse it too where the check needs no database.
"""

from __future__ import annotations

import functools
import hashlib
import io
import json
import os
import shutil
import struct
import subprocess
import sys
import uuid
import zipfile
import zlib
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PIL import Image
from sqlmodel import select
from sync_helpers import OTHER_VILLAGE, VILLAGE, completed_inspection, installation

from inspector.cli import main
from inspector.services.sync import bundle_format as bf
from inspector.services.sync.export import export_bundle
from inspector.services.sync.identity import Role, ensure_identity
from inspector.services.sync.importer import import_bundle
from inspector.storage.models import Response

# -- an independent bundle writer ----------------------------------------------


def canonical(value: Any) -> bytes:
    """The manifest's byte form, as the format document spells it out."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                      allow_nan=False).encode("utf-8")


@dataclass(frozen=True)
class Deflated:
    """A member given as its deflate stream (too large to hold unpacked)."""

    stream: bytes
    size: int
    crc: int
    sha256: str


def repeated(prefix: bytes, chunk: bytes, times: int, suffix: bytes) -> Deflated:
    """``prefix + chunk * times + suffix`` deflated without ever being held: each piece
    is flushed fully, so every copy of ``chunk`` deflates to the same bytes."""
    z = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = z.compress(prefix) + z.flush(zlib.Z_FULL_FLUSH)
    body = z.compress(chunk) + z.flush(zlib.Z_FULL_FLUSH)
    tail = z.compress(suffix) + z.flush()
    crc = zlib.crc32(prefix)
    digest = hashlib.sha256(prefix)
    for _ in range(times):
        crc = zlib.crc32(chunk, crc)
        digest.update(chunk)
    digest.update(suffix)
    return Deflated(head + body * times + tail, len(prefix) + len(chunk) * times + len(suffix),
                    zlib.crc32(suffix, crc), digest.hexdigest())


def write_zip(path: Path, members: list[tuple[str, bytes | Deflated]]) -> None:
    """A plain ZIP file: photos and the signature stored, the rest deflated; regular files
    (mode 0644), UTF-8 names, no data descriptors."""
    out = io.BytesIO()
    central = []
    for name, content in members:
        raw_name = name.encode("utf-8")
        if isinstance(content, Deflated):
            method, data, size, crc = 8, content.stream, content.size, content.crc
        elif name.startswith("photos/") or name == "manifest.sig":
            method, data, size, crc = 0, content, len(content), zlib.crc32(content)
        else:
            z = zlib.compressobj(6, zlib.DEFLATED, -15)
            method, data = 8, z.compress(content) + z.flush()
            size, crc = len(content), zlib.crc32(content)
        offset = out.tell()
        fixed = (20, 0x800, method, 0, 0x21, crc, len(data), size, len(raw_name))
        out.write(struct.pack("<4s5H3L2H", b"PK\x03\x04", *fixed, 0) + raw_name + data)
        central.append(struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 0x0314, *fixed, 0, 0, 0, 0,
                                   0o100644 << 16, offset) + raw_name)
    start = out.tell()
    out.write(b"".join(central))
    out.write(struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(central), len(central),
                          out.tell() - start, start, 0))
    path.write_bytes(out.getvalue())


def lines_of(data: bytes) -> list[list[Any]]:
    return [json.loads(line) for line in data.splitlines()]


def jsonl(rows: list[list[Any]]) -> bytes:
    """Lines as JSON allows them (``\\u`` escapes, so that a lone surrogate can be written)."""
    return b"".join(json.dumps(row).encode() + b"\n" for row in rows)


# -- the two installations ----------------------------------------------------------

def inspector(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """The real program, in a process of its own (always given its data folder)."""
    assert args[0] == "--data-dir"
    return subprocess.run([sys.executable, "-m", "inspector", *map(str, args)],
                          capture_output=True, text=True, encoding="utf-8", timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})


def file_hashes(folder: Path) -> dict[str, str]:
    """Every file under the folder (database, WAL, photos, temp files, logs) and its hash."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@dataclass
class World:
    root: Path
    office: Path  # the office's data folder, which has imported the laptop's first bundle
    key: Ed25519PrivateKey  # the laptop's signing key
    manifest: dict[str, Any]  # of the laptop's second bundle, not imported yet
    members: dict[str, bytes]  # of that bundle
    sequence: list[int] = field(default_factory=lambda: [100])

    def records(self, table: str) -> list[list[Any]]:
        return lines_of(self.members[f"records/{table}.jsonl"])

    def photo(self) -> str:
        return next(name for name in self.members if name.startswith("photos/"))

    def bundle(self, path: Path, *, members: dict[str, bytes | Deflated] | None = None,
               change: Callable[[dict[str, Any]], dict[str, Any]] | None = None,
               splice: tuple[bytes, bytes] | None = None) -> Path:
        """A new bundle (new id and sequence number) of the second bundle's members with
        ``members`` replacing, adding or (``b""`` for a photo) dropping some, the manifest
        listing them, changed by ``change``, its bytes by ``splice`` (old, new), and
        signed by the laptop."""
        chosen: dict[str, bytes | Deflated] = {**self.members, **(members or {})}
        chosen = {n: c for n, c in chosen.items() if not (n.startswith("photos/") and c == b"")}
        self.sequence[0] += 1
        manifest = {**self.manifest, "bundle_id": str(uuid.uuid4()),
                    "sequence": self.sequence[0]}
        listed, tables = [], {}
        for name, content in sorted(chosen.items()):
            size = content.size if isinstance(content, Deflated) else len(content)
            sha = content.sha256 if isinstance(content, Deflated) \
                else hashlib.sha256(content).hexdigest()
            listed.append({"path": name, "size": size, "sha256": sha})
            if name.startswith("records/"):
                table = name[len("records/"):-len(".jsonl")]
                count = 0 if isinstance(content, Deflated) else content.count(b"\n")
                tables[table] = {**self.manifest["tables"][table], "count": count}
        manifest.update(members=listed, tables=tables, counts={
            **{t: e["count"] for t, e in tables.items()},
            "photo_files": sum(n.startswith("photos/") for n in chosen)})
        if change is not None:
            manifest = change(manifest)
        data = canonical(manifest)
        if splice is not None:
            assert splice[0] in data, splice[0]
            data = data.replace(splice[0], splice[1], 1)
        write_zip(path, [*chosen.items(), ("manifest.json", data),
                         ("manifest.sig", self.key.sign(data))])
        return path


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    root = tmp_path_factory.mktemp("hostile")
    field_laptop = installation(root, "field", Role.FIELD)
    office = installation(root, "office", Role.OFFICE)
    try:
        completed_inspection(field_laptop, VILLAGE, photos=1, seed=40)
        first = export_bundle(field_laptop, root / "first.bundle").path
        import_bundle(office, first, trust_new_device=True)  # the laptop is enrolled
        completed_inspection(field_laptop, OTHER_VILLAGE, photos=2, seed=41)
        second = export_bundle(field_laptop, root / "second.bundle").path
        key = ensure_identity(field_laptop.paths).private_key
    finally:
        field_laptop.close()
        office.close()
    office_dir = root / "office"
    with zipfile.ZipFile(second) as zf:
        members = {name: zf.read(name) for name in zf.namelist()}
    manifest = json.loads(members.pop("manifest.json"))
    members.pop("manifest.sig")
    yield World(root, office_dir, key, manifest, members)


# -- the hostile bundles ----------------------------------------------------------------

RESPONSES = "records/responses.jsonl"
PHOTOS = "records/photos.jsonl"
CRITERION, RATING = 5, 6  # positions in a responses line
PHOTO_CRITERION, PHOTO_SHA, PHOTO_SIZE, PHOTO_LAT = 5, 6, 9, 13  # in a photos line
DEEP = 200_000  # levels of nesting, far beyond any parser's recursion


@dataclass(frozen=True)
class Case:
    make: Callable[[World, Path], Path]
    reason: str  # in the one line on stderr
    verify_refuses: bool  # ``bundle verify`` (no database) refuses it too
    # Imported by the program in a process of its own (each case of the issue); the
    # others, variations of those, through the command line's entry point in this process.
    own_process: bool = False


def _responses(change: Callable[[list[Any]], None]) -> Callable[[World, Path], Path]:
    def make(world: World, path: Path) -> Path:
        rows = world.records("responses")
        change(rows[0])
        return world.bundle(path, members={RESPONSES: jsonl(rows)})
    return make


def _photos(change: Callable[[list[Any]], None]) -> Callable[[World, Path], Path]:
    def make(world: World, path: Path) -> Path:
        rows = world.records("photos")
        change(rows[0])
        return world.bundle(path, members={PHOTOS: jsonl(rows)})
    return make


def _manifest(change: Callable[[dict[str, Any]], dict[str, Any]]
              ) -> Callable[[World, Path], Path]:
    return lambda world, path: world.bundle(path, change=change)


def _splice(old: bytes, new: bytes) -> Callable[[World, Path], Path]:
    return lambda world, path: world.bundle(path, splice=(old, new))


def _photo_bytes(data: bytes, extension: str) -> Callable[[World, Path], Path]:
    """One photo's bytes replaced (its record's SHA-256 and size follow, all signed)."""
    def make(world: World, path: Path) -> Path:
        old = world.photo()
        sha = hashlib.sha256(data).hexdigest()
        rows = world.records("photos")
        for row in rows:
            if row[PHOTO_SHA] == old.split("/")[1].split(".")[0]:
                row[PHOTO_SHA], row[PHOTO_SIZE] = sha, len(data)
        return world.bundle(path, members={old: b"", f"photos/{sha}.{extension}": data,
                                           PHOTOS: jsonl(rows)})
    return make


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 10, 10)).save(out, "PNG")
    return out.getvalue()


def _jpeg() -> bytes:
    """A JPEG of camera-like noise, with restart markers in its image data."""
    out = io.BytesIO()
    Image.effect_noise((160, 120), 60).convert("RGB").save(out, "JPEG", quality=90,
                                                           restart_marker_blocks=4)
    return out.getvalue()


def _image_data_start(jpeg: bytes) -> int:
    """Where the entropy-coded data of a JPEG's first scan begins."""
    scan = jpeg.index(b"\xff\xda")
    return scan + 2 + int.from_bytes(jpeg[scan + 2:scan + 4], "big")


def _jpeg_cut_short() -> bytes:
    data = _jpeg()
    return data[:(_image_data_start(data) + len(data)) // 2]


def _png_with_bad_pixel_data(tmp: Path, seed: int) -> bytes:
    """A PNG whose chunks are whole but whose compressed pixels are garbage."""
    import photo_samples

    chunks = photo_samples.png_chunks(photo_samples.png(tmp, (200, 150), seed).read_bytes())
    return photo_samples.png_from_chunks([
        (kind, payload[:40] + bytes(b ^ 0xFF for b in payload[40:64]) + payload[64:]
         if kind == b"IDAT" else payload) for kind, payload in chunks])


def _bad_photos(world: World, path: Path) -> Path:
    """Every photo replaced by a damaged PNG (decoded on helper threads): the refusal
    names the one the bundle holds first."""
    rows = world.records("photos")
    members: dict[str, bytes | Deflated] = {}
    for n, old in enumerate(sorted(m for m in world.members if m.startswith("photos/"))):
        data = _png_with_bad_pixel_data(path.with_name(f"bad-{n}.png"), n)
        sha = hashlib.sha256(data).hexdigest()
        for row in rows:
            if row[PHOTO_SHA] == old.split("/")[1].split(".")[0]:
                row[PHOTO_SHA], row[PHOTO_SIZE] = sha, len(data)
        members.update({old: b"", f"photos/{sha}.png": data})
    return world.bundle(path, members={**members, PHOTOS: jsonl(rows)})


def _with_created_at(value: str) -> Callable[[World, Path], Path]:
    return _manifest(lambda m: {**m, "created_at": value})


@functools.cache
def _bomb_member() -> Deflated:
    """2 GiB of zeros deflated to 2 MB: more than 200 × 2 MB + 1 GiB. It is refused on the
    sizes the central directory states, before a byte of it is read, so its CRC and the
    hash the manifest lists for it are not worked out (that would take seconds)."""
    z = zlib.compressobj(9, zlib.DEFLATED, -15)
    zeros = z.compress(bytes(1024**2)) + z.flush(zlib.Z_FULL_FLUSH)
    return Deflated(zeros * 2048 + z.flush(), 2 * 1024**3, 0, "0" * 64)


def _bomb(world: World, path: Path) -> Path:
    """A real zip bomb in place of the responses."""
    return world.bundle(path, members={RESPONSES: _bomb_member()})


def _long_line(world: World, path: Path) -> Path:
    """One record of 65 MiB (it compresses 1000:1, so no ratio gives it away)."""
    line = repeated(b'["', b"a" * 1024**2, 65, b'"]\n')
    return world.bundle(path, members={RESPONSES: line})


def _columns(change: Callable[[list[str]], list[str]]) -> Callable[[World, Path], Path]:
    def manifest(m: dict[str, Any]) -> dict[str, Any]:
        entry = m["tables"]["responses"]
        return {**m, "tables": {**m["tables"], "responses": {
            **entry, "columns": change(list(entry["columns"]))}}}
    return _manifest(manifest)


def _swap_note_and_rating(columns: list[str]) -> list[str]:
    columns[RATING], columns[RATING + 1] = columns[RATING + 1], columns[RATING]
    return columns


CASES: dict[str, Case] = {
    # Crashes with a traceback (issue 10, item 6)
    "manifest nested 200,000 deep": Case(
        _splice(b'"receipts":[]', b'"receipts":' + b"[" * DEEP + b"]" * DEEP),
        "nested too deeply", True, own_process=True),
    "records line nested 200,000 deep": Case(
        lambda world, path: world.bundle(path, members={
            RESPONSES: b"[" * DEEP + b"]" * DEEP + b"\n"
            + world.members[RESPONSES].split(b"\n", 1)[1]}),
        "nested too deeply", True, own_process=True),
    "NaN in the manifest": Case(_splice(b'"photo_files":', b'"photo_files":NaN,"x":'),
                                "NaN is not allowed", True, own_process=True),
    "created_at in another time zone": Case(_with_created_at("2026-11-28T18:40:08+08:00"),
                                            "'created_at' is not UTC time", True,
                                            own_process=True),
    "Infinity in the manifest": Case(
        _splice(b'"photo_files":', b'"photo_files":-Infinity,"x":'), "-Infinity is not allowed",
        True),
    "a number beyond any float in the manifest": Case(
        _splice(b'"photo_files":', b'"photo_files":1e999,"x":'), "the manifest is malformed",
        True),
    "created_at without Z": Case(_with_created_at("2026-11-28 18:40:08"),
                                 "'created_at' is not UTC time", True),
    "created_at on a day that does not exist": Case(_with_created_at("2026-02-30T10:00:00Z"),
                                                    "'created_at' is not UTC time", True),
    "sequence beyond what the database holds": Case(
        _manifest(lambda m: {**m, "sequence": 2**63}), "sequence must be a positive", True),
    # Slipped through (item 7)
    "a photo that is not an image": Case(_photo_bytes(b"not a photo at all\n" * 50, "jpg"),
                                         "not a usable image", True, own_process=True),
    "a response for a criterion not in the checklist": Case(
        _responses(lambda row: row.__setitem__(CRITERION, "made.up")),
        "unknown criterion made.up", False, own_process=True),
    "a rating not on the scale": Case(
        _responses(lambda row: row.__setitem__(RATING, "excellent")),
        "not on the checklist's scale", False, own_process=True),
    "an upper-case bundle_id": Case(
        _manifest(lambda m: {**m, "bundle_id": m["bundle_id"].upper()}),
        "'bundle_id' is not a lower-case UUID", True, own_process=True),
    "columns in another order": Case(_columns(_swap_note_and_rating),
                                     "differ from the bundle format", True, own_process=True),
    "a PNG named .jpg": Case(_photo_bytes(_png(), "jpg"), "differs from its name", True),
    "a JPEG cut short": Case(_photo_bytes(_jpeg_cut_short(), "jpg"),
                             "not a usable image", True),
    "PNGs with damaged pixels": Case(_bad_photos, "not a usable image", True),
    "a response for a criterion of another tier": Case(
        _responses(lambda row: row.__setitem__(CRITERION, "facilities.c1")),
        "does not apply to this site's tier", False),
    "a photo filed under a criterion not in the checklist": Case(
        _photos(lambda row: row.__setitem__(PHOTO_CRITERION, "made.up")),
        "unknown criterion made.up", False),
    "an upper-case device id": Case(
        _manifest(lambda m: {**m, "source": {**m["source"],
                                             "device_id": m["source"]["device_id"].upper()}}),
        "'device_id' is not a lower-case UUID", True),
    "a column missing": Case(_columns(lambda c: [n for n in c if n != "note"]),
                             "differ from the bundle format; missing ['note']", True),
    "NaN in a records number": Case(
        _photos(lambda row: row.__setitem__(PHOTO_LAT, float("nan"))), "bad value for gps_lat",
        True),
    "an integer beyond SQLite's": Case(_responses(lambda row: row.__setitem__(3, 2**64)),
                                       "bad value for revision", True),
    "a note that is not Unicode text": Case(
        _responses(lambda row: row.__setitem__(RATING + 1, "\ud800")), "bad value for note",
        True),
    "a timestamp of a day that does not exist": Case(
        _responses(lambda row: row.__setitem__(1, "2026-02-30 10:00:00.000000")),
        "bad value for created_at", True),
    "a device name of two lines, quoted by a refusal": Case(
        _manifest(lambda m: {**m, "source": {**m["source"], "device_id": str(uuid.uuid4()),
                                             "name": "第一行\n第二行\r\x00"}}),
        "unknown device", False),
    # Limits (item 9): a real zip bomb, and a record too long to hold
    "zip bomb": Case(_bomb, "zip bomb", True, own_process=True),
    "a record longer than 64 MiB": Case(_long_line, "a record longer than 64 MiB", True),
}


@dataclass(frozen=True)
class Outcome:
    status: int
    stderr: str
    changed: list[str]  # files under the data folder that differ afterwards


def _changed(before: dict[str, str], after: dict[str, str]) -> list[str]:
    return sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))


#: Bundles that crashed ``bundle verify`` with a traceback: verified in a process of their own.
VERIFIED_IN_OWN_PROCESS = ("manifest nested 200,000 deep", "created_at in another time zone")


def _in_own_process(world: World, name: str, command: str) -> Outcome:
    folder = world.root / "runs" / uuid.uuid4().hex[:8]
    data_dir = folder / "office"
    shutil.copytree(world.office, data_dir)
    bad = CASES[name].make(world, folder / "bad.inspector-bundle")
    before = file_hashes(data_dir)
    run = inspector("--data-dir", data_dir, "bundle", command, bad)
    changed = _changed(before, file_hashes(data_dir))
    shutil.rmtree(folder)
    return Outcome(run.returncode, run.stderr, changed)


@pytest.fixture(scope="module")
def own_process(world: World) -> dict[tuple[str, str], Outcome]:
    """The issue's cases imported (and some verified) by the program in a process of its
    own, several at once, each on its own copy of the office's data folder."""
    (world.root / "runs").mkdir()
    _bomb_member()  # made once, before the threads want it
    jobs = [(name, "import") for name, case in CASES.items() if case.own_process]
    jobs += [(name, "verify") for name in VERIFIED_IN_OWN_PROCESS]
    with ThreadPoolExecutor(max_workers=min(8, (os.cpu_count() or 2) * 2)) as pool:
        return dict(zip(jobs, pool.map(lambda job: _in_own_process(world, *job), jobs),
                        strict=True))


def _in_process(world: World, name: str, command: str, folder: Path,
                capsys: pytest.CaptureFixture[str]) -> Outcome:
    """The command line's own entry point, in this process, on a copy of the office."""
    data_dir = folder / "office"
    shutil.copytree(world.office, data_dir)
    bad = CASES[name].make(world, folder / "bad.inspector-bundle")
    before = file_hashes(data_dir)
    capsys.readouterr()
    status = main(["--data-dir", str(data_dir), "bundle", command, str(bad)])
    return Outcome(status, capsys.readouterr().err, _changed(before, file_hashes(data_dir)))


@pytest.mark.parametrize("name", list(CASES))
def test_import_refuses_in_one_line_and_changes_no_file(
        world: World, own_process: dict[tuple[str, str], Outcome], name: str, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    outcome = own_process.get((name, "import")) \
        or _in_process(world, name, "import", tmp_path, capsys)
    assert outcome.status == 2, outcome.stderr
    assert outcome.stderr.count("\n") == 1 and outcome.stderr.startswith("inspector: error:")
    assert CASES[name].reason in outcome.stderr, outcome.stderr
    assert outcome.changed == []


@pytest.mark.parametrize("name", list(CASES))
def test_verify_refuses_what_needs_no_database(
        world: World, own_process: dict[tuple[str, str], Outcome], name: str, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    outcome = own_process.get((name, "verify")) \
        or _in_process(world, name, "verify", tmp_path, capsys)
    if CASES[name].verify_refuses:
        assert outcome.status == 2, outcome.stderr
        assert outcome.stderr.count("\n") == 1 and CASES[name].reason in outcome.stderr
    else:  # the checklist is the database's: verify calls it intact, import refuses it
        assert (outcome.status, outcome.stderr) == (0, ""), outcome.stderr
    assert outcome.changed == []


def test_the_untampered_bundle_from_the_same_writer_is_imported(
        world: World, capsys: pytest.CaptureFixture[str]) -> None:
    """The refusals are about what was changed: the writer itself is right."""
    folder = world.root / "untampered"
    shutil.copytree(world.office, folder / "office")
    good = world.bundle(folder / "good.inspector-bundle")
    data_dir = str(folder / "office")
    assert main(["--data-dir", data_dir, "bundle", "verify", str(good)]) == 0
    capsys.readouterr()
    assert main(["--data-dir", data_dir, "bundle", "import", str(good), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["photos_new"] == 2


def test_a_repetitive_note_is_exported_and_imported_not_taken_for_a_zip_bomb(
        tmp_path: Path) -> None:
    """A 1 MB note of one phrase again and again (stored before notes had a limit) makes
    the responses member compress far better than 200:1: the laptop still exports, and
    the office verifies and imports it."""
    laptop = installation(tmp_path, "field", Role.FIELD)
    office = installation(tmp_path, "office", Role.OFFICE)
    office.close()
    try:
        inspection_id = completed_inspection(laptop, photos=1, seed=42)
        with laptop.db.transaction() as session:
            response = session.exec(select(Response).where(
                Response.inspection_id == inspection_id)).first()
            assert response is not None
            response.note = "整改到位，" * 200_000  # 3 MB of UTF-8
            session.add(response)
        written = export_bundle(laptop, tmp_path / "results.inspector-bundle")
    finally:
        laptop.close()
    with zipfile.ZipFile(written.path) as zf:
        info = zf.getinfo(RESPONSES)
    assert info.file_size > bf.MAX_COMPRESSION_RATIO * info.compress_size
    office_dir = str(tmp_path / "office")
    assert main(["--data-dir", office_dir, "bundle", "verify", str(written.path)]) == 0
    assert main(["--data-dir", office_dir, "bundle", "import", str(written.path),
                 "--trust-new-device"]) == 0


def test_of_photos_that_fail_their_check_the_first_in_the_bundle_is_named(
        world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Photos decoded on helper threads are refused as if checked one after another."""
    outcome = _in_process(world, "PNGs with damaged pixels", "import", tmp_path, capsys)
    with zipfile.ZipFile(tmp_path / "bad.inspector-bundle") as zf:
        photos = sorted(n for n in zf.namelist() if n.startswith("photos/"))
    assert outcome.status == 2 and photos[0] in outcome.stderr
    assert not any(later in outcome.stderr for later in photos[1:])
    assert outcome.changed == []
