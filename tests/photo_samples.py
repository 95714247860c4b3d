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
