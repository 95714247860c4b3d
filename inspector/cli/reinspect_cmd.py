"""``inspector reinspect``: re-inspection (复查) of a site's open rectification items: ordered
at the office as an assignment, started and marked item by item on the laptop, shown with
each item's original finding and before/after photos, and its conflicts settled."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from inspector.cli.common import (
    add_command,
    add_format,
    add_group,
    opened,
    output_file,
    print_json,
)
from inspector.cli.loop_common import (
    as_plain,
    assignment_id,
    check_id,
    date_argument,
    day,
    find_id,
    inspection_id,
    item_id,
    site_id,
    today,
    words,
)
from inspector.domain.supervision import VERDICT_WORDS, CheckOutcome, Verdict
from inspector.services import api

if TYPE_CHECKING:
    from inspector.services.context import AppContext
    from inspector.services.reinspection import CheckView

OUTCOME_WORDS = {CheckOutcome.PENDING: ("待审核", "pending"),
                 CheckOutcome.CLOSED: ("已销号", "closed"),
                 CheckOutcome.KEPT_OPEN: ("仍在整改", "kept open"),
                 CheckOutcome.CONFLICT: ("冲突待处理", "conflict")}


def register(commands: Any) -> None:
    actions = add_group(commands, "reinspect", "复查整改事项 / re-inspection of rectification "
                                               "items")
    order = add_command(actions, "order", "安排复查：为站点的整改事项生成复查任务（随任务包带到"
                                          "笔记本）/ order a re-inspection of a site's items, "
                                          "as an assignment that travels to the laptop",
                        run_order)
    order.add_argument("--site", required=True, metavar="CODE",
                       help="站点的区划代码 / the site's division code")
    order.add_argument("--inspector", required=True, metavar="NAME",
                       help="复查人员 / who re-inspects")
    order.add_argument("--from", dest="start", required=True, type=date_argument,
                       metavar="YYYY-MM-DD", help="开始日期 / first day")
    order.add_argument("--to", dest="end", required=True, type=date_argument,
                       metavar="YYYY-MM-DD", help="结束日期 / last day")
    order.add_argument("--item", action="append", default=[], metavar="ID",
                       help="只复查这些整改事项（可重复；默认：站点全部未销号的）/ only these "
                            "items (may be repeated; default: all the site's open items)")
    add_format(order)

    start = add_command(actions, "start", "在笔记本上开始一次复查任务 / start a re-inspection "
                                          "assignment on the laptop", run_start)
    start.add_argument("assignment", metavar="ASSIGNMENT_ID",
                       help="复查任务编号（至少前 8 位）/ the assignment's id (8 characters at "
                            "least)")
    start.add_argument("--date", type=date_argument, metavar="YYYY-MM-DD",
                       help="复查日期（默认：今天）/ the visit's date (default: today)")
    start.add_argument("--inspectors", default="", metavar="NAMES",
                       help="复查人员（默认：任务上的）/ who re-inspects (default: the "
                            "assignment's)")
    add_format(start)

    check = add_command(actions, "check", "记录一个事项的复查结论 / record the verdict on one "
                                          "item", run_check)
    _inspection(check)
    check.add_argument("item", metavar="ITEM_ID", help="整改事项编号（至少前 8 位）/ the item's "
                                                       "id (8 characters at least)")
    check.add_argument("verdict", choices=[v.value for v in Verdict],
                       help="rectified 已整改，not_rectified 未整改 / the verdict")
    check.add_argument("--note", default="", metavar="TEXT",
                       help="复查说明（未整改时必填）/ a note (needed when not rectified)")
    add_format(check)

    show = add_command(actions, "show", "复查的各事项：原问题、整改前后照片数、结论 / the "
                                        "re-inspection's items: original finding, before and "
                                        "after photos, verdicts", run_show)
    _inspection(show)
    add_format(show)

    settle = add_command(actions, "settle", "处理复查冲突（事项在复查期间已销号或删除）/ settle "
                                            "a conflict (the item was closed or dropped while "
                                            "re-inspected)", run_settle)
    settle.add_argument("check", metavar="CHECK_ID",
                        help="复查结果编号（见 reinspect show）/ the result's id (see "
                             "reinspect show)")
    choice = settle.add_mutually_exclusive_group(required=True)
    choice.add_argument("--accept", action="store_true",
                        help="采用复查结论 / apply the re-inspection's verdict to the item")
    choice.add_argument("--keep", action="store_true",
                        help="保持事项现状 / keep the item as the office left it")
    add_format(settle)

    pdf = add_command(actions, "pdf", "把复查报告打印为 A4 PDF，每个事项整改前后的照片并排 / the "
                                      "re-inspection's report as an A4 PDF, each item's photos "
                                      "before and after side by side", run_pdf)
    _inspection(pdf)
    pdf.add_argument("file", type=Path, metavar="FILE", help="要写出的 PDF 文件 / the PDF file "
                                                             "to write")
    add_format(pdf)


def _inspection(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("inspection", metavar="INSPECTION_ID",
                        help="复查（检查）编号（至少前 8 位）/ the re-inspection's id (8 "
                             "characters at least)")


def check_json(check: CheckView) -> dict[str, Any]:
    plain: dict[str, Any] = as_plain(check)
    plain["before_photos"] = len(check.before_photo_ids)
    plain["after_photos"] = len(check.after_photo_ids)
    return plain


def _verdict(verdict: Verdict | None) -> str:
    return words(VERDICT_WORDS[verdict]) if verdict is not None else "未评定 / no verdict"


def print_checks(checks: list[CheckView]) -> None:
    for c in checks:
        print(f"  {c.item_id[:8]}  {c.criterion_id}  原评定 / rated {c.rating}  期限 / deadline "
              f"{day(c.deadline)}  照片 / photos {len(c.before_photo_ids)} → "
              f"{len(c.after_photo_ids)}  {_verdict(c.verdict)}  "
              f"{words(OUTCOME_WORDS[c.outcome])}  ({c.check_id[:8]})")
        if c.finding:
            print(f"      原问题 / finding: {c.finding}")
        if c.note:
            print(f"      复查说明 / note: {c.note}")


def run_order(args: argparse.Namespace) -> int:
    from inspector.domain.supervision import OPEN_STATES
    from inspector.services.rectification_ledger import LedgerFilter

    with opened(args) as context:
        site = site_id(context, args.site)
        items = [item_id(context, given) for given in args.item] or None
        new_id = api.office.order_reinspection(context, site, args.inspector, args.start,
                                               args.end, items)
        if items is None:
            rows = api.office.ledger(context, LedgerFilter(states=OPEN_STATES, site_id=site),
                                     today())
            items = [row.id for row in rows]
    if args.format == "json":
        print_json({"assignment_id": new_id, "site_id": site, "site_code": args.site,
                    "inspector": args.inspector, "period_start": args.start.isoformat(),
                    "period_end": args.end.isoformat(), "item_ids": items})
        return 0
    print(f"已安排复查 / re-inspection ordered ({new_id})：{args.site}，{args.inspector}，"
          f"{args.start} – {args.end}，整改事项 / items {len(items)}；随下一个任务包带到笔记本 / "
          f"it goes to the laptop with the next assignment bundle")
    return 0


def run_start(args: argparse.Namespace) -> int:
    visit = args.date or today()
    with opened(args) as context:
        wanted = assignment_id(context, args.assignment)
        new_id = api.office.start_reinspection(context, wanted, visit, args.inspectors)
        checks = api.office.reinspection_checks(context, new_id)
    if args.format == "json":
        print_json({"inspection_id": new_id, "assignment_id": wanted,
                    "visit_date": visit.isoformat(), "checks": [check_json(c) for c in checks]})
        return 0
    print(f"已开始复查 / re-inspection started ({new_id})，{visit}，整改事项 / items "
          f"{len(checks)}")
    print_checks(checks)
    return 0


def _item_of(context: AppContext, inspection: str, given: str) -> str:
    ids = [c.item_id for c in api.office.reinspection_checks(context, inspection)]
    return find_id(given, ids, ("复查的整改事项", "item of this re-inspection"),
                   f"inspector reinspect show {inspection[:8]}")


def run_check(args: argparse.Namespace) -> int:
    with opened(args) as context:
        inspection = inspection_id(context, args.inspection)
        item = _item_of(context, inspection, args.item)
        api.office.record_check(context, inspection, item, Verdict(args.verdict), args.note)
        check = next(c for c in api.office.reinspection_checks(context, inspection)
                     if c.item_id == item)
    if args.format == "json":
        print_json(check_json(check))
        return 0
    print(f"已记录 / recorded：{check.criterion_id}  {_verdict(check.verdict)}"
          + (f"：{check.note}" if check.note else ""))
    return 0


def run_show(args: argparse.Namespace) -> int:
    with opened(args) as context:
        inspection = inspection_id(context, args.inspection)
        checks = api.office.reinspection_checks(context, inspection)
    if args.format == "json":
        print_json({"inspection_id": inspection, "checks": [check_json(c) for c in checks]})
        return 0
    if not checks:
        print("这次检查不是复查 / this inspection is not a re-inspection")
    print_checks(checks)
    return 0


def run_settle(args: argparse.Namespace) -> int:
    with opened(args) as context:
        wanted = check_id(context, args.check)
        outcome = CheckOutcome(api.office.settle_conflict(context, wanted, args.accept))
    if args.format == "json":
        print_json({"check_id": wanted, "accepted": args.accept, "outcome": outcome.value})
        return 0
    print(f"冲突已处理 / conflict settled ({wanted})：{words(OUTCOME_WORDS[outcome])}")
    return 0


def run_pdf(args: argparse.Namespace) -> int:
    target = output_file(args.file, ".pdf")
    with opened(args) as context:
        inspection = inspection_id(context, args.inspection)
        built = api.office_printing.write_reinspection_pdf(context, inspection, target)
    if args.format == "json":
        print_json({"inspection_id": inspection, "file": str(built.path), "pages": built.pages,
                    "unprinted_photos": built.unprinted_photos})
        return 0
    print(f"{built.path}：共 {built.pages} 页 / {built.pages} pages")
    if built.unprinted_photos:
        print(built.unprinted_message())
    return 0
