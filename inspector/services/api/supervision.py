"""The supervision campaign's front doors: the registry as the draw sees it, and the draw."""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from inspector.domain.draw import Draw, draw
from inspector.domain.draw_rules import Inspector, Rules, Site

if TYPE_CHECKING:
    from inspector.services.context import AppContext
    from inspector.services.pdf.common import BuiltPdf

#: A seed chosen by the program (none given) is below this: eight digits at most, easy to
#: read out and type in again.
SEED_RANGE = 10**8


def registry_sites(context: AppContext) -> list[Site]:
    """Every site of the registry with its township: a village station's is the township
    school it hangs under, a township school is its own, the county college has none."""
    from inspector.services.campaigns import draw_sites

    with context.db.session() as session:
        return draw_sites(session)


def site_codes(context: AppContext) -> dict[str, str]:
    """The registry's division codes (区划代码), each with its site's id."""
    from sqlmodel import select

    from inspector.storage.models import Site as SiteRow

    with context.db.session() as session:
        return {row.code: row.id for row in session.exec(select(SiteRow)).all() if row.code}


def draw_campaign(context: AppContext, inspectors: Iterable[Inspector], rules: Rules,
                  seed: int | str | None = None) -> Draw:
    """Draw from the registry (raises :class:`~inspector.domain.draw_rules.DrawError` when
    the rules cannot be met). Without a seed the program chooses one at random; the result
    records it either way, so the draw can be made again."""
    if seed is None:
        seed = secrets.randbelow(SEED_RANGE)
    return draw(registry_sites(context), inspectors, rules, seed)


def township_names(context: AppContext) -> dict[str, str]:
    """Every way a township may be named (its school's name, that name without "社区学校",
    its school's division code), with the township's id."""
    from inspector.services.inspector_list import township_lookup

    return township_lookup(registry_sites(context), site_codes(context))


def read_inspector_list(context: AppContext, path: Path) -> list[Inspector]:
    """The inspectors of a CSV file (:mod:`~inspector.services.inspector_list`), their 回避
    found in the registry; a bad row raises ``InspectorListError`` naming it."""
    from inspector.services.inspector_list import read_inspectors

    return read_inspectors(path, registry_sites(context), site_codes(context))


def write_draw_record(path: Path, result: Draw, campaign: str,
                      drawn_on: date | None = None) -> BuiltPdf:
    """Write the draw record (抽取记录) PDF to ``path``, replaced only when complete."""
    from inspector.services.pdf import draw_record

    return draw_record.write_draw_record(path, result, campaign, drawn_on=drawn_on)
