"""The selected site's inspections (status and result), with Start and Open."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector.ui.site_tree import percent

if TYPE_CHECKING:
    from inspector.services.inspections import InspectionListing

ID_ROLE = Qt.ItemDataRole.UserRole
DATE_COLUMN, STATUS_COLUMN, RESULT_COLUMN, INSPECTORS_COLUMN = range(4)


class SiteHistory(QWidget):
    start_requested = Signal()
    open_requested = Signal(str)  # inspection id
    inspection_selected = Signal(object)  # inspection id or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.listings: list[InspectionListing] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("<b>Inspections of this site</b>")))
        self.list = QTreeWidget()
        self.list.setAccessibleName(self.tr("Inspections of this site"))
        self.list.setHeaderLabels([self.tr("Date"), self.tr("Status"), self.tr("Result"),
                                   self.tr("Inspectors")])
        self.list.setRootIsDecorated(False)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.list.header()
        header.setStretchLastSection(True)
        header.setMinimumSectionSize(40)
        for column in (DATE_COLUMN, STATUS_COLUMN, RESULT_COLUMN):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        # The inspectors' names take whatever width is left, elided, with a tooltip.
        header.setSectionResizeMode(INSPECTORS_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.list.currentItemChanged.connect(
            lambda item, _previous: self.inspection_selected.emit(
                str(item.data(0, ID_ROLE)) if item else None))
        self.list.itemActivated.connect(lambda item, _c: self.open_requested.emit(
            str(item.data(0, ID_ROLE))))
        layout.addWidget(self.list)
        row = QHBoxLayout()
        self.start_button = QPushButton(self.tr("&Start inspection…"))
        self.start_button.setAccessibleName(self.tr("Start an inspection of this site"))
        self.start_button.clicked.connect(lambda: self.start_requested.emit())
        self.open_button = QPushButton(self.tr("&Open"))
        self.open_button.setAccessibleName(self.tr("Open the selected inspection"))
        self.open_button.clicked.connect(self._open_selected)
        row.addWidget(self.start_button)
        row.addWidget(self.open_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.set_listings([])

    def set_listings(self, listings: list[InspectionListing]) -> None:
        self.listings = listings
        self.list.clear()
        for listing in listings:
            status = self.tr("completed") if listing.status == "completed" else self.tr(
                "in progress")
            item = QTreeWidgetItem([listing.visit_date.isoformat(), status,
                                    percent(listing.score), listing.inspectors])
            item.setData(0, ID_ROLE, listing.id)
            item.setToolTip(INSPECTORS_COLUMN, listing.inspectors)
            item.setTextAlignment(RESULT_COLUMN, Qt.AlignmentFlag.AlignRight
                                  | Qt.AlignmentFlag.AlignVCenter)
            self.list.addTopLevelItem(item)
        first = self.list.topLevelItem(0)
        if first is not None:
            self.list.setCurrentItem(first)
        self.open_button.setEnabled(bool(listings))

    def draft(self) -> InspectionListing | None:
        return next((item for item in self.listings if item.status == "draft"), None)

    def _open_selected(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.open_requested.emit(str(item.data(0, ID_ROLE)))
