"""The site registry as a tree: county college → township schools → village stations.

A ``QTreeView`` over a ``QStandardItemModel``, through :class:`SiteFilterProxy`
for the search, the filters and sorting by any column (siblings only: the tree
stays whole). The name column always holds the longest name: it takes the space
the other columns leave (they fit their contents), never less than the names
need. The user can resize, hide and show columns; the widths set by hand, the
hidden columns and the sort order are what :mod:`.site_list_layout` keeps.

At the county office only approved inspections count as results: the result column
shows each site's last approved inspection, with a calm mark when a newer one awaits
review or was returned, or on request every received result (:class:`ResultView`).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QVBoxLayout,
    QWidget,
)

from inspector.domain.tiers import TIER_ORDER
from inspector.services.site_tree import SiteNode, approved_results_only
from inspector.ui.labels import (
    assignment_text,
    in_progress_text,
    site_result_text,
    tier_name,
)
from inspector.ui.pages.sites.site_columns import (
    ASSIGNMENT_COLUMN,
    IN_PROGRESS_COLUMN,
    LAST_COLUMN,
    NAME_COLUMN,
    FittedColumns,
)
from inspector.ui.pages.sites.site_filter import (
    ResultView,
    SiteFilterProxy,
    SiteSearchBar,
    name_sort_key,
)
from inspector.ui.pages.sites.site_rows import NODE_ROLE, SITE_ID_ROLE, SORT_ROLE, SiteRow

if TYPE_CHECKING:
    from collections.abc import Iterator

TIER_RANK = {tier.value: str(rank) for rank, tier in enumerate(TIER_ORDER)}


def result_column_title(view: ResultView) -> str:
    """The result column's title: which result it shows."""
    if not view.office:
        return QCoreApplication.translate("SiteTree", "Last inspection")
    if view.all_received:
        return QCoreApplication.translate("SiteTree", "Last result received")
    return QCoreApplication.translate("SiteTree", "Last approved result")


class SiteTree(FittedColumns):
    """Shows :class:`SiteNode` trees; emits ``site_chosen`` with the selected node."""

    site_chosen = Signal(SiteNode)  # or None: no site chosen
    site_activated = Signal(SiteNode)  # Enter or double-click
    filled = Signal(int)  # after each fill, with the number of sites
    typed = Signal(str)  # letters or digits typed in the list: they go to the search
    view_changed = Signal(object)  # the ResultView, before the tree is filled again with it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__([
            QCoreApplication.translate("SiteTree", "Site"),
            QCoreApplication.translate("SiteTree", "Tier"),
            QCoreApplication.translate("SiteTree", "Division code"),
            result_column_title(ResultView()),
            QCoreApplication.translate("SiteTree", "In progress"),
            QCoreApplication.translate("SiteTree", "Assignment"),
        ], parent)
        self.view = ResultView()  # the county office's is set once its role is read
        self.setAccessibleName(self.tr("Sites"))
        self.setAccessibleDescription(self.tr(
            "The county's sites: the college, its township schools and their village stations"))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setUniformRowHeights(True)
        self.setAllColumnsShowFocus(True)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self._site_items: dict[str, QStandardItem] = {}
        self._quiet = False  # the search is changing the rows: one site_chosen after
        self._chosen_before: str | None = None
        self._expanded_outside_search: set[str] | None = None
        self.proxy = SiteFilterProxy(self)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setSourceModel(self._new_model())
        self.setModel(self.proxy)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionsMovable(False)
        header.setMinimumSectionSize(24)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSortIndicatorClearable(True)  # a third click: back to the order by code
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.setSortIndicatorShown(True)
        self.setSortingEnabled(True)
        header.setToolTip(self.tr(
            "Click a column's title to sort by it (again: reverse, a third time: by code). "
            "Drag a border to resize; double-click it to fit. Right-click to hide or show "
            "columns."))
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        header.sectionResized.connect(self._section_resized)
        header.sectionHandleDoubleClicked.connect(self._handle_double_clicked)
        header.sortIndicatorChanged.connect(self._sort_changed)
        self.activated.connect(self._activated)
        self.proxy.criteria_about_to_change.connect(self._criteria_about_to_change)
        self.proxy.criteria_changed.connect(self._criteria_changed)

    def _new_model(self) -> QStandardItemModel:
        model = QStandardItemModel(0, self.COLUMNS, self)
        model.setHorizontalHeaderLabels(self._labels)
        return model

    # ------------------------------------------------------------------ filling

    def set_sites(self, roots: list[SiteNode]) -> None:
        """Replace the tree's content, keeping the selection and the expanded branches.

        On the first fill the county and its townships are expanded; after that the
        branches the user opened or closed stay as they were across reloads.
        """
        selected = self.current_site()
        selected_id = selected.id if selected else None
        first_fill = not self._site_items
        expanded = self.expanded_site_ids()
        scroll = self.verticalScrollBar().value()
        self._busy = True
        try:
            self._roots = roots
            self._site_items = {}
            self._texts = [set() for _ in range(self.COLUMNS)]
            self._names = []
            model = self._new_model()
            for root in roots:
                model.appendRow(self._row(root))
            self.proxy.set_sites(roots, self.view)
            old = self.proxy.sourceModel()
            self.proxy.setSourceModel(model)
            old.deleteLater()
            if first_fill:
                self.expandToDepth(0)
            elif self.proxy.is_active():
                self.expandAll()
            else:
                for site_id in expanded:
                    self.setExpanded(self._proxy_index(site_id), True)
            target = self._proxy_index(selected_id or "")
            if not target.isValid():
                target = self._first_match()
            if target.isValid():
                self.selectionModel().setCurrentIndex(
                    target, QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows)
        finally:
            self._busy = False
        self._measure()
        self.fit_columns()
        self.verticalScrollBar().setValue(scroll)
        self.filled.emit(len(self._site_items))
        self.site_chosen.emit(self.current_site())  # once per fill, not again per selection

    def set_view(self, view: ResultView) -> None:
        """Show each site's result as ``view`` says (the county office's approved results,
        or every received one); the tree is filled again if it changed."""
        if view == self.view:
            return
        self.view = view
        self._labels[LAST_COLUMN] = result_column_title(view)
        self.view_changed.emit(view)
        if self._roots:
            self.set_sites(self._roots)
        else:
            self.proxy.sourceModel().setHeaderData(
                LAST_COLUMN, Qt.Orientation.Horizontal, self._labels[LAST_COLUMN])

    def _row(self, node: SiteNode, depth: int = 0) -> list[QStandardItem]:
        current = node.in_progress
        view = self.view
        result = node.result(view.approved_only)
        texts = [
            node.name, tier_name(node.tier), node.code or "",
            site_result_text(node, view.approved_only, view.office),
            current.visit_date.isoformat() if current is not None else "",
            assignment_text(node.assignment, short=True),
        ]
        sort_keys = [
            name_sort_key(node.name), TIER_RANK.get(str(node.tier), "9"), node.code or "",
            result.visit_date.isoformat() if result else "",
            current.visit_date.isoformat() if current is not None else "",
            node.assignment.period_start.isoformat() if node.assignment else "",
        ]
        items = []
        for column, (text, key) in enumerate(zip(texts, sort_keys, strict=True)):
            item = QStandardItem(text)  # not edited: the view has no edit triggers
            item.setData(key, SORT_ROLE)
            items.append(item)
            self._texts[column].add(text)
        self._names.append((depth, node.name))
        first = items[NAME_COLUMN]
        first.setData(node.id, SITE_ID_ROLE)
        first.setData(node, NODE_ROLE)
        first.setToolTip(node.address or node.name)
        if view.office:
            items[LAST_COLUMN].setToolTip(
                site_result_text(node, view.approved_only, office=True, full=True))
        items[IN_PROGRESS_COLUMN].setToolTip(in_progress_text(current))
        items[ASSIGNMENT_COLUMN].setToolTip(assignment_text(node.assignment))
        self._site_items[node.id] = first
        for child in node.children:
            first.appendRow(self._row(child, depth + 1))
        return items

    def _proxy_index(self, site_id: str) -> QModelIndex:
        item = self._site_items.get(site_id)
        if item is None:
            return QModelIndex()
        return self.proxy.mapFromSource(item.index())

    def _rows(self, parent: QModelIndex | None = None) -> Iterator[QModelIndex]:
        """Every row as shown, top to bottom (whether its branch is open or not)."""
        parent = parent or QModelIndex()
        for row in range(self.proxy.rowCount(parent)):
            index = self.proxy.index(row, NAME_COLUMN, parent)
            yield index
            yield from self._rows(index)

    def _first_match(self) -> QModelIndex:
        for index in self._rows():
            if self.proxy.matches(str(index.data(SITE_ID_ROLE))):
                return index
        return QModelIndex()

    def expanded_site_ids(self) -> set[str]:
        if self._expanded_outside_search is not None:
            return set(self._expanded_outside_search)
        return self._expanded_in_view()

    def _expanded_in_view(self) -> set[str]:
        return {str(index.data(SITE_ID_ROLE)) for index in self._rows() if self.isExpanded(index)}

    # ------------------------------------------------------------------ reading

    def site_count(self) -> int:
        return len(self._site_items)

    def site_names(self) -> list[str]:
        return [item.text() for item in self._site_items.values()]

    def site_named(self, name: str) -> SiteNode | None:
        for item in self._site_items.values():
            if item.text() == name:
                node: SiteNode = item.data(NODE_ROLE)
                return node
        return None

    def current_site(self) -> SiteNode | None:
        index = self.currentIndex()
        if not index.isValid():
            return None
        node: SiteNode = index.siblingAtColumn(NAME_COLUMN).data(NODE_ROLE)
        return node

    def select_site(self, site_id: str) -> bool:
        """Select a site; a search or filter that hides it is cleared first."""
        if site_id not in self._site_items:
            return False
        index = self._proxy_index(site_id)
        if not index.isValid():
            self.proxy.clear()
            index = self._proxy_index(site_id)
        self.setCurrentIndex(index)
        self.scrollTo(index)
        return True

    # The QTreeWidget-like reading of the rows as shown.

    def topLevelItemCount(self) -> int:
        return self.proxy.rowCount()

    def topLevelItem(self, row: int) -> SiteRow:
        return SiteRow(self, self.proxy.index(row, NAME_COLUMN))

    def currentItem(self) -> SiteRow | None:
        index = self.currentIndex()
        return SiteRow(self, index) if index.isValid() else None

    def setCurrentItem(self, row: SiteRow) -> None:
        self.setCurrentIndex(row.index())

    def visible_rows(self) -> list[SiteRow]:
        """Every row the search and filters leave, top to bottom."""
        return [SiteRow(self, index) for index in self._rows()]

    # ------------------------------------------------------------------ choosing

    def currentChanged(self, current: QModelIndex | QPersistentModelIndex,
                       previous: QModelIndex | QPersistentModelIndex) -> None:
        super().currentChanged(current, previous)
        if self._busy or self._quiet:
            return
        self.site_chosen.emit(self.current_site())

    def _activated(self, index: QModelIndex) -> None:
        self.site_activated.emit(index.siblingAtColumn(NAME_COLUMN).data(NODE_ROLE))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Letters and digits typed in the list start a search (Chinese names cannot be
        typed to, but their pinyin initials and codes can); + - * still open and close
        branches."""
        text = event.text()
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier
        if text.strip() and text.isprintable() and text not in "+-*" and (
                modifiers == Qt.KeyboardModifier.NoModifier
                or modifiers == Qt.KeyboardModifier.KeypadModifier):
            self.typed.emit(text)
            return
        super().keyPressEvent(event)

    def enter_from_search(self) -> None:
        """Down or Enter in the search box: into the tree, onto a match."""
        current = self.currentIndex()
        if not current.isValid() or not self.proxy.matches(
                str(current.siblingAtColumn(NAME_COLUMN).data(SITE_ID_ROLE))):
            first = self._first_match()
            if first.isValid():
                self.setCurrentIndex(first)
        if self.currentIndex().isValid():
            self.scrollTo(self.currentIndex())
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def _criteria_about_to_change(self) -> None:
        site = self.current_site()
        self._chosen_before = site.id if site else None
        if self._expanded_outside_search is None and not self.proxy.is_active():
            self._expanded_outside_search = self._expanded_in_view()
        self._quiet = True

    def _criteria_changed(self) -> None:
        """Matches are shown with their branches open; once the search is cleared, the
        branches the user had open come back, with the chosen site in view."""
        try:
            if self.proxy.is_active():
                self.expandAll()
            elif self._expanded_outside_search is not None:
                saved, self._expanded_outside_search = self._expanded_outside_search, None
                self.collapseAll()
                for site_id in saved:
                    self.setExpanded(self._proxy_index(site_id), True)
            current = self.currentIndex()
            if not current.isValid() or (self.proxy.is_active() and not self.proxy.matches(
                    str(current.siblingAtColumn(NAME_COLUMN).data(SITE_ID_ROLE)))):
                first = self._first_match()
                self.setCurrentIndex(first)
            current = self.currentIndex()
            if current.isValid():
                parent = current.parent()
                while parent.isValid():
                    self.setExpanded(parent, True)
                    parent = parent.parent()
                self.scrollTo(current)
        finally:
            self._quiet = False
        self.fit_columns()
        site = self.current_site()
        if (site.id if site else None) != self._chosen_before:
            self.site_chosen.emit(site)

    # ------------------------------------------------------------------ events

    def viewportEvent(self, event: QEvent) -> bool:
        handled = super().viewportEvent(event)
        if event.type() == QEvent.Type.Resize:
            self.fit_columns()  # the name column takes what the others leave
        return handled

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange) and self._roots:
            self._measure()
            self.fit_columns()


class SiteListPane(QWidget):
    """The search box and filters above the site tree: the left side of the site list."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tree = SiteTree()
        self.search = SiteSearchBar(self.tree)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.search)
        layout.addWidget(self.tree, 1)
        self.setFocusProxy(self.tree)

    def read_role(self, data_dir: Path) -> bool:
        """Follow this installation's role (at start and whenever it changes): at the
        county office only approved inspections count as results. Returns whether this
        is the office."""
        office = approved_results_only(data_dir)
        self.tree.set_view(replace(self.tree.view, office=office))
        return office
