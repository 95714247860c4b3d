"""The demo county office holds the whole supervision loop, and loading it again changes
nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sync_helpers import dump

from inspector.app_paths import AppPaths
from inspector.domain.supervision import ItemState, ReviewState
from inspector.services.api import office
from inspector.services.context import open_context
from inspector.services.rectification_ledger import LedgerFilter
from inspector.services.sync.demo_roles import prepare_demo
from inspector.services.sync.identity import Role


def test_the_demo_office_has_every_step_of_the_loop(tmp_path: Path) -> None:
    context = open_context(AppPaths.resolve(tmp_path / "office"))
    try:
        prepare_demo(context, Role.OFFICE)
        today = date.today()
        states = [e.state for e in office.review_queue(context)]
        assert {ReviewState.AWAITING, ReviewState.RETURNED, ReviewState.APPROVED} <= set(states)
        assert any(e.is_reinspection for e in office.review_queue(context))
        letters = office.letters(context)
        assert len(letters) == 2 and all(letter.number for letter in letters)
        rows = office.ledger(context, LedgerFilter(states=frozenset(ItemState)), today)
        assert {r.state for r in rows} >= {ItemState.OPEN, ItemState.REPORTED, ItemState.CLOSED}
        assert any(r.overdue for r in rows) and any(r.reports for r in rows)
        (campaign,) = office.list_campaigns(context, today)
        assert campaign.assignment_ids and campaign.seed == 20261201
        _, same = office.redraw_campaign(context, campaign.id)
        assert same
        # The work queue's one-query counts say what the full lists say, today and later.
        from datetime import timedelta

        from inspector.services.assignment_state import AssignmentState
        from inspector.services.sync.assignments import assignment_states, list_assignments

        for day in (today, today + timedelta(days=25), today + timedelta(days=60)):
            queue = office.work_queue(context, day)
            assert queue.to_review == states.count(ReviewState.AWAITING) == 1
            with context.db.session() as session:
                assignments = list_assignments(session, day)
                assert assignment_states(session, day) == {a.id: a.state for a in assignments}
            assert queue.assignments_due == sum(
                1 for a in assignments if a.state is not AssignmentState.DONE
                and (a.state is AssignmentState.OVERDUE or a.period_end <= day + timedelta(7)))
            assert queue.overdue_items == sum(1 for r in office.ledger(
                context, LedgerFilter(), day) if r.overdue)
        before = dump(context)
        again = prepare_demo(context, Role.OFFICE)
        assert again.letters == 0 and dump(context) == before
    finally:
        context.close()
