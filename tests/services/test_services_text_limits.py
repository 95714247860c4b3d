"""Limits at entry: names, addresses, notes and reasons too long or holding control characters
are refused by the services, so the window, the command line and CSV files obey alike."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import select

from inspector import assets
from inspector.domain.tiers import Tier
from inspector.services import inspections as svc
from inspector.services import text_limits
from inspector.services.context import AppContext
from inspector.services.sites import SiteData, SiteError, find_by_code, upsert_site
from inspector.services.sites_csv import import_sites
from inspector.storage.models import Inspection, Response

VILLAGE = "330799101202"  # 上塘村教学站


@pytest.fixture
def sites(context: AppContext) -> AppContext:
    """The demo county's sites, without the demo inspections (quicker)."""
    with context.db.transaction() as session:
        import_sites(session, assets.real_path(assets.resource("demo", "sites.csv")))
    return context


def _start(context: AppContext) -> tuple[str, str]:
    """A draft inspection of the village and the id of its first criterion."""
    with context.db.transaction() as session:
        site = find_by_code(session, VILLAGE)
        assert site is not None
        inspection = svc.start_inspection(session, site.id, date(2026, 11, 28), "王芳")
        return inspection.id, svc.load_state(session, inspection.id).criteria[0].id


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        (text_limits.SITE_NAME, "村" * 101,
         "the site name is too long (101 characters, at most 100)"),
        (text_limits.SITE_NAME, "东门\x00教学点", "control character U+0000"),
        (text_limits.SITE_NAME, "东门\n教学点", "control character U+000A"),
        (text_limits.SITE_NAME, "东门\u202e点学教", "control character U+202E"),
        (text_limits.SITE_ADDRESS, "路" * 201, "at most 200"),
        (text_limits.INSPECTORS, "王" * 201, "the inspectors is too long"),
        (text_limits.NOTE, "记" * 20_001,
         "the note is too long (20,001 characters, at most 20,000)"),
        (text_limits.NOTE, "缺少\x07设施", "control character U+0007"),
        (text_limits.NOTE, "缺少\u2028设施", "control character U+2028"),
        (text_limits.CAPTION, "\ud800", "control character U+D800"),
    ],
)
def test_what_is_refused_and_how_it_is_said(field: text_limits.TextField, value: str,
                                            words: str) -> None:
    problem = text_limits.text_problem(field, value)
    assert problem is not None and words in problem
    assert problem.split(" / ")[0].endswith(("请缩短", "请删除后重试"))  # Chinese first, what to do
    with pytest.raises(SiteError, match="/"):
        text_limits.check_text(field, value, SiteError)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        (text_limits.SITE_NAME, "村" * 100),
        (text_limits.SITE_NAME, "䶮山村教学站（点）·东区"),
        (text_limits.SITE_NAME, "👩\u200d🏫 教学点"),  # a joiner inside an emoji is text
        (text_limits.NOTE, "第一行\n\t第二行" + "记" * 19_990),
        (text_limits.NOTE, ""),
    ],
)
def test_what_is_accepted(field: text_limits.TextField, value: str) -> None:
    assert text_limits.text_problem(field, value) is None


def test_a_site_with_a_nul_or_a_too_long_name_is_not_saved(sites: AppContext) -> None:
    county = SiteData(name="青溪县社区教育学院", tier=Tier.COUNTY, code="330799000000")
    for bad in (SiteData(name="新\x00学院", tier=Tier.COUNTY),
                SiteData(name="学" * 2_000, tier=Tier.COUNTY),
                SiteData(name=county.name, tier=Tier.COUNTY, code=county.code, phone="1" * 51),
                SiteData(name=county.name, tier=Tier.COUNTY, code=county.code,
                         contact="陈\x1b[31m立新")):
        with sites.db.transaction() as session, pytest.raises(SiteError) as info:
            upsert_site(session, bad, None)
        assert " / " in str(info.value)
    with sites.db.session() as session:
        stored = find_by_code(session, "330799000000")
        assert stored is not None and stored.phone == "0579-88123456"
        assert stored.contact == "陈立新"


def test_notes_and_names_of_an_inspection_are_checked_before_saving(sites: AppContext) -> None:
    inspection_id, criterion_id = _start(sites)
    refused = [
        lambda s: svc.set_note(s, inspection_id, criterion_id, "记" * 20_001),
        lambda s: svc.set_note(s, inspection_id, criterion_id, "缺少\x00设施"),
        lambda s: svc.update_details(s, inspection_id, general_note="总" * 20_001),
        lambda s: svc.update_details(s, inspection_id, inspectors="王芳\x00"),
        lambda s: svc.update_details(s, inspection_id, site_staff="张" * 201),
    ]
    for change in refused:
        with sites.db.transaction() as session, pytest.raises(svc.InspectionError) as info:
            change(session)
        assert "/" in str(info.value)
    first = "第一行\n\t缩进的第二行"
    note = first + "记" * (20_000 - len(first))  # exactly at the limit
    with sites.db.transaction() as session:
        svc.set_note(session, inspection_id, criterion_id, note)
        svc.update_details(session, inspection_id, inspectors="王芳、李明")
    with sites.db.session() as session:
        inspection = session.get(Inspection, inspection_id)
        assert inspection is not None and inspection.inspectors == "王芳、李明"
        assert inspection.general_note == ""
        rows = session.exec(select(Response).where(Response.inspection_id == inspection_id)).all()
        assert [row.note for row in rows] == [note]


def test_starting_completing_and_reopening_check_the_names(sites: AppContext) -> None:
    with sites.db.transaction() as session:
        site = find_by_code(session, VILLAGE)
        assert site is not None
        with pytest.raises(svc.InspectionError, match="the inspectors is too long"):
            svc.start_inspection(session, site.id, date(2026, 11, 28), "王" * 201)
        with pytest.raises(svc.InspectionError, match=r"U\+0000"):
            svc.start_inspection(session, site.id, date(2026, 11, 28), "王芳", "张\x00强")
    inspection_id, _criterion = _start(sites)
    with sites.db.transaction() as session:
        state = svc.load_state(session, inspection_id)
        for criterion in state.criteria:
            svc.set_rating(session, inspection_id, criterion.id, "meets")
        with pytest.raises(svc.InspectionError, match=r"U\+0008"):
            svc.complete(session, inspection_id, actor="王\x08芳")
        svc.complete(session, inspection_id, actor="王芳")
    with sites.db.transaction() as session, pytest.raises(svc.InspectionError, match="reason"):
        svc.reopen(session, inspection_id, actor="王芳", reason="\x00")
    with sites.db.session() as session:
        inspection = session.get(Inspection, inspection_id)
        assert inspection is not None and inspection.status == "completed"
