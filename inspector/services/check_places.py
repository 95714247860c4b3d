"""Where a stored photo is used, by name: the site, the inspection (its date and status),
the criterion (its number and text) and the photo's file name, for the check's findings
and for messages such as an export refusing a missing file.

The database is read with plain ``sqlite3``, read-only and without migrating it, so
that this works on a database the program would refuse to open.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from inspector.domain.templates import ChecklistTemplate, TemplateError, parse_stored_template
from inspector.domain.tiers import Tier
from inspector.domain.values import InspectionStatus

log = logging.getLogger(__name__)


@contextmanager
def read_only(database: Path) -> Iterator[sqlite3.Connection]:
    """A read-only connection to ``database`` (never migrated, never created)."""
    conn = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True, timeout=15)
    try:
        yield conn
    finally:
        conn.close()


@dataclass(frozen=True)
class PhotoRow:
    """A photo row with what names its place (the inspection's and site's columns may be
    None: the check reports rows whose inspection or site is gone)."""

    photo_id: str
    sha256: str
    size: int
    name: str
    criterion_id: str | None
    inspection_id: str
    status: str | None
    visit_date: str | None
    tier: str | None
    site: str | None
    template_key: str | None


_STATUS: dict[str, tuple[str, str]] = {
    InspectionStatus.DRAFT: ("进行中", "in progress"),
    InspectionStatus.COMPLETED: ("已完成", "completed"),
}


class Names:
    """Site, inspection and criterion names for the messages."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.templates: dict[str, ChecklistTemplate | None] = {}

    def template(self, version_id: str) -> ChecklistTemplate | None:
        if version_id not in self.templates:
            row = self.conn.execute(
                "SELECT sha256, content, template_id, version FROM template_versions WHERE id = ?",
                (version_id,)).fetchone()
            template = None
            if row is not None:
                try:
                    template = parse_stored_template(row[0], row[1], f"{row[2]}@{row[3]}")
                except TemplateError as exc:
                    log.warning("checklist version %s@%s not readable: %s", row[2], row[3], exc)
            self.templates[version_id] = template
        return self.templates[version_id]

    def criterion(self, row: PhotoRow) -> tuple[str, str]:
        if row.criterion_id is None:
            return "现场总体照片", "general photos of the visit"
        template = self.template(row.template_key) if row.template_key else None
        if template is not None and row.tier:
            try:
                criteria = template.criteria(Tier(row.tier))
            except ValueError:
                criteria = template.criteria()
            for number, criterion in enumerate(criteria, 1):
                if criterion.id == row.criterion_id:
                    return (f"第 {number} 项“{_short(criterion.text.zh, 24)}”",
                            f"criterion {number} “{_short(criterion.text.en, 40)}”")
        return f"检查项 {row.criterion_id}", f"criterion {row.criterion_id}"


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def photo_rows(conn: sqlite3.Connection, sha256: str | None = None) -> list[PhotoRow]:
    """Every photo row (or those of the file ``sha256``), by site, visit and criterion."""
    where, args = ("WHERE p.sha256 = ?", (sha256,)) if sha256 else ("", ())
    rows = conn.execute(
        "SELECT p.id, p.sha256, p.size_bytes, p.original_name, p.criterion_id, p.inspection_id,"
        " i.status, i.visit_date, i.tier, s.name, i.template_version_id"
        " FROM photos p LEFT JOIN inspections i ON i.id = p.inspection_id"
        f" LEFT JOIN sites s ON s.id = i.site_id {where}"
        " ORDER BY s.name, i.visit_date, p.criterion_id, p.position", args).fetchall()
    return [PhotoRow(str(r[0]), str(r[1]), int(r[2] or 0), str(r[3] or ""), r[4], str(r[5]),
                     r[6], None if r[7] is None else str(r[7])[:10], r[8], r[9], r[10])
            for r in rows]


@dataclass(frozen=True)
class Place:
    """Where one photo is used, by name."""

    site: str
    inspection: str  # "2026-11-28（已完成）"
    criterion: str  # "第 3 项“…”" or the general photos
    criterion_en: str
    photo: str  # the photo's original file name
    zh: str  # all of it in one phrase, in Chinese
    en: str  # and in English


def place(names: Names, row: PhotoRow) -> Place:
    """The names of the place where a photo row is used."""
    site = row.site or "（站点已不存在）"
    status_zh, status_en = _STATUS.get(row.status or "", (row.status or "?", row.status or "?"))
    visit = row.visit_date or "?"
    criterion_zh, criterion_en = names.criterion(row)
    photo = row.name or row.sha256[:12]
    zh = f"{site}，{visit} 的检查（{status_zh}），{criterion_zh}，照片 {photo}"
    en = f"{site}, inspection of {visit} ({status_en}), {criterion_en}, photo {photo}"
    return Place(site, f"{visit}（{status_zh}）", criterion_zh, criterion_en, photo, zh, en)


def photo_places(database: Path, sha256: str) -> list[tuple[str, str]]:
    """Where the photo file ``sha256`` is used, in Chinese and in English, one pair per photo:
    "site, inspection of DATE (status), criterion N “…”, photo NAME" — for messages such as
    an export refusing a missing file."""
    with read_only(database) as conn:
        names = Names(conn)
        return [(where.zh, where.en)
                for where in (place(names, row) for row in photo_rows(conn, sha256))]
