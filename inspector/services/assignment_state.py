"""Where an assignment stands, from the visits made to its site (standard library only).

An assignment asks for a visit to a site between two dates. A visit (an inspection)
counts for it when its visit date is on or after the first day; one made after the
last day still fulfils it, late. Then the assignment is

- **done** once such an inspection is completed (the first one; it is named),
- **in progress** while such an inspection is being made,
- **overdue** when the last day has passed with neither,
- **pending** otherwise.

A **re-inspection** assignment (复查, naming rectification items to verify) is done by a
re-inspection of those items only; a re-inspection does not fulfil an ordinary assignment
(:class:`Reinspections`).

Plain data in, plain data out, so that the site list (which reads the database with
plain SQL at start-up) and the sync services (SQLModel) say the same.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
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


#: The rows :meth:`Reinspections.from_rows` is made of, read by plain SQL anywhere.
REINSPECTION_TARGETS_SQL = (
    "SELECT t.assignment_id, c.inspection_id FROM reinspection_targets t"
    " LEFT JOIN reinspection_checks c ON c.item_id = t.item_id")
REINSPECTION_INSPECTIONS_SQL = "SELECT DISTINCT inspection_id FROM reinspection_checks"


@dataclass(frozen=True)
class Reinspections:
    """Which assignments are re-inspections, and which inspections verify their items."""

    verifying: dict[str, frozenset[str]]  # re-inspection assignment -> its re-inspections
    inspections: frozenset[str]  # every re-inspection

    @classmethod
    def from_rows(cls, targets: Iterable[Sequence[str | None]],
                  inspections: Iterable[Sequence[str]]) -> Reinspections:
        verifying: dict[str, set[str]] = {}
        for assignment_id, inspection_id in targets:
            assert assignment_id is not None
            found = verifying.setdefault(assignment_id, set())
            if inspection_id is not None:
                found.add(inspection_id)
        return cls({a: frozenset(i) for a, i in verifying.items()},
                   frozenset(row[0] for row in inspections))

    def visits_for(self, assignment_id: str, visits: Iterable[SiteVisit]) -> list[SiteVisit]:
        """The visits that count for the assignment."""
        if assignment_id in self.verifying:
            mine = self.verifying[assignment_id]
            return [v for v in visits if v.inspection_id in mine]
        return [v for v in visits if v.inspection_id not in self.inspections]
