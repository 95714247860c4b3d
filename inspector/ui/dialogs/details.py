"""Changing an inspection's details after it was started: date, inspectors, site staff.

The dialog also offers to delete the inspection (it is shown for inspections in
progress only): :attr:`delete_chosen` says so after it closes; the deleting,
with its confirmation, is the caller's.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from inspector.services import text_limits


class InspectionDetailsDialog(QDialog):
    """Filled with the current details; OK hands the new ones to the page, which autosaves."""

    def __init__(self, site_name: str, visit_date: date, inspectors: str, site_staff: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Inspection details"))
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<b>{site_name}</b>"))
        form = QFormLayout()
        self.visit_date = QDateEdit(QDate(visit_date.year, visit_date.month, visit_date.day))
        self.visit_date.setCalendarPopup(True)
        self.visit_date.setDisplayFormat("yyyy-MM-dd")
        self.visit_date.setAccessibleName(self.tr("Date of the visit"))
        form.addRow(self.tr("&Date:"), self.visit_date)
        self.inspectors = QLineEdit(inspectors)
        self.inspectors.setMaxLength(text_limits.NAMES_MAX)
        self.inspectors.setAccessibleName(self.tr("Inspectors"))
        self.inspectors.setPlaceholderText(self.tr("Names, separated by 、"))
        form.addRow(self.tr("&Inspectors:"), self.inspectors)
        self.site_staff = QLineEdit(site_staff)
        self.site_staff.setMaxLength(text_limits.NAMES_MAX)
        self.site_staff.setAccessibleName(self.tr("Site staff present"))
        form.addRow(self.tr("Site staff &present:"), self.site_staff)
        layout.addLayout(form)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #a15c00;")
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.delete_chosen = False
        self.delete_button = buttons.addButton(self.tr("De&lete this inspection in progress…"),
                                               QDialogButtonBox.ButtonRole.DestructiveRole)
        self.delete_button.setAutoDefault(False)
        self.delete_button.clicked.connect(self._delete)
        buttons.accepted.connect(self._accept_if_complete)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        # Enter is OK (set once the button is inside the dialog: set earlier, Qt would make
        # the dialog's first button the default when it is shown).
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setDefault(True)
        self.inspectors.setFocus()

    def _delete(self) -> None:
        """Close without changing anything; the caller asks before deleting."""
        self.delete_chosen = True
        self.reject()

    def _accept_if_complete(self) -> None:
        if not self.inspectors.text().strip():
            self.problem.setText(self.tr("Please enter who inspects."))
            self.inspectors.setFocus()
            return
        self.accept()

    def values(self) -> tuple[date, str, str]:
        """(visit date, inspectors, site staff), trimmed."""
        value = self.visit_date.date()
        return (date(value.year(), value.month(), value.day()),
                self.inspectors.text().strip(), self.site_staff.text().strip())
