"""Starting the GUI: the application object, fonts, translations, the error hook.

Start-up order matters to the user, who double-clicks and waits. Before the
main window is shown: PySide6, the settings (for the language), our translations
and an empty frame with its title. On the first turn of the event loop, once the
frame is on screen: the bundled CJK font, the icon, Qt's own translations, then
the window's content; meanwhile the worker thread imports SQLModel, opens the
database and loads the site tree. Nothing with text is drawn before the font is
registered, so Chinese never shows as boxes on a system without a CJK font.

For ``benchmarks/startup.py`` the environment variable ``INSPECTOR_STARTUP_PROBE``
set to ``window``, ``content``, ``tree`` or ``ready`` makes the program print a
marker line when the window is shown, its content (tree, details, menus) is
built, the site tree is filled, or the data is open for work, and quit.
"""

from __future__ import annotations

import gc
import logging
import os
import sys
from typing import TYPE_CHECKING

# Each Qt class costs a little the first time it is touched; only those needed
# before the window is shown are imported here, the others where they are used.
from PySide6.QtCore import QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from inspector import APP_ID, APP_NAME, assets
from inspector.app_paths import AppPaths
from inspector.services.store_lock import WindowClaim
from inspector.ui.core.exception_hook import ExceptionHook
from inspector.ui.core.settings import DEFAULT_LANGUAGE, LANGUAGES, load_settings
from inspector.ui.main_window import MainWindow

if TYPE_CHECKING:
    from PySide6.QtGui import QGuiApplication, QIcon

log = logging.getLogger(__name__)

PROBE_ENV = "INSPECTOR_STARTUP_PROBE"
#: The exit code when another window already has the data folder open.
EXIT_ALREADY_OPEN = 3
PROBE_WINDOW = "inspector-startup: window-shown"
PROBE_CONTENT = "inspector-startup: content-built"
PROBE_TREE = "inspector-startup: tree-filled"
PROBE_READY = "inspector-startup: data-opened"
CJK_FAMILY_FALLBACK = "Droid Sans Fallback"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)  # resources/icons/inspector-<n>.png


def app_icon() -> QIcon:
    """The program's icon in every size shipped (Qt loads each file only when drawn)."""
    from PySide6.QtGui import QIcon

    icon = QIcon()
    for size in ICON_SIZES:
        node = assets.resource("icons", f"inspector-{size}.png")
        if node.is_file():
            icon.addFile(str(assets.real_path(node)))
    return icon


def freeze_gc_once_loaded(window: MainWindow) -> None:
    """Once the start-up data is loaded, move every object alive then out of the GC's way.

    The site tree, the templates, SQLAlchemy's and Qt's many objects live as long as
    the program; without this, each full collection walks them all again, which stalls
    the event loop for ~85 ms during a photo import. Garbage left by the start-up is
    collected first (once, right after the window has been painted) so it is not kept.
    """
    def loaded(_context: object) -> None:
        window.data_opened.disconnect(loaded)
        QTimer.singleShot(0, freeze_gc)

    window.data_opened.connect(loaded)


def freeze_gc() -> None:
    gc.collect()
    gc.freeze()


#: How long a background thread may keep the interpreter before the window's thread gets it
#: back (Python's default is 5 ms). The window's thread paints tables by asking Python for
#: each cell; with two workers reading data, every handover at 5 ms added up to stalls of
#: 100 ms and more while the office's screens loaded (``benchmarks/office.py``).
SWITCH_INTERVAL_S = 0.001


def responsive_interpreter() -> None:
    sys.setswitchinterval(SWITCH_INTERVAL_S)


def register_cjk_font(app: QGuiApplication) -> str | None:
    """Make the bundled CJK font available and a fallback of the application font."""
    from PySide6.QtGui import QFont, QFontDatabase

    font_id = QFontDatabase.addApplicationFont(str(assets.cjk_font_path()))
    if font_id < 0:
        log.warning("the bundled CJK font could not be loaded")
        return None
    families = QFontDatabase.applicationFontFamilies(font_id)
    family = families[0] if families else CJK_FAMILY_FALLBACK
    font = QFont(app.font())
    font.setFamilies([*font.families(), family])
    app.setFont(font)
    return family


def install_translators(app: QGuiApplication, language: str) -> list[QTranslator]:
    """Our strings, then Qt's own (OK, Cancel, …), in ``language``."""
    return [*install_our_translator(app, language), *install_qt_translator(app, language)]


def install_our_translator(app: QGuiApplication, language: str) -> list[QTranslator]:
    """The program's own strings in ``language`` (the window's title needs them)."""
    ours = QTranslator(app)
    if ours.load(str(assets.real_path(assets.translations_dir() / f"inspector_{language}.qm"))):
        app.installTranslator(ours)
        return [ours]
    log.warning("no translation for %s", language)
    return []


def install_qt_translator(app: QGuiApplication, language: str) -> list[QTranslator]:
    """Qt's own strings (OK, Cancel, …) and the locale's number and date formats.

    On Linux every file dialog is Qt's own, which speaks the window's language (the
    desktop's speaks the desktop's): see :mod:`inspector.ui.core.file_dialogs`. The words
    qtbase's translation lacks come with ours (:mod:`inspector.ui.core.qt_strings`).
    """
    from PySide6.QtCore import QLibraryInfo, QLocale, Qt

    QLocale.setDefault(QLocale(language))
    # As file_dialogs.native_dialogs() says (not imported here: start-up is timed).
    app.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs,
                     sys.platform not in ("win32", "darwin"))
    qt_own = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_own.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt_own)
        return [qt_own]
    return []


def finish_start_up(app: QApplication, window: MainWindow, language: str) -> None:
    """Right after the empty window is on screen: what it needs before its content."""
    register_cjk_font(app)
    app.setWindowIcon(app_icon())
    install_qt_translator(app, language)
    window.start()


def create_application(argv: list[str]) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv)
    responsive_interpreter()
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_ID)
    app.setDesktopFileName(APP_ID)
    return app


def run_gui(data_dir: str | None, language: str | None = None) -> int:
    """Show the main window on ``data_dir`` (or the default data directory); the exit code."""
    paths = AppPaths.resolve(data_dir)
    from inspector.ui.core.worker import Worker

    worker = Worker()
    app = create_application(sys.argv[:1])
    settings = load_settings(paths.settings_file)
    chosen = language if language in LANGUAGES else settings.language or DEFAULT_LANGUAGE
    install_our_translator(app, chosen)
    claim = WindowClaim(paths.data_dir)
    if not _claim_folder(claim):
        refuse_second_window(app, paths, chosen)
        return EXIT_ALREADY_OPEN
    window = MainWindow(paths, settings, worker)
    freeze_gc_once_loaded(window)
    hook = ExceptionHook(lambda: window)
    hook.install()
    probe = os.environ.get(PROBE_ENV, "")
    if probe == "tree":
        window.sites_loaded.connect(lambda count: _probe_and_quit(app, f"{PROBE_TREE} {count}"))
    elif probe == "ready":
        window.data_opened.connect(lambda _context: _probe_and_quit(app, PROBE_READY))
    window.show()
    if probe == "window":
        QTimer.singleShot(0, lambda: _probe_and_quit(app, PROBE_WINDOW))
    # On the first turn of the event loop, once the empty window is painted: the font,
    # then the worker starts the heavy imports (SQLModel) and the window builds its
    # content meanwhile.
    QTimer.singleShot(0, lambda: finish_start_up(app, window, chosen))
    if probe == "content":  # timers of the same delay fire in the order they were set
        QTimer.singleShot(0, lambda: _probe_and_quit(app, PROBE_CONTENT))
    try:
        return app.exec()
    finally:
        hook.uninstall()
        worker.cancel_all()
        worker.wait(10_000)
        claim.release()


def _claim_folder(claim: WindowClaim) -> bool:
    """The window's claim on its data folder; a restarted program (language change,
    restored backup) waits for the closing window to let go of it."""
    import time

    from inspector.ui.core.restart import RESTART_ENV, RESTART_WAIT_S

    waiting = os.environ.pop(RESTART_ENV, "") == "1"
    deadline = time.monotonic() + (RESTART_WAIT_S if waiting else 0.0)
    while True:
        if claim.try_claim():
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.1)  # before any window exists: nothing to keep responsive


def refuse_second_window(app: QApplication, paths: AppPaths, language: str,
                         show: bool = True) -> str:
    """Say that another window already has this data folder open; returns the text."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    register_cjk_font(app)
    install_qt_translator(app, language)
    text = QCoreApplication.translate(
        "StartUp",
        "This data folder is already open in another Inspector window:\n%1\n\n"
        "Switch to that window, or close it and start Inspector again. Two windows on one "
        "folder would each show what the other has overwritten.").replace(
            "%1", str(paths.data_dir))
    print(text, file=sys.stderr)
    if show:
        QMessageBox.information(None, QCoreApplication.translate("StartUp", "Inspector"), text)
    return text


def _probe_and_quit(app: QApplication, marker: str) -> None:
    print(marker, flush=True)
    app.quit()
