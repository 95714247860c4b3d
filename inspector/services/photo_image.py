"""Looking inside photo files with Pillow: validation, metadata and downscaled copies.

No database and no Qt here; everything is safe to call from worker threads.

* :func:`examine` decodes a file completely, once (for JPEG in Pillow's draft
  mode, which decodes straight to 1/2, 1/4 or 1/8 scale; every byte of the
  compressed data is still read) — that decode both proves the file is a whole,
  readable image and yields the preview the thumbnail is made from. A PNG must
  also be whole as a file: every critical chunk's checksum right, the end chunk
  there, and every frame of an animated PNG in sequence and decodable. A HEIC
  cannot be decoded at a reduced size: it is decoded by libheif and reduced a
  strip of rows at a time, and refused above :data:`MAX_HEIC_PIXELS`.
* :func:`probe` reads only the header and EXIF of a file already known good
  (a PNG is checked completely again: it costs little).
* :func:`render` makes an EXIF-oriented, user-rotated, downscaled RGB image (of a
  HEIC, from its embedded thumbnail when that is large enough).

Greyscale images of more than 8 bits (16-bit PNG, or 10- or 12-bit values stored
in 16 bits) are scaled to 8 bits by their significant bits, not clipped.

Pillow's warnings (for example a decompression-bomb warning or a truncated EXIF
block) go to this module's log, never to the console: see :func:`_route_warnings`.
"""

from __future__ import annotations

import contextlib
import io
import logging
import math
import re
import struct
import threading
import warnings
import zlib
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, BinaryIO, TextIO, cast

import PIL
import pillow_heif
from PIL import Image, UnidentifiedImageError

from inspector.errors import UserError

pillow_heif.register_heif_opener()

log = logging.getLogger(__name__)

#: Largest image accepted, in pixels (width × height). 200 MP covers the
#: biggest phone sensors; anything larger is refused as a possible
#: decompression bomb (a tiny file that would need gigabytes once decoded).
MAX_PIXELS = 200_000_000
#: Pillow's own guard uses the same limit: it warns above it and raises
#: ``DecompressionBombError`` above twice it, for any image opened anywhere.
Image.MAX_IMAGE_PIXELS = MAX_PIXELS
#: Largest HEIC accepted, in pixels. A JPEG is checked by decoding it at 1/8 of its
#: size (draft mode); HEVC cannot be decoded at a reduced size, so checking a HEIC
#: decodes all of it: about 4.6 bytes a pixel at the peak, inside libheif, then its
#: RGB pixels are reduced a strip at a time. 110 megapixels (phones' 108 MP mode)
#: take about 500 MB; a 200 MP HEIC (1 GB and more) is refused, so that checking
#: photos never pushes a 4 GB laptop into swap. Convert such a photo to JPEG.
MAX_HEIC_PIXELS = 110_000_000
#: HEIC images larger than this are decoded one at a time in this process (the import's
#: threads, thumbnails and the report), so their peaks never add up.
LARGE_HEIC_PIXELS = 16_000_000
_LARGE_HEIC = threading.Lock()
#: Rows of a decoded HEIC turned into a Pillow image at a time while it is reduced.
_HEIC_STRIP_ROWS = 256

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


class PhotoRejected(UserError):
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


def rejected_heic_too_big(path: Path, size: tuple[int, int]) -> PhotoRejected:
    limit = MAX_HEIC_PIXELS // 1_000_000
    return PhotoRejected(
        path,
        f"HEIC 图片 {size[0]}×{size[1]} 超过 {limit} 百万像素，检查它需要的内存太多；请用手机的"
        f"常规分辨率拍摄，或先把它转换为 JPEG / the HEIC image {size[0]}×{size[1]} has more "
        f"than {limit} megapixels, too many to check without running short of memory; take "
        f"photos at the phone's usual resolution, or convert this one to JPEG first",
    )


def rejected_too_big(path: Path, size: tuple[int, int] | None) -> PhotoRejected:
    dims = f"{size[0]}×{size[1]} " if size else ""
    return PhotoRejected(
        path,
        f"图片尺寸过大 {dims}（超过 {MAX_PIXELS // 1_000_000} 百万像素），可能是恶意文件 / "
        f"image {dims}is larger than {MAX_PIXELS // 1_000_000} megapixels "
        f"(possibly a decompression bomb)",
    )


#: What Pillow and its plugins raise on damaged data, while opening or decoding a file.
_DAMAGE: tuple[type[BaseException], ...] = (
    OSError, SyntaxError, ValueError, EOFError, struct.error, zlib.error, IndexError, KeyError,
    TypeError, MemoryError,
)
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
#: ISO-BMFF brands of HEIF files (the ``ftyp`` box), for telling a damaged HEIC from a non-image.
_HEIF_BRANDS = frozenset({b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"hevm",
                          b"hevs", b"mif1", b"msf1", b"mif2"})


def _open(path: Path, source: Path | io.BytesIO | None = None) -> Image.Image:
    """Open (header only) one of the accepted formats, or raise :class:`PhotoRejected`."""
    target = source if source is not None else path
    try:
        image = Image.open(target, formats=_OPEN_FORMATS)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise rejected_too_big(path, None) from None
    except UnidentifiedImageError:
        raise _unidentified(path, target) from None
    except _DAMAGE as exc:
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


def _starts_like_a_photo(head: bytes) -> bool:
    """Whether ``head`` (a file's first bytes) begins like a JPEG, PNG, WebP or HEIC file."""
    return (
        (len(head) >= 4 and _PNG_SIGNATURE.startswith(head[:8]))
        or head[:3] == b"\xff\xd8\xff"
        or (head[:4] == b"RIFF" and head[8:12] == b"WEBP")
        or (head[4:8] == b"ftyp" and head[8:12] in _HEIF_BRANDS)
    )


def _head(target: Path | io.BytesIO, size: int = 16) -> bytes:
    if isinstance(target, io.BytesIO):
        return target.getvalue()[:size]
    with target.open("rb") as stream:
        return stream.read(size)


def _unidentified(path: Path, target: Path | io.BytesIO) -> PhotoRejected:
    """Tell "an image of another kind" (e.g. GIF, TIFF) from a damaged photo file (it
    starts like one of the accepted formats) and from "not an image at all"."""
    try:
        with Image.open(target) as other:
            return _unsupported(path, other.format or "?")
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return rejected_too_big(path, None)
    except _DAMAGE:
        pass  # not readable as any image: is it a damaged photo?
    try:
        damaged = _starts_like_a_photo(_head(target))
    except OSError:
        damaged = False
    return rejected_damaged(path) if damaged else rejected_not_image(path)


def _exif_of(image: Image.Image) -> Image.Exif:
    """The image's EXIF; an unreadable EXIF block is dropped (call after decoding: a PNG
    would otherwise be decoded here, and a decoding error taken for a bad EXIF block)."""
    try:
        return image.getexif()
    except _DAMAGE:
        return Image.Exif()


def _facts(image_format: str | None, size: tuple[int, int], exif: Image.Exif) -> ImageFacts:
    media_type, extension = FORMATS[image_format or ""]
    orientation = _orientation(exif)
    width, height = size
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



@dataclass(frozen=True)
class _PngLayout:
    """What a walk through a PNG file's chunks found."""

    problem: str | None  # why the file is damaged or incomplete; None: it is whole
    grey_bits: int | None  # significant bits of the grey channel (sBIT), when given
    frames: int  # frames of an animated PNG (fcTL chunks); 1 for a still image


def _png_layout(stream: BinaryIO) -> _PngLayout:
    """Walk every chunk of a PNG file, checking each checksum, the end chunk and the
    order of an animated PNG's frame chunks. Reads the file once, 1 MiB at a time."""
    grey_bits: int | None = None
    frames = 0
    sequence = 0  # the next fcTL/fdAT sequence number expected
    colour_type = -1

    def layout(problem: str | None) -> _PngLayout:
        return _PngLayout(problem, grey_bits, max(1, frames))

    if stream.read(8) != _PNG_SIGNATURE:
        return layout("no PNG signature")
    while True:
        header = stream.read(8)
        if len(header) < 8:
            return layout("the file ends before its IEND chunk")
        length, kind = struct.unpack(">I4s", header)
        if length > 0x7FFF_FFFF:
            return layout(f"chunk {kind!r} has an impossible length")
        checksum = zlib.crc32(kind)
        start = b""
        remaining = length
        while remaining:
            block = stream.read(min(remaining, 1 << 20))
            if not block:
                return layout(f"the file ends inside chunk {kind!r}")
            if len(start) < 32:
                start += block[:32 - len(start)]
            checksum = zlib.crc32(block, checksum)
            remaining -= len(block)
        stored = stream.read(4)
        if len(stored) < 4 or struct.unpack(">I", stored)[0] != checksum:
            return layout(f"chunk {kind!r} is damaged (checksum)")
        if kind == b"IHDR" and len(start) >= 10:
            colour_type = start[9]
        elif kind == b"sBIT" and colour_type in (0, 4) and start:
            grey_bits = start[0]
        elif kind in (b"fcTL", b"fdAT"):
            if len(start) < 4 or struct.unpack(">I", start[:4])[0] != sequence:
                return layout("the animation's frames are out of sequence")
            sequence += 1
            frames += kind == b"fcTL"
        elif kind == b"IEND":
            return layout(None)


def _png_file_layout(source: Path | io.BytesIO) -> _PngLayout:
    if isinstance(source, io.BytesIO):
        return _png_layout(io.BytesIO(source.getvalue()))
    with source.open("rb") as stream:
        return _png_layout(stream)


def _check_frames(image: Image.Image, layout: _PngLayout) -> None:
    """Decode every further frame of an animated PNG (the first one is decoded already)."""
    declared = getattr(image, "n_frames", 1)
    if declared != layout.frames:
        raise ValueError(f"the animation declares {declared} frames but has {layout.frames}")
    width, height = image.size
    if declared * width * height > MAX_PIXELS:
        raise Image.DecompressionBombError(f"{declared} frames of {width}×{height}")
    for frame in range(1, declared):
        image.seek(frame)
        image.load()


# --------------------------------------------------------------------------- decoding

#: Modes of greyscale images with more than 8 bits per pixel.
_WIDE_GREY = frozenset({"I", "I;16", "I;16B", "I;16L", "I;16N"})


def _grey_to_8_bits(image: Image.Image, grey_bits: int | None) -> Image.Image:
    """A wide greyscale image scaled to 8 bits by its significant bits (never clipped).

    The significant bits are the file's own (PNG sBIT) when its values fit in
    them, else the fewest (8 to 32) that hold the brightest value: 10-bit values
    stored in 16 bits are scaled by 1023, true 16-bit ones by 65535.
    """
    wide = image if image.mode == "I" else image.convert("I")
    extrema = wide.getextrema()
    high = extrema[1] if isinstance(extrema[1], int | float) else 0
    brightest = max(0, int(high))
    if grey_bits is not None and 8 <= grey_bits <= 16 and brightest < 1 << grey_bits:
        bits = grey_bits
    else:
        bits = max(8, brightest.bit_length())
    if bits == 8:
        return wide.convert("L")
    factor = 255 / ((1 << bits) - 1)
    return wide.point(lambda value: value * factor).convert("L")


def _to_rgb(image: Image.Image, grey_bits: int | None = None) -> Image.Image:
    """Flatten any mode to RGB; transparent parts become white, wide grey is scaled."""
    if image.mode == "RGB":
        return image
    if image.mode in _WIDE_GREY:
        return _grey_to_8_bits(image, grey_bits).convert("RGB")
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, _BACKGROUND)
        flat.paste(rgba, mask=rgba.getchannel("A"))
        return flat
    return image.convert("RGB")


def _fitting(size: tuple[int, int], box: int) -> tuple[int, int]:
    """``size`` scaled down to fit ``box`` × ``box`` (unchanged when it fits)."""
    width, height = size
    if max(width, height) <= box:
        return size
    scale = box / max(width, height)
    return max(1, round(width * scale)), max(1, round(height * scale))


def _downscaled(image: Image.Image, box: int, grey_bits: int | None) -> Image.Image:
    """Decode ``image`` (JPEG: in draft mode) to a new RGB image fitting ``box``."""
    if image.format in ("JPEG", "MPO"):
        image.draft("RGB", (box, box))
    image.load()
    small = _to_rgb(image, grey_bits)
    size = _fitting(small.size, box)
    if size != small.size:
        small = small.resize(size, Image.Resampling.BICUBIC, reducing_gap=2.0)
    elif small is image:
        small = image.copy()  # the opened file's image is closed when its file is
    return small


def _heif_downscaled(image: Image.Image, source: Path | io.BytesIO, box: int, *,
                     whole: bool) -> Image.Image:
    """A HEIC's primary image as a new RGB image fitting ``box``, in bounded memory.

    To show it (not ``whole``), an embedded thumbnail at least as large as needed
    is decoded instead when the phone stored one (a HEIC stored before
    :data:`MAX_HEIC_PIXELS` was the limit is shown by an embedded thumbnail, or
    not at all). Otherwise libheif decodes all of it (which also proves it whole)
    and the pixels are reduced :data:`_HEIC_STRIP_ROWS` rows at a time, never held
    twice at full size; a large one waits for any other large one to finish.
    """
    width, height = image.size
    if not whole:
        thumbnail = image.draft(image.mode, _fitting(image.size, box))
        if thumbnail is None and width * height > MAX_HEIC_PIXELS:
            thumbnail = image.draft(image.mode, (1, 1))  # any: better small than none
            if thumbnail is None:
                raise Image.DecompressionBombError(f"HEIC of {width}×{height}, no thumbnail")
        if thumbnail is not None:
            return _downscaled(image, box, None)
    elif width * height > MAX_HEIC_PIXELS:
        raise _HeicTooBig
    gate = _LARGE_HEIC if width * height > LARGE_HEIC_PIXELS else contextlib.nullcontext()
    with gate:
        if isinstance(source, io.BytesIO):
            source.seek(0)
        heif = pillow_heif.open_heif(source, convert_hdr_to_8bit=True, remove_stride=False)
        primary = heif[heif.primary_index]
        data = primary.data  # decoded here; the size may change by it (a crop)
        try:
            decoded = primary.size
            reduced = _reduced_in_strips(primary.mode, decoded, data, primary.stride, box)
        finally:
            del data, primary, heif  # the decoded pixels go now, not when the caller returns
    small = _to_rgb(reduced)  # a new image, the file's own is never loaded
    target = _fitting(decoded, box)
    return small.resize(target, Image.Resampling.BICUBIC) if small.size != target else small


class _HeicTooBig(Exception):
    """A HEIC above MAX_HEIC_PIXELS met where it must be decoded whole."""


def _reduction(ratio: float) -> int:
    """The whole factor a side is first reduced by (box averages), before a bicubic
    resize does the rest: as Pillow's ``reducing_gap=2.0`` from 4× down, and by at
    least 2 from 2× down, so the reduced copy is at most a quarter of the pixels."""
    return max(1, int(ratio / 2.0)) if ratio >= 4.0 else max(1, int(ratio))


def _reduced_in_strips(mode: str, size: tuple[int, int], data: memoryview, stride: int,
                       box: int) -> Image.Image:
    """Decoded pixels reduced by whole factors (box averages, as Pillow's ``reduce``),
    a strip of rows at a time, to between once and four times the size fitting ``box``."""
    width, height = size
    target = _fitting(size, box)
    factor_x, factor_y = _reduction(width / target[0]), _reduction(height / target[1])
    rows = factor_y * max(1, _HEIC_STRIP_ROWS // factor_y)
    reduced = Image.new(mode, (-(-width // factor_x), -(-height // factor_y)))
    for top in range(0, height, rows):
        count = min(rows, height - top)
        rows_data = cast(bytes, data[top * stride:(top + count) * stride])  # a view, no copy
        strip = Image.frombuffer(mode, (width, count), rows_data, "raw", mode, stride, 1)
        part = strip.reduce((factor_x, factor_y)) if (factor_x, factor_y) != (1, 1) \
            else strip.copy()
        reduced.paste(part, (0, top // factor_y))
    return reduced


def _oriented(image: Image.Image, orientation: int) -> Image.Image:
    method = _TRANSPOSE.get(orientation)
    # Transposing after the downscale costs nothing; before it, ~100 ms for 12 MP.
    return image.transpose(method) if method is not None else image


def _decode(shown: Path, source: Path, box: int, *, whole: bool
            ) -> tuple[ImageFacts, Image.Image]:
    """Decode ``source`` into its facts and an RGB copy fitting ``box``, EXIF-oriented.

    ``whole``: also prove that the file is whole (a PNG's every chunk and frame),
    as a photo must be before it is accepted. Any failure is a :class:`PhotoRejected`
    naming ``shown``.
    """
    with _open(shown, source) as image:
        size = image.size
        try:
            layout: _PngLayout | None = None
            if image.format == "PNG" and (whole or image.mode in _WIDE_GREY):
                layout = _png_file_layout(source)
                if whole and layout.problem is not None:
                    raise ValueError(layout.problem)
            # Decoding comes first: reading a PNG's EXIF would decode it, and an error
            # there must not pass for a merely unreadable EXIF block.
            if image.format == "HEIF":
                small = _heif_downscaled(image, source, box, whole=whole)
            else:
                small = _downscaled(image, box, layout.grey_bits if layout else None)
            exif = _exif_of(image)
            if whole and layout is not None and layout.frames > 1:
                _check_frames(image, layout)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise rejected_too_big(shown, size) from None
        except _HeicTooBig:
            raise rejected_heic_too_big(shown, size) from None
        except _DAMAGE as exc:
            log.info("%s is damaged or incomplete: %s", shown.name, exc)
            raise rejected_damaged(shown) from exc
        facts = _facts(image.format, size, exif)
    return facts, _oriented(small, facts.orientation)


def examine(path: Path, preview_size: int = 256, *, display_path: Path | None = None
            ) -> Examined:
    """Decode ``path`` completely (JPEG at reduced scale) and describe it.

    Raises :class:`PhotoRejected` naming ``display_path`` (default ``path``) for
    a non-image, an unsupported format, a damaged or truncated file or a
    decompression bomb.
    """
    facts, preview = _decode(display_path or path, path, preview_size, whole=True)
    return Examined(facts, preview)


def probe(path: Path, *, display_path: Path | None = None) -> ImageFacts:
    """Header and EXIF only (no decode), for a file already accepted into the store.

    A PNG is examined completely all the same: a damaged one may be in the store
    from before the program checked a PNG's every chunk, and it costs little.
    """
    shown = display_path or path
    with _open(shown, path) as image:
        if image.format != "PNG":
            return _facts(image.format, image.size, _exif_of(image))
    return examine(path, 16, display_path=display_path).facts


def render(path: Path, max_size: int, rotation: int = 0) -> Image.Image:
    """An RGB copy of ``path`` fitting ``max_size`` × ``max_size``, EXIF-oriented, then
    turned ``rotation`` degrees clockwise (the user's rotation; a multiple of 90).

    Raises :class:`PhotoRejected` when the file cannot be decoded (whatever is wrong
    with it), never another error of Pillow's."""
    _, shown = _decode(path, path, max_size, whole=False)
    method = _CLOCKWISE.get(rotation % 360)
    return shown.transpose(method) if method is not None else shown


def encode_jpeg(image: Image.Image, quality: int = 85) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=quality, optimize=False)
    return buffer.getvalue()


# --------------------------------------------------------------------------- warnings

#: Where Pillow and pillow-heif are installed (their package folders): warnings raised
#: from code there are theirs.
_PILLOW_FOLDERS = tuple(folder for module in (PIL, pillow_heif) for folder in module.__path__)
_routed = False


def _route_warnings() -> None:
    """Send Pillow's warnings (a decompression-bomb warning, "Truncated File Read" in an
    EXIF block, an invalid animation, …) to the log instead of the console, once per
    process. Other warnings are shown as before. The decisions they stand for are the
    program's own: an image too large or damaged is refused with a message."""
    global _routed
    if _routed:
        return
    previous = warnings.showwarning

    def show(message: Warning | str, category: type[Warning], filename: str, lineno: int,
             file: TextIO | None = None, line: str | None = None) -> None:
        if issubclass(category, Image.DecompressionBombWarning) or str(filename).startswith(
                _PILLOW_FOLDERS):
            log.info("Pillow: %s (%s line %s)", message, Path(filename).name, lineno)
            return
        previous(message, category, filename, lineno, file, line)

    warnings.showwarning = show
    _routed = True


_route_warnings()
