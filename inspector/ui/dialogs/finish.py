"""Finishing an inspection (completeness check, then the summary) and reopening one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector.ui.dialogs.parts import NotFinishedList
from inspector.ui.pages.checklist.criterion_card import NoteEdit

if TYPE_CHECKING:
    from inspector.domain.scoring import Summary
    from inspector.domain.templates import ChecklistTemplate
    from inspector.services.api.inspections import ChecklistData, FinishCheck


class MissingDialog(NotFinishedList, QDialog):
    """Why the inspection cannot be completed yet; "Go to" jumps to the chosen criterion."""

    def __init__(self, check: FinishCheck, data: ChecklistData, numbers: dict[str, str],
                 language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lines = []
        for problem in check.problems:
            criterion = data.template.criterion(problem.criterion_id)
            reason = (self.tr("not rated") if problem.reason == "unrated"
                      else self.tr("needs a note saying why it does not apply")
                      if not _counted(data, problem.criterion_id)
                      else self.tr("needs a note"))
            text = criterion.text.get(language)
            lines.append((f"{numbers.get(criterion.id, '')}  {reason}：{text}", text,
                          problem.criterion_id))
        self.lay_out_not_finished(
            self.tr("The inspection cannot be completed yet. Every criterion needs a rating; a "
                    "rating of partly meets or does not meet needs a note saying what is "
                    "missing, and not applicable a note saying why:"),
            lines, self.tr("What is missing"), self.tr("&Go to it"))
        self.resize(620, 380)


def _counted(data: ChecklistData, criterion_id: str) -> bool:
    """Whether the criterion's rating counts in the score (not applicable does not)."""
    answer = data.answers.get(criterion_id)
    option = next((o for o in data.template.rating_scale
                   if answer is not None and o.id == answer.rating), None)
    return option is None or option.counted


class SummaryDialog(QDialog):
    """Result per indicator and overall, the overall comment (综合意见); completing is the
    explicit last step.

    The overall comment is filled in with what was written on the checklist page and
    may be changed here; Complete is refused, with a visible message, while it is empty
    (it is the conclusion of the report). :meth:`comment` is what to save.
    """

    def __init__(self, check: FinishCheck, template: ChecklistTemplate, actor: str,
                 parent: QWidget | None = None, language: str = "zh",
                 comment: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Complete the inspection"))
        children = {level1.id: [level2.id for level2 in level1.indicators]
                    for level1 in template.indicators}
        layout = QVBoxLayout(self)
        self.table = QTreeWidget()
        self.table.setAccessibleName(self.tr("Summary"))
        self.table.setHeaderLabels([self.tr("Indicator"), self.tr("Rated"), self.tr("Result"),
                                    self.tr("Ratings")])
        self.scale = template.rating_scale
        self.language = language
        self.table.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        summary = check.summary
        level2 = {s.id: s for s in summary.level2}
        for level1 in summary.level1:
            item = self._row(level1)
            self.table.addTopLevelItem(item)
            for child_id in children.get(level1.id, []):
                if child_id in level2:
                    item.addChild(self._row(level2[child_id]))
        total = self._row(summary.overall)
        total.setText(0, self.tr("Overall"))
        font = total.font(0)
        font.setBold(True)
        for column in range(4):
            total.setFont(column, font)
        self.table.addTopLevelItem(total)
        self.table.expandAll()
        layout.addWidget(self.table, 1)
        form = QFormLayout()
        self.overall_comment = NoteEdit()
        self.overall_comment.setPlainText(comment)
        self.overall_comment.setTabChangesFocus(True)
        self.overall_comment.setAccessibleName(self.tr("Overall comment"))
        self.overall_comment.setPlaceholderText(self.tr(
            "The conclusion of the visit: what is good, what must be improved (printed in the "
            "report)"))
        self.overall_comment.setFixedHeight(
            self.overall_comment.fontMetrics().lineSpacing() * 4 + 16)
        form.addRow(self.tr("&Overall comment:"), self.overall_comment)
        self.actor = QLineEdit(actor)
        self.actor.setAccessibleName(self.tr("Completed by"))
        form.addRow(self.tr("Completed &by:"), self.actor)
        layout.addLayout(form)
        self.problem = QLabel()
        self.problem.setObjectName("summaryProblem")
        self.problem.setStyleSheet("color: #a15c00;")
        self.problem.setWordWrap(True)
        self.problem.setVisible(False)
        layout.addWidget(self.problem)
        note = QLabel(self.tr("A completed inspection is read-only. It can be reopened later; "
                              "reopening is recorded."))
        note.setWordWrap(True)
        layout.addWidget(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.complete_button = buttons.addButton(self.tr("&Complete inspection"),
                                                 QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self._accept_if_commented)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.complete_button.setDefault(True)  # once inside the dialog (else Cancel would be)
        self.resize(760, 620)
        if not comment.strip():
            self.overall_comment.setFocus()

    def comment(self) -> str:
        """The overall comment as written (kept as typed, like every note)."""
        return self.overall_comment.toPlainText()

    def _accept_if_commented(self) -> None:
        if not self.comment().strip():
            self.problem.setText(self.tr(
                "Please write the overall comment: it is the conclusion of the "
                "report."))
            self.problem.setVisible(True)
            self.overall_comment.setFocus()
            return
        if not self.overall_comment.fits():
            self.problem.setText(self.tr("The overall comment is too long: please shorten it."))
            self.problem.setVisible(True)
            self.overall_comment.setFocus()
            return
        self.accept()

    def _row(self, summary: Summary) -> QTreeWidgetItem:
        counts = " · ".join(f"{option.label.get(self.language)} {summary.counts[option.id]}"
                            for option in self.scale if summary.counts.get(option.id))
        return QTreeWidgetItem([summary.label, f"{summary.rated}/{summary.total}",
                                summary.percent, counts])


class ReopenDialog(QDialog):
    """Confirming a reopen: who reopens it and why (both are recorded).

    The name comes filled in from the settings; Reopen is refused, with a visible
    message, while it is empty.
    """

    def __init__(self, actor: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reopen the inspection"))
        layout = QVBoxLayout(self)
        text = QLabel(self.tr("Reopen this completed inspection so that it can be changed? "
                              "Your name and the time are recorded."))
        text.setWordWrap(True)
        layout.addWidget(text)
        form = QFormLayout()
        self.actor = QLineEdit(actor.strip())
        self.actor.setAccessibleName(self.tr("Your name"))
        form.addRow(self.tr("Your &name:"), self.actor)
        self.reason = QLineEdit()
        self.reason.setAccessibleName(self.tr("Reason"))
        form.addRow(self.tr("Rea&son:"), self.reason)
        layout.addLayout(form)
        self.problem = QLabel()
        self.problem.setObjectName("reopenProblem")
        self.problem.setStyleSheet("color: #a15c00;")
        self.problem.setVisible(False)
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.reopen_button = buttons.addButton(self.tr("&Reopen"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self._accept_if_named)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.reopen_button.setDefault(True)  # once inside the dialog (else Cancel would be)
        (self.reason if self.actor.text() else self.actor).setFocus()

    def _accept_if_named(self) -> None:
        if not self.actor.text().strip():
            self.problem.setText(self.tr("Please enter your name: it is recorded with the "
                                         "reopening."))
            self.problem.setVisible(True)
            self.actor.setFocus()
            return
        self.accept()
