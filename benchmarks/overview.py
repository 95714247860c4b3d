#!/usr/bin/env python3
"""The county overview at province scale, against floors measured in the same run.

    .venv/bin/python benchmarks/overview.py [--data DIR] [--small] [--repeat 5]
        [--xlsx-runs 1] [--report-runs 5] [--skip-xlsx] [--skip-window]

Builds (or reuses, with ``--data``) an office data folder of a province made by
``benchmarks/province.py`` (90 counties, 20,250 sites, 5 years: about 95,000 results and
2.0 million responses, 110,000 rectification items; ``--small``: 4 counties), a county of
300 sites for the report, and the small province for the memory comparison. Then:

(a) aggregates, best of ``--repeat``, the floor and the overview taking turns:
    - floor            raw ``sqlite3`` on a connection of its own, the overview's GROUP BY
                       queries: each inspection's approval (the last decision on its latest
                       completion), each site's latest approved result, coverage counts by
                       tier and township, the counted ratings by tier, township, first- and
                       second-level indicator and criterion (common problems), and the
                       rectification items by township and state; the checklist's criteria
                       and options in temporary tables
    - floor + scores   the same, and every approved result's score (second level, first
                       level, whole) as SQL weighted means, the mean scores by group and
                       indicator, each site's previous score and the years' means: every
                       figure the overview shows (for comparison; the goal is the floor's)
    - overview         ``api.overview.county_overview`` with the default filter (a session
                       of its own, as the window and the command line call it)
    The floor's counts are compared with the overview's (a mismatch stops the run).
(b) window: the overview tab (offscreen) with the window's worker thread,
    ``responsive_interpreter()`` and ``freeze_gc()`` as the window sets them up, while a 10 ms
    timer on the GUI thread records the longest stall of the event loop: the tab loading,
    then the filters changed (a tier, a township, everything received, all again)
(c) workbook: ``api.overview_outputs.write_workbook`` of every result against openpyxl's
    write-only mode writing the same cells (``benchmarks/overview_floors.py``)
(d) report: ``api.overview_documents.write_county_report`` of 300 sites against plain
    ReportLab laying out the same content
(e) memory: peak resident memory of a process reading the overview, and of one writing
    the workbook, at the small and the province size

Goals (issue 14): (a) overview ≤ 1.5 × floor; (b) no stall over 100 ms; (c) workbook ≥ 0.8
× the floor's speed (its seconds ≤ 1.25 × the floor's); (d) report ≤ 1.2 × floor; (e)
memory flat as the data grows. Prints what it measured, as a table.
"""

from __future__ import annotations

import argparse
import os
import pickle
import sqlite3
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import overview_floors as floors
import province

TODAY = date.today()
REPORT_COUNTY = province.Size(counties=1, townships=20, villages=14)  # 301 sites

# ---------------------------------------------------------------------------- (a) floor

APPROVED = """
CREATE TEMP TABLE result AS
SELECT i.id, i.site_id, i.visit_date, i.tier FROM inspections i
WHERE i.status = 'completed'
  AND NOT EXISTS (SELECT 1 FROM reinspection_checks c WHERE c.inspection_id = i.id)
  AND (SELECT r.decision FROM reviews r WHERE r.inspection_id = i.id
       AND r.submission_event_id = (
         SELECT e.id FROM inspection_events e WHERE e.inspection_id = i.id
         AND e.kind = 'completed' ORDER BY e.at DESC, e.id DESC LIMIT 1)
       ORDER BY r.at DESC, r.id DESC LIMIT 1) = 'approved'"""
PLACE = """
CREATE TEMP TABLE place AS SELECT id, tier,
  CASE tier WHEN 'township' THEN id WHEN 'village' THEN parent_id ELSE '' END AS township
FROM sites"""
LATEST = """
CREATE TEMP TABLE latest AS SELECT r.id, r.site_id, r.tier, p.township FROM (
  SELECT id, site_id, tier, row_number() OVER (
    PARTITION BY site_id ORDER BY visit_date DESC, id DESC) AS n FROM result) r
JOIN place p ON p.id = r.site_id WHERE r.n = 1"""
RATED = """
CREATE TEMP TABLE rated AS
SELECT l.township, l.tier, c.level1, c.level2, r.criterion_id, r.rating, o.score < 1 AS finding
FROM latest l CROSS JOIN responses r ON r.inspection_id = l.id
CROSS JOIN crit c ON c.id = r.criterion_id AND c.tier = l.tier
JOIN option o ON o.id = r.rating AND o.counted"""
GROUPS = {
    "coverage by tier": "SELECT p.tier, count(*), count(l.id) FROM place p"
                        " LEFT JOIN latest l ON l.site_id = p.id GROUP BY p.tier",
    "coverage by township": "SELECT p.township, count(*), count(l.id) FROM place p"
                            " LEFT JOIN latest l ON l.site_id = p.id GROUP BY p.township",
    "ratings by tier": "SELECT tier, rating, count(*) FROM rated GROUP BY tier, rating",
    "ratings by township": "SELECT township, rating, count(*) FROM rated"
                           " GROUP BY township, rating",
    "ratings by level 1": "SELECT level1, rating, count(*) FROM rated GROUP BY level1, rating",
    "ratings by level 2": "SELECT level2, rating, count(*) FROM rated GROUP BY level2, rating",
    "problems": "SELECT criterion_id, count(*), sum(finding) FROM rated GROUP BY criterion_id",
    "items": "SELECT p.township, i.state, i.deadline IS NOT NULL AND i.deadline < ?, count(*)"
             " FROM rectification_items i JOIN place p ON p.id = i.site_id"
             " WHERE i.state IN ('open', 'reported', 'verified', 'closed') GROUP BY 1, 2, 3",
}
SCORES = (
    """CREATE TEMP TABLE level2 AS
    SELECT r.inspection_id AS id, c.level1, c.level2,
           sum(c.weight * o.score) / sum(c.weight) AS score
    FROM result a CROSS JOIN responses r ON r.inspection_id = a.id
    CROSS JOIN crit c ON c.id = r.criterion_id AND c.tier = a.tier
    JOIN option o ON o.id = r.rating AND o.counted GROUP BY 1, 2, 3""",
    """CREATE TEMP TABLE level1 AS SELECT s.id, s.level1,
           sum(w.weight * s.score) / sum(w.weight) AS score
    FROM level2 s JOIN weight w ON w.id = s.level2 GROUP BY 1, 2""",
    """CREATE TEMP TABLE whole AS SELECT s.id, sum(w.weight * s.score) / sum(w.weight) AS score
    FROM level1 s JOIN weight w ON w.id = s.level1 GROUP BY 1""",
    """CREATE TEMP TABLE yearly AS SELECT id, site_id, year, n, in_year FROM (
      SELECT id, site_id, substr(visit_date, 1, 4) AS year, row_number() OVER (
        PARTITION BY site_id ORDER BY visit_date DESC, id DESC) AS n,
      row_number() OVER (PARTITION BY site_id, substr(visit_date, 1, 4)
                         ORDER BY visit_date DESC, id DESC) AS in_year FROM result)
    WHERE in_year = 1 OR n <= 2""",
)
SCORE_GROUPS = {
    "scores by tier": "SELECT l.tier, avg(w.score), count(w.score) FROM latest l"
                      " LEFT JOIN whole w ON w.id = l.id GROUP BY l.tier",
    "scores by township": "SELECT l.township, avg(w.score) FROM latest l"
                          " LEFT JOIN whole w ON w.id = l.id GROUP BY l.township",
    "scores by level 1": "SELECT s.level1, avg(s.score) FROM latest l"
                         " JOIN level1 s ON s.id = l.id GROUP BY s.level1",
    "scores by level 2": "SELECT s.level2, avg(s.score) FROM latest l"
                         " JOIN level2 s ON s.id = l.id GROUP BY s.level2",
    "ranking and heat map": "SELECT l.site_id, w.score, s.level2, s.score FROM latest l"
                            " LEFT JOIN whole w ON w.id = l.id LEFT JOIN level2 s"
                            " ON s.id = l.id ORDER BY w.score DESC",
    "previous scores": "SELECT y.site_id, w.score FROM yearly y JOIN whole w ON w.id = y.id"
                       " WHERE y.n = 2",
    "years": "SELECT y.year, avg(w.score), count(*) FROM yearly y LEFT JOIN whole w"
             " ON w.id = y.id WHERE y.in_year = 1 GROUP BY y.year",
    "years by township": "SELECT y.year, p.township, avg(w.score) FROM yearly y"
                         " JOIN whole w ON w.id = y.id JOIN place p ON p.id = y.site_id"
                         " WHERE y.in_year = 1 GROUP BY 1, 2",
}


def floor(database: Path, with_scores: bool) -> dict[str, list[tuple[Any, ...]]]:
    """The overview's aggregates in raw SQL (see the module's docstring)."""
    from inspector.domain.templates import parse_stored_template
    from inspector.domain.tiers import Tier

    conn = sqlite3.connect(database)
    try:
        sha, content, key = conn.execute(
            "SELECT sha256, content, template_id || '@' || version FROM template_versions"
        ).fetchone()
        template = parse_stored_template(sha, content, key)
        conn.execute("CREATE TEMP TABLE crit (id TEXT, tier TEXT, level1 TEXT, level2 TEXT,"
                     " weight REAL, PRIMARY KEY (id, tier))")
        conn.execute("CREATE TEMP TABLE option (id TEXT PRIMARY KEY, score REAL, counted INT)")
        conn.executemany("INSERT INTO crit VALUES (?, ?, ?, ?, ?)", [
            (c.id, tier.value, c.level1_id, c.level2_id, c.weight)
            for tier in Tier for c in template.criteria(tier)])
        conn.executemany("INSERT INTO option VALUES (?, ?, ?)",
                         [(o.id, o.score, o.counted) for o in template.rating_scale])
        for sql in (APPROVED, PLACE, LATEST, RATED):
            conn.execute(sql)
        found = {name: conn.execute(sql, (TODAY.isoformat(),) if "?" in sql else ()).fetchall()
                 for name, sql in GROUPS.items()}
        if with_scores:
            conn.execute("CREATE TEMP TABLE weight (id TEXT PRIMARY KEY, weight REAL)")
            weights = [(level1.id, level1.weight) for level1 in template.indicators]
            weights += [(level2.id, level2.weight) for level1 in template.indicators
                        for level2 in level1.indicators]
            conn.executemany("INSERT INTO weight VALUES (?, ?)", weights)
            for sql in SCORES:
                conn.execute(sql)
            found.update({name: conn.execute(sql).fetchall()
                          for name, sql in SCORE_GROUPS.items()})
    finally:
        conn.close()
    return found


def check_floor(found: dict[str, list[tuple[Any, ...]]], data: Any) -> list[str]:
    """Where the floor's counts differ from the overview's (nothing: they agree)."""
    figures = data.figures
    wrong = []

    def counts(rows: list[tuple[Any, ...]]) -> dict[str, dict[str, int]]:
        by: dict[str, dict[str, int]] = {}
        for key, rating, n in rows:
            by.setdefault(key or "", {})[rating] = n
        return by

    if {t: (n, k) for t, n, k in found["coverage by tier"]} != \
            {g.key: (g.sites, g.inspected) for g in figures.tiers}:
        wrong.append("coverage by tier")
    if {t or "": (n, k) for t, n, k in found["coverage by township"]} != \
            {g.key: (g.sites, g.inspected) for g in figures.townships}:
        wrong.append("coverage by township")
    if counts(found["ratings by tier"]) != \
            {g.key: g.shares.counts for g in figures.tiers if g.shares.counts}:
        wrong.append("ratings by tier")
    if counts(found["ratings by township"]) != \
            {g.key: g.shares.counts for g in figures.townships if g.shares.counts}:
        wrong.append("ratings by township")
    by_level = counts(found["ratings by level 1"] + found["ratings by level 2"])
    if by_level != {i.id: i.shares.counts for i in figures.indicators if i.shares.counts}:
        wrong.append("ratings by indicator")
    if {c: (n, k) for c, n, k in found["problems"] if k} != \
            {p.criterion_id: (p.sites_rated, p.findings) for p in figures.problems}:
        wrong.append("problems")
    items: dict[str, Counter[str]] = {}
    for township, state, late, n in found["items"]:
        tally = items.setdefault(township or "", Counter())
        tally["closed" if state == "closed" else "open"] += n
        tally["overdue"] += n if late and state != "closed" else 0
    if {k: (c["open"], c["overdue"], c["closed"]) for k, c in items.items()} != \
            {t.township_id: (t.open, t.overdue, t.closed) for t in data.items}:
        wrong.append("rectification items")
    if "years" in found:
        years = {int(y): (score, n) for y, score, n in found["years"]}
        for y in figures.years:
            score, n = years.get(y.year, (None, 0))
            if n != y.sites or abs((score or 0) - (y.score or 0)) > 1e-9:
                wrong.append(f"the score of {y.year}")
        tiers = {t: s for t, s, _n in found["scores by tier"]}
        if any(abs(tiers[g.key] - (g.shares.score or 0)) > 1e-9 for g in figures.tiers):
            wrong.append("scores by tier")
    return wrong


def best(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - started)
    return min(times), result


# ---------------------------------------------------------------------------- (b) window

def window_stall(context: Any) -> list[tuple[str, float, float]]:
    """The overview tab loading and its filters changed, offscreen, with the window's
    worker: for each step, how long until the figures were shown and the longest stall of
    the event loop (ms); first the idle loop's own, measured the same way."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from inspector.ui.app import freeze_gc, responsive_interpreter
    from inspector.ui.core.operations import Operations
    from inspector.ui.core.worker import Worker
    from inspector.ui.pages.office.overview_tab import OverviewTab

    app = QApplication.instance() or QApplication([])
    responsive_interpreter()  # as the window sets it up
    worker = Worker()
    tick_ms = 10
    stall = {"last": 0.0, "max": 0.0}

    def tick() -> None:
        now = time.perf_counter()
        stall["max"] = max(stall["max"], (now - stall["last"]) * 1000 - tick_ms)
        stall["last"] = now

    def run_loop_until(done: Callable[[], bool], limit: float = 120.0) -> float:
        timer = QTimer()
        timer.setInterval(tick_ms)
        timer.timeout.connect(tick)
        stall["max"] = 0.0
        started = stall["last"] = time.perf_counter()
        timer.start()
        while not done() and time.perf_counter() - started < limit:
            app.processEvents()
            time.sleep(0.001)
        timer.stop()
        return time.perf_counter() - started

    tab = OverviewTab(Operations(worker), today=lambda: TODAY)
    tab.resize(1280, 800)
    tab.show()
    freeze_gc()  # as the window does once its data is loaded
    deadline = time.perf_counter() + 0.5
    run_loop_until(lambda: time.perf_counter() > deadline)
    steps = [("idle event loop (control)", 0.5, stall["max"])]
    loaded: list[object] = []
    tab.loaded.connect(loaded.append)

    def step(name: str, change: Callable[[], object]) -> None:
        loaded.clear()
        started = time.perf_counter()
        change()
        run_loop_until(lambda: bool(loaded) and not worker.busy)
        steps.append((name, time.perf_counter() - started, stall["max"]))

    filters = tab.filters
    step("tab opened, figures shown", lambda: tab.set_context(context))
    step("tier: village stations", lambda: filters.tier.setCurrentIndex(
        filters.tier.findData("village")))
    step("a township", lambda: filters.township.setCurrentIndex(1))
    step("everything received", lambda: filters.approved.setChecked(False))
    def everything() -> None:
        filters.tier.setCurrentIndex(0)
        filters.township.setCurrentIndex(0)

    step("all tiers and townships", everything)
    tab.close()
    tab.deleteLater()
    app.processEvents()
    worker.wait(10_000)
    return steps


# ---------------------------------------------------------------------------- main

def folder(root: Path, name: str, size: province.Size) -> Path:
    """The data folder of ``size`` in ``root``/``name``, built unless it is there."""
    data = root / name / "office"
    if not (data / "inspector.sqlite3").exists():
        started = time.perf_counter()
        province.build(root / name, size).close()
        print(f"built {name} in {time.perf_counter() - started:.0f} s: "
              + ", ".join(f"{n} {t}" for t, n in province.counts(
                  data / "inspector.sqlite3").items()), flush=True)
    return data


def interleaved(cases: dict[str, tuple[Path, Path]], runs: int, data: Path
                ) -> dict[str, list[dict[str, float]]]:
    """Each case (its source and its output) in a process of its own, taking turns."""
    found: dict[str, list[dict[str, float]]] = {case: [] for case in cases}
    for _ in range(runs):
        for case, (source, out) in cases.items():
            found[case].append(floors.subprocess_case(case, data, source, out))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, help="where the data folders are (or go)")
    parser.add_argument("--small", action="store_true", help="the small province only")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--xlsx-runs", type=int, default=1)
    parser.add_argument("--report-runs", type=int, default=5)
    parser.add_argument("--skip-xlsx", action="store_true")
    parser.add_argument("--skip-window", action="store_true")
    parser.add_argument("--case", help=argparse.SUPPRESS)
    parser.add_argument("--source", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.case:
        floors.run_case(args.case, args.data, args.source, args.out)
        return 0
    with tempfile.TemporaryDirectory(prefix="inspector-overview-bench-") as temporary:
        root = args.data or Path(temporary)
        root.mkdir(parents=True, exist_ok=True)
        return run(root, Path(temporary), args)


def run(root: Path, work: Path, args: argparse.Namespace) -> int:
    from inspector.app_paths import AppPaths
    from inspector.services.api import overview
    from inspector.services.context import open_context
    from inspector.services.overview import OverviewFilter

    small = folder(root, "small", province.SMALL)
    big = small if args.small else folder(root, "province", province.PROVINCE)
    county = folder(root, "county300", REPORT_COUNTY)
    rows: list[tuple[str, str, str, str]] = []  # case, seconds, × floor, goal

    # (a) the aggregates
    context = open_context(AppPaths.resolve(big))
    database = big / "inspector.sqlite3"
    times: dict[str, list[float]] = {"floor": [], "floor + scores": [], "overview": []}
    data, found = None, {}
    for _ in range(args.repeat):
        for name in times:
            started = time.perf_counter()
            if name == "overview":
                data = overview.county_overview(context, OverviewFilter(), TODAY)
            else:
                found[name] = floor(database, with_scores=name != "floor")
            times[name].append(time.perf_counter() - started)
    assert data is not None
    for name, figures in found.items():
        wrong = check_floor(figures, data)
        if wrong:
            print(f"MISMATCH between the {name} and the overview: {', '.join(wrong)}")
            return 1
    aggregates = {name: min(found) for name, found in times.items()}
    rows.append(("(a) floor: GROUP BY queries", f"{aggregates['floor']:.3f}", "1.00", ""))
    rows.append(("    floor + scores, trends", f"{aggregates['floor + scores']:.3f}",
                 f"{aggregates['floor + scores'] / aggregates['floor']:.2f}", ""))
    rows.append(("    overview (county_overview)", f"{aggregates['overview']:.3f}",
                 f"{aggregates['overview'] / aggregates['floor']:.2f}", "≤ 1.5"))
    print(f"overview: {data.figures.county.sites} sites, {data.figures.county.inspected} "
          f"with a result; each of {args.repeat} runs: " + "; ".join(
              f"{name} " + " ".join(f"{t:.2f}" for t in found)
              for name, found in times.items()), flush=True)

    # (b) the window
    if not args.skip_window:
        for name, seconds, stalled in window_stall(context):
            rows.append((f"(b) {name}", f"{seconds:.3f}", "",
                         f"stall {stalled:.0f} ms" + (" (≤ 100)" if "idle" not in name
                                                      else "")))
    context.close()

    # (c) the workbook, (e) its memory
    sizes: dict[str, dict[str, dict[str, float]]] = {}
    if not args.skip_xlsx:
        made = work / "overview.xlsx"
        runs = interleaved({"xlsx": (made, made), "xlsx-floor": (made, work / "floor.xlsx")},
                           args.xlsx_runs, big)
        ours, plain = (min(r["seconds"] for r in runs[c]) for c in ("xlsx", "xlsx-floor"))
        cells = runs["xlsx-floor"][0]["cells"]
        rows.append((f"(c) floor: openpyxl write-only, {cells:,} cells", f"{plain:.2f}",
                     "1.00", ""))
        rows.append(("    workbook (write_workbook)", f"{ours:.2f}", f"{ours / plain:.2f}",
                     f"speed {plain / ours:.2f} ≥ 0.8"))
        sizes.setdefault("workbook", {})["province"] = runs["xlsx"][0]
        if not args.small:
            sizes["workbook"]["small"] = floors.subprocess_case(
                "xlsx", small, made, work / "small.xlsx")

    # (d) the report of 300 sites
    content = work / "report-floor.pickle"
    content.write_bytes(pickle.dumps(floors.report_floor_content(county)))
    runs = interleaved({"report": (content, work / "report.pdf"),
                        "report-floor": (content, work / "floor.pdf")}, args.report_runs, county)
    ours, plain = (min(r["seconds"] for r in runs[c]) for c in ("report", "report-floor"))
    rows.append((f"(d) floor: plain ReportLab, {runs['report-floor'][0]['pages']} pages",
                 f"{plain:.3f}", "1.00", ""))
    rows.append((f"    county report, {runs['report'][0]['pages']} pages", f"{ours:.3f}",
                 f"{ours / plain:.2f}", "≤ 1.2"))

    # (e) memory
    for name, data_folder in (("small", small), ("province", big)):
        sizes.setdefault("overview", {})[name] = floors.subprocess_case(
            "overview", data_folder, data_folder, work / "unused")
    print("\n" + f"{'case':<50} {'seconds':>9} {'× floor':>8}  goal")
    for case, shown, ratio, goal in rows:
        print(f"{case:<50} {shown:>9} {ratio:>8}  {goal}")
    print(f"\n(e) peak memory, MB (after imports){'':<25} small     province")
    for what, by_size in sizes.items():
        peaks = [f"{by_size[s]['peak_mb']:>6.0f} ({by_size[s]['base_mb']:.0f})"
                 if s in by_size else "     —" for s in ("small", "province")]
        print(f"    {what:<50} {peaks[0]:>12} {peaks[1]:>12}")
    print(f"\nmachine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, "
          f"SQLite {sqlite3.sqlite_version}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
