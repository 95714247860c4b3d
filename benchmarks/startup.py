#!/usr/bin/env python3
"""How fast the window appears and the site tree fills, against floors measured in the same run.

    .venv/bin/python benchmarks/startup.py [--runs 7]

Every measurement is a fresh subprocess, timed from its start until it prints a
marker line (the app prints it when ``INSPECTOR_STARTUP_PROBE`` is set). Runs
of the four cases are interleaved and the median is reported:

- floor: window   ``import PySide6.QtWidgets`` + an empty QMainWindow shown
- floor: imports  the imports the app really needs (PySide6.QtWidgets, sqlmodel,
                  inspector.services …) + an empty window shown (Alembic is loaded
                  only when the database needs migrating, not on a usual start)
- app: window     ``inspector`` until its main window is shown
- app: content    ``inspector`` until the window's content (tree, details, menus)
                  is built, one event-loop turn after it was shown (no goal)
- app: tree       ``inspector`` until the site tree is filled (demo data); the
                  tree is read with plain SQL before SQLModel is loaded
- app: ready      ``inspector`` until the data is open for work (SQLModel
                  loaded, the inspection screens made); no goal, shown so
                  that the early tree hides nothing

Goals (issue 2 §7): window ≤ 1.3 × floor: window; tree ≤ 1.2 × floor: imports.
Uses QT_QPA_PLATFORM from the environment, else ``offscreen``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

MARKER = "inspector-startup:"

EMPTY_WINDOW = """
from PySide6.QtWidgets import QApplication, QMainWindow
from PySide6.QtCore import QTimer
app = QApplication([])
window = QMainWindow()
window.resize(1100, 700)
window.show()
QTimer.singleShot(0, lambda: (print("inspector-startup: floor", flush=True), app.quit()))
app.exec()
"""

NEEDED_IMPORTS = """
import sqlmodel
import inspector.services.context, inspector.services.sites, inspector.services.inspections
"""


@dataclass(frozen=True)
class Case:
    name: str
    command: list[str]
    env: dict[str, str]


def cases(data_dir: Path) -> list[Case]:
    python = sys.executable
    # Bare ``inspector``, as a double-click starts it; the data directory comes from
    # the environment, as a command-line option would take the longer argparse path.
    app = [python, "-m", "inspector"]
    data = {"INSPECTOR_DATA_DIR": str(data_dir)}
    return [
        Case("floor: window", [python, "-c", EMPTY_WINDOW], {}),
        Case("floor: imports", [python, "-c", NEEDED_IMPORTS + EMPTY_WINDOW], {}),
        Case("app: window", app, {**data, "INSPECTOR_STARTUP_PROBE": "window"}),
        Case("app: content", app, {**data, "INSPECTOR_STARTUP_PROBE": "content"}),
        Case("app: tree", app, {**data, "INSPECTOR_STARTUP_PROBE": "tree"}),
        Case("app: ready", app, {**data, "INSPECTOR_STARTUP_PROBE": "ready"}),
    ]


def time_once(case: Case) -> float:
    env = {**os.environ, **case.env}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    start = time.perf_counter()
    process = subprocess.Popen(case.command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                               env=env, text=True)
    assert process.stdout is not None
    elapsed = None
    for line in process.stdout:
        if line.startswith(MARKER):
            elapsed = time.perf_counter() - start
            break
    process.stdout.close()
    process.wait(timeout=60)
    if elapsed is None:
        raise RuntimeError(f"{case.name}: no marker line (exit code {process.returncode})")
    return elapsed


def precompile() -> None:
    """Byte-compile the program as an installer does (pip compiles a wheel on install).

    Without this, with PYTHONDONTWRITEBYTECODE set (or in a read-only checkout)
    every module of ours would be compiled from source on every start, which
    an installed program never does. The .pyc files land in ``__pycache__``
    folders, which git ignores.
    """
    import inspector

    package = Path(inspector.__file__).parent
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(package)], check=True)


def prepare_demo(data_dir: Path) -> None:
    subprocess.run([sys.executable, "-m", "inspector", "--data-dir", str(data_dir), "demo"],
                   check=True, stdout=subprocess.DEVNULL)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="repetitions of each case")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as temp:
        data_dir = Path(temp) / "data"
        prepare_demo(data_dir)
        precompile()
        all_cases = cases(data_dir)
        for case in all_cases:  # warm the OS file cache once
            time_once(case)
        times: dict[str, list[float]] = {case.name: [] for case in all_cases}
        for _ in range(args.runs):
            for case in all_cases:
                times[case.name].append(time_once(case))
    median = {name: statistics.median(values) for name, values in times.items()}
    goals: dict[str, tuple[str, float | None]] = {
        "app: window": ("floor: window", 1.3),
        "app: tree": ("floor: imports", 1.2),
        "app: ready": ("floor: imports", None),  # reported, no goal
    }
    platform = os.environ.get("QT_QPA_PLATFORM", "offscreen")
    print(f"start-up, median of {args.runs} runs, QT_QPA_PLATFORM={platform}")
    print(f"{'case':<16} {'median s':>9} {'min s':>7} {'ratio':>7} {'goal':>6}  result")
    failed = False
    for name, values in times.items():
        ratio_text = goal_text = verdict = ""
        if name in goals:
            floor, goal = goals[name]
            ratio = median[name] / median[floor]
            ratio_text = f"{ratio:.2f}x"
            verdict = f"(vs {floor})"
            if goal is not None:
                ok = ratio <= goal
                failed |= not ok
                goal_text = f"{goal:.1f}x"
                verdict = f"{'ok' if ok else 'SLOW'} {verdict}"
        print(f"{name:<16} {median[name]:>9.3f} {min(values):>7.3f} {ratio_text:>7} "
              f"{goal_text:>6}  {verdict}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
