"""Ordering a re-inspection (复查) of a site: which of its open items to verify, who goes,
and in which period. It travels to the laptops as an assignment."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector.services import text_limits
from inspector.ui.dialogs.parts import CheckedOk, qdate

#: Days the re-inspection's period lasts unless the clerk changes it.
DEFAULT_PERIOD_DAYS = 14


class ReinspectionOrderDialog(CheckedOk, QDialog):
    """``items``: (item id, how the item reads in the list), every one checked at first.
    OK gives :meth:`values` (item ids, inspector, first day, last day)."""

    def __init__(self, site_name: str, items: list[tuple[str, str]], inspector: str,
                 today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Order a re-inspection"))
        self.setMinimumSize(560, 420)
        layout = QVBoxLayout(self)
        title = QLabel(f"<b>{site_name}</b>")
        title.setWordWrap(True)
        layout.addWidget(title)
        intro = QLabel(self.tr("The inspector verifies the items checked below on site; the "
                               "order reaches the laptop with the next assignment bundle."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.items = QListWidget()
        self.items.setAccessibleName(self.tr("Items to verify"))
        self.items.setWordWrap(True)
        for item_id, label in items:
            entry = QListWidgetItem(label)
            entry.setToolTip(label)
            entry.setData(Qt.ItemDataRole.UserRole, item_id)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Checked)
            self.items.addItem(entry)
        layout.addWidget(self.items, 1)
        form = QFormLayout()
        self.inspector = QLineEdit(inspector)
        self.inspector.setMaxLength(text_limits.NAMES_MAX)
        self.inspector.setAccessibleName(self.tr("Inspector"))
        self.inspector.setPlaceholderText(self.tr("Who re-inspects"))
        form.addRow(self.tr("&Inspector:"), self.inspector)
        self.start = QDateEdit(qdate(today))
        self.end = QDateEdit(qdate(today + timedelta(days=DEFAULT_PERIOD_DAYS)))
        for edit, name in ((self.start, self.tr("First day")), (self.end, self.tr("Last day"))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setAccessibleName(name)
        form.addRow(self.tr("&From:"), self.start)
        form.addRow(self.tr("&To:"), self.end)
        layout.addLayout(form)
        self.add_problem_and_buttons(layout, self.tr("&Order"))
        self.inspector.setFocus()

    def checked_ids(self) -> list[str]:
        return [str(self.items.item(i).data(Qt.ItemDataRole.UserRole))
                for i in range(self.items.count())
                if self.items.item(i).checkState() == Qt.CheckState.Checked]

    def problem_text(self) -> str:
        if not self.checked_ids():
            return self.tr("Check at least one item to verify.")
        if not self.inspector.text().strip():
            return self.tr("Please enter who re-inspects.")
        if self.end.date() < self.start.date():
            return self.tr("The last day comes before the first.")
        return ""

    def values(self) -> tuple[list[str], str, date, date]:
        start, end = self.start.date().toPython(), self.end.date().toPython()
        assert isinstance(start, date) and isinstance(end, date)
        return self.checked_ids(), self.inspector.text().strip(), start, end
