"""Above the Sync screen's tabs on a fresh installation: county office or field laptop."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QLineEdit, QPushButton, QRadioButton, QVBoxLayout, QWidget

from inspector.domain.values import Role


class RoleBox(QGroupBox):
    """The two roles and a name; ``chosen(role, name)`` when the user saves them."""

    chosen = Signal(object, str)  # Role, the name typed (may be blank)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Choose this computer's role (once)"))
        box = QVBoxLayout(self)
        self.office_choice = QRadioButton(self.tr("County office: receives results, sends "
                                                  "assignments and receipts"))
        self.field_choice = QRadioButton(self.tr("Field laptop: inspects sites, sends results "
                                                 "to the office"))
        self.field_choice.setChecked(True)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("A name for this computer, e.g. 张明的笔记本"))
        self.role_button = QPushButton(self.tr("Save the role"))
        self.role_button.clicked.connect(lambda: self.chosen.emit(
            Role.OFFICE if self.office_choice.isChecked() else Role.FIELD, self.name_edit.text()))
        for widget in (self.office_choice, self.field_choice, self.name_edit, self.role_button):
            box.addWidget(widget)
        self.setVisible(False)
