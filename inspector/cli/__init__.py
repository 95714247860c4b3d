"""The ``inspector`` command: the GUI when run bare, services from the command line otherwise.

Every subcommand takes ``--data-dir DIR``. Success exits 0. An expected failure (a
:class:`~inspector.errors.UserError`: bad input, a refused bundle, a full disk…) exits 2
with its message on one line on stderr and no traceback, a file that cannot be read or
written exits 1 the same way, and cancelling (Ctrl+C) exits 130; this is done here, once,
for every command. A bare ``inspector`` (a double-click) goes straight to the window
without building the command line (argparse and the command modules are not even
imported).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse


def build_parser() -> argparse.ArgumentParser:
    from inspector.cli.parser import build_parser as build

    return build()


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
    from inspector.cli.common import EXIT_CANCELLED, EXIT_FAILURE, EXIT_USAGE, describe_os_error
    from inspector.errors import UserError
    from inspector.services.control import CANCELLED_MESSAGE, Cancelled

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
    except UserError as exc:
        print(f"inspector: error: {exc.one_line()}", file=sys.stderr)
        return EXIT_USAGE
    except (KeyboardInterrupt, Cancelled):
        print(f"inspector: {CANCELLED_MESSAGE}", file=sys.stderr)
        return EXIT_CANCELLED
    except BrokenPipeError:
        # The reader went away (for example `| head`); nothing more to say.
        sys.stderr.close()
        return 0
    except OSError as exc:  # a full disk, no permission, a drive pulled out: not a bug
        print(f"inspector: error: {describe_os_error(exc)}", file=sys.stderr)
        return EXIT_FAILURE
