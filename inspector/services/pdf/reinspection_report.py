"""The re-inspection report (复查报告) on A4: the site, the dates and the inspectors; per item
the original finding (the guideline's requirement, the rating, the note, what was to be put
right and by when), the re-inspection's verdict (已整改 / 未整改) with its note, and the
photos before and after side by side (in order, pair by pair; the rest of the longer side
each beside an empty place); then how many items were rectified and how many not."""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table
from sqlmodel import Session

from inspector.domain.supervision import VERDICT_WORDS, CheckOutcome, Verdict
from inspector.domain.tiers import Tier
from inspector.domain.values import InspectionStatus
from inspector.services.pdf.blank_checklist import DATE_BLANK, GRID, LEVEL1_FILL, LEVEL2_FILL, Seal
from inspector.services.pdf.common import (
    CONTENT_WIDTH,
    BuiltPdf,
    DocumentInfo,
    Section,
    SectionStart,
    full_collections_deferred,
)
from inspector.services.pdf.fonts import FontSet, default_fonts
from inspector.services.pdf.images import (
    PreparedImage,
    PrintImage,
    PrintImageCache,
    PrintRequest,
    long_side_pixels,
)
from inspector.services.pdf.pages import build_pdf, qr_payload
from inspector.services.pdf.report_labels import BAD, GOOD, NEUTRAL, local_date
from inspector.services.pdf.report_photos import (
    PHOTO_BOX,
    KeepWithPhotos,
    PhotoRow,
    ReportPhotos,
)
from inspector.services.pdf.text import Styles, make_table, shorten
from inspector.services.photos import PhotoRecord

TITLE = "复查报告"
#: Photos of a pair are printed this much larger than the report's three to a row.
PAIR_SCALE = 1.45
PAIR_BOX = (PHOTO_BOX[0] * PAIR_SCALE, PHOTO_BOX[1] * PAIR_SCALE)
OUTCOME_WORDS = {CheckOutcome.PENDING: "", CheckOutcome.CLOSED: "整改事项已销号",
                 CheckOutcome.KEPT_OPEN: "整改事项继续整改",
                 CheckOutcome.CONFLICT: "整改事项已由督导机构另行处理，待核定"}


@dataclass(frozen=True)
class CheckedItem:
    """One item of the re-inspection: the finding it verifies and the verdict."""

    number: int | None  # the criterion's number on the checklist
    indicator: str
    criterion: str
    rating: str  # the original rating's label
    finding: str
    requirement: str
    deadline: date | None
    letter_number: str
    verdict: Verdict | None
    note: str
    outcome: CheckOutcome
    before: tuple[PhotoRecord, ...]
    after: tuple[PhotoRecord, ...]


@dataclass(frozen=True)
class ReinspectionData:
    inspection_id: str
    site_name: str
    site_code: str | None
    tier: Tier
    tier_name: str
    township: str
    visit_date: date
    inspectors: str
    status: InspectionStatus
    completed_at: datetime | None
    original_dates: tuple[date, ...]  # of the inspections that found the items
    issuer: str
    guideline: str
    template_key: str
    template_version: int
    items: tuple[CheckedItem, ...]

    def photos(self) -> list[PhotoRecord]:
        return [p for item in self.items for p in (*item.before, *item.after)]

    def count(self, verdict: Verdict | None) -> int:
        return sum(1 for item in self.items if item.verdict == verdict)


def reinspection_data(session: Session, inspection_id: str, issuer: str = ""
                      ) -> ReinspectionData:
    """What the report prints (raises ``SupervisionError`` when the inspection is not a
    re-inspection, ``InspectionError`` when there is no such inspection)."""
    from inspector.domain.outline import outline
    from inspector.domain.supervision import SupervisionError
    from inspector.services.inspections import get_inspection, template_for
    from inspector.services.photos import photos_for
    from inspector.services.rectification import get_item
    from inspector.services.rectification_ledger import townships
    from inspector.services.reinspection import checks_of
    from inspector.services.sites import get_site
    from inspector.storage.models import FeedbackLetter, Inspection

    inspection = get_inspection(session, inspection_id)
    checks = checks_of(session, inspection_id)
    if not checks:
        raise SupervisionError("这次检查不是复查，没有复查报告 / the inspection is not a "
                               "re-inspection: it has no re-inspection report")
    site = get_site(session, inspection.site_id)
    template = template_for(session, inspection)
    numbers = outline(template, inspection.tier).numbers()
    photos: dict[str, PhotoRecord] = {}
    originals: dict[str, date] = {}
    for source in {inspection_id, *(c.original_inspection_id for c in checks)} - {None}:
        assert source is not None
        photos.update((p.id, p) for p in photos_for(session, source))
        if source != inspection_id:
            original = session.get(Inspection, source)
            if original is not None:
                originals[source] = original.visit_date
    items = []
    for check in checks:
        try:
            criterion = template.criterion(check.criterion_id)
            text, indicator = criterion.text.zh, template.level2(criterion.level2_id).label("zh")
        except KeyError:
            text, indicator = check.criterion_id, ""
        try:
            rating = template.rating(check.rating).label.zh
        except KeyError:
            rating = check.rating or "—"
        letter_id = get_item(session, check.item_id).letter_id
        letter = session.get(FeedbackLetter, letter_id) if letter_id else None
        items.append(CheckedItem(
            numbers.get(check.criterion_id), indicator, text, rating, check.finding,
            check.requirement, check.deadline, letter.number if letter else "",
            check.verdict, check.note, check.outcome,
            tuple(photos[i] for i in check.before_photo_ids if i in photos),
            tuple(photos[i] for i in check.after_photo_ids if i in photos)))
    items.sort(key=lambda i: (i.number is None, i.number or 0))
    try:
        tier_name = template.tier_name(inspection.tier)
    except KeyError:
        tier_name = str(inspection.tier)
    return ReinspectionData(
        inspection_id=inspection.id, site_name=site.name, site_code=site.code,
        tier=inspection.tier, tier_name=tier_name,
        township=townships(session).get(site.id, (None, ""))[1],
        visit_date=inspection.visit_date, inspectors=inspection.inspectors,
        status=inspection.status, completed_at=inspection.completed_at,
        original_dates=tuple(sorted(set(originals.values()))), issuer=issuer,
        guideline=template.title.zh, template_key=template.key,
        template_version=template.version, items=tuple(items))


def photo_requests(data: ReinspectionData) -> list[PrintRequest]:
    return [PrintRequest(key=p.id, sha256=p.sha256,
                         long_side=long_side_pixels(*p.shown_size, *PAIR_BOX),
                         rotation=p.rotation) for p in data.photos()]


class _Builder:
    def __init__(self, data: ReinspectionData, images: dict[str, PreparedImage],
                 fonts: FontSet) -> None:
        self.data = data
        self.fonts = fonts
        self.styles = styles = Styles(fonts)
        self.photos = ReportPhotos(images, styles)
        self.field = ParagraphStyle("check-field", styles.body, leftIndent=6 * mm,
                                    spaceBefore=0.6 * mm)
        self.item = ParagraphStyle("check-item", styles.heading3, fontSize=10, leading=15,
                                   spaceBefore=4 * mm)

    def colored(self, text: str, color: object) -> str:
        hexval = color.hexval()[2:]  # type: ignore[attr-defined]
        return f'<font color="#{hexval}">{self.fonts.markup(text)}</font>'

    def label(self, text: str) -> str:
        return f'<font color="#1a237e">{self.fonts.markup(text)}</font>'

    def facts(self) -> Flowable:
        data, styles = self.data, self.styles
        originals = "、".join(d.isoformat() for d in data.original_dates) or "—"
        state = "已完成" if data.status == InspectionStatus.COMPLETED else "尚未完成"
        pairs = [("被复查单位", data.site_name), ("区划代码", data.site_code or "—"),
                 ("层级", data.tier_name), ("乡镇（街道）", data.township or "—"),
                 ("复查日期", data.visit_date.isoformat()), ("原检查日期", originals),
                 ("复查人员", data.inspectors or "—"), ("复查状态", state)]
        rows: list[list[object]] = []
        for i in range(0, len(pairs), 2):
            row: list[object] = []
            for label, value in pairs[i:i + 2]:
                row += [styles.para(label, styles.cell), styles.para(shorten(value), styles.cell)]
            rows.append(row)
        rows.append([styles.para("督导机构", styles.cell),
                     styles.para(shorten(data.issuer.strip()), styles.cell), "", ""])
        label_w = 28 * mm
        value_w = CONTENT_WIDTH / 2 - label_w
        return make_table(rows, [("GRID", (0, 0), (-1, -1), 0.5, GRID),
                                 ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                                 ("BACKGROUND", (0, 0), (0, -1), LEVEL2_FILL),
                                 ("BACKGROUND", (2, 0), (2, -2), LEVEL2_FILL),
                                 ("SPAN", (1, -1), (-1, -1))],
                          colWidths=[label_w, value_w, label_w, value_w])

    def verdict_markup(self, item: CheckedItem) -> str:
        if item.verdict is None:
            return self.colored("未评定", NEUTRAL)
        word = VERDICT_WORDS[item.verdict][0]
        shown = self.colored(word, GOOD if item.verdict is Verdict.RECTIFIED else BAD)
        outcome = OUTCOME_WORDS[item.outcome]
        return shown + (self.fonts.markup(f"（{outcome}）") if outcome else "")

    def pair_table(self, item: CheckedItem, index: int, scale: float) -> Table:
        """The ``index``-th photo before beside the ``index``-th after, each named by its
        side and place (so a row that goes on to the next page still says which is which)."""
        styles = self.styles
        row: list[object] = []
        for side, photos in (("整改前", item.before), ("整改后", item.after)):
            label = styles.para(f"{side}（{index + 1}/{len(photos)}）" if index < len(photos)
                                else side, styles.small)
            row.append([label, *self.photos.cell(photos[index], PAIR_SCALE * scale)]
                       if index < len(photos) else
                       [label, styles.para("（无对应照片）", styles.cell_center)])
        return make_table([row], [("VALIGN", (0, 0), (-1, -1), "TOP"),
                                  ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                                  ("LINEAFTER", (0, 0), (0, -1), 0.5, GRID),
                                  ("BOTTOMPADDING", (0, 0), (-1, -1), 3 * mm)],
                          colWidths=[CONTENT_WIDTH / 2] * 2, hAlign="LEFT")

    def photo_rows(self, item: CheckedItem) -> list[Flowable]:
        """The photos before and after, pair by pair, each pair a row that shrinks at the
        foot of a page; a header naming the two sides above the first."""
        styles = self.styles
        if not item.before and not item.after:
            return [styles.para("（整改前后均无照片）", self.field)]
        originals = "、".join(d.isoformat() for d in self.data.original_dates)
        header = make_table(
            [[styles.para(f"整改前（原检查{' ' + originals if originals else ''}）"
                          f" {len(item.before)} 张", styles.cell_center),
              styles.para(f"整改后（复查 {self.data.visit_date.isoformat()}）"
                          f" {len(item.after)} 张", styles.cell_center)]],
            [("BACKGROUND", (0, 0), (-1, -1), LEVEL1_FILL),
             ("GRID", (0, 0), (-1, -1), 0.5, GRID)],
            colWidths=[CONTENT_WIDTH / 2] * 2, hAlign="LEFT")
        rows = [PhotoRow(functools.partial(self.pair_table, item, index))
                for index in range(max(len(item.before), len(item.after)))]
        return [KeepWithPhotos([header, rows[0]]), *rows[1:]]

    def item_block(self, index: int, item: CheckedItem) -> list[Flowable]:
        styles, field, label = self.styles, self.field, self.label
        where = f"（检查表第 {item.number} 项）" if item.number is not None else ""
        deadline = item.deadline.isoformat() if item.deadline else "—"
        head: list[Flowable] = [
            styles.para(f"{index}．{item.indicator}{where}", self.item),
            styles.para(item.criterion, field, markup_prefix=label("指引要求：")),
            styles.para("", field, markup_prefix=(
                label("原评定：") + self.colored(item.rating, BAD) + "　" + label("整改期限：")
                + self.fonts.markup(deadline) + ("　" + label("意见书文号：")
                                                 + self.fonts.markup(item.letter_number)
                                                 if item.letter_number else ""))),
        ]
        finding = styles.paras(item.finding.strip() or "（未填写）", field,
                               markup_prefix=label("原督导发现："))
        requirement = styles.paras(item.requirement.strip() or "（未填写）", field,
                                   markup_prefix=label("整改要求："))
        verdict = styles.para("", field, markup_prefix=label("复查结论：")
                              + self.verdict_markup(item))
        note = styles.paras(item.note.strip() or "（未填写）", field,
                            markup_prefix=label("复查说明："))
        return [KeepTogether([*head, finding[0]]), *finding[1:], *requirement,
                KeepTogether([verdict, note[0]]), *note[1:], Spacer(1, 1.5 * mm),
                *self.photo_rows(item), Spacer(1, 2 * mm)]

    def summary(self) -> list[Flowable]:
        styles, data = self.styles, self.data
        rectified, not_rectified = data.count(Verdict.RECTIFIED), data.count(Verdict.NOT_RECTIFIED)
        pending = data.count(None)
        header = ["复查事项", "已整改", "未整改"] + (["未评定"] if pending else [])
        values = [len(data.items), rectified, not_rectified] + ([pending] if pending else [])
        width = CONTENT_WIDTH / len(header)
        table = make_table(
            [[styles.para(h, styles.cell_center) for h in header],
             [styles.para(f"{v} 项", styles.cell_center) for v in values]],
            [("GRID", (0, 0), (-1, -1), 0.5, GRID), ("BACKGROUND", (0, 0), (-1, 0), LEVEL1_FILL),
             ("VALIGN", (0, 0), (-1, -1), "MIDDLE")], colWidths=[width] * len(header))
        words = (f"本次复查 {len(data.items)} 项整改事项：已整改 {rectified} 项，"
                 f"未整改 {not_rectified} 项" + (f"，未评定 {pending} 项" if pending else "")
                 + "。" + ("未整改的事项请被复查单位继续整改，并按要求报送整改情况。"
                          if not_rectified else ""))
        return [KeepTogether([styles.para("复查结论", styles.heading1), table,
                              Spacer(1, 2 * mm), styles.para(words, styles.conclusion)])]

    def signatures(self) -> Flowable:
        styles = self.styles
        issued = (local_date(self.data.completed_at) if self.data.completed_at
                  and self.data.status == InspectionStatus.COMPLETED else DATE_BLANK)
        left = [styles.para("复查人员（签名）：", styles.body), Spacer(1, 14 * mm),
                styles.para(f"日期：{issued}", styles.body)]
        right = [styles.para("督导机构（盖章）：", styles.body), Spacer(1, 14 * mm),
                 styles.para(f"日期：{DATE_BLANK}", styles.body)]
        return make_table([[left, right, Seal(self.fonts)]],
                          [("VALIGN", (0, 0), (-1, -1), "TOP"),
                           ("BOX", (0, 0), (1, 0), 0.5, GRID),
                           ("LINEBEFORE", (1, 0), (1, 0), 0.5, GRID),
                           ("TOPPADDING", (0, 0), (-1, -1), 6),
                           ("ALIGN", (2, 0), (2, 0), "CENTER")],
                          colWidths=[CONTENT_WIDTH * 0.38, CONTENT_WIDTH * 0.38,
                                     CONTENT_WIDTH * 0.24])

    def story(self) -> list[Flowable]:
        data, styles = self.data, self.styles
        section = Section(
            key="reinspection", title=data.guideline,
            subtitle=(f"{TITLE} · {shorten(data.site_name)}"
                      + (f"（{shorten(data.site_code)}）" if data.site_code else "")
                      + f" · {data.visit_date.isoformat()}"),
            qr_payload=qr_payload(data.template_key, data.tier, data.site_code))
        story: list[Flowable] = [SectionStart(section), styles.para(TITLE, styles.title),
                                 styles.para(shorten(data.guideline), styles.subtitle),
                                 self.facts()]
        if data.status != InspectionStatus.COMPLETED:
            story += [Spacer(1, 2 * mm), styles.para(
                "", styles.body, markup_prefix=self.colored(
                    "本次复查尚未完成，以下内容仅供参考。", BAD))]
        story.append(styles.para("逐项复查情况", styles.heading1))
        for index, item in enumerate(data.items, start=1):
            story += self.item_block(index, item)
        return [*story, *self.summary(), Spacer(1, 6 * mm),
                KeepTogether([self.signatures()])]


def write_reinspection_report(target: Path, data: ReinspectionData, images: PrintImageCache,
                              *, printed_on: date | None = None,
                              fonts: FontSet | None = None) -> BuiltPdf:
    """Write the report to ``target`` (replaced only when complete), its photos prepared
    on several threads; the result counts the photos printed as empty boxes."""
    fonts = fonts or default_fonts()
    with full_collections_deferred():
        prepared = images.prepare(photo_requests(data))
        info = DocumentInfo(
            title=f"{TITLE} — {shorten(data.site_name, 80)} {data.visit_date.isoformat()}",
            template_key=data.template_key, template_version=data.template_version,
            printed_on=printed_on, guideline=data.guideline)
        built = build_pdf(target, _Builder(data, prepared, fonts).story(), info, fonts)
    unprinted = sum(1 for p in data.photos() if not isinstance(prepared.get(p.id), PrintImage))
    return dataclasses.replace(built, unprinted_photos=unprinted)
