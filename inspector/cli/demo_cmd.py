"""``inspector demo``: load the demo county."""

from __future__ import annotations

import argparse
from typing import Any

from inspector.cli.common import add_command, opened
from inspector.domain.values import Role


def register(commands: Any) -> None:
    parser = add_command(commands, "demo", "载入演示县的数据（可重复运行）/ "
                                           "load the demo county (safe to run again)", run)
    parser.add_argument("--role", choices=[Role.FIELD.value, Role.OFFICE.value],
                        help="演示用的外业笔记本或县级办公室（同步用）/ a demo field laptop "
                             "or county office (for sync bundles)")


def run(args: argparse.Namespace) -> int:
    if getattr(args, "role", None):
        from inspector.cli.sync_cmd import run_demo_role

        return run_demo_role(args)
    from inspector.services.demo import load_demo

    with opened(args) as context:
        result = load_demo(context)
    sites = result.sites
    print(f"演示数据已在 {context.paths.data_dir}：新增站点 {sites.created} 个，更新 "
          f"{sites.updated} 个，未变 {sites.unchanged} 个 / demo data in "
          f"{context.paths.data_dir}: {sites.created} sites added, {sites.updated} updated, "
          f"{sites.unchanged} unchanged")
    for added in result.inspections.added:  # completed demo inspections with photos
        print(f"  检查 / inspection {added.id}: {added.site_name} ({added.site_code}), "
              f"{added.visit_date.isoformat()}, 照片 {added.photos} 张 / {added.photos} photos")
    return 0
