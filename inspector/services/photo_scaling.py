"""Downscaled, oriented RGB copies of decoded photos.

A JPEG is decoded in Pillow's draft mode (straight to 1/2, 1/4 or 1/8 scale). A
HEIC cannot be decoded at a reduced size: libheif decodes all of it and the pixels
are reduced a strip of rows at a time, never held twice at full size. Greyscale
images of more than 8 bits (16-bit PNG, or 10- or 12-bit values stored in 16 bits)
are scaled to 8 bits by their significant bits, not clipped. Which files may be
decoded at all is decided by :mod:`inspector.services.photo_image`.
"""

from __future__ import annotations

import contextlib
import io
import threading
from pathlib import Path
from typing import cast

import pillow_heif
from PIL import Image

#: HEIC images larger than this are decoded one at a time in this process (the import's
#: threads, thumbnails and the report), so their peaks never add up.
LARGE_HEIC_PIXELS = 16_000_000
_LARGE_HEIC = threading.Lock()
#: Rows of a decoded HEIC turned into a Pillow image at a time while it is reduced.
_HEIC_STRIP_ROWS = 256
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
_BACKGROUND = (255, 255, 255)
#: Modes of greyscale images with more than 8 bits per pixel.
WIDE_GREY = frozenset({"I", "I;16", "I;16B", "I;16L", "I;16N"})


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
    if image.mode in WIDE_GREY:
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


def downscaled(image: Image.Image, box: int, grey_bits: int | None) -> Image.Image:
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


def heif_downscaled(image: Image.Image, source: Path | io.BytesIO, box: int, *,
                    whole: bool, max_pixels: int) -> Image.Image:
    """A HEIC's primary image as a new RGB image fitting ``box``, in bounded memory.

    To show it (not ``whole``), an embedded thumbnail at least as large as needed
    is decoded instead when the phone stored one (a HEIC stored before
    ``max_pixels`` was the limit is shown by an embedded thumbnail, or not at
    all). Otherwise libheif decodes all of it (which also proves it whole) and
    the pixels are reduced :data:`_HEIC_STRIP_ROWS` rows at a time, never held
    twice at full size; a large one waits for any other large one to finish.
    Above ``max_pixels`` it is never decoded whole: :class:`HeicTooBig`.
    """
    width, height = image.size
    if not whole:
        thumbnail = image.draft(image.mode, _fitting(image.size, box))
        if thumbnail is None and width * height > max_pixels:
            thumbnail = image.draft(image.mode, (1, 1))  # any: better small than none
            if thumbnail is None:
                raise Image.DecompressionBombError(f"HEIC of {width}×{height}, no thumbnail")
        if thumbnail is not None:
            return downscaled(image, box, None)
    elif width * height > max_pixels:
        raise HeicTooBig
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


class HeicTooBig(Exception):
    """A HEIC above its pixel limit met where it must be decoded whole."""


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


def oriented(image: Image.Image, orientation: int) -> Image.Image:
    """``image`` transposed as its EXIF ``orientation`` (1 to 8) says."""
    method = _TRANSPOSE.get(orientation)
    # Transposing after the downscale costs nothing; before it, ~100 ms for 12 MP.
    return image.transpose(method) if method is not None else image


def turned(image: Image.Image, rotation: int) -> Image.Image:
    """``image`` turned ``rotation`` degrees clockwise (the user's rotation; a multiple of 90)."""
    method = _CLOCKWISE.get(rotation % 360)
    return image.transpose(method) if method is not None else image
