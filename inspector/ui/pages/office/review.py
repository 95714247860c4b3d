"""The Review tab (审核): the inspections received, filtered by where they stand in review
(awaiting review by default); Enter or a double-click opens one (:mod:`.review_detail`),
and Approve… or Return… record the office's decision after asking in
:class:`~inspector.ui.dialogs.review_decision.ReviewDecisionDialog`.

A step the loop refuses (approving twice, returning an approved inspection) is shown by the
operations' failure display and changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from inspector.domain.supervision import ReviewState
from inspector.services import api
from inspector.ui.core.operations import Change, Operations
from inspector.ui.dialogs.review_decision import ReviewDecisionDialog
from inspector.ui.pages.office.review_detail import ReviewDetail, criterion_lines, heading_text
from inspector.ui.pages.office.table import fill, read_only, select_key, selected_key
from inspector.ui.pages.office.words import review_state_name, yes_no

if TYPE_CHECKING:
    from inspector.services.api.inspections import ChecklistData
    from inspector.services.api.office import Approved
    from inspector.services.context import AppContext
    from inspector.services.review import ReviewEntry
    from inspector.ui.core.worker import JobHandle

#: The filter's choices, in order: the states each shows (None: every one).
FILTERS: tuple[frozenset[ReviewState] | None, ...] = (
    frozenset({ReviewState.AWAITING}), frozenset({ReviewState.RETURNED}),
    frozenset({ReviewState.APPROVED}), None)


class ReviewTab(QWidget):
    """``inspection_requested(id)``: open the inspection on the checklist page."""

    inspection_requested = Signal(str)
    queue_loaded = Signal(object)  # list[ReviewEntry]
    decided = Signal(str)  # the inspection, once approved or returned

    def __init__(self, ops: Operations, actor: Callable[[], str],
                 language: Callable[[], str] = lambda: "zh",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.actor = actor
        self.language = language
        self.context: AppContext | None = None
        self.entries: dict[str, ReviewEntry] = {}
        self._loads = 0
        layout = QVBoxLayout(self)
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.outcome.setVisible(False)
        layout.addWidget(self.outcome)
        self.stack = QStackedWidget()
        self.stack.addWidget(self._list_page())
        self.detail = ReviewDetail(ops)
        self.detail.back_requested.connect(self.show_list)
        self.detail.open_requested.connect(self.inspection_requested)
        self.detail.approve_requested.connect(self.approve)
        self.detail.return_requested.connect(self.return_inspection)
        self.stack.addWidget(self.detail)
        layout.addWidget(self.stack, 1)

    def _list_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.filter = QComboBox()
        self.filter.setAccessibleName(self.tr("Which inspections"))
        for text in (self.tr("Awaiting review"), self.tr("Returned"), self.tr("Approved"),
                     self.tr("All received")):
            self.filter.addItem(text)
        self.filter.currentIndexChanged.connect(lambda _i: self.refresh())
        label = QLabel(self.tr("Stat&e:"))
        label.setBuddy(self.filter)
        row.addWidget(label)
        row.addWidget(self.filter)
        self.count = QLabel()
        row.addWidget(self.count, 1)
        column.addLayout(row)
        self.table = read_only(QTableWidget(), [
            self.tr("Site"), self.tr("Visit date"), self.tr("Inspectors"), self.tr("State"),
            self.tr("Times returned"), self.tr("Re-inspection")], self.tr("Inspections received"))
        self.table.activated.connect(lambda _index: self.open_detail())
        self.table.itemSelectionChanged.connect(self._selection_changed)
        column.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.open_button = QPushButton(self.tr("&Open"))
        self.open_button.setToolTip(self.tr("Its criteria, ratings and history (Enter)"))
        self.open_button.clicked.connect(lambda: self.open_detail())
        self.approve_button = QPushButton(self.tr("&Approve…"))
        self.approve_button.clicked.connect(lambda: self.approve())
        self.return_button = QPushButton(self.tr("Re&turn…"))
        self.return_button.clicked.connect(lambda: self.return_inspection())
        for button in (self.open_button, self.approve_button, self.return_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        self._selection_changed()
        return page

    def set_context(self, context: AppContext | None) -> None:
        self.context = context

    def refresh(self) -> JobHandle | None:
        context = self.context
        if context is None:
            return None
        states = FILTERS[max(self.filter.currentIndex(), 0)]
        self._loads += 1
        load = self._loads
        handle = self.ops.read(self, lambda _c: api.office.review_queue(context, states),
                               "review queue") \
            .on_success(lambda entries: self._loaded(load, entries)).start()
        self.reload_detail()
        return handle

    def reload_detail(self) -> None:
        """The inspection open in the detail, read again (its state or history changed)."""
        current = self.detail.file
        if self.stack.currentWidget() is self.detail and current is not None and \
                self.context is not None:
            context, inspection_id = self.context, current.entry.inspection_id
            self.ops.read(self, lambda _c: next(
                (e for e in api.office.review_queue(context) if e.inspection_id == inspection_id),
                None), "review entry") \
                .on_success(lambda entry: entry is not None and self.detail.show_entry(
                    context, entry, self.language())).start()

    def _loaded(self, load: int, entries: list[ReviewEntry]) -> None:
        if load != self._loads:  # a later read, for a later filter or change, is coming
            return
        self.entries = {e.inspection_id: e for e in entries}
        fill(self.table, [(e.inspection_id, [
            e.site_name, e.visit_date.isoformat(), e.inspectors, review_state_name(e.state),
            str(e.returns), yes_no(e.is_reinspection)]) for e in entries])
        self.count.setText(self.tr("%n inspection(s)", "", len(entries)))
        self._selection_changed()
        self.queue_loaded.emit(entries)

    def _selection_changed(self) -> None:
        entry = self.entries.get(selected_key(self.table) or "")
        self.open_button.setEnabled(entry is not None)
        awaiting = entry is not None and entry.state is ReviewState.AWAITING
        self.approve_button.setEnabled(awaiting)
        self.return_button.setEnabled(awaiting)

    def show_filter(self, index: int) -> None:
        """Show the inspections of the filter's ``index`` choice, the list in view."""
        self.show_list()
        self.filter.setCurrentIndex(index)

    # ------------------------------------------------------------------ detail

    def open_detail(self, inspection_id: str | None = None) -> JobHandle | None:
        inspection_id = inspection_id or selected_key(self.table)
        entry = self.entries.get(inspection_id or "")
        if entry is None or self.context is None:
            return None
        self.stack.setCurrentWidget(self.detail)
        self.detail.back_button.setFocus()
        return self.detail.show_entry(self.context, entry, self.language())

    def show_list(self) -> None:
        self.stack.setCurrentIndex(0)
        current = self.detail.inspection_id
        if current is not None:
            select_key(self.table, current)
        self.table.setFocus()

    # ------------------------------------------------------------------ decisions

    def _entry(self, inspection_id: str | None) -> ReviewEntry | None:
        inspection_id = inspection_id or (self.detail.inspection_id
                                          if self.stack.currentWidget() is self.detail
                                          else selected_key(self.table))
        if inspection_id is None:
            return None
        shown = self.detail.file
        if shown is not None and shown.entry.inspection_id == inspection_id:
            return shown.entry
        return self.entries.get(inspection_id)

    def approve(self, inspection_id: str | None = None) -> JobHandle | None:
        return self._decide(self._entry(inspection_id), returning=False)

    def return_inspection(self, inspection_id: str | None = None) -> JobHandle | None:
        return self._decide(self._entry(inspection_id), returning=True)

    def _decide(self, entry: ReviewEntry | None, returning: bool) -> JobHandle | None:
        """Read the inspection's criteria, then ask in the dialog and record the answer."""
        context = self.context
        if entry is None or context is None:
            return None
        inspection_id = entry.inspection_id
        return self.ops.read(self, lambda _c: api.inspections.load_checklist(
            context, inspection_id), "review criteria") \
            .on_success(lambda data: self._ask(context, entry, data, returning)).start()

    def _ask(self, context: AppContext, entry: ReviewEntry, data: ChecklistData,
             returning: bool) -> None:
        lines = criterion_lines(data, self.language())
        dialog = ReviewDecisionDialog(returning, heading_text(entry), self.actor(), lines,
                                      sum(1 for line in lines if line.finding),
                                      entry.is_reinspection, self)
        accepted = dialog.exec()
        reviewer, comment, per_criterion = dialog.values()
        dialog.deleteLater()
        if not accepted:
            return
        inspection_id = entry.inspection_id
        if returning:
            self.ops.write(self, lambda _c: api.office.return_inspection(
                context, inspection_id, reviewer, comment, per_criterion), "return inspection",
                changes=Change.INSPECTION, inspection_id=inspection_id) \
                .error_title(self.tr("Not returned")) \
                .on_success(lambda _id: self._returned(entry, len(per_criterion))).start()
        else:
            self.ops.write(self, lambda _c: api.office.approve(
                context, inspection_id, reviewer, comment), "approve inspection",
                changes=Change.INSPECTION, inspection_id=inspection_id) \
                .error_title(self.tr("Not approved")) \
                .on_success(lambda approved: self._approved(entry, approved)).start()

    def _returned(self, entry: ReviewEntry, commented: int) -> None:
        self.say(self.tr("Returned to the inspector: %1, with comments on %n criterion(s). It "
                         "travels to the laptop with the next assignment bundle.", "", commented)
                 .replace("%1", heading_text(entry)))
        self.decided.emit(entry.inspection_id)

    def _approved(self, entry: ReviewEntry, approved: Approved) -> None:
        text = self.tr("Approved: %1.").replace("%1", heading_text(entry))
        if approved.letter is not None:
            text += " " + self.tr("A feedback letter was drafted with %n item(s); see the "
                                  "letters and items.", "", len(approved.letter.items))
        elif entry.is_reinspection:
            text += " " + self.tr("The re-inspection's verdicts were applied to their items.")
            if approved.conflicts:
                text += " " + self.tr("%n item(s) had been closed or dropped meanwhile: kept as "
                                      "conflicts for you to settle.", "",
                                      len(approved.conflicts))
        else:
            text += " " + self.tr("Nothing was found wanting: no letter is needed.")
        self.say(text)
        self.decided.emit(entry.inspection_id)

    def say(self, text: str) -> None:
        """What the last decision did, above the list."""
        self.outcome.setText(text)
        self.outcome.setVisible(bool(text))
