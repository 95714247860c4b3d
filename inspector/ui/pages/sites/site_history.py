"""The selected site's inspections (status and result), with Start, Open and Delete.

Delete is for an inspection in progress only (one started by mistake); the Delete
key on a selected one asks the same as the button.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
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

from inspector.domain.values import InspectionStatus
from inspector.ui.labels import percent, status_name

if TYPE_CHECKING:
    from inspector.services.inspections import InspectionListing

ID_ROLE = Qt.ItemDataRole.UserRole
DATE_COLUMN, STATUS_COLUMN, RESULT_COLUMN, INSPECTORS_COLUMN = range(4)


class SiteHistory(QWidget):
    start_requested = Signal()
    open_requested = Signal(str)  # inspection id
    inspection_selected = Signal(object)  # inspection id or None
    delete_requested = Signal(str)  # inspection id of an inspection in progress

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
        self.list.currentItemChanged.connect(self._selected)
        self.list.itemActivated.connect(lambda item, _c: self.open_requested.emit(
            str(item.data(0, ID_ROLE))))
        layout.addWidget(self.list)
        row = QHBoxLayout()
        self.start_button = QPushButton(self.tr("Start &inspection…"))
        self.start_button.setAccessibleName(self.tr("Start an inspection of this site"))
        self.start_button.clicked.connect(lambda: self.start_requested.emit())
        self.open_button = QPushButton(self.tr("&Open"))
        self.open_button.setAccessibleName(self.tr("Open the selected inspection"))
        self.open_button.clicked.connect(self._open_selected)
        self.delete_button = QPushButton(self.tr("De&lete this inspection in progress…"))
        self.delete_button.setAccessibleName(self.tr(
            "Delete the selected inspection in progress"))
        self.delete_button.setToolTip(self.tr(
            "Only an inspection in progress can be deleted, for example one started by "
            "mistake. Completed inspections are kept."))
        self.delete_button.clicked.connect(self._delete_selected)
        delete_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.list)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(self._delete_selected)
        row.addWidget(self.start_button)
        row.addWidget(self.open_button)
        row.addWidget(self.delete_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.set_listings([])

    def set_listings(self, listings: list[InspectionListing]) -> None:
        self.listings = listings
        self.list.clear()
        for listing in listings:
            status = status_name(listing.status)
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
        self.delete_button.setEnabled(self.selected_draft() is not None)

    def draft(self) -> InspectionListing | None:
        return next((item for item in self.listings if item.status == InspectionStatus.DRAFT), None)

    def selected_id(self) -> str | None:
        item = self.list.currentItem()
        return str(item.data(0, ID_ROLE)) if item is not None else None

    def selected_draft(self) -> InspectionListing | None:
        """The selected inspection when it is in progress (the only kind that can be deleted)."""
        chosen = self.selected_id()
        return next((item for item in self.listings
                     if item.id == chosen and item.status == InspectionStatus.DRAFT), None)

    def _selected(self, item: QTreeWidgetItem | None, _previous: object) -> None:
        self.delete_button.setEnabled(self.selected_draft() is not None)
        self.inspection_selected.emit(str(item.data(0, ID_ROLE)) if item else None)

    def _open_selected(self) -> None:
        chosen = self.selected_id()
        if chosen is not None:
            self.open_requested.emit(chosen)

    def _delete_selected(self) -> None:
        draft = self.selected_draft()
        if draft is not None:
            self.delete_requested.emit(draft.id)
