"""The checklist page: indicators with progress, the current indicator's criteria, autosave.

Keyboard: 1–4 rate the current criterion; Ctrl+↓/Ctrl+↑ next/previous criterion;
Ctrl+PgDown/Ctrl+PgUp next/previous indicator; F2 the note, Esc out of it; Ctrl+I add photos.

After the indicators come the visit's general photos and the overall comment (综合意见),
each a section of its own; the finish dialog asks for the overall comment again.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector.domain.outline import outline
from inspector.domain.scoring import Answer, summarize
from inspector.domain.tiers import Tier
from inspector.services import api
from inspector.services.api.inspections import ChecklistData
from inspector.ui.autosave import AutoSaver
from inspector.ui.criterion_card import CriterionCard, DebouncedNote
from inspector.ui.indicator_tree import GENERAL, INDICATOR_ROLE, OVERALL, IndicatorTree
from inspector.ui.site_tree import status_name
from inspector.ui.worker import JobHandle, Worker

if TYPE_CHECKING:
    from inspector.domain.templates import Criterion, Indicator2
    from inspector.services.context import AppContext
    from inspector.ui.details_dialog import InspectionDetailsDialog
    from inspector.ui.photo_strip import PhotoStrip



class ChecklistPage(QWidget):
    """Shows one inspection; every change goes to :class:`AutoSaver` at once."""

    loaded = Signal()
    back_requested = Signal()
    finish_requested = Signal()
    reopen_requested = Signal()
    add_photos_requested = Signal(object)  # criterion id or None (general photos)
    delete_requested = Signal(str)  # inspection id: the details dialog's Delete

    def __init__(self, worker: Worker, context: AppContext, language: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.context = context
        self.language = language
        self.saver = AutoSaver(worker, context, self)
        self.data: ChecklistData | None = None
        self.ratings: dict[str, str | None] = {}
        self.groups: list[tuple[Indicator2, tuple[Criterion, ...]]] = []
        self.numbers: dict[str, str] = {}
        self.cards: list[CriterionCard] = []
        self.group_index = 0
        self.card_index = 0
        self.photo_widget_factory: Callable[[str | None], QWidget] | None = self._photo_strip
        self.strips: dict[str | None, PhotoStrip] = {}
        self.overall_comment: DebouncedNote | None = None  # while its section is shown
        self._build()
        self._shortcuts()
        self.saver.status_changed.connect(self._save_status)
        self.saver.failed.connect(self._save_failed)

    # ------------------------------------------------------------------ layout

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        header = QHBoxLayout()
        self.back_button = QPushButton(self.tr("← Site &list"))
        self.back_button.setAccessibleName(self.tr("Back to the sites"))
        self.back_button.clicked.connect(self._back)
        header.addWidget(self.back_button)
        self.title = QLabel()
        self.title.setAccessibleName(self.tr("Inspection"))
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.title.setFont(font)
        header.addWidget(self.title, 1)
        self.progress = QLabel()  # "9/21 rated"
        self.progress.setObjectName("ratedProgress")
        self.progress.setAccessibleName(self.tr("Criteria rated"))
        header.addWidget(self.progress)
        self.save_label = QLabel()
        self.save_label.setAccessibleName(self.tr("Save status"))
        header.addWidget(self.save_label)
        self.details_button = QPushButton(self.tr("&Edit details…"))
        self.details_button.setAccessibleName(self.tr(
            "Edit the date, the inspectors and the site staff of this inspection"))
        self.details_button.clicked.connect(self.edit_details)
        header.addWidget(self.details_button)
        self.finish_button = QPushButton(self.tr("Fi&nish…"))
        self.finish_button.clicked.connect(lambda: self.finish_requested.emit())
        header.addWidget(self.finish_button)
        self.reopen_button = QPushButton(self.tr("&Reopen…"))
        self.reopen_button.clicked.connect(lambda: self.reopen_requested.emit())
        header.addWidget(self.reopen_button)
        layout.addLayout(header)

        self.details = QLabel()
        self.details.setWordWrap(True)
        layout.addWidget(self.details)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.indicators = IndicatorTree()
        self.indicators.currentItemChanged.connect(self._indicator_chosen)
        splitter.addWidget(self.indicators)
        self.criteria_area = QScrollArea()
        self.criteria_area.setWidgetResizable(True)
        self.criteria_area.setAccessibleName(self.tr("Criteria"))
        splitter.addWidget(self.criteria_area)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([300, 900])  # a quarter for the indicators, at any window width
        layout.addWidget(splitter, 1)
        self.help = QLabel(self.tr(
            "Keys: 1–4 rate · Ctrl+↓/↑ next/previous criterion · Ctrl+PgDn/PgUp next/previous "
            "indicator · F2 note · Esc leave the note · Ctrl+I add photos"))
        self.help.setWordWrap(True)
        layout.addWidget(self.help)

    def _shortcuts(self) -> None:
        def add(key: str | QKeySequence, action: Callable[[], None]) -> None:
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(action)

        for number in range(1, 5):
            add(str(number), functools.partial(self.rate_current, number))
        add("Ctrl+Down", lambda: self.move_criterion(1))
        add("Ctrl+Up", lambda: self.move_criterion(-1))
        add("Ctrl+PgDown", lambda: self.move_indicator(1))
        add("Ctrl+PgUp", lambda: self.move_indicator(-1))
        add("F2", self.focus_note)
        add("Ctrl+I", self.request_photos)

    # ------------------------------------------------------------------ loading

    def open_inspection(self, inspection_id: str) -> JobHandle:
        context = self.context
        handle = self.worker.submit(
            lambda _c: api.inspections.load_checklist(context, inspection_id), "load checklist")
        handle.finished.connect(self.show_data)
        handle.failed.connect(self._failed)
        return handle

    def reload(self) -> JobHandle | None:
        return self.open_inspection(self.data.inspection_id) if self.data else None

    def show_data(self, data: ChecklistData) -> None:
        keep = (self.group_index, self.card_index) if (
            self.data and self.data.inspection_id == data.inspection_id) else (0, 0)
        self.data = data
        self.ratings = {cid: a.rating for cid, a in data.answers.items()}
        walk = outline(data.template, Tier(data.tier))
        self.groups = [(section.indicator, section.criteria) for section in walk.sections]
        self.numbers = {criterion.id: f"{number}." for number, criterion in walk.numbered()}
        self._fill_header()
        self._fill_indicators()
        self.group_index = min(keep[0], len(self.groups))
        self.card_index = keep[1]
        self._select_group(self.group_index)
        self.finish_button.setVisible(not data.completed)
        self.details_button.setVisible(not data.completed)
        self.reopen_button.setVisible(data.completed)
        self.help.setVisible(not data.completed)  # the keys are for editing
        self._save_status("saved" if not data.completed else "")
        self.loaded.emit()

    def _fill_header(self) -> None:
        data = self.data
        assert data is not None
        from inspector.ui.site_tree import tier_name

        status = status_name(data.status)
        title = f"{data.site_name} · {data.visit_date.isoformat()} · {status}"
        if data.completed:  # the result of the visit, as the site list and the report show it
            ratings = {cid: a.rating for cid, a in data.answers.items() if a.rating}
            score = summarize(data.template, Tier(data.tier), ratings).overall.percent
            title += " · " + self.tr("Score %1").replace("%1", score)
        self.title.setText(title)
        parts = [tier_name(data.tier),
                 self.tr("Inspectors: %1").replace("%1", data.inspectors or "—"),
                 self.tr("Site staff: %1").replace("%1", data.site_staff or "—")]
        if data.previous_date:
            parts.append(self.tr("Revisit of %1").replace("%1", data.previous_date.isoformat()))
        if data.completed:
            parts.append(self.tr("Read-only. Reopen it to change anything."))
        self.details.setText(" · ".join(parts))

    def _fill_indicators(self) -> None:
        assert self.data is not None
        self.indicators.fill(outline(self.data.template, Tier(self.data.tier)), self.language)
        self._update_progress()

    def _update_progress(self) -> None:
        rated = {cid for cid, rating in self.ratings.items() if rating}
        general = self.data.photo_counts.get(None, 0) if self.data else 0
        commented = bool(self.data and self.data.general_note.strip())
        self.indicators.update_progress(rated, general, commented)
        criteria = [c.id for _level2, group in self.groups for c in group]
        done = sum(1 for cid in criteria if cid in rated)
        self.progress.setText(self.tr("%1/%2 rated").replace("%1", str(done))
                              .replace("%2", str(len(criteria))))
        self.progress.setVisible(self.data is not None and not self.data.completed)

    # ------------------------------------------------------------------ navigation

    def _indicator_chosen(self, item: QTreeWidgetItem | None, _previous: object) -> None:
        if item is None:
            return
        value = item.data(0, INDICATOR_ROLE)
        if value == GENERAL:
            self._show_general()
        elif value == OVERALL:
            self._show_overall()
        elif isinstance(value, int):
            self.group_index = value
            self._show_group(value)

    def _select_group(self, index: int) -> None:
        last = index >= len(self.groups)
        item = self.indicators.general_item() if last else self.indicators.item_for_group(index)
        if item is not None:
            self.indicators.setCurrentItem(item)
        if item is not None and self.indicators.currentItem() is item and not self.cards:
            self._indicator_chosen(item, None)

    def _clear_cards(self) -> None:
        if self.overall_comment is not None:
            self.overall_comment.flush()
        self.overall_comment = None
        for card in self.cards:
            card.flush_note()
        self.cards = []
        self.strips = {}
        old = self.criteria_area.takeWidget()
        if old is not None:
            old.deleteLater()

    def _show_group(self, index: int) -> None:
        data = self.data
        assert data is not None
        self._clear_cards()
        level2, criteria = self.groups[index]
        container = QWidget()
        column = QVBoxLayout(container)
        heading = QLabel(f"<h3>{data.template.level1_of(level2.id).label(self.language)} · "
                         f"{level2.label(self.language)}</h3>")
        column.addWidget(heading)
        for criterion in criteria:
            card = CriterionCard(
                criterion, self.numbers[criterion.id], data.template.rating_scale,
                self.language, data.answers.get(criterion.id),
                data.previous.get(criterion.id), data.completed)
            card.rated.connect(self._rated)
            card.note_changed.connect(self._note_changed)
            card.activated.connect(self._card_activated)
            if self.photo_widget_factory is not None:
                card.photo_row.addWidget(self.photo_widget_factory(criterion.id))
            column.addWidget(card)
            self.cards.append(card)
        column.addStretch(1)
        self.criteria_area.setWidget(container)
        self.card_index = max(0, min(self.card_index, len(self.cards) - 1))
        self._mark_current()

    def _show_general(self) -> None:
        self._clear_cards()
        container = QWidget()
        column = QVBoxLayout(container)
        column.addWidget(QLabel(f"<h3>{self.tr('General photos of the visit')}</h3>"))
        if self.photo_widget_factory is not None:
            column.addWidget(self.photo_widget_factory(None))
        column.addStretch(1)
        self.criteria_area.setWidget(container)

    def _show_overall(self) -> None:
        """The overall comment (综合意见): the conclusion of the visit, printed in the report."""
        self._clear_cards()
        data = self.data
        assert data is not None
        container = QWidget()
        column = QVBoxLayout(container)
        heading = QLabel(self.tr("&Overall comment"))
        heading.setObjectName("overallHeading")
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.17)
        heading.setFont(font)
        column.addWidget(heading)
        if not data.completed:
            explanation = QLabel(self.tr(
                "The conclusion of the whole visit: what is good, what must be improved and "
                "by when. It is printed in the report; finishing the inspection asks for it."))
            explanation.setWordWrap(True)
            column.addWidget(explanation)
        self.overall_comment = DebouncedNote(data.general_note, data.completed)
        self.overall_comment.setAccessibleName(self.tr("Overall comment"))
        if not data.completed:
            self.overall_comment.setPlaceholderText(self.tr(
                "For example: the station is well run; its volunteer team should be recorded "
                "by the end of the year."))
        self.overall_comment.setMinimumHeight(
            self.overall_comment.fontMetrics().lineSpacing() * 8 + 16)
        self.overall_comment.edited.connect(self._save_general_note)
        heading.setBuddy(self.overall_comment)
        column.addWidget(self.overall_comment)
        column.addStretch(1)
        self.criteria_area.setWidget(container)
        if not data.completed:
            self.overall_comment.setFocus()

    def show_overall_comment(self) -> None:
        """Go to the overall comment's section."""
        item = self.indicators.overall_item()
        if item is not None:
            self.indicators.setCurrentItem(item)

    def _save_general_note(self, text: str) -> None:
        if self.data is not None:
            self.data = dataclasses.replace(self.data, general_note=text)
            self.saver.save_general_note(self.data.inspection_id, text)
            self._update_progress()

    def set_general_note(self, text: str) -> None:
        """The overall comment as written elsewhere (the finish dialog): shown and saved."""
        if self.data is None or self.data.completed or text == self.data.general_note:
            return
        if self.overall_comment is not None:
            self.overall_comment.replace_text(text)
        self._save_general_note(text)

    def _mark_current(self) -> None:
        for index, card in enumerate(self.cards):
            card.set_current(index == self.card_index)
        if self.cards:
            current = self.cards[self.card_index]
            self.criteria_area.ensureWidgetVisible(current)
            if not current.note.hasFocus():
                first = next(iter(current.rating_buttons.values()))
                first.setFocus() if first.isEnabled() else self.indicators.setFocus()

    def current_card(self) -> CriterionCard | None:
        return self.cards[self.card_index] if self.cards else None

    def move_criterion(self, step: int) -> None:
        if not self.cards:
            self.move_indicator(step)
            return
        target = self.card_index + step
        if 0 <= target < len(self.cards):
            self.card_index = target
            self._mark_current()
        elif 0 <= self.group_index + step < len(self.groups):
            self.card_index = 0 if step > 0 else 10_000
            self._go_group(self.group_index + step)

    def move_indicator(self, step: int) -> None:
        """The next or previous section: the indicators, then the general photos and the
        overall comment (综合意见), so the keyboard reaches every section."""
        sections = len(self.groups)
        current = self.indicators.currentItem()
        value = current.data(0, INDICATOR_ROLE) if current is not None else None
        position = sections if value == GENERAL else sections + 1 if value == OVERALL \
            else self.group_index
        target = position + step
        if not 0 <= target <= sections + 1:
            return
        if target < sections:
            self.card_index = 0
            self._go_group(target)
            return
        item = self.indicators.general_item() if target == sections \
            else self.indicators.overall_item()
        if item is not None:
            self.indicators.setCurrentItem(item)

    def _go_group(self, index: int) -> None:
        self.group_index = index
        item = self.indicators.item_for_group(index)
        if item is not None:
            self.indicators.setCurrentItem(item)

    def go_to_criterion(self, criterion_id: str) -> None:
        for index, (_level2, criteria) in enumerate(self.groups):
            for position, criterion in enumerate(criteria):
                if criterion.id == criterion_id:
                    self.card_index = position
                    self._go_group(index)
                    self._mark_current()
                    return

    def _card_activated(self, criterion_id: str) -> None:
        for index, card in enumerate(self.cards):
            if card.criterion.id == criterion_id and index != self.card_index:
                self.card_index = index
                for other, each in enumerate(self.cards):
                    each.set_current(other == index)

    # ------------------------------------------------------------------ actions

    def rate_current(self, number: int) -> None:
        card = self.current_card()
        if card is not None:
            card.rate_by_number(number)

    def focus_note(self) -> None:
        card = self.current_card()
        if card is not None:
            card.note.setFocus()

    def request_photos(self) -> None:
        if self.data is None or self.data.completed:
            return
        card = self.current_card()
        criterion_id = card.criterion.id if card else None
        self.add_photos_requested.emit(criterion_id)
        strip = self.strips.get(criterion_id)
        if strip is not None:
            strip.choose_files()

    def _photo_strip(self, criterion_id: str | None) -> QWidget:
        from inspector.ui.photo_strip import PhotoStrip

        assert self.data is not None
        targets: list[tuple[str | None, str]] = [(None, self.tr("General photos of the visit"))]
        for _level2, criteria in self.groups:
            for criterion in criteria:
                text = criterion.text.get(self.language)
                targets.append((criterion.id, f"{self.numbers[criterion.id]} {text[:40]}"))
        strip = PhotoStrip(self.worker, self.context, self.data.inspection_id, criterion_id,
                           self.data.completed, targets=targets)
        self.strips[criterion_id] = strip
        strip.changed.connect(functools.partial(self._photos_changed, strip))
        return strip

    def _photos_changed(self, source: PhotoStrip) -> None:
        """Photos were added, moved or removed: the other strips shown and the count follow."""
        for strip in self.strips.values():
            if strip is not source:
                strip.reload()
        if self.data is not None:
            context, inspection_id = self.context, self.data.inspection_id
            handle = self.worker.submit(
                lambda _c: api.photos.photo_count(context, inspection_id, None), "count")
            handle.finished.connect(self._count_general)

    def _count_general(self, count: int) -> None:
        if self.data is not None:
            self.data.photo_counts[None] = count
            self._update_progress()

    def _rated(self, criterion_id: str, rating: str) -> None:
        if self.data is None:
            return
        self.ratings[criterion_id] = rating
        self.data.answers[criterion_id] = Answer(
            rating, self.data.answers.get(criterion_id, Answer(None, "")).note)
        self.saver.save_rating(self.data.inspection_id, criterion_id, rating)
        self._update_progress()

    def _note_changed(self, criterion_id: str, text: str) -> None:
        if self.data is None:
            return
        self.data.answers[criterion_id] = Answer(self.ratings.get(criterion_id), text)
        self.saver.save_note(self.data.inspection_id, criterion_id, text)

    def flush(self) -> None:
        """Save any note still being typed (before leaving the page or finishing)."""
        if self.overall_comment is not None:
            self.overall_comment.flush()
        for card in self.cards:
            card.flush_note()

    def details_dialog(self) -> InspectionDetailsDialog | None:
        """The details of a draft, to change (None for a completed inspection)."""
        from inspector.ui.details_dialog import InspectionDetailsDialog

        data = self.data
        if data is None or data.completed:
            return None
        return InspectionDetailsDialog(data.site_name, data.visit_date, data.inspectors,
                                       data.site_staff, self)

    def edit_details(self) -> None:
        dialog = self.details_dialog()
        if dialog is None:
            return
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.apply_details(dialog)
        elif dialog.delete_chosen and self.data is not None:
            self.delete_requested.emit(self.data.inspection_id)

    def apply_details(self, dialog: InspectionDetailsDialog) -> JobHandle | None:
        """Show the new details at once and autosave them (a failure reloads what is stored)."""
        if self.data is None or self.data.completed:
            return None
        visit_date, inspectors, site_staff = dialog.values()
        self.data = dataclasses.replace(self.data, visit_date=visit_date,
                                        inspectors=inspectors, site_staff=site_staff)
        self._fill_header()
        return self.saver.save_details(self.data.inspection_id, visit_date, inspectors,
                                       site_staff)

    def _save_status(self, status: str) -> None:
        texts = {"saving": self.tr("Saving…"), "saved": self.tr("All changes saved"),
                 "failed": self.tr("Not saved!"),
                 "waiting": self.tr("Waiting for the database…")}
        self.save_label.setText(texts.get(status, ""))

    def _back(self) -> None:
        self.flush()
        self.back_requested.emit()

    def _save_failed(self, exc: BaseException) -> None:
        self._failed(exc)
        self.reload()  # show what is really stored

    def _failed(self, exc: BaseException) -> None:
        from inspector.ui.errors import show_error

        show_error(self, exc)
