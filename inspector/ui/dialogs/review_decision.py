"""Approve a received inspection, or return it (退回) to its inspector with comments on the
whole and on single criteria. The dialog only asks; the Review tab records the decision."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector.services import text_limits

COMMENT_COLUMN = 4
ID_ROLE = Qt.ItemDataRole.UserRole
#: A light tint on the criteria the inspector found wanting (基本符合, 不符合).
FINDING_TINT = QColor(255, 243, 224)


@dataclass(frozen=True)
class CriterionLine:
    """One criterion of the inspection as the reviewer sees it."""

    criterion_id: str
    number: str
    text: str
    rating: str  # the rating's words ("" when not rated)
    note: str
    finding: bool  # rated partly or not met


class ReviewDecisionDialog(QDialog):
    """``returning``: a comment on the whole or on a criterion is needed; else approving,
    with an optional comment. :meth:`values` once accepted."""

    def __init__(self, returning: bool, inspection: str, reviewer: str,
                 criteria: Sequence[CriterionLine] = (), findings: int = 0,
                 is_reinspection: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.returning = returning
        self.setWindowTitle(self.tr("Return the inspection") if returning
                            else self.tr("Approve the inspection"))
        layout = QVBoxLayout(self)
        heading = QLabel(f"<b>{inspection}</b>")
        heading.setTextFormat(Qt.TextFormat.RichText)
        heading.setWordWrap(True)
        layout.addWidget(heading)
        intro = QLabel(self._intro(findings, is_reinspection))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.reviewer = QLineEdit(reviewer)
        self.reviewer.setMaxLength(text_limits.NAMES_MAX)
        self.reviewer.setAccessibleName(self.tr("Reviewer"))
        form.addRow(self.tr("Re&viewer:"), self.reviewer)
        self.comment = QPlainTextEdit()
        self.comment.setTabChangesFocus(True)
        self.comment.setAccessibleName(self.tr("Overall comment"))
        self.comment.setPlaceholderText(
            self.tr("What the inspector should look at again") if returning
            else self.tr("Optional"))
        self.comment.setMaximumHeight(self.fontMetrics().height() * 5)
        form.addRow(self.tr("Overall &comment:"), self.comment)
        layout.addLayout(form)
        self.criteria = QTableWidget(0, COMMENT_COLUMN + 1)
        if returning:
            layout.addWidget(QLabel(self.tr("Comments on criteria (type in the last column; "
                                            "criteria found wanting are tinted):")))
            self._fill(criteria)
            layout.addWidget(self.criteria, 1)
        else:
            self.criteria.hide()
            layout.addStretch(1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.decide_button = buttons.addButton(
            self.tr("&Return to the inspector") if returning else self.tr("&Approve"),
            QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.decide_button.setDefault(True)
        self.resize(1100, 660) if returning else self.resize(560, 260)
        (self.comment if reviewer.strip() else self.reviewer).setFocus()

    def _intro(self, findings: int, is_reinspection: bool) -> str:
        if self.returning:
            return self.tr("The inspection goes back to its laptop with the next assignment "
                           "bundle; the inspector sees your comments on the criteria concerned. "
                           "The ratings stay the inspector's.")
        if is_reinspection:
            return self.tr("Approving applies the re-inspection's verdicts: rectified items "
                           "close, the others stay open with the new finding.")
        if findings:
            return self.tr("Approving makes the inspection count as a result and drafts the "
                           "site's feedback letter with an item for each of the %n criteria "
                           "found wanting.", "", findings)
        return self.tr("Approving makes the inspection count as a result. Nothing was found "
                       "wanting: no feedback letter is needed.")

    def _fill(self, criteria: Sequence[CriterionLine]) -> None:
        table = self.criteria
        table.setHorizontalHeaderLabels([self.tr("No."), self.tr("Criterion"), self.tr("Rating"),
                                         self.tr("Inspector's note"),
                                         self.tr("Comment to the inspector")])
        table.setAccessibleName(self.tr("Comments on criteria"))
        table.verticalHeader().setVisible(False)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        table.setTabKeyNavigation(False)
        table.setWordWrap(True)
        table.setRowCount(len(criteria))
        for row, line in enumerate(criteria):
            cells = [line.number, line.text, line.rating, line.note]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                item.setToolTip(text)
                if line.finding:
                    item.setBackground(FINDING_TINT)
                table.setItem(row, column, item)
            comment = QTableWidgetItem("")
            comment.setData(ID_ROLE, line.criterion_id)
            table.setItem(row, COMMENT_COLUMN, comment)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COMMENT_COLUMN, QHeaderView.ResizeMode.Stretch)
        # Rows as high as their wrapped texts, at the widths the columns get.
        header.sectionResized.connect(lambda *_: table.resizeRowsToContents())
        first = next((row for row, line in enumerate(criteria) if line.finding), 0)
        if criteria:
            table.setCurrentCell(first, COMMENT_COLUMN)

    # ------------------------------------------------------------------ answers

    def set_criterion_comment(self, criterion_id: str, text: str) -> None:
        for row in range(self.criteria.rowCount()):
            item = self.criteria.item(row, COMMENT_COLUMN)
            if item is not None and item.data(ID_ROLE) == criterion_id:
                item.setText(text)
                return
        raise KeyError(criterion_id)

    def criterion_comments(self) -> dict[str, str]:
        found: dict[str, str] = {}
        for row in range(self.criteria.rowCount()):
            item = self.criteria.item(row, COMMENT_COLUMN)
            if item is not None and item.text().strip():
                found[str(item.data(ID_ROLE))] = item.text().strip()
        return found

    def values(self) -> tuple[str, str, dict[str, str]]:
        """The reviewer, the overall comment and the comments by criterion id."""
        return (self.reviewer.text().strip(), self.comment.toPlainText().strip(),
                self.criterion_comments())

    def problem(self) -> str:
        """What the answers still lack ("" when they are complete)."""
        if not self.reviewer.text().strip():
            return self.tr("Say who reviews: type your name.")
        if self.returning and not self.comment.toPlainText().strip() \
                and not self.criterion_comments():
            return self.tr("Say why it is returned: write an overall comment or a comment on at "
                           "least one criterion.")
        return ""

    def accept(self) -> None:
        editor = QApplication.focusWidget()
        if editor is not None and self.criteria.isAncestorOf(editor) and \
                self.criteria.state() == QAbstractItemView.State.EditingState:
            self.criteria.commitData(editor)  # the comment being typed counts (Alt+R)
        problem = self.problem()
        if problem:
            self.message.setText(problem)
            return
        super().accept()
