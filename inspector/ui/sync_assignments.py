"""Assignments on the Sync screen: who visits which site when, and (at the office) adding one."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector.services import text_limits

if TYPE_CHECKING:
    from inspector.services.sync.assignments import AssignmentView


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


class AssignmentsPanel(QWidget):
    """The assignments; the office can add one (``add_requested`` carries the values)."""

    add_requested = Signal(object)  # (site id, inspectors, start, end, note)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sites: list[tuple[str, str]] = []
        layout = QVBoxLayout(self)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Site"), self.tr("Inspectors"), self.tr("Period"), self.tr("Note")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        self.add_button = QPushButton(self.tr("&New assignment…"))
        self.add_button.clicked.connect(self.ask_new)
        layout.addWidget(self.add_button)

    def show_assignments(self, items: list[AssignmentView], sites: list[tuple[str, str]],
                         office: bool) -> None:
        self.sites = sites
        self.add_button.setVisible(office)
        self.hint.setText(
            self.tr("Assignments travel to the laptops with the next assignment bundle, with "
                    "the last inspection of each assigned site (its open items).") if office
            else self.tr("Assignments from the county office (they arrive with its bundles)."))
        self.table.setRowCount(0)
        for item in items:
            row = self.table.rowCount()
            self.table.insertRow(row)
            values = [f"{item.site_code or ''} {item.site_name}".strip(), item.inspector_name,
                      f"{item.period_start} – {item.period_end}", item.note]
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))

    def ask_new(self) -> None:
        dialog = AssignmentDialog(self.sites, self)
        if dialog.exec():
            self.add_requested.emit(dialog.values())
