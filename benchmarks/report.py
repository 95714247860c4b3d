#!/usr/bin/env python3
"""A report with 100 photos of 12 MP, against floors measured in the same run.

    .venv/bin/python benchmarks/report.py [--n 100] [--dir DIR]

Makes N distinct 4000 × 3000 JPEGs (noisy like camera photos, some with EXIF
orientation 6), imports them into a village inspection through the photo
service, reads them once so every case starts from the page cache, then runs
each case in a fresh subprocess (so peak memory is the case's own):

- floor: downscale   Pillow decode (draft) + resize of the same photos to the
                     report's pixel size, on a pool of threads (both cores); no saving
- floor: assembly    ReportLab placing the report's already-small JPEGs by file
                     name, 6 to a page, nothing else
- report, cold       ``write_report`` with an empty print cache
- report, cached     ``write_report`` again (the print cache is full)
- report, text       the same report without its photos: the time the Chinese text
                     and tables take to lay out, part of every report
- report, cold, N/2  the same inspection's first half of the photos, empty cache
                     (peak memory should not grow with the photo count)

Goals (issue 4): cold ≤ 1.2 × (downscale + assembly floors); cached near the
assembly floor; memory flat as N grows; file under 20 MB.
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

WIDTH, HEIGHT = 4000, 3000


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


def set_up(root: Path, count: int) -> tuple[Path, str, str]:
    """A data directory with two inspections: all N photos, and the first N/2 of them."""
    from inspector.app_paths import AppPaths
    from inspector.services import inspections
    from inspector.services.context import open_context
    from inspector.services.demo import load_demo
    from inspector.services.photo_import import add_photos
    from inspector.services.photo_store import PhotoStore
    from inspector.services.sites import site_id_for_code

    data = root / "data"
    camera = root / "camera"
    camera.mkdir(parents=True)
    print(f"making {count} photos of {WIDTH}×{HEIGHT} …", flush=True)
    photos = make_photos(camera, count)
    size = sum(p.stat().st_size for p in photos) / count / 2**20
    print(f"  {size:.1f} MB each; importing …", flush=True)
    context = open_context(AppPaths.resolve(data))
    load_demo(context)
    store = PhotoStore.for_paths(context.paths)
    ids = []
    for code, chosen in (("330799001002", photos), ("330799001003", photos[: count // 2])):
        with context.db.transaction() as session:
            inspection = inspections.start_inspection(session, site_id_for_code(code),
                                                      date(2026, 11, 28), inspectors="王建国")
            state = inspections.load_state(session, inspection.id)
            for criterion in state.criteria:
                inspections.set_rating(session, inspection.id, criterion.id,
                                       state.template.rating_scale[0].id)
            criteria = [c.id for c in state.criteria]
            ids.append(inspection.id)
        per = max(1, len(chosen) // len(criteria) + 1)
        for start in range(0, len(chosen), per):
            with context.db.session() as session:
                add_photos(session, store, ids[-1], criteria[start // per % len(criteria)],
                           chosen[start:start + per])
    context.close()
    return data, ids[0], ids[1]


# --------------------------------------------------------------------------- cases


def case_downscale(data: Path, inspection_id: str) -> dict[str, float]:
    from concurrent.futures import ThreadPoolExecutor

    from PIL import Image

    from inspector.services.pdf.report import photo_requests

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
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        list(pool.map(downscale, jobs))
    return {"seconds": time.perf_counter() - start}


def case_assembly(data: Path, inspection_id: str, out: Path) -> dict[str, float]:
    from reportlab import rl_config
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    from inspector.services.pdf.images import PrintImage, PrintImageCache
    from inspector.services.pdf.report import photo_requests

    rl_config.useA85 = 0
    cache = PrintImageCache(_store(data), data / "cache" / "print")
    files = [cache.get(r) for r in photo_requests(_report_data(data, inspection_id))]
    start = time.perf_counter()
    canvas = Canvas(str(out), pagesize=A4)
    for i, image in enumerate(files):
        assert isinstance(image, PrintImage)
        if i and i % 6 == 0:
            canvas.showPage()
        x, y = 20 * mm + (i % 2) * 90 * mm, 220 * mm - (i % 6 // 2) * 80 * mm
        scale = min(80 * mm / image.width, 60 * mm / image.height)
        canvas.drawImage(str(image.path), x, y, image.width * scale, image.height * scale)
    canvas.save()
    return {"seconds": time.perf_counter() - start, "bytes": out.stat().st_size}


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
    built = write_report(out, report, cache)
    return {"seconds": time.perf_counter() - start, "bytes": out.stat().st_size,
            "pages": built.pages}


def _store(data: Path):  # type: ignore[no-untyped-def]
    from inspector.app_paths import AppPaths
    from inspector.services.photo_store import PhotoStore

    return PhotoStore.for_paths(AppPaths.resolve(data))


def _report_data(data: Path, inspection_id: str):  # type: ignore[no-untyped-def]
    from inspector.app_paths import AppPaths
    from inspector.services.context import open_context
    from inspector.services.pdf.sources import report_data

    context = open_context(AppPaths.resolve(data))
    with context.db.session() as session:
        result = report_data(session, inspection_id)
    context.close()
    return result


def run_case(args: argparse.Namespace) -> None:
    data, out = Path(args.data), Path(args.out)
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100)
    parser.add_argument("--dir", help="work folder (default: a temporary one)")
    parser.add_argument("--runs", type=int, default=2, help="rounds of all cases")
    parser.add_argument("--case", help=argparse.SUPPRESS)
    parser.add_argument("--data", help=argparse.SUPPRESS)
    parser.add_argument("--inspection", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.case:
        run_case(args)
        return
    root = Path(args.dir) if args.dir else Path(tempfile.mkdtemp(prefix="inspector-bench-"))
    saved = root / "inspections.json"
    if saved.exists():  # a --dir from an earlier run: its photos are reused
        data, (full, half) = root / "data", json.loads(saved.read_text())
    else:
        data, full, half = set_up(root, args.n)
        saved.write_text(json.dumps([full, half]))
    for path in (data / "photos").rglob("*.jpg"):  # into the page cache
        path.read_bytes()
    out = root / "out"
    out.mkdir(exist_ok=True)
    print(f"measuring ({args.runs} rounds, best of each) …", flush=True)
    results: dict[str, list[dict[str, float]]] = {}
    for _ in range(args.runs):  # interleaved, so that a busy moment hits every case alike
        for name, inspection in (("cold", full), ("cached", full), ("downscale", full),
                                 ("assembly", full), ("text", full), ("cold-half", half)):
            case = "cold" if name == "cold-half" else name
            results.setdefault(name, []).append(
                subprocess_case(case, data, inspection, out / f"{name}.pdf"))

    def best(name: str) -> dict[str, float]:
        return min(results[name], key=lambda r: r["seconds"])

    cold, cached, downscale = best("cold"), best("cached"), best("downscale")
    assembly, half_cold, text = best("assembly"), best("cold-half"), best("text")
    floor = downscale["seconds"] + assembly["seconds"]
    rows = [
        ("floor: downscale (Pillow, all cores)", downscale, None),
        ("floor: assembly (small JPEGs)", assembly, None),
        (f"report, cold ({args.n} photos)", cold, floor),
        ("report, cached", cached, assembly["seconds"]),
        ("  its text alone (report without photos)", text, None),
        (f"report, cold ({args.n // 2} photos)", half_cold, None),
    ]
    print(f"\n{'case':<40} {'s':>7} {'ratio':>16} {'peak MB':>8} {'file MB':>8}")
    # peak MB: the whole process (Python, Qt-free imports, fonts) at its highest
    for name, result, against in rows:
        ratio = f"{result['seconds'] / against:.2f}× floor" if against else ""
        if against == assembly["seconds"]:
            ratio = f"{result['seconds'] / against:.2f}× assembly"
        size = f"{result['bytes'] / 2**20:.1f}" if "bytes" in result else ""
        print(f"{name:<40} {result['seconds']:>7.2f} {ratio:>16} {result['peak_mb']:>8.0f} "
              f"{size:>8}")
    paired = sorted(c["seconds"] / (d["seconds"] + a["seconds"]) for c, d, a in
                    zip(results["cold"], results["downscale"], results["assembly"], strict=True))
    print("\ncold report / floor, per round (same moment, so a busy machine cancels out): "
          + ", ".join(f"{r:.2f}×" for r in paired))
    print(f"floor = downscale + assembly = {floor:.2f} s; cold report pages: {cold['pages']}; "
          f"cores: {os.cpu_count()}; work folder {root}")
    if not args.dir:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
