"""``inspector draw``: draw the sites of a campaign and pair them with inspectors (双随机),
and print or write the draw record (抽取记录)."""

from __future__ import annotations

import argparse
from typing import Any

from inspector.cli.common import add_command, add_format, opened, print_json
from inspector.cli.draw_options import (
    add_draw_options,
    checked_files,
    codes_by_site,
    draw_json,
    draw_request,
)
from inspector.domain.draw import Draw
from inspector.domain.tiers import tier_label
from inspector.services import api


def register(commands: Any) -> None:
    parser = add_command(
        commands, "draw", "随机抽取督导场所并随机匹配督导人员（双随机），遵守回避与上限 / draw "
                          "sites at random and pair them with inspectors at random, keeping "
                          "to 回避 (conflicts of interest) and caps", run)
    add_draw_options(parser)
    parser.add_argument("--name", default="", metavar="NAME",
                        help="督导计划名称，印在抽取记录上 / the campaign's name, for the record")
    add_format(parser)


def run(args: argparse.Namespace) -> int:
    target = checked_files(args)
    with opened(args) as context:
        wanted = draw_request(context, args)
        result = api.supervision.draw_campaign(context, wanted.inspectors, wanted.rules,
                                               wanted.seed)
        codes = codes_by_site(context)
    if target is not None:
        api.supervision.write_draw_record(target, result, args.name or "督导抽取")
    if args.format == "json":
        print_json(draw_json(result, args.name, codes))
    else:
        print_draw(result, args.name, codes)
    if target is not None and args.format != "json":
        print(f"抽取记录已写入 / draw record written: {target}")
    return 0


def print_draw(result: Draw, name: str, codes: dict[str, str]) -> None:
    if name:
        print(f"督导计划 / campaign: {name}")
    print(f"随机种子 / seed: {result.seed}")
    print(f"指纹 / fingerprint: {result.fingerprint}")
    print(f"方法 / method: {result.method}")
    for group in result.groups:
        print(f"  {group.label}: {group.drawn}/{group.in_scope}")
    for pairing in result.pairings:
        site = pairing.site
        print(f"{codes.get(site.id, site.id)}  {site.name}  [{tier_label(site.tier)}]"
              f"  {site.township_name or '—'}  → {'、'.join(i.name for i in pairing.inspectors)}")
