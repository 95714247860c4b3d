"""One received inspection as the reviewer sees it: every criterion with its rating and note
(a re-inspection: every item with its verdict), the review history, and after a
resubmission what changed since the last return, those criteria tinted."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector.domain.outline import outline
from inspector.domain.supervision import ReviewState, is_finding
from inspector.services import api
from inspector.ui.dialogs.review_decision import CriterionLine
from inspector.ui.labels import local_time
from inspector.ui.pages.office.table import read_only, stretch
from inspector.ui.pages.office.words import decision_name, review_state_name

if TYPE_CHECKING:
    from inspector.domain.supervision import CriterionChange, Submission
    from inspector.services.api.inspections import ChecklistData
    from inspector.services.context import AppContext
    from inspector.services.reinspection import CheckView
    from inspector.services.review import ReviewEntry, ReviewRecord
    from inspector.ui.core.operations import Operations
    from inspector.ui.core.worker import JobHandle

#: The criteria changed since the last return.
CHANGED_TINT = QColor(255, 236, 179)


@dataclass(frozen=True)
class ReviewFile:
    """What the detail shows of one inspection, read at once."""

    entry: ReviewEntry
    data: ChecklistData
    history: list[ReviewRecord]
    changes: list[CriterionChange]
    checks: list[CheckView]


def read_file(context: AppContext, entry: ReviewEntry) -> ReviewFile:
    office = api.office
    inspection_id = entry.inspection_id
    return ReviewFile(entry, api.inspections.load_checklist(context, inspection_id),
                      office.review_history(context, inspection_id),
                      office.changes_since_return(context, inspection_id),
                      office.reinspection_checks(context, inspection_id)
                      if entry.is_reinspection else [])


def criterion_lines(data: ChecklistData, language: str) -> list[CriterionLine]:
    """The inspection's criteria in the order and with the numbers of its checklist."""
    lines = []
    for number, criterion in outline(data.template, data.tier).numbered():
        answer = data.answers.get(criterion.id)
        rating, note, finding = "", "", False
        if answer is not None:
            note = answer.note
            if answer.rating:
                option = data.template.rating(answer.rating)
                rating = option.label.get(language)
                finding = is_finding(option.score, option.counted)
        lines.append(CriterionLine(criterion.id, f"{number}.", criterion.text.get(language),
                                   rating, note, finding))
    return lines


def heading_text(entry: ReviewEntry) -> str:
    return f"{entry.site_name} · {entry.visit_date.isoformat()} · {entry.inspectors}"


class ReviewDetail(QWidget):
    """Asks, by signals, for the list again, the checklist page, or a decision."""

    back_requested = Signal()
    open_requested = Signal(str)  # an inspection id
    approve_requested = Signal(str)
    return_requested = Signal(str)
    loaded = Signal(object)  # ReviewFile

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.file: ReviewFile | None = None
        self.language = "zh"
        self._loads = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.back_button = QPushButton(self.tr("← &Back to the list"))
        self.back_button.clicked.connect(lambda: self.back_requested.emit())
        top.addWidget(self.back_button)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        top.addWidget(self.heading, 1)
        self.open_button = QPushButton(self.tr("&Open in the checklist"))
        self.open_tip = self.tr("The inspection as the inspector submitted it, with its photos "
                                "(a completed inspection cannot be edited)")
        self.open_button.setToolTip(self.open_tip)
        self.approve_button = QPushButton(self.tr("&Approve…"))
        self.return_button = QPushButton(self.tr("Re&turn…"))
        for button, signal in ((self.open_button, self.open_requested),
                               (self.approve_button, self.approve_requested),
                               (self.return_button, self.return_requested)):
            button.clicked.connect(lambda _c=False, s=signal: self._ask(s))
            top.addWidget(button)
        layout.addLayout(top)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        layout.addWidget(self.notice)
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.criteria = read_only(QTableWidget(), [
            self.tr("No."), self.tr("Criterion"), self.tr("Rating"), self.tr("Note")],
            self.tr("Criteria and ratings"))
        self.criteria.setWordWrap(True)
        stretch(self.criteria, (1, 3))
        splitter.addWidget(self.criteria)
        lower = QWidget()
        row = QHBoxLayout(lower)
        row.setContentsMargins(0, 0, 0, 0)
        history = QGroupBox(self.tr("Review history"))
        QVBoxLayout(history).addWidget(self._history_table())
        row.addWidget(history, 1)
        self.changes_box = QGroupBox(self.tr("Changed since the last return"))
        QVBoxLayout(self.changes_box).addWidget(self._changes_table())
        row.addWidget(self.changes_box, 1)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([3000, 1000])
        layout.addWidget(splitter, 1)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc: back to the list (the tables leave it to their parent)."""
        if event.key() == Qt.Key.Key_Escape:
            self.back_requested.emit()
            return
        super().keyPressEvent(event)

    def _history_table(self) -> QTableWidget:
        self.history = read_only(QTableWidget(), [
            self.tr("When"), self.tr("Decision"), self.tr("Reviewer"), self.tr("Comments")],
            self.tr("Review history"))
        self.history.setWordWrap(True)
        return self.history

    def _changes_table(self) -> QTableWidget:
        self.changes = read_only(QTableWidget(), [
            self.tr("No."), self.tr("Before"), self.tr("After")],
            self.tr("Changed since the last return"))
        self.changes.setWordWrap(True)
        stretch(self.changes, (1, 2))
        return self.changes

    def _ask(self, signal: Signal) -> None:
        if self.file is not None:
            signal.emit(self.file.entry.inspection_id)  # type: ignore[attr-defined]

    @property
    def inspection_id(self) -> str | None:
        return self.file.entry.inspection_id if self.file is not None else None

    # ------------------------------------------------------------------ loading

    def show_entry(self, context: AppContext, entry: ReviewEntry, language: str) -> JobHandle:
        self.language = language
        self._loads += 1
        load = self._loads
        self.heading.setText(heading_text(entry))
        return self.ops.read(self, lambda _c: read_file(context, entry), "review detail") \
            .on_success(lambda found: self._loaded(load, found)).start()

    def _loaded(self, load: int, found: ReviewFile) -> None:
        if load != self._loads:
            return
        self.file = found
        entry = found.entry
        awaiting = entry.state is ReviewState.AWAITING
        self.approve_button.setEnabled(awaiting)
        self.return_button.setEnabled(awaiting)
        # Only as it was submitted: one with its inspector is theirs to change, not ours.
        submitted = entry.state in (ReviewState.AWAITING, ReviewState.APPROVED)
        self.open_button.setEnabled(submitted)
        self.open_button.setToolTip(self.open_tip if submitted else self.tr(
            "It is with its inspector until it is sent back: see the review history"))
        self.heading.setText(f"<b>{heading_text(entry)}</b> · {review_state_name(entry.state)}")
        lines = criterion_lines(found.data, self.language)
        changed = {c.criterion_id for c in found.changes}
        if found.checks:
            self._show_checks(found.checks, lines)
        else:
            self._show_criteria(lines, changed)
        self._show_history(found.history, lines)
        self._show_changes(found.changes, lines)
        self.notice.setText(self.tr("%n criterion(s) changed since the last return: tinted "
                                    "below.", "", len(changed)) if changed else "")
        self.notice.setVisible(bool(changed))
        self.loaded.emit(found)

    def _show_criteria(self, lines: Sequence[CriterionLine], changed: set[str]) -> None:
        self.criteria.setHorizontalHeaderLabels([self.tr("No."), self.tr("Criterion"),
                                                 self.tr("Rating"), self.tr("Note")])
        _rows(self.criteria, [[line.number, line.text, line.rating, line.note]
                              for line in lines],
              tinted={row for row, line in enumerate(lines) if line.criterion_id in changed})

    def _show_checks(self, checks: Sequence[CheckView], lines: Sequence[CriterionLine]) -> None:
        """A re-inspection: each item verified, its original finding beside the verdict."""
        from inspector.domain.supervision import VERDICT_WORDS
        from inspector.ui.labels import in_ui_language

        self.criteria.setHorizontalHeaderLabels([self.tr("No."), self.tr("Original finding"),
                                                 self.tr("Verdict"), self.tr("Note")])
        numbers = {line.criterion_id: line.number for line in lines}
        _rows(self.criteria, [[
            numbers.get(c.criterion_id, ""), c.finding,
            in_ui_language(" / ".join(VERDICT_WORDS[c.verdict])) if c.verdict else "",
            c.note] for c in checks])

    def _show_history(self, history: Sequence[ReviewRecord],
                      lines: Sequence[CriterionLine]) -> None:
        numbers = {line.criterion_id: line.number for line in lines}
        rows = []
        for record in reversed(history):  # newest first
            parts = [record.comment] if record.comment else []
            parts += [f"{numbers.get(cid, cid)} {text}"
                      for cid, text in sorted(record.criterion_comments.items(),
                                              key=lambda kv: _number(numbers.get(kv[0], "")))]
            rows.append([local_time(str(record.at)), decision_name(record.decision),
                         record.reviewer, "\n".join(parts)])
        _rows(self.history, rows)
        if not rows:
            _rows(self.history, [["", self.tr("No decision yet"), "", ""]])

    def _show_changes(self, changes: Sequence[CriterionChange],
                      lines: Sequence[CriterionLine]) -> None:
        numbers = {line.criterion_id: line.number for line in lines}
        _rows(self.changes, [[numbers.get(c.criterion_id, ""), self.submission(c.before),
                              self.submission(c.after)]
                             for c in sorted(changes,
                                             key=lambda c: _number(numbers.get(c.criterion_id,
                                                                               "")))])
        self.changes_box.setVisible(bool(changes))

    def submission(self, value: Submission | None) -> str:
        """A criterion as submitted: its rating, its note, its photos."""
        if value is None or (value.rating is None and not value.note and not value.photos):
            return self.tr("(nothing)")
        rating = self.tr("not rated")
        if value.rating and self.file is not None:
            try:
                rating = self.file.data.template.rating(value.rating).label.get(self.language)
            except KeyError:
                rating = value.rating
        text = rating + (f"：{value.note}" if value.note else "")
        if value.photos:
            text += " · " + self.tr("%n photo(s)", "", value.photos)
        return text


def _number(text: str) -> int:
    digits = text.rstrip(".")
    return int(digits) if digits.isdigit() else 10**6


def _rows(table: QTableWidget, rows: Sequence[Sequence[str]],
          tinted: Collection[int] = ()) -> None:
    table.setRowCount(len(rows))
    for row, cells in enumerate(rows):
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if len(text) > 30:
                item.setToolTip(text)
            if row in tinted:
                item.setBackground(CHANGED_TINT)
            table.setItem(row, column, item)
    table.resizeRowsToContents()
