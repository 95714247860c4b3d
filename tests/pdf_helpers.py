"""Checks shared by the PDF tests: text, fonts, rendering."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

from PIL import Image
from pypdf import PdfReader


def squeeze(text: str) -> str:
    """Text without any whitespace: extraction breaks lines wherever the layout did."""
    return re.sub(r"\s+", "", text)


def page_texts(path: Path) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(path).pages]


def all_text(path: Path) -> str:
    return squeeze("".join(page_texts(path)))


def _resolve(value: Any) -> Any:
    return value.get_object() if hasattr(value, "get_object") else value


def font_problems(path: Path) -> list[str]:
    """Every font used on any page that is not embedded (an empty list is good)."""
    problems: list[str] = []
    seen: set[int] = set()
    for number, page in enumerate(PdfReader(path).pages, start=1):
        resources = _resolve(page.get("/Resources")) or {}
        fonts = _resolve(resources.get("/Font")) or {}
        for key, ref in fonts.items():
            font = _resolve(ref)
            if id(font) in seen:
                continue
            seen.add(id(font))
            name = str(font.get("/BaseFont"))
            descriptors = []
            if font.get("/Subtype") == "/Type0":
                for descendant in _resolve(font["/DescendantFonts"]):
                    descriptors.append(_resolve(_resolve(descendant).get("/FontDescriptor")))
            else:
                descriptors.append(_resolve(font.get("/FontDescriptor")))
            for descriptor in descriptors:
                if descriptor is None or not any(
                    k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")
                ):
                    problems.append(f"page {number}: font {key} {name} is not embedded")
    return problems


def render_pages(path: Path, out_dir: Path, dpi: int = 40) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), str(path), str(out_dir / "page")],
                   check=True, capture_output=True)
    return sorted(out_dir.glob("page*.png"))


def ink_ratio(png: Path) -> float:
    """The share of pixels that are not (nearly) white."""
    with Image.open(png) as image:
        grey = image.convert("L")
        histogram = grey.histogram()
    return sum(histogram[:240]) / max(1, sum(histogram))


#: Where the body of a page is, as a share of the page's height from the top (A4,
#: ``common.MARGIN_TOP`` and ``common.MARGIN_BOTTOM``): the header and footer are outside.
BODY_TOP = 27 / 297
BODY_BOTTOM = 1 - 18 / 297


def body_filled(png: Path) -> float:
    """How far down a page's body is used: the lowest row with ink in it, as a share of
    the body's height (1.0: printed to the bottom; a page ending in a large blank gap
    is well under 1)."""
    with Image.open(png) as image:
        grey = image.convert("L")
        width, height = grey.size
        top, bottom = round(BODY_TOP * height), round(BODY_BOTTOM * height)
        pixels = grey.load()
        assert pixels is not None
        for y in range(bottom - 1, top - 1, -1):
            if any(pixels[x, y] < 200 for x in range(width)):  # type: ignore[operator]
                return (y + 1 - top) / (bottom - top)
    return 0.0
