"""The Exchange tab of the Sync screen: what waits to be sent, export to a folder or USB
drive, import with a preview first.

An import is two operations: checking the bundle (a read: nothing is written) and,
once the user has seen the preview and chosen Import, writing it (a write that says
it changed sites, inspections and their answers, photos, sync state and assignments). Both, and the
export, show their progress in the tab's one :class:`ProgressView`, with Cancel.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector.domain.values import BundleKind, DeviceStatus, Role
from inspector.services import api
from inspector.ui.core.operations import Change, Operations
from inspector.ui.core.progress import ProgressView

if TYPE_CHECKING:
    from inspector.services.api.sync import SyncOverview
    from inspector.services.context import AppContext
    from inspector.services.sync.export import ExportResult
    from inspector.services.sync.importer import ImportResult, PreparedImport
    from inspector.ui.core.worker import JobHandle

#: Inspections waiting to be sent that the tab names; the rest are counted.
WAITING_NAMED = 5
#: What importing a bundle may change here.
IMPORT_CHANGES = (Change.SITES | Change.INSPECTION | Change.ANSWERS | Change.PHOTOS |
                  Change.SYNC | Change.ASSIGNMENTS)


class ExchangeTab(QWidget):
    """Export and import. ``context()`` is the open data (None before it is open),
    ``actor()`` the name written in the history; the ``ask_*`` callables ask the user
    for a folder, a bundle file, and whether to import after the preview."""

    exported = Signal(object)  # ExportResult
    imported = Signal(object)  # ImportResult

    def __init__(self, ops: Operations, context: Callable[[], AppContext | None],
                 actor: Callable[[], str], *, ask_preview: Callable[[PreparedImport], bool],
                 ask_folder: Callable[[], Path | None], ask_file: Callable[[], Path | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self._context = context
        self._actor = actor
        self._ask_preview = ask_preview
        self._ask_folder = ask_folder
        self._ask_file = ask_file
        layout = QVBoxLayout(self)
        self.waiting = QLabel()  # what the next bundle from here would carry
        self.waiting.setWordWrap(True)
        self.waiting.setAccessibleName(self.tr("Waiting to be sent"))
        layout.addWidget(self.waiting)
        row = QHBoxLayout()
        self.export_button = QPushButton(self.tr("E&xport a bundle to a folder or USB drive…"))
        self.export_button.clicked.connect(self.choose_export_folder)
        self.kind_box = QComboBox()
        self.kind_box.addItem(self.tr("Assignments and receipts"), BundleKind.ASSIGNMENT)
        self.kind_box.addItem(self.tr("Receipts only"), BundleKind.RECEIPT)
        self.for_box = QComboBox()  # the office: every laptop, or one of them
        self.for_box.setToolTip(self.tr(
            "A bundle for one laptop carries only its inspectors' assignments, the inspections "
            "it sent that were returned, and the items it is to re-inspect"))
        self.kind_box.currentIndexChanged.connect(self._kind_chosen)
        self.all_box = QCheckBox(self.tr("Everything, not only what the office has not "
                                         "confirmed"))
        row.addWidget(self.export_button)
        row.addWidget(self.kind_box)
        row.addWidget(self.for_box)
        row.addWidget(self.all_box)
        row.addStretch(1)
        layout.addLayout(row)
        self.import_button = QPushButton(self.tr("&Import a bundle…"))
        self.import_button.clicked.connect(self.choose_import_file)
        import_row = QHBoxLayout()
        import_row.addWidget(self.import_button)
        import_row.addStretch(1)
        layout.addLayout(import_row)
        self.progress = ProgressView()
        layout.addWidget(self.progress)
        self.message = QLabel()  # how the last export or import ended
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        layout.addStretch(1)

    def tab_title(self) -> str:
        return self.tr("&Exchange")

    @property
    def busy(self) -> bool:
        """An export or import (or its check) is running."""
        return self.progress.busy

    def allow(self, enabled: bool) -> None:
        for button in (self.export_button, self.import_button):
            button.setEnabled(enabled)

    def show_overview(self, overview: SyncOverview) -> None:
        self.kind_box.setVisible(overview.role is Role.OFFICE)
        chosen = self.for_box.currentData()
        self.for_box.clear()
        self.for_box.addItem(self.tr("for every laptop"), None)
        for device in overview.devices:
            if device.role == Role.FIELD and device.status == DeviceStatus.TRUSTED:
                self.for_box.addItem(self.tr("for “%1” only").replace("%1", device.name),
                                     device.id)
        self.for_box.setCurrentIndex(max(0, self.for_box.findData(chosen)))
        self._kind_chosen()
        self.all_box.setVisible(overview.role is Role.FIELD)
        self.waiting.setText(self.waiting_text(overview))

    def _kind_chosen(self) -> None:
        office = not self.kind_box.isHidden()
        assignments = self.kind_box.currentData() == BundleKind.ASSIGNMENT
        self.for_box.setVisible(office and assignments and self.for_box.count() > 1)

    def waiting_text(self, overview: SyncOverview) -> str:
        """What the next bundle from here carries: on a laptop the completed inspections not
        sent yet (named) with their photos; at the office the assignments not sent yet."""
        box = overview.outbox
        if box is None or overview.role is None:
            return ""
        if overview.role == Role.OFFICE:
            if box.assignments_unsent:
                return self.tr("Waiting to be sent: %n assignment(s) not sent to the laptops "
                               "yet.", "", box.assignments_unsent)
            return self.tr("Every assignment has been sent to the laptops.")
        parts = []
        if box.unsent:
            shown = box.unsent[:WAITING_NAMED]
            names = self.tr("; ").join(f"{w.site_name} {w.visit_date}" for w in shown)
            if len(box.unsent) > len(shown):
                names += " " + self.tr("and %n more", "", len(box.unsent) - len(shown))
            parts.append(self.tr("Waiting to be sent: %n completed inspection(s) (%1) with %2 "
                                 "new photo(s).", "", len(box.unsent))
                         .replace("%1", names).replace("%2", str(box.unsent_photos)))
        else:
            parts.append(self.tr("Nothing new to send: every completed inspection has been "
                                 "sent."))
        if box.unconfirmed:
            parts.append(self.tr("%n inspection(s) sent but not yet confirmed by the office go "
                                 "again with the next bundle.", "", box.unconfirmed))
        if box.in_progress:
            parts.append(self.tr("%n inspection(s) still in progress will be sent once "
                                 "completed.", "", box.in_progress))
        return " ".join(parts)

    # ------------------------------------------------------------------ export

    def choose_export_folder(self) -> JobHandle | None:
        folder = self._ask_folder()
        return self.export_to(folder) if folder else None

    def export_to(self, folder: Path) -> JobHandle | None:
        context = self._context()
        if context is None:
            return None
        kind = None if self.kind_box.isHidden() else BundleKind(self.kind_box.currentData())
        include_all = self.all_box.isChecked()
        for_device = None if self.for_box.isHidden() else self.for_box.currentData()
        actor = self._actor()
        self.message.clear()
        return self.ops.write(
            self, lambda control: api.sync.export_bundle(
                context, folder, kind=kind, include_all=include_all, actor=actor,
                control=control, for_device=for_device),
            "export bundle", changes=Change.SYNC).error_title(self.tr("Sync")) \
            .with_progress(self.progress, self.tr("Writing the bundle…"), cancellable=True) \
            .on_success(self._exported).on_cancel(self._cancelled).start()

    def _exported(self, result: ExportResult) -> None:
        self.message.setText(self.tr("Bundle written and checked: %1").replace(
            "%1", str(result.path)))
        self.exported.emit(result)

    # ------------------------------------------------------------------ import

    def choose_import_file(self) -> JobHandle | None:
        path = self._ask_file()
        return self.import_from(path) if path else None

    def import_from(self, path: Path) -> JobHandle | None:
        """Check the bundle (nothing is written), then show the preview."""
        context = self._context()
        if context is None:
            return None
        self.message.clear()
        return self.ops.read(self, lambda control: api.sync.prepare_import(
                                 context, path, trust_new_device=True, control=control),
                             "check bundle") \
            .with_progress(self.progress, self.tr("Checking the bundle… (nothing is written "
                                                  "yet)"), cancellable=True) \
            .on_success(self._checked).on_failure(self._refused) \
            .on_cancel(self._cancelled).start()

    def _refused(self, exc: BaseException) -> None:
        """A bundle that cannot be imported (damaged, not signed, from a revoked device) is
        said in the tab's message line too, where the user looks next."""
        from inspector.ui.core.errors import is_expected, plain_message

        if is_expected(exc):
            self.message.setText(plain_message(exc))
        self.ops.show_failure(self, exc, self.tr("Sync"))

    def _checked(self, prepared: PreparedImport) -> None:
        self.message.setText(self.tr("Checked. Nothing is written until you choose Import."))
        # The preview comes once the check has ended, so that its progress is gone.
        QTimer.singleShot(0, self, lambda: self._preview(prepared))

    def _preview(self, prepared: PreparedImport) -> None:
        if not self._ask_preview(prepared):
            self.ops.read(self, lambda _c: api.sync.discard(prepared), "discard").start()
            self.message.setText(self.tr("Not imported. Nothing was changed."))
            return
        actor = self._actor()
        self.ops.write(self, lambda control: api.sync.commit_import(prepared, actor, control),
                       "import bundle", changes=IMPORT_CHANGES).error_title(self.tr("Sync")) \
            .with_progress(self.progress, self.tr("Importing…"), cancellable=True) \
            .on_success(self._imported).on_cancel(self._cancelled).start()

    def _imported(self, result: ImportResult) -> None:
        from inspector.ui.dialogs.sync_import_words import imported_text

        if result.already_imported:
            self.message.setText(self.tr("This bundle was imported before; nothing changed."))
        else:
            totals = result.preview.totals()
            text = imported_text(result.preview)
            if totals.conflicts:
                text += " " + self.tr("Choose the right versions on the Conflicts tab.")
            if totals.brought_back:
                text += " " + self.tr("%n record(s) deleted here came back because they were "
                                      "changed elsewhere; delete them again if they are not "
                                      "wanted.", "", totals.brought_back)
            self.message.setText(text)
        self.imported.emit(result)

    def _cancelled(self) -> None:
        self.message.setText(self.tr("Cancelled. Nothing was left behind."))
