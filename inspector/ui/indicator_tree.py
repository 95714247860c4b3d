"""The checklist page's left side: first- and second-level indicators with progress (2/3)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

if TYPE_CHECKING:
    from inspector.domain.templates import ChecklistTemplate, Criterion, Indicator2

GENERAL = "__general__"  # the entry for the visit's general photos
INDICATOR_ROLE = Qt.ItemDataRole.UserRole

Groups = list[tuple["Indicator2", tuple["Criterion", ...]]]


class IndicatorTree(QTreeWidget):
    """Items hold the index of their group (second-level indicator) or :data:`GENERAL`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderLabels([self.tr("Indicator"), self.tr("Done")])
        self.setAccessibleName(self.tr("Indicators"))
        # The indicator names take the width there is (elided, full text in a tooltip);
        # the progress column is as wide as "10/10": no horizontal scrolling.
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.groups: Groups = []

    def fill(self, template: ChecklistTemplate, groups: Groups, language: str) -> None:
        self.groups = groups
        self.blockSignals(True)
        self.clear()
        parents: dict[str, QTreeWidgetItem] = {}
        for index, (level2, _criteria) in enumerate(groups):
            level1 = template.level1_of(level2.id)
            parent = parents.get(level1.id)
            if parent is None:
                parent = QTreeWidgetItem([level1.label(language), ""])
                parent.setFlags(parent.flags() & ~Qt.ItemFlag.ItemIsSelectable)
                parent.setData(0, INDICATOR_ROLE, level1.id)
                parent.setToolTip(0, level1.label(language))
                self.addTopLevelItem(parent)
                parents[level1.id] = parent
            child = QTreeWidgetItem([level2.label(language), ""])
            child.setData(0, INDICATOR_ROLE, index)
            child.setToolTip(0, level2.label(language))
            parent.addChild(child)
        general = QTreeWidgetItem([self.tr("General photos of the visit"), ""])
        general.setData(0, INDICATOR_ROLE, GENERAL)
        self.addTopLevelItem(general)
        self.expandAll()
        self.blockSignals(False)

    def top_items(self) -> list[QTreeWidgetItem]:
        items = (self.topLevelItem(i) for i in range(self.topLevelItemCount()))
        return [item for item in items if item is not None]

    @staticmethod
    def children_of(parent: QTreeWidgetItem) -> list[QTreeWidgetItem]:
        items = (parent.child(row) for row in range(parent.childCount()))
        return [item for item in items if item is not None]

    def general_item(self) -> QTreeWidgetItem | None:
        items = self.top_items()
        return items[-1] if items else None

    def item_for_group(self, index: int) -> QTreeWidgetItem | None:
        for parent in self.top_items():
            for child in self.children_of(parent):
                if child.data(0, INDICATOR_ROLE) == index:
                    return child
        return None

    def update_progress(self, rated: set[str], general_photos: int) -> None:
        """``rated`` criteria ids; shows "done/total" per indicator and the photo count."""
        for parent in self.top_items():
            total = done_all = 0
            for child in self.children_of(parent):
                _level2, criteria = self.groups[int(child.data(0, INDICATOR_ROLE))]
                done = sum(1 for c in criteria if c.id in rated)
                child.setText(1, f"{done}/{len(criteria)}")
                total += len(criteria)
                done_all += done
            if parent.childCount():
                parent.setText(1, f"{done_all}/{total}")
            else:
                parent.setText(1, str(general_photos) if general_photos else "")
