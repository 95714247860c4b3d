"""``inspector demo``: load the demo county."""

from __future__ import annotations

import argparse
from typing import Any

from inspector.cli.common import add_command, opened


def register(commands: Any) -> None:
    add_command(commands, "demo", "load the demo county (safe to run again)", run)


def run(args: argparse.Namespace) -> int:
    from inspector.services.demo import load_demo

    with opened(args) as context:
        result = load_demo(context)
    sites = result.sites
    print(f"demo data in {context.paths.data_dir}: {sites.created} sites added, "
          f"{sites.updated} updated, {sites.unchanged} unchanged")
    return 0
