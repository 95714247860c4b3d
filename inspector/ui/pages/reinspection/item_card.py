"""One item of a re-inspection: on the left what the original inspection found (the
criterion, its rating, the inspector's note, the office's requirement and deadline, the
"before" photos), on the right the verdict (已整改 / 未整改), the note and the "after"
photos."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFocusEvent, QPalette
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector.domain.supervision import Verdict
from inspector.ui.pages.checklist.criterion_card import MISSING_COLOUR, DebouncedNote

if TYPE_CHECKING:
    from inspector.services.reinspection import CheckView

#: The verdicts in the order of their keys (1, 2).
VERDICTS = (Verdict.RECTIFIED, Verdict.NOT_RECTIFIED)
FINDING_BACKGROUND = "#f4f4f1"  # the original finding: the record, not this visit's work


@dataclass(frozen=True)
class Finding:
    """What the card says of the original finding, in the window's words."""

    number: str  # the criterion's number in the checklist, "3."
    criterion: str
    rating: str  # the rating's label, 不符合
    found_on: date | None  # the visit that found it


def _caption(text: str) -> QLabel:
    label = QLabel(f"<b>{text}</b>")
    label.setTextFormat(Qt.TextFormat.RichText)
    return label


class ReinspectionCard(QFrame):
    """Says ``checked(item id, verdict or None, note)`` when the verdict is chosen or the
    note has been typed (after a pause, on leaving the field, on :meth:`flush_note`);
    ``activated(item id)`` when clicked or focused into."""

    checked = Signal(str, object, str)
    activated = Signal(str)

    def __init__(self, check: CheckView, finding: Finding, read_only: bool,
                 before: QWidget | None, after: QWidget | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = check
        self.item_id = check.item_id
        self.verdict: Verdict | None = check.verdict
        self.read_only = read_only
        self.setObjectName("reinspectionCard")
        self.setAccessibleName(self.tr("Item %1").replace("%1", finding.number))
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        layout = QVBoxLayout(self)
        title = QLabel(f"<b>{finding.number}</b>　{finding.criterion}")
        title.setWordWrap(True)
        title.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(title)
        columns = QHBoxLayout()
        columns.addWidget(self._finding_box(check, finding, before), 1)
        columns.addSpacing(8)
        columns.addLayout(self._check_column(check, after), 1)
        layout.addLayout(columns)
        self._update_warning()
        self.set_current(False)

    # ------------------------------------------------------------------ layout

    def _finding_box(self, check: CheckView, finding: Finding, before: QWidget | None
                     ) -> QFrame:
        box = QFrame()
        box.setObjectName("originalFinding")
        box.setStyleSheet(f"QFrame#originalFinding {{ background: {FINDING_BACKGROUND}; "
                          f"border-radius: 4px; }}")
        box.setAccessibleName(self.tr("Original finding"))
        column = QVBoxLayout(box)
        heading = (self.tr("Found on %1: %2").replace("%1", finding.found_on.isoformat())
                   if finding.found_on else self.tr("Found: %2")).replace("%2", finding.rating)
        column.addWidget(_caption(heading))
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        grid.setHorizontalSpacing(8)
        rows = [(self.tr("Note"), check.finding or "—"),
                (self.tr("Requirement"), check.requirement or "—"),
                (self.tr("Deadline"), check.deadline.isoformat() if check.deadline else "—")]
        for row, (name, value) in enumerate(rows):
            key = QLabel(name)
            key.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            text = QLabel(value)
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            text.setAccessibleName(name)
            grid.addWidget(key, row, 0)
            grid.addWidget(text, row, 1)
        column.addLayout(grid)
        column.addWidget(QLabel(self.tr("Before:")))
        if before is not None and check.before_photo_ids:
            column.addWidget(before)
        else:
            column.addWidget(QLabel(self.tr("No photos were taken of it.")))
        column.addStretch(1)
        return box

    def _check_column(self, check: CheckView, after: QWidget | None) -> QVBoxLayout:
        column = QVBoxLayout()
        column.addWidget(_caption(self.tr("Re-inspection")))
        row = QHBoxLayout()
        self.buttons = QButtonGroup(self)
        self.buttons.setExclusive(True)
        self.verdict_buttons: dict[Verdict, QPushButton] = {}
        names = {Verdict.RECTIFIED: self.tr("Rectified"),
                 Verdict.NOT_RECTIFIED: self.tr("Not rectified")}
        for number, verdict in enumerate(VERDICTS, start=1):
            button = QPushButton(f"{number} {names[verdict]}")
            button.setCheckable(True)
            button.setStyleSheet(
                "QPushButton:checked { background: palette(highlight); "
                "color: palette(highlighted-text); font-weight: bold; }")
            button.setAccessibleName(names[verdict])
            button.setToolTip(self.tr("Shortcut: %1").replace("%1", str(number)))
            button.setEnabled(not self.read_only)
            self.buttons.addButton(button, number)
            self.verdict_buttons[verdict] = button
            row.addWidget(button)
        row.addStretch(1)
        if check.verdict is not None:
            self.verdict_buttons[check.verdict].setChecked(True)
        self.buttons.idClicked.connect(lambda number: self.set_verdict(VERDICTS[number - 1]))
        column.addLayout(row)
        self.note = DebouncedNote(check.note, self.read_only)
        self.note.setAccessibleName(self.tr("Note of the re-inspection"))
        self.note.setFixedHeight(self.note.fontMetrics().lineSpacing() * 3 + 16)
        self._plain_palette = QPalette(self.note.palette())
        self.missing_note = False
        self.note.edited.connect(self._note_edited)
        self.note.textChanged.connect(self._update_warning)
        self.note.escaped.connect(self.leave_note)
        self.note.installEventFilter(self)
        self.note.setVisible(not (self.read_only and not check.note.strip()))
        column.addWidget(self.note)
        column.addWidget(QLabel(self.tr("After:")))
        if after is not None:
            column.addWidget(after)
        column.addStretch(1)
        return column

    # ------------------------------------------------------------------ state

    def set_verdict(self, verdict: Verdict) -> None:
        """Choose the verdict (a click or its key): saved with the note as it stands."""
        if self.read_only:
            return
        self.verdict_buttons[verdict].setChecked(True)
        self.verdict = verdict
        self._update_warning()
        self.checked.emit(self.item_id, verdict, self.note.take())
        self.activated.emit(self.item_id)

    def verdict_by_number(self, number: int) -> None:
        if 1 <= number <= len(VERDICTS):
            self.set_verdict(VERDICTS[number - 1])

    def _note_edited(self, text: str) -> None:
        self._update_warning()
        self.checked.emit(self.item_id, self.verdict, text)

    def flush_note(self) -> None:
        """Save the note now if it changed (leaving the page, finishing, closing)."""
        self.note.flush()

    def leave_note(self) -> None:
        """Out of the note (Esc): the keys 1–2 give the verdict again."""
        self.note.flush()
        target = self.buttons.checkedButton() or self.verdict_buttons[VERDICTS[0]]
        if target.isEnabled():
            target.setFocus(Qt.FocusReason.ShortcutFocusReason)
        else:
            self.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def is_done(self) -> bool:
        """Whether completing would accept it: a verdict, and a note when not rectified."""
        return self.verdict is not None and not self._needs_note()

    def _needs_note(self) -> bool:
        return self.verdict is Verdict.NOT_RECTIFIED and not self.note.toPlainText().strip()

    def _update_warning(self) -> None:
        missing = not self.read_only and self._needs_note()
        hint = "" if self.read_only else (
            self.tr("Not rectified needs a note saying what is still missing (F2)") if missing
            else self.tr("Note: what was seen on site (F2)"))
        self.note.setPlaceholderText(hint)
        self.note.setAccessibleDescription(hint if missing else "")
        if missing != self.missing_note:
            self.missing_note = missing
            self.note.setStyleSheet(
                f"QPlainTextEdit {{ border: 2px solid {MISSING_COLOUR.name()}; }}"
                if missing else "")
            palette = QPalette(self._plain_palette)
            if missing:
                palette.setColor(QPalette.ColorRole.PlaceholderText, MISSING_COLOUR)
            self.note.setPalette(palette)

    def set_current(self, current: bool) -> None:
        self.setProperty("current", current)
        self.setStyleSheet(
            "QFrame#reinspectionCard { border: 2px solid palette(highlight); "
            "border-radius: 4px; margin: 0px; }"
            if current else
            "QFrame#reinspectionCard { border: 1px solid palette(mid); border-radius: 4px; "
            "margin: 1px; }")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.note and event.type() == QEvent.Type.FocusIn:
            self.activated.emit(self.item_id)
        return False

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.activated.emit(self.item_id)
