"""A re-inspection assignment (复查) is done by a re-inspection of its items only, and a
re-inspection does not fulfil an ordinary assignment: the office's lists, the site list
and the work queue agree."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from pathlib import Path

from sync_helpers import VILLAGE, completed_inspection, installation

from inspector.domain.supervision import Verdict
from inspector.services import inspections
from inspector.services.api import office
from inspector.services.assignment_state import AssignmentState
from inspector.services.context import AppContext
from inspector.services.site_tree import read_site_tree
from inspector.services.sites import site_id_for_code
from inspector.services.sync.assignments import add_assignment, assignment_states, list_assignments
from inspector.services.sync.identity import Role

TODAY = date.today()
SITE = site_id_for_code(VILLAGE)


def _states(context: AppContext) -> dict[str, AssignmentState]:
    with context.db.session() as session:
        listed = {a.id: a.state for a in list_assignments(session, TODAY)}
        assert assignment_states(session, TODAY) == listed
    return listed


def _site_list_state(context: AppContext) -> AssignmentState | None:
    """The most urgent open assignment of the site, as the site list shows it."""
    with sqlite3.connect(context.db.path) as conn:
        roots = read_site_tree(conn, TODAY)
    conn.close()
    stack = list(roots)
    while stack:
        node = stack.pop()
        if node.id == SITE:
            return node.assignment.state if node.assignment else None
        stack.extend(node.children)
    raise AssertionError("site not in the tree")


def test_each_kind_of_assignment_is_done_by_its_own_kind_of_visit(tmp_path: Path) -> None:
    context = installation(tmp_path, "office", Role.OFFICE)
    try:
        found = completed_inspection(context, VILLAGE, photos=0, rating="not_met")
        approved = office.approve(context, found, "王主任")
        assert approved.letter is not None
        office.issue_letter(context, approved.letter.id, TODAY + timedelta(days=30), "王主任",
                            TODAY)
        with context.db.transaction() as session:
            ordinary = add_assignment(session, SITE, "张三", TODAY, TODAY + timedelta(days=3)).id
        again = office.order_reinspection(context, SITE, "赵明", TODAY, TODAY + timedelta(days=3))
        assert _states(context) == {ordinary: AssignmentState.PENDING,
                                    again: AssignmentState.PENDING}
        assert office.work_queue(context, TODAY).assignments_due == 2

        # The re-inspection, made and completed: it does not do the ordinary visit.
        reinspection = office.start_reinspection(context, again, TODAY)
        for check in office.reinspection_checks(context, reinspection):
            office.record_check(context, reinspection, check.item_id, Verdict.RECTIFIED, "好")
        with context.db.transaction() as session:
            inspections.complete(session, reinspection, "赵明")
        assert _states(context) == {ordinary: AssignmentState.PENDING,
                                    again: AssignmentState.DONE}
        assert _site_list_state(context) is AssignmentState.PENDING
        assert office.work_queue(context, TODAY).assignments_due == 1

        # A full inspection does the ordinary one, and leaves the re-inspection done.
        with context.db.transaction() as session:
            visit = inspections.start_inspection(session, SITE, TODAY, inspectors="张三")
            for criterion in inspections.load_state(session, visit.id).criteria:
                inspections.set_rating(session, visit.id, criterion.id, "meets")
            inspections.complete(session, visit.id, "张三")
        assert _states(context) == {ordinary: AssignmentState.DONE,
                                    again: AssignmentState.DONE}
        assert _site_list_state(context) is None
        assert office.work_queue(context, TODAY).assignments_due == 0
    finally:
        context.close()
