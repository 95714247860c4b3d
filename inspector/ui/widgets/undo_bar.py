"""An inline "… deleted · Undo" bar, offered for a few seconds after a deletion.

The owner calls :meth:`UndoBar.offer` with a text and whatever it needs to undo;
Undo (the button, or Ctrl+Z while the bar shows and no text field takes the
key) emits ``undo_requested`` with that payload. Nothing is undone here: the
owner runs the restore through its worker.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

OFFER_MS = 12_000


class UndoBar(QFrame):
    undo_requested = Signal(object)  # the payload given to offer()

    def __init__(self, parent: QWidget | None = None, offer_ms: int = OFFER_MS) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Undo"))
        self.payload: object | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 4, 2)
        self.label = QLabel()
        self.label.setWordWrap(True)
        layout.addWidget(self.label, 1)
        self.undo_button = QPushButton(self.tr("&Undo"))
        self.undo_button.setToolTip(self.tr("Ctrl+Z"))
        self.undo_button.setAccessibleName(self.tr("Undo the deletion"))
        self.undo_button.clicked.connect(self.undo)
        layout.addWidget(self.undo_button)
        self.shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), self)
        self.shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.shortcut.activated.connect(self.undo)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(offer_ms)
        self.timer.timeout.connect(self.dismiss)
        self.dismiss()

    def offer(self, text: str, payload: object) -> None:
        self.label.setText(text)
        self.payload = payload
        self.shortcut.setEnabled(True)
        self.undo_button.setEnabled(True)
        self.setVisible(True)
        self.timer.start()

    def dismiss(self) -> None:
        self.timer.stop()
        self.payload = None
        self.shortcut.setEnabled(False)
        self.setVisible(False)

    def undo(self) -> None:
        payload = self.payload
        if payload is None:
            return
        self.dismiss()
        self.undo_requested.emit(payload)
