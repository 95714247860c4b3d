"""The site tree at the county office: only approved inspections count as results; the
newest result awaiting review or returned is known beside it (real data folders, reviews
made through the office's services)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sync_helpers import installation

from inspector.domain.supervision import ReviewState
from inspector.domain.values import InspectionStatus, Role
from inspector.services import inspections
from inspector.services.api import office
from inspector.services.context import AppContext
from inspector.services.site_tree import (
    SiteNode,
    approved_results_only,
    read_site_tree,
    read_site_tree_early,
)
from inspector.services.sites import site_id_for_code, site_tree
from inspector.services.sync.identity import set_role

APPROVED_THEN_AWAITING = site_id_for_code("330799001001")  # 东门社区教学点
RETURNED_ONLY = site_id_for_code("330799103201")  # 龙潭村教学站
APPROVED_THEN_RETURNED = site_id_for_code("330799101202")  # 上塘村教学站
APPROVED_ONLY = site_id_for_code("330799202203")  # 高岭村教学站


def inspect(context: AppContext, site_id: str, visit: date, not_met: int) -> str:
    """A completed inspection: ``not_met`` criteria not met (with a note), the rest met."""
    with context.db.transaction() as session:
        inspection = inspections.start_inspection(session, site_id, visit, inspectors="王芳")
        for index, criterion in enumerate(inspections.load_state(session,
                                                                  inspection.id).criteria):
            rating = "not_met" if index < not_met else "meets"
            inspections.set_rating(session, inspection.id, criterion.id, rating)
            if rating == "not_met":
                inspections.set_note(session, inspection.id, criterion.id, "未见制度文件")
        inspections.complete(session, inspection.id, actor="王芳")
        return inspection.id


def reviewed_county(context: AppContext) -> dict[str, str]:
    """Four sites, each a case of review: approved then a newer one awaiting review,
    returned only, approved then a newer one returned, approved only."""
    made = {
        "approved": inspect(context, APPROVED_THEN_AWAITING, date(2026, 5, 1), not_met=1),
        "awaiting": inspect(context, APPROVED_THEN_AWAITING, date(2026, 11, 2), not_met=4),
        "returned": inspect(context, RETURNED_ONLY, date(2026, 10, 9), not_met=2),
        "approved_before_return": inspect(context, APPROVED_THEN_RETURNED, date(2026, 4, 7),
                                          not_met=0),
        "returned_after_approval": inspect(context, APPROVED_THEN_RETURNED,
                                           date(2026, 11, 5), not_met=3),
        "approved_only": inspect(context, APPROVED_ONLY, date(2026, 9, 9), not_met=2),
    }
    for key in ("approved", "approved_before_return", "approved_only"):
        office.approve(context, made[key], "王主任", "同意")
    for key in ("returned", "returned_after_approval"):
        office.return_inspection(context, made[key], "王主任", "请补充照片")
    return made


@pytest.fixture
def office_folder(tmp_path: Path) -> Iterator[AppContext]:
    context = installation(tmp_path, "office", Role.OFFICE)
    yield context
    context.close()


def nodes_of(roots: list[SiteNode]) -> dict[str, SiteNode]:
    return {node.id: node for root in roots for node in root.walk()}


def test_the_office_knows_the_last_approved_result_and_what_awaits(
        office_folder: AppContext) -> None:
    made = reviewed_county(office_folder)
    with office_folder.db.session() as session:
        nodes = nodes_of(site_tree(session))
        scores = {listing.id: listing.score
                  for listing in inspections.list_inspections(session)}

    site = nodes[APPROVED_THEN_AWAITING]
    assert site.last_completed is not None and site.last_completed.id == made["awaiting"]
    assert site.last_approved is not None and site.last_approved.id == made["approved"]
    assert site.last_approved.visit_date == date(2026, 5, 1)
    assert site.last_approved.score == scores[made["approved"]]
    assert site.last_completed.score == scores[made["awaiting"]] != site.last_approved.score
    assert site.awaiting_review is not None and site.awaiting_review.id == made["awaiting"]
    assert site.review_mark() is ReviewState.AWAITING
    assert site.result(approved_only=True) == site.last_approved
    assert site.result(approved_only=False) == site.last_completed

    # A returned inspection is back with its inspector: it is no result at the office.
    returned = nodes[RETURNED_ONLY]
    assert returned.last_approved is None and returned.last_completed is None
    assert returned.result(approved_only=True) is None
    assert returned.returned is not None and returned.returned.id == made["returned"]
    assert returned.in_progress is not None and returned.in_progress.id == made["returned"]
    assert returned.review_mark() is ReviewState.RETURNED

    after = nodes[APPROVED_THEN_RETURNED]
    assert after.last_approved is not None
    assert after.last_approved.id == made["approved_before_return"]
    assert after.last_approved.score == scores[made["approved_before_return"]] == 1.0
    assert after.returned is not None and after.returned.id == made["returned_after_approval"]
    assert after.review_mark() is ReviewState.RETURNED

    only = nodes[APPROVED_ONLY]
    assert only.last_approved == only.last_completed
    assert only.last_approved is not None and only.last_approved.id == made["approved_only"]
    assert only.awaiting_review is None and only.returned is None
    assert only.review_mark() is None

    never = nodes[site_id_for_code("330799001000")]
    assert never.last_approved is None and never.review_mark() is None


def test_a_returned_inspection_sent_back_awaits_review_again_and_counts_once_approved(
        office_folder: AppContext) -> None:
    made = reviewed_county(office_folder)
    with office_folder.db.transaction() as session:  # the inspector fixes it, completes again
        inspections.complete(session, made["returned"], actor="王芳")
    with office_folder.db.session() as session:
        site = nodes_of(site_tree(session))[RETURNED_ONLY]
    assert site.returned is None and site.last_approved is None
    assert site.awaiting_review is not None and site.awaiting_review.id == made["returned"]
    office.approve(office_folder, made["returned"], "王主任")
    with office_folder.db.session() as session:
        site = nodes_of(site_tree(session))[RETURNED_ONLY]
    assert site.last_approved is not None and site.last_approved.id == made["returned"]
    assert site.review_mark() is None


def test_the_review_facts_agree_with_the_review_queue_and_the_early_read(
        office_folder: AppContext) -> None:
    made = reviewed_county(office_folder)
    queue = {entry.inspection_id: entry.state for entry in office.review_queue(office_folder)}
    assert set(queue) == set(made.values())
    with office_folder.db.session() as session:
        nodes = nodes_of(site_tree(session))
    said: dict[str, ReviewState] = {}
    for node in nodes.values():
        for info, state in ((node.last_approved, ReviewState.APPROVED),
                            (node.awaiting_review, ReviewState.AWAITING),
                            (node.returned, ReviewState.RETURNED)):
            if info is not None:
                said[info.id] = state
    assert said == queue
    early = read_site_tree_early(office_folder.paths.database)
    assert early is not None
    assert nodes_of(early) == nodes


def test_the_review_facts_are_read_in_one_query_whatever_the_number_of_sites(
        office_folder: AppContext) -> None:
    reviewed_county(office_folder)
    database = office_folder.paths.database
    connection = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True)
    statements: list[str] = []
    connection.set_trace_callback(statements.append)
    try:
        read_site_tree(connection)
    finally:
        connection.close()
    on_reviews = [s for s in statements if "FROM reviews" in s]
    assert len(on_reviews) == 1
    # Scores: one read of ratings per site's last completed inspection (three sites; the
    # returned one is back in the field) and one more where the last approved one differs.
    ratings = [s for s in statements if "FROM responses" in s]
    assert len(ratings) == 3 + 1


def test_only_the_county_office_counts_approved_results_only(tmp_path: Path,
                                                            office_folder: AppContext) -> None:
    assert approved_results_only(office_folder.paths.data_dir)
    set_role(office_folder.paths, Role.FIELD, confirm_change=True)
    assert not approved_results_only(office_folder.paths.data_dir)
    assert not approved_results_only(tmp_path / "nowhere")  # no identity yet: no role
    damaged = tmp_path / "damaged"
    (damaged / "device").mkdir(parents=True)
    (damaged / "device" / "identity.json").write_text("{not json", "utf-8")
    assert not approved_results_only(damaged)
    (damaged / "device" / "identity.json").write_text('["office"]', "utf-8")
    assert not approved_results_only(damaged)


def test_a_field_laptop_keeps_its_last_completed_inspection(tmp_path: Path) -> None:
    """The laptop approves nothing: its tree's last completed inspection is as it always
    was, whatever the review facts beside it."""
    field = installation(tmp_path, "field", Role.FIELD)
    try:
        older = inspect(field, APPROVED_THEN_AWAITING, date(2026, 5, 1), not_met=1)
        newer = inspect(field, APPROVED_THEN_AWAITING, date(2026, 11, 2), not_met=4)
        with field.db.session() as session:
            site = nodes_of(site_tree(session))[APPROVED_THEN_AWAITING]
            statuses = {listing.id: listing.status
                        for listing in inspections.list_inspections(session)}
        assert not approved_results_only(field.paths.data_dir)
        assert site.last_completed is not None and site.last_completed.id == newer != older
        assert site.result(approved_only=False) == site.last_completed
        assert statuses[newer] == InspectionStatus.COMPLETED
    finally:
        field.close()
