"""Pages of the office's documents (the feedback letter, the rectification ledger): the
same header, footer and atomic writing as every printed document
(:mod:`~inspector.services.pdf.pages`), on A4 upright or across, with the footer naming
the document and, on a draft, a "草稿 / DRAFT" mark across every page."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from inspector.durable import replacing
from inspector.services.pdf.common import (
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    RULE_COLOR,
    TEXT_GREY,
    BuiltPdf,
    DocumentInfo,
    PdfError,
    Section,
)
from inspector.services.pdf.fonts import CJK_FONT, FontSet, default_fonts
from inspector.services.pdf.pages import _NumberedCanvas, _PageDecorations

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


class _OfficeDecorations(_PageDecorations):
    """The header and footer of :mod:`~inspector.services.pdf.pages` on a page of any size,
    and the draft's mark."""

    def __init__(self, info: DocumentInfo, fonts: FontSet, size: tuple[float, float],
                 watermark: str) -> None:
        super().__init__(info, fonts)
        self.size = size
        self.watermark = watermark

    def draw(self, canvas: Canvas, section: Section | None, page: int, pages: int) -> None:
        fonts, info = self.fonts, self.info
        width, height = self.size
        right = width - MARGIN_RIGHT
        canvas.saveState()
        if self.watermark:
            self._mark(canvas, width, height)
        canvas.setFillColor(TEXT_GREY)
        if section is not None:
            top = height - 10 * mm
            self._fit(canvas, MARGIN_LEFT, top - 3 * mm, section.title, 9, right)
            self._fit(canvas, MARGIN_LEFT, top - 8.5 * mm, section.subtitle, 8, right)
        canvas.setStrokeColor(RULE_COLOR)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN_LEFT, height - MARGIN_TOP + 3 * mm, right, height - MARGIN_TOP + 3 * mm)
        canvas.line(MARGIN_LEFT, 13 * mm, right, 13 * mm)
        canvas.setFillColor(TEXT_GREY)
        numbering = f"第 {page} 页 / 共 {pages} 页"
        self._fit(canvas, MARGIN_LEFT, 8.5 * mm, info.footer_source(), 7.5,
                  width / 2 - fonts.width(numbering, 8.5) / 2 - 3 * mm)
        fonts.draw(canvas, width / 2, 8.5 * mm, numbering, 8.5, anchor="middle")
        printed = (info.printed_on or date.today()).isoformat()
        fonts.draw(canvas, right, 8.5 * mm,
                   f"打印日期 {printed} · Inspector {info.program_version}", 7.5, anchor="end")
        canvas.restoreState()

    def _mark(self, canvas: Canvas, width: float, height: float) -> None:
        """The draft's mark: large, pale and slanted across the middle of the page, so the
        text under it stays readable."""
        canvas.saveState()
        canvas.translate(width / 2, height / 2)
        canvas.rotate(35)
        canvas.setFillColor(DRAFT_COLOR)
        canvas.setFillAlpha(0.16)
        size = 64.0
        while size > 20 and self.fonts.width(self.watermark, size) > min(width, height) * 1.1:
            size -= 4
        self.fonts.draw(canvas, 0, -size / 3, self.watermark, size, anchor="middle")
        canvas.restoreState()


def build_office_pdf(target: Path, story: Sequence[Flowable], info: DocumentInfo,
                     fonts: FontSet | None = None, *, across: bool = False,
                     watermark: str = "") -> BuiltPdf:
    """Lay out ``story`` on A4 pages (``across``: landscape) and write it to ``target``,
    replaced only when complete and on the disk before this returns; ``watermark`` is
    printed across every page (a draft's mark)."""
    fonts = fonts or default_fonts()
    target = Path(target)
    size = LANDSCAPE if across else A4
    decorations = _OfficeDecorations(info, fonts, size, watermark)
    doc = BaseDocTemplate(
        str(target), pagesize=size, leftMargin=MARGIN_LEFT, rightMargin=MARGIN_RIGHT,
        topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM, title=info.title,
        author="Inspector", creator=f"Inspector {info.program_version}",
        subject=info.template_key, initialFontName=CJK_FONT, initialFontSize=10)
    frame = Frame(MARGIN_LEFT, MARGIN_BOTTOM, size[0] - MARGIN_LEFT - MARGIN_RIGHT,
                  size[1] - MARGIN_TOP - MARGIN_BOTTOM, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="a4", frames=[frame])])

    def canvas_maker(*args: Any, **kwargs: Any) -> _NumberedCanvas:
        return _NumberedCanvas(*args, decorations=decorations, **kwargs)

    if not target.parent.is_dir():
        # Never created here: a mistyped USB-stick path must not make folders.
        raise PdfError(f"目标文件夹不存在 / the folder does not exist: {target.parent}")
    try:
        with replacing(target, folder_exists=True) as out:
            doc.build(list(story), filename=out, canvasmaker=canvas_maker)
    except PermissionError as exc:
        raise PdfError(f"无法写入 {target}（文件可能正在被其他程序打开）/ cannot write {target} "
                       f"(is it open in another program?)") from exc
    except OSError as exc:
        raise PdfError(f"无法写入 {target} / cannot write {target}: "
                       f"{exc.strerror or exc}") from exc
    return BuiltPdf(target, decorations.pages)
