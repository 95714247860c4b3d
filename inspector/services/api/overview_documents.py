"""The county overview's printed documents: the supervision report (督导报告) to submit
upward, and the public notice (公示) of each site's result, with no personal data.

Each reads the overview's figures (:func:`inspector.services.overview.county_overview`,
the same as ``inspector overview show``) and the office's issuing body in one short
session, then writes the PDF with the database free, replaced only when complete. A bad
filter or threshold raises ``SupervisionError``; a file that cannot be written,
:class:`~inspector.services.pdf.common.PdfError`.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from inspector.services.context import AppContext
    from inspector.services.overview import CountyOverview, OverviewFilter
    from inspector.services.pdf.common import BuiltPdf


def _read(context: AppContext, wanted: OverviewFilter, today: date
          ) -> tuple[CountyOverview, str]:
    from inspector.services.office_settings import load_settings
    from inspector.services.overview import county_overview

    with context.db.session() as session:
        return county_overview(session, wanted, today), load_settings(session).issuer


def write_county_report(context: AppContext, wanted: OverviewFilter, path: Path, today: date,
                        threshold: float = 0.6) -> BuiltPdf:
    """The report of the figures ``wanted`` selects, dated ``today``; the sites scoring
    below ``threshold`` (a share, above 0 and at most 1) are listed apart."""
    from inspector.domain.supervision import SupervisionError
    from inspector.services.pdf.county_report import write_county_report as write

    if not 0 < threshold <= 1:
        raise SupervisionError("得分率门槛须在 1% 到 100% 之间 / the score threshold must be "
                               "1% to 100%")
    data, issuer = _read(context, wanted, today)
    return write(Path(path), data, issuer, threshold=threshold, printed_on=today)


def write_public_notice(context: AppContext, wanted: OverviewFilter, path: Path,
                        today: date) -> BuiltPdf:
    """The notice of the results ``wanted`` selects, dated ``today``: each inspected site
    with its tier, township, visit date, score and band, and nothing about any person."""
    from inspector.services.pdf.public_notice import write_public_notice as write

    data, issuer = _read(context, wanted, today)
    return write(Path(path), data, issuer, printed_on=today)
