"""The checklist page's left side: first- and second-level indicators with progress (2/3),
then the visit's general photos and the overall comment (综合意见)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

if TYPE_CHECKING:
    from inspector.domain.outline import Outline
    from inspector.domain.templates import Criterion, Indicator2
    from inspector.ui.pages.checklist.navigation import ChecklistNavigation

GENERAL = "__general__"  # the entry for the visit's general photos
OVERALL = "__overall__"  # the entry for the overall comment of the visit
INDICATOR_ROLE = Qt.ItemDataRole.UserRole
COMMENTED = "✓"  # the overall comment's progress once it is written

Groups = list[tuple["Indicator2", tuple["Criterion", ...]]]


class _WrappingDelegate(QStyledItemDelegate):
    """Indicator names wrap onto more lines instead of being cut off ("（一）Facili…").

    A tree view asks for row heights without saying how wide the column is; this
    delegate measures the text at the width the name really has: the first column
    less the indentation of the row.
    """

    def __init__(self, tree: IndicatorTree) -> None:
        super().__init__(tree)
        self.tree = tree

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        if index.column() != 0:
            return super().sizeHint(option, index)
        depth = 0
        parent = index.parent()
        while parent.isValid():
            depth += 1
            parent = parent.parent()
        indent = self.tree.indentation() * (depth + (1 if self.tree.rootIsDecorated() else 0))
        width = max(40, self.tree.header().sectionSize(0) - indent)
        wrapped = QStyleOptionViewItem(option)
        wrapped.rect = QRect(0, 0, width, max(1, option.rect.height()))  # valid: wrapped
        wrapped.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
        size = super().sizeHint(wrapped, index)
        return QSize(min(size.width(), width), size.height())


class IndicatorTree(QTreeWidget):
    """Items hold the index of their group (second-level indicator), :data:`GENERAL`
    or :data:`OVERALL`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderLabels([self.tr("Indicator"), self.tr("Done")])
        self.setAccessibleName(self.tr("Indicators"))
        # The indicator names take the width there is and wrap onto more lines (full
        # text also in a tooltip); the progress column is as wide as "10/10": no
        # horizontal scrolling.
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setItemDelegate(_WrappingDelegate(self))
        # Row heights follow the width of the names' column (window or splitter resized):
        # the view does not ask for them again by itself.
        self._relayout = QTimer(self)
        self._relayout.setSingleShot(True)
        self._relayout.setInterval(0)
        self._relayout.timeout.connect(self.doItemsLayout)
        header.sectionResized.connect(self._column_resized)
        self.groups: Groups = []

    def _column_resized(self, column: int, _old: int, _new: int) -> None:
        if column == 0:
            self._relayout.start()

    def fill(self, walk: Outline, language: str) -> None:
        self.groups = [(section.indicator, section.criteria) for section in walk.sections]
        self.blockSignals(True)
        self.clear()
        for level1 in walk.indicators:
            parent = QTreeWidgetItem([level1.indicator.label(language), ""])
            parent.setFlags(parent.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            parent.setData(0, INDICATOR_ROLE, level1.indicator.id)
            parent.setToolTip(0, level1.indicator.label(language))
            self.addTopLevelItem(parent)
            for section in level1.sections:
                child = QTreeWidgetItem([section.indicator.label(language), ""])
                child.setData(0, INDICATOR_ROLE, section.index)
                child.setToolTip(0, section.indicator.label(language))
                parent.addChild(child)
        general = QTreeWidgetItem([self.tr("General photos of the visit"), ""])
        general.setData(0, INDICATOR_ROLE, GENERAL)
        self.addTopLevelItem(general)
        overall = QTreeWidgetItem([self.tr("Overall comment"), ""])
        overall.setData(0, INDICATOR_ROLE, OVERALL)
        overall.setToolTip(0, self.tr("The overall comment of the visit (printed in the report)"))
        font = overall.font(0)
        font.setBold(True)
        overall.setFont(0, font)
        self.addTopLevelItem(overall)
        self.expandAll()
        self.blockSignals(False)

    def top_items(self) -> list[QTreeWidgetItem]:
        items = (self.topLevelItem(i) for i in range(self.topLevelItemCount()))
        return [item for item in items if item is not None]

    @staticmethod
    def children_of(parent: QTreeWidgetItem) -> list[QTreeWidgetItem]:
        items = (parent.child(row) for row in range(parent.childCount()))
        return [item for item in items if item is not None]

    def _top_item(self, role: str) -> QTreeWidgetItem | None:
        return next((item for item in self.top_items()
                     if item.data(0, INDICATOR_ROLE) == role), None)

    def general_item(self) -> QTreeWidgetItem | None:
        return self._top_item(GENERAL)

    def overall_item(self) -> QTreeWidgetItem | None:
        return self._top_item(OVERALL)

    def item_for_group(self, index: int) -> QTreeWidgetItem | None:
        for parent in self.top_items():
            for child in self.children_of(parent):
                if child.data(0, INDICATOR_ROLE) == index:
                    return child
        return None

    def item_for_section(self, section: int, nav: ChecklistNavigation) -> QTreeWidgetItem | None:
        """The entry of a section of the page (an indicator, the photos, the comment)."""
        if section == nav.general:
            return self.general_item()
        if section == nav.overall:
            return self.overall_item()
        return self.item_for_group(section)

    @staticmethod
    def section_of(item: QTreeWidgetItem, nav: ChecklistNavigation) -> int | None:
        """The section an entry stands for (None: a first-level indicator, a heading)."""
        value = item.data(0, INDICATOR_ROLE)
        return nav.general if value == GENERAL else nav.overall \
            if value == OVERALL else value if isinstance(value, int) else None

    def mark_comments(self, commented: set[str] | frozenset[str]) -> None:
        """Mark the indicators holding criteria the county office commented on (a returned
        inspection): a dot in the office's colour and the number in the tooltip."""
        from inspector.ui.pages.checklist.returned import comment_mark

        mark = comment_mark() if commented else QIcon()
        for parent in self.top_items():
            under = 0
            for child in self.children_of(parent):
                _level2, criteria = self.groups[int(child.data(0, INDICATOR_ROLE))]
                count = sum(1 for c in criteria if c.id in commented)
                under += count
                self._mark(child, count, mark)
            if parent.data(0, INDICATOR_ROLE) not in (GENERAL, OVERALL):
                self._mark(parent, under, mark)

    def _mark(self, item: QTreeWidgetItem, count: int, mark: QIcon) -> None:
        item.setIcon(0, mark if count else QIcon())
        name = item.text(0)
        item.setToolTip(0, name + ("\n" + self.tr("%n comment(s) of the county office", "",
                                                   count) if count else ""))

    def update_progress(self, rated: set[str], general_photos: int,
                        commented: bool = False) -> None:
        """``rated`` criteria ids; shows "done/total" per indicator, the photo count and
        whether the overall comment is written."""
        for parent in self.top_items():
            role = parent.data(0, INDICATOR_ROLE)
            if role == GENERAL:
                parent.setText(1, str(general_photos) if general_photos else "")
                continue
            if role == OVERALL:
                parent.setText(1, COMMENTED if commented else "")
                continue
            total = done_all = 0
            for child in self.children_of(parent):
                _level2, criteria = self.groups[int(child.data(0, INDICATOR_ROLE))]
                done = sum(1 for c in criteria if c.id in rated)
                child.setText(1, f"{done}/{len(criteria)}")
                total += len(criteria)
                done_all += done
            parent.setText(1, f"{done_all}/{total}")
