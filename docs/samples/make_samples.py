#!/usr/bin/env python3
"""Render the sample pages in this folder from the demo data.

The report is printed as the county office prints it (the demo office's name as the
issuing body, see ``inspector.services.pdf.sources.issuing_body``).

    .venv/bin/python docs/samples/make_samples.py

Needs ``pdftoppm`` (poppler-utils). The print date is fixed so the pages do not change
from one run to the next.
"""

from __future__ import annotations

import subprocess
import tempfile
from datetime import date
from pathlib import Path

from pypdf import PdfReader

from inspector.app_paths import AppPaths
from inspector.domain.tiers import Tier
from inspector.services.context import open_context
from inspector.services.demo import load_demo
from inspector.services.demo_inspections import VISITS, demo_id
from inspector.services.pdf.blank_checklist import Sheet, write_checklists
from inspector.services.pdf.images import PrintImageCache
from inspector.services.pdf.report import write_report
from inspector.services.pdf.sources import report_data
from inspector.services.sync.demo_roles import DEMO_NAMES
from inspector.services.sync.identity import Role, set_role
from inspector.services.templates import latest_template

HERE = Path(__file__).resolve().parent
PRINTED = date(2026, 6, 1)
DPI = 100


def page_png(pdf: Path, page: int, name: str) -> None:
    """Page ``page`` (0: the last) of ``pdf`` as ``name``.png in this folder."""
    if page == 0:
        page = len(PdfReader(pdf).pages)
    stem = HERE / name
    subprocess.run(["pdftoppm", "-png", "-r", str(DPI), "-f", str(page), "-l", str(page),
                    "-singlefile", str(pdf), str(stem)], check=True)
    print(f"{stem}.png")


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        context = open_context(AppPaths.resolve(Path(folder) / "data"))
        load_demo(context)
        set_role(context.paths, Role.OFFICE, name=DEMO_NAMES[Role.OFFICE])
        visit = VISITS[0]
        with context.db.session() as session:
            template = latest_template(session)
            data = report_data(session, demo_id(visit.site_code, visit.label), context.paths)
        checklist = Path(folder) / "checklist.pdf"
        write_checklists(checklist, template, [Sheet(Tier.VILLAGE)], printed_on=PRINTED)
        report = Path(folder) / "report.pdf"
        write_report(report, data, PrintImageCache.for_paths(context.paths), printed_on=PRINTED)
        context.close()
        page_png(checklist, 1, "checklist-village-page1")
        page_png(checklist, 0, "checklist-village-last-page")
        page_png(report, 1, "report-page1")
        page_png(report, 2, "report-page2")
        page_png(report, 0, "report-last-page")


if __name__ == "__main__":
    main()
