"""``inspector overview export -o F.xlsx``: the county overview as an Excel workbook
(汇总, 站点得分, 逐项结果, 整改台账), with the filters of ``overview show``."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from inspector.cli.common import ConsoleProgress, add_command, opened, output_file
from inspector.cli.overview_filters import add_filters, chosen_filter


def register(actions: Any) -> None:
    """Add ``export`` to the actions of ``inspector overview``."""
    export = add_command(actions, "export", "将概况导出为 Excel 工作簿（汇总、站点得分、逐项"
                                            "结果、整改台账）/ write the overview to an Excel "
                                            "workbook (summary, site scores, every criterion, "
                                            "rectification ledger)", run_export)
    export.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.xlsx",
                        help="要写出的 .xlsx 文件 / the .xlsx file to write")
    add_filters(export)


def run_export(args: argparse.Namespace) -> int:
    from inspector.services.api import overview_outputs

    target = output_file(args.output, ".xlsx")
    progress = ConsoleProgress("导出 / exporting")
    with opened(args) as context:
        wanted = chosen_filter(context, args)
        try:
            overview_outputs.write_workbook(context, wanted, target, date.today(), progress)
        finally:
            progress.finish()
    print(f"已写入 / written: {target}")
    return 0
