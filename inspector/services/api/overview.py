"""The county overview (office): coverage, compliance, ranking, trends and rectification,
for a period or a campaign, approved results only unless asked otherwise."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from inspector.services.context import AppContext
    from inspector.services.overview import CountyOverview, OverviewFilter


def county_overview(context: AppContext, wanted: OverviewFilter, today: date
                    ) -> CountyOverview:
    from inspector.services import overview

    with context.db.session() as session:
        return overview.county_overview(session, wanted, today)


def as_json(data: CountyOverview) -> str:
    from inspector.services import overview

    return overview.as_json(data)
