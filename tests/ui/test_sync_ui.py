"""The Sync screen: role choice, export with progress, import with preview, conflicts."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sync_helpers import completed_inspection, installation

from inspector.app_paths import AppPaths
from inspector.services import inspections
from inspector.services.context import open_context
from inspector.services.sync.export import export_bundle
from inspector.services.sync.identity import Role
from inspector.services.sync.importer import PreparedImport, import_bundle
from inspector.ui.core.operations import Operations
from inspector.ui.core.worker import Worker
from inspector.ui.dialogs.sync_import import ImportPreviewDialog
from inspector.ui.pages.sync.screen import SyncScreen

TIMEOUT = 20_000
SHOTS = os.environ.get("INSPECTOR_SCREENSHOTS")  # a folder to save screenshots in, if set


def _shot(widget: object, name: str) -> None:
    if SHOTS:
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))  # type: ignore[attr-defined]


@pytest.fixture(autouse=True)
def _no_modal_dialogs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A failing job must fail the test, not hang it behind a modal message box."""
    from PySide6.QtWidgets import QMessageBox

    import inspector.ui.core.errors

    shown: list[str] = []

    def record(*args: object, **_kwargs: object) -> QMessageBox.StandardButton:
        shown.append(" ".join(str(a) for a in args[1:]))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", record)
    monkeypatch.setattr(inspector.ui.core.errors, "show_error", record)
    return shown


@pytest.fixture
def worker(qtbot: QtBot) -> Worker:
    w = Worker()
    yield w
    w.cancel_all()
    w.wait(TIMEOUT)


def _screen(qtbot: QtBot, worker: Worker, context: object, **kwargs: object) -> SyncScreen:
    screen = SyncScreen(Operations(worker), actor=lambda: "王芳", **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(screen)
    screen.resize(900, 560)
    with qtbot.waitSignal(screen.overview_loaded, timeout=TIMEOUT):
        screen.set_context(context)  # type: ignore[arg-type]
    return screen


def test_a_fresh_installation_asks_for_its_role_first(
        qtbot: QtBot, worker: Worker, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from inspector.ui.widgets.role_banner import RoleBanner

    context = open_context(AppPaths.resolve(tmp_path / "fresh"))
    try:
        screen = _screen(qtbot, worker, context)
        banner = RoleBanner(screen.ops, context.paths)  # the window's, above the site list
        qtbot.addWidget(banner)
        with qtbot.waitSignal(banner.check().done, timeout=TIMEOUT):
            pass
        assert not banner.isHidden()
        assert not screen.role_box.isHidden()
        assert not screen.export_button.isEnabled()
        _shot(screen, "sync-choose-role")
        with qtbot.waitSignal(screen.overview_loaded, timeout=TIMEOUT):
            screen.role_box.office_choice.setChecked(True)
            screen.role_box.name_edit.setText("县督导办")
            screen.role_box.role_button.click()
        assert screen.role_box.isHidden()
        assert screen.overview is not None and screen.overview.role == "office"
        qtbot.waitUntil(banner.isHidden, timeout=TIMEOUT)  # chosen here, asked no more there
        assert screen.export_button.isEnabled()
        # Changing the role later is an explicit, confirmed action.
        from PySide6.QtWidgets import QMessageBox

        answers = iter([QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Yes])
        monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: next(answers))
        assert screen.change_role() is None
        with qtbot.waitSignal(screen.overview_loaded, timeout=TIMEOUT):
            screen.change_role_button.click()
        assert screen.overview is not None and screen.overview.role == "field"
        assert screen.overview.name == "县督导办"
    finally:
        context.close()


def test_export_then_import_with_preview_and_history(qtbot: QtBot, worker: Worker,
                                                     tmp_path: Path) -> None:
    field = installation(tmp_path, "field", Role.FIELD)
    office = installation(tmp_path, "office", Role.OFFICE)
    stick = tmp_path / "usb"
    stick.mkdir()
    try:
        completed_inspection(field, photos=2, seed=30)
        laptop = _screen(qtbot, worker, field, ask_folder=lambda: stick)
        with qtbot.waitSignal(laptop.exported, timeout=TIMEOUT) as sent:
            laptop.export_button.click()
        bundle = sent.args[0].path
        assert bundle.parent == stick and bundle.exists()
        with qtbot.waitSignal(laptop.exported, timeout=TIMEOUT) as again:
            laptop.export_button.click()  # a second export never overwrites the first
        assert again.args[0].path != bundle and bundle.exists()
        assert not list(stick.glob(".*.part"))

        seen: list[PreparedImport] = []

        def approve(prepared: PreparedImport) -> bool:
            seen.append(prepared)
            dialog = ImportPreviewDialog(prepared)
            qtbot.addWidget(dialog)
            assert dialog.confirm is not None  # a new laptop: compare the fingerprint first
            assert not dialog.import_button.isEnabled()
            dialog.confirm.setChecked(True)
            assert dialog.import_button.isEnabled()
            kinds = {dialog.by_kind.item(r, 0).text(): dialog.by_kind.item(r, 1).text()
                     for r in range(dialog.by_kind.rowCount())}
            assert kinds["Inspections"] == "1" and kinds["Photo records"] == "2"
            dialog.resize(760, 420)
            _shot(dialog, "sync-import-preview")
            return True

        desk = _screen(qtbot, worker, office, ask_preview=approve, ask_file=lambda: bundle)
        with qtbot.waitSignal(desk.imported, timeout=TIMEOUT) as done:
            desk.exchange.import_button.click()
        assert seen and seen[0].preview.totals().photos_new == 2
        assert done.args[0].preview.totals().new > 0
        qtbot.waitUntil(lambda: desk.history.rowCount() == 1, timeout=TIMEOUT)
        qtbot.waitUntil(lambda: desk.devices.table.rowCount() == 1, timeout=TIMEOUT)
        desk.tabs.setCurrentWidget(desk.history)
        _shot(desk, "sync-history")
    finally:
        field.close()
        office.close()


def test_declining_the_preview_changes_nothing(qtbot: QtBot, worker: Worker,
                                               tmp_path: Path) -> None:
    from sync_helpers import dump

    field = installation(tmp_path, "field", Role.FIELD)
    office = installation(tmp_path, "office", Role.OFFICE)
    try:
        completed_inspection(field, photos=1, seed=31)
        bundle = export_bundle(field, tmp_path / "r.bundle").path
        before = dump(office)
        desk = _screen(qtbot, worker, office, ask_preview=lambda _p: False)
        desk.exchange.import_from(bundle)
        qtbot.waitUntil(lambda: "Nothing was changed" in desk.exchange.message.text(),
                        timeout=TIMEOUT)
        worker.wait(TIMEOUT)
        assert dump(office) == before
    finally:
        field.close()
        office.close()


def test_conflicts_are_shown_side_by_side_and_resolved(
    qtbot: QtBot, worker: Worker, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    field = installation(tmp_path, "field", Role.FIELD)
    office = installation(tmp_path, "office", Role.OFFICE)
    try:
        inspection_id = completed_inspection(field, photos=0, seed=32)
        import_bundle(office, export_bundle(field, tmp_path / "1.bundle").path,
                      trust_new_device=True)
        for context, note in ((field, "外业：已整改"), (office, "办公室：未整改")):
            with context.db.transaction() as session:
                inspections.reopen(session, inspection_id, "王芳", "补充")
                inspections.update_details(session, inspection_id, general_note=note)
                inspections.complete(session, inspection_id, "王芳")
        import_bundle(office, export_bundle(field, tmp_path / "2.bundle").path)
        desk = _screen(qtbot, worker, office)
        panel = desk.conflicts
        assert panel.list.count() == 1
        texts = {panel.table.item(r, 0).text(): (panel.table.item(r, 1).text(),
                                                 panel.table.item(r, 2).text())
                 for r in range(panel.table.rowCount())}
        # In the UI's language (English in tests), named as a person knows them.
        assert texts["general note"] == ("办公室：未整改", "外业：已整改")
        assert "东门社区教学点" in panel.list.item(0).text()
        assert texts["site"] == ("东门社区教学点", "东门社区教学点")
        assert texts["status"] == ("completed", "completed")
        assert "“field”" in panel.origin.text()  # the laptop the other version came from
        desk.tabs.setCurrentWidget(desk.conflicts)
        _shot(desk, "sync-conflicts")
        asked: list[str] = []

        def answer(_parent: object, _title: str, text: str, *_args: object) -> object:
            asked.append(text)
            return QMessageBox.StandardButton.Cancel if len(asked) == 1 else \
                QMessageBox.StandardButton.Yes

        monkeypatch.setattr(QMessageBox, "question", answer)
        panel.keep_remote.click()  # cancelled: nothing changes
        assert panel.list.count() == 1
        with qtbot.waitSignal(desk.overview_loaded, timeout=TIMEOUT):
            panel.keep_remote.click()
        assert "Replace what is shown now" in asked[1]
        assert panel.list.count() == 0
    finally:
        field.close()
        office.close()


def test_a_refused_bundle_is_explained_in_one_message(qtbot: QtBot, worker: Worker,
                                                      tmp_path: Path,
                                                      _no_modal_dialogs: list[str]) -> None:
    office = installation(tmp_path, "office", Role.OFFICE)
    try:
        junk = tmp_path / "junk.inspector-bundle"
        junk.write_bytes(b"not a bundle at all")
        desk = _screen(qtbot, worker, office)
        desk.exchange.import_from(junk)
        qtbot.waitUntil(lambda: "not a ZIP file" in desk.exchange.message.text(),
                        timeout=TIMEOUT)
        assert len(_no_modal_dialogs) == 1 and "not a ZIP file" in _no_modal_dialogs[0]
        qtbot.waitUntil(lambda: desk.exchange.import_button.isEnabled(), timeout=TIMEOUT)
    finally:
        office.close()


def test_an_import_says_what_it_changed(qtbot: QtBot, worker: Worker,
                                        tmp_path: Path) -> None:
    """The window's other screens (the site list) refresh from this notice, not from the
    Sync screen: an import announces the sites, inspections, photos and sync state."""
    from inspector.ui.core.operations import Change, Changed

    field = installation(tmp_path, "field", Role.FIELD)
    office = installation(tmp_path, "office", Role.OFFICE)
    try:
        completed_inspection(field, photos=1, seed=33)
        bundle = export_bundle(field, tmp_path / "r.bundle").path
        desk = _screen(qtbot, worker, office, ask_preview=lambda _p: True)
        announced: list[Changed] = []
        desk.ops.changed.connect(announced.append)
        with qtbot.waitSignal(desk.imported, timeout=TIMEOUT):
            desk.exchange.import_from(bundle)
        assert len(announced) == 1  # checking the bundle changed nothing; importing did
        what = announced[0]
        assert what.touches(Change.SITES) and what.touches(Change.INSPECTION)
        assert what.touches(Change.ANSWERS)  # the ratings and notes that came with it
        assert what.touches(Change.PHOTOS) and what.touches(Change.SYNC)
        assert what.origin is desk.exchange
        qtbot.waitUntil(lambda: desk.history.rowCount() == 1, timeout=TIMEOUT)  # read again
    finally:
        field.close()
        office.close()


def test_an_import_that_fails_while_writing_is_shown_to_the_user(
        qtbot: QtBot, worker: Worker, tmp_path: Path, _no_modal_dialogs: list[str]) -> None:
    """The screen attaches nothing to the import's failure: the window's one error display
    shows it, and nothing was imported."""
    import shutil

    from sync_helpers import dump

    field = installation(tmp_path, "field", Role.FIELD)
    office = installation(tmp_path, "office", Role.OFFICE)
    backups = office.paths.backups
    try:
        completed_inspection(field, photos=1, seed=34)
        bundle = export_bundle(field, tmp_path / "r.bundle").path
        before = dump(office)

        def approve_then_block_the_backup(_prepared: PreparedImport) -> bool:
            # The backup made before importing cannot be written: a file where its folder
            # should be.
            shutil.rmtree(backups, ignore_errors=True)
            backups.write_text("not a folder")
            return True

        desk = _screen(qtbot, worker, office, ask_preview=approve_then_block_the_backup)
        desk.exchange.import_from(bundle)
        qtbot.waitUntil(lambda: len(_no_modal_dialogs) == 1, timeout=TIMEOUT)
        assert "nothing was changed" in _no_modal_dialogs[0]  # the backup's failure, said
        qtbot.waitUntil(lambda: desk.exchange.import_button.isEnabled(), timeout=TIMEOUT)
        assert not desk.exchange.message.text().startswith("Imported")
        worker.wait(TIMEOUT)
        assert dump(office) == before
    finally:
        if backups.is_file():
            backups.unlink()
        field.close()
        office.close()


def test_the_office_adds_an_assignment_and_the_laptop_sees_it(qtbot: QtBot, worker: Worker,
                                                              tmp_path: Path) -> None:
    from datetime import date

    from inspector.services.sites import site_id_for_code
    from inspector.ui.dialogs.sync_assignments import AssignmentDialog

    field = installation(tmp_path, "field", Role.FIELD)
    office = installation(tmp_path, "office", Role.OFFICE)
    try:
        desk = _screen(qtbot, worker, office)
        assert not desk.assignments.add_button.isHidden()
        dialog = AssignmentDialog(desk.assignments.sites)
        qtbot.addWidget(dialog)
        assert dialog.site.count() == len(desk.assignments.sites) > 0
        with qtbot.waitSignal(desk.overview_loaded, timeout=TIMEOUT):
            desk.add_assignment((site_id_for_code("330799001001"), "王芳", date(2026, 12, 1),
                                 date(2026, 12, 20), "复查"))
        assert desk.assignments.table.rowCount() == 1
        desk.tabs.setCurrentWidget(desk.assignments)
        _shot(desk, "sync-assignments")
        bundle = export_bundle(office, tmp_path / "a.bundle").path
        import_bundle(field, bundle)
        laptop = _screen(qtbot, worker, field)
        assert laptop.assignments.table.rowCount() == 1
        assert laptop.assignments.add_button.isHidden()
        assert "王芳" in laptop.assignments.table.item(0, 2).text()
    finally:
        field.close()
        office.close()


def test_the_header_names_the_role_in_the_ui_language(qtbot: QtBot, worker: Worker,
                                                      tmp_path: Path) -> None:
    from PySide6.QtCore import QCoreApplication, QTranslator

    class Chinese(QTranslator):
        def translate(self, context: str, source: str, disambiguation: object = None,
                      n: int = -1) -> str:
            return {"field laptop": "外业笔记本", "county office": "县级办公室"}.get(source, source)

    field = installation(tmp_path, "field", Role.FIELD)
    translator = Chinese()
    QCoreApplication.installTranslator(translator)
    try:
        screen = _screen(qtbot, worker, field)
        text = screen.identity.text()
        assert text.startswith("This computer (外业笔记本): “field” · fingerprint ")
        assert "/" not in text  # not the CLI's bilingual label
        assert screen.role_name(Role.OFFICE) == "县级办公室"
    finally:
        QCoreApplication.removeTranslator(translator)
        field.close()


def test_conflict_values_read_as_words(qtbot: QtBot) -> None:
    from PySide6.QtCore import QLocale

    from inspector.domain.templates import Text
    from inspector.services.api.sync import Vocabulary
    from inspector.ui.pages.sync.conflicts import ConflictsPanel

    panel = ConflictsPanel()
    qtbot.addWidget(panel)
    panel.set_conflicts([], Vocabulary(
        names={"s1": "东门社区教学点"}, ratings={"partly": Text("基本符合", "partly meets")},
        criteria={"facilities.v2": Text("有固定的教学场所", "a fixed place for teaching")}))
    assert panel.value_text("parent_id", "s1") == "东门社区教学点"
    before = QLocale()
    try:  # the rating label follows the UI language
        QLocale.setDefault(QLocale("zh_CN"))
        assert panel.value_text("rating", "partly") == "基本符合"
        QLocale.setDefault(QLocale("en"))
        assert panel.value_text("rating", "partly") == "partly meets"
    finally:
        QLocale.setDefault(before)
    assert panel.value_text("tier", "village") == "village station"
    assert panel.value_text("status", "draft") == "in progress"
    assert panel.value_text("note", "") == "—"
    assert panel.value_text("site_id", "0123456789abcdef") == "01234567"  # unknown: short id
    assert panel.value_text("criterion_id", "facilities.v2") == "a fixed place for teaching"
    assert panel.value_text("at", "2026-11-28 21:38:16.591307").count(":") == 1  # no seconds


def test_cancel_stops_an_export_and_leaves_nothing_on_the_drive(
    qtbot: QtBot, worker: Worker, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from inspector.services.api import sync as sync_api

    field = installation(tmp_path, "field", Role.FIELD)
    stick = tmp_path / "stick"
    stick.mkdir()
    started, go_on = threading.Event(), threading.Event()
    real_export = sync_api.export_bundle

    def export_after_cancel(*args, **kwargs):  # type: ignore[no-untyped-def]
        started.set()
        go_on.wait(TIMEOUT / 1000)  # the user presses Cancel while the bundle is written
        return real_export(*args, **kwargs)

    monkeypatch.setattr(sync_api, "export_bundle", export_after_cancel)
    try:
        completed_inspection(field, photos=2, seed=41)
        laptop = _screen(qtbot, worker, field)
        laptop.show()
        handle = laptop.exchange.export_to(stick)
        cancel = laptop.exchange.progress.cancel_button
        assert handle is not None and cancel.isVisible()
        assert started.wait(TIMEOUT / 1000)
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
        go_on.set()
        with qtbot.waitSignal(handle.cancelled, timeout=TIMEOUT):
            pass
        assert laptop.exchange.message.text() == "Cancelled. Nothing was left behind."
        assert list(stick.iterdir()) == []
        assert not cancel.isVisible() and laptop.export_button.isEnabled()
    finally:
        field.close()


def test_the_office_revokes_a_laptop_after_confirming(
    qtbot: QtBot, worker: Worker, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    field = installation(tmp_path, "field", Role.FIELD)
    office = installation(tmp_path, "office", Role.OFFICE)
    try:
        completed_inspection(field, photos=0, seed=42)
        import_bundle(office, export_bundle(field, tmp_path / "r.bundle").path,
                      trust_new_device=True)
        desk = _screen(qtbot, worker, office)
        desk.devices.table.setCurrentCell(0, 0)
        asked: list[str] = []

        def answer(_parent: object, _title: str, text: str) -> QMessageBox.StandardButton:
            asked.append(text)
            return QMessageBox.StandardButton.No if len(asked) == 1 else \
                QMessageBox.StandardButton.Yes

        monkeypatch.setattr(QMessageBox, "question", answer)
        assert desk.devices.ask_revoke() is False  # "No": nothing happens
        with qtbot.waitSignal(desk.overview_loaded, timeout=TIMEOUT):
            desk.devices.revoke_button.click()
        assert "field" in asked[1]  # names the laptop
        assert [d.status for d in desk.overview.devices] == ["revoked"]  # type: ignore[union-attr]
    finally:
        field.close()
        office.close()


def test_the_preview_says_what_stays_deleted_here(qtbot: QtBot, tmp_path: Path) -> None:
    from datetime import date

    from sqlmodel import select
    from sync_helpers import VILLAGE

    from inspector.services import photos
    from inspector.services.sites import site_id_for_code
    from inspector.services.sync.assignments import add_assignment
    from inspector.services.sync.importer import prepare_import
    from inspector.storage.models import Photo

    field = installation(tmp_path, "field", Role.FIELD)
    office = installation(tmp_path, "office", Role.OFFICE)
    try:
        inspection_id = completed_inspection(field, photos=2, seed=51)
        import_bundle(office, export_bundle(field, tmp_path / "r.bundle").path,
                      trust_new_device=True)
        with office.db.transaction() as session:
            add_assignment(session, site_id_for_code(VILLAGE), "张三", date(2026, 12, 1),
                           date(2026, 12, 20))
        with field.db.transaction() as session:  # the laptop deletes one photo
            inspections.reopen(session, inspection_id, "张三", "删去拍错的照片")
            photo_id = session.exec(select(Photo.id).where(
                Photo.inspection_id == inspection_id)).first()
            assert photo_id is not None
            photos.delete_photo(session, photo_id, "张三")
            inspections.complete(session, inspection_id, "张三")
        prepared = prepare_import(field, export_bundle(office, tmp_path / "a.bundle").path)
        try:
            dialog = ImportPreviewDialog(prepared)
            qtbot.addWidget(dialog)
            rows = {dialog.table.item(r, 0).text(): dialog.table.item(r, 1).text()
                    for r in range(dialog.table.rowCount())}
            assert rows["Deleted here, not brought back"] == "1"
            assert "Deleted here but changed elsewhere: brought back" not in rows  # none
            heads = [dialog.by_kind.horizontalHeaderItem(c).text()
                     for c in range(dialog.by_kind.columnCount())]
            assert heads[-2:] == ["Deleted here", "Brought back"]
        finally:
            prepared.discard()
    finally:
        field.close()
        office.close()


def test_the_office_records_who_uses_a_laptop_and_exports_for_it(
    qtbot: QtBot, worker: Worker, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import json
    import zipfile
    from datetime import date

    from PySide6.QtWidgets import QInputDialog

    from inspector.services.sites import site_id_for_code
    from inspector.services.sync.assignments import add_assignment

    field = installation(tmp_path, "field", Role.FIELD)
    office = installation(tmp_path, "office", Role.OFFICE)
    try:
        completed_inspection(field, photos=0, seed=43)
        import_bundle(office, export_bundle(field, tmp_path / "r.bundle").path,
                      trust_new_device=True)
        with office.db.transaction() as session:
            for code, names in (("330799001001", "张明、李华"), ("330799001002", "王芳")):
                add_assignment(session, site_id_for_code(code), names, date(2026, 12, 1),
                               date(2026, 12, 31))
        desk = _screen(qtbot, worker, office)
        exchange = desk.exchange
        assert exchange.for_box.count() == 2 and not exchange.for_box.isHidden()
        desk.devices.table.setCurrentCell(0, 0)
        monkeypatch.setattr(QInputDialog, "getText",
                            lambda *_a, **_k: ("张明，李华", True))
        with qtbot.waitSignal(desk.overview_loaded, timeout=TIMEOUT):
            desk.devices.inspectors_button.click()
        assert desk.devices.table.item(0, 5).text() == "张明、李华"
        exchange.for_box.setCurrentIndex(1)  # for that laptop only
        drive = tmp_path / "usb"
        drive.mkdir()
        with qtbot.waitSignal(exchange.exported, timeout=TIMEOUT) as done:
            exchange.export_to(drive)
        with zipfile.ZipFile(done.args[0].path) as zf:
            rows = [json.loads(line) for line in
                    zf.read("records/assignments.jsonl").splitlines()]
        assert [row[5] for row in rows] == ["张明、李华"]
        exchange.kind_box.setCurrentIndex(1)  # receipts only: not addressed
        assert exchange.for_box.isHidden()
    finally:
        field.close()
        office.close()
