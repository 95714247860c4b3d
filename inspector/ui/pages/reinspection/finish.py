"""Finishing a re-inspection: what is still missing (an item without a verdict, or not
rectified without a note), with a way to it; then the verdicts counted and who completes
it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from inspector.ui.dialogs.parts import NotFinishedList

if TYPE_CHECKING:
    from inspector.services.inspections import Problem


class MissingItemsDialog(NotFinishedList, QDialog):
    """Why the re-inspection cannot be completed yet; "Go to" jumps to the chosen item."""

    def __init__(self, problems: list[Problem], titles: dict[str, str],
                 parent: QWidget | None = None) -> None:
        """``titles``: each item's criterion by its id, in the order the items are shown."""
        super().__init__(parent)
        order = {criterion_id: index for index, criterion_id in enumerate(titles)}
        lines = []
        for problem in sorted(problems, key=lambda p: order.get(p.criterion_id, len(order))):
            reason = (self.tr("no verdict") if problem.reason == "unrated"
                      else self.tr("not rectified: needs a note"))
            title = titles.get(problem.criterion_id, problem.criterion_id)
            lines.append((f"{reason}：{title}", title, problem.criterion_id))
        self.lay_out_not_finished(
            self.tr("The re-inspection cannot be completed yet. Every item needs a verdict, "
                    "rectified or not rectified; an item not rectified needs a note saying "
                    "what is still missing:"),
            lines, self.tr("What is missing"), self.tr("&Go to it"))
        self.resize(620, 320)


class CompleteReinspectionDialog(QDialog):
    """The verdicts counted, and who completes the re-inspection; completing is the
    explicit last step (afterwards it is sent to the county office with the results)."""

    def __init__(self, rectified: int, not_rectified: int, actor: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Complete the re-inspection"))
        layout = QVBoxLayout(self)
        self.summary = QLabel(
            self.tr("%n item(s) rectified", "", rectified) + "　·　" +
            self.tr("%n item(s) not rectified", "", not_rectified))
        self.summary.setAccessibleName(self.tr("Verdicts"))
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)
        layout.addWidget(self.summary)
        explanation = QLabel(self.tr(
            "The county office closes the rectified items and keeps the others open once it "
            "has approved the re-inspection. After completing, it is read-only unless "
            "reopened."))
        explanation.setWordWrap(True)
        layout.addWidget(explanation)
        form = QFormLayout()
        self.actor = QLineEdit(actor)
        self.actor.setAccessibleName(self.tr("Completed by"))
        form.addRow(self.tr("Completed &by:"), self.actor)
        layout.addLayout(form)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #a15c00;")
        self.problem.setVisible(False)
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.complete_button = buttons.addButton(self.tr("&Complete"),
                                                 QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self._accept_if_named)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.complete_button.setDefault(True)
        self.actor.setFocus()
        self.resize(480, 0)

    def _accept_if_named(self) -> None:
        if not self.actor.text().strip():
            self.problem.setText(self.tr("Please enter who completes the re-inspection."))
            self.problem.setVisible(True)
            self.actor.setFocus()
            return
        self.accept()
