"""What every printed document shares: the A4 page's measures, its sections, what its
footer says, what was built, and how long work is reported and cancelled.

A document is a list of *sections* (one per site for checklists, one for a
report). Each section starts on a new page with a :class:`SectionStart`
flowable; pages are numbered within their section ("第 2 页 / 共 3 页"), and
the header of every page carries the section's title and QR code
(:mod:`~inspector.services.pdf.pages`). Text and its styles are in
:mod:`~inspector.services.pdf.text`.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

import inspector
from inspector.errors import UserError
from inspector.services.control import Control, check

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_LEFT = MARGIN_RIGHT = 16 * mm
MARGIN_TOP = 27 * mm
MARGIN_BOTTOM = 18 * mm
CONTENT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
RULE_COLOR = colors.HexColor("#9e9e9e")
TEXT_GREY = colors.HexColor("#424242")


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
