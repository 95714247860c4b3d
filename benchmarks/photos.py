#!/usr/bin/env python3
"""Importing real-size photos through the service the GUI uses, against a floor from the same run.

    .venv/bin/python benchmarks/photos.py [--n 20] [--dir DIR]

Makes N 12 MP JPEGs (4000 × 3000, ~4 MB, noisy so they compress like real
photos, each with EXIF date and GPS), reads them once so every case starts
from the page cache, then measures:

- floor: per photo, SHA-256 of its bytes + a Pillow draft-mode 256 px thumbnail
  (one thread, no I/O but the read);
- import, 1 worker / 2 workers: ``photo_import.add_photos`` into a fresh data
  directory, run in a QThreadPool worker while the Qt event loop of a
  QApplication (offscreen) runs a 10 ms QTimer that records its lateness;
- controls: the event loop alone and the floor in a QThreadPool worker (the
  stalls any background decoding causes on this machine), and the floor split
  over two threads (how much of a second core the machine has free right now).

Reported per case: ms per photo and its ratio to the floor, CPU time / wall
time (≈2 means both cores busy), the longest event-loop stall, and peak RSS
above the level before the import, at half-way and at the end (flat = no
growth with N). Goals (issue 3): ≤ 1.25 × floor on one worker, both cores
used, no stall over 100 ms, memory flat as N grows.

``--gc-freeze`` calls ``gc.freeze()`` after the set-up, as the application can
after start-up: Python's full garbage collections hold the GIL, and one during
an import stalls the event loop for 100 ms or more in a large heap.
"""

from __future__ import annotations

import argparse
import ctypes
import gc
import hashlib
import io
import os
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import PySide6
from PIL import Image, ImageChops
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QApplication

from inspector import assets
from inspector.app_paths import AppPaths
from inspector.services.context import AppContext, open_context
from inspector.services.inspections import start_inspection
from inspector.services.photo_import import ImportProgress, ImportReport, add_photos
from inspector.services.photo_store import PhotoStore
from inspector.services.sites import list_sites
from inspector.services.sites_csv import import_sites

WIDTH, HEIGHT = 4000, 3000
TICK_MS = 10


def emit(signal: Any, *args: object) -> None:
    """``signal.emit(*args)``, undoing PySide6 6.12.0's stray decref of ``True``.

    That release's ``SignalInstance.emit`` returns ``True`` without a new
    reference; on Python < 3.12 (where ``True`` is not immortal) every emit
    lowers its count by one until the interpreter aborts ("bool_dealloc").
    """
    if signal.emit(*args) is True and _EMIT_LEAKS_TRUE:
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))


def make_photos(folder: Path, count: int) -> list[Path]:
    """N distinct 12 MP camera-like JPEGs: a gradient scene under sensor-like noise."""
    base_l = Image.linear_gradient("L").resize((WIDTH, HEIGHT))
    channels = [
        ImageChops.add(base_l.rotate(angle), Image.effect_noise((WIDTH, HEIGHT), 30), scale=2)
        for angle in (0, 90, 180)
    ]
    base = Image.merge("RGB", channels)
    patch = Image.effect_noise((400, 300), 60).convert("RGB")
    paths = []
    for number in range(count):
        image = base.copy()
        x, y = (number * 397) % (WIDTH - 400), (number * 211) % (HEIGHT - 300)
        image.paste(patch, (x, y))  # every photo differs
        image.paste((number * 7 % 256, 90, 160), (0, 0, 64, 64))
        exif = Image.Exif()
        exif.get_ifd(0x8769)[0x9003] = f"2026:11:28 09:{number // 60 % 60:02}:{number % 60:02}"
        exif.get_ifd(0x8825).update({1: "N", 2: (29.0, 52.0, 12.0), 3: "E", 4: (121.0, 33.0, 0.0)})
        path = folder / f"IMG_{number:04}.jpg"
        image.save(path, "JPEG", quality=87, exif=exif.tobytes())
        paths.append(path)
    return paths


def rss_bytes() -> int:
    """Resident memory now (Linux /proc; elsewhere the peak so far from getrusage)."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak if sys.platform == "darwin" else peak * 1024


@dataclass
class Result:
    name: str
    seconds: float
    photos: int
    cpu_seconds: float = 0.0
    max_stall_ms: float | None = None
    peak_half_mb: float | None = None
    peak_end_mb: float | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def ms_per_photo(self) -> float:
        return self.seconds / self.photos * 1000


def floor(paths: list[Path]) -> Result:
    started, cpu = time.perf_counter(), time.process_time()
    for path in paths:
        data = path.read_bytes()
        hashlib.sha256(data).hexdigest()
        with Image.open(io.BytesIO(data)) as image:
            image.draft("RGB", (256, 256))
            image.thumbnail((256, 256))
    return Result("floor: sha256 + draft 256 px", time.perf_counter() - started, len(paths),
                  time.process_time() - cpu)


_EMIT_LEAKS_TRUE = PySide6.__version__ == "6.12.0" and sys.version_info < (3, 12)


def floor_two_threads(paths: list[Path]) -> Result:
    """The floor's work split over two threads: how much parallelism the machine gives now."""
    started, cpu = time.perf_counter(), time.process_time()
    threads = [threading.Thread(target=floor, args=(paths[half::2],)) for half in (0, 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return Result("floor, 2 threads (control)", time.perf_counter() - started, len(paths),
                  time.process_time() - cpu)


class _Done(QObject):
    finished = Signal(object)
    progressed = Signal(int)


class _ImportJob(QRunnable):
    """What the GUI does: the import in a pool thread, its own session, signals back."""

    def __init__(self, context: AppContext, inspection_id: str, files: list[Path],
                 workers: int, done: _Done) -> None:
        super().__init__()
        self.context, self.inspection_id, self.files = context, inspection_id, files
        self.workers, self.done = workers, done

    def run(self) -> None:
        with self.context.db.session() as session:  # a session of the worker's own
            report = add_photos(
                session, PhotoStore.for_paths(self.context.paths), self.inspection_id, None,
                self.files, progress_callback=self._progress, workers=self.workers)
        emit(self.done.finished, report)

    def _progress(self, progress: ImportProgress) -> None:
        emit(self.done.progressed, progress.done)


def new_visit(data_dir: Path) -> tuple[AppContext, str]:
    """A fresh data directory opened as the GUI opens it, with a draft inspection."""
    context = open_context(AppPaths.resolve(data_dir))
    with context.db.transaction() as session:
        import_sites(session, assets.real_path(assets.resource("demo", "sites.csv")))
        village = next(s for s in list_sites(session) if s.tier == "village")
        inspection_id = start_inspection(session, village.id, date(2026, 11, 28)).id
    return context, inspection_id


class _Loop:
    """A 10 ms QTimer on the GUI thread recording how late it fires, and the RSS."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        self.last = 0.0
        self.stall_ms = 0.0
        self.peak = 0

    def start(self) -> None:
        self.last = time.perf_counter()
        self.timer.start()

    def tick(self) -> None:
        now = time.perf_counter()
        self.stall_ms = max(self.stall_ms, (now - self.last) * 1000 - TICK_MS)
        self.last = now
        self.peak = max(self.peak, rss_bytes())


def idle_loop(app: QCoreApplication, seconds: float) -> Result:
    """The event loop with nothing else running: how late the timer is on this machine anyway."""
    loop = _Loop()
    QTimer.singleShot(int(seconds * 1000), app.quit)
    started, cpu = time.perf_counter(), time.process_time()
    loop.start()
    app.exec()
    loop.timer.stop()
    return Result("event loop alone (control)", time.perf_counter() - started, 1,
                  time.process_time() - cpu, loop.stall_ms)


class _FloorJob(QRunnable):
    def __init__(self, files: list[Path], done: _Done) -> None:
        super().__init__()
        self.files, self.done = files, done

    def run(self) -> None:
        emit(self.done.finished, floor(self.files))


def floor_in_qt(app: QCoreApplication, files: list[Path]) -> Result:
    """The floor's work in a pool thread under the same timer: the stall any decoding costs."""
    done = _Done()
    loop = _Loop()
    done.finished.connect(lambda _result: app.quit())
    pool = QThreadPool()
    started, cpu = time.perf_counter(), time.process_time()
    loop.start()
    pool.start(_FloorJob(files, done))
    app.exec()
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu
    loop.timer.stop()
    pool.waitForDone()
    return Result("floor in a worker (control)", seconds, len(files), cpu_seconds,
                  loop.stall_ms)


def import_in_qt(app: QCoreApplication, files: list[Path], data_dir: Path,
                 workers: int) -> Result:
    context, inspection_id = new_visit(data_dir)
    done = _Done()
    loop = _Loop()
    state: dict[str, object] = {"half": 0}

    def progressed(count: int) -> None:
        loop.peak = max(loop.peak, rss_bytes())
        if count == len(files) // 2:
            state["half"] = loop.peak

    def finished(report: ImportReport) -> None:
        state["report"] = report
        app.quit()

    done.progressed.connect(progressed)
    done.finished.connect(finished)
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    started, cpu = time.perf_counter(), time.process_time()
    loop.start()
    pool.start(_ImportJob(context, inspection_id, files, workers, done))
    app.exec()
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu
    loop.timer.stop()
    pool.waitForDone()
    report = state["report"]
    assert isinstance(report, ImportReport)
    half = state["half"]
    assert isinstance(half, int)
    result = Result(f"import, {workers} worker{'s' if workers > 1 else ''}", seconds, len(files),
                    cpu_seconds, loop.stall_ms, half / 2**20, loop.peak / 2**20)
    store = PhotoStore.for_paths(context.paths)
    stored = sum(1 for _ in store.stored_files())
    thumbs = sum(1 for r in report.added if store.thumbnail_path(r.sha256).is_file())
    if (len(report.added), stored, thumbs) != (len(files),) * 3 or report.rejected:
        result.notes.append(f"UNEXPECTED: added {len(report.added)}, stored {stored}, "
                            f"thumbnails {thumbs}, rejected {report.rejected}")
    context.close()
    return result


def median_result(runs: list[Result]) -> Result:
    """The run with the median wall time (its other numbers come with it)."""
    ordered = sorted(runs, key=lambda r: r.seconds)
    chosen = ordered[len(ordered) // 2]
    chosen.notes.extend(note for r in runs for note in r.notes if note not in chosen.notes)
    return chosen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=20, help="photos per case (default 20)")
    parser.add_argument("--rounds", type=int, default=3,
                        help="rounds of the three cases, interleaved; medians are shown")
    parser.add_argument("--dir", type=Path, default=None,
                        help="work folder on the disk to measure (default: a temp folder)")
    parser.add_argument("--gc-freeze", action="store_true",
                        help="gc.freeze() after setting up, as an application can after start-up")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    runs: dict[str, list[Result]] = {}
    with tempfile.TemporaryDirectory(prefix="inspector-photos-bench-", dir=args.dir) as work:
        root = Path(work)
        (root / "camera").mkdir()
        print(f"making {args.n} photos of {WIDTH}×{HEIGHT} …", flush=True)
        files = make_photos(root / "camera", args.n)
        sizes = [path.stat().st_size for path in files]
        for path in files:  # into the page cache, for every case alike
            path.read_bytes()
        floor(files[:2])  # warm up Pillow and hashlib
        if args.gc_freeze:
            gc.collect()
            gc.freeze()
        for round_number in range(args.rounds):
            print(f"round {round_number + 1}/{args.rounds} …", flush=True)
            cases = [floor(files), idle_loop(app, 1.0), floor_in_qt(app, files),
                     floor_two_threads(files)]
            for workers in (1, 2):
                data_dir = root / f"data-{round_number}-{workers}"
                cases.append(import_in_qt(app, files, data_dir, workers))
            for case in cases:
                runs.setdefault(case.name, []).append(case)
    for case_runs in runs.values():
        stalls = [r.max_stall_ms for r in case_runs if r.max_stall_ms is not None]
        if stalls:
            case_runs[0].notes.append(
                "longest stall per round: " + ", ".join(f"{s:.0f} ms" for s in stalls)
                + " (round 1 is the first import in the process: SQLAlchemy compiles"
                " its statements then)" * case_runs[0].name.startswith("import"))
    results = [median_result(case_runs) for case_runs in runs.values()]
    base, control = results[0], results[1]
    load = os.getloadavg() if hasattr(os, "getloadavg") else (float("nan"),) * 3
    print(f"\n{args.n} photos, {statistics.mean(sizes) / 2**20:.1f} MiB each on average; "
          f"median of {args.rounds} interleaved rounds; {os.cpu_count()} CPUs, "
          f"load average {load[0]:.1f} (other work on the machine makes wall times noisy); "
          f"gc.freeze() {'used' if args.gc_freeze else 'not used'}\n")
    header = (f"{'case':<30} {'ms/photo':>9} {'× floor':>8} {'cpu ms/photo':>13} "
              f"{'cpu/wall':>9} {'max stall ms':>13} {'RSS MiB half':>14} {'RSS MiB end':>13}")
    print(header)
    print("-" * len(header))

    def cell(value: float | None, fmt: str, width: int) -> str:
        return f"{'-':>{width}}" if value is None else f"{value:>{width}{fmt}}"

    for r in results:
        if r is control:
            print(f"{r.name:<30} {'-':>9} {'-':>8} {'-':>13} {r.cpu_seconds / r.seconds:>9.2f} "
                  f"{cell(r.max_stall_ms, '.1f', 13)} {'-':>14} {'-':>13}")
            continue
        print(f"{r.name:<30} {r.ms_per_photo:>9.1f} {r.ms_per_photo / base.ms_per_photo:>8.2f} "
              f"{r.cpu_seconds / r.photos * 1000:>13.1f} {r.cpu_seconds / r.seconds:>9.2f} "
              f"{cell(r.max_stall_ms, '.1f', 13)} {cell(r.peak_half_mb, '.0f', 14)} "
              f"{cell(r.peak_end_mb, '.0f', 13)}")
        for note in r.notes:
            print(f"    {note}")
    one, two = results[4], results[5]
    ratio = one.ms_per_photo / base.ms_per_photo
    print("\ngoals:")
    print(f"  one worker ≤ 1.25 × floor:     {ratio:.2f} × {'ok' if ratio <= 1.25 else 'MISSED'}"
          f" (CPU time {one.cpu_seconds / base.cpu_seconds:.2f} × the floor's)")
    print(f"  both cores used (2 workers):   cpu/wall {two.cpu_seconds / two.seconds:.2f}, "
          f"{one.ms_per_photo / two.ms_per_photo:.2f}× faster than 1 worker; the floor in two "
          f"threads got {base.ms_per_photo / results[3].ms_per_photo:.2f}× (cpu/wall "
          f"{results[3].cpu_seconds / results[3].seconds:.2f}): what the machine had free")
    stalls = {name: max(r.max_stall_ms or 0 for r in case_runs)
              for name, case_runs in runs.items() if name != base.name}
    worst = max(v for k, v in stalls.items() if k.startswith("import"))
    print(f"  no event-loop stall > 100 ms:  longest in any import run {worst:.1f} ms "
          f"{'ok' if worst <= 100 else 'MISSED'}; controls: idle loop "
          f"{stalls[control.name]:.1f} ms, floor in a worker {stalls[results[2].name]:.1f} ms")
    print(f"  memory flat as N grows:        peak RSS {two.peak_half_mb:.0f} MiB at half-way, "
          f"{two.peak_end_mb:.0f} MiB at the end (2 workers)")


if __name__ == "__main__":
    main()
