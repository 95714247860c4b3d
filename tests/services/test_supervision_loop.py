"""The supervision loop end to end, across an office and a field data folder, through real
bundle files on disk: plan → draw → assignment bundle → inspect → results bundle → return
with comments → fix → resubmit → approve → letter → items → re-inspection order →
re-inspection with after-photos → items closed; each step's state checked on both sides."""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from sync_helpers import VILLAGE, add_photo, dump, installation, jpeg_bytes

from inspector.domain.draw_rules import Inspector, Rules, SiteScope
from inspector.domain.supervision import (
    CampaignKind,
    CheckOutcome,
    ItemState,
    ReviewState,
    SupervisionError,
    Verdict,
)
from inspector.services import inspections
from inspector.services.api import inspections as api_inspections
from inspector.services.api import office
from inspector.services.assignment_state import AssignmentState
from inspector.services.context import AppContext
from inspector.services.inspections import IncompleteError
from inspector.services.photo_store import PhotoStore
from inspector.services.rectification import ItemChange
from inspector.services.rectification_ledger import LedgerFilter
from inspector.services.sites import site_id_for_code
from inspector.services.sync import bundle_format as bf
from inspector.services.sync.assignments import list_assignments
from inspector.services.sync.errors import BundleRefused
from inspector.services.sync.export import export_bundle
from inspector.services.sync.identity import Role
from inspector.services.sync.importer import import_bundle
from inspector.storage.models import Inspection, Photo

TODAY = date.today()
SITE = site_id_for_code(VILLAGE)


@pytest.fixture
def field(tmp_path: Path) -> Iterator[AppContext]:
    context = installation(tmp_path, "field", Role.FIELD)
    yield context
    context.close()


@pytest.fixture
def office_folder(tmp_path: Path) -> Iterator[AppContext]:
    context = installation(tmp_path, "office", Role.OFFICE)
    yield context
    context.close()


def _carry(source: AppContext, target: AppContext, path: Path) -> int:
    """Export a bundle from ``source`` to a file and import that file into ``target``;
    the bundle's format version."""
    written = export_bundle(source, path)
    import_bundle(target, written.path, trust_new_device=True)
    with zipfile.ZipFile(written.path) as zf:
        return int(json.loads(zf.read(bf.MANIFEST_NAME))["format_version"])


def _review_state(context: AppContext, inspection_id: str) -> ReviewState:
    entries = {e.inspection_id: e for e in office.review_queue(context)}
    return entries[inspection_id].state


def _assignment_states(context: AppContext) -> dict[str, AssignmentState]:
    with context.db.session() as session:
        return {a.id: a.state for a in list_assignments(session, TODAY)}


def _status(context: AppContext, inspection_id: str) -> str:
    with context.db.session() as session:
        row = session.get(Inspection, inspection_id)
        assert row is not None
        return row.status


def _photo_under(context: AppContext, inspection_id: str, criterion_id: str, seed: int) -> str:
    photo_id = add_photo(context, inspection_id, jpeg_bytes(seed), position=seed)
    with context.db.transaction() as session:
        row = session.get(Photo, photo_id)
        assert row is not None
        row.criterion_id = criterion_id
        session.add(row)
    return photo_id


def _inspect(field: AppContext) -> tuple[str, list[str]]:
    """Rate the site: two criteria not met, one partly, the rest met; a photo on the first
    finding. Returns the inspection and its three findings' criteria."""
    with field.db.transaction() as session:
        inspection = inspections.start_inspection(session, SITE, TODAY, inspectors="张三")
        criteria = [c.id for c in inspections.load_state(session, inspection.id).criteria]
        wanting = criteria[:3]
        for cid in criteria:
            rating = {0: "not_met", 1: "not_met", 2: "partly"}.get(criteria.index(cid), "meets")
            inspections.set_rating(session, inspection.id, cid, rating)
            if rating != "meets":
                inspections.set_note(session, inspection.id, cid, f"问题：{cid}")
        inspection_id = inspection.id
    _photo_under(field, inspection_id, wanting[0], seed=1)
    with field.db.transaction() as session:
        inspections.complete(session, inspection_id, "张三")
    return inspection_id, wanting


def test_the_whole_loop_across_office_and_field(field: AppContext, office_folder: AppContext,
                                                tmp_path: Path) -> None:
    off = office_folder
    # -- plan and draw: one village, the inspector with an interest elsewhere is drawn ----
    people = [Inspector("p1", "张三", cap=3),
              Inspector("p2", "李四", avoid_sites=frozenset({SITE}))]
    rules = Rules(SiteScope(site_ids=frozenset({SITE})), inspectors_per_site=1)
    campaign_id, drawn = office.create_campaign(
        off, "2026年秋季督导", CampaignKind.COMPREHENSIVE, TODAY, TODAY + timedelta(days=20),
        people, rules, 7, "王主任", TODAY)
    assert [(p.site.id, [i.name for i in p.inspectors]) for p in drawn.pairings] == \
        [(SITE, ["张三"])]
    again, same = office.redraw_campaign(off, campaign_id)
    assert same and again.fingerprint == drawn.fingerprint
    (campaign,) = office.list_campaigns(off, TODAY)
    assert campaign.states == {AssignmentState.PENDING: 1}
    # Nothing of the loop yet: a laptop on format version 1 can still read this bundle.
    assert _carry(off, field, tmp_path / "a1.bundle") == 1
    assert list(_assignment_states(field).values()) == [AssignmentState.PENDING]

    # -- inspect, send ------------------------------------------------------------------
    inspection_id, wanting = _inspect(field)
    assert list(_assignment_states(field).values()) == [AssignmentState.DONE]
    _carry(field, off, tmp_path / "r1.bundle")
    assert _review_state(off, inspection_id) is ReviewState.AWAITING
    assert list(_assignment_states(off).values()) == [AssignmentState.DONE]

    # -- return with comments -------------------------------------------------------------
    with pytest.raises(SupervisionError, match="say why"):
        office.return_inspection(off, inspection_id, "王主任", "", {})
    office.return_inspection(off, inspection_id, "王主任", "请核实第三项",
                             {wanting[2]: "基本符合的依据不足，请补充照片或改判"})
    assert _review_state(off, inspection_id) is ReviewState.RETURNED
    assert _status(off, inspection_id) == "draft"
    assert _carry(off, field, tmp_path / "a2.bundle") == 2
    assert _status(field, inspection_id) == "draft"
    comments = office.open_comments(field, inspection_id)
    assert comments is not None and comments.comment == "请核实第三项"
    assert comments.criterion_comments == {wanting[2]: "基本符合的依据不足，请补充照片或改判"}

    # -- fix, resubmit --------------------------------------------------------------------
    with field.db.transaction() as session:
        inspections.set_rating(session, inspection_id, wanting[2], "not_met")
        inspections.complete(session, inspection_id, "张三")
    assert office.open_comments(field, inspection_id) is None
    _carry(field, off, tmp_path / "r2.bundle")
    assert _review_state(off, inspection_id) is ReviewState.AWAITING
    (change,) = office.changes_since_return(off, inspection_id)
    assert change.criterion_id == wanting[2]
    assert change.before is not None and change.before.rating == "partly"
    assert change.after is not None and change.after.rating == "not_met"

    # -- approve; a second approval or a return is refused and changes nothing --------------
    approved = office.approve(off, inspection_id, "王主任", "同意")
    assert _review_state(off, inspection_id) is ReviewState.APPROVED
    before = dump(off)
    with pytest.raises(SupervisionError, match="already approved"):
        office.approve(off, inspection_id, "王主任")
    with pytest.raises(SupervisionError, match="already approved"):
        office.return_inspection(off, inspection_id, "王主任", "再看看")
    with pytest.raises(SupervisionError, match="does not change an inspector's ratings"):
        api_inspections.reopen(off, inspection_id, "王主任", "改一下")  # the office never edits
    assert dump(off) == before
    history = office.review_history(off, inspection_id)
    assert [r.decision.value for r in history] == ["returned", "approved"]

    # -- the letter and its items ---------------------------------------------------------
    letter = approved.letter
    assert letter is not None and letter.issued_on is None
    assert [i.criterion_id for i in letter.items] == wanting
    assert all(i.state is ItemState.DRAFT for i in letter.items)
    met = next(cid for cid in _criteria(off, inspection_id) if cid not in wanting)
    with pytest.raises(SupervisionError, match="did not find criterion"):
        office.add_item(off, letter.id, met)
    first, second, third = letter.items
    office.edit_item(off, first.id, ItemChange(requirement="补齐教学设施", responsible="赵站长"),
                     TODAY)
    with pytest.raises(SupervisionError, match="in the past"):
        office.issue_letter(off, letter.id, TODAY - timedelta(days=1), "王主任", TODAY)
    assert office.letter(off, letter.id).issued_on is None
    issued = office.issue_letter(off, letter.id, TODAY + timedelta(days=30), "王主任", TODAY)
    assert issued.number == f"县教督〔{TODAY.year}〕1号"
    assert all(i.state is ItemState.OPEN for i in issued.items)
    with pytest.raises(SupervisionError, match="was issued"):
        office.issue_letter(off, letter.id, None, "王主任", TODAY)

    # -- the site reports on the first item, with a scanned page ----------------------------
    scan = tmp_path / "整改报告.jpg"
    scan.write_bytes(jpeg_bytes(50, (64, 48)))
    office.record_report(off, first.id, TODAY, "已购置设备", "王主任", TODAY, [scan])
    assert PhotoStore.for_paths(off.paths).find(hashlib.sha256(scan.read_bytes()).hexdigest())
    rows = {r.id: r for r in office.ledger(off, LedgerFilter(), TODAY)}
    assert rows[first.id].state is ItemState.REPORTED and rows[first.id].reports == 1
    later = TODAY + timedelta(days=31)
    overdue = office.ledger(off, LedgerFilter(overdue_only=True), later)
    assert {r.id for r in overdue} == {first.id, second.id, third.id}
    assert office.work_queue(off, later).overdue_items == 3

    # -- re-inspection ordered, carried, made with after-photos -----------------------------
    order = office.order_reinspection(off, SITE, "张三", TODAY, TODAY + timedelta(days=10))
    assert _carry(off, field, tmp_path / "a3.bundle") == 2
    reinspection_id = office.start_reinspection(field, order, TODAY)
    checks = {c.item_id: c for c in office.reinspection_checks(field, reinspection_id)}
    assert set(checks) == {first.id, second.id, third.id}
    assert len(checks[first.id].before_photo_ids) == 1 and checks[first.id].finding
    office.record_check(field, reinspection_id, first.id, Verdict.RECTIFIED, "设备已到位")
    office.record_check(field, reinspection_id, second.id, Verdict.NOT_RECTIFIED, "")
    with field.db.transaction() as session, pytest.raises(IncompleteError):
        inspections.complete(session, reinspection_id, "张三")
    office.record_check(field, reinspection_id, second.id, Verdict.NOT_RECTIFIED, "仍未整改")
    office.record_check(field, reinspection_id, third.id, Verdict.RECTIFIED, "已改")
    _photo_under(field, reinspection_id, first.criterion_id, seed=2)
    with field.db.transaction() as session:
        inspections.complete(session, reinspection_id, "张三")
    assert office.reinspection_checks(field, reinspection_id)[0].after_photo_ids

    # Meanwhile the office verified and closed the third item on the site's report.
    office.set_item_state(off, third.id, ItemState.VERIFIED, "电话核实")
    office.set_item_state(off, third.id, ItemState.CLOSED)

    _carry(field, off, tmp_path / "r3.bundle")
    assert _review_state(off, reinspection_id) is ReviewState.AWAITING
    result = office.approve(off, reinspection_id, "王主任")
    assert [c.item_id for c in result.conflicts] == [third.id]
    states = {r.id: r.state for r in office.ledger(off, LedgerFilter(
        states=frozenset(ItemState)), TODAY)}
    assert states[first.id] is ItemState.CLOSED
    assert states[second.id] is ItemState.OPEN
    assert states[third.id] is ItemState.CLOSED  # closed by the office: the conflict is kept
    outcomes = {c.item_id: c.outcome for c in office.reinspection_checks(off, reinspection_id)}
    assert outcomes == {first.id: CheckOutcome.CLOSED, second.id: CheckOutcome.KEPT_OPEN,
                        third.id: CheckOutcome.CONFLICT}
    kept_open = next(r for r in office.ledger(off, LedgerFilter(), TODAY) if r.id == second.id)
    assert "仍未整改" in kept_open.state_note
    check_id = next(c.check_id for c in result.conflicts)
    assert office.settle_conflict(off, check_id, accept=False) == CheckOutcome.CLOSED
    with pytest.raises(SupervisionError, match="no conflict"):
        office.settle_conflict(off, check_id, accept=True)


def _criteria(context: AppContext, inspection_id: str) -> list[str]:
    with context.db.session() as session:
        return [c.id for c in inspections.load_state(session, inspection_id).criteria]


def test_a_reader_of_format_1_refuses_a_bundle_of_the_loop_and_changes_nothing(
        field: AppContext, office_folder: AppContext, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    _carry(office_folder, field, tmp_path / "a0.bundle")  # the office's key pinned
    inspection_id, _ = _inspect(field)
    _carry(field, office_folder, tmp_path / "r1.bundle")
    office.return_inspection(office_folder, inspection_id, "王主任", "请补充")
    written = export_bundle(office_folder, tmp_path / "a1.bundle")
    before = dump(field)
    monkeypatch.setattr(bf, "KNOWN_FORMAT_VERSIONS", frozenset({1}))
    import inspector.services.sync.bundle_manifest as manifest_module
    monkeypatch.setattr(manifest_module, "KNOWN_FORMAT_VERSIONS", frozenset({1}))
    with pytest.raises(BundleRefused, match="format version 2"):
        import_bundle(field, written.path)
    assert dump(field) == before
