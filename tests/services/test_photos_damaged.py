"""Damaged, incomplete and unusual image files: refused whole, scaled right, no console noise.

Every sample is made here from a good file (see ``photo_samples``); none is shipped.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import photo_samples as samples
import pytest
from PIL import Image

from inspector.services.context import AppContext
from inspector.services.photo_image import PhotoRejected, examine, probe, render
from inspector.services.photo_import import add_photos

DAMAGED = "图片文件已损坏或不完整 / the image file is damaged or incomplete"

DAMAGED_SAMPLES: dict[str, Callable[[Path], Path]] = {
    "png-bad-pixel-data.png": samples.png_with_bad_pixel_data,
    "png-without-end.png": samples.png_without_end,
    "png-cut-in-half.png": samples.png_cut_in_half,
    "apng-later-frames-out-of-sequence.png": samples.apng_out_of_sequence,
    "apng-first-frame-out-of-sequence.png":
        lambda path: samples.apng_out_of_sequence(path, from_chunk=0),
    "jpeg-cut-short.jpg": samples.truncated_jpeg,
    "jpeg-three-bytes.jpg": lambda path: _cut(samples.jpeg(path), 3),
    "heic-cut-in-half.heic": samples.heic_cut_short,
    "heic-header-only.heic": lambda path: samples.heic_cut_short(path, 200),
    "webp-header-only.webp": lambda path: _cut(samples.webp(path), 20),
}


def _cut(path: Path, keep: int) -> Path:
    path.write_bytes(path.read_bytes()[:keep])
    return path


@pytest.mark.parametrize("name", sorted(DAMAGED_SAMPLES))
def test_damaged_files_are_refused_as_damaged_naming_the_file(tmp_path: Path, name: str) -> None:
    path = DAMAGED_SAMPLES[name](tmp_path / name)
    with pytest.raises(PhotoRejected) as caught:
        examine(path)
    assert caught.value.reason == DAMAGED
    assert caught.value.path.name == name


def test_the_pixel_data_damage_is_found_although_the_header_reads(tmp_path: Path) -> None:
    """The case that slipped through: Pillow opens the file, only the full decode fails."""
    path = samples.png_with_bad_pixel_data(tmp_path / "scan.png")
    with Image.open(path) as image:
        assert image.size == (200, 150)
    with pytest.raises(PhotoRejected, match="damaged"):
        probe(path)  # a PNG already in the store is checked completely too
    with pytest.raises(PhotoRejected, match="damaged"):
        render(path, 100)  # never a raw OSError for a report or the viewer to trip on


def test_a_stored_file_missing_only_its_end_still_shows(tmp_path: Path) -> None:
    """Refused at import, but one already stored (by an older version) is still shown."""
    path = samples.png_without_end(tmp_path / "old.png")
    shown = render(path, 100)
    assert shown.size == (100, 75)
    assert shown.getpixel((5, 40)) == pytest.approx((220, 30, 30), abs=8)


def test_a_whole_animated_png_is_accepted_as_its_first_frame(tmp_path: Path) -> None:
    examined = examine(samples.apng(tmp_path / "anim.png"), 32)
    assert examined.facts.media_type == "image/png"
    red = examined.preview.getpixel((10, 10))
    assert isinstance(red, tuple) and red[0] > 200 and red[1] < 60


def test_the_import_refuses_damaged_files_and_keeps_the_rest(context: AppContext,
                                                             tmp_path: Path) -> None:
    visit = samples.start_visit(context)
    folder = tmp_path / "camera"
    folder.mkdir()
    damaged = [DAMAGED_SAMPLES[name](folder / name) for name in sorted(DAMAGED_SAMPLES)]
    good = samples.png(folder / "good.png")
    with context.db.session() as session:
        report = add_photos(session, visit.store, visit.inspection_id, visit.criteria[0],
                            [*damaged, good], workers=2)
    assert [record.original_name for record in report.added] == ["good.png"]
    assert sorted(path.name for path, _ in report.rejected) == sorted(DAMAGED_SAMPLES)
    assert {reason for _, reason in report.rejected} == {DAMAGED}
    assert [sha for sha, _ in visit.store.stored_files()] == [report.added[0].sha256]
    assert visit.store.staged_files() == []


# --------------------------------------------------------------------------- wide greyscale


def _greys(image: Image.Image) -> list[int]:
    """Grey levels at a quarter, half and three quarters of the width, mid-height."""
    width, height = image.size
    levels = []
    for x in (width // 4, width // 2, 3 * width // 4):
        pixel = image.getpixel((x, height // 2))
        assert isinstance(pixel, tuple) and max(pixel) - min(pixel) <= 2, "grey stays grey"
        levels.append(pixel[0])
    return levels


@pytest.mark.parametrize(("maker", "label"), [
    (lambda path: samples.grey_ramp(path, 65535), "16-bit"),
    (lambda path: samples.grey_ramp(path, 1023), "10-bit values in 16 bits"),
    (lambda path: samples.grey_ramp(path, 1023, significant_bits=10), "10-bit with sBIT"),
    (lambda path: samples.grey_ramp(path, 4095, significant_bits=12), "12-bit with sBIT"),
    (lambda path: samples.grey_ramp_from_32_bits(path, 65535), "32-bit integer image"),
    (lambda path: samples.grey_ramp_from_32_bits(path, 1023), "10-bit integer image"),
])
def test_wide_greyscale_is_scaled_not_clipped_to_white(
        tmp_path: Path, maker: Callable[[Path], Path], label: str) -> None:
    path = maker(tmp_path / "ramp.png")
    with Image.open(path) as opened:
        assert opened.mode.startswith("I"), label
    for shown in (examine(path, 128).preview, render(path, 128), render(path, 64, 180)):
        levels = _greys(shown)
        if shown.size == (64, 8):  # turned half round: bright on the left now
            levels.reverse()
        quarter, half, three_quarters = levels
        assert 50 <= quarter <= 80 and 115 <= half <= 140 and 175 <= three_quarters <= 205, (
            label, levels)


def test_a_sixteen_bit_file_holding_eight_bit_values_is_not_brightened(tmp_path: Path) -> None:
    levels = _greys(render(samples.grey_ramp(tmp_path / "dim.png", 255), 128))
    assert levels == pytest.approx([64, 128, 191], abs=4)


def test_thumbnails_of_wide_greyscale_are_grey(context: AppContext, tmp_path: Path) -> None:
    visit = samples.start_visit(context)
    ramp = samples.grey_ramp(tmp_path / "xray.png", 1023)
    with context.db.session() as session:
        added = add_photos(session, visit.store, visit.inspection_id, None, [ramp]).added
    thumbnail = visit.store.thumbnail_path(added[0].sha256)
    with Image.open(thumbnail) as image:
        assert 110 <= _greys(image.convert("RGB"))[1] <= 145


# --------------------------------------------------------------------------- warnings

_EXAMINE = """
import logging, sys
from pathlib import Path
from PIL import Image
from inspector.services import photo_image
logging.basicConfig(level=logging.INFO, filename=sys.argv[1], format="%(name)s %(message)s")
photo_image.MAX_PIXELS = 10_000  # a "bomb" between once and twice Pillow's limit warns
Image.MAX_IMAGE_PIXELS = 10_000
for name in sys.argv[2:]:
    try:
        photo_image.examine(Path(name))
        print("accepted", name)
    except photo_image.PhotoRejected as exc:
        print("refused", name, exc.reason)
"""


def test_pillows_warnings_go_to_the_log_not_the_console(tmp_path: Path) -> None:
    exif = samples.jpeg_with_truncated_exif(tmp_path / "exif.jpg")
    with pytest.warns(UserWarning, match="Truncated File Read"), Image.open(exif) as image:
        image.getexif().get_ifd(0x8769)  # the warning the program must not show
    bomb = samples.png_bomb(tmp_path / "bomb.png", 150, 100)
    log = tmp_path / "log.txt"
    done = subprocess.run([sys.executable, "-c", _EXAMINE, str(log), str(exif), str(bomb)],
                          capture_output=True, text=True, timeout=60, check=True)
    assert done.stderr == ""
    assert f"accepted {exif}" in done.stdout and f"refused {bomb}" in done.stdout
    logged = log.read_text(encoding="utf-8")
    assert "Truncated File Read" in logged and "DecompressionBombWarning" not in done.stderr
    assert "exceeds limit" in logged  # Pillow's bomb warning, in the log


def test_other_warnings_are_still_shown(tmp_path: Path) -> None:
    code = ("import warnings\nfrom inspector.services import photo_image\n"
            "warnings.warn('still here')\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, check=True)
    assert "UserWarning: still here" in done.stderr
