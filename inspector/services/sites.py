"""The site registry: the county college, township schools and village stations.

A whole site list at once (an import) is matched in memory: :mod:`.site_registry`.
"""

from __future__ import annotations

import re
import sqlite3
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol, TypeVar

from sqlmodel import Session, select

from inspector.domain.tiers import Tier
from inspector.errors import UserError
from inspector.services import text_limits
from inspector.services.site_tree import SiteNode, read_site_tree, site_sort_key
from inspector.storage.models import Site

# Site ids derived from administrative division codes are the same on every
# installation, so two laptops loaded with the same registry agree on which
# site is which before they ever exchange a bundle.
SITE_NAMESPACE = uuid.UUID("6f1d3b8e-2f4a-5c7e-9b1d-3a5c7e9b1d3f")
CODE_PATTERN = re.compile(r"^\d{12}$")


class SiteError(UserError):
    """A site that cannot be saved as given."""


def site_id_for_code(code: str) -> str:
    return str(uuid.uuid5(SITE_NAMESPACE, f"site:{code}"))


@dataclass(frozen=True)
class SiteData:
    """A site's fields as entered or imported, before it is stored.

    ``None`` means "not given": a new site gets an empty address, contact or
    phone and an existing site keeps what it has, so a list that leaves out a
    column never wipes it. ``code=None`` never removes a site's code; an empty
    string in address, contact or phone clears that field.
    """

    name: str
    tier: Tier
    code: str | None = None
    parent_code: str | None = None
    address: str | None = None
    contact: str | None = None
    phone: str | None = None


def site_text_problems(name: str, address: str | None = None, contact: str | None = None,
                       phone: str | None = None) -> list[str]:
    """What is wrong with a site's name, address, contact and phone: empty name, too long, control
    characters (see :mod:`.text_limits`); empty when nothing is."""
    found = [] if name.strip() else ["缺少名称 / the name is empty"]
    checks = ((text_limits.SITE_NAME, name), (text_limits.SITE_ADDRESS, address),
              (text_limits.SITE_CONTACT, contact), (text_limits.SITE_PHONE, phone))
    for field, value in checks:
        problem = text_limits.text_problem(field, value) if value else None
        if problem is not None:
            found.append(problem)
    return found


def validate_code(code: str | None) -> str | None:
    if code is None or code == "":
        return None
    if not CODE_PATTERN.match(code):
        raise SiteError(f"区划代码必须是12位数字 / the division code must be 12 digits: {code!r}")
    return code


def list_sites(session: Session) -> list[Site]:
    """Every site, county first, then townships and villages, each by code and name."""
    rows = session.exec(select(Site)).all()
    return sorted(rows, key=lambda s: site_sort_key(s.tier, s.code, s.name))


def site_tree(session: Session) -> list[SiteNode]:
    """The registry as a forest, with each site's last result (see :mod:`.site_tree`)."""
    connection = session.connection().connection.driver_connection
    assert isinstance(connection, sqlite3.Connection)
    return read_site_tree(connection)


def find_by_code(session: Session, code: str) -> Site | None:
    return session.exec(select(Site).where(Site.code == code)).first()


def get_site(session: Session, site_id: str) -> Site:
    site = session.get(Site, site_id)
    if site is None:
        raise SiteError(f"没有这个站点 / no such site: {site_id}")
    return site


class SiteLike(Protocol):
    """What the hierarchy rules look at: a stored :class:`Site` or a
    :class:`~inspector.services.site_registry.SiteRow`."""

    id: str
    name: str
    tier: Tier
    parent_id: str | None
    code: str | None


def check_parent(tier: Tier, parent: SiteLike | None, name: str) -> None:
    expected = tier.parent_tier
    if expected is None:
        if parent is not None:
            raise SiteError(f"{name}: 县级学院没有上级站点 / a county college has no parent site")
        return
    if parent is None:
        raise SiteError(f"{name}: 需要上级站点 / needs a parent site of tier {expected}")
    if parent.tier != expected:
        raise SiteError(
            f"{name}: 上级站点层级不对 / its parent must be a {expected} site, "
            f"not {parent.tier} ({parent.name})"
        )


class Outcome(StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


def _existing_site(
    session: Session, data: SiteData, code: str | None, parent_id: str | None
) -> Site | None:
    if code is None:
        return session.exec(
            select(Site).where(
                Site.name == data.name,
                Site.tier == data.tier,
                Site.parent_id == parent_id,
            )
        ).first()
    site = find_by_code(session, code)
    if site is not None:
        return site
    # A site whose code was once lost still carries the id derived from it;
    # give the code back to that row rather than insert a second one.
    site = session.get(Site, site_id_for_code(code))
    if site is not None and site.code not in (None, code):
        raise SiteError(
            f"{data.name}: 区划代码 {code} 对应的站点记录已属于 {site.name}（{site.code}）/ "
            f"the record for code {code} already belongs to {site.name} ({site.code})"
        )
    return site


def upsert_site(session: Session, data: SiteData, parent: Site | None) -> tuple[Site, Outcome]:
    """Insert or update the site identified by its code (else by name under its parent).

    Fields given as ``None`` in ``data`` are left as they are (see :class:`SiteData`).
    Refuses (:class:`SiteError`) a name, address, contact or phone that is too
    long or holds control characters.
    """
    problems = site_text_problems(data.name, data.address, data.contact, data.phone)
    if problems:
        raise SiteError("；".join(problems))
    code = validate_code(data.code)
    check_parent(data.tier, parent, data.name)
    parent_id = parent.id if parent else None
    site = _existing_site(session, data, code, parent_id)
    if site is None:
        site = Site(
            id=site_id_for_code(code) if code else str(uuid.uuid4()),
            name=data.name,
            tier=data.tier,
            code=code,
            parent_id=parent_id,
            address=data.address or "",
            contact=data.contact or "",
            phone=data.phone or "",
        )
        session.add(site)
        session.flush()
        return site, Outcome.CREATED
    values: dict[str, object] = {"name": data.name, "tier": data.tier, "parent_id": parent_id}
    given = {"code": code, "address": data.address, "contact": data.contact, "phone": data.phone}
    values.update((key, value) for key, value in given.items() if value is not None)
    changed = False
    for key, value in values.items():
        if getattr(site, key) != value:
            setattr(site, key, value)
            changed = True
    if not changed:
        return site, Outcome.UNCHANGED
    session.add(site)
    session.flush()
    return site, Outcome.UPDATED


def misplaced_sites(session: Session) -> list[tuple[Site, Site | None]]:
    """Every (site, parent) pair that breaks county → township → village.

    A county college must have no parent; a township school's parent must be
    a county college and a village station's a township school.
    """
    return misplaced(session.exec(select(Site)).all())


S = TypeVar("S", bound=SiteLike)


def misplaced(sites: Iterable[S]) -> list[tuple[S, S | None]]:
    """:func:`misplaced_sites` over sites already read (stored rows or a
    :class:`~inspector.services.site_registry.SiteRegistry`)."""
    by_id = {site.id: site for site in sites}
    wrong: list[tuple[S, S | None]] = []
    for site in by_id.values():
        parent = by_id.get(site.parent_id) if site.parent_id else None
        expected = Tier(site.tier).parent_tier
        if site.parent_id is not None and parent is None:
            wrong.append((site, None))
        elif expected is None:
            if parent is not None:
                wrong.append((site, parent))
        elif parent is None or parent.tier != expected:
            wrong.append((site, parent))
    return wrong
