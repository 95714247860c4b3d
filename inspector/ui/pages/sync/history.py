"""The History tab of the Sync screen: the bundles sent and received here, newest first,
with the office's receipts for those sent and what each import changed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QTableWidget, QWidget

from inspector.domain.values import BundleKind, Direction
from inspector.ui.pages.sync.table import add_row, read_only

if TYPE_CHECKING:
    from inspector.services.api.sync import HistoryRow, SyncOverview


class HistoryTab(QTableWidget):
    """One row per bundle."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 0, parent)
        read_only(self, [self.tr("When"), self.tr("Direction"), self.tr("Kind"),
                         self.tr("Device"), self.tr("No."), self.tr("File"),
                         self.tr("Confirmed by the office / changes")])

    def tab_title(self) -> str:
        return self.tr("His&tory")

    def show_overview(self, overview: SyncOverview) -> None:
        self.setRowCount(0)
        for item in overview.history:
            add_row(self, self.row_values(item))

    def row_values(self, item: HistoryRow) -> list[str]:
        kinds = {BundleKind.RESULTS: self.tr("results"), BundleKind.RECEIPT: self.tr("receipt"),
                 BundleKind.ASSIGNMENT: self.tr("assignment")}
        if item.direction == Direction.OUT:
            state = (self.tr("confirmed %1").replace("%1", item.confirmed_at)
                     if item.confirmed_at else self.tr("not confirmed yet"))
        else:
            c = item.imported
            state = self.tr("new %1, updated %2, conflicts %3").replace(
                "%1", str(c.new)).replace("%2", str(c.updated)).replace(
                "%3", str(c.conflicts))
        direction = self.tr("received") if item.direction == Direction.IN else self.tr("sent")
        return [item.at, direction, kinds.get(item.kind, item.kind), item.device,
                str(item.sequence), item.file_name, state]
