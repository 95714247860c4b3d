"""Settings: the language of the program and the name of the person using this laptop."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from inspector.services import text_limits
from inspector.ui.core.settings import LANGUAGES, UiSettings

LANGUAGE_NAMES = {"zh_CN": "简体中文", "en": "English"}


class SettingsDialog(QDialog):
    def __init__(self, settings: UiSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Language"))
        for code in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES.get(code, code), code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        label = QLabel(self.tr("&Language:"))
        label.setBuddy(self.language)
        form.addRow(label, self.language)
        self.inspector_name = QLineEdit(settings.inspector_name)
        self.inspector_name.setMaxLength(text_limits.NAMES_MAX)
        self.inspector_name.setAccessibleName(self.tr("Your name"))
        self.inspector_name.setPlaceholderText(self.tr("Filled in as inspector of new inspections"))
        name_label = QLabel(self.tr("Your &name:"))
        name_label.setBuddy(self.inspector_name)
        form.addRow(name_label, self.inspector_name)
        layout.addLayout(form)
        self.restart_note = QLabel(self.tr("A new language takes effect when the program is "
                                           "started again."))
        self.restart_note.setWordWrap(True)
        layout.addWidget(self.restart_note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen(self) -> UiSettings:
        return UiSettings(
            language=str(self.language.currentData()),
            inspector_name=self.inspector_name.text().strip(),
        )
