"""``inspector overview report`` and ``inspector overview notice``: the county's supervision
report (督导报告) and the public notice (公示) of the results, as PDF files, with the
filters of ``inspector overview show`` (:mod:`~inspector.cli.overview_filters`).

The actions join the ``overview`` command: :func:`register` takes its actions (the
subparsers :func:`inspector.cli.overview_cmd.register` makes).
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from inspector.cli.common import add_command, opened, output_file
from inspector.cli.overview_filters import add_filters, chosen_filter


def percent_argument(text: str) -> float:
    """``--threshold``: a percentage from 1 to 100 ("60" or "60%"), as a share."""
    try:
        value = float(text.strip().rstrip("%"))
    except ValueError:
        value = -1.0
    if not 1 <= value <= 100:
        raise argparse.ArgumentTypeError(
            f"“{text}”不是 1 到 100 之间的百分数，例如 60 / not a percentage from 1 to 100: "
            f"{text!r}; e.g. 60")
    return value / 100


def register(actions: Any) -> None:
    """Add ``report`` and ``notice`` to the ``overview`` command's ``actions``."""
    report = add_command(actions, "report", "全县督导报告（PDF）：概况、图表、常见问题、低分场所、"
                                            "整改进展、历年趋势和各场所得分排名 / the county's "
                                            "supervision report (PDF)", run_report)
    report.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.pdf",
                        help="报告文件 / the report's file")
    add_filters(report)
    report.add_argument("--threshold", type=percent_argument, default=0.6, metavar="P",
                        help="得分率低于此百分数的场所单独列出（默认 60）/ list apart the sites "
                             "scoring below this percentage (default 60)")
    notice = add_command(actions, "notice", "检查结果公示（PDF）：各场所的得分率和等次，不含个人"
                                            "信息 / the public notice of the results (PDF), "
                                            "with no personal data", run_notice)
    notice.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.pdf",
                        help="公示文件 / the notice's file")
    add_filters(notice)


def run_report(args: argparse.Namespace) -> int:
    from inspector.services.api import overview_documents

    target = output_file(args.output, ".pdf")
    with opened(args) as context:
        built = overview_documents.write_county_report(
            context, chosen_filter(context, args), target, date.today(), args.threshold)
    print(f"{built.path}：共 {built.pages} 页 / {built.pages} pages")
    return 0


def run_notice(args: argparse.Namespace) -> int:
    from inspector.services.api import overview_documents

    target = output_file(args.output, ".pdf")
    with opened(args) as context:
        built = overview_documents.write_public_notice(
            context, chosen_filter(context, args), target, date.today())
    print(f"{built.path}：共 {built.pages} 页 / {built.pages} pages")
    return 0
