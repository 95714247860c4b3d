"""Whose bundles this installation accepts.

- A field laptop pins the county office's key with the first assignment bundle
  it imports; later bundles signed by any other key are refused.
- The office accepts results only from devices it enrolled; an unknown device
  is enrolled only when the user says so after comparing its fingerprint. A
  device can be revoked; its bundles are refused from then on.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, col, select

from inspector.domain.values import DeviceStatus, Role, TrustStatus
from inspector.services.sync.bundle_format import KIND_IMPORTED_BY, Manifest, Source
from inspector.services.sync.errors import BundleRefused, SyncError
from inspector.services.sync.identity import ROLE_NAMES_ZH, DeviceIdentity, fingerprint_of
from inspector.storage.models import SyncDevice, utcnow

ACCEPTED_KINDS = {role: tuple(kind for kind, importer in KIND_IMPORTED_BY.items()
                              if importer is role) for role in Role}


@dataclass(frozen=True)
class DeviceInfo:
    id: str
    role: Role
    name: str
    fingerprint: str
    status: DeviceStatus
    trusted_at: str
    revoked_at: str | None
    inspectors: tuple[str, ...] = ()  # a field laptop: who uses it (recipients.py)


def _describe(source: Source) -> str:
    """The device once, after both halves of a bilingual message (the fingerprint is long)."""
    return (f"“{source.name}”（{source.device_id[:8]}）指纹 / fingerprint "
            f"{source.fingerprint}")


def check_source(session: Session, me: DeviceIdentity, manifest: Manifest,
                 trust_new_device: bool) -> TrustStatus:
    """Decide whether the bundle's signer is trusted here; refuse it otherwise."""
    role = me.require_role()
    source = manifest.source
    if source.device_id == me.device_id:
        raise BundleRefused("这个数据包是本机制作的 / this bundle was made by this installation")
    if manifest.kind not in ACCEPTED_KINDS[role]:
        raise BundleRefused(
            f"{ROLE_NAMES_ZH[role]}不能导入“{manifest.kind}”数据包 / "
            f"the {role.value} does not import {manifest.kind} bundles"
        )
    expected_role = Role.FIELD if role is Role.OFFICE else Role.OFFICE
    if source.role is not expected_role:
        raise BundleRefused(f"the bundle comes from a {source.role.value} installation, "
                            f"not from a {expected_role.value}")
    key_hex = source.public_key.hex()
    if role is Role.FIELD:
        office = session.exec(select(SyncDevice).where(SyncDevice.role == Role.OFFICE)).first()
        if office is None:
            return TrustStatus.PIN_OFFICE
        if office.id != source.device_id or office.public_key != key_hex:
            raise BundleRefused(
                f"签名密钥不是本机已认定的县级办公室密钥（{office.fingerprint}），拒绝导入 / "
                f"not signed by the county office key this laptop pinned "
                f"({office.fingerprint}): {_describe(source)}"
            )
        return TrustStatus.TRUSTED
    device = session.get(SyncDevice, source.device_id)
    if device is None:
        if trust_new_device:
            return TrustStatus.NEW_DEVICE
        raise BundleRefused(
            "未登记的设备，请核对指纹后选择信任 / unknown device; compare the fingerprint, "
            f"then trust it (--trust-new-device): {_describe(source)}"
        )
    if device.status == DeviceStatus.REVOKED:
        raise BundleRefused(f"设备已被撤销 / the device was revoked: {_describe(source)}")
    if device.public_key != key_hex:
        raise BundleRefused(
            f"设备的密钥与登记的不同（登记的指纹 {device.fingerprint}）/ the device's key is "
            f"not the one enrolled (fingerprint {device.fingerprint}): {_describe(source)}"
        )
    return TrustStatus.TRUSTED


def record_trust(session: Session, source: Source, status: TrustStatus, actor: str) -> None:
    """Enroll the new device or pin the office key (inside the import's transaction)."""
    if status is TrustStatus.TRUSTED:
        return
    session.add(SyncDevice(
        id=source.device_id,
        role=source.role,
        name=source.name,
        public_key=source.public_key.hex(),
        fingerprint=source.fingerprint,
        status=DeviceStatus.TRUSTED,
        trusted_by=actor,
    ))
    session.flush()


def list_devices(session: Session) -> list[DeviceInfo]:
    from inspector.services.sync.recipients import device_inspectors

    rows = session.exec(select(SyncDevice).order_by(col(SyncDevice.trusted_at))).all()
    return [
        DeviceInfo(r.id, r.role, r.name, r.fingerprint or fingerprint_of(bytes.fromhex(
            r.public_key)), r.status, str(r.trusted_at)[:19],
            str(r.revoked_at)[:19] if r.revoked_at else None,
            tuple(device_inspectors(session, r.id)))
        for r in rows
    ]


def find_device(session: Session, prefix: str) -> SyncDevice:
    matches = [d for d in session.exec(select(SyncDevice)).all() if d.id.startswith(prefix)]
    if len(matches) != 1:
        raise SyncError(f"{'没有' if not matches else '不止一个'}设备的编号以 {prefix} 开头 / "
                        f"{'no' if not matches else 'more than one'} device id starts with "
                        f"{prefix!r}")
    return matches[0]


def revoke(session: Session, device_prefix: str, actor: str, reason: str = "") -> SyncDevice:
    """Refuse this device's bundles from now on (its past imports stay)."""
    device = find_device(session, device_prefix)
    if device.role == Role.OFFICE:
        raise SyncError("不能撤销县级办公室的密钥 / the pinned office key cannot be revoked here")
    if device.status == DeviceStatus.REVOKED:
        raise SyncError(f"设备 {device.name} 已被撤销 / already revoked")
    device.status = DeviceStatus.REVOKED
    device.revoked_at = utcnow()
    device.revoked_by = actor
    device.revoke_reason = reason
    session.add(device)
    session.flush()
    return device
