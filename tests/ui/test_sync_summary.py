"""What a bundle holds, named as a clerk knows it (site, date, inspectors, status, score, and
new / updated / conflict), in the import preview, after the import and on the command line;
what waits to be sent; and where each assignment stands."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QTableWidget
from pytestqt.qtbot import QtBot
from sync_helpers import OTHER_VILLAGE, VILLAGE, completed_inspection, installation

from inspector.cli import main
from inspector.services import inspections
from inspector.services.assignment_state import (
    AssignmentState,
    SiteVisit,
    assignment_standing,
)
from inspector.services.context import AppContext
from inspector.services.sites import site_id_for_code
from inspector.services.sync.assignments import AssignmentView, add_assignment, list_assignments
from inspector.services.sync.export import export_bundle
from inspector.services.sync.identity import Role
from inspector.services.sync.import_summary import ItemChange
from inspector.services.sync.importer import PreparedImport, import_bundle, prepare_import
from inspector.ui.core.operations import Operations
from inspector.ui.core.worker import Worker
from inspector.ui.dialogs.sync_import import ImportPreviewDialog
from inspector.ui.pages.sync.screen import SyncScreen

TIMEOUT = 20_000


@pytest.fixture
def worker() -> Iterator[Worker]:
    pool = Worker()
    yield pool
    pool.cancel_all()
    pool.wait(TIMEOUT)


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[tuple[AppContext, AppContext]]:
    field = installation(tmp_path, "field", Role.FIELD)
    office = installation(tmp_path, "office", Role.OFFICE)
    yield field, office
    field.close()
    office.close()


def _screen(qtbot: QtBot, worker: Worker, context: AppContext, **kwargs: object) -> SyncScreen:
    screen = SyncScreen(Operations(worker), actor=lambda: "王芳", **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(screen)
    screen.resize(1000, 600)
    with qtbot.waitSignal(screen.overview_loaded, timeout=TIMEOUT):
        screen.set_context(context)
    return screen


def _rows(table: QTableWidget) -> list[list[str]]:
    return [[table.item(r, c).text() for c in range(table.columnCount())]  # type: ignore[union-attr]
            for r in range(table.rowCount())]


def _draft(context: AppContext, code: str, visit: date, inspectors: str = "李四") -> str:
    with context.db.transaction() as session:
        return inspections.start_inspection(session, site_id_for_code(code), visit,
                                            inspectors=inspectors).id


# ---------------------------------------------------------------- the preview and after

def test_the_preview_names_each_inspection_and_hides_the_check_s_progress(
        qtbot: QtBot, worker: Worker, pair: tuple[AppContext, AppContext],
        tmp_path: Path) -> None:
    field, office = pair
    completed_inspection(field, photos=2, seed=61)
    completed_inspection(field, code=OTHER_VILLAGE, photos=0, rating="partly", seed=62)
    bundle = export_bundle(field, tmp_path).path
    seen: list[list[list[str]]] = []

    def look(prepared: PreparedImport) -> bool:
        # The check is over: its progress bar and Cancel are gone behind the preview.
        assert not desk.exchange.progress.isVisible()
        assert not desk.exchange.progress.cancel_button.isVisible()
        dialog = ImportPreviewDialog(prepared, desk)
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.inspections.isVisible() and not dialog.assignments.isVisible()
        assert "Inspections in the bundle: 2 (new 2)." in dialog.overview.text()
        seen.append(_rows(dialog.inspections))
        dialog.confirm.setChecked(True)  # type: ignore[union-attr]
        return True

    desk = _screen(qtbot, worker, office, ask_preview=look, ask_file=lambda: bundle)
    desk.show()
    with qtbot.waitSignal(desk.imported, timeout=TIMEOUT):
        desk.exchange.import_button.click()
        assert desk.exchange.progress.isVisible()  # while the bundle is checked
    assert sorted(seen[0]) == [
        ["New", "东门社区教学点 (330799001001)", "2026-11-20", "张三", "Completed", "100.0%", "2"],
        ["New", "西门社区教学点 (330799001002)", "2026-11-20", "张三", "Completed", "50.0%", "0"],
    ]
    qtbot.waitUntil(lambda: not desk.exchange.progress.isVisible(), timeout=TIMEOUT)
    message = desk.exchange.message.text()
    assert message.startswith("Imported 2 inspection(s): ")
    assert "东门社区教学点 2026-11-20 (new, 100.0%)" in message
    assert "西门社区教学点 2026-11-20 (new, 50.0%)" in message
    assert message.endswith("2 new photo(s).")


def test_updated_and_conflicting_inspections_are_told_apart(
        qtbot: QtBot, pair: tuple[AppContext, AppContext], tmp_path: Path) -> None:
    field, office = pair
    changed = completed_inspection(field, photos=0, seed=63)
    both = completed_inspection(field, code=OTHER_VILLAGE, photos=0, seed=64)
    import_bundle(office, export_bundle(field, tmp_path / "1.bundle").path,
                  trust_new_device=True)
    with field.db.transaction() as session:  # the laptop lowers one rating after a call
        inspections.reopen(session, changed, "张三", "复核")
        state = inspections.load_state(session, changed)
        inspections.set_rating(session, changed, state.criteria[0].id, "partly")
        inspections.set_note(session, changed, state.criteria[0].id, "制度未上墙")
        inspections.complete(session, changed, "张三")
    for context, note in ((field, "外业：已整改"), (office, "办公室：未整改")):
        with context.db.transaction() as session:
            inspections.reopen(session, both, "王芳", "补充")
            inspections.update_details(session, both, general_note=note)
            inspections.complete(session, both, "王芳")
    prepared = prepare_import(office, export_bundle(field, tmp_path / "2.bundle").path)
    try:
        lines = {line.site_name: line for line in prepared.preview.summary.inspections}
        assert lines["东门社区教学点"].change is ItemChange.UPDATED
        assert lines["东门社区教学点"].score is not None and lines["东门社区教学点"].score < 1
        assert lines["西门社区教学点"].change is ItemChange.CONFLICT
        dialog = ImportPreviewDialog(prepared)
        qtbot.addWidget(dialog)
        rows = {row[1]: row for row in _rows(dialog.inspections)}
        assert rows["东门社区教学点 (330799001001)"][0] == "Updated"
        assert rows["西门社区教学点 (330799001002)"][0] == "Conflict: changed on both sides"
        assert dialog.inspections.item(0, 0).font().bold()  # type: ignore[union-attr]
        assert "conflict 1" in dialog.overview.text() and "updated 1" in dialog.overview.text()
    finally:
        prepared.discard()


def test_a_bundle_imported_before_lists_its_inspections_as_unchanged(
        pair: tuple[AppContext, AppContext], tmp_path: Path) -> None:
    field, office = pair
    completed_inspection(field, photos=1, seed=65)
    bundle = export_bundle(field, tmp_path).path
    _, done = import_bundle(office, bundle, trust_new_device=True)
    assert done is not None
    assert [line.change for line in done.preview.summary.inspections] == [ItemChange.NEW]
    again, _ = import_bundle(office, bundle, dry_run=True)
    lines = again.preview.summary.inspections
    assert [(line.site_name, line.change, line.photos_new) for line in lines] == [
        ("东门社区教学点", ItemChange.UNCHANGED, 0)]
    assert lines[0].score == 1.0


def test_the_laptop_s_preview_lists_the_office_s_assignments(
        qtbot: QtBot, pair: tuple[AppContext, AppContext], tmp_path: Path) -> None:
    field, office = pair
    with office.db.transaction() as session:
        add_assignment(session, site_id_for_code(VILLAGE), "张明、李华", date(2026, 12, 1),
                       date(2026, 12, 31))
    prepared = prepare_import(field, export_bundle(office, tmp_path).path)
    try:
        dialog = ImportPreviewDialog(prepared)
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.assignments.isVisible() and not dialog.inspections.isVisible()
        assert _rows(dialog.assignments) == [
            ["New", "东门社区教学点 (330799001001)", "张明、李华", "2026-12-01 – 2026-12-31"]]
        assert "Assignments in the bundle: 1 (new 1)." in dialog.overview.text()
    finally:
        prepared.discard()


def test_the_command_line_dry_run_names_each_inspection(
        pair: tuple[AppContext, AppContext], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    field, office = pair
    completed_inspection(field, photos=2, seed=66)
    bundle = export_bundle(field, tmp_path).path
    office_dir = str(office.paths.data_dir)
    assert main(["bundle", "import", str(bundle), "--dry-run", "--trust-new-device",
                 "--data-dir", office_dir]) == 0
    out = capsys.readouterr().out
    assert "检查 / inspections: 1" in out
    line = next(text for text in out.splitlines() if "东门社区教学点" in text)
    for part in ("新 / new", "2026-11-20", "（330799001001）", "张三", "已完成 / completed",
                 "100.0%", "新照片 / new photos 2"):
        assert part in line
    assert main(["bundle", "import", str(bundle), "--dry-run", "--trust-new-device",
                 "--format", "json", "--data-dir", office_dir]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["inspections"] == [data["inspections"][0] | {
        "site_name": "东门社区教学点", "site_code": VILLAGE, "visit_date": "2026-11-20",
        "inspectors": "张三", "status": "completed", "score": 1.0, "change": "new",
        "photos_new": 2}]
    assert data["inspections_not_listed"] == 0


# ---------------------------------------------------------------- what waits to be sent

def test_the_laptop_s_exchange_tab_says_what_waits_to_be_sent(
        qtbot: QtBot, worker: Worker, pair: tuple[AppContext, AppContext],
        tmp_path: Path) -> None:
    field, office = pair
    laptop = _screen(qtbot, worker, field, ask_folder=lambda: tmp_path)
    assert laptop.exchange.waiting.text() == ("Nothing new to send: every completed inspection has "
                                     "been sent.")
    completed_inspection(field, photos=2, seed=67)
    _draft(field, OTHER_VILLAGE, date(2026, 11, 21))
    with qtbot.waitSignal(laptop.overview_loaded, timeout=TIMEOUT):
        laptop.refresh()
    assert laptop.exchange.waiting.text() == (
        "Waiting to be sent: 1 completed inspection(s) (东门社区教学点 2026-11-20) with 2 new "
        "photo(s). 1 inspection(s) still in progress will be sent once completed.")
    with qtbot.waitSignal(laptop.overview_loaded, timeout=TIMEOUT), \
            qtbot.waitSignal(laptop.exported, timeout=TIMEOUT) as sent:
        laptop.export_button.click()
    assert laptop.exchange.waiting.text().startswith(
        "Nothing new to send: every completed inspection has been sent. 1 inspection(s) sent "
        "but not yet confirmed by the office go again with the next bundle.")
    import_bundle(office, sent.args[0].path, trust_new_device=True)
    import_bundle(field, export_bundle(office, tmp_path / "r.bundle", kind="receipt").path)
    with qtbot.waitSignal(laptop.overview_loaded, timeout=TIMEOUT):
        laptop.refresh()
    assert "not yet confirmed" not in laptop.exchange.waiting.text()
    desk = _screen(qtbot, worker, office)
    assert desk.exchange.waiting.text() == "Every assignment has been sent to the laptops."


# ---------------------------------------------------------------- assignments

def test_where_an_assignment_stands() -> None:
    start, end, today = date(2026, 12, 1), date(2026, 12, 20), date(2026, 12, 10)
    before = SiteVisit("a", date(2026, 11, 30), completed=True, score=0.9)
    draft = SiteVisit("b", date(2026, 12, 5), completed=False)
    late = SiteVisit("c", date(2026, 12, 28), completed=True, score=0.8)
    assert assignment_standing(start, end, [], today).state is AssignmentState.PENDING
    assert assignment_standing(start, end, [before], today).state is AssignmentState.PENDING
    assert assignment_standing(start, end, [before], date(2026, 12, 21)).state \
        is AssignmentState.OVERDUE
    assert assignment_standing(start, end, [draft], date(2027, 1, 1)) == \
        assignment_standing(start, end, [draft], today)
    assert assignment_standing(start, end, [draft], today).state is AssignmentState.IN_PROGRESS
    done = assignment_standing(start, end, [before, draft, late], date(2027, 1, 1))
    assert done.state is AssignmentState.DONE and done.visit == late  # done late, still done


def test_assignments_show_pending_in_progress_done_and_overdue(
        qtbot: QtBot, worker: Worker, pair: tuple[AppContext, AppContext],
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    field, office = pair
    third = "330799001003"
    with office.db.transaction() as session:
        for code, start, end in ((VILLAGE, date(2026, 11, 1), date(2099, 12, 31)),
                                 (OTHER_VILLAGE, date(2026, 11, 1), date(2099, 12, 31)),
                                 (third, date(2099, 1, 1), date(2099, 1, 31)),
                                 ("330799001000", date(2020, 1, 1), date(2020, 1, 31))):
            add_assignment(session, site_id_for_code(code), "王芳", start, end)
    import_bundle(field, export_bundle(office, tmp_path / "a.bundle").path)
    inspection_id = completed_inspection(field, photos=0, seed=68)  # the first site: done
    _draft(field, OTHER_VILLAGE, date(2026, 11, 22))  # the second: in progress
    laptop = _screen(qtbot, worker, field)
    panel = laptop.assignments
    states = {row[1]: row[0] for row in _rows(panel.table)}
    assert len(states) == 4
    assert states["330799001000 城关街道社区学校"] == "Overdue: not inspected by 2020-01-31"
    assert states["330799001002 西门社区教学点"] == "In progress since 2026-11-22"
    assert states[f"{third} 南山社区教学点"] == "Pending"
    assert states["330799001001 东门社区教学点"] == "Done: inspected 2026-11-20, score 100.0%"
    assert [row[0].split(":")[0].split(" since")[0] for row in _rows(panel.table)] == [
        "Overdue", "In progress", "Pending", "Done"]  # the open ones first
    assert laptop.tabs.tabText(laptop.tabs.indexOf(panel)) == "&Assignments (3 open)"
    with qtbot.waitSignal(laptop.inspection_requested) as opened:
        panel.open_row(3)
    assert opened.args == [inspection_id]
    # At the office the same assignment is done once the laptop's results are imported.
    assert _standings(office)[VILLAGE].state is AssignmentState.PENDING
    import_bundle(office, export_bundle(field, tmp_path / "r.bundle").path,
                  trust_new_device=True)
    views = _standings(office)
    assert views[VILLAGE].state is AssignmentState.DONE
    assert views[VILLAGE].inspection_id == inspection_id and views[VILLAGE].score == 1.0
    assert main(["assignments", "list", "--data-dir", str(office.paths.data_dir)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("2020-01-01 – 2020-01-31  已逾期 / overdue")
    assert "已完成 / done" in out[-1] and "2026-11-20 检查，得分 100.0%" in out[-1]


def _standings(context: AppContext) -> dict[str | None, AssignmentView]:
    with context.db.session() as session:
        return {view.site_code: view for view in list_assignments(session)}

