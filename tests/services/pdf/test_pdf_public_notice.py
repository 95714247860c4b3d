"""The public notice (公示): every inspected site with its township, tier, visit date, score
and band, on one page for the demo county, and nothing about any person: no contact,
telephone or address of the registry, no inspector, no note."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from overview_report_helpers import TODAY, county_of, demo_office, shown
from pdf_helpers import all_text, font_problems, ink_ratio, render_pages, squeeze
from sqlmodel import select

from inspector.domain.scoring import format_percent
from inspector.services.api import office, overview_documents
from inspector.services.context import AppContext
from inspector.services.overview import OverviewFilter
from inspector.services.pdf.public_notice import BANDS, band, write_public_notice
from inspector.storage.models import Inspection, InspectorPerson, Response, Site


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppContext]:
    context = demo_office(tmp_path_factory.mktemp("notice"))
    yield context
    context.close()


def personal_data(context: AppContext) -> set[str]:
    """Everything about people the office holds: the registry's contacts, telephones and
    addresses, the inspectors (on the list and on each inspection) and the notes."""
    found: set[str] = set()
    with context.db.session() as session:
        for site in session.exec(select(Site)).all():
            found |= {site.contact, site.phone, site.address}
        for person in session.exec(select(InspectorPerson)).all():
            found |= {person.name, person.phone}
        for inspection in session.exec(select(Inspection)).all():
            found |= set(inspection.inspectors.split("、"))
            found |= {inspection.site_staff, inspection.general_note}
        found |= {note[:12] for note in session.exec(select(Response.note)).all()
                  if len(note) >= 6}
    return {squeeze(value) for value in found if value and value.strip()}


def test_the_notice_lists_every_result_and_no_personal_data(
        demo: AppContext, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    figures = shown(capsys, demo)
    built = overview_documents.write_public_notice(demo, OverviewFilter(),
                                                   tmp_path / "notice.pdf", TODAY)
    assert built.pages == 1
    text = all_text(built.path)
    assert "社区教育督导检查结果公示" in text
    assert squeeze(office.office_settings(demo).issuer) in text
    assert f"共检查{len(figures['sites'])}个场所" in text
    for site in figures["sites"]:
        row = squeeze(f"{site['name']}")
        assert row in text, site["name"]
        assert (f"{site['visit_date']}{format_percent(site['score'])}{band(site['score'])}"
                in text[text.index(row):]), site["name"]
    private = personal_data(demo)
    assert any(len(value) == 13 for value in private)  # the registry's mobile numbers
    leaked = sorted(value for value in private if value in text)
    assert leaked == []
    assert "公示期为" in text and "如对公示结果有异议" in text
    assert font_problems(built.path) == []
    images = render_pages(built.path, tmp_path / "png")
    assert len(images) == 1 and ink_ratio(images[0]) > 0.02


def test_the_bands_and_their_rule() -> None:
    assert [band(s) for s in (1.0, 0.9, 0.8999, 0.75, 0.7499, 0.6, 0.5999, 0.0, None)] == \
        ["优秀", "优秀", "良好", "良好", "合格", "合格", "需整改", "需整改", "—"]
    assert [name for _bound, name in BANDS] == ["优秀", "良好", "合格", "需整改"]


def test_a_long_list_takes_as_few_pages_as_it_needs(tmp_path: Path) -> None:
    data = county_of(120, 8)
    built = write_public_notice(tmp_path / "notice.pdf", data, "县人民政府教育督导室",
                                printed_on=date(2026, 12, 1))
    assert built.pages <= 3
    text = all_text(built.path)
    for site in data.figures.sites:
        assert f"{site.site.name}" in text
    assert text.count("序号乡镇（街道）场所层级检查日期得分率等次") == built.pages  # its header
    assert "90%及以上为优秀，75%（含）至90%为良好，60%（含）至75%为合格，60%以下为需整改" in text
    assert "2026年12月1日" in text
