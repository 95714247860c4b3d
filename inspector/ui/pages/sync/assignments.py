"""The Assignments tab of the Sync screen: who visits which site when, where each stands
(pending, in progress, done by which inspection, overdue) and, at the office, adding one.

A re-inspection (复查) says so, with its number of items, and on a field laptop is started
here; an inspection the office returned (退回) says it waits for changes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import (
    QDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector.domain.values import Role

if TYPE_CHECKING:
    from inspector.services.api.reinspection_reads import FieldWork, ReinspectionOrder
    from inspector.services.api.sync import SyncOverview
    from inspector.services.context import AppContext
    from inspector.services.sync.assignments import AssignmentView
    from inspector.ui.core.operations import Operations
    from inspector.ui.core.worker import JobHandle
    from inspector.ui.dialogs.start import StartInspectionDialog

INSPECTION_ROLE = Qt.ItemDataRole.UserRole  # on each row's first cell: the inspection's id


class AssignmentsPanel(QWidget):
    """The assignments and where each stands; the office can add one (``add_requested``
    carries the values). Double-clicking one that is done or in progress asks for its
    inspection (``inspection_requested``)."""

    add_requested = Signal(object)  # (site id, inspectors, start, end, note)
    inspection_requested = Signal(str)  # the id of the inspection of a done or started one
    work_loaded = Signal(object)  # FieldWork: which are re-inspections, which were returned

    def __init__(self, ops: Operations, context: Callable[[], AppContext | None],
                 parent: QWidget | None = None) -> None:
        """``ops`` and ``context`` read what the office sent with the assignments and start
        re-inspections."""
        super().__init__(parent)
        self._ops = ops
        self._context = context
        self.sites: list[tuple[str, str]] = []
        self.items: list[AssignmentView] = []
        self.work: FieldWork | None = None
        self.office = False
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
        self.table.itemSelectionChanged.connect(self._selection_changed)
        layout.addWidget(self.table, 1)
        self.add_button = QPushButton(self.tr("&New assignment…"))
        self.add_button.clicked.connect(self.ask_new)
        layout.addWidget(self.add_button)
        self.start_button = QPushButton(self.tr("&Start the re-inspection…"))
        self.start_button.setToolTip(self.tr("Or double-click it; it shows only the items to "
                                             "verify"))
        self.start_button.clicked.connect(lambda: self.start_row(self.table.currentRow()))
        self.start_button.setVisible(False)
        layout.addWidget(self.start_button)

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
        """Where it stands; a re-inspection says so first, a returned inspection says it
        waits for changes instead of "in progress"."""
        order = self.work.reinspections.get(item.id) if self.work is not None else None
        returned = self.work is not None and item.inspection_id in self.work.returned
        text = self.tr("Returned: to be changed") if returned else self._standing(item)
        if order is not None:
            return self.tr("Re-inspection of %n item(s)", "", order.items) + " · " + text
        return text

    def _standing(self, item: AssignmentView) -> str:
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
        self.sites = sites
        self.items = list(items)
        self.office = office
        self.add_button.setVisible(office)
        self.hint.setText(
            self.tr("Assignments travel to the laptops with the next assignment bundle, with "
                    "the last inspection of each assigned site (its open items). One is done "
                    "once the laptop's results with its inspection are imported here.")
            if office else
            self.tr("Assignments from the county office (they arrive with its bundles). One "
                    "is done once its site's inspection is completed.") + " " +
            self.tr("A re-inspection (复查) shows only the items to verify: start it here or "
                    "from its site."))
        self._fill()
        self._read_work()

    def _fill(self) -> None:
        from inspector.services.assignment_state import AssignmentState

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
            returned = self.work is not None and item.inspection_id in self.work.returned
            if item.state is AssignmentState.OVERDUE or returned:
                font = first.font()
                font.setBold(True)
                first.setFont(font)
            if self._startable(row) is not None:
                first.setToolTip(self.tr("Double-click to start the re-inspection"))
            elif item.inspection_id:
                first.setToolTip(self.tr("Double-click to open the inspection"))
        self._selection_changed()

    # ------------------------------------------------------------------ what the office sent

    def _house(self) -> tuple[Operations, AppContext] | None:
        """The operations and the open data (None before the data is open)."""
        context = self._context()
        return (self._ops, context) if context is not None else None

    def _read_work(self) -> None:
        from inspector.services.api import reinspection_reads

        house = self._house()
        if house is None or not self.items:
            return
        ops, context = house
        today = date.today()
        ops.read(self, lambda _c: reinspection_reads.field_work(context, today),
                 "assignments' re-inspections").on_success(self._work_read).start()

    def _work_read(self, work: FieldWork) -> None:
        self.work = work
        self._fill()
        self.start_button.setVisible(not self.office and any(
            order.can_start for order in work.reinspections.values()))
        self.work_loaded.emit(work)

    def _startable(self, row: int) -> ReinspectionOrder | None:
        """The re-inspection of the row, when this laptop can start it now."""
        if self.office or self.work is None or not 0 <= row < len(self.items):
            return None
        order = self.work.reinspections.get(self.items[row].id)
        return order if order is not None and order.can_start else None

    def _selection_changed(self) -> None:
        self.start_button.setEnabled(self._startable(self.table.currentRow()) is not None)

    def open_row(self, row: int) -> None:
        if self._startable(row) is not None:
            self.start_row(row)
        elif 0 <= row < len(self.items) and self.items[row].inspection_id:
            self.inspection_requested.emit(self.items[row].inspection_id)

    def start_dialog(self, order: ReinspectionOrder) -> StartInspectionDialog:
        """Who re-inspects and when (the names of the last inspection filled in)."""
        from inspector.services import text_limits
        from inspector.ui.dialogs.start import StartInspectionDialog
        from inspector.ui.pages.checklist.inspection_controller import last_inspectors

        house = self._house()
        names = last_inspectors(house[1].paths.settings_file) if house else ""
        dialog = StartInspectionDialog(order.site_name, names or order.inspector_name, [],
                                       self, [order], only_reinspection=True)
        dialog.inspectors.setMaxLength(text_limits.NAMES_MAX)
        dialog.site_staff.setMaxLength(text_limits.NAMES_MAX)
        return dialog

    def start_row(self, row: int) -> None:
        order = self._startable(row)
        if order is None:
            return
        dialog = self.start_dialog(order)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.start_from(dialog)

    def start_from(self, dialog: StartInspectionDialog) -> JobHandle | None:
        """Start the re-inspection the dialog names; its inspection is then asked for."""
        from inspector.ui.pages.checklist.inspection_controller import remember_inspectors
        from inspector.ui.pages.reinspection.starting import start_reinspection

        house, assignment_id = self._house(), dialog.chosen_reinspection()
        if house is None or assignment_id is None:
            return None
        ops, context = house
        inspectors, settings_file = dialog.inspectors.text().strip(), context.paths.settings_file
        return start_reinspection(
            ops, self, context, assignment_id, dialog.chosen_date(), inspectors,
            dialog.site_staff.text().strip(),
            lambda: remember_inspectors(settings_file, inspectors)) \
            .on_success(self.inspection_requested.emit) \
            .on_failure(self._start_failed).start()

    def _start_failed(self, exc: BaseException) -> None:
        from inspector.services.inspections import InProgressError

        house = self._house()
        if not isinstance(exc, InProgressError):
            if house is not None:
                house[0].show_failure(self, exc)
            return
        answer = QMessageBox.question(
            self, self.tr("Inspection in progress"),
            self.tr("The site has an inspection in progress (%1): finish it before the "
                    "re-inspection. Open it now?").replace("%1", exc.visit_date.isoformat()),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes)
        if answer == QMessageBox.StandardButton.Yes:
            self.inspection_requested.emit(exc.inspection_id)

    def ask_new(self) -> None:
        from inspector.ui.dialogs.sync_assignments import AssignmentDialog

        dialog = AssignmentDialog(self.sites, self)
        if dialog.exec():
            self.add_requested.emit(dialog.values())
