"""What the printed documents need from the database, read once into plain dataclasses.

The PDF is then laid out without a database session (for example on a worker
thread in the GUI).
"""

from __future__ import annotations

import logging
import platform
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlmodel import Session, select

from inspector.app_paths import AppPaths
from inspector.domain.scoring import Answer
from inspector.domain.templates import ChecklistTemplate
from inspector.domain.tiers import Tier
from inspector.domain.values import DeviceStatus, InspectionStatus, Role
from inspector.errors import UserError
from inspector.services import inspections, templates
from inspector.services.pdf.blank_checklist import Sheet, SiteInfo
from inspector.services.photos import PhotoRecord, photos_for
from inspector.services.sites import find_by_code, get_site
from inspector.services.sync.errors import SyncError
from inspector.services.sync.identity import load_identity
from inspector.storage.models import Site, SyncDevice

log = logging.getLogger(__name__)


class SourceError(UserError):
    """Something asked for that is not in the data; worded for the user."""


@dataclass(frozen=True)
class ReportData:
    """Everything a report prints about one inspection."""

    inspection_id: str
    site: SiteInfo
    template: ChecklistTemplate
    tier: Tier
    status: InspectionStatus
    visit_date: date
    inspectors: str
    site_staff: str
    general_note: str
    completed_at: datetime | None
    answers: dict[str, Answer]
    photos: tuple[PhotoRecord, ...]
    #: Who issues the report (检查单位), see :func:`issuing_body`; "" leaves a line to
    #: write it in by hand.
    issuer: str = ""

    def ratings(self) -> dict[str, str]:
        return {cid: a.rating for cid, a in self.answers.items() if a.rating}

    def photos_of(self, criterion_id: str | None) -> list[PhotoRecord]:
        return [p for p in self.photos if p.criterion_id == criterion_id]


def site_info(site: Site) -> SiteInfo:
    return SiteInfo(name=site.name, code=site.code, tier=Tier(site.tier), address=site.address)


def checklist_sheets(session: Session, tier: Tier | None,
                     site_codes: Sequence[str] = ()) -> tuple[ChecklistTemplate, list[Sheet]]:
    """The newest template and the sheets to print: one blank sheet of ``tier``, or one
    pre-filled sheet per site code (each of its own tier; ``tier``, if given, must match)."""
    template = templates.latest_template(session)
    if not site_codes:
        if tier is None:
            raise SourceError("请指定层级或站点 / give a tier or at least one site")
        return template, [Sheet(tier)]
    sheets = []
    for code in site_codes:
        site = find_by_code(session, code)
        if site is None:
            raise SourceError(f"没有区划代码为 {code} 的站点 / no site with code {code}")
        if tier is not None and site.tier != tier:
            raise SourceError(
                f"{site.name}（{code}）是{template.tier_name(Tier(site.tier))}，不是"
                f"{template.tier_name(tier)} / site {code} is of tier {site.tier}, not {tier}"
            )
        sheets.append(Sheet(Tier(site.tier), site_info(site)))
    return template, sheets


def site_sheet(session: Session, site_id: str) -> tuple[ChecklistTemplate, list[Sheet]]:
    """A pre-filled sheet for one site, by id (the GUI's site list)."""
    site = get_site(session, site_id)
    return templates.latest_template(session), [Sheet(Tier(site.tier), site_info(site))]


def issuing_body(session: Session, paths: AppPaths | None) -> str:
    """The body a report is issued by (检查单位), from what this installation knows.

    On the county office: the name it was given (``inspector init --role office --name
    …`` or the first-start bar), unless it still has the computer's own name. On a field
    laptop: the name of the county office whose assignments it carries (pinned with the
    first assignment bundle). Otherwise "" (the report leaves a line to fill in).
    """
    if paths is None:
        return ""
    try:
        me = load_identity(paths)
    except SyncError as exc:  # a damaged identity file: the report still prints
        log.info("no issuing body for the report: %s", exc)
        return ""
    if me is None or me.role is None:
        return ""
    if me.role is Role.OFFICE:
        name = me.name.strip()
        return "" if name in {"", "inspector", platform.node()} else name
    office = session.exec(select(SyncDevice).where(SyncDevice.role == Role.OFFICE)
                          .where(SyncDevice.status == DeviceStatus.TRUSTED)).first()
    return office.name.strip() if office is not None else ""


def report_data(session: Session, inspection_id: str,
                paths: AppPaths | None = None) -> ReportData:
    """What the report of one inspection prints; ``paths`` (the data folder's) lets it
    name the issuing body (see :func:`issuing_body`)."""
    state = inspections.load_state(session, inspection_id)
    inspection = state.inspection
    return ReportData(
        inspection_id=inspection.id,
        site=site_info(state.site),
        template=state.template,
        tier=state.tier,
        status=inspection.status,
        visit_date=inspection.visit_date,
        inspectors=inspection.inspectors,
        site_staff=inspection.site_staff,
        general_note=inspection.general_note,
        completed_at=inspection.completed_at,
        answers=state.answers(),
        photos=tuple(photos_for(session, inspection_id)),
        issuer=issuing_body(session, paths),
    )
