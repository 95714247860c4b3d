"""The supervision loop as the field laptop meets it, built through the services and real
bundle files on disk (as tests/services/test_supervision_loop.py does): an inspection the
office returned with comments, and a re-inspection assignment of its findings."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from PIL import Image, ImageDraw
from sync_helpers import VILLAGE, add_photo, installation

from inspector.services import api, inspections
from inspector.services.api import office
from inspector.services.context import AppContext
from inspector.services.rectification import ItemChange
from inspector.services.sites import site_id_for_code
from inspector.services.sync.export import export_bundle
from inspector.services.sync.identity import Role
from inspector.services.sync.importer import import_bundle
from inspector.storage.models import Photo

TODAY = date.today()
VISIT = TODAY - timedelta(days=40)  # the first visit, well before the re-inspection's period
SITE = site_id_for_code(VILLAGE)
REVIEWER = "王主任"
OVERALL = "第5项评为基本符合的依据不足，第1项说明过简。请补充现场照片、写清情况后重新提交。"
NOTES = ("未设置专用教学场所，借用村委会议室，桌椅不足20套。",
         "近一年未开展老年人智能手机培训，无活动记录。",
         "志愿者队伍名册未更新，仅有3人。")
COMMENTS = ("说明过简：请写明借用会议室的面积和每周可用时间。",
            "基本符合的依据不足，请补充志愿者名册照片，或改判为不符合。")
REQUIREMENTS = ("落实不少于60平方米的固定教学场所，配齐桌椅。",
                "每季度至少开展一次智能手机培训并留存记录。",
                "更新志愿者名册，队伍不少于10人。")


@dataclass
class Loop:
    field: AppContext
    office: AppContext
    inspection_id: str  # the first visit's inspection, made on the laptop
    findings: list[str]  # its three findings' criteria, in checklist order
    folder: Path

    def carry(self, source: AppContext, target: AppContext, name: str) -> None:
        """Export a bundle from ``source`` to a file and import that file into ``target``."""
        written = export_bundle(source, self.folder / name)
        import_bundle(target, written.path, trust_new_device=True)

    def close(self) -> None:
        self.field.close()
        self.office.close()


def photo_bytes(seed: int) -> bytes:
    """A small JPEG that looks like a room (walls, a window, a table), different per seed."""
    image = Image.new("RGB", (320, 240), (200 - seed * 9 % 60, 190, 170 + seed * 13 % 60))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 170, 320, 240), fill=(120 + seed * 7 % 80, 95, 70))
    draw.rectangle((30 + seed * 11 % 60, 40, 130 + seed * 11 % 60, 120), fill=(150, 190, 225))
    draw.rectangle((170, 140, 290, 175), fill=(90, 60, 40))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()


def photo_under(context: AppContext, inspection_id: str, criterion_id: str, seed: int) -> str:
    photo_id = add_photo(context, inspection_id, photo_bytes(seed), position=seed)
    with context.db.transaction() as session:
        row = session.get(Photo, photo_id)
        assert row is not None
        row.criterion_id = criterion_id
        row.original_name = f"IMG_20{seed:02d}.jpg"
        session.add(row)
    return photo_id


def returned_inspection(folder: Path) -> Loop:
    """The office assigned the village, the laptop inspected it (two criteria not met, one
    partly met, each with a note and a photo) and sent it; the office returned it with an
    overall comment and comments on two criteria; the laptop imported the return."""
    field = installation(folder, "field", Role.FIELD)
    desk = installation(folder, "office", Role.OFFICE)
    loop = Loop(field, desk, "", [], folder)
    api.sync.add_assignment(desk, SITE, "张三", VISIT - timedelta(days=5),
                            VISIT + timedelta(days=20), "2026年秋季综合督导")
    loop.carry(desk, field, "a1.bundle")
    with field.db.transaction() as session:
        inspection = inspections.start_inspection(session, SITE, VISIT, inspectors="张三、李四",
                                                  site_staff="站长 赵敏")
        criteria = [c.id for c in inspections.load_state(session, inspection.id).criteria]
        findings = {criteria[0]: "not_met", criteria[2]: "not_met", criteria[4]: "partly"}
        for cid in criteria:
            inspections.set_rating(session, inspection.id, cid, findings.get(cid, "meets"))
        for note, cid in zip(NOTES, findings, strict=True):
            inspections.set_note(session, inspection.id, cid, note)
        loop.inspection_id, loop.findings = inspection.id, list(findings)
    for seed, cid in enumerate(loop.findings, start=1):
        photo_under(field, loop.inspection_id, cid, seed)
    with field.db.transaction() as session:
        inspections.complete(session, loop.inspection_id, "张三")
    loop.carry(field, desk, "r1.bundle")
    office.return_inspection(desk, loop.inspection_id, REVIEWER, OVERALL,
                             {loop.findings[0]: COMMENTS[0], loop.findings[2]: COMMENTS[1]})
    loop.carry(desk, field, "a2.bundle")
    return loop


def reinspection_ordered(folder: Path) -> tuple[Loop, str]:
    """After the return: the laptop completed the inspection again, the office approved it,
    issued its letter (a requirement and a deadline per finding) and ordered a re-inspection
    of the three items, which the laptop imported. Returns the loop and the assignment."""
    loop = returned_inspection(folder)
    with loop.field.db.transaction() as session:
        inspections.complete(session, loop.inspection_id, "张三")
    loop.carry(loop.field, loop.office, "r2.bundle")
    approved = office.approve(loop.office, loop.inspection_id, REVIEWER, "同意")
    assert approved.letter is not None
    for item, requirement in zip(approved.letter.items, REQUIREMENTS, strict=True):
        office.edit_item(loop.office, item.id, ItemChange(requirement=requirement,
                                                          responsible="赵敏"), TODAY)
    office.issue_letter(loop.office, approved.letter.id, TODAY + timedelta(days=30), REVIEWER,
                        TODAY)
    order = office.order_reinspection(loop.office, SITE, "张三", TODAY,
                                      TODAY + timedelta(days=14))
    loop.carry(loop.office, loop.field, "a3.bundle")
    return loop, order
