"""Looking inside photo files with Pillow: validation, metadata and downscaled copies.

No database and no Qt here; everything is safe to call from worker threads.

* :func:`examine` decodes a file once (for JPEG in Pillow's draft mode, which
  decodes straight to 1/2, 1/4 or 1/8 scale) — that decode both proves the file
  is a whole, readable image and yields the preview the thumbnail is made from.
* :func:`probe` reads only the header and EXIF of a file already known good.
* :func:`render` makes an EXIF-oriented, user-rotated, downscaled RGB image.
"""

from __future__ import annotations

import io
import math
import re
import struct
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pillow_heif
from PIL import Image, UnidentifiedImageError

pillow_heif.register_heif_opener()

#: Largest image accepted, in pixels (width × height). 200 MP covers the
#: biggest phone sensors; anything larger is refused as a possible
#: decompression bomb (a tiny file that would need gigabytes once decoded).
MAX_PIXELS = 200_000_000
#: Pillow's own guard uses the same limit: it warns above it and raises
#: ``DecompressionBombError`` above twice it, for any image opened anywhere.
Image.MAX_IMAGE_PIXELS = MAX_PIXELS

#: Pillow format name → (media type, file extension in the store).
FORMATS: dict[str, tuple[str, str]] = {
    "JPEG": ("image/jpeg", "jpg"),
    "MPO": ("image/jpeg", "jpg"),  # phones' multi-picture JPEGs are plain JPEG files
    "PNG": ("image/png", "png"),
    "WEBP": ("image/webp", "webp"),
    "HEIF": ("image/heic", "heic"),
}
EXTENSIONS = ("jpg", "png", "webp", "heic")
_OPEN_FORMATS = ("JPEG", "PNG", "WEBP", "HEIF")  # MPO comes through the JPEG opener

_ORIENTATION_TAG = 0x0112
_EXIF_IFD = 0x8769
_GPS_IFD = 0x8825
_DATE_TIME_ORIGINAL = 0x9003
_DATE_TIME_DIGITIZED = 0x9004
_OFFSET_TIME_ORIGINAL = 0x9011
_OFFSET_TIME_DIGITIZED = 0x9012
#: The time zone of a camera clock whose EXIF does not say (China Standard
#: Time, where the sites are); also the zone in which "the visit's day" is judged.
SITE_TIMEZONE = timezone(timedelta(hours=8), "CST")
_TRANSPOSE = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
#: User rotation, degrees clockwise → Pillow transpose (Pillow's ROTATE_n turns anticlockwise).
_CLOCKWISE = {
    90: Image.Transpose.ROTATE_270,
    180: Image.Transpose.ROTATE_180,
    270: Image.Transpose.ROTATE_90,
}
_EXIF_DATE = re.compile(r"(\d{4})[:\-](\d{2})[:\-](\d{2})[ T](\d{2}):(\d{2}):(\d{2})")
_EXIF_OFFSET = re.compile(r"^\s*([+-])(\d{2}):(\d{2})")
_BACKGROUND = (255, 255, 255)


class PhotoRejected(ValueError):
    """A file that cannot be accepted as a photo; ``reason`` is worded for the user."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path.name}: {reason}")


@dataclass(frozen=True)
class ImageFacts:
    """What the program records about an image file.

    ``width``/``height`` are as displayed, i.e. after the EXIF orientation.
    ``taken_at`` is EXIF DateTimeOriginal as an aware datetime: in the zone of
    EXIF OffsetTimeOriginal when the camera wrote one, else :data:`SITE_TIMEZONE`.
    """

    media_type: str
    extension: str
    width: int
    height: int
    orientation: int
    taken_at: datetime | None
    gps_lat: float | None
    gps_lon: float | None


@dataclass(frozen=True)
class Examined:
    facts: ImageFacts
    preview: Image.Image  # RGB, EXIF-oriented, fits in preview_size × preview_size


def rejected_not_image(path: Path) -> PhotoRejected:
    return PhotoRejected(path, "不是图片文件 / not an image file")


def rejected_damaged(path: Path) -> PhotoRejected:
    return PhotoRejected(path, "图片文件已损坏或不完整 / the image file is damaged or incomplete")


def rejected_too_big(path: Path, size: tuple[int, int] | None) -> PhotoRejected:
    dims = f"{size[0]}×{size[1]} " if size else ""
    return PhotoRejected(
        path,
        f"图片尺寸过大 {dims}（超过 {MAX_PIXELS // 1_000_000} 百万像素），可能是恶意文件 / "
        f"image {dims}is larger than {MAX_PIXELS // 1_000_000} megapixels "
        f"(possibly a decompression bomb)",
    )


def _open(path: Path, source: Path | io.BytesIO | None = None) -> Image.Image:
    """Open (header only) one of the accepted formats, or raise :class:`PhotoRejected`."""
    target = source if source is not None else path
    try:
        image = Image.open(target, formats=_OPEN_FORMATS)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise rejected_too_big(path, None) from None
    except UnidentifiedImageError:
        raise _unidentified(path, target) from None
    except (OSError, SyntaxError, ValueError, EOFError, struct.error) as exc:
        raise rejected_damaged(path) from exc
    if image.format not in FORMATS:
        image.close()
        raise _unsupported(path, image.format or "?")
    width, height = image.size
    if width <= 0 or height <= 0:
        image.close()
        raise rejected_damaged(path)
    if width * height > MAX_PIXELS:
        image.close()
        raise rejected_too_big(path, image.size)
    return image


def _unsupported(path: Path, name: str) -> PhotoRejected:
    return PhotoRejected(
        path,
        f"不支持的图片格式 {name}（可用 JPEG、PNG、WebP、HEIC）/ unsupported image format "
        f"{name} (use JPEG, PNG, WebP or HEIC)",
    )


def _unidentified(path: Path, target: Path | io.BytesIO) -> PhotoRejected:
    """Tell "an image of another kind" (e.g. GIF, TIFF) from "not an image at all"."""
    try:
        with Image.open(target) as other:
            return _unsupported(path, other.format or "?")
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return rejected_too_big(path, None)
    except (OSError, SyntaxError, ValueError, EOFError, struct.error):
        return rejected_not_image(path)


def _facts(image: Image.Image) -> ImageFacts:
    media_type, extension = FORMATS[image.format or ""]
    try:
        exif = image.getexif()
    except (OSError, SyntaxError, ValueError, EOFError, struct.error):
        exif = Image.Exif()  # unreadable EXIF is dropped, the picture itself may be fine
    orientation = _orientation(exif)
    width, height = image.size
    if orientation in (5, 6, 7, 8):
        width, height = height, width
    lat, lon = _gps(exif)
    return ImageFacts(media_type, extension, width, height, orientation, _taken_at(exif), lat,
                      lon)


def _orientation(exif: Image.Exif) -> int:
    value = exif.get(_ORIENTATION_TAG, 1)
    return value if isinstance(value, int) and 1 <= value <= 8 else 1


def _sub_ifd(exif: Image.Exif, tag: int) -> dict[int, Any]:
    try:
        return dict(exif.get_ifd(tag))
    except (OSError, SyntaxError, ValueError, KeyError, TypeError, EOFError, struct.error):
        return {}


def _text(value: object) -> str | None:
    if isinstance(value, bytes):
        value = value.decode("ascii", "replace")
    return value if isinstance(value, str) else None


def parse_exif_offset(value: object) -> timezone | None:
    """``"+08:00"`` → that fixed zone; anything else → None."""
    match = _EXIF_OFFSET.match(_text(value) or "")
    if not match:
        return None
    sign, hours, minutes = match.groups()
    offset = timedelta(hours=int(hours), minutes=int(minutes))
    if offset > timedelta(hours=14):
        return None
    return timezone(-offset if sign == "-" else offset)


def parse_exif_date(value: object, zone: timezone = SITE_TIMEZONE) -> datetime | None:
    """``"2026:11:28 10:11:12"`` → that time in ``zone``; blanks and zeros → None."""
    match = _EXIF_DATE.search(_text(value) or "")
    if not match:
        return None
    try:
        year, month, day, hour, minute, second = (int(part) for part in match.groups())
        return datetime(year, month, day, hour, minute, second, tzinfo=zone)
    except ValueError:
        return None


def _taken_at(exif: Image.Exif) -> datetime | None:
    details = _sub_ifd(exif, _EXIF_IFD)
    for tag, offset_tag in ((_DATE_TIME_ORIGINAL, _OFFSET_TIME_ORIGINAL),
                            (_DATE_TIME_DIGITIZED, _OFFSET_TIME_DIGITIZED)):
        zone = parse_exif_offset(details.get(offset_tag)) or SITE_TIMEZONE
        taken = parse_exif_date(details.get(tag), zone)
        if taken is not None:
            return taken
    return None


def _degrees(value: object, ref: object, negative: str, limit: float) -> float | None:
    if isinstance(ref, bytes):
        ref = ref.decode("ascii", "replace")
    try:
        parts = [float(part) for part in value] if isinstance(value, tuple | list) else []
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    if not parts or len(parts) > 3 or not all(math.isfinite(p) for p in parts):
        return None
    degrees = sum(part / 60**i for i, part in enumerate(parts))
    if isinstance(ref, str) and ref.strip().upper().startswith(negative):
        degrees = -degrees
    return round(degrees, 7) if abs(degrees) <= limit else None


def _gps(exif: Image.Exif) -> tuple[float | None, float | None]:
    gps = _sub_ifd(exif, _GPS_IFD)
    lat = _degrees(gps.get(2), gps.get(1), "S", 90.0)
    lon = _degrees(gps.get(4), gps.get(3), "W", 180.0)
    if lat is None or lon is None or (lat == 0.0 and lon == 0.0):
        return None, None  # 0,0 is what some phones write when they have no fix
    return lat, lon


def _to_rgb(image: Image.Image) -> Image.Image:
    """Flatten any mode to RGB; transparent parts become white."""
    if image.mode == "RGB":
        return image
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, _BACKGROUND)
        flat.paste(rgba, mask=rgba.getchannel("A"))
        return flat
    return image.convert("RGB")


def _downscaled(image: Image.Image, box: int, orientation: int) -> Image.Image:
    """Decode ``image`` (JPEG: in draft mode) to RGB fitting ``box``, then apply orientation."""
    if image.format in ("JPEG", "MPO"):
        image.draft("RGB", (box, box))
    image.load()
    small = _to_rgb(image)
    width, height = small.size
    if max(width, height) > box:
        scale = box / max(width, height)
        size = (max(1, round(width * scale)), max(1, round(height * scale)))
        small = small.resize(size, Image.Resampling.BICUBIC, reducing_gap=2.0)
    elif small is image:
        small = image.copy()  # the opened file's image is closed when its file is
    method = _TRANSPOSE.get(orientation)
    # Transposing after the downscale costs nothing; before it, ~100 ms for 12 MP.
    return small.transpose(method) if method is not None else small


def examine(path: Path, preview_size: int = 256, *, display_path: Path | None = None
            ) -> Examined:
    """Decode ``path`` completely (JPEG at reduced scale) and describe it.

    Raises :class:`PhotoRejected` naming ``display_path`` (default ``path``) for
    a non-image, an unsupported format, a damaged or truncated file or a
    decompression bomb.
    """
    shown = display_path or path
    with _open(shown, path) as image:
        facts = _facts(image)
        try:
            preview = _downscaled(image, preview_size, facts.orientation)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise rejected_too_big(shown, image.size) from None
        except (OSError, SyntaxError, ValueError, EOFError, struct.error,
                MemoryError) as exc:
            raise rejected_damaged(shown) from exc
    return Examined(facts, preview)


def probe(path: Path, *, display_path: Path | None = None) -> ImageFacts:
    """Header and EXIF only (no decode), for a file already accepted into the store."""
    with _open(display_path or path, path) as image:
        return _facts(image)


def render(path: Path, max_size: int, rotation: int = 0) -> Image.Image:
    """An RGB copy of ``path`` fitting ``max_size`` × ``max_size``, EXIF-oriented, then
    turned ``rotation`` degrees clockwise (the user's rotation; a multiple of 90)."""
    with _open(path) as image:
        orientation = _orientation(image.getexif())
        try:
            shown = _downscaled(image, max_size, orientation)
        except (OSError, SyntaxError, ValueError, EOFError, struct.error) as exc:
            raise rejected_damaged(path) from exc
    method = _CLOCKWISE.get(rotation % 360)
    return shown.transpose(method) if method is not None else shown


def encode_jpeg(image: Image.Image, quality: int = 85) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=quality, optimize=False)
    return buffer.getvalue()
