"""The inspection report: contents, photos at print size, stress cases, cache, fonts."""

from __future__ import annotations

import dataclasses
import gc
import platform
import uuid
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
from PIL import Image
from pypdf import PdfReader

from inspector.domain.scoring import summarize
from inspector.domain.tiers import Tier
from inspector.services import inspections, photo_image
from inspector.services.context import AppContext
from inspector.services.control import Cancelled, NullControl
from inspector.services.demo_inspections import VISITS, demo_id
from inspector.services.pdf import images as print_images
from inspector.services.pdf.common import (
    CONTENT_WIDTH,
    FULL_COLLECTIONS_DEFERRED,
    full_collections_deferred,
)
from inspector.services.pdf.fonts import MISSING_MARKER, default_fonts
from inspector.services.pdf.images import PrintImageCache, PrintRequest
from inspector.services.pdf.report import CORRECTION_NOTE_CHARS, _ReportBuilder, write_report
from inspector.services.pdf.report_labels import short_id
from inspector.services.pdf.report_photos import (
    PHOTO_BOX,
    PHOTO_MIN_SCALE,
    PhotoRow,
    photo_requests,
)
from inspector.services.pdf.sources import ReportData, report_data
from inspector.services.pdf.text import Styles
from inspector.services.photo_exif import SITE_TIMEZONE
from inspector.services.photo_import import add_photos
from inspector.services.photo_store import PhotoStore
from inspector.services.sites import site_id_for_code
from inspector.services.sync.identity import Role, load_identity, set_role
from inspector.storage.models import SyncDevice

SENTENCE = "屋顶漏水，墙面有裂缝，（需要在雨季前）维修。"
LONG = 200  # sentences: more than a page


def _report(context: AppContext, inspection_id: str, target: Path) -> tuple[Path, object]:
    with context.db.session() as session:
        data = report_data(session, inspection_id)
    built = write_report(target, data, PrintImageCache.for_paths(context.paths),
                         printed_on=date(2026, 6, 30))
    return built.path, data


def _cancelled() -> NullControl:
    control = NullControl()
    control.cancel()
    return control


def _image_sizes(pdf: Path) -> list[tuple[int, int]]:
    sizes = []
    for page in PdfReader(pdf).pages:
        for image in page.images:
            sizes.append(image.image.size)
    return sizes


def test_the_demo_report_holds_ratings_notes_photos_and_corrections(
        demo_context: AppContext, tmp_path: Path) -> None:
    visit = VISITS[0]
    inspection_id = demo_id(visit.site_code, visit.label)
    pdf, data = _report(demo_context, inspection_id, tmp_path / "report.pdf")
    text = all_text(pdf)
    template = data.template  # type: ignore[attr-defined]
    for criterion in template.criteria(data.tier):  # type: ignore[attr-defined]
        assert squeeze(criterion.text.zh) in text
        answer = data.answers[criterion.id]  # type: ignore[attr-defined]
        assert template.rating(answer.rating).label.zh in text
        if answer.note:
            assert squeeze(answer.note) in text
    for photo in data.photos:  # type: ignore[attr-defined]
        assert f"#{short_id(photo.id)}" in text
        assert squeeze(photo.caption) in text
    for heading in ("督导检查报告", "检查结果汇总", "逐项检查情况", "需要整改的问题", "盖章"):
        assert heading in text
    assert squeeze(visit.general_note) in text and visit.site_code in text
    # The report's parts are not numbered like the indicators (一、基础保障 …).
    assert [part for part in ("第一部分", "第二部分", "第三部分", "第四部分")
            if part in text] == ["第一部分", "第二部分", "第三部分", "第四部分"]
    assert "一、检查结果汇总" not in text and "一、基础保障" in text
    assert "序号" in "".join(page_texts(pdf)), "the 序号 header wraps"
    assert "85.8%" in text  # the overall score, computed by inspector.domain.scoring
    assert font_problems(pdf) == []
    assert len(_image_sizes(pdf)) == len(visit.photos)
    assert max(max(size) for size in _image_sizes(pdf)) < 600, "photos are not downscaled"
    for image in render_pages(pdf, tmp_path / "png"):
        assert ink_ratio(image) > 0.01


def _photo(path: Path, size: tuple[int, int], color: tuple[int, int, int],
           orientation: int | None = None) -> Path:
    image = Image.new("RGB", size, color)
    for x in range(0, size[0], 40):  # some structure, so that it is not a flat colour
        image.paste((255 - color[0], color[1], 200), (x, 0, x + 10, size[1]))
    exif = Image.Exif()
    if orientation:
        exif[0x0112] = orientation
    image.save(path, "JPEG", quality=80, exif=exif)
    return path


@pytest.fixture
def stress_visit(demo_context: AppContext, tmp_path: Path) -> tuple[AppContext, str]:
    """A village inspection with very long notes and 60 + 3 photos of awkward shapes."""
    context = demo_context
    long_note = SENTENCE * LONG
    with context.db.transaction() as session:
        inspection = inspections.start_inspection(
            session, site_id_for_code("330799001002"), date(2026, 7, 1),
            inspectors="王建国、\U00020000小明", site_staff="刘文斌")
        state = inspections.load_state(session, inspection.id)
        worst = min((o for o in state.template.rating_scale if o.counted),
                    key=lambda o: o.score or 0)
        for index, criterion in enumerate(state.criteria):
            inspections.set_rating(session, inspection.id, criterion.id, worst.id)
            inspections.set_note(session, inspection.id, criterion.id,
                                 long_note if index == 0 else "需要整改。")
        inspection_id = inspection.id
        first, second = state.criteria[0].id, state.criteria[1].id
    folder = tmp_path / "camera"
    folder.mkdir()
    many = [_photo(folder / f"p{i:02d}.jpg", (320, 240), (i * 4, 120, 255 - i * 4))
            for i in range(60)]
    odd = [
        _photo(folder / "panorama.jpg", (3000, 400), (30, 90, 160)),
        _photo(folder / "portrait.jpg", (300, 900), (160, 90, 30)),
        _photo(folder / "turned.jpg", (600, 300), (90, 160, 30), orientation=6),
    ]
    store = PhotoStore.for_paths(context.paths)
    with context.db.session() as session:
        assert len(add_photos(session, store, inspection_id, first, many).added) == 60
    with context.db.session() as session:
        assert len(add_photos(session, store, inspection_id, second, odd).added) == 3
    return context, inspection_id


def test_long_notes_sixty_photos_and_odd_shapes_neither_overflow_nor_vanish(
        stress_visit: tuple[AppContext, str], tmp_path: Path) -> None:
    context, inspection_id = stress_visit
    pdf, data = _report(context, inspection_id, tmp_path / "stress.pdf")
    text = all_text(pdf)
    for photo in data.photos:  # type: ignore[attr-defined]
        assert f"#{short_id(photo.id)}" in text
    # the note is printed whole under its criterion and spans pages (at most one sentence
    # per page is cut by the page's header and footer); the list of items to correct
    # shows its start and points there
    pages = len(PdfReader(pdf).pages)
    excerpt = CORRECTION_NOTE_CHARS // 2 // len(SENTENCE)
    assert LONG + excerpt - pages <= text.count(SENTENCE) <= LONG + excerpt
    assert f"（共{len(SENTENCE) * LONG}字，全文见第二部分第1项）" in text
    assert MISSING_MARKER + "小明" in text
    sizes = _image_sizes(pdf)
    assert len(sizes) == 63
    wide = max(sizes, key=lambda s: s[0] / s[1])
    tall = max(sizes, key=lambda s: s[1] / s[0])
    assert wide[0] / wide[1] > 7 and tall[1] / tall[0] > 2.9
    turned = [s for s in sizes if abs(s[1] / s[0] - 2) < 0.05]
    assert turned, "the EXIF-rotated photo is printed upright (portrait)"
    assert font_problems(pdf) == []
    pages = render_pages(pdf, tmp_path / "png", dpi=20)
    assert len(pages) == len(PdfReader(pdf).pages) > 5
    assert all(ink_ratio(page) > 0.005 for page in pages)


def test_a_second_report_decodes_no_photo_again(demo_context: AppContext, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    visit = VISITS[1]
    inspection_id = demo_id(visit.site_code, visit.label)
    calls: list[Path] = []
    real_render = photo_image.render

    def counting_render(path: Path, *args: object, **kwargs: object) -> Image.Image:
        calls.append(path)
        return real_render(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(photo_image, "render", counting_render)
    first, _ = _report(demo_context, inspection_id, tmp_path / "one.pdf")
    assert len(calls) == len(visit.photos)
    second, _ = _report(demo_context, inspection_id, tmp_path / "two.pdf")
    assert len(calls) == len(visit.photos), "the second report used the print cache"
    assert all_text(first) == all_text(second)


def test_a_missing_photo_file_is_shown_as_missing_not_fatal(demo_context: AppContext,
                                                            tmp_path: Path) -> None:
    visit = VISITS[0]
    inspection_id = demo_id(visit.site_code, visit.label)
    with demo_context.db.session() as session:
        data = report_data(session, inspection_id)
    store = PhotoStore.for_paths(demo_context.paths)
    lost = store.find(data.photos[0].sha256)
    assert lost is not None
    lost.unlink()
    built = write_report(tmp_path / "r.pdf", data, PrintImageCache.for_paths(demo_context.paths))
    assert "照片文件缺失" in all_text(built.path)
    assert len(_image_sizes(built.path)) == len(visit.photos) - 1


def test_cancel_while_preparing_photos(demo_context: AppContext, tmp_path: Path) -> None:
    visit = VISITS[0]
    with demo_context.db.session() as session:
        data = report_data(session, demo_id(visit.site_code, visit.label))
    seen: list[int] = []

    def cancel_after_two(done: int, _total: int, _what: str) -> None:
        seen.append(done)
        if len(seen) >= 2:
            control.cancel()

    control = NullControl(cancel_after_two)
    with pytest.raises(Cancelled):
        write_report(tmp_path / "r.pdf", data, PrintImageCache.for_paths(demo_context.paths),
                     control=control)
    assert not (tmp_path / "r.pdf").exists()


def test_print_size_follows_the_printed_box() -> None:
    box = (150.0, 113.0)  # points
    landscape = print_images.long_side_pixels(4000, 3000, *box)
    assert landscape == round(150 / 72 * 200)
    portrait = print_images.long_side_pixels(3000, 4000, *box)
    assert portrait == round(113 / 72 * 200)
    request = PrintRequest("k", "ab" * 32, landscape, 90)
    cache = PrintImageCache(PhotoStore(Path("/x"), Path("/y")), Path("/cache"))
    assert cache.path_for(request).name.startswith("ab" * 32 + f"-{landscape}-r90")


def test_a_draft_report_says_it_is_not_final(demo_context: AppContext, tmp_path: Path) -> None:
    with demo_context.db.transaction() as session:
        inspection = inspections.start_inspection(
            session, site_id_for_code("330799001003"), date(2026, 7, 2))
        inspection_id = inspection.id
    pdf, data = _report(demo_context, inspection_id, tmp_path / "draft.pdf")
    text = all_text(pdf)
    assert "草稿" in text and "未评定" in text
    assert data.tier is Tier.VILLAGE  # type: ignore[attr-defined]


# ----------------------------------------------------------------- conclusion, issuer


def _demo_report(context: AppContext, tmp_path: Path, name: str = "r.pdf",
                 visit_index: int = 0) -> tuple[Path, ReportData]:
    visit = VISITS[visit_index]
    with context.db.session() as session:
        data = report_data(session, demo_id(visit.site_code, visit.label), context.paths)
    built = write_report(tmp_path / name, data, PrintImageCache.for_paths(context.paths),
                         printed_on=date(2026, 6, 30))
    return built.path, data


def test_the_first_page_gives_the_overall_result_and_the_general_comment(
        demo_context: AppContext, tmp_path: Path) -> None:
    pdf, data = _demo_report(demo_context, tmp_path)
    first = squeeze(page_texts(pdf)[0])
    overall = summarize(data.template, data.tier, data.ratings()).overall
    counts = "、".join(f"{o.label.zh}{overall.counts.get(o.id, 0)}项"
                      for o in data.template.rating_scale)
    to_correct = sum(overall.counts.get(o.id, 0) for o in data.template.rating_scale
                     if o.note_required)
    assert "检查结论" in first and "总体结论" in first
    assert f"得分率{overall.percent}。共检查{overall.total}项：{counts}。" in first
    assert f"需要整改{to_correct}项（见第三部分）" in first and to_correct > 0
    assert "综合意见" in first and squeeze(data.general_note) in first
    # the conclusion comes before the summary table and the details
    assert first.index("总体结论") < first.index("综合意见") < first.index("第一部分")


def test_a_draft_says_its_conclusion_is_provisional_and_its_comment_missing(
        demo_context: AppContext, tmp_path: Path) -> None:
    with demo_context.db.transaction() as session:
        inspection = inspections.start_inspection(
            session, site_id_for_code("330799001003"), date(2026, 7, 2))
        state = inspections.load_state(session, inspection.id)
        inspections.set_rating(session, inspection.id, state.criteria[0].id, "meets")
        inspection_id = inspection.id
    pdf, _data = _report(demo_context, inspection_id, tmp_path / "draft.pdf")
    first = squeeze(page_texts(pdf)[0])
    assert "得分率100.0%" in first and f"未评定{len(state.criteria) - 1}项" in first
    assert "没有需要整改的项目" in first and "检查尚未完成，结论仅供参考" in first
    assert "综合意见（未填写）" in first
    last = squeeze(page_texts(pdf)[-1])
    assert "第三部分需要整改的问题无。" in last and "第四部分签字" in last
    assert "日期：年月日" in last  # a draft's report is not dated: the date is left to write


def _issuer_lines(pdf: Path) -> tuple[str, str]:
    texts = [squeeze(text) for text in page_texts(pdf)]
    return texts[0], texts[-1]


def test_an_office_names_itself_as_the_issuing_body_with_the_completion_date(
        demo_context: AppContext, tmp_path: Path) -> None:
    set_role(demo_context.paths, Role.OFFICE, name="青溪县教育局督导室")
    pdf, data = _demo_report(demo_context, tmp_path)
    first, last = _issuer_lines(pdf)
    assert data.issuer == "青溪县教育局督导室"
    assert "检查单位青溪县教育局督导室" in first  # the cover's table
    assert data.completed_at is not None
    day = data.completed_at.astimezone(SITE_TIMEZONE).date()
    assert f"检查单位：青溪县教育局督导室日期：{day.year}年{day.month}月{day.day}日" in last
    assert "检查人员（签名）" in last and "站点负责人（签名）" in last and "盖章" in last


def test_a_field_laptop_names_the_office_it_works_for(demo_context: AppContext,
                                                      tmp_path: Path) -> None:
    set_role(demo_context.paths, Role.FIELD, name="张明的笔记本")
    pdf, data = _demo_report(demo_context, tmp_path, "before.pdf")
    assert data.issuer == "", "the laptop's own name is not the issuing body"
    with demo_context.db.transaction() as session:  # the office pinned by an assignment bundle
        session.add(SyncDevice(id=str(uuid.uuid4()), role="office", name="青溪县督导办公室",
                               public_key="ab" * 32))
    pdf, data = _demo_report(demo_context, tmp_path, "after.pdf")
    assert data.issuer == "青溪县督导办公室"
    assert "检查单位：青溪县督导办公室" in _issuer_lines(pdf)[1]


def test_without_a_chosen_name_the_issuing_body_is_a_line_to_fill_in(
        demo_context: AppContext, tmp_path: Path) -> None:
    pdf, data = _demo_report(demo_context, tmp_path, "no-role.pdf")
    assert data.issuer == ""
    first, last = _issuer_lines(pdf)
    assert "检查单位" in first and "检查单位：日期：" in last
    set_role(demo_context.paths, Role.OFFICE)  # keeps the computer's own name
    me = load_identity(demo_context.paths)
    assert me is not None and me.name == (platform.node() or "inspector")
    assert _demo_report(demo_context, tmp_path, "office.pdf")[1].issuer == ""


def test_every_footer_names_the_guideline(demo_context: AppContext, tmp_path: Path) -> None:
    pdf, data = _demo_report(demo_context, tmp_path)
    for page in page_texts(pdf):
        page = squeeze(page)
        assert f"《{squeeze(data.template.title.zh)}》（模板版本{data.template.version}）" in page
        assert data.template.key not in page


# ----------------------------------------------------------------------------- layout


@pytest.mark.parametrize("visit_index", range(len(VISITS)))
@pytest.mark.parametrize("comment_repeats", [0, 1, 6])
def test_no_page_of_a_demo_report_ends_in_a_large_gap(
        demo_context: AppContext, tmp_path: Path, visit_index: int,
        comment_repeats: int) -> None:
    """Pages are used to (nearly) the bottom, whatever the length of the general comment
    (which moves everything after it), and the signatures never stand alone."""
    visit = VISITS[visit_index]
    with demo_context.db.session() as session:
        data = report_data(session, demo_id(visit.site_code, visit.label))
    data = dataclasses.replace(data, general_note=visit.general_note * comment_repeats)
    built = write_report(tmp_path / "r.pdf", data, PrintImageCache.for_paths(demo_context.paths))
    pages = render_pages(built.path, tmp_path / "png", dpi=30)
    filled = [round(body_filled(page), 2) for page in pages]
    assert all(share >= 0.8 for share in filled[:-1]), filled
    last = squeeze(page_texts(built.path)[-1])
    # with part three's heading or its last rows under the repeated header
    assert "第四部分签字" in last and ("第三部分" in last or "序号检查内容评定情况说明" in last)


def test_a_row_of_photos_shrinks_to_the_space_left_but_not_below_its_minimum(
        demo_context: AppContext) -> None:
    visit = VISITS[0]
    with demo_context.db.session() as session:
        data = report_data(session, demo_id(visit.site_code, visit.label))
    requests = photo_requests(data)
    images = PrintImageCache.for_paths(demo_context.paths).prepare(requests)
    builder = _ReportBuilder(data, images, Styles(default_fonts()), default_fonts())
    row = builder.photos.rows(list(data.photos[:3]))[0]
    assert isinstance(row, PhotoRow)
    width = CONTENT_WIDTH
    natural = row.wrap(width, 10_000)[1]
    smallest = row.min_height(width)
    assert smallest < natural - (1 - PHOTO_MIN_SCALE) * PHOTO_BOX[1] * 0.9
    middle = (natural + smallest) / 2
    assert smallest <= row.wrap(width, middle)[1] <= middle
    assert row.table is not row.natural
    assert row.wrap(width, smallest - 5)[1] == natural, "too little room: it moves as it is"
    assert row.split(width, smallest - 5) == []


def test_full_collections_are_deferred_while_a_report_is_made_and_restored_after(
        demo_context: AppContext, tmp_path: Path) -> None:
    visit = VISITS[0]
    with demo_context.db.session() as session:
        data = report_data(session, demo_id(visit.site_code, visit.label))
    images = PrintImageCache.for_paths(demo_context.paths)
    before = gc.get_threshold()
    during: list[tuple[int, int, int]] = []
    progress = NullControl(lambda done, total, what: during.append(gc.get_threshold()))
    write_report(tmp_path / "r.pdf", data, images, control=progress)
    assert gc.get_threshold() == before
    assert during and all(t == (*before[:2], before[2] * FULL_COLLECTIONS_DEFERRED)
                          for t in during)

    with pytest.raises(Cancelled):  # a cancelled report restores them too
        write_report(tmp_path / "c.pdf", data, images, control=_cancelled())
    assert gc.get_threshold() == before

    with full_collections_deferred():  # a report made while another one is
        write_report(tmp_path / "s.pdf", data, images)
        assert gc.get_threshold()[2] == before[2] * FULL_COLLECTIONS_DEFERRED
    assert gc.get_threshold() == before

    gc.set_threshold(*before[:2], 0)  # full collections turned off: left so
    try:
        write_report(tmp_path / "t.pdf", data, images, control=progress)
        assert during[-1][2] == 0 and gc.get_threshold()[2] == 0
    finally:
        gc.set_threshold(*before)
