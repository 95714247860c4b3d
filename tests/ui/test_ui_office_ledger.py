"""The ledger and conflicts of the office's letters-and-rectification tab, on a real office
data folder, its operations run at once on the UI thread (:class:`InlineWorker`): filters,
the CSV export read back, a site's report with a photo, the office's steps on an item, a
re-inspection ordered, a conflict settled, the office's settings."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from ledger_helpers import TODAY, Office, office_folder
from PIL import Image
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from inspector.domain.supervision import CheckOutcome, ItemState
from inspector.services.api import office
from inspector.services.api import sync as sync_api
from inspector.services.rectification_ledger import LedgerFilter
from inspector.ui.core.file_dialogs import FileDialogs
from inspector.ui.core.operations import Operations
from inspector.ui.core.worker import InlineWorker
from inspector.ui.dialogs.item_report import ItemReportDialog
from inspector.ui.dialogs.office_settings import OfficeSettingsDialog
from inspector.ui.dialogs.reinspection_order import ReinspectionOrderDialog
from inspector.ui.pages.office.ledger_model import DEADLINE, SITE, STATE, LedgerModel
from inspector.ui.pages.office.letters_tab import LedgerTab
from inspector.ui.pages.office.letters_words import OVERDUE_COLOR


@pytest.fixture
def made(tmp_path: Path) -> Iterator[Office]:
    folder = office_folder(tmp_path)
    yield folder
    folder.context.close()


def _tab(qtbot: QtBot, made: Office, shown: list[BaseException] | None = None) -> LedgerTab:
    failures = shown if shown is not None else []
    ops = Operations(InlineWorker(), show_failure=lambda _p, exc, _t: failures.append(exc))
    tab = LedgerTab(ops, lambda: "王主任")
    qtbot.addWidget(tab)
    tab.resize(1280, 800)
    tab.set_context(made.context)
    tab.tabs.setCurrentWidget(tab.ledger)
    return tab


def _column(model: LedgerModel, column: int) -> list[str]:
    return [model.index(row, column).data() for row in range(model.rowCount())]


def _select(tab: LedgerTab, site: str, state: ItemState) -> str:
    """Choose the first row of ``site`` in ``state``; its item's id."""
    row = next(r for r in tab.ledger.rows if r.site_name == site and r.state is state)
    tab.ledger.select_item(row.id)
    current = tab.ledger.current()
    assert current is not None and current.id == row.id
    return row.id


def _state(made: Office, item_id: str) -> ItemState:
    rows = office.ledger(made.context, LedgerFilter(states=frozenset(ItemState)), TODAY)
    return next(r.state for r in rows if r.id == item_id)


def test_the_ledger_filters_by_state_overdue_and_township(qtbot: QtBot, made: Office) -> None:
    tab = _tab(qtbot, made)
    ledger = tab.ledger
    # Issued items only by default (drafts left out): the two issued letters' five items.
    assert sorted(_column(ledger.model, SITE)) == ["东门社区教学点"] * 3 + ["白沙村教学站"] * 2
    ledger.filters.set_states(frozenset({ItemState.CLOSED}))
    assert _column(ledger.model, SITE) == ["东门社区教学点"]
    ledger.filters.set_states(frozenset({ItemState.OPEN, ItemState.DRAFT}))
    assert sorted(_column(ledger.model, SITE)) == (["东门社区教学点"] * 2 + ["溪口村教学站"] * 4
                                                   + ["白沙村教学站"] * 2)
    ledger.filters.overdue.setChecked(True)
    assert _column(ledger.model, SITE) == ["白沙村教学站"] * 2
    model = ledger.model
    for row in range(model.rowCount()):
        for column in (DEADLINE, STATE):
            cell = model.index(row, column)
            assert cell.data(Qt.ItemDataRole.ForegroundRole) == OVERDUE_COLOR
            assert "day" in cell.data(Qt.ItemDataRole.ToolTipRole)  # how many days late
        site = model.index(row, SITE)
        assert site.data(Qt.ItemDataRole.ForegroundRole) is None  # calm
    assert "2" in ledger.count.text()
    ledger.filters.overdue.setChecked(False)
    ledger.filters.set_states(frozenset())
    combo = ledger.filters.township
    combo.setCurrentIndex(combo.findText("城关街道社区学校"))
    assert _column(ledger.model, SITE) == ["东门社区教学点"] * 3
    tier = ledger.filters.tier
    tier.setCurrentIndex(tier.findData("township"))
    assert ledger.model.rowCount() == 0 and not ledger.export_button.isEnabled()


def test_export_csv_and_read_it_back(qtbot: QtBot, made: Office, tmp_path: Path) -> None:
    tab = _tab(qtbot, made)
    target = tmp_path / "out" / "台账.csv"
    target.parent.mkdir()

    def user(dialog: QFileDialog) -> bool:
        assert dialog.acceptMode() == QFileDialog.AcceptMode.AcceptSave
        dialog.selectFile(str(target))
        return True

    tab.ledger.dialogs = FileDialogs(lambda: made.context.paths.settings_file, run=user,
                                     drives=list)
    tab.ledger.filters.overdue.setChecked(True)
    tab.ledger.export_button.click()
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["场所"] for r in rows] == ["白沙村教学站"] * 2
    assert {r["状态"] for r in rows} == {"已逾期"}
    assert {r["评定"] for r in rows} <= {"不符合", "基本符合"}  # the names, not the ids
    assert all(r["意见书文号"].startswith("县教督〔") for r in rows)
    assert str(target) in tab.ledger.status.text()


def test_recording_a_report_with_a_photo_marks_the_item_reported(
        qtbot: QtBot, made: Office, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tab = _tab(qtbot, made)
    item_id = _select(tab, "白沙村教学站", ItemState.OPEN)
    photo = tmp_path / "整改后活动室.jpg"
    Image.new("RGB", (64, 48), (180, 140, 90)).save(photo, "JPEG", quality=90)

    def pick(dialog: QFileDialog) -> bool:
        dialog.selectFile(str(photo))
        return True

    tab.ledger.dialogs = FileDialogs(lambda: made.context.paths.settings_file, run=pick,
                                     drives=list)

    def fill(dialog: ItemReportDialog) -> int:
        dialog.add_button.click()  # the picker: the photo chosen
        assert dialog.paths_text() == [str(photo)]
        later = TODAY + timedelta(days=1)
        dialog.reported_on.setDate(QDate(later.year, later.month, later.day))
        assert dialog.reported_on.date().toPython() == TODAY  # no later than today
        dialog.text.setPlainText("已腾退活动室，恢复教学用途，附整改后照片")
        dialog.ok_button.click()
        return dialog.result()

    monkeypatch.setattr(ItemReportDialog, "exec", fill)
    tab.ledger.report_button.click()
    assert _state(made, item_id) is ItemState.REPORTED
    row = next(r for r in tab.ledger.rows if r.id == item_id)
    assert row.state is ItemState.REPORTED and row.reports == 1
    assert "1" in tab.ledger.details.text()


def test_a_report_needs_text_or_a_page(qtbot: QtBot) -> None:
    dialog = ItemReportDialog("白沙村教学站", "有可供开展社区教育活动的固定场所。", "对照整改",
                              TODAY, lambda _parent: [])
    qtbot.addWidget(dialog)
    dialog.ok_button.click()
    assert dialog.result() == 0 and dialog.problem.text()
    dialog.add_file(Path("/tmp/扫描件.jpg"))
    dialog.remove_button.click()
    assert dialog.paths_text() == [] and not dialog.remove_button.isEnabled()


def test_the_office_s_steps_verify_close_and_reopen_with_a_note(
        qtbot: QtBot, made: Office, monkeypatch: pytest.MonkeyPatch) -> None:
    tab = _tab(qtbot, made)
    item_id = _select(tab, "东门社区教学点", ItemState.OPEN)
    ledger = tab.ledger
    assert ledger.verify_button.isEnabled() and not ledger.close_button.isEnabled()
    notes = iter([("电话核实，已整改", True), ("", False), ("现场确认", True),
                  ("复核发现仍有问题", True)])
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *_a: next(notes))
    ledger.verify_button.click()
    assert _state(made, item_id) is ItemState.VERIFIED
    assert ledger.close_button.isEnabled() and ledger.reopen_button.isEnabled()
    ledger.close_button.click()  # cancelled: nothing happens
    assert _state(made, item_id) is ItemState.VERIFIED
    ledger.close_button.click()
    assert _state(made, item_id) is ItemState.CLOSED
    assert not ledger.reopen_button.isEnabled()  # a closed item stays closed
    tab.ledger.filters.set_states(frozenset({ItemState.OPEN}))
    assert item_id not in {r.id for r in ledger.rows}


def test_ordering_a_re_inspection_of_the_site_s_open_items(
        qtbot: QtBot, made: Office, monkeypatch: pytest.MonkeyPatch) -> None:
    tab = _tab(qtbot, made)
    _select(tab, "白沙村教学站", ItemState.OPEN)
    before = len(sync_api.list_assignments(made.context))
    offered: list[int] = []

    def fill(dialog: ReinspectionOrderDialog) -> int:
        offered.append(dialog.items.count())
        dialog.ok_button.click()  # no inspector yet: refused in the dialog
        assert dialog.result() == 0 and dialog.problem.text()
        dialog.inspector.setText("李明")
        dialog.ok_button.click()
        return dialog.result()

    monkeypatch.setattr(ReinspectionOrderDialog, "exec", fill)
    tab.ledger.reinspect_button.click()
    assert offered == [2]  # both open items of the site, checked
    assignments = sync_api.list_assignments(made.context)
    assert len(assignments) == before + 1
    (ordered,) = [a for a in assignments if a.site_name == "白沙村教学站"]
    assert ordered.inspector_name == "李明" and ordered.period_start == TODAY
    assert "李明" in tab.ledger.status.text()


def test_settling_a_conflict_applies_the_re_inspection_s_verdict(
        qtbot: QtBot, made: Office, monkeypatch: pytest.MonkeyPatch) -> None:
    tab = _tab(qtbot, made)
    panel = tab.conflicts
    assert panel.table.rowCount() == 1 and tab.tabs.tabText(2).endswith("(1)")
    item_id = panel.conflicts[0].check.item_id
    assert _state(made, item_id) is ItemState.CLOSED
    answers = iter([QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Yes])
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: next(answers))
    panel.apply_button.click()  # asked, cancelled
    assert panel.table.rowCount() == 1
    panel.apply_button.click()
    assert _state(made, item_id) is ItemState.OPEN  # not rectified: open again
    assert panel.table.rowCount() == 0 and not panel.apply_button.isEnabled()
    assert tab.tabs.tabText(2) == panel.tr("Conflicts")
    outcomes = {c.check_id: c.outcome for c in office.reinspection_checks(
        made.context, next(e.inspection_id for e in office.review_queue(made.context)
                           if e.is_reinspection))}
    assert outcomes[made.conflict_check] is CheckOutcome.KEPT_OPEN


def test_the_office_settings_number_the_next_letter(
        qtbot: QtBot, made: Office, monkeypatch: pytest.MonkeyPatch) -> None:
    tab = _tab(qtbot, made)

    def fill(dialog: OfficeSettingsDialog) -> int:
        dialog.issuer.setText("青溪县人民政府教育督导室")
        dialog.prefix.setText("青教督")
        assert dialog.example.text() == f"青教督〔{TODAY.year}〕1号"
        dialog.days.setValue(20)
        dialog.ok_button.click()
        return dialog.result()

    monkeypatch.setattr(OfficeSettingsDialog, "exec", fill)
    tab.settings_button.click()
    settings = office.office_settings(made.context)
    assert (settings.issuer, settings.number_prefix, settings.deadline_days) == (
        "青溪县人民政府教育督导室", "青教督", 20)
    tab.tabs.setCurrentWidget(tab.letters)
    tab.letters.select_letter(made.draft_letter)
    letter = tab.letters.current_letter()
    assert letter is not None
    dialog = tab.letters.issue_dialog(letter)
    qtbot.addWidget(dialog)
    assert dialog.number.text() == f"青教督〔{TODAY.year}〕3号"
    assert dialog.deadline.date().toPython() == TODAY + timedelta(days=20)


def test_a_report_on_an_item_closed_meanwhile_is_refused_plainly(
        qtbot: QtBot, made: Office, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[BaseException] = []
    tab = _tab(qtbot, made, shown)
    item_id = _select(tab, "东门社区教学点", ItemState.OPEN)
    office.set_item_state(made.context, item_id, ItemState.VERIFIED)  # another clerk
    office.set_item_state(made.context, item_id, ItemState.CLOSED)

    def fill(dialog: ItemReportDialog) -> int:
        dialog.text.setPlainText("已整改")
        dialog.ok_button.click()
        return dialog.result()

    monkeypatch.setattr(ItemReportDialog, "exec", fill)
    tab.ledger.report_button.click()
    assert len(shown) == 1 and "no report can be recorded" in str(shown[0])
    assert _state(made, item_id) is ItemState.CLOSED


def test_print_saves_the_ledger_shown_as_a_pdf(qtbot: QtBot, made: Office,
                                              tmp_path: Path) -> None:
    tab = _tab(qtbot, made)
    target = tmp_path / "整改台账.pdf"

    def user(dialog: QFileDialog) -> bool:
        dialog.selectFile(str(target))
        return True

    tab.ledger.dialogs = FileDialogs(lambda: made.context.paths.settings_file, run=user,
                                     drives=list)
    tab.show_overdue()  # where the work queue's overdue count leads
    assert tab.tabs.currentWidget() is tab.ledger and tab.ledger.model.rowCount() == 2
    tab.ledger.print_button.click()
    assert target.read_bytes().startswith(b"%PDF")
    assert str(target) in tab.ledger.status.text()
