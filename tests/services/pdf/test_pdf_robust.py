"""A report and a checklist always print, whatever is stored: missing or damaged photo
files, names and notes of any length."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import photo_samples as samples
import pytest
from pdf_helpers import all_text, font_problems, ink_ratio, page_texts, render_pages, squeeze
from PIL import Image
from pypdf import PdfReader
from sqlmodel import select

from inspector.domain.tiers import Tier
from inspector.services import inspections
from inspector.services.context import AppContext
from inspector.services.pdf.blank_checklist import Sheet, write_checklists
from inspector.services.pdf.common import BuiltPdf
from inspector.services.pdf.images import MISSING_FILE, UNREADABLE, PrintImageCache
from inspector.services.pdf.line_breaking import CLOSING_PUNCTUATION
from inspector.services.pdf.report import write_report
from inspector.services.pdf.sources import report_data, site_info
from inspector.services.pdf.text import CHUNK_CHARS, FIELD_CHARS, text_chunks
from inspector.services.photo_import import add_photos
from inspector.services.templates import shipped_templates
from inspector.storage.models import Inspection, Photo, Response, Site

TEMPLATE = shipped_templates()[0]


def _report(context: AppContext, inspection_id: str, target: Path) -> Path:
    return _built(context, inspection_id, target).path


def _built(context: AppContext, inspection_id: str, target: Path) -> BuiltPdf:
    with context.db.session() as session:
        data = report_data(session, inspection_id)
    return write_report(target, data, PrintImageCache.for_paths(context.paths))


def _images(pdf: Path) -> int:
    return sum(len(page.images) for page in PdfReader(pdf).pages)


# --------------------------------------------------------------------------- photo files


@pytest.fixture
def damaged_visit(context: AppContext, tmp_path: Path) -> samples.Visit:
    """A visit with three photos: one whole, one whose file is now damaged, one whose
    file is gone."""
    visit = samples.start_visit(context)
    folder = tmp_path / "camera"
    folder.mkdir()
    files = [samples.jpeg(folder / "门口.jpg", (320, 240)),
             samples.png(folder / "教室.png", (200, 150), seed=3),
             samples.jpeg(folder / "活动室.jpg", (320, 240), seed=5)]
    with context.db.session() as session:
        added = add_photos(session, visit.store, visit.inspection_id, visit.criteria[0],
                           files).added
    assert len(added) == 3
    damaged = visit.store.find(added[1].sha256)
    lost = visit.store.find(added[2].sha256)
    assert damaged is not None and lost is not None
    damaged.write_bytes(samples.png_with_bad_pixel_data(tmp_path / "bad.png").read_bytes())
    lost.unlink()
    return visit


def test_missing_and_damaged_photo_files_print_as_labelled_boxes(
        damaged_visit: samples.Visit, tmp_path: Path) -> None:
    built = _built(damaged_visit.context, damaged_visit.inspection_id, tmp_path / "r.pdf")
    assert built.unprinted_photos == 2
    pdf = built.path
    text = all_text(pdf)
    assert squeeze(UNREADABLE) in text and "教室.png" in text
    assert squeeze(MISSING_FILE) in text and "活动室.jpg" in text
    assert _images(pdf) == 1  # the whole photo is there
    assert font_problems(pdf) == []
    page = next(number for number, page_text in enumerate(page_texts(pdf))
                if "活动室.jpg" in page_text)
    png = render_pages(pdf, tmp_path / "png", dpi=50)[page]
    assert ink_ratio(png) > 0.01


def test_the_command_line_report_exits_0_with_missing_and_damaged_photos(
        damaged_visit: samples.Visit, tmp_path: Path) -> None:
    env = {key: value for key, value in os.environ.items() if key != "INSPECTOR_DATA_DIR"}
    target = tmp_path / "报告.pdf"
    done = subprocess.run(
        [sys.executable, "-m", "inspector", "report", damaged_visit.inspection_id,
         "-o", str(target), "--data-dir", str(damaged_visit.context.paths.data_dir)],
        capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    text = all_text(target)
    assert squeeze(UNREADABLE) in text and squeeze(MISSING_FILE) in text


def test_a_damaged_print_copy_in_the_cache_is_made_again(damaged_visit: samples.Visit,
                                                         tmp_path: Path) -> None:
    context = damaged_visit.context
    _report(context, damaged_visit.inspection_id, tmp_path / "first.pdf")
    cached = list((context.paths.data_dir / "cache" / "print").rglob("*.jpg"))
    assert len(cached) == 1
    cached[0].write_bytes(b"\xff\xd8\xff\xe0 not a JPEG any more")
    second = _report(context, damaged_visit.inspection_id, tmp_path / "second.pdf")
    assert _images(second) == 1
    with Image.open(cached[0]) as remade:
        assert remade.size[0] > 100


def test_wide_greyscale_photos_print_grey_not_white(context: AppContext, tmp_path: Path) -> None:
    visit = samples.start_visit(context)
    ramps = [samples.grey_ramp(tmp_path / "16.png", 65535, (512, 64)),
             samples.grey_ramp(tmp_path / "10.png", 1023, (512, 64), significant_bits=10)]
    with context.db.session() as session:
        assert len(add_photos(session, visit.store, visit.inspection_id, visit.criteria[0],
                              ramps).added) == 2
    pdf = _report(context, visit.inspection_id, tmp_path / "grey.pdf")
    printed = [image.image for page in PdfReader(pdf).pages for image in page.images]
    assert len(printed) == 2
    for image in printed:
        assert image is not None
        grey = image.convert("L")
        width, height = grey.size
        middle = grey.getpixel((width // 2, height // 2))
        assert isinstance(middle, int) and 110 <= middle <= 145, middle
        dark = grey.getpixel((width // 10, height // 2))
        assert isinstance(dark, int) and dark < 50


# --------------------------------------------------------------------------- stored text


def _store_text(context: AppContext, inspection_id: str, *, site: dict[str, str],
                inspection: dict[str, str], notes: dict[str, str], caption: str = "") -> None:
    """Write text straight into the rows, past any check at entry: printing must cope
    with whatever is stored."""
    with context.db.transaction() as session:
        row = session.get(Inspection, inspection_id)
        assert row is not None
        for field, value in inspection.items():
            setattr(row, field, value)
        site_row = session.get(Site, row.site_id)
        assert site_row is not None
        for field, value in site.items():
            setattr(site_row, field, value)
        state = inspections.load_state(session, inspection_id)
        partly = next(o for o in state.template.rating_scale if o.note_required)
        for criterion_id in notes:
            inspections.set_rating(session, inspection_id, criterion_id, partly.id)
        session.flush()
        for response in session.exec(select(Response).where(
                Response.inspection_id == inspection_id)).all():
            if response.criterion_id in notes:
                response.note = notes[response.criterion_id]
        for photo in session.exec(select(Photo).where(
                Photo.inspection_id == inspection_id)).all():
            photo.caption = caption


def test_huge_names_and_a_megabyte_note_print_in_seconds(context: AppContext,
                                                         tmp_path: Path) -> None:
    visit = samples.start_visit(context)
    with context.db.session() as session:
        add_photos(session, visit.store, visit.inspection_id, visit.criteria[1],
                   [samples.jpeg(tmp_path / "p.jpg")])
    sentence = "屋顶漏水，墙面有裂缝，需要在雨季前维修。"
    megabyte = sentence * (1_000_000 // len(sentence.encode("utf-8")))
    name = "青溪县城关街道东门社区教学点" * 200  # 2,800 characters
    _store_text(
        context, visit.inspection_id,
        site={"name": name, "address": "解放路" * 30_000, "code": "3" * 5_000},
        inspection={"inspectors": "王芳、" * 20_000, "site_staff": "刘文斌" * 10_000,
                    "general_note": "总体情况良好。" * 20_000},
        notes={visit.criteria[0]: megabyte, visit.criteria[2]: "检查\n" * 100_000},
        caption="照片说明" * 50_000,
    )
    started = time.monotonic()
    pdf = _report(context, visit.inspection_id, tmp_path / "huge.pdf")
    took = time.monotonic() - started
    assert took < 60, f"{took:.0f} s"  # about 5 s on a 2-core laptop; 20 minutes before
    reader = PdfReader(pdf)
    assert len(reader.pages) > 100
    first = squeeze(reader.pages[0].extract_text())
    assert f"（共{len(name)}字）" in first and name[:FIELD_CHARS] in first
    assert "（共90000字）" in first  # the address, cut
    last = squeeze(reader.pages[-1].extract_text())
    assert "第四部分" in last and "盖章" in last
    header = squeeze(reader.pages[1].extract_text())
    assert "…" in header  # the site's name, cut to the header's width
    texts = "".join(squeeze(page.extract_text()) for page in reader.pages[-12:])
    assert "以下" in texts and "字未打印" in texts  # the 100,000-line note stops, saying so
    assert "全文见第二部分第1项" in texts  # the megabyte note, in the corrections list

    started = time.monotonic()
    with context.db.session() as session:
        site = session.get(Site, session.get(Inspection, visit.inspection_id).site_id)  # type: ignore[union-attr]
        assert site is not None
        sheets = [Sheet(Tier(site.tier), site_info(site))]
    built = write_checklists(tmp_path / "sheet.pdf", TEMPLATE, sheets)
    assert time.monotonic() - started < 20
    assert f"（共{len(name)}字）" in squeeze(page_texts(built.path)[0])


def test_a_long_note_is_printed_whole_and_in_order(context: AppContext, tmp_path: Path) -> None:
    visit = samples.start_visit(context)
    sentences = [f"第{i}句：墙面有裂缝，需要维修。" for i in range(3_000)]
    note = "".join(sentences[:1_500]) + "\n\n" + "".join(sentences[1_500:])
    _store_text(context, visit.inspection_id, site={}, inspection={},
                notes={visit.criteria[0]: note})
    pdf = _report(context, visit.inspection_id, tmp_path / "long.pdf")
    text = all_text(pdf)
    positions = [text.find(sentence) for sentence in sentences]
    missing = [i for i, position in enumerate(positions) if position < 0]
    pages = len(PdfReader(pdf).pages)
    assert len(missing) < pages  # a page's header and footer may cut one sentence
    found = [position for position in positions if position >= 0]
    assert found == sorted(found)


@pytest.mark.parametrize("length", [2_000, 20_000])
def test_a_checklist_for_a_site_with_a_very_long_name_prints(tmp_path: Path,
                                                             length: int) -> None:
    name = ("东门社区教学点" * length)[:length]
    site = site_info(Site(name=name, code="330799001001", tier="village", address=name))
    built = write_checklists(tmp_path / "c.pdf", TEMPLATE, [Sheet(Tier.VILLAGE, site)])
    pages = [squeeze(text) for text in page_texts(built.path)]
    assert f"（共{length}字）" in pages[0]
    assert all("…" in page for page in pages[1:])  # the header line, cut to fit
    for image in render_pages(built.path, tmp_path / "png", dpi=20):
        assert ink_ratio(image) > 0.005


# --------------------------------------------------------------------------- chunks


def test_text_chunks_keep_every_character_and_break_at_sensible_places() -> None:
    prose = "屋顶漏水，墙面有裂缝，需要在雨季前维修。" * 300
    chunks = text_chunks(prose)
    assert "".join(chunks) == prose
    assert all(len(chunk) <= CHUNK_CHARS for chunk in chunks)
    assert all(chunk.endswith("。") for chunk in chunks)
    unbroken = "墙" * 2_500 + "，" * 30
    chunks = text_chunks(unbroken)
    assert "".join(chunks) == unbroken
    assert not any(chunk[0] in CLOSING_PUNCTUATION for chunk in chunks)
    lines = "\n".join(f"第{i}行" for i in range(200))
    chunks = text_chunks(lines)
    assert "\n".join(chunks) == lines
    assert all(chunk.count("\n") < 40 for chunk in chunks)
    assert text_chunks("甲\n\n\n\n\n\n乙\r\n丙") == ["甲\n\n乙\n丙"]
    assert text_chunks("\n" * 100_000 + " " * 1_000) == []
