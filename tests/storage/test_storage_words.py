"""Columns holding an enum's word: stored as the word, read back as the member."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest
from sqlalchemy.exc import StatementError
from sqlmodel import select

from inspector.domain.tiers import Tier
from inspector.domain.values import InspectionStatus
from inspector.services import templates
from inspector.services.context import AppContext
from inspector.storage.models import Inspection, Site


def _site_and_inspection(context: AppContext) -> tuple[str, str]:
    with context.db.transaction() as session:
        site = Site(name="桃源村教学站", tier=Tier.VILLAGE)
        session.add(site)
        session.flush()
        inspection = Inspection(site_id=site.id,
                                template_version_id=templates.latest_version(session).id,
                                tier=Tier.VILLAGE, visit_date=date(2026, 11, 28))
        session.add(inspection)
        session.flush()
        return site.id, inspection.id


def test_the_database_holds_the_words_and_records_read_back_members(
        context: AppContext) -> None:
    site_id, inspection_id = _site_and_inspection(context)
    with sqlite3.connect(context.db.path) as conn:
        assert conn.execute("SELECT tier FROM sites WHERE id = ?", (site_id,)).fetchone() == (
            "village",)
        assert conn.execute("SELECT tier, status FROM inspections WHERE id = ?",
                            (inspection_id,)).fetchone() == ("village", "draft")
        conn.execute("UPDATE inspections SET status = 'completed' WHERE id = ?",
                     (inspection_id,))
    conn.close()
    with context.db.session() as session:
        inspection = session.get(Inspection, inspection_id)
        assert inspection is not None
        assert inspection.status is InspectionStatus.COMPLETED and inspection.tier is Tier.VILLAGE
        found = session.exec(select(Site).where(Site.tier == Tier.VILLAGE)).all()
        assert [s.id for s in found] == [site_id]
        assert session.exec(select(Site).where(Site.tier == "village")).all() == found


def test_a_word_the_enum_does_not_know_is_neither_written_nor_read(
        context: AppContext) -> None:
    site_id, _ = _site_and_inspection(context)
    with context.db.session() as session:
        site = session.get(Site, site_id)
        assert site is not None
        site.tier = "province"  # type: ignore[assignment]
        session.add(site)
        with pytest.raises(StatementError, match="is not a valid Tier"):
            session.commit()
    with sqlite3.connect(context.db.path) as conn:  # a row changed behind the program's back
        conn.execute("UPDATE sites SET tier = 'province' WHERE id = ?", (site_id,))
    conn.close()
    with context.db.session() as session, pytest.raises(ValueError, match="is not a valid Tier"):
        session.get(Site, site_id)
