"""What every CLI command shares: the --data-dir option, opening the data, expected errors."""

from __future__ import annotations

import argparse
import errno
import getpass
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from inspector.app_paths import AppPaths
from inspector.errors import UserError

EXIT_FAILURE = 1  # a file could not be read or written (OSError: no space, no permission…)
EXIT_USAGE = 2  # an expected failure (a UserError): bad input, a refused bundle, a full disk…
EXIT_CANCELLED = 130  # Ctrl+C or cancelled work, as shells report an interrupted program


def describe_os_error(exc: OSError) -> str:
    """A failed read or write in one line, Chinese first, without a traceback."""
    where = f": {exc.filename}" if exc.filename else ""
    if exc.errno == errno.ENOSPC:
        return (f"磁盘空间已满，请清理后重试 / the disk is full; free some space and try "
                f"again{where}")
    if isinstance(exc, PermissionError):
        return f"没有权限 / permission denied{where}"
    if isinstance(exc, FileNotFoundError):
        return f"找不到文件或文件夹 / no such file or folder{where}"
    return (f"文件读写失败 / a file could not be read or written{where}: "
            f"{exc.strerror or exc}")


def terminal_columns(text: str) -> int:
    """Terminal columns: a Chinese character takes two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


class ConsoleProgress:
    """Progress of long work on one terminal line (stderr), only when it is a terminal.

    Satisfies the services' ``Control`` protocol (``cancelled``, ``progress``);
    Ctrl+C stops the work as KeyboardInterrupt does anywhere else.
    """

    def __init__(self, what: str, stream: Any = None, interval: float = 0.2) -> None:
        self.what = what
        self.stream = stream if stream is not None else sys.stderr
        self.shown = bool(getattr(self.stream, "isatty", lambda: False)())
        self.interval = interval
        self._last = 0.0
        self._width = 0

    @property
    def cancelled(self) -> bool:
        return False

    def progress(self, done: int, total: int, text: str = "") -> None:
        import time

        now = time.monotonic()
        if not self.shown or (now - self._last < self.interval and done < total):
            return
        self._last = now
        percent = 100 * done // total if total else 100
        line = f"{self.what} {percent:3d}%  {text}"
        while terminal_columns(line) > 78:
            line = line[:-1]
        width = terminal_columns(line)
        self.stream.write("\r" + line + " " * max(0, self._width - width))
        self.stream.flush()
        self._width = width

    def finish(self) -> None:
        if self.shown and self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()
            self._width = 0


class UsageError(UserError):
    """Bad input from the user: reported in one line, exit status 2."""


def data_dir_parent() -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="数据文件夹（默认：INSPECTOR_DATA_DIR 或用户数据目录）/ data folder "
        "(default: INSPECTOR_DATA_DIR or the user data folder)",
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


def needs_action(args: argparse.Namespace) -> int:
    """The handler of a command group given without its action."""
    raise UsageError("give an action; see --help")


def actor_name(args: argparse.Namespace) -> str:
    """Who does it: ``--actor`` when given, else the login name ("" when there is none)."""
    if getattr(args, "actor", None):
        return str(args.actor)
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return ""


def add_group(commands: Any, name: str, help_text: str) -> Any:
    """A command with its own actions (``inspector sites list``); returns their subparsers."""
    group: argparse.ArgumentParser = commands.add_parser(
        name, help=help_text, description=help_text, parents=[data_dir_parent()]
    )
    return group.add_subparsers(
        dest=f"{name}_action", metavar="ACTION", required=True, parser_class=type(group)
    )


def tier_argument(text: str) -> Any:
    """``--tier`` in any of the tier's names (county, 县, 县级学院, …)."""
    from inspector.domain.tiers import parse_tier

    try:
        return parse_tier(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"层级“{text}”无法识别，可写 county（县）、township（乡镇）或 village（村） / unknown "
            f"tier {text!r}; use county, township or village") from None


def add_tier(parser: argparse.ArgumentParser, required: bool) -> None:
    parser.add_argument(
        "--tier", required=required, type=tier_argument, metavar="TIER",
        help="站点层级：county（县，县级学院）、township（乡镇，社区学校）或 village（村，"
             "教学站点）/ the tier: county (college), township (school) or village (station)")


def add_format(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=["text", "json"], default="text",
                        help="输出格式 / output format")


#: The commands that may start a data folder, because they put data in it: (command, action).
#: Every other command only reads or changes what is there, and on a folder with no data yet
#: says so instead of leaving an empty database behind (in the user folder, by default).
STARTS_DATA = frozenset({("demo", None), ("init", None), ("sites", "import")})


#: Commands that need only the checklists shipped with the program: on a folder with no data
#: yet they read them from a temporary one, which is removed afterwards.
SHIPPED_ONLY = frozenset({("checklist", "show"), ("checklist", "print")})


def _command(args: argparse.Namespace) -> tuple[str | None, str | None]:
    command = getattr(args, "command", None)
    return command, getattr(args, f"{command}_action", None) if command else None


def starts_data(args: argparse.Namespace) -> bool:
    return _command(args) in STARTS_DATA


def _needs_only_shipped(args: argparse.Namespace) -> bool:
    return _command(args) in SHIPPED_ONLY and not getattr(args, "site", None)


def no_data_yet(paths: AppPaths) -> UsageError:
    folder = paths.data_dir
    return UsageError(
        f"还没有数据：{folder} 中没有数据库。可运行“inspector demo”载入演示数据，"
        f"“inspector sites import 站点.csv”导入站点，或运行“inspector”打开程序窗口；数据在"
        f"别处时用 --data-dir 指明 / no data yet: {folder} holds no database. Start with "
        f"'inspector demo' (demo data), 'inspector sites import FILE.csv' or the window "
        f"('inspector'); if your data is elsewhere, give --data-dir")


def has_no_data(paths: AppPaths) -> bool:
    """No database (or an empty file) and nothing else of an installation either: a folder
    that has been used but lost its database is refused with its own message when opened."""
    from inspector.services.context import installation_traces

    try:
        if paths.database.stat().st_size > 0:
            return False
    except FileNotFoundError:
        pass
    return not paths.data_dir.is_dir() or not installation_traces(paths)


@contextmanager
def opened(args: argparse.Namespace) -> Iterator[Any]:
    """Open the data directory named on the command line; a folder that cannot be used
    becomes a UsageError naming it.

    Only the commands in :data:`STARTS_DATA` make a new database; the others refuse a
    folder with no data yet, saying how to start (those in :data:`SHIPPED_ONLY` read the
    shipped checklists from a temporary folder instead).
    """
    paths = AppPaths.resolve(getattr(args, "data_dir", None))
    if paths.data_dir.exists() and not paths.data_dir.is_dir():
        raise UsageError(f"数据目录是一个文件而不是文件夹 / the data directory is a file, not a "
                         f"folder: {paths.data_dir}")
    if not starts_data(args) and has_no_data(paths):
        if not _needs_only_shipped(args):
            raise no_data_yet(paths)
        import tempfile

        with tempfile.TemporaryDirectory(prefix="inspector-") as temporary, \
                _opened(AppPaths(Path(temporary))) as context:
            yield context
        return
    with _opened(paths) as context:
        yield context


@contextmanager
def _opened(paths: AppPaths) -> Iterator[Any]:
    from inspector.services import api

    try:
        context = api.startup.open_data(paths)
    except OSError as exc:
        raise UsageError(f"无法使用数据目录 {paths.data_dir} / cannot use the data directory "
                         f"{paths.data_dir}: {exc.strerror or exc}") from exc
    try:
        yield context
    finally:
        context.close()


def output_file(path: Path, suffix: str | None = None) -> Path:
    """Check a file that a command is about to write (report, checklist, bundle, CSV).

    One rule for every command: the file's folder must exist already. A mistyped USB-stick
    path must fail, not create folders on the laptop, so nothing here (or in the services
    that write) ever creates the parent folder.
    """
    path = Path(path).expanduser()
    if suffix is not None and path.suffix.lower() != suffix:
        raise UsageError(f"输出文件名必须以 {suffix} 结尾 / the output file name must end in "
                         f"{suffix}: {path}")
    if path.is_dir():
        raise UsageError(f"这是一个文件夹，请给出文件名 / this is a folder; give a file name: "
                         f"{path}")
    folder = path.parent
    if not folder.is_dir():
        raise UsageError(f"目标文件夹不存在 / the folder does not exist: {folder}")
    return path


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")
