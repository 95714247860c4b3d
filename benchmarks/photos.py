#!/usr/bin/env python3
"""Importing real-size photos as the window does, against a floor from the same run.

    .venv/bin/python benchmarks/photos.py [--sizes 3 12 40] [--rounds 3] [--dir DIR]

Makes 12 MP JPEGs (4000 × 3000, ~4 MB, noisy so they compress like real
photos, each with EXIF date and GPS), reads them once so every case starts
from the page cache, then sets the process up as the window is once its data
is loaded: a QApplication (offscreen) with the window's interpreter switch interval
(``inspector.ui.app.responsive_interpreter``), the data folder open, and
``inspector.ui.app.freeze_gc()`` (a full collection, then ``gc.freeze()``).
Nothing else is warmed up: the first round's import is the process's first,
as the window's first import is. For each size (default 3, 12 and 40 photos,
an inspector's everyday handful to a whole visit), in interleaved rounds:

- floor: per photo, SHA-256 of its bytes + a Pillow draft-mode 256 px thumbnail
  (one thread, no I/O but the read);
- import, 1 worker: ``photo_import.add_photos(…, workers=1)``, and import as
  the window: ``api.photos.add_photos`` (what the window's "add photos"
  runs: the default workers, a progress signal per photo), each into a fresh
  data folder, as a job of the window's ``Worker`` (a QThreadPool) while the
  Qt event loop runs a 10 ms QTimer that records its lateness;
- controls: the event loop alone and the floor in a QThreadPool worker (the
  stalls any background decoding causes on this machine), and the floor split
  over two threads (how much of a second core the machine has free right now).

Reported per size and case: ms per photo and its ratio to the floor, CPU time /
wall time (≈2 means both cores busy), the longest event-loop stall, and peak
RSS above the level before the import, at half-way and at the end (flat = no
growth with N); then one table of the goals over the sizes. Goals (issues 3
and 16): ≤ 1.25 × floor on one worker at every size, both cores used, no stall
over 100 ms, memory flat as N grows.

Then large HEIC photos (default 30, 108 and 200 MP; ``--heic`` with other sizes,
or none to skip), made here and not kept: per size, in a fresh interpreter each,
libheif decoding it (the floor), checking it as an import does, and making its
thumbnail as the window shows it: seconds and peak memory, each against the
floor. A HEIC above ``photo_image.MAX_HEIC_PIXELS`` is refused from its header.
"""

from __future__ import annotations

import argparse
import ctypes
import hashlib
import io
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import PySide6
from PIL import Image, ImageChops
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QApplication

from inspector import assets
from inspector.app_paths import AppPaths
from inspector.services.context import AppContext, open_context
from inspector.services.inspections import start_inspection
from inspector.services.sites import list_sites
from inspector.services.sites_csv import import_sites
from inspector.ui.app import freeze_gc, responsive_interpreter
from inspector.ui.core.worker import JobControl, Worker

if TYPE_CHECKING:
    from inspector.services.photo_import import ImportReport

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


def one_worker_job(context: AppContext, inspection_id: str, files: list[Path]
                   ) -> Any:
    """The import on one decoding thread, otherwise as the window runs it."""
    def job(control: JobControl) -> ImportReport:
        from inspector.services import photo_import
        from inspector.services.photo_store import PhotoStore

        def progress(step: photo_import.ImportProgress) -> None:
            control.progress(step.done, step.total, step.path.name)

        with context.db.session() as session:
            return photo_import.add_photos(
                session, PhotoStore.for_paths(context.paths), inspection_id, None, files,
                progress_callback=progress, workers=1)

    return job


def window_job(context: AppContext, inspection_id: str, files: list[Path]) -> Any:
    """Exactly what the window's "add photos" runs (its default workers)."""
    def job(control: JobControl) -> ImportReport:
        from inspector.services import api

        return api.photos.add_photos(context, inspection_id, None, files, control)

    return job


@dataclass
class Visit:
    """A data folder open as the window has it, with a draft inspection on screen."""

    context: AppContext
    inspection_id: str


def new_visit(data_dir: Path) -> Visit:
    """A fresh data folder opened as the window opens it, a draft inspection started and
    its photo strip listed (which loads the photo services, as showing it does)."""
    from inspector.services import api

    context = open_context(AppPaths.resolve(data_dir))
    with context.db.transaction() as session:
        import_sites(session, assets.real_path(assets.resource("demo", "sites.csv")))
        village = next(s for s in list_sites(session) if s.tier == "village")
        inspection_id = start_inspection(session, village.id, date(2026, 11, 28)).id
    api.photos.list_photos(context, inspection_id, None)
    return Visit(context, inspection_id)


def clear_photos(visit: Visit) -> None:
    """Delete the visit's photos and their files, as the user and the clean-up would, so
    that the next import starts from an empty store in the same session (not timed)."""
    from inspector.services import photos
    from inspector.services.photo_store import PhotoStore

    store = PhotoStore.for_paths(visit.context.paths)
    with visit.context.db.transaction() as session:
        for record in photos.photos_for(session, visit.inspection_id, None):
            photos.delete_photo(session, record.id, actor="benchmark")
    with visit.context.db.session() as session:
        report = photos.collect_garbage(session, store, min_age_seconds=0.0)
    if report.skipped or any(True for _ in store.stored_files()):
        raise RuntimeError("the photo store could not be emptied between runs")


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


def import_in_qt(app: QCoreApplication, worker: Worker, files: list[Path], visit: Visit,
                 name: str, make_job: Any) -> Result:
    context, inspection_id = visit.context, visit.inspection_id
    loop = _Loop()
    state: dict[str, object] = {"half": 0}

    def progressed(done: int, _total: int, _text: str) -> None:
        loop.peak = max(loop.peak, rss_bytes())
        if done == len(files) // 2:
            state["half"] = loop.peak

    def finished(report: ImportReport) -> None:
        state["report"] = report

    def failed(exc: BaseException) -> None:
        state["report"] = exc

    started, cpu = time.perf_counter(), time.process_time()
    loop.start()
    handle = worker.submit(make_job(context, inspection_id, files), name)
    handle.progress.connect(progressed)
    handle.finished.connect(finished)
    handle.failed.connect(failed)
    handle.done.connect(app.quit)
    app.exec()
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu
    loop.timer.stop()
    worker.wait()
    report = state["report"]
    if isinstance(report, BaseException):
        raise report
    from inspector.services.photo_import import ImportReport
    from inspector.services.photo_store import PhotoStore

    assert isinstance(report, ImportReport)
    half = state["half"]
    assert isinstance(half, int)
    result = Result(name, seconds, len(files), cpu_seconds, loop.stall_ms,
                    half / 2**20 if half else None, loop.peak / 2**20)
    store = PhotoStore.for_paths(context.paths)
    stored = sum(1 for _ in store.stored_files())
    thumbs = sum(1 for r in report.added if store.thumbnail_path(r.sha256).is_file())
    if (len(report.added), stored, thumbs) != (len(files),) * 3 or report.rejected:
        result.notes.append(f"UNEXPECTED: added {len(report.added)}, stored {stored}, "
                            f"thumbnails {thumbs}, rejected {report.rejected}")
    clear_photos(visit)
    return result


def median_result(runs: list[Result]) -> Result:
    """The run with the median wall time (its other numbers come with it)."""
    ordered = sorted(runs, key=lambda r: r.seconds)
    chosen = ordered[len(ordered) // 2]
    chosen.notes.extend(note for r in runs for note in r.notes if note not in chosen.notes)
    return chosen


# -- large HEIC photos ----------------------------------------------------------------
#
# Each case runs in a fresh interpreter (this script with --heic-child), so that its peak
# memory is its own: the child's high-water mark (Linux VmHWM; ru_maxrss elsewhere, which
# on Linux would carry this process's peak over exec).

HEIC_CHILD = """
import resource, sys, time
from pathlib import Path

def peak():
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss if sys.platform == "darwin" else rss * 1024

case, path = sys.argv[1], Path(sys.argv[2])
if case == "make":
    import pillow_heif
    from PIL import Image
    pillow_heif.register_heif_opener()
    width, height = int(sys.argv[3]), int(sys.argv[4])
    base = Image.linear_gradient("L").resize((width, height))
    noise = Image.effect_noise((width, height), 24)
    picture = Image.merge("RGB", (Image.blend(base, noise, 0.25),
                                  base.transpose(Image.Transpose.FLIP_LEFT_RIGHT),
                                  base.transpose(Image.Transpose.FLIP_TOP_BOTTOM)))
    del base, noise
    # As phones write large HEIC photos: a grid of 512 px tiles, a 320 px thumbnail.
    picture.save(path, "HEIF", quality=40, tile_size=512, thumbnails=[320],
                 enc_params={"preset": "ultrafast"})
    print("made")
    sys.exit()
from inspector.services import photo_image
start, started = peak(), time.perf_counter()
outcome = "ok"
if case == "floor":  # libheif decoding the picture, nothing else
    import pillow_heif
    heif = pillow_heif.open_heif(path, convert_hdr_to_8bit=True)
    heif[heif.primary_index].data
elif case == "import":
    try:
        photo_image.examine(path, 256)
    except photo_image.PhotoRejected as refused:
        outcome = "refused"
elif case == "thumbnail":
    photo_image.render(path, 256)
print(time.perf_counter() - started, peak() - start, outcome)
"""


@dataclass
class HeicRun:
    megapixels: float
    case: str
    seconds: float
    peak_mb: float
    outcome: str


def heic_child(*args: str) -> list[str]:
    done = subprocess.run([sys.executable, "-c", HEIC_CHILD, *args], capture_output=True,
                          text=True)
    if done.returncode:
        raise SystemExit(f"the HEIC case {args[0]} failed:\n{done.stderr}")
    return done.stdout.split()


def bench_heic(root: Path, megapixels: list[float]) -> list[HeicRun]:
    """Per size: libheif's own decode (the floor), checking the photo as an import does
    (refused above photo_image.MAX_HEIC_PIXELS) and making its thumbnail."""
    runs = []
    for size in megapixels:
        width = int((size * 1e6 * 4 / 3) ** 0.5)
        height = int(size * 1e6 / width)
        path = root / f"heic-{size:g}mp.heic"
        print(f"making a {size:g} MP HEIC ({width}×{height}) …", flush=True)
        heic_child("make", str(path), str(width), str(height))
        path.read_bytes()  # into the page cache, for every case alike
        for case in ("floor", "import", "thumbnail"):
            seconds, peak, outcome = heic_child(case, str(path))
            runs.append(HeicRun(size, case, float(seconds), int(peak) / 2**20, outcome))
        path.unlink()
    return runs


def print_heic(runs: list[HeicRun]) -> None:
    from inspector.services.photo_image import MAX_HEIC_PIXELS

    print(f"\nlarge HEIC photos (512 px tiles and a 320 px thumbnail, as phones write them); "
          f"accepted up to {MAX_HEIC_PIXELS / 1e6:.0f} MP; peak = RSS above the fresh "
          f"interpreter's level, in the case's own process")
    header = (f"{'MP':>5} {'case':<44} {'seconds':>8} {'× floor':>8} {'peak MiB':>9} "
              f"{'× floor':>8} {'MiB per MP':>11}")
    print(header)
    print("-" * len(header))
    floors = {r.megapixels: r for r in runs if r.case == "floor"}
    names = {"floor": "floor: libheif decodes it (pillow-heif)",
             "import": "check it, as an import does",
             "thumbnail": "its 256 px thumbnail, as the window shows it"}
    for r in runs:
        base = floors[r.megapixels]
        name = names[r.case] + (" → refused" if r.outcome == "refused" else "")
        print(f"{r.megapixels:>5g} {name:<44} {r.seconds:>8.2f} "
              f"{r.seconds / base.seconds:>8.2f} {r.peak_mb:>9.0f} "
              f"{r.peak_mb / base.peak_mb:>8.2f} {r.peak_mb / r.megapixels:>11.2f}")


ONE_WORKER = "import, 1 worker"
AS_THE_WINDOW = "import as the window"


def run_size(app: QCoreApplication, worker: Worker, visits: dict[str, Visit],
             files: list[Path], rounds: int) -> list[Result]:
    """Interleaved rounds of every case for one number of photos; medians."""
    runs: dict[str, list[Result]] = {}
    for round_number in range(rounds):
        print(f"{len(files)} photos, round {round_number + 1}/{rounds} …", flush=True)
        cases = [floor(files), idle_loop(app, 1.0), floor_in_qt(app, files),
                 floor_two_threads(files)]
        for name, make_job in ((ONE_WORKER, one_worker_job), (AS_THE_WINDOW, window_job)):
            cases.append(import_in_qt(app, worker, files, visits[name], name, make_job))
        for case in cases:
            runs.setdefault(case.name, []).append(case)
    for case_runs in runs.values():
        stalls = [r.max_stall_ms for r in case_runs if r.max_stall_ms is not None]
        if stalls:
            case_runs[0].notes.append(
                "longest stall per round: " + ", ".join(f"{s:.0f} ms" for s in stalls))
    return [median_result(case_runs) for case_runs in runs.values()]


def print_size(results: list[Result]) -> None:
    base, control = results[0], results[1]
    header = (f"{'case':<30} {'ms/photo':>9} {'× floor':>8} {'cpu ms/photo':>13} "
              f"{'cpu/wall':>9} {'max stall ms':>13} {'RSS MiB half':>14} {'RSS MiB end':>13}")
    print(f"\n{base.photos} photos")
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[3, 12, 40],
                        help="numbers of photos imported at once (default 3 12 40)")
    parser.add_argument("--rounds", type=int, default=3,
                        help="rounds of the cases, interleaved; medians are shown")
    parser.add_argument("--dir", type=Path, default=None,
                        help="work folder on the disk to measure (default: a temp folder)")
    parser.add_argument("--heic", type=float, nargs="*", default=[30, 108, 200],
                        metavar="MP", help="sizes of large HEIC photos to check, in megapixels "
                        "(default 30 108 200; making the 200 MP one takes a minute and a few "
                        "GB); none: skip")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    responsive_interpreter()  # as the window sets itself up (ui/app.py create_application)
    worker = Worker()
    by_size: dict[int, list[Result]] = {}
    with tempfile.TemporaryDirectory(prefix="inspector-photos-bench-", dir=args.dir) as work:
        root = Path(work)
        (root / "camera").mkdir()
        count = max(args.sizes)
        print(f"making {count} photos of {WIDTH}×{HEIGHT} …", flush=True)
        files = make_photos(root / "camera", count)
        sizes = [path.stat().st_size for path in files]
        for path in files:  # into the page cache, for every case alike
            path.read_bytes()
        # One data folder per case, open for the whole run as the window keeps its own:
        # round 1 of the first size is the session's first import, the others later ones.
        visits = {name: new_visit(root / f"data-{number}")
                  for number, name in enumerate((ONE_WORKER, AS_THE_WINDOW))}
        freeze_gc()  # as the window does once its data is loaded
        for size in sorted(set(args.sizes)):
            by_size[size] = run_size(app, worker, visits, files[:size], args.rounds)
        for visit in visits.values():
            visit.context.close()
        heic_runs = bench_heic(root, args.heic) if args.heic else []
    load = os.getloadavg() if hasattr(os, "getloadavg") else (float("nan"),) * 3
    print(f"\n{statistics.mean(sizes) / 2**20:.1f} MiB per photo on average; median of "
          f"{args.rounds} interleaved rounds; {os.cpu_count()} CPUs, load average "
          f"{load[0]:.1f} (other work on the machine makes wall times noisy); set up as the "
          f"window: 1 ms switch interval, gc.freeze() after loading, its Worker, default "
          f"import workers "
          f"{_default_workers()}")
    for results in by_size.values():
        print_size(results)
    print("\ngoals: one worker ≤ 1.25 × floor, no event-loop stall > 100 ms, memory flat")
    header = (f"{'photos':>6} {'floor ms/photo':>15} {'1 worker × floor':>17} "
              f"{'window × floor':>15} {'cpu × floor (1 w.)':>19} {'max stall ms':>13} "
              f"{'RSS MiB half/end':>17}  verdict")
    print(header)
    print("-" * len(header))
    for size, results in by_size.items():
        named = {r.name: r for r in results}
        base, one, window = results[0], named[ONE_WORKER], named[AS_THE_WINDOW]
        ratio = one.ms_per_photo / base.ms_per_photo
        stall = max(r.max_stall_ms or 0 for r in (one, window))
        rss = (f"{one.peak_half_mb or 0:.0f}/{one.peak_end_mb or 0:.0f}"
               f" {window.peak_half_mb or 0:.0f}/{window.peak_end_mb or 0:.0f}")
        verdict = "ok" if ratio <= 1.25 and stall <= 100 else "MISSED"
        print(f"{size:>6} {base.ms_per_photo:>15.1f} {ratio:>17.2f} "
              f"{window.ms_per_photo / base.ms_per_photo:>15.2f} "
              f"{one.cpu_seconds / base.cpu_seconds:>19.2f} {stall:>13.1f} {rss:>17}  {verdict}")
    if heic_runs:
        print_heic(heic_runs)
    worker.deleteLater()


def _default_workers() -> int:
    from inspector.services.photo_import import DEFAULT_WORKERS

    return DEFAULT_WORKERS


if __name__ == "__main__":
    main()
