"""The report of an inspection: cover, summary, every criterion with its photos, corrections.

Scores, which ratings count, which need a note and every text come from the
inspection's own checklist template (through :mod:`inspector.domain.scoring`).
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer, Table

from inspector.domain.outline import outline
from inspector.domain.scoring import Summary, summarize
from inspector.domain.templates import Criterion, RatingOption
from inspector.domain.values import InspectionStatus
from inspector.services.control import Control, NullControl
from inspector.services.pdf import PHOTOS_STEP
from inspector.services.pdf.blank_checklist import (
    DATE_BLANK,
    GRID,
    LEVEL1_FILL,
    LEVEL2_FILL,
    SPACE,
    Seal,
    add_closing_rows,
    signature_block,
)
from inspector.services.pdf.common import (
    CONTENT_WIDTH,
    FIELD_CHARS,
    BuiltPdf,
    DocumentInfo,
    Section,
    SectionStart,
    Styles,
    build_pdf,
    full_collections_deferred,
    make_table,
    qr_payload,
    shorten,
    step,
)
from inspector.services.pdf.fonts import FontSet, default_fonts
from inspector.services.pdf.images import (
    MISSING_FILE,
    MissingImage,
    PreparedImage,
    PrintImage,
    PrintImageCache,
    PrintRequest,
    long_side_pixels,
)
from inspector.services.pdf.sources import ReportData
from inspector.services.photo_exif import SITE_TIMEZONE
from inspector.services.photos import PhotoRecord

PHOTOS_PER_ROW = 3
PHOTO_BOX = (CONTENT_WIDTH / PHOTOS_PER_ROW - 5 * mm, 40 * mm)
#: A row of photos at the foot of a page may be printed this much smaller (the photos,
#: not their captions) rather than leave the rest of the page blank.
PHOTO_MIN_SCALE = 0.6
#: With this much room left on a page, a criterion whose photos do not fit even smaller
#: starts there anyway and its photos go on at the top of the next page.
PHOTOS_APART_ROOM = 40 * mm
#: The report numbers its own parts 第一部分…; the indicators keep 一、（一）. 12 mm holds
#: the header 序号 on one line.
SERIAL_WIDTH = 12 * mm
#: A note longer than this is cut in the list of items to correct (a table, whose rows
#: must each fit on a page), which points to where it is printed in full.
CORRECTION_NOTE_CHARS = 1000
#: A part that starts with a table or a long text starts on a new page when less than
#: this is left; otherwise it starts at once and runs over (no page ends in a blank gap
#: the size of a whole table).
PART_ROOM = 45 * mm
STATUS_LABELS = {InspectionStatus.DRAFT: "草稿（检查尚未完成）",
                 InspectionStatus.COMPLETED: "已完成"}
GOOD = colors.HexColor("#2e7d32")
PARTLY = colors.HexColor("#e65100")
BAD = colors.HexColor("#c62828")
NEUTRAL = colors.HexColor("#616161")


def short_id(identifier: str) -> str:
    return identifier.replace("-", "")[:8]


def local_time(moment: datetime) -> str:
    """An aware (or naive UTC) moment on the sites' clock (China Standard Time)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(SITE_TIMEZONE).strftime("%Y-%m-%d %H:%M")


def local_date(moment: datetime) -> str:
    """The day of a moment on the sites' clock, as a signed document dates it."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    day = moment.astimezone(SITE_TIMEZONE).date()
    return f"{day.year} 年 {day.month} 月 {day.day} 日"


def rating_color(option: RatingOption | None) -> colors.Color:
    if option is None or option.score is None:
        return NEUTRAL
    if option.score >= 1:
        return GOOD
    return BAD if option.score <= 0 else PARTLY


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


class _ReportBuilder:
    def __init__(self, data: ReportData, images: dict[str, PreparedImage], styles: Styles,
                 fonts: FontSet) -> None:
        self.data = data
        self.images = images
        self.styles = styles
        self.fonts = fonts
        self.template = data.template
        self.scale = {option.id: option for option in data.template.rating_scale}
        self.outline = outline(data.template, data.tier)
        self.numbers = self.outline.numbers()
        # headings followed by something that may run over pages: kept with it by
        # CondPageBreak(PART_ROOM) instead of keepWithNext (which moves the whole of it)
        self.heading1_loose = ParagraphStyle("heading1-loose", styles.heading1, keepWithNext=0)
        self.heading2_loose = ParagraphStyle("heading2-loose", styles.heading2, keepWithNext=0)
        self._photo_text: dict[str, list[Flowable]] = {}

    # ------------------------------------------------------------------ pieces

    def rating_markup(self, rating: str | None) -> str:
        option = self.scale.get(rating or "")
        label = option.label.zh if option else "未评定"
        color = rating_color(option).hexval()[2:]
        return f'<font color="#{color}">{self.fonts.markup(label)}</font>'

    def cover(self) -> list[Flowable]:
        data, styles = self.data, self.styles
        site = data.site
        completed = local_time(data.completed_at) if data.completed_at else "—"
        pairs = [
            ("站点名称", site.name), ("区划代码", site.code or "—"),
            ("层级", self.template.tier_name(data.tier, "zh")), ("地址", site.address or "—"),
            ("检查日期", data.visit_date.isoformat()),
            ("状态", STATUS_LABELS[data.status]),
            ("检查人员", data.inspectors or "—"), ("站点在场人员", data.site_staff or "—"),
            ("检查编号", short_id(data.inspection_id)), ("完成时间", completed),
        ]
        pairs = [(label, shorten(value)) for label, value in pairs]
        rows = []
        for i in range(0, len(pairs), 2):
            row: list[object] = []
            for label, value in pairs[i:i + 2]:
                row += [styles.para(label, styles.cell), styles.para(value, styles.cell)]
            rows.append(row)
        # who issues the report; left blank to fill in by hand when it is not known here
        rows.append([styles.para("检查单位", styles.cell),
                     styles.para(shorten(data.issuer.strip()), styles.cell), "", ""])
        label_w = 24 * mm
        value_w = CONTENT_WIDTH / 2 - label_w
        table = make_table(rows, [
            ("GRID", (0, 0), (-1, -1), 0.5, GRID),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("BACKGROUND", (0, 0), (0, -1), LEVEL2_FILL),
            ("BACKGROUND", (2, 0), (2, -2), LEVEL2_FILL),
            ("SPAN", (1, -1), (-1, -1)),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ], colWidths=[label_w, value_w, label_w, value_w])
        story: list[Flowable] = [
            styles.para("督导检查报告", styles.title),
            styles.para(f"{self.template.title.zh}", styles.subtitle),
            table,
        ]
        if data.status != InspectionStatus.COMPLETED:
            story += [Spacer(1, 2 * mm), styles.para(
                "本次检查尚未完成，以下内容仅供参考。", styles.body,
                markup_prefix=f'<font color="#{BAD.hexval()[2:]}">', markup_suffix="</font>")]
        return story

    def overall_result(self) -> str:
        """The overall conclusion in words: the score and how many criteria got each rating.

        The guideline sets no pass mark, so the report gives no verdict of its own (such as
        符合 or 不符合 for the whole site): it states the score, the count of every rating
        and how many items need correcting, as the template's scoring rules compute them.
        """
        overall = summarize(self.template, self.data.tier, self.data.ratings(), "zh").overall
        counts = "、".join(f"{o.label.zh} {overall.counts.get(o.id, 0)} 项"
                          for o in self.template.rating_scale)
        unrated = overall.total - overall.rated
        if unrated:
            counts += f"、未评定 {unrated} 项"
        score = (f"得分率 {overall.percent}" if overall.score is not None
                 else "得分率 —（没有计分的评定）")
        to_correct = sum(1 for o in self.template.rating_scale if o.note_required
                         for _ in range(overall.counts.get(o.id, 0)))
        text = f"{score}。共检查 {overall.total} 项：{counts}。"
        text += (f"需要整改 {to_correct} 项（见第三部分）。" if to_correct
                 else "没有需要整改的项目。")
        if self.data.status != InspectionStatus.COMPLETED:
            text += "检查尚未完成，结论仅供参考。"
        return text

    def conclusion(self) -> list[Flowable]:
        """The overall conclusion and the general comment, right after the cover."""
        styles = self.styles
        result = make_table(
            [[styles.para("总体结论", styles.heading2),
              styles.para(self.overall_result(), styles.conclusion)]],
            [("BOX", (0, 0), (-1, -1), 0.8, GRID),
             ("LINEAFTER", (0, 0), (0, 0), 0.5, GRID),
             ("BACKGROUND", (0, 0), (0, 0), LEVEL2_FILL),
             ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
             ("TOPPADDING", (0, 0), (-1, -1), 5),
             ("BOTTOMPADDING", (0, 0), (-1, -1), 5)],
            colWidths=[24 * mm, CONTENT_WIDTH - 24 * mm])
        note = self.data.general_note.strip()
        comment = (styles.paras(note, styles.conclusion) if note else
                   [styles.para("（未填写）", styles.conclusion, markup_prefix=(
                       f'<font color="#{NEUTRAL.hexval()[2:]}">'), markup_suffix="</font>")])
        return [
            styles.para("检查结论", styles.heading1),
            result,
            Spacer(1, 1 * mm),
            CondPageBreak(PART_ROOM),
            styles.para("综合意见", self.heading2_loose),
            *comment,
        ]

    def closing(self) -> list[tuple[Flowable, float]]:
        """Part four: the issuing body with its seal and date, and the signatures (each
        with the space above it)."""
        styles, data = self.styles, self.data
        issuer = shorten(data.issuer.strip())
        issued = (local_date(data.completed_at) if data.completed_at
                  and data.status == InspectionStatus.COMPLETED else DATE_BLANK)
        body = [styles.para(f"检查单位：{issuer}" if issuer else "检查单位：", styles.body,
                            markup_suffix="" if issuer else f"<u>{SPACE * 48}</u>"),
                Spacer(1, 4 * mm),
                styles.para(f"日期：{issued}", styles.body)]
        issuing = make_table([[body, Seal(self.fonts)]], [
            ("VALIGN", (0, 0), (0, 0), "MIDDLE"),
            ("ALIGN", (1, 0), (1, 0), "CENTER"),
            ("LEFTPADDING", (0, 0), (0, 0), 6),
        ], colWidths=[CONTENT_WIDTH * 0.76, CONTENT_WIDTH * 0.24])
        return [(styles.para("第四部分　签字", self.heading1_loose), 6 * mm),
                (issuing, 0), (signature_block(styles, self.fonts, seal=False), 4 * mm)]

    def scoring_note(self) -> str:
        counted = "、".join(f"“{o.label.zh}”{o.score:g} 分" for o in self.template.rating_scale
                           if o.counted and o.score is not None)
        excluded = "、".join(f"“{o.label.zh}”" for o in self.template.rating_scale
                            if not o.counted)
        note = f"得分率：各项按权重加权平均（{counted}）"
        if excluded:
            note += f"；{excluded}的项目不计入"
        return note + "。"

    def summary(self) -> list[Flowable]:
        styles = self.styles
        summary = summarize(self.template, self.data.tier, self.data.ratings(), "zh")
        scale = self.template.rating_scale
        header = [styles.para("指标", styles.cell_center), styles.para("项数", styles.cell_center)]
        header += [styles.para(o.label.zh, styles.cell_center) for o in scale]
        header += [styles.para("未评定", styles.cell_center),
                   styles.para("得分率", styles.cell_center)]
        rows: list[list[object]] = [header]
        commands: list[tuple[object, ...]] = [
            ("GRID", (0, 0), (-1, -1), 0.5, GRID),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("BACKGROUND", (0, 0), (-1, 0), LEVEL1_FILL),
            ("LEFTPADDING", (1, 0), (-1, -1), 1.5),
            ("RIGHTPADDING", (1, 0), (-1, -1), 1.5),
        ]

        def row(item: Summary, label: str) -> list[object]:
            cells: list[object] = [styles.para(label, styles.cell),
                                   styles.para(str(item.total), styles.cell_center)]
            cells += [styles.para(str(item.counts.get(o.id, 0)), styles.cell_center)
                      for o in scale]
            cells += [styles.para(str(item.total - item.rated), styles.cell_center),
                      styles.para(item.percent, styles.cell_center)]
            return cells

        for level1 in summary.level1:
            rows.append(row(level1, level1.label))
            commands.append(("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), LEVEL2_FILL))
            for level2 in summary.level2:
                if self.template.level1_of(level2.id).id == level1.id:
                    rows.append(row(level2, f"\u3000{level2.label}"))
        rows.append(row(summary.overall, f"总体（{summary.overall.label}）"))
        commands.append(("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), LEVEL1_FILL))
        rating_w = 14 * mm
        count_w = 12 * mm
        label_w = CONTENT_WIDTH - rating_w * len(scale) - 3 * count_w - 3 * mm
        widths = [label_w, count_w] + [rating_w] * len(scale) + [count_w, count_w + 3 * mm]
        return [
            CondPageBreak(PART_ROOM),
            styles.para("第一部分　检查结果汇总", self.heading1_loose),
            make_table(rows, commands, colWidths=widths, repeatRows=1),
            Spacer(1, 1.5 * mm),
            styles.para(self.scoring_note(), styles.small),
        ]

    def photo_cell(self, photo: PhotoRecord, scale: float = 1.0) -> list[Flowable]:
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
        return cell + self.photo_text(photo)

    def photo_text(self, photo: PhotoRecord) -> list[Flowable]:
        """The caption and the time under a photo; made once, as a row of photos is made
        again at other sizes (their column's width stays the same)."""
        known = self._photo_text.get(photo.id)
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
        self._photo_text[photo.id] = text
        return text

    def photo_rows(self, photos: Sequence[PhotoRecord]) -> list[Flowable]:
        """Photos three to a row, each row a flowable of its own (so rows break between
        pages), shrinking at the foot of a page (see :class:`PhotoRow`)."""
        return [PhotoRow(functools.partial(self.photo_table, photos[i:i + PHOTOS_PER_ROW]))
                for i in range(0, len(photos), PHOTOS_PER_ROW)]

    def photo_table(self, photos: Sequence[PhotoRecord], scale: float) -> Table:
        row: list[object] = [self.photo_cell(p, scale) for p in photos]
        row += [""] * (PHOTOS_PER_ROW - len(row))
        return make_table([row], [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("ALIGN", (0, 0), (-1, -1), "CENTER"),
            ("LEFTPADDING", (0, 0), (-1, -1), 2.5 * mm),
            ("RIGHTPADDING", (0, 0), (-1, -1), 2.5 * mm),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3 * mm),
        ], colWidths=[CONTENT_WIDTH / PHOTOS_PER_ROW] * PHOTOS_PER_ROW, hAlign="LEFT")

    def criterion_block(self, number: int, criterion: Criterion,
                        headings: Sequence[Flowable] = ()) -> list[Flowable]:
        styles = self.styles
        answer = self.data.answers.get(criterion.id)
        rating = answer.rating if answer else None
        note = answer.note.strip() if answer else ""
        head: list[Flowable] = [
            styles.para(f"{number}. {criterion.text.zh}", styles.body),
            styles.para("", styles.body, markup_prefix="评定：" + self.rating_markup(rating)),
        ]
        notes = styles.paras(note, styles.body, markup_prefix="情况说明：") if note else []
        rows = self.photo_rows(self.data.photos_of(criterion.id))
        # The criterion, its rating, the start of its note and, after the note's end, its
        # first photos stay on one page; a long note runs over pages in between.
        if len(notes) <= 1:
            return [KeepWithPhotos([*headings, *head, *notes, *rows[:1]]), *rows[1:],
                    Spacer(1, 2.5 * mm)]
        return [KeepTogether([*headings, *head, notes[0]]), *notes[1:-1],
                KeepWithPhotos([notes[-1], *rows[:1]]), *rows[1:], Spacer(1, 2.5 * mm)]

    def details(self) -> list[Flowable]:
        """Every criterion; headings are kept on the page of the first criterion under them
        (ReportLab's keepWithNext does not join a KeepTogether, so they go inside it)."""
        styles = self.styles
        story: list[Flowable] = []
        headings: list[Flowable] = [styles.para("第二部分　逐项检查情况", styles.heading1)]
        for level1 in self.outline.indicators:
            headings.append(styles.para(level1.indicator.label("zh"), styles.heading2))
            for section in level1.sections:
                headings.append(styles.para(section.indicator.label("zh"), styles.heading3))
                for number, criterion in section.numbered():
                    story += self.criterion_block(number, criterion, headings)
                    headings = []
        general = self.data.photos_of(None)
        if general:
            rows = self.photo_rows(general)
            story += [KeepWithPhotos([styles.para("现场照片", styles.heading2), *rows[:1]]),
                      *rows[1:]]
        return story

    def corrections_and_closing(self) -> list[Flowable]:
        """Part three, the items to correct, and part four, the signatures: kept on one
        page with the last item (or with the whole of part three when it is "无"), so a
        page never holds the signatures alone."""
        styles = self.styles
        heading = "第三部分　需要整改的问题"
        rows: list[list[object]] = [[styles.para(t, styles.cell_center)
                                     for t in ("序号", "检查内容", "评定", "情况说明")]]
        for criterion in self.outline.criteria:
            answer = self.data.answers.get(criterion.id)
            option = self.scale.get(answer.rating or "") if answer else None
            if answer is None or option is None or not option.note_required:
                continue
            level2 = self.template.level2(criterion.level2_id)
            rows.append([
                styles.para(str(len(rows)), styles.cell_center),
                styles.para(f"{level2.label('zh')}：{criterion.text.zh}", styles.cell),
                styles.para("", styles.cell_center, markup_prefix=self.rating_markup(
                    answer.rating)),
                styles.para(self.correction_note(criterion, answer.note), styles.cell),
            ])
        if len(rows) == 1:
            closing: list[Flowable] = []
            for flowable, space in self.closing():
                closing += [Spacer(1, space), flowable]
            return [KeepTogether([styles.para(heading, styles.heading1),
                                  styles.para("无。", styles.body), *closing])]
        commands: list[tuple[object, ...]] = [
            ("GRID", (0, 0), (-1, len(rows) - 1), 0.5, GRID),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("BACKGROUND", (0, 0), (-1, 0), LEVEL1_FILL),
        ]
        add_closing_rows(rows, commands, self.closing(), kept_from=len(rows) - 1)
        return [CondPageBreak(PART_ROOM), styles.para(heading, self.heading1_loose),
                make_table(rows, commands, colWidths=[SERIAL_WIDTH, 68 * mm, 18 * mm,
                                                      CONTENT_WIDTH - SERIAL_WIDTH - 86 * mm],
                           repeatRows=1, splitInRow=1)]

    def correction_note(self, criterion: Criterion, note: str) -> str:
        """A note as the list of items to correct shows it: whole, or its start and where
        it is printed in full."""
        note = note.strip()
        if not note:
            return "（未填写）"
        if len(note) <= CORRECTION_NOTE_CHARS:
            return note
        return (f"{note[:CORRECTION_NOTE_CHARS // 2]}……（共 {len(note)} 字，全文见第二部分"
                f"第 {self.numbers[criterion.id]} 项）")

    def story(self) -> list[Flowable]:
        data = self.data
        site = data.site
        section = Section(
            key="report",
            title=self.template.title.zh,
            subtitle=(f"督导检查报告 · {shorten(site.name)}"
                      + (f"（{shorten(site.code)}）" if site.code else "")
                      + f" · {data.visit_date.isoformat()}"),
            qr_payload=qr_payload(self.template.key, data.tier, site.code),
        )
        story: list[Flowable] = [SectionStart(section), *self.cover(), *self.conclusion(),
                                 *self.summary(), *self.details(),
                                 *self.corrections_and_closing()]
        return story


def write_report(target: Path, data: ReportData, images: PrintImageCache, *,
                 printed_on: date | None = None, fonts: FontSet | None = None,
                 control: Control | None = None) -> BuiltPdf:
    """Write the report of one inspection to ``target``; ``control`` sees the progress and
    may cancel (no file is left then)."""
    with full_collections_deferred():
        return _write_report(target, data, images, printed_on, fonts,
                             control or NullControl())


def _write_report(target: Path, data: ReportData, images: PrintImageCache,
                  printed_on: date | None, fonts: FontSet | None,
                  control: Control) -> BuiltPdf:
    fonts = fonts or default_fonts()
    requests = photo_requests(data)
    total = len(requests) + 1
    step(control, 0, total, PHOTOS_STEP)
    prepared = images.prepare(requests,
                              on_done=lambda done: step(control, done, total, PHOTOS_STEP))
    builder = _ReportBuilder(data, prepared, Styles(fonts), fonts)
    info = DocumentInfo(
        title=f"督导检查报告 — {shorten(data.site.name, FIELD_CHARS // 2)} "
              f"{data.visit_date.isoformat()}",
        template_key=data.template.key,
        template_version=data.template.version,
        printed_on=printed_on,
        guideline=data.template.title.zh,
    )
    built = build_pdf(target, builder.story(), info, fonts)
    unprinted = sum(1 for photo in data.photos
                    if not isinstance(prepared.get(photo.id), PrintImage))
    built = dataclasses.replace(built, unprinted_photos=unprinted)
    step(control, total, total, "")
    return built
