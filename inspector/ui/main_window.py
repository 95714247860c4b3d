"""The main window: the site tree, the selected site's details and the menus."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

# Qt's big ``Qt`` namespace costs ~25 ms to load; it is imported where first used,
# after the window is on screen.
from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLabel, QMainWindow, QWidget

from inspector.app_paths import AppPaths
from inspector.domain.values import Role
from inspector.services import api
from inspector.ui.core.operations import Change, Changed, Operations
from inspector.ui.core.settings import UiSettings, save_settings

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QCloseEvent
    from PySide6.QtWidgets import QMenu, QSplitter, QStackedWidget

    from inspector.services.context import AppContext
    from inspector.services.inspections import InspectionListing
    from inspector.services.site_tree import SiteNode
    from inspector.ui.core.worker import JobHandle, Worker
    from inspector.ui.dialogs.check import DataCare
    from inspector.ui.pages.checklist.inspection_controller import InspectionController
    from inspector.ui.pages.checklist.page import ChecklistPage
    from inspector.ui.pages.office.entry import OfficeEntry
    from inspector.ui.pages.sites.site_csv_actions import SiteCsvActions
    from inspector.ui.pages.sites.site_details import SiteDetails
    from inspector.ui.pages.sites.site_history import SiteHistory
    from inspector.ui.pages.sites.site_tree import SiteTree
    from inspector.ui.pages.sync.screen import SyncScreen
    from inspector.ui.print_actions import PrintActions

log = logging.getLogger(__name__)


def show_error(parent: QWidget | None, exc: BaseException, title: str = "") -> None:
    from inspector.ui.core.errors import show_error as show  # loaded when first needed

    show(parent, exc, title)


class MainWindow(QMainWindow):
    """Opens the data directory in the background once shown, then fills the site tree.

    The constructor makes only the window's frame (title, size, status line), so
    that it can be shown at once; :meth:`build` adds the content right after
    (:meth:`start` builds it if that has not happened yet).
    """

    data_opened = Signal(object)  # AppContext
    sites_loaded = Signal(int)  # number of sites in the tree

    # Made with the menus (ui/menus.py).
    csv: SiteCsvActions
    data_care: DataCare
    file_menu: QMenu
    settings_menu: QMenu
    import_action: QAction
    export_action: QAction
    sync_action: QAction
    office_action: QAction  # File → Supervision…, only at the county office
    office: OfficeEntry
    folder_action: QAction
    _data_actions: list[QAction]

    def __init__(self, paths: AppPaths, settings: UiSettings, worker: Worker,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self.settings = settings
        self.worker = worker
        self.ops = Operations(worker, self)  # every screen runs its work through these
        self.context: AppContext | None = None
        self._closed = False
        self.setWindowTitle(self.tr("Inspector — community-education site inspection"))
        self.resize(1100, 700)
        self.status_text = QLabel()
        self.statusBar().addWidget(self.status_text, 1)  # text only once the CJK font is in
        self.built = False
        self._sites_status = ""
        self.sync_screen: SyncScreen | None = None
        self.printing: PrintActions | None = None
        self.checklist: ChecklistPage | None = None
        self.inspections: InspectionController | None = None
        self.tidy_job: JobHandle | None = None

    def build(self) -> None:
        """The window's content: site tree, details, history, menus (once)."""
        if self.built:
            return
        self.built = True
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QStackedWidget, QVBoxLayout

        from inspector.ui.pages.sites.site_details import SiteDetails
        from inspector.ui.pages.sites.site_history import SiteHistory
        from inspector.ui.pages.sites.site_list_layout import GripSplitter, SiteListMemory
        from inspector.ui.pages.sites.site_tree import SiteListPane
        from inspector.ui.widgets.role_banner import RoleBanner

        self.pages: QStackedWidget = QStackedWidget()
        self.setCentralWidget(self.pages)
        self.sites_page = QWidget()  # the role question (first start) above the sites
        column = QVBoxLayout(self.sites_page)
        column.setContentsMargins(0, 0, 0, 0)
        self.role_banner = RoleBanner(self.ops, self.paths, self.settings.inspector_name)
        self.role_banner.chosen.connect(self._role_chosen)
        column.addWidget(self.role_banner)
        self.sites_splitter: QSplitter = GripSplitter(Qt.Orientation.Horizontal)
        column.addWidget(self.sites_splitter, 1)
        self.site_list = SiteListPane()  # the search and filters above the tree
        self.tree: SiteTree = self.site_list.tree
        self.details: SiteDetails = SiteDetails()
        self.sites_splitter.addWidget(self.site_list)
        self.sites_splitter.addWidget(self.details)
        self.sites_splitter.setStretchFactor(0, 3)
        self.sites_splitter.setStretchFactor(1, 2)
        self.site_list.search.install_shortcut(self.sites_page)  # Ctrl+F
        self.site_list_memory = SiteListMemory(self.paths.settings_file, self.sites_splitter,
                                               self.tree)
        self.pages.addWidget(self.sites_page)
        self.pages.currentChanged.connect(self._page_changed)
        self.tree.site_chosen.connect(self.details.show_site)
        self.tree.view_changed.connect(self.details.set_view)
        self.site_list.read_role(self.paths.data_dir)  # the office counts approved results
        self.history: SiteHistory = SiteHistory()
        self.history.setEnabled(False)
        self.details.action_box.addWidget(self.history)
        self.tree.site_chosen.connect(self._load_history)
        self.tree.site_activated.connect(self._site_activated)
        self.history.start_requested.connect(self.start_inspection)
        self.history.open_requested.connect(self.open_inspection)
        self._build_menus()
        self.tree.setFocus()

    # ------------------------------------------------------------------ menus

    def _build_menus(self) -> None:
        from inspector.ui.menus import build_menus

        build_menus(self)

    def show_status(self, text: str) -> None:
        """A line for the status bar (what is being done, or what was done)."""
        self.status_text.setText(text)

    def _set_sites_status(self, text: str) -> None:
        """Status of the site list; shown only while the site list is the page in view."""
        self._sites_status = text
        if not self.built or self.pages.currentWidget() is self.sites_page:
            self.status_text.setText(text)

    def _page_changed(self, _index: int) -> None:
        """Each page shows its own status: the site count belongs to the site list only."""
        on_sites = self.pages.currentWidget() is self.sites_page
        self.status_text.setText(self._sites_status if on_sites else "")

    def _set_data_enabled(self, enabled: bool) -> None:
        for action in self._data_actions:
            action.setEnabled(enabled)

    # ------------------------------------------------------------------ loading

    def start(self) -> JobHandle:
        """Open the data directory and load the sites on the worker; the tree fills then.

        The job is started before the window's content is built, so that the
        worker's imports and the building overlap.
        """
        paths = self.paths
        self.show_status(self.tr("Opening the data…"))
        # A write: opening may migrate the database (after a backup).
        handle = self.ops.write(
            self, lambda control: api.startup.open_data_and_sites(paths, control.partial),
            "open data", changes=Change.NOTHING) \
            .on_partial(self._sites_ready) \
            .on_success(self._data_ready).on_failure(self._data_failed).start()
        self.build()
        self._set_data_enabled(False)
        return handle

    def _data_ready(self, opened: tuple[AppContext, list[SiteNode] | None]) -> None:
        context, roots = opened
        if self._closed:  # the window went away while the data was opening
            context.close()
            return
        self.context = context
        self._set_data_enabled(True)
        if roots is not None:  # else the tree came earlier, straight from the database file
            self._sites_ready(roots)
        else:
            self._load_history(self.tree.current_site())  # chosen before the data was open
        # The inspection screens a moment later.
        QTimer.singleShot(0, self, lambda: self._screens_ready(context))

    def _screens_ready(self, context: AppContext) -> None:
        if self.context is not context:
            return
        self._make_checklist_page(context)
        self.role_banner.check()  # the device identity is made at first start
        self.office.check()  # Supervision… is offered at the county office only
        # Photo files an interrupted import or an old deletion left behind.
        self.tidy_job = self.ops.read(None, lambda _c: api.startup.tidy_photo_store(context),
                                      "tidy") \
            .on_failure(lambda exc: log.warning("photo store not tidied: %s", exc)).start()
        self.data_opened.emit(context)

    def open_data_folder(self) -> bool:
        """Show the data folder (database, photos, backups/) in the file manager, or say
        where it is (with a button to copy the path) when none can show it."""
        from inspector.ui.dialogs.data_folder import show_folder

        return show_folder(self, self.paths.data_dir)

    def _data_failed(self, exc: BaseException) -> None:
        self.show_status(self.tr("The data could not be opened. Its backups are in the backups "
                               "folder: File → Open the data folder."))
        show_error(self, exc, self.tr("Cannot open the data"))

    def reload_sites(self) -> JobHandle | None:
        context = self.context
        if context is None:
            return None
        self._set_sites_status(self.tr("Loading the sites…"))
        return self.ops.read(self, lambda _control: api.sites.load_site_tree(context),
                             "load sites").on_success(self._sites_ready).start()

    def _data_changed(self, changed: Changed) -> None:
        """A site, an inspection's state or what came in with a bundle changed: the site
        list follows (now when it is shown, else when it is shown next)."""
        if changed.touches(Change.ROLE):
            self.site_list.read_role(self.paths.data_dir)
        if changed.touches(Change.SITES | Change.INSPECTION) and \
                self.pages.currentWidget() is self.sites_page:
            self.reload_sites()

    def _sites_ready(self, roots: list[SiteNode]) -> None:
        self.tree.set_sites(roots)
        count = self.tree.site_count()
        if count:
            self._set_sites_status(self.tr("%n site(s)", "", count))
        else:
            self._set_sites_status(self.tr("No sites yet. Use File → Import sites from CSV or "
                                           "Excel."))
        if self.pages.currentWidget() is self.sites_page:  # never from a page in use
            self.tree.setFocus()
        self.sites_loaded.emit(count)

    # ------------------------------------------------------------------ inspections

    def _make_checklist_page(self, context: AppContext) -> None:
        from inspector.ui.pages.checklist.inspection_controller import InspectionController
        from inspector.ui.pages.checklist.page import ChecklistPage

        self.checklist = ChecklistPage(self.ops, context, self.settings.template_language)
        self.pages.addWidget(self.checklist)
        self.inspections = InspectionController(self, self.checklist, self.ops, context,
                                                lambda: self.settings)
        self.history.delete_requested.connect(self.inspections.delete)
        self.inspections.opened.connect(lambda _id: self._show_checklist())
        self.ops.changed.connect(self._data_changed)
        self.checklist.back_requested.connect(self.show_sites)
        self.history.setEnabled(True)
        self._attach_printing()

    def _attach_printing(self) -> None:
        """The Print menu (its module loads once the data is open, off the start-up path)."""
        from inspector.ui.print_actions import PrintActions

        printing = PrintActions(self.ops, lambda: self.context, self)
        self.printing = printing
        self.menuBar().insertMenu(self.settings_menu.menuAction(), printing.menu)

        def site_chosen(site: SiteNode | None) -> None:
            printing.set_site(site.id if site else None, site.name if site else "")

        self.tree.site_chosen.connect(site_chosen)
        site_chosen(self.tree.current_site())
        self.history.inspection_selected.connect(printing.set_inspection)
        assert self.inspections is not None
        self.inspections.opened.connect(lambda inspection_id: printing.set_inspection(
            inspection_id or None))

    def show_sync(self) -> None:
        """The sync screen (bundles on a USB drive), made when first asked for."""
        if self.context is None:
            return
        if self.sync_screen is None:
            from inspector.ui.pages.sync.screen import SyncScreen

            self.sync_screen = SyncScreen(self.ops, actor=lambda: self.settings.inspector_name)
            self.sync_screen.back_requested.connect(self.show_sites)
            self.sync_screen.inspection_requested.connect(self.open_inspection)
            self.pages.addWidget(self.sync_screen)
            self.sync_screen.set_context(self.context)
        else:
            self.sync_screen.refresh()
        self.pages.setCurrentWidget(self.sync_screen)

    def _role_chosen(self, role: str) -> None:
        text = (self.tr("This computer is now the county office. You can change it on the "
                        "Sync screen.") if role == Role.OFFICE else
                self.tr("This computer is now a field laptop. You can change it on the "
                        "Sync screen."))
        self.statusBar().showMessage(text, 8000)

    def _show_checklist(self) -> None:
        if self.checklist is not None:
            self.pages.setCurrentWidget(self.checklist)
            self.checklist.indicators.setFocus()

    def show_sites(self) -> None:
        self.pages.setCurrentWidget(self.sites_page)
        self.reload_sites()  # the refilled tree chooses its site again: history and details follow
        self.tree.setFocus()

    def _load_history(self, site: SiteNode | None) -> None:
        context = self.context
        self.history.set_listings([])
        if context is None or site is None:
            return
        site_id = site.id
        self.ops.read(self, lambda _c: api.inspections.list_inspections(context, site_id),
                      "history") \
            .on_success(lambda listings: self._history_ready(site_id, listings)).start()

    def _history_ready(self, site_id: str, listings: list[InspectionListing]) -> None:
        current = self.tree.current_site()
        if current is not None and current.id == site_id:
            self.history.set_listings(listings)

    def _site_activated(self, site: SiteNode) -> None:
        draft = self.history.draft()
        if draft is not None and draft.site_id == site.id:
            self.open_inspection(draft.id)
        else:
            self.start_inspection()

    def start_inspection(self) -> None:
        site = self.tree.current_site()
        if site is not None and self.inspections is not None:
            self.inspections.start(site, self.history.listings)

    def open_inspection(self, inspection_id: str) -> None:
        if self.inspections is not None:
            self.inspections.open(inspection_id)

    # ------------------------------------------------------------------ settings, about

    def edit_settings(self) -> None:
        from inspector.ui.dialogs.settings import SettingsDialog

        dialog = SettingsDialog(self.settings, self)
        if dialog.exec() != SettingsDialog.DialogCode.Accepted:
            return
        chosen = dialog.chosen()
        try:
            save_settings(self.paths.settings_file, chosen)
        except OSError as exc:
            show_error(self, exc, self.tr("Settings not saved"))
            return
        language_changed = chosen.language != self.settings.language
        self.settings = chosen
        if language_changed:
            self.offer_restart()

    def offer_restart(self) -> bool:
        """A new language takes effect on restart: offer it now (everything is saved)."""
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self, self.tr("Language"),
            self.tr("The new language is used once the program starts again. Everything is "
                    "saved. Restart now?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        from inspector.ui.core.restart import start_again

        if not start_again():
            QMessageBox.warning(self, self.tr("Language"), self.tr(
                "The program could not be started again; please start it yourself."))
            return False
        self.close()
        return True

    # ------------------------------------------------------------------ closing

    def closeEvent(self, event: QCloseEvent) -> None:
        self._closed = True
        if self.checklist is not None:
            self.checklist.flush()
        self.ops.cancel_reads()  # reads and exports; the user's changes are saved first
        self.ops.wait_for_writes()
        self.worker.wait(10_000)
        if self.context is not None:
            self.context.close()
            self.context = None
        event.accept()
