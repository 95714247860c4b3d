"""Which inspectors use which field laptop, as the office records it, so that an assignment
bundle addressed to a laptop carries what concerns it only: the assignments naming its
inspectors, the inspections it made that the office returned, and the items its
re-inspections verify (:mod:`~inspector.services.sync.export_contents`)."""

from __future__ import annotations

from collections.abc import Iterable

from sqlmodel import Session, col, select

from inspector.domain.values import DeviceStatus, Role
from inspector.services import text_limits
from inspector.services.sync.errors import SyncError
from inspector.services.sync.export_contents import Recipient, names_in
from inspector.storage.models import DeviceInspector, SyncDevice


def _laptop(session: Session, device_id: str) -> SyncDevice:
    device = session.get(SyncDevice, device_id)
    if device is None or device.role != Role.FIELD:
        raise SyncError(f"没有这台外业笔记本 / no such field laptop: {device_id}")
    return device


def device_inspectors(session: Session, device_id: str) -> list[str]:
    return list(session.exec(select(DeviceInspector.name)
                             .where(DeviceInspector.device_id == device_id)
                             .order_by(col(DeviceInspector.name))).all())


def set_device_inspectors(session: Session, device_id: str, names: Iterable[str]) -> list[str]:
    """Record who uses the laptop (replacing what was recorded)."""
    _laptop(session, device_id)
    wanted = sorted({n for text in names for n in names_in(text)})
    for name in wanted:
        text_limits.check_text(text_limits.ACTOR, name, SyncError)
    for row in session.exec(select(DeviceInspector)
                            .where(DeviceInspector.device_id == device_id)).all():
        if row.name not in wanted:
            session.delete(row)
    have = set(device_inspectors(session, device_id))
    for name in wanted:
        if name not in have:
            session.add(DeviceInspector(device_id=device_id, name=name))
    session.flush()
    return wanted


def recipient_of(session: Session, device_id: str) -> Recipient:
    """The laptop as an addressee: trusted, and with the inspectors who use it."""
    device = _laptop(session, device_id)
    if device.status != DeviceStatus.TRUSTED:
        raise SyncError(f"笔记本“{device.name}”已被吊销，不能再给它发送数据包 / the laptop "
                        f"{device.name} is revoked: nothing is sent to it")
    names = frozenset(device_inspectors(session, device_id))
    if not names:
        raise SyncError(f"还没有登记谁使用笔记本“{device.name}”，请先登记其检查人员 / nobody is "
                        f"recorded as using the laptop {device.name}: record its inspectors "
                        "first")
    return Recipient(device.id, names)
