"""Checking a bundle's contents: every member read once, capped at its signed size and
compared with its signed SHA-256, photos proven whole images of their types
(:mod:`~inspector.services.sync.photo_checks`), records lines checked as an import checks
them.

Nothing is ever extracted by the names inside the archive: members are read as streams,
and photos are written only to temporary files the photo store names itself. The archive
and its signed manifest are checked first (:mod:`~inspector.services.sync.verify`).
"""

from __future__ import annotations

import hashlib
import os
import struct
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, BinaryIO

from inspector.services.control import Control, NullControl, check
from inspector.services.sync import bundle_format as bf
from inspector.services.sync import records as rec
from inspector.services.sync.errors import BundleRefused
from inspector.services.sync.photo_checks import PhotoChecks
from inspector.services.sync.streams import member_of, records_of
from inspector.services.sync.verify import (
    OpenedBundle,
    damaged,
    open_bundle,
    open_zip,
    refusing_deep_json,
)

#: Called for each photo member; returns a file to copy it into, or None to only hash it.
StageOpener = Callable[[bf.Member], "tuple[Path, IO[bytes]] | None"]


class _WriteFailed(Exception):
    """Writing a copy of a photo failed (a full disk): the bundle is not to blame."""

    def __init__(self, error: OSError) -> None:
        super().__init__(str(error))
        self.error = error


def check_members(opened: OpenedBundle, control: Control | None = None,
                  stage: StageOpener | None = None, photos: bool = True,
                  known: Callable[[bf.Member], bool] | None = None) -> None:
    """Read every member once, capped at its signed size, and compare size and SHA-256.

    Photos the ``stage`` callback asks for are copied to the temp file it opens
    on the way; on any failure every staged file is removed again. Every photo
    that may enter the store is proven a whole image of the type its name says
    (:func:`~.photo_checks.check_photo`), on helper threads while the next members
    are read (:class:`~.photo_checks.PhotoChecks`): those ``stage`` takes and, without
    ``stage``, all of them (copied to a scratch file outside the data folder); the ones
    ``stage`` declines are in the store already. A records line longer than
    :data:`bf.MAX_RECORD_LINE_BYTES` is refused before anyone holds it in memory.
    Without ``photos`` (a bundle just written, whose photos were hashed while
    written and compared with what reached the medium) only the other members are read.
    Without ``stage``, photos ``known`` says the store has are only hashed, not decoded
    (they were checked when they came).
    """
    control = control or NullControl()
    members = [m for m in opened.manifest.members if photos or not m.path.startswith("photos/")]
    total = sum(m.size for m in members) or 1
    done = 0
    checks = PhotoChecks()
    try:
        try:
            with open_zip(opened.path) as zf, open(opened.path, "rb") as raw:
                for member in members:
                    check(control)
                    checks.raise_failed()
                    info = zf.getinfo(member.path)
                    is_photo = member.path.startswith("photos/")
                    target: tuple[Path, IO[bytes]] | None = None
                    scratch = False
                    try:
                        try:
                            if is_photo and stage is not None:
                                target = stage(member)
                                if target:
                                    opened.staged[member.sha256] = target[0]
                            elif is_photo and not (known is not None and known(member)):
                                target, scratch = _scratch_file(), True
                            digest = _read_member(zf, raw, info, member, target, control, done,
                                                  total)
                        finally:
                            if target:
                                _close(target[1])
                        if digest != member.sha256:
                            raise BundleRefused(
                                f"文件内容与签名清单不符（被改动或损坏）/ {member.path} differs "
                                "from the signed manifest (changed or damaged)")
                    except BaseException:
                        if scratch and target:
                            target[0].unlink(missing_ok=True)
                        raise
                    if target:
                        checks.submit(target[0], member, scratch)
                    done += member.size
            checks.finish()
        except BaseException as exc:
            earlier = checks.earlier_failure()  # what comes first in the bundle is said
            if earlier is None or earlier is exc:
                raise
            raise earlier from None
        finally:
            checks.close()  # no check is reading a staged file when it is removed
    except _WriteFailed as exc:
        opened.discard_staged()
        raise exc.error from None
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, KeyError) as exc:
        opened.discard_staged()
        raise damaged(opened.path, exc) from None
    except BaseException:
        opened.discard_staged()
        raise


def _close(out: IO[bytes]) -> None:
    """Close a photo's copy; what it could not write is the disk's fault, not the bundle's."""
    try:
        out.close()
    except OSError as exc:
        raise _WriteFailed(exc) from exc


def _scratch_file() -> tuple[Path, IO[bytes]]:
    """A temp file outside the data folder, for a photo that is only to be checked."""
    try:
        handle, name = tempfile.mkstemp(prefix="inspector-check-", suffix=".part")
        return Path(name), os.fdopen(handle, "wb")
    except OSError as exc:
        raise _WriteFailed(exc) from exc


def _read_member(zf: zipfile.ZipFile, raw: BinaryIO, info: zipfile.ZipInfo, member: bf.Member,
                 target: tuple[Path, IO[bytes]] | None, control: Control, done: int,
                 total: int) -> str:
    """Read one member, never beyond its signed size, copying it to ``target``; its SHA-256.

    A records member's lines are measured on the way (only the newlines are
    looked for): a line longer than the limit is refused.
    """
    out = target[1] if target else None
    records = member.path.startswith("records/")
    digest = hashlib.sha256()
    size = line = 0
    with _member_reader(zf, raw, info) as read:
        while True:
            chunk = read(min(bf.CHUNK, member.size - size + 1))
            if not chunk:
                break
            size += len(chunk)
            if size > member.size:
                raise BundleRefused(f"文件比清单所写的大 / member larger than signed: "
                                    f"{member.path}")
            digest.update(chunk)
            if records:
                # Lines within one chunk are shorter than a chunk, so only a line
                # running over chunk ends can be long.
                first = chunk.find(b"\n")
                line += len(chunk) if first < 0 else first
                if line > bf.MAX_RECORD_LINE_BYTES:
                    raise BundleRefused(
                        f"记录过长（一行超过 {bf.MAX_RECORD_LINE_BYTES // 1024**2} MiB）/ a "
                        f"record longer than {bf.MAX_RECORD_LINE_BYTES // 1024**2} MiB: "
                        f"{member.path}")
                if first >= 0:
                    line = len(chunk) - chunk.rfind(b"\n") - 1
            if out is not None:
                try:
                    out.write(chunk)
                except OSError as exc:
                    raise _WriteFailed(exc) from exc
            control.progress(done + size, total, member.path)
    if out is not None:
        # No fsync per photo: the database commits with synchronous=NORMAL
        # (WAL), so a photo reaches the disk with the same guarantee as the
        # row that names it, and the bundle stays on the stick to import again.
        try:
            out.flush()
        except OSError as exc:
            raise _WriteFailed(exc) from exc
    return digest.hexdigest() if size == member.size else ""


@contextmanager
def _member_reader(zf: zipfile.ZipFile, raw: BinaryIO,
                   info: zipfile.ZipInfo) -> Iterator[Callable[[int], bytes]]:
    """``read(size)`` for one member. A stored member is read straight from the file:
    zipfile would also compute its CRC-32, a second hash of every byte. The SHA-256
    against the signed manifest, not a CRC, vouches for it."""
    if info.compress_type != zipfile.ZIP_STORED:
        with zf.open(info) as stream:
            yield stream.read
        return
    raw.seek(info.header_offset)
    header = raw.read(_LOCAL_HEADER.size)
    if len(header) != _LOCAL_HEADER.size or header[:4] != b"PK\x03\x04":
        raise zipfile.BadZipFile(f"bad local header of {info.filename!r}")
    name_length, extra_length = _LOCAL_HEADER.unpack(header)[-2:]
    name = raw.read(name_length).decode("utf-8" if info.flag_bits & 0x800 else "cp437")
    if name != info.orig_filename:
        raise zipfile.BadZipFile(f"local header names {name!r}, not {info.filename!r}")
    raw.seek(extra_length, os.SEEK_CUR)
    left = info.compress_size

    def read(size: int) -> bytes:
        nonlocal left
        wanted = min(size, left)
        data = raw.read(wanted)
        if len(data) < wanted:
            raise EOFError(f"{info.filename} is cut short")
        left -= len(data)
        return data

    yield read


_LOCAL_HEADER = struct.Struct("<4s5H3L2H")  # zip local file header, 30 bytes


def staging_into(new_file: Callable[[], tuple[Path, IO[bytes]]],
                 wanted: Callable[[bf.Member], bool]) -> StageOpener:
    """A stage callback copying wanted photos into files ``new_file`` opens
    (the photo store's :meth:`~inspector.services.photo_store.PhotoStore.new_staging_file`)."""

    def opener(member: bf.Member) -> tuple[Path, IO[bytes]] | None:
        return new_file() if wanted(member) else None

    return opener


def check_records(opened: OpenedBundle, control: Control | None = None) -> None:
    """Every records line read and checked as an import checks it before the database is
    asked anything: JSON, shape, value types, the number of lines. (Checklist versions,
    trust, replays and the checklist rules of ratings need the database: the import
    checks those.)"""
    control = control or NullControl()
    try:
        with open_zip(opened.path) as zf, refusing_deep_json("records"):
            for table in opened.manifest.tables:
                spec = rec.SPECS.get(table.name)
                if spec is None:  # template_versions: checked against the database's
                    continue
                lines = 0
                for first, rows in records_of(zf, member_of(opened, table.path), control):
                    rec.check_batch(spec, rows, first)
                    lines += len(rows)
                if lines != table.count:
                    raise BundleRefused(f"records/{table.name}: the manifest says "
                                        f"{table.count} records, the file holds {lines}")
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as exc:
        raise damaged(opened.path, exc) from None


def verify_file(path: Path, control: Control | None = None, photos: bool = True,
                records: bool = False) -> OpenedBundle:
    """Everything that can be checked without a database: structure, signature, members
    (photos proven whole), and with ``records`` every records line (:func:`check_records`)."""
    opened = open_bundle(path)
    check_members(opened, control, photos=photos)
    if records:
        check_records(opened, control)
    return opened
