"""``inspector review``: review (审核) of received inspections at the office: the queue, an
inspection's history and what changed since it was returned, approving (which drafts the
site's feedback letter) and returning with comments."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from inspector.cli.common import (
    UsageError,
    add_command,
    add_format,
    add_group,
    opened,
    print_json,
    terminal_columns,
)
from inspector.cli.loop_common import as_plain, day, inspection_id, words
from inspector.domain.supervision import REVIEW_STATE_WORDS, ReviewDecision, ReviewState
from inspector.services import api

if TYPE_CHECKING:
    from inspector.domain.supervision import Submission
    from inspector.services.api.office import Approved, LetterView
    from inspector.services.review import ReviewEntry

DECISION_WORDS = {ReviewDecision.APPROVED: ("通过", "approved"),
                  ReviewDecision.RETURNED: ("退回", "returned")}


def register(commands: Any) -> None:
    actions = add_group(commands, "review", "审核收到的检查：通过或退回 / review received "
                                            "inspections: approve or return them")
    listing = add_command(actions, "list", "收到的检查及其审核状态，最早提交的在前 / the "
                                           "inspections received, with where each stands in "
                                           "review, oldest submission first", run_list)
    listing.add_argument("--state", action="append", default=[], metavar="STATE",
                         choices=[s.value for s in ReviewState],
                         help="只列出此状态（可重复）：awaiting 待审核、returned 已退回、approved "
                              "已通过、in_field 检查中 / only this state (may be repeated)")
    add_format(listing)

    show = add_command(actions, "show", "一次检查的审核经过（含对检查项的意见）和退回后的改动 / "
                                        "an inspection's review history, with comments on "
                                        "criteria, and what changed since it was returned",
                       run_show)
    _inspection(show)
    add_format(show)

    approve = add_command(actions, "approve", "审核通过；有问题的检查随即起草督导意见书 / "
                                              "approve; an inspection with findings gets its "
                                              "feedback letter drafted", run_approve)
    _inspection(approve)
    approve.add_argument("--by", required=True, metavar="NAME",
                         help="审核人姓名 / who reviews")
    approve.add_argument("--comment", default="", metavar="TEXT",
                         help="审核意见 / a comment")
    add_format(approve)

    ret = add_command(actions, "return", "退回给督导员修改，附意见 / return to the inspector "
                                         "with comments", run_return)
    _inspection(ret)
    ret.add_argument("--by", required=True, metavar="NAME", help="审核人姓名 / who reviews")
    ret.add_argument("--comment", required=True, metavar="TEXT",
                     help="退回意见 / why it is returned")
    ret.add_argument("--criterion", action="append", default=[], type=_criterion_comment,
                     metavar="CID=TEXT",
                     help="对某个检查项的意见，如 facilities.v1=请补充照片（可重复）/ a comment "
                          "on one criterion, e.g. facilities.v1=add a photo (may be repeated)")
    add_format(ret)


def _inspection(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("inspection", metavar="ID",
                        help="检查编号（至少前 8 位）/ the inspection's id (8 characters at "
                             "least)")


def _criterion_comment(text: str) -> tuple[str, str]:
    criterion, sign, comment = text.partition("=")
    if not sign or not criterion.strip() or not comment.strip():
        raise argparse.ArgumentTypeError(
            f"请按 检查项编号=意见 写，例如 facilities.v1=请补充照片 / write CID=TEXT, e.g. "
            f"facilities.v1=add a photo: {text!r}")
    return criterion.strip(), comment.strip()


def _state(state: ReviewState) -> str:
    text = words(REVIEW_STATE_WORDS[state])
    return text + " " * max(0, 26 - terminal_columns(text))


def _entry(context: Any, wanted: str) -> ReviewEntry:
    found = next((e for e in api.office.review_queue(context) if e.inspection_id == wanted),
                 None)
    if found is None:
        raise UsageError(f"检查 {wanted} 所属站点不在名录中 / the site of inspection {wanted} "
                         f"is not in the registry")
    return found


def run_list(args: argparse.Namespace) -> int:
    states = frozenset(ReviewState(s) for s in args.state) or None
    with opened(args) as context:
        entries = api.office.review_queue(context, states)
    if args.format == "json":
        print_json(as_plain(entries))
        return 0
    if not entries:
        print("没有要列出的检查 / no inspections to list")
    for e in entries:
        again = f"  退回 / returned ×{e.returns}" if e.returns else ""
        kind = "  复查 / re-inspection" if e.is_reinspection else ""
        print(f"{e.inspection_id[:8]}  {_state(e.state)}{e.visit_date}  {e.site_code or '':12}  "
              f"{e.site_name}  {e.inspectors or '—'}{kind}{again}")
    return 0


def _submission(s: Submission | None) -> str:
    if s is None:
        return "—"
    return f"{s.rating or '未评定 / unrated'}，照片 / photos {s.photos}" + \
        (f"，“{s.note}”" if s.note else "")


def run_show(args: argparse.Namespace) -> int:
    with opened(args) as context:
        wanted = inspection_id(context, args.inspection)
        entry = _entry(context, wanted)
        history = api.office.review_history(context, wanted)
        changes = api.office.changes_since_return(context, wanted)
    if args.format == "json":
        print_json({**as_plain(entry), "history": as_plain(history),
                    "changes": as_plain(changes)})
        return 0
    print(f"{entry.site_name}（{entry.site_code or '—'}） {entry.visit_date}  "
          f"{entry.inspectors or '—'}  ({entry.inspection_id})")
    print(f"审核状态 / review state: {words(REVIEW_STATE_WORDS[entry.state])}")
    if not history:
        print("尚无审核记录 / not reviewed yet")
    for record in history:
        print(f"{str(record.at)[:19]}  {words(DECISION_WORDS[record.decision])}  "
              f"{record.reviewer}：{record.comment or '—'}")
        for criterion, comment in sorted(record.criterion_comments.items()):
            print(f"    {criterion}：{comment}")
    if changes:
        print("退回后的改动 / changed since the return:")
        for change in changes:
            print(f"  {change.criterion_id}：{_submission(change.before)} → "
                  f"{_submission(change.after)}")
    return 0


def letter_json(letter: LetterView | None) -> dict[str, Any] | None:
    return None if letter is None else as_plain(letter)


def print_letter_items(letter: LetterView) -> None:
    from inspector.domain.supervision import ITEM_STATE_WORDS

    for item in letter.items:
        print(f"  {item.id[:8]}  {item.criterion_id}  {item.rating}  "
              f"{words(ITEM_STATE_WORDS[item.state])}  期限 / deadline {day(item.deadline)}")
        if item.finding:
            print(f"      问题 / finding: {item.finding}")
        print(f"      要求 / requirement: {item.requirement}")


def run_approve(args: argparse.Namespace) -> int:
    with opened(args) as context:
        wanted = inspection_id(context, args.inspection)
        done = api.office.approve(context, wanted, args.by, args.comment)
    _print_approved(args, wanted, done)
    return 0


def _print_approved(args: argparse.Namespace, wanted: str, done: Approved) -> None:
    if args.format == "json":
        print_json({"inspection_id": wanted, "review_id": done.review_id,
                    "letter": letter_json(done.letter), "conflicts": as_plain(done.conflicts)})
        return
    print(f"已审核通过 / approved ({wanted})")
    if done.letter is not None:
        print(f"已起草督导意见书 / feedback letter drafted: {done.letter.id}，整改事项 / items "
              f"{len(done.letter.items)}")
        print_letter_items(done.letter)
    for check in done.conflicts:
        print(f"冲突 / conflict {check.check_id[:8]}：整改事项 / item {check.item_id[:8]} "
              f"（{check.criterion_id}）已在复查期间销号或删除，请用 inspector reinspect settle "
              f"处理 / was closed or dropped while re-inspected; settle it with inspector "
              f"reinspect settle")


def run_return(args: argparse.Namespace) -> int:
    comments: dict[str, str] = {}
    for criterion, comment in args.criterion:
        if criterion in comments:
            raise UsageError(f"检查项 {criterion} 的意见写了两次 / criterion {criterion} is "
                             f"given twice")
        comments[criterion] = comment
    with opened(args) as context:
        wanted = inspection_id(context, args.inspection)
        review_id = api.office.return_inspection(context, wanted, args.by, args.comment,
                                                 comments)
    if args.format == "json":
        print_json({"inspection_id": wanted, "review_id": review_id,
                    "criterion_comments": comments})
        return 0
    print(f"已退回，将随下一个任务包回到督导员的笔记本 / returned; it goes back to the "
          f"inspector's laptop with the next assignment bundle ({wanted})")
    return 0
