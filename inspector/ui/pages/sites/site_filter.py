"""Finding a site in the list: search by name, code or pinyin initials; filter by tier and state.

The tree's rows go through :class:`SiteFilterProxy`, a ``QSortFilterProxyModel``
with recursive filtering: a site that matches keeps its township and county
above it visible (shown dimmed when they do not match themselves), and the
sort orders siblings only, so the county → township → village tree stays whole.

Pinyin initials come from the order of GB 2312: its 3,755 common characters
(level 1) are sorted by pinyin, so the first character of each initial letter
marks where that letter begins. This needs no dictionary; a rarer character
(level 2 and beyond) has no initial and is matched only as itself.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from inspector.domain.tiers import TIER_ORDER

if TYPE_CHECKING:
    from inspector.services.site_tree import SiteNode
    from inspector.ui.pages.sites.site_tree import SiteTree

SITE_ID_ROLE = Qt.ItemDataRole.UserRole  # the same roles as the tree's (see site_tree)

# The first level-1 character of GB 2312 of each initial (no words begin with i, u or v).
_INITIAL_ANCHORS = "啊芭擦搭蛾发噶哈击喀垃妈拿哦啪期然撒塌挖昔压匝"
_INITIAL_LETTERS = "abcdefghjklmnopqrstwxyz"
_INITIAL_CODES = [int.from_bytes(char.encode("gb2312"), "big") for char in _INITIAL_ANCHORS]
_LEVEL_ONE_END = 0xD7F9


@lru_cache(maxsize=8192)
def pinyin_initial(char: str) -> str:
    """The pinyin initial of a common Chinese character; other characters as they are
    (letters in lower case)."""
    try:
        encoded = char.encode("gb2312")
    except UnicodeEncodeError:
        return char.lower()
    if len(encoded) != 2:
        return char.lower()
    code = int.from_bytes(encoded, "big")
    if not _INITIAL_CODES[0] <= code <= _LEVEL_ONE_END:
        return char.lower()
    return _INITIAL_LETTERS[bisect.bisect_right(_INITIAL_CODES, code) - 1]


def pinyin_initials(text: str) -> str:
    """"青溪县" → "qxx": one letter per character, so a search for "qx" finds it."""
    return "".join(pinyin_initial(char) for char in text)


def name_sort_key(name: str) -> str:
    """Names in pinyin order (that of GB 2312 for common characters), as a string Qt compares.

    GB 18030 encodes every character; its bytes, read one per character, sort
    common Chinese characters by pinyin and the rest in a fixed order.
    """
    return name.casefold().encode("gb18030").decode("latin-1")


# The states the filter offers; each a test on a site.
STATE_NEVER = "never"
STATE_IN_PROGRESS = "in_progress"
STATE_COMPLETED = "completed"  # has a result (at the county office: an approved one)
STATE_AWAITING = "awaiting_review"  # the county office only: a result awaits review
STATE_RETURNED = "returned"  # the county office only: a result was returned to its inspector
STATE_ASSIGNED = "assigned"
STATES = (STATE_NEVER, STATE_IN_PROGRESS, STATE_COMPLETED, STATE_AWAITING, STATE_RETURNED,
          STATE_ASSIGNED)
OFFICE_STATES = (STATE_AWAITING, STATE_RETURNED)
TIERS = tuple(TIER_ORDER)


@dataclass(frozen=True)
class ResultView:
    """Which result the site list shows for a site.

    At the county office (``office``) only approved inspections count as results, and a
    result still awaiting review (or returned) is marked beside it; ``all_received``
    shows the last inspection received instead, whatever its review. A field laptop
    shows its last completed inspection.
    """

    office: bool = False
    all_received: bool = False

    @property
    def approved_only(self) -> bool:
        return self.office and not self.all_received


@dataclass(frozen=True)
class _SiteFacts:
    """What the search and the filters look at, worked out once per fill."""

    parent_id: str | None
    tier: str
    name: str  # case-folded
    code: str
    initials: str
    states: frozenset[str]


def _facts(node: SiteNode, view: ResultView) -> _SiteFacts:
    states = set()
    if node.in_progress is not None:
        states.add(STATE_IN_PROGRESS)
    if node.result(view.approved_only) is not None:
        states.add(STATE_COMPLETED)
    if node.in_progress is None and node.last_completed is None:
        states.add(STATE_NEVER)
    if node.assignment is not None:
        states.add(STATE_ASSIGNED)
    if view.office:
        if node.awaiting_review is not None:
            states.add(STATE_AWAITING)
        if node.returned is not None:
            states.add(STATE_RETURNED)
    return _SiteFacts(node.parent_id, str(node.tier), node.name.casefold(), node.code or "",
                      pinyin_initials(node.name), frozenset(states))


class SiteFilterProxy(QSortFilterProxyModel):
    """The tree's rows as searched, filtered and sorted.

    A site matches when the search text is in its name, code or pinyin initials
    (or in those of a site above it: searching a township shows its stations),
    and when it is of the chosen tier and in the chosen state. Sites above a
    match stay as its context, dimmed.
    """

    criteria_about_to_change = Signal()
    criteria_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self.setDynamicSortFilter(True)
        self.text = ""
        self.tier = ""
        self.state = ""
        self._facts: dict[str, _SiteFacts] = {}
        self._matches: dict[str, bool] = {}

    # ------------------------------------------------------------------ criteria

    def set_sites(self, roots: list[SiteNode], view: ResultView | None = None) -> None:
        """What the filter knows about each site, as ``view`` shows its result; called
        before the tree's model is replaced."""
        shown = view or ResultView()
        self._facts = {node.id: _facts(node, shown) for root in roots for node in root.walk()}
        self._matches = {}

    def is_active(self) -> bool:
        return bool(self.text or self.tier or self.state)

    def set_text(self, text: str) -> None:
        self._change(text=text.strip().casefold())

    def set_tier(self, tier: str) -> None:
        self._change(tier=tier if tier in TIERS else "")

    def set_state(self, state: str) -> None:
        self._change(state=state if state in STATES else "")

    def clear(self) -> None:
        self._change(text="", tier="", state="")

    def _change(self, **criteria: str) -> None:
        if all(getattr(self, key) == value for key, value in criteria.items()):
            return
        self.criteria_about_to_change.emit()
        begin = getattr(self, "beginFilterChange", None)  # Qt 6.9 and later
        if begin is not None:
            begin()
        for key, value in criteria.items():
            setattr(self, key, value)
        self._matches = {}
        if begin is not None:
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateFilter()
        self.criteria_changed.emit()

    # ------------------------------------------------------------------ matching

    def matches(self, site_id: str) -> bool:
        """Whether the site itself matches (not only as the context of a match)."""
        known = self._matches.get(site_id)
        if known is None:
            known = self._matches[site_id] = self._decide(site_id)
        return known

    def _decide(self, site_id: str) -> bool:
        facts = self._facts.get(site_id)
        if facts is None:
            return not self.is_active()
        if self.tier and facts.tier != self.tier:
            return False
        if self.state and self.state not in facts.states:
            return False
        if not self.text:
            return True
        seen: set[str] = set()
        current: _SiteFacts | None = facts
        while current is not None:
            if self._text_in(current):
                return True
            parent = current.parent_id
            if parent is None or parent in seen:
                return False
            seen.add(parent)
            current = self._facts.get(parent)
        return False

    def _text_in(self, facts: _SiteFacts) -> bool:
        text = self.text
        return text in facts.name or text in facts.code or (
            text.isascii() and text in facts.initials)

    def match_count(self) -> int:
        return sum(1 for site_id in self._facts if self.matches(site_id))

    def site_total(self) -> int:
        return len(self._facts)

    def filterAcceptsRow(self, source_row: int,
                         source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not self.is_active():
            return True
        model = self.sourceModel()
        site_id = model.index(source_row, 0, source_parent).data(SITE_ID_ROLE)
        return self.matches(str(site_id))

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.ForegroundRole and self.is_active():
            site_id = self.index(index.row(), 0, index.parent()).data(SITE_ID_ROLE)
            if not self.matches(str(site_id)):  # shown only to place a match in the tree
                return QPalette().brush(QPalette.ColorGroup.Disabled,
                                        QPalette.ColorRole.Text)
        return super().data(index, role)


class SiteSearchBar(QWidget):
    """The search box and the tier and state filters above the site tree.

    Ctrl+F (anywhere on the site list's page) puts the cursor in the search box, and so
    does typing letters or digits in the list;
    Esc there clears it (pressed again, it shows every tier and state, then goes
    back to the tree); Down or Enter moves into the tree, onto the first match.
    """

    def __init__(self, tree: SiteTree, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tree = tree
        self.proxy = tree.proxy
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search: name, code or pinyin initials (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search sites"))
        self.search.setToolTip(self.tr(
            "Type part of a site's name, its division code or the first letters of its "
            "pinyin (e.g. xk for 溪口). Esc clears the search, then the filters; Down goes to "
            "the list."))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_text)
        self.search.installEventFilter(self)
        layout.addWidget(self.search)  # a row of its own: wide enough to read what is typed
        row = QHBoxLayout()
        row.setSpacing(4)
        self.tier = QComboBox()
        self.tier.setAccessibleName(self.tr("Show tier"))
        self.tier.setToolTip(self.tr("Show only sites of one tier"))
        self.tier.addItem(self.tr("All tiers"), "")
        from inspector.ui.labels import tier_name

        for tier in TIERS:
            self.tier.addItem(tier_name(tier), tier)
        self.tier.currentIndexChanged.connect(
            lambda _index: self.proxy.set_tier(str(self.tier.currentData() or "")))
        row.addWidget(self.tier)
        self.state = QComboBox()
        self.state.setAccessibleName(self.tr("Show state"))
        self.state.setToolTip(self.tr("Show only sites in one state of inspection"))
        self._fill_states(tree.view)
        self.state.currentIndexChanged.connect(
            lambda _index: self.proxy.set_state(str(self.state.currentData() or "")))
        row.addWidget(self.state)
        # The county office only: every received result instead of the approved ones.
        self.all_received = QCheckBox(self.tr("Show all received results"))
        self.all_received.setToolTip(self.tr(
            "Only approved inspections count as results. Tick to show each site's last "
            "inspection received, whatever its review."))
        self.all_received.setChecked(tree.view.all_received)
        self.all_received.setVisible(tree.view.office)
        self.all_received.toggled.connect(
            lambda shown: tree.set_view(replace(tree.view, all_received=shown)))
        row.addWidget(self.all_received)
        self.summary = QLabel()  # how many sites match, while a search or filter is on
        self.summary.setAccessibleName(self.tr("Search result"))
        self.summary.setWordWrap(True)
        self.summary.hide()
        row.addWidget(self.summary, 1)
        row.addStretch(0)
        layout.addLayout(row)
        self.proxy.criteria_changed.connect(self._criteria_changed)
        tree.filled.connect(self._show_summary)
        tree.typed.connect(self._typed_in_tree)
        tree.view_changed.connect(self._view_changed)

    def _fill_states(self, view: ResultView) -> None:
        """The states offered: at the county office also the results awaiting review or
        returned, and "inspected" means an approved result there."""
        self.state.clear()
        self.state.addItem(self.tr("Any state"), "")
        completed = (self.tr("Has an approved result") if view.approved_only
                     else self.tr("Inspected (completed)"))
        states = [
            (STATE_NEVER, self.tr("Never inspected")),
            (STATE_IN_PROGRESS, self.tr("Inspection in progress")),
            (STATE_COMPLETED, completed),
        ]
        if view.office:
            states += [(STATE_AWAITING, self.tr("New result awaiting review")),
                       (STATE_RETURNED, self.tr("Result returned to its inspector"))]
        states.append((STATE_ASSIGNED, self.tr("Has an assignment")))
        for state, label in states:
            self.state.addItem(label, state)

    def _view_changed(self, view: ResultView) -> None:
        """The role or the choice of results changed: offer what applies, keep the state
        chosen if it still applies."""
        chosen = self.proxy.state
        self.state.blockSignals(True)
        try:
            self._fill_states(view)
            index = self.state.findData(chosen)
            self.state.setCurrentIndex(max(index, 0))
        finally:
            self.state.blockSignals(False)
        if self.state.findData(chosen) < 0:
            self.proxy.set_state("")
        self.all_received.blockSignals(True)
        self.all_received.setChecked(view.all_received)
        self.all_received.blockSignals(False)
        self.all_received.setVisible(view.office)

    def install_shortcut(self, page: QWidget) -> QShortcut:
        """Ctrl+F on ``page`` (the site list's page) focuses the search box."""
        shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), page)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.focus_search)
        return shortcut

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _typed_in_tree(self, text: str) -> None:
        """Typing in the list goes on in the search box, after what is there."""
        self.search.setFocus(Qt.FocusReason.OtherFocusReason)
        self.search.end(False)
        self.search.insert(text)

    def clear(self) -> None:
        """Show every site again: no search text, every tier, any state."""
        self.proxy.clear()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key == Qt.Key.Key_Escape and event.modifiers() == Qt.KeyboardModifier.NoModifier:
                if self.search.text():
                    self.search.clear()
                elif self.proxy.is_active():
                    self.proxy.clear()
                else:
                    self.tree.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.tree.enter_from_search()
                return True
        return super().eventFilter(watched, event)

    def _criteria_changed(self) -> None:
        """Keep the widgets in step when the criteria change elsewhere (e.g. cleared)."""
        if self.search.text().strip().casefold() != self.proxy.text:
            self.search.setText(self.proxy.text)
        for combo, value in ((self.tier, self.proxy.tier), (self.state, self.proxy.state)):
            index = combo.findData(value)
            if index >= 0 and combo.currentIndex() != index:
                combo.setCurrentIndex(index)
        self._show_summary()

    def _show_summary(self) -> None:
        if not self.proxy.is_active():
            self.summary.hide()
            return
        count, total = self.proxy.match_count(), self.proxy.site_total()
        if count:
            text = self.tr("%1 of %2 sites match").replace("%1", str(count)).replace(
                "%2", str(total))
        else:
            text = self.tr("No site matches the search and filters.")
        self.summary.setText(text)
        self.summary.show()
