"""PDFs: the paper checklist (blank or pre-filled for sites) and an inspection's report.

Reading what to print takes one short session; the PDF is written after it, with
the database free. Long writing takes a :class:`~inspector.services.control.Control`
and stops with :class:`~inspector.services.control.Cancelled`, leaving no file.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from inspector.app_paths import AppPaths
from inspector.domain.tiers import Tier

if TYPE_CHECKING:
    from inspector.domain.templates import ChecklistTemplate
    from inspector.services.context import AppContext
    from inspector.services.control import Control
    from inspector.services.pdf.blank_checklist import Sheet
    from inspector.services.pdf.common import BuiltPdf
    from inspector.services.pdf.sources import ReportData

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


@dataclass(frozen=True)
class Checklist:
    """What a paper checklist prints: the newest template and its sheets, one blank sheet
    of a tier or one pre-filled sheet per site."""

    template: ChecklistTemplate
    sheets: list[Sheet]

    def site_names(self) -> list[str]:
        return [sheet.site.name for sheet in self.sheets if sheet.site]


def checklist(context: AppContext, *, tier: Tier | None = None, site_ids: Sequence[str] = (),
              site_codes: Sequence[str] = ()) -> Checklist:
    """The sheets for ``site_ids`` (each of its own tier), else for ``site_codes`` (each
    of ``tier``, if given), else one blank sheet of ``tier``. Raises
    :class:`~inspector.services.pdf.sources.SourceError` for a code or tier that is not
    there."""
    from inspector.services.pdf.sources import checklist_sheets, site_sheet

    with context.db.session() as session:
        if site_ids:
            template, sheets = site_sheet(session, site_ids[0])
            for site_id in site_ids[1:]:
                sheets += site_sheet(session, site_id)[1]
        else:
            template, sheets = checklist_sheets(session, tier, site_codes)
    return Checklist(template, sheets)


def write_checklist(contents: Checklist, target: Path,
                    control: Control | None = None) -> BuiltPdf:
    """Write the paper checklist to ``target``."""
    from inspector.services.pdf.blank_checklist import write_checklists

    return write_checklists(target, contents.template, contents.sheets, control=control)


def checklist_pdf(context: AppContext, target: Path, control: Control | None = None, *,
                  tier: Tier | None = None, site_ids: Sequence[str] = ()) -> BuiltPdf:
    """The paper checklist: blank for ``tier``, or pre-filled for each site in ``site_ids``."""
    return write_checklist(checklist(context, tier=tier, site_ids=site_ids), target, control)


def report_contents(context: AppContext, inspection_id: str) -> ReportData:
    """What the report of one inspection prints (raises ``InspectionError`` for no such
    inspection)."""
    from inspector.services.pdf.sources import report_data

    with context.db.session() as session:
        return report_data(session, inspection_id, context.paths)


def write_report(context: AppContext, data: ReportData, target: Path,
                 control: Control | None = None) -> BuiltPdf:
    """Write a report to ``target``, its photos prepared on several threads."""
    from inspector.services.pdf.images import PrintImageCache
    from inspector.services.pdf.report import write_report as write

    return write(target, data, PrintImageCache.for_paths(context.paths), control=control)


def report_pdf(context: AppContext, inspection_id: str, target: Path,
               control: Control | None = None) -> BuiltPdf:
    """The report of one inspection."""
    return write_report(context, report_contents(context, inspection_id), target, control)
