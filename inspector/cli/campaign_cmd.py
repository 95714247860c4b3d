"""``inspector campaign``: supervision campaigns (督导计划) drawn and kept with their
assignments, listed, shown with where each assignment stands, and drawn again from their
record to check it."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from inspector.cli.common import (
    add_command,
    add_format,
    add_group,
    opened,
    print_json,
    terminal_columns,
)
from inspector.cli.draw_cmd import print_draw
from inspector.cli.draw_options import (
    add_draw_options,
    checked_files,
    codes_by_site,
    draw_json,
    draw_request,
)
from inspector.cli.loop_common import campaign_id, date_argument, day, today, who, words
from inspector.domain.supervision import CAMPAIGN_KIND_WORDS, CampaignKind
from inspector.services import api

if TYPE_CHECKING:
    from inspector.services.campaigns import CampaignView
    from inspector.services.context import AppContext
    from inspector.services.sync.assignments import AssignmentView

#: Exit status of ``campaign redraw`` when the draw made again differs from the record.
EXIT_DIFFERENT = 1


def register(commands: Any) -> None:
    actions = add_group(commands, "campaign", "督导计划：抽取场所与人员并生成任务 / supervision "
                                              "campaigns: draw sites and inspectors, make the "
                                              "assignments")
    create = add_command(
        actions, "create", "新建督导计划：按与 inspector draw 相同的选项抽取，保存计划和它的任务 / "
                           "a new campaign: draw with the options of inspector draw, and keep "
                           "the campaign with its assignments", run_create)
    create.add_argument("--name", required=True, metavar="NAME",
                        help="督导计划名称 / the campaign's name")
    create.add_argument("--kind", required=True, choices=[k.value for k in CampaignKind],
                        help="comprehensive 综合督导、special 专项督导、reinspection 复查 / "
                             "the kind of campaign")
    create.add_argument("--from", dest="start", required=True, type=date_argument,
                        metavar="YYYY-MM-DD", help="督导开始日期 / first day")
    create.add_argument("--to", dest="end", required=True, type=date_argument,
                        metavar="YYYY-MM-DD", help="督导结束日期 / last day")
    add_draw_options(create)
    create.add_argument("--by", metavar="NAME",
                        help="制定人（默认：登录名）/ who makes it (default: the login name)")
    add_format(create)

    listing = add_command(actions, "list", "列出督导计划，最新的在前，及其任务进度 / the "
                                           "campaigns, newest first, with their assignments' "
                                           "progress", run_list)
    add_format(listing)
    show = add_command(actions, "show", "一个督导计划及其每个任务的状态 / a campaign with "
                                        "where each of its assignments stands", run_show)
    show.add_argument("campaign", metavar="ID", help="督导计划编号（至少前 8 位）/ the "
                                                    "campaign's id (8 characters at least)")
    add_format(show)
    redraw = add_command(
        actions, "redraw", "按保存的记录重新抽取，核对结果是否相同（不同时退出码为 1）/ make "
                           "the draw again from its record and say whether it is identical "
                           "(exit 1 if not)", run_redraw)
    redraw.add_argument("campaign", metavar="ID", help="督导计划编号（至少前 8 位）/ the "
                                                      "campaign's id (8 characters at least)")
    add_format(redraw)


def _kind(kind: CampaignKind) -> str:
    return words(CAMPAIGN_KIND_WORDS[kind])


def _campaign(context: AppContext, given: str) -> CampaignView:
    wanted = campaign_id(context, given)
    return next(c for c in api.office.list_campaigns(context, today()) if c.id == wanted)


def _assignments(context: AppContext, view: CampaignView) -> list[AssignmentView]:
    mine = set(view.assignment_ids)
    return [a for a in api.sync.list_assignments(context) if a.id in mine]


def _assignment_json(a: AssignmentView) -> dict[str, Any]:
    return {"assignment_id": a.id, "site_id": a.site_id, "site_code": a.site_code,
            "site_name": a.site_name, "inspectors": a.inspector_name,
            "period_start": a.period_start.isoformat(), "period_end": a.period_end.isoformat(),
            "state": a.state.value, "inspection_id": a.inspection_id,
            "visit_date": day(a.visit_date) if a.visit_date else None, "score": a.score}


def _campaign_json(view: CampaignView) -> dict[str, Any]:
    return {"id": view.id, "name": view.name, "kind": view.kind.value,
            "period_start": view.period_start.isoformat(),
            "period_end": view.period_end.isoformat(), "created_by": view.created_by,
            "seed": view.seed, "fingerprint": view.fingerprint,
            "assignments": len(view.assignment_ids),
            "states": {state.value: count for state, count in sorted(view.states.items())}}


def run_create(args: argparse.Namespace) -> int:
    target = checked_files(args)
    with opened(args) as context:
        wanted = draw_request(context, args)
        new_id, result = api.office.create_campaign(
            context, args.name, CampaignKind(args.kind), args.start, args.end,
            wanted.inspectors, wanted.rules, wanted.seed, who(args), today())
        codes = codes_by_site(context)
        view = _campaign(context, new_id)
        made = {a.site_id: a.id for a in _assignments(context, view)}
    if target is not None:
        api.supervision.write_draw_record(target, result, view.name)
    if args.format == "json":
        drawn = draw_json(result, view.name, codes)
        for pairing in drawn["pairings"]:
            pairing["assignment_id"] = made.get(pairing["site_id"])
        print_json({**drawn, "campaign_id": new_id, "kind": view.kind.value,
                    "period_start": view.period_start.isoformat(),
                    "period_end": view.period_end.isoformat(), "created_by": view.created_by,
                    "record": str(target) if target is not None else None})
        return 0
    print(f"已新建督导计划 / campaign created: {view.name}（{_kind(view.kind)}）"
          f"{view.period_start} – {view.period_end}，任务 / assignments "
          f"{len(view.assignment_ids)} ({new_id})")
    print_draw(result, "", codes)
    if target is not None:
        print(f"抽取记录已写入 / draw record written: {target}")
    return 0


def run_list(args: argparse.Namespace) -> int:
    with opened(args) as context:
        views = api.office.list_campaigns(context, today())
    if args.format == "json":
        print_json([_campaign_json(v) for v in views])
        return 0
    if not views:
        print("没有督导计划 / no campaigns")
    for v in views:
        counts = "，".join(f"{_state(s)} {n}" for s, n in sorted(v.states.items()))
        print(f"{v.id[:8]}  {v.period_start} – {v.period_end}  {_kind(v.kind)}  {v.name}  "
              f"任务 / assignments {len(v.assignment_ids)}（{counts or '—'}）")
    return 0


def _state(state: Any) -> str:
    from inspector.services.assignment_state import STATE_WORDS

    return STATE_WORDS[state]


def run_show(args: argparse.Namespace) -> int:
    with opened(args) as context:
        view = _campaign(context, args.campaign)
        assignments = _assignments(context, view)
    if args.format == "json":
        print_json({**_campaign_json(view),
                    "assignment_list": [_assignment_json(a) for a in assignments]})
        return 0
    print(f"督导计划 / campaign: {view.name}（{_kind(view.kind)}） ({view.id})")
    print(f"期限 / period: {view.period_start} – {view.period_end}；制定人 / by: "
          f"{view.created_by or '—'}")
    print(f"随机种子 / seed: {view.seed}；指纹 / fingerprint: {view.fingerprint}")
    for a in assignments:
        state = _state(a.state)
        state += " " * max(0, 20 - terminal_columns(state))
        visit = f"  （{a.visit_date}，{a.inspection_id[:8]}）" if a.inspection_id else ""
        print(f"  {state}  {a.site_code or '':12}  {a.site_name}  {a.inspector_name}{visit}")
    return 0


def run_redraw(args: argparse.Namespace) -> int:
    with opened(args) as context:
        wanted = campaign_id(context, args.campaign)
        again, same = api.office.redraw_campaign(context, wanted)
        codes = codes_by_site(context)
    if args.format == "json":
        print_json({**draw_json(again, "", codes), "campaign_id": wanted, "identical": same})
    else:
        print_draw(again, "", codes)
        print("与记录相同 / identical to the record" if same else
              "与记录不同：记录或抽取方法已被改动 / differs from the record: the record or the "
              "way of drawing has changed")
    if not same:
        return EXIT_DIFFERENT
    return 0
