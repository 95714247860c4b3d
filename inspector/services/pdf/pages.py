"""Laying out pages: the frame (A4 upright unless told), every page's header (the section's
title and QR code) and footer (the guideline, page N of M within the section, the printing
date), and writing the PDF (replaced only when complete, on the disk before :func:`build_pdf`
returns).

Page decorations are drawn when the document is saved, once the page count of every
section is known.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from reportlab import rl_config
from reportlab.graphics.barcode import qrencoder
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from inspector.domain.tiers import Tier
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
from inspector.services.pdf.text import FIELD_CHARS

log = logging.getLogger(__name__)

# JPEG streams go into the file as they are: ASCII85 in pure Python would make
# a report with many photos slow and a quarter larger.
rl_config.useA85 = 0

QR_SIZE = 17 * mm
QR_PREFIX = "INSPECTOR"
#: A QR code holds at most this much text; 17 mm square is dense enough with it.
QR_MAX_BYTES = 200

#: Something drawn on every page, under its header and footer (a draft's mark): called with
#: the canvas and the page's width and height, in a graphics state of its own.
PageHook = Callable[[Canvas, float, float], None]


def qr_payload(template_key: str, tier: Tier, site_code: str | None) -> str:
    """The text in a page's QR code: site code, tier and template version.

    ``INSPECTOR;site=330799001001;tier=village;template=community-education-3tier@1``
    (``site=`` is empty on a blank checklist). :func:`parse_qr_payload` reads it back.
    """
    return f"{QR_PREFIX};site={site_code or ''};tier={tier};template={template_key}"


def parse_qr_payload(text: str) -> dict[str, str]:
    parts = text.split(";")
    if not parts or parts[0] != QR_PREFIX:
        raise ValueError(f"not an Inspector checklist code: {text!r}")
    fields = dict(part.split("=", 1) for part in parts[1:] if "=" in part)
    return {key: fields.get(key, "") for key in ("site", "tier", "template")}


class _PageDecorations:
    def __init__(self, info: DocumentInfo, fonts: FontSet, size: tuple[float, float] = A4,
                 under: PageHook | None = None) -> None:
        self.info = info
        self.fonts = fonts
        self.size = size
        self.under = under
        self.pages = 0

    def draw(self, canvas: Canvas, section: Section | None, page: int, pages: int) -> None:
        fonts = self.fonts
        page_width, page_height = self.size
        canvas.saveState()
        if self.under is not None:
            canvas.saveState()
            self.under(canvas, page_width, page_height)
            canvas.restoreState()
        top = page_height - 10 * mm
        text_right = page_width - MARGIN_RIGHT - (QR_SIZE + 3 * mm if section and
                                                  section.qr_payload else 0)
        if section is not None:
            canvas.setFillColor(TEXT_GREY)
            self._fit(canvas, MARGIN_LEFT, top - 3 * mm, section.title, 9, text_right)
            self._fit(canvas, MARGIN_LEFT, top - 8.5 * mm, section.subtitle, 8, text_right)
            if section.qr_payload:
                self._qr(canvas, section.qr_payload, page_width - MARGIN_RIGHT - QR_SIZE,
                         page_height - 6 * mm - QR_SIZE)
        canvas.setStrokeColor(RULE_COLOR)
        canvas.setLineWidth(0.5)
        rule_y = page_height - MARGIN_TOP + 3 * mm
        canvas.line(MARGIN_LEFT, rule_y, text_right - 2 * mm if section and section.qr_payload
                    else page_width - MARGIN_RIGHT, rule_y)
        canvas.line(MARGIN_LEFT, 13 * mm, page_width - MARGIN_RIGHT, 13 * mm)
        canvas.setFillColor(TEXT_GREY)
        info = self.info
        numbering = f"第 {page} 页 / 共 {pages} 页"
        self._fit(canvas, MARGIN_LEFT, 8.5 * mm, info.footer_source(), 7.5,
                  page_width / 2 - fonts.width(numbering, 8.5) / 2 - 3 * mm)
        fonts.draw(canvas, page_width / 2, 8.5 * mm, numbering, 8.5, anchor="middle")
        printed = (info.printed_on or date.today()).isoformat()
        fonts.draw(canvas, page_width - MARGIN_RIGHT, 8.5 * mm,
                   f"打印日期 {printed} · Inspector {info.program_version}", 7.5, anchor="end")
        canvas.restoreState()

    def _fit(self, canvas: Canvas, x: float, y: float, text: str, size: float,
             right: float) -> None:
        """Draw one header or footer line, shrinking it (down to 6 pt) or cutting it to fit."""
        available = right - x
        text = " ".join(text.split())[:FIELD_CHARS * 2]  # more never fits on one line
        while size > 6 and self.fonts.width(text, size) > available:
            size -= 0.5
        if self.fonts.width(text, size) > available:
            fits, too_long = 0, len(text)  # the longest start that fits with "…" after it
            while too_long - fits > 1:
                middle = (fits + too_long) // 2
                if self.fonts.width(text[:middle] + "…", size) <= available:
                    fits = middle
                else:
                    too_long = middle
            text = text[:fits] + "…"
        self.fonts.draw(canvas, x, y, text, size)

    def _qr(self, canvas: Canvas, payload: str, x: float, y: float) -> None:
        """Draw the QR code of ``payload``: made once per document as a form (a PDF
        XObject), which every page of the section then only refers to."""
        if len(payload.encode("utf-8")) > QR_MAX_BYTES:
            log.info("no QR code: its text is too long (%d bytes)", len(payload))
            return
        name = "qr" + hashlib.sha1(payload.encode("utf-8")).hexdigest()[:16]
        if not canvas.hasForm(name):
            code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
            code.addData(payload)
            code.make()
            modules = [[bool(cell) for cell in row] for row in code.modules]
            canvas.beginForm(name, 0, 0, QR_SIZE, QR_SIZE)
            border = 2
            count = len(modules)
            box = QR_SIZE / (count + 2 * border)
            canvas.setFillColor(colors.black)
            for r, row in enumerate(modules):
                c = 0
                while c < count:
                    if not row[c]:
                        c += 1
                        continue
                    start = c
                    while c < count and row[c]:
                        c += 1
                    canvas.rect((start + border) * box, QR_SIZE - (r + border + 1) * box,
                                (c - start) * box, box * 1.02, stroke=0, fill=1)
            canvas.endForm()
        canvas.saveState()
        canvas.translate(x, y)
        canvas.doForm(name)
        canvas.restoreState()


class _NumberedCanvas(Canvas):
    """Keeps every page until save, then draws the decorations with the section's page count."""

    def __init__(self, *args: Any, decorations: _PageDecorations, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._decorations = decorations
        self._pages: list[dict[str, Any]] = []
        self.inspector_section: Section | None = None

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        sections = [state.get("inspector_section") for state in self._pages]
        totals: dict[str | None, int] = {}
        for section in sections:
            key = section.key if section else None
            totals[key] = totals.get(key, 0) + 1
        numbers: dict[str | None, int] = {}
        self._decorations.pages = len(self._pages)
        for state, section in zip(self._pages, sections, strict=True):
            self.__dict__.update(state)
            key = section.key if section else None
            numbers[key] = numbers.get(key, 0) + 1
            self._decorations.draw(self, section, numbers[key], totals[key])
            super().showPage()
        self._pages = []
        super().save()


def build_pdf(target: Path, story: Sequence[Flowable], info: DocumentInfo,
              fonts: FontSet | None = None, *, page_size: tuple[float, float] = A4,
              on_every_page: PageHook | None = None) -> BuiltPdf:
    """Lay out ``story`` on pages of ``page_size`` (A4 upright unless told) and write it to
    ``target`` (replaced only when complete, and on the disk before this returns);
    ``on_every_page`` draws on every page under its header and footer."""
    fonts = fonts or default_fonts()
    target = Path(target)
    decorations = _PageDecorations(info, fonts, page_size, on_every_page)
    page_width, page_height = page_size
    doc = BaseDocTemplate(
        str(target),
        pagesize=page_size,
        leftMargin=MARGIN_LEFT,
        rightMargin=MARGIN_RIGHT,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=info.title,
        author="Inspector",
        creator=f"Inspector {info.program_version}",
        subject=info.template_key,
        initialFontName=CJK_FONT,
        initialFontSize=10,
    )
    frame = Frame(MARGIN_LEFT, MARGIN_BOTTOM, page_width - MARGIN_LEFT - MARGIN_RIGHT,
                  page_height - MARGIN_TOP - MARGIN_BOTTOM, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="a4", frames=[frame])])

    def canvas_maker(*args: Any, **kwargs: Any) -> _NumberedCanvas:
        return _NumberedCanvas(*args, decorations=decorations, **kwargs)

    if not target.parent.is_dir():
        # Never created here: a mistyped USB-stick path must not make folders on the laptop.
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
