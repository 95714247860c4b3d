"""What the county overview reads in one operation (the figures for the filters chosen, and
the townships and campaigns the filters offer), and the words it shows for the figures'
values in the window's language: groups, ratings, scores and their changes.

The figures are :func:`inspector.services.api.overview.county_overview`'s, unchanged: the
screen shows the numbers ``inspector overview show --format json`` prints.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from inspector.domain.tiers import Tier
from inspector.services import api
from inspector.ui.labels import percent, tier_name
from inspector.ui.pages.office.letters_words import chinese

translate = QCoreApplication.translate  # found by pyside6-lupdate as such

if TYPE_CHECKING:
    from inspector.domain.overview import Group, IndicatorFigures, Overview, Problem, Shares
    from inspector.services.context import AppContext
    from inspector.services.overview import CountyOverview, OverviewFilter

#: The counted ratings' colours, best first (符合, 基本符合, 不符合): calm, and told apart
#: by readers who do not see red and green (Paul Tol's "muted" scheme); further ratings grey.
RATING_COLORS = (QColor(68, 170, 153), QColor(221, 204, 119), QColor(204, 102, 119))
OTHER_RATING = QColor(187, 187, 187)
#: Coverage: the sites with a result in the period.
COVERED = QColor(85, 128, 170)
#: Rectification items: closed, open, overdue.
CLOSED_COLOR, OPEN_COLOR, OVERDUE_BAR = RATING_COLORS


@dataclass(frozen=True)
class CampaignChoice:
    id: str
    name: str
    start: date
    end: date


@dataclass(frozen=True)
class OverviewRead:
    data: CountyOverview
    townships: tuple[tuple[str, str], ...]  # (id, name), by name
    campaigns: tuple[CampaignChoice, ...]  # newest first


def load_overview(context: AppContext, wanted: OverviewFilter, today: date) -> OverviewRead:
    """The figures for ``wanted``, with what the filters offer (run off the UI thread)."""
    data = api.overview.county_overview(context, wanted, today)
    named: dict[str, str] = {}
    for name, township_id in api.supervision.township_names(context).items():
        named.setdefault(township_id, name)  # the school's own name comes first
    campaigns = sorted(api.office.list_campaigns(context, today),
                       key=lambda c: (c.period_start, c.name), reverse=True)
    return OverviewRead(
        data, tuple(sorted(named.items(), key=lambda pair: pair[1])),
        tuple(CampaignChoice(c.id, c.name, c.period_start, c.period_end) for c in campaigns))



def group_label(figures: Overview, group: Group) -> str:
    """The county, a tier or a township as the window's language names it."""
    if group is figures.county:
        return translate("Overview", "Whole county")
    if group in figures.tiers:
        return tier_name(Tier(group.key))
    return township_label(group.key, group.label)


def indicator_label(indicator: IndicatorFigures) -> str:
    """An indicator's number and title in the window's language."""
    return indicator.label if chinese() or not indicator.label_en else indicator.label_en


def problem_text(problem: Problem) -> str:
    """A common problem's criterion in the window's language."""
    return problem.text if chinese() or not problem.text_en else problem.text_en


def township_label(key: str, label: str) -> str:
    return translate("Overview", "County level (no township)") if key == "" else label


def rating_names(figures: Overview) -> list[tuple[str, str, QColor]]:
    """The counted ratings (id, name in the window's language, colour), best first."""
    return [(rating, zh if chinese() else en,
             RATING_COLORS[n] if n < len(RATING_COLORS) else OTHER_RATING)
            for n, (rating, zh, en) in enumerate(figures.ratings)]


def share_text(shares: Shares, rating: str) -> str:
    """A rating's share and how many times it was given: "91.8% (608)"."""
    return f"{percent(shares.share(rating))} ({shares.counts.get(rating, 0)})"


def shares_words(figures: Overview, shares: Shares) -> str:
    """The shares in words, for screen readers and tooltips: "符合 91.8%, 基本符合 4.1%, …"."""
    if not shares.counted:
        return translate("Overview", "no ratings counted")
    return ("，" if chinese() else ", ").join(
        f"{name} {percent(shares.share(rating))}"
        for rating, name, _colour in rating_names(figures))


def shares_segments(figures: Overview, shares: Shares) -> tuple[tuple[float, QColor], ...]:
    return tuple((shares.share(rating) or 0.0, colour)
                 for rating, _name, colour in rating_names(figures)) if shares.counted else ()


def change_text(change: float | None) -> str:
    """A score's change in percentage points, with an arrow: "▲ 3.1", "▼ 0.5", "＝"."""
    if change is None:
        return "—"
    points = change * 100
    if round(points, 1) == 0:
        return "＝ 0.0"
    return f"{'▲' if points > 0 else '▼'} {abs(points):.1f}"


def sort_score(score: float | None) -> float:
    """What a score sorts by: unscored below every score."""
    return -1.0 if score is None else score


def coverage_text(group: Group) -> str:
    return f"{group.inspected}/{group.sites}"


def summary_text(read: OverviewRead) -> str:
    """The county's figures in one line, above the tabs."""
    data = read.data
    figures = data.figures
    county = figures.county
    counted = (translate("Overview", "approved results only") if data.filter.approved_only
               else translate("Overview", "every result received"))
    text = (translate("Overview", "%1 site(s) in scope · %2 inspected (%3) · score %4 · %5 · %6")
            .replace("%1", str(county.sites)).replace("%2", str(county.inspected))
            .replace("%3", percent(county.coverage)).replace("%4", percent(county.shares.score))
            .replace("%5", shares_words(figures, county.shares)).replace("%6", counted))
    if data.campaign_name:
        text = translate("Overview", "Campaign “%1”: %2") \
            .replace("%1", data.campaign_name).replace("%2", text)
    return text
