"""``inspector check`` and ``inspector backups list|restore``: looking after the data folder."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from inspector.app_paths import AppPaths
from inspector.cli.common import (
    EXIT_USAGE,
    ConsoleProgress,
    UsageError,
    actor_name,
    add_command,
    add_format,
    add_group,
    has_no_data,
    no_data_yet,
    opened,
    print_json,
)
from inspector.services import api

if TYPE_CHECKING:
    from inspector.services.check import CheckReport


def register(commands: Any) -> None:
    check = add_command(
        commands, "check",
        "检查数据完整性：数据库，以及每个照片文件是否与其 SHA-256 一致；有问题时退出码为 2 / check "
        "the data: the database, and every photo file against its SHA-256; exit status 2 when "
        "something is wrong", run_check)
    check.add_argument(
        "--repair-from", metavar="BUNDLE_OR_FOLDER", type=Path, action="append", default=[],
        help="从之后导出的同步数据包（先完整校验）或存有照片原件的文件夹取回缺失或损坏的照片，"
             "只取 SHA-256 一致的文件；可写多次 / fetch missing or damaged photos back from "
             "a later sync bundle (verified whole first) or a folder holding the originals, "
             "taking only files whose SHA-256 matches; may be given more than once")
    check.add_argument(
        "--remove-missing", action="store_true",
        help="从进行中的检查里删除没有完好文件的照片（已完成的检查不动）/ remove photos without "
             "a good file from inspections in progress (completed inspections are left alone)")
    check.add_argument("--actor", help="操作人（默认：登录名）/ who removes them (default: the "
                                       "login name)")
    add_format(check)

    actions = add_group(commands, "backups",
                        "数据库备份：列出、恢复 / the database's backups: list, restore")
    listing = add_command(actions, "list", "列出备份，最新的在前 / list the backups, newest first",
                          run_list)
    add_format(listing)
    restore = add_command(
        actions, "restore",
        "用一份备份替换当前数据库（先把当前数据另存为备份；有其他窗口或命令在用数据时拒绝）/ "
        "replace the database by a backup (the current data is backed up first; refused while "
        "another window or command uses the data)", run_restore)
    restore.add_argument("name", metavar="NAME",
                         help="备份的文件名或其开头（见 backups list）/ the backup's file name or "
                              "its start (see backups list)")


def _paths(args: argparse.Namespace) -> AppPaths:
    return AppPaths.resolve(getattr(args, "data_dir", None))


def _checked(paths: AppPaths) -> CheckReport:
    progress = ConsoleProgress("检查 / checking")
    try:
        return api.maintenance.check_data(paths, progress)
    finally:
        progress.finish()


def run_check(args: argparse.Namespace) -> int:
    paths = _paths(args)
    if has_no_data(paths):  # nothing to check; a folder that lost its database is checked
        raise no_data_yet(paths)
    report = _checked(paths)
    repairs: list[str] = []
    for source in args.repair_from:
        if not report.wanted:
            break
        if not source.exists():
            raise UsageError(f"找不到 / not found: {source}")
        progress = ConsoleProgress("取回照片 / fetching photos")
        try:
            fetched = api.maintenance.refetch_photos(paths, report.wanted, source, progress)
        finally:
            progress.finish()
        repairs.append(f"{source}: {fetched.message()}")
        report = _checked(paths)
    if args.remove_missing and report.removable:
        with opened(args) as context:
            removed = api.maintenance.remove_unavailable_photos(context, report, actor_name(args))
        repairs.append(f"已从进行中的检查删除 {removed} 张没有完好文件的照片 / "
                       f"removed {removed} photos without a good file from inspections "
                       "in progress")
        report = _checked(paths)
    if args.format == "json":
        print_json({"ok": report.ok, "photos": report.photos, "files": report.files,
                    "repairs": repairs,
                    "findings": [{"kind": f.kind.value, "message": f.message, "site": f.site,
                                  "inspection": f.inspection, "criterion": f.criterion,
                                  "photo": f.photo, "in_progress": f.editable}
                                 for f in report.findings]})
    else:
        for line in repairs:
            print(line)
        for finding in report.findings:
            print(finding.message)
        print(report.summary())
        for hint in report.hints():
            print(f"  {hint}", file=sys.stderr)
    return 0 if report.ok else EXIT_USAGE


def run_list(args: argparse.Namespace) -> int:
    paths = _paths(args)
    found = api.maintenance.list_backups(paths)
    if args.format == "json":
        print_json([{"name": b.name, "taken_at": b.backup.taken_at.isoformat(),
                     "reason": b.reason_en, "reason_zh": b.reason_zh, "size_bytes": b.size}
                    for b in found])
        return 0
    if not found:
        print(f"还没有备份 / no backups yet: {paths.backups}")
    for info in found:
        print(info.describe())
    return 0


def run_restore(args: argparse.Namespace) -> int:
    paths = _paths(args)
    result = api.maintenance.restore_backup(paths, args.name)
    lost = result.loss.lines()
    if lost:
        print("备份之后保存的这些内容已被替换（仍在恢复前的备份里）/ saved after the backup "
              "and now replaced (kept in the backup made before the restore):")
        for line in lost:
            print(f"  {line}")
    print(result.message())
    return 0
