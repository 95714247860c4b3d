"""One criterion on the checklist page: its text, rating buttons, note and photos."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFocusEvent, QKeyEvent, QPalette, QTextCursor
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from inspector.domain.scoring import Answer
    from inspector.domain.templates import Criterion, RatingOption

from inspector.services.text_limits import NOTE_MAX

NOTE_DEBOUNCE_MS = 800
MISSING_COLOUR = QColor("#a15c00")  # a note that the rating needs and that is not written
COUNTER_FROM = 0.9  # the length of a note is shown from this share of its limit on


class NoteEdit(QPlainTextEdit):
    """A note field that says when it loses focus (the note is saved then at the latest).

    Esc says ``escaped``: the card takes the focus back, so that 1–4 rate again
    instead of typing digits into the note.

    Typing, pasting or dropping stops at ``max_chars`` (what the services accept):
    what would go beyond it is not inserted. A note stored longer than that
    (by an older version) is shown whole and may be shortened, but not
    lengthened; it is saved again once it fits (:meth:`fits`).
    """

    focus_lost = Signal()
    escaped = Signal()

    def __init__(self, parent: QWidget | None = None, max_chars: int = NOTE_MAX) -> None:
        super().__init__(parent)
        self.max_chars = max_chars
        self._length = 0
        self.textChanged.connect(self._keep_to_limit)

    def setPlainText(self, text: str) -> None:  # a stored note is shown whole
        self._length = len(text)
        super().setPlainText(text)

    def fits(self) -> bool:
        """Whether the note is within its limit, so that it can be saved."""
        return len(self.toPlainText()) <= self.max_chars

    def _keep_to_limit(self) -> None:
        text = self.toPlainText()
        over = min(len(text) - self.max_chars, len(text) - self._length)
        if over <= 0:
            self._length = len(text)
            return
        # Take back the characters just inserted before the cursor that do not fit
        # (Qt counts positions in UTF-16 units, Python in characters).
        cursor = self.textCursor()
        end = cursor.position()
        before = text.encode("utf-16-le")[:end * 2].decode("utf-16-le", errors="ignore")
        cut = before[-over:]
        cursor.setPosition(end - len(cut.encode("utf-16-le")) // 2)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()  # says textChanged again, now within the limit

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.focus_lost.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and event.modifiers() in (
                Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier):
            event.accept()
            self.escaped.emit()
            return
        super().keyPressEvent(event)


class DebouncedNote(NoteEdit):
    """A note that says ``edited(text)`` when typing pauses, on focus-out and on flush()."""

    edited = Signal(str)

    def __init__(self, text: str, read_only: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlainText(text)
        self.setReadOnly(read_only)
        self.setTabChangesFocus(True)
        self._saved = text
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(NOTE_DEBOUNCE_MS)
        self._timer.timeout.connect(self.flush)
        self.textChanged.connect(self._timer.start)
        self.focus_lost.connect(self.flush)

    def flush(self) -> None:
        self._timer.stop()
        text = self.toPlainText()
        if text != self._saved and not self.isReadOnly() and self.fits():
            self._saved = text
            self.edited.emit(text)

    def take(self) -> str:
        """The text to save now, with another change of the same record: as typed when it
        fits its limit (no ``edited`` for it afterwards), else as saved last."""
        self._timer.stop()
        if not self.isReadOnly() and self.fits():
            self._saved = self.toPlainText()
        return self._saved

    def replace_text(self, text: str) -> None:
        """Show ``text``, saved elsewhere already: no ``edited`` for it."""
        self._saved = text
        self.setPlainText(text)
        self._timer.stop()


def rating_text(option: RatingOption, language: str) -> str:
    return option.label.get(language)


class CriterionCard(QFrame):
    """Emits ``rated(criterion_id, rating_id)`` and ``note_changed(criterion_id, text)``."""

    rated = Signal(str, str)
    note_changed = Signal(str, str)
    activated = Signal(str)  # the user clicked or focused into this card

    def __init__(self, criterion: Criterion, number: str, scale: tuple[RatingOption, ...],
                 language: str, answer: Answer | None, previous: Answer | None,
                 read_only: bool, parent: QWidget | None = None,
                 review: tuple[str, str] | None = None) -> None:
        """``review``: the county office's comment on the criterion, by whom (a returned
        inspection), shown beside the rating buttons."""
        from inspector.services.inspections import needs_note

        super().__init__(parent)
        self.criterion = criterion
        self.scale = scale
        self.language = language
        # The ratings that need a note, by the rule completing an inspection applies.
        self.note_needed_for = {option.id: not option.counted
                                for option in scale if needs_note(option)}
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("criterionCard")
        self.setAccessibleName(QCoreApplication.translate("CriterionCard", "Criterion %1")
                               .replace("%1", number))
        layout = QVBoxLayout(self)
        self.text = QLabel(f"<b>{number}</b>　{criterion.text.get(language)}")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.text)
        if previous is not None and (previous.rating or previous.note):
            self.previous = QLabel(self._previous_text(previous))
            self.previous.setWordWrap(True)
            self.previous.setObjectName("previousAnswer")
            self.previous.setAccessibleName(self.tr("Previous visit"))
            layout.addWidget(self.previous)

        row = QHBoxLayout()
        self.buttons = QButtonGroup(self)
        self.buttons.setExclusive(True)
        self.rating_buttons: dict[str, QPushButton] = {}
        for index, option in enumerate(scale, start=1):
            button = QPushButton(f"{index} {rating_text(option, language)}")
            button.setCheckable(True)
            button.setStyleSheet(
                "QPushButton:checked { background: palette(highlight); "
                "color: palette(highlighted-text); font-weight: bold; }")
            button.setAccessibleName(rating_text(option, language))
            button.setToolTip(self.tr("Shortcut: %1").replace("%1", str(index)))
            button.setProperty("ratingId", option.id)
            self.buttons.addButton(button, index)
            self.rating_buttons[option.id] = button
            row.addWidget(button)
        self.review_comment: QLabel | None = None
        if review is not None:
            from inspector.ui.pages.checklist.returned import comment_label

            self.review_comment = comment_label(*review)
            row.addSpacing(12)
            row.addWidget(self.review_comment, 1)
        else:
            row.addStretch(1)
        self.buttons.idClicked.connect(self._button_clicked)
        layout.addLayout(row)

        self.note = NoteEdit()
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(self.note.fontMetrics().lineSpacing() * 3 + 16)
        self._plain_palette = QPalette(self.note.palette())
        layout.addWidget(self.note)
        self.counter = QLabel()  # the note's length, once it nears the limit
        self.counter.setObjectName("noteCounter")
        self.counter.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.counter.setVisible(False)
        layout.addWidget(self.counter)
        # A rating that needs a note says so inside the empty note field (its text and
        # an amber frame), never by a line of its own: the card keeps its height, so the
        # next card does not move under the mouse.
        self.missing_note = False
        self.photo_row = QVBoxLayout()  # the page puts the photo strip here
        layout.addLayout(self.photo_row)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(NOTE_DEBOUNCE_MS)
        self._timer.timeout.connect(self.flush_note)
        self._saved_note = answer.note if answer else ""
        if answer is not None:
            self.note.setPlainText(answer.note)
            if answer.rating in self.rating_buttons:
                self.rating_buttons[answer.rating].setChecked(True)
        self.note.textChanged.connect(self._timer.start)
        self.note.textChanged.connect(self._update_counter)
        self.note.textChanged.connect(self._update_warning)
        self.note.focus_lost.connect(self.flush_note)
        self.note.escaped.connect(self.leave_note)
        self.set_read_only(read_only)
        self._update_warning()
        self._update_counter()
        self.set_current(False)

    def _previous_text(self, previous: Answer) -> str:
        label = "—"
        if previous.rating:
            for option in self.scale:
                if option.id == previous.rating:
                    label = rating_text(option, self.language)
        text = self.tr("Last visit: %1").replace("%1", label)
        if previous.note:
            text += " · " + previous.note
        return text

    # ------------------------------------------------------------------ state

    def rating(self) -> str | None:
        button = self.buttons.checkedButton()
        return str(button.property("ratingId")) if button is not None else None

    def set_rating(self, rating_id: str) -> None:
        """Rate (as if the button was clicked): the page saves it."""
        button = self.rating_buttons.get(rating_id)
        if button is None or not button.isEnabled():
            return
        button.setChecked(True)
        self._update_warning()
        self.rated.emit(self.criterion.id, rating_id)

    def rate_by_number(self, number: int) -> None:
        if 1 <= number <= len(self.scale):
            self.set_rating(self.scale[number - 1].id)

    def _button_clicked(self, number: int) -> None:
        self._update_warning()
        self.rated.emit(self.criterion.id, self.scale[number - 1].id)
        self.activated.emit(self.criterion.id)

    def flush_note(self) -> None:
        """Save the note now if it changed (debounce ended, focus left, page closing)."""
        self._timer.stop()
        text = self.note.toPlainText()
        if text != self._saved_note and not self.note.isReadOnly() and self.note.fits():
            self._saved_note = text
            self.note_changed.emit(self.criterion.id, text)
        self._update_warning()

    def leave_note(self) -> None:
        """Out of the note (Esc), back to the criterion: 1–4 rate it again."""
        self.flush_note()
        checked = self.buttons.checkedButton()
        target = checked if checked is not None and checked.isEnabled() else next(
            (b for b in self.rating_buttons.values() if b.isEnabled()), None)
        if target is not None:
            target.setFocus(Qt.FocusReason.ShortcutFocusReason)
        else:  # read-only: the card itself
            self.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def set_read_only(self, read_only: bool) -> None:
        """A completed inspection's card shows what was written, without editing hints."""
        for button in self.rating_buttons.values():
            button.setEnabled(not read_only)
        self.note.setReadOnly(read_only)
        # An empty note of a completed inspection says nothing: no empty box.
        self.note.setVisible(not (read_only and not self.note.toPlainText().strip()))
        self._update_warning()

    def set_current(self, current: bool) -> None:
        self.setProperty("current", current)
        # The same outer size either way (border + margin): the cards never move.
        self.setStyleSheet(
            "QFrame#criterionCard { border: 2px solid palette(highlight); border-radius: 4px; "
            "margin: 0px; }"
            if current else
            "QFrame#criterionCard { border: 1px solid palette(mid); border-radius: 4px; "
            "margin: 1px; }")

    def _update_counter(self) -> None:
        length, limit = len(self.note.toPlainText()), self.note.max_chars
        near = length >= limit * COUNTER_FROM and not self.note.isReadOnly()
        self.counter.setVisible(near)
        if near:
            text = (self.tr("%1 / %2 characters") if length <= limit else self.tr(
                "%1 / %2 characters: shorten the note, it is saved once it fits"))
            text = text.replace("%1", f"{length:,}").replace("%2", f"{limit:,}")
            self.counter.setText(text)
            self.counter.setStyleSheet("color: #a15c00;" if length >= limit else "")
            self.note.setAccessibleDescription(text)

    def _update_warning(self) -> None:
        """Say in the note field whether the rating needs a note that is not written yet."""
        rating = self.rating()
        read_only = self.note.isReadOnly()
        missing = (not read_only and rating in self.note_needed_for
                   and not self.note.toPlainText().strip())
        if read_only:
            hint = ""
        elif not missing:
            hint = self.tr("Note: what was seen, what is missing (F2)")
        elif self.note_needed_for[rating or ""]:  # a rating that is not counted
            hint = self.tr("This rating needs a note saying why the criterion does not apply "
                           "here (F2)")
        else:
            hint = self.tr("This rating needs a note saying what is missing (F2)")
        self.note.setPlaceholderText(hint)
        self.note.setAccessibleDescription(hint if missing else "")
        if missing != self.missing_note:
            self.missing_note = missing
            self.note.setStyleSheet(
                f"QPlainTextEdit {{ border: 2px solid {MISSING_COLOUR.name()}; }}"
                if missing else "")
            palette = QPalette(self._plain_palette)  # after the style sheet, which resets it
            if missing:
                palette.setColor(QPalette.ColorRole.PlaceholderText, MISSING_COLOUR)
            self.note.setPalette(palette)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.activated.emit(self.criterion.id)
