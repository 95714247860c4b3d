"""``inspector items``: the rectification items (整改事项) and their ledger (整改台账):
listed and filtered, written as CSV; edited, merged, dropped or added before the letter is
issued; the site's reports recorded; verified, closed or opened again."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from inspector.cli.common import (
    UsageError,
    add_command,
    add_format,
    add_group,
    opened,
    output_file,
    print_json,
    tier_argument,
)
from inspector.cli.loop_common import (
    as_plain,
    date_argument,
    day,
    item_id,
    letter_id,
    site_id,
    today,
    words,
)
from inspector.domain.supervision import ITEM_STATE_WORDS, ItemState
from inspector.domain.tiers import tier_label
from inspector.services import api

if TYPE_CHECKING:
    from inspector.services.api.office import ItemView
    from inspector.services.rectification_ledger import ItemRow

#: The office's own steps on an item: the action and the state it leads to.
STEPS = {"verify": (ItemState.VERIFIED, "核实整改已完成 / verify that the item is done"),
         "close": (ItemState.CLOSED, "销号（须先核实）/ close the item (verified first)"),
         "reopen": (ItemState.OPEN, "重新打开，继续整改 / open the item again")}


def register(commands: Any) -> None:
    actions = add_group(commands, "items", "整改事项与整改台账 / rectification items and their "
                                           "ledger")
    listing = add_command(actions, "list", "整改台账：按乡镇、场所、检查项排列，可筛选、导出 / "
                                           "the ledger by township, site and criterion, "
                                           "filtered, written as CSV", run_list)
    listing.add_argument("--township", metavar="NAME|CODE",
                         help="只列出此乡镇（街道）的，名称或区划代码 / only this township's, by "
                              "name or division code")
    listing.add_argument("--tier", type=tier_argument, metavar="TIER",
                         help="只列出此层级的场所 / only sites of this tier")
    listing.add_argument("--state", action="extend", nargs="+", default=[], metavar="S",
                         choices=[s.value for s in ItemState],
                         help="只列出这些状态（默认：除 draft、dropped 外的全部）：draft 待发出、"
                              "open 整改中、reported 已报告、verified 已核实、closed 已销号、"
                              "dropped 已删除 / only these states (default: all but draft "
                              "and dropped)")
    listing.add_argument("--overdue", action="store_true",
                         help="只列出已逾期的 / only overdue items")
    listing.add_argument("--site", metavar="CODE",
                         help="只列出此站点（区划代码）的 / only this site's (division code)")
    listing.add_argument("--csv", type=Path, metavar="FILE",
                         help="将所列台账写入 CSV 文件（Excel 可打开）/ write the listed "
                              "ledger to a CSV file that Excel opens")
    listing.add_argument("--pdf", type=Path, metavar="FILE",
                         help="将所列台账打印为 A4 PDF / print the listed ledger as an A4 PDF")
    add_format(listing)

    edit = add_command(actions, "edit", "修改整改要求（发出前）、责任人或期限 / change the "
                                        "requirement (before issuing), the person responsible "
                                        "or the deadline", run_edit)
    _item(edit)
    edit.add_argument("--requirement", metavar="TEXT", help="整改要求 / the requirement")
    edit.add_argument("--responsible", metavar="NAME", help="场所责任人 / who is responsible "
                                                            "at the site")
    edit.add_argument("--deadline", type=date_argument, metavar="YYYY-MM-DD",
                      help="整改期限 / the deadline")
    add_format(edit)

    merge = add_command(actions, "merge", "把同一份意见书中的几个事项合并为一个（发出前）/ "
                                          "merge items of one letter into the first (before "
                                          "issuing)", run_merge)
    merge.add_argument("items", nargs="+", metavar="ID",
                       help="整改事项编号，两个或更多 / two or more items' ids")
    add_format(merge)

    drop = add_command(actions, "drop", "删除一个事项（发出前）/ drop an item (before "
                                        "issuing)", run_drop)
    _item(drop)
    add_format(drop)

    add = add_command(actions, "add", "为检查发现的问题添加事项（发出前）/ add an item for a "
                                      "finding of the letter's inspection (before issuing)",
                      run_add)
    add.add_argument("letter", metavar="LETTER_ID", help="意见书编号 / the letter's id")
    add.add_argument("criterion", metavar="CRITERION_ID",
                     help="检查项编号，如 facilities.v1 / the criterion's id")
    add_format(add)

    report = add_command(actions, "report", "登记场所的整改报告，可附照片或扫描件 / record "
                                            "the site's rectification report, with photos or "
                                            "scans", run_report)
    _item(report)
    report.add_argument("--date", required=True, type=date_argument, metavar="YYYY-MM-DD",
                        help="报告日期 / the report's date")
    report.add_argument("--text", required=True, metavar="TEXT",
                        help="报告内容 / what the site reports")
    report.add_argument("--attach", action="extend", nargs="+", type=Path, default=[],
                        metavar="FILE", help="照片或扫描件（图片文件）/ photos or scans "
                                             "(image files)")
    report.add_argument("--by", required=True, metavar="NAME", help="登记人 / who records it")
    add_format(report)

    for action, (_, help_text) in STEPS.items():
        step = add_command(actions, action, help_text, run_step)
        _item(step)
        step.add_argument("--note", default="", metavar="TEXT", help="说明 / a note")
        add_format(step)


def _item(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("item", metavar="ID", help="整改事项编号（至少前 8 位）/ the item's id "
                                                   "(8 characters at least)")


def _row_state(row: ItemRow) -> str:
    from inspector.services.rectification_ledger import state_words

    return words(state_words(row))


def run_list(args: argparse.Namespace) -> int:
    from inspector.services.rectification_ledger import LedgerFilter

    target = output_file(args.csv, ".csv") if args.csv else None
    printed = output_file(args.pdf, ".pdf") if args.pdf else None
    with opened(args) as context:
        township = None
        if args.township:
            townships = api.supervision.township_names(context)
            township = townships.get(args.township.strip())
            if township is None:
                raise UsageError(f"名册中没有乡镇（街道）“{args.township}” / no township "
                                 f"{args.township!r} in the registry: give a township school's "
                                 f"name or code")
        site = site_id(context, args.site) if args.site else None
        wanted = LedgerFilter(township, args.tier, frozenset(ItemState(s) for s in args.state),
                              args.overdue, site)
        rows = api.office.ledger(context, wanted, today())
        if printed is not None:
            api.office_printing.write_ledger_pdf(context, rows, printed, LEDGER_TITLE,
                                                 _filter_words(args))
    if target is not None:
        api.office.write_ledger_csv(target, rows)
    if args.format == "json":
        print_json(as_plain(rows))
        return 0
    if not rows:
        print("没有符合条件的整改事项 / no items match")
    for r in rows:
        print(f"{r.id[:8]}  {r.township_name or '—'}  {r.site_name}（{r.site_code or '—'}，"
              f"{tier_label(r.tier)}）  {r.criterion_id}  {_row_state(r)}  期限 / deadline "
              f"{day(r.deadline)}  {r.responsible or '—'}  {r.letter_number or '—'}")
    for written in (target, printed):
        if written is not None:
            print(f"已写入 {len(rows)} 项 / {len(rows)} items written: {written}")
    return 0


LEDGER_TITLE = "整改台账"


def _filter_words(args: argparse.Namespace) -> str:
    """The ledger's filters in words, as the printed ledger says which items it holds."""
    said = []
    if args.township:
        said.append(f"乡镇（街道）：{args.township}")
    if args.tier is not None:
        said.append(f"层级：{tier_label(args.tier)}")
    if args.site:
        said.append(f"场所：{args.site}")
    if args.state:
        said.append("状态：" + "、".join(ITEM_STATE_WORDS[ItemState(s)][0]
                                       for s in dict.fromkeys(args.state)))
    if args.overdue:
        said.append("仅逾期")
    return "；".join(said) or "全部未销号的整改事项"


def _print_item(args: argparse.Namespace, item: ItemView, done: str) -> None:
    if args.format == "json":
        print_json(as_plain(item))
        return
    print(f"{done} ({item.id})：{item.criterion_id}  {words(ITEM_STATE_WORDS[item.state])}  "
          f"期限 / deadline {day(item.deadline)}  责任人 / responsible {item.responsible or '—'}")
    print(f"  要求 / requirement: {item.requirement}")


def run_edit(args: argparse.Namespace) -> int:
    from inspector.services.rectification import ItemChange

    change = ItemChange(args.requirement, args.responsible, args.deadline)
    if change == ItemChange():
        raise UsageError("请给出要修改的内容：--requirement、--responsible 或 --deadline / say "
                         "what to change: --requirement, --responsible or --deadline")
    with opened(args) as context:
        item = api.office.edit_item(context, item_id(context, args.item), change, today())
    _print_item(args, item, "已修改 / changed")
    return 0


def run_merge(args: argparse.Namespace) -> int:
    with opened(args) as context:
        ids = [item_id(context, given) for given in args.items]
        item = api.office.merge_items(context, ids)
    _print_item(args, item, "已合并 / merged")
    return 0


def run_drop(args: argparse.Namespace) -> int:
    with opened(args) as context:
        item = api.office.drop_item(context, item_id(context, args.item))
    _print_item(args, item, "已删除 / dropped")
    return 0


def run_add(args: argparse.Namespace) -> int:
    with opened(args) as context:
        item = api.office.add_item(context, letter_id(context, args.letter),
                                   args.criterion.strip())
    _print_item(args, item, "已添加 / added")
    return 0


def run_report(args: argparse.Namespace) -> int:
    missing = [path for path in args.attach if not path.is_file()]
    if missing:
        raise UsageError(f"找不到附件 / no such file: {missing[0]}")
    with opened(args) as context:
        wanted = item_id(context, args.item)
        report_id = api.office.record_report(context, wanted, args.date, args.text, args.by,
                                             today(), list(args.attach))
        row = next(r for r in api.office.ledger(context, _every_state(), today())
                   if r.id == wanted)
    if args.format == "json":
        print_json({"report_id": report_id, "item_id": wanted, "state": row.state.value,
                    "reports": row.reports, "attachments": len(args.attach)})
        return 0
    print(f"已登记整改报告 / report recorded ({report_id})：整改事项 / item {wanted[:8]} "
          f"{_row_state(row)}，报告 / reports {row.reports}，附件 / attachments "
          f"{len(args.attach)}")
    return 0


def _every_state() -> Any:
    """The ledger's filter that every item passes."""
    from inspector.services.rectification_ledger import LedgerFilter

    return LedgerFilter(states=frozenset(ItemState))


def run_step(args: argparse.Namespace) -> int:
    state, _ = STEPS[args.items_action]
    with opened(args) as context:
        item = api.office.set_item_state(context, item_id(context, args.item), state,
                                         args.note)
    _print_item(args, item, words(ITEM_STATE_WORDS[state]))
    return 0
