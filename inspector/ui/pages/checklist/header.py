"""The checklist page's header: back to the sites, the inspection's title and details,
how many criteria are rated, how saving goes, and the buttons for its details, finishing
and reopening."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from inspector.domain.scoring import summarize
from inspector.services.api.inspections import ChecklistData
from inspector.ui.labels import status_name, tier_name
from inspector.ui.pages.checklist.autosave import SaveStatus


class ChecklistHeader(QWidget):
    """Its buttons are connected by the page; it only lays them out and labels them (in
    the translation context of the page, where these words have always been)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.back_button = QPushButton(QCoreApplication.translate("ChecklistPage", "← Site &list"))
        self.back_button.setAccessibleName(
            QCoreApplication.translate("ChecklistPage", "Back to the sites"))
        row.addWidget(self.back_button)
        self.title = QLabel()
        self.title.setAccessibleName(QCoreApplication.translate("ChecklistPage", "Inspection"))
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.title.setFont(font)
        row.addWidget(self.title, 1)
        self.progress = QLabel()  # "9/21 rated"
        self.progress.setObjectName("ratedProgress")
        self.progress.setAccessibleName(
            QCoreApplication.translate("ChecklistPage", "Criteria rated"))
        row.addWidget(self.progress)
        self.save_label = QLabel()
        self.save_label.setAccessibleName(
            QCoreApplication.translate("ChecklistPage", "Save status"))
        row.addWidget(self.save_label)
        self.details_button = QPushButton(
            QCoreApplication.translate("ChecklistPage", "&Edit details…"))
        self.details_button.setAccessibleName(QCoreApplication.translate(
            "ChecklistPage",
            "Edit the date, the inspectors and the site staff of this inspection"))
        row.addWidget(self.details_button)
        self.finish_button = QPushButton(QCoreApplication.translate("ChecklistPage", "Fi&nish…"))
        row.addWidget(self.finish_button)
        self.reopen_button = QPushButton(
            QCoreApplication.translate("ChecklistPage", "&Reopen…"))
        row.addWidget(self.reopen_button)
        column.addLayout(row)
        self.details = QLabel()
        self.details.setWordWrap(True)
        column.addWidget(self.details)

    def show_inspection(self, data: ChecklistData, items: int = 0,
                        found_on: date | None = None) -> None:
        """The site, date and status (with the score once completed); the tier, the people
        and, for a revisit, the visit it follows. A re-inspection (``items`` to verify,
        found on ``found_on``) says so, without a score: it rates no criteria."""
        title = f"{data.site_name} · {data.visit_date.isoformat()} · {status_name(data.status)}"
        if items:
            title = QCoreApplication.translate("ChecklistPage", "Re-inspection") + " · " + title
        elif data.completed:  # the result of the visit, as the site list and the report show it
            ratings = {cid: a.rating for cid, a in data.answers.items() if a.rating}
            score = summarize(data.template, data.tier, ratings).overall.percent
            title += " · " + QCoreApplication.translate("ChecklistPage", "Score %1").replace(
                "%1", score)
        self.title.setText(title)
        parts = [tier_name(data.tier),
                 QCoreApplication.translate("ChecklistPage", "Inspectors: %1").replace(
                     "%1", data.inspectors or "—"),
                 QCoreApplication.translate("ChecklistPage", "Site staff: %1").replace(
                     "%1", data.site_staff or "—")]
        if items:
            parts.append((QCoreApplication.translate(
                "ChecklistPage", "verifies %1 rectification item(s) found on %2").replace(
                "%2", found_on.isoformat()) if found_on else QCoreApplication.translate(
                "ChecklistPage", "verifies %1 rectification item(s)")).replace("%1", str(items)))
        elif data.previous_date:
            parts.append(QCoreApplication.translate("ChecklistPage", "Revisit of %1").replace(
                "%1", data.previous_date.isoformat()))
        if data.completed:
            parts.append(QCoreApplication.translate(
                "ChecklistPage", "Read-only. Reopen it to change anything."))
        self.details.setText(" · ".join(parts))

    def show_checked(self, done: int, total: int) -> None:
        """A re-inspection's progress: how many of its items have a verdict."""
        self.progress.setText(QCoreApplication.translate(
            "ChecklistPage", "%1/%2 items checked").replace("%1", str(done)).replace(
            "%2", str(total)))

    def show_save_status(self, status: SaveStatus) -> None:
        texts = {
            SaveStatus.SAVING: QCoreApplication.translate("ChecklistPage", "Saving…"),
            SaveStatus.SAVED: QCoreApplication.translate("ChecklistPage", "All changes saved"),
            SaveStatus.FAILED: QCoreApplication.translate("ChecklistPage", "Not saved!"),
            SaveStatus.WAITING: QCoreApplication.translate("ChecklistPage",
                                                           "Waiting for the database…"),
        }
        self.save_label.setText(texts.get(status, ""))
