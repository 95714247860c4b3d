#!/usr/bin/env python3
"""Reports of 10, 40 and 100 photos of 12 MP, against floors measured in the same run.

    .venv/bin/python benchmarks/report.py [--sizes 10,40,100] [--runs 5] [--dir DIR]

Makes as many distinct 4000 × 3000 JPEGs as the largest size (noisy like camera
photos, some with EXIF orientation 6) and, for each size, a completed village
inspection as an inspector writes it: every criterion rated, a note on about
one in three (longer where a rating needs one), a general comment, captions on
some photos, and the first N photos spread over the criteria. Every photo is
read once so every case starts from the page cache; then each case runs in a
fresh subprocess (so peak memory and imports are the case's own), all cases of
all sizes interleaved in each round:

- floor: downscale   Pillow decode (draft) + resize of the same photos to the
                     report's pixel size, on a pool of threads (all cores); no saving
- floor: assembly    ReportLab placing the report's already-small JPEGs by file
                     name, 6 to a page, nothing else
- floor: text        the report's own paragraphs and tables (the same markup, styles,
                     column widths and table commands, each photo an empty box of its
                     printed size) with the same page header (title, QR code) and
                     footer (page N of M), laid out by plain ReportLab with the same
                     two fonts registered: ReportLab's own CJK line breaking, no
                     program code. The content is taken from the report in this
                     process, outside every timing.
- report, cold       ``write_report`` with an empty print cache
- report, cached     ``write_report`` again (the print cache is full)
- report, text       the same report without its photos, and its own text floor
                     (the cost of the report's text on its own, for finding where the
                     time goes)

Goals (issue 16), at every size: cold ≤ 1.2 × (downscale + assembly + text);
cached ≤ 1.2 × (assembly + text); memory flat as N grows; file under 20 MB.
Seconds are the best of the rounds; the paired ratios (each round's report over
the same round's floors) show how much a busy machine moved them, and CPU seconds
(of all threads) are what a busy machine moves least.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

WIDTH, HEIGHT = 4000, 3000
SITES = ("330799001002", "330799001003", "330799001004")

#: Sentences an inspector writes; notes and the general comment are made of them.
SENTENCES = (
    "现场查看了活动场所和相关台账，制度上墙，记录基本齐全。",
    "本年度共开展各类学习活动十二次，参与居民约三百人次，覆盖老年人、新市民和青少年等群体。",
    "经费使用有明细账目，但部分票据未按月装订归档，建议指定专人负责。",
    "志愿者名册已建立，服务记录不够完整，缺少2026年第三季度的签到表。",
    "图书借阅角藏书约800册，近一年新增不足50册，更新较慢，借阅登记不规范。",
    "负责人介绍了“学习型家庭”评选和“百姓课堂”等特色项目，群众反映较好。",
    "网上学习平台账号开通率较低（约35%），需加强宣传和操作培训。",
    "安全管理制度健全，消防器材在有效期内；应急疏散演练记录只有一次。",
    "建议对照《指引》逐项完善，于一个月内报送整改情况，县社区学院将适时回访。",
)


def peak_rss_mb() -> float:
    """This process's peak resident memory (Linux VmHWM; NaN elsewhere).

    Not ``ru_maxrss``: Linux carries that over from the parent across fork and exec.
    """
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return float("nan")
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


# --------------------------------------------------------------------------- set-up


def make_photos(folder: Path, count: int) -> list[Path]:
    from PIL import Image, ImageChops, ImageDraw

    base = Image.merge("RGB", [
        ImageChops.add(Image.linear_gradient("L").resize((WIDTH, HEIGHT)).rotate(angle),
                       Image.effect_noise((WIDTH, HEIGHT), 28), scale=2)
        for angle in (0, 90, 180)
    ])
    paths = []
    for i in range(count):
        image = base.copy()
        draw = ImageDraw.Draw(image)
        draw.rectangle([200 + i * 30, 300, 900 + i * 30, 1500], fill=(i * 2, 120, 255 - i * 2))
        exif = Image.Exif()
        exif[0x9003] = "2026:11:28 10:00:00"
        if i % 7 == 3:
            exif[0x0112] = 6  # shot holding the camera upright
        path = folder / f"IMG_{i:04d}.jpg"
        image.save(path, "JPEG", quality=90, exif=exif)
        paths.append(path)
    return paths


def note_text(index: int, sentences: int) -> str:
    return "".join(SENTENCES[(index + k) % len(SENTENCES)] for k in range(sentences))


def set_up(root: Path, sizes: list[int]) -> tuple[Path, dict[int, str]]:
    """A data directory with one completed inspection per size, holding that many photos."""
    from inspector.app_paths import AppPaths
    from inspector.services import inspections, photos
    from inspector.services.context import open_context
    from inspector.services.demo import load_demo
    from inspector.services.photo_import import add_photos
    from inspector.services.photo_store import PhotoStore
    from inspector.services.sites import site_id_for_code

    data = root / "data"
    camera = root / "camera"
    camera.mkdir(parents=True)
    count = max(sizes)
    print(f"making {count} photos of {WIDTH}×{HEIGHT} …", flush=True)
    made = make_photos(camera, count)
    size = sum(p.stat().st_size for p in made) / count / 2**20
    print(f"  {size:.1f} MB each; importing …", flush=True)
    context = open_context(AppPaths.resolve(data))
    load_demo(context)
    store = PhotoStore.for_paths(context.paths)
    ids: dict[int, str] = {}
    for code, n in zip(SITES, sorted(sizes, reverse=True), strict=False):
        with context.db.transaction() as session:
            inspection = inspections.start_inspection(session, site_id_for_code(code),
                                                      date(2026, 11, 28),
                                                      inspectors="王建国、李秀英")
            inspections.update_details(session, inspection.id, site_staff="刘文斌（站点负责人）",
                                       general_note=note_text(0, 7) + "\n\n" + note_text(3, 5))
            state = inspections.load_state(session, inspection.id)
            scale = state.template.rating_scale
            for i, criterion in enumerate(state.criteria):
                option = scale[1] if i % 5 == 2 else scale[2] if i % 7 == 4 else scale[0]
                inspections.set_rating(session, inspection.id, criterion.id, option.id)
                if inspections.needs_note(option):
                    inspections.set_note(session, inspection.id, criterion.id, note_text(i, 3))
                elif i % 3 == 0:
                    inspections.set_note(session, inspection.id, criterion.id, note_text(i, 1))
            criteria = [c.id for c in state.criteria]
            ids[n] = inspection.id
        per = max(1, n // len(criteria) + 1)
        for start in range(0, n, per):
            with context.db.session() as session:
                added = add_photos(session, store, ids[n], criteria[start // per % len(criteria)],
                                   made[start:start + per])
            with context.db.transaction() as session:
                for k, record in enumerate(added.added):
                    if (start + k) % 3 == 0:
                        photos.set_caption(session, record.id, f"现场照片 {start + k + 1}："
                                           + SENTENCES[(start + k) % len(SENTENCES)][:24])
        with context.db.transaction() as session:
            inspections.complete(session, ids[n], "王建国")
    context.close()
    return data, ids


# --------------------------------------------------------------------------- text floor


def _plain(value: Any) -> Any:
    """A table command's argument as JSON (colours as hex)."""
    from reportlab.lib import colors

    if isinstance(value, colors.Color):
        return {"color": value.hexval()}
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return value


def _style(style: Any) -> dict[str, Any]:
    return {"name": style.name, "fontName": style.fontName, "fontSize": style.fontSize,
            "leading": style.leading, "alignment": style.alignment,
            "textColor": style.textColor.hexval(), "spaceBefore": style.spaceBefore,
            "spaceAfter": style.spaceAfter, "keepWithNext": getattr(style, "keepWithNext", 0)}


def _describe(item: Any, styles: dict[str, Any]) -> Any:
    """One flowable of the report's story as plain data for the text floor."""
    from reportlab.platypus import CondPageBreak, Image, KeepTogether, Paragraph, Spacer, Table

    from inspector.services.pdf.blank_checklist import Seal
    from inspector.services.pdf.report_photos import PhotoRow, PrintedPhoto

    if isinstance(item, str):
        return item
    if isinstance(item, list):
        return [_describe(part, styles) for part in item]
    if isinstance(item, Paragraph):
        styles[item.style.name] = _style(item.style)
        return {"p": item.style.name, "text": item.text}
    if isinstance(item, Image | PrintedPhoto):  # a photo: an empty box of its printed size
        return {"space": [item.drawWidth, item.drawHeight]}
    if isinstance(item, Seal):
        return {"space": [item.diameter, item.diameter]}
    if isinstance(item, CondPageBreak):
        return {"cond": item.height}
    if isinstance(item, Spacer):
        return {"space": [item.width, item.height]}
    if isinstance(item, PhotoRow):
        return _describe(item.natural, styles)
    if isinstance(item, KeepTogether):
        return {"keep": [_describe(part, styles) for part in item._content]}
    if isinstance(item, Table):
        return {"rows": [[_describe(cell, styles) for cell in row] for row in item._cellvalues],
                "widths": item._argW, "heights": item._argH,
                "commands": [_plain(c) for c in item.bench_commands],
                "repeat": item.repeatRows, "split_in_row": item.splitInRow,
                "align": item.hAlign}
    return None  # a page's section marker: nothing to lay out


def text_floor_content(data: Path, inspection_id: str, with_photos: bool) -> dict[str, Any]:
    """The report's paragraphs, tables and page decorations as plain data."""
    import dataclasses

    from reportlab.platypus import tables

    from inspector import assets
    from inspector.services.pdf import common, text
    from inspector.services.pdf.fonts import default_fonts
    from inspector.services.pdf.images import PrintImageCache
    from inspector.services.pdf.report import _ReportBuilder
    from inspector.services.pdf.report_photos import photo_requests

    report = _report_data(data, inspection_id)
    if not with_photos:
        report = dataclasses.replace(report, photos=())
    cache = PrintImageCache(_store(data), data / "cache" / "print")
    prepared = cache.prepare(photo_requests(report))
    fonts = default_fonts()
    original = tables.Table._addCommand

    def recording(self: Any, command: Any) -> None:  # the table commands, as given
        self.__dict__.setdefault("bench_commands", []).append(tuple(command))
        original(self, command)

    tables.Table._addCommand = recording
    try:
        story = _ReportBuilder(report, prepared, text.Styles(fonts), fonts).story()
    finally:
        tables.Table._addCommand = original
    styles: dict[str, Any] = {}
    flowables = [d for d in (_describe(item, styles) for item in story) if d is not None]
    section = story[0].section
    info = common.DocumentInfo(title="", template_key=report.template.key,
                               template_version=report.template.version,
                               guideline=report.template.title.zh)
    return {"styles": styles, "story": flowables,
            "page": {"title": section.title, "subtitle": section.subtitle,
                     "qr": section.qr_payload, "footer": info.footer_source(),
                     "printed": f"打印日期 {date.today().isoformat()} · Inspector x.y.z"},
            "fonts": {"InspectorCJK": str(assets.cjk_font_path()),
                      "InspectorLatin": "Vera.ttf"}}


def case_text_floor(content: dict[str, Any], out: Path) -> dict[str, float]:
    """Plain ReportLab: the same content, fonts and page decorations, no program code."""
    import re

    from reportlab import rl_config
    from reportlab.graphics.barcode import qrencoder
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import (
        CondPageBreak,
        Frame,
        KeepTogether,
        PageTemplate,
        Paragraph,
        Spacer,
        Table,
        TableStyle,
    )
    from reportlab.platypus.doctemplate import BaseDocTemplate

    rl_config.useA85 = 0  # streams as they are, not ASCII85 in pure Python
    start = time.perf_counter()
    cpu = time.process_time()
    for name, path in content["fonts"].items():
        pdfmetrics.registerFont(TTFont(name, path))
    styles = {
        name: ParagraphStyle(name, fontName=s["fontName"], fontSize=s["fontSize"],
                             leading=s["leading"], alignment=s["alignment"],
                             textColor=colors.HexColor(s["textColor"]),
                             spaceBefore=s["spaceBefore"], spaceAfter=s["spaceAfter"],
                             keepWithNext=s["keepWithNext"], wordWrap="CJK")
        for name, s in content["styles"].items()
    }

    def value(v: Any) -> Any:
        if isinstance(v, dict):
            return colors.HexColor(v["color"])
        if isinstance(v, list):
            return tuple(value(x) for x in v)
        return v

    def flowable(d: Any) -> Any:
        if isinstance(d, str):
            return d
        if isinstance(d, list):
            return [flowable(x) for x in d]
        if "p" in d:
            return Paragraph(d["text"], styles[d["p"]])
        if "space" in d:
            return Spacer(*d["space"])
        if "cond" in d:
            return CondPageBreak(d["cond"])
        if "keep" in d:
            return KeepTogether([flowable(x) for x in d["keep"]])
        return Table([[flowable(c) for c in row] for row in d["rows"]],
                     colWidths=d["widths"], rowHeights=d["heights"],
                     style=TableStyle([value(c) for c in d["commands"]]),
                     repeatRows=d["repeat"], splitInRow=d["split_in_row"],
                     hAlign=d["align"])

    story = [flowable(d) for d in content["story"]]
    page = content["page"]
    latin = re.compile(r"[\x20-\x7e]+")
    width, height = A4

    def draw_text(canvas: Canvas, x: float, y: float, text: str, size: float,
                  anchor: str = "start") -> None:
        runs, last = [], 0
        for match in latin.finditer(text):
            runs += [("InspectorCJK", text[last:match.start()]),
                     ("InspectorLatin", match.group())]
            last = match.end()
        runs.append(("InspectorCJK", text[last:]))
        total = sum(pdfmetrics.stringWidth(t, f, size) for f, t in runs)
        x -= total if anchor == "end" else total / 2 if anchor == "middle" else 0
        for font, run in runs:
            canvas.setFont(font, size)
            canvas.drawString(x, y, run)
            x += pdfmetrics.stringWidth(run, font, size)

    class NumberedCanvas(Canvas):  # ReportLab's "page N of M" recipe
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self.pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            for number, state in enumerate(self.pages, start=1):
                self.__dict__.update(state)
                self.decorate(number, len(self.pages))
                Canvas.showPage(self)
            Canvas.save(self)

        def decorate(self, number: int, count: int) -> None:
            self.saveState()
            self.setFillColor(colors.HexColor("#424242"))
            draw_text(self, 16 * mm, height - 13 * mm, page["title"], 9)
            draw_text(self, 16 * mm, height - 18.5 * mm, page["subtitle"], 8)
            if not self.hasForm("qr"):  # made once, every page refers to it
                code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
                code.addData(page["qr"])
                code.make()
                box = 17 * mm / (code.getModuleCount() + 4)
                self.beginForm("qr")
                for r, row in enumerate(code.modules):
                    for c, dark in enumerate(row):
                        if dark:
                            self.rect((c + 2) * box, 17 * mm - (r + 3) * box, box, box,
                                      stroke=0, fill=1)
                self.endForm()
            self.saveState()
            self.translate(width - 33 * mm, height - 23 * mm)
            self.doForm("qr")
            self.restoreState()
            self.setStrokeColor(colors.HexColor("#9e9e9e"))
            self.setLineWidth(0.5)
            self.line(16 * mm, height - 24 * mm, width - 36 * mm, height - 24 * mm)
            self.line(16 * mm, 13 * mm, width - 16 * mm, 13 * mm)
            draw_text(self, 16 * mm, 8.5 * mm, page["footer"], 7.5)
            draw_text(self, width / 2, 8.5 * mm, f"第 {number} 页 / 共 {count} 页", 8.5, "middle")
            draw_text(self, width - 16 * mm, 8.5 * mm, page["printed"], 7.5, "end")
            self.restoreState()

    doc = BaseDocTemplate(str(out), pagesize=A4, initialFontName="InspectorCJK")
    doc.addPageTemplates([PageTemplate(frames=[Frame(
        16 * mm, 18 * mm, width - 32 * mm, height - 45 * mm,
        leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)])])
    doc.build(story, canvasmaker=NumberedCanvas)
    return {"seconds": time.perf_counter() - start, "cpu": time.process_time() - cpu,
            "bytes": out.stat().st_size, "pages": doc.page}


# --------------------------------------------------------------------------- cases


def case_downscale(data: Path, inspection_id: str) -> dict[str, float]:
    from concurrent.futures import ThreadPoolExecutor

    from PIL import Image

    from inspector.services.pdf.report_photos import photo_requests

    data_info, store = _report_data(data, inspection_id), _store(data)
    jobs = [(store.find(r.sha256), r.long_side) for r in photo_requests(data_info)]

    def downscale(job: tuple[Path | None, int]) -> tuple[int, int]:
        path, side = job
        assert path is not None
        with Image.open(path) as image:  # what any downscale must do: decode, resize
            image.draft("RGB", (side, side))
            image.load()
            scale = side / max(image.size)
            size = (round(image.width * scale), round(image.height * scale))
            return image.resize(size, Image.Resampling.BICUBIC, reducing_gap=2.0).size

    start = time.perf_counter()
    cpu = time.process_time()
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        list(pool.map(downscale, jobs))
    return {"seconds": time.perf_counter() - start, "cpu": time.process_time() - cpu}


def case_assembly(data: Path, inspection_id: str, out: Path) -> dict[str, float]:
    from reportlab import rl_config
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    from inspector.services.pdf.images import PrintImage, PrintImageCache
    from inspector.services.pdf.report_photos import photo_requests

    rl_config.useA85 = 0
    cache = PrintImageCache(_store(data), data / "cache" / "print")
    files = [cache.get(r) for r in photo_requests(_report_data(data, inspection_id))]
    start = time.perf_counter()
    cpu = time.process_time()
    canvas = Canvas(str(out), pagesize=A4)
    for i, image in enumerate(files):
        assert isinstance(image, PrintImage)
        if i and i % 6 == 0:
            canvas.showPage()
        x, y = 20 * mm + (i % 2) * 90 * mm, 220 * mm - (i % 6 // 2) * 80 * mm
        scale = min(80 * mm / image.width, 60 * mm / image.height)
        canvas.drawImage(str(image.path), x, y, image.width * scale, image.height * scale)
    canvas.save()
    return {"seconds": time.perf_counter() - start, "cpu": time.process_time() - cpu,
            "bytes": out.stat().st_size}


def case_report(data: Path, inspection_id: str, out: Path, cold: bool,
                text_only: bool = False) -> dict[str, float]:
    import dataclasses

    from inspector.services.pdf.images import PrintImageCache
    from inspector.services.pdf.report import write_report

    if cold:
        shutil.rmtree(data / "cache" / "print", ignore_errors=True)
    cache = PrintImageCache(_store(data), data / "cache" / "print")
    report = _report_data(data, inspection_id)
    if text_only:
        report = dataclasses.replace(report, photos=())
    start = time.perf_counter()
    cpu = time.process_time()
    built = write_report(out, report, cache)
    return {"seconds": time.perf_counter() - start, "cpu": time.process_time() - cpu,
            "bytes": out.stat().st_size, "pages": built.pages}


def _store(data: Path):  # type: ignore[no-untyped-def]
    from inspector.app_paths import AppPaths
    from inspector.services.photo_store import PhotoStore

    return PhotoStore.for_paths(AppPaths.resolve(data))


def _report_data(data: Path, inspection_id: str):  # type: ignore[no-untyped-def]
    from inspector.app_paths import AppPaths
    from inspector.services.context import open_context
    from inspector.services.pdf.sources import report_data

    paths = AppPaths.resolve(data)
    context = open_context(paths)
    with context.db.session() as session:
        result = report_data(session, inspection_id, paths)
    context.close()
    return result


def run_case(args: argparse.Namespace) -> None:
    data, out = Path(args.data), Path(args.out)
    if args.case.startswith("text-floor"):  # plain ReportLab only: nothing of the program
        import reportlab.platypus  # noqa: F401 - imports outside the timing

        content = json.loads(Path(args.inspection).read_text())
        base = peak_rss_mb()
        result = case_text_floor(content, out)
    else:
        import inspector.services.pdf.report  # noqa: F401 - imports outside the timing

        base = peak_rss_mb()
        if args.case == "downscale":
            result = case_downscale(data, args.inspection)
        elif args.case == "assembly":
            result = case_assembly(data, args.inspection, out)
        else:
            result = case_report(data, args.inspection, out, cold=args.case == "cold",
                                 text_only=args.case == "text")
    result["peak_mb"] = peak_rss_mb()
    result["base_mb"] = base
    print(json.dumps(result))


def subprocess_case(case: str, data: Path, inspection: str, out: Path) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, __file__, "--case", case, "--data", str(data), "--inspection",
         inspection, "--out", str(out)],
        check=True, capture_output=True, text=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


#: The cases of one size, in the order each round runs them; (name, what it is).
CASES = (
    ("cold", "report, cold"),
    ("cached", "report, cached"),
    ("downscale", "floor: downscale (Pillow, all cores)"),
    ("assembly", "floor: assembly (small JPEGs)"),
    ("text-floor", "floor: text (plain ReportLab)"),
    ("text", "report without photos"),
    ("text-floor-bare", "  its text floor"),
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,40,100",
                        help="photo counts, comma-separated (default 10,40,100)")
    parser.add_argument("--dir", help="work folder (default: a temporary one)")
    parser.add_argument("--runs", type=int, default=5, help="rounds of all cases")
    parser.add_argument("--case", help=argparse.SUPPRESS)
    parser.add_argument("--data", help=argparse.SUPPRESS)
    parser.add_argument("--inspection", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.case:
        run_case(args)
        return
    sizes = sorted({int(s) for s in args.sizes.split(",")})
    if len(sizes) > len(SITES):
        parser.error(f"at most {len(SITES)} sizes")
    root = Path(args.dir) if args.dir else Path(tempfile.mkdtemp(prefix="inspector-bench-"))
    saved = root / "inspections.json"
    data = root / "data"
    known = {int(k): v for k, v in json.loads(saved.read_text()).items()} if saved.exists() else {}
    if sorted(known) != sizes:  # a --dir from an earlier run with these sizes is reused
        shutil.rmtree(root / "data", ignore_errors=True)
        shutil.rmtree(root / "camera", ignore_errors=True)
        data, known = set_up(root, sizes)
        saved.write_text(json.dumps(known))
    out = root / "out"
    out.mkdir(exist_ok=True)
    floors = {}
    for n in sizes:  # the text floors' content, from the report itself
        for name, with_photos in (("text-floor", True), ("text-floor-bare", False)):
            floors[n, name] = out / f"{name}-{n}.json"
            floors[n, name].write_text(json.dumps(text_floor_content(data, known[n],
                                                                     with_photos)))
    for path in (data / "photos").rglob("*.jpg"):  # into the page cache
        path.read_bytes()
    print(f"measuring sizes {sizes} ({args.runs} rounds, best of each) …", flush=True)
    results: dict[tuple[int, str], list[dict[str, float]]] = {}
    for _ in range(args.runs):  # interleaved, so that a busy moment hits every case alike
        for n in sizes:
            for name, _label in CASES:
                target = str(floors[n, name]) if name.startswith("text-floor") else known[n]
                results.setdefault((n, name), []).append(
                    subprocess_case(name, data, target, out / f"{name}-{n}.pdf"))
    print_tables(sizes, results, args.runs)
    print(f"\ncores: {os.cpu_count()}; load average at the end: "
          f"{' '.join(f'{x:.1f}' for x in os.getloadavg())}; work folder {root}")
    if not args.dir:
        shutil.rmtree(root, ignore_errors=True)


def print_tables(sizes: list[int], results: dict[tuple[int, str], list[dict[str, float]]],
                 runs: int) -> None:
    def best(n: int, name: str, key: str = "seconds") -> dict[str, float]:
        return min(results[n, name], key=lambda r: r[key])

    def paired(n: int, name: str, floor: tuple[str, ...]) -> list[float]:
        return sorted(results[n, name][r]["seconds"]
                      / sum(results[n, f][r]["seconds"] for f in floor) for r in range(runs))

    def cpu_ratio(n: int, name: str, floor: tuple[str, ...]) -> float:
        return best(n, name, "cpu")["cpu"] / sum(best(n, f, "cpu")["cpu"] for f in floor)

    cold_floor = ("downscale", "assembly", "text-floor")
    cached_floor = ("assembly", "text-floor")
    summary = []
    for n in sizes:
        b = {name: best(n, name) for name, _ in CASES}
        floors = {"cold": sum(b[f]["seconds"] for f in cold_floor),
                  "cached": sum(b[f]["seconds"] for f in cached_floor),
                  "text": b["text-floor-bare"]["seconds"]}
        print(f"\n{n} photos ({b['cold']['pages']} pages; the text floor "
              f"{b['text-floor']['pages']} pages)")
        print(f"{'case':<40} {'s':>6} {'cpu s':>6} {'ratio':>15} {'peak MB':>8} {'file MB':>8}")
        for name, label in CASES:
            result = b[name]
            ratio = ""
            if name in floors:
                unit = "× its floor" if name == "text" else "× floor"
                ratio = f"{result['seconds'] / floors[name]:.2f}{unit}"
            size = f"{result['bytes'] / 2**20:.2f}" if "bytes" in result else ""
            print(f"{label:<40} {result['seconds']:>6.2f} {result['cpu']:>6.2f} {ratio:>15} "
                  f"{result['peak_mb']:>8.0f} {size:>8}")
        print(f"cold floor = downscale + assembly + text = {floors['cold']:.2f} s; "
              f"cached floor = assembly + text = {floors['cached']:.2f} s")
        cold, cached = paired(n, "cold", cold_floor), paired(n, "cached", cached_floor)
        print("per round, against the same round's floors: cold "
              + ", ".join(f"{r:.2f}×" for r in cold) + "; cached "
              + ", ".join(f"{r:.2f}×" for r in cached))
        summary.append((n, b["cold"]["seconds"] / floors["cold"], cold[len(cold) // 2],
                        cpu_ratio(n, "cold", cold_floor),
                        b["cached"]["seconds"] / floors["cached"], cached[len(cached) // 2],
                        cpu_ratio(n, "cached", cached_floor)))
    print("\nsummary, report / floor (goal ≤ 1.20× at every size): best seconds over best "
          "floors,\nmedian of the rounds' paired ratios, and CPU seconds (all threads) over "
          "the floors' CPU seconds")
    print(f"{'photos':>6} {'cold best':>10} {'median':>7} {'CPU':>6}   {'cached best':>11} "
          f"{'median':>7} {'CPU':>6}")
    for n, *ratios in summary:
        cells = [f"{r:.2f}×" for r in ratios]
        print(f"{n:>6} {cells[0]:>10} {cells[1]:>7} {cells[2]:>6}   {cells[3]:>11} "
              f"{cells[4]:>7} {cells[5]:>6}")


if __name__ == "__main__":
    main()
