"""The feedback letter (督导意见书): the issuing body, the number, the site and every finding
of the letter; a draft with the draft's mark on every page; long notes over pages."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from office_pdf_helpers import TODAY, approved_inspection, issue, office_folder
from pdf_helpers import all_text, font_problems, ink_ratio, page_texts, render_pages, squeeze

from inspector.domain.supervision import SupervisionError
from inspector.services import inspections
from inspector.services.api import office, office_printing
from inspector.services.context import AppContext
from inspector.services.office_settings import OfficeSettings
from inspector.services.pdf.common import PdfError
from inspector.services.rectification import ItemChange


@pytest.fixture
def context(tmp_path: Path) -> Iterator[AppContext]:
    context = office_folder(tmp_path)
    yield context
    context.close()


def _criteria_texts(context: AppContext, inspection_id: str) -> dict[str, tuple[str, str]]:
    """Each criterion's text and the label of its rating in the inspection."""
    with context.db.session() as session:
        state = inspections.load_state(session, inspection_id)
        return {c.id: (c.text.zh, state.template.rating(
            state.responses[c.id].rating or "").label.zh) for c in state.criteria
            if c.id in state.responses and state.responses[c.id].rating}


def test_an_issued_letter_prints_its_issuer_number_site_and_every_finding_kept(
        context: AppContext, tmp_path: Path) -> None:
    made = approved_inspection(context, ["教室照明不足，灯管损坏 3 支", "未建立课程表",
                                         "活动记录缺 9 月、10 月"])
    first, dropped, third = made.letter.items
    office.edit_item(context, first.id, ItemChange(requirement="更换损坏灯管，照度达标",
                                                   responsible="赵站长"), TODAY)
    office.drop_item(context, dropped.id)
    letter = issue(context, made.letter)
    assert letter.number == f"县教督〔{TODAY.year}〕1号"

    built = office_printing.write_letter_pdf(context, letter.id, tmp_path / "letter.pdf")
    text = all_text(built.path)
    for expected in ("县人民政府教育督导室", letter.number, "督导意见书", "东门社区教学点",
                     "330799001001", "张三、李四", TODAY.isoformat(), "督导机构（盖章）",
                     "签发人：王主任", "整改报告", "日期："):
        assert squeeze(expected) in text, expected
    deadline = letter.items[0].deadline
    assert deadline is not None
    assert f"{deadline.year}年{deadline.month}月{deadline.day}日" in text
    texts = _criteria_texts(context, made.inspection_id)
    for item, note in ((first, "教室照明不足，灯管损坏3支"), (third, "活动记录缺9月、10月")):
        criterion, rating = texts[item.criterion_id]
        assert squeeze(criterion) in text
        assert f"评定结果：{rating}" in text
        assert squeeze(note) in text
    assert {texts[first.criterion_id][1], texts[third.criterion_id][1]} == {"不符合", "基本符合"}
    assert "更换损坏灯管，照度达标" in text and "责任人：赵站长" in text
    assert "未建立课程表" not in text  # the dropped item
    assert "DRAFT" not in text and "草稿" not in text
    assert font_problems(built.path) == []
    images = render_pages(built.path, tmp_path / "png")
    assert len(images) == built.pages and all(ink_ratio(image) > 0.01 for image in images)


def test_a_draft_prints_the_settings_issuer_and_the_draft_mark_on_every_page_and_long_notes_flow(
        context: AppContext, tmp_path: Path) -> None:
    office.save_office_settings(context, OfficeSettings("河口县人民政府教育督导室", "河教督", 20))
    long_note = "【开头】" + "教学点活动室面积不足，器材陈旧，台账缺失。" * 260 + "【结尾】"
    made = approved_inspection(context, [long_note])
    built = office_printing.write_letter_pdf(context, made.letter.id, tmp_path / "draft.pdf")
    pages = [squeeze(page) for page in page_texts(built.path)]
    assert built.pages == len(pages) >= 2
    assert all("草稿/DRAFT" in page for page in pages)
    text = "".join(pages)
    for expected in ("河口县人民政府教育督导室", "发出时编号", "自意见书发出之日起20日内",
                     "自本意见书发出之日起20日内", "督导机构（盖章）", "签发人"):
        assert expected in text, expected
    assert "河教督〔" not in text  # no number before it is issued
    start = next(n for n, page in enumerate(pages) if "【开头】" in page)
    end = next(n for n, page in enumerate(pages) if "【结尾】" in page)
    assert start == 0 and end >= 1  # the note runs on over the page
    # all of it, nothing cut (a page break may fall inside one of the sentences)
    assert text.count("教学点活动室面积不足") >= 260 - (len(pages) - 1)
    assert font_problems(built.path) == []
    images = render_pages(built.path, tmp_path / "png")
    assert all(ink_ratio(image) > 0.01 for image in images)


def test_a_letter_not_there_or_a_folder_missing_is_a_clear_error_and_writes_nothing(
        context: AppContext, tmp_path: Path) -> None:
    made = approved_inspection(context)
    with pytest.raises(SupervisionError, match="no such feedback letter"):
        office_printing.write_letter_pdf(context, "no-such-letter", tmp_path / "x.pdf")
    with pytest.raises(PdfError, match="folder does not exist"):
        office_printing.write_letter_pdf(context, made.letter.id, tmp_path / "none" / "x.pdf")
    assert not (tmp_path / "x.pdf").exists() and not (tmp_path / "none").exists()
