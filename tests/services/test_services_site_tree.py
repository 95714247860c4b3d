"""The site tree read with plain SQL: the same tree at start-up as on every reload."""

from __future__ import annotations

import sqlite3
from datetime import date

from inspector.services import inspections
from inspector.services.assignment_state import AssignmentState
from inspector.services.context import AppContext
from inspector.services.site_tree import SiteNode, read_site_tree, read_site_tree_early
from inspector.services.sites import find_by_code, site_id_for_code, site_tree
from inspector.services.sync.assignments import add_assignment


def _inspect(context: AppContext, code: str, visit: date, complete: bool) -> str:
    with context.db.transaction() as session:
        site = find_by_code(session, code)
        assert site is not None
        inspection = inspections.start_inspection(session, site.id, visit, inspectors="王芳")
        state = inspections.load_state(session, inspection.id)
        for index, criterion in enumerate(state.criteria):
            rating = "not_met" if index < 3 else "meets"
            inspections.set_rating(session, inspection.id, criterion.id, rating)
            if rating == "not_met":
                inspections.set_note(session, inspection.id, criterion.id, "未见制度文件")
        if complete:
            inspections.complete(session, inspection.id, actor="王芳")
        return inspection.id


def _flatten(roots: list[SiteNode]) -> list[tuple[object, ...]]:
    return [
        (node.id, node.name, node.tier, node.code, node.parent_id, len(node.children),
         node.last_completed, node.in_progress)
        for root in roots for node in root.walk()
    ]


def test_the_early_tree_is_the_tree_of_the_open_database(demo_context: AppContext) -> None:
    older = _inspect(demo_context, "330799001001", date(2026, 5, 1), complete=True)
    newer = _inspect(demo_context, "330799001001", date(2026, 11, 2), complete=True)
    draft = _inspect(demo_context, "330799001001", date(2026, 11, 20), complete=False)
    with demo_context.db.session() as session:
        expected = site_tree(session)
        scores = {listing.id: listing.score for listing in inspections.list_inspections(session)}
    early = read_site_tree_early(demo_context.paths.database)
    assert early is not None
    assert _flatten(early) == _flatten(expected)
    assert len(_flatten(early)) == 31
    county = early[0]
    assert county.tier == "county" and county.children[0].tier == "township"
    village = next(node for node in county.walk() if node.code == "330799001001")
    assert village.last_completed is not None and village.in_progress is not None
    assert village.last_completed.id == newer != older
    assert village.in_progress.id == draft
    assert village.last_completed.score == scores[newer]
    assert village.last_completed.score is not None and 0 < village.last_completed.score < 1


def test_the_early_read_changes_nothing(demo_context: AppContext) -> None:
    database = demo_context.paths.database
    demo_context.close()
    before = database.read_bytes()
    assert read_site_tree_early(database) is not None
    assert database.read_bytes() == before


def test_no_early_tree_without_a_database_ready_to_read(context: AppContext) -> None:
    database = context.paths.database
    context.close()
    assert read_site_tree_early(database.with_name("missing.sqlite3")) is None
    with sqlite3.connect(database) as connection:  # a database from an older program
        connection.execute("UPDATE alembic_version SET version_num = '0001'")
    connection.close()
    assert read_site_tree_early(database) is None
    garbage = database.with_name("garbage.sqlite3")
    garbage.write_bytes(b"this is not a database" * 100)
    assert read_site_tree_early(garbage) is None


def test_each_site_shows_its_most_urgent_open_assignment(demo_context: AppContext) -> None:
    village = site_id_for_code("330799001001")
    with demo_context.db.transaction() as session:
        add_assignment(session, village, "李明", date(2026, 10, 1), date(2026, 10, 31), "已过期")
        add_assignment(session, village, "王芳", date(2027, 1, 5), date(2027, 1, 20), "下一次")
        add_assignment(session, village, "张强", date(2026, 11, 20), date(2026, 12, 5), "复查")
    with demo_context.db.session() as session:
        roots = site_tree(session)  # the ORM path and the early read share the function
    early = read_site_tree_early(demo_context.paths.database)
    assert early is not None
    for tree in (roots, early):
        nodes = {node.id: node for root in tree for node in root.walk()}
        assert nodes[village].assignment is not None

    def on(day: date) -> tuple[str, AssignmentState] | None:
        with sqlite3.connect(demo_context.paths.database) as connection:
            nodes = {n.id: n for r in read_site_tree(connection, today=day) for n in r.walk()}
        connection.close()
        visit = nodes[village].assignment
        return None if visit is None else (visit.inspector_name, visit.state)

    assert on(date(2026, 9, 15)) == ("李明", AssignmentState.PENDING)  # the next one to come
    assert on(date(2026, 10, 15)) == ("李明", AssignmentState.PENDING)  # under its period
    # Not visited by the end of its period: overdue, and shown before the later ones.
    assert on(date(2026, 11, 28)) == ("李明", AssignmentState.OVERDUE)
    assert on(date(2027, 2, 1)) == ("李明", AssignmentState.OVERDUE)
    # A visit fulfils the assignments whose period began before it: they are done and
    # no longer shown; the January one is what the site waits for now.
    with demo_context.db.transaction() as session:
        started = inspections.start_inspection(session, village, date(2026, 11, 25),
                                               inspectors="张强")
    assert on(date(2026, 11, 28)) == ("李明", AssignmentState.IN_PROGRESS)
    with demo_context.db.transaction() as session:
        state = inspections.load_state(session, started.id)
        for criterion in state.criteria:
            inspections.set_rating(session, started.id, criterion.id, "meets")
        inspections.complete(session, started.id, "张强")
    assert on(date(2026, 11, 28)) == ("王芳", AssignmentState.PENDING)
    demo_context.close()
