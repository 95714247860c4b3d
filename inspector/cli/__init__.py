"""The ``inspector`` command: the GUI when run bare, services from the command line otherwise.

Every subcommand takes ``--data-dir DIR``. Success exits 0; bad input exits 2
with a one-line message on stderr and no traceback.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from inspector.cli.common import EXIT_USAGE, UsageError, data_dir_parent


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


def _configure_logging(verbose: bool) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):  # a console or pipe without Chinese: no crash
            stream.reconfigure(errors="replace")
    if not (sys.argv[1:] if argv is None else argv):
        # A double-click: straight to the window, without building the command line.
        from inspector.ui.app import run_gui

        _configure_logging(verbose=False)
        return run_gui(None, language=None)
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version and usage errors
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    _configure_logging(args.verbose)
    if args.self_test:
        from inspector.selftest import run_self_test  # Qt is imported inside the Qt check

        return run_self_test()
    if args.command is None:
        from inspector.ui.app import run_gui  # Qt is imported only for the window

        return run_gui(getattr(args, "data_dir", None), language=args.language)
    try:
        return int(args.handler(args) or 0)
    except UsageError as exc:
        print(f"inspector: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("inspector: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (for example `| head`); nothing more to say.
        sys.stderr.close()
        return 0
