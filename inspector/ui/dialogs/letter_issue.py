"""Issuing a feedback letter (发出督导意见书): the deadline, who issues it, and the number it
will get. A deadline before today is refused here, before anything is sent to be saved."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from inspector.services import text_limits

# The office's item editor takes these two from here.
from inspector.ui.dialogs.parts import CheckedOk, qdate


class LetterIssueDialog(CheckedOk, QDialog):
    """OK gives :meth:`values` (deadline, issued by); the caller issues the letter."""

    def __init__(self, site_name: str, items: int, number: str, issuer: str,
                 deadline_days: int, issued_by: str, today: date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        self.setWindowTitle(self.tr("Issue the feedback letter"))
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        title = QLabel(f"<b>{site_name}</b>")
        title.setWordWrap(True)
        layout.addWidget(title)
        intro = QLabel(self.tr("Issuing numbers the letter and opens its %1 item(s) for "
                               "rectification; the letter can no longer be changed afterwards. "
                               "An item with a deadline of its own keeps it.")
                       .replace("%1", str(items)))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.number = QLabel(number)
        self.number.setAccessibleName(self.tr("Number the letter will get"))
        form.addRow(self.tr("Number:"), self.number)
        self.issuer = QLabel(issuer)
        self.issuer.setWordWrap(True)
        form.addRow(self.tr("Issuing body:"), self.issuer)
        self.deadline = QDateEdit(qdate(today + timedelta(days=deadline_days)))
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat("yyyy-MM-dd")
        self.deadline.setAccessibleName(self.tr("Rectification deadline"))
        form.addRow(self.tr("&Deadline:"), self.deadline)
        self.issued_by = QLineEdit(issued_by)
        self.issued_by.setMaxLength(text_limits.NAMES_MAX)
        self.issued_by.setAccessibleName(self.tr("Issued by"))
        self.issued_by.setPlaceholderText(self.tr("Your name"))
        form.addRow(self.tr("Issued &by:"), self.issued_by)
        layout.addLayout(form)
        self.add_problem_and_buttons(layout, self.tr("&Issue"))
        self.deadline.dateChanged.connect(lambda _d: self._check())
        self.issued_by.textChanged.connect(lambda _t: self._check())
        self._check()
        (self.deadline if issued_by.strip() else self.issued_by).setFocus()

    def problem_text(self) -> str:
        """What stops the letter from being issued as filled in ("" when nothing)."""
        deadline = self.deadline.date().toPython()
        if isinstance(deadline, date) and deadline < self.today:
            return self.tr("The deadline %1 is in the past: choose today or a later day.") \
                .replace("%1", deadline.isoformat())
        if not self.issued_by.text().strip():
            return self.tr("Please enter who issues the letter.")
        return ""

    def _check(self) -> None:
        self.ok_button.setEnabled(not self.show_problem())

    def values(self) -> tuple[date, str]:
        deadline = self.deadline.date().toPython()
        assert isinstance(deadline, date)
        return deadline, self.issued_by.text().strip()
