"""Checking a bundle before anything is touched: the archive's structure (limits, names,
links, compression), its manifest and signature, and that it carries only what its kind
may carry, for whom. Its members' contents are checked by
:mod:`~inspector.services.sync.verify_contents`.

Nothing is ever extracted by the names inside the archive: members are read
as streams, capped at the size the signed manifest states.
"""

from __future__ import annotations

import stat
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from inspector.domain.values import Role
from inspector.services.sync import bundle_format as bf
from inspector.services.sync import records as rec
from inspector.services.sync.bundle_manifest import parse_manifest
from inspector.services.sync.errors import BundleRefused
from inspector.services.sync.identity import ROLE_NAMES_EN, ROLE_NAMES_ZH


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


def damaged(path: Path, exc: BaseException) -> BundleRefused:
    """The bundle at ``path`` cannot be read through (``exc``): damaged or copied half."""
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
        raise damaged(path, exc) from None
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
            raise damaged(path, exc) from None
    manifest = parse_manifest(data)
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
    allowed = bf.kind_tables(kind, manifest.format_version)
    for table in manifest.tables:
        if table.name not in bf.KNOWN_TABLES:
            raise BundleRefused(f"数据包中有未知的表 / unknown table in the bundle: "
                                f"{table.name}")
        if table.name in bf.VERSION_2_TABLES and manifest.format_version < 2:
            raise BundleRefused(
                f"格式版本 {manifest.format_version} 的数据包不能含有表 {table.name} / a bundle "
                f"of format version {manifest.format_version} may not carry the table "
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
    """The columns of a table (the same in format versions 1 and 2), as the manifest must
    list them."""
    if table == rec.TEMPLATE_TABLE:
        return rec.TEMPLATE_COLUMNS
    return (*rec.SPECS[table].columns, rec.VV_COLUMN)


def check_columns(table: bf.TableEntry) -> None:
    """The manifest lists exactly the format's columns for the table (the one
    check, made by ``bundle verify`` and by every import before anything is read)."""
    expected = format_columns(table.name)
    if table.columns != expected:
        missing = [c for c in expected if c not in table.columns]
        extra = [c[:40] for c in table.columns if c not in expected]
        detail = "".join((f"; missing {missing[:3]}" if missing else "",
                          f"; unknown {extra[:3]}" if extra else "")) or "; in another order"
        raise BundleRefused(
            f"表 {table.name} 的列与数据包格式不符 / the columns of {table.name} differ from "
            f"the bundle format{detail}")


def check_receiver(manifest: bf.Manifest, role: Role) -> None:
    """The bundle is meant for an installation of this role."""
    meant_for = bf.KIND_IMPORTED_BY[manifest.kind]
    if role is not meant_for:
        raise BundleRefused(
            f"{ROLE_NAMES_ZH[role]}不导入{bf.kind_zh(manifest.kind)}数据包（它是给"
            f"{ROLE_NAMES_ZH[meant_for]}的）/ {ROLE_NAMES_EN[role]} does not import "
            f"{manifest.kind} bundles (they are for {ROLE_NAMES_EN[meant_for]})")


@contextmanager
def refusing_deep_json(where: str) -> Iterator[None]:
    """JSON nested too deeply to parse (``[[[[…]]]]`` a million levels) refuses the bundle."""
    try:
        yield
    except RecursionError:
        raise BundleRefused(f"{where} 中的 JSON 嵌套过深 / {where}: JSON nested too deeply"
                            ) from None

