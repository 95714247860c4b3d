#!/usr/bin/env python3
"""The county office's work queue over ten years of history, against raw SQL in the same run.

    .venv/bin/python benchmarks/office.py [--sites 300] [--years 10] [--repeat 7]

Builds an office data folder for a county of ``--sites`` sites (one college, a school per
twenty stations, the rest village stations) with ``--years`` of history: every site
inspected once a year (every criterion rated, a tenth of them found wanting), each
inspection reviewed (one in eight returned once first), a feedback letter per
inspection with findings and an item per finding (closed after a year, the newest
year's open, reported or overdue), an assignment per site and year, and a campaign a
year. The last visits wait for review, and a tenth of the sites are not visited yet in a
round ending within the week. Then, best of ``--repeat``:

- floor          the work queue's three numbers (awaiting review, overdue items,
                 assignments due) by raw ``sqlite3`` queries on a connection of its own
- work queue     ``api.office.work_queue`` as the window and the command line call it
                 (a session of its own, the ORM, the same meaning)
- review list    ``api.office.review_queue`` for the awaiting state (the review tab),
                 against its floor: the same rows by one raw query (no goal; shown)
- window         the Supervision screen as the office opens it (offscreen), made and
                 filled through the window's operations (work queue, campaigns, review
                 list, letters, ledger), while a 10 ms timer on the GUI thread records
                 the longest stall of the event loop (the idle loop's own shown beside)

Goals (issue 13): work queue ≤ 1.5 × floor; no event-loop stall over 100 ms while the
screen loads. Prints what it measured, as a table.
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from inspector.app_paths import AppPaths
from inspector.domain.supervision import ReviewState
from inspector.domain.templates import parse_stored_template
from inspector.domain.tiers import Tier
from inspector.services.api import office
from inspector.services.context import AppContext, open_context
from inspector.services.sync.identity import Role, set_role

TODAY = date.today()
STAMP = "2026-01-01 08:00:00.000000"

# The raw floor: the same three numbers, meaning as services/review.py and
# services/rectification_ledger.py define them.
FLOOR_AWAITING = """
SELECT count(*) FROM inspections i WHERE i.status = 'completed' AND NOT EXISTS (
  SELECT 1 FROM reviews r WHERE r.inspection_id = i.id AND r.submission_event_id = (
    SELECT e.id FROM inspection_events e WHERE e.inspection_id = i.id AND e.kind = 'completed'
    ORDER BY e.at DESC, e.id DESC LIMIT 1))"""
FLOOR_OVERDUE = """
SELECT count(*) FROM rectification_items
WHERE state IN ('open', 'reported', 'verified') AND deadline < ?"""
FLOOR_DUE = """
SELECT count(*) FROM assignments a WHERE a.period_end <= ? AND NOT EXISTS (
  SELECT 1 FROM inspections i WHERE i.site_id = a.site_id AND i.status = 'completed'
  AND i.visit_date >= a.period_start AND (
    (EXISTS (SELECT 1 FROM reinspection_targets t WHERE t.assignment_id = a.id)
     AND i.id IN (SELECT c.inspection_id FROM reinspection_checks c
                  JOIN reinspection_targets t ON t.item_id = c.item_id
                  WHERE t.assignment_id = a.id))
    OR (NOT EXISTS (SELECT 1 FROM reinspection_targets t WHERE t.assignment_id = a.id)
        AND i.id NOT IN (SELECT inspection_id FROM reinspection_checks))))"""
FLOOR_REVIEW_LIST = """
SELECT i.id, s.id, s.name, s.code, i.visit_date, i.inspectors, i.completed_at
FROM inspections i JOIN sites s ON s.id = i.site_id WHERE i.status = 'completed'
AND NOT EXISTS (SELECT 1 FROM reviews r WHERE r.inspection_id = i.id)
ORDER BY i.completed_at"""


def _id() -> str:
    return str(uuid.uuid4())


def _insert(conn: sqlite3.Connection, table: str, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    columns = list(rows[0])
    conn.executemany(
        f"INSERT INTO {table} (id, created_at, updated_at, revision, {', '.join(columns)})"
        f" VALUES (?, ?, ?, 1, {', '.join('?' * len(columns))})",
        [(_id(), STAMP, STAMP, *(row[c] for c in columns)) for row in rows])


def build(root: Path, sites: int, years: int) -> AppContext:
    paths = AppPaths.resolve(root / "office")
    context = open_context(paths)
    set_role(paths, Role.OFFICE, name="benchmark office")
    rng = random.Random(13)
    conn = sqlite3.connect(context.db.path)
    template_id, sha, content, key = conn.execute(
        "SELECT id, sha256, content, template_id || '@' || version FROM template_versions"
    ).fetchone()
    template = parse_stored_template(sha, content, key)
    site_rows: list[tuple[str, Tier]] = []
    county = _id()
    conn.execute("INSERT INTO sites (id, created_at, updated_at, revision, name, tier, code,"
                 " address, contact, phone) VALUES (?, ?, ?, 1, '县社区教育学院', 'county',"
                 " '330700000000', '', '', '')", (county, STAMP, STAMP))
    site_rows.append((county, Tier.COUNTY))
    school = county
    for n in range(1, sites):
        tier = Tier.TOWNSHIP if n % 20 == 1 else Tier.VILLAGE
        site_id = _id()
        conn.execute("INSERT INTO sites (id, created_at, updated_at, revision, name, tier,"
                     " parent_id, code, address, contact, phone) VALUES (?, ?, ?, 1, ?, ?, ?,"
                     " ?, '', '', '')", (site_id, STAMP, STAMP, f"场所{n}", tier.value,
                                         county if tier is Tier.TOWNSHIP else school,
                                         f"3307{n:08d}"))
        school = site_id if tier is Tier.TOWNSHIP else school
        site_rows.append((site_id, tier))
    first_year = TODAY.year - years + 1
    inspections, responses, events, reviews, items, assignments = [], [], [], [], [], []
    for year in range(first_year, TODAY.year + 1):
        newest = year == TODAY.year
        for site_id, tier in site_rows:
            if newest:  # this year's round ends within a week; some sites are not visited yet
                assignments.append({"site_id": site_id, "inspector_name": "张三、李四",
                                    "period_start": date(year, 1, 1).isoformat(),
                                    "period_end": (TODAY + timedelta(days=5)).isoformat(),
                                    "note": ""})
                if rng.random() < 0.1:
                    continue
            days = 300 if not newest else max(1, TODAY.timetuple().tm_yday - 1)
            visit = date(year, 1, 1) + timedelta(days=rng.randrange(0, days))
            inspection_id, event_id = _id(), _id()
            inspections.append({"site_id": site_id, "template_version_id": template_id,
                                "tier": tier.value, "status": "completed",
                                "visit_date": visit.isoformat(), "inspectors": "张三、李四",
                                "site_staff": "", "completed_at": f"{visit} 10:00:00.000000",
                                "general_note": "", "_id": inspection_id})
            events.append({"inspection_id": inspection_id, "kind": "completed", "actor": "张三",
                           "reason": "", "at": f"{visit} 10:00:00.000000", "_id": event_id})
            if not newest:
                assignments.append({"site_id": site_id, "inspector_name": "张三、李四",
                                    "period_start": date(year, 1, 1).isoformat(),
                                    "period_end": date(year, 12, 31).isoformat(), "note": ""})
            for criterion in template.criteria(tier):
                wanting = rng.random() < 0.1
                responses.append({"inspection_id": inspection_id, "criterion_id": criterion.id,
                                  "rating": "not_met" if wanting else "meets",
                                  "note": "需整改" if wanting else ""})
                if wanting:
                    state = "closed" if not newest else rng.choice(("open", "reported", "open"))
                    items.append({"site_id": site_id, "inspection_id": inspection_id,
                                  "criterion_id": criterion.id, "rating": "not_met",
                                  "finding": "需整改", "requirement": "按要求整改",
                                  "responsible": "", "state": state,
                                  "deadline": (visit + timedelta(days=30)).isoformat(),
                                  "state_note": "", "position": 0})
            awaiting = newest and rng.random() < 0.15
            if not awaiting:
                if rng.random() < 0.125:
                    reviews.append({"inspection_id": inspection_id, "decision": "returned",
                                    "comment": "请补充", "reviewer": "王主任",
                                    "at": f"{visit} 11:00:00.000000",
                                    "submission_event_id": _id(), "snapshot": "{}"})
                reviews.append({"inspection_id": inspection_id, "decision": "approved",
                                "comment": "", "reviewer": "王主任",
                                "at": f"{visit} 12:00:00.000000",
                                "submission_event_id": event_id, "snapshot": "{}"})
    for row in inspections:
        conn.execute("INSERT INTO inspections (id, created_at, updated_at, revision, site_id,"
                     " template_version_id, tier, status, visit_date, inspectors, site_staff,"
                     " completed_at, general_note) VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?,"
                     " ?)", (row.pop("_id"), STAMP, STAMP, *row.values()))
    for row in events:
        conn.execute("INSERT INTO inspection_events (id, created_at, updated_at, revision,"
                     " inspection_id, kind, actor, reason, at) VALUES (?, ?, ?, 1, ?, ?, ?, ?,"
                     " ?)", (row.pop("_id"), STAMP, STAMP, *row.values()))
    _insert(conn, "responses", responses)
    _insert(conn, "reviews", reviews)
    _insert(conn, "rectification_items", items)
    _insert(conn, "assignments", assignments)
    conn.commit()
    conn.execute("ANALYZE")
    conn.close()
    return context


def best(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - started)
    return min(times), result


def floor_counts(database: Path) -> tuple[int, int, int]:
    conn = sqlite3.connect(database)
    try:
        awaiting = conn.execute(FLOOR_AWAITING).fetchone()[0]
        overdue = conn.execute(FLOOR_OVERDUE, (TODAY.isoformat(),)).fetchone()[0]
        due = conn.execute(FLOOR_DUE, ((TODAY + timedelta(days=7)).isoformat(),)).fetchone()[0]
    finally:
        conn.close()
    return awaiting, overdue, due


def floor_review_list(database: Path) -> int:
    conn = sqlite3.connect(database)
    try:
        return len(conn.execute(FLOOR_REVIEW_LIST).fetchall())
    finally:
        conn.close()


def window_stall(context: AppContext, repeat: int) -> tuple[float, float, float]:
    """The Supervision screen made, shown and filled as the office opens it (every tab's
    reads through the window's operations), ``repeat`` times: the best time until every
    read has been shown, and the longest event-loop stall (ms) of all the runs, with the
    longest stall of the idle event loop measured the same way for comparison."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from inspector.ui.app import freeze_gc, responsive_interpreter
    from inspector.ui.core.operations import Operations
    from inspector.ui.core.worker import Worker
    from inspector.ui.pages.office.screen import OfficeScreen

    app = QApplication.instance() or QApplication([])
    responsive_interpreter()  # as the window sets it up
    freeze_gc()  # as the window does once its data is loaded
    worker = Worker()
    tick_ms = 10
    stall = {"last": 0.0, "max": 0.0}

    def tick() -> None:
        now = time.perf_counter()
        stall["max"] = max(stall["max"], (now - stall["last"]) * 1000 - tick_ms)
        stall["last"] = now

    def run_loop_until(done: Callable[[], bool], limit: float = 60.0) -> float:
        timer = QTimer()
        timer.setInterval(tick_ms)
        timer.timeout.connect(tick)
        started = stall["last"] = time.perf_counter()
        timer.start()
        while not done() and time.perf_counter() - started < limit:
            app.processEvents()
            time.sleep(0.001)
        timer.stop()
        return time.perf_counter() - started

    stall["max"] = 0.0
    deadline = time.perf_counter() + 0.5
    run_loop_until(lambda: time.perf_counter() > deadline)  # the idle loop, as a control
    idle = stall["max"]
    stall["max"] = 0.0
    best = float("inf")
    stalls = []
    for _ in range(repeat):
        stall["max"] = 0.0
        screen = OfficeScreen(Operations(worker), lambda: "王主任")
        screen.resize(1280, 800)
        loaded: list[object] = []
        screen.overview_loaded.connect(loaded.append)
        screen.show()
        started = time.perf_counter()
        screen.set_context(context)
        run_loop_until(lambda shown=loaded: bool(shown) and not worker.busy)
        best = min(best, time.perf_counter() - started)
        stalls.append(stall["max"])
        screen.close()
        screen.deleteLater()
        app.processEvents()
    worker.wait(10_000)
    print("event-loop stall per run: " + ", ".join(f"{ms:.0f} ms" for ms in stalls),
          file=sys.stderr)
    return best, max(stalls), idle


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sites", type=int, default=300)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="inspector-office-bench-") as folder:
        started = time.perf_counter()
        context = build(Path(folder), args.sites, args.years)
        with sqlite3.connect(context.db.path) as conn:
            counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in (
                "sites", "inspections", "responses", "reviews", "rectification_items",
                "assignments")}
        conn.close()
        print(f"built in {time.perf_counter() - started:.1f} s: "
              + ", ".join(f"{n} {t}" for t, n in counts.items()))
        try:
            floor_s, floor = best(lambda: floor_counts(context.db.path), args.repeat)
            queue_s, queue = best(lambda: office.work_queue(context, TODAY), args.repeat)
            got = (queue.to_review, queue.overdue_items, queue.assignments_due)
            if got != floor:
                print(f"MISMATCH: work queue {got} but raw SQL {floor}")
                return 1
            list_floor_s, listed = best(lambda: floor_review_list(context.db.path), args.repeat)
            list_s, entries = best(lambda: office.review_queue(
                context, frozenset({ReviewState.AWAITING})), args.repeat)
            if len(entries) != listed:
                print(f"MISMATCH: review list {len(entries)} rows but raw SQL {listed}")
                return 1
            window = window_stall(context, args.repeat)
        finally:
            context.close()
    print(f"\nwork queue: {got[0]} to review, {got[1]} overdue items, {got[2]} assignments due"
          f" (best of {args.repeat})")
    print(f"{'case':<16} {'seconds':>9} {'× floor':>8} {'goal':>8}")
    print(f"{'floor':<16} {floor_s:>9.4f} {1:>8.2f} {'':>8}")
    print(f"{'work queue':<16} {queue_s:>9.4f} {queue_s / floor_s:>8.2f} {'≤ 1.5':>8}")
    print(f"{'review floor':<16} {list_floor_s:>9.4f} {1:>8.2f} {'':>8}")
    print(f"{'review list':<16} {list_s:>9.4f} {list_s / list_floor_s:>8.2f} {'-':>8}")
    print(f"{'window filled':<16} {window[0]:>9.4f} {'':>8} {'':>8}")
    print(f"longest event-loop stall while the screen loads: {window[1]:.0f} ms "
          f"(goal ≤ 100 ms; the idle loop's own: {window[2]:.0f} ms)")
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
