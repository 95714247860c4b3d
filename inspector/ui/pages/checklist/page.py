"""The checklist page: the indicators with their progress, then the general photos and
the overall comment (综合意见), one section shown at a time. Where the keys (:mod:`.keys`)
lead is :class:`ChecklistNavigation`, what the user entered is :class:`Answers` (both
plain Python), the sections' widgets come from :mod:`.sections`, and every change is
saved at once by :class:`AutoSaver`.

An inspection the county office returned shows its comments (:mod:`.returned`); a
re-inspection shows its items to verify instead of the criteria
(:class:`~inspector.ui.pages.reinspection.view.ReinspectionView`)."""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector.domain.outline import Outline, outline
from inspector.services import api
from inspector.services.api import reinspection_reads
from inspector.services.api.inspections import ChecklistData
from inspector.services.api.reinspection_reads import LoadedInspection
from inspector.ui.core.operations import Change, Changed, Operations
from inspector.ui.core.worker import JobHandle
from inspector.ui.pages.checklist import sections
from inspector.ui.pages.checklist.answers import Answers
from inspector.ui.pages.checklist.autosave import AutoSaver, SaveStatus
from inspector.ui.pages.checklist.criterion_card import CriterionCard, DebouncedNote
from inspector.ui.pages.checklist.header import ChecklistHeader
from inspector.ui.pages.checklist.indicator_tree import IndicatorTree
from inspector.ui.pages.checklist.keys import install_keys, keys_text
from inspector.ui.pages.checklist.navigation import ChecklistNavigation, Place
from inspector.ui.pages.checklist.returned import ReturnedBanner
from inspector.ui.pages.reinspection.view import ReinspectionView

if TYPE_CHECKING:
    from datetime import date

    from inspector.domain.templates import Criterion, Indicator2
    from inspector.services.context import AppContext
    from inspector.ui.widgets.photo_strip import PhotoStrip


class ChecklistPage(QWidget):
    """Shows one inspection; every change goes to :class:`AutoSaver` at once."""

    loaded = Signal()
    back_requested = Signal()
    finish_requested = Signal()
    reopen_requested = Signal()
    add_photos_requested = Signal(object)  # criterion id or None (general photos)
    details_requested = Signal()

    def __init__(self, ops: Operations, context: AppContext, language: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.context = context
        self.language = language
        self.saver = AutoSaver(ops, context, self)
        self.data: ChecklistData | None = None  # as loaded; never changed afterwards
        self.opened: LoadedInspection | None = None  # the same, with what the office sent
        self.answers: Answers | None = None  # what the user entered since: the one copy
        self.walk: Outline | None = None
        self.nav = ChecklistNavigation()
        self.numbers: dict[str, str] = {}
        self.cards: list[CriterionCard] = []
        self.photo_widget_factory: Callable[[str | None], QWidget] | None = self._photo_strip
        self.strips: dict[str | None, PhotoStrip] = {}
        self.overall_comment: DebouncedNote | None = None  # while its section is shown
        self._shown: int | None = None  # the section whose widgets are shown
        self._build()
        install_keys(self)
        self.saver.status_changed.connect(self._save_status)
        self.saver.failed.connect(self._save_failed)
        ops.changed.connect(self._data_changed)

    @property
    def groups(self) -> list[tuple[Indicator2, tuple[Criterion, ...]]]:
        """The indicators of the inspection's tier with their criteria, in order."""
        return [(s.indicator, s.criteria) for s in self.walk.sections] if self.walk else []

    @property
    def group_index(self) -> int:
        return self.nav.place.section

    @property
    def card_index(self) -> int:
        return self.nav.place.card

    # ------------------------------------------------------------------ layout

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.header = header = ChecklistHeader()
        layout.addWidget(header)
        self.back_button, self.title, self.details = (header.back_button, header.title,
                                                      header.details)
        self.progress, self.save_label = header.progress, header.save_label
        self.details_button, self.finish_button, self.reopen_button = (
            header.details_button, header.finish_button, header.reopen_button)
        self.back_button.clicked.connect(self._back)
        self.details_button.clicked.connect(lambda: self.details_requested.emit())
        self.finish_button.clicked.connect(lambda: self.finish_requested.emit())
        self.reopen_button.clicked.connect(lambda: self.reopen_requested.emit())
        self.returned_banner = ReturnedBanner()
        self.returned_banner.next_requested.connect(self.next_comment)
        layout.addWidget(self.returned_banner)

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
        self.body = QStackedWidget()  # the checklist, or a re-inspection's items
        self.body.addWidget(splitter)
        self.reinspection = ReinspectionView(self.ops, self.context, self.saver)
        self.reinspection.checked.connect(lambda _item: self._update_progress())
        self.body.addWidget(self.reinspection)
        layout.addWidget(self.body, 1)
        self.help = QLabel()
        self.help.setWordWrap(True)
        layout.addWidget(self.help)

    # ------------------------------------------------------------------ loading

    def open_inspection(self, inspection_id: str) -> JobHandle:
        context = self.context
        return self.ops.read(
            self, lambda _c: reinspection_reads.load_page(context, inspection_id),
            "load checklist").on_success(self.show_data).start()

    def reload(self) -> JobHandle | None:
        return self.open_inspection(self.data.inspection_id) if self.data else None

    def _data_changed(self, changed: Changed) -> None:
        """Another part of the window (finishing, reopening, a bundle's import) changed the
        inspection shown: show what is stored now. The page's own saves need nothing."""
        data = self.data
        if data is None or changed.origin is self or changed.inspection_id not in (
                None, data.inspection_id):
            return
        if changed.touches(Change.PHOTOS) and self.answers is not None:
            self._count_general()
        if changed.touches(Change.INSPECTION | Change.ANSWERS):
            self.reload()

    @property
    def is_reinspection(self) -> bool:
        """A re-inspection: its items are shown instead of the criteria."""
        return self.opened is not None and self.opened.is_reinspection

    def show_data(self, opened: LoadedInspection) -> None:
        data = opened.data
        same = self.data is not None and self.data.inspection_id == data.inspection_id
        self.data, self.opened = data, opened
        self.answers = Answers(data)
        self.walk = outline(data.template, data.tier)
        self.numbers = {criterion.id: f"{number}." for number, criterion in self.walk.numbered()}
        self.nav.set_outline(self.walk, keep=self.nav.place if same else Place(0))
        self._shown = None
        self._fill_header()
        self.indicators.fill(self.walk, self.language)
        self.returned_banner.show_comments(opened.comments)
        commented = set(opened.comments.criterion_comments) if opened.comments else set()
        self.indicators.mark_comments(commented)
        if commented and not same:  # a returned inspection opens at its first comment
            self.nav.locate(self.nav.next_of(commented, first=True) or "")
        self.body.setCurrentIndex(1 if opened.is_reinspection else 0)
        if opened.is_reinspection:
            self._clear_section()
            self.reinspection.show_page(opened, self.language)
        else:
            self.reinspection.clear()
            self._show_place()
        self._update_progress()
        self.help.setText(keys_text(opened.is_reinspection))
        self.finish_button.setVisible(not data.completed)
        self.details_button.setVisible(not data.completed)
        self.reopen_button.setVisible(data.completed)
        self.help.setVisible(not data.completed)  # the keys are for editing
        self._save_status(SaveStatus.SAVED if not data.completed else SaveStatus.NONE)
        self.loaded.emit()

    def _fill_header(self) -> None:
        assert self.data is not None
        items = len(self.opened.checks) if self.opened is not None else 0
        self.header.show_inspection(self.data, items, self.data.previous_date)

    def _update_progress(self) -> None:
        answers = self.answers
        if answers is None or self.walk is None:
            return
        if self.is_reinspection:
            self.header.show_checked(self.reinspection.checked_count(),
                                     len(self.reinspection.cards))
            self.progress.setVisible(self.data is not None and not self.data.completed)
            return
        self.indicators.update_progress(answers.rated(), answers.general_photos,
                                        answers.commented)
        criteria = [c.id for c in self.walk.criteria]
        self.progress.setText(self.tr("%1/%2 rated").replace(
            "%1", str(answers.count_rated(criteria))).replace("%2", str(len(criteria))))
        self.progress.setVisible(self.data is not None and not self.data.completed)

    # ------------------------------------------------------------------ navigation

    def _indicator_chosen(self, item: QTreeWidgetItem | None, _previous: object) -> None:
        """The indicator tree's choice (a click, the arrow keys, or a move made here)."""
        section = self.indicators.section_of(item, self.nav) if item is not None else None
        if section is None or self.data is None:
            return
        if section != self.nav.place.section:
            self.nav.go(section)
        self._show_section()

    def _show_place(self) -> None:
        """Select the current section in the tree and show it, its current card marked."""
        item = self.indicators.item_for_section(self.nav.place.section, self.nav)
        if item is not None and self.indicators.currentItem() is not item:
            self.indicators.setCurrentItem(item)  # shows it, through _indicator_chosen
        else:
            self._show_section()

    def _show_section(self) -> None:
        data, answers = self.data, self.answers
        assert data is not None and answers is not None and self.walk is not None
        section = self.nav.place.section
        if section != self._shown:
            self._clear_section()
            self._shown = section
            if section == self.nav.general:
                self.criteria_area.setWidget(sections.general_section(self.photo_widget_factory))
            elif section == self.nav.overall:
                widget, editor = sections.overall_section(answers.general_note, data.completed)
                editor.edited.connect(self._save_general_note)
                self.overall_comment = editor
                self.criteria_area.setWidget(widget)
                if not data.completed:
                    editor.setFocus()
            else:
                widget, self.cards = sections.criteria_section(
                    data, answers, self.walk.sections[section], self.numbers, self.language,
                    self.photo_widget_factory, self.opened.comments if self.opened else None)
                for card in self.cards:
                    card.rated.connect(self._rated)
                    card.note_changed.connect(self._note_changed)
                    card.activated.connect(self._card_activated)
                self.criteria_area.setWidget(widget)
        self._mark_current()

    def _clear_section(self) -> None:
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

    def show_overall_comment(self) -> None:
        """Go to the overall comment's section."""
        self.nav.go(self.nav.overall)
        self._show_place()

    def _mark_current(self) -> None:
        for index, card in enumerate(self.cards):
            card.set_current(index == self.card_index)
        current = self.current_card()
        if current is not None:
            self.criteria_area.ensureWidgetVisible(current)
            if not current.note.hasFocus():
                first = next(iter(current.rating_buttons.values()))
                first.setFocus() if first.isEnabled() else self.indicators.setFocus()

    def current_card(self) -> CriterionCard | None:
        return self.cards[self.card_index] if self.cards and self.card_index < len(
            self.cards) else None

    def move_criterion(self, step: int) -> None:
        if self.data is not None:
            self.nav.move_criterion(step)
            self._show_place()

    def move_indicator(self, step: int) -> None:
        """The next or previous section: the indicators, then the general photos and the
        overall comment (综合意见), so the keyboard reaches every section."""
        if self.data is not None:
            self.nav.move_section(step)
            self._show_place()

    def go_to_criterion(self, criterion_id: str) -> None:
        """The criterion's card (a re-inspection: its item's)."""
        if self.is_reinspection:
            self.reinspection.go_to(criterion_id)
        elif self.nav.locate(criterion_id) is not None:
            self._show_place()

    def next_comment(self) -> None:
        """The next criterion the county office commented on (a returned inspection)."""
        comments = self.opened.comments if self.opened is not None else None
        wanted = self.nav.next_of(set(comments.criterion_comments)) if comments else None
        if wanted is not None and not self.is_reinspection:
            self.go_to_criterion(wanted)

    def _card_activated(self, criterion_id: str) -> None:
        for index, card in enumerate(self.cards):
            if card.criterion.id == criterion_id and index != self.card_index:
                self.nav.choose_card(index)
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
        assert self.data is not None and self.walk is not None
        strip = sections.photo_strip(self.ops, self.context, self.data, self.walk, self.numbers,
                                     self.language, criterion_id)
        self.strips[criterion_id] = strip
        return strip

    def _count_general(self) -> None:
        """Photos changed: the general photos' count (the tree's mark) follows."""
        assert self.data is not None
        context, inspection_id = self.context, self.data.inspection_id
        self.ops.read(self, lambda _c: api.photos.photo_count(context, inspection_id, None),
                      "count").on_success(functools.partial(self._counted, inspection_id)) \
            .start()

    def _counted(self, inspection_id: str, count: int) -> None:
        if self.answers is not None and self.data is not None and \
                self.data.inspection_id == inspection_id:
            self.answers.general_photos = count
            self._update_progress()

    def _rated(self, criterion_id: str, rating: str) -> None:
        if self.data is None or self.answers is None:
            return
        self.answers.rate(criterion_id, rating)
        self.saver.save_rating(self.data.inspection_id, criterion_id, rating)
        self._update_progress()

    def _note_changed(self, criterion_id: str, text: str) -> None:
        if self.data is None or self.answers is None:
            return
        self.answers.write_note(criterion_id, text)
        self.saver.save_note(self.data.inspection_id, criterion_id, text)

    def _save_general_note(self, text: str) -> None:
        if self.data is not None and self.answers is not None:
            self.answers.general_note = text
            self.saver.save_general_note(self.data.inspection_id, text)
            self._update_progress()

    def set_general_note(self, text: str) -> None:
        """The overall comment as written elsewhere (the finish dialog): shown and saved."""
        if self.data is None or self.answers is None or self.data.completed or \
                text == self.answers.general_note:
            return
        if self.overall_comment is not None:
            self.overall_comment.replace_text(text)
        self._save_general_note(text)

    def flush(self) -> None:
        """Save any note still being typed (before leaving the page or finishing)."""
        if self.overall_comment is not None:
            self.overall_comment.flush()
        for card in self.cards:
            card.flush_note()
        self.reinspection.flush()

    def show_details(self, visit_date: date, inspectors: str, site_staff: str) -> None:
        """New details, being saved (the inspection controller's edit): in the header at
        once; the rest of the page stays as it is."""
        if self.data is not None:
            self.data = dataclasses.replace(self.data, visit_date=visit_date,
                                            inspectors=inspectors, site_staff=site_staff)
            self._fill_header()

    def _save_status(self, status: str) -> None:
        self.header.show_save_status(SaveStatus(status))

    def _back(self) -> None:
        self.flush()
        self.back_requested.emit()

    def _save_failed(self, exc: BaseException) -> None:
        self.ops.show_failure(self, exc)
        self.reload()  # show what is really stored
