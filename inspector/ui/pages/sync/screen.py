"""The Sync screen: exchange bundles with the county office or the field laptops.

A header (back to the sites, this computer's role, name and fingerprint), the role
question on a fresh installation, then one tab per panel: *Exchange* (export, import
with a preview), *History*, *Devices*, *Conflicts* and *Assignments*. The screen
reads one :class:`~inspector.services.api.sync.SyncOverview` and hands it to every
panel; it reads it again whenever an operation says the sync state, the role or the
assignments changed (:attr:`Operations.changed`), wherever that operation ran.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from inspector.domain.values import Keep, Role
from inspector.services import api
from inspector.ui.core.file_dialogs import FileDialogs, Purpose
from inspector.ui.core.operations import Change, Changed, Operations
from inspector.ui.pages.sync.assignments import AssignmentsPanel
from inspector.ui.pages.sync.conflicts import ConflictsPanel
from inspector.ui.pages.sync.devices import DevicesTab
from inspector.ui.pages.sync.exchange import IMPORT_CHANGES, ExchangeTab
from inspector.ui.pages.sync.history import HistoryTab
from inspector.ui.pages.sync.role_box import RoleBox

if TYPE_CHECKING:
    from PySide6.QtGui import QShowEvent

    from inspector.services.api.sync import SyncOverview
    from inspector.services.context import AppContext
    from inspector.services.sync.importer import PreparedImport
    from inspector.services.sync.trust import DeviceInfo
    from inspector.ui.core.worker import JobHandle

#: What taking one version of a conflicting record changes, by the record's table.
RESOLVED_CHANGES = {
    "sites": Change.SITES, "assignments": Change.ASSIGNMENTS,
    "inspections": Change.INSPECTION, "inspection_events": Change.INSPECTION,
    "responses": Change.ANSWERS, "photos": Change.PHOTOS, "inspectors": Change.NOTHING,
}
#: Changes the screen reads the overview again for at once, shown or not.
SHOWN_HERE = Change.SYNC | Change.ROLE | Change.ASSIGNMENTS
#: Changes that alter what it shows (what waits to be sent, names): read when next shown.
SHOWN_LATER = Change.SITES | Change.INSPECTION | Change.PHOTOS


class SyncScreen(QWidget):
    """Give it the window's operations; call :meth:`set_context` once the data is open."""

    back_requested = Signal()  # the user wants the site list again
    overview_loaded = Signal(object)  # SyncOverview
    exported = Signal(object)  # ExportResult
    imported = Signal(object)  # ImportResult
    inspection_requested = Signal(str)  # an assignment's inspection, to open

    def __init__(self, ops: Operations, actor: Callable[[], str] | None = None,
                 parent: QWidget | None = None, *,
                 ask_preview: Callable[[PreparedImport], bool] | None = None,
                 ask_folder: Callable[[], Path | None] | None = None,
                 ask_file: Callable[[], Path | None] | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.context: AppContext | None = None
        self.overview: SyncOverview | None = None
        self._actor = actor or (lambda: "")
        self._loads = 0  # overview reads started; only the latest one is shown
        self._stale = False  # something it shows changed while it was hidden
        self.dialogs = FileDialogs(self._settings_file)
        self.setAccessibleName(self.tr("Sync"))
        layout = QVBoxLayout(self)
        layout.addLayout(self._header())
        self.role_box = RoleBox()
        self.role_box.chosen.connect(self.choose_role)
        layout.addWidget(self.role_box)
        self.exchange = ExchangeTab(
            ops, lambda: self.context, self._actor,
            ask_preview=ask_preview or self._preview_dialog,
            ask_folder=ask_folder or self._folder_dialog,
            ask_file=ask_file or self._file_dialog)
        self.exchange.exported.connect(self.exported)
        self.exchange.imported.connect(self.imported)
        self.exchange.progress.busy_changed.connect(lambda _busy: self._allow_changes())
        self.history = HistoryTab()
        self.devices = DevicesTab()
        self.devices.revoke_requested.connect(self.revoke)
        self.devices.inspectors_requested.connect(self.record_inspectors)
        self.conflicts = ConflictsPanel()
        self.conflicts.resolve_requested.connect(self.resolve)
        self.assignments = AssignmentsPanel(ops, lambda: self.context)
        self.assignments.add_requested.connect(self.add_assignment)
        self.assignments.inspection_requested.connect(self.inspection_requested)
        # Each tab builds itself, names itself (tab_title) and shows its part of the
        # overview (show_overview).
        self.panels = (self.exchange, self.history, self.devices, self.conflicts,
                       self.assignments)
        self.tabs = QTabWidget()
        for panel in self.panels:
            self.tabs.addTab(panel, panel.tab_title())
        layout.addWidget(self.tabs, 1)
        ops.changed.connect(self._changed)
        self._allow_changes()

    def _header(self) -> QHBoxLayout:
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
        return header

    @property
    def export_button(self) -> QPushButton:
        """The Exchange tab's export button."""
        return self.exchange.export_button

    # ------------------------------------------------------------------ the overview

    def set_context(self, context: AppContext | None) -> JobHandle | None:
        self.context = context
        return self.refresh()

    def refresh(self) -> JobHandle | None:
        context = self.context
        if context is None:
            return None
        self._stale = False
        self._loads += 1
        load = self._loads
        return self.ops.read(self, lambda _c: api.sync.load_overview(context), "sync overview") \
            .on_success(lambda overview: self._loaded(load, overview)).start()

    def _loaded(self, load: int, overview: SyncOverview) -> None:
        if load == self._loads:  # else a later read, after a later change, is on its way
            self.show_overview(overview)

    def _changed(self, changed: Changed) -> None:
        if self.context is None:
            return
        if changed.touches(SHOWN_HERE):
            self.refresh()
        elif changed.touches(SHOWN_LATER):
            if self.isVisible():
                self.refresh()
            else:
                self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def show_overview(self, overview: SyncOverview) -> None:
        self.overview = overview
        role = overview.role
        self.role_box.setVisible(role is None)
        self.change_role_button.setVisible(role is not None)
        self.identity.setText(
            self.tr("This computer (%1): “%2” · fingerprint %3")
            .replace("%1", self.role_name(role))
            .replace("%2", overview.name).replace("%3", overview.fingerprint))
        for panel in self.panels:
            panel.show_overview(overview)
            self.tabs.setTabText(self.tabs.indexOf(panel), panel.tab_title())
        self._allow_changes()
        self.overview_loaded.emit(overview)

    def role_name(self, role: Role | None) -> str:
        """The role in the UI language (the services' ROLE_LABELS are bilingual, for the CLI)."""
        if role is Role.OFFICE:
            return self.tr("county office")
        if role is Role.FIELD:
            return self.tr("field laptop")
        return self.tr("role not chosen yet")

    def _allow_changes(self) -> None:
        """Once the role is chosen, and not while a bundle is written or read."""
        enabled = self.overview is not None and self.overview.role is not None and \
            not self.exchange.busy
        self.exchange.allow(enabled)
        self.devices.revoke_button.setEnabled(enabled)
        self.devices.inspectors_button.setEnabled(enabled)
        self.conflicts.setEnabled(enabled)

    # ------------------------------------------------------------------ actions

    def choose_role(self, role: Role, name: str, confirm_change: bool = False) -> JobHandle | None:
        context = self.context
        if context is None:
            return None
        return self.ops.write(self, lambda _c: api.sync.set_role(
            context.paths, role, name, confirm_change=confirm_change), "choose role",
            changes=Change.ROLE | Change.SYNC).start()

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

    def resolve(self, conflict_id: str, choice: str) -> JobHandle | None:
        context = self.context
        if context is None:
            return None
        tables = {view.id: view.table for view in self.overview.conflicts} \
            if self.overview is not None else {}
        changes = Change.SYNC | RESOLVED_CHANGES.get(tables.get(conflict_id, ""), IMPORT_CHANGES)
        actor = self._actor()
        return self.ops.write(self, lambda _c: api.sync.resolve_conflict(
            context, conflict_id, Keep(choice), actor), "resolve conflict",
            changes=changes).start()

    def add_assignment(self, values: tuple[str, str, Any, Any, str]) -> JobHandle | None:
        context = self.context
        if context is None:
            return None
        site_id, inspectors, start, end, note = values
        return self.ops.write(self, lambda _c: api.sync.add_assignment(
            context, site_id, inspectors, start, end, note), "add assignment",
            changes=Change.ASSIGNMENTS).start()

    def revoke(self, device: DeviceInfo) -> JobHandle | None:
        """Refuse ``device``'s bundles from now on (the Devices tab asked the user first)."""
        context = self.context
        if context is None:
            return None
        actor = self._actor()
        return self.ops.write(self, lambda _c: api.sync.revoke_device(
            context, device.id, actor, ""), "revoke", changes=Change.SYNC).start()

    def record_inspectors(self, device: DeviceInfo, names: list[str]) -> JobHandle | None:
        """Record who uses a field laptop (the Devices tab asked the user)."""
        context = self.context
        if context is None:
            return None
        return self.ops.write(self, lambda _c: api.sync.set_device_inspectors(
            context, device.id, names), "record laptop inspectors", changes=Change.SYNC).start()

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
