"""The way into the Supervision screen: File → Supervision…, offered only where this
installation is the county office (on a field laptop it stays disabled and says why). The
screen is made when first asked for and hosted in the window's pages."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from inspector.domain.values import Role
from inspector.services import api
from inspector.ui.core.operations import Change, Changed

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from inspector.ui.core.worker import JobHandle
    from inspector.ui.main_window import MainWindow
    from inspector.ui.pages.office.screen import OfficeScreen


class OfficeEntry(QObject):
    """Keeps ``action`` enabled only on the county office; :meth:`show` shows the screen."""

    def __init__(self, window: MainWindow, action: QAction) -> None:
        super().__init__(window)
        self.window = window
        self.action = action
        self.role: Role | None = None
        self.screen: OfficeScreen | None = None
        self._explain()
        window.ops.changed.connect(self._changed)

    def check(self) -> JobHandle:
        """Read this installation's role (the data is open) and offer the screen or not."""
        paths = self.window.paths
        return self.window.ops.read(None, lambda _c: api.sync.device_identity(paths), "role") \
            .on_success(lambda me: self._role_known(me.role)).start()

    def _changed(self, changed: Changed) -> None:
        if changed.touches(Change.ROLE) and self.window.context is not None:
            self.check()

    def _role_known(self, role: Role | None) -> None:
        self.role = role
        self._explain()
        window = self.window
        if role is not Role.OFFICE and self.screen is not None and \
                window.pages.currentWidget() is self.screen:
            window.show_sites()  # this computer is no longer the office

    def _explain(self) -> None:
        office = self.role is Role.OFFICE and self.window.context is not None
        self.action.setEnabled(office)
        if office:
            why = self.tr("Review received inspections, plan and draw campaigns, follow "
                          "feedback letters and rectification")
        elif self.role is Role.FIELD:
            why = self.tr("Only on the county office's computer: this one is a field laptop "
                          "(its role is changed on the Sync screen)")
        elif self.window.context is None:
            why = self.tr("Available once the data is open")
        else:
            why = self.tr("Only on the county office's computer: choose this computer's role "
                          "first")
        self.action.setToolTip(why)
        self.action.setStatusTip(why)

    def show(self) -> OfficeScreen | None:
        """The screen, made when first asked for, brought to the front."""
        window = self.window
        if window.context is None or self.role is not Role.OFFICE:
            return None
        if self.screen is None:
            from inspector.ui.pages.office.screen import OfficeScreen

            self.screen = OfficeScreen(window.ops, lambda: window.settings.inspector_name,
                                       language=lambda: window.settings.template_language)
            self.screen.back_requested.connect(window.show_sites)
            self.screen.inspection_requested.connect(window.open_inspection)
            window.pages.addWidget(self.screen)
            self.screen.set_context(window.context)
        else:
            self.screen.refresh()
        window.pages.setCurrentWidget(self.screen)
        self.screen.tabs.currentWidget().setFocus()
        return self.screen
