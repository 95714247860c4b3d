"""The site list's layout: a splitter handle one can see, and the layout kept across restarts.

What the user arranged (how wide the list is beside the details, the column
widths set by hand, hidden columns, the sort order) is written to the settings
file shortly after each change and when the list is hidden (the window closing
included), and applied when the window is made again. Nothing is written while
the user changes nothing.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSplitter, QSplitterHandle, QWidget

from inspector.ui.core.settings import SiteListLayout, load_site_list_layout, save_site_list_layout
from inspector.ui.pages.sites.site_tree import SiteTree

log = logging.getLogger(__name__)

SAVE_DELAY_MS = 500
HANDLE_WIDTH = 8


class GripHandle(QSplitterHandle):
    """A splitter handle drawn as a bar with a grip in the middle, so it can be found."""

    def __init__(self, orientation: Qt.Orientation, parent: QSplitter) -> None:
        super().__init__(orientation, parent)
        self.setToolTip(self.tr("Drag to widen or narrow the site list"))

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        hovered = self.underMouse()
        painter.fillRect(self.rect(), palette.color(
            QPalette.ColorRole.Midlight if hovered else QPalette.ColorRole.Button))
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        if self.orientation() == Qt.Orientation.Horizontal:
            painter.drawLine(0, 0, 0, self.height())
            painter.drawLine(self.width() - 1, 0, self.width() - 1, self.height())
            middle_x, middle_y = self.width() // 2, self.height() // 2
            dots = [QRect(middle_x - 1, middle_y + offset - 1, 3, 3)
                    for offset in range(-12, 13, 6)]
        else:
            painter.drawLine(0, 0, self.width(), 0)
            painter.drawLine(0, self.height() - 1, self.width(), self.height() - 1)
            middle_x, middle_y = self.width() // 2, self.height() // 2
            dots = [QRect(middle_x + offset - 1, middle_y - 1, 3, 3)
                    for offset in range(-12, 13, 6)]
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(palette.color(QPalette.ColorRole.Dark))
        for dot in dots:
            painter.drawEllipse(dot)
        painter.end()

    def event(self, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Enter, QEvent.Type.Leave):
            self.update()
        return super().event(event)


class GripSplitter(QSplitter):
    """A splitter whose handle is wide enough to grab and drawn so that it is seen;
    neither side can be collapsed to nothing."""

    def __init__(self, orientation: Qt.Orientation, parent: QWidget | None = None) -> None:
        super().__init__(orientation, parent)
        self.setHandleWidth(HANDLE_WIDTH)
        self.setChildrenCollapsible(False)

    def createHandle(self) -> QSplitterHandle:
        return GripHandle(self.orientation(), self)


class SiteListMemory(QObject):
    """Applies the saved layout to the site list and saves the user's changes to it.

    ``splitter`` holds the site list (first) and the details beside it.
    """

    def __init__(self, settings_file: Path, splitter: QSplitter, tree: SiteTree) -> None:
        super().__init__(splitter)
        self.settings_file = settings_file
        self.splitter = splitter
        self.tree = tree
        saved = load_site_list_layout(settings_file)
        self._list_width = saved.splitter[0] if saved.splitter else 0  # 0: not set by hand
        self._splitter_placed = False
        self._filled_once = False
        self._dirty = False
        tree.apply_column_layout(saved.column_widths, saved.hidden_columns, saved.sort_column,
                                 saved.sort_order)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save)
        splitter.splitterMoved.connect(self._splitter_moved)
        tree.layout_changed.connect(self._changed)
        tree.filled.connect(self._filled)
        splitter.installEventFilter(self)

    def _filled(self, _count: int) -> None:
        self._filled_once = True
        self._place_splitter()

    def _place_splitter(self) -> None:
        """Once, when the list is first filled (its width needs are known then) and the
        splitter has its size: the width the user chose last time, else wide enough
        for every column, within what the details beside it need."""
        if self._splitter_placed or not self._filled_once:
            return
        total = sum(self.splitter.sizes())
        if total <= 0:
            return  # not laid out yet: placed on the splitter's first resize
        self._splitter_placed = True
        details = self.splitter.widget(1)
        details_needs = details.minimumSizeHint().width() if details is not None else 0
        if self._list_width:
            wanted = self._list_width
        else:
            pane = self.splitter.widget(0)
            extra = pane.width() - self.tree.width() if pane is not None else 0
            wanted = max(self.tree.ideal_width() + max(extra, 0), total // 2)
        width = max(min(wanted, total - details_needs), 0)
        self.splitter.setSizes([width, total - width])

    def _splitter_moved(self, _position: int, _index: int) -> None:
        self._list_width = self.splitter.sizes()[0]
        self._splitter_placed = True
        self._changed()

    def _changed(self) -> None:
        self._dirty = True
        self._timer.start()

    def layout(self) -> SiteListLayout:
        widths, hidden, sort_column, sort_order = self.tree.column_layout()
        sizes = self.splitter.sizes()
        splitter = (self._list_width, max(sum(sizes) - self._list_width, 0)) \
            if self._list_width else ()
        return SiteListLayout(splitter=splitter, column_widths=widths, hidden_columns=hidden,
                              sort_column=sort_column, sort_order=sort_order)

    def save(self) -> bool:
        """Write the layout if the user changed it; a failure is logged (the list still
        works, only the layout is not kept)."""
        self._timer.stop()
        if not self._dirty:
            return False
        try:
            save_site_list_layout(self.settings_file, self.layout())
        except OSError as exc:
            log.warning("the site list's layout was not saved to %s: %s",
                        self.settings_file, exc)
            return False
        self._dirty = False
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.splitter and event.type() == QEvent.Type.Hide:
            self.save()  # the window closing, or another page shown
        elif (watched is self.splitter and event.type() == QEvent.Type.Resize
              and not self._splitter_placed and self._filled_once):
            QTimer.singleShot(0, self, self._place_splitter)  # after the splitter's own
        return super().eventFilter(watched, event)
