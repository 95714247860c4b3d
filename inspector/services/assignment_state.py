"""Where an assignment stands, from the visits made to its site (standard library only).

An assignment asks for a visit to a site between two dates. A visit (an inspection)
counts for it when its visit date is on or after the first day; one made after the
last day still fulfils it, late. Then the assignment is

- **done** once such an inspection is completed (the first one; it is named),
- **in progress** while such an inspection is being made,
- **overdue** when the last day has passed with neither,
- **pending** otherwise.

Plain data in, plain data out, so that the site list (which reads the database with
plain SQL at start-up) and the sync services (SQLModel) say the same.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class AssignmentState(StrEnum):
    PENDING = "pending"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    OVERDUE = "overdue"


#: Open assignments first (the most urgent on top), the done ones last.
STATE_ORDER = {AssignmentState.OVERDUE: 0, AssignmentState.IN_PROGRESS: 1,
               AssignmentState.PENDING: 2, AssignmentState.DONE: 3}
STATE_WORDS = {  # for the command line: Chinese / English
    AssignmentState.PENDING: "待检查 / pending",
    AssignmentState.IN_PROGRESS: "检查中 / in progress",
    AssignmentState.DONE: "已完成 / done",
    AssignmentState.OVERDUE: "已逾期 / overdue",
}


@dataclass(frozen=True)
class SiteVisit:
    """An inspection of the assignment's site."""

    inspection_id: str
    visit_date: date
    completed: bool
    score: float | None = None


@dataclass(frozen=True)
class Standing:
    state: AssignmentState
    visit: SiteVisit | None = None  # the inspection that fulfils it (done) or is under way


def assignment_standing(period_start: date, period_end: date, visits: Iterable[SiteVisit],
                        today: date) -> Standing:
    """Where an assignment for ``period_start``–``period_end`` stands on ``today``."""
    counted = sorted((v for v in visits if v.visit_date >= period_start),
                     key=lambda v: (v.visit_date, v.inspection_id))
    done = [v for v in counted if v.completed]
    if done:
        return Standing(AssignmentState.DONE, done[0])
    if counted:
        return Standing(AssignmentState.IN_PROGRESS, counted[0])
    if today > period_end:
        return Standing(AssignmentState.OVERDUE)
    return Standing(AssignmentState.PENDING)
