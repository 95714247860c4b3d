"""What the user sees when something goes wrong.

Expected failures (a :class:`~inspector.errors.UserError`: a database from a newer
program, a full disk, an action the rules do not allow; or an ``OSError``: a file
that cannot be read or written) become a plain message. Anything else is a bug: a
dialog shows a report the user can copy and send; the data already saved stays saved
because every change is committed as it is made.
"""

from __future__ import annotations

import logging
import platform
import traceback
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

import inspector
from inspector.errors import UserError

log = logging.getLogger(__name__)


def is_expected(exc: BaseException) -> bool:
    """True when the user can do something about ``exc`` (a :class:`UserError`, whose message
    says what, or a file that could not be read or written), False for a bug."""
    return isinstance(exc, (UserError, OSError))


def plain_message(exc: BaseException) -> str:
    """One or two sentences for an expected failure, without a traceback."""
    if isinstance(exc, PermissionError):
        return QCoreApplication.translate("ErrorMessages", "Permission denied: %1").replace(
            "%1", str(exc.filename or exc))
    if isinstance(exc, FileNotFoundError):
        return QCoreApplication.translate("ErrorMessages", "File not found: %1").replace(
            "%1", str(exc.filename or exc))
    if isinstance(exc, NotADirectoryError) or (
            isinstance(exc, FileExistsError) and exc.filename
            and Path(exc.filename).exists() and not Path(exc.filename).is_dir()):
        return QCoreApplication.translate(
            "ErrorMessages", "A folder is needed here, but this is a file: %1").replace(
            "%1", str(exc.filename or exc))
    if isinstance(exc, OSError) and exc.errno == 28:
        return QCoreApplication.translate(
            "ErrorMessages", "The disk is full. Free some space and try again.")
    if isinstance(exc, OSError):
        where = f" ({exc.filename})" if exc.filename else ""
        return QCoreApplication.translate(
            "ErrorMessages", "The file could not be read or written%1: %2").replace(
            "%1", where).replace("%2", exc.strerror or str(exc))
    return str(exc)


def error_report(exc: BaseException) -> str:
    """Everything a developer needs to understand the bug, as copyable text."""
    lines = [
        f"Inspector {inspector.__version__}",
        f"Python {platform.python_version()} on {platform.platform()}",
        f"Qt {QLibraryInfo.version().toString()}",
        "",
        *traceback.format_exception(type(exc), exc, exc.__traceback__),
    ]
    return "\n".join(line.rstrip("\n") for line in lines)


class ErrorReportDialog(QDialog):
    """An unexpected error: an apology, a copyable report and a Close button."""

    def __init__(self, report: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Unexpected error"))
        self.report = report
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Something unexpected went wrong. Everything saved before this moment is kept.\n"
            "Please copy the report below and send it to the people who support this program."
        ))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.text = QPlainTextEdit(report)
        self.text.setReadOnly(True)
        self.text.setAccessibleName(self.tr("Error report"))
        self.text.setMinimumSize(560, 240)
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = buttons.addButton(self.tr("&Copy report"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(self.copy_report)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def copy_report(self) -> None:
        QApplication.clipboard().setText(self.report)


def show_error(parent: QWidget | None, exc: BaseException, title: str = "") -> None:
    """Tell the user about a failure: a plain message if expected, else a report."""
    if is_expected(exc):
        log.info("expected failure: %s", exc)
        title = title or QCoreApplication.translate("ErrorMessages", "Cannot continue")
        QMessageBox.warning(parent, title, plain_message(exc))
        return
    log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
    ErrorReportDialog(error_report(exc), parent).exec()
