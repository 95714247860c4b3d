"""Inspections through the service the window and the command line share."""

from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path

import pytest
from sqlmodel import select

from inspector.domain.templates import parse_template
from inspector.services import inspection_deletion, templates
from inspector.services import inspections as svc
from inspector.services.context import AppContext
from inspector.services.sites import find_by_code
from inspector.storage.models import InspectionEvent, Photo, Response

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


def test_not_applicable_needs_a_note_saying_why(demo_context: AppContext) -> None:
    """不适用 is refused at completion without a reason, as 基本符合 and 不符合 are without
    a note."""
    inspection_id = _start(demo_context, VILLAGE)
    with demo_context.db.transaction() as session:
        state = svc.load_state(session, inspection_id)
        scale = {option.id: option for option in state.template.rating_scale}
        assert [o for o in scale if svc.needs_note(scale[o])] == [
            "partly", "not_met", "not_applicable"]
        first, second, *rest = state.criteria
        svc.set_rating(session, inspection_id, first.id, "not_applicable")
        svc.set_rating(session, inspection_id, second.id, "not_applicable")
        svc.set_note(session, inspection_id, second.id, "本站点没有独立场所，与村委会合用")
        for criterion in rest:
            svc.set_rating(session, inspection_id, criterion.id, "meets")
        with pytest.raises(svc.IncompleteError) as info:
            svc.complete(session, inspection_id, actor="王芳")
        assert [(p.criterion_id, p.reason) for p in info.value.problems] == [
            (first.id, "note_required")]
        svc.set_note(session, inspection_id, first.id, "   ")  # blank is no reason
        with pytest.raises(svc.IncompleteError):
            svc.complete(session, inspection_id, actor="王芳")
        svc.set_note(session, inspection_id, first.id, "暂无经费渠道，由镇社区学校统筹")
        assert svc.complete(session, inspection_id, actor="王芳").inspection.status == "completed"


def test_an_old_inspection_is_not_reopened_beside_one_in_progress(
    demo_context: AppContext
) -> None:
    older = _start(demo_context, VILLAGE)
    with demo_context.db.transaction() as session:
        for criterion in svc.load_state(session, older).criteria:
            svc.set_rating(session, older, criterion.id, "meets")
        svc.complete(session, older, actor="王芳")
    newer = _start(demo_context, VILLAGE)
    with demo_context.db.transaction() as session:
        with pytest.raises(svc.InspectionError, match="finish or delete it before reopening"):
            svc.reopen(session, older, actor="李明", reason="补拍照片")
        assert svc.get_inspection(session, older).status == "completed"
    with demo_context.db.transaction() as session:
        inspection_deletion.delete_draft(session, newer)
    with demo_context.db.transaction() as session:  # once the other is gone: allowed
        assert svc.reopen(session, older, actor="李明").status == "draft"


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
    new_id = _start(demo_context, "330799101201")  # VILLAGE has one in progress already
    with demo_context.db.session() as session:
        old = svc.load_state(session, old_id).template
        new = svc.load_state(session, new_id).template
    assert (old.version, new.version) == (1, 2)
    assert old.criterion("facilities.c1").text.zh != "修订后的条文。"
    assert new.criterion("facilities.c1").text.zh == "修订后的条文。"


def test_a_site_has_at_most_one_inspection_in_progress(demo_context: AppContext) -> None:
    first = _start(demo_context, VILLAGE)
    with pytest.raises(svc.InProgressError, match="2026-11-28") as info:
        _start(demo_context, VILLAGE)
    assert info.value.inspection_id == first
    assert "进行中" in str(info.value) and "in progress" in str(info.value)
    assert _start(demo_context, "330799101201") != first  # other sites are not concerned
    with demo_context.db.transaction() as session:
        site = find_by_code(session, VILLAGE)
        assert site is not None
        assert [i.status for i in svc.list_inspections(session, site.id)] == ["draft"]
        draft = svc.draft_of_site(session, site.id)
        assert draft is not None and draft.id == first
        criteria = svc.load_state(session, first).criteria
        for criterion in criteria:
            svc.set_rating(session, first, criterion.id, "meets")
        svc.complete(session, first, actor="王芳")
        assert svc.draft_of_site(session, site.id) is None
    assert _start(demo_context, VILLAGE) != first  # once completed, the next visit starts


def test_a_draft_is_deleted_with_everything_it_holds(demo_context: AppContext,
                                                     tmp_path: Path) -> None:
    import photo_samples

    from inspector.services.photo_import import add_photos
    from inspector.services.photo_store import PhotoStore
    from inspector.services.photos import collect_garbage

    store = PhotoStore.for_paths(demo_context.paths)
    inspection_id = _start(demo_context, VILLAGE)
    with demo_context.db.transaction() as session:
        criteria = svc.load_state(session, inspection_id).criteria
        svc.set_rating(session, inspection_id, criteria[0].id, "partly")
        svc.set_note(session, inspection_id, criteria[0].id, "3")
        svc.set_note(session, inspection_id, criteria[1].id, "只写了说明")
        svc.set_rating(session, inspection_id, criteria[2].id, "meets")
        added = add_photos(session, store, inspection_id, None,
                           [photo_samples.jpeg(tmp_path / "a.jpg", seed=1),
                            photo_samples.jpeg(tmp_path / "b.jpg", seed=2)]).added
    with demo_context.db.session() as session:
        before = svc.list_inspections(session)
        preview = inspection_deletion.draft_contents(session, inspection_id)
    assert (preview.site_name, preview.visit_date) == ("上塘村教学站", date(2026, 11, 28))
    assert (preview.ratings, preview.notes, preview.photos) == (2, 2, 2)
    with demo_context.db.transaction() as session:
        assert inspection_deletion.delete_draft(session, inspection_id) == preview
    with demo_context.db.session() as session:
        assert [i.id for i in svc.list_inspections(session)] == [
            i.id for i in before if i.id != inspection_id]
        for table in (Response, Photo, InspectionEvent):
            assert not session.exec(
                select(table).where(table.inspection_id == inspection_id)).all()
        with pytest.raises(svc.InspectionError, match="no such inspection"):
            inspection_deletion.draft_contents(session, inspection_id)
    # The files stay until the photo store's tidy-up finds nobody refers to them.
    stored = dict(store.stored_files())
    assert {record.sha256 for record in added} <= set(stored)
    with demo_context.db.session() as session:
        collect_garbage(session, store, min_age_seconds=0)
    assert not {record.sha256 for record in added} & set(dict(store.stored_files()))
    assert _start(demo_context, VILLAGE)  # the site can be started again


def test_completed_and_reopened_inspections_cannot_be_deleted(
    demo_context: AppContext,
) -> None:
    inspection_id = _start(demo_context, VILLAGE)
    with demo_context.db.transaction() as session:
        for criterion in svc.load_state(session, inspection_id).criteria:
            svc.set_rating(session, inspection_id, criterion.id, "meets")
        svc.complete(session, inspection_id, actor="王芳")
        with pytest.raises(svc.InspectionError, match="completed inspection cannot be deleted"):
            inspection_deletion.delete_draft(session, inspection_id)
        svc.reopen(session, inspection_id, actor="李明", reason="补拍")
        with pytest.raises(svc.InspectionError, match="completed and reopened"):
            inspection_deletion.delete_draft(session, inspection_id)
    with demo_context.db.session() as session:
        assert svc.load_state(session, inspection_id).responses
