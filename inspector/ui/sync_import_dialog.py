"""The preview shown before an import writes anything: what would change, and who signed it.

For a device not trusted yet (at the office) or the first office bundle (on
a laptop) the fingerprint is shown large, and "Import" stays disabled until
the user ticks that they compared it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector.ui.sync_conflicts import local_time

if TYPE_CHECKING:
    from inspector.services.sync.importer import PreparedImport


KIND_NAMES = {  # the kinds of record a bundle carries, in the order a user thinks of them
    "sites": QT_TRANSLATE_NOOP("ImportPreviewDialog", "Sites"),
    "inspectors": QT_TRANSLATE_NOOP("ImportPreviewDialog", "Inspectors"),
    "assignments": QT_TRANSLATE_NOOP("ImportPreviewDialog", "Assignments"),
    "inspections": QT_TRANSLATE_NOOP("ImportPreviewDialog", "Inspections"),
    "responses": QT_TRANSLATE_NOOP("ImportPreviewDialog", "Ratings and notes"),
    "photos": QT_TRANSLATE_NOOP("ImportPreviewDialog", "Photo records"),
    "inspection_events": QT_TRANSLATE_NOOP("ImportPreviewDialog", "History entries"),
}


class ImportPreviewDialog(QDialog):
    def __init__(self, prepared: PreparedImport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prepared = prepared
        manifest = prepared.manifest
        self.setWindowTitle(self.tr("Import bundle — preview"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)

        kinds = {"results": self.tr("inspection results"),
                 "assignment": self.tr("assignments from the county office"),
                 "receipt": self.tr("receipt from the county office")}
        heading = QLabel(self.tr("Bundle no. %1 with %2 from “%3”, made %4.")
                         .replace("%1", str(manifest.sequence))
                         .replace("%2", kinds.get(manifest.kind, manifest.kind))
                         .replace("%3", manifest.source.name)
                         .replace("%4", local_time(manifest.created_at)))
        heading.setWordWrap(True)
        layout.addWidget(heading)

        self.confirm: QCheckBox | None = None
        trust = prepared.trust.value
        if trust in ("new_device", "pin_office"):
            text = (self.tr("This laptop is not trusted yet. Compare its fingerprint with the one "
                            "shown on the laptop (Sync screen) before importing:")
                    if trust == "new_device" else
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
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([self.tr("What"), self.tr("Count")])
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for label, key in ((self.tr("New records"), "new"),
                           (self.tr("Updated records"), "updated"),
                           (self.tr("Identical records (nothing to do)"), "identical"),
                           (self.tr("Conflicts (changed on both sides; both kept)"), "conflicts"),
                           (self.tr("New photos"), "photos_new"),
                           (self.tr("Photos already here"), "photos_known"),
                           (self.tr("Deleted here, not brought back"), "deleted_here"),
                           (self.tr("Deleted here but changed elsewhere: brought back"),
                            "brought_back")):
            if key in ("deleted_here", "brought_back") and not totals.get(key):
                continue  # only when this computer deleted something the bundle carries
            row = self.table.rowCount()
            self.table.insertRow(row)
            self.table.setItem(row, 0, QTableWidgetItem(label))
            count = QTableWidgetItem(str(totals[key]))
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


def _fit_rows(table: QTableWidget) -> None:
    """As tall as its rows: a few counts should never hide behind a scroll bar."""
    table.resizeRowsToContents()
    height = table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth() + 2
    height += sum(table.rowHeight(row) for row in range(table.rowCount()))
    table.setFixedHeight(height)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
