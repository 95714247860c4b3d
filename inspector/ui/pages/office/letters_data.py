"""What the letters-and-rectification tab shows, read in one go on the worker (plain Python,
no widgets): the letters with their items, every item's ledger row, the words for criteria
and ratings, the office's settings, the townships, and the re-inspection results that met
an item closed or dropped meanwhile (conflicts for a person to settle)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from inspector.domain.supervision import OPEN_STATES, CheckOutcome, ItemState, is_finding
from inspector.domain.templates import Text

if TYPE_CHECKING:
    from inspector.services.api.inspections import ChecklistData
    from inspector.services.api.office import ItemView, LetterView
    from inspector.services.context import AppContext
    from inspector.services.office_settings import OfficeSettings
    from inspector.services.rectification_ledger import ItemRow
    from inspector.services.reinspection import CheckView


@dataclass(frozen=True)
class Conflict:
    """A re-inspection's verdict on an item that was closed or dropped before it came back."""

    check: CheckView
    site_name: str
    visit_date: date
    inspectors: str
    item: ItemRow | None  # the item as it stands now


@dataclass(frozen=True)
class Snapshot:
    letters: tuple[LetterView, ...]  # drafts first (oldest first), then issued, newest first
    rows: dict[str, ItemRow]  # the items open, reported, verified or drafted, by id
    criteria: dict[str, Text]  # criterion id → its text (the newest checklist's)
    ratings: dict[str, Text]  # rating id → its label
    settings: OfficeSettings
    townships: tuple[tuple[str, str], ...]  # (id, name), by name
    conflicts: tuple[Conflict, ...]

    def letter(self, letter_id: str | None) -> LetterView | None:
        return next((letter for letter in self.letters if letter.id == letter_id), None)

    def criterion_text(self, criterion_id: str, language: str) -> str:
        text = self.criteria.get(criterion_id)
        if text is not None:
            return text.get(language)
        row = next((r for r in self.rows.values() if r.criterion_id == criterion_id), None)
        return row.criterion_text if row is not None else criterion_id

    def rating_text(self, rating_id: str, language: str) -> str:
        text = self.ratings.get(rating_id)
        return text.get(language) if text is not None else rating_id

    def issued_this_year(self, today: date) -> int:
        return sum(1 for letter in self.letters
                   if letter.issued_on is not None and letter.issued_on.year == today.year)


def _ordered(letters: Iterable[LetterView]) -> tuple[LetterView, ...]:
    drafts = [letter for letter in letters if letter.issued_on is None]
    issued = [letter for letter in letters if letter.issued_on is not None]
    issued.sort(key=lambda letter: (letter.issued_on or date.min, letter.number), reverse=True)
    return (*drafts, *issued)


def conflicts(context: AppContext, today: date) -> tuple[Conflict, ...]:
    """The re-inspections approved here whose verdicts wait for a person (outcome conflict),
    each with its item as the ledger shows it (closed or dropped, by definition)."""
    from inspector.services import api
    from inspector.services.rectification_ledger import LedgerFilter

    found = []
    for entry in api.office.reinspections_with_conflicts(context):
        items = {row.id: row for row in api.office.ledger(context, LedgerFilter(
            states=frozenset(ItemState), site_id=entry.site_id), today)}
        for check in api.office.reinspection_checks(context, entry.inspection_id):
            if check.outcome is CheckOutcome.CONFLICT:
                found.append(Conflict(check, entry.site_name, entry.visit_date,
                                      entry.inspectors, items.get(check.item_id)))
    return tuple(found)


def load_snapshot(context: AppContext, today: date) -> Snapshot:
    from inspector.services import api
    from inspector.services.rectification_ledger import LedgerFilter

    # The items still asked of the sites (and the drafts): what the summary counts and a
    # re-inspection may be ordered for; the ledger panel reads the rest itself.
    live = LedgerFilter(states=OPEN_STATES | {ItemState.DRAFT})
    rows = {row.id: row for row in api.office.ledger(context, live, today)}
    template = api.templates.latest_template(context)
    townships = {site.township_id: site.township_name or ""
                 for site in api.supervision.registry_sites(context) if site.township_id}
    return Snapshot(
        letters=_ordered(api.office.letters(context)),
        rows=rows,
        criteria={c.id: c.text for c in template.iter_criteria()},
        ratings={option.id: option.label for option in template.rating_scale},
        settings=api.office.office_settings(context),
        townships=tuple(sorted(townships.items(), key=lambda pair: pair[1])),
        conflicts=conflicts(context, today),
    )


def wanting_criteria(data: ChecklistData, items: Iterable[ItemView]
                     ) -> list[tuple[str, str]]:
    """The criteria the inspection found wanting (基本符合, 不符合) that have no item in the
    letter yet, as (criterion id, rating id), in checklist order: what may be added."""
    taken = {item.criterion_id for item in items}
    found = []
    for criterion in data.template.criteria(data.tier):
        answer = data.answers.get(criterion.id)
        if answer is None or answer.rating is None or criterion.id in taken:
            continue
        option = data.template.rating(answer.rating)
        if is_finding(option.score, option.counted):
            found.append((criterion.id, answer.rating))
    return found


def next_number(settings: OfficeSettings, issued_this_year: int, today: date) -> str:
    """The number the next letter issued today will get (as the service numbers it)."""
    from inspector.services.office_settings import letter_number

    return letter_number(settings.number_prefix, today.year, issued_this_year + 1)
