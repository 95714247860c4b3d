"""Demo photos drawn with Pillow: simple, realistic-looking scenes, always the same pixels.

Each scene is drawn from a seeded random generator (never from Pillow's own
noise, which is not reproducible), so every installation gets the same photos.
The JPEG carries EXIF DateTimeOriginal (the visit day) like a camera's would.
"""

from __future__ import annotations

import io
import random
from datetime import datetime
from functools import lru_cache

from PIL import ExifTags, Image, ImageDraw

SCENES = ("building", "classroom", "noticeboard", "library", "activity")


def _sky_and_ground(draw: ImageDraw.ImageDraw, rnd: random.Random, width: int,
                    height: int, horizon: int) -> None:
    for y in range(horizon):  # sky: a vertical gradient
        t = y / max(1, horizon)
        draw.line([(0, y), (width, y)], fill=(int(110 + 90 * t), int(160 + 70 * t), 235))
    for y in range(horizon, height):
        t = (y - horizon) / max(1, height - horizon)
        draw.line([(0, y), (width, y)], fill=(int(120 - 40 * t), int(130 - 30 * t), 90))
    for _ in range(width * (height - horizon) // 900):  # gravel and grass texture
        x, y = rnd.randrange(width), rnd.randrange(horizon, height)
        shade = rnd.randrange(-35, 35)
        draw.point((x, y), fill=(100 + shade, 115 + shade, 80 + shade))


def _building(draw: ImageDraw.ImageDraw, rnd: random.Random, width: int, height: int) -> None:
    horizon = int(height * 0.62)
    _sky_and_ground(draw, rnd, width, height, horizon)
    left, right = int(width * 0.12), int(width * 0.88)
    top = int(height * 0.22)
    draw.rectangle([left, top, right, horizon], fill=(226, 222, 210), outline=(150, 140, 130),
                   width=4)
    draw.polygon([(left - 30, top), (width // 2, top - int(height * 0.12)), (right + 30, top)],
                 fill=(150, 60, 50))
    rows, cols = 3, 8
    cell_w = (right - left) / cols
    cell_h = (horizon - top) / (rows + 0.6)
    for r in range(rows):
        for c in range(cols):
            x0 = left + c * cell_w + cell_w * 0.2
            y0 = top + r * cell_h + cell_h * 0.25
            if r == rows - 1 and c in (3, 4):
                continue
            glass = rnd.randrange(70, 140)
            draw.rectangle([x0, y0, x0 + cell_w * 0.6, y0 + cell_h * 0.55],
                           fill=(glass, glass + 30, glass + 60), outline=(90, 90, 90), width=2)
    door_x = left + 3.15 * cell_w
    draw.rectangle([door_x, horizon - cell_h * 0.95, door_x + 1.7 * cell_w, horizon],
                   fill=(120, 80, 50))
    draw.rectangle([width * 0.36, top + 8, width * 0.64, top + cell_h * 0.22],
                   fill=(180, 30, 30))  # the name board over the door
    for _ in range(6):  # trees
        x = rnd.randrange(0, width)
        y = horizon + rnd.randrange(10, max(11, (height - horizon) // 2))
        r = rnd.randrange(40, 90)
        draw.rectangle([x - 8, y, x + 8, y + r], fill=(90, 60, 30))
        draw.ellipse([x - r, y - r * 1.4, x + r, y + r * 0.3],
                     fill=(40 + rnd.randrange(30), 110 + rnd.randrange(50), 40))


def _room(draw: ImageDraw.ImageDraw, rnd: random.Random, width: int, height: int,
          wall: tuple[int, int, int]) -> int:
    floor = int(height * 0.7)
    draw.rectangle([0, 0, width, floor], fill=wall)
    for y in range(floor, height, 24):
        shade = 150 + (y // 24 % 2) * 12
        draw.rectangle([0, y, width, y + 24], fill=(shade, shade - 20, shade - 50))
    for i in range(3):  # ceiling lights
        x = width * (0.2 + 0.3 * i)
        draw.rectangle([x - 70, 20, x + 70, 36], fill=(250, 250, 235))
    return floor


def _classroom(draw: ImageDraw.ImageDraw, rnd: random.Random, width: int, height: int) -> None:
    floor = _room(draw, rnd, width, height, (232, 228, 214))
    draw.rectangle([width * 0.2, height * 0.12, width * 0.8, height * 0.42], fill=(40, 80, 60),
                   outline=(120, 90, 60), width=8)  # blackboard
    for _ in range(12):  # chalk strokes
        x = rnd.uniform(width * 0.23, width * 0.7)
        y = rnd.uniform(height * 0.15, height * 0.38)
        draw.line([(x, y), (x + rnd.uniform(40, 160), y + rnd.uniform(-6, 6))],
                  fill=(225, 225, 215), width=3)
    for row in range(3):
        for col in range(5):
            x = width * (0.1 + col * 0.17)
            y = floor + row * (height - floor) / 3.2 - 40
            draw.rectangle([x, y, x + width * 0.12, y + 26], fill=(190, 140, 80))
            draw.rectangle([x + 10, y + 26, x + 18, y + 70], fill=(90, 70, 50))
            draw.rectangle([x + width * 0.12 - 18, y + 26, x + width * 0.12 - 10, y + 70],
                           fill=(90, 70, 50))


def _noticeboard(draw: ImageDraw.ImageDraw, rnd: random.Random, width: int,
                 height: int) -> None:
    _room(draw, rnd, width, height, (214, 222, 230))
    left, top, right, bottom = width * 0.1, height * 0.1, width * 0.9, height * 0.66
    draw.rectangle([left, top, right, bottom], fill=(160, 30, 30))
    draw.rectangle([left + 20, top + 60, right - 20, bottom - 20], fill=(245, 240, 225))
    x = left + 40
    while x < right - 160:
        w = rnd.uniform(110, 200)
        h = rnd.uniform(120, (bottom - top) * 0.7)
        draw.rectangle([x, top + 80, x + w, top + 80 + h], fill=(255, 255, 255),
                       outline=(180, 180, 180), width=2)
        for line in range(int(h // 18) - 1):
            y = top + 95 + line * 18
            draw.line([(x + 10, y), (x + w - rnd.uniform(10, 50), y)], fill=(90, 90, 90),
                      width=3)
        x += w + 25


def _library(draw: ImageDraw.ImageDraw, rnd: random.Random, width: int, height: int) -> None:
    _room(draw, rnd, width, height, (236, 230, 218))
    for shelf in range(3):
        x0 = width * (0.06 + shelf * 0.32)
        draw.rectangle([x0, height * 0.1, x0 + width * 0.27, height * 0.72], fill=(120, 80, 45))
        for level in range(5):
            y = height * (0.13 + level * 0.115)
            x = x0 + 10
            while x < x0 + width * 0.27 - 20:
                w = rnd.uniform(10, 24)
                color = (rnd.randrange(40, 220), rnd.randrange(40, 200), rnd.randrange(40, 200))
                draw.rectangle([x, y + rnd.uniform(0, 15), x + w, y + height * 0.1], fill=color)
                x += w + 2


def _activity(draw: ImageDraw.ImageDraw, rnd: random.Random, width: int, height: int) -> None:
    floor = _room(draw, rnd, width, height, (240, 232, 220))
    draw.rectangle([width * 0.25, height * 0.08, width * 0.75, height * 0.2], fill=(190, 30, 30))
    for _ in range(16):  # people: a body and a head
        x = rnd.uniform(0.05, 0.95) * width
        y = floor + rnd.uniform(-0.25, 0.15) * height
        size = rnd.uniform(0.8, 1.25)
        shirt = (rnd.randrange(30, 220), rnd.randrange(30, 220), rnd.randrange(30, 220))
        draw.rounded_rectangle([x - 40 * size, y - 60 * size, x + 40 * size, y + 90 * size],
                               radius=int(20 * size), fill=shirt)
        draw.ellipse([x - 26 * size, y - 120 * size, x + 26 * size, y - 62 * size],
                     fill=(230, 190, 160))
        draw.chord([x - 27 * size, y - 124 * size, x + 27 * size, y - 80 * size], 180, 360,
                   fill=(30, 25, 20))


_DRAW = {
    "building": _building,
    "classroom": _classroom,
    "noticeboard": _noticeboard,
    "library": _library,
    "activity": _activity,
}


@lru_cache(maxsize=16)  # the same bytes every time: loading the demo again draws nothing
def demo_photo(scene: str, seed: str, taken_at: datetime, *, portrait: bool = False,
               size: tuple[int, int] = (1600, 1200)) -> bytes:
    """A JPEG of a drawn scene with EXIF DateTimeOriginal; the same arguments, the same bytes."""
    width, height = (size[1], size[0]) if portrait else size
    rnd = random.Random(f"{scene}:{seed}")
    image = Image.new("RGB", (width, height))
    _DRAW[scene](ImageDraw.Draw(image), rnd, width, height)
    # sensor grain, from the seeded generator: a camera photo is never perfectly flat
    grain = Image.frombytes("L", (width, height), rnd.randbytes(width * height))
    image = Image.blend(image, Image.merge("RGB", (grain, grain, grain)), 0.05)
    exif = Image.Exif()
    stamp = taken_at.strftime("%Y:%m:%d %H:%M:%S")
    exif[ExifTags.Base.Make] = "Inspector demo"
    exif[ExifTags.Base.DateTime] = stamp
    exif.get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.DateTimeOriginal] = stamp
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=90, exif=exif)
    return buffer.getvalue()
