"""Exports read back what reached the medium while they write; a bad medium stops the export."""

from __future__ import annotations

import errno
import itertools
import os
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sync_helpers import completed_inspection, dump, installation

from inspector.services.context import AppContext
from inspector.services.sync import read_back
from inspector.services.sync.errors import SyncError
from inspector.services.sync.export import export_bundle
from inspector.services.sync.identity import Role
from inspector.services.sync.read_back import ReadBackMismatch, ReadBackWriter
from inspector.services.sync.verify_contents import verify_file


@pytest.fixture
def field(tmp_path: Path) -> Iterator[AppContext]:
    context = installation(tmp_path, "field", Role.FIELD)
    yield context
    context.close()


def _pieces() -> list[bytes | bytearray | memoryview]:
    return [os.urandom(3000), bytearray(os.urandom(5000)), memoryview(os.urandom(7000)), b"",
            os.urandom(10)]


def _write_all(path: Path, span: int) -> bytes:
    written = b""
    with open(path, "xb") as raw:
        writer = ReadBackWriter(raw, path, span=span)
        try:
            for piece in _pieces() * 5:
                assert writer.write(piece) == len(piece)
                written += bytes(piece)
            writer.finish()
        finally:
            writer.abandon()
    return written


def test_what_is_written_is_read_back_and_kept(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    spans: list[tuple[int, int]] = []
    real = read_back.forget_cached

    def forget(fd: int, offset: int = 0, length: int = 0) -> None:
        spans.append((offset, length))
        real(fd, offset, length)

    monkeypatch.setattr(read_back, "forget_cached", forget)
    path = tmp_path / "out.bin"
    written = _write_all(path, span=4096)
    assert path.read_bytes() == written
    # Every byte was in exactly one span that was read back, in order.
    assert spans[0][0] == 0 and len(spans) > 5
    assert all(a + n == b for (a, n), (b, _m) in itertools.pairwise(spans))
    assert sum(n for _a, n in spans) == len(written)


def _damage_the_medium(monkeypatch: pytest.MonkeyPatch, at_span: int = 1,
                       cut: bool = False) -> None:
    """The medium changes a byte of a span (or loses its end) between writing and reading."""
    calls = {"n": 0}

    def forget(fd: int, offset: int = 0, length: int = 0) -> None:
        calls["n"] += 1
        if calls["n"] == at_span and cut:
            os.truncate(f"/proc/self/fd/{fd}", offset + length // 2)
        elif calls["n"] == at_span and length:
            original = os.pread(fd, 1, offset + length // 2)
            damage = os.open(f"/proc/self/fd/{fd}", os.O_WRONLY)
            try:
                os.pwrite(damage, bytes([original[0] ^ 0xFF]), offset + length // 2)
            finally:
                os.close(damage)

    monkeypatch.setattr(read_back, "forget_cached", forget)


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="damages the file via /proc")
@pytest.mark.parametrize(("cut", "message"), [(False, "does not hold what was written"),
                                              (True, "holds less than was written")])
def test_a_medium_that_does_not_hold_what_was_written_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cut: bool, message: str
) -> None:
    _damage_the_medium(monkeypatch, at_span=2, cut=cut)
    with pytest.raises(ReadBackMismatch, match=message):
        _write_all(tmp_path / "out.bin", span=4096)


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="damages the file via /proc")
def test_an_export_to_a_failing_drive_leaves_nothing_behind(
    field: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    completed_inspection(field, photos=2, seed=3)
    stick = tmp_path / "stick"
    stick.mkdir()
    before = dump(field)
    _damage_the_medium(monkeypatch, at_span=1)
    with pytest.raises(SyncError, match="drive does not hold what was written"):
        export_bundle(field, stick / "r.inspector-bundle")
    assert list(stick.iterdir()) == []
    assert dump(field) == before  # no sequence number used, nothing marked as sent


def test_a_read_error_on_the_drive_leaves_nothing_behind(
    field: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    completed_inspection(field, photos=1, seed=4)
    stick = tmp_path / "stick"
    stick.mkdir()
    before = dump(field)

    def unreadable(_fd: int, _offset: int = 0, _length: int = 0) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(read_back, "forget_cached", unreadable)
    with pytest.raises(OSError, match="Input/output error"):
        export_bundle(field, stick / "r.inspector-bundle")
    assert list(stick.iterdir()) == []
    assert dump(field) == before


def test_the_exported_archive_is_written_once_front_to_back(field: AppContext,
                                                             tmp_path: Path) -> None:
    """No header is patched after its data (data descriptors instead): what was read
    back is the final file, and any ZIP reader opens it."""
    completed_inspection(field, photos=2, seed=6)
    result = export_bundle(field, tmp_path / "r.inspector-bundle")
    with zipfile.ZipFile(result.path) as zf:
        assert zf.testzip() is None
        assert all(info.flag_bits & 0x08 for info in zf.infolist())
    assert verify_file(result.path).manifest.bundle_id == result.bundle_id
