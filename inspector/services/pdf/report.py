"""The report of an inspection: cover, summary, every criterion with its photos, corrections.

Scores, which ratings count, which need a note and every text come from the
inspection's own checklist template (through :mod:`inspector.domain.scoring`). The
scores are worded and tabled in :mod:`~inspector.services.pdf.report_scores`, photos laid
out by :mod:`~inspector.services.pdf.report_photos`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from inspector.domain.outline import outline
from inspector.domain.templates import Criterion
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
    BuiltPdf,
    DocumentInfo,
    Section,
    SectionStart,
    full_collections_deferred,
    step,
)
from inspector.services.pdf.fonts import FontSet, default_fonts
from inspector.services.pdf.images import PreparedImage, PrintImage, PrintImageCache
from inspector.services.pdf.pages import build_pdf, qr_payload
from inspector.services.pdf.report_labels import (
    BAD,
    NEUTRAL,
    STATUS_LABELS,
    local_date,
    local_time,
    rating_color,
    short_id,
)
from inspector.services.pdf.report_photos import KeepWithPhotos, ReportPhotos, photo_requests
from inspector.services.pdf.report_scores import overall_result, scoring_note, summary_table
from inspector.services.pdf.sources import ReportData
from inspector.services.pdf.text import FIELD_CHARS, Styles, make_table, shorten

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


class _ReportBuilder:
    def __init__(self, data: ReportData, images: dict[str, PreparedImage], styles: Styles,
                 fonts: FontSet) -> None:
        self.data = data
        self.photos = ReportPhotos(images, styles)
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

    def conclusion(self) -> list[Flowable]:
        """The overall conclusion and the general comment, right after the cover."""
        styles = self.styles
        result = make_table(
            [[styles.para("总体结论", styles.heading2),
              styles.para(overall_result(self.data), styles.conclusion)]],
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

    def summary(self) -> list[Flowable]:
        styles = self.styles
        table = summary_table(self.data, styles)
        return [
            CondPageBreak(PART_ROOM),
            styles.para("第一部分　检查结果汇总", self.heading1_loose),
            table,
            Spacer(1, 1.5 * mm),
            styles.para(scoring_note(self.template), styles.small),
        ]

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
        rows = self.photos.rows(self.data.photos_of(criterion.id))
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
            rows = self.photos.rows(general)
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
