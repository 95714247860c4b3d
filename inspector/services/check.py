"""Checking a data folder: the database and every photo file against its SHA-256 (no Qt).

:func:`check_data` reads the database with plain ``sqlite3``, read-only and
without migrating it, so it works on a database the program would refuse to
open. It runs SQLite's ``PRAGMA integrity_check`` and ``foreign_key_check``,
then reads every stored photo file once, whatever the number of rows using
it, and compares its size and SHA-256 with the name it is stored under.
Each problem is a :class:`Finding` naming the site, the inspection and the
criterion, never an id (:mod:`~inspector.services.check_places`).

The safe repairs (fetching photos back, removing those of inspections in progress)
are in :mod:`inspector.services.check_repairs`.
"""

from __future__ import annotations

import hashlib
import logging
import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path

from inspector.app_paths import AppPaths
from inspector.domain.values import InspectionStatus
from inspector.services.check_places import Names, PhotoRow, photo_rows, place, read_only
from inspector.services.context import installation_traces
from inspector.services.control import Control, NullControl, check
from inspector.services.photo_copy import CHUNK_BYTES
from inspector.services.photo_store import PhotoStore

log = logging.getLogger(__name__)

#: The most lines of SQLite's integrity check reported one by one.
MAX_DATABASE_LINES = 20


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


def hash_file(path: Path, control: Control, done: int, total: int) -> tuple[str, int]:
    """The SHA-256 (hex) and size of a file, read in chunks; ``control`` sees ``done + read``
    bytes of ``total`` and may cancel."""
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
        digest, size = hash_file(path, control, done, total)
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
        with read_only(database) as conn:
            _check_database(conn, report)
            check(control)
            try:
                rows = photo_rows(conn)
                names = Names(conn)
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


def _check_photos(paths: AppPaths, rows: list[PhotoRow], names: Names, report: CheckReport,
                  control: Control) -> None:
    store = PhotoStore.for_paths(paths)
    by_sha: dict[str, list[PhotoRow]] = defaultdict(list)
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

def _photo_finding(names: Names, row: PhotoRow, state: str, expected: int) -> Finding:
    where = place(names, row)
    zh, en = where.zh, where.en
    base = Finding(Kind.PHOTO_MISSING, "", site=where.site, inspection=where.inspection,
                   criterion=where.criterion, photo=where.photo, visit_date=row.visit_date or "",
                   status=row.status or "", criterion_en=where.criterion_en, sha256=row.sha256,
                   photo_id=row.photo_id, inspection_id=row.inspection_id,
                   editable=row.status == InspectionStatus.DRAFT)
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
