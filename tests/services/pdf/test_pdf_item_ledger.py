"""The rectification ledger (整改台账): a table on A4 across with every row, the filter in
words, the printing date, page numbers, and its header on every page."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from office_pdf_helpers import TODAY, approved_inspection, issue, office_folder
from pdf_helpers import all_text, font_problems, ink_ratio, page_texts, render_pages, squeeze
from pypdf import PdfReader

from inspector.domain.supervision import ItemState
from inspector.services.api import office, office_printing
from inspector.services.context import AppContext
from inspector.services.pdf.common import PdfError
from inspector.services.rectification import ItemChange
from inspector.services.rectification_ledger import ItemRow, LedgerFilter


@pytest.fixture
def context(tmp_path: Path) -> Iterator[AppContext]:
    context = office_folder(tmp_path)
    yield context
    context.close()


def _rows(context: AppContext) -> tuple[list[ItemRow], list[ItemRow]]:
    """The ledger of an issued letter, the first item closed: today, and after the
    deadline (the other two overdue)."""
    made = approved_inspection(context, ["灯管损坏\n三支", "未建立课程表", "活动记录缺失"])
    first = made.letter.items[0]
    office.edit_item(context, first.id, ItemChange(responsible="赵站长"), TODAY)
    issue(context, made.letter)
    office.set_item_state(context, first.id, ItemState.VERIFIED, "电话核实")
    office.set_item_state(context, first.id, ItemState.CLOSED)
    every = LedgerFilter(states=frozenset(ItemState))
    return (office.ledger(context, every, TODAY),
            office.ledger(context, every, TODAY + timedelta(days=40)))


def test_the_ledger_prints_every_row_the_filter_the_date_and_overdue_items(
        context: AppContext, tmp_path: Path) -> None:
    now, later = _rows(context)
    rows = [*now, *later]
    built = office_printing.write_ledger_pdf(context, rows, tmp_path / "ledger.pdf",
                                             "城关街道整改台账", "乡镇：城关街道；状态：全部")
    text = all_text(built.path)
    for expected in ("城关街道整改台账", "筛选条件：乡镇：城关街道；状态：全部",
                     f"打印日期{TODAY.isoformat()}", "县人民政府教育督导室", f"共{len(rows)}项",
                     "序号", "乡镇（街道）", "整改要求", "责任人", "整改期限", "意见书文号",
                     "第1页/共1页", "赵站长", "灯管损坏三支"):
        assert expected in text, expected
    for row in rows:
        for value in (row.site_name, row.township_name, row.criterion_text[:20],
                      row.finding.replace("\n", "")[:10], row.requirement[:20],
                      row.letter_number):
            assert squeeze(value) in text, value
        assert row.deadline is not None and row.deadline.isoformat() in text
    assert text.count("已逾期") == 2 + 1  # two rows, and once in the count by state
    assert "整改中" in text and "已销号" in text
    page = PdfReader(built.path).pages[0]
    assert page.mediabox.width > page.mediabox.height  # A4 across
    assert font_problems(built.path) == []
    images = render_pages(built.path, tmp_path / "png")
    assert len(images) == built.pages == 1 and ink_ratio(images[0]) > 0.01


def test_a_long_ledger_repeats_its_header_on_every_page_and_numbers_them(
        context: AppContext, tmp_path: Path) -> None:
    now, _ = _rows(context)
    long_finding = "教学点活动室面积不足，器材陈旧。" * 40
    rows = [row if n % 5 else replace(row, finding=long_finding)
            for n, row in enumerate(now * 14)]
    built = office_printing.write_ledger_pdf(context, rows, tmp_path / "ledger.pdf", "整改台账")
    pages = [squeeze(page) for page in page_texts(built.path)]
    assert built.pages == len(pages) >= 3
    for number, page in enumerate(pages, start=1):
        assert "序号乡镇（街道）场所检查内容问题整改要求" in page, number
        assert f"第{number}页/共{len(pages)}页" in page
    text = "".join(pages)
    assert "筛选条件：全部整改事项" in text
    assert f"（共{len(long_finding)}字）" in text  # a long finding is cut, saying so
    images = render_pages(built.path, tmp_path / "png")
    assert all(ink_ratio(image) > 0.01 for image in images)


def test_an_empty_ledger_says_so_and_a_missing_folder_is_an_error(
        context: AppContext, tmp_path: Path) -> None:
    built = office_printing.write_ledger_pdf(context, [], tmp_path / "empty.pdf", "整改台账",
                                             "仅逾期")
    text = all_text(built.path)
    assert "没有符合筛选条件的整改事项" in text and "共0项" in text
    with pytest.raises(PdfError, match="folder does not exist"):
        office_printing.write_ledger_pdf(context, [], tmp_path / "none" / "x.pdf", "整改台账")
    assert not (tmp_path / "none").exists()
