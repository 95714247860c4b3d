"""A new assignment, at the office: which site, which inspectors, from when to when."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from inspector.services import text_limits


class AssignmentDialog(QDialog):
    """Site, inspectors and period of a new assignment."""

    def __init__(self, sites: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New assignment"))
        form = QFormLayout(self)
        self.site = QComboBox()
        self.site.setEditable(True)  # type to find a site by code or name
        for site_id, label in sites:
            self.site.addItem(label, site_id)
        self.inspectors = QLineEdit()
        self.inspectors.setMaxLength(text_limits.NAMES_MAX)
        self.inspectors.setPlaceholderText(self.tr("Names, separated by 、"))
        today = QDate.currentDate()
        self.start = QDateEdit(today)
        self.end = QDateEdit(today.addDays(30))
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.note = QLineEdit()
        self.note.setMaxLength(text_limits.NOTE_MAX)
        form.addRow(self.tr("Site:"), self.site)
        form.addRow(self.tr("Inspectors:"), self.inspectors)
        form.addRow(self.tr("From:"), self.start)
        form.addRow(self.tr("To:"), self.end)
        form.addRow(self.tr("Note:"), self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                   QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> tuple[str, str, date, date, str]:
        return (str(self.site.currentData()), self.inspectors.text().strip(),
                self.start.date().toPython(), self.end.date().toPython(),  # type: ignore[return-value]
                self.note.text().strip())
