"""Printing from the command line.

* ``inspector checklist print --tier village -o FILE.pdf [--site CODE ...]`` (the ``print``
  action is added to the ``checklist`` group by :func:`add_checklist_print`);
* ``inspector inspections list [--format text|json]``;
* ``inspector inspections delete INSPECTION_ID`` (an inspection in progress started by mistake);
* ``inspector report INSPECTION_ID -o FILE.pdf``.

Given a folder instead of a file (``-o /media/U盘``), a PDF is named there as the window
suggests it: ``东门社区教学点_2026-11-28_检查报告.pdf``, ``村级教学站点_空白检查表.pdf``.
"""

from __future__ import annotations

import argparse
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
    terminal_columns,
)
from inspector.domain.tiers import Tier
from inspector.domain.values import InspectionStatus
from inspector.services import api


def register(commands: Any) -> None:
    sub = add_group(commands, "inspections", "数据文件夹中的检查记录 / "
                                             "inspections in the data folder")
    listing = add_command(sub, "list", "列出检查记录，最近走访的在前 / "
                                       "list inspections, newest visit first", run_list)
    add_format(listing)
    remove = add_command(sub, "delete", "删除误开的进行中检查（连同其评定、说明和照片；已完成的"
                                        "不能删除）/ delete an inspection in progress started by "
                                        "mistake, with its ratings, notes and photos (never a "
                                        "completed one)", run_delete)
    remove.add_argument("inspection", metavar="INSPECTION_ID",
                        help="检查记录编号（或其前 8 位以上）/ the inspection's id (or its "
                             "first 8 or more characters)")
    report = add_command(commands, "report", "把一次检查的报告打印为 PDF / "
                                             "print an inspection's report to a PDF file",
                         run_report)
    report.add_argument("inspection", metavar="INSPECTION_ID",
                        help="检查记录编号（或其前 8 位以上）/ the inspection's id (or its "
                             "first 8 or more characters)")
    report.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf",
                        help="要写出的 PDF 文件，或一个文件夹（文件名按站点和日期自动取）/ the "
                             "PDF file to write, or a folder to write it in under a name "
                             "saying the site and date")


def add_checklist_print(checklist_actions: Any) -> None:
    """The ``checklist print`` action (called by the ``checklist`` group's register())."""
    command = add_command(checklist_actions, "print",
                          "把某层级的纸质检查表打印为 PDF（空白或按站点预填）/ "
                          "print a tier's paper checklist to a PDF file, blank or for sites",
                          run_checklist_print)
    command.add_argument("--tier", choices=[t.value for t in Tier],
                         help="站点层级（打印空白表时必填）/ "
                              "the tier (needed for a blank checklist)")
    command.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf",
                         help="要写出的 PDF 文件，或一个文件夹（文件名自动取）/ the PDF file "
                              "to write, or a folder to write it in under a name of its own")
    command.add_argument("--site", action="append", default=[], metavar="CODE",
                         help="按此代码的站点预填（可重复，每个站点另起一页）/ pre-fill for the "
                              "site with this code (repeat for a day's round; each site "
                              "starts on a new page)")


def run_checklist_print(args: argparse.Namespace) -> int:
    from inspector.services import file_names

    folder = _folder(args.output)
    output = None if folder else output_file(args.output, ".pdf")
    tier = Tier(args.tier) if args.tier else None
    if tier is None and not args.site:
        raise UsageError("give --tier for a blank checklist, or --site CODE")
    with opened(args) as context:
        checklist = api.printing.checklist(context, tier=tier, site_codes=args.site)
    if folder is not None:
        output = _free(folder / (file_names.checklist_file_name(checklist.site_names())
                                 if args.site else file_names.blank_checklist_file_name(tier)))
    assert output is not None
    built = api.printing.write_checklist(checklist, output)
    what = ", ".join(s.site.code or s.site.name for s in checklist.sheets if s.site) \
        or f"blank {tier}"
    print(f"{built.path}：共 {built.pages} 页 / {built.pages} pages ({what}; "
          f"{checklist.template.key})")
    return 0


def _folder(given: Path) -> Path | None:
    """The folder to name the PDF in, when ``-o`` is one (a folder called ``x.pdf`` is
    taken for a mistake and refused, as before)."""
    path = Path(given).expanduser()
    return path if path.is_dir() and path.suffix.lower() != ".pdf" else None


def _free(path: Path) -> Path:
    """``path``, or ``name-2.pdf``, ``name-3.pdf`` … if it is taken: nothing is overwritten."""
    for n in range(1, 1000):
        candidate = path if n == 1 else path.with_name(f"{path.stem}-{n}{path.suffix}")
        if not candidate.exists():
            return candidate
    raise UsageError(f"文件夹中同名文件太多 / too many files named like this: {path}")


def run_list(args: argparse.Namespace) -> int:
    from inspector.domain.scoring import format_percent  # loaded when listing, not at start

    with opened(args) as context:
        listings = api.inspections.list_inspections(context)
    if args.format == "json":
        print_json([
            {
                "id": item.id,
                "site_code": item.site_code,
                "site_name": item.site_name,
                "tier": item.tier.value,
                "status": item.status,
                "date": item.visit_date.isoformat(),
                "inspectors": item.inspectors,
                "score": None if item.score is None else round(item.score, 4),
            }
            for item in listings
        ])
        return 0
    if not listings:
        print("还没有检查记录（可先运行 inspector demo）/ no inspections (try `inspector demo`)")
        return 0
    rows = [(item.visit_date.isoformat(), STATUS_WORDS[item.status],
             TIER_WORDS[item.tier], item.site_code or "-",
             format_percent(item.score), item.id, item.site_name)
            for item in listings]
    widths = [max(terminal_columns(row[i]) for row in [*LIST_HEADER, *rows])
              for i in range(len(LIST_HEADER[0]) - 1)]
    for row in [*LIST_HEADER, *rows]:
        cells = [_pad(cell, width, right=index == SCORE_COLUMN)
                 for index, (cell, width) in enumerate(zip(row, widths, strict=False))]
        print("  ".join([*cells, row[-1]]))
    return 0


# ``inspections list`` as text: Chinese first; ``--format json`` keeps the plain values.
STATUS_WORDS = {InspectionStatus.COMPLETED: "已完成 / completed",
                InspectionStatus.DRAFT: "进行中 / in progress"}
TIER_WORDS = {Tier.COUNTY: "县 / county", Tier.TOWNSHIP: "乡镇 / township",
              Tier.VILLAGE: "村 / village"}
LIST_HEADER = (("走访日期", "状态", "层级", "代码", "得分", "编号", "站点"),
               ("date", "status", "tier", "code", "score", "id", "site"))
SCORE_COLUMN = 4


def _pad(text: str, width: int, right: bool = False) -> str:
    space = " " * max(0, width - terminal_columns(text))
    return space + text if right else text + space


def run_delete(args: argparse.Namespace) -> int:
    with opened(args) as context:
        gone = api.inspections.delete_draft(
            context, api.inspections.find_inspection_id(context, args.inspection))
    print(f"已删除 {gone.site_name} {gone.visit_date.isoformat()} 的进行中检查，连同评定 "
          f"{gone.ratings} 项、说明 {gone.notes} 条、照片 {gone.photos} 张 / deleted the "
          f"inspection in progress of {gone.site_name} on {gone.visit_date.isoformat()} with "
          f"{gone.ratings} ratings, {gone.notes} notes and {gone.photos} photos "
          f"({gone.inspection_id})")
    return 0


def run_report(args: argparse.Namespace) -> int:
    from inspector.services import file_names

    folder = _folder(args.output)
    output = None if folder else output_file(args.output, ".pdf")
    with opened(args) as context:
        data = api.printing.report_contents(
            context, api.inspections.find_inspection_id(context, args.inspection))
        if folder is not None:
            output = _free(folder / file_names.report_file_name(data.site.name, data.visit_date))
        assert output is not None
        built = api.printing.write_report(context, data, output)
    print(f"{built.path}：共 {built.pages} 页，照片 {len(data.photos)} 张 / {built.pages} pages, "
          f"{len(data.photos)} photos ({data.site.name}, {data.visit_date.isoformat()}, "
          f"{data.status})")
    if built.unprinted_photos:
        print(built.unprinted_message())
    return 0
