"""Small real image files for the photo tests, made with Pillow on the spot."""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pillow_heif
from PIL import Image

from inspector import assets
from inspector.services.context import AppContext
from inspector.services.inspections import load_state, start_inspection
from inspector.services.photo_store import PhotoStore
from inspector.services.sites import list_sites
from inspector.services.sites_csv import import_sites

pillow_heif.register_heif_opener()

VISIT = date(2026, 11, 28)


@dataclass
class Visit:
    """A draft inspection of a demo village, with its photo store and criterion ids."""

    context: AppContext
    store: PhotoStore
    inspection_id: str
    criteria: list[str]


def start_visit(context: AppContext) -> Visit:
    """Load the demo county's sites (not its demo inspections) and start a visit."""
    with context.db.transaction() as session:
        import_sites(session, assets.real_path(assets.resource("demo", "sites.csv")))
        village = next(s for s in list_sites(session) if s.tier == "village")
        inspection = start_inspection(session, village.id, VISIT, inspectors="王芳")
        criteria = [c.id for c in load_state(session, inspection.id).criteria]
    return Visit(context, PhotoStore.for_paths(context.paths), inspection.id, criteria)


def _exif(orientation: int | None = None, taken: str | None = None,
          gps: tuple[str, tuple[float, float, float], str, tuple[float, float, float]]
          | None = None) -> bytes:
    exif = Image.Exif()
    if orientation is not None:
        exif[0x0112] = orientation
    if taken is not None:
        exif.get_ifd(0x8769)[0x9003] = taken
    if gps is not None:
        lat_ref, lat, lon_ref, lon = gps
        exif.get_ifd(0x8825).update({1: lat_ref, 2: lat, 3: lon_ref, 4: lon})
    return exif.tobytes()


def picture(size: tuple[int, int] = (64, 48), mode: str = "RGB", seed: int = 0) -> Image.Image:
    """A picture whose left half is red and right half blue (so orientation is visible)."""
    width, height = size
    image = Image.new("RGB", size, (220, 30, 30))
    image.paste((30, 30, 220), (width // 2, 0, width, height))
    if seed:  # a corner block whose colour differs per seed: different bytes per seed
        image.paste((seed * 37 % 256, seed * 91 % 256, seed * 53 % 256), (0, 0, 8, 8))
    return image.convert(mode) if mode != "RGB" else image


def jpeg(path: Path, size: tuple[int, int] = (64, 48), *, orientation: int | None = None,
         taken: str | None = None,
         gps: tuple[str, tuple[float, float, float], str, tuple[float, float, float]]
         | None = None, seed: int = 0, mode: str = "RGB") -> Path:
    picture(size, mode, seed).save(path, "JPEG", quality=90,
                                   exif=_exif(orientation, taken, gps))
    return path


def png_with_alpha(path: Path, size: tuple[int, int] = (40, 30)) -> Path:
    image = picture(size).convert("RGBA")
    image.putalpha(0)  # fully transparent: must come out white, not black
    image.paste((0, 200, 0, 255), (0, 0, 10, 10))
    image.save(path, "PNG")
    return path


def heic(path: Path, size: tuple[int, int] = (64, 48), *, taken: str | None = None) -> Path:
    picture(size).save(path, format="HEIF", quality=80, exif=_exif(taken=taken))
    return path


def webp(path: Path, size: tuple[int, int] = (64, 48)) -> Path:
    picture(size).save(path, "WEBP", quality=80)
    return path


def truncated_jpeg(path: Path) -> Path:
    jpeg(path, (256, 192))
    data = path.read_bytes()
    path.write_bytes(data[: len(data) * 2 // 3])
    return path


def text_as_jpeg(path: Path) -> Path:
    path.write_text("这不是照片 / this is not a photo\n" * 20, encoding="utf-8")
    return path


def png_bomb(path: Path, width: int = 100_000, height: int = 100_000) -> Path:
    """A PNG of a few dozen bytes whose header declares ``width`` × ``height`` pixels."""

    def chunk(kind: bytes, payload: bytes) -> bytes:
        body = kind + payload
        return struct.pack(">I", len(payload)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit greyscale
    data = zlib.compress(b"\x00" * 64)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data)
                     + chunk(b"IEND", b""))
    return path


# --------------------------------------------------------------------------- damaged files
# Made from good files by the program's tests, never shipped: each is damaged the way a
# real-world file was (a bad download, an editor's slip, a copy cut short).

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_chunk(kind: bytes, payload: bytes) -> bytes:
    body = kind + payload
    return struct.pack(">I", len(payload)) + body + struct.pack(">I", zlib.crc32(body))


def png_chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    """The (kind, payload) chunks of a PNG file."""
    chunks = []
    position = len(PNG_SIGNATURE)
    while position < len(data):
        (length,) = struct.unpack(">I", data[position:position + 4])
        kind = data[position + 4:position + 8]
        chunks.append((kind, data[position + 8:position + 8 + length]))
        position += 12 + length
    return chunks


def png_from_chunks(chunks: list[tuple[bytes, bytes]]) -> bytes:
    return PNG_SIGNATURE + b"".join(png_chunk(kind, payload) for kind, payload in chunks)


def png(path: Path, size: tuple[int, int] = (96, 72), seed: int = 0) -> Path:
    picture(size, seed=seed).save(path, "PNG")
    return path


def png_with_bad_pixel_data(path: Path) -> Path:
    """A PNG whose header reads but whose compressed pixels are garbage (checksums right):
    only decoding the whole image finds it."""
    png(path, (200, 150))
    chunks = png_chunks(path.read_bytes())
    damaged = []
    for kind, payload in chunks:
        if kind == b"IDAT":
            middle = len(payload) // 2
            payload = payload[:middle] + bytes(b ^ 0xFF for b in payload[middle:middle + 24]) \
                + payload[middle + 24:]
        damaged.append((kind, payload))
    path.write_bytes(png_from_chunks(damaged))
    return path


def png_without_end(path: Path) -> Path:
    """A PNG cut short just before its IEND chunk (every pixel is there)."""
    png(path, (200, 150))
    path.write_bytes(path.read_bytes()[:-12])
    return path


def png_cut_in_half(path: Path) -> Path:
    png(path, (200, 150))
    data = path.read_bytes()
    path.write_bytes(data[:len(data) // 2])
    return path


def apng(path: Path, colours: tuple[tuple[int, int, int], ...] = ((220, 30, 30),
                                                                   (30, 220, 30),
                                                                   (30, 30, 220))) -> Path:
    frames = [Image.new("RGB", (64, 48), colour) for colour in colours]
    frames[0].save(path, "PNG", save_all=True, append_images=frames[1:])
    return path


def apng_out_of_sequence(path: Path, from_chunk: int = 2) -> Path:
    """An animated PNG whose frame chunks from the ``from_chunk``-th fcTL/fdAT on carry
    the wrong sequence numbers (its first frame alone still decodes)."""
    apng(path)
    chunks = []
    seen = 0
    for kind, payload in png_chunks(path.read_bytes()):
        if kind in (b"fcTL", b"fdAT"):
            if seen >= from_chunk:
                (sequence,) = struct.unpack(">I", payload[:4])
                payload = struct.pack(">I", sequence + 7) + payload[4:]
            seen += 1
        chunks.append((kind, payload))
    path.write_bytes(png_from_chunks(chunks))
    return path


def grey_ramp(path: Path, top: int, size: tuple[int, int] = (256, 32),
              significant_bits: int | None = None) -> Path:
    """A 16-bit greyscale PNG running from 0 (left) to ``top`` (right): ``top=65535`` for
    true 16-bit, 1023 for 10-bit values stored in 16 bits, optionally with an sBIT chunk."""
    width, height = size
    row = b"".join(struct.pack(">H", x * top // (width - 1)) for x in range(width))
    Image.frombytes("I;16B", size, row * height).save(path, "PNG")
    if significant_bits is not None:
        chunks = png_chunks(path.read_bytes())
        chunks.insert(1, (b"sBIT", bytes([significant_bits])))
        path.write_bytes(png_from_chunks(chunks))
    return path


def grey_ramp_from_32_bits(path: Path, top: int, size: tuple[int, int] = (256, 32)) -> Path:
    """A ramp drawn as a 32-bit integer image (as a scanner's TIFF opens) saved as PNG."""
    width, height = size
    ramp = Image.new("I", size)
    for x in range(width):
        ramp.paste(x * top // (width - 1), (x, 0, x + 1, height))
    ramp.convert("I;16").save(path, "PNG")
    return path


def heic_cut_short(path: Path, keep: int | None = None) -> Path:
    """A HEIC file cut short: to ``keep`` bytes, or to half its length."""
    heic(path, (128, 96))
    data = path.read_bytes()
    path.write_bytes(data[:keep if keep is not None else len(data) // 2])
    return path


def jpeg_with_truncated_exif(path: Path) -> Path:
    """A good JPEG whose EXIF block is cut short (Pillow warns "Truncated File Read")."""
    exif = Image.Exif()
    exif[0x0112] = 1
    exif.get_ifd(0x8769)[0x9003] = "2026:11:28 10:00:00"
    raw = exif.tobytes()
    picture().save(path, "JPEG", quality=90, exif=raw[:len(raw) - 20])
    return path
