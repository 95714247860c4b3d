"""The re-inspection report (复查报告): per item the original finding, the verdict and the
photos before and after side by side (turned as shown), then the count of items rectified
and not; photos that cannot be printed are boxes, counted."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from office_pdf_helpers import (
    SITE,
    TODAY,
    approved_inspection,
    image_counts,
    issue,
    office_folder,
    page_images,
    photo_under,
)
from pdf_helpers import all_text, font_problems, ink_ratio, render_pages, squeeze

from inspector.domain.supervision import SupervisionError, Verdict
from inspector.services import inspections
from inspector.services.api import office, office_printing
from inspector.services.api.office import LetterView
from inspector.services.context import AppContext
from inspector.services.inspections import InspectionError
from inspector.services.photo_store import PhotoStore
from inspector.storage.models import Photo


@pytest.fixture
def context(tmp_path: Path) -> Iterator[AppContext]:
    context = office_folder(tmp_path)
    yield context
    context.close()


@dataclass(frozen=True)
class Made:
    original_id: str
    reinspection_id: str
    letter: LetterView


def _reinspection(context: AppContext, *, complete: bool = True) -> Made:
    """Three findings (three photos under the first), issued; a re-inspection that finds
    the first and third rectified and the second not, with two photos after under the
    first item (one turned a quarter) and one under the second."""
    made = approved_inspection(context, ["灯管损坏三支", "未建立课程表", "活动记录缺失"],
                               photos=[1, 2, 3])
    letter = issue(context, made.letter)
    order = office.order_reinspection(context, SITE, "张三", TODAY, TODAY + timedelta(days=9))
    reinspection_id = office.start_reinspection(context, order, TODAY, "张三、王五")
    first, second, third = letter.items
    office.record_check(context, reinspection_id, first.id, Verdict.RECTIFIED, "灯管已全部更换")
    office.record_check(context, reinspection_id, second.id, Verdict.NOT_RECTIFIED,
                        "课程表仍未张贴")
    photo_under(context, reinspection_id, first.criterion_id, 11)
    turned = photo_under(context, reinspection_id, first.criterion_id, 12)
    with context.db.transaction() as session:
        row = session.get(Photo, turned)
        assert row is not None
        row.rotation = 90
        session.add(row)
    photo_under(context, reinspection_id, second.criterion_id, 13)
    if complete:
        office.record_check(context, reinspection_id, third.id, Verdict.RECTIFIED, "记录已补齐")
        with context.db.transaction() as session:
            inspections.complete(session, reinspection_id, "张三")
        office.approve(context, reinspection_id, "王主任")
    return Made(made.inspection_id, reinspection_id, letter)


def test_the_report_prints_each_finding_its_verdict_and_the_photos_before_and_after(
        context: AppContext, tmp_path: Path) -> None:
    made = _reinspection(context)
    built = office_printing.write_reinspection_pdf(context, made.reinspection_id,
                                                   tmp_path / "re.pdf")
    text = all_text(built.path)
    for expected in ("复查报告", "东门社区教学点", "330799001001", "张三、王五",
                     f"复查日期{TODAY.isoformat()}", f"原检查日期{TODAY.isoformat()}",
                     "县人民政府教育督导室", made.letter.number, "灯管损坏三支", "未建立课程表",
                     "活动记录缺失", "灯管已全部更换", "课程表仍未张贴", "记录已补齐",
                     "复查结论：已整改", "复查结论：未整改", "整改事项已销号", "整改事项继续整改",
                     "整改前", "整改后", "无对应照片", "已整改2项，未整改1项", "复查人员（签名）",
                     "督导机构（盖章）"):
        assert squeeze(expected) in text, expected
    for item in made.letter.items:
        assert squeeze(item.requirement) in text
    assert built.unprinted_photos == 0
    # Six photos, each printed once: three before, three after; a pair on one page.
    counts = image_counts(built.path)
    assert sum(counts) == 6 and max(counts) >= 2
    sizes = [size for page in page_images(built.path) for size in page]
    assert sum(1 for width, height in sizes if height > width) == 1  # the one turned
    assert font_problems(built.path) == []
    images = render_pages(built.path, tmp_path / "png")
    assert len(images) == built.pages and all(ink_ratio(image) > 0.01 for image in images)


def test_a_photo_whose_file_is_gone_prints_as_a_box_and_is_counted(
        context: AppContext, tmp_path: Path) -> None:
    made = _reinspection(context, complete=False)
    with context.db.session() as session:
        before = session.get(Photo, office.reinspection_checks(
            context, made.reinspection_id)[0].before_photo_ids[0])
        assert before is not None
        found = PhotoStore.for_paths(context.paths).find(before.sha256)
    assert found is not None
    found.unlink()
    built = office_printing.write_reinspection_pdf(context, made.reinspection_id,
                                                   tmp_path / "re.pdf")
    assert built.unprinted_photos == 1
    text = all_text(built.path)
    assert "照片文件缺失" in text
    assert "本次复查尚未完成" in text and "未评定" in text
    assert sum(image_counts(built.path)) == 5


def test_an_inspection_that_is_not_a_reinspection_has_no_report(
        context: AppContext, tmp_path: Path) -> None:
    made = approved_inspection(context)
    with pytest.raises(SupervisionError, match="not a re-inspection"):
        office_printing.write_reinspection_pdf(context, made.inspection_id, tmp_path / "x.pdf")
    with pytest.raises(InspectionError, match="no such inspection"):
        office_printing.write_reinspection_pdf(context, "no-such-one", tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()
