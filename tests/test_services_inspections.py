"""Inspections through the service the window and the command line share."""

from __future__ import annotations

import copy
import json
from datetime import date

import pytest

from inspector.domain.templates import parse_template
from inspector.services import inspections as svc
from inspector.services import templates
from inspector.services.context import AppContext
from inspector.services.sites import find_by_code

VILLAGE = "330799101202"  # 上塘村教学站
TOWNSHIP = "330799101000"  # 溪口镇社区学校


def _start(context: AppContext, code: str) -> str:
    with context.db.transaction() as session:
        site = find_by_code(session, code)
        assert site is not None
        return svc.start_inspection(session, site.id, date(2026, 11, 28), "王芳").id


def test_rate_complete_reopen(demo_context: AppContext) -> None:
    inspection_id = _start(demo_context, VILLAGE)
    with demo_context.db.transaction() as session:
        state = svc.load_state(session, inspection_id)
        assert len(state.criteria) == 21
        first, *rest = state.criteria
        svc.set_rating(session, inspection_id, first.id, "not_met")
        for criterion in rest:
            svc.set_rating(session, inspection_id, criterion.id, "meets")
        with pytest.raises(svc.IncompleteError) as info:
            svc.complete(session, inspection_id, actor="王芳")
        assert [(p.criterion_id, p.reason) for p in info.value.problems] == [
            (first.id, "note_required")]
        svc.set_note(session, inspection_id, first.id, "没有固定场所")
        done = svc.complete(session, inspection_id, actor="王芳")
        assert done.inspection.status == "completed"
        # 设施保障 0.5 (one of two not met), so 基础保障 0.75, the other three 1.0.
        assert done.summary().overall.score == pytest.approx((0.75 + 1 + 1 + 1) / 4)
        with pytest.raises(svc.InspectionError, match="read-only"):
            svc.set_rating(session, inspection_id, first.id, "meets")
        with pytest.raises(svc.InspectionError, match="who reopens"):
            svc.reopen(session, inspection_id, actor=" ")
        svc.reopen(session, inspection_id, actor="李明", reason="补拍照片")
        kinds = [(e.kind, e.actor) for e in svc.events(session, inspection_id)]
        assert kinds == [("completed", "王芳"), ("reopened", "李明")]


def test_wrong_criterion_and_rating_are_refused(demo_context: AppContext) -> None:
    inspection_id = _start(demo_context, VILLAGE)
    with demo_context.db.transaction() as session:
        with pytest.raises(svc.InspectionError, match="does not apply"):
            svc.set_rating(session, inspection_id, "facilities.c1", "meets")  # county only
        with pytest.raises(svc.InspectionError, match="unknown rating"):
            svc.set_rating(session, inspection_id, "facilities.v1", "excellent")
        with pytest.raises(svc.InspectionError, match="unknown criterion"):
            svc.set_note(session, inspection_id, "nothing.v9", "x")


def test_listing_scores_every_inspection_and_filters_by_site(
    demo_context: AppContext,
) -> None:
    inspection_id = _start(demo_context, TOWNSHIP)
    with demo_context.db.transaction() as session:
        criteria = svc.load_state(session, inspection_id).criteria
        svc.set_rating(session, inspection_id, criteria[0].id, "meets")
        svc.set_rating(session, inspection_id, criteria[1].id, "partly")
        everything = svc.list_inspections(session)
        site = find_by_code(session, TOWNSHIP)
        assert site is not None
        only_one = svc.list_inspections(session, site.id)
    assert len(everything) == 3  # the demo's two completed ones and this draft
    assert [listing.id for listing in only_one] == [inspection_id]
    # 1.0 and 0.5 in the same indicator: that indicator's score is the overall score.
    assert only_one[0].score == pytest.approx(0.75)
    assert all(listing.score is not None for listing in everything)


def test_an_inspection_keeps_the_checklist_version_it_started_with(
    demo_context: AppContext,
) -> None:
    old_id = _start(demo_context, VILLAGE)
    with demo_context.db.transaction() as session:
        data = copy.deepcopy(dict(templates.latest_template(session).raw))
        data["version"] = 2
        data["indicators"][0]["indicators"][0]["criteria"][0]["text"]["zh"] = "修订后的条文。"
        templates.register(session, parse_template(json.loads(json.dumps(data)), "v2"))
    new_id = _start(demo_context, VILLAGE)
    with demo_context.db.session() as session:
        old = svc.load_state(session, old_id).template
        new = svc.load_state(session, new_id).template
    assert (old.version, new.version) == (1, 2)
    assert old.criterion("facilities.c1").text.zh != "修订后的条文。"
    assert new.criterion("facilities.c1").text.zh == "修订后的条文。"
