"""The feedback letter (督导意见书) to one site after an approved inspection, on A4: the
issuing body and the document number (文号) at its head, the site, the visit and its
inspectors, every finding with the guideline's requirement, the rating, the inspector's
note, what must be put right, by whom and by when, what the site must report, and the
lines for the seal and the signature. A letter not yet issued prints the office's
issuing body from its settings and a "草稿 / DRAFT" mark across every page."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, HRFlowable, KeepTogether, Spacer
from sqlmodel import Session

from inspector.services.pdf.blank_checklist import DATE_BLANK, GRID, LEVEL2_FILL, SPACE, Seal
from inspector.services.pdf.common import (
    CONTENT_WIDTH,
    BuiltPdf,
    Section,
    SectionStart,
    full_collections_deferred,
)
from inspector.services.pdf.fonts import CJK_FONT, FontSet, default_fonts
from inspector.services.pdf.office_pages import (
    DRAFT_COLOR,
    DRAFT_MARK,
    OfficeInfo,
    build_office_pdf,
)
from inspector.services.pdf.text import Styles, make_table, shorten

TITLE = "督导意见书"
RED = colors.HexColor("#c00000")
BLANK_LINE = f"<u>{SPACE * 28}</u>"


@dataclass(frozen=True)
class LetterItem:
    """One finding as the letter prints it."""

    number: int | None  # the criterion's number on the checklist
    indicator: str  # the indicator (二级指标) it is under
    criterion: str  # the guideline's requirement
    rating: str  # 不符合 / 基本符合
    finding: str  # the inspector's note
    requirement: str
    responsible: str
    deadline: date | None


@dataclass(frozen=True)
class LetterData:
    letter_id: str
    number: str  # "" until issued
    issuer: str
    issued_on: date | None  # None: a draft
    issued_by: str
    deadline: date | None
    deadline_days: int  # of a draft: days from issuing to the deadline
    site_name: str
    site_code: str | None
    tier_name: str
    township: str
    visit_date: date | None  # None: the inspection was deleted
    inspectors: str
    guideline: str
    template_key: str
    template_version: int
    items: tuple[LetterItem, ...]

    @property
    def draft(self) -> bool:
        return self.issued_on is None


def letter_data(session: Session, letter_id: str) -> LetterData:
    """What the letter prints, read in one session (raises ``SupervisionError`` for no
    such letter)."""
    from inspector.domain.outline import outline
    from inspector.domain.tiers import Tier
    from inspector.services import templates
    from inspector.services.inspections import template_for
    from inspector.services.office_settings import load_settings
    from inspector.services.rectification import get_letter, letter_items
    from inspector.services.rectification_ledger import townships
    from inspector.services.sites import get_site
    from inspector.storage.models import Inspection

    letter = get_letter(session, letter_id)
    site = get_site(session, letter.site_id)
    settings = load_settings(session)
    inspection = (session.get(Inspection, letter.inspection_id)
                  if letter.inspection_id else None)
    template = (template_for(session, inspection) if inspection is not None
                else templates.latest_template(session))
    tier = inspection.tier if inspection is not None else Tier(site.tier)
    numbers = outline(template, tier).numbers()
    items = []
    for item in letter_items(session, letter.id):
        try:
            criterion = template.criterion(item.criterion_id)
            text = criterion.text.zh
            indicator = template.level2(criterion.level2_id).label("zh")
        except KeyError:  # not in this checklist version: its id stands for it
            text, indicator = item.criterion_id, ""
        try:
            rating = template.rating(item.rating).label.zh
        except KeyError:
            rating = item.rating or "—"
        items.append(LetterItem(numbers.get(item.criterion_id), indicator, text, rating,
                                item.finding, item.requirement, item.responsible,
                                item.deadline or letter.deadline))
    issued = letter.issued_on is not None
    try:
        tier_name = template.tier_name(Tier(site.tier))
    except KeyError:
        tier_name = str(site.tier)
    return LetterData(
        letter_id=letter.id, number=letter.number if issued else "",
        issuer=(letter.issuer if issued and letter.issuer.strip() else settings.issuer),
        issued_on=letter.issued_on, issued_by=letter.issued_by, deadline=letter.deadline,
        deadline_days=settings.deadline_days, site_name=site.name, site_code=site.code,
        tier_name=tier_name, township=townships(session).get(site.id, (None, ""))[1],
        visit_date=inspection.visit_date if inspection is not None else None,
        inspectors=inspection.inspectors if inspection is not None else "",
        guideline=template.title.zh, template_key=template.key,
        template_version=template.version, items=tuple(items))


def chinese_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


class _LetterBuilder:
    def __init__(self, data: LetterData, fonts: FontSet) -> None:
        self.data = data
        self.fonts = fonts
        self.styles = styles = Styles(fonts)
        self.head = ParagraphStyle("letter-head", styles.title, fontSize=22, leading=30,
                                   textColor=RED, spaceAfter=3 * mm)
        self.number = ParagraphStyle("letter-number", styles.body, fontSize=10.5, leading=15,
                                     alignment=TA_CENTER)
        self.part = ParagraphStyle("letter-part", styles.heading1, fontSize=11.5, leading=17)
        self.item = ParagraphStyle("letter-item", styles.heading3, fontSize=10, leading=15,
                                   spaceBefore=3 * mm)
        self.field = ParagraphStyle("letter-field", styles.body, leftIndent=6 * mm,
                                    spaceBefore=0.6 * mm)
        self.addressee = ParagraphStyle("letter-addressee", styles.body, fontSize=10.5,
                                        leading=17)
        self.text = ParagraphStyle("letter-text", self.addressee, firstLineIndent=21)

    def red(self, text: str) -> str:
        return f'<font color="#{RED.hexval()[2:]}">{self.fonts.markup(text)}</font>'

    def label(self, text: str) -> str:
        return f'<font name="{CJK_FONT}" color="#1a237e">{self.fonts.markup(text)}</font>'

    def heading(self) -> list[Flowable]:
        data, styles = self.data, self.styles
        story: list[Flowable] = [styles.para(shorten(data.issuer, 60), self.head)]
        if data.draft:
            story.append(styles.para(
                "", self.number, markup_prefix=f'<font color="#{DRAFT_COLOR.hexval()[2:]}">'
                f"文号：发出时编号（{self.fonts.markup(DRAFT_MARK)}）</font>"))
        else:
            story.append(styles.para(shorten(data.number, 60), self.number))
        story += [Spacer(1, 1.5 * mm),
                  HRFlowable(width="100%", thickness=1.6, color=RED, spaceAfter=5 * mm),
                  styles.para(TITLE, styles.title)]
        if data.draft:
            story.append(styles.para(
                "", styles.subtitle, markup_prefix=f'<font color="#{DRAFT_COLOR.hexval()[2:]}">'
                f"{self.fonts.markup(DRAFT_MARK)}：本意见书尚未发出，文号和整改期限在发出时确定"
                f"</font>"))
        else:
            story.append(Spacer(1, 3 * mm))
        return story

    def facts(self) -> Flowable:
        data, styles = self.data, self.styles
        pairs = [("被督导单位", data.site_name), ("区划代码", data.site_code or "—"),
                 ("层级", data.tier_name), ("乡镇（街道）", data.township or "—"),
                 ("督导日期", data.visit_date.isoformat() if data.visit_date else "—"),
                 ("督导人员", data.inspectors or "—")]
        rows = []
        for i in range(0, len(pairs), 2):
            row: list[object] = []
            for label, value in pairs[i:i + 2]:
                row += [styles.para(label, styles.cell), styles.para(shorten(value), styles.cell)]
            rows.append(row)
        label_w = 28 * mm
        value_w = CONTENT_WIDTH / 2 - label_w
        return make_table(rows, [("GRID", (0, 0), (-1, -1), 0.5, GRID),
                                 ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                                 ("BACKGROUND", (0, 0), (0, -1), LEVEL2_FILL),
                                 ("BACKGROUND", (2, 0), (2, -1), LEVEL2_FILL),
                                 ("TOPPADDING", (0, 0), (-1, -1), 3.5),
                                 ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5)],
                          colWidths=[label_w, value_w, label_w, value_w])

    def opening(self) -> list[Flowable]:
        data, styles = self.data, self.styles
        when = chinese_date(data.visit_date) if data.visit_date else "近期"
        count = len(data.items)
        found = (f"发现需要整改的问题 {count} 项。现将督导意见反馈如下，请你单位认真研究，"
                 f"逐项落实整改。" if count else "未发现需要整改的问题。")
        return [styles.para(f"{shorten(data.site_name)}：", self.addressee),
                Spacer(1, 1 * mm),
                styles.para(f"根据《教育督导条例》和《{shorten(data.guideline)}》，"
                            f"{shorten(data.issuer)}于{when}对你单位进行了督导检查。经审核，"
                            f"{found}", self.text)]

    def item_block(self, index: int, item: LetterItem) -> list[Flowable]:
        styles = self.styles
        where = f"（检查表第 {item.number} 项）" if item.number is not None else ""
        title = f"{index}．{item.indicator}{where}" if item.indicator else f"{index}．{where}"
        head: list[Flowable] = [
            styles.para(title, self.item),
            styles.para(item.criterion, self.field, markup_prefix=self.label("指引要求：")),
            styles.para("", self.field, markup_prefix=self.label("评定结果：")
                        + self.red(item.rating)),
        ]
        finding = styles.paras(item.finding.strip() or "（未填写）", self.field,
                               markup_prefix=self.label("督导发现："))
        requirement = styles.paras(item.requirement.strip() or "（未填写）", self.field,
                                   markup_prefix=self.label("整改要求："))
        deadline = (chinese_date(item.deadline) if item.deadline else
                    f"自意见书发出之日起 {self.data.deadline_days} 日内")
        closing = styles.para(
            "", self.field, markup_prefix=self.label("责任人：")
            + (self.fonts.markup(shorten(item.responsible.strip(), 100))
               if item.responsible.strip() else BLANK_LINE)
            + SPACE * 6 + self.label("整改期限：") + self.fonts.markup(deadline))
        # The heading stays with the start of the note; long texts run over pages after it.
        return [KeepTogether([*head, finding[0]]), *finding[1:], *requirement[:-1],
                KeepTogether([requirement[-1], closing])]

    def findings(self) -> list[Flowable]:
        story: list[Flowable] = [self.styles.para("一、督导发现的问题及整改要求", self.part)]
        if not self.data.items:
            return [*story, self.styles.para("无。", self.text)]
        for index, item in enumerate(self.data.items, start=1):
            story += self.item_block(index, item)
        return story

    def what_to_do(self) -> list[Flowable]:
        data, styles = self.data, self.styles
        if data.deadline is not None:
            by = f"于{chinese_date(data.deadline)}前"
        else:
            by = f"自本意见书发出之日起 {data.deadline_days} 日内"
        lines = [
            f"1．请你单位对照上述问题和整改要求，明确责任人，{by}完成整改（个别事项另有期限的，"
            f"按其期限完成）。",
            f"2．整改完成后，请于期限届满前向{shorten(data.issuer)}书面报送整改报告，逐项说明整改"
            f"措施和结果，并附照片、制度文本等佐证材料。",
            "3．逾期未完成整改或整改不到位的，将组织复查，并视情况予以通报。",
        ]
        return [styles.para("二、整改期限和要求", self.part),
                *[styles.para(line, self.text) for line in lines]]

    def signatures(self) -> Flowable:
        data, styles = self.data, self.styles
        issuer = self.fonts.markup(shorten(data.issuer, 60))
        signer = (self.fonts.markup(shorten(data.issued_by, 60)) if data.issued_by.strip()
                  else BLANK_LINE)
        issued = chinese_date(data.issued_on) if data.issued_on else DATE_BLANK
        body = [styles.para("", styles.conclusion,
                            markup_prefix=f"督导机构（盖章）：{issuer}"),
                Spacer(1, 5 * mm),
                styles.para("", styles.conclusion, markup_prefix=f"签发人：{signer}"),
                Spacer(1, 5 * mm),
                styles.para(f"日期：{issued}", styles.conclusion)]
        return make_table([[body, Seal(self.fonts)]],
                          [("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                           ("ALIGN", (1, 0), (1, 0), "CENTER"),
                           ("LEFTPADDING", (0, 0), (0, 0), 18 * mm)],
                          colWidths=[CONTENT_WIDTH * 0.7, CONTENT_WIDTH * 0.3])

    def story(self) -> list[Flowable]:
        data = self.data
        number = data.number or DRAFT_MARK
        section = Section(key="letter", title=f"{TITLE} · {shorten(data.issuer, 60)}",
                          subtitle=f"{shorten(data.site_name, 80)} · {number}")
        # What the site must do (a few lines) stays whole on the page of the seal and the
        # signature, which never stand alone on a page.
        return [SectionStart(section), *self.heading(), self.facts(), Spacer(1, 4 * mm),
                *self.opening(), *self.findings(),
                KeepTogether([*self.what_to_do(), Spacer(1, 8 * mm), self.signatures()])]


def write_letter(target: Path, data: LetterData, *, printed_on: date | None = None,
                 fonts: FontSet | None = None) -> BuiltPdf:
    """Write the letter to ``target`` (replaced only when complete)."""
    fonts = fonts or default_fonts()
    number = data.number or "草稿"
    info = OfficeInfo(title=f"{TITLE} — {shorten(data.site_name, 80)} {number}",
                      template_key=data.template_key, template_version=data.template_version,
                      printed_on=printed_on, guideline=data.guideline,
                      source=f"{TITLE} · {number} · 依据《{shorten(data.guideline, 60)}》")
    with full_collections_deferred():
        return build_office_pdf(target, _LetterBuilder(data, fonts).story(), info, fonts,
                                watermark=DRAFT_MARK if data.draft else "")
