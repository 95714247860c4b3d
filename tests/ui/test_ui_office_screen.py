"""The Supervision screen: File → Supervision… only at the county office (disabled on a field
laptop, saying why, and offered as soon as the role becomes the office); the work queue's
counts as the front door gives them, each leading to its tab; the screen reads again when an
operation says inspections changed; in Chinese, nothing on it or its dialogs is in English."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from office_ui_helpers import inline_ops, inspector_list, rated_inspection, resubmit
from PySide6.QtWidgets import QApplication, QDialog, QLabel
from pytestqt.qtbot import QtBot
from sync_helpers import OTHER_VILLAGE, installation
from ui_helpers import LOAD_TIMEOUT_MS, open_window
from ui_text import untranslated

from inspector.domain.values import Role
from inspector.services import api
from inspector.services.sites import site_id_for_code
from inspector.ui.app import install_translators
from inspector.ui.core.operations import Change
from inspector.ui.dialogs.campaign_draw import CampaignDrawDialog
from inspector.ui.pages.office.screen import OfficeScreen

TODAY = date.today()


def test_supervision_is_offered_only_at_the_county_office(qtbot: QtBot, tmp_path: Path) -> None:
    laptop = installation(tmp_path, "field", Role.FIELD)
    paths = laptop.paths
    laptop.close()
    with open_window(qtbot, paths) as window:
        action = window.office_action
        qtbot.waitUntil(lambda: window.office.role is Role.FIELD, timeout=LOAD_TIMEOUT_MS)
        assert action in window.file_menu.actions() and not action.isEnabled()
        assert "field laptop" in action.toolTip()
        assert action.shortcut().toString() == "Ctrl+Shift+D"
        action.trigger()
        assert window.office.show() is None and window.office.screen is None
        # The role becomes the county office (as the Sync screen changes it): offered at once.
        window.ops.write(None, lambda _c: api.sync.set_role(paths, Role.OFFICE, "office",
                                                            confirm_change=True),
                         "role", changes=Change.ROLE).start()
        qtbot.waitUntil(action.isEnabled, timeout=LOAD_TIMEOUT_MS)
        assert "field laptop" not in action.toolTip()
        action.trigger()
        screen = window.office.screen
        assert screen is not None and window.pages.currentWidget() is screen
        with qtbot.waitSignal(screen.overview_loaded, timeout=LOAD_TIMEOUT_MS):
            pass
        screen.back_button.click()
        assert window.pages.currentWidget() is window.sites_page


def _number(label: QLabel) -> int:
    return int(label.text())


def test_the_work_queue_counts_what_waits_and_leads_to_each_tab(
        qtbot: QtBot, tmp_path: Path) -> None:
    office = installation(tmp_path, "office", Role.OFFICE)
    try:
        first, _ = rated_inspection(office)
        rated_inspection(office, OTHER_VILLAGE, wanting=0)
        approved = api.office.approve(office, first, "王主任")
        assert approved.letter is not None
        api.office.issue_letter(office, approved.letter.id, TODAY + timedelta(days=30),
                                "王主任", TODAY)
        api.sync.add_assignment(office, site_id_for_code("330799101201"), "李四", TODAY,
                                TODAY + timedelta(days=3), "")
        later = TODAY + timedelta(days=31)  # the letter's three items are overdue by then
        failures: list[BaseException] = []
        ops = inline_ops(failures)
        screen = OfficeScreen(ops, lambda: "王主任", today=lambda: later)
        qtbot.addWidget(screen)
        screen.resize(1280, 800)
        screen.show()
        screen.set_context(office)
        queue = screen.queue
        expected = api.office.work_queue(office, later)
        assert (expected.to_review, expected.overdue_items) == (1, 3)
        assert _number(queue.to_review.number) == expected.to_review
        assert _number(queue.overdue.number) == expected.overdue_items
        assert _number(queue.due.number) == expected.assignments_due >= 1
        assert "(1)" in screen.tabs.tabText(screen.tabs.indexOf(screen.review))
        queue.to_review.button.click()
        assert screen.tabs.currentWidget() is screen.review
        assert list(screen.review.entries) != [first] and len(screen.review.entries) == 1
        queue.due.button.click()
        assert screen.tabs.currentWidget() is screen.campaigns
        queue.overdue.button.click()  # the overdue items, on the letters tab's ledger
        assert screen.tabs.currentWidget() is screen.ledger
        assert screen.ledger.tabs.currentWidget() is screen.ledger.ledger
        # Another screen approves the one awaiting review: the counts follow.
        waiting = next(iter(screen.review.entries))
        ops.write(None, lambda _c: api.office.approve(office, waiting, "王主任"), "approve",
                  changes=Change.INSPECTION, inspection_id=waiting).start()
        assert _number(queue.to_review.number) == 0
        assert screen.tabs.tabText(screen.tabs.indexOf(screen.review)) == screen.tr("&Review")
        assert failures == []
    finally:
        office.close()


def test_the_screen_and_its_dialogs_speak_chinese(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = install_translators(app, "zh_CN")
    office = installation(tmp_path, "office", Role.OFFICE)
    try:
        first, wanting = rated_inspection(office)
        api.office.return_inspection(office, first, "王主任", "请核实", {wanting[0]: "补充照片"})
        resubmit(office, first, wanting[0], "partly")
        failures: list[BaseException] = []
        screen = OfficeScreen(inline_ops(failures), lambda: "王主任")
        qtbot.addWidget(screen)
        screen.resize(1280, 800)
        screen.show()
        screen.set_context(office)
        for index in range(screen.tabs.count()):
            screen.tabs.setCurrentIndex(index)
            assert untranslated(screen) == [], screen.tabs.tabText(index)
        screen.review.open_detail(first)
        assert screen.review.detail.changes.rowCount() == 1
        assert untranslated(screen) == []
        seen: list[str] = []

        def look(dialog: QDialog) -> int:
            dialog.show()
            if isinstance(dialog, CampaignDrawDialog):
                dialog.load_inspectors(inspector_list(tmp_path))
                dialog.draw_button.click()
                assert dialog.drawn is not None
            seen.append(type(dialog).__name__)
            assert untranslated(dialog) == [], type(dialog).__name__
            return 0

        monkeypatch.setattr(QDialog, "exec", look)
        screen.review.approve(first)
        screen.review.return_inspection(first)
        screen.campaigns.new_campaign()
        assert seen == ["ReviewDecisionDialog", "ReviewDecisionDialog", "CampaignDrawDialog"]
        assert failures == []
    finally:
        office.close()
        for translator in translators:
            app.removeTranslator(translator)
