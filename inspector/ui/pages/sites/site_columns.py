"""The site tree's columns: each fits its texts, the name column takes what the others
leave and never cuts a name; widths set by hand, hidden columns and the sort order are
the user's, kept by :mod:`.site_list_layout`."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPoint, Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QMenu, QStyle, QStyleOptionViewItem, QTreeView, QWidget

from inspector.services.site_tree import SiteNode
from inspector.ui.pages.sites.site_filter import SiteFilterProxy

NAME_COLUMN = 0
LAST_COLUMN = 3
IN_PROGRESS_COLUMN = 4
ASSIGNMENT_COLUMN = 5
# Columns by key, as the saved layout names them.
COLUMN_KEYS = ("name", "tier", "code", "last", "in_progress", "assignment")
NAME_PADDING = 8  # room after the longest name, so it does not touch the next column


class FittedColumns(QTreeView):
    """A tree view of :data:`COLUMN_KEYS` columns fitted as the site list wants them."""

    layout_changed = Signal()  # the user resized, hid or showed a column, or sorted

    COLUMNS = len(COLUMN_KEYS)
    proxy: SiteFilterProxy

    def __init__(self, labels: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._labels = labels
        self._user_widths: dict[str, int] = {}  # widths the user set by hand
        self._content_widths = [0] * self.COLUMNS  # what each column's texts need
        self._texts: list[set[str]] = [set() for _ in range(self.COLUMNS)]  # each column's
        self._names: list[tuple[int, str]] = []  # (depth, name) of every site
        self._roots: list[SiteNode] = []
        self._busy = False  # filling or fitting: header changes are not the user's

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
        menu.addAction(QCoreApplication.translate(
            "SiteTree", "Fit every column to its contents")).triggered.connect(self.fit_all_columns)
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
