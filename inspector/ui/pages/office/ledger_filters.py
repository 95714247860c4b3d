"""The ledger's filters: township, tier, states (several at once) and "overdue only". Each
change says :attr:`LedgerFilters.changed`; :meth:`wanted` gives the services' filter."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QMouseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QWidget,
)

from inspector.domain.supervision import ItemState
from inspector.domain.tiers import TIER_ORDER, Tier
from inspector.ui.labels import tier_name
from inspector.ui.pages.office.letters_words import state_text

if TYPE_CHECKING:
    from inspector.services.rectification_ledger import LedgerFilter

#: The states offered, in the order an item goes through them.
STATES = (ItemState.OPEN, ItemState.REPORTED, ItemState.VERIFIED, ItemState.CLOSED,
          ItemState.DRAFT, ItemState.DROPPED)


class _StatesMenu(QMenu):
    """Stays open when a state is ticked with the mouse, so that several can be chosen."""

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        action = self.activeAction()
        if action is not None and action.isCheckable() and action.isEnabled():
            action.trigger()
            return
        super().mouseReleaseEvent(event)


class LedgerFilters(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = self.row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.township = QComboBox()
        self.township.setAccessibleName(self.tr("Township"))
        self.township.setMinimumContentsLength(10)
        self.township.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.township.addItem(self.tr("All townships"), None)
        township_label = QLabel(self.tr("&Township:"))
        township_label.setBuddy(self.township)
        self.tier = QComboBox()
        self.tier.setAccessibleName(self.tr("Tier"))
        self.tier.addItem(self.tr("All tiers"), None)
        for tier in TIER_ORDER:
            self.tier.addItem(tier_name(tier), tier.value)
        tier_label = QLabel(self.tr("T&ier:"))
        tier_label.setBuddy(self.tier)
        self.states = QPushButton()
        self.states.setAccessibleName(self.tr("States"))
        self.states.setAutoDefault(False)
        menu = _StatesMenu(self.states)
        self.state_actions: dict[ItemState, QAction] = {}
        for state in STATES:
            action = menu.addAction(state_text(state))
            action.setCheckable(True)
            action.toggled.connect(lambda _on: self._states_changed())
            self.state_actions[state] = action
        self.states.setMenu(menu)
        self.overdue = QCheckBox(self.tr("O&verdue only"))
        for label, widget in ((township_label, self.township), (tier_label, self.tier)):
            row.addWidget(label)
            row.addWidget(widget)
        row.addWidget(QLabel(self.tr("State:")))
        row.addWidget(self.states)
        row.addWidget(self.overdue)
        row.addStretch(1)
        self.township.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.tier.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.overdue.toggled.connect(lambda _on: self.changed.emit())
        self._show_states()

    def set_townships(self, townships: tuple[tuple[str, str], ...]) -> None:
        """Offer these townships (id, name), keeping the one chosen if it is still there."""
        chosen = self.township.currentData()
        self.township.blockSignals(True)
        while self.township.count() > 1:
            self.township.removeItem(1)
        for township_id, name in townships:
            self.township.addItem(name, township_id)
        index = self.township.findData(chosen) if chosen is not None else 0
        self.township.setCurrentIndex(max(index, 0))
        self.township.blockSignals(False)
        if chosen is not None and index < 0:
            self.changed.emit()

    def chosen_states(self) -> frozenset[ItemState]:
        return frozenset(state for state, action in self.state_actions.items()
                         if action.isChecked())

    def set_states(self, states: frozenset[ItemState]) -> None:
        for state, action in self.state_actions.items():
            action.blockSignals(True)
            action.setChecked(state in states)
            action.blockSignals(False)
        self._states_changed()

    def _states_changed(self) -> None:
        self._show_states()
        self.changed.emit()

    def _show_states(self) -> None:
        chosen = [state for state in STATES if state in self.chosen_states()]
        self.states.setText(self.tr("All issued items") if not chosen else
                            "、".join(state_text(state) for state in chosen))

    def wanted(self) -> LedgerFilter:
        from inspector.services.rectification_ledger import LedgerFilter

        tier = self.tier.currentData()
        return LedgerFilter(township_id=self.township.currentData(),
                            tier=Tier(tier) if tier else None,
                            states=self.chosen_states(), overdue_only=self.overdue.isChecked())

    def describe(self) -> str:
        """The filter in words, for the printed ledger."""
        parts = [self.township.currentText(), self.tier.currentText(), self.states.text()]
        if self.overdue.isChecked():
            parts.append(self.tr("overdue only"))
        return " · ".join(parts)
