"""The main window's menus: File (sites CSV, sync, supervision at the county office, the
data folder, checking the data, backups, quit), Settings and Help. The Print menu is
:mod:`.print_actions`.

Their words keep the translation context of the main window, where they have always been.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence

import inspector

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu

    from inspector.ui.main_window import MainWindow


def _action(window: MainWindow, menu: QMenu, text: str, slot: Callable[[], object]) -> QAction:
    action = QAction(text, window)
    action.triggered.connect(lambda _checked=False: slot())
    menu.addAction(action)
    return action


def build_menus(window: MainWindow) -> None:
    """Add the menus to ``window``'s menu bar; the actions that need the data stay
    disabled until it is open (``window._data_actions``)."""
    from inspector.ui.dialogs.check import add_data_care_actions
    from inspector.ui.pages.office.entry import OfficeEntry
    from inspector.ui.pages.sites.site_csv_actions import SiteCsvActions

    window.csv = SiteCsvActions(window, window.ops, lambda: window.context,
                                window.paths.settings_file, window.show_status)
    file_menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&File"))
    window.import_action = _action(window, file_menu, QCoreApplication.translate(
        "MainWindow", "&Import sites from CSV or Excel…"), window.csv.import_sites)
    window.export_action = _action(window, file_menu, QCoreApplication.translate(
        "MainWindow", "&Export sites to CSV…"), window.csv.export_sites)
    file_menu.addSeparator()
    window.sync_action = _action(window, file_menu, QCoreApplication.translate(
        "MainWindow", "S&ync with USB drive…"), window.show_sync)
    # The county office's supervision loop; on a field laptop disabled, its tooltip says why.
    window.office_action = _action(window, file_menu, QCoreApplication.translate(
        "MainWindow", "Su&pervision…"), lambda: window.office.show())
    window.office_action.setShortcut(QKeySequence("Ctrl+Shift+D"))
    file_menu.setToolTipsVisible(True)
    window.office = OfficeEntry(window, window.office_action)
    file_menu.addSeparator()
    # Always available: where the data and its backups are, also when they cannot be opened.
    window.folder_action = _action(window, file_menu, QCoreApplication.translate(
        "MainWindow", "Open the &data folder"), window.open_data_folder)
    window.data_care = add_data_care_actions(window, file_menu)  # check the data, backups
    file_menu.addSeparator()
    quit_action = _action(window, file_menu, QCoreApplication.translate("MainWindow", "&Quit"),
                          window.close)
    quit_action.setShortcut(QKeySequence.StandardKey.Quit)
    quit_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
    window.file_menu = file_menu

    window.settings_menu = window.menuBar().addMenu(
        QCoreApplication.translate("MainWindow", "&Settings"))
    _action(window, window.settings_menu, QCoreApplication.translate(
        "MainWindow", "&Language and name…"), window.edit_settings)

    help_menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&Help"))
    _action(window, help_menu, QCoreApplication.translate("MainWindow", "&About Inspector"),
            lambda: show_about(window))
    window._data_actions = [window.import_action, window.export_action, window.sync_action]


def show_about(window: MainWindow) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.about(window, QCoreApplication.translate("MainWindow", "About Inspector"),
                      QCoreApplication.translate(
                          "MainWindow",
                          "<h3>Inspector %1</h3>"
                          "<p>On-site inspection of a county's community-education sites: the "
                          "county college, township schools and village stations.</p>"
                          "<p>Data directory: %2</p>").replace("%1", inspector.__version__)
                      .replace("%2", str(window.paths.data_dir)))
