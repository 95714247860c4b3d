"""Pieces several dialogs share: the colour of a problem said in a dialog, a day as Qt holds
it, and two mixins for a QDialog (``class SomeDialog(CheckedOk, QDialog)``): :class:`CheckedOk`,
OK/Cancel whose OK closes the dialog only once nothing stops it, and :class:`NotFinishedList`,
the list of what keeps something from being completed with a way to each."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QBoxLayout,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    _Dialog = QDialog  # what the mixins are mixed into
else:
    _Dialog = object  # a mixin is not a dialog class of its own

# The colour of a problem said in a dialog (the same quiet brown as the other dialogs).
PROBLEM_STYLE = "color: #96401e;"


def qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


class CheckedOk(_Dialog):
    """A dialog ending in a problem line and OK/Cancel: OK (Enter) closes it only when
    :meth:`problem_text` says nothing, else the problem is said above the buttons and the
    dialog stays open. The dialog lays out its fields, then calls
    :meth:`add_problem_and_buttons`."""

    problem: QLabel
    ok_button: QPushButton

    def add_problem_and_buttons(self, layout: QBoxLayout, ok_text: str = "") -> None:
        """The problem line and OK/Cancel below ``layout``'s fields; ``ok_text`` names OK
        after what it does (kept "OK" when empty)."""
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(PROBLEM_STYLE)
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept_if_valid)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok_text:
            self.ok_button.setText(ok_text)
        # Enter is OK (set once the button is inside the dialog: set earlier, Qt would make
        # the dialog's first button the default when it is shown).
        self.ok_button.setDefault(True)

    def problem_text(self) -> str:
        """What stops the dialog from being accepted as filled in ("" when nothing)."""
        return ""

    def field_to_fix(self) -> QWidget | None:
        """The field to go to when OK is refused (None: the focus stays where it is)."""
        return None

    def show_problem(self) -> str:
        """Say what stops the dialog now (nothing when nothing does), and return it."""
        problem = self.problem_text()
        self.problem.setText(problem)
        return problem

    def _accept_if_valid(self) -> None:
        if not self.show_problem():
            self.accept()
            return
        field = self.field_to_fix()
        if field is not None:
            field.setFocus()


class NotFinishedList(_Dialog):
    """"Not finished yet": why something cannot be completed, one line for each problem,
    and "Go to" (or choosing a line), which closes the dialog on the line chosen:
    :meth:`chosen_criterion` is the criterion it is about."""

    list: QListWidget
    go_button: QPushButton

    def lay_out_not_finished(self, intro: str, lines: Iterable[tuple[str, str, str]],
                             list_name: str, go_text: str) -> None:
        """``intro`` above the ``lines`` (each: its text, its tool tip, its criterion's id);
        ``list_name`` and ``go_text`` name the list and the button in the words of what is
        being completed."""
        self.setWindowTitle(QCoreApplication.translate("MissingDialog", "Not finished yet"))
        layout = QVBoxLayout(self)
        explanation = QLabel(intro)
        explanation.setWordWrap(True)
        layout.addWidget(explanation)
        self.list = QListWidget()
        self.list.setAccessibleName(list_name)
        # Each line's full text, wrapped to the dialog's width (never cut off).
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setSpacing(2)
        for text, tip, criterion_id in lines:
            item = QListWidgetItem(text)
            item.setToolTip(tip)
            item.setData(Qt.ItemDataRole.UserRole, criterion_id)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _item: self.accept())
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.go_button = buttons.addButton(go_text, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.go_button.setDefault(True)  # once inside the dialog, else Qt picks the first button

    def chosen_criterion(self) -> str | None:
        item = self.list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None
