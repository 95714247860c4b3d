"""The site registry as a tree: county college → township schools → village stations."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

if TYPE_CHECKING:
    from inspector.services.site_tree import AssignedVisit, LastInspection, SiteNode

SITE_ID_ROLE = Qt.ItemDataRole.UserRole
NODE_ROLE = Qt.ItemDataRole.UserRole + 1
IN_PROGRESS_COLUMN = 4
ASSIGNMENT_COLUMN = 5


def tier_name(tier: str) -> str:
    """The tier's name as the guideline writes it (translated for English)."""
    names = {
        "county": QCoreApplication.translate("Tiers", "County community-education college"),
        "township": QCoreApplication.translate("Tiers", "Township community school"),
        "village": QCoreApplication.translate("Tiers", "Village teaching station"),
    }
    return names.get(str(tier), str(tier))


def status_name(status: str) -> str:
    """An inspection's status as every screen words it."""
    names = {
        "completed": QCoreApplication.translate("Statuses", "completed"),
        "draft": QCoreApplication.translate("Statuses", "in progress"),
    }
    return names.get(status, status)


def percent(score: float | None) -> str:
    """The same rounding as the summary and the printed report (one decimal)."""
    from inspector.domain.scoring import format_percent

    return format_percent(score)


def last_result_text(last: LastInspection | None) -> str:
    if last is None:
        return ""
    return f"{last.visit_date.isoformat()}  {percent(last.score)}"


def in_progress_text(current: LastInspection | None) -> str:
    if current is None:
        return ""
    return QCoreApplication.translate("SiteTree", "Yes, since %1").replace(
        "%1", current.visit_date.isoformat())


def assignment_text(visit: AssignedVisit | None, short: bool = False) -> str:
    """The county office's assignment: the period and who goes (with its note unless short)."""
    if visit is None:
        return ""
    if short:
        return f"{visit.period_start:%m-%d}–{visit.period_end:%m-%d} {visit.inspector_name}"
    text = QCoreApplication.translate("SiteTree", "%1 to %2, %3").replace(
        "%1", visit.period_start.isoformat()).replace(
        "%2", visit.period_end.isoformat()).replace("%3", visit.inspector_name)
    return f"{text} ({visit.note})" if visit.note else text


class SiteTree(QTreeWidget):
    """Shows :class:`SiteNode` trees; emits ``site_chosen`` with the selected node."""

    site_chosen = Signal(object)  # SiteNode | None
    site_activated = Signal(object)  # SiteNode (Enter or double-click)

    COLUMNS = 6

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(self.COLUMNS)
        self.setHeaderLabels([
            self.tr("Site"), self.tr("Tier"), self.tr("Division code"),
            self.tr("Last inspection"), self.tr("In progress"), self.tr("Assignment"),
        ])
        self.setAccessibleName(self.tr("Sites"))
        self.setAccessibleDescription(self.tr(
            "The county's sites: the college, its township schools and their village stations"))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setUniformRowHeights(True)
        self.setAllColumnsShowFocus(True)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(60)
        for column in range(1, self.COLUMNS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.currentItemChanged.connect(self._current_changed)
        self.itemActivated.connect(self._activated)
        self._items: dict[str, QTreeWidgetItem] = {}

    def set_sites(self, roots: list[SiteNode]) -> None:
        """Replace the tree's content, keeping the selection and the expanded branches.

        On the first fill the county and its townships are expanded; after that the
        branches the user opened or closed stay as they were across reloads.
        """
        selected = self.current_site()
        selected_id = selected.id if selected else None
        first_fill = not self._items
        expanded = self.expanded_site_ids()
        scroll = self.verticalScrollBar().value()
        self.blockSignals(True)
        try:
            self.clear()
            self._items = {}
            for root in roots:
                self.addTopLevelItem(self._item(root))
            if first_fill:
                self.expandToDepth(0)
            else:
                for site_id in expanded:
                    item = self._items.get(site_id)
                    if item is not None:
                        item.setExpanded(True)
            target = self._items.get(selected_id or "") or self.topLevelItem(0)
            if target is not None:
                self.setCurrentItem(target)
        finally:
            self.blockSignals(False)
        self.verticalScrollBar().setValue(scroll)
        self.site_chosen.emit(self.current_site())  # once per fill, not again per selection

    def expanded_site_ids(self) -> set[str]:
        return {site_id for site_id, item in self._items.items() if item.isExpanded()}

    def _item(self, node: SiteNode) -> QTreeWidgetItem:
        current = node.in_progress
        item = QTreeWidgetItem([
            node.name, tier_name(node.tier), node.code or "",
            last_result_text(node.last_completed),
            current.visit_date.isoformat() if current is not None else "",
            assignment_text(node.assignment, short=True),
        ])
        item.setData(0, SITE_ID_ROLE, node.id)
        item.setData(0, NODE_ROLE, node)
        item.setToolTip(0, node.address or node.name)
        item.setToolTip(IN_PROGRESS_COLUMN, in_progress_text(current))
        item.setToolTip(ASSIGNMENT_COLUMN, assignment_text(node.assignment))
        self._items[node.id] = item
        for child in node.children:
            item.addChild(self._item(child))
        return item

    def site_count(self) -> int:
        return len(self._items)

    def site_names(self) -> list[str]:
        return [item.text(0) for item in self._items.values()]

    def site_named(self, name: str) -> SiteNode | None:
        for item in self._items.values():
            if item.text(0) == name:
                node: SiteNode = item.data(0, NODE_ROLE)
                return node
        return None

    def current_site(self) -> SiteNode | None:
        item = self.currentItem()
        return item.data(0, NODE_ROLE) if item is not None else None

    def select_site(self, site_id: str) -> bool:
        item = self._items.get(site_id)
        if item is None:
            return False
        self.setCurrentItem(item)
        return True

    def _current_changed(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        self.site_chosen.emit(current.data(0, NODE_ROLE) if current is not None else None)

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        self.site_activated.emit(item.data(0, NODE_ROLE))
