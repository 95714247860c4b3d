"""SQLite's errors about the disk, worded for the user (no Qt).

"database or disk is full", "attempt to write a readonly database", "unable to
open database file" and "disk I/O error" say nothing wrong with the user's
work: the disk under the data folder is full, read-only or gone. They are
turned into :class:`StorageProblem` (a :class:`DatabaseError`, shown as a plain
message by the window and as one line by the command line) naming the disk
and what to do. The transaction that met them is rolled back by SQLite, so
nothing is half-written.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

from sqlalchemy.engine import ExceptionContext

from inspector.storage.database import DatabaseError

#: Less free space than this and an unclear SQLite error is taken for a full disk.
FULL_BELOW_BYTES = 1 << 20


class StorageProblem(DatabaseError):
    """The disk of the data folder is full, read-only or unreachable; worded for the user."""


def _free_text(folder: Path) -> tuple[str, str]:
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        return "", ""
    megabytes = free / 2**20
    return f"（剩余 {megabytes:.0f} MB）", f" ({megabytes:.0f} MB free)"


def _read_only(folder: Path) -> bool:
    """True when the file system holding ``folder`` is mounted read-only."""
    statvfs = getattr(os, "statvfs", None)
    if statvfs is None:  # Windows: a read-only folder shows as no permission
        return not os.access(folder, os.W_OK)
    try:
        return bool(statvfs(folder).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def _full(folder: Path) -> bool:
    try:
        return shutil.disk_usage(folder).free < FULL_BELOW_BYTES
    except OSError:
        return False


def describe(database: Path, error: BaseException) -> StorageProblem | None:
    """The user's message for a disk problem met by SQLite, or None for anything else."""
    text = str(error).lower()
    folder = database.parent
    unclear = "unable to open database file" in text or "disk i/o error" in text
    if "database or disk is full" in text or (unclear and _full(folder)):
        zh_free, en_free = _free_text(folder)
        return StorageProblem(
            f"数据文件夹所在的磁盘已满{zh_free}：{folder}。刚才的操作没有保存，已有数据未受影响；"
            f"请删除该磁盘上不需要的文件（例如下载的文件、旧的导出文件）后重试 / the disk holding "
            f"the data folder {folder} is full{en_free}; what was just done was not saved and "
            f"nothing saved before is affected: delete files you no longer need on that disk "
            f"(downloads, old exports) and try again")
    if "readonly database" in text or "read-only" in text or (unclear and _read_only(folder)):
        return StorageProblem(
            f"数据文件夹是只读的，无法保存：{folder}。请检查该文件夹（或U盘）是否允许写入，或用"
            f"“--data-dir”选择其他文件夹 / the data folder {folder} is read-only, so nothing can "
            f"be saved: check that the folder (or drive) can be written to, or choose another "
            f"folder with --data-dir")
    if "unable to open database file" in text:
        return StorageProblem(
            f"无法打开数据库（文件夹不可写、已被移走或没有权限）：{database} / cannot open the "
            f"database {database} (the folder cannot be written to, was moved, or permission "
            f"is denied)")
    if "disk i/o error" in text:
        return StorageProblem(
            f"读写数据库时磁盘出错（磁盘或U盘是否已拔出？）：{database}。刚才的操作没有保存 / "
            f"a disk error while reading or writing the database {database} (was a drive pulled "
            f"out?); what was just done was not saved")
    return None


def install(engine: Any, database: Path) -> None:
    """Make ``engine`` raise :class:`StorageProblem` in place of SQLite's disk errors."""
    from sqlalchemy import event

    def handle_error(context: ExceptionContext) -> None:
        problem = describe(database, context.original_exception)
        if problem is not None:
            raise problem from context.original_exception

    event.listen(engine, "handle_error", handle_error)
