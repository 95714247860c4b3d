"""The ``inspector`` command line: its options and the command groups."""

from __future__ import annotations

import argparse
from typing import Any, NoReturn

from inspector.cli.common import EXIT_USAGE, data_dir_parent


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def command_modules() -> tuple[Any, ...]:
    """The command groups, imported only when the command line is really used."""
    from inspector.cli import checklist_cmd, demo_cmd, print_cmd, sites_cmd, sync_cmd

    return (demo_cmd, checklist_cmd, sites_cmd, print_cmd, sync_cmd)


def build_parser() -> argparse.ArgumentParser:
    from inspector import __version__

    parser = _Parser(
        prog="inspector",
        description="社区教育站点督导检查 / Inspection of community-education sites. "
        "Without a command, starts the program's window.",
        parents=[data_dir_parent()],
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--language", choices=["zh_CN", "en"], help=argparse.SUPPRESS)
    parser.add_argument("-v", "--verbose", action="store_true", help="log more detail")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check offscreen that this installation works (temporary data only), then exit",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module in command_modules():
        module.register(commands)
    return parser
