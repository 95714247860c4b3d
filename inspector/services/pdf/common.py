"""What every printed page shares: A4 layout, styles, header, footer, QR code, page N of M.

A document is a list of *sections* (one per site for checklists, one for a
report). Each section starts on a new page with a :class:`SectionStart`
flowable; pages are numbered within their section ("第 2 页 / 共 3 页"), and
the header of every page carries the section's title and QR code. Page
decorations are drawn when the document is saved, once the page count of
every section is known.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import re
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from reportlab import rl_config
from reportlab.graphics.barcode import qrencoder
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)

import inspector
from inspector.domain.tiers import Tier
from inspector.durable import replacing
from inspector.errors import UserError
from inspector.services.control import Control, check
from inspector.services.pdf.fonts import CJK_FONT, CLOSING_PUNCTUATION, FontSet, default_fonts

log = logging.getLogger(__name__)

# JPEG streams go into the file as they are: ASCII85 in pure Python would make
# a report with many photos slow and a quarter larger.
rl_config.useA85 = 0

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_LEFT = MARGIN_RIGHT = 16 * mm
MARGIN_TOP = 27 * mm
MARGIN_BOTTOM = 18 * mm
CONTENT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
QR_SIZE = 17 * mm
RULE_COLOR = colors.HexColor("#9e9e9e")
TEXT_GREY = colors.HexColor("#424242")
QR_PREFIX = "INSPECTOR"
#: A QR code holds at most this much text; 17 mm square is dense enough with it.
QR_MAX_BYTES = 200

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

class PdfError(UserError):
    """A PDF could not be written; the message is meant for the user."""


def step(control: Control, done: int, total: int, what: str = "") -> None:
    """Stop here when the caller cancelled (:class:`~inspector.services.control.Cancelled`),
    else report the progress of a long generation."""
    check(control)
    control.progress(done, total, what)


@dataclass(frozen=True)
class Section:
    """A run of pages numbered together: one site's checklist, or one report."""

    key: str
    title: str  # header, left
    subtitle: str  # header, below the title
    qr_payload: str | None = None


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


@dataclass(frozen=True)
class DocumentInfo:
    """What the footer of every page says, and the PDF's metadata."""

    title: str
    template_key: str
    template_version: int
    printed_on: date | None = None  # None: today
    program_version: str = inspector.__version__
    #: The guideline's name (the template's title), for the footer; the template's
    #: id only when it has none. The id stays in the QR code and the PDF's subject.
    guideline: str = ""

    def footer_source(self) -> str:
        if self.guideline.strip():
            return f"《{self.guideline.strip()}》（模板版本 {self.template_version}）"
        return f"{self.template_key}（模板版本 {self.template_version}）"


@dataclass(frozen=True)
class BuiltPdf:
    path: Path
    pages: int
    #: Photos printed as a labelled empty box (file missing or damaged), for the caller
    #: to mention: the report itself says which.
    unprinted_photos: int = 0

    def unprinted_message(self) -> str:
        """One bilingual line saying how many photos printed as empty boxes ("" if none)."""
        count = self.unprinted_photos
        if not count:
            return ""
        return (f"{count} 张照片无法打印（报告中以方框标出）/ {count} "
                f"{'photo' if count == 1 else 'photos'} could not be printed (marked as "
                f"empty boxes)")


#: While a document is made, Python's full garbage collections run this many times less
#: often (see :func:`full_collections_deferred`).
FULL_COLLECTIONS_DEFERRED = 100
_deferred_lock = threading.Lock()
_deferred_users = 0
_thresholds: tuple[tuple[int, int, int], tuple[int, int, int]] | None = None  # (before, during)


@contextmanager
def full_collections_deferred() -> Iterator[None]:
    """Make a document without Python's full garbage collections walking, again and
    again, everything the program holds (its database mapping, templates, fonts): one
    such collection took 60–160 ms of a 0.3 s report, set off by the report's own
    allocations. Meanwhile they run :data:`FULL_COLLECTIONS_DEFERRED` times less
    often; young objects are collected as usual, so memory stays bounded (a report of
    400 pages still has a few). The thresholds come back when the last document being
    made is done, unless the program has changed them meanwhile."""
    global _deferred_users, _thresholds
    with _deferred_lock:
        _deferred_users += 1
        if _deferred_users == 1:
            before = gc.get_threshold()
            during = (*before[:2], before[2] * FULL_COLLECTIONS_DEFERRED)
            if before[2] > 0:
                gc.set_threshold(*during)
                _thresholds = (before, during)
    try:
        yield
    finally:
        with _deferred_lock:
            _deferred_users -= 1
            if _deferred_users == 0 and _thresholds is not None:
                before, during = _thresholds
                if gc.get_threshold() == during:
                    gc.set_threshold(*before)
                _thresholds = None


class SectionStart(Flowable):
    """Zero-size marker: the pages from here on belong to ``section``."""

    def __init__(self, section: Section) -> None:
        super().__init__()
        self.section = section
        self.width = self.height = 0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.inspector_section = self.section


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


class _PageDecorations:
    def __init__(self, info: DocumentInfo, fonts: FontSet) -> None:
        self.info = info
        self.fonts = fonts
        self.pages = 0

    def draw(self, canvas: Canvas, section: Section | None, page: int, pages: int) -> None:
        fonts = self.fonts
        canvas.saveState()
        top = PAGE_HEIGHT - 10 * mm
        text_right = PAGE_WIDTH - MARGIN_RIGHT - (QR_SIZE + 3 * mm if section and
                                                   section.qr_payload else 0)
        if section is not None:
            canvas.setFillColor(TEXT_GREY)
            self._fit(canvas, MARGIN_LEFT, top - 3 * mm, section.title, 9, text_right)
            self._fit(canvas, MARGIN_LEFT, top - 8.5 * mm, section.subtitle, 8, text_right)
            if section.qr_payload:
                self._qr(canvas, section.qr_payload, PAGE_WIDTH - MARGIN_RIGHT - QR_SIZE,
                         PAGE_HEIGHT - 6 * mm - QR_SIZE)
        canvas.setStrokeColor(RULE_COLOR)
        canvas.setLineWidth(0.5)
        rule_y = PAGE_HEIGHT - MARGIN_TOP + 3 * mm
        canvas.line(MARGIN_LEFT, rule_y, text_right - 2 * mm if section and section.qr_payload
                    else PAGE_WIDTH - MARGIN_RIGHT, rule_y)
        canvas.line(MARGIN_LEFT, 13 * mm, PAGE_WIDTH - MARGIN_RIGHT, 13 * mm)
        canvas.setFillColor(TEXT_GREY)
        info = self.info
        numbering = f"第 {page} 页 / 共 {pages} 页"
        self._fit(canvas, MARGIN_LEFT, 8.5 * mm, info.footer_source(), 7.5,
                  PAGE_WIDTH / 2 - fonts.width(numbering, 8.5) / 2 - 3 * mm)
        fonts.draw(canvas, PAGE_WIDTH / 2, 8.5 * mm, numbering, 8.5, anchor="middle")
        printed = (info.printed_on or date.today()).isoformat()
        fonts.draw(canvas, PAGE_WIDTH - MARGIN_RIGHT, 8.5 * mm,
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
              fonts: FontSet | None = None) -> BuiltPdf:
    """Lay out ``story`` on A4 pages and write it to ``target`` (replaced only when complete,
    and on the disk before this returns)."""
    fonts = fonts or default_fonts()
    target = Path(target)
    decorations = _PageDecorations(info, fonts)
    doc = BaseDocTemplate(
        str(target),
        pagesize=A4,
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
    frame = Frame(MARGIN_LEFT, MARGIN_BOTTOM, CONTENT_WIDTH,
                  PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM, id="body",
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
