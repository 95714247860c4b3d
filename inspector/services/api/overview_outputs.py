"""The county overview's files: the Excel workbook (汇总, 站点得分, 逐项结果, 整改台账) for the
bureau and for offices that work in Excel or WPS."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from inspector.services.context import AppContext
    from inspector.services.control import Control
    from inspector.services.overview import OverviewFilter


def write_workbook(context: AppContext, wanted: OverviewFilter, path: Path, today: date,
                   control: Control | None = None) -> Path:
    """Write the overview for ``wanted`` to the workbook ``path`` (its folder must exist):
    whole or not at all, on the disk before this returns. ``control`` hears the progress
    through the results and may cancel (nothing is left behind then)."""
    from inspector.durable import replacing
    from inspector.services import overview_workbook

    with context.db.session() as session, replacing(path, folder_exists=True) as out:
        overview_workbook.write_workbook(session, wanted, today, out, control)
    return path
