"""upsert_site: what a missing field keeps, and a site that lost its code."""

from __future__ import annotations

import pytest

from inspector.domain.tiers import Tier
from inspector.services.context import AppContext
from inspector.services.sites import (
    Outcome,
    SiteData,
    SiteError,
    find_by_code,
    misplaced_sites,
    site_id_for_code,
    upsert_site,
)
from inspector.storage.models import Site

COUNTY = SiteData(name="青溪县社区教育学院", tier=Tier.COUNTY, code="330799000000",
                  address="文教路8号", contact="陈立新", phone="0579-88123456")


def test_fields_not_given_are_kept_and_empty_ones_cleared(context: AppContext) -> None:
    with context.db.transaction() as session:
        upsert_site(session, COUNTY, None)
        _site, outcome = upsert_site(session, SiteData(name=COUNTY.name, tier=Tier.COUNTY), None)
        assert outcome is Outcome.UNCHANGED
        site, outcome = upsert_site(session, SiteData(name=COUNTY.name, tier=Tier.COUNTY,
                                                      phone=""), None)
    assert outcome is Outcome.UPDATED
    assert (site.code, site.address, site.contact, site.phone) == (
        "330799000000", "文教路8号", "陈立新", "")


def test_a_site_that_lost_its_code_is_updated_not_inserted_again(context: AppContext) -> None:
    with context.db.transaction() as session:
        site, _ = upsert_site(session, COUNTY, None)
        site.code = None
        session.add(site)
    with context.db.transaction() as session:
        site, outcome = upsert_site(session, COUNTY, None)
    assert outcome is Outcome.UPDATED
    assert (site.id, site.code) == (site_id_for_code("330799000000"), "330799000000")


def test_the_record_of_a_code_held_by_another_code_is_refused(context: AppContext) -> None:
    with context.db.transaction() as session:
        session.add(Site(id=site_id_for_code("330799000000"), name="别的学院",
                         tier="county", code="330799999999"))
    with context.db.transaction() as session, pytest.raises(SiteError, match="already belongs"):
        upsert_site(session, COUNTY, None)
    with context.db.session() as session:
        assert find_by_code(session, "330799000000") is None


def test_misplaced_sites_finds_children_under_the_wrong_tier(context: AppContext) -> None:
    with context.db.transaction() as session:
        county, _ = upsert_site(session, COUNTY, None)
        town, _ = upsert_site(session, SiteData(name="溪口镇社区学校", tier=Tier.TOWNSHIP,
                                                code="330799101000"), county)
        upsert_site(session, SiteData(name="溪口村教学站", tier=Tier.VILLAGE,
                  code="330799101201"), town)
        assert misplaced_sites(session) == []
        town.tier = "village"
        session.add(town)
        session.flush()
        assert {(child.name, parent.name if parent else None)
                for child, parent in misplaced_sites(session)} == {
            ("溪口镇社区学校", "青溪县社区教育学院"), ("溪口村教学站", "溪口镇社区学校")}
        session.rollback()
