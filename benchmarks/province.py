#!/usr/bin/env python3
"""Benchmark data at province scale: one office's data folder holding a province's sites
and years of approved results (for ``benchmarks/overview.py``; not the product's demo).

    .venv/bin/python benchmarks/province.py DIR [--counties 90] [--years 5] [--small]

The shape is the registry's own, county → townships → villages, repeated for every
county of the province in ONE office database: each county has its college (tier county,
in no township), ``--townships`` township schools under it (default 14) and
``--villages`` village stations under each school (default 15). 90 counties make 90 +
1,260 + 18,900 = 20,250 sites in 1,260 townships. ``--small`` is 4 counties (900 sites)
for a quick run.

Each of ``--years`` years (default 5, ending this year) every site is inspected once
(a site's quality drawn once and improving a little each year), except: one site in a
hundred never, three in a hundred not after the first year (long unvisited), and 15% not
yet this year. Every criterion of the site's tier is rated (about 80% 符合, 9% 基本符合,
5% 不符合, 4% 不适用) save one in fifty left without a response (a missing criterion); a
finding has a note, one note in twenty begins with "=" (text that looks like a formula).
So 20,250 sites × 5 years give about 96,000 results and 2.0 million responses.

Each result has its completion event and a review: approved (one in eight returned once
first), except 15% of this year's, which await review. Every 不符合 of an approved result
is a rectification item (closed in earlier years; open, reported, verified, closed,
overdue, some still draft or dropped in the last two), and one item in fifty of last
year's was re-inspected this year (a re-inspection is no result of its own).

Rows are written with raw ``sqlite3`` ``executemany`` into a data folder made by
``open_context``, as ``benchmarks/office.py`` builds its office (same timestamps and row
shapes), a year at a time so memory stays small.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import time
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from inspector.app_paths import AppPaths
from inspector.domain.templates import parse_stored_template
from inspector.domain.tiers import Tier
from inspector.services.context import AppContext, open_context
from inspector.services.sync.identity import Role, set_role

TODAY = date.today()
STAMP = "2026-01-01 08:00:00.000000"  # as benchmarks/office.py writes every row
NOTES = ("台账不全，缺少近一年的活动记录", "场地不足，需协调村委会解决", "=制度未上墙（见附件）",
         "志愿者名册未更新", "经费使用明细未公示")


@dataclass(frozen=True)
class Size:
    counties: int = 90
    townships: int = 14  # per county
    villages: int = 15  # per township
    years: int = 5

    @property
    def sites(self) -> int:
        return self.counties * (1 + self.townships * (1 + self.villages))


PROVINCE = Size()
SMALL = Size(counties=4)


def _id() -> str:
    return str(uuid.uuid4())


def _insert(conn: sqlite3.Connection, table: str, columns: Sequence[str],
            rows: Iterable[tuple[Any, ...]]) -> None:
    """``rows`` (values of ``columns``) with a new id, the stamps and revision 1."""
    conn.executemany(
        f"INSERT INTO {table} (id, created_at, updated_at, revision, {', '.join(columns)})"
        f" VALUES (?, ?, ?, 1, {', '.join('?' * len(columns))})",
        ((_id(), STAMP, STAMP, *row) for row in rows))


@dataclass
class _Site:
    id: str
    tier: Tier
    quality: float  # 0 (poor) .. 1 (good)
    first: int  # the first year it is inspected
    last: int  # the last


def _sites(conn: sqlite3.Connection, size: Size, rng: random.Random,
           first_year: int, last_year: int) -> list[_Site]:
    rows: list[tuple[Any, ...]] = []
    sites: list[_Site] = []

    def add(name: str, tier: Tier, parent: str | None, code: str) -> str:
        site_id = _id()
        rows.append((site_id, STAMP, STAMP, name, tier.value, parent, code))
        roll = rng.random()
        first, last = first_year, last_year
        if roll < 0.01:
            first, last = last_year + 1, last_year  # never inspected
        elif roll < 0.04:
            last = first_year  # not since the first year
        sites.append(_Site(site_id, tier, rng.random(), first, last))
        return site_id

    for county in range(1, size.counties + 1):
        college = add(f"第{county}县社区学院", Tier.COUNTY, None, f"33{county:02d}00000000")
        for township in range(1, size.townships + 1):
            school = add(f"{county}县{township}镇社区学校", Tier.TOWNSHIP, college,
                         f"33{county:02d}00{township:03d}000")
            for village in range(1, size.villages + 1):
                add(f"{county}县{township}镇{village}村教学点", Tier.VILLAGE, school,
                    f"33{county:02d}00{township:03d}{village:03d}")
    conn.executemany("INSERT INTO sites (id, created_at, updated_at, revision, name, tier,"
                     " parent_id, code, address, contact, phone) VALUES (?, ?, ?, 1, ?, ?, ?,"
                     " ?, '', '', '')", rows)
    return sites


class _Year:
    """One year's rows, as they are made."""

    def __init__(self, template_id: str, newest: bool, rng: random.Random) -> None:
        self.template_id, self.newest, self.rng = template_id, newest, rng
        self.inspections: list[tuple[Any, ...]] = []
        self.events: list[tuple[Any, ...]] = []
        self.reviews: list[tuple[Any, ...]] = []
        self.responses: list[tuple[Any, ...]] = []
        self.items: list[tuple[Any, ...]] = []

    def inspect(self, site: _Site, visit: date) -> tuple[str, bool]:
        """A completed inspection with its event and review: approved, unless it is one
        of this year's that await review."""
        inspection_id, event_id = _id(), _id()
        at = f"{visit} 10:00:00.000000"
        self.inspections.append((inspection_id, STAMP, STAMP, site.id, self.template_id,
                                 site.tier.value, "completed", visit.isoformat(), "张三、李四",
                                 "", at, ""))
        self.events.append((inspection_id, "completed", "张三", "", at, event_id))
        approved = not (self.newest and self.rng.random() < 0.15)
        if approved:
            if self.rng.random() < 0.125:
                self.reviews.append((inspection_id, "returned", "请补充", "王主任",
                                     f"{visit} 11:00:00.000000", _id(), "{}"))
            self.reviews.append((inspection_id, "approved", "", "王主任",
                                 f"{visit} 12:00:00.000000", event_id, "{}"))
        return inspection_id, approved


def _rating(rng: random.Random, quality: float) -> str | None:
    roll = rng.random()
    if roll < 0.02:
        return None  # no response
    if roll < 0.06:
        return "not_applicable"
    meets = 0.70 + 0.25 * quality
    if roll < 0.06 + meets * 0.94:
        return "meets"
    return "partly" if rng.random() < 0.62 else "not_met"


def build(root: Path, size: Size = PROVINCE, seed: int = 14) -> AppContext:
    """The office's data folder in ``root``/office, filled as the module says."""
    paths = AppPaths.resolve(root / "office")
    context = open_context(paths)
    set_role(paths, Role.OFFICE, name="benchmark province office")
    rng = random.Random(seed)
    conn = sqlite3.connect(context.db.path)
    conn.execute("PRAGMA cache_size = -200000")
    conn.execute("PRAGMA synchronous = OFF")
    template_id, sha, content, key = conn.execute(
        "SELECT id, sha256, content, template_id || '@' || version FROM template_versions"
    ).fetchone()
    template = parse_stored_template(sha, content, key)
    criteria = {tier: [c.id for c in template.criteria(tier)] for tier in Tier}
    last_year = TODAY.year
    first_year = last_year - size.years + 1
    sites = _sites(conn, size, rng, first_year, last_year)
    last_items: list[tuple[str, str, str]] = []  # (site, item, criterion) of the year before
    for year in range(first_year, last_year + 1):
        newest = year == last_year
        rows = _Year(template_id, newest, rng)
        inspections, responses, items = rows.inspections, rows.responses, rows.items
        inspect = rows.inspect
        this_items: list[tuple[str, str, str]] = []
        days = 330 if not newest else max(1, TODAY.timetuple().tm_yday - 1)

        for site in sites:
            if not site.first <= year <= site.last or (newest and rng.random() < 0.15):
                continue
            visit = date(year, 1, 1) + timedelta(days=rng.randrange(0, days))
            quality = min(1.0, site.quality + 0.04 * (year - first_year))
            inspection_id, approved = inspect(site, visit)
            for position, criterion_id in enumerate(criteria[site.tier]):
                rating = _rating(rng, quality)
                if rating is None:
                    continue
                finding = rating in ("partly", "not_met")
                note = NOTES[rng.randrange(len(NOTES))] if finding else ""
                responses.append((inspection_id, criterion_id, rating, note))
                if not (finding and rating == "not_met" and approved):
                    continue
                deadline = visit + timedelta(days=30)
                if year < last_year - 1:
                    state = "closed"
                else:
                    state = rng.choice(("open", "open", "reported", "verified", "closed",
                                        "closed", "draft", "dropped"))
                item_id = _id()
                items.append((item_id, STAMP, STAMP, site.id, inspection_id, criterion_id,
                              "not_met", note, "按要求整改", "站点负责人", deadline.isoformat(),
                              state, "" if state != "closed" else "已整改",
                              f"{deadline} 09:00:00.000000" if state == "closed" else None,
                              position))
                if year == last_year - 1 and state in ("open", "reported"):
                    this_items.append((site.id, item_id, criterion_id))
        checks: list[tuple[Any, ...]] = []
        if newest:  # re-inspections of some of last year's items
            by_id = {site.id: site for site in sites}
            for site_id, item_id, criterion_id in last_items:
                if rng.random() < 0.02:
                    site = by_id[site_id]
                    visit = date(year, 1, 1) + timedelta(days=rng.randrange(0, days))
                    inspection_id, _ = inspect(site, visit)
                    responses.append((inspection_id, criterion_id, "meets", "已整改"))
                    checks.append((inspection_id, item_id, "rectified", "已整改", "closed"))
        conn.executemany(
            "INSERT INTO inspections (id, created_at, updated_at, revision, site_id,"
            " template_version_id, tier, status, visit_date, inspectors, site_staff,"
            " completed_at, general_note) VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            inspections)
        conn.executemany(
            "INSERT INTO inspection_events (id, created_at, updated_at, revision,"
            " inspection_id, kind, actor, reason, at) VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?)",
            ((row[5], STAMP, STAMP, *row[:5]) for row in rows.events))
        _insert(conn, "reviews", ("inspection_id", "decision", "comment", "reviewer", "at",
                                  "submission_event_id", "snapshot"), rows.reviews)
        _insert(conn, "responses", ("inspection_id", "criterion_id", "rating", "note"),
                responses)
        conn.executemany(
            "INSERT INTO rectification_items (id, created_at, updated_at, revision, site_id,"
            " inspection_id, criterion_id, rating, finding, requirement, responsible,"
            " deadline, state, state_note, closed_at, position) VALUES (?, ?, ?, 1, ?, ?, ?,"
            " ?, ?, ?, ?, ?, ?, ?, ?, ?)", items)
        _insert(conn, "reinspection_checks", ("inspection_id", "item_id", "verdict", "note",
                                              "outcome"), checks)
        conn.commit()
        last_items = this_items
    conn.execute("ANALYZE")
    conn.commit()
    conn.close()
    return context


def counts(database: Path) -> dict[str, int]:
    with sqlite3.connect(database) as conn:
        found = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in (
            "sites", "inspections", "responses", "reviews", "rectification_items",
            "reinspection_checks")}
    conn.close()
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path, help="where to make the office's data folder")
    parser.add_argument("--counties", type=int, default=PROVINCE.counties)
    parser.add_argument("--townships", type=int, default=PROVINCE.townships)
    parser.add_argument("--villages", type=int, default=PROVINCE.villages)
    parser.add_argument("--years", type=int, default=PROVINCE.years)
    parser.add_argument("--small", action="store_true", help="4 counties, for a quick run")
    args = parser.parse_args()
    size = Size(SMALL.counties if args.small else args.counties, args.townships,
                args.villages, args.years)
    started = time.perf_counter()
    context = build(args.folder, size)
    context.close()
    print(f"built in {time.perf_counter() - started:.1f} s in {args.folder / 'office'}: "
          + ", ".join(f"{n} {t}" for t, n in counts(context.db.path).items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
