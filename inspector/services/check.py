"""Checking a data folder: the database and every photo file against its SHA-256 (no Qt).

:func:`check_data` reads the database with plain ``sqlite3``, read-only and
without migrating it, so it works on a database the program would refuse to
open. It runs SQLite's ``PRAGMA integrity_check`` and ``foreign_key_check``,
then reads every stored photo file once, whatever the number of rows using
it, and compares its size and SHA-256 with the name it is stored under.
Each problem is a :class:`Finding` naming the site, the inspection and the
criterion, never an id.

Repairs, each safe on its own:

* :func:`refetch_photos` takes the missing or damaged photos' bytes from a
  later sync bundle (checked whole with the bundle's own verification first:
  structure, signature, every member's SHA-256) or from a folder (a phone's
  or camera's copy), and only bytes whose SHA-256 is the one recorded. A
  damaged file is moved to ``photos/.damaged/`` before the good one takes its
  place.
* :func:`remove_unavailable_photos` removes photos whose file is missing or
  damaged from inspections still in progress (as the user would delete them;
  completed inspections are read-only and are never touched).
"""

from __future__ import annotations

import hashlib
import logging
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from inspector.app_paths import AppPaths
from inspector.domain.templates import ChecklistTemplate, TemplateError, parse_stored_template
from inspector.domain.tiers import Tier
from inspector.domain.values import InspectionStatus
from inspector.services.context import installation_traces
from inspector.services.control import Control, NullControl, check
from inspector.services.photo_store import CHUNK_BYTES, MAX_FILE_BYTES, PhotoStore, Received

if TYPE_CHECKING:
    from inspector.services.context import AppContext

log = logging.getLogger(__name__)

#: The most lines of SQLite's integrity check reported one by one.
MAX_DATABASE_LINES = 20
DAMAGED_FOLDER = ".damaged"


class Kind(StrEnum):
    NO_DATABASE = "no-database"
    DATABASE = "database"  # SQLite's integrity check failed
    REFERENCE = "reference"  # rows pointing at rows that do not exist
    PHOTO_MISSING = "photo-missing"
    PHOTO_DAMAGED = "photo-damaged"


PHOTO_KINDS = (Kind.PHOTO_MISSING, Kind.PHOTO_DAMAGED)


@dataclass(frozen=True)
class Finding:
    """One problem, in one line (Chinese, then English), with the names it concerns."""

    kind: Kind
    message: str
    site: str = ""
    inspection: str = ""  # "2026-11-28（已完成）"
    criterion: str = ""  # "第 3 项“…”" or the general photos
    photo: str = ""  # the photo's original file name
    visit_date: str = ""  # the inspection's, ISO
    status: str = ""  # the inspection's: draft / completed
    criterion_en: str = ""
    sha256: str = ""
    photo_id: str = ""
    inspection_id: str = ""
    editable: bool = False  # the photo's inspection is still in progress

    @property
    def is_photo(self) -> bool:
        return self.kind in PHOTO_KINDS


@dataclass
class CheckReport:
    """What :func:`check_data` found."""

    findings: list[Finding] = field(default_factory=list)
    database_checked: bool = False
    photos: int = 0  # photo rows
    files: int = 0  # distinct photo files read
    bytes_read: int = 0

    @property
    def ok(self) -> bool:
        return not self.findings

    @property
    def photo_findings(self) -> list[Finding]:
        return [f for f in self.findings if f.is_photo]

    @property
    def removable(self) -> list[Finding]:
        """Photos without a good file in inspections still in progress."""
        return [f for f in self.photo_findings if f.editable]

    @property
    def wanted(self) -> set[str]:
        """SHA-256 of the photo files missing or damaged (what a re-fetch looks for)."""
        return {f.sha256 for f in self.photo_findings}

    def summary(self) -> str:
        if self.ok:
            return (f"一切正常：数据库完好，{self.files} 个照片文件（{self.photos} 张照片）"
                    f"都与记录一致 "
                    f"/ all well: the database is intact and all {self.files} photo files "
                    f"({self.photos} photos) match their records")
        return (f"发现 {len(self.findings)} 个问题 / {len(self.findings)} problems found")

    def hints(self) -> list[str]:
        """The safe repairs that apply, one line each (for the command line)."""
        lines = []
        if any(f.kind in (Kind.DATABASE, Kind.REFERENCE, Kind.NO_DATABASE)
               for f in self.findings):
            lines.append("数据库有问题：可用 inspector backups list 查看备份，用 inspector backups "
                         "restore NAME 恢复 / the database has problems: see the backups with "
                         "inspector backups list and restore one with inspector backups "
                         "restore NAME")
        if self.photo_findings:
            lines.append("可从之后导出的同步数据包或照片原件所在的文件夹取回照片：inspector check "
                         "--repair-from 数据包或文件夹 / photos can be fetched back from a later "
                         "sync bundle or a folder holding the originals: inspector check "
                         "--repair-from BUNDLE_OR_FOLDER")
        if self.removable:
            lines.append(f"进行中的检查里有 {len(self.removable)} 张照片没有完好的文件，可用 "
                         "inspector check --remove-missing 删除它们 / "
                         f"{len(self.removable)} photos without a good file belong to "
                         "inspections in progress; remove them with inspector check "
                         "--remove-missing")
        completed = [f for f in self.photo_findings if not f.editable]
        if completed:
            lines.append(f"已完成的检查里有 {len(completed)} 张照片没有完好的文件：取回它们，或重新"
                         "打开那次检查后删除 / "
                         f"{len(completed)} photos without a good file belong to completed "
                         "inspections: fetch them back, or reopen the inspection and remove them")
        return lines


# ------------------------------------------------------------------------------ reading


@contextmanager
def _read_only(database: Path) -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True, timeout=15)
    try:
        yield conn
    finally:
        conn.close()


@dataclass(frozen=True)
class _PhotoRow:
    photo_id: str
    sha256: str
    size: int
    name: str
    criterion_id: str | None
    inspection_id: str
    status: str | None
    visit_date: str | None
    tier: str | None
    site: str | None
    template_key: str | None


_STATUS: dict[str, tuple[str, str]] = {
    InspectionStatus.DRAFT: ("进行中", "in progress"),
    InspectionStatus.COMPLETED: ("已完成", "completed"),
}


class _Names:
    """Site, inspection and criterion names for the messages."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.templates: dict[str, ChecklistTemplate | None] = {}

    def template(self, version_id: str) -> ChecklistTemplate | None:
        if version_id not in self.templates:
            row = self.conn.execute(
                "SELECT sha256, content, template_id, version FROM template_versions WHERE id = ?",
                (version_id,)).fetchone()
            template = None
            if row is not None:
                try:
                    template = parse_stored_template(row[0], row[1], f"{row[2]}@{row[3]}")
                except TemplateError as exc:
                    log.warning("checklist version %s@%s not readable: %s", row[2], row[3], exc)
            self.templates[version_id] = template
        return self.templates[version_id]

    def criterion(self, row: _PhotoRow) -> tuple[str, str]:
        if row.criterion_id is None:
            return "现场总体照片", "general photos of the visit"
        template = self.template(row.template_key) if row.template_key else None
        if template is not None and row.tier:
            try:
                criteria = template.criteria(Tier(row.tier))
            except ValueError:
                criteria = template.criteria()
            for number, criterion in enumerate(criteria, 1):
                if criterion.id == row.criterion_id:
                    return (f"第 {number} 项“{_short(criterion.text.zh, 24)}”",
                            f"criterion {number} “{_short(criterion.text.en, 40)}”")
        return f"检查项 {row.criterion_id}", f"criterion {row.criterion_id}"


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _photo_rows(conn: sqlite3.Connection, sha256: str | None = None) -> list[_PhotoRow]:
    where, args = ("WHERE p.sha256 = ?", (sha256,)) if sha256 else ("", ())
    rows = conn.execute(
        "SELECT p.id, p.sha256, p.size_bytes, p.original_name, p.criterion_id, p.inspection_id,"
        " i.status, i.visit_date, i.tier, s.name, i.template_version_id"
        " FROM photos p LEFT JOIN inspections i ON i.id = p.inspection_id"
        f" LEFT JOIN sites s ON s.id = i.site_id {where}"
        " ORDER BY s.name, i.visit_date, p.criterion_id, p.position", args).fetchall()
    return [_PhotoRow(str(r[0]), str(r[1]), int(r[2] or 0), str(r[3] or ""), r[4], str(r[5]),
                      r[6], None if r[7] is None else str(r[7])[:10], r[8], r[9], r[10])
            for r in rows]


def _place(names: _Names, row: _PhotoRow) -> tuple[Finding, str, str]:
    """A finding's names for a photo row, and the place in Chinese and in English."""
    site = row.site or "（站点已不存在）"
    status_zh, status_en = _STATUS.get(row.status or "", (row.status or "?", row.status or "?"))
    visit = row.visit_date or "?"
    criterion_zh, criterion_en = names.criterion(row)
    photo = row.name or row.sha256[:12]
    base = Finding(Kind.PHOTO_MISSING, "", site=site, inspection=f"{visit}（{status_zh}）",
                   criterion=criterion_zh, photo=photo, visit_date=row.visit_date or "",
                   status=row.status or "", criterion_en=criterion_en, sha256=row.sha256,
                   photo_id=row.photo_id, inspection_id=row.inspection_id,
                   editable=row.status == InspectionStatus.DRAFT)
    zh = f"{site}，{visit} 的检查（{status_zh}），{criterion_zh}，照片 {photo}"
    en = f"{site}, inspection of {visit} ({status_en}), {criterion_en}, photo {photo}"
    return base, zh, en


def photo_places(database: Path, sha256: str) -> list[tuple[str, str]]:
    """Where the photo file ``sha256`` is used, in Chinese and in English, one pair per photo:
    "site, inspection of DATE (status), criterion N “…”, photo NAME" — for messages such as
    an export refusing a missing file."""
    with _read_only(database) as conn:
        names = _Names(conn)
        return [_place(names, row)[1:] for row in _photo_rows(conn, sha256)]


def _hash_file(path: Path, control: Control, done: int, total: int) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK_BYTES):
            check(control)
            digest.update(chunk)
            size += len(chunk)
            control.progress(done + size, total, path.name)
    return digest.hexdigest(), size


def file_state(store: PhotoStore, sha256: str, expected_size: int = 0,
               control: Control | None = None, done: int = 0, total: int = 0,
               path: Path | None = None) -> tuple[str, int]:
    """("ok" | "missing" | "damaged" | "unreadable: …", bytes read) for one stored photo;
    ``path``: where the store has it, when the caller has looked already."""
    control = control or NullControl()
    path = path or store.find(sha256)
    if path is None:
        return "missing", 0
    try:
        digest, size = _hash_file(path, control, done, total)
    except OSError as exc:
        return f"unreadable: {exc.strerror or exc}", 0
    if digest == sha256:
        return "ok", size
    if expected_size and size != expected_size:
        return f"size {size}", size
    return "damaged", size


def check_data(paths: AppPaths, control: Control | None = None) -> CheckReport:
    """Check the database and every photo file; raises
    :class:`~inspector.services.control.Cancelled` when cancelled."""
    control = control or NullControl()
    report = CheckReport()
    database = paths.database
    size = database.stat().st_size if database.is_file() else 0
    if size == 0:
        if installation_traces(paths):  # as open_context, which refuses such a folder
            report.findings.append(Finding(
                Kind.NO_DATABASE,
                f"数据库文件 {database} 不存在或为空，但文件夹中有照片或备份：请从备份恢复 / the "
                f"database {database} is missing or empty although the folder holds photos or "
                "backups: restore it from a backup"))
        return report
    control.progress(0, 0, "数据库 / database")
    try:
        with _read_only(database) as conn:
            _check_database(conn, report)
            check(control)
            try:
                rows = _photo_rows(conn)
                names = _Names(conn)
                _check_photos(paths, rows, names, report, control)
            except sqlite3.DatabaseError as exc:
                if report.ok:  # the integrity check passed, yet the photos cannot be read
                    report.findings.append(_database_finding(str(exc)))
                log.info("photo records not readable: %s", exc)
    except sqlite3.DatabaseError as exc:
        report.findings.append(_database_finding(str(exc)))
    return report


def _database_finding(problem: str) -> Finding:
    return Finding(Kind.DATABASE, f"数据库已损坏：{problem}；请从备份恢复 / the database is "
                                  f"damaged: {problem}; restore it from a backup")


_TABLES = {"photos": ("照片", "photo"), "responses": ("评定", "rating"),
           "inspections": ("检查", "inspection"), "sites": ("站点", "site"),
           "inspection_events": ("检查事件", "inspection event"),
           "assignments": ("任务分配", "assignment"),
           "template_versions": ("检查表版本", "checklist version")}


def _check_database(conn: sqlite3.Connection, report: CheckReport) -> None:
    """SQLite's integrity check and the references between rows (each may fail on its own:
    the photos are checked all the same where their table can be read)."""
    try:
        lines = [str(row[0]) for row in
                 conn.execute(f"PRAGMA integrity_check({MAX_DATABASE_LINES})").fetchall()]
    except sqlite3.DatabaseError as exc:
        lines = [str(exc)]
    if lines != ["ok"]:
        report.findings.extend(_database_finding(line) for line in lines)
    report.database_checked = True
    counts: dict[tuple[str, str], int] = defaultdict(int)
    try:
        references = conn.execute("PRAGMA foreign_key_check").fetchall()
    except sqlite3.DatabaseError as exc:
        if lines == ["ok"]:
            report.findings.append(_database_finding(str(exc)))
        references = []
    for table, _rowid, parent, _fk in references:
        counts[(str(table), str(parent))] += 1
    for (table, parent), count in sorted(counts.items()):
        child_zh, child_en = _TABLES.get(table, (table, table))
        parent_zh, parent_en = _TABLES.get(parent, (parent, parent))
        report.findings.append(Finding(
            Kind.REFERENCE,
            f"{count} 条{child_zh}记录指向不存在的{parent_zh}；请从备份恢复 / {count} {child_en} "
            f"records refer to {parent_en} records that do not exist; restore a backup"))


def _check_photos(paths: AppPaths, rows: list[_PhotoRow], names: _Names, report: CheckReport,
                  control: Control) -> None:
    store = PhotoStore.for_paths(paths)
    by_sha: dict[str, list[_PhotoRow]] = defaultdict(list)
    for row in rows:
        by_sha[row.sha256].append(row)
    report.photos = len(rows)
    located = {sha: store.find(sha) for sha in by_sha}
    sizes = {}
    for sha, path in located.items():
        try:
            sizes[sha] = path.stat().st_size if path is not None else 0
        except OSError:
            sizes[sha] = 0
    total = sum(sizes.values())
    done = 0
    for sha, used_by in by_sha.items():
        check(control)
        expected = max(r.size for r in used_by)
        state, read = file_state(store, sha, expected, control, done, total, located[sha])
        done += sizes[sha]
        report.bytes_read += read
        if state != "missing":
            report.files += 1
        if state == "ok":
            continue
        for row in used_by:
            report.findings.append(_photo_finding(names, row, state, expected))
    control.progress(total, total, "")


def _photo_finding(names: _Names, row: _PhotoRow, state: str, expected: int) -> Finding:
    base, zh, en = _place(names, row)
    if state == "missing":
        return _with(base, Kind.PHOTO_MISSING, f"照片文件缺失：{zh} / photo file missing: {en}")
    if state.startswith("size "):
        actual = int(state.removeprefix("size "))
        return _with(base, Kind.PHOTO_DAMAGED,
                     f"照片文件已损坏（{actual} 字节，应为 {expected} 字节）：{zh} / photo file "
                     f"damaged ({actual} bytes instead of {expected}): {en}")
    if state.startswith("unreadable"):
        detail = state.removeprefix("unreadable: ")
        return _with(base, Kind.PHOTO_DAMAGED,
                     f"照片文件无法读取（{detail}）：{zh} / photo file unreadable ({detail}): {en}")
    return _with(base, Kind.PHOTO_DAMAGED,
                 f"照片文件已损坏（内容与记录的 SHA-256 不符）：{zh} / photo file damaged (its "
                 f"content does not match its SHA-256): {en}")


def _with(base: Finding, kind: Kind, message: str) -> Finding:
    return replace(base, kind=kind, message=message)


# ------------------------------------------------------------------------------ repairs


@dataclass
class RefetchResult:
    """What :func:`refetch_photos` put back."""

    fetched: list[str] = field(default_factory=list)  # SHA-256 of files now good
    not_found: list[str] = field(default_factory=list)  # wanted but not in the source
    set_aside: list[Path] = field(default_factory=list)  # damaged files moved away

    def message(self) -> str:
        aside = (f"；损坏的 {len(self.set_aside)} 个文件已移到 photos/{DAMAGED_FOLDER}"
                 if self.set_aside else "")
        aside_en = (f"; {len(self.set_aside)} damaged files were moved to "
                    f"photos/{DAMAGED_FOLDER}" if self.set_aside else "")
        return (f"已取回 {len(self.fetched)} 个照片文件，{len(self.not_found)} 个在其中没有找到"
                f"{aside} / fetched back {len(self.fetched)} photo files; "
                f"{len(self.not_found)} were not found there{aside_en}")


def _still_wanted(store: PhotoStore, wanted: Iterable[str]) -> set[str]:
    return {sha for sha in wanted if file_state(store, sha)[0] != "ok"}


def _set_aside_damaged(store: PhotoStore, sha256: str) -> Path | None:
    """Move a stored file whose bytes are not ``sha256`` out of the way; returns where."""
    path = store.find(sha256)
    if path is None or file_state(store, sha256)[0] == "ok":
        return None
    folder = store.root / DAMAGED_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    target = folder / f"damaged-{stamp}-{path.name}"
    path.replace(target)
    log.info("damaged photo file %s set aside as %s", path, target)
    return target


def _keep(store: PhotoStore, staged: list[tuple[Received, str]], result: RefetchResult) -> None:
    """Damaged files out of the way, then the good bytes in under their names (durable)."""
    try:
        for received, _extension in staged:
            moved = _set_aside_damaged(store, received.sha256)
            if moved is not None:
                result.set_aside.append(moved)
    except BaseException:
        for received, _extension in staged:
            store.discard(received)
        raise
    with store.durable_batch() as batch:
        batch.keep_many(staged)
    result.fetched.extend(received.sha256 for received, _extension in staged)


def refetch_photos(paths: AppPaths, wanted: Iterable[str], source: Path,
                   control: Control | None = None) -> RefetchResult:
    """Put back the photo files ``wanted`` (SHA-256) from a sync bundle or a folder.

    A bundle is verified whole first with the bundle verification (structure,
    signature, each member's size and SHA-256); a folder's files are hashed.
    Only bytes whose SHA-256 is the wanted one are kept, so nothing else can
    ever take a photo's place. Raises :class:`inspector.services.sync.SyncError`
    for a bundle that fails its verification (nothing is changed then).
    """
    control = control or NullControl()
    store = PhotoStore.for_paths(paths)
    needed = _still_wanted(store, wanted)
    result = RefetchResult()
    if not needed:
        return result
    with store.writing():  # no clean-up in any process removes a file meanwhile
        if source.is_dir():
            staged = _from_folder(store, needed, source, control)
        else:
            staged = _from_bundle(store, needed, source, control)
        _keep(store, staged, result)
    result.not_found = sorted(needed - set(result.fetched))
    return result


def _from_bundle(store: PhotoStore, needed: set[str], bundle: Path,
                 control: Control) -> list[tuple[Received, str]]:
    from inspector.services.sync.verify import check_members, open_bundle, staging_into

    opened = open_bundle(bundle)
    members = {m.sha256: m for m in opened.manifest.photo_members() if m.sha256 in needed}
    stage = staging_into(store.new_staging_file, lambda m: m.sha256 in members)
    check_members(opened, control, stage)  # removes what it staged if anything fails
    return [(Received(sha, members[sha].size, temp, None), members[sha].path.rsplit(".", 1)[1])
            for sha, temp in opened.staged.items()]


def _from_folder(store: PhotoStore, needed: set[str], folder: Path,
                 control: Control) -> list[tuple[Received, str]]:
    from inspector.services.photo_image import EXTENSIONS, PhotoRejected, probe

    staged: list[tuple[Received, str]] = []
    files = sorted(p for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    try:
        for number, path in enumerate(files):
            check(control)
            control.progress(number, len(files), path.name)
            try:  # hashed where it is first: only a match is copied into the store
                if path.stat().st_size > MAX_FILE_BYTES or \
                        _hash_file(path, NullControl(), 0, 0)[0] not in needed:
                    continue
                received = store.receive(path)
            except (OSError, PhotoRejected) as exc:
                log.info("not taken from the folder: %s (%s)", path, exc)
                continue
            if received.temp is None or received.sha256 not in needed:
                store.discard(received)
                continue
            try:
                extension = probe(received.temp).extension
            except PhotoRejected:  # the recorded bytes, though: named as the source was
                extension = path.suffix.lower().lstrip(".").replace("jpeg", "jpg")
            if extension not in EXTENSIONS:
                store.discard(received)
                continue
            needed = needed - {received.sha256}
            staged.append((received, extension))
            if not needed:
                break
    except BaseException:
        for received, _extension in staged:
            store.discard(received)
        raise
    return staged


def remove_unavailable_photos(context: AppContext, report: CheckReport, actor: str = "") -> int:
    """Remove photos without a good file from inspections still in progress; how many.

    Each is checked again first (a file fetched back since stays with its photo)
    and removed as the user would remove it (remembered, so a bundle does not
    bring it back). Photos of completed inspections are never touched.
    """
    from inspector.services.inspections import InspectionError
    from inspector.services.photos import delete_photo

    store = PhotoStore.for_paths(context.paths)
    candidates = report.removable
    gone = _still_wanted(store, {f.sha256 for f in candidates})
    removed = 0
    with context.db.transaction() as session:
        for finding in candidates:
            if finding.sha256 not in gone:
                continue
            try:
                delete_photo(session, finding.photo_id, actor)
            except InspectionError as exc:  # completed or deleted meanwhile: left alone
                log.info("photo %s not removed: %s", finding.photo_id, exc)
                continue
            removed += 1
    return removed
