"""How the report prints photos: three to a row under their criterion, each row shrinking
at the foot of a page rather than leave it blank, a missing one as a labelled box."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Table

from inspector.services.pdf.common import CONTENT_WIDTH
from inspector.services.pdf.images import (
    MISSING_FILE,
    MissingImage,
    PreparedImage,
    PrintRequest,
    long_side_pixels,
)
from inspector.services.pdf.report_labels import NEUTRAL, local_time, short_id
from inspector.services.pdf.sources import ReportData
from inspector.services.pdf.text import Styles, make_table, shorten
from inspector.services.photos import PhotoRecord

PHOTOS_PER_ROW = 3
PHOTO_BOX = (CONTENT_WIDTH / PHOTOS_PER_ROW - 5 * mm, 40 * mm)
#: A row of photos at the foot of a page may be printed this much smaller (the photos,
#: not their captions) rather than leave the rest of the page blank.
PHOTO_MIN_SCALE = 0.6
#: With this much room left on a page, a criterion whose photos do not fit even smaller
#: starts there anyway and its photos go on at the top of the next page.
PHOTOS_APART_ROOM = 40 * mm


def photo_requests(data: ReportData) -> list[PrintRequest]:
    requests = []
    for photo in data.photos:
        width, height = photo.shown_size
        requests.append(PrintRequest(
            key=photo.id,
            sha256=photo.sha256,
            long_side=long_side_pixels(width, height, *PHOTO_BOX),
            rotation=photo.rotation,
        ))
    return requests


class PrintedPhoto(Flowable):
    """A print copy drawn at a given size, as ReportLab's ``Image`` draws a JPEG, without
    reading the file's header each time a row of photos is made (its size is known)."""

    def __init__(self, path: Path, width: float, height: float) -> None:
        super().__init__()
        self.path = str(path)
        self.drawWidth = width
        self.drawHeight = height
        self.hAlign = "CENTER"

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.drawWidth, self.drawHeight

    def draw(self) -> None:
        self.canv.drawImage(self.path, 0, 0, self.drawWidth, self.drawHeight, mask="auto")


class PhotoRow(Flowable):
    """One row of photos that shrinks its photos (down to :data:`PHOTO_MIN_SCALE`) to fit
    the space left on a page, instead of moving whole to the next one."""

    def __init__(self, make: Callable[[float], Table]) -> None:
        super().__init__()
        self.make = make
        self.natural = make(1.0)
        self.smallest: Table | None = None
        self.table = self.natural

    def _size(self, table: Table, width: float) -> tuple[float, float]:
        return table.wrap(width, 0xFFFFFF)

    def min_height(self, width: float) -> float:
        if self.smallest is None:
            self.smallest = self.make(PHOTO_MIN_SCALE)
        return self._size(self.smallest, width)[1]

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        width, height = self._size(self.natural, avail_width)
        self.table = self.natural
        if height <= avail_height or self.min_height(avail_width) > avail_height:
            return width, height  # fits, or moves to the next page as it is
        box = PHOTO_BOX[1]
        scale = max(PHOTO_MIN_SCALE, 1 - (height - avail_height) / box)
        while scale > PHOTO_MIN_SCALE:
            table = self.make(scale)
            width, height = self._size(table, avail_width)
            if height <= avail_height:
                self.table = table
                return width, height
            scale -= 0.05
        assert self.smallest is not None
        self.table = self.smallest
        return self._size(self.smallest, avail_width)

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        return []

    def draw(self) -> None:
        self.table.drawOn(self.canv, 0, 0)


class KeepWithPhotos(KeepTogether):
    """Keeps a criterion's text with its first row of photos, unless that leaves a large
    gap: when the block does not fit in the space left on the page, it still starts
    there if it fits with its photos made smaller (see :class:`PhotoRow`), or, when
    more than :data:`PHOTOS_APART_ROOM` is left, with its text there and its photos at
    the top of the next page. Only a small gap moves the whole block."""

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        if getattr(self, "_wrapInfo", None) != (avail_width, avail_height):
            self.wrap(avail_width, avail_height)
        needed: float = self._H
        if needed > avail_height:
            rows = [row for row in self._content if isinstance(row, PhotoRow)]
            natural = sum(row.natural.wrap(avail_width, 0xFFFFFF)[1] for row in rows)
            smallest = sum(row.min_height(avail_width) for row in rows)
            room = avail_height - 2 * mm  # what the frame's spacing may take
            if rows and (needed - natural + smallest <= room
                         or (avail_height >= PHOTOS_APART_ROOM and needed - natural <= room)):
                return list(self._content)
        return super().split(avail_width, avail_height)


class ReportPhotos:
    """The report's photos laid out: a criterion's rows, each photo with its caption and time."""

    def __init__(self, images: dict[str, PreparedImage], styles: Styles) -> None:
        self.images = images
        self.styles = styles
        self._texts: dict[str, list[Flowable]] = {}

    def cell(self, photo: PhotoRecord, scale: float = 1.0) -> list[Flowable]:
        styles = self.styles
        prepared = self.images.get(photo.id)
        box_w, box_h = PHOTO_BOX[0] * scale, PHOTO_BOX[1] * scale
        cell: list[Flowable] = []
        if prepared is None or isinstance(prepared, MissingImage):
            reason = prepared.reason if prepared else MISSING_FILE
            label = f"{reason}\n{shorten(photo.original_name, 60)}"
            cell.append(make_table([[styles.para(label, styles.cell_center)]], [
                ("BOX", (0, 0), (-1, -1), 0.5, NEUTRAL),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ], colWidths=[box_w], rowHeights=[box_h]))
        else:
            scale = min(box_w / prepared.width, box_h / prepared.height)
            cell.append(PrintedPhoto(prepared.path, prepared.width * scale,
                                     prepared.height * scale))
        return cell + self.text(photo)

    def text(self, photo: PhotoRecord) -> list[Flowable]:
        """The caption and the time under a photo; made once, as a row of photos is made
        again at other sizes (their column's width stays the same)."""
        known = self._texts.get(photo.id)
        if known is not None:
            return known
        styles = self.styles
        text: list[Flowable] = []
        if photo.caption:
            text.append(styles.para(shorten(photo.caption), styles.cell))
        taken = local_time(photo.taken_at) if photo.taken_at else "拍摄时间不详"
        if photo.outside_visit:
            taken += "（非检查当日）"
        text.append(styles.para(f"{taken} · #{short_id(photo.id)}", styles.small))
        self._texts[photo.id] = text
        return text

    def rows(self, photos: Sequence[PhotoRecord]) -> list[Flowable]:
        """Photos three to a row, each row a flowable of its own (so rows break between
        pages), shrinking at the foot of a page (see :class:`PhotoRow`)."""
        return [PhotoRow(functools.partial(self.table, photos[i:i + PHOTOS_PER_ROW]))
                for i in range(0, len(photos), PHOTOS_PER_ROW)]

    def table(self, photos: Sequence[PhotoRecord], scale: float) -> Table:
        row: list[object] = [self.cell(p, scale) for p in photos]
        row += [""] * (PHOTOS_PER_ROW - len(row))
        return make_table([row], [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("ALIGN", (0, 0), (-1, -1), "CENTER"),
            ("LEFTPADDING", (0, 0), (-1, -1), 2.5 * mm),
            ("RIGHTPADDING", (0, 0), (-1, -1), 2.5 * mm),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3 * mm),
        ], colWidths=[CONTENT_WIDTH / PHOTOS_PER_ROW] * PHOTOS_PER_ROW, hAlign="LEFT")
