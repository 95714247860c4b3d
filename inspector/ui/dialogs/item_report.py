"""Recording a site's rectification report (整改报告) on one item, as the office received it:
the date on the report, what it says, and its photos or scanned pages."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector.services import text_limits
from inspector.ui.dialogs.parts import CheckedOk, qdate


class ItemReportDialog(CheckedOk, QDialog):
    """OK gives :meth:`values` (date, text, files). ``ask_files`` asks for image files (the
    file dialog; tests give their own)."""

    def __init__(self, site_name: str, criterion: str, requirement: str, today: date,
                 ask_files: Callable[[QWidget], list[Path]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        self._ask_files = ask_files
        self.setWindowTitle(self.tr("Record the site's rectification report"))
        self.setMinimumSize(560, 480)
        layout = QVBoxLayout(self)
        title = QLabel(f"<b>{site_name}</b>")
        layout.addWidget(title)
        about = QLabel(criterion)
        about.setWordWrap(True)
        layout.addWidget(about)
        asked = QLabel(self.tr("Requirement: %1").replace("%1", requirement))
        asked.setWordWrap(True)
        layout.addWidget(asked)
        form = QFormLayout()
        self.reported_on = QDateEdit(qdate(today))
        self.reported_on.setCalendarPopup(True)
        self.reported_on.setDisplayFormat("yyyy-MM-dd")
        self.reported_on.setMaximumDate(qdate(today))
        self.reported_on.setAccessibleName(self.tr("Date of the report"))
        form.addRow(self.tr("Report &date:"), self.reported_on)
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setAccessibleName(self.tr("What the report says"))
        self.text.setPlaceholderText(self.tr("What the site says it has done"))
        form.addRow(self.tr("&Text:"), self.text)
        layout.addLayout(form, 1)
        layout.addWidget(QLabel(self.tr("Attachments (photos or scanned pages):")))
        row = QHBoxLayout()
        self.files = QListWidget()
        self.files.setAccessibleName(self.tr("Attachments"))
        self.files.setMaximumHeight(110)
        row.addWidget(self.files, 1)
        side = QVBoxLayout()
        self.add_button = QPushButton(self.tr("&Add images…"))
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_files)
        self.remove_button = QPushButton(self.tr("&Remove"))
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(self.remove_selected)
        side.addWidget(self.add_button)
        side.addWidget(self.remove_button)
        side.addStretch(1)
        row.addLayout(side)
        layout.addLayout(row)
        self.add_problem_and_buttons(layout, self.tr("Rec&ord"))
        self.files.currentRowChanged.connect(lambda _r: self._buttons())
        self._buttons()
        self.text.setFocus()

    def add_files(self) -> None:
        for path in self._ask_files(self):
            self.add_file(path)

    def add_file(self, path: Path) -> None:
        if str(path) in self.paths_text():
            return
        item = QListWidgetItem(path.name)
        item.setToolTip(str(path))
        item.setData(Qt.ItemDataRole.UserRole, str(path))
        self.files.addItem(item)
        self.files.setCurrentItem(item)
        self._buttons()

    def remove_selected(self) -> None:
        row = self.files.currentRow()
        if row >= 0:
            self.files.takeItem(row)
        self._buttons()

    def paths_text(self) -> list[str]:
        return [str(self.files.item(i).data(Qt.ItemDataRole.UserRole))
                for i in range(self.files.count())]

    def _buttons(self) -> None:
        self.remove_button.setEnabled(self.files.currentRow() >= 0)

    def problem_text(self) -> str:
        reported = self.reported_on.date().toPython()
        if isinstance(reported, date) and reported > self.today:
            return self.tr("The report cannot be dated after today.")
        if not self.text.toPlainText().strip() and self.files.count() == 0:
            return self.tr("Enter what the report says or add its pages.")
        if len(self.text.toPlainText()) > text_limits.NOTE_MAX:
            return self.tr("The text is too long; shorten it.")
        return ""

    def values(self) -> tuple[date, str, list[Path]]:
        reported = self.reported_on.date().toPython()
        assert isinstance(reported, date)
        return reported, self.text.toPlainText().strip(), [Path(p) for p in self.paths_text()]
