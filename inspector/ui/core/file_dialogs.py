"""Every file dialog of the program: in the window's language, opened in a folder that exists.

On Linux (UOS, Kylin, Debian…) Qt's own file dialog is used rather than the desktop's:
Qt's is translated with the window (qtbase's translation plus ours for the few words it
lacks, see :mod:`inspector.ui.core.qt_strings`), while the desktop's speaks the desktop's
language, whatever the window's. On Windows and macOS the system's dialog is used: it is
the one people know there, and it follows the system's language.

A dialog opens in the folder last used for the same purpose, if it still exists; else, for
bundles, on a plugged-in USB drive; else in Documents if there is one; else in the home
folder. Never in a folder that does not exist. The folders last used are kept in the data
folder's ``settings.json`` under ``last_folders``.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import (
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    QStandardPaths,
    Qt,
)
from PySide6.QtWidgets import QFileDialog, QFileSystemModel, QWidget

from inspector.ui.core.settings import read_settings_file, write_settings_file

log = logging.getLogger(__name__)

SETTINGS_KEY = "last_folders"


class Purpose(StrEnum):
    """What a dialog is for: each remembers its own last folder."""

    BUNDLES = "bundles"  # sync bundles: on a USB drive when one is plugged in
    DOCUMENTS = "documents"  # PDFs and CSV files
    PHOTOS = "photos"
    REPAIR = "repair"  # bundles or folders of originals to fetch photos back from


class Mode(StrEnum):
    OPEN = "open"
    OPEN_MANY = "open_many"
    SAVE = "save"
    FOLDER = "folder"


#: Runs a dialog; True when the user accepted. Tests give one that fills it in.
Runner = Callable[[QFileDialog], bool]


def native_dialogs() -> bool:
    return sys.platform in ("win32", "darwin")


def _read(settings_file: Path | None) -> dict[str, object]:
    return {} if settings_file is None else read_settings_file(settings_file)


def last_folder(settings_file: Path | None, purpose: Purpose) -> Path | None:
    folders = _read(settings_file).get(SETTINGS_KEY)
    value = folders.get(purpose.value) if isinstance(folders, dict) else None
    return Path(value) if isinstance(value, str) and value else None


def remember(settings_file: Path | None, purpose: Purpose, folder: Path) -> None:
    """Keep ``folder`` as the last one used for ``purpose`` (the other keys stay)."""
    if settings_file is None:
        return
    data = _read(settings_file)
    folders = data.get(SETTINGS_KEY)
    folders = dict(folders) if isinstance(folders, dict) else {}
    folders[purpose.value] = str(folder)
    data[SETTINGS_KEY] = folders
    try:
        write_settings_file(settings_file, data)
    except OSError as exc:  # a read-only data folder: the dialog just forgets
        log.info("could not remember the folder in %s: %s", settings_file, exc)


def documents_folder() -> Path | None:
    """The user's Documents folder, if it exists (Qt names one even when it does not)."""
    named = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(named) if named and Path(named).is_dir() else None


def _removable_drives() -> list[Path]:
    from inspector.services.removable import removable_drives

    return removable_drives()


def start_folder(settings_file: Path | None, purpose: Purpose,
                 drives: Callable[[], list[Path]] = _removable_drives) -> Path:
    """Where a dialog for ``purpose`` opens: always a folder that exists."""
    last = last_folder(settings_file, purpose)
    if purpose is not Purpose.BUNDLES and last is not None and last.is_dir():
        return last  # the drives are looked for only when they may be wanted
    plugged = drives()
    drive = plugged[0] if plugged else None
    order = [drive, last] if purpose is Purpose.BUNDLES else [last, drive]
    for candidate in (*order, documents_folder(), Path.home()):
        if candidate is not None and candidate.is_dir():
            return candidate
    return Path.home()


def make_dialog(parent: QWidget | None, title: str, folder: Path, mode: Mode, *,
                filters: str = "", name: str = "") -> QFileDialog:
    """The dialog, not yet shown: Qt's own (translated) one unless the system's is used."""
    dialog = QFileDialog(parent, title, str(folder), filters)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, not native_dialogs())
    if not native_dialogs():
        dialog.setProxyModel(WindowLocaleSizes(dialog))
    if mode is Mode.SAVE:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        suffix = Path(name).suffix.lstrip(".")
        if suffix:
            dialog.setDefaultSuffix(suffix)
        if name:
            dialog.selectFile(str(folder / name))
    elif mode is Mode.FOLDER:
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    elif mode is Mode.OPEN_MANY:
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    else:
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    return dialog


class WindowLocaleSizes(QSortFilterProxyModel):
    """Sizes and dates in the window's language. Qt's file list writes them in the
    system's ("0 bytes" on a system set to English), not in the language chosen here."""

    SIZE_COLUMN, DATE_COLUMN = 1, 3

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> object:
        column = index.column()
        source = self.sourceModel()
        if role == Qt.ItemDataRole.DisplayRole and column in (self.SIZE_COLUMN,
                                                              self.DATE_COLUMN) \
                and isinstance(source, QFileSystemModel):
            info = source.fileInfo(self.mapToSource(index))
            if column == self.DATE_COLUMN:
                return QLocale().toString(info.lastModified(), QLocale.FormatType.ShortFormat)
            if info.isFile():
                return QLocale().formattedDataSize(info.size())
        return super().data(index, role)

    def lessThan(self, left: QModelIndex | QPersistentModelIndex,
                 right: QModelIndex | QPersistentModelIndex) -> bool:
        """Folders first, sizes and dates by value: as Qt's list sorts without this model."""
        source = self.sourceModel()
        if isinstance(source, QFileSystemModel):
            left_dir, right_dir = source.isDir(left), source.isDir(right)
            if left_dir != right_dir:
                return left_dir
            if left.column() == self.SIZE_COLUMN:
                return source.size(left) < source.size(right)
            if left.column() == self.DATE_COLUMN:
                return source.lastModified(left) < source.lastModified(right)
        return super().lessThan(left, right)


def _exec(dialog: QFileDialog) -> bool:
    return bool(dialog.exec())


class FileDialogs:
    """Asks for files and folders; remembers the folders in ``settings_file``."""

    def __init__(self, settings_file: Callable[[], Path | None], run: Runner = _exec,
                 drives: Callable[[], list[Path]] = _removable_drives) -> None:
        self._settings_file = settings_file
        self._run = run
        self._drives = drives

    def ask(self, parent: QWidget | None, title: str, mode: Mode, purpose: Purpose, *,
            filters: str = "", name: str = "") -> list[Path]:
        settings = self._settings_file()
        dialog = make_dialog(parent, title, start_folder(settings, purpose, self._drives), mode,
                             filters=filters, name=name)
        try:
            if not self._run(dialog):
                return []
            chosen = [Path(item) for item in dialog.selectedFiles() if item]
        finally:
            dialog.deleteLater()
        if chosen:
            remember(settings, purpose, chosen[0] if mode is Mode.FOLDER else chosen[0].parent)
        return chosen

    def open_file(self, parent: QWidget | None, title: str, filters: str,
                  purpose: Purpose) -> Path | None:
        chosen = self.ask(parent, title, Mode.OPEN, purpose, filters=filters)
        return chosen[0] if chosen else None

    def open_files(self, parent: QWidget | None, title: str, filters: str,
                   purpose: Purpose) -> list[Path]:
        return self.ask(parent, title, Mode.OPEN_MANY, purpose, filters=filters)

    def save_file(self, parent: QWidget | None, title: str, name: str, filters: str,
                  purpose: Purpose) -> Path | None:
        """A file to write, suggested as ``name``; it ends in ``name``'s suffix."""
        chosen = self.ask(parent, title, Mode.SAVE, purpose, filters=filters, name=name)
        if not chosen:
            return None
        path, suffix = chosen[0], Path(name).suffix
        return path if not suffix or path.suffix.lower() == suffix.lower() \
            else path.with_name(path.name + suffix)

    def folder(self, parent: QWidget | None, title: str, purpose: Purpose) -> Path | None:
        chosen = self.ask(parent, title, Mode.FOLDER, purpose)
        return chosen[0] if chosen else None
