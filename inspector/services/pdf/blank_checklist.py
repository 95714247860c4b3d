"""The paper checklist of a tier: blank, or pre-filled for one site or a day's round of sites.

Everything printed — title, tier names, indicators, criteria, rating options,
which ratings need a note — comes from the checklist template.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    PageBreak,
    Spacer,
    Table,
)

from inspector.domain.outline import outline
from inspector.domain.templates import ChecklistTemplate
from inspector.domain.tiers import Tier
from inspector.services.control import Control, NullControl
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
from inspector.services.pdf.pages import build_pdf, qr_payload
from inspector.services.pdf.text import Styles, make_table, shorten

GRID = colors.HexColor("#616161")
LEVEL1_FILL = colors.HexColor("#e0e0e0")
LEVEL2_FILL = colors.HexColor("#f3f3f3")
SPACE = "\u00a0"  # no-break space: paragraphs keep runs of it (not ASCII or ideographic ones)
DATE_BLANK = f"{SPACE * 14}年{SPACE * 8}月{SPACE * 8}日"


@dataclass(frozen=True)
class SiteInfo:
    """What a pre-filled sheet prints about its site."""

    name: str
    code: str | None
    tier: Tier
    address: str = ""


@dataclass(frozen=True)
class Sheet:
    """One checklist in the file: a tier, for a given site or blank."""

    tier: Tier
    site: SiteInfo | None = None


class TickBox(Flowable):
    """An empty square to tick, centred in its cell."""

    def __init__(self, size: float = 3.6 * mm) -> None:
        super().__init__()
        self.size = size
        self.avail = size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.avail = max(avail_width, self.size)
        return self.avail, self.size

    def draw(self) -> None:
        self.canv.setLineWidth(0.7)
        self.canv.setStrokeColor(colors.black)
        self.canv.rect((self.avail - self.size) / 2, 0, self.size, self.size, stroke=1, fill=0)


class Seal(Flowable):
    """A dashed circle marking where the site's seal goes (盖章)."""

    def __init__(self, fonts: FontSet, diameter: float = 30 * mm) -> None:
        super().__init__()
        self.fonts = fonts
        self.diameter = diameter

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.diameter, self.diameter

    def draw(self) -> None:
        canvas = self.canv
        radius = self.diameter / 2
        canvas.saveState()
        canvas.setStrokeColor(colors.HexColor("#9e9e9e"))
        canvas.setDash(2, 2)
        canvas.circle(radius, radius, radius - 1, stroke=1, fill=0)
        canvas.setFillColor(colors.HexColor("#757575"))
        self.fonts.draw(canvas, radius, radius - 3, "（盖章）", 9, anchor="middle")
        canvas.restoreState()


def _rating_columns(template: ChecklistTemplate) -> tuple[float, float, float, float]:
    """Widths of the number, text, each rating and note columns."""
    number = 9 * mm
    rating = 13 * mm
    note = 40 * mm
    text = CONTENT_WIDTH - number - rating * len(template.rating_scale) - note
    return number, text, rating, note


#: Criterion rows that go over to the next page with the general comment and the
#: signatures when those do not fit under the table: a page never holds only them.
ROWS_KEPT_WITH_SIGNATURES = 2


def add_closing_rows(rows: list[list[object]], commands: list[tuple[object, ...]],
                     closing: Sequence[tuple[Flowable, float]], kept_from: int) -> None:
    """Append ``closing`` (flowables, each with the space above it) to a table as rows
    spanning every column, without grid lines or side padding, and keep them on one page
    with the rows from ``kept_from`` on. The table's own rows must draw their grid
    themselves (not over ``(-1, -1)``)."""
    columns = len(rows[0])
    for flowable, space in closing:
        rows.append([flowable] + [""] * (columns - 1))
        at = len(rows) - 1
        commands += [("SPAN", (0, at), (-1, at)),
                     ("LEFTPADDING", (0, at), (-1, at), 0),
                     ("RIGHTPADDING", (0, at), (-1, at), 0),
                     ("TOPPADDING", (0, at), (-1, at), space),
                     ("BOTTOMPADDING", (0, at), (-1, at), 0)]
    commands.append(("NOSPLIT", (0, kept_from), (-1, len(rows) - 1)))


def criteria_table(template: ChecklistTemplate, tier: Tier, styles: Styles,
                   closing: Sequence[Flowable] = ()) -> Table:
    """Indicators and criteria of a tier with a tick box per rating and room for notes.

    ``closing`` (the general comment, the signatures) is set below the last criterion as
    rows of the same table, without grid lines, kept on one page with the last
    :data:`ROWS_KEPT_WITH_SIGNATURES` criteria: when they do not all fit, the table
    breaks earlier and those criteria go over with them, under the repeated header.
    """
    number_w, text_w, rating_w, note_w = _rating_columns(template)
    scale = template.rating_scale
    columns = 3 + len(scale)
    header = [styles.para("序号", styles.cell_center), styles.para("检查内容", styles.cell_center)]
    header += [styles.para(option.label.zh, styles.cell_center) for option in scale]
    header.append(styles.para("备注（情况说明）", styles.cell_center))
    rows: list[list[object]] = [header]
    commands: list[tuple[object, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, 0), LEVEL1_FILL),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (2, 0), (-2, -1), 1),
        ("RIGHTPADDING", (2, 0), (-2, -1), 1),
    ]
    criterion_rows: list[int] = []
    for level1 in outline(template, tier).indicators:
        rows.append([styles.para(level1.indicator.label("zh"), styles.cell)]
                    + [""] * (columns - 1))
        commands.append(("NOSPLIT", (0, len(rows) - 1), (-1, len(rows))))
        commands += [("SPAN", (0, len(rows) - 1), (-1, len(rows) - 1)),
                     ("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), LEVEL1_FILL)]
        for section in level1.sections:
            rows.append([styles.para(section.indicator.label("zh"), styles.cell)]
                        + [""] * (columns - 1))
            # a heading row never ends a page: keep it with the first criterion below it
            commands.append(("NOSPLIT", (0, len(rows) - 1), (-1, len(rows))))
            commands += [("SPAN", (0, len(rows) - 1), (-1, len(rows) - 1)),
                         ("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), LEVEL2_FILL)]
            for number, criterion in section.numbered():
                row: list[object] = [styles.para(str(number), styles.cell_center),
                                     styles.para(criterion.text.zh, styles.cell)]
                row += [TickBox() for _ in scale]
                row.append(Spacer(1, 11 * mm))
                rows.append(row)
                criterion_rows.append(len(rows) - 1)
    commands.insert(0, ("GRID", (0, 0), (-1, len(rows) - 1), 0.5, GRID))
    if closing:
        kept_from = criterion_rows[-ROWS_KEPT_WITH_SIGNATURES:][0] if criterion_rows else 1
        add_closing_rows(rows, commands, [(flowable, 5 * mm) for flowable in closing],
                         kept_from)
    widths = [number_w, text_w] + [rating_w] * len(scale) + [note_w]
    return make_table(rows, commands, colWidths=widths, repeatRows=1)


def _fields_table(sheet: Sheet, template: ChecklistTemplate, styles: Styles) -> Table:
    site = sheet.site
    label_w = 24 * mm
    value_w = CONTENT_WIDTH / 2 - label_w

    def label(text: str) -> object:
        return styles.para(text, styles.cell)

    value = label  # labels and values are set alike

    rows = [
        [label("站点名称"), value(shorten(site.name) if site else ""), label("区划代码"),
         value(shorten(site.code or "") if site else "")],
        [label("层级"), value(template.tier_name(sheet.tier, "zh")), label("地址"),
         value(shorten(site.address) if site else "")],
        [label("检查日期"), value(DATE_BLANK), label("检查人员"), value("")],
        [label("站点在场人员"), value(""), "", ""],
    ]
    return make_table(
        rows,
        [
            ("GRID", (0, 0), (-1, -1), 0.5, GRID),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("BACKGROUND", (0, 0), (0, -1), LEVEL2_FILL),
            ("BACKGROUND", (2, 0), (2, 2), LEVEL2_FILL),
            ("SPAN", (1, 3), (3, 3)),
            ("TOPPADDING", (0, 0), (-1, 1), 5),
            ("BOTTOMPADDING", (0, 0), (-1, 1), 5),
        ],
        colWidths=[label_w, value_w, label_w, value_w],
        rowHeights=[None, None, 9 * mm, 9 * mm],
    )


def instructions(template: ChecklistTemplate) -> str:
    """How to fill the sheet in, worded from the template's rating scale."""
    with_note = "、".join(f"“{o.label.zh}”" for o in template.rating_scale if o.note_required)
    not_counted = "、".join(f"“{o.label.zh}”" for o in template.rating_scale if not o.counted)
    text = "填写说明：请在相应评定栏的方框内打“√”。"
    if with_note:
        text += f"评为{with_note}的项目，须在备注栏写明情况。"
    if not_counted:  # as inspections.needs_note asks: why the criterion does not apply
        text += f"评为{not_counted}的项目，须在备注栏写明原因，且不计入得分。"
    return text


def signature_block(styles: Styles, fonts: FontSet, *, seal: bool = True) -> Flowable:
    """Signatures of the inspectors and the site's representative, and (``seal``) the
    place for a seal beside them."""
    left = [styles.para("检查人员（签名）：", styles.body), Spacer(1, 14 * mm),
            styles.para(f"日期：{DATE_BLANK}", styles.body)]
    right = [styles.para("站点负责人（签名）：", styles.body), Spacer(1, 14 * mm),
             styles.para(f"日期：{DATE_BLANK}", styles.body)]
    widths = ([CONTENT_WIDTH * 0.38, CONTENT_WIDTH * 0.38, CONTENT_WIDTH * 0.24] if seal
              else [CONTENT_WIDTH * 0.5, CONTENT_WIDTH * 0.5])
    return make_table(
        [[left, right, Seal(fonts)] if seal else [left, right]],
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("BOX", (0, 0), (1, 0), 0.5, GRID),
            ("LINEBEFORE", (1, 0), (1, 0), 0.5, GRID),
            ("TOPPADDING", (0, 0), (-1, -1), 6),
            ("LEFTPADDING", (0, 0), (-1, -1), 6),
            ("ALIGN", (2, 0), (2, 0), "CENTER"),
        ],
        colWidths=widths,
    )


def sheet_story(sheet: Sheet, template: ChecklistTemplate, styles: Styles,
                fonts: FontSet) -> list[Flowable]:
    site = sheet.site
    tier_name = template.tier_name(sheet.tier, "zh")
    subtitle = f"{tier_name}督导检查表"
    if site is not None:
        subtitle_header = (f"{subtitle} · {shorten(site.name)}"
                           + (f"（{shorten(site.code)}）" if site.code else ""))
        key = f"site:{site.code or site.name}"
    else:
        subtitle_header = f"{subtitle}（空白）"
        key = f"blank:{sheet.tier.value}"
    section = Section(
        key=key,
        title=template.title.zh,
        subtitle=subtitle_header,
        qr_payload=qr_payload(template.key, sheet.tier, site.code if site else None),
    )
    story: list[Flowable] = [
        SectionStart(section),
        styles.para(template.title.zh, styles.title),
        styles.para(subtitle, styles.subtitle),
        _fields_table(sheet, template, styles),
        Spacer(1, 3 * mm),
        styles.para(instructions(template), styles.small),
        Spacer(1, 2 * mm),
        criteria_table(template, sheet.tier, styles, closing=[
            make_table([[styles.para("综合意见：", styles.body)], [""]], [
                ("BOX", (0, 1), (-1, 1), 0.5, GRID),
                ("LEFTPADDING", (0, 0), (-1, 0), 0),
            ], colWidths=[CONTENT_WIDTH], rowHeights=[None, 32 * mm]),
            signature_block(styles, fonts),
        ]),
    ]
    return story


def write_checklists(target: Path, template: ChecklistTemplate, sheets: Sequence[Sheet], *,
                     printed_on: date | None = None, fonts: FontSet | None = None,
                     control: Control | None = None) -> BuiltPdf:
    """Write one PDF holding every sheet, each starting on a new page; ``control`` sees
    the progress and may cancel (no file is left then)."""
    if not sheets:
        raise ValueError("no checklist to print")
    with full_collections_deferred():
        return _write_checklists(target, template, sheets, printed_on, fonts,
                                 control or NullControl())


def _write_checklists(target: Path, template: ChecklistTemplate, sheets: Sequence[Sheet],
                      printed_on: date | None, fonts: FontSet | None,
                      control: Control) -> BuiltPdf:
    fonts = fonts or default_fonts()
    styles = Styles(fonts)
    story: list[Flowable] = []
    for index, sheet in enumerate(sheets):
        step(control, index, len(sheets),
             shorten(sheet.site.name, 60) if sheet.site else sheet.tier.value)
        if story:
            story.append(PageBreak())
        story += sheet_story(sheet, template, styles, fonts)
    first = sheets[0]
    title = f"{template.title.zh} — {template.tier_name(first.tier, 'zh')}检查表"
    info = DocumentInfo(title=title, template_key=template.key,
                        template_version=template.version,
                        printed_on=printed_on, guideline=template.title.zh)
    built = build_pdf(target, story, info, fonts)
    step(control, len(sheets), len(sheets), "")
    return built
