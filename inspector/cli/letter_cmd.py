"""``inspector letter``: the sites' feedback letters (督导意见书): listed, shown with their
rectification items, and issued (numbered, with the deadline, its items opened)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from inspector.cli.common import (
    add_command,
    add_format,
    add_group,
    opened,
    output_file,
    print_json,
)
from inspector.cli.loop_common import (
    as_plain,
    date_argument,
    day,
    letter_id,
    site_id,
    today,
)
from inspector.cli.review_cmd import print_letter_items
from inspector.services import api

if TYPE_CHECKING:
    from inspector.services.api.office import LetterView


def register(commands: Any) -> None:
    actions = add_group(commands, "letter", "督导意见书：查看与发出 / feedback letters to the "
                                            "sites: see and issue them")
    listing = add_command(actions, "list", "列出督导意见书，最早起草的在前 / the feedback "
                                           "letters, oldest first", run_list)
    listing.add_argument("--site", metavar="CODE",
                         help="只列出此站点（区划代码）的 / only this site's (division code)")
    add_format(listing)
    show = add_command(actions, "show", "一份意见书及其整改事项 / a letter with its "
                                        "rectification items", run_show)
    _letter(show)
    add_format(show)
    issue = add_command(actions, "issue", "发出意见书：编文号、定整改期限，整改事项开始计时 / "
                                          "issue the letter: its number and deadline given, "
                                          "its items opened", run_issue)
    _letter(issue)
    issue.add_argument("--by", required=True, metavar="NAME", help="签发人 / who issues it")
    issue.add_argument("--deadline", type=date_argument, metavar="YYYY-MM-DD",
                       help="整改期限（默认：按办公室设置的天数）/ the deadline (default: the "
                            "office settings' number of days from today)")
    add_format(issue)
    pdf = add_command(actions, "pdf", "把意见书打印为 A4 PDF（未发出的印有“草稿”）/ the letter "
                                      "as an A4 PDF (one not issued is marked as a draft)",
                      run_pdf)
    _letter(pdf)
    pdf.add_argument("file", type=Path, metavar="FILE", help="要写出的 PDF 文件 / the PDF file "
                                                             "to write")
    add_format(pdf)


def _letter(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("letter", metavar="ID", help="意见书编号（至少前 8 位）/ the letter's "
                                                     "id (8 characters at least)")


def _number(letter: LetterView) -> str:
    return letter.number or "待发出 / draft"


def run_list(args: argparse.Namespace) -> int:
    with opened(args) as context:
        site = site_id(context, args.site) if args.site else None
        found = api.office.letters(context, site)
    if args.format == "json":
        print_json(as_plain(found))
        return 0
    if not found:
        print("没有督导意见书 / no feedback letters")
    for letter in found:
        print(f"{letter.id[:8]}  {_number(letter)}  {letter.site_name}  发出 / issued "
              f"{day(letter.issued_on)}  期限 / deadline {day(letter.deadline)}  整改事项 / "
              f"items {len(letter.items)}")
    return 0


def print_letter(letter: LetterView) -> None:
    print(f"督导意见书 / feedback letter {_number(letter)}  {letter.site_name}  ({letter.id})")
    if letter.issued_on is not None:
        print(f"{letter.issuer}  发出 / issued {day(letter.issued_on)}（{letter.issued_by}）  "
              f"整改期限 / deadline {day(letter.deadline)}")
    print(f"整改事项 / items: {len(letter.items)}")
    print_letter_items(letter)


def run_show(args: argparse.Namespace) -> int:
    with opened(args) as context:
        found = api.office.letter(context, letter_id(context, args.letter))
    if args.format == "json":
        print_json(as_plain(found))
    else:
        print_letter(found)
    return 0


def run_issue(args: argparse.Namespace) -> int:
    with opened(args) as context:
        issued = api.office.issue_letter(context, letter_id(context, args.letter),
                                         args.deadline, args.by, today())
    if args.format == "json":
        print_json(as_plain(issued))
    else:
        print("已发出 / issued")
        print_letter(issued)
    return 0


def run_pdf(args: argparse.Namespace) -> int:
    target = output_file(args.file, ".pdf")
    with opened(args) as context:
        wanted = letter_id(context, args.letter)
        built = api.office_printing.write_letter_pdf(context, wanted, target)
    if args.format == "json":
        print_json({"letter_id": wanted, "file": str(built.path), "pages": built.pages})
    else:
        print(f"{built.path}：共 {built.pages} 页 / {built.pages} pages")
    return 0
