"""At first start: a calm bar above the site list asking what this computer is for.

An installation is either the county office or a field laptop. The question is
asked once, in the window, without blocking it (the sites can be looked at
first); the choice is saved with the device identity, which is made at the same
first start. Changing the role later is an explicit, confirmed action on the
Sync screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from inspector.domain.values import Role
from inspector.services import api, text_limits

if TYPE_CHECKING:
    from inspector.app_paths import AppPaths
    from inspector.ui.worker import JobHandle, Worker


class RoleBanner(QFrame):
    """Hidden unless this installation has no role yet; emits ``chosen(role)`` once saved."""

    chosen = Signal(str)  # the Role's word
    failed = Signal(object)  # the exception, for the window to show

    def __init__(self, worker: Worker, paths: AppPaths, default_name: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.paths = paths
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Choose this computer's role"))
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        question = QLabel(self.tr("First start: what is this computer for?"))
        question.setWordWrap(True)
        row.addWidget(question, 1)
        self.name_edit = QLineEdit(default_name)
        self.name_edit.setMaxLength(text_limits.NAMES_MAX)
        self.name_edit.setPlaceholderText(self.tr("A name for this computer, e.g. 张明的笔记本"))
        self.name_edit.setAccessibleName(self.tr("A name for this computer"))
        self.name_edit.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 22)
        row.addWidget(self.name_edit)
        self.field_button = QPushButton(self.tr("Field l&aptop (inspects sites)"))
        self.field_button.setToolTip(self.tr(
            "Inspects sites and sends the results to the county office"))
        self.field_button.clicked.connect(lambda: self.choose(Role.FIELD))
        row.addWidget(self.field_button)
        self.office_button = QPushButton(self.tr("&County office (receives results)"))
        self.office_button.setToolTip(self.tr(
            "Receives the laptops' results, sends sites, checklists and assignments"))
        self.office_button.clicked.connect(lambda: self.choose(Role.OFFICE))
        row.addWidget(self.office_button)
        self.setVisible(False)

    def check(self) -> JobHandle:
        """Make the identity if needed; show the bar if no role was chosen yet."""
        paths = self.paths
        handle = self.worker.submit(lambda _c: api.sync.device_identity(paths), "device identity")
        handle.finished.connect(lambda me: self.setVisible(me.role is None))
        handle.failed.connect(self.failed.emit)
        return handle

    def choose(self, role: Role) -> JobHandle:
        paths, name = self.paths, self.name_edit.text()
        self.setEnabled(False)
        handle = self.worker.submit_serial(lambda _c: api.sync.set_role(paths, role, name), "role")
        handle.finished.connect(lambda _me: self._saved(role))
        handle.failed.connect(self._failed)
        return handle

    def _saved(self, role: Role) -> None:
        self.setEnabled(True)
        self.setVisible(False)
        self.chosen.emit(role)

    def _failed(self, exc: BaseException) -> None:
        self.setEnabled(True)
        self.failed.emit(exc)
