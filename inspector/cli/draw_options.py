"""The draw's options (who, where, how many, the seed, the record), shared by
``inspector draw`` and ``inspector campaign create``: declared once, read once."""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from inspector.cli.common import UsageError, output_file, tier_argument
from inspector.domain.draw_rules import GroupBy, Inspector, Quota, Rules, Sample, SiteScope
from inspector.services import api

if TYPE_CHECKING:
    from inspector.services.context import AppContext


def add_draw_options(parser: argparse.ArgumentParser) -> None:
    """``--inspectors``, the scope (``--tier``, ``--township``), the sample (``--count`` or
    ``--percent`` per ``--per`` group), ``--inspectors-per-site``, ``--seed`` and ``--pdf``."""
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
    parser.add_argument("--pdf", type=Path, metavar="FILE",
                        help="将抽取记录写入此 PDF 文件 / write the draw record to this PDF file")


@dataclass(frozen=True)
class DrawRequest:
    """What the options ask the draw for."""

    inspectors: list[Inspector]
    rules: Rules
    seed: int | str | None


def seed_of(text: str | None) -> int | str | None:
    if text is None:
        return None
    stripped = text.strip()
    return int(stripped) if stripped.isdigit() else text


def checked_files(args: argparse.Namespace) -> Path | None:
    """Before anything is opened: the inspector list exists, and the record's PDF (if asked
    for) can be written; the PDF's path."""
    if not args.inspectors.is_file():
        raise UsageError(f"找不到督导人员名单 / no such file: {args.inspectors}")
    return output_file(args.pdf, ".pdf") if args.pdf else None


def draw_request(context: AppContext, args: argparse.Namespace) -> DrawRequest:
    """The inspectors read from their list, the rules and the seed of the options."""
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
    return DrawRequest(inspectors, rules, seed_of(args.seed))


def codes_by_site(context: AppContext) -> dict[str, str]:
    """Each site's division code, by the site's id."""
    return {site_id: code for code, site_id in api.supervision.site_codes(context).items()}


def draw_json(result: Any, name: str, codes: dict[str, str]) -> dict[str, Any]:
    """A draw as ``--format json`` gives it."""
    return {"name": name, "seed": result.seed, "method": result.method,
            "fingerprint": result.fingerprint, "rules": result.rules.as_dict(),
            "groups": [{"label": g.label, "in_scope": g.in_scope, "drawn": g.drawn}
                       for g in result.groups],
            "pairings": [{"site_id": p.site.id, "site_code": codes.get(p.site.id),
                          "site_name": p.site.name, "tier": p.site.tier.value,
                          "township": p.site.township_name,
                          "inspectors": [i.name for i in p.inspectors]}
                         for p in result.pairings]}
