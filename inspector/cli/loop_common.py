"""What the supervision loop's commands share: dates, names, site codes, and ids given as a
unique prefix (as ``inspector report`` takes an inspection's)."""

from __future__ import annotations

import argparse
import getpass
from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

from inspector.cli.common import UsageError
from inspector.services import api

if TYPE_CHECKING:
    from inspector.services.context import AppContext

#: The fewest characters of an id that may stand for it.
PREFIX_LENGTH = 8


def date_argument(text: str) -> date:
    """A YYYY-MM-DD option (``type=`` of argparse): a bad one is one bilingual line."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"日期“{text}”无效，请按 年-月-日 写，例如 2026-12-01 / not a valid date {text!r}; "
            f"write YYYY-MM-DD, e.g. 2026-12-01") from None


def today() -> date:
    return date.today()


def who(args: argparse.Namespace) -> str:
    """``--by`` when given, else the login name ("" when there is none)."""
    given = getattr(args, "by", None)
    if given:
        return str(given)
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return ""


def find_id(given: str, ids: Iterable[str], what: tuple[str, str], listing: str) -> str:
    """The id that ``given`` is, or is the start of (at least 8 characters, dashes optional).

    ``what`` names the kind of record (Chinese, English); ``listing`` is the command that
    lists them, said when none matches.
    """
    zh, en = what
    known = list(dict.fromkeys(ids))
    wanted = given.strip().lower()
    if wanted in known:
        return wanted
    compact = wanted.replace("-", "")
    if len(compact) < PREFIX_LENGTH:
        raise UsageError(f"{zh}编号至少要写前 {PREFIX_LENGTH} 个字符 / a {en} id needs at "
                         f"least {PREFIX_LENGTH} characters: {given}")
    matches = [i for i in known if i.replace("-", "").lower().startswith(compact)]
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise UsageError(f"{given} 对应 {len(matches)} 个{zh}，请多写几个字符 / {given} "
                         f"matches {len(matches)} {en}s; give more of the id")
    raise UsageError(f"没有编号为 {given} 的{zh}（见 {listing}）/ no {en} {given} "
                     f"(see {listing})")


def inspection_id(context: AppContext, given: str) -> str:
    return api.inspections.find_inspection_id(context, given)


def campaign_id(context: AppContext, given: str) -> str:
    ids = [c.id for c in api.office.list_campaigns(context, today())]
    return find_id(given, ids, ("督导计划", "campaign"), "inspector campaign list")


def letter_id(context: AppContext, given: str) -> str:
    ids = [letter.id for letter in api.office.letters(context)]
    return find_id(given, ids, ("督导意见书", "feedback letter"), "inspector letter list")


def every_item_id(context: AppContext) -> list[str]:
    from inspector.domain.supervision import ItemState
    from inspector.services.rectification_ledger import LedgerFilter

    rows = api.office.ledger(context, LedgerFilter(states=frozenset(ItemState)), today())
    return [row.id for row in rows]


def item_id(context: AppContext, given: str) -> str:
    return find_id(given, every_item_id(context), ("整改事项", "rectification item"),
                   "inspector items list --state draft open reported verified closed")


def assignment_id(context: AppContext, given: str) -> str:
    ids = [a.id for a in api.sync.list_assignments(context)]
    return find_id(given, ids, ("任务", "assignment"), "inspector assignments list")


def check_id(context: AppContext, given: str) -> str:
    """A re-inspection result (one item's check) of any re-inspection here."""
    ids = [check.check_id
           for entry in api.office.review_queue(context) if entry.is_reinspection
           for check in api.office.reinspection_checks(context, entry.inspection_id)]
    return find_id(given, ids, ("复查结果", "re-inspection result"),
                   "inspector reinspect show INSPECTION_ID")


def site_id(context: AppContext, code: str) -> str:
    """The site with this division code (区划代码)."""
    found = api.supervision.site_codes(context).get(code.strip())
    if found is None:
        raise UsageError(f"没有区划代码为 {code} 的站点（见 inspector sites list）/ no site with "
                         f"code {code} (see inspector sites list)")
    return found


def words(pair: tuple[str, str]) -> str:
    """A word of the loop as the text output shows it: "中文 / English"."""
    return f"{pair[0]} / {pair[1]}"


def day(value: date | None) -> str:
    return value.isoformat() if value is not None else "—"


def as_plain(value: Any) -> Any:
    """A dataclass (or list of them) as JSON-ready values: dates as YYYY-MM-DD, words of the
    loop by their value, tuples as lists."""
    import dataclasses
    from enum import Enum

    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: as_plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dict):
        return {str(as_plain(k)): as_plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [as_plain(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value
