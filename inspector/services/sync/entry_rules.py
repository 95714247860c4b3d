"""Records from a bundle obey the rules that entry here obeys.

A rating typed in on this installation must be on the checklist's scale and
for a criterion of the inspection's checklist that applies to its site's tier
(:func:`inspections.checked_criterion`, shared with photos); a site and an
inspection have one of the known tiers, an inspection one of the known
statuses. A bundle's records are held to the same rules, before anything is
written: otherwise a response for a criterion nobody has, or a rating off the
scale, would be imported and scored as if the criterion were met.

The inspection a response or photo belongs to is the bundle's own version
when the bundle carries it, else the one here; a record whose inspection is
in neither is left to the merge (which keeps out records whose inspection
was deleted here, and refuses the rest as referring to a missing record).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy.engine import Connection

from inspector.domain.supervision import CheckOutcome, ItemState, ReviewDecision, Verdict
from inspector.domain.templates import ChecklistTemplate, TemplateError, parse_stored_template
from inspector.domain.tiers import Tier
from inspector.domain.values import InspectionStatus
from inspector.services.control import NullControl
from inspector.services.inspections import InspectionError, checked_criterion
from inspector.services.sync import records as rec
from inspector.services.sync.errors import BundleRefused
from inspector.services.sync.streams import member_of, records_of
from inspector.services.sync.verify import OpenedBundle, open_zip

#: Columns holding one of a few words: (column, the words, may be empty).
_WORDS: dict[str, tuple[tuple[str, frozenset[str], bool], ...]] = {
    "reviews": (("decision", frozenset(ReviewDecision), False),),
    "rectification_items": (("state", frozenset(ItemState), False),),
    "reinspection_checks": (("verdict", frozenset(Verdict), True),
                            ("outcome", frozenset(CheckOutcome), False)),
}


class EntryRules:
    """Checks a bundle's rows, table by table in merge order (inspections first)."""

    def __init__(self, conn: Connection, opened: OpenedBundle, tmap: rec.TemplateMap) -> None:
        self.conn, self.opened, self.tmap = conn, opened, tmap
        # The bundle's inspections: id -> (checklist key, tier).
        self.inspections: dict[str, tuple[str, Tier]] = {}
        self.templates: dict[str, ChecklistTemplate] = {}
        # (checklist key, tier, criterion) already found to be allowed.
        self.allowed: set[tuple[str, Tier, str]] = set()

    def check(self, spec: rec.TableSpec, rows: Sequence[list[Any]], first: int) -> None:
        """Rows already checked for shape and types (:func:`records.check_batch`)."""
        columns = spec.columns
        if spec.name == "sites":
            at = columns.index("tier")
            for line, row in enumerate(rows, first):
                self._tier(spec, row[at], line)
        elif spec.name == "inspections":
            tier_at, status_at = columns.index("tier"), columns.index("status")
            template_at = spec.template_position
            assert template_at is not None
            for line, row in enumerate(rows, first):
                tier = self._tier(spec, row[tier_at], line)
                if row[status_at] not in tuple(InspectionStatus):
                    raise self._broken(spec, line, f"未知的状态 / unknown status "
                                                   f"{row[status_at]!r:.40}")
                self.inspections[row[0]] = (row[template_at], tier)
        elif spec.name in ("responses", "photos", "review_comments", "rectification_items"):
            self._criteria(spec, rows, first)
        if spec.name in _WORDS:
            for column, words, nullable in _WORDS[spec.name]:
                at = columns.index(column)
                for line, row in enumerate(rows, first):
                    if not (row[at] is None and nullable) and row[at] not in words:
                        raise self._broken(spec, line, f"{column} 的值未知 / unknown {column} "
                                                       f"{row[at]!r:.40}")

    def _criteria(self, spec: rec.TableSpec, rows: Sequence[list[Any]], first: int) -> None:
        columns = spec.columns
        inspection_at, criterion_at = columns.index("inspection_id"), columns.index("criterion_id")
        rating_at = columns.index("rating") if spec.name == "responses" else None
        known = self._local_inspections({row[inspection_at] for row in rows}
                                        - self.inspections.keys())
        for line, row in enumerate(rows, first):
            inspection = self.inspections.get(row[inspection_at]) or known.get(row[inspection_at])
            if inspection is None:
                continue
            key, tier = inspection
            template = self._template(key)
            criterion = row[criterion_at]
            if criterion is not None and (key, tier, criterion) not in self.allowed:
                try:
                    checked_criterion(template, tier, criterion)
                except InspectionError as exc:
                    raise self._broken(spec, line, str(exc)) from None
                self.allowed.add((key, tier, criterion))
            if rating_at is not None and row[rating_at] is not None:
                try:
                    template.rating(row[rating_at])
                except KeyError:
                    raise self._broken(
                        spec, line, f"评定 {row[rating_at]!r:.40} 不在检查表的评定等级中 / the "
                                    f"rating {row[rating_at]!r:.40} is not on the checklist's "
                                    f"scale") from None

    def _tier(self, spec: rec.TableSpec, value: str, line: int) -> Tier:
        try:
            return Tier(value)
        except ValueError:
            raise self._broken(spec, line, f"未知的层级 / unknown tier {value!r:.40}") from None

    def _local_inspections(self, ids: set[str]) -> dict[str, tuple[str, Tier]]:
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        rows = self.conn.exec_driver_sql(
            f"SELECT id, template_version_id, tier FROM inspections WHERE id IN ({marks})",
            tuple(ids)).fetchall()
        found = {}
        for inspection_id, template_version_id, tier in rows:
            key = self.tmap.key_by_id.get(template_version_id)
            if key is not None and tier in tuple(Tier):  # else nothing here to check against
                found[inspection_id] = (key, Tier(tier))
        return found

    def _template(self, key: str) -> ChecklistTemplate:
        template = self.templates.get(key)
        if template is None:
            sha, content = self._content(key)
            try:
                template = parse_stored_template(sha, content, key)
            except (TemplateError, ValueError) as exc:
                raise BundleRefused(f"本程序无法读取检查表 {key} / this program cannot read the "
                                    f"checklist {key}: {exc}") from None
            self.templates[key] = template
        return template

    def _content(self, key: str) -> tuple[str, str]:
        """A checklist version's SHA-256 and content: installed here, or (previewing an
        assignment bundle that brings it) from the bundle."""
        row = self.conn.exec_driver_sql(
            "SELECT sha256, content FROM template_versions WHERE id = ?",
            (self.tmap.id_by_key.get(key, ""),)).first()
        if row is not None:
            return row[0], row[1]
        table = self.opened.manifest.table(rec.TEMPLATE_TABLE)
        if table is not None:
            with open_zip(self.opened.path) as zf:
                for _first, lines in records_of(zf, member_of(self.opened, table.path),
                                                NullControl()):
                    for template_id, version, _title, content, sha in lines:
                        if f"{template_id}@{version}" == key:
                            return sha, content
        raise BundleRefused(f"数据包使用了本机没有的检查表版本 / the bundle uses a checklist "
                            f"version this installation does not have: {key}")

    @staticmethod
    def _broken(spec: rec.TableSpec, line: int, what: str) -> BundleRefused:
        return BundleRefused(f"数据包中的记录不符合检查表的规则 / a record in the bundle breaks "
                             f"the checklist's rules: records/{spec.name}.jsonl line {line}: "
                             f"{what}")
