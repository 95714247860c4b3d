"""The Supervision screen (督导工作) of the county office: a header (back to the sites),
then one tab per part of the loop: *Work queue* (what waits today), *County overview*
(coverage, compliance, heat map, rankings, trends), *Campaigns* (plans and
their draws), *Review* (received inspections), *Letters and rectification* (feedback
letters, the rectification ledger, re-inspection conflicts).

The screen reads the work queue and the campaigns in one operation and hands them to
their tabs; the Review tab reads its own list. Everything is read again when an operation
says inspections, assignments, sync or sites changed (:attr:`Operations.changed`): at once
when the screen is in view, else when it is shown next.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from inspector.services import api
from inspector.ui.core.operations import Change, Changed, Operations
from inspector.ui.pages.office.campaigns import CampaignsTab
from inspector.ui.pages.office.letters_tab import LedgerTab
from inspector.ui.pages.office.overview_tab import OverviewTab
from inspector.ui.pages.office.review import ReviewTab
from inspector.ui.pages.office.work_queue import CAMPAIGNS, LEDGER, REVIEW, WorkQueueTab

if TYPE_CHECKING:
    from PySide6.QtGui import QShowEvent

    from inspector.services.campaigns import CampaignView
    from inspector.services.context import AppContext
    from inspector.services.rectification_ledger import WorkQueue
    from inspector.ui.core.worker import JobHandle

#: What the screen shows depends on these changes.
SHOWN_HERE = (Change.INSPECTION | Change.ASSIGNMENTS | Change.SYNC | Change.SITES
              | Change.SUPERVISION)
QUEUE = "queue"
OVERVIEW = "overview"


@dataclass(frozen=True)
class OfficeOverview:
    queue: WorkQueue
    campaigns: list[CampaignView]


def load_overview(context: AppContext, today: date) -> OfficeOverview:
    return OfficeOverview(api.office.work_queue(context, today),
                          api.office.list_campaigns(context, today))


class OfficeScreen(QWidget):
    """Give it the window's operations and who is at work (``actor``, the settings' name);
    call :meth:`set_context` once the data is open."""

    back_requested = Signal()  # the user wants the site list again
    inspection_requested = Signal(str)  # open this inspection on the checklist page
    overview_loaded = Signal(object)  # OfficeOverview

    def __init__(self, ops: Operations, actor: Callable[[], str],
                 parent: QWidget | None = None, *,
                 language: Callable[[], str] = lambda: "zh",
                 today: Callable[[], date] = date.today) -> None:
        super().__init__(parent)
        self.ops = ops
        self.actor = actor
        self.today = today
        self.context: AppContext | None = None
        self.overview: OfficeOverview | None = None
        self._loads = 0
        self._stale = False
        self.setAccessibleName(self.tr("Supervision"))
        layout = QVBoxLayout(self)
        header = QHBoxLayout()
        self.back_button = QPushButton(self.tr("← Site &list"))
        self.back_button.setAccessibleName(self.tr("Back to the sites"))
        self.back_button.clicked.connect(lambda: self.back_requested.emit())
        header.addWidget(self.back_button)
        self.title = QLabel(self.tr("<b>Supervision</b> · county office: review, campaigns, "
                                    "feedback and rectification"))
        header.addWidget(self.title, 1)
        layout.addLayout(header)
        self.queue = WorkQueueTab()
        self.queue.go_to.connect(self.show_tab)
        self.campaigns = CampaignsTab(ops, actor, today)
        self.review = ReviewTab(ops, actor, language)
        self.review.inspection_requested.connect(self.inspection_requested)
        self.ledger = LedgerTab(ops, actor)  # reads and refreshes itself (ops.changed)
        self.county = OverviewTab(ops, today=today)  # reads and refreshes itself too
        self.county.inspection_requested.connect(self.inspection_requested)
        self.tabs = QTabWidget()
        self.keys: dict[str, QWidget] = {}
        for widget, title, key in ((self.queue, self.tr("&Work queue"), QUEUE),
                                   (self.county, self.tr("County &overview"), OVERVIEW),
                                   (self.campaigns, self.tr("&Campaigns"), CAMPAIGNS),
                                   (self.review, self.tr("&Review"), REVIEW),
                                   (self.ledger, self.tr("L&etters and rectification"), LEDGER)):
            self.tabs.addTab(widget, title)
            self.keys[key] = widget
        layout.addWidget(self.tabs, 1)
        ops.changed.connect(self._changed)

    def show_tab(self, key: str) -> bool:
        """Bring the tab named ``key`` to the front (review: what awaits review)."""
        widget = self.keys.get(key)
        if widget is None:
            return False
        if widget is self.review:
            self.review.show_filter(0)
        elif widget is self.ledger:
            self.ledger.show_overdue()
        self.tabs.setCurrentWidget(widget)
        return True

    # ------------------------------------------------------------------ loading

    def set_context(self, context: AppContext | None) -> JobHandle | None:
        self.context = context
        self.campaigns.set_context(context)
        self.review.set_context(context)
        self.ledger.set_context(context)
        self.county.set_context(context)
        return self.refresh()

    def refresh(self) -> JobHandle | None:
        """Read what every tab shows again."""
        context = self.context
        if context is None:
            return None
        self._stale = False
        self._loads += 1
        load, today = self._loads, self.today()
        handle = self.ops.read(self, lambda _c: load_overview(context, today), "office overview") \
            .on_success(lambda overview: self._loaded(load, overview)).start()
        self.review.refresh()
        return handle

    def _loaded(self, load: int, overview: OfficeOverview) -> None:
        if load != self._loads:  # a later read, after a later change, is on its way
            return
        self.overview = overview
        self.queue.show_queue(overview.queue, overview.campaigns)
        self.campaigns.show_campaigns(overview.campaigns)
        waiting = overview.queue.to_review
        self.tabs.setTabText(self.tabs.indexOf(self.review),
                             self.tr("&Review (%1)").replace("%1", str(waiting)) if waiting
                             else self.tr("&Review"))
        self.overview_loaded.emit(overview)

    def _changed(self, changed: Changed) -> None:
        if self.context is None or not changed.touches(SHOWN_HERE):
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()
