"""An inspection the county office returned (退回): a calm banner above the checklist with
the reviewer's overall comment and a way to the criteria it commented on, and the style of
those comments on the cards (the office's words, never the inspector's note)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from inspector.ui.labels import local_time

if TYPE_CHECKING:
    from inspector.services.review import ReviewRecord

#: The colour of the office's words: the banner's frame and each comment's left edge.
OFFICE_COLOUR = QColor("#3f6f9f")
OFFICE_BACKGROUND = QColor("#eef3f8")
OFFICE_TEXT = QColor("#1f2d3a")
NEXT_COMMENT_KEY = "F8"

COMMENT_STYLE = (f"QLabel#reviewComment {{ background: {OFFICE_BACKGROUND.name()}; "
                 f"color: {OFFICE_TEXT.name()}; "
                 f"border-left: 3px solid {OFFICE_COLOUR.name()}; padding: 4px 8px; }}")


def comment_mark() -> QIcon:
    """A small dot in the office's colour: an indicator with commented criteria."""
    pixmap = QPixmap(12, 12)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(OFFICE_COLOUR)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(1, 1, 10, 10)
    painter.end()
    return QIcon(pixmap)


class ReturnedBanner(QFrame):
    """Hidden unless the inspection shown answers a return; ``next_requested`` when the
    inspector asks for the next commented criterion."""

    next_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("returnedBanner")
        self.setStyleSheet(
            f"QFrame#returnedBanner {{ background: {OFFICE_BACKGROUND.name()}; "
            f"border: 1px solid {OFFICE_COLOUR.name()}; border-radius: 4px; }} "
            f"QFrame#returnedBanner QLabel {{ color: {OFFICE_TEXT.name()}; }}")
        self.setAccessibleName(self.tr("Returned by the county office"))
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 10, 6)
        column = QVBoxLayout()
        column.setSpacing(2)
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        column.addWidget(self.heading)
        self.comment = QLabel()
        self.comment.setWordWrap(True)
        self.comment.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.comment.setAccessibleName(self.tr("The reviewer's comment"))
        column.addWidget(self.comment)
        self.criteria = QLabel()
        column.addWidget(self.criteria)
        row.addLayout(column, 1)
        self.next_button = QPushButton(self.tr("Next comment (%1)").replace(
            "%1", NEXT_COMMENT_KEY))
        self.next_button.setAccessibleName(self.tr("Go to the next criterion with a comment"))
        self.next_button.clicked.connect(lambda: self.next_requested.emit())
        row.addWidget(self.next_button, 0, Qt.AlignmentFlag.AlignTop)
        self.setVisible(False)

    def show_comments(self, record: ReviewRecord | None) -> None:
        """The return being answered, or None: hidden."""
        self.setVisible(record is not None)
        if record is None:
            return
        self.heading.setText(
            "<b>" + self.tr("Returned by the county office") + "</b>　" +
            self.tr("Reviewer: %1 · %2").replace("%1", record.reviewer).replace(
                "%2", local_time(str(record.at))))
        self.comment.setText(record.comment or self.tr("(no overall comment)"))
        count = len(record.criterion_comments)
        self.criteria.setText(self.tr("%n criterion/criteria have comments: change what is "
                                      "needed and finish the inspection again.", "", count)
                              if count else
                              self.tr("Change what is needed and finish the inspection again."))
        self.next_button.setVisible(count > 0)


def comment_label(reviewer: str, text: str) -> QLabel:
    """A reviewer's comment on one criterion, as it stands on the criterion's card."""
    from PySide6.QtCore import QCoreApplication

    label = QLabel(QCoreApplication.translate("ReturnedBanner", "Reviewer %1: %2")
                   .replace("%1", reviewer).replace("%2", text))
    label.setObjectName("reviewComment")
    label.setWordWrap(True)
    label.setStyleSheet(COMMENT_STYLE)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAccessibleName(QCoreApplication.translate("ReturnedBanner",
                                                       "The county office's comment"))
    return label
