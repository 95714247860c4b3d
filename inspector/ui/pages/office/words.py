"""The Supervision screen's words for the loop's values: review states and decisions,
assignment states, yes and no (the campaign kinds are the draw dialog's)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from inspector.domain.supervision import ReviewDecision, ReviewState
from inspector.services.assignment_state import AssignmentState


def _tr(text: str) -> str:
    return QCoreApplication.translate("OfficeWords", text)


def review_state_name(state: ReviewState) -> str:
    names = {
        ReviewState.IN_FIELD: _tr("in the field"),
        ReviewState.AWAITING: _tr("awaiting review"),
        ReviewState.RETURNED: _tr("returned"),
        ReviewState.APPROVED: _tr("approved"),
    }
    return names[state]


def decision_name(decision: ReviewDecision) -> str:
    return _tr("Approved") if decision is ReviewDecision.APPROVED else _tr("Returned")


def assignment_state_name(state: AssignmentState) -> str:
    names = {
        AssignmentState.PENDING: _tr("pending"),
        AssignmentState.IN_PROGRESS: _tr("in progress"),
        AssignmentState.DONE: _tr("done"),
        AssignmentState.OVERDUE: _tr("overdue"),
    }
    return names[state]


def yes_no(value: bool) -> str:
    return _tr("yes") if value else _tr("no")
