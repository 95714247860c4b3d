"""Validation and metadata of photo files (no database)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import photo_samples as samples
import pytest
from PIL import Image

from inspector.services import photo_image
from inspector.services.photo_exif import SITE_TIMEZONE, parse_exif_date, parse_exif_offset
from inspector.services.photo_image import PhotoRejected, examine, probe, render


def _is_red(rgb: tuple[int, ...]) -> bool:
    return rgb[0] > 150 and rgb[2] < 100


def _is_blue(rgb: tuple[int, ...]) -> bool:
    return rgb[2] > 150 and rgb[0] < 100


def test_exif_orientation_6_gives_portrait_size_and_turned_preview(tmp_path: Path) -> None:
    path = samples.jpeg(tmp_path / "turned.jpg", (64, 48), orientation=6)
    examined = examine(path, 32)
    assert (examined.facts.width, examined.facts.height) == (48, 64)
    assert examined.facts.orientation == 6
    preview = examined.preview
    assert preview.mode == "RGB" and preview.size == (24, 32)
    # Orientation 6 means "turn 90° clockwise to view": the red left half goes on top.
    assert _is_red(preview.getpixel((12, 2)))  # type: ignore[arg-type]
    assert _is_blue(preview.getpixel((12, 29)))  # type: ignore[arg-type]


def test_jpeg_metadata_date_taken_and_gps_with_signs_from_refs(tmp_path: Path) -> None:
    path = samples.jpeg(tmp_path / "gps.jpg", taken="2026:11:28 09:30:05",
                        gps=("S", (30.0, 15.0, 36.0), "W", (120.0, 30.0, 0.0)))
    facts = probe(path)
    assert facts.media_type == "image/jpeg" and facts.extension == "jpg"
    assert facts.taken_at == datetime(2026, 11, 28, 9, 30, 5, tzinfo=SITE_TIMEZONE)
    assert facts.gps_lat == pytest.approx(-30.26)
    assert facts.gps_lon == pytest.approx(-120.5)
    assert (facts.width, facts.height) == (64, 48)


def test_gps_north_east_and_no_gps(tmp_path: Path) -> None:
    north = probe(samples.jpeg(tmp_path / "n.jpg",
                               gps=("N", (29.0, 52.0, 12.0), "E", (121.0, 33.0, 0.0))))
    assert north.gps_lat == pytest.approx(29.87) and north.gps_lon == pytest.approx(121.55)
    plain = probe(samples.jpeg(tmp_path / "plain.jpg"))
    assert (plain.gps_lat, plain.gps_lon, plain.taken_at) == (None, None, None)


def test_exif_dates() -> None:
    assert parse_exif_date("2026:01:02 03:04:05\x00") == datetime(2026, 1, 2, 3, 4, 5,
                                                                  tzinfo=SITE_TIMEZONE)
    assert parse_exif_date(b"2026-01-02 03:04:05", UTC) == datetime(2026, 1, 2, 3, 4, 5,
                                                                     tzinfo=UTC)
    assert parse_exif_offset("-05:30") == timezone(-timedelta(hours=5, minutes=30))
    assert parse_exif_offset("   :  ") is None
    assert parse_exif_date("0000:00:00 00:00:00") is None
    assert parse_exif_date("    :  :     :  :  ") is None
    assert parse_exif_date(None) is None


def test_png_with_alpha_flattens_on_white(tmp_path: Path) -> None:
    examined = examine(samples.png_with_alpha(tmp_path / "alpha.png"), 64)
    assert examined.facts.media_type == "image/png"
    assert examined.preview.mode == "RGB"
    assert examined.preview.getpixel((30, 25)) == (255, 255, 255)
    green = examined.preview.getpixel((2, 2))
    assert isinstance(green, tuple) and green[1] > 150 and green[0] < 80


def test_cmyk_jpeg_becomes_rgb(tmp_path: Path) -> None:
    path = samples.jpeg(tmp_path / "cmyk.jpg", (80, 60), mode="CMYK")
    assert Image.open(path).mode == "CMYK"
    examined = examine(path, 40)
    assert examined.facts.media_type == "image/jpeg"
    assert examined.preview.mode == "RGB" and examined.preview.size == (40, 30)
    assert _is_red(examined.preview.getpixel((5, 15)))  # type: ignore[arg-type]


def test_heic_is_accepted_with_its_exif_date(tmp_path: Path) -> None:
    path = samples.heic(tmp_path / "phone.heic", taken="2026:11:27 17:00:00")
    examined = examine(path, 32)
    assert examined.facts.media_type == "image/heic" and examined.facts.extension == "heic"
    assert (examined.facts.width, examined.facts.height) == (64, 48)
    assert examined.facts.taken_at == datetime(2026, 11, 27, 17, 0, tzinfo=SITE_TIMEZONE)
    assert examined.preview.size == (32, 24)


def test_webp_is_accepted(tmp_path: Path) -> None:
    facts = examine(samples.webp(tmp_path / "x.webp")).facts
    assert (facts.media_type, facts.extension, facts.width) == ("image/webp", "webp", 64)


def test_truncated_jpeg_is_refused_naming_the_file(tmp_path: Path) -> None:
    path = samples.truncated_jpeg(tmp_path / "IMG_0042.jpg")
    with pytest.raises(PhotoRejected) as caught:
        examine(path)
    assert "IMG_0042.jpg" in str(caught.value)
    assert "损坏" in caught.value.reason and "damaged" in caught.value.reason


def test_text_named_jpg_is_not_an_image(tmp_path: Path) -> None:
    with pytest.raises(PhotoRejected, match="not an image") as caught:
        examine(samples.text_as_jpeg(tmp_path / "notes.jpg"))
    assert caught.value.path.name == "notes.jpg"
    assert "不是图片" in caught.value.reason


def test_other_image_formats_are_refused_by_name(tmp_path: Path) -> None:
    path = tmp_path / "scan.jpg"
    samples.picture().save(path, "GIF")
    with pytest.raises(PhotoRejected, match="unsupported image format GIF"):
        examine(path)


def test_decompression_bomb_is_refused_before_decoding(tmp_path: Path) -> None:
    path = samples.png_bomb(tmp_path / "bomb.png")
    assert path.stat().st_size < 200
    with pytest.raises(PhotoRejected, match="decompression bomb") as caught:
        examine(path)
    assert caught.value.path.name == "bomb.png"


def test_bomb_just_over_the_limit_is_refused_by_our_own_check(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch
                                                              ) -> None:
    """Between 1× and 2× the limit Pillow only warns; our explicit check refuses."""
    monkeypatch.setattr(photo_image, "MAX_PIXELS", 10_000)
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 10_000)
    path = samples.png_bomb(tmp_path / "big.png", 150, 100)
    with pytest.warns(Image.DecompressionBombWarning), pytest.raises(PhotoRejected,
                                                                     match="150×100"):
        examine(path)


def test_pillow_limit_is_set_explicitly() -> None:
    assert Image.MAX_IMAGE_PIXELS == photo_image.MAX_PIXELS


def test_render_applies_exif_then_user_rotation(tmp_path: Path) -> None:
    path = samples.jpeg(tmp_path / "turned.jpg", (64, 48), orientation=6)
    upright = render(path, 1000)
    assert upright.size == (48, 64)  # no upscaling beyond the original
    turned = render(path, 32, rotation=90)
    # EXIF puts red on top; a further quarter turn clockwise puts red on the right.
    assert turned.size == (32, 24)
    assert _is_red(turned.getpixel((29, 12)))  # type: ignore[arg-type]
    assert _is_blue(turned.getpixel((2, 12)))  # type: ignore[arg-type]
    assert render(path, 32, rotation=-90).size == (32, 24)


def test_heic_orientation_is_applied_once(tmp_path: Path) -> None:
    """pillow-heif turns HEIC images itself and resets the EXIF tag: no double turn."""
    exif = Image.Exif()
    exif[0x0112] = 6
    path = tmp_path / "portrait.heic"
    samples.picture((64, 48)).save(path, format="HEIF", exif=exif.tobytes())
    examined = examine(path, 32)
    assert (examined.facts.width, examined.facts.height) == (48, 64)
    assert examined.preview.size == (24, 32)
    assert _is_red(examined.preview.getpixel((12, 2)))  # type: ignore[arg-type]
