"""Photos at print resolution: downscaled, oriented JPEGs, cached under the data directory.

A 12-megapixel original embedded as it is makes a report huge and slow, and
ReportLab ignores EXIF orientation. Each photo is therefore decoded once (JPEG
through ``draft()``, i.e. at a reduced scale straight from the decoder), turned
upright (EXIF orientation, then the user's rotation), reduced to about
:data:`PRINT_DPI` at its printed size and saved as a small JPEG under
``cache/print/``. ReportLab embeds that file by name, passing its bytes through
unchanged (see ``rl_config.useA85`` in :mod:`inspector.services.pdf.pages`).

The cache key is the photo's content hash, the pixel size and the rotation,
so a second report of the same inspection decodes nothing. Work runs on a
small thread pool (Pillow releases the GIL while decoding and resizing); at
most a few images are in memory at once whatever the number of photos.
"""

from __future__ import annotations

import logging
import os
import struct
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase.pdfdoc import PDFError
from reportlab.pdfbase.pdfutils import readJPEGInfo

from inspector.app_paths import AppPaths
from inspector.durable import write_atomic
from inspector.services import photo_image
from inspector.services.photo_image import PhotoRejected
from inspector.services.photo_store import PhotoStore, PhotoStoreError

log = logging.getLogger(__name__)

PRINT_DPI = 200
JPEG_QUALITY = 85
CACHE_VERSION = 2  # bump when the way cached images are made changes (2: wide grey scaled)
MISSING_FILE = "照片文件缺失 / photo file missing"
UNREADABLE = "照片文件已损坏，无法读取 / photo file damaged, cannot be read"


def print_cache_dir(paths: AppPaths) -> Path:
    return paths.data_dir / "cache" / "print"


def long_side_pixels(shown_width: int, shown_height: int, box_width_pt: float,
                     box_height_pt: float, dpi: int = PRINT_DPI) -> int:
    """Pixels on the long side of a photo fitted into a box, at ``dpi``."""
    if shown_width <= 0 or shown_height <= 0:
        return round(max(box_width_pt, box_height_pt) / 72 * dpi)
    scale = min(box_width_pt / shown_width, box_height_pt / shown_height)
    printed_long_side = max(shown_width, shown_height) * scale
    return max(16, round(printed_long_side / 72 * dpi))


@dataclass(frozen=True)
class PrintRequest:
    """One photo wanted at a given size: the key is what the result is filed under."""

    key: str
    sha256: str
    long_side: int
    rotation: int = 0


@dataclass(frozen=True)
class PrintImage:
    path: Path
    width: int
    height: int


@dataclass(frozen=True)
class MissingImage:
    """A photo that could not be prepared; the report shows ``reason`` in its place."""

    reason: str


PreparedImage = PrintImage | MissingImage


def _cached(target: Path) -> PrintImage | None:
    """The print copy already in the cache, or None (none there, or a damaged one to remake).

    Its header is read as ReportLab reads it when it embeds the file (a quarter of
    the time Pillow takes to open it), so a copy found here is one ReportLab can embed.
    """
    try:
        with target.open("rb") as file:
            width, height = readJPEGInfo(file)[:2]
        if width > 0 and height > 0:
            return PrintImage(target, width, height)
    except FileNotFoundError:
        return None
    except (OSError, struct.error, PDFError, ValueError) as exc:
        log.info("print cache file %s unreadable (%s); remaking it", target, exc)
    return None


class PrintImageCache:
    """Downscaled print copies of stored photos, made on demand and kept on disk."""

    def __init__(self, store: PhotoStore, cache_dir: Path, workers: int | None = None) -> None:
        self.store = store
        self.cache_dir = cache_dir
        self.workers = workers or min(4, os.cpu_count() or 1)

    @classmethod
    def for_paths(cls, paths: AppPaths) -> PrintImageCache:
        return cls(PhotoStore.for_paths(paths), print_cache_dir(paths))

    def path_for(self, request: PrintRequest) -> Path:
        name = (f"{request.sha256}-{request.long_side}-r{request.rotation % 360}"
                f"-v{CACHE_VERSION}.jpg")
        return self.cache_dir / request.sha256[:2] / name

    def get(self, request: PrintRequest) -> PreparedImage:
        """The print copy of one photo, made now when it is not cached yet.

        Whatever is wrong with the stored photo (no file, a damaged or unreadable
        one), the answer is a :class:`MissingImage` saying so, for the report to
        print in the photo's place; only a cache that cannot be written raises.
        """
        target = self.path_for(request)
        cached = _cached(target)
        if cached is not None:
            return cached
        try:
            original = self.store.find(request.sha256)
            if original is None:
                log.info("photo %s cannot be printed: its file is missing",
                            request.sha256[:12])
                return MissingImage(MISSING_FILE)
            image = photo_image.render(original, request.long_side, request.rotation)
        except PhotoRejected as exc:
            log.info("photo %s cannot be printed: %s", request.sha256[:12], exc.reason)
            return MissingImage(UNREADABLE)
        except Exception:  # a report prints whatever is stored; the cause goes to the log
            log.exception("photo %s cannot be printed", request.sha256[:12])
            return MissingImage(UNREADABLE)
        try:
            write_atomic(target, photo_image.encode_jpeg(image, JPEG_QUALITY), cache=True)
        except OSError as exc:
            raise PhotoStoreError(f"无法写入缓存 {target.parent} / cannot write the cache: "
                                  f"{exc.strerror or exc}") from exc
        finally:
            width, height = image.size
            image.close()
        return PrintImage(target, width, height)

    def prepare(self, requests: Iterable[PrintRequest],
                on_done: Callable[[int], None] | None = None) -> dict[str, PreparedImage]:
        """Make every requested print copy on the thread pool; results by request key.

        ``on_done(count)`` is called after each photo in the calling thread and
        may raise (for example to cancel); pending work is then abandoned.
        """
        results: dict[str, PreparedImage] = {}
        done_count = 0
        pending = []
        for request in requests:  # copies already made: found here, without the pool
            cached = _cached(self.path_for(request))
            if cached is None:
                pending.append(request)
                continue
            results[request.key] = cached
            done_count += 1
            if on_done is not None:
                on_done(done_count)
        if not pending:
            return results
        with ThreadPoolExecutor(max_workers=self.workers,
                                thread_name_prefix="print-images") as pool:
            running: dict[Future[PreparedImage], PrintRequest] = {}
            queue = iter(pending)
            try:
                for request in queue:  # keep only a few in flight: memory stays flat
                    running[pool.submit(self.get, request)] = request
                    if len(running) >= self.workers * 2:
                        break
                while running:
                    finished, _ = wait(running, return_when=FIRST_COMPLETED)
                    for future in finished:
                        request = running.pop(future)
                        results[request.key] = future.result()
                        done_count += 1
                        if on_done is not None:
                            on_done(done_count)
                        following = next(queue, None)
                        if following is not None:
                            running[pool.submit(self.get, following)] = following
            except BaseException:
                for future in running:
                    future.cancel()
                raise
        return results
