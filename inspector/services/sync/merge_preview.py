"""What importing a bundle does, counted: each record's outcome, the counts per table and
in all, the first records it changes, and the photos it brings (see
:mod:`~inspector.services.sync.merge` for how each outcome is decided)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from inspector.services.sync.import_summary import ImportSummary


class Outcome(StrEnum):
    NEW = "new"
    UPDATED = "updated"
    IDENTICAL = "identical"
    OLDER = "older"  # we have a newer version already
    JOIN = "join"  # same content reached on both sides: only the vector changes
    CONFLICT = "conflict"
    CONFLICT_KNOWN = "conflict_known"  # this version is already waiting as a conflict
    DELETED_HERE = "deleted_here"  # deleted on this installation: stays out
    BROUGHT_BACK = "brought_back"  # deleted here, changed elsewhere since: comes back


COUNTED_AS = {
    Outcome.NEW: "new", Outcome.UPDATED: "updated", Outcome.IDENTICAL: "identical",
    Outcome.OLDER: "identical", Outcome.JOIN: "identical", Outcome.CONFLICT: "conflicts",
    Outcome.CONFLICT_KNOWN: "identical", Outcome.DELETED_HERE: "deleted_here",
    Outcome.BROUGHT_BACK: "brought_back",
}
UNLISTED = (Outcome.IDENTICAL, Outcome.OLDER, Outcome.JOIN, Outcome.CONFLICT_KNOWN)


@dataclass
class TableCounts:
    new: int = 0
    updated: int = 0
    identical: int = 0
    conflicts: int = 0
    deleted_here: int = 0  # deleted on this installation and not brought back
    brought_back: int = 0  # deleted here, but changed elsewhere since: they come back

    def add(self, outcome: Outcome, count: int = 1) -> None:
        name = COUNTED_AS[outcome]
        setattr(self, name, getattr(self, name) + count)

    def total(self) -> int:
        return (self.new + self.updated + self.identical + self.conflicts + self.deleted_here
                + self.brought_back)


@dataclass(frozen=True)
class RecordChange:
    table: str
    record_id: str
    outcome: Outcome


@dataclass(frozen=True)
class Totals:
    """The records and photos of a bundle, counted by what importing does to them."""

    new: int = 0
    updated: int = 0
    identical: int = 0
    conflicts: int = 0
    photos_new: int = 0
    photos_known: int = 0
    deleted_here: int = 0  # deleted on this installation: they stay out
    brought_back: int = 0  # deleted here, changed elsewhere since: they come back

    @property
    def changes_records(self) -> bool:
        """Whether importing adds, changes or brings back a record or a photo."""
        return bool(self.new or self.updated or self.conflicts or self.photos_new
                    or self.brought_back)

    def to_json(self) -> dict[str, int]:
        return dataclasses.asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Totals:
        """The totals an import logged (:meth:`Preview.to_json`); a count not there is 0."""
        return cls(**{f.name: int(data.get(f.name) or 0) for f in dataclasses.fields(cls)})


@dataclass
class Preview:
    """What importing the bundle would change (or, after a merge, what it changed)."""

    tables: dict[str, TableCounts] = field(default_factory=dict)
    photos_new: int = 0
    photos_known: int = 0
    templates_new: list[str] = field(default_factory=list)
    changes: list[RecordChange] = field(default_factory=list)  # the first few, for showing
    # Photo files in the bundle that only records staying deleted here refer to:
    # neither counted as new photos nor taken into the store.
    photo_files_kept_out: set[str] = field(default_factory=set)
    #: Which inspections and assignments the bundle holds, named as a person knows them
    #: (site, date, inspectors, score) with what importing does to each.
    summary: ImportSummary = field(default_factory=ImportSummary)

    def total(self, name: str) -> int:
        return sum(getattr(c, name) for c in self.tables.values())

    def totals(self) -> Totals:
        return Totals(
            new=self.total("new"), updated=self.total("updated"),
            identical=self.total("identical"), conflicts=self.total("conflicts"),
            photos_new=self.photos_new, photos_known=self.photos_known,
            deleted_here=self.total("deleted_here"), brought_back=self.total("brought_back"),
        )

    @property
    def changes_anything(self) -> bool:
        return self.totals().changes_records or bool(self.templates_new)

    def already_imported(self) -> Preview:
        """This preview for a bundle imported before, which importing again leaves as it is:
        every record that is here or was deleted here is counted as such, the rest (records
        deleted before deletions were remembered) as identical; no new photos."""
        return Preview(
            tables={name: TableCounts(identical=c.total() - c.deleted_here,
                                      deleted_here=c.deleted_here)
                    for name, c in self.tables.items()},
            photos_new=0, photos_known=self.photos_known,
            summary=self.summary.already_imported())

    def to_json(self) -> dict[str, Any]:
        return {
            **self.totals().to_json(),
            "templates_new": self.templates_new,
            "tables": {name: vars(c) for name, c in self.tables.items()},
            **self.summary.to_json(),
        }

