"""The Devices tab of the Sync screen: the laptops and offices whose bundles are trusted
here (or refused from now on), and, at the office, revoking one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMessageBox, QPushButton, QTableWidget, QVBoxLayout, QWidget

from inspector.domain.values import DeviceStatus, Role
from inspector.ui.pages.sync.table import add_row, read_only

if TYPE_CHECKING:
    from inspector.services.api.sync import SyncOverview
    from inspector.services.sync.trust import DeviceInfo


class DevicesTab(QWidget):
    """The devices; ``revoke_requested(device)`` once the user has confirmed revoking one."""

    revoke_requested = Signal(object)  # DeviceInfo

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.devices: list[DeviceInfo] = []
        layout = QVBoxLayout(self)
        self.table = read_only(QTableWidget(), [
            self.tr("Name"), self.tr("Role"), self.tr("Status"), self.tr("Fingerprint"),
            self.tr("Trusted since")])
        layout.addWidget(self.table)
        self.revoke_button = QPushButton(self.tr("&Revoke the selected device…"))
        self.revoke_button.clicked.connect(self.ask_revoke)
        layout.addWidget(self.revoke_button)

    def tab_title(self) -> str:
        return self.tr("&Devices")

    def show_overview(self, overview: SyncOverview) -> None:
        self.devices = list(overview.devices)
        self.revoke_button.setVisible(overview.role is Role.OFFICE)
        self.table.setRowCount(0)
        statuses = {DeviceStatus.TRUSTED: self.tr("trusted"),
                    DeviceStatus.REVOKED: self.tr("revoked")}
        for device in self.devices:
            role = self.tr("county office") if device.role == Role.OFFICE else self.tr("laptop")
            add_row(self.table, [device.name, role, statuses.get(device.status, device.status),
                                 device.fingerprint, device.trusted_at])

    def selected(self) -> DeviceInfo | None:
        row = self.table.currentRow()
        return self.devices[row] if 0 <= row < len(self.devices) else None

    def ask_revoke(self) -> bool:
        """Ask before refusing the selected device's bundles; True if the user agreed."""
        device = self.selected()
        if device is None:
            return False
        answer = QMessageBox.question(
            self, self.tr("Revoke device"),
            self.tr("Refuse all bundles from “%1” from now on? What it sent before stays.")
            .replace("%1", device.name))
        if answer != QMessageBox.StandardButton.Yes:
            return False
        self.revoke_requested.emit(device)
        return True
