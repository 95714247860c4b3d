"""Background jobs that write PDFs (run by :mod:`inspector.ui.worker`; no widgets here)."""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from inspector.app_paths import AppPaths
from inspector.domain.tiers import Tier
from inspector.ui.worker import Cancelled, JobControl

if TYPE_CHECKING:
    from inspector.services.context import AppContext
    from inspector.services.pdf.common import BuiltPdf, Progress

log = logging.getLogger(__name__)

PREVIEW_KEEP_SECONDS = 24 * 3600


def preview_dir(paths: AppPaths) -> Path:
    return paths.data_dir / "cache" / "print-preview"


def preview_path(paths: AppPaths, name: str) -> Path:
    """A fresh file for a preview, named after ``name`` (the viewer shows it, and suggests
    it when the user saves from there); a viewer may still hold older ones open. Old
    previews go."""
    folder = preview_dir(paths)
    folder.mkdir(parents=True, exist_ok=True)
    limit = time.time() - PREVIEW_KEEP_SECONDS
    for old in folder.glob("*.pdf"):
        try:
            if old.stat().st_mtime < limit:
                old.unlink()
        except OSError as exc:  # open in a viewer (Windows): try again next time
            log.info("old preview %s not removed: %s", old, exc)
    return folder / f"{Path(name).stem}_{datetime.now():%H%M%S%f}.pdf"


def report_file_name(context: AppContext, inspection_id: str) -> str:
    """``东门社区教学点_2026-11-28_检查报告.pdf`` for the inspection's site and visit date."""
    from inspector.services import file_names
    from inspector.services.inspections import get_inspection
    from inspector.services.sites import get_site

    with context.db.session() as session:
        inspection = get_inspection(session, inspection_id)
        site = get_site(session, inspection.site_id)
        return file_names.report_file_name(site.name, inspection.visit_date)


def checklist_file_name(context: AppContext, site_ids: Sequence[str]) -> str:
    """``东门社区教学点_检查表.pdf`` for a checklist pre-filled for these sites."""
    from inspector.services import file_names
    from inspector.services.sites import get_site

    with context.db.session() as session:
        return file_names.checklist_file_name([get_site(session, site_id).name
                                               for site_id in site_ids])


def _progress(control: JobControl) -> Progress:
    from inspector.services.pdf.common import Progress

    return Progress(report=control.progress, cancelled=lambda: control.cancelled)


def checklist_pdf(context: AppContext, target: Path, control: JobControl, *,
                  tier: Tier | None = None, site_ids: Sequence[str] = ()) -> BuiltPdf:
    """The paper checklist: blank for ``tier``, or pre-filled for each site in ``site_ids``."""
    from inspector.services.pdf import common
    from inspector.services.pdf.blank_checklist import write_checklists
    from inspector.services.pdf.sources import checklist_sheets, site_sheet

    with context.db.session() as session:
        if site_ids:
            template, sheets = site_sheet(session, site_ids[0])
            for site_id in site_ids[1:]:
                sheets += site_sheet(session, site_id)[1]
        else:
            template, sheets = checklist_sheets(session, tier)
    try:
        return write_checklists(target, template, sheets, progress=_progress(control))
    except common.Cancelled:
        raise Cancelled from None


def report_pdf(context: AppContext, inspection_id: str, target: Path,
               control: JobControl) -> BuiltPdf:
    """The report of one inspection, photos prepared on the worker's threads."""
    from inspector.services.pdf import common
    from inspector.services.pdf.images import PrintImageCache
    from inspector.services.pdf.report import write_report
    from inspector.services.pdf.sources import report_data

    with context.db.session() as session:
        data = report_data(session, inspection_id, context.paths)
    try:
        return write_report(target, data, PrintImageCache.for_paths(context.paths),
                            progress=_progress(control))
    except common.Cancelled:
        raise Cancelled from None
