"""The Sync screen: exchange bundles with the county office or the field laptops.

Tabs: *Exchange* (export to a folder or USB drive, import with a preview),
*History* (bundles sent and received, with the office's receipts), *Devices*
(enrolled, pinned and revoked devices) and *Conflicts* (both versions side by
side). All disk work runs on the :class:`~inspector.ui.worker.Worker`; long
work shows progress and can be cancelled. On a fresh installation the screen
first asks for the role (county office or field laptop).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from inspector.domain.values import BundleKind, DeviceStatus, Direction, Keep, Role
from inspector.services import api
from inspector.ui.file_dialogs import FileDialogs, Purpose
from inspector.ui.pages.sync.assignments import AssignmentsPanel
from inspector.ui.pages.sync.conflicts import ConflictsPanel
from inspector.ui.worker import JobControl, JobHandle, Worker

#: Inspections waiting to be sent that the Exchange tab names; the rest are counted.
WAITING_NAMED = 5

if TYPE_CHECKING:
    from inspector.services.api.sync import SyncOverview
    from inspector.services.context import AppContext
    from inspector.services.sync.importer import PreparedImport


class SyncScreen(QWidget):
    """Give it the worker; call :meth:`set_context` once the data is open."""

    back_requested = Signal()  # the user wants the site list again
    overview_loaded = Signal(object)  # SyncOverview
    exported = Signal(object)  # ExportResult
    imported = Signal(object)  # ImportResult
    inspection_requested = Signal(str)  # an assignment's inspection, to open

    def __init__(self, worker: Worker, actor: Callable[[], str] | None = None,
                 parent: QWidget | None = None, *,
                 ask_preview: Callable[[PreparedImport], bool] | None = None,
                 ask_folder: Callable[[], Path | None] | None = None,
                 ask_file: Callable[[], Path | None] | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.context: AppContext | None = None
        self.overview: SyncOverview | None = None
        self.handle: JobHandle | None = None
        self._actor = actor or (lambda: "")
        self._ask_preview = ask_preview or self._preview_dialog
        self._ask_folder = ask_folder or self._folder_dialog
        self._ask_file = ask_file or self._file_dialog
        self.dialogs = FileDialogs(self._settings_file)
        self.setAccessibleName(self.tr("Sync"))
        layout = QVBoxLayout(self)
        header = QHBoxLayout()
        self.back_button = QPushButton(self.tr("← Site &list"))
        self.back_button.setAccessibleName(self.tr("Back to the sites"))
        self.back_button.clicked.connect(lambda: self.back_requested.emit())
        header.addWidget(self.back_button)
        self.identity = QLabel(self.tr("Opening…"))
        self.identity.setWordWrap(True)
        header.addWidget(self.identity, 1)
        self.change_role_button = QPushButton(self.tr("Change role…"))
        self.change_role_button.setVisible(False)
        self.change_role_button.clicked.connect(self.change_role)
        header.addWidget(self.change_role_button)
        layout.addLayout(header)
        layout.addWidget(self._role_box())
        self.tabs = QTabWidget()
        self.tabs.addTab(self._exchange_tab(), self.tr("&Exchange"))
        self.history = self._table([self.tr("When"), self.tr("Direction"), self.tr("Kind"),
                                    self.tr("Device"), self.tr("No."), self.tr("File"),
                                    self.tr("Confirmed by the office / changes")])
        self.tabs.addTab(self.history, self.tr("His&tory"))
        self.tabs.addTab(self._devices_tab(), self.tr("&Devices"))
        self.conflicts = ConflictsPanel()
        self.conflicts.resolve_requested.connect(self.resolve)
        self.tabs.addTab(self.conflicts, self.tr("&Conflicts"))
        self.assignments = AssignmentsPanel()
        self.assignments.add_requested.connect(self.add_assignment)
        self.assignments.inspection_requested.connect(self.inspection_requested)
        self.tabs.addTab(self.assignments, self.tr("&Assignments"))
        layout.addWidget(self.tabs, 1)
        self._set_enabled(False)

    # ------------------------------------------------------------------ building

    def _role_box(self) -> QGroupBox:
        self.role_box = QGroupBox(self.tr("Choose this computer's role (once)"))
        box = QVBoxLayout(self.role_box)
        self.office_choice = QRadioButton(self.tr("County office: receives results, sends "
                                                  "assignments and receipts"))
        self.field_choice = QRadioButton(self.tr("Field laptop: inspects sites, sends results "
                                                 "to the office"))
        self.field_choice.setChecked(True)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("A name for this computer, e.g. 张明的笔记本"))
        self.role_button = QPushButton(self.tr("Save the role"))
        self.role_button.clicked.connect(lambda: self.choose_role(
            Role.OFFICE if self.office_choice.isChecked() else Role.FIELD, self.name_edit.text()))
        for widget in (self.office_choice, self.field_choice, self.name_edit, self.role_button):
            box.addWidget(widget)
        self.role_box.setVisible(False)
        return self.role_box

    def _exchange_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
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
        self.all_box = QCheckBox(self.tr("Everything, not only what the office has not "
                                         "confirmed"))
        row.addWidget(self.export_button)
        row.addWidget(self.kind_box)
        row.addWidget(self.all_box)
        row.addStretch(1)
        layout.addLayout(row)
        self.import_button = QPushButton(self.tr("&Import a bundle…"))
        self.import_button.clicked.connect(self.choose_import_file)
        import_row = QHBoxLayout()
        import_row.addWidget(self.import_button)
        import_row.addStretch(1)
        layout.addLayout(import_row)
        progress_row = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel)
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)
        layout.addLayout(progress_row)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        layout.addStretch(1)
        return page

    def _devices_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.devices = self._table([self.tr("Name"), self.tr("Role"), self.tr("Status"),
                                    self.tr("Fingerprint"), self.tr("Trusted since")])
        layout.addWidget(self.devices)
        self.revoke_button = QPushButton(self.tr("&Revoke the selected device…"))
        self.revoke_button.clicked.connect(self.revoke_selected)
        layout.addWidget(self.revoke_button)
        return page

    def _table(self, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    # ------------------------------------------------------------------ state

    def set_context(self, context: AppContext | None) -> JobHandle | None:
        self.context = context
        return self.refresh()

    def refresh(self) -> JobHandle | None:
        context = self.context
        if context is None:
            return None
        return self._start(lambda _c: api.sync.load_overview(context),
                           "sync overview", self._show_overview, busy=False)

    def _show_overview(self, overview: SyncOverview) -> None:
        self.overview = overview
        role = overview.role
        self.role_box.setVisible(role is None)
        self.change_role_button.setVisible(role is not None)
        self.identity.setText(
            self.tr("This computer (%1): “%2” · fingerprint %3")
            .replace("%1", self.role_name(role))
            .replace("%2", overview.name).replace("%3", overview.fingerprint))
        office = role is Role.OFFICE
        self.kind_box.setVisible(office)
        self.all_box.setVisible(role is Role.FIELD)
        self.revoke_button.setVisible(office)
        self.waiting.setText(self.waiting_text(overview))
        self._fill_history(overview)
        self._fill_devices(overview)
        self.conflicts.set_conflicts(overview.conflicts, overview.words)
        self.assignments.show_assignments(overview.assignments, overview.sites, office)
        waiting = self.assignments.open_count()
        self.tabs.setTabText(self.tabs.indexOf(self.assignments), self.tr(
            "&Assignments (%1 open)").replace("%1", str(waiting)) if waiting else
            self.tr("&Assignments"))
        self.tabs.setTabText(3, self.tr("&Conflicts (%1)").replace(
            "%1", str(len(overview.conflicts))) if overview.conflicts else self.tr("&Conflicts"))
        self._set_enabled(role is not None)
        self.overview_loaded.emit(overview)

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

    def role_name(self, role: Role | None) -> str:
        """The role in the UI language (the services' ROLE_LABELS are bilingual, for the CLI)."""
        if role is Role.OFFICE:
            return self.tr("county office")
        if role is Role.FIELD:
            return self.tr("field laptop")
        return self.tr("role not chosen yet")

    def _fill_history(self, overview: SyncOverview) -> None:
        self.history.setRowCount(0)
        kinds = {BundleKind.RESULTS: self.tr("results"), BundleKind.RECEIPT: self.tr("receipt"),
                 BundleKind.ASSIGNMENT: self.tr("assignment")}
        for item in overview.history:
            if item.direction == Direction.OUT:
                state = (self.tr("confirmed %1").replace("%1", item.confirmed_at)
                         if item.confirmed_at else self.tr("not confirmed yet"))
            else:
                c = item.imported
                state = self.tr("new %1, updated %2, conflicts %3").replace(
                    "%1", str(c.new)).replace("%2", str(c.updated)).replace(
                    "%3", str(c.conflicts))
            self._add_row(self.history, [
                item.at, self.tr("received") if item.direction == Direction.IN else self.tr("sent"),
                kinds.get(item.kind, item.kind), item.device, str(item.sequence),
                item.file_name, state])

    def _fill_devices(self, overview: SyncOverview) -> None:
        self.devices.setRowCount(0)
        statuses = {DeviceStatus.TRUSTED: self.tr("trusted"),
                    DeviceStatus.REVOKED: self.tr("revoked")}
        for device in overview.devices:
            role = self.tr("county office") if device.role == Role.OFFICE else self.tr("laptop")
            self._add_row(self.devices, [device.name, role, statuses.get(device.status,
                                         device.status), device.fingerprint, device.trusted_at])

    def _add_row(self, table: QTableWidget, values: list[str]) -> None:
        row = table.rowCount()
        table.insertRow(row)
        for column, value in enumerate(values):
            table.setItem(row, column, QTableWidgetItem(value))

    def _set_enabled(self, enabled: bool) -> None:
        busy = self.handle is not None and not self.handle.is_done and \
            self.progress.isVisible()
        for widget in (self.export_button, self.import_button, self.revoke_button,
                       self.conflicts):
            widget.setEnabled(enabled and not busy)

    # ------------------------------------------------------------------ running

    def _start(self, fn: Callable[[JobControl], Any], name: str,
               done: Callable[[Any], None], *, busy: bool = True,
               text: str = "") -> JobHandle:
        handle = self.worker.submit(fn, name)
        if busy:  # the job the progress bar and Cancel belong to
            self.handle = handle
            self.progress.setRange(0, 0)
            self.progress.setVisible(True)
            self.cancel_button.setVisible(True)
            self.message.setText(text)
            self._set_enabled(False)
            handle.progress.connect(self._on_progress)
        handle.finished.connect(done)
        handle.failed.connect(self._failed)
        handle.cancelled.connect(
            lambda: self.message.setText(self.tr("Cancelled. Nothing was left behind.")))
        handle.done.connect(lambda: self._job_done(handle))
        return handle

    def _on_progress(self, done: int, total: int, _text: str) -> None:
        if total > 0:
            self.progress.setRange(0, 1000)
            self.progress.setValue(int(1000 * min(done, total) / total))
        else:
            self.progress.setRange(0, 0)

    def _job_done(self, handle: JobHandle | None = None) -> None:
        """The progress goes away when the job it shows ends; not when another one does (the
        import starts from the check's result, before the check's handle is done)."""
        if handle is not None and handle is not self.handle:
            return
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        self._set_enabled(bool(self.overview and self.overview.role))

    def cancel(self) -> None:
        if self.handle is not None:
            self.handle.cancel()

    def _failed(self, exc: BaseException) -> None:
        from inspector.ui.errors import is_expected, plain_message, show_error

        if is_expected(exc):
            text = plain_message(exc)
            self.message.setText(text)
            QMessageBox.warning(self, self.tr("Sync"), text)
        else:
            show_error(self, exc, self.tr("Sync failed"))

    # ------------------------------------------------------------------ actions

    def choose_role(self, role: Role, name: str, confirm_change: bool = False) -> JobHandle | None:
        context = self.context
        if context is None:
            return None
        return self._start(lambda _c: api.sync.choose_role(
            context, role, name.strip(), confirm_change), "choose role", self._show_overview,
            busy=False)

    def change_role(self) -> JobHandle | None:
        """Switch between county office and field laptop, after an explicit confirmation."""
        overview = self.overview
        if overview is None or overview.role is None:
            return None
        other = Role.FIELD if overview.role == Role.OFFICE else Role.OFFICE
        text = (self.tr("Make this computer a field laptop? It will then send results instead "
                        "of receiving them.") if other == Role.FIELD else
                self.tr("Make this computer the county office? It will then receive results "
                        "from the laptops instead of sending them."))
        answer = QMessageBox.question(self, self.tr("Change role"), text,
                                      QMessageBox.StandardButton.Yes |
                                      QMessageBox.StandardButton.Cancel,
                                      QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return None
        return self.choose_role(other, overview.name, confirm_change=True)

    def choose_export_folder(self) -> JobHandle | None:
        folder = self._ask_folder()
        return self.export_to(folder) if folder else None

    def export_to(self, folder: Path) -> JobHandle | None:
        context = self.context
        if context is None:
            return None
        kind = BundleKind(self.kind_box.currentData()) if self.kind_box.isVisible() else None
        include_all = self.all_box.isChecked()
        actor = self._actor()
        return self._start(
            lambda control: api.sync.export_bundle(
                context, folder, kind=kind, include_all=include_all, actor=actor, control=control),
            "export bundle", self._exported, text=self.tr("Writing the bundle…"))

    def _exported(self, result: Any) -> None:
        self.message.setText(self.tr("Bundle written and checked: %1").replace(
            "%1", str(result.path)))
        self.exported.emit(result)
        self.refresh()

    def choose_import_file(self) -> JobHandle | None:
        path = self._ask_file()
        return self.import_from(path) if path else None

    def import_from(self, path: Path) -> JobHandle | None:
        context = self.context
        if context is None:
            return None
        return self._start(lambda control: api.sync.prepare_import(
                               context, path, trust_new_device=True, control=control),
                           "check bundle", self._prepared,
                           text=self.tr("Checking the bundle… (nothing is written yet)"))

    def _prepared(self, prepared: PreparedImport) -> None:
        # The check is over: its progress must not stay behind the preview.
        self._job_done()
        self.message.setText(self.tr("Checked. Nothing is written until you choose Import."))
        if not self._ask_preview(prepared):
            self.worker.submit(lambda _c: api.sync.discard(prepared), "discard")
            self.message.setText(self.tr("Not imported. Nothing was changed."))
            return
        actor = self._actor()
        self._start(lambda control: api.sync.commit_import(prepared, actor, control),
                    "import bundle", self._imported, text=self.tr("Importing…"))

    def _imported(self, result: Any) -> None:
        from inspector.ui.dialogs.sync_import import imported_text

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
        self.refresh()

    def resolve(self, conflict_id: str, choice: str) -> JobHandle | None:
        context = self.context
        if context is None:
            return None
        actor = self._actor()
        return self._start(lambda _c: api.sync.resolve(
            context, conflict_id, Keep(choice), actor), "resolve conflict", self._show_overview,
            busy=False)

    def add_assignment(self, values: tuple[str, str, Any, Any, str]) -> JobHandle | None:
        context = self.context
        if context is None:
            return None
        site_id, inspectors, start, end, note = values
        return self._start(lambda _c: api.sync.assign(
            context, site_id, inspectors, start, end, note), "add assignment",
            self._show_overview, busy=False)

    def revoke_selected(self) -> JobHandle | None:
        context, overview = self.context, self.overview
        row = self.devices.currentRow()
        if context is None or overview is None or not 0 <= row < len(overview.devices):
            return None
        device = overview.devices[row]
        answer = QMessageBox.question(
            self, self.tr("Revoke device"),
            self.tr("Refuse all bundles from “%1” from now on? What it sent before stays.")
            .replace("%1", device.name))
        if answer != QMessageBox.StandardButton.Yes:
            return None
        actor = self._actor()
        return self._start(lambda _c: api.sync.revoke(
            context, device.id, actor, ""), "revoke", self._show_overview, busy=False)

    # ------------------------------------------------------------------ dialogs

    def _preview_dialog(self, prepared: PreparedImport) -> bool:
        from inspector.ui.dialogs.sync_import import ImportPreviewDialog

        return bool(ImportPreviewDialog(prepared, self).exec())

    def _settings_file(self) -> Path | None:
        return self.context.paths.settings_file if self.context is not None else None

    def _folder_dialog(self) -> Path | None:
        """On a plugged-in USB drive, else in the folder used last time."""
        return self.dialogs.folder(
            self, self.tr("Export to which folder or USB drive?"), Purpose.BUNDLES)

    def _file_dialog(self) -> Path | None:
        return self.dialogs.open_file(
            self, self.tr("Import which bundle?"),
            self.tr("Inspector bundles (*.inspector-bundle *.zip);;All files (*)"),
            Purpose.BUNDLES)
