"""Re-inspection results that met an item closed or dropped meanwhile (复查冲突). Neither
side is lost: the item stays as the office left it until a person applies the
re-inspection's verdict or keeps the item as it is."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector.services import api
from inspector.ui.pages.office.letters_words import (
    ITEMS_CHANGED,
    cell,
    chinese,
    date_text,
    selected_rows,
    state_text,
    stretch,
    table,
    verdict_text,
)

if TYPE_CHECKING:
    from inspector.services.context import AppContext
    from inspector.ui.core.operations import Operations
    from inspector.ui.core.worker import JobHandle
    from inspector.ui.pages.office.letters_data import Conflict, Snapshot

SITE, VISIT, CRITERION, VERDICT, NOTE, NOW = range(6)


class ReinspectionConflicts(QWidget):
    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.context: AppContext | None = None
        self.conflicts: tuple[Conflict, ...] = ()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = table([self.tr("Site"), self.tr("Re-inspected"), self.tr("Criterion"),
                            self.tr("Verdict"), self.tr("Inspector's note"),
                            self.tr("Item now")], self.tr("Re-inspection conflicts"))
        self.table.setSelectionMode(self.table.SelectionMode.SingleSelection)
        stretch(self.table, (CRITERION, NOTE))
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.apply_button = QPushButton(self.tr("Apply the re-inspection's &verdict…"))
        self.keep_button = QPushButton(self.tr("&Keep as it is…"))
        self.apply_button.clicked.connect(lambda: self.settle(True))
        self.keep_button.clicked.connect(lambda: self.settle(False))
        row.addWidget(self.apply_button)
        row.addWidget(self.keep_button)
        layout.addLayout(row)
        self.table.itemSelectionChanged.connect(self._allow)
        self.show_snapshot(None)

    def show_snapshot(self, snapshot: Snapshot | None) -> None:
        self.conflicts = snapshot.conflicts if snapshot is not None else ()
        language = "zh" if chinese() else "en"
        self.table.setRowCount(0)
        for index, conflict in enumerate(self.conflicts):
            self.table.insertRow(index)
            check, item = conflict.check, conflict.item
            criterion = (snapshot.criterion_text(check.criterion_id, language)
                         if snapshot is not None else check.criterion_id)
            now = state_text(item.state) if item is not None else "—"
            values = [conflict.site_name, date_text(conflict.visit_date), criterion,
                      verdict_text(check.verdict), check.note or "—", now]
            for column, text in enumerate(values):
                self.table.setItem(index, column, cell(text, data=check.check_id))
        self.summary.setText(
            self.tr("No conflicts. A re-inspection's verdict on an item the office closed or "
                    "dropped meanwhile would wait here for a decision.")
            if not self.conflicts else
            self.tr("%1 re-inspection result(s) came back for items the office had closed or "
                    "dropped meanwhile. Nothing was changed: decide for each whether the "
                    "re-inspection's verdict applies.").replace("%1", str(len(self.conflicts))))
        if self.conflicts:
            self.table.selectRow(0)
        self._allow()

    def current(self) -> Conflict | None:
        rows = selected_rows(self.table)
        return self.conflicts[rows[0]] if rows and rows[0] < len(self.conflicts) else None

    def _allow(self) -> None:
        chosen = self.current() is not None
        self.apply_button.setEnabled(chosen)
        self.keep_button.setEnabled(chosen)

    def settle(self, accept: bool) -> JobHandle | None:
        conflict, context = self.current(), self.context
        if conflict is None or context is None:
            return None
        check = conflict.check
        if accept:
            question = self.tr("Apply the re-inspection's verdict (%1) to the item? A closed item "
                               "opens again if the verdict is not rectified.") \
                .replace("%1", verdict_text(check.verdict))
        else:
            question = self.tr("Keep the item as the office left it and set the re-inspection's "
                               "verdict aside?")
        answer = QMessageBox.question(
            self, self.tr("Settle the conflict"), question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return None
        check_id = check.check_id
        return self.ops.write(self, lambda _c: api.office.settle_conflict(
            context, check_id, accept), "settle conflict", changes=ITEMS_CHANGED).start()

    def tab_title(self) -> str:
        return (self.tr("Conflicts (%1)").replace("%1", str(len(self.conflicts)))
                if self.conflicts else self.tr("Conflicts"))

