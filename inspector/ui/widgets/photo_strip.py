"""Photos of one criterion (or the visit's general photos): a thumbnail grid.

Add by file dialog (several at once), by dropping files or folders on the grid,
or (general photos) by importing a whole folder; imports run in the worker with
progress and Cancel. Thumbnails are made and cached by the photo service in the
worker. Double-click or Enter opens the viewer. Several photos selected together
(Ctrl/Shift+click, Ctrl+A) can be moved to another criterion at once, for example
after importing a phone's whole folder into the general photos.
"""

from __future__ import annotations

import functools
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QDropEvent, QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector.services import api
from inspector.ui.core.file_dialogs import FileDialogs, Purpose
from inspector.ui.core.operations import Change, Changed, Operations
from inspector.ui.core.progress import ProgressDialog
from inspector.ui.core.worker import JobHandle
from inspector.ui.widgets.undo_bar import UndoBar

if TYPE_CHECKING:
    from inspector.services.context import AppContext
    from inspector.services.photo_import import ImportReport
    from inspector.services.photos import PhotoRecord
    from inspector.ui.dialogs.photo_viewer import PhotoViewer

log = logging.getLogger(__name__)

THUMB = 112
CELL = QSize(THUMB + 24, THUMB + 28)  # every photo in the same cell: a thumbnail and one line
PHOTO_ROLE = Qt.ItemDataRole.UserRole
IMAGE_FILTER = "*.jpg *.jpeg *.png *.webp *.heic *.heif *.JPG *.JPEG *.PNG *.HEIC"


def _thumbnail_job(context: AppContext, sha256: str, _control: object) -> tuple[str, bytes]:
    return api.photos.thumbnail(context, sha256)


class _Grid(QListWidget):
    """The thumbnails; accepts dropped files and folders."""

    dropped = Signal(list)  # list[Path]

    def __init__(self, rows: int = 1) -> None:
        super().__init__()
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setIconSize(QSize(THUMB, THUMB))
        # A fixed cell for every photo: items laid out before their thumbnails arrive
        # must not pile on top of each other, whatever the length of their names.
        self.setGridSize(CELL)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # keeps "…_0017.jpg" readable
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setWrapping(True)
        self.setFixedHeight(rows * CELL.height() + 2 * self.frameWidth() + 6)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)

        self.viewport().installEventFilter(self)
        self.allow_drops(True)

    def allow_drops(self, allowed: bool) -> None:
        # QListView turns drops off on its viewport when items cannot be moved.
        self.setAcceptDrops(allowed)
        self.viewport().setAcceptDrops(allowed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Drops land on the viewport; take file URLs from there."""
        if watched is self.viewport() and event.type() in (
                QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            assert isinstance(event, QDropEvent)
            if not (self.acceptDrops() and event.mimeData().hasUrls()):
                return False
            event.acceptProposedAction()
            if event.type() == QEvent.Type.Drop:
                paths = [Path(url.toLocalFile()) for url in event.mimeData().urls()
                         if url.isLocalFile()]
                if paths:
                    self.dropped.emit(paths)
            return True
        return super().eventFilter(watched, event)


class PhotoStrip(QWidget):
    """Shows the photos of one criterion, and shows them again whenever an operation
    changed the photos of its inspection (here, in another strip or in the viewer)."""

    import_finished = Signal(object)  # ImportReport

    def __init__(self, ops: Operations, context: AppContext, inspection_id: str,
                 criterion_id: str | None, read_only: bool, parent: QWidget | None = None,
                 targets: list[tuple[str | None, str]] | None = None) -> None:
        super().__init__(parent)
        self.targets = targets or []  # where a photo can be assigned: (criterion id, label)
        self.ops = ops
        self.context = context
        self.inspection_id = inspection_id
        self.criterion_id = criterion_id
        self.read_only = read_only
        self.records: list[PhotoRecord] = []
        self.viewer: PhotoViewer | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # The visit's general photos (a phone's whole folder) get room to be sorted.
        self.grid = _Grid(rows=2 if criterion_id is None else 1)
        self.grid.setAccessibleName(self.tr("Photos"))
        self.grid.allow_drops(not read_only)
        self.grid.dropped.connect(self.add_paths)
        self.grid.itemActivated.connect(self._open_viewer)
        self.grid.itemSelectionChanged.connect(self._selection_changed)
        self.grid.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.grid.customContextMenuRequested.connect(self._context_menu)
        layout.addWidget(self.grid)
        row = QHBoxLayout()
        # Shortcut letters (Alt+A…) only on the general photos' strip, the one strip of its
        # page: a criterion's strip is one of several on the page, where Ctrl+I adds photos.
        general = criterion_id is None
        self.add_button = QPushButton(self.tr("&Add photos…") if general
                                      else self.tr("Add photos…"))
        self.add_button.setAccessibleName(self.tr("Add photos"))
        self.add_button.setToolTip(self.tr("Ctrl+I; or drop photos on the grid"))
        self.add_button.clicked.connect(self.choose_files)
        row.addWidget(self.add_button)
        if criterion_id is None:
            self.folder_button = QPushButton(self.tr("Import a fol&der…"))
            self.folder_button.setAccessibleName(self.tr("Import all photos of a folder"))
            self.folder_button.clicked.connect(self.choose_folder)
            row.addWidget(self.folder_button)
        self.move_button = QPushButton(self.tr("&Move selected to…") if general
                                       else self.tr("Move selected to…"))
        self.move_button.setAccessibleName(self.tr("Move the selected photos to a criterion"))
        self.move_button.setToolTip(self.tr("Select several photos with Ctrl or Shift, or Ctrl+A"))
        self.move_menu = QMenu(self)
        for target, label in self.targets:
            if target != criterion_id:
                action = self.move_menu.addAction(label)
                action.triggered.connect(functools.partial(self.move_selected, target))
        self.move_button.setMenu(self.move_menu)
        row.addWidget(self.move_button)
        self.summary = QLabel()
        row.addWidget(self.summary, 1)
        layout.addLayout(row)
        for button in self.findChildren(QPushButton):
            button.setEnabled(not read_only)
        self.move_button.setEnabled(False)  # until photos are selected
        self.move_button.setVisible(bool(self.move_menu.actions()))
        # After the viewer deleted a photo (and closed, or was closed): Undo here.
        self.undo_bar = UndoBar()
        self.undo_bar.undo_requested.connect(self.restore)
        layout.addWidget(self.undo_bar)
        self.grid.setVisible(False)
        self.progress_dialog: ProgressDialog | None = None
        ops.changed.connect(self._data_changed)
        self.reload()

    # ------------------------------------------------------------------ showing

    def reload(self) -> JobHandle:
        context, inspection_id, criterion_id = self.context, self.inspection_id, self.criterion_id
        return self.ops.read(
            self, lambda _c: api.photos.list_photos(context, inspection_id, criterion_id),
            "photos").on_success(self._show).start()

    def _data_changed(self, changed: Changed) -> None:
        if changed.touches(Change.PHOTOS) and changed.inspection_id in (None,
                                                                        self.inspection_id):
            self.reload()

    def _show(self, records: list[PhotoRecord]) -> None:
        self.records = records
        self.grid.clear()
        self.grid.setVisible(bool(records))
        for record in records:
            label = record.caption or record.original_name
            if record.outside_visit:
                label = "⚠ " + label
            item = QListWidgetItem(label)  # elided in the middle by the grid
            item.setData(PHOTO_ROLE, record.id)
            item.setToolTip(self._tooltip(record))
            self.grid.addItem(item)
            self.ops.read(self, functools.partial(_thumbnail_job, self.context, record.sha256),
                          "thumb") \
                .on_success(self._thumbnail_ready) \
                .on_failure(functools.partial(self._no_thumbnail, record.id)).start()
        self.summary.setText(self.tr("%n photo(s)", "", len(records)) if records else "")

    def selected_ids(self) -> list[str]:
        """The selected photos, in the grid's order."""
        return [str(item.data(PHOTO_ROLE)) for item in
                (self.grid.item(row) for row in range(self.grid.count()))
                if item is not None and item.isSelected()]

    def _selection_changed(self) -> None:
        self.move_button.setEnabled(not self.read_only and bool(self.selected_ids()))

    def _context_menu(self, position: QPoint) -> None:
        if self.move_button.isEnabled():
            self.move_menu.exec(self.grid.viewport().mapToGlobal(position))

    def move_selected(self, criterion_id: str | None) -> JobHandle | None:
        """Move the selected photos to ``criterion_id`` (None: the general photos)."""
        photo_ids = self.selected_ids()
        if self.read_only or not photo_ids or criterion_id == self.criterion_id:
            return None
        context = self.context
        return self.ops.write(
            self, lambda _c: api.photos.assign_photos(context, photo_ids, criterion_id),
            "move photos", changes=Change.PHOTOS, inspection_id=self.inspection_id).start()

    def _tooltip(self, record: PhotoRecord) -> str:
        lines = [record.original_name]
        if record.local_taken_at is not None:
            lines.append(self.tr("Taken %1").replace(
                "%1", record.local_taken_at.strftime("%Y-%m-%d %H:%M")))
        if record.outside_visit:
            lines.append(self.tr("Taken on another day than the visit"))
        if record.has_gps:
            lines.append(f"GPS {record.gps_lat:.5f}, {record.gps_lon:.5f}")
        return "\n".join(lines)

    def _thumbnail_ready(self, result: tuple[str, bytes]) -> None:
        sha256, data = result
        pixmap = QPixmap()
        pixmap.loadFromData(data)
        for row in range(self.grid.count()):
            item = self.grid.item(row)
            record = self._record(str(item.data(PHOTO_ROLE))) if item else None
            if item is not None and record is not None and record.sha256 == sha256:
                shown = pixmap
                if record.rotation:
                    from PySide6.QtGui import QTransform

                    shown = pixmap.transformed(QTransform().rotate(record.rotation))
                item.setIcon(QIcon(shown))

    def _no_thumbnail(self, photo_id: str, exc: BaseException) -> None:
        """A photo whose thumbnail cannot be made stays in the grid, marked, with the reason;
        ``inspector check`` finds damaged or missing photo files."""
        log.warning("no thumbnail for photo %s: %s", photo_id, exc)
        for row in range(self.grid.count()):
            item = self.grid.item(row)
            if item is not None and item.data(PHOTO_ROLE) == photo_id:
                item.setText("⚠ " + item.text())
                item.setToolTip(item.toolTip() + "\n" + self.tr(
                    "This photo cannot be shown: its file is missing or damaged."))

    def _record(self, photo_id: str) -> PhotoRecord | None:
        return next((r for r in self.records if r.id == photo_id), None)

    # ------------------------------------------------------------------ adding

    def choose_files(self) -> None:
        if self.read_only:
            return
        names = self._dialogs().open_files(
            self, self.tr("Add photos"), self.tr("Photos (%1)").replace("%1", IMAGE_FILTER),
            Purpose.PHOTOS)
        if names:
            self.add_paths(names)

    def choose_folder(self) -> None:
        if self.read_only:
            return
        folder = self._dialogs().folder(self, self.tr("Import a folder of photos"),
                                        Purpose.PHOTOS)
        if folder:
            self.add_paths([folder])

    def _dialogs(self) -> FileDialogs:
        """File dialogs that start in the last folder photos came from (an SD card, a
        phone's copy) and remember the next one."""
        return FileDialogs(lambda: self.context.paths.settings_file)

    def add_paths(self, paths: list[Path]) -> JobHandle | None:
        """Import files (or one folder, as general photos) in the worker, with progress.

        Several files are added in the order of their names as people count them (m1, m2,
        m10), whatever order the file dialog or the file manager handed them over in.
        """
        if self.read_only or not paths:
            return None
        from inspector.services.photos import natural_path_key

        paths = sorted(paths, key=natural_path_key)
        context, inspection_id, criterion_id = self.context, self.inspection_id, self.criterion_id
        progress = ProgressDialog(self.tr("Adding photos"), self)
        self.progress_dialog = progress

        def show_progress(done: int, total: int, name: str) -> None:
            progress.view.set_text(self.tr("Adding photos… %1 of %2: %3").replace(
                "%1", str(done)).replace("%2", str(total)).replace("%3", name))

        return self.ops.write(
            self, lambda control: api.photos.add_photos(context, inspection_id, criterion_id,
                                                        paths, control),
            "add photos", changes=Change.PHOTOS, inspection_id=inspection_id) \
            .with_progress(progress.view, self.tr("Adding photos…"), cancellable=True) \
            .on_progress(show_progress).on_success(self._added) \
            .on_cancel(self.reload).start()

    def _added(self, report: ImportReport) -> None:
        self.import_finished.emit(report)
        if report.rejected or report.cancelled:
            box = QMessageBox(QMessageBox.Icon.Information, self.tr("Photos"),
                              report.message(), parent=self)
            if report.rejected:
                box.setDetailedText("\n".join(f"{path.name}: {reason}"
                                              for path, reason in report.rejected))
            box.open()

    # ------------------------------------------------------------------ viewer

    def _open_viewer(self, item: QListWidgetItem) -> None:
        from inspector.ui.dialogs.photo_viewer import PhotoViewer, deleted_text

        index = next((i for i, r in enumerate(self.records)
                      if r.id == item.data(PHOTO_ROLE)), 0)
        viewer = PhotoViewer(self.ops, self.context, self.records, index, self.read_only,
                             self, self.targets)
        viewer.deleted.connect(lambda record: self.undo_bar.offer(deleted_text(record), record))
        viewer.restored.connect(lambda _record: self.undo_bar.dismiss())
        self.viewer = viewer
        viewer.open()

    def restore(self, record: object) -> JobHandle:
        """Undo a deletion made in the viewer: the same photo again, through the worker."""
        from inspector.services.photos import PhotoRecord

        assert isinstance(record, PhotoRecord)
        context = self.context
        return self.ops.write(self, lambda _c: api.photos.restore_photo(context, record),
                              "photo restore", changes=Change.PHOTOS,
                              inspection_id=self.inspection_id).start()
