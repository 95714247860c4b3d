"""The site registry held in memory while a whole site list is matched, checked and
applied, then written in two statements: tens of thousands of rows without a query per
row, so that an import holds the database for moments, not minutes. The rules are
:mod:`~inspector.services.sites`'s, applied alike.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, fields
from operator import attrgetter

from sqlmodel import Session

from inspector.domain.tiers import Tier
from inspector.services.site_tree import site_sort_key
from inspector.services.sites import (
    Outcome,
    SiteData,
    SiteError,
    check_parent,
    site_id_for_code,
    site_text_problems,
    validate_code,
)
from inspector.storage.models import Site, utcnow

# How many sites there are, their revisions added up, the last change: another
# program's insert, change (which raises a revision) or removal of a site shows in them.
_VERSION_SQL = "SELECT count(*), coalesce(sum(revision), 0), max(updated_at) FROM sites"


@dataclass
class SiteRow:
    """A site as the registry in memory holds it while a whole list is matched and checked."""

    id: str
    name: str
    tier: Tier
    parent_id: str | None
    code: str | None
    address: str
    contact: str
    phone: str


_ROW_FIELDS = tuple(f.name for f in fields(SiteRow))
_EDITABLE = tuple(name for name in _ROW_FIELDS if name != "id")
_row_values = attrgetter(*_ROW_FIELDS)
_editable_values = attrgetter(*_EDITABLE)


class SiteRegistry:
    """Every site, read once into memory, changed there, then written in two statements.

    A site list of tens of thousands of rows is matched, checked and applied
    here without a query per row, and written with one ``executemany`` for the
    new sites and one for the changed ones (:meth:`write`), so an import holds
    the database for moments, not minutes. Matching follows :func:`upsert_site`
    exactly: by code, else by the record carrying the code's id, else by name
    under the same parent.
    """

    def __init__(self, rows: Iterable[SiteRow], version: tuple[object, ...] = ()) -> None:
        self.version = version  # see _VERSION_SQL: what the sites were when read
        self.by_id: dict[str, SiteRow] = {}
        self._by_code: dict[str, SiteRow] = {}
        self._by_place: dict[tuple[str, Tier, str | None], list[SiteRow]] = {}
        self._by_name: dict[tuple[str, Tier], list[SiteRow]] = {}
        self._created: dict[str, None] = {}  # ids, in the order made (parents before children)
        self._changed: dict[str, None] = {}
        for row in rows:
            self.by_id[row.id] = row
            self._index(row)

    @classmethod
    def load(cls, session: Session) -> SiteRegistry:
        """Every stored site, in the order they were stored."""
        columns = ", ".join(_ROW_FIELDS)
        result = session.connection().exec_driver_sql(
            f"SELECT {columns}, revision, updated_at FROM sites ORDER BY rowid").all()
        rows = [SiteRow(row[0], row[1], Tier(row[2]), *row[3:-2]) for row in result]
        # The same summary as _VERSION_SQL, of the very rows read.
        version = (len(result), sum(row[-2] for row in result),
                   max((row[-1] for row in result), default=None))
        return cls(rows, version)

    def _index(self, row: SiteRow) -> None:
        if row.code:
            self._by_code[row.code] = row
        self._by_place.setdefault((row.name, row.tier, row.parent_id), []).append(row)
        self._by_name.setdefault((row.name, row.tier), []).append(row)

    def _unindex(self, row: SiteRow) -> None:
        if row.code and self._by_code.get(row.code) is row:
            del self._by_code[row.code]
        self._by_place[(row.name, row.tier, row.parent_id)].remove(row)
        self._by_name[(row.name, row.tier)].remove(row)

    def rows(self) -> Iterable[SiteRow]:
        return self.by_id.values()

    def find_by_code(self, code: str) -> SiteRow | None:
        return self._by_code.get(code)

    def named(self, name: str, tier: Tier) -> list[SiteRow]:
        """The sites of ``tier`` called ``name``, in the site list's order."""
        found = self._by_name.get((name, tier), [])
        return sorted(found, key=lambda s: site_sort_key(s.tier, s.code, s.name))

    def _existing(self, data: SiteData, code: str | None, code_id: str | None,
                  parent_id: str | None) -> SiteRow | None:
        if code is None:
            same = self._by_place.get((data.name, data.tier, parent_id))
            return same[0] if same else None
        site = self._by_code.get(code)
        if site is not None:
            return site
        site = self.by_id.get(code_id) if code_id else None
        if site is not None and site.code not in (None, code):
            raise SiteError(
                f"{data.name}: 区划代码 {code} 对应的站点记录已属于 {site.name}（{site.code}）/ "
                f"the record for code {code} already belongs to {site.name} ({site.code})"
            )
        return site

    def upsert(self, data: SiteData, parent: SiteRow | None) -> tuple[SiteRow, Outcome]:
        """:func:`upsert_site`, in memory: nothing is stored before :meth:`write`."""
        problems = site_text_problems(data.name, data.address, data.contact, data.phone)
        if problems:
            raise SiteError("；".join(problems))
        code = validate_code(data.code)
        check_parent(data.tier, parent, data.name)
        parent_id = parent.id if parent else None
        code_id = site_id_for_code(code) if code else None
        site = self._existing(data, code, code_id, parent_id)
        if site is None:
            site = SiteRow(
                id=code_id or str(uuid.uuid4()), name=data.name,
                tier=data.tier, parent_id=parent_id, code=code,
                address=data.address or "", contact=data.contact or "", phone=data.phone or "")
            self.by_id[site.id] = site
            self._index(site)
            self._created[site.id] = None
            return site, Outcome.CREATED
        values: dict[str, str | None] = {"name": data.name, "tier": data.tier,
                                         "parent_id": parent_id}
        given = {"code": code, "address": data.address, "contact": data.contact,
                 "phone": data.phone}
        values.update((key, value) for key, value in given.items() if value is not None)
        changes = {key: value for key, value in values.items() if getattr(site, key) != value}
        if not changes:
            return site, Outcome.UNCHANGED
        self._unindex(site)
        for key, value in changes.items():
            setattr(site, key, value)
        self._index(site)
        if site.id not in self._created:
            self._changed[site.id] = None
        return site, Outcome.UPDATED

    def write(self, session: Session) -> bool:
        """Store what :meth:`upsert` made and changed, inside the session's transaction.

        Takes the database's write lock first, then checks that no other
        program changed a site since :meth:`load`; if one did, nothing is
        written and this returns False (load and match again: with the lock
        held the sites cannot change any more). New sites are inserted parents
        first; a changed site gets a new revision and ``updated_at``, as every
        record changed through the ORM does.
        """
        if not self._created and not self._changed:
            return True  # nothing to store: the database is not even locked
        connection = session.connection()
        connection.exec_driver_sql("UPDATE sites SET id = id WHERE 0")  # takes the write lock
        if tuple(connection.exec_driver_sql(_VERSION_SQL).one()) != self.version:
            return False
        table = Site.__table__  # type: ignore[attr-defined]
        column_type = table.c.updated_at.type
        to_stored = column_type.dialect_impl(connection.dialect).bind_processor(
            connection.dialect)
        assert to_stored is not None
        now = to_stored(column_type.process_bind_param(utcnow(), connection.dialect))
        columns = ", ".join(_ROW_FIELDS)
        marks = ", ".join("?" for _ in _ROW_FIELDS)
        cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
        try:
            cursor.executemany(
                f"INSERT INTO sites ({columns}, created_at, updated_at, revision) "
                f"VALUES ({marks}, ?, ?, 1)",
                [(*_row_values(self.by_id[site_id]), now, now) for site_id in self._created])
            assignments = ", ".join(f"{name} = ?" for name in _EDITABLE)
            cursor.executemany(
                f"UPDATE sites SET {assignments}, revision = revision + 1, updated_at = ? "
                f"WHERE id = ?",
                [(*_editable_values(self.by_id[site_id]), now, site_id)
                 for site_id in self._changed])
        finally:
            cursor.close()
        self._created.clear()
        self._changed.clear()
        session.expire_all()  # Site objects the session may hold are out of date now
        return True

