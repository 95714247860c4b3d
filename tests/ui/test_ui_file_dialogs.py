"""File dialogs: Qt's own (translated) dialog on Linux, opened in a folder that exists, with
names that say what the file is; the real dialogs are filled in as a user would."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QLineEdit, QTreeView, QWidget
from pytestqt.qtbot import QtBot
from ui_helpers import open_window

from inspector.app_paths import AppPaths
from inspector.domain.tiers import Tier
from inspector.services import file_names
from inspector.services.context import AppContext
from inspector.services.demo_inspections import VISITS, demo_id
from inspector.services.sites import site_id_for_code
from inspector.ui.core.file_dialogs import (
    FileDialogs,
    Mode,
    Purpose,
    WindowLocaleSizes,
    make_dialog,
    remember,
    start_folder,
)
from inspector.ui.core.operations import Operations
from inspector.ui.core.worker import Worker
from inspector.ui.print_actions import PrintActions

TIMEOUT = 30_000


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home folder of the test's own, without Documents (as on many fresh systems)."""
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("HOME", str(folder))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder / ".config"))
    return folder


@pytest.fixture
def worker() -> Iterator[Worker]:
    pool = Worker()
    yield pool
    pool.cancel_all()
    pool.wait(TIMEOUT)


class User:
    """Fills in a file dialog: records what it showed, then picks ``choose`` (or cancels)."""

    def __init__(self, choose: Callable[[QFileDialog], Path | None]) -> None:
        self.choose = choose
        self.seen: list[dict[str, object]] = []

    def __call__(self, dialog: QFileDialog) -> bool:
        dialog.show()
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        self.seen.append({
            "folder": Path(dialog.directory().absolutePath()),
            "name": name.text() if name is not None else None,
            "native": not dialog.testOption(QFileDialog.Option.DontUseNativeDialog),
            "title": dialog.windowTitle(),
        })
        target = self.choose(dialog)
        if target is None:
            dialog.reject()
            return False
        dialog.selectFile(str(target))
        dialog.accept()
        return dialog.result() == QFileDialog.DialogCode.Accepted


def test_file_names_say_what_is_inside() -> None:
    assert file_names.report_file_name("东门社区教学点", date(2026, 11, 28)) == \
        "东门社区教学点_2026-11-28_检查报告.pdf"
    assert file_names.report_file_name('溪口/上塘:"村"?', date(2026, 1, 2)) == \
        "溪口_上塘__村___2026-01-02_检查报告.pdf"  # what Windows refuses becomes _
    assert file_names.report_file_name("  . ", date(2026, 1, 2)) == "未命名_2026-01-02_检查报告.pdf"
    assert file_names.blank_checklist_file_name(Tier.VILLAGE) == "村级教学站点_空白检查表.pdf"
    assert file_names.blank_checklist_file_name(Tier.COUNTY) == "县级社区教育学院_空白检查表.pdf"
    assert file_names.checklist_file_name(["东门社区教学点"]) == "东门社区教学点_检查表.pdf"
    assert file_names.checklist_file_name(["东门社区教学点", "西门社区教学点"]) == \
        "东门社区教学点等2个站点_检查表.pdf"
    assert file_names.sites_csv_file_name(date(2026, 11, 28)) == "站点名录_2026-11-28.csv"
    assert len(file_names.safe_part("站" * 300)) == file_names.MAX_STEM


def test_a_dialog_opens_in_a_folder_that_exists(home: Path, tmp_path: Path) -> None:
    settings = tmp_path / "data" / "settings.json"
    stick = tmp_path / "U盘"
    stick.mkdir()
    none: Callable[[], list[Path]] = list
    plugged: Callable[[], list[Path]] = lambda: [stick]  # noqa: E731
    assert not (home / "Documents").exists()
    assert start_folder(settings, Purpose.DOCUMENTS, none) == home  # never a missing Documents
    (home / "Documents").mkdir()
    assert start_folder(settings, Purpose.DOCUMENTS, none) == home / "Documents"
    assert start_folder(settings, Purpose.DOCUMENTS, plugged) == stick
    used = tmp_path / "reports"
    used.mkdir()
    remember(settings, Purpose.DOCUMENTS, used)
    assert start_folder(settings, Purpose.DOCUMENTS, plugged) == used  # the last used first
    assert start_folder(settings, Purpose.BUNDLES, plugged) == stick  # bundles: the drive first
    remember(settings, Purpose.BUNDLES, used)
    assert start_folder(settings, Purpose.BUNDLES, none) == used
    used.rmdir()  # a folder that went away (a USB stick pulled out) is skipped
    assert start_folder(settings, Purpose.DOCUMENTS, none) == home / "Documents"
    settings.write_text('{"language": "en", "last_folders": 3}', encoding="utf-8")
    assert start_folder(settings, Purpose.DOCUMENTS, none) == home / "Documents"
    remember(settings, Purpose.PHOTOS, home)
    assert '"language": "en"' in settings.read_text(encoding="utf-8")  # other keys stay


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="the system's dialog there")
def test_qt_s_own_dialog_shows_sizes_in_the_window_s_language(qtbot: QtBot,
                                                              tmp_path: Path) -> None:
    from PySide6.QtCore import QLocale

    (tmp_path / "a.pdf").write_bytes(b"%PDF" * 10)
    (tmp_path / "sub").mkdir()
    dialog = make_dialog(None, "t", tmp_path, Mode.OPEN, filters="PDF (*.pdf)")
    qtbot.addWidget(dialog)
    assert dialog.testOption(QFileDialog.Option.DontUseNativeDialog)
    assert isinstance(dialog.proxyModel(), WindowLocaleSizes)
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    QLocale.setDefault(QLocale("zh_CN"))
    dialog.show()
    view = dialog.findChild(QTreeView, "treeView")
    assert view is not None
    model = view.model()

    def rows() -> list[list[str]]:
        root = view.rootIndex()
        return [[str(model.index(r, c, root).data()) for c in (0, 1)]
                for r in range(model.rowCount(root))]

    qtbot.waitUntil(lambda: len(rows()) == 2, timeout=TIMEOUT)
    assert rows() == [["sub", ""], ["a.pdf", "40 字节"]]  # folders first, as without it


def test_a_saved_report_is_named_after_its_site_and_day(
        qtbot: QtBot, worker: Worker, demo_context: AppContext, home: Path,
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    out.mkdir()
    window = QWidget()
    qtbot.addWidget(window)
    user = User(lambda dialog: out / dialog.findChild(QLineEdit, "fileNameEdit").text())  # type: ignore[union-attr]
    actions = PrintActions(Operations(worker), lambda: demo_context, window,
                           open_file=lambda _p: True)
    actions.dialogs = FileDialogs(lambda: demo_context.paths.settings_file, run=user,
                                  drives=list)
    visit = VISITS[0]
    actions.set_inspection(demo_id(visit.site_code, visit.label))
    with qtbot.waitSignal(actions.pdf_written, timeout=TIMEOUT) as written:
        actions.save_report.trigger()
    name = "东门社区教学点_2026-05-12_检查报告.pdf"
    assert user.seen[0] == {"folder": home, "name": name, "native": False,
                            "title": "Save as PDF"}
    assert written.args[0].path == out / name and (out / name).stat().st_size > 0
    assert actions.last_message is not None
    actions.last_message.close()
    # The next one opens where the last went; a blank checklist says which tier.
    from PySide6.QtWidgets import QInputDialog

    from inspector.domain.tiers import tier_label

    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(
        lambda *_args, **_kwargs: (tier_label(Tier.VILLAGE), True)))
    with qtbot.waitSignal(actions.pdf_written, timeout=TIMEOUT):
        actions.save_blank.trigger()
    assert user.seen[1]["folder"] == out
    assert user.seen[1]["name"] == "村级教学站点_空白检查表.pdf"
    assert (out / "村级教学站点_空白检查表.pdf").exists()
    actions.last_message.close()
    actions.set_site(site_id_for_code("330799001002"), "西门社区教学点")
    with qtbot.waitSignal(actions.pdf_written, timeout=TIMEOUT):
        actions.save_site.trigger()
    assert user.seen[2]["name"] == "西门社区教学点_检查表.pdf"
    actions.last_message.close()


def test_a_preview_is_named_after_its_site_and_day(
        qtbot: QtBot, worker: Worker, demo_context: AppContext) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    opened: list[Path] = []
    actions = PrintActions(Operations(worker), lambda: demo_context, window,
                           open_file=lambda path: opened.append(path) or True)
    visit = VISITS[1]
    with qtbot.waitSignal(actions.pdf_written, timeout=TIMEOUT):
        actions.report(demo_id(visit.site_code, visit.label))
    assert opened[0].name.startswith("城关街道社区学校_2026-06-03_检查报告_")


def test_the_sites_export_suggests_a_dated_name(qtbot: QtBot, demo_context: AppContext,
                                                home: Path, tmp_path: Path) -> None:
    paths: AppPaths = demo_context.paths
    demo_context.close()
    target = tmp_path / "exported.csv"
    user = User(lambda _dialog: target)
    with open_window(qtbot, paths) as window:
        window.csv.dialogs = FileDialogs(lambda: paths.settings_file, run=user, drives=list)
        window.csv.export_sites()
        qtbot.waitUntil(lambda: "exported.csv" in window.status_text.text(), timeout=TIMEOUT)
    assert user.seen[0]["name"] == f"站点名录_{date.today().isoformat()}.csv"
    assert user.seen[0]["folder"] == home
    assert "青溪县社区教育学院" in target.read_text(encoding="utf-8-sig")


def test_the_bundle_dialogs_open_on_the_usb_drive(
        qtbot: QtBot, worker: Worker, tmp_path: Path) -> None:
    from sync_helpers import completed_inspection, installation

    from inspector.services.sync.identity import Role
    from inspector.ui.pages.sync.screen import SyncScreen

    field = installation(tmp_path, "field", Role.FIELD)
    stick = tmp_path / "U盘"
    stick.mkdir()
    try:
        completed_inspection(field, photos=0, seed=71)
        screen = SyncScreen(Operations(worker))
        qtbot.addWidget(screen)
        with qtbot.waitSignal(screen.overview_loaded, timeout=TIMEOUT):
            screen.set_context(field)
        user = User(lambda dialog: Path(dialog.directory().absolutePath()))
        screen.dialogs = FileDialogs(lambda: field.paths.settings_file, run=user,
                                     drives=lambda: [stick])
        with qtbot.waitSignal(screen.exported, timeout=TIMEOUT) as sent:
            screen.export_button.click()
        assert user.seen[0]["folder"] == stick and sent.args[0].path.parent == stick
        assert user.seen[0]["title"] == "Export to which folder or USB drive?"
        assert os.listdir(stick) == [sent.args[0].path.name]
    finally:
        field.close()
