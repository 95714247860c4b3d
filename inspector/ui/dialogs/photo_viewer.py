"""Looking at photos: zoom, previous/next, rotate (metadata only), caption, delete.

Keys: ←/→ previous/next · Ctrl++/Ctrl+- zoom · Ctrl+0 fit · R / Shift+R rotate
right/left · Delete removes the photo from the inspection after confirmation;
Undo (or Ctrl+Z) in the bar that then shows puts it back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QImage, QKeySequence, QPixmap, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from inspector.services import api, text_limits
from inspector.ui.core.operations import Change, Operation, Operations
from inspector.ui.core.worker import JobHandle
from inspector.ui.widgets.undo_bar import UndoBar

if TYPE_CHECKING:
    from inspector.services.context import AppContext
    from inspector.services.control import Control
    from inspector.services.photos import PhotoRecord

DISPLAY_SIZE = 2048


def qimage_from_pil(image: object) -> QImage:
    """A deep copy of an RGB Pillow image as a QImage (made on the UI thread)."""
    from PIL import Image

    assert isinstance(image, Image.Image)
    rgb = image if image.mode == "RGB" else image.convert("RGB")
    data = rgb.tobytes()
    return QImage(data, rgb.width, rgb.height, rgb.width * 3,
                  QImage.Format.Format_RGB888).copy()


def deleted_text(record: PhotoRecord) -> str:
    return QCoreApplication.translate("PhotoViewer", "Photo “%1” deleted.").replace(
        "%1", record.caption or record.original_name)


def one(result: PhotoRecord | list[PhotoRecord]) -> PhotoRecord:
    """The record of the one photo an action in the viewer changed."""
    assert not isinstance(result, list)
    return result


class PhotoViewer(QDialog):
    deleted = Signal(object)  # PhotoRecord: what restoring needs
    restored = Signal(object)  # PhotoRecord

    def __init__(self, ops: Operations, context: AppContext, records: list[PhotoRecord],
                 index: int, read_only: bool, parent: QWidget | None = None,
                 targets: list[tuple[str | None, str]] | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.context = context
        self.records = list(records)
        self.index = index
        self.read_only = read_only
        self.zoom = 0.0  # 0: fit the window
        self.pixmap: QPixmap | None = None
        self._deleted_at: dict[str, int] = {}  # photo id → its place before deletion
        self.setWindowTitle(self.tr("Photo"))
        self.resize(1000, 760)
        layout = QVBoxLayout(self)
        self.area = QScrollArea()
        self.area.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image = QLabel(self.tr("Loading…"))
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.setAccessibleName(self.tr("Photo"))
        self.area.setWidget(self.image)
        self.area.setWidgetResizable(False)
        layout.addWidget(self.area, 1)
        self.info = QLabel()
        self.info.setWordWrap(True)
        layout.addWidget(self.info)
        self.caption = QLineEdit()
        self.caption.setMaxLength(text_limits.CAPTION_MAX)
        self.caption.setAccessibleName(self.tr("Caption"))
        self.caption.setPlaceholderText(self.tr("Caption"))
        self.caption.editingFinished.connect(self._save_caption)
        layout.addWidget(self.caption)
        self.assign = QComboBox()
        self.assign.setAccessibleName(self.tr("Criterion of this photo"))
        self.targets = targets or []
        for criterion_id, label in self.targets:
            self.assign.addItem(label, criterion_id)
        self.assign.setVisible(bool(self.targets))
        self.assign.setEnabled(not read_only)
        self.assign.activated.connect(self._assign_chosen)
        layout.addWidget(self.assign)
        self.undo_bar = UndoBar()
        self.undo_bar.undo_requested.connect(self.restore)
        layout.addWidget(self.undo_bar)
        row = QHBoxLayout()
        buttons = [
            (self.tr("← &Previous"), lambda: self.step(-1)),
            (self.tr("&Next →"), lambda: self.step(1)),
            (self.tr("Zoom &in"), lambda: self.zoom_by(1.25)),
            (self.tr("Zoom &out"), lambda: self.zoom_by(0.8)),
            (self.tr("&Fit"), self.fit),
            (self.tr("Rotate &left"), lambda: self.rotate(-90)),
            (self.tr("&Rotate right"), lambda: self.rotate(90)),
            (self.tr("&Delete…"), self.delete),
        ]
        self.buttons: dict[str, QPushButton] = {}
        for text, action in buttons:
            button = QPushButton(text)
            button.clicked.connect(action)
            row.addWidget(button)
            self.buttons[text] = button
        layout.addLayout(row)
        # Enter (also after typing a caption, which is saved) goes on to the next photo;
        # set once the button is inside the dialog, else Qt would make "Previous" the default.
        self.next_button = self.buttons[self.tr("&Next →")]
        self.next_button.setDefault(True)
        for key, action in (
            ("Left", lambda: self.step(-1)), ("Right", lambda: self.step(1)),
            ("Ctrl++", lambda: self.zoom_by(1.25)), ("Ctrl+=", lambda: self.zoom_by(1.25)),
            ("Ctrl+-", lambda: self.zoom_by(0.8)), ("Ctrl+0", self.fit),
            ("R", lambda: self.rotate(90)), ("Shift+R", lambda: self.rotate(-90)),
            ("Delete", self.delete),
        ):
            QShortcut(QKeySequence(key), self).activated.connect(action)
        if read_only:
            for text in (self.tr("Rotate &left"), self.tr("&Rotate right"), self.tr("&Delete…")):
                self.buttons[text].setEnabled(False)
            self.caption.setReadOnly(True)
        self.show_current()

    @property
    def record(self) -> PhotoRecord:
        return self.records[self.index]

    def show_current(self) -> JobHandle | None:
        if not self.records:
            self.close()
            return None
        record = self.record
        self.caption.setText(record.caption)
        if self.targets:
            self.assign.setCurrentIndex(max(0, self.assign.findData(record.criterion_id)))
        details = [record.original_name, f"{record.shown_size[0]}×{record.shown_size[1]}"]
        if record.local_taken_at is not None:
            details.append(self.tr("taken %1").replace(
                "%1", record.local_taken_at.strftime("%Y-%m-%d %H:%M")))
        if record.has_gps:
            details.append(f"GPS {record.gps_lat:.5f}, {record.gps_lon:.5f}")
        if record.outside_visit:
            details.append(self.tr("⚠ taken on another day than the visit"))
        details.append(f"{self.index + 1}/{len(self.records)}")
        self.info.setText(" · ".join(details))
        context = self.context
        return self.ops.read(
            self, lambda _c: api.photos.display_image(context, record, DISPLAY_SIZE),
            "display").on_success(self._image_ready).start()

    def _image_ready(self, result: tuple[str, object]) -> None:
        photo_id, image = result
        if photo_id != self.record.id:
            return  # the user moved on meanwhile
        self.pixmap = QPixmap.fromImage(qimage_from_pil(image))
        self._apply_zoom()

    def _apply_zoom(self) -> None:
        if self.pixmap is None:
            return
        if self.zoom <= 0:
            viewport = self.area.viewport().size()
            shown = self.pixmap.scaled(viewport, Qt.AspectRatioMode.KeepAspectRatio,
                                       Qt.TransformationMode.SmoothTransformation)
        else:
            shown = self.pixmap.scaled(self.pixmap.size() * self.zoom,
                                       Qt.AspectRatioMode.KeepAspectRatio,
                                       Qt.TransformationMode.SmoothTransformation)
        self.image.setPixmap(shown)
        self.image.resize(shown.size())

    def zoom_by(self, factor: float) -> None:
        if self.pixmap is None:
            return
        if self.zoom <= 0:
            self.zoom = self.image.width() / max(1, self.pixmap.width())
        self.zoom = max(0.05, min(8.0, self.zoom * factor))
        self._apply_zoom()

    def fit(self) -> None:
        self.zoom = 0.0
        self._apply_zoom()

    def step(self, delta: int) -> None:
        target = self.index + delta
        if 0 <= target < len(self.records):
            self._save_caption()
            self.index = target
            self.pixmap = None
            self.show_current()

    def rotate(self, degrees: int) -> JobHandle | None:
        if self.read_only:
            return None
        return self._action("rotate", degrees)

    def _assign_chosen(self, index: int) -> None:
        target = self.assign.itemData(index)
        if not self.read_only and self.records and target != self.record.criterion_id:
            self.assign_to(target)

    def assign_to(self, criterion_id: str | None) -> JobHandle:
        """Move the photo to a criterion (None: the visit's general photos)."""
        return self._action("assign", criterion_id)

    def _save_caption(self) -> None:
        if not self.read_only and self.records and self.caption.text() != self.record.caption:
            self._action("caption", self.caption.text())

    def _action(self, action: str, value: object) -> JobHandle:
        context, photo_id = self.context, self.record.id
        return self._write(lambda _c: one(api.photos.photo_action(context, action, photo_id,
                                                                   value)),
                           f"photo {action}").on_success(self._updated).start()

    def _write(self, fn: Callable[[Control], PhotoRecord], name: str) -> Operation[PhotoRecord]:
        return self.ops.write(self, fn, name, changes=Change.PHOTOS,
                              inspection_id=self.record.inspection_id if self.records else None)

    def _updated(self, record: PhotoRecord) -> None:
        for index, existing in enumerate(self.records):
            if existing.id == record.id:
                self.records[index] = record
                if index == self.index:
                    self.show_current()

    def delete(self) -> JobHandle | None:
        if self.read_only or not self.records:
            return None
        answer = QMessageBox.question(
            self, self.tr("Delete photo"),
            self.tr("Remove the photo “%1” from this inspection?").replace(
                "%1", self.record.caption or self.record.original_name))
        if answer != QMessageBox.StandardButton.Yes:
            return None
        return self.delete_confirmed()

    def delete_confirmed(self) -> JobHandle:
        context, photo_id = self.context, self.record.id
        return self._write(lambda _c: one(api.photos.photo_action(context, "delete", photo_id)),
                           "photo delete").on_success(self._deleted).start()

    def _deleted(self, record: PhotoRecord) -> None:
        position = next((i for i, r in enumerate(self.records) if r.id == record.id), 0)
        self._deleted_at[record.id] = position
        self.records = [r for r in self.records if r.id != record.id]
        self.index = min(self.index, len(self.records) - 1)
        self.deleted.emit(record)
        self.pixmap = None
        if self.records:
            self.undo_bar.offer(deleted_text(record), record)
        self.show_current()

    def restore(self, record: object) -> JobHandle:
        """Undo a deletion: the same photo again, through the worker."""
        from inspector.services.photos import PhotoRecord

        assert isinstance(record, PhotoRecord)
        context = self.context
        return self.ops.write(self, lambda _c: api.photos.restore_photo(context, record),
                              "photo restore", changes=Change.PHOTOS,
                              inspection_id=record.inspection_id) \
            .on_success(self._restored).start()

    def _restored(self, record: PhotoRecord) -> None:
        position = min(self._deleted_at.pop(record.id, len(self.records)), len(self.records))
        self.records.insert(position, record)
        self.index = position
        self.pixmap = None
        self.undo_bar.dismiss()
        self.restored.emit(record)
        self.show_current()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.zoom <= 0:
            self._apply_zoom()
