"""Looking inside photo files with Pillow: validation, metadata and downscaled copies.

No database and no Qt here; everything is safe to call from worker threads.

* :func:`examine` decodes a file completely, once (for JPEG in Pillow's draft
  mode, which decodes straight to 1/2, 1/4 or 1/8 scale; every byte of the
  compressed data is still read) — that decode both proves the file is a whole,
  readable image and yields the preview the thumbnail is made from. A PNG must
  also be whole as a file (:mod:`~inspector.services.photo_png`): every critical
  chunk's checksum right, the end chunk there, and every frame of an animated PNG
  in sequence and decodable. A HEIC cannot be decoded at a reduced size: it is
  decoded by libheif and reduced a strip of rows at a time
  (:mod:`~inspector.services.photo_scaling`), and refused above :data:`MAX_HEIC_PIXELS`.
* :func:`proven_whole` proves an ordinary JPEG whole as :func:`examine` would, by a
  walk through its markers instead of a decode (:mod:`~inspector.services.photo_jpeg`).
* :func:`probe` reads only the header and EXIF (:mod:`~inspector.services.photo_exif`)
  of a file already known good (a PNG is checked completely again: it costs little).
* :func:`render` makes an EXIF-oriented, user-rotated, downscaled RGB image (of a
  HEIC, from its embedded thumbnail when that is large enough).

This module holds the limits and the refusals: which files are accepted, and the
message for each one that is not.

Pillow's warnings (for example a decompression-bomb warning or a truncated EXIF
block) go to this module's log, never to the console: see :func:`_route_warnings`.
"""

from __future__ import annotations

import io
import logging
import struct
import warnings
import zlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TextIO

import PIL
import pillow_heif
from PIL import Image, UnidentifiedImageError

from inspector.errors import UserError
from inspector.services import photo_exif, photo_jpeg, photo_png, photo_scaling

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
    EXIF OffsetTimeOriginal when the camera wrote one, else ``photo_exif.SITE_TIMEZONE``.
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
        (len(head) >= 4 and photo_png.SIGNATURE.startswith(head[:8]))
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
    orientation = photo_exif.orientation(exif)
    width, height = size
    if orientation in (5, 6, 7, 8):
        width, height = height, width
    lat, lon = photo_exif.gps(exif)
    return ImageFacts(media_type, extension, width, height, orientation,
                      photo_exif.taken_at(exif), lat, lon)


def _check_frames(image: Image.Image, layout: photo_png.PngLayout) -> None:
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
            layout: photo_png.PngLayout | None = None
            if image.format == "PNG" and (whole or image.mode in photo_scaling.WIDE_GREY):
                layout = photo_png.file_layout(source)
                if whole and layout.problem is not None:
                    raise ValueError(layout.problem)
            # Decoding comes first: reading a PNG's EXIF would decode it, and an error
            # there must not pass for a merely unreadable EXIF block.
            if image.format == "HEIF":
                small = photo_scaling.heif_downscaled(image, source, box, whole=whole,
                                                       max_pixels=MAX_HEIC_PIXELS)
            else:
                small = photo_scaling.downscaled(image, box, layout.grey_bits if layout else None)
            exif = _exif_of(image)
            if whole and layout is not None and layout.frames > 1:
                _check_frames(image, layout)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise rejected_too_big(shown, size) from None
        except photo_scaling.HeicTooBig:
            raise rejected_heic_too_big(shown, size) from None
        except _DAMAGE as exc:
            log.info("%s is damaged or incomplete: %s", shown.name, exc)
            raise rejected_damaged(shown) from exc
        facts = _facts(image.format, size, exif)
    return facts, photo_scaling.oriented(small, facts.orientation)


def examine(path: Path, preview_size: int = 256, *, display_path: Path | None = None
            ) -> Examined:
    """Decode ``path`` completely (JPEG at reduced scale) and describe it.

    Raises :class:`PhotoRejected` naming ``display_path`` (default ``path``) for
    a non-image, an unsupported format, a damaged or truncated file or a
    decompression bomb.
    """
    facts, preview = _decode(display_path or path, path, preview_size, whole=True)
    return Examined(facts, preview)


def proven_whole(path: Path, *, display_path: Path | None = None) -> ImageFacts | None:
    """The facts of ``path`` (as :func:`examine` gives them) when it is proven a whole
    image without decoding it, else None: then only :func:`examine` can tell.

    An ordinary JPEG (what cameras and phones write) is proven whole by a walk through
    its markers (:mod:`~inspector.services.photo_jpeg`: its headers, tables and
    entropy-coded data to the end-of-image marker, all that a decoder can refuse),
    in a twentieth of the time a decode takes. Raises :class:`PhotoRejected` for a file
    that is not an image of an accepted type at all.
    """
    shown = display_path or path
    with _open(shown, path) as image:
        if image.format not in ("JPEG", "MPO"):
            return None
        try:
            with path.open("rb") as stream:
                layout = photo_jpeg.walk(stream)
        except OSError as exc:
            raise rejected_damaged(shown) from exc
        if layout.problem is None and layout.size == image.size:
            return _facts(image.format, image.size, _exif_of(image))
    log.info("%s is decoded to be checked: %s", shown.name, layout.problem)
    return None


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
    return photo_scaling.turned(shown, rotation)


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
