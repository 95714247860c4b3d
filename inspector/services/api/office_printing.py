"""The office's printed documents of the supervision loop: a site's feedback letter
(督导意见书), the rectification ledger (整改台账) and a re-inspection's report (复查报告).

Each reads what it prints in one short session and then writes the PDF with the database
free, replaced only when complete. A letter or inspection that is not there raises the
services' own error (``SupervisionError``, ``InspectionError``); a file that cannot be
written, :class:`~inspector.services.pdf.common.PdfError`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from inspector.services.context import AppContext
    from inspector.services.pdf.common import BuiltPdf
    from inspector.services.rectification_ledger import ItemRow


def write_letter_pdf(context: AppContext, letter_id: str, path: Path) -> BuiltPdf:
    """The feedback letter; one not issued yet prints with the office's issuing body and a
    "草稿 / DRAFT" mark."""
    from inspector.services.pdf.feedback_letter import letter_data, write_letter

    with context.db.session() as session:
        data = letter_data(session, letter_id)
    return write_letter(Path(path), data)


def write_ledger_pdf(context: AppContext, rows: Sequence[ItemRow], path: Path, title: str,
                     filter_text: str = "") -> BuiltPdf:
    """The ledger of ``rows`` (as :func:`~inspector.services.api.office.ledger` gave them),
    under ``title``, with ``filter_text`` saying in words which items they are."""
    from inspector.services.office_settings import load_settings
    from inspector.services.pdf.item_ledger import write_ledger

    with context.db.session() as session:
        issuer = load_settings(session).issuer
    return write_ledger(Path(path), rows, title, filter_text, issuer=issuer)


def write_reinspection_pdf(context: AppContext, inspection_id: str, path: Path) -> BuiltPdf:
    """The report of a re-inspection, its photos before and after side by side; the
    result counts the photos that printed as empty boxes (file missing or damaged)."""
    from inspector.services.office_settings import load_settings
    from inspector.services.pdf.images import PrintImageCache
    from inspector.services.pdf.reinspection_report import (
        reinspection_data,
        write_reinspection_report,
    )

    with context.db.session() as session:
        data = reinspection_data(session, inspection_id, load_settings(session).issuer)
    return write_reinspection_report(Path(path), data, PrintImageCache.for_paths(context.paths))
