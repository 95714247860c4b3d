"""The Campaigns tab and the draw dialog on a county office's data folder, operations run
at once (:class:`InlineWorker`): a campaign drawn and saved from the dialog makes its
assignments; a draw that cannot be met, or a campaign without a name, says why in the dialog
and saves nothing; a kept draw checks out identical; the draw record is written."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from office_ui_helpers import cell, inline_ops, inspector_list
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot
from sync_helpers import dump, installation

from inspector.domain.draw_rules import Inspector, Rules
from inspector.domain.supervision import CampaignKind
from inspector.domain.tiers import Tier
from inspector.services import api
from inspector.services.assignment_state import AssignmentState
from inspector.services.context import AppContext
from inspector.services.sync.identity import Role
from inspector.ui.core.operations import Change, Changed
from inspector.ui.dialogs.campaign_draw import CampaignDrawDialog
from inspector.ui.pages.office.campaigns import CampaignsTab

TODAY = date.today()


@pytest.fixture
def office_folder(tmp_path: Path) -> Iterator[AppContext]:
    context = installation(tmp_path, "office", Role.OFFICE)
    yield context
    context.close()


def _tab(qtbot: QtBot, context: AppContext, failures: list[BaseException]
         ) -> tuple[CampaignsTab, list[Changed]]:
    ops = inline_ops(failures)
    tab = CampaignsTab(ops, lambda: "王主任", lambda: TODAY)
    qtbot.addWidget(tab)
    tab.set_context(context)
    announced: list[Changed] = []
    ops.changed.connect(announced.append)
    ops.changed.connect(lambda _c: tab.show_campaigns(api.office.list_campaigns(context, TODAY)))
    return tab, announced


def _villages_two_per_township(dialog: CampaignDrawDialog, people: Path) -> None:
    form = dialog.form
    dialog.name.setText("2026年春季督导")
    dialog.load_inspectors(people)
    form.tier_boxes[Tier.COUNTY].setChecked(False)
    form.tier_boxes[Tier.TOWNSHIP].setChecked(False)
    form.by_count.setChecked(True)
    form.count.setValue(2)
    form.group_by.setCurrentIndex(form.group_by.findData("township"))
    form.seed.setText("20260301")


def _run_dialog(monkeypatch: pytest.MonkeyPatch,
                answer: Callable[[CampaignDrawDialog], None]) -> list[CampaignDrawDialog]:
    shown: list[CampaignDrawDialog] = []

    def run(dialog: QDialog) -> int:
        assert isinstance(dialog, CampaignDrawDialog)
        shown.append(dialog)
        answer(dialog)
        return dialog.result()

    monkeypatch.setattr(QDialog, "exec", run)
    return shown


def test_a_campaign_drawn_and_saved_from_the_dialog_makes_its_assignments(
        qtbot: QtBot, office_folder: AppContext, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    failures: list[BaseException] = []
    tab, announced = _tab(qtbot, office_folder, failures)
    people = inspector_list(tmp_path)
    before = {a.id for a in api.sync.list_assignments(office_folder)}

    def draw_and_save(dialog: CampaignDrawDialog) -> None:
        _villages_two_per_township(dialog, people)
        assert dialog.people.rowCount() == 5
        assert cell(dialog.people, 0, 2).text() == "溪口镇社区学校"  # 张伟's 回避
        assert not dialog.save_button.isEnabled()
        dialog.draw_button.click()
        assert dialog.drawn is not None and dialog.message.text() == ""
        assert dialog.preview.rowCount() == len(dialog.drawn.pairings) == 12  # 6 townships
        assert "20260301" in dialog.summary.text()
        assert dialog.save_button.isEnabled() and dialog.save_button.isDefault()
        record = tmp_path / "抽取记录.pdf"
        dialog.print_record(record)
        assert record.read_bytes().startswith(b"%PDF")
        dialog.save_button.click()

    _run_dialog(monkeypatch, draw_and_save)
    campaign_id = tab.new_campaign()
    assert failures == [] and campaign_id is not None
    (campaign,) = api.office.list_campaigns(office_folder, TODAY)
    assert campaign.id == campaign_id and campaign.name == "2026年春季督导"
    assert campaign.kind is CampaignKind.COMPREHENSIVE and campaign.seed == 20260301
    assert campaign.states == {AssignmentState.PENDING: 12}
    made = [a for a in api.sync.list_assignments(office_folder) if a.id not in before]
    assert {a.id for a in made} == set(campaign.assignment_ids)
    assert all(a.period_start == TODAY and a.period_end == TODAY + timedelta(days=30)
               for a in made)
    assert announced[-1].touches(Change.ASSIGNMENTS)
    assert tab.table.rowCount() == 1 and cell(tab.table, 0, 3).text() == "12"
    assert "12 assignment" in tab.result.text()


def test_a_draw_that_cannot_be_met_says_why_and_saves_nothing(
        qtbot: QtBot, office_folder: AppContext, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    failures: list[BaseException] = []
    tab, announced = _tab(qtbot, office_folder, failures)
    people = inspector_list(tmp_path)
    before = dump(office_folder)
    said: list[str] = []

    def too_many(dialog: CampaignDrawDialog) -> None:
        dialog.draw_button.click()  # no inspector list yet
        said.append(dialog.message.text())
        _villages_two_per_township(dialog, people)
        dialog.form.count.setValue(9)
        dialog.draw_button.click()
        said.append(dialog.message.text())
        assert dialog.drawn is None and not dialog.save_button.isEnabled()
        dialog.save_button.click()  # disabled: nothing happens
        dialog.form.count.setValue(2)
        dialog.name.setText("  ")  # no name: refused by the campaign, said here
        dialog.draw_button.click()
        dialog.save_button.click()
        said.append(dialog.message.text())
        dialog.reject()

    _run_dialog(monkeypatch, too_many)
    assert tab.new_campaign() is None
    assert "inspector list" in said[0]
    assert said[1].count(" / ") == 1 and "ask for fewer" in said[1]  # one line, both languages
    assert "give the campaign a name" in said[2]
    assert failures == [] and announced == []
    assert dump(office_folder) == before


def test_checking_a_kept_draw_finds_it_identical(
        qtbot: QtBot, office_folder: AppContext) -> None:
    people = [Inspector("p1", "张三"), Inspector("p2", "李四")]
    api.office.create_campaign(office_folder, "复查计划", CampaignKind.SPECIAL, TODAY,
                               TODAY + timedelta(days=10), people, Rules(inspectors_per_site=1),
                               7, "王主任", TODAY)
    failures: list[BaseException] = []
    tab, _announced = _tab(qtbot, office_folder, failures)
    tab.show_campaigns(api.office.list_campaigns(office_folder, TODAY))
    assert tab.check_button.isEnabled()
    tab.check_button.click()
    assert failures == []
    assert "identical" in tab.result.text() and "seed 7" in tab.result.text()
