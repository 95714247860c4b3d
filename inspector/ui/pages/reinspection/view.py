"""The re-inspection view of the checklist page: instead of the guideline's criteria, one
card per rectification item to verify, in the checklist's order, one of them current (the
keys work on it: 1/2 the verdict, F2 the note, Ctrl+I after photos, Ctrl+↓/↑ the next or
previous item)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from inspector.domain.outline import outline
from inspector.ui.pages.reinspection.item_card import Finding, ReinspectionCard

if TYPE_CHECKING:
    from inspector.domain.supervision import Verdict
    from inspector.services.api.inspections import ChecklistData
    from inspector.services.api.reinspection_reads import LoadedInspection
    from inspector.services.context import AppContext
    from inspector.services.reinspection import CheckView
    from inspector.ui.core.operations import Operations
    from inspector.ui.pages.checklist.autosave import AutoSaver
    from inspector.ui.widgets.photo_strip import PhotoStrip

#: Makes a card's photo strip: (the check, "before" or "after").
PhotoFactory = Callable[["CheckView", bool], QWidget | None]


class ReinspectionView(QScrollArea):
    """Shows a :class:`LoadedInspection` that is a re-inspection; every verdict and note
    goes to the page's :class:`AutoSaver` at once, then ``checked(item id)`` is said (the
    page counts)."""

    checked = Signal(str)

    def __init__(self, ops: Operations, context: AppContext, saver: AutoSaver,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.context = context
        self.saver = saver
        self.setWidgetResizable(True)
        self.setAccessibleName(self.tr("Items to verify"))
        self.cards: list[ReinspectionCard] = []
        self.current = 0
        self.inspection_id = ""
        self.read_only = True
        #: The photo strips; None shows none (tests of the cards alone).
        self.photo_factory: PhotoFactory | None = self._photo_strip
        self.strips: dict[tuple[str, bool], PhotoStrip] = {}
        self._targets: list[tuple[str | None, str]] = []
        self._titles: dict[str, str] = {}

    # ------------------------------------------------------------------ showing

    def show_page(self, page: LoadedInspection, language: str) -> None:
        """The items of ``page``, each with its finding; the current item is kept when the
        same inspection is shown again (anything still being typed is saved first)."""
        data = page.data
        same = data.inspection_id == self.inspection_id
        self.flush()
        self.inspection_id = data.inspection_id
        self.read_only = data.completed
        walk = outline(data.template, data.tier)
        numbers = {criterion.id: f"{number}." for number, criterion in walk.numbered()}
        order = {criterion.id: index for index, criterion in enumerate(walk.criteria)}
        checks = sorted(page.checks, key=lambda c: (order.get(c.criterion_id, len(order)),
                                                    c.item_id))
        self._titles = {c.criterion_id: f"{numbers.get(c.criterion_id, '')} "
                        f"{data.template.criterion(c.criterion_id).text.get(language)}"
                        for c in checks}
        self._targets = [(c.criterion_id, self._titles[c.criterion_id][:44]) for c in checks]
        self.strips = {}
        container = QWidget()
        column = QVBoxLayout(container)
        heading = QLabel("<h3>" + self.tr("Re-inspection: %n rectification item(s) to verify",
                                          "", len(checks)) + "</h3>")
        column.addWidget(heading)
        if not data.completed:
            explanation = QLabel(self.tr(
                "For each item, compare the site with the original finding and its photos, "
                "choose rectified or not rectified (keys 1 and 2), note what you saw and add "
                "photos after the rectification (Ctrl+I). An item not rectified needs a note "
                "saying what is still missing."))
            explanation.setWordWrap(True)
            column.addWidget(explanation)
        self.cards = []
        for check in checks:
            criterion = data.template.criterion(check.criterion_id)
            finding = Finding(numbers.get(check.criterion_id, ""), criterion.text.get(language),
                              self._rating_label(data, check.rating, language),
                              page.found_on.get(check.original_inspection_id or ""))
            make = self.photo_factory
            card = ReinspectionCard(check, finding, data.completed,
                                    make(check, True) if make else None,
                                    make(check, False) if make else None)
            card.checked.connect(self._save)
            card.activated.connect(self._activated)
            column.addWidget(card)
            self.cards.append(card)
        column.addStretch(1)
        old = self.takeWidget()
        if old is not None:
            old.deleteLater()
        self.setWidget(container)
        self.current = min(self.current, len(self.cards) - 1) if same and self.cards else 0
        self._mark_current()

    @staticmethod
    def _rating_label(data: ChecklistData, rating: str, language: str) -> str:
        option = next((o for o in data.template.rating_scale if o.id == rating), None)
        return option.label.get(language) if option is not None else rating


    def _photo_strip(self, check: CheckView, before: bool) -> QWidget | None:
        """The original inspection's photos of the item (read-only), or this visit's."""
        from inspector.ui.widgets.photo_strip import PhotoStrip

        if before:
            if check.original_inspection_id is None or not check.before_photo_ids:
                return None
            strip = PhotoStrip(self.ops, self.context, check.original_inspection_id,
                               check.criterion_id, read_only=True)
            for button in (strip.add_button, strip.move_button):
                button.setVisible(False)  # a record of what was found: nothing to change
        else:
            strip = PhotoStrip(self.ops, self.context, self.inspection_id, check.criterion_id,
                               self.read_only, targets=self._targets)
        self.strips[(check.item_id, before)] = strip
        return strip

    def clear(self) -> None:
        """Show nothing (the page shows an ordinary inspection); notes being typed are saved."""
        self.flush()
        self.cards, self.strips, self.inspection_id, self.current = [], {}, "", 0
        old = self.takeWidget()
        if old is not None:
            old.deleteLater()

    # ------------------------------------------------------------------ the current item

    def current_card(self) -> ReinspectionCard | None:
        return self.cards[self.current] if 0 <= self.current < len(self.cards) else None

    def _mark_current(self) -> None:
        for index, each in enumerate(self.cards):
            each.set_current(index == self.current)
        card = self.current_card()
        if card is not None:
            self.ensureWidgetVisible(card, 0, 0)

    def _activated(self, item_id: str) -> None:
        index = next((i for i, c in enumerate(self.cards) if c.item_id == item_id), None)
        if index is not None and index != self.current:
            self.current = index
            for each, card in enumerate(self.cards):
                card.set_current(each == index)

    def move_item(self, step: int) -> None:
        if self.cards:
            self.current = max(0, min(len(self.cards) - 1, self.current + step))
            self._mark_current()
            card = self.current_card()
            if card is not None:
                card.leave_note()  # the keys 1–2 give its verdict

    def go_to(self, criterion_id: str) -> bool:
        """The item of a criterion (one the finish check named)."""
        index = next((i for i, c in enumerate(self.cards)
                      if c.check.criterion_id == criterion_id), None)
        if index is None:
            return False
        self.current = index
        self._mark_current()
        card = self.current_card()
        if card is not None:
            card.leave_note()
        return True

    def verdict_current(self, number: int) -> None:
        card = self.current_card()
        if card is not None:
            card.verdict_by_number(number)

    def focus_note(self) -> None:
        card = self.current_card()
        if card is not None and not card.read_only:
            card.note.setFocus()

    def add_photos(self) -> None:
        card = self.current_card()
        strip = self.strips.get((card.item_id, False)) if card is not None else None
        if strip is not None and not self.read_only:
            strip.choose_files()

    # ------------------------------------------------------------------ state

    def _save(self, item_id: str, verdict: Verdict | None, note: str) -> None:
        if not self.read_only:
            self.saver.save_check(self.inspection_id, item_id, verdict, note)
            self.checked.emit(item_id)

    def counts(self) -> tuple[int, int, int]:
        """How many items are rectified, not rectified, and without a verdict yet."""
        from inspector.domain.supervision import Verdict

        verdicts = [card.verdict for card in self.cards]
        return (verdicts.count(Verdict.RECTIFIED), verdicts.count(Verdict.NOT_RECTIFIED),
                verdicts.count(None))

    def checked_count(self) -> int:
        return sum(1 for card in self.cards if card.verdict is not None)

    def titles(self) -> dict[str, str]:
        """Each item's criterion (number and text), by criterion id: for the finish check."""
        return dict(self._titles)

    def verdict_of(self, item_id: str) -> Verdict | None:
        return next((c.verdict for c in self.cards if c.item_id == item_id), None)

    def flush(self) -> None:
        """Save any note still being typed."""
        for card in self.cards:
            card.flush_note()
