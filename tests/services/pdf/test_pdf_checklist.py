"""The paper checklist: blank per tier, pre-filled for sites, fonts, QR payload, rendering."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pdf_helpers import (
    all_text,
    body_filled,
    font_problems,
    ink_ratio,
    page_texts,
    render_pages,
    squeeze,
)

from inspector.domain.tiers import Tier
from inspector.services.control import Cancelled, NullControl
from inspector.services.pdf.blank_checklist import (
    ROWS_KEPT_WITH_SIGNATURES,
    Sheet,
    SiteInfo,
    instructions,
    write_checklists,
)
from inspector.services.pdf.fonts import MISSING_MARKER
from inspector.services.pdf.pages import parse_qr_payload, qr_payload
from inspector.services.templates import shipped_templates

TEMPLATE = shipped_templates()[0]


@pytest.mark.parametrize("tier", list(Tier))
def test_a_blank_checklist_holds_every_criterion_of_its_tier(tmp_path: Path, tier: Tier) -> None:
    built = write_checklists(tmp_path / "blank.pdf", TEMPLATE, [Sheet(tier)],
                             printed_on=date(2026, 5, 1))
    text = all_text(built.path)
    for criterion in TEMPLATE.criteria(tier):
        assert squeeze(criterion.text.zh) in text, criterion.id
    others = [c for c in TEMPLATE.criteria() if not c.applies_to(tier)
              and all(c.text.zh != o.text.zh for o in TEMPLATE.criteria(tier))]
    assert all(squeeze(c.text.zh) not in text for c in others)
    assert squeeze(TEMPLATE.title.zh) in text and squeeze(TEMPLATE.tier_name(tier)) in text
    for option in TEMPLATE.rating_scale:
        assert option.label.zh in text
    for label in ("站点名称", "区划代码", "检查日期", "检查人员", "站点在场人员", "盖章", "签名"):
        assert label in text
    assert squeeze(instructions(TEMPLATE)) in text
    pages = page_texts(built.path)
    assert built.pages == len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        page = squeeze(page)
        assert f"第{number}页/共{len(pages)}页" in page
        # the footer names the guideline, not the template's internal id
        assert f"《{squeeze(TEMPLATE.title.zh)}》" in page and "2026-05-01" in page
        assert TEMPLATE.key not in page
    assert font_problems(built.path) == []


def test_pre_filled_sheets_start_on_new_pages_and_are_numbered_per_site(tmp_path: Path) -> None:
    sites = [
        SiteInfo("东门社区教学点", "330799001001", Tier.VILLAGE, "东门社区党群服务中心"),
        SiteInfo("城关街道社区学校", "330799001000", Tier.TOWNSHIP, "解放路42号"),
    ]
    built = write_checklists(tmp_path / "round.pdf", TEMPLATE,
                             [Sheet(site.tier, site) for site in sites])
    pages = [squeeze(text) for text in page_texts(built.path)]
    starts = [i for i, text in enumerate(pages) if "第1页/" in text]
    assert len(starts) == 2 and starts[0] == 0
    first, second = pages[:starts[1]], pages[starts[1]:]
    assert all(f"共{len(first)}页" in page for page in first)
    assert all(f"共{len(second)}页" in page for page in second)
    assert "330799001001" in first[0] and "东门社区党群服务中心" in first[0]
    assert "330799001000" in second[0] and squeeze(TEMPLATE.tier_name(Tier.TOWNSHIP)) in second[0]
    for criterion in TEMPLATE.criteria(Tier.TOWNSHIP):
        assert squeeze(criterion.text.zh) in "".join(second)


def test_the_qr_payload_names_site_tier_and_template_version() -> None:
    payload = qr_payload(TEMPLATE.key, "village", "330799001001")
    assert parse_qr_payload(payload) == {"site": "330799001001", "tier": "village",
                                         "template": TEMPLATE.key}
    assert parse_qr_payload(qr_payload(TEMPLATE.key, "county", None))["site"] == ""
    with pytest.raises(ValueError):
        parse_qr_payload("https://example.com")


def test_a_rare_character_in_a_site_name_shows_as_a_marker_and_pages_render(
        tmp_path: Path) -> None:
    name = "\U00020000家村教学点" + "很长的名字" * 12
    site = SiteInfo(name, "330799001009", Tier.VILLAGE, "地址" * 40)
    built = write_checklists(tmp_path / "rare.pdf", TEMPLATE, [Sheet(Tier.VILLAGE, site)])
    text = all_text(built.path)
    assert MISSING_MARKER + "家村教学点" in text
    assert font_problems(built.path) == []
    images = render_pages(built.path, tmp_path / "png")
    assert len(images) == built.pages
    for image in images:
        assert ink_ratio(image) > 0.01


def test_cancelling_leaves_no_file(tmp_path: Path) -> None:
    target = tmp_path / "cancelled.pdf"
    control = NullControl()
    control.cancel()
    with pytest.raises(Cancelled):
        write_checklists(target, TEMPLATE, [Sheet(Tier.VILLAGE)] * 3, control=control)
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []


def test_the_font_check_catches_an_unembedded_standard_font(tmp_path: Path) -> None:
    from reportlab.pdfgen.canvas import Canvas

    plain = tmp_path / "plain.pdf"
    canvas = Canvas(str(plain))  # ReportLab's default: Helvetica, not embedded
    canvas.drawString(72, 72, "hello")
    canvas.save()
    assert any("Helvetica" in problem for problem in font_problems(plain))


@pytest.mark.parametrize("tier", list(Tier))
def test_no_page_of_a_blank_checklist_is_mostly_empty_nor_only_signatures(
        tmp_path: Path, tier: Tier) -> None:
    built = write_checklists(tmp_path / "blank.pdf", TEMPLATE, [Sheet(tier)])
    filled = [body_filled(page) for page in render_pages(built.path, tmp_path / "png", dpi=30)]
    assert all(share >= 0.7 for share in filled[:-1]), filled
    last = squeeze(page_texts(built.path)[-1])
    assert "综合意见" in last and "签名" in last
    # the last criteria go over with the comment and the signatures, under the header
    for criterion in TEMPLATE.criteria(tier)[-ROWS_KEPT_WITH_SIGNATURES:]:
        assert squeeze(criterion.text.zh) in last
    assert "序号检查内容" in last


def test_the_instructions_ask_for_a_reason_for_not_applicable() -> None:
    from inspector.services.pdf.blank_checklist import instructions
    from inspector.services.templates import shipped_templates

    text = instructions(shipped_templates()[0])
    assert "“基本符合”、“不符合”的项目，须在备注栏写明情况" in text
    assert "“不适用”的项目，须在备注栏写明原因" in text
