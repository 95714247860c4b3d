"""``inspector assignments``: which inspector visits which site when (the county office)."""

from __future__ import annotations

import argparse
from typing import Any

from inspector.cli.common import (
    UsageError,
    add_command,
    add_format,
    needs_action,
    opened,
    print_json,
)
from inspector.services import api


def register(commands: Any) -> None:
    assignments = add_command(commands, "assignments",
                              "哪位督导员何时走访哪个站点（县级办公室）/ "
                              "which inspector visits which site when (office)", needs_action)
    assignment_cmds = assignments.add_subparsers(dest="assignments_command", metavar="ACTION")
    add = add_command(assignment_cmds, "add", "把站点分派给督导员，限定时段 / "
                                              "assign a site to inspectors for a period",
                      run_assignments_add)
    add.add_argument("--site", required=True, metavar="CODE", help="站点的行政区划代码 / "
                                                                   "the site's division code")
    add.add_argument("--inspectors", required=True, metavar="NAMES",
                     help="督导员姓名 / the inspectors' names")
    add.add_argument("--from", dest="start", required=True, metavar="YYYY-MM-DD",
                     help="开始日期 / first day")
    add.add_argument("--to", dest="end", required=True, metavar="YYYY-MM-DD",
                     help="结束日期 / last day")
    add.add_argument("--note", default="", help="备注 / a note")
    listing = add_command(assignment_cmds, "list", "列出分派 / "
                                                     "list the assignments", run_assignments_list)
    add_format(listing)


def run_assignments_add(args: argparse.Namespace) -> int:
    start, end = _date(args.start, "--from"), _date(args.end, "--to")
    with opened(args) as context:
        assigned = api.sync.add_assignment_by_code(context, args.site, args.inspectors,
                                                   start, end, args.note)
    if assigned is None:
        raise UsageError(f"没有区划代码为 {args.site} 的站点 / no site with code {args.site}")
    name, assignment_id = assigned.site_name, assigned.assignment_id
    print(f"已将 {name} 分派给 {args.inspectors}，{start} – {end} / assigned {name} to "
          f"{args.inspectors}, {start} – {end} ({assignment_id})")
    return 0


def _date(text: str, option: str) -> Any:
    from datetime import date

    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise UsageError(f"{option} 日期无效，请按 年-月-日 写，例如 2026-12-01 / {option}: "
                         f"not a valid date; write YYYY-MM-DD, e.g. 2026-12-01: {text}") from exc


def run_assignments_list(args: argparse.Namespace) -> int:
    with opened(args) as context:
        items = api.sync.list_assignments(context)
    if args.format == "json":
        print_json([vars(a) for a in items])
        return 0
    if not items:
        print("没有任务 / no assignments")
    for a in items:
        print(f"{a.period_start} – {a.period_end}  {_standing(a)}  {a.site_code or '':12}  "
              f"{a.site_name}  {a.inspector_name}{_visit(a)}")
    return 0


def _standing(a: Any) -> str:
    """The state, padded to one width on a terminal (a Chinese character takes two columns)."""
    from inspector.cli.common import terminal_columns
    from inspector.services.assignment_state import STATE_WORDS

    words = STATE_WORDS[a.state]
    return words + " " * max(0, 20 - terminal_columns(words))


def _visit(a: Any) -> str:
    """The inspection that fulfilled the assignment, or that is under way."""
    from inspector.domain.scoring import format_percent
    from inspector.services.assignment_state import AssignmentState

    if a.inspection_id is None:
        return ""
    if a.state is AssignmentState.DONE:
        return (f"（{a.visit_date} 检查，得分 {format_percent(a.score)} / inspected "
                f"{a.visit_date}, score {format_percent(a.score)}; {a.inspection_id[:8]}）")
    return f"（{a.visit_date} 开始 / started {a.visit_date}; {a.inspection_id[:8]}）"
