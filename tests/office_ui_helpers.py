"""Shared helpers of the Supervision screen's tests (tests/ui/test_ui_office_*.py): a county
office's data folder with the demo county, inspections made through the services, and
operations run at once on the UI thread with their failures collected."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QTableWidget, QTableWidgetItem
from sync_helpers import VILLAGE

from inspector.services import inspections
from inspector.services.context import AppContext
from inspector.services.sites import site_id_for_code
from inspector.ui.core.operations import Operations
from inspector.ui.core.worker import InlineWorker

#: The office's inspector list: 张伟 steps aside from 溪口镇, 王芳 from two sites.
INSPECTOR_LIST = ("姓名,上限,回避场所,回避乡镇\n"
                  "张伟,,,溪口镇\n"
                  "王芳,,东门社区教学点；330799000000,\n"
                  "李娜,,,白沙镇社区学校\n"
                  "刘洋,,,\n"
                  "陈静,,330799001002;330799101201,\n")


def inspector_list(folder: Path) -> Path:
    path = folder / "督导人员.csv"
    path.write_text(INSPECTOR_LIST, encoding="utf-8")
    return path


def inline_ops(failures: list[BaseException]) -> Operations:
    """Operations run at once; what would go to the error display is kept in ``failures``."""
    return Operations(InlineWorker(),
                      show_failure=lambda _parent, exc, _title: failures.append(exc))


def rated_inspection(context: AppContext, code: str = VILLAGE, visit: date | None = None,
                     wanting: int = 3, inspectors: str = "张三") -> tuple[str, list[str]]:
    """A completed inspection of the site: its first ``wanting`` criteria not met (each with
    a note), the rest met. Returns its id and the criteria found wanting."""
    with context.db.transaction() as session:
        inspection = inspections.start_inspection(session, site_id_for_code(code),
                                                  visit or date.today(), inspectors=inspectors)
        criteria = [c.id for c in inspections.load_state(session, inspection.id).criteria]
        for index, criterion_id in enumerate(criteria):
            rating = "not_met" if index < wanting else "meets"
            inspections.set_rating(session, inspection.id, criterion_id, rating)
            if rating != "meets":
                inspections.set_note(session, inspection.id, criterion_id, f"问题{index + 1}")
        inspections.complete(session, inspection.id, inspectors)
        return inspection.id, criteria[:wanting]


def resubmit(context: AppContext, inspection_id: str, criterion_id: str, rating: str) -> None:
    """The inspector changes one rating of a returned inspection and completes it again."""
    with context.db.transaction() as session:
        inspections.set_rating(session, inspection_id, criterion_id, rating)
        inspections.complete(session, inspection_id, "张三")


def cell(table: QTableWidget, row: int, column: int) -> QTableWidgetItem:
    item = table.item(row, column)
    assert item is not None, (row, column)
    return item


# -- the screen's dialogs, made small but real (for tests/dialog_factories.py's FACTORIES) ----

def _campaign_draw_dialog(env: Any) -> tuple[object, object]:
    from sync_helpers import installation

    from inspector.services.sync.identity import Role
    from inspector.ui.dialogs.campaign_draw import CampaignDrawDialog

    office = installation(env.tmp_path, "office", Role.OFFICE)
    env.contexts.append(office)
    dialog = CampaignDrawDialog(Operations(env.worker), office, "王主任", date.today())
    return dialog, dialog.draw_button  # Draw first; Save campaign once drawn


def _review_decision_dialog(_env: object) -> tuple[object, object]:
    from inspector.ui.dialogs.review_decision import CriterionLine, ReviewDecisionDialog

    lines = [CriterionLine("c1", "1.", "有可供开展社区教育活动的固定场所。", "不符合",
                           "活动室被临时用作仓库", True),
             CriterionLine("c2", "2.", "可提供图书借阅等服务。", "符合", "", False)]
    dialog = ReviewDecisionDialog(True, "上塘村教学站 · 2026-11-28 · 王芳", "王主任", lines, 1)
    return dialog, dialog.decide_button


#: Each dialog class of the Supervision screen with a function that makes one and names the
#: button Enter should press (``FACTORIES.update(OFFICE_DIALOGS)`` in tests/dialog_factories.py).
OFFICE_DIALOGS = {
    "CampaignDrawDialog": _campaign_draw_dialog,
    "ReviewDecisionDialog": _review_decision_dialog,
}
