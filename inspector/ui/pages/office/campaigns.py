"""The Campaigns tab (督导计划): every campaign with where its assignments stand; a new
campaign is planned and drawn in :class:`~inspector.ui.dialogs.campaign_draw.CampaignDrawDialog`,
and a kept draw can be made again from its record to check it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from inspector.services import api
from inspector.services.assignment_state import AssignmentState
from inspector.ui.dialogs.campaign_draw import campaign_kind_name
from inspector.ui.pages.office.table import fill, read_only, selected_key
from inspector.ui.pages.office.work_queue import period_text

if TYPE_CHECKING:
    from inspector.domain.draw import Draw
    from inspector.services.campaigns import CampaignView
    from inspector.services.context import AppContext
    from inspector.ui.core.operations import Operations
    from inspector.ui.core.worker import JobHandle

#: The columns of assignment counts, in this order.
STATES = (AssignmentState.PENDING, AssignmentState.IN_PROGRESS, AssignmentState.DONE,
          AssignmentState.OVERDUE)


class CampaignsTab(QWidget):
    """The screen hands it the campaigns (:meth:`show_campaigns`) with each refresh."""

    def __init__(self, ops: Operations, actor: Callable[[], str],
                 today: Callable[[], date] = date.today, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.actor = actor
        self.today = today
        self.context: AppContext | None = None
        self.campaigns: list[CampaignView] = []
        layout = QVBoxLayout(self)
        self.table = read_only(QTableWidget(), [
            self.tr("Campaign"), self.tr("Kind"), self.tr("Period"), self.tr("Pending"),
            self.tr("In progress"), self.tr("Done"), self.tr("Overdue"), self.tr("Seed")],
            self.tr("Campaigns"))
        self.table.itemSelectionChanged.connect(self._selection_changed)
        layout.addWidget(self.table, 1)
        self.none_yet = QLabel(self.tr("No campaign yet. A campaign draws the sites to inspect "
                                       "and pairs each with inspectors at random (双随机); its "
                                       "assignments travel to the laptops with the next "
                                       "assignment bundle."))
        self.none_yet.setWordWrap(True)
        layout.addWidget(self.none_yet)
        self.result = QLabel()
        self.result.setWordWrap(True)
        layout.addWidget(self.result)
        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("&New campaign…"))
        self.new_button.clicked.connect(self.new_campaign)
        buttons.addWidget(self.new_button)
        self.check_button = QPushButton(self.tr("Check the &draw"))
        self.check_button.setToolTip(self.tr("Make the selected campaign's draw again from "
                                             "what it recorded and compare the pairs"))
        self.check_button.clicked.connect(self.check_draw)
        buttons.addWidget(self.check_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self._selection_changed()

    def set_context(self, context: AppContext | None) -> None:
        self.context = context

    def show_campaigns(self, campaigns: Sequence[CampaignView]) -> None:
        self.campaigns = list(campaigns)
        fill(self.table, [(c.id, self.row(c)) for c in campaigns])
        self.none_yet.setVisible(not campaigns)
        self._selection_changed()

    def row(self, campaign: CampaignView) -> list[str]:
        return [campaign.name, campaign_kind_name(campaign.kind), period_text(campaign),
                *(str(campaign.states.get(state, 0)) for state in STATES), str(campaign.seed)]

    def _selection_changed(self) -> None:
        self.check_button.setEnabled(selected_key(self.table) is not None)

    # ------------------------------------------------------------------ actions

    def new_campaign(self) -> str | None:
        """Plan and draw a campaign in the dialog; its id once saved."""
        from inspector.ui.dialogs.campaign_draw import CampaignDrawDialog

        context = self.context
        if context is None:
            return None
        dialog = CampaignDrawDialog(self.ops, context, self.actor(), self.today(),
                                    self._settings_file(), self)
        accepted = dialog.exec()
        campaign_id = dialog.campaign_id if accepted else None
        if campaign_id is not None and dialog.drawn is not None:
            self.result.setText(self.tr("Campaign “%1” saved with %n assignment(s); they travel "
                                        "to the laptops with the next assignment bundle.", "",
                                        len(dialog.drawn.pairings))
                                .replace("%1", dialog.name.text().strip()))
        dialog.deleteLater()
        return campaign_id

    def _settings_file(self) -> Path | None:
        return self.context.paths.settings_file if self.context is not None else None

    def check_draw(self) -> JobHandle | None:
        """Draw the selected campaign again from its record and say whether it is the same."""
        context, campaign_id = self.context, selected_key(self.table)
        if context is None or campaign_id is None:
            return None
        name = next((c.name for c in self.campaigns if c.id == campaign_id), "")
        self.result.setText(self.tr("Checking the draw of “%1”…").replace("%1", name))
        return self.ops.read(self, lambda _c: api.office.redraw_campaign(context, campaign_id),
                             "check draw") \
            .on_success(lambda found: self._checked(name, found)).start()

    def _checked(self, name: str, found: tuple[Draw, bool]) -> None:
        again, same = found
        if same:
            text = self.tr("The draw of “%1”, made again from its record (seed %2), gives the "
                           "same sites and inspectors: it is identical.")
        else:
            text = self.tr("The draw of “%1”, made again from its record (seed %2), gives "
                           "different pairs: the record does not match what was kept.")
        self.result.setText(text.replace("%1", name).replace("%2", str(again.seed)))
