"""The county office's letters and rectification (意见书与整改), a tab of the Supervision
screen: feedback letters drafted on approval (edited, issued, printed), the ledger of
rectification items (filtered, the office's steps, exported), and the re-inspection
results that wait for a person's decision.

The tab reads one :class:`~inspector.ui.pages.office.letters_data.Snapshot` for its
letters, words and conflicts, and the ledger for its filters; it reads them again when
an operation anywhere says something it shows changed (:attr:`Operations.changed`), at
once when it is shown, else when it is next shown.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from inspector.domain.supervision import OPEN_STATES, ItemState
from inspector.ui.pages.office.ledger_panel import LedgerPanel
from inspector.ui.pages.office.letters_conflicts import ReinspectionConflicts
from inspector.ui.pages.office.letters_data import load_snapshot
from inspector.ui.pages.office.letters_panel import LettersPanel
from inspector.ui.pages.office.letters_words import ITEMS_CHANGED, SHOWN_HERE

if TYPE_CHECKING:
    from PySide6.QtGui import QShowEvent

    from inspector.services.context import AppContext
    from inspector.ui.core.operations import Changed, Operations
    from inspector.ui.core.worker import JobHandle
    from inspector.ui.dialogs.office_settings import OfficeSettingsDialog
    from inspector.ui.pages.office.letters_data import Snapshot


class LedgerTab(QWidget):
    """Give it the window's operations and who is at the keyboard (``actor``); call
    :meth:`set_context` once the data is open."""

    def __init__(self, ops: Operations, actor: Callable[[], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.actor = actor
        self.context: AppContext | None = None
        self.snapshot: Snapshot | None = None
        self._loads = 0  # snapshot reads started; only the latest one is shown
        self._stale = False  # something it shows changed while it was hidden
        self.setAccessibleName(self.tr("Letters and rectification"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)  # inside the Supervision screen's own tab frame
        header = QHBoxLayout()
        self.summary = QLabel(self.tr("Opening…"))
        self.summary.setWordWrap(True)
        header.addWidget(self.summary, 1)
        self.settings_button = QPushButton(self.tr("Letter settings…"))
        self.settings_button.setToolTip(self.tr("Issuing body, letter numbers, deadline days"))
        self.settings_button.clicked.connect(lambda: self.edit_settings())
        header.addWidget(self.settings_button)
        layout.addLayout(header)
        self.letters = LettersPanel(ops, actor)
        self.ledger = LedgerPanel(ops, actor)
        self.conflicts = ReinspectionConflicts(ops)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.letters, self.tr("Letters"))
        self.tabs.addTab(self.ledger, self.tr("Ledger"))
        self.tabs.addTab(self.conflicts, self.tr("Conflicts"))
        layout.addWidget(self.tabs, 1)
        ops.changed.connect(self._changed)

    # ------------------------------------------------------------------ reading

    def set_context(self, context: AppContext | None) -> JobHandle | None:
        self.context = context
        for panel in (self.letters, self.ledger, self.conflicts):
            panel.context = context
        return self.refresh()

    def refresh(self) -> JobHandle | None:
        context = self.context
        if context is None:
            return None
        self._stale = False
        self._loads += 1
        load, today = self._loads, date.today()
        handle = self.ops.read(self, lambda _c: load_snapshot(context, today),
                               "letters and items") \
            .on_success(lambda snapshot: self._loaded(load, snapshot)).start()
        self.ledger.refresh()
        return handle

    def _loaded(self, load: int, snapshot: Snapshot) -> None:
        if load == self._loads:  # else a later read, after a later change, is on its way
            self.show_snapshot(snapshot)

    def _changed(self, changed: Changed) -> None:
        if self.context is None or not changed.touches(SHOWN_HERE):
            return
        origin = changed.origin
        own = isinstance(origin, QWidget) and (origin is self or self.isAncestorOf(origin))
        if self.isVisible() or own:
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def show_snapshot(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot
        self.letters.show_snapshot(snapshot)
        self.ledger.show_snapshot(snapshot)
        self.conflicts.show_snapshot(snapshot)
        self.tabs.setTabText(self.tabs.indexOf(self.conflicts), self.conflicts.tab_title())
        rows = snapshot.rows.values()
        drafts = sum(1 for letter in snapshot.letters if letter.issued_on is None)
        open_items = sum(1 for row in rows if row.state in OPEN_STATES)
        overdue = sum(1 for row in rows if row.overdue)
        reported = sum(1 for row in rows if row.state is ItemState.REPORTED)
        self.summary.setText(
            self.tr("%1 draft letter(s) to issue · %2 item(s) being rectified, %3 overdue, "
                    "%4 reported by the site · %5 conflict(s)")
            .replace("%1", str(drafts)).replace("%2", str(open_items))
            .replace("%3", str(overdue)).replace("%4", str(reported))
            .replace("%5", str(len(snapshot.conflicts))))

    def show_overdue(self) -> None:
        """The ledger of overdue items in front (where the work queue's overdue count leads)."""
        self.ledger.filters.set_states(frozenset())
        self.ledger.filters.overdue.setChecked(True)
        self.tabs.setCurrentWidget(self.ledger)

    # ------------------------------------------------------------------ settings

    def settings_dialog(self) -> OfficeSettingsDialog:
        from inspector.ui.dialogs.office_settings import OfficeSettingsDialog

        assert self.snapshot is not None
        settings = self.snapshot.settings
        return OfficeSettingsDialog(settings.issuer, settings.number_prefix,
                                    settings.deadline_days, date.today(), self)

    def edit_settings(self) -> JobHandle | None:
        from inspector.services import api
        from inspector.services.office_settings import OfficeSettings

        context = self.context
        if context is None or self.snapshot is None:
            return None
        dialog = self.settings_dialog()
        if not dialog.exec():
            return None
        chosen = OfficeSettings(*dialog.values())
        return self.ops.write(self, lambda _c: api.office.save_office_settings(context, chosen),
                              "office settings", changes=ITEMS_CHANGED).start()
