"""Conflicts: records changed on both sides, both versions kept until a person chooses."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, col, select

from inspector.domain.values import ConflictStatus, Keep
from inspector.services.sync import records as rec
from inspector.services.sync.errors import SyncError
from inspector.services.sync.versions import (
    HELD,
    content_key,
    row_version,
    vv_join_all,
)
from inspector.storage.models import SyncConflict, utcnow

LABELS = {
    "sites": "站点 / site", "inspectors": "检查人员 / inspector",
    "assignments": "任务 / assignment", "inspections": "检查 / inspection",
    "responses": "评定 / rating", "photos": "照片 / photo",
    "inspection_events": "检查记录 / history",
}

FIELD_LABELS = {
    "name": "名称 / name", "tier": "层级 / tier", "parent_id": "上级站点 / parent site",
    "code": "区划代码 / division code", "address": "地址 / address",
    "contact": "联系人 / contact", "phone": "电话 / phone",
    "organisation": "单位 / organisation", "site_id": "站点 / site",
    "inspector_name": "检查人员 / inspectors", "period_start": "开始 / from",
    "period_end": "结束 / to", "note": "说明 / note", "template": "检查表版本 / checklist",
    "status": "状态 / status", "visit_date": "检查日期 / visit date",
    "inspectors": "检查人员 / inspectors", "site_staff": "站点人员 / site staff",
    "previous_inspection_id": "上次检查 / previous inspection",
    "completed_at": "完成时间 / completed at", "general_note": "总体意见 / general note",
    "inspection_id": "检查 / inspection", "criterion_id": "检查项 / criterion",
    "rating": "评定 / rating", "sha256": "照片文件 / photo file",
    "original_name": "原文件名 / file name", "media_type": "类型 / type",
    "size_bytes": "大小 / size", "width": "宽 / width", "height": "高 / height",
    "taken_at": "拍摄时间 / taken at", "gps_lat": "纬度 / latitude",
    "gps_lon": "经度 / longitude", "caption": "说明 / caption", "rotation": "旋转 / rotation",
    "position": "顺序 / position", "kind": "事件 / event", "actor": "操作人 / by",
    "reason": "原因 / reason", "at": "时间 / when",
}


@dataclass(frozen=True)
class ConflictView:
    """Both versions of one record, field by field, for showing side by side."""

    id: str
    table: str
    record_id: str
    device_id: str
    bundle_id: str
    detected_at: str
    status: ConflictStatus
    fields: tuple[tuple[str, Any, Any], ...]  # (name, here, incoming) for content fields

    @property
    def differing(self) -> tuple[tuple[str, Any, Any], ...]:
        return tuple(f for f in self.fields if f[1] != f[2])


def _view(session: Session, row: SyncConflict) -> ConflictView:
    spec = rec.SPECS[row.table_name]
    conn = session.connection()
    tmap = rec.TemplateMap.load(conn)
    current = conn.exec_driver_sql(rec.select_sql(spec, "id = ?"), (row.record_id,)).first()
    here = (rec.as_dict(spec, rec.local_to_bundle_values(spec, current, tmap)) if current
            else json.loads(row.local_json))
    incoming = json.loads(row.remote_json)
    fields = tuple((name, here.get(name), incoming.get(name)) for name in spec.columns
                   if name not in rec.BOOKKEEPING)
    return ConflictView(row.id, row.table_name, row.record_id, row.device_id, row.bundle_id,
                        str(row.created_at)[:19], row.status, fields)


def list_conflicts(session: Session, include_closed: bool = False) -> list[ConflictView]:
    query = select(SyncConflict)
    if not include_closed:
        query = query.where(SyncConflict.status == ConflictStatus.OPEN)
    rows = session.exec(query.order_by(col(SyncConflict.created_at))).all()
    return [_view(session, row) for row in rows]


def resolve(session: Session, conflict_id: str, choice: Keep, actor: str,
            my_device_id: str) -> ConflictView:
    """Keep the version the record shows now (``local``) or take the other one (``remote``).

    The chosen version gets a version vector newer than both (and than the
    versions agreeing with either), so the next bundle carries the decision
    to the other side instead of a new conflict. Conflicts of the same record
    with a third content stay open: each is decided on its own.
    """
    if choice not in tuple(Keep):
        raise SyncError("choose local or remote")
    choice = Keep(choice)
    row = session.get(SyncConflict, conflict_id)
    if row is None:
        matches = [c for c in session.exec(select(SyncConflict).where(
            SyncConflict.status == ConflictStatus.OPEN)).all() if c.id.startswith(conflict_id)]
        row = matches[0] if len(matches) == 1 else None
    if row is None or row.status != ConflictStatus.OPEN:
        raise SyncError(f"没有待处理的冲突 / no open conflict {conflict_id}")
    spec = rec.SPECS[row.table_name]
    conn = session.connection()
    current = conn.exec_driver_sql(rec.select_sql(spec, "id = ?"), (row.record_id,)).first()
    if current is None:
        raise SyncError(f"记录已不存在 / the record {row.record_id} no longer exists")
    width = len(spec.local_columns)
    stored_vv, revision, sync_rev = current[width:]
    tmap = rec.TemplateMap.load(conn)
    here = rec.local_to_bundle_values(spec, current, tmap)
    held = session.exec(select(SyncConflict).where(
        SyncConflict.table_name == row.table_name, SyncConflict.record_id == row.record_id,
        col(SyncConflict.status).in_(HELD))).all()
    versions = {h.id: row_version(spec, h.id, h.remote_json, h.remote_vv, h.status)
                for h in held}
    decided = {content_key(spec, here), content_key(spec, versions[row.id].values)}
    joined = vv_join_all([
        rec.effective_vv(spec, here, stored_vv, revision, sync_rev, my_device_id),
        *(v.vv for v in versions.values() if content_key(spec, v.values) in decided)])
    if choice == Keep.REMOTE:
        values = rec.bundle_to_local_values(spec, versions[row.id].values, tmap)
        values[3] = revision + 1
        sets = ", ".join(f"{c} = ?" for c in spec.local_columns[1:])
        conn.exec_driver_sql(
            f"UPDATE {spec.name} SET {sets}, sync_vv = ?, sync_rev = NULL, sync_seq = NULL "
            "WHERE id = ?", (*values[1:], rec.vv_dump(joined), row.record_id))
    else:
        conn.exec_driver_sql(
            f"UPDATE {spec.name} SET sync_vv = ?, sync_rev = NULL, sync_seq = NULL WHERE id = ?",
            (rec.vv_dump(joined), row.record_id))
    now = utcnow()
    for other in held:
        if other.id == row.id or rec.vv_leq(versions[other.id].vv, joined):
            other.status = (ConflictStatus.RESOLVED if other.id == row.id
                            else ConflictStatus.SUPERSEDED)
            other.resolution, other.resolved_by, other.resolved_at = choice, actor, now
            session.add(other)
    session.flush()
    return _view(session, row)
