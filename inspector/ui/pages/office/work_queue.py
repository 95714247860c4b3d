"""The Work queue tab (工作台): what waits for the office today, as three calm numbers
(inspections to review, rectification items overdue, assignments due within a week or
overdue), each with a button to the tab concerned, and the newest campaigns."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from inspector.services.assignment_state import AssignmentState
from inspector.ui.dialogs.campaign_draw import campaign_kind_name
from inspector.ui.pages.office.table import fill, read_only

if TYPE_CHECKING:
    from inspector.services.campaigns import CampaignView
    from inspector.services.rectification_ledger import WorkQueue

#: The newest campaigns shown under the counts.
NEWEST = 5
#: The keys of the tabs the counts lead to (``OfficeScreen.show_tab``).
REVIEW, LEDGER, CAMPAIGNS = "review", "ledger", "campaigns"


class Count(QFrame):
    """A large number, what it counts, and a button to where they are."""

    def __init__(self, caption: str, button: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        column = QVBoxLayout(self)
        self.number = QLabel("–")
        font = self.number.font()
        font.setPointSizeF(font.pointSizeF() * 2.6)
        self.number.setFont(font)
        self.number.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        column.addWidget(self.number)
        self.caption = QLabel(caption)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.caption.setWordWrap(True)
        column.addWidget(self.caption)
        self.button = QPushButton(button)
        column.addWidget(self.button)

    def set_count(self, value: int) -> None:
        self.number.setText(str(value))
        self.number.setAccessibleName(f"{self.caption.text()}: {value}")


class WorkQueueTab(QWidget):
    """``go_to(key)`` asks the screen for the tab named ``key``."""

    go_to = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.heading = QLabel(self.tr("What waits for the office today"))
        layout.addWidget(self.heading)
        grid = QGridLayout()
        self.to_review = Count(self.tr("inspections received, waiting for review"),
                               self.tr("Review them"))
        self.overdue = Count(self.tr("rectification items past their deadline"),
                             self.tr("See the items"))
        self.due = Count(self.tr("assignments due within a week or overdue"),
                         self.tr("See the campaigns"))
        for column, (count, key) in enumerate(((self.to_review, REVIEW), (self.overdue, LEDGER),
                                               (self.due, CAMPAIGNS))):
            count.button.clicked.connect(lambda _checked=False, key=key: self.go_to.emit(key))
            grid.addWidget(count, 0, column)
        layout.addLayout(grid)
        newest = QGroupBox(self.tr("Newest campaigns"))
        box = QVBoxLayout(newest)
        self.campaigns = read_only(QTableWidget(), [
            self.tr("Campaign"), self.tr("Kind"), self.tr("Period"), self.tr("Progress")],
            self.tr("Newest campaigns"))
        self.campaigns.activated.connect(lambda _index: self.go_to.emit(CAMPAIGNS))
        rows = self.campaigns.fontMetrics().height() + 10
        self.campaigns.verticalHeader().setDefaultSectionSize(rows)
        self.campaigns.setMaximumHeight(rows * (NEWEST + 2))
        box.addWidget(self.campaigns)
        self.none_yet = QLabel(self.tr("No campaign yet: plan one on the Campaigns tab."))
        box.addWidget(self.none_yet)
        layout.addWidget(newest)
        layout.addStretch(1)

    def show_queue(self, queue: WorkQueue, campaigns: Sequence[CampaignView]) -> None:
        self.to_review.set_count(queue.to_review)
        self.overdue.set_count(queue.overdue_items)
        self.due.set_count(queue.assignments_due)
        newest = list(campaigns)[:NEWEST]  # they come newest first
        fill(self.campaigns, [(c.id, [c.name, campaign_kind_name(c.kind), period_text(c),
                                      progress_text(c)]) for c in newest], select=False)
        self.none_yet.setVisible(not newest)


def period_text(campaign: CampaignView) -> str:
    return f"{campaign.period_start.isoformat()} – {campaign.period_end.isoformat()}"


def progress_text(campaign: CampaignView) -> str:
    """"3 of 10 done, 1 overdue"."""
    from PySide6.QtCore import QCoreApplication

    done = campaign.states.get(AssignmentState.DONE, 0)
    overdue = campaign.states.get(AssignmentState.OVERDUE, 0)
    text = QCoreApplication.translate("WorkQueueTab", "%1 of %2 done").replace(
        "%1", str(done)).replace("%2", str(len(campaign.assignment_ids)))
    if overdue:
        text += QCoreApplication.translate("WorkQueueTab", ", %1 overdue").replace(
            "%1", str(overdue))
    return text
