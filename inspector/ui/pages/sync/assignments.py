"""The Assignments tab of the Sync screen: who visits which site when, where each stands
(pending, in progress, done by which inspection, overdue) and, at the office, adding one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector.domain.values import Role

if TYPE_CHECKING:
    from inspector.services.api.sync import SyncOverview
    from inspector.services.sync.assignments import AssignmentView

INSPECTION_ROLE = Qt.ItemDataRole.UserRole  # on each row's first cell: the inspection's id


class AssignmentsPanel(QWidget):
    """The assignments and where each stands; the office can add one (``add_requested``
    carries the values). Double-clicking one that is done or in progress asks for its
    inspection (``inspection_requested``)."""

    add_requested = Signal(object)  # (site id, inspectors, start, end, note)
    inspection_requested = Signal(str)  # the id of the inspection of a done or started one

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sites: list[tuple[str, str]] = []
        self.items: list[AssignmentView] = []
        layout = QVBoxLayout(self)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [self.tr("State"), self.tr("Site"), self.tr("Inspectors"), self.tr("Period"),
             self.tr("Note")])
        self.table.setAccessibleName(self.tr("Assignments"))
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.cellDoubleClicked.connect(lambda row, _column: self.open_row(row))
        layout.addWidget(self.table, 1)
        self.add_button = QPushButton(self.tr("&New assignment…"))
        self.add_button.clicked.connect(self.ask_new)
        layout.addWidget(self.add_button)

    def tab_title(self) -> str:
        waiting = self.open_count()
        return (self.tr("&Assignments (%1 open)").replace("%1", str(waiting)) if waiting else
                self.tr("&Assignments"))

    def show_overview(self, overview: SyncOverview) -> None:
        self.show_assignments(overview.assignments, overview.sites, overview.role is Role.OFFICE)

    def open_count(self) -> int:
        """Assignments not done yet (pending, in progress or overdue)."""
        from inspector.services.assignment_state import AssignmentState

        return sum(1 for item in self.items if item.state is not AssignmentState.DONE)

    def state_text(self, item: AssignmentView) -> str:
        from inspector.domain.scoring import format_percent
        from inspector.services.assignment_state import AssignmentState

        if item.state is AssignmentState.DONE:
            return self.tr("Done: inspected %1, score %2").replace(
                "%1", str(item.visit_date)).replace("%2", format_percent(item.score))
        if item.state is AssignmentState.IN_PROGRESS:
            return self.tr("In progress since %1").replace("%1", str(item.visit_date))
        if item.state is AssignmentState.OVERDUE:
            return self.tr("Overdue: not inspected by %1").replace("%1", str(item.period_end))
        return self.tr("Pending")

    def show_assignments(self, items: list[AssignmentView], sites: list[tuple[str, str]],
                         office: bool) -> None:
        from inspector.services.assignment_state import AssignmentState

        self.sites = sites
        self.items = list(items)
        self.add_button.setVisible(office)
        self.hint.setText(
            self.tr("Assignments travel to the laptops with the next assignment bundle, with "
                    "the last inspection of each assigned site (its open items). One is done "
                    "once the laptop's results with its inspection are imported here.")
            if office else
            self.tr("Assignments from the county office (they arrive with its bundles). One "
                    "is done once its site's inspection is completed."))
        self.table.setRowCount(0)
        muted = self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        for item in self.items:
            row = self.table.rowCount()
            self.table.insertRow(row)
            values = [self.state_text(item), f"{item.site_code or ''} {item.site_name}".strip(),
                      item.inspector_name, f"{item.period_start} – {item.period_end}", item.note]
            cells = [QTableWidgetItem(value) for value in values]
            for column, cell in enumerate(cells):
                if item.state is AssignmentState.DONE:
                    cell.setForeground(QBrush(muted))
                self.table.setItem(row, column, cell)
            first = cells[0]
            first.setData(INSPECTION_ROLE, item.inspection_id)
            if item.state is AssignmentState.OVERDUE:
                font = first.font()
                font.setBold(True)
                first.setFont(font)
            if item.inspection_id:
                first.setToolTip(self.tr("Double-click to open the inspection"))

    def open_row(self, row: int) -> None:
        if 0 <= row < len(self.items) and self.items[row].inspection_id:
            self.inspection_requested.emit(self.items[row].inspection_id)

    def ask_new(self) -> None:
        from inspector.ui.dialogs.sync_assignments import AssignmentDialog

        dialog = AssignmentDialog(self.sites, self)
        if dialog.exec():
            self.add_requested.emit(dialog.values())
