"""Checking a bundle before anything is touched.

Nothing is ever extracted by the names inside the archive: members are read
as streams, capped at the size the signed manifest states, and photos are
written only to temporary files the photo store names itself.
"""

from __future__ import annotations

import hashlib
import os
import stat
import struct
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, BinaryIO

from inspector.domain.values import Role
from inspector.services import photo_image
from inspector.services.control import Control, NullControl, check
from inspector.services.sync import bundle_format as bf
from inspector.services.sync import records as rec
from inspector.services.sync.errors import BundleRefused
from inspector.services.sync.identity import ROLE_NAMES_EN, ROLE_NAMES_ZH

#: Called for each photo member; returns a file to copy it into, or None to only hash it.
StageOpener = Callable[[bf.Member], "tuple[Path, IO[bytes]] | None"]


@dataclass
class OpenedBundle:
    """A bundle whose structure, manifest and signature are checked (members not yet)."""

    path: Path
    manifest: bf.Manifest
    manifest_bytes: bytes
    infos: dict[str, zipfile.ZipInfo]
    file_size: int
    staged: dict[str, Path] = field(default_factory=dict)  # photo sha256 -> temp file

    @property
    def manifest_sha256(self) -> str:
        return bf.sha256_hex(self.manifest_bytes)

    def discard_staged(self) -> None:
        for temp in self.staged.values():
            temp.unlink(missing_ok=True)
        self.staged.clear()


def _damaged(path: Path, exc: BaseException) -> BundleRefused:
    return BundleRefused(
        f"数据包已损坏或不完整（文件可能没有复制完）/ the bundle {path.name} is damaged or "
        f"truncated: {exc}"
    )


def open_zip(path: Path) -> zipfile.ZipFile:
    try:
        if not path.exists() and not path.is_symlink():
            raise BundleRefused(f"找不到文件 / file not found: {path}")
        if path.is_symlink() or not path.is_file():
            raise BundleRefused(f"不是文件 / not a regular file: {path}")
        return zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise BundleRefused(
            f"这不是检查数据包（不是 ZIP 文件，或文件不完整）/ {path.name} is not a bundle: not a "
            "ZIP file, or the file is incomplete"
        ) from None
    except OSError as exc:
        raise BundleRefused(f"无法读取 / cannot read {path}: {exc.strerror or exc}") from None


def check_structure(zf: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    """Limits, names, links and duplicates, from the central directory alone."""
    infos = zf.infolist()
    if len(infos) > bf.MAX_MEMBERS:
        raise BundleRefused(f"文件数量过多 / too many members ({len(infos)} > {bf.MAX_MEMBERS})")
    by_name: dict[str, zipfile.ZipInfo] = {}
    folded: set[str] = set()
    total = inflated = deflated = 0
    for info in infos:
        name = info.filename
        bf.check_member_name(name)
        if name in by_name or name.casefold() in folded:
            raise BundleRefused(f"包内文件名重复 / duplicate member name: {name!r}")
        mode = info.external_attr >> 16
        if info.is_dir() or stat.S_IFMT(mode) not in (0, stat.S_IFREG):
            raise BundleRefused(f"包内有链接或文件夹 / link or folder in the bundle: {name!r}")
        if info.flag_bits & 0x1:
            raise BundleRefused(f"包内文件被加密 / encrypted member: {name!r}")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise BundleRefused(f"不支持的压缩方式 / unsupported compression: {name!r}")
        limit = (bf.MAX_MANIFEST_BYTES if name in (bf.MANIFEST_NAME, bf.SIGNATURE_NAME)
                 else bf.MAX_PHOTO_BYTES if name.startswith("photos/")
                 else bf.MAX_RECORDS_MEMBER_BYTES)
        if info.file_size > limit:
            raise BundleRefused(f"包内文件过大 / member too large: {name!r} ({info.file_size} "
                                f"bytes)")
        if info.compress_type != zipfile.ZIP_STORED:
            inflated += info.file_size
            deflated += info.compress_size
        total += info.file_size
        by_name[name] = info
        folded.add(name.casefold())
    if total > bf.MAX_TOTAL_BYTES:
        raise BundleRefused("数据包解压后过大 / the bundle is too large when unpacked")
    if inflated > bf.MAX_COMPRESSION_RATIO * deflated + bf.MAX_UNPACKED_BEYOND_RATIO:
        # Judged over all compressed members together: one records member of repetitive
        # text may compress 1000:1, but no bundle makes a reader inflate more than
        # MAX_UNPACKED_BEYOND_RATIO beyond what its size explains.
        raise BundleRefused(
            f"压缩比异常（疑似压缩炸弹）：解压后 {inflated} 字节，压缩时只有 {deflated} 字节 / "
            f"suspicious compression ratio (zip bomb?): {inflated} bytes unpacked from "
            f"{deflated}")
    return by_name


def read_capped(zf: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int, path: Path) -> bytes:
    try:
        with zf.open(info) as member:
            data = member.read(cap + 1)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as exc:
        raise _damaged(path, exc) from None
    if len(data) > cap:
        raise BundleRefused(f"包内文件超出限制 / member larger than allowed: {info.filename}")
    return data


def open_bundle(path: Path) -> OpenedBundle:
    """Structure, manifest and signature; raises :class:`BundleRefused`."""
    with open_zip(path) as zf:
        try:
            infos = check_structure(zf)
            if bf.MANIFEST_NAME not in infos or bf.SIGNATURE_NAME not in infos:
                raise BundleRefused("数据包缺少清单或签名 / the bundle has no manifest or "
                                    "signature")
            data = read_capped(zf, infos[bf.MANIFEST_NAME], bf.MAX_MANIFEST_BYTES, path)
            signature = read_capped(zf, infos[bf.SIGNATURE_NAME], bf.SIGNATURE_SIZE, path)
        except (zipfile.BadZipFile, EOFError, OSError) as exc:
            raise _damaged(path, exc) from None
    manifest = bf.parse_manifest(data)
    if len(signature) != bf.SIGNATURE_SIZE:
        raise BundleRefused("签名长度不对 / the signature has the wrong length")
    bf.verify_signature(manifest, data, signature)
    listed = {m.path for m in manifest.members}
    present = set(infos) - {bf.MANIFEST_NAME, bf.SIGNATURE_NAME}
    if listed != present:
        extra, missing = sorted(present - listed), sorted(listed - present)
        raise BundleRefused(
            "数据包内容与清单不符 / the bundle's members differ from its manifest"
            + (f"; not listed: {extra[:3]}" if extra else "")
            + (f"; missing: {missing[:3]}" if missing else "")
        )
    for member in manifest.members:
        if infos[member.path].file_size != member.size:
            raise BundleRefused(f"文件大小与清单不符 / size differs from the manifest: "
                                f"{member.path}")
        photo = bf.PHOTO_NAME.match(member.path)
        if photo and photo.group(1) != member.sha256:
            raise BundleRefused(f"照片名与内容摘要不符 / photo name and SHA-256 differ: "
                                f"{member.path}")
    for table in manifest.tables:
        if table.path not in listed:
            raise BundleRefused(f"清单中的表 {table.name} 没有文件 / table without member")
    check_kind(manifest)
    try:
        file_size = path.stat().st_size
    except OSError as exc:
        raise BundleRefused(f"cannot read {path}: {exc}") from None
    return OpenedBundle(path, manifest, data, infos, file_size)


def check_kind(manifest: bf.Manifest) -> None:
    """A bundle carries only what its kind may carry, and only its kind's maker signs it.

    A field laptop never sends assignments or checklist versions, so a results
    bundle naming them is refused whole, before anything is read or written.
    """
    kind, sender = manifest.kind, manifest.source.role
    maker = bf.KIND_MADE_BY[kind]
    if sender is not maker:
        raise BundleRefused(
            f"{bf.kind_zh(kind)}数据包只能由{ROLE_NAMES_ZH[maker]}制作，这个却来自"
            f"{ROLE_NAMES_ZH[sender]} / {kind} bundles are made by {ROLE_NAMES_EN[maker]}, "
            f"but this one comes from {ROLE_NAMES_EN[sender]}")
    allowed = bf.KIND_TABLES[kind]
    for table in manifest.tables:
        if table.name not in bf.KNOWN_TABLES:
            raise BundleRefused(f"数据包中有未知的表 / unknown table in the bundle: "
                                f"{table.name}")
        if table.name not in allowed:
            may = ", ".join(allowed) or "none"
            raise BundleRefused(
                f"{bf.kind_zh(kind)}数据包不能含有表 {table.name}（只能含有：{may}）/ a {kind} "
                f"bundle may not carry the table {table.name} (it may carry: {may})")
        if table.path != f"records/{table.name}.jsonl":
            raise BundleRefused(f"表 {table.name} 的文件名不对 / the table {table.name} is "
                                f"stored under the wrong name: {table.path!r}")
        check_columns(table)
    tables = {t.path for t in manifest.tables}
    shas: set[str] = set()
    for member in manifest.members:
        if member.path.startswith("records/") and member.path not in tables:
            raise BundleRefused(f"记录文件不属于清单中的任何表 / records member without a "
                                f"table in the manifest: {member.path}")
        if member.path.startswith("photos/"):
            if "photos" not in allowed:
                raise BundleRefused(
                    f"{bf.kind_zh(kind)}数据包不能含有照片 / a {kind} bundle may not carry "
                    f"photos: {member.path}")
            if member.sha256 in shas:
                raise BundleRefused(f"同一张照片出现两次 / the same photo twice: "
                                    f"{member.path}")
            shas.add(member.sha256)


def format_columns(table: str) -> tuple[str, ...]:
    """The columns of a table in format version 1, as the manifest must list them."""
    if table == rec.TEMPLATE_TABLE:
        return rec.TEMPLATE_COLUMNS
    return (*rec.SPECS[table].columns, rec.VV_COLUMN)


def check_columns(table: bf.TableEntry) -> None:
    """The manifest lists exactly the columns of format version 1 for the table (the one
    check, made by ``bundle verify`` and by every import before anything is read)."""
    expected = format_columns(table.name)
    if table.columns != expected:
        missing = [c for c in expected if c not in table.columns]
        extra = [c[:40] for c in table.columns if c not in expected]
        detail = "".join((f"; missing {missing[:3]}" if missing else "",
                          f"; unknown {extra[:3]}" if extra else "")) or "; in another order"
        raise BundleRefused(
            f"表 {table.name} 的列与格式版本 {bf.FORMAT_VERSION} 不符 / the columns of "
            f"{table.name} differ from format version {bf.FORMAT_VERSION}{detail}")


def check_receiver(manifest: bf.Manifest, role: Role) -> None:
    """The bundle is meant for an installation of this role."""
    meant_for = bf.KIND_IMPORTED_BY[manifest.kind]
    if role is not meant_for:
        raise BundleRefused(
            f"{ROLE_NAMES_ZH[role]}不导入{bf.kind_zh(manifest.kind)}数据包（它是给"
            f"{ROLE_NAMES_ZH[meant_for]}的）/ {ROLE_NAMES_EN[role]} does not import "
            f"{manifest.kind} bundles (they are for {ROLE_NAMES_EN[meant_for]})")


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
    that may enter the store is decoded as a photo taken here would be
    (:func:`photo_image.examine`): those ``stage`` takes and, without ``stage``,
    all of them (copied to a scratch file outside the data folder); the ones
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
    try:
        with open_zip(opened.path) as zf, open(opened.path, "rb") as raw:
            for member in members:
                check(control)
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
                            f"文件内容与签名清单不符（被改动或损坏）/ {member.path} differs from "
                            "the signed manifest (changed or damaged)")
                    if target:
                        check_photo(target[0], member)
                finally:
                    if scratch and target:
                        target[0].unlink(missing_ok=True)
                done += member.size
    except _WriteFailed as exc:
        opened.discard_staged()
        raise exc.error from None
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, KeyError) as exc:
        opened.discard_staged()
        raise _damaged(opened.path, exc) from None
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


def check_photo(path: Path, member: bf.Member) -> None:
    """A photo from a bundle is accepted as a photo added here would be: a whole image of
    a supported type, whose file type is the one its name says."""
    try:
        facts = photo_image.examine(path, preview_size=16, display_path=Path(member.path)).facts
    except photo_image.PhotoRejected as exc:
        raise BundleRefused(
            f"数据包中的照片不是可用的图片 / a photo in the bundle is not a usable image: "
            f"{member.path}: {exc.reason}") from None
    extension = member.path.rsplit(".", 1)[1]
    if facts.extension != extension:
        raise BundleRefused(
            f"照片的文件类型与文件名不符 / a photo's file type differs from its name: "
            f"{member.path} is a {facts.extension} file")


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


@contextmanager
def refusing_deep_json(where: str) -> Iterator[None]:
    """JSON nested too deeply to parse (``[[[[…]]]]`` a million levels) refuses the bundle."""
    try:
        yield
    except RecursionError:
        raise BundleRefused(f"{where} 中的 JSON 嵌套过深 / {where}: JSON nested too deeply"
                            ) from None


def check_records(opened: OpenedBundle, control: Control | None = None) -> None:
    """Every records line read and checked as an import checks it before the database is
    asked anything: JSON, shape, value types, the number of lines. (Checklist versions,
    trust, replays and the checklist rules of ratings need the database: the import
    checks those.)"""
    from inspector.services.sync.streams import member_of, records_of  # it imports this

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
        raise _damaged(opened.path, exc) from None


def verify_file(path: Path, control: Control | None = None, photos: bool = True,
                records: bool = False) -> OpenedBundle:
    """Everything that can be checked without a database: structure, signature, members
    (photos decoded), and with ``records`` every records line (:func:`check_records`)."""
    opened = open_bundle(path)
    check_members(opened, control, photos=photos)
    if records:
        check_records(opened, control)
    return opened
