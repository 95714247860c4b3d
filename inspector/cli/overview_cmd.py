"""``inspector overview show``: the county at a glance, as the office's overview shows it:
coverage, compliance, common problems, ranking, trends and rectification."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from inspector.cli import loop_common
from inspector.cli.common import (
    UsageError,
    add_command,
    add_format,
    needs_action,
    opened,
    tier_argument,
)
from inspector.cli.loop_common import date_argument
from inspector.domain.scoring import format_percent
from inspector.services import api


def register(commands: Any) -> None:
    overview = add_command(commands, "overview", "全县督导概况 / the county at a glance",
                           needs_action)
    actions = overview.add_subparsers(dest="overview_command", metavar="ACTION")
    show = add_command(actions, "show", "覆盖面、达标情况、常见问题、排名、趋势和整改 / "
                                        "coverage, compliance, common problems, ranking, "
                                        "trends and rectification", run_show)
    show.add_argument("--from", dest="start", type=date_argument, metavar="DATE",
                      help="期间起始日 / the first day of the period")
    show.add_argument("--to", dest="end", type=date_argument, metavar="DATE",
                      help="期间截止日 / the last day of the period")
    show.add_argument("--campaign", metavar="ID",
                      help="只看这个督导计划（其场所和期限）/ one campaign: its sites and period")
    show.add_argument("--tier", type=tier_argument, metavar="TIER", help="只看这一层级 / one tier")
    show.add_argument("--township", metavar="NAME",
                      help="只看这个乡镇（街道），名称或区划代码 / one township, by name or code")
    show.add_argument("--all-received", action="store_true",
                      help="计入收到的全部检查，而不只是审核通过的 / count every inspection "
                           "received, not only the approved ones")
    show.add_argument("--stale-years", type=int, default=3, metavar="N",
                      help="多少年未检查算作久未检查（默认 3）/ years without a result that "
                           "count as long unvisited (default 3)")
    add_format(show)


def run_show(args: argparse.Namespace) -> int:
    from inspector.services.overview import OverviewFilter

    with opened(args) as context:
        township_id = None
        if args.township:
            townships = api.supervision.township_names(context)
            if args.township not in townships:
                raise UsageError(f"没有这个乡镇（街道）/ no such township: {args.township}")
            township_id = townships[args.township]
        campaign_id = None
        if args.campaign:
            campaign_id = loop_common.campaign_id(context, args.campaign)
        wanted = OverviewFilter(args.start, args.end, campaign_id, args.tier, township_id,
                                not args.all_received, args.stale_years)
        data = api.overview.county_overview(context, wanted, date.today())
    if args.format == "json":
        print(api.overview.as_json(data))
        return 0
    figures = data.figures
    county = figures.county
    counted = ("审核通过的结果 / approved results" if data.filter.approved_only
               else "收到的全部结果 / every result received")
    print(f"覆盖 / coverage: {county.inspected}/{county.sites} "
          f"({format_percent(county.coverage)}) · 得分 / score "
          f"{format_percent(county.shares.score)} · {counted}")
    for rating, zh, en in figures.ratings:
        print(f"  {zh} / {en}: {county.shares.counts.get(rating, 0)} "
              f"({format_percent(county.shares.share(rating))})")
    for group in (*figures.tiers, *figures.townships):
        print(f"{group.label}: {group.inspected}/{group.sites} · "
              f"{format_percent(group.shares.score)}")
    if figures.problems:
        print("常见问题 / common problems:")
        for problem in figures.problems[:10]:
            print(f"  {problem.findings}/{problem.sites_rated}  {problem.text}")
    print(f"从未检查 / never inspected: {len(figures.never_inspected)} · "
          f"{data.filter.stale_years} 年以上未检查 / not for {data.filter.stale_years}+ years: "
          f"{len(figures.stale)} · 上升 / up {figures.moved_up} · 下降 / down {figures.moved_down}")
    return 0
