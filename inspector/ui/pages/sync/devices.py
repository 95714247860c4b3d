"""The Devices tab of the Sync screen: the laptops and offices whose bundles are trusted
here (or refused from now on), and, at the office, revoking one and recording who uses a
laptop (an assignment bundle addressed to it carries their assignments only)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from inspector.domain.values import DeviceStatus, Role
from inspector.ui.pages.sync.table import add_row, read_only

if TYPE_CHECKING:
    from inspector.services.api.sync import SyncOverview
    from inspector.services.sync.trust import DeviceInfo


class DevicesTab(QWidget):
    """The devices; ``revoke_requested(device)`` once the user has confirmed revoking one."""

    revoke_requested = Signal(object)  # DeviceInfo
    inspectors_requested = Signal(object, list)  # DeviceInfo, the names entered

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.devices: list[DeviceInfo] = []
        layout = QVBoxLayout(self)
        self.table = read_only(QTableWidget(), [
            self.tr("Name"), self.tr("Role"), self.tr("Status"), self.tr("Fingerprint"),
            self.tr("Trusted since"), self.tr("Inspectors using it")])
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        self.inspectors_button = QPushButton(self.tr("Who &uses this laptop…"))
        self.inspectors_button.setToolTip(self.tr(
            "An assignment bundle for this laptop carries only these inspectors' assignments"))
        self.inspectors_button.clicked.connect(self.ask_inspectors)
        self.revoke_button = QPushButton(self.tr("&Revoke the selected device…"))
        self.revoke_button.clicked.connect(self.ask_revoke)
        buttons.addWidget(self.inspectors_button)
        buttons.addWidget(self.revoke_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

    def tab_title(self) -> str:
        return self.tr("&Devices")

    def show_overview(self, overview: SyncOverview) -> None:
        self.devices = list(overview.devices)
        self.revoke_button.setVisible(overview.role is Role.OFFICE)
        self.inspectors_button.setVisible(overview.role is Role.OFFICE)
        self.table.setRowCount(0)
        statuses = {DeviceStatus.TRUSTED: self.tr("trusted"),
                    DeviceStatus.REVOKED: self.tr("revoked")}
        for device in self.devices:
            role = self.tr("county office") if device.role == Role.OFFICE else self.tr("laptop")
            add_row(self.table, [device.name, role, statuses.get(device.status, device.status),
                                 device.fingerprint, device.trusted_at,
                                 self.tr("、").join(device.inspectors)])

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

    def ask_inspectors(self) -> bool:
        """Ask who uses the selected field laptop; True if the user gave an answer."""
        device = self.selected()
        if device is None or device.role != Role.FIELD:
            QMessageBox.information(self, self.tr("Inspectors using a laptop"),
                                    self.tr("Select a field laptop in the list first."))
            return False
        text, ok = QInputDialog.getText(
            self, self.tr("Inspectors using a laptop"),
            self.tr("Who uses “%1”? Names separated by 、 or commas (empty: nobody):")
            .replace("%1", device.name), text="、".join(device.inspectors))
        if not ok:
            return False
        self.inspectors_requested.emit(device, [text])
        return True
