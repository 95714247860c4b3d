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
from inspector.ui.core.operations import Change, Changed, Operations

if TYPE_CHECKING:
    from inspector.app_paths import AppPaths
    from inspector.ui.core.worker import JobHandle


class RoleBanner(QFrame):
    """Hidden unless this installation has no role yet; emits ``chosen(role)`` once saved.
    A role chosen elsewhere (the Sync screen) hides it too."""

    chosen = Signal(str)  # the Role's word

    def __init__(self, ops: Operations, paths: AppPaths, default_name: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
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
        ops.changed.connect(self._changed)

    def check(self) -> JobHandle:
        """Make the identity if needed; show the bar if no role was chosen yet."""
        paths = self.paths
        return self.ops.read(self, lambda _c: api.sync.device_identity(paths),
                             "device identity") \
            .on_success(lambda me: self.setVisible(me.role is None)).start()

    def choose(self, role: Role | str) -> JobHandle:
        chosen, paths, name = Role(role), self.paths, self.name_edit.text()
        self.setEnabled(False)
        return self.ops.write(self, lambda _c: api.sync.set_role(paths, chosen, name), "role",
                              changes=Change.ROLE | Change.SYNC) \
            .on_success(lambda _me: self._saved(chosen)) \
            .on_done(lambda: self.setEnabled(True)).start()

    def _saved(self, role: Role) -> None:
        self.setVisible(False)
        self.chosen.emit(role)

    def _changed(self, changed: Changed) -> None:
        if changed.touches(Change.ROLE) and changed.origin is not self and not self.isHidden():
            self.check()
