"""What a bundle holds, named as a clerk knows it: each inspection's site, visit date,
inspectors, status and score, each assignment's site and period, and what importing does to
each (new, updated, conflict, unchanged, …).

The merge (:mod:`merge`) already looks at every record; while it does, :class:`Gathered`
notes for each inspection the outcomes of its own record and of the records under it
(ratings and notes, photos, history entries), and, for the first :data:`MAX_LISTED` of
them, the values the import makes live. :func:`summarize_import` then fills in the rest
from the database (the site's name, the ratings the bundle does not change, the checklist
for the score), so the score shown is the one the inspection will have after the import.
Memory stays bounded: past the listed ones only a set of outcomes per inspection is kept.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from sqlalchemy.engine import Connection

from inspector.domain.scoring import summarize
from inspector.domain.templates import ChecklistTemplate, TemplateError, parse_stored_template
from inspector.domain.tiers import Tier
from inspector.domain.values import ItemChange
from inspector.services.sync import records as rec

#: Inspections (and assignments) named one by one; the rest are counted.
MAX_LISTED = 200
_CHILD_TABLES = ("responses", "photos", "inspection_events")
_CHANGING = frozenset({"new", "updated", "brought_back"})


CHANGE_WORDS = {  # for the command line: Chinese / English
    ItemChange.NEW: "新 / new",
    ItemChange.UPDATED: "更新 / updated",
    ItemChange.CONFLICT: "冲突 / conflict",
    ItemChange.UNCHANGED: "无变化 / unchanged",
    ItemChange.DELETED_HERE: "本机已删除 / deleted here",
    ItemChange.BROUGHT_BACK: "恢复 / brought back",
}


def change_of(own: str, outcomes: Iterable[str]) -> ItemChange:
    """One inspection's change from the outcomes (merge's counted names) of its records."""
    seen = set(outcomes)
    if "conflicts" in seen:
        return ItemChange.CONFLICT
    if own == "new":
        return ItemChange.NEW
    if own == "brought_back":
        return ItemChange.BROUGHT_BACK
    if own == "deleted_here":
        return ItemChange.DELETED_HERE
    if seen & _CHANGING:
        return ItemChange.UPDATED
    return ItemChange.UNCHANGED


@dataclass(frozen=True)
class InspectionLine:
    inspection_id: str
    site_name: str
    site_code: str | None
    visit_date: date | None
    inspectors: str
    status: str  # completed / draft
    score: float | None  # after the import; None when nothing is rated (or no checklist)
    change: ItemChange
    photos_new: int = 0  # photo records the import adds to it

    def to_json(self) -> dict[str, Any]:
        return {"id": self.inspection_id, "site_name": self.site_name,
                "site_code": self.site_code,
                "visit_date": self.visit_date.isoformat() if self.visit_date else None,
                "inspectors": self.inspectors, "status": self.status,
                "score": None if self.score is None else round(self.score, 4),
                "change": self.change.value, "photos_new": self.photos_new}


@dataclass(frozen=True)
class AssignmentLine:
    assignment_id: str
    site_name: str
    site_code: str | None
    inspector_name: str
    period_start: date | None
    period_end: date | None
    change: ItemChange

    def to_json(self) -> dict[str, Any]:
        return {"id": self.assignment_id, "site_name": self.site_name,
                "site_code": self.site_code, "inspectors": self.inspector_name,
                "from": self.period_start.isoformat() if self.period_start else None,
                "to": self.period_end.isoformat() if self.period_end else None,
                "change": self.change.value}


@dataclass(frozen=True)
class ImportSummary:
    """The inspections and assignments a bundle holds: conflicts first, then the newest visit
    (assignments: the earliest period) first."""

    inspections: tuple[InspectionLine, ...] = ()
    assignments: tuple[AssignmentLine, ...] = ()
    #: Every inspection the bundle touches, listed or not: how many of each change.
    inspection_changes: dict[ItemChange, int] = field(default_factory=dict)
    assignment_changes: dict[ItemChange, int] = field(default_factory=dict)

    @property
    def inspections_not_listed(self) -> int:
        return sum(self.inspection_changes.values()) - len(self.inspections)

    @property
    def assignments_not_listed(self) -> int:
        return sum(self.assignment_changes.values()) - len(self.assignments)

    def already_imported(self) -> ImportSummary:
        """For a bundle imported before: importing it again changes none of them."""
        def again(change: ItemChange) -> ItemChange:
            return change if change == ItemChange.DELETED_HERE else ItemChange.UNCHANGED

        def recount(changes: dict[ItemChange, int]) -> dict[ItemChange, int]:
            counted: dict[ItemChange, int] = {}
            for change, number in changes.items():
                counted[again(change)] = counted.get(again(change), 0) + number
            return counted

        return ImportSummary(
            tuple(replace(line, change=again(line.change), photos_new=0)
                  for line in self.inspections),
            tuple(replace(line, change=again(line.change))
                  for line in self.assignments),
            recount(self.inspection_changes), recount(self.assignment_changes))

    def to_json(self) -> dict[str, Any]:
        return {"inspections": [line.to_json() for line in self.inspections],
                "inspections_not_listed": self.inspections_not_listed,
                "assignments": [line.to_json() for line in self.assignments],
                "assignments_not_listed": self.assignments_not_listed}


@dataclass
class _Seen:
    own: str = ""  # the outcome of the inspection's own record; "" when the bundle lacks it
    outcomes: set[str] = field(default_factory=set)
    listed: bool = False
    values: dict[str, Any] | None = None  # its record after the import, if the bundle has it
    ratings: dict[str, str | None] = field(default_factory=dict)  # criterion → rating after
    photos_new: int = 0


class Gathered:
    """What the merge saw of inspections, assignments and sites, record by record."""

    def __init__(self) -> None:
        self.inspections: dict[str, _Seen] = {}
        self.assignments: dict[str, tuple[str, dict[str, Any]]] = {}
        self.assignment_outcomes: dict[str, str] = {}
        self.sites: dict[str, tuple[str, str | None]] = {}  # id → (name, code), as set
        self._listed = 0
        self._at = {name: spec.columns.index("inspection_id") for name, spec in rec.SPECS.items()
                    if name in _CHILD_TABLES}

    def _seen(self, inspection_id: str) -> _Seen:
        seen = self.inspections.get(inspection_id)
        if seen is None:
            seen = self.inspections[inspection_id] = _Seen(listed=self._listed < MAX_LISTED)
            self._listed += seen.listed
        return seen

    def note_many(self, spec: rec.TableSpec, rows: Sequence[Sequence[Any]], outcome: str,
                  live: bool) -> None:
        """Records of one outcome straight from the bundle (new, brought back: ``live``; or
        deleted here). The common case of a first import, so kept quick: the records under
        one inspection come one after another."""
        at = self._at.get(spec.name)
        if at is None:
            for row in rows:
                self.note(spec, row, outcome, row if live else None)
            return
        last: str | None = None
        seen = _Seen()
        counted = spec.name == "photos"  # photos are counted for every inspection
        for row in rows:
            if row[at] != last:
                last = row[at]
                seen = self._seen(row[at])
                seen.outcomes.add(outcome)
            if seen.listed or counted:
                self.note(spec, row, outcome, row if live else None)

    def note(self, spec: rec.TableSpec, identity: Sequence[Any], outcome: str,
             values: Sequence[Any] | None) -> None:
        """One record: ``identity`` names it (its values here or in the bundle), ``outcome``
        is merge's counted name, ``values`` what the import makes live (None: unchanged)."""
        name = spec.name
        at = self._at.get(name)
        if at is not None:
            seen = self._seen(identity[at])
            seen.outcomes.add(outcome)
            if name == "responses" and values is not None and seen.listed:
                row = rec.as_dict(spec, values)
                seen.ratings[row["criterion_id"]] = row["rating"]
            elif name == "photos" and outcome in ("new", "brought_back"):
                seen.photos_new += 1
        elif name == "inspections":
            seen = self._seen(identity[0])
            seen.own = outcome
            seen.outcomes.add(outcome)
            if seen.listed:
                seen.values = rec.as_dict(spec, values if values is not None else identity)
        elif name == "assignments":
            self.assignment_outcomes[identity[0]] = outcome
            if len(self.assignments) < MAX_LISTED:
                self.assignments[identity[0]] = (
                    outcome, rec.as_dict(spec, values if values is not None else identity))
        elif name == "sites" and values is not None:
            row = rec.as_dict(spec, values)
            self.sites[row["id"]] = (row["name"], row["code"])


def _marks(count: int) -> str:
    return ",".join("?" * count)


def _date(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


class _Templates:
    def __init__(self, conn: Connection, tmap: rec.TemplateMap) -> None:
        self.conn, self.tmap = conn, tmap
        self.parsed: dict[str, ChecklistTemplate | None] = {}

    def by_key(self, key: str) -> ChecklistTemplate | None:
        if key not in self.parsed:
            self.parsed[key] = None
            version_id = self.tmap.id_by_key.get(key)
            stored = None if version_id is None else self.conn.exec_driver_sql(
                "SELECT sha256, content FROM template_versions WHERE id = ?",
                (version_id,)).first()
            if stored is not None:  # None: a checklist that arrives with this very bundle
                try:
                    self.parsed[key] = parse_stored_template(stored[0], stored[1], key)
                except TemplateError:
                    self.parsed[key] = None
        return self.parsed[key]


def _score(template: ChecklistTemplate | None, tier: str, ratings: dict[str, str | None]
           ) -> float | None:
    if template is None:
        return None
    try:
        level = Tier(tier)
    except ValueError:
        return None
    return summarize(template, level, {c: r for c, r in ratings.items() if r}).overall.score


def _site_names(conn: Connection, gathered: Gathered, ids: set[str]
                ) -> dict[str, tuple[str, str | None]]:
    found: dict[str, tuple[str, str | None]] = {}
    wanted = sorted(ids)
    for start in range(0, len(wanted), 500):
        part = wanted[start:start + 500]
        found.update((row[0], (row[1], row[2])) for row in conn.exec_driver_sql(
            f"SELECT id, name, code FROM sites WHERE id IN ({_marks(len(part))})",
            tuple(part)).fetchall())
    found.update((key, value) for key, value in gathered.sites.items() if key in ids)
    return found


def summarize_import(conn: Connection, gathered: Gathered,
                     tmap: rec.TemplateMap) -> ImportSummary:
    """Name what :class:`Gathered` saw; reads only the listed inspections' rows."""
    listed = {key: seen for key, seen in gathered.inspections.items() if seen.listed}
    ids = sorted(listed)
    here: dict[str, dict[str, Any]] = {}
    ratings: dict[str, dict[str, str | None]] = {key: {} for key in ids}
    inspection_columns = ("id", "site_id", "visit_date", "inspectors", "status", "tier",
                          "template_version_id")
    if ids:
        marks = _marks(len(ids))
        for row in conn.exec_driver_sql(
                f"SELECT {', '.join(inspection_columns)} FROM inspections WHERE id IN ({marks})",
                tuple(ids)).fetchall():
            values = dict(zip(inspection_columns, row, strict=True))
            values["template"] = tmap.key_by_id.get(values.pop("template_version_id"), "")
            here[row[0]] = values
        for inspection_id, criterion_id, rating in conn.exec_driver_sql(
                "SELECT inspection_id, criterion_id, rating FROM responses"
                f" WHERE inspection_id IN ({marks})", tuple(ids)).fetchall():
            ratings[inspection_id][criterion_id] = rating
    records = {key: {**here.get(key, {}), **(listed[key].values or {})} for key in ids}
    assignment_records = {key: values for key, (_outcome, values) in
                          gathered.assignments.items()}
    sites = _site_names(conn, gathered, {str(r.get("site_id")) for r in records.values()} |
                        {str(r.get("site_id")) for r in assignment_records.values()})
    templates = _Templates(conn, tmap)
    lines = []
    for key in ids:
        seen, record = listed[key], records[key]
        ratings[key].update(seen.ratings)
        name, code = sites.get(str(record.get("site_id")), ("?", None))
        lines.append(InspectionLine(
            key, name, code, _date(record.get("visit_date")), str(record.get("inspectors") or ""),
            str(record.get("status") or ""),
            _score(templates.by_key(str(record.get("template") or "")),
                   str(record.get("tier") or ""), ratings[key]),
            change_of(seen.own, seen.outcomes), seen.photos_new))
    # Conflicts first (someone has to choose), then the newest visit first.
    lines.sort(key=lambda line: (line.change is not ItemChange.CONFLICT,
                                 -(line.visit_date or date.min).toordinal(),
                                 line.site_code or "~", line.site_name))
    changes: dict[ItemChange, int] = {}
    for seen in gathered.inspections.values():
        change = change_of(seen.own, seen.outcomes)
        changes[change] = changes.get(change, 0) + 1
    assignment_lines = []
    for key, (outcome, _values) in gathered.assignments.items():
        record = assignment_records[key]
        name, code = sites.get(str(record.get("site_id")), ("?", None))
        assignment_lines.append(AssignmentLine(
            key, name, code, str(record.get("inspector_name") or ""),
            _date(record.get("period_start")), _date(record.get("period_end")),
            change_of(outcome, {outcome})))
    assignment_lines.sort(key=lambda line: (line.period_start or date.max,
                                            line.site_code or "~", line.site_name))
    assignment_changes: dict[ItemChange, int] = {}
    for outcome in gathered.assignment_outcomes.values():
        change = change_of(outcome, {outcome})
        assignment_changes[change] = assignment_changes.get(change, 0) + 1
    return ImportSummary(tuple(lines), tuple(assignment_lines), changes, assignment_changes)
