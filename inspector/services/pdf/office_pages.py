"""Pages of the office's documents (the feedback letter, the rectification ledger): the
same header, footer and atomic writing as every printed document
(:func:`~inspector.services.pdf.pages.build_pdf`), on A4 upright or across, with the footer
naming the document and, on a draft, a "草稿 / DRAFT" mark across every page."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from inspector.services.pdf.common import MARGIN_LEFT, MARGIN_RIGHT, BuiltPdf, DocumentInfo
from inspector.services.pdf.fonts import FontSet, default_fonts
from inspector.services.pdf.pages import PageHook, build_pdf

#: A4 across: the ledger's wide table.
LANDSCAPE = landscape(A4)
LANDSCAPE_CONTENT_WIDTH = LANDSCAPE[0] - MARGIN_LEFT - MARGIN_RIGHT
DRAFT_MARK = "草稿 / DRAFT"
DRAFT_COLOR = colors.HexColor("#c62828")


@dataclass(frozen=True)
class OfficeInfo(DocumentInfo):
    """The footer names the document (``source``), not a checklist template."""

    source: str = ""

    def footer_source(self) -> str:
        return self.source or self.title


def _watermark_drawer(text: str, fonts: FontSet) -> PageHook:
    """Draws ``text`` (a draft's mark) large, pale and slanted across the middle of a page,
    so the text under it stays readable."""

    def draw(canvas: Canvas, width: float, height: float) -> None:
        canvas.translate(width / 2, height / 2)
        canvas.rotate(35)
        canvas.setFillColor(DRAFT_COLOR)
        canvas.setFillAlpha(0.16)
        size = 64.0
        while size > 20 and fonts.width(text, size) > min(width, height) * 1.1:
            size -= 4
        fonts.draw(canvas, 0, -size / 3, text, size, anchor="middle")

    return draw


def build_office_pdf(target: Path, story: Sequence[Flowable], info: DocumentInfo,
                     fonts: FontSet | None = None, *, across: bool = False,
                     watermark: str = "") -> BuiltPdf:
    """Lay out ``story`` on A4 pages (``across``: landscape) and write it to ``target``,
    replaced only when complete and on the disk before this returns; ``watermark`` is
    printed across every page (a draft's mark)."""
    fonts = fonts or default_fonts()
    return build_pdf(target, story, info, fonts, page_size=LANDSCAPE if across else A4,
                     on_every_page=_watermark_drawer(watermark, fonts) if watermark else None)
