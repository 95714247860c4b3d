"""The office's inspector list for a draw, read from a CSV file: one inspector a row, with
an optional cap (上限) and what they must step aside from (回避): sites by division code or
name, townships by name. Columns, in Chinese or English: 姓名/name, 上限/cap,
回避场所/avoid_sites, 回避乡镇/avoid_townships; several entries in a cell are separated by
"；" or ";". An inspector's id in the draw is their name (so two rows of one name are
refused by the draw)."""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from pathlib import Path

from inspector.domain.draw_rules import Inspector, Site
from inspector.domain.tiers import Tier
from inspector.errors import UserError
from inspector.services.site_list_file import decode

COLUMNS = {"name": ("姓名", "name"), "cap": ("上限", "cap"),
           "avoid_sites": ("回避场所", "avoid_sites"),
           "avoid_townships": ("回避乡镇", "avoid_townships")}
_SEPARATORS = re.compile(r"[；;]")


class InspectorListError(UserError):
    """The inspector list cannot be read; the message names the file and the row."""


def read_inspectors(path: Path, sites: Sequence[Site],
                    codes: dict[str, str]) -> list[Inspector]:
    """The inspectors of the CSV file at ``path``; ``sites`` is the registry and ``codes``
    its division codes with their site ids, to find what each must step aside from."""
    try:
        text, _ = decode(path)
    except UserError as exc:
        raise InspectorListError(str(exc)) from exc  # (it names the file)
    rows = [row for row in csv.reader(text.splitlines()) if any(cell.strip() for cell in row)]
    if not rows:
        raise InspectorListError(f"{path.name}：文件中没有督导人员 / {path.name}: the file "
                                 f"lists no inspector")
    header = [cell.strip().lower() for cell in rows[0]]
    where = {key: next((header.index(n) for n in names if n in header), None)
             for key, names in COLUMNS.items()}
    if where["name"] is None:
        raise InspectorListError(f"{path.name}：缺少“姓名”列 / {path.name}: no 姓名 (name) "
                                 f"column in the first row")
    by_name: dict[str, list[str]] = {}
    for site in sites:
        by_name.setdefault(site.name, []).append(site.id)
    townships = township_lookup(sites, codes)
    return [_inspector(path.name, number, row, where, codes, by_name, townships)
            for number, row in enumerate(rows[1:], start=2)]


def township_lookup(sites: Sequence[Site], codes: dict[str, str]) -> dict[str, str]:
    """How a township may be named, with its id: its school's name ("溪口镇社区学校"), that
    name without "社区学校" ("溪口镇"), or its school's division code."""
    found: dict[str, str] = {}
    for site in sites:
        if site.tier == Tier.TOWNSHIP:
            found[site.name] = site.id
            found.setdefault(site.name.removesuffix("社区学校") or site.name, site.id)
    ids = set(found.values())
    found.update({code: site_id for code, site_id in codes.items() if site_id in ids})
    return found


def _inspector(file: str, number: int, row: list[str], where: dict[str, int | None],
               codes: dict[str, str], by_name: dict[str, list[str]],
               townships: dict[str, str]) -> Inspector:
    def cell(key: str) -> str:
        at = where[key]
        return row[at].strip() if at is not None and at < len(row) else ""

    def entries(key: str) -> list[str]:
        return [part.strip() for part in _SEPARATORS.split(cell(key)) if part.strip()]

    def bad(zh: str, en: str) -> InspectorListError:
        return InspectorListError(f"{file} 第 {number} 行：{zh} / {file} row {number}: {en}")

    name = cell("name")
    if not name:
        raise bad("缺少姓名", "the name is missing")
    cap: int | None = None
    if cell("cap"):
        try:
            cap = int(cell("cap"))
        except ValueError:
            cap = -1
        if cap < 0:
            raise bad(f"上限“{cell('cap')}”应为 0 或正整数", f"the cap {cell('cap')!r} must "
                      f"be a whole number, 0 or more")
    avoid_sites = set()
    for entry in entries("avoid_sites"):
        found = [codes[entry]] if entry in codes else by_name.get(entry, [])
        if len(found) != 1:
            zh, en = (("名册中没有", "is not in the registry") if not found else
                      ("有同名场所，请写区划代码", "names several sites: give its division code"))
            raise bad(f"回避场所“{entry}”{zh}", f"the site {entry!r} to avoid {en}")
        avoid_sites.add(found[0])
    avoid_townships = set()
    for entry in entries("avoid_townships"):
        if entry not in townships:
            raise bad(f"回避乡镇“{entry}”不是名册中的乡镇（街道）社区学校",
                      f"the township {entry!r} to avoid is not a township school of the "
                      f"registry")
        avoid_townships.add(townships[entry])
    return Inspector(name, name, cap, frozenset(avoid_sites), frozenset(avoid_townships))
