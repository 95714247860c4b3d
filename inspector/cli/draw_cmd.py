"""``inspector draw``: draw the sites of a campaign and pair them with inspectors (双随机),
and print or write the draw record (抽取记录)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from inspector.cli.common import (
    UsageError,
    add_command,
    add_format,
    opened,
    output_file,
    print_json,
    tier_argument,
)
from inspector.domain.draw import Draw
from inspector.domain.draw_rules import GroupBy, Quota, Rules, Sample, SiteScope
from inspector.domain.tiers import tier_label
from inspector.services import api


def register(commands: Any) -> None:
    parser = add_command(
        commands, "draw", "随机抽取督导场所并随机匹配督导人员（双随机），遵守回避与上限 / draw "
                          "sites at random and pair them with inspectors at random, keeping "
                          "to 回避 (conflicts of interest) and caps", run)
    parser.add_argument(
        "--inspectors", type=Path, required=True, metavar="FILE.csv",
        help="督导人员名单 CSV：姓名、上限（可空）、回避场所（区划代码或名称，用；分隔）、"
             "回避乡镇（乡镇名称，用；分隔）/ the inspector list as CSV: name, cap (may be "
             "empty), avoid_sites (division codes or names, separated by ;), avoid_townships "
             "(township names, separated by ;)")
    parser.add_argument(
        "--tier", action="append", type=tier_argument, default=[], metavar="TIER",
        help="只在此层级中抽取（可重复）/ draw only from this tier (may be repeated)")
    parser.add_argument(
        "--township", action="append", default=[], metavar="NAME",
        help="只在此乡镇（街道）中抽取，名称或区划代码（可重复）/ draw only from this township, "
             "by name or division code (may be repeated)")
    sample = parser.add_mutually_exclusive_group()
    sample.add_argument("--count", type=int, metavar="N",
                        help="每组抽取的场所数（默认：全部）/ sites drawn per group (default: all)")
    sample.add_argument("--percent", type=int, metavar="P",
                        help="每组抽取的比例，向上取整 / the share drawn per group, in percent, "
                             "rounded up")
    parser.add_argument(
        "--per", choices=[g.value for g in GroupBy], default=GroupBy.NONE.value,
        help="分组：none 不分组、tier 按层级、township 按乡镇、tier_township 按乡镇内的层级 / "
             "groups: none, per tier, per township, per tier within each township")
    parser.add_argument("--inspectors-per-site", type=int, default=2, metavar="K",
                        help="每个场所的督导人数（默认 2）/ inspectors per site (default 2)")
    parser.add_argument("--seed", metavar="S",
                        help="随机种子：整数或一段文字（默认：随机选取并打印）/ the seed: a "
                             "whole number or some text (default: chosen at random and shown)")
    parser.add_argument("--name", default="", metavar="NAME",
                        help="督导计划名称，印在抽取记录上 / the campaign's name, for the record")
    parser.add_argument("--pdf", type=Path, metavar="FILE",
                        help="将抽取记录写入此 PDF 文件 / write the draw record to this PDF file")
    add_format(parser)


def _seed(text: str | None) -> int | str | None:
    if text is None:
        return None
    stripped = text.strip()
    return int(stripped) if stripped.isdigit() else text


def run(args: argparse.Namespace) -> int:
    if not args.inspectors.is_file():
        raise UsageError(f"找不到督导人员名单 / no such file: {args.inspectors}")
    target = output_file(args.pdf, ".pdf") if args.pdf else None
    with opened(args) as context:
        supervision = api.supervision
        inspectors = supervision.read_inspector_list(context, args.inspectors)
        townships = supervision.township_names(context)
        unknown = [name for name in args.township if name not in townships]
        if unknown:
            raise UsageError(f"名册中没有乡镇（街道）“{unknown[0]}” / no township {unknown[0]!r} "
                             f"in the registry: give a township school's name or code")
        rules = Rules(SiteScope(frozenset(args.tier),
                                frozenset(townships[name] for name in args.township)),
                      Sample(GroupBy(args.per), Quota(args.count, args.percent)),
                      args.inspectors_per_site)
        result = supervision.draw_campaign(context, inspectors, rules, _seed(args.seed))
        codes = {site_id: code for code, site_id in supervision.site_codes(context).items()}
    if target is not None:
        supervision.write_draw_record(target, result, args.name or "督导抽取")
    if args.format == "json":
        print_json(as_json(result, args.name, codes))
    else:
        _print_text(result, args.name, codes)
    if target is not None and args.format != "json":
        print(f"抽取记录已写入 / draw record written: {target}")
    return 0


def as_json(result: Draw, name: str, codes: dict[str, str]) -> dict[str, Any]:
    return {"name": name, "seed": result.seed, "method": result.method,
            "fingerprint": result.fingerprint, "rules": result.rules.as_dict(),
            "groups": [{"label": g.label, "in_scope": g.in_scope, "drawn": g.drawn}
                       for g in result.groups],
            "pairings": [{"site_id": p.site.id, "site_code": codes.get(p.site.id),
                          "site_name": p.site.name, "tier": p.site.tier.value,
                          "township": p.site.township_name,
                          "inspectors": [i.name for i in p.inspectors]}
                         for p in result.pairings]}


def _print_text(result: Draw, name: str, codes: dict[str, str]) -> None:
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
