"""``inspector sites import|export|list``: the site registry as CSV and as a listing."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from inspector.cli.common import (
    UsageError,
    add_command,
    add_format,
    add_group,
    opened,
    output_file,
    print_json,
)
from inspector.domain.tiers import tier_label
from inspector.services import api


def register(commands: Any) -> None:
    sub = add_group(commands, "sites", "站点名录 / the site registry")
    imp = add_command(sub, "import", "从 CSV（UTF-8 或 GBK）或 Excel（.xlsx）文件新增或更新站点"
                                     " / add or update sites from a CSV (UTF-8 or GBK) or "
                                     "Excel (.xlsx) file", run_import)
    imp.add_argument("file", type=Path, help="要读入的 CSV 或 .xlsx 文件 / the CSV or .xlsx "
                                             "file to read")
    exp = add_command(sub, "export", "将全部站点写入 Excel 可打开的 CSV 文件 / "
                                     "write all sites to a CSV file that Excel opens",
                      run_export)
    exp.add_argument("file", type=Path, help="要写出的 CSV 文件 / the CSV file to write")
    listing = add_command(sub, "list", "列出站点 / list the sites", run_list)
    add_format(listing)


class _Waiting:
    """Says once, on stderr, that the import waits for another program's write to the
    database; the import goes on by itself when the database is free."""

    cancelled = False

    def __init__(self) -> None:
        self.told = False

    def progress(self, done: int, total: int, text: str = "") -> None:
        if text == api.saving.WAITING and not self.told:
            self.told = True
            print("数据库正被其他程序写入，正在等待…… / another program is writing to the "
                  "database; waiting…", file=sys.stderr, flush=True)


def run_import(args: argparse.Namespace) -> int:
    from inspector.services.site_list_file import CsvImportError

    if not args.file.is_file():
        raise UsageError(f"找不到文件 / no such file: {args.file}")
    with opened(args) as context:
        try:
            result = api.sites.import_sites_csv(context, args.file, _Waiting())
        except CsvImportError as exc:
            if len(exc.problems) > 1:
                raise UsageError(
                    f"{args.file.name}：{len(exc.problems)} 处问题，未导入任何站点 / "
                    f"{len(exc.problems)} problems, nothing imported: "
                    + "; ".join(str(p) for p in exc.problems)
                ) from exc
            raise UsageError(f"{exc}；未导入任何站点 / nothing imported") from exc
    print(f"{args.file.name} ({result.encoding})：新增 {result.created}，更新 {result.updated}，"
          f"未变 {result.unchanged} / {result.created} added, {result.updated} updated, "
          f"{result.unchanged} unchanged")
    return 0


def run_export(args: argparse.Namespace) -> int:
    target = output_file(args.file)
    with opened(args) as context:
        try:
            count = api.sites.export_sites_csv(context, target)
        except OSError as exc:
            raise UsageError(f"无法写入 / cannot write {args.file}: {exc.strerror or exc}") from exc
    print(f"已将 {count} 个站点写入 {args.file} / {count} sites written to {args.file}")
    return 0


def run_list(args: argparse.Namespace) -> int:
    with opened(args) as context:
        roots = api.sites.load_site_tree(context)
    nodes = [(depth, node) for root in roots for depth, node in _walk(root, 0)]
    if args.format == "json":
        print_json([
            {
                "id": node.id,
                "code": node.code,
                "name": node.name,
                "tier": node.tier.value,
                "parent_id": node.parent_id,
                "address": node.address,
                "contact": node.contact,
                "phone": node.phone,
            }
            for _depth, node in nodes
        ])
        return 0
    for depth, node in nodes:
        print(f"{'  ' * depth}{node.code or '-' * 12}  {node.name}  "
              f"[{tier_label(node.tier)} / {node.tier.value}]")
    print(f"共 {len(nodes)} 个站点 / {len(nodes)} sites")
    return 0


def _walk(node: Any, depth: int) -> Any:
    yield depth, node
    for child in node.children:
        yield from _walk(child, depth + 1)
