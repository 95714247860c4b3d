"""The rectification ledger (整改台账) of the letters-and-rectification tab: every item,
filtered by township, tier, state and overdue, overdue ones in a quiet red-brown; the
office's steps on the chosen item (a site's report recorded, verified, closed, opened
again, a re-inspection ordered), and the list exported as CSV or printed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from inspector.domain.supervision import OPEN_STATES, ItemState, step_allowed
from inspector.services import api
from inspector.ui.core.file_dialogs import FileDialogs, Purpose
from inspector.ui.core.operations import Change
from inspector.ui.pages.office.ledger_filters import LedgerFilters
from inspector.ui.pages.office.ledger_model import (
    CRITERION,
    DEADLINE,
    FINDING,
    REQUIREMENT,
    SITE,
    STATE,
    LedgerModel,
)
from inspector.ui.pages.office.letters_words import (
    ITEMS_CHANGED,
    chinese,
    date_text,
    selected_rows,
    state_text,
    stretch,
)
from inspector.ui.widgets.photo_strip import IMAGE_FILTER

if TYPE_CHECKING:
    from inspector.services.context import AppContext
    from inspector.services.rectification_ledger import ItemRow
    from inspector.ui.core.operations import Operations
    from inspector.ui.core.worker import JobHandle
    from inspector.ui.dialogs.item_report import ItemReportDialog
    from inspector.ui.dialogs.reinspection_order import ReinspectionOrderDialog
    from inspector.ui.pages.office.letters_data import Snapshot

__all__ = ["DEADLINE", "SITE", "STATE", "LedgerPanel"]


#: The rows a column's width is measured on (the first ones shown).
SIZED_BY_ROWS = 200


class LedgerPanel(QWidget):
    """Reads the ledger for its filters; ``snapshot`` (from the tab) gives the words."""

    def __init__(self, ops: Operations, actor: Callable[[], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.actor = actor
        self.context: AppContext | None = None
        self.snapshot: Snapshot | None = None
        self.rows: list[ItemRow] = []
        self._reads = 0  # ledger reads started; only the latest is shown
        self.dialogs = FileDialogs(self._settings_file)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.filters = LedgerFilters()
        self.filters.changed.connect(self.refresh)
        self.count = QLabel()
        self.count.setAccessibleName(self.tr("Items shown"))
        self.filters.row.addWidget(self.count)
        layout.addWidget(self.filters)
        self.model = LedgerModel([
            self.tr("Site"), self.tr("Township"), self.tr("Criterion"), self.tr("Finding"),
            self.tr("Requirement"), self.tr("Responsible"), self.tr("Deadline"),
            self.tr("State"), self.tr("Letter number")], self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Rectification ledger"))
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setResizeContentsPrecision(SIZED_BY_ROWS)  # not every row of ten years
        stretch(self.table, (CRITERION, FINDING, REQUIREMENT))
        layout.addWidget(self.table, 1)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setMinimumHeight(48)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.details)
        layout.addLayout(self._buttons())
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status)
        self.table.selectionModel().selectionChanged.connect(self._show_selected)
        self._show_selected()

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.report_button = QPushButton(self.tr("Recor&d site report…"))
        self.verify_button = QPushButton(self.tr("Verified…"))
        self.close_button = QPushButton(self.tr("Close…"))
        self.reopen_button = QPushButton(self.tr("Reopen…"))
        self.reinspect_button = QPushButton(self.tr("Order re-inspection…"))
        self.export_button = QPushButton(self.tr("E&xport CSV…"))
        self.print_button = QPushButton(self.tr("Print…"))
        self.report_button.clicked.connect(lambda: self.record_report())
        self.verify_button.clicked.connect(lambda: self.step(ItemState.VERIFIED))
        self.close_button.clicked.connect(lambda: self.step(ItemState.CLOSED))
        self.reopen_button.clicked.connect(lambda: self.step(ItemState.OPEN))
        self.reinspect_button.clicked.connect(lambda: self.order_reinspection())
        self.export_button.clicked.connect(lambda: self.export_csv())
        self.print_button.clicked.connect(lambda: self.print_ledger())
        for button in (self.report_button, self.verify_button, self.close_button,
                       self.reopen_button, self.reinspect_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.export_button)
        row.addWidget(self.print_button)
        return row

    def _settings_file(self) -> Path | None:
        return self.context.paths.settings_file if self.context is not None else None

    # ------------------------------------------------------------------ reading

    def show_snapshot(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot
        self.filters.set_townships(snapshot.townships)

    def refresh(self) -> JobHandle | None:
        context = self.context
        if context is None:
            return None
        self._reads += 1
        read, wanted, today = self._reads, self.filters.wanted(), date.today()
        return self.ops.read(self, lambda _c: api.office.ledger(context, wanted, today),
                             "ledger").on_success(lambda rows: self._loaded(read, rows)).start()

    def _loaded(self, read: int, rows: list[ItemRow]) -> None:
        if read == self._reads:  # else a read for newer filters is on its way
            self.show_rows(rows)

    def show_rows(self, rows: list[ItemRow]) -> None:
        chosen = self.current()
        self.rows = rows
        language, snapshot = ("zh" if chinese() else "en"), self.snapshot

        def criterion(row: ItemRow) -> str:
            return (snapshot.criterion_text(row.criterion_id, language) if snapshot is not None
                    else row.criterion_text)

        self.model.set_rows(rows, criterion, date.today())
        overdue = sum(1 for row in rows if row.overdue)
        self.count.setText(self.tr("%1 item(s), %2 overdue").replace("%1", str(len(rows)))
                           .replace("%2", str(overdue)))
        keep = next((i for i, row in enumerate(rows) if chosen and row.id == chosen.id), None)
        if keep is not None:
            self.table.selectRow(keep)
        self._show_selected()

    def current(self) -> ItemRow | None:
        chosen = selected_rows(self.table)
        return self.rows[chosen[0]] if chosen and chosen[0] < len(self.rows) else None

    def select_item(self, item_id: str) -> None:
        for index, row in enumerate(self.rows):
            if row.id == item_id:
                self.table.selectRow(index)

    def _show_selected(self) -> None:
        row = self.current()
        self.report_button.setEnabled(row is not None and row.state in (ItemState.OPEN,
                                                                        ItemState.REPORTED))
        for button, state in ((self.verify_button, ItemState.VERIFIED),
                              (self.close_button, ItemState.CLOSED),
                              (self.reopen_button, ItemState.OPEN)):
            button.setEnabled(row is not None and step_allowed(row.state, state))
        self.reinspect_button.setEnabled(row is not None and row.state in OPEN_STATES)
        self.export_button.setEnabled(bool(self.rows))
        self.print_button.setEnabled(bool(self.rows))
        if row is None:
            self.details.setText(self.tr("Choose an item to see it whole."))
            return
        language = "zh" if chinese() else "en"
        criterion = (self.snapshot.criterion_text(row.criterion_id, language)
                     if self.snapshot is not None else row.criterion_text)
        lines = [f"<b>{_escape(row.site_name)}</b> · {_escape(criterion)}",
                 self.tr("Finding: %1").replace("%1", _escape(row.finding) or "—"),
                 self.tr("Requirement: %1").replace("%1", _escape(row.requirement))]
        latest = [self.tr("Reports received: %1").replace("%1", str(row.reports))]
        if row.state_note:
            latest.append(self.tr("Latest: %1").replace("%1", _escape(row.state_note)))
        lines.append(" · ".join(latest))
        self.details.setText("<br>".join(line.replace("\n", "<br>") for line in lines))

    # ------------------------------------------------------------------ steps

    def _write(self, fn: Callable[[AppContext], object], name: str, said: str,
               changes: Change = ITEMS_CHANGED) -> JobHandle | None:
        context = self.context
        if context is None:
            return None
        return self.ops.write(self, lambda _c: fn(context), name, changes=changes) \
            .on_success(lambda _r: self.status.setText(said)).start()

    def step(self, state: ItemState) -> JobHandle | None:
        """Verified, closed or opened again, with a note saying why (asked first)."""
        row = self.current()
        if row is None or not step_allowed(row.state, state):
            return None
        titles = {ItemState.VERIFIED: self.tr("Mark the item verified"),
                  ItemState.CLOSED: self.tr("Close the item"),
                  ItemState.OPEN: self.tr("Reopen the item")}
        note, ok = QInputDialog.getMultiLineText(
            self, titles[state], self.tr("%1 · %2\nNote (how it was checked, why):")
            .replace("%1", row.site_name).replace("%2", state_text(state)))
        if not ok:
            return None
        item_id = row.id
        return self._write(lambda c: api.office.set_item_state(c, item_id, state, note),
                           "item state", self.tr("%1: now %2.").replace("%1", row.site_name)
                           .replace("%2", state_text(state)))

    def report_dialog(self, row: ItemRow) -> ItemReportDialog:
        from inspector.ui.dialogs.item_report import ItemReportDialog

        language = "zh" if chinese() else "en"
        criterion = (self.snapshot.criterion_text(row.criterion_id, language)
                     if self.snapshot is not None else row.criterion_text)
        return ItemReportDialog(row.site_name, criterion, row.requirement, date.today(),
                                self._ask_images, self)

    def _ask_images(self, parent: QWidget) -> list[Path]:
        return self.dialogs.open_files(
            parent, self.tr("Photos or scans of the report"),
            self.tr("Images (%1);;All files (*)").replace("%1", IMAGE_FILTER), Purpose.PHOTOS)

    def record_report(self) -> JobHandle | None:
        row = self.current()
        if row is None:
            return None
        dialog = self.report_dialog(row)
        if not dialog.exec():
            return None
        reported_on, text, files = dialog.values()
        item_id, actor, today = row.id, self.actor(), date.today()
        return self._write(lambda c: api.office.record_report(
            c, item_id, reported_on, text, actor, today, files), "record report",
            self.tr("The site's report was recorded (%1 attachment(s)).")
            .replace("%1", str(len(files))), ITEMS_CHANGED | Change.PHOTOS)

    def order_dialog(self, row: ItemRow) -> ReinspectionOrderDialog:
        from inspector.ui.dialogs.reinspection_order import ReinspectionOrderDialog

        language = "zh" if chinese() else "en"
        snapshot = self.snapshot
        items = [r for r in (snapshot.rows.values() if snapshot else [row])
                 if r.site_id == row.site_id and r.state in OPEN_STATES]
        labels = []
        for item in items:
            criterion = (snapshot.criterion_text(item.criterion_id, language) if snapshot
                         else item.criterion_text)
            labels.append((item.id, self.tr("%1 (%2, deadline %3)").replace("%1", criterion)
                           .replace("%2", state_text(item.state, item.overdue))
                           .replace("%3", date_text(item.deadline))))
        return ReinspectionOrderDialog(row.site_name, labels, "", date.today(), self)

    def order_reinspection(self) -> JobHandle | None:
        row = self.current()
        if row is None or row.state not in OPEN_STATES:
            return None
        dialog = self.order_dialog(row)
        if not dialog.exec():
            return None
        item_ids, inspector, start, end = dialog.values()
        site_id = row.site_id
        return self._write(lambda c: api.office.order_reinspection(
            c, site_id, inspector, start, end, item_ids), "order re-inspection",
            self.tr("Re-inspection of %1 ordered for %2; it goes out with the next "
                    "assignment bundle.").replace("%1", row.site_name).replace("%2", inspector),
            ITEMS_CHANGED | Change.ASSIGNMENTS)

    # ------------------------------------------------------------------ out

    def export_csv(self) -> JobHandle | None:
        rows = list(self.rows)
        if not rows:
            return None
        path = self.dialogs.save_file(self, self.tr("Export the ledger"),
                                      f"整改台账-{date.today().isoformat()}.csv",
                                      self.tr("CSV files (*.csv)"), Purpose.DOCUMENTS)
        if path is None:
            return None
        return self.ops.read(self, lambda _c: api.office.write_ledger_csv(path, rows),
                             "export ledger") \
            .on_success(lambda _r: self.status.setText(self.tr("%1 item(s) exported to %2.")
                                                       .replace("%1", str(len(rows)))
                                                       .replace("%2", str(path)))).start()

    def print_ledger(self) -> JobHandle | None:
        rows, context = list(self.rows), self.context
        if not rows or context is None:
            return None
        path = self.dialogs.save_file(self, self.tr("Save the ledger as PDF"),
                                      f"整改台账-{date.today().isoformat()}.pdf",
                                      self.tr("PDF files (*.pdf)"), Purpose.DOCUMENTS)
        if path is None:
            return None
        title, described = "整改台账", self.filters.describe()  # printed in Chinese
        return self.ops.read(self, lambda _c: api.office_printing.write_ledger_pdf(
            context, rows, path, title, described), "print ledger") \
            .on_success(lambda _r: self.status.setText(self.tr("Saved to %1.")
                                                       .replace("%1", str(path)))).start()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
