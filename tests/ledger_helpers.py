"""An office data folder with the supervision loop under way, for the tests of the
letters-and-rectification tab: approved inspections with findings, a draft letter, issued
letters with open, reported and overdue items, and a re-inspection conflict."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from sync_helpers import installation

from inspector.domain.supervision import ItemState, Verdict
from inspector.services import inspections
from inspector.services.api import office
from inspector.services.context import AppContext
from inspector.services.rectification import ItemChange
from inspector.services.sites import site_id_for_code
from inspector.services.sync.identity import Role

TODAY = date.today()
EAST_GATE = "330799001001"  # 东门社区教学点
XIKOU = "330799101201"  # 溪口村教学站
BAISHA = "330799102201"  # 白沙村教学站

#: What the inspectors wrote under the criteria they found wanting, in checklist order.
NOTES = ["活动室被临时用作仓库，未能固定开展教学活动", "图书角仅有旧报刊二十余册，无借阅登记",
         "年度经费未单列，活动经费靠村委临时支出", "专职管理人员空缺，由村会计兼任",
         "今年未参加县级业务培训"]


@dataclass(frozen=True)
class Office:
    context: AppContext
    draft_letter: str  # 溪口村教学站: not issued
    issued_letter: str  # 东门社区教学点: issued today, items open
    overdue_letter: str  # 白沙村教学站: issued two months ago, deadline past
    conflict_check: str  # a re-inspection verdict on an item closed meanwhile


def inspect(context: AppContext, code: str, findings: int, visit: date,
            inspector: str = "王芳") -> str:
    """A completed inspection of the site: the first ``findings`` criteria wanting (not met,
    then partly), every other one met."""
    with context.db.transaction() as session:
        inspection = inspections.start_inspection(session, site_id_for_code(code), visit,
                                                  inspectors=inspector)
        criteria = [c.id for c in inspections.load_state(session, inspection.id).criteria]
        for index, cid in enumerate(criteria):
            rating = ("not_met" if index % 2 == 0 else "partly") if index < findings \
                else "meets"
            inspections.set_rating(session, inspection.id, cid, rating)
            if index < findings:
                inspections.set_note(session, inspection.id, cid, NOTES[index % len(NOTES)])
        inspections.complete(session, inspection.id, inspector)
        return inspection.id


def approved_letter(context: AppContext, code: str, findings: int, visit: date) -> str:
    approved = office.approve(context, inspect(context, code, findings, visit), "王主任", "同意")
    assert approved.letter is not None
    return approved.letter.id


def office_folder(root: Path, *, conflict: bool = True) -> Office:
    context = installation(root, "office", Role.OFFICE)
    long_ago = TODAY - timedelta(days=60)
    overdue = approved_letter(context, BAISHA, 2, long_ago)
    office.issue_letter(context, overdue, long_ago + timedelta(days=30), "王主任", long_ago)
    issued = approved_letter(context, EAST_GATE, 3, TODAY - timedelta(days=3))
    first = office.letter(context, issued).items[0]
    office.edit_item(context, first.id, ItemChange(responsible="刘卫东"), TODAY)
    office.issue_letter(context, issued, TODAY + timedelta(days=30), "王主任", TODAY)
    draft = approved_letter(context, XIKOU, 4, TODAY - timedelta(days=1))
    check = _conflict(context, issued) if conflict else ""
    return Office(context, draft, issued, overdue, check)


def _conflict(context: AppContext, letter_id: str) -> str:
    """A re-inspection of the letter's first item, found not rectified, that comes back after
    the office verified and closed the item on the site's word: kept as a conflict."""
    item = office.letter(context, letter_id).items[0]
    order = office.order_reinspection(context, item.site_id, "李明", TODAY,
                                      TODAY + timedelta(days=10), [item.id])
    reinspection = office.start_reinspection(context, order, TODAY, "李明")
    office.record_check(context, reinspection, item.id, Verdict.NOT_RECTIFIED,
                        "活动室仍堆放杂物，未恢复教学用途")
    with context.db.transaction() as session:
        inspections.complete(session, reinspection, "李明")
    office.set_item_state(context, item.id, ItemState.VERIFIED, "电话核实")
    office.set_item_state(context, item.id, ItemState.CLOSED, "销号")
    approved = office.approve(context, reinspection, "王主任")
    (found,) = approved.conflicts
    return found.check_id



# -- the tab's dialogs, made small but real (for tests/dialog_factories.py's FACTORIES) ------

def _issue_dialog(_env: object) -> tuple[object, object]:
    from inspector.ui.dialogs.letter_issue import LetterIssueDialog

    dialog = LetterIssueDialog("溪口村教学站", 3, "县教督〔2026〕3号", "县人民政府教育督导室", 30,
                               "王主任", TODAY)
    return dialog, dialog.ok_button


def _report_dialog(_env: object) -> tuple[object, object]:
    from inspector.ui.dialogs.item_report import ItemReportDialog

    dialog = ItemReportDialog("白沙村教学站", "有可供开展社区教育活动的固定场所。",
                              "腾退活动室，恢复教学用途", TODAY, lambda _parent: [])
    return dialog, dialog.ok_button


def _order_dialog(_env: object) -> tuple[object, object]:
    from inspector.ui.dialogs.reinspection_order import ReinspectionOrderDialog

    dialog = ReinspectionOrderDialog("白沙村教学站", [("i1", "有可供开展社区教育活动的固定场所。")],
                                     "李明", TODAY)
    return dialog, dialog.ok_button


def _settings_dialog(_env: object) -> tuple[object, object]:
    from inspector.ui.dialogs.office_settings import OfficeSettingsDialog

    dialog = OfficeSettingsDialog("县人民政府教育督导室", "县教督", 30, TODAY)
    return dialog, dialog.ok_button


def _item_dialog(_env: object) -> tuple[object, object]:
    from inspector.ui.pages.office.letters_items import ItemEditDialog

    dialog = ItemEditDialog("有可供开展社区教育活动的固定场所。", "活动室被临时用作仓库",
                            "腾退活动室", "曾立军", None, True, TODAY)
    return dialog, dialog.ok_button


#: Each dialog class of the letters tab with a function that makes one and names the button
#: Enter should press (``FACTORIES.update(LETTER_DIALOGS)`` in tests/dialog_factories.py).
LETTER_DIALOGS = {
    "LetterIssueDialog": _issue_dialog,
    "ItemReportDialog": _report_dialog,
    "ReinspectionOrderDialog": _order_dialog,
    "OfficeSettingsDialog": _settings_dialog,
    "ItemEditDialog": _item_dialog,
}
