"""Receiving a photo into the store: copied by the operating system or in chunks, hashed as
stored, fsynced ahead of the rename, refused above the size limit."""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from collections.abc import Callable
from pathlib import Path

import photo_samples as samples
import pytest
from photo_samples import Visit, start_visit

from inspector.app_paths import AppPaths
from inspector.services import photo_copy, photo_durable, photo_store
from inspector.services.context import AppContext
from inspector.services.photo_image import PhotoRejected
from inspector.services.photo_import import add_photos
from inspector.services.photo_store import PhotoStore, PhotoStoreError


@pytest.fixture
def store(paths: AppPaths) -> PhotoStore:
    return PhotoStore.for_paths(paths)


def _failing_sendfile(*_args: object) -> int:
    raise OSError(errno.EINVAL, "Invalid argument")


#: How the bytes are copied: by the operating system where it can, in chunks where it
#: cannot (another system, or a file system that refuses), always the same result.
COPIES: dict[str, Callable[..., int] | None] = {
    "by the system": photo_copy._SENDFILE,
    "in chunks": None,
    "in chunks after the system refused": _failing_sendfile,
}


@pytest.fixture(params=list(COPIES))
def copy_way(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "by the system" and photo_copy._SENDFILE is None:
        pytest.skip("no sendfile here: the chunked copy is the only one")
    monkeypatch.setattr(photo_copy, "_SENDFILE", COPIES[request.param])
    return str(request.param)


def test_the_copy_is_the_source_byte_for_byte_and_named_by_its_hash(
        store: PhotoStore, tmp_path: Path, copy_way: str) -> None:
    source = tmp_path / "big.jpg"
    source.write_bytes(b"\xff\xd8\xff" + os.urandom(3 * 2**20 + 12345))
    received = store.receive(source)
    assert received.sha256 == hashlib.sha256(source.read_bytes()).hexdigest()
    assert received.size_bytes == source.stat().st_size and not received.synced
    assert received.temp is not None and received.temp.read_bytes() == source.read_bytes()
    kept = store.keep(received, "jpg")
    assert kept.read_bytes() == source.read_bytes() and store.staged_files() == []


def test_a_file_above_the_limit_is_refused_and_leaves_nothing(
        store: PhotoStore, tmp_path: Path, copy_way: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(photo_store, "MAX_FILE_BYTES", 5000)
    monkeypatch.setattr(photo_store, "CHUNK_BYTES", 1024)
    at_limit, above = tmp_path / "at.jpg", tmp_path / "above.jpg"
    at_limit.write_bytes(os.urandom(5000))
    above.write_bytes(os.urandom(5001))
    assert store.receive(at_limit).size_bytes == 5000
    with pytest.raises(PhotoRejected, match="larger than"):
        store.receive(above)
    assert len(store.staged_files()) == 1  # the one at the limit, waiting to be kept


def test_a_folder_given_as_a_photo_is_refused_as_such(store: PhotoStore, tmp_path: Path,
                                                      copy_way: str) -> None:
    with pytest.raises(PhotoRejected, match="folder"):
        store.receive(tmp_path)
    assert store.staged_files() == []


def test_syncing_a_received_file_ahead_of_keeping_it(
        store: PhotoStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    received = store.receive(samples.jpeg(tmp_path / "a.jpg"))
    synced = store.sync_received(received)
    assert synced.synced and synced.temp == received.temp
    files_synced: list[int] = []
    real_fsync = photo_store.os.fsync

    def fsync(fd: int) -> None:  # folders are still synced after the rename
        if stat.S_ISREG(os.fstat(fd).st_mode):
            files_synced.append(fd)
        real_fsync(fd)

    monkeypatch.setattr(photo_store.os, "fsync", fsync)
    kept = store.keep(synced, "jpg")  # only renamed: it is on the disk already
    assert files_synced == []
    assert kept.read_bytes() == (tmp_path / "a.jpg").read_bytes()


def test_a_file_discarded_meanwhile_is_left_alone_and_a_failed_sync_says_so(
        store: PhotoStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    refused = store.receive(samples.jpeg(tmp_path / "a.jpg"))
    store.discard(refused)  # refused by the decoder while the sync waited its turn
    assert store.sync_received(refused) == refused
    other = store.receive(samples.jpeg(tmp_path / "b.jpg", (40, 30)))

    def full_disk(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(photo_store.os, "fsync", full_disk)
    with pytest.raises(PhotoStoreError, match="disk full"):
        store.sync_received(other)
    assert store.staged_files() == []


@pytest.fixture
def visit(context: AppContext) -> Visit:
    return start_visit(context)


@pytest.mark.parametrize("workers", [0, 1, 2])
def test_every_photo_is_on_the_disk_before_it_gets_its_name(
        visit: Visit, tmp_path: Path, workers: int, monkeypatch: pytest.MonkeyPatch) -> None:
    fsynced: set[int] = set()  # inode numbers of files fsynced so far
    real_fsync = photo_store.os.fsync

    def fsync(fd: int) -> None:
        real_fsync(fd)
        fsynced.add(os.fstat(fd).st_ino)

    real_rename = photo_durable.DurableBatch._rename
    renamed: list[bool] = []

    def rename(batch: photo_durable.DurableBatch, received: photo_store.Received,
               extension: str) -> Path:
        if received.temp is not None:
            renamed.append(received.temp.stat().st_ino in fsynced)
        return real_rename(batch, received, extension)

    monkeypatch.setattr(photo_store.os, "fsync", fsync)
    monkeypatch.setattr(photo_durable.DurableBatch, "_rename", rename)
    files = [samples.jpeg(tmp_path / f"IMG_{n}.jpg", (64 + n, 48)) for n in range(5)]
    files.insert(2, samples.truncated_jpeg(tmp_path / "broken.jpg"))
    with visit.context.db.session() as session:
        report = add_photos(session, visit.store, visit.inspection_id, None, files,
                            workers=workers)
    assert len(report.added) == 5 and [p.name for p, _ in report.rejected] == ["broken.jpg"]
    assert renamed == [True] * 5
    assert visit.store.staged_files() == []
