"""The site registry as a tree: county college → township schools → village stations.

A ``QTreeView`` over a ``QStandardItemModel``, through :class:`SiteFilterProxy`
for the search, the filters and sorting by any column (siblings only: the tree
stays whole). The name column always holds the longest name: it takes the space
the other columns leave (they fit their contents), never less than the names
need. The user can resize, hide and show columns; the widths set by hand, the
hidden columns and the sort order are what :mod:`.site_list_layout` keeps.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QFontMetrics, QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QMenu,
    QStyle,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from inspector.domain.tiers import TIER_ORDER, Tier
from inspector.domain.values import InspectionStatus
from inspector.services.assignment_state import AssignmentState
from inspector.services.site_tree import AssignedVisit, LastInspection, SiteNode
from inspector.ui.site_filter import SiteFilterProxy, SiteSearchBar, name_sort_key

if TYPE_CHECKING:
    from collections.abc import Iterator

SITE_ID_ROLE = Qt.ItemDataRole.UserRole
NODE_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
NAME_COLUMN = 0
IN_PROGRESS_COLUMN = 4
ASSIGNMENT_COLUMN = 5
# Columns by key, as the saved layout names them.
COLUMN_KEYS = ("name", "tier", "code", "last", "in_progress", "assignment")
TIER_RANK = {tier.value: str(rank) for rank, tier in enumerate(TIER_ORDER)}
NAME_PADDING = 8  # room after the longest name, so it does not touch the next column


def tier_name(tier: str) -> str:
    """The tier's name as the guideline writes it (translated for English)."""
    names: dict[str, str] = {
        Tier.COUNTY: QCoreApplication.translate("Tiers", "County community-education college"),
        Tier.TOWNSHIP: QCoreApplication.translate("Tiers", "Township community school"),
        Tier.VILLAGE: QCoreApplication.translate("Tiers", "Village teaching station"),
    }
    return names.get(str(tier), str(tier))


def status_name(status: str) -> str:
    """An inspection's status as every screen words it."""
    names: dict[str, str] = {
        InspectionStatus.COMPLETED: QCoreApplication.translate("Statuses", "completed"),
        InspectionStatus.DRAFT: QCoreApplication.translate("Statuses", "in progress"),
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
    state = _state_text(visit.state)
    if short:
        text = f"{visit.period_start:%m-%d}–{visit.period_end:%m-%d} {visit.inspector_name}"
        return f"{text} · {state}" if state else text
    text = QCoreApplication.translate("SiteTree", "%1 to %2, %3").replace(
        "%1", visit.period_start.isoformat()).replace(
        "%2", visit.period_end.isoformat()).replace("%3", visit.inspector_name)
    text = f"{text} ({visit.note})" if visit.note else text
    return f"{text} · {state}" if state else text


def _state_text(state: AssignmentState) -> str:
    """Said beside an assignment that is not simply waiting for its period."""
    if state is AssignmentState.OVERDUE:
        return QCoreApplication.translate("SiteTree", "overdue")
    if state is AssignmentState.IN_PROGRESS:
        return QCoreApplication.translate("SiteTree", "under way")
    return ""


class SiteRow:
    """A row of the tree as shown (searched and sorted), read like a ``QTreeWidgetItem``.

    For code that walks the list the way the user sees it.
    """

    def __init__(self, tree: SiteTree, index: QModelIndex) -> None:
        self._tree = tree
        self._index = QPersistentModelIndex(index.siblingAtColumn(NAME_COLUMN))

    def index(self) -> QModelIndex:
        return self._tree.proxy.index(self._index.row(), NAME_COLUMN, self._index.parent())

    def _cell(self, column: int) -> QModelIndex:
        return self.index().siblingAtColumn(column)

    def text(self, column: int) -> str:
        return str(self._cell(column).data() or "")

    def data(self, column: int, role: int) -> object:
        return self._cell(column).data(role)

    def toolTip(self, column: int) -> str:
        return str(self._cell(column).data(Qt.ItemDataRole.ToolTipRole) or "")

    def node(self) -> SiteNode:
        node: SiteNode = self.index().data(NODE_ROLE)
        return node

    def childCount(self) -> int:
        return self._tree.proxy.rowCount(self.index())

    def child(self, row: int) -> SiteRow:
        return SiteRow(self._tree, self._tree.proxy.index(row, NAME_COLUMN, self.index()))

    def isExpanded(self) -> bool:
        return self._tree.isExpanded(self.index())

    def setExpanded(self, expanded: bool) -> None:
        self._tree.setExpanded(self.index(), expanded)


class SiteTree(QTreeView):
    """Shows :class:`SiteNode` trees; emits ``site_chosen`` with the selected node."""

    site_chosen = Signal(object)  # SiteNode | None
    site_activated = Signal(object)  # SiteNode (Enter or double-click)
    filled = Signal(int)  # after each fill, with the number of sites
    layout_changed = Signal()  # the user resized, hid or showed a column, or sorted
    typed = Signal(str)  # letters or digits typed in the list: they go to the search

    COLUMNS = len(COLUMN_KEYS)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._labels = [
            self.tr("Site"), self.tr("Tier"), self.tr("Division code"),
            self.tr("Last inspection"), self.tr("In progress"), self.tr("Assignment"),
        ]
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
        self._user_widths: dict[str, int] = {}  # widths the user set by hand
        self._content_widths = [0] * self.COLUMNS  # what each column's texts need
        self._texts: list[set[str]] = [set() for _ in range(self.COLUMNS)]  # each column's
        self._names: list[tuple[int, str]] = []  # (depth, name) of every site
        self._roots: list[SiteNode] = []
        self._busy = False  # filling or fitting: header changes are not the user's
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
            self.proxy.set_sites(roots)
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

    def _row(self, node: SiteNode, depth: int = 0) -> list[QStandardItem]:
        current = node.in_progress
        texts = [
            node.name, tier_name(node.tier), node.code or "",
            last_result_text(node.last_completed),
            current.visit_date.isoformat() if current is not None else "",
            assignment_text(node.assignment, short=True),
        ]
        sort_keys = [
            name_sort_key(node.name), TIER_RANK.get(str(node.tier), "9"), node.code or "",
            node.last_completed.visit_date.isoformat() if node.last_completed else "",
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

    # ------------------------------------------------------------------ columns

    def _text_margin(self) -> int:
        """What an item view adds to a text's width around it (the style's margins)."""
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        sample = self.proxy.index(0, NAME_COLUMN)
        metrics = QFontMetrics(self.font())
        if sample.isValid():
            text = str(sample.data() or "")
            hint = self.itemDelegateForIndex(sample).sizeHint(option, sample).width()
            return max(0, hint - metrics.horizontalAdvance(text)) + 2
        margin = self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self)
        return 2 * (margin + 1) + 2

    def _measure(self) -> None:
        """What each column's texts need, over every site (open branches or not)."""
        metrics = QFontMetrics(self.font())
        margin = self._text_margin()
        header = self.header()
        widths = [header.sectionSizeHint(column) for column in range(self.COLUMNS)]
        step = self.indentation()
        first_level = 1 if self.rootIsDecorated() else 0
        for depth, name in self._names:
            widths[NAME_COLUMN] = max(widths[NAME_COLUMN], step * (depth + first_level)
                                      + metrics.horizontalAdvance(name) + margin
                                      + NAME_PADDING)
        for column in range(1, self.COLUMNS):
            for text in self._texts[column]:
                if text:
                    widths[column] = max(widths[column],
                                         metrics.horizontalAdvance(text) + margin)
        self._content_widths = widths

    def name_width_needed(self) -> int:
        """The name column's width at which every name shows whole, at its depth."""
        return self._content_widths[NAME_COLUMN]

    def ideal_width(self) -> int:
        """The tree's width at which every shown column fits without scrolling."""
        header = self.header()
        columns = sum(self._column_width(column) for column in range(self.COLUMNS)
                      if not header.isSectionHidden(column))
        scroll_bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
        return columns + scroll_bar + 2 * self.frameWidth()

    def _column_width(self, column: int) -> int:
        key = COLUMN_KEYS[column]
        wanted = self._user_widths.get(key, self._content_widths[column])
        if column == NAME_COLUMN:
            return max(wanted, self.name_width_needed())
        return wanted

    def fit_columns(self) -> None:
        """Other columns as set by hand or to their contents; the name column the rest,
        never narrower than its names need."""
        if self._busy:
            return
        self._busy = True
        try:
            header = self.header()
            others = 0
            for column in range(1, self.COLUMNS):
                if header.isSectionHidden(column):
                    continue
                width = self._column_width(column)
                header.resizeSection(column, width)
                others += width
            name = self._column_width(NAME_COLUMN)
            if "name" not in self._user_widths:
                name = max(name, self.viewport().width() - others)
            header.resizeSection(NAME_COLUMN, name)
            self._update_minimum_width()
        finally:
            self._busy = False

    def _update_minimum_width(self) -> None:
        """Never so narrow that names are cut (up to a bound, for very long names)."""
        scroll_bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
        needed = self.name_width_needed() + scroll_bar + 2 * self.frameWidth()
        self.setMinimumWidth(min(needed, 420))

    def _section_resized(self, column: int, _old: int, new: int) -> None:
        header = self.header()
        if self._busy or new <= 0 or header.isSectionHidden(column):
            return  # the program's own fitting, or a column being hidden
        key = COLUMN_KEYS[column]
        if column == NAME_COLUMN and new < self.name_width_needed():
            self._busy = True
            try:
                header.resizeSection(NAME_COLUMN, self.name_width_needed())
            finally:
                self._busy = False
            new = self.name_width_needed()
        self._user_widths[key] = new
        if column != NAME_COLUMN:
            self.fit_columns()
        self.layout_changed.emit()

    def _handle_double_clicked(self, column: int) -> None:
        """A double-click on a column's border gives the column back to its automatic width."""
        self._user_widths.pop(COLUMN_KEYS[column], None)
        self.fit_columns()
        self.layout_changed.emit()

    def _sort_changed(self, _section: int, _order: Qt.SortOrder) -> None:
        if not self._busy:
            self.layout_changed.emit()

    def set_column_hidden(self, column: int, hidden: bool) -> None:
        """Hide or show a column (never the names)."""
        if column == NAME_COLUMN:
            return
        self._busy = True
        try:
            self.header().setSectionHidden(column, hidden)
        finally:
            self._busy = False
        self.fit_columns()
        self.layout_changed.emit()

    def fit_all_columns(self) -> None:
        """Forget every width set by hand: each column back to its contents."""
        self._user_widths.clear()
        self.fit_columns()
        self.layout_changed.emit()

    def _header_menu(self, position: QPoint) -> None:
        menu = self.column_menu()
        menu.exec(self.header().mapToGlobal(position))

    def column_menu(self) -> QMenu:
        """Which columns to show, and fitting them all again."""
        menu = QMenu(self)
        header = self.header()
        for column in range(1, self.COLUMNS):
            action = menu.addAction(self._labels[column])
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.toggled.connect(
                lambda shown, column=column: self.set_column_hidden(column, not shown))
        menu.addSeparator()
        menu.addAction(self.tr("Fit every column to its contents")).triggered.connect(
            self.fit_all_columns)
        return menu

    # The state kept across restarts (see site_list_layout).

    def column_layout(self) -> tuple[dict[str, int], tuple[str, ...], str, str]:
        """Widths set by hand, hidden columns, sort column ("" for by code) and order."""
        header = self.header()
        hidden = tuple(COLUMN_KEYS[column] for column in range(1, self.COLUMNS)
                       if header.isSectionHidden(column))
        section = header.sortIndicatorSection()
        sort_column = COLUMN_KEYS[section] if 0 <= section < self.COLUMNS else ""
        order = ("descending" if header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
                 else "ascending")
        return dict(self._user_widths), hidden, sort_column, order

    def apply_column_layout(self, widths: dict[str, int], hidden: tuple[str, ...],
                            sort_column: str, sort_order: str) -> None:
        self._user_widths = {key: width for key, width in widths.items() if key in COLUMN_KEYS}
        header = self.header()
        self._busy = True
        try:
            for column in range(1, self.COLUMNS):
                header.setSectionHidden(column, COLUMN_KEYS[column] in hidden)
            order = (Qt.SortOrder.DescendingOrder if sort_order == "descending"
                     else Qt.SortOrder.AscendingOrder)
            section = COLUMN_KEYS.index(sort_column) if sort_column in COLUMN_KEYS else -1
            self.sortByColumn(section, order)
        finally:
            self._busy = False
        self.fit_columns()

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
