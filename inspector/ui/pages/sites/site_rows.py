"""A row of the site list as the user sees it (searched and sorted), and the roles under
which the tree's items keep their site."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from inspector.services.site_tree import SiteNode
from inspector.ui.pages.sites.site_columns import NAME_COLUMN

if TYPE_CHECKING:
    from inspector.ui.pages.sites.site_tree import SiteTree

SITE_ID_ROLE = Qt.ItemDataRole.UserRole
NODE_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2


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
