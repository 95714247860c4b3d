"""Text on a printed page: the paragraph styles, tables in the embedded font, and stored
text of any length cut so that it always prints (a field cut where it would outgrow a cell,
a long note set as short paragraphs, so that a megabyte prints in seconds)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Table, TableStyle

from inspector.services.pdf.common import TEXT_GREY
from inspector.services.pdf.fonts import CJK_FONT, FontSet
from inspector.services.pdf.line_breaking import CLOSING_PUNCTUATION

#: Longest stored text printed whole in a table cell or a header: a site's name, code
#: and address, the inspectors, a photo's caption. Longer text is cut there, saying
#: how long it was, so that no cell outgrows a page whatever is stored.
FIELD_CHARS = 200
#: Long text (a note) is set as paragraphs of at most this many characters, so that
#: each page break re-lays out one short paragraph, not the whole rest of the note:
#: a note of a megabyte prints in seconds, not in minutes.
CHUNK_CHARS = 1000
CHUNK_LINES = 40  # ... and of at most this many lines (less than a page)
#: A text prints at most about this many lines (its own line breaks; some 200 pages).
MAX_TEXT_LINES = 10_000
_SENTENCE_ENDS = "。！？；.!?;"
_CLOSING = frozenset(CLOSING_PUNCTUATION)
_BLANK_LINES = re.compile(r"\n(?:[ \t\u3000]*\n){2,}")


def shorten(text: str, limit: int = FIELD_CHARS) -> str:
    """``text``, or its first ``limit`` characters and how long it was in all."""
    if len(text) <= limit:
        return text
    return f"{text[:limit]}…（共 {len(text)} 字）"


def text_chunks(text: str, size: int = CHUNK_CHARS) -> list[str]:
    """Long plain text in pieces of at most about ``size`` characters and
    :data:`CHUNK_LINES` lines, each to be set as a paragraph of its own: cut at a line
    break, else after a sentence, else at a space, else anywhere (closing punctuation
    stays with the text before it). Runs of blank lines become one."""
    text = _BLANK_LINES.sub("\n\n", text.replace("\r\n", "\n").replace("\r", "\n")).strip()
    chunks: list[str] = []
    start = 0
    while True:
        end = start + size
        line_end = start - 1  # the end of the chunk's last line, if it has CHUNK_LINES
        for _ in range(CHUNK_LINES):
            line_end = text.find("\n", line_end + 1, end)
            if line_end < 0:
                break
        if line_end >= 0:
            chunks.append(text[start:line_end])
            start = line_end + 1
            continue
        if len(text) - start <= size:
            break
        low = start + size * 2 // 3
        cut = text.rfind("\n", low, end)
        if cut >= 0:
            chunks.append(text[start:cut])
            start = cut + 1
            continue
        cut = max(text.rfind(mark, low, end) for mark in _SENTENCE_ENDS)
        if cut >= 0:
            cut += 1
        else:
            space = text.rfind(" ", low, end)
            cut = space if space >= 0 else end
        limit = cut + 16
        while cut < min(limit, len(text)) and text[cut] in _CLOSING:
            cut += 1
        chunks.append(text[start:cut])
        start = cut
    chunks.append(text[start:])
    return [chunk for chunk in chunks if chunk.strip()]

@dataclass
class Styles:
    """Paragraph styles, all in the embedded CJK font with Chinese line breaking."""

    fonts: FontSet
    title: ParagraphStyle = field(init=False)
    subtitle: ParagraphStyle = field(init=False)
    heading1: ParagraphStyle = field(init=False)
    heading2: ParagraphStyle = field(init=False)
    heading3: ParagraphStyle = field(init=False)
    body: ParagraphStyle = field(init=False)
    cell: ParagraphStyle = field(init=False)
    cell_center: ParagraphStyle = field(init=False)
    small: ParagraphStyle = field(init=False)
    conclusion: ParagraphStyle = field(init=False)

    def __post_init__(self) -> None:
        def style(name: str, size: float, leading: float, **extra: Any) -> ParagraphStyle:
            extra.setdefault("textColor", colors.black)
            return ParagraphStyle(name, fontName=CJK_FONT, fontSize=size, leading=leading,
                                  wordWrap="CJK", **extra)

        self.title = style("title", 17, 24, alignment=TA_CENTER, spaceAfter=2 * mm)
        self.subtitle = style("subtitle", 12, 17, alignment=TA_CENTER, spaceAfter=4 * mm)
        self.heading1 = style("heading1", 12.5, 18, spaceBefore=4 * mm, spaceAfter=2 * mm,
                              keepWithNext=1)
        self.heading2 = style("heading2", 10.5, 15, spaceBefore=2.5 * mm, spaceAfter=1.5 * mm,
                              textColor=colors.HexColor("#1a237e"), keepWithNext=1)
        self.heading3 = style("heading3", 9.5, 14.5, spaceBefore=1 * mm,
                              textColor=colors.HexColor("#1a237e"), keepWithNext=1)
        self.body = style("body", 9.5, 14.5)
        self.cell = style("cell", 8.5, 12)
        self.cell_center = style("cell_center", 8.5, 12, alignment=TA_CENTER)
        self.small = style("small", 7.5, 10, textColor=TEXT_GREY)
        self.conclusion = style("conclusion", 10.5, 16)

    def para(self, text: str, style: ParagraphStyle | None = None, *,
             markup_prefix: str = "", markup_suffix: str = "") -> Paragraph:
        """A paragraph of plain text (escaped, with font fallback); for short text only
        (see :meth:`paras`)."""
        return Paragraph(markup_prefix + self.fonts.markup(text) + markup_suffix,
                         style or self.body)

    def paras(self, text: str, style: ParagraphStyle | None = None, *,
              markup_prefix: str = "") -> list[Paragraph]:
        """Plain text of any length as paragraphs of at most :data:`CHUNK_CHARS`
        characters (see :func:`text_chunks`); ``markup_prefix`` goes before the first.

        Text of more than :data:`MAX_TEXT_LINES` lines stops there, saying how much
        is left out (tens of thousands of lines would be thousands of pages)."""
        chunks = text_chunks(text) or [""]
        shown: list[Paragraph] = []
        lines = 0
        for index, chunk in enumerate(chunks):
            if lines > MAX_TEXT_LINES:
                left = sum(len(rest) for rest in chunks[index:])
                shown.append(self.para(f"……（以下 {left} 字未打印：内容过长，全文请在程序中查看）",
                                       style))
                break
            shown.append(self.para(chunk, style,
                                   markup_prefix=markup_prefix if index == 0 else ""))
            lines += chunk.count("\n") + 1
        return shown


def make_table(rows: Sequence[Sequence[object]], commands: Sequence[tuple[object, ...]] = (),
               **options: Any) -> Table:
    """A table whose plain-string cells are set in the embedded font (never Helvetica)."""
    style = TableStyle([("FONTNAME", (0, 0), (-1, -1), CJK_FONT), *commands])
    return Table([list(row) for row in rows], style=style, **options)

