#!/usr/bin/env python3
"""Site CSV import: speed against a raw ``executemany`` floor, and how long edits must wait.

    .venv/bin/python benchmarks/sites_csv.py [--rows 50000] [--repeat 3] [--dir DIR]

(about half a minute with the defaults)

The benchmark writes a county's site list of N rows (one college, N/100
township schools, the rest village stations, each with a division code and a
parent given by code), then, each on a fresh database:

- floor: read and decode the same file with the ``csv`` module, derive each
  site's id from its code, and ``executemany`` the rows into the empty
  ``sites`` table in one transaction with plain ``sqlite3`` (no checks at all);
- import new: ``import_sites`` of the file into an empty registry;
- import unchanged: the same file again (every row checked, nothing written);
- import changed: the file with every township's address changed.

While each case runs, another process saves a small change every 5 ms, as the
window's autosave does, and records the longest it had to wait for the
database: that is how long a rating would hang during an import.

Reported: seconds (best of ``--repeat``, every run on stderr), rows per second,
the ratio to the floor (how many times the floor's time), and the longest
wait of an edit. Goals (issue 10): 50,000 rows import in seconds, within 10 ×
the floor, and no edit waits more than a few seconds.
"""

from __future__ import annotations

import argparse
import csv
import functools
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from inspector.app_paths import AppPaths
from inspector.services.context import open_context
from inspector.services.sites import site_id_for_code
from inspector.services.sites_csv import import_sites

HEADER = "区划代码,名称,层级,上级,地址,联系人,联系电话\n"
COUNTY = "330700000000"

# A process that writes a little every 5 ms and reports its longest wait for the lock.
PROBE = r'''
import sqlite3, sys, time
connection = sqlite3.connect(sys.argv[1], timeout=120, isolation_level=None)
connection.execute("CREATE TABLE IF NOT EXISTS probe (n INTEGER)")
print("READY", flush=True)
longest = 0.0
stop = sys.argv[2]
import os
while not os.path.exists(stop):
    start = time.perf_counter()
    connection.execute("BEGIN IMMEDIATE")
    connection.execute("INSERT INTO probe VALUES (1)")
    connection.execute("COMMIT")
    longest = max(longest, time.perf_counter() - start)
    time.sleep(0.005)
print(f"LONGEST {longest}", flush=True)
'''


def site_list(rows: int, address: str = "镇路") -> str:
    lines = [HEADER, f"{COUNTY},测试县社区教育学院,county,,文教路1号,王芳,0579-88888888\n"]
    towns = max(1, rows // 100)
    for town in range(1, towns + 1):
        lines.append(f"3307{town:05d}000,第{town}镇社区学校,township,{COUNTY},{address}{town}号,"
                     f"李强,\n")
    for n in range(rows - 1 - towns):
        town, village = n % towns + 1, n // towns + 1
        lines.append(f"3307{town:05d}{village:03d},第{town}镇第{village}村教学站,village,"
                     f"3307{town:05d}000,,,\n")
    return "".join(lines)


def floor(database: Path, path: Path) -> int:
    """Parse the file and insert every row with plain sqlite3: what any import must do."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        next(reader)
        stamp = "2026-11-20 08:00:00.000000"
        rows = [(site_id_for_code(code), stamp, stamp, 1, name, tier,
                 site_id_for_code(parent) if parent else None, code, address, contact, phone)
                for code, name, tier, parent, address, contact, phone in reader]
    connection = sqlite3.connect(database)
    with connection:
        connection.executemany(
            "INSERT INTO sites (id, created_at, updated_at, revision, name, tier, parent_id,"
            " code, address, contact, phone) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    connection.close()
    return len(rows)


def ours(data_dir: Path, path: Path) -> int:
    context = open_context(AppPaths.resolve(data_dir))
    try:
        with context.db.transaction() as session:
            result = import_sites(session, path)
    finally:
        context.close()
    return result.created + result.updated + result.unchanged


def with_probe(database: Path, work: Callable[[], int]) -> tuple[float, int, float]:
    """(seconds, rows, longest wait of an edit meanwhile)."""
    stop = database.with_name("stop-probe")
    stop.unlink(missing_ok=True)
    probe = subprocess.Popen([sys.executable, "-c", PROBE, str(database), str(stop)],
                             stdout=subprocess.PIPE, text=True)
    assert probe.stdout is not None
    assert probe.stdout.readline().strip() == "READY"
    start = time.perf_counter()
    rows = work()
    seconds = time.perf_counter() - start
    stop.touch()
    out, _ = probe.communicate(timeout=120)
    longest = float(out.split()[-1])
    return seconds, rows, longest


def fresh(root: Path, template: Path, name: str) -> Path:
    """A copy of an empty, migrated data directory."""
    target = root / name
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(template, target)
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--dir", type=Path, default=None)
    args = parser.parse_args()
    root = Path(args.dir or tempfile.mkdtemp(prefix="sites-csv-bench-"))
    root.mkdir(parents=True, exist_ok=True)
    listing = root / "sites.csv"
    listing.write_text(site_list(args.rows), encoding="utf-8")
    changed = root / "sites-changed.csv"
    changed.write_text(site_list(args.rows, "新路"), encoding="utf-8")
    empty = root / "empty"
    shutil.rmtree(empty, ignore_errors=True)
    open_context(AppPaths.resolve(empty)).close()

    best: dict[str, tuple[float, int]] = {}  # case: (fastest seconds, rows)
    waited: dict[str, float] = {}  # case: longest wait of an edit in any run

    def record(case: str, run: tuple[float, int, float]) -> None:
        seconds, rows, longest = run
        print(f"{case}: {seconds:.2f} s, longest edit wait {longest:.2f} s", file=sys.stderr)
        best[case] = min(best.get(case, (seconds, rows)), (seconds, rows))
        waited[case] = max(waited.get(case, 0.0), longest)

    for _ in range(args.repeat):
        database = AppPaths.resolve(fresh(root, empty, "floor")).database
        record("floor: csv + executemany",
               with_probe(database, functools.partial(floor, database, listing)))
        data = fresh(root, empty, "ours")
        database = AppPaths.resolve(data).database
        record("import new", with_probe(database, functools.partial(ours, data, listing)))
        record("import unchanged", with_probe(database, functools.partial(ours, data, listing)))
        record("import changed", with_probe(database, functools.partial(ours, data, changed)))

    base = best["floor: csv + executemany"][0]
    print(f"site list: {args.rows:,} rows; best of {args.repeat}; Python "
          f"{sys.version.split()[0]}, SQLite {sqlite3.sqlite_version}, {os.cpu_count()} CPUs")
    print(f"{'case':28} {'seconds':>8} {'rows/s':>10} {'× floor':>8} {'edit waited':>12}")
    for case, (seconds, rows) in best.items():
        print(f"{case:28} {seconds:8.2f} {rows / seconds:10,.0f} {seconds / base:8.1f} "
              f"{waited[case]:10.2f} s")
    if args.dir is None:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
