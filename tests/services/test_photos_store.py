"""The content-addressed photo store and thumbnail cache (no database)."""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path

import photo_samples as samples
import pytest
from PIL import Image

from inspector.app_paths import AppPaths
from inspector.services import photo_image, photo_store
from inspector.services.photo_image import PhotoRejected
from inspector.services.photo_store import PhotoStore, PhotoStoreError


@pytest.fixture
def store(paths: AppPaths) -> PhotoStore:
    return PhotoStore.for_paths(paths)


def _stored(store: PhotoStore, source: Path) -> Path:
    received = store.receive(source)
    return store.keep(received, "jpg")


def test_file_is_named_by_its_sha256_and_kept_byte_for_byte(store: PhotoStore,
                                                             tmp_path: Path) -> None:
    source = samples.jpeg(tmp_path / "IMG_1.jpg", orientation=6, taken="2026:11:28 10:00:00")
    sha256 = hashlib.sha256(source.read_bytes()).hexdigest()
    received = store.receive(source)
    assert received.sha256 == sha256 and received.size_bytes == source.stat().st_size
    assert received.temp is not None and store.staged_files() == [received.temp]
    final = store.keep(received, "jpg")
    assert final == store.root / sha256[:2] / f"{sha256}.jpg"
    assert final.read_bytes() == source.read_bytes()
    assert store.staged_files() == []
    assert store.find(sha256) == final


def test_same_bytes_are_stored_once(store: PhotoStore, tmp_path: Path) -> None:
    first = samples.jpeg(tmp_path / "a.jpg")
    copy = tmp_path / "copy-with-another-name.jpg"
    copy.write_bytes(first.read_bytes())
    kept = _stored(store, first)
    again = store.receive(copy)
    assert again.temp is None and again.existing == kept
    assert store.keep(again, "jpg") == kept
    assert [path for _, path in store.stored_files()] == [kept]


def test_a_failed_write_leaves_no_file_under_a_final_name(store: PhotoStore, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    source = samples.jpeg(tmp_path / "a.jpg", (400, 300))
    monkeypatch.setattr(photo_store, "CHUNK_BYTES", 1000)
    received = store.receive(source)

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(photo_store.os, "fsync", full_disk)
        with pytest.raises(PhotoStoreError, match="disk full"):
            store.keep(received, "jpg")
    assert list(store.stored_files()) == []
    assert store.staged_files() == []


def test_missing_and_empty_sources_are_refused(store: PhotoStore, tmp_path: Path) -> None:
    with pytest.raises(PhotoRejected, match="does not exist"):
        store.receive(tmp_path / "gone.jpg")
    empty = tmp_path / "empty.jpg"
    empty.write_bytes(b"")
    with pytest.raises(PhotoRejected, match="empty"):
        store.receive(empty)
    assert store.staged_files() == []


def test_thumbnail_is_cached_and_not_decoded_again(store: PhotoStore, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    source = samples.jpeg(tmp_path / "a.jpg", (640, 480), orientation=6)
    sha256 = store.receive(source).sha256
    _stored(store, source)
    decodes: list[Path] = []
    real_render = photo_image.render

    def counting_render(path: Path, max_size: int, rotation: int = 0) -> Image.Image:
        decodes.append(path)
        return real_render(path, max_size, rotation)

    monkeypatch.setattr(photo_image, "render", counting_render)
    first = store.thumbnail(sha256)
    second = store.thumbnail(sha256)
    assert first == second == store.thumbnail_path(sha256)
    assert first.name == f"{sha256}-256-v{photo_store.THUMBNAIL_VERSION}.jpg"
    assert len(decodes) == 1
    with Image.open(first) as thumb:
        assert thumb.format == "JPEG" and thumb.size == (192, 256)  # EXIF-oriented
    store.thumbnail(sha256, 64)
    assert len(decodes) == 2  # another size is another cache entry


def test_thumbnails_from_many_threads_are_whole_files(store: PhotoStore, tmp_path: Path) -> None:
    source = samples.jpeg(tmp_path / "a.jpg", (800, 600))
    sha256 = store.receive(source).sha256
    _stored(store, source)
    results: list[Path] = []
    threads = [threading.Thread(target=lambda: results.append(store.thumbnail(sha256)))
               for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(results)) == 1
    with Image.open(results[0]) as thumb:
        thumb.load()
        assert thumb.size == (256, 192)
    assert sorted(p.name for p in results[0].parent.iterdir()) == [results[0].name]


def test_display_image_for_the_viewer(store: PhotoStore, tmp_path: Path) -> None:
    source = samples.jpeg(tmp_path / "a.jpg", (640, 480), orientation=6)
    sha256 = store.receive(source).sha256
    _stored(store, source)
    shown = store.display_image(sha256, 320, rotation=180)
    assert shown.mode == "RGB" and shown.size == (240, 320)
    with pytest.raises(PhotoStoreError, match="missing"):
        store.display_image("0" * 64, 320)


def test_remove_and_clean_incoming(store: PhotoStore, tmp_path: Path) -> None:
    source = samples.jpeg(tmp_path / "a.jpg")
    kept = _stored(store, source)
    sha256 = kept.name.split(".")[0]
    thumb = store.thumbnail(sha256)
    leftover, out = store.new_staging_file()  # as a crash mid-import leaves it
    with out:
        out.write(b"half")
    assert store.clean_incoming(older_than_seconds=3600) == 0  # might still be in use
    assert store.clean_incoming(older_than_seconds=-1) == 1 and not leftover.exists()
    assert store.remove(sha256) == source.stat().st_size
    assert not kept.exists() and not thumb.exists()


def _staged(store: PhotoStore, data: bytes) -> photo_store.Received:
    temp, out = store.new_staging_file()
    with out:
        out.write(data)
    return photo_store.Received(hashlib.sha256(data).hexdigest(), len(data), temp, None)


def test_a_batch_fsyncs_every_file_and_each_folder_once(store: PhotoStore,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    synced: list[Path] = []
    monkeypatch.setattr(photo_store, "fsync_dir", synced.append)
    real_fsync = photo_store.os.fsync
    files_synced = []

    def fsync(fd: int) -> None:
        files_synced.append(fd)
        real_fsync(fd)

    monkeypatch.setattr(photo_store.os, "fsync", fsync)
    items = [(_staged(store, bytes([n]) * 100), "jpg") for n in range(40)]
    with store.durable_batch() as batch:
        kept = batch.keep_many(items)
        assert synced == []  # nothing yet: the folders are synced once, at the end
    assert len(files_synced) == 40
    assert [path.read_bytes() for path in kept] == [bytes([n]) * 100 for n in range(40)]
    assert kept == [store.path_for(received.sha256, "jpg") for received, _ in items]
    assert sorted(synced) == sorted({path.parent for path in kept} | {store.root})
    assert store.staged_files() == []


def test_a_failed_batch_renames_nothing_and_leaves_no_temp_file(
        store: PhotoStore, monkeypatch: pytest.MonkeyPatch) -> None:
    items = [(_staged(store, bytes([n]) * 100), "jpg") for n in range(6)]

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(photo_store.os, "fsync", full_disk)
    with pytest.raises(PhotoStoreError, match="disk full"), store.durable_batch() as batch:
        batch.keep_many(items)
    assert list(store.stored_files()) == [] and store.staged_files() == []


def test_files_kept_before_an_error_still_get_their_folder_synced(
        store: PhotoStore, monkeypatch: pytest.MonkeyPatch) -> None:
    synced: list[Path] = []
    monkeypatch.setattr(photo_store, "fsync_dir", synced.append)
    with pytest.raises(KeyError), store.durable_batch(max_delay=3600) as batch:
        kept = batch.keep(_staged(store, b"first"), "jpg")
        raise KeyError("the next photo failed")
    assert kept.read_bytes() == b"first" and kept.parent in synced


def test_thumbnails_of_an_older_rendering_are_made_again(tmp_path: Path) -> None:
    store = PhotoStore(tmp_path / "photos", tmp_path / "thumbs")
    source = tmp_path / "grey16.png"
    Image.new("I;16", (64, 48), 40_000).save(source)
    received = store.receive(source)
    store.keep(received, "png")
    old = tmp_path / "thumbs" / received.sha256[:2] / f"{received.sha256}-256.jpg"
    old.parent.mkdir(parents=True)
    Image.new("RGB", (8, 8), "white").save(old)  # as the first version made them
    made = store.thumbnail(received.sha256)
    assert made != old and f"-v{photo_store.THUMBNAIL_VERSION}." in made.name
    with Image.open(made) as thumb:
        assert max(thumb.convert("L").getextrema()) < 250  # grey, not white
    store.remove(received.sha256)
    assert not made.exists() and not old.exists()
