"""Large HEIC photos are checked and shown in bounded memory, or refused above the limit.

HEVC cannot be decoded at a reduced size: checking a HEIC decodes all of it.
The decoded pixels are reduced a strip at a time (never held twice at full
size), a photo is shown from its embedded thumbnail when the phone stored one,
and a HEIC above ``MAX_HEIC_PIXELS`` is refused with a message saying what to do.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import photo_samples as samples
import pillow_heif
import pytest
from photo_samples import start_visit
from PIL import Image

from inspector.services import photo_image
from inspector.services.context import AppContext
from inspector.services.photo_image import PhotoRejected
from inspector.services.photo_import import add_photos

#: What decoding a HEIC may take above the process's level before it, per pixel: libheif
#: peaks at about 4.6 bytes; decoding into a Pillow image as well took about 7.
BYTES_PER_PIXEL_BOUND = 5.5


def _heic(path: Path, size: tuple[int, int], *, tile: int = 0,
          thumbnails: tuple[int, ...] = ()) -> Path:
    """A HEIC of a smooth picture, as phones write large ones (a grid of tiles)."""
    base = Image.linear_gradient("L").resize(size)
    picture = Image.merge("RGB", (base, base.transpose(Image.Transpose.FLIP_LEFT_RIGHT),
                                  base.transpose(Image.Transpose.FLIP_TOP_BOTTOM)))
    picture.save(path, "HEIF", quality=30, tile_size=tile, thumbnails=list(thumbnails),
                 enc_params={"preset": "ultrafast"})
    return path


@pytest.fixture(scope="module")
def large_heic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """30 megapixels in 1024 px tiles (a few seconds to make)."""
    return _heic(tmp_path_factory.mktemp("heic") / "30mp.heic", (6324, 4743), tile=1024)


def _peak_above_start(action: str, path: Path) -> tuple[int, str]:
    """Run ``action`` on ``path`` in a fresh interpreter; (bytes its peak RSS rose by,
    the size of the image it made)."""
    script = textwrap.dedent(f"""
        import resource, sys
        from pathlib import Path
        from inspector.services import photo_image

        def peak():
            # Linux carries the parent's ru_maxrss over exec (this test's process is far
            # larger than the child): there the child's own high-water mark, VmHWM.
            try:
                with open("/proc/self/status") as status:
                    for line in status:
                        if line.startswith("VmHWM:"):
                            return int(line.split()[1]) * 1024
            except OSError:
                pass
            rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            return rss if sys.platform == "darwin" else rss * 1024

        path = Path(sys.argv[1])
        before = peak()
        {action}
        print(peak() - before)
        print(shown.size)
    """)
    done = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True,
                          text=True, check=True, timeout=120)
    rose, size = done.stdout.split("\n", 1)
    return int(rose), size.strip()


@pytest.mark.skipif(sys.platform == "win32", reason="resource.getrusage is POSIX")
@pytest.mark.parametrize("action", [
    "shown = photo_image.examine(path, 256).preview",  # what an import does
    "shown = photo_image.render(path, 1600)",  # the viewer or a report, no thumbnail stored
])
def test_a_30_megapixel_heic_is_decoded_in_bounded_memory(large_heic: Path,
                                                         action: str) -> None:
    rose, size = _peak_above_start(action, large_heic)
    assert rose < BYTES_PER_PIXEL_BOUND * 6324 * 4743, f"{rose / 2**20:.0f} MiB"
    assert size in ("(256, 192)", "(1600, 1200)")


def test_the_reduced_picture_is_the_picture(tmp_path: Path) -> None:
    source = _heic(tmp_path / "grid.heic", (1800, 1200), tile=512)
    preview = photo_image.examine(source, 300).preview
    with Image.open(source) as whole:
        expected = whole.convert("RGB").resize(preview.size, Image.Resampling.BICUBIC)
    assert preview.size == (300, 200)
    difference = [abs(a - b) for a, b in zip(preview.tobytes(), expected.tobytes(),
                                             strict=True)]
    assert max(difference) <= 8 and sum(difference) / len(difference) < 1.0


def test_a_heic_above_the_limit_is_refused_with_what_to_do(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, context: AppContext) -> None:
    monkeypatch.setattr(photo_image, "MAX_HEIC_PIXELS", 400 * 300 - 1)
    source = _heic(tmp_path / "big.heic", (400, 300))
    with pytest.raises(PhotoRejected, match="convert this one to JPEG") as refused:
        photo_image.examine(source, 256)
    assert "400×300" in refused.value.reason and "HEIC" in refused.value.reason
    visit = start_visit(context)
    fine = samples.heic(tmp_path / "fine.heic", (300, 200))
    with context.db.session() as session:
        report = add_photos(session, visit.store, visit.inspection_id, None, [source, fine])
    assert [p.name for p, _reason in report.rejected] == ["big.heic"]
    assert [r.original_name for r in report.added] == ["fine.heic"]
    assert visit.store.staged_files() == []


def test_a_stored_heic_above_the_limit_is_shown_by_its_thumbnail_or_not_at_all(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with_thumbnail = _heic(tmp_path / "thumb.heic", (800, 600), thumbnails=(320,))
    without = _heic(tmp_path / "plain.heic", (800, 600))
    assert pillow_heif.open_heif(with_thumbnail).info["thumbnails"]
    monkeypatch.setattr(photo_image, "MAX_HEIC_PIXELS", 800 * 600 - 1)  # stored before
    assert photo_image.render(with_thumbnail, 256).size == (256, 192)
    assert photo_image.render(with_thumbnail, 2000).size == (320, 240)  # all there is
    with pytest.raises(PhotoRejected, match="larger than"):
        photo_image.render(without, 256)
