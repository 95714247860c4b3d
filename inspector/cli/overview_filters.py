"""The overview's filters on the command line, the same for every ``inspector overview``
action (show, export, …): a period or a campaign, a tier, a township, everything received
or approved results only, and the years that count as long unvisited."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from inspector.cli import loop_common
from inspector.cli.common import UsageError, tier_argument
from inspector.cli.loop_common import date_argument
from inspector.services import api

if TYPE_CHECKING:
    from inspector.services.context import AppContext
    from inspector.services.overview import OverviewFilter


def add_filters(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from", dest="start", type=date_argument, metavar="DATE",
                        help="期间起始日 / the first day of the period")
    parser.add_argument("--to", dest="end", type=date_argument, metavar="DATE",
                        help="期间截止日 / the last day of the period")
    parser.add_argument("--campaign", metavar="ID",
                        help="只看这个督导计划（其场所和期限）/ one campaign: its sites and "
                             "period")
    parser.add_argument("--tier", type=tier_argument, metavar="TIER",
                        help="只看这一层级 / one tier")
    parser.add_argument("--township", metavar="NAME",
                        help="只看这个乡镇（街道），名称或区划代码 / one township, by name or "
                             "code")
    parser.add_argument("--all-received", action="store_true",
                        help="计入收到的全部检查，而不只是审核通过的 / count every inspection "
                             "received, not only the approved ones")
    parser.add_argument("--stale-years", type=int, default=3, metavar="N",
                        help="多少年未检查算作久未检查（默认 3）/ years without a result that "
                             "count as long unvisited (default 3)")


def chosen_filter(context: AppContext, args: argparse.Namespace) -> OverviewFilter:
    """The filter the options of :func:`add_filters` ask for (a township and a campaign
    found by what the user typed)."""
    from inspector.services.overview import OverviewFilter

    township_id = None
    if args.township:
        townships = api.supervision.township_names(context)
        if args.township not in townships:
            raise UsageError(f"没有这个乡镇（街道）/ no such township: {args.township}")
        township_id = townships[args.township]
    campaign_id = None
    if args.campaign:
        campaign_id = loop_common.campaign_id(context, args.campaign)
    return OverviewFilter(args.start, args.end, campaign_id, args.tier, township_id,
                          not args.all_received, args.stale_years)
