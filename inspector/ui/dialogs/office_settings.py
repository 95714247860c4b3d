"""The office's settings its letters print: the issuing body, how letters are numbered and
how many days a letter gives by default. Kept in the data, the same for every clerk."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from inspector.services import text_limits
from inspector.ui.dialogs.parts import CheckedOk


class OfficeSettingsDialog(CheckedOk, QDialog):
    """Filled with the settings as they are; OK gives :meth:`values` (issuer, prefix, days)."""

    def __init__(self, issuer: str, number_prefix: str, deadline_days: int, today: date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        self.setWindowTitle(self.tr("Office settings"))
        self.setMinimumWidth(500)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("What the feedback letters print. The settings are kept with the "
                               "data, so every clerk of the office uses the same."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        limit = text_limits.LETTER_FIELD.max_chars
        self.issuer = QLineEdit(issuer)
        self.issuer.setMaxLength(limit)
        self.issuer.setAccessibleName(self.tr("Issuing body"))
        form.addRow(self.tr("&Issuing body:"), self.issuer)
        self.prefix = QLineEdit(number_prefix)
        self.prefix.setMaxLength(limit)
        self.prefix.setAccessibleName(self.tr("Number prefix"))
        form.addRow(self.tr("Number &prefix:"), self.prefix)
        self.example = QLabel()
        self.example.setAccessibleName(self.tr("Example number"))
        form.addRow(self.tr("Numbers read:"), self.example)
        self.days = QSpinBox()
        self.days.setRange(1, 366)
        self.days.setValue(deadline_days)
        self.days.setSuffix(self.tr(" days"))
        self.days.setAccessibleName(self.tr("Days to rectify"))
        form.addRow(self.tr("&Deadline after issuing:"), self.days)
        layout.addLayout(form)
        self.add_problem_and_buttons(layout)
        self.prefix.textChanged.connect(lambda _t: self._show_example())
        self._show_example()
        self.issuer.setFocus()

    def _show_example(self) -> None:
        from inspector.services.office_settings import letter_number

        self.example.setText(letter_number(self.prefix.text().strip(), self.today.year, 1))

    def problem_text(self) -> str:
        if not self.issuer.text().strip():
            return self.tr("Please enter the issuing body.")
        return ""

    def field_to_fix(self) -> QWidget | None:
        return self.issuer

    def values(self) -> tuple[str, str, int]:
        return self.issuer.text().strip(), self.prefix.text().strip(), self.days.value()
