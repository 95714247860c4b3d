"""The Supervision screen's words for the loop's values: review states and decisions, yes
and no (the campaign kinds are the draw dialog's)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from inspector.domain.supervision import ReviewDecision, ReviewState


def review_state_name(state: ReviewState) -> str:
    names = {
        ReviewState.IN_FIELD: QCoreApplication.translate("OfficeWords", "in the field"),
        ReviewState.AWAITING: QCoreApplication.translate("OfficeWords", "awaiting review"),
        ReviewState.RETURNED: QCoreApplication.translate("OfficeWords", "returned"),
        ReviewState.APPROVED: QCoreApplication.translate("OfficeWords", "approved"),
    }
    return names[state]


def decision_name(decision: ReviewDecision) -> str:
    if decision is ReviewDecision.APPROVED:
        return QCoreApplication.translate("OfficeWords", "Approved")
    return QCoreApplication.translate("OfficeWords", "Returned")


def yes_no(value: bool) -> str:
    if value:
        return QCoreApplication.translate("OfficeWords", "yes")
    return QCoreApplication.translate("OfficeWords", "no")
