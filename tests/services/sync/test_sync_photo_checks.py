"""A bundle's photos are proven whole images before they enter the store: an ordinary JPEG
by a walk through its markers (no decode), any other photo by decoding it on a helper
thread. The walk never accepts a file a decoder refuses, and never refuses one at all."""

from __future__ import annotations

import hashlib
import io
import random
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import photo_samples
import pytest
from PIL import Image, ImageFile
from sync_helpers import add_photo, completed_inspection, installation, rewrite_bundle

from inspector.services import photo_image, photo_jpeg
from inspector.services.sync.errors import BundleRefused
from inspector.services.sync.export import export_bundle
from inspector.services.sync.identity import Role, ensure_identity
from inspector.services.sync.verify_contents import verify_file


def _jpeg(size: tuple[int, int] = (120, 90), mode: str = "RGB", **options: Any) -> bytes:
    """Camera-like noise (its entropy-coded data full of stuffed FF bytes) as a JPEG."""
    out = io.BytesIO()
    Image.effect_noise(size, 50).convert(mode).save(out, "JPEG", quality=92, **options)
    return out.getvalue()


def _walk(data: bytes) -> photo_jpeg.JpegLayout:
    return photo_jpeg.walk(io.BytesIO(data))


def _image_data_start(jpeg: bytes) -> int:
    scan = jpeg.index(b"\xff\xda")
    return scan + 2 + int.from_bytes(jpeg[scan + 2:scan + 4], "big")


ORDINARY: dict[str, Callable[[], bytes]] = {
    "baseline": _jpeg,
    "progressive": lambda: _jpeg(progressive=True),
    "4:4:4": lambda: _jpeg(subsampling=0),
    "4:2:2": lambda: _jpeg(subsampling=1),
    "grey": lambda: _jpeg(mode="L"),
    "grey, progressive": lambda: _jpeg(mode="L", progressive=True),
    "optimized tables": lambda: _jpeg(optimize=True),
    "restart markers": lambda: _jpeg(restart_marker_blocks=3),
    "progressive with restart markers": lambda: _jpeg(progressive=True, restart_marker_rows=1),
    "a side of one pixel": lambda: _jpeg((1, 77)),
    "bytes after the end (a phone's trailer)": lambda: _jpeg() + b"MotionPhoto\xff\xd8\xff",
}


@pytest.mark.parametrize("name", sorted(ORDINARY))
def test_an_ordinary_jpeg_is_proven_whole_without_a_decode_with_the_same_facts(
        name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "photo.jpg"
    path.write_bytes(ORDINARY[name]())
    decoded = photo_image.examine(path, 16).facts

    def no_decoding(_image: ImageFile.ImageFile) -> None:
        raise AssertionError("decoded")

    monkeypatch.setattr(ImageFile.ImageFile, "load", no_decoding)
    assert photo_image.proven_whole(path) == decoded


def test_the_facts_of_exif_are_those_a_decode_gives(tmp_path: Path) -> None:
    path = photo_samples.jpeg(tmp_path / "turned.jpg", (64, 48), orientation=6,
                              taken="2026:11:28 10:30:00",
                              gps=("N", (29.0, 1.0, 30.0), "E", (111.0, 41.0, 6.0)))
    facts = photo_image.proven_whole(path)
    assert facts == photo_image.examine(path, 16).facts
    assert facts is not None and (facts.width, facts.height) == (48, 64)


def test_what_is_not_an_ordinary_jpeg_is_left_to_the_decoder(tmp_path: Path) -> None:
    cmyk = tmp_path / "cmyk.jpg"
    cmyk.write_bytes(_jpeg(mode="CMYK"))
    others = [cmyk, photo_samples.png(tmp_path / "p.png"), photo_samples.webp(tmp_path / "w.webp"),
              photo_samples.heic(tmp_path / "h.heic")]
    for path in others:
        assert photo_image.proven_whole(path) is None, path
        photo_image.examine(path, 16)  # and the decoder accepts them
    with pytest.raises(photo_image.PhotoRejected, match="not an image file"):
        photo_image.proven_whole(photo_samples.text_as_jpeg(tmp_path / "text.jpg"))


def _cut(data: bytes, at: int) -> bytes:
    return data[:at]


def _segment_changed(marker: bytes, change: Callable[[bytearray], None]
                     ) -> Callable[[bytes], bytes]:
    """The first segment of ``marker`` with its payload changed by ``change``."""
    def make(data: bytes) -> bytes:
        at = data.index(marker)
        length = int.from_bytes(data[at + 2:at + 4], "big")
        payload = bytearray(data[at + 4:at + 2 + length])
        change(payload)
        return data[:at + 4] + bytes(payload) + data[at + 2 + length:]
    return make


def _set(index: int, value: int) -> Callable[[bytearray], None]:
    def change(payload: bytearray) -> None:
        payload[index] = value
    return change


UNREADABLE: dict[str, tuple[Callable[[bytes], bytes], str]] = {
    "cut in the image data": (lambda d: _cut(d, (_image_data_start(d) + len(d)) // 2),
                              "ends inside the image data"),
    "its last two bytes missing": (lambda d: d[:-2], "ends inside the image data"),
    "cut in its headers": (lambda d: _cut(d, 300), "ends inside a segment"),
    "no image data": (lambda d: d[:_image_data_start(d)] + b"\xff\xd9", "holds no image data"),
    "12-bit samples": (_segment_changed(b"\xff\xc0", _set(0, 12)), "not an ordinary one"),
    "a Huffman table of impossible codes": (
        _segment_changed(b"\xff\xc4", _set(1, 3)), "Huffman table is malformed"),
    "a scan naming a table never defined": (
        _segment_changed(b"\xff\xda", _set(2, 0x33)), "Huffman table that is not there"),
    "a scan naming a component that is not there": (
        _segment_changed(b"\xff\xda", _set(1, 9)), "component or table that is not there"),
}


@pytest.mark.parametrize("name", sorted(UNREADABLE))
def test_the_walk_names_what_may_make_a_jpeg_unreadable(name: str) -> None:
    damage, problem = UNREADABLE[name]
    layout = _walk(damage(_jpeg(restart_marker_blocks=2)))
    assert layout.problem is not None and problem in layout.problem


def test_a_jpeg_cut_short_is_refused_as_before(tmp_path: Path) -> None:
    path = tmp_path / "cut.jpg"
    data = _jpeg()
    path.write_bytes(data[:len(data) * 2 // 3])
    assert photo_image.proven_whole(path) is None
    with pytest.raises(photo_image.PhotoRejected, match="damaged or incomplete"):
        photo_image.examine(path, 16)


def _mutations(data: bytes, rng: random.Random) -> bytes:
    """Damage as storage and hostile writers make it: cut, overwritten, inserted, removed."""
    at = rng.randrange(2, len(data))
    kind = rng.randrange(5)
    if kind == 0:
        return data[:at]
    if kind == 1:
        return data[:at] + bytes(rng.randrange(256) for _ in range(rng.randrange(1, 8))) \
            + data[at + 4:]
    if kind == 2:
        return data[:at] + bytes([0xFF, rng.randrange(256)]) + data[at:]
    if kind == 3:
        return data[:at] + data[at + rng.randrange(1, 64):]
    return data[:at] + b"\xff\xd9"


def test_a_jpeg_the_walk_proves_whole_is_always_one_a_decoder_reads(tmp_path: Path) -> None:
    rng = random.Random(16)
    originals = [_jpeg((48, 40), restart_marker_blocks=2), _jpeg((40, 48), progressive=True),
                 _jpeg((33, 20), mode="L", subsampling=0)]
    path = tmp_path / "mutated.jpg"
    proven = 0
    for n in range(600):
        data = _mutations(originals[n % len(originals)], rng)
        path.write_bytes(data)
        try:
            facts = photo_image.proven_whole(path)
        except photo_image.PhotoRejected:
            continue  # not even its header reads: refused before any walk
        if facts is None:
            continue
        proven += 1
        assert photo_image.examine(path, 16).facts == facts, (n, data.hex())
    assert proven > 100  # damage the walk tells from whole data is still read alike


# -- through a bundle ----------------------------------------------------------------


def _bundle_with_photos(tmp_path: Path, photos: list[tuple[bytes, str]]) -> Path:
    """A laptop's bundle whose photo members are ``photos`` (bytes, extension), signed by
    the laptop; only what ``verify_file`` reads (structure, signature, members) fits."""
    laptop = installation(tmp_path, "field", Role.FIELD)
    try:
        inspection = completed_inspection(laptop, photos=0)
        for position, (data, _extension) in enumerate(photos):
            add_photo(laptop, inspection, data, position)
        written = export_bundle(laptop, tmp_path / "written.inspector-bundle").path
        key = ensure_identity(laptop.paths).private_key
    finally:
        laptop.close()
    renamed = {f"photos/{hashlib.sha256(d).hexdigest()}.jpg":
               f"photos/{hashlib.sha256(d).hexdigest()}.{extension}" for d, extension in photos}
    with zipfile.ZipFile(written) as zf:
        contents = {new: zf.read(old) for old, new in renamed.items()}

    def manifest(m: dict[str, Any]) -> dict[str, Any]:
        return {**m, "members": [{**e, "path": renamed.get(e["path"], e["path"])}
                                 for e in m["members"]]}

    return rewrite_bundle(written, tmp_path / "photos.inspector-bundle",
                          change=lambda name, data: None if name in renamed else data,
                          extra=list(contents.items()), manifest=manifest, signer=key)


def _scratch_copies() -> list[Path]:
    return sorted(Path(tempfile.gettempdir()).glob("inspector-check-*"))


def test_a_bundle_of_ordinary_and_other_photos_verifies_and_leaves_no_copies(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    png = photo_samples.png(tmp_path / "p.png").read_bytes()
    bundle = _bundle_with_photos(tmp_path, [(_jpeg(), "jpg"), (png, "png"),
                                            (_jpeg(progressive=True), "jpg")])
    verify_file(bundle)
    assert _scratch_copies() == []


def test_a_photo_refused_on_a_helper_thread_leaves_no_copies(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    damaged = photo_samples.png_with_bad_pixel_data(tmp_path / "bad.png").read_bytes()
    good = [(_jpeg((40 + n, 30)), "jpg") for n in range(6)]
    bundle = _bundle_with_photos(tmp_path, [(damaged, "png"), *good])
    with pytest.raises(BundleRefused, match="not a usable image"):
        verify_file(bundle)
    assert _scratch_copies() == []
