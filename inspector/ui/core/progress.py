"""The one way long work shows its progress: a line of text, a bar and Cancel.

:class:`ProgressView` sits inside a screen (the sync screen, the data check);
:class:`ProgressDialog` holds one in a small window-modal dialog for work started
from a menu (printing, adding photos), shown only when the work takes long
enough to notice. Both follow an operation's job handle: the bar moves with its
progress (busy until the first report), Cancel asks the job to stop, and the view
hides itself when the job ends, however it ends.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from inspector.ui.core.worker import JobHandle

#: Work that ends sooner than this shows no dialog at all.
DIALOG_DELAY_MS = 400
_SCALE = 1000


class ProgressView(QWidget):
    """Text, bar and Cancel for the operation currently followed."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.handle: JobHandle | None = None
        self._held = False
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setTextVisible(False)
        self.bar.setAccessibleName(self.tr("Progress"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAutoDefault(False)  # Enter never cancels work by accident
        self.cancel_button.clicked.connect(self.cancel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        row = QHBoxLayout()
        row.addWidget(self.bar, 1)
        row.addWidget(self.cancel_button)
        layout.addLayout(row)
        self.setVisible(False)

    @property
    def busy(self) -> bool:
        return self._held or (self.handle is not None and not self.handle.is_done)

    def hold(self, text: str) -> None:
        """Show ``text`` as busy, without a job to follow or a Cancel, until :meth:`release`
        (the window waiting for its last changes to be saved)."""
        self._held = True
        self.set_text(text)
        self.bar.setRange(0, 0)
        self.cancel_button.setVisible(False)
        self.setVisible(True)
        self.busy_changed.emit(True)

    def release(self) -> None:
        if self._held:
            self._held = False
            self.setVisible(False)
            self.busy_changed.emit(self.busy)

    def follow(self, handle: JobHandle, text: str, *, cancellable: bool) -> None:
        """Show ``handle``'s progress from now until it ends."""
        self.handle = handle
        self.label.setText(text)
        self.label.setVisible(bool(text))
        self.bar.setRange(0, 0)
        self.cancel_button.setVisible(cancellable)
        self.cancel_button.setEnabled(True)
        handle.progress.connect(self._on_progress)
        handle.done.connect(lambda: self._ended(handle))
        self.setVisible(True)
        self.busy_changed.emit(True)

    def set_text(self, text: str) -> None:
        self.label.setText(text)
        self.label.setVisible(bool(text))

    def cancel(self) -> None:
        if self.busy and self.handle is not None:
            self.handle.cancel()
            self.cancel_button.setEnabled(False)  # asked once; the job stops at its next check

    def _on_progress(self, done: int, total: int, text: str) -> None:
        if total > 0:
            self.bar.setRange(0, _SCALE)
            self.bar.setValue(int(_SCALE * min(max(done, 0), total) / total))
        else:
            self.bar.setRange(0, 0)

    def _ended(self, handle: JobHandle) -> None:
        if handle is not self.handle:  # a later operation took the view over
            return
        self.setVisible(False)
        self.busy_changed.emit(False)


class ProgressDialog(QDialog):
    """A small window-modal dialog around a :class:`ProgressView`, for work started from a
    menu. It appears only after :data:`DIALOG_DELAY_MS` and closes when the work ends."""

    def __init__(self, title: str, parent: QWidget | None = None, *,
                 delay_ms: int | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(360)
        self.view = ProgressView(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DIALOG_DELAY_MS if delay_ms is None else delay_ms)
        self._timer.timeout.connect(self._appear)
        self.view.busy_changed.connect(self._busy)

    def _busy(self, busy: bool) -> None:
        if busy:
            self._timer.start()
            return
        self._timer.stop()
        self.close()

    def _appear(self) -> None:
        if self.view.busy:
            self.open()

    def reject(self) -> None:
        """Escape or the close button: the same as Cancel when the work allows it."""
        if self.view.busy:
            if self.view.cancel_button.isVisible():
                self.view.cancel()
            return
        super().reject()
