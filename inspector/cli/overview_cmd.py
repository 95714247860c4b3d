"""``inspector overview show``: the county at a glance, as the office's overview shows it:
coverage, compliance, common problems, ranking, trends and rectification."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from inspector.cli import overview_filters
from inspector.cli.common import add_command, add_format, needs_action, opened
from inspector.domain.scoring import format_percent
from inspector.services import api


def register(commands: Any) -> None:
    overview = add_command(commands, "overview", "全县督导概况 / the county at a glance",
                           needs_action)
    actions = overview.add_subparsers(dest="overview_command", metavar="ACTION")
    show = add_command(actions, "show", "覆盖面、达标情况、常见问题、排名、趋势和整改 / "
                                        "coverage, compliance, common problems, ranking, "
                                        "trends and rectification", run_show)
    overview_filters.add_filters(show)
    add_format(show)
    from inspector.cli import overview_export_cmd, overview_report_cmd

    overview_export_cmd.register(actions)  # the workbook
    overview_report_cmd.register(actions)  # the report and the public notice


def run_show(args: argparse.Namespace) -> int:
    with opened(args) as context:
        wanted = overview_filters.chosen_filter(context, args)
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
