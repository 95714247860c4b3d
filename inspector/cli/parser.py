"""The ``inspector`` command line: its options and the command groups."""

from __future__ import annotations

import argparse
import re
import unicodedata
from typing import Any, NoReturn

from inspector.cli.common import EXIT_USAGE, data_dir_parent

_CJK = r"\u2e80-\u9fff\u3000-\u303f\uff00-\uffef"
_TOKENS = re.compile(rf"[{_CJK}]|[^\s{_CJK}]+|\s+")
_NO_BREAK_BEFORE = set("，。、）：；！？")


def _display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def wrap_bilingual(text: str, width: int) -> list[str]:
    """Wrap by display width: a Chinese character takes two columns and may break anywhere."""
    lines: list[str] = []
    current = ""
    for token in _TOKENS.findall(" ".join(text.split())):
        if token.isspace():
            current += " " if current else ""
            continue
        fits = _display_width(current) + _display_width(token) <= width
        if token == "/" and not fits:  # keep "中文 /" together; argparse leaves 2 columns spare
            fits = _display_width(current) + 1 <= width + 2
        if current and not fits and token not in _NO_BREAK_BEFORE and current[-1] != "（":
            lines.append(current.rstrip())
            current = ""
        current += token
    if current:
        lines.append(current.rstrip())
    return lines


# argparse's own words, in Chinese first as the rest of the command line.
_HEADINGS = {"positional arguments": "参数 / positional arguments",
             "options": "选项 / options", "optional arguments": "选项 / options"}
_ERRORS = [
    (re.compile(r"the following arguments are required: (?P<what>.+)"),
     "缺少必需的参数 {what}"),
    (re.compile(r"argument (?P<arg>.+?): invalid choice: (?P<value>.+?) "
                r"\(choose from (?P<choices>.+)\)"),
     "参数 {arg} 的值 {value} 无效 / argument {arg}: invalid choice: {value}；可选 / choose "
     "from: {choices}"),
    (re.compile(r"argument (?P<arg>.+?): invalid \w+ value: (?P<value>.+)"),
     "参数 {arg} 的值 {value} 无效"),
    (re.compile(r"argument (?P<arg>.+?): expected (one|at least one) argument"),
     "参数 {arg} 后面需要写一个值"),
    (re.compile(r"argument (?P<arg>.+?): not allowed with argument (?P<other>.+)"),
     "参数 {arg} 不能与 {other} 同时使用"),
    (re.compile(r"one of the arguments (?P<what>.+) is required"), "须给出其中一个参数：{what}"),
    (re.compile(r"unrecognized arguments: (?P<what>.+)"), "无法识别的参数 {what}"),
    # Our own argument checks word their message in both languages already.
    (re.compile(r"argument (?P<arg>.+?): (?P<message>[^/]+ / .+)"), "参数 {arg}：{message}"),
    (re.compile(r"ambiguous option: (?P<option>\S+) could match (?P<matches>.+)"),
     "选项 {option} 不明确，可能是 {matches}"),
]


def bilingual_error(message: str) -> str:
    """argparse's error message with its Chinese in front: "中文 / English"."""
    for pattern, chinese in _ERRORS:
        match = pattern.fullmatch(message)
        if match:
            text = chinese.format(**match.groupdict())
            return text if " / " in text else f"{text} / {message}"
    return f"命令行有误 / {message}"


class _Formatter(argparse.HelpFormatter):
    def _split_lines(self, text: str, width: int) -> list[str]:
        return wrap_bilingual(text, width)

    def add_usage(self, usage: str | None, actions: Any, groups: Any,
                  prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, "用法 / usage: " if prefix is None else prefix)

    def start_section(self, heading: str | None) -> None:
        super().start_section(_HEADINGS.get(heading or "", heading))

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "\n".join(indent + line for line in wrap_bilingual(text, width - len(indent)))


class _Parser(argparse.ArgumentParser):
    """argparse that wraps Chinese help correctly and says -h/--help in both languages."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)
        for action in self._actions:
            if isinstance(action, argparse._HelpAction):
                action.help = "显示本帮助并退出 / show this help and exit"

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {bilingual_error(message)}\n")


def command_modules() -> tuple[Any, ...]:
    """The command groups, imported only when the command line is really used."""
    from inspector.cli import (
        assignments_cmd,
        campaign_cmd,
        checklist_cmd,
        demo_cmd,
        devices_cmd,
        draw_cmd,
        items_cmd,
        letter_cmd,
        maint_cmd,
        office_cmd,
        overview_cmd,
        print_cmd,
        reinspect_cmd,
        review_cmd,
        sites_cmd,
        sync_cmd,
    )

    return (demo_cmd, checklist_cmd, sites_cmd, print_cmd, sync_cmd, assignments_cmd,
            draw_cmd, campaign_cmd, review_cmd, letter_cmd, items_cmd, reinspect_cmd,
            office_cmd, overview_cmd, devices_cmd, maint_cmd)


def build_parser() -> argparse.ArgumentParser:
    from inspector import __version__

    parser = _Parser(
        prog="inspector",
        description="社区教育站点督导检查。不带命令时打开程序窗口。/ Inspection of "
        "community-education sites. Without a command, opens the program's window.",
        parents=[data_dir_parent()],
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}",
                        help="显示版本号并退出 / show the version and exit")
    parser.add_argument("--language", choices=["zh_CN", "en"], help=argparse.SUPPRESS)
    parser.add_argument("-v", "--verbose", action="store_true", help="记录更详细的日志 / "
                                                                     "log more detail")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="检查本机安装能否正常工作（只用临时数据）后退出 / check that this "
        "installation works (temporary data only), then exit",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module in command_modules():
        module.register(commands)
    return parser
