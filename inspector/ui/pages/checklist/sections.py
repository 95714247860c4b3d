"""What the checklist page shows for one section: an indicator's criteria as cards, the
visit's general photos, or the overall comment (综合意见)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from inspector.domain.outline import Outline, SectionOutline
from inspector.services.api.inspections import ChecklistData
from inspector.ui.core.operations import Operations
from inspector.ui.pages.checklist.answers import Answers
from inspector.ui.pages.checklist.criterion_card import CriterionCard, DebouncedNote

if TYPE_CHECKING:
    from inspector.services.context import AppContext
    from inspector.services.review import ReviewRecord
    from inspector.ui.widgets.photo_strip import PhotoStrip

PhotoFactory = Callable[[str | None], QWidget]


def photo_strip(ops: Operations, context: AppContext, data: ChecklistData, walk: Outline,
                numbers: dict[str, str], language: str, criterion_id: str | None) -> PhotoStrip:
    """The photos of a criterion (None: of the whole visit), which can be moved to any
    criterion of the checklist."""
    from inspector.ui.widgets.photo_strip import PhotoStrip

    targets: list[tuple[str | None, str]] = [
        (None, QCoreApplication.translate("ChecklistPage", "General photos of the visit"))]
    for criterion in walk.criteria:
        text = criterion.text.get(language)
        targets.append((criterion.id, f"{numbers[criterion.id]} {text[:40]}"))
    return PhotoStrip(ops, context, data.inspection_id, criterion_id, data.completed,
                      targets=targets)


def criteria_section(data: ChecklistData, answers: Answers, section: SectionOutline,
                     numbers: dict[str, str], language: str,
                     photos: PhotoFactory | None, review: ReviewRecord | None = None
                     ) -> tuple[QWidget, list[CriterionCard]]:
    """An indicator's heading and a card per criterion, each with its photos (and the
    reviewer's comment, when the office returned the inspection with one on it)."""
    container = QWidget()
    column = QVBoxLayout(container)
    level1 = data.template.level1_of(section.indicator.id)
    column.addWidget(QLabel(f"<h3>{level1.label(language)} · "
                            f"{section.indicator.label(language)}</h3>"))
    cards: list[CriterionCard] = []
    comments = review.criterion_comments if review is not None else {}
    for criterion in section.criteria:
        comment = comments.get(criterion.id)
        card = CriterionCard(criterion, numbers[criterion.id], data.template.rating_scale,
                             language, answers.get(criterion.id),
                             data.previous.get(criterion.id), data.completed,
                             review=(review.reviewer, comment) if review and comment else None)
        if photos is not None:
            card.photo_row.addWidget(photos(criterion.id))
        column.addWidget(card)
        cards.append(card)
    column.addStretch(1)
    return container, cards


def general_section(photos: PhotoFactory | None) -> QWidget:
    """The photos of the whole visit, not of one criterion."""
    container = QWidget()
    column = QVBoxLayout(container)
    title = QCoreApplication.translate("ChecklistPage", "General photos of the visit")
    column.addWidget(QLabel(f"<h3>{title}</h3>"))
    if photos is not None:
        column.addWidget(photos(None))
    column.addStretch(1)
    return container


def overall_section(text: str, read_only: bool) -> tuple[QWidget, DebouncedNote]:
    """The overall comment: the conclusion of the visit, printed in the report."""
    container = QWidget()
    column = QVBoxLayout(container)
    heading = QLabel(QCoreApplication.translate("ChecklistPage", "&Overall comment"))
    heading.setObjectName("overallHeading")
    font = heading.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.17)
    heading.setFont(font)
    column.addWidget(heading)
    if not read_only:
        explanation = QLabel(QCoreApplication.translate(
            "ChecklistPage",
            "The conclusion of the whole visit: what is good, what must be improved and "
            "by when. It is printed in the report; finishing the inspection asks for it."))
        explanation.setWordWrap(True)
        column.addWidget(explanation)
    editor = DebouncedNote(text, read_only)
    editor.setAccessibleName(QCoreApplication.translate("ChecklistPage", "Overall comment"))
    if not read_only:
        editor.setPlaceholderText(QCoreApplication.translate(
            "ChecklistPage",
            "For example: the station is well run; its volunteer team should be recorded "
            "by the end of the year."))
    editor.setMinimumHeight(editor.fontMetrics().lineSpacing() * 8 + 16)
    heading.setBuddy(editor)
    column.addWidget(editor)
    column.addStretch(1)
    return container, editor
