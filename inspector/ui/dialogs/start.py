"""Starting an inspection of a site: who inspects, when, who of the site is present, and,
when the county office asked for one, whether it is the site's re-inspection (复查)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from inspector.domain.values import InspectionStatus
from inspector.ui.labels import percent

if TYPE_CHECKING:
    from inspector.services.api.reinspection_reads import ReinspectionOrder
    from inspector.services.inspections import InspectionListing


class StartInspectionDialog(QDialog):
    """Who inspects (filled in with the names of the last inspection), when, who is present.

    Enter starts the inspection from any field; Start is refused, with a visible
    message, while no inspector is named.

    ``reinspections``: the site's re-inspections the county office assigned, offered
    first (the items to verify instead of the whole checklist); with ``only_reinspection``
    the dialog starts the first of them and offers nothing else.
    """

    def __init__(self, site_name: str, inspectors: str,
                 earlier: list[InspectionListing], parent: QWidget | None = None,
                 reinspections: Sequence[ReinspectionOrder] = (),
                 only_reinspection: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Start a re-inspection") if only_reinspection
                            else self.tr("Start an inspection"))
        layout = QVBoxLayout(self)
        title = QLabel(f"<b>{site_name}</b>")
        layout.addWidget(title)
        form = QFormLayout()
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("What to inspect"))
        for order in reinspections:
            self.kind.addItem(self.tr("Re-inspection of %n rectification item(s), assigned "
                                      "%1 – %2", "", order.items)
                              .replace("%1", order.period_start.isoformat())
                              .replace("%2", order.period_end.isoformat()), order.assignment_id)
            if only_reinspection:
                break
        if not only_reinspection:
            self.kind.addItem(self.tr("Inspection by the whole checklist"), None)
        form.addRow(self.tr("&What:"), self.kind)
        form.setRowVisible(self.kind, bool(reinspections) and not only_reinspection)
        if reinspections and only_reinspection:
            layout.addWidget(QLabel(self.kind.itemText(0)))
        self.inspectors = QLineEdit(inspectors)
        self.inspectors.setAccessibleName(self.tr("Inspectors"))
        self.inspectors.setPlaceholderText(self.tr("Names, separated by 、"))
        form.addRow(self.tr("&Inspectors:"), self.inspectors)
        self.visit_date = QDateEdit(QDate.currentDate())
        self.visit_date.setCalendarPopup(True)
        self.visit_date.setDisplayFormat("yyyy-MM-dd")
        self.visit_date.setAccessibleName(self.tr("Date of the visit"))
        form.addRow(self.tr("&Date:"), self.visit_date)
        self.site_staff = QLineEdit()
        self.site_staff.setAccessibleName(self.tr("Site staff present"))
        form.addRow(self.tr("Site staff &present:"), self.site_staff)
        self.revisit = QComboBox()
        self.revisit.setAccessibleName(self.tr("Revisit of"))
        self.revisit.addItem(self.tr("No, a first visit"), None)
        for listing in earlier:
            if listing.status == InspectionStatus.COMPLETED:
                self.revisit.addItem(self.tr("Revisit of %1 (%2)")
                                     .replace("%1", listing.visit_date.isoformat())
                                     .replace("%2", percent(listing.score)), listing.id)
        if self.revisit.count() > 1:
            self.revisit.setCurrentIndex(1)
        form.addRow(self.tr("&Revisit:"), self.revisit)
        self.kind.currentIndexChanged.connect(
            lambda _index: form.setRowVisible(self.revisit, self.chosen_reinspection() is None))
        form.setRowVisible(self.revisit, self.chosen_reinspection() is None)
        layout.addLayout(form)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #a15c00;")
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.start_button = buttons.addButton(self.tr("&Start"),
                                              QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self._accept_if_complete)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        # Enter starts (once the button is inside the dialog: set earlier, Qt would make the
        # first button of the dialog, Cancel, the default when the dialog is shown).
        self.start_button.setDefault(True)
        (self.site_staff if inspectors else self.inspectors).setFocus()

    def _accept_if_complete(self) -> None:
        if not self.inspectors.text().strip():
            self.problem.setText(self.tr("Please enter who inspects."))
            self.inspectors.setFocus()
            return
        self.accept()

    def chosen_date(self) -> date:
        value = self.visit_date.date()
        return date(value.year(), value.month(), value.day())

    def previous_id(self) -> str | None:
        value = self.revisit.currentData()
        return str(value) if value else None

    def chosen_reinspection(self) -> str | None:
        """The assignment of the re-inspection to start (None: an ordinary inspection)."""
        value = self.kind.currentData()
        return str(value) if value else None
