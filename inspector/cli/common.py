"""What every CLI command shares: the --data-dir option, opening the data, expected errors."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from inspector.app_paths import AppPaths

EXIT_USAGE = 2


class UsageError(Exception):
    """Bad input from the user: reported in one line, exit status 2."""


def data_dir_parent() -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="data directory (default: INSPECTOR_DATA_DIR or the user data folder)",
    )
    return parent


def add_command(
    commands: Any, name: str, help_text: str, handler: Any
) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = commands.add_parser(
        name, help=help_text, description=help_text, parents=[data_dir_parent()]
    )
    parser.set_defaults(handler=handler)
    return parser


def add_group(commands: Any, name: str, help_text: str) -> Any:
    """A command with its own actions (``inspector sites list``); returns their subparsers."""
    group: argparse.ArgumentParser = commands.add_parser(
        name, help=help_text, description=help_text, parents=[data_dir_parent()]
    )
    return group.add_subparsers(
        dest=f"{name}_action", metavar="ACTION", required=True, parser_class=type(group)
    )


def add_format(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=["text", "json"], default="text")


@contextmanager
def opened(args: argparse.Namespace) -> Iterator[Any]:
    """Open the data directory named on the command line; expected failures become UsageError."""
    from inspector.services.context import open_context
    from inspector.storage.database import DatabaseError

    paths = AppPaths.resolve(getattr(args, "data_dir", None))
    try:
        context = open_context(paths)
    except DatabaseError as exc:
        raise UsageError(str(exc)) from exc
    except OSError as exc:
        raise UsageError(f"cannot use the data directory {paths.data_dir}: {exc}") from exc
    try:
        yield context
    finally:
        context.close()


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")
