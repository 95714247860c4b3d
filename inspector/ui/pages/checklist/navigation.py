"""Where the user is on the checklist page, and where the keys take them (no Qt).

The page shows one section at a time: a second-level indicator with its criteria
(one of them current), then the visit's general photos, then the overall comment
(综合意见). Ctrl+↓/↑ move through the criteria and on into the next or previous
indicator; Ctrl+PgDn/PgUp move through the sections, the last two included.
"""

from __future__ import annotations

from dataclasses import dataclass

from inspector.domain.outline import Outline


@dataclass(frozen=True)
class Place:
    """A section (``0 … sections-1`` an indicator, then :attr:`ChecklistNavigation.general`
    and :attr:`ChecklistNavigation.overall`) and, in an indicator, the current criterion."""

    section: int
    card: int = 0


class ChecklistNavigation:
    """The current place on the page and the moves the keyboard makes from it."""

    def __init__(self, walk: Outline | None = None) -> None:
        self.sizes: tuple[int, ...] = ()
        self.ids: tuple[tuple[str, ...], ...] = ()
        self.place = Place(0)
        if walk is not None:
            self.set_outline(walk)

    def set_outline(self, walk: Outline, keep: Place | None = None) -> Place:
        """Show ``walk``'s sections, staying at ``keep`` as far as it still exists."""
        self.ids = tuple(tuple(c.id for c in section.criteria) for section in walk.sections)
        self.sizes = tuple(len(ids) for ids in self.ids)
        wanted = keep or Place(0)
        section = min(wanted.section, self.overall)
        self.place = Place(section, self._clamp(section, wanted.card))
        return self.place

    # ---------------------------------------------------------------- the sections

    @property
    def general(self) -> int:
        """The general photos' section."""
        return len(self.sizes)

    @property
    def overall(self) -> int:
        """The overall comment's section, the last."""
        return len(self.sizes) + 1

    def is_indicator(self, section: int | None = None) -> bool:
        return (self.place.section if section is None else section) < len(self.sizes)

    def current_criterion(self) -> str | None:
        if not self.is_indicator() or not self.sizes[self.place.section]:
            return None
        return self.ids[self.place.section][self.place.card]

    # ---------------------------------------------------------------- moves

    def go(self, section: int, card: int = 0) -> Place:
        """Go to a section (chosen in the indicator tree), at ``card`` when it has criteria."""
        section = max(0, min(section, self.overall))
        self.place = Place(section, self._clamp(section, card))
        return self.place

    def choose_card(self, card: int) -> Place:
        """A criterion of the current indicator was clicked."""
        return self.go(self.place.section, card)

    def move_criterion(self, step: int) -> Place:
        """The next or previous criterion, going on into the next or previous indicator;
        outside the indicators, the next or previous section."""
        section, card = self.place.section, self.place.card
        if not self.is_indicator():
            return self.move_section(step)
        target = card + step
        if 0 <= target < self.sizes[section]:
            return self.go(section, target)
        if 0 <= section + step < len(self.sizes):
            neighbour = section + step
            return self.go(neighbour, 0 if step > 0 else self.sizes[neighbour] - 1)
        return self.place

    def move_section(self, step: int) -> Place:
        """The next or previous section: the indicators, the general photos, the overall
        comment. A new indicator starts at its first criterion."""
        target = self.place.section + step
        if not 0 <= target <= self.overall:
            return self.place
        return self.go(target, 0)

    def locate(self, criterion_id: str) -> Place | None:
        """Go to a criterion by id (a missing rating chosen in the finish dialog)."""
        for section, ids in enumerate(self.ids):
            if criterion_id in ids:
                return self.go(section, ids.index(criterion_id))
        return None

    def next_of(self, wanted: set[str] | frozenset[str], *, first: bool = False) -> str | None:
        """The first of ``wanted`` after the current criterion in checklist order, going
        round to the start (a reviewer's next comment), or with ``first`` the first of them
        in the checklist; None when none is wanted."""
        order = [cid for ids in self.ids for cid in ids]
        current = self.current_criterion()
        start = order.index(current) + 1 if current in order and not first else 0
        return next((cid for cid in order[start:] + order[:start] if cid in wanted), None)

    def _clamp(self, section: int, card: int) -> int:
        if section >= len(self.sizes) or not self.sizes[section]:
            return 0
        return max(0, min(card, self.sizes[section] - 1))
