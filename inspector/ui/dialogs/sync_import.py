"""The preview shown before an import writes anything: what would change, and who signed it.

First the inspections the bundle holds, each by site, visit date, inspectors, status and
score, and whether it is new, updated or a conflict (and the assignments, for a laptop);
then the same in record counts. For a device not trusted yet (at the office) or the first
office bundle (on a laptop) the fingerprint is shown large, and "Import" stays disabled
until the user ticks that they compared it. The words for what an import does are in
:mod:`inspector.ui.dialogs.sync_import_words`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector.domain.values import BundleKind, ItemChange, TrustStatus
from inspector.ui.dialogs.sync_import_words import (
    KIND_NAMES,
    change_name,
    short_name,
    status_name,
)
from inspector.ui.labels import local_time

if TYPE_CHECKING:
    from inspector.services.sync.import_summary import AssignmentLine, InspectionLine
    from inspector.services.sync.importer import PreparedImport


class ImportPreviewDialog(QDialog):
    def __init__(self, prepared: PreparedImport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prepared = prepared
        manifest = prepared.manifest
        self.setWindowTitle(self.tr("Import bundle — preview"))
        self.setMinimumWidth(720)
        layout = QVBoxLayout(self)

        kinds = {BundleKind.RESULTS: self.tr("inspection results"),
                 BundleKind.ASSIGNMENT: self.tr("assignments from the county office"),
                 BundleKind.RECEIPT: self.tr("receipt from the county office")}
        heading = QLabel(self.tr("Bundle no. %1 with %2 from “%3”, made %4.")
                         .replace("%1", str(manifest.sequence))
                         .replace("%2", kinds.get(manifest.kind, manifest.kind))
                         .replace("%3", manifest.source.name)
                         .replace("%4", local_time(manifest.created_at)))
        heading.setWordWrap(True)
        layout.addWidget(heading)

        self.confirm: QCheckBox | None = None
        trust = prepared.trust
        if trust in (TrustStatus.NEW_DEVICE, TrustStatus.PIN_OFFICE):
            text = (self.tr("This laptop is not trusted yet. Compare its fingerprint with the one "
                            "shown on the laptop (Sync screen) before importing:")
                    if trust == TrustStatus.NEW_DEVICE else
                    self.tr("This is the first bundle from the county office. Its key will be "
                            "remembered; compare the fingerprint with the office (by phone or "
                            "on paper):"))
            warning = QLabel(text)
            warning.setWordWrap(True)
            layout.addWidget(warning)
            fingerprint = QLabel(manifest.source.fingerprint)
            font = QFont("monospace")
            font.setStyleHint(QFont.StyleHint.Monospace)
            font.setPointSizeF(fingerprint.font().pointSizeF() * 1.5)
            fingerprint.setFont(font)
            fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            fingerprint.setAccessibleName(self.tr("Fingerprint"))
            layout.addWidget(fingerprint)
            self.confirm = QCheckBox(self.tr("I compared the fingerprint and it is the same"))
            layout.addWidget(self.confirm)

        totals = prepared.preview.totals()
        if prepared.already_imported_at is not None:
            note = QLabel(self.tr("This bundle was imported already; importing it again changes "
                                  "nothing."))
            note.setWordWrap(True)
            layout.addWidget(note)
        summary = prepared.preview.summary
        self.overview = QLabel(self.overview_text(prepared))
        self.overview.setWordWrap(True)
        layout.addWidget(self.overview)
        self.inspections = self._inspections_table(summary.inspections)
        layout.addWidget(self.inspections, 1)
        self.assignments = self._assignments_table(summary.assignments)
        layout.addWidget(self.assignments)
        # The same in record counts, for whoever wants them: shown on request.
        self.details = QPushButton(self.tr("Show the records in &detail"))
        self.details.setCheckable(True)
        self.details.setAutoDefault(False)
        details_row = QHBoxLayout()
        details_row.addWidget(self.details)
        details_row.addStretch(1)
        layout.addLayout(details_row)
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([self.tr("What"), self.tr("Count")])
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for label, number, always in ((self.tr("New records"), totals.new, True),
                           (self.tr("Updated records"), totals.updated, True),
                           (self.tr("Identical records (nothing to do)"), totals.identical, True),
                           (self.tr("Conflicts (changed on both sides; both kept)"),
                            totals.conflicts, True),
                           (self.tr("New photos"), totals.photos_new, True),
                           (self.tr("Photos already here"), totals.photos_known, True),
                           (self.tr("Deleted here, not brought back"), totals.deleted_here, False),
                           (self.tr("Deleted here but changed elsewhere: brought back"),
                            totals.brought_back, False)):
            if not always and not number:
                continue  # only when this computer deleted something the bundle carries
            row = self.table.rowCount()
            self.table.insertRow(row)
            self.table.setItem(row, 0, QTableWidgetItem(label))
            count = QTableWidgetItem(str(number))
            count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 1, count)
        if prepared.receipts_for_me:
            row = self.table.rowCount()
            self.table.insertRow(row)
            self.table.setItem(row, 0, QTableWidgetItem(
                self.tr("Receipts for this laptop's bundles")))
            self.table.setItem(row, 1, QTableWidgetItem(str(prepared.receipts_for_me)))
        _fit_rows(self.table)
        layout.addWidget(self.table)
        self.by_kind = self._by_kind(prepared)
        _fit_rows(self.by_kind)
        layout.addWidget(self.by_kind)
        self.details.toggled.connect(self.show_details)
        self.show_details(False)
        safe = QLabel(self.tr("Nothing has been written yet. A backup of the database is made "
                              "before importing; nothing here is deleted."))
        safe.setWordWrap(True)
        layout.addWidget(safe)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(self.tr("&Import"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        if self.confirm is not None:
            self.import_button.setEnabled(False)
            self.confirm.toggled.connect(self.import_button.setEnabled)
        # Enter imports (nothing is deleted and a backup is made first); while the fingerprint
        # still has to be compared, Import is disabled and Enter does nothing.
        self.import_button.setDefault(True)

    def show_details(self, shown: bool) -> None:
        self.table.setVisible(shown)
        self.by_kind.setVisible(shown and self.by_kind.rowCount() > 0)
        self.details.setText(self.tr("Hide the records in &detail") if shown else
                             self.tr("Show the records in &detail"))

    def overview_text(self, prepared: PreparedImport) -> str:
        """How many inspections (and assignments) the bundle holds, by what happens to them."""
        summary = prepared.preview.summary
        parts = []
        for counts, sentence in (
                (summary.inspection_changes, self.tr("Inspections in the bundle: %1 (%2).")),
                (summary.assignment_changes, self.tr("Assignments in the bundle: %1 (%2)."))):
            total = sum(counts.values())
            if not total:
                continue
            each = self.tr(", ").join(
                self.tr("%1 %2").replace("%1", short_name(change)).replace("%2", str(number))
                for change, number in sorted(counts.items(), key=lambda item: _ORDER[item[0]]))
            parts.append(sentence.replace("%1", str(total)).replace("%2", each))
        if summary.inspections_not_listed:
            parts.append(self.tr("%n more inspection(s) are not listed below.", "",
                                 summary.inspections_not_listed))
        if not parts:
            parts.append(self.tr("The bundle holds no inspections or assignments."))
        return " ".join(parts)

    def _inspections_table(self, lines: tuple[InspectionLine, ...]) -> QTableWidget:
        from inspector.domain.scoring import format_percent

        heads = [self.tr("Import does"), self.tr("Site"), self.tr("Visit date"),
                 self.tr("Inspectors"), self.tr("Status"), self.tr("Score"),
                 self.tr("New photos")]
        table = _table(heads, self.tr("Inspections in the bundle"))
        for line in lines:
            _add_row(table, [change_name(line.change),
                             f"{line.site_name} ({line.site_code})" if line.site_code
                             else line.site_name,
                             str(line.visit_date or ""), line.inspectors,
                             status_name(line.status), format_percent(line.score),
                             str(line.photos_new)], right=(5, 6))
            first = table.item(table.rowCount() - 1, 0)
            if line.change == ItemChange.CONFLICT and first is not None:
                font = first.font()
                font.setBold(True)
                first.setFont(font)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        table.setVisible(bool(lines))
        _fit_rows(table, max_rows=8)
        return table

    def _assignments_table(self, lines: tuple[AssignmentLine, ...]) -> QTableWidget:
        heads = [self.tr("Import does"), self.tr("Site"), self.tr("Inspectors"),
                 self.tr("Period")]
        table = _table(heads, self.tr("Assignments in the bundle"))
        for line in lines:
            _add_row(table, [change_name(line.change),
                             f"{line.site_name} ({line.site_code})" if line.site_code
                             else line.site_name,
                             line.inspector_name,
                             f"{line.period_start or ''} – {line.period_end or ''}"])
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        table.setVisible(bool(lines))
        _fit_rows(table, max_rows=5)
        return table

    def _by_kind(self, prepared: PreparedImport) -> QTableWidget:
        """The same counts per kind of record: which inspections, ratings, photos come."""
        from PySide6.QtCore import QCoreApplication

        tables = prepared.preview.tables
        deleted = any(c.deleted_here or c.brought_back for c in tables.values())
        heads = [self.tr("Kind of record"), self.tr("New"), self.tr("Updated"),
                 self.tr("Identical"), self.tr("Conflicts")]
        if deleted:
            heads += [self.tr("Deleted here"), self.tr("Brought back")]
        table = QTableWidget(0, len(heads))
        table.setAccessibleName(self.tr("Records by kind"))
        table.setHorizontalHeaderLabels(heads)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for name in [*[n for n in KIND_NAMES if n in tables],
                     *sorted(n for n in tables if n not in KIND_NAMES)]:
            counts = tables[name]
            values = [counts.new, counts.updated, counts.identical, counts.conflicts]
            if deleted:
                values += [counts.deleted_here, counts.brought_back]
            if not any(values):
                continue
            row = table.rowCount()
            table.insertRow(row)
            label = KIND_NAMES.get(name)
            table.setItem(row, 0, QTableWidgetItem(
                QCoreApplication.translate("ImportPreviewDialog", str(label)) if label else name))
            for column, value in enumerate(values, start=1):
                cell = QTableWidgetItem(str(value))
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(row, column, cell)
        table.setVisible(table.rowCount() > 0)
        return table


_ORDER = {ItemChange.CONFLICT: 0, ItemChange.NEW: 1, ItemChange.BROUGHT_BACK: 2,
          ItemChange.UPDATED: 3, ItemChange.DELETED_HERE: 4, ItemChange.UNCHANGED: 5}


def _table(heads: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(heads))
    table.setAccessibleName(name)
    table.setHorizontalHeaderLabels(heads)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


def _add_row(table: QTableWidget, values: list[str], right: tuple[int, ...] = ()) -> None:
    row = table.rowCount()
    table.insertRow(row)
    for column, value in enumerate(values):
        cell = QTableWidgetItem(value)
        if column in right:
            cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        table.setItem(row, column, cell)


def _fit_rows(table: QTableWidget, max_rows: int | None = None) -> None:
    """As tall as its rows (up to ``max_rows``; more scroll): a few lines should never hide
    behind a scroll bar."""
    table.resizeRowsToContents()
    height = table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth() + 2
    shown = range(table.rowCount() if max_rows is None else min(max_rows, table.rowCount()))
    height += sum(table.rowHeight(row) for row in shown)
    if max_rows is None or table.rowCount() <= max_rows:
        table.setFixedHeight(height)
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    else:
        table.setMinimumHeight(height)
