"""The words every screen uses for the program's values: tiers, inspection statuses,
scores, a site's last result, inspection in progress and assignment, stored times in local
time, and the half of a bilingual label in the window's language.

One place, so that the site list, the checklist page, the details and the sync
screen say the same thing; translated with the contexts the translations know.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QLocale

from inspector.domain.supervision import ReviewState
from inspector.domain.tiers import Tier
from inspector.domain.values import InspectionStatus
from inspector.services.assignment_state import AssignmentState
from inspector.services.site_tree import AssignedVisit, LastInspection, SiteNode


def tier_name(tier: str) -> str:
    """The tier's name as the guideline writes it (translated for English)."""
    names: dict[str, str] = {
        Tier.COUNTY: QCoreApplication.translate("Tiers", "County community-education college"),
        Tier.TOWNSHIP: QCoreApplication.translate("Tiers", "Township community school"),
        Tier.VILLAGE: QCoreApplication.translate("Tiers", "Village teaching station"),
    }
    return names.get(str(tier), str(tier))


def status_name(status: str) -> str:
    """An inspection's status as every screen words it."""
    names: dict[str, str] = {
        InspectionStatus.COMPLETED: QCoreApplication.translate("Statuses", "completed"),
        InspectionStatus.DRAFT: QCoreApplication.translate("Statuses", "in progress"),
    }
    return names.get(status, status)


def percent(score: float | None) -> str:
    """The same rounding as the summary and the printed report (one decimal)."""
    from inspector.domain.scoring import format_percent

    return format_percent(score)


def last_result_text(last: LastInspection | None) -> str:
    if last is None:
        return ""
    return f"{last.visit_date.isoformat()}  {percent(last.score)}"


def review_mark_text(site: SiteNode, full: bool = False) -> str:
    """Said calmly beside a site's result at the county office, where only approved
    inspections count: a newer result awaits review, or was returned to its inspector
    (``full``: with that inspection's date, for the details and tooltips)."""
    mark = site.review_mark()
    if mark is ReviewState.AWAITING and site.awaiting_review is not None:
        if full:
            return QCoreApplication.translate(
                "SiteTree", "the result of %1 awaits review (Supervision → Review)").replace(
                "%1", site.awaiting_review.visit_date.isoformat())
        return QCoreApplication.translate("SiteTree", "new result awaiting review")
    if mark is ReviewState.RETURNED and site.returned is not None:
        if full:
            return QCoreApplication.translate(
                "SiteTree", "the result of %1 was returned to its inspector; it counts once "
                "sent back and approved").replace("%1", site.returned.visit_date.isoformat())
        return QCoreApplication.translate("SiteTree", "new result returned")
    return ""


def site_result_text(site: SiteNode, approved_only: bool, office: bool,
                     full: bool = False) -> str:
    """A site's last result as the site list shows it: at the county office (``office``)
    the last approved inspection (``approved_only``) or the last one received, with a
    mark when a newer result awaits review or was returned; on a field laptop the last
    completed inspection."""
    text = last_result_text(site.result(approved_only))
    mark = review_mark_text(site, full) if office else ""
    return " · ".join(part for part in (text, mark) if part)


def in_progress_text(current: LastInspection | None) -> str:
    if current is None:
        return ""
    return QCoreApplication.translate("SiteTree", "Yes, since %1").replace(
        "%1", current.visit_date.isoformat())


def assignment_text(visit: AssignedVisit | None, short: bool = False) -> str:
    """The county office's assignment: the period and who goes (with its note unless short)."""
    if visit is None:
        return ""
    state = _state_text(visit.state)
    if short:
        text = f"{visit.period_start:%m-%d}–{visit.period_end:%m-%d} {visit.inspector_name}"
        return f"{text} · {state}" if state else text
    text = QCoreApplication.translate("SiteTree", "%1 to %2, %3").replace(
        "%1", visit.period_start.isoformat()).replace(
        "%2", visit.period_end.isoformat()).replace("%3", visit.inspector_name)
    text = f"{text} ({visit.note})" if visit.note else text
    return f"{text} · {state}" if state else text


def _state_text(state: AssignmentState) -> str:
    """Said beside an assignment that is not simply waiting for its period."""
    if state is AssignmentState.OVERDUE:
        return QCoreApplication.translate("SiteTree", "overdue")
    if state is AssignmentState.IN_PROGRESS:
        return QCoreApplication.translate("SiteTree", "under way")
    return ""


def in_ui_language(text: str) -> str:
    """One half of a bilingual "中文 / English" label, in the UI's language."""
    if " / " not in text:
        return text
    chinese, english = text.split(" / ", 1)
    return chinese if QLocale().language() == QLocale.Language.Chinese else english


def local_time(value: str) -> str:
    """A stored UTC time ("2026-11-28 21:38:16.591307") as this computer's local time."""
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return value
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")
