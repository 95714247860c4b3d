"""``inspector office-settings``: what the office's feedback letters print (the issuing body,
the start of their number) and the deadline they propose; shown, or changed and shown."""

from __future__ import annotations

import argparse
import dataclasses
from typing import Any

from inspector.cli.common import add_command, add_format, opened, print_json
from inspector.services import api


def register(commands: Any) -> None:
    parser = add_command(commands, "office-settings",
                         "督导意见书的督导机构、文号前缀和整改期限天数：查看或修改 / the "
                         "issuing body, letter number prefix and deadline days of feedback "
                         "letters: show or change them", run)
    parser.add_argument("--issuer", metavar="TEXT",
                        help="督导机构名称，如 青溪县人民政府教育督导室 / the issuing body")
    parser.add_argument("--prefix", metavar="TEXT",
                        help="文号前缀：县教督 得到 县教督〔2026〕3号 / the start of a letter's "
                             "number")
    parser.add_argument("--deadline-days", type=int, metavar="N",
                        help="发出意见书后默认的整改天数（1–366）/ days from issuing to the "
                             "deadline (1-366)")
    add_format(parser)


def run(args: argparse.Namespace) -> int:
    changes: dict[str, Any] = {}
    if args.issuer is not None:
        changes["issuer"] = args.issuer
    if args.prefix is not None:
        changes["number_prefix"] = args.prefix
    if args.deadline_days is not None:
        changes["deadline_days"] = args.deadline_days
    with opened(args) as context:
        settings = api.office.office_settings(context)
        if changes:
            settings = api.office.save_office_settings(
                context, dataclasses.replace(settings, **changes))
    if args.format == "json":
        print_json({**dataclasses.asdict(settings), "changed": sorted(changes)})
        return 0
    if changes:
        print("已保存 / saved")
    print(f"督导机构 / issuing body:  {settings.issuer}")
    print(f"文号前缀 / number prefix: {settings.number_prefix}")
    print(f"整改天数 / deadline days: {settings.deadline_days}")
    return 0
