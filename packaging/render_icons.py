#!/usr/bin/env python3
"""Render the application icon's PNG sizes and Windows .ico from its SVG source.

    python -m venv /tmp/icons && /tmp/icons/bin/pip install cairosvg pillow
    /tmp/icons/bin/python packaging/render_icons.py

Run this only after changing ``resources/icons/inspector.svg``; the rendered
files are committed, so neither building nor running the program needs
CairoSVG (a build-time tool, not a dependency of the program).
"""

from __future__ import annotations

import io
from pathlib import Path

import cairosvg  # type: ignore[import-not-found]
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
SOURCE = ICONS / "inspector.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(size: int) -> Image.Image:
    data = cairosvg.svg2png(url=str(SOURCE), output_width=size, output_height=size)
    image = Image.open(io.BytesIO(data))
    image.load()
    return image.convert("RGBA")


def main() -> None:
    images = {size: render(size) for size in PNG_SIZES}
    for size, image in images.items():
        image.save(ICONS / f"inspector-{size}.png", optimize=True)
    largest = images[256]
    largest.save(
        ICONS / "inspector.ico",
        sizes=[(size, size) for size in ICO_SIZES],
        append_images=[images[size] for size in ICO_SIZES if size != 256],
    )
    print(f"wrote {len(images)} PNGs and inspector.ico to {ICONS}")


if __name__ == "__main__":
    main()
