"""This installation's identity: its role, a device id and an Ed25519 key pair.

Made once, at first use, and kept in ``<data dir>/device/`` with owner-only
permissions: ``identity.json`` (id, role, name) and ``private_key.pem``.
The role (county office or field laptop) is chosen at first start; changing
it later must be asked for explicitly.
"""

from __future__ import annotations

import base64
import hashlib
import json
import platform
import threading
import uuid
from dataclasses import dataclass, replace
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from inspector.app_paths import AppPaths
from inspector.domain.values import Role
from inspector.durable import write_atomic
from inspector.services.sync.errors import SyncError
from inspector.storage.models import utcnow

ROLE_NAMES_ZH = {Role.OFFICE: "县级办公室", Role.FIELD: "外业笔记本"}
ROLE_NAMES_EN = {Role.OFFICE: "the county office", Role.FIELD: "a field laptop"}
ROLE_LABELS = {Role.OFFICE: "县级办公室 / county office", Role.FIELD: "外业笔记本 / field laptop"}


def fingerprint_of(public_key: bytes) -> str:
    """SHA-256 of the raw public key, first 16 bytes as 8 groups of 4 hex digits (to read aloud)."""
    digest = hashlib.sha256(public_key).hexdigest()[:32].upper()
    return " ".join(digest[i:i + 4] for i in range(0, 32, 4))


@dataclass(frozen=True)
class DeviceIdentity:
    device_id: str
    role: Role | None
    name: str
    created_at: str
    private_key: Ed25519PrivateKey

    @property
    def public_key(self) -> bytes:
        return self.private_key.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )

    @property
    def public_key_b64(self) -> str:
        return base64.b64encode(self.public_key).decode("ascii")

    @property
    def fingerprint(self) -> str:
        return fingerprint_of(self.public_key)

    def sign(self, data: bytes) -> bytes:
        return self.private_key.sign(data)

    def require_role(self) -> Role:
        if self.role is None:
            raise SyncError(
                "尚未选择本机角色，请先运行 inspector init --role office 或 field / "
                "this installation has no role yet: run `inspector init --role office|field`"
            )
        return self.role


def _folder(paths: AppPaths) -> Path:
    return paths.data_dir / "device"


def _read(paths: AppPaths) -> DeviceIdentity | None:
    folder = _folder(paths)
    meta_file, key_file = folder / "identity.json", folder / "private_key.pem"
    if not meta_file.exists() or not key_file.exists():
        return None
    try:
        meta = json.loads(meta_file.read_text("utf-8"))
        key = serialization.load_pem_private_key(key_file.read_bytes(), password=None)
    except (OSError, ValueError) as exc:
        raise SyncError(f"本机身份文件已损坏 / the device identity in {folder} is damaged: "
                        f"{exc}") from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise SyncError(f"{key_file}: not an Ed25519 key")
    role = meta.get("role")
    return DeviceIdentity(
        device_id=str(uuid.UUID(meta["device_id"])),
        role=Role(role) if role else None,
        name=str(meta.get("name", "")),
        created_at=str(meta.get("created_at", "")),
        private_key=key,
    )


def _save(paths: AppPaths, identity: DeviceIdentity) -> None:
    folder = _folder(paths)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    folder.chmod(0o700)
    key_file = folder / "private_key.pem"
    if not key_file.exists():
        pem = identity.private_key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        write_atomic(key_file, pem, folder_exists=True, private=True)
    meta = {
        "device_id": identity.device_id,
        "role": identity.role.value if identity.role else None,
        "name": identity.name,
        "created_at": identity.created_at,
    }
    write_atomic(folder / "identity.json",
                 json.dumps(meta, ensure_ascii=False, indent=2).encode("utf-8"),
                 folder_exists=True, private=True)


def load_identity(paths: AppPaths) -> DeviceIdentity | None:
    """The identity if it was made already (None on a fresh installation)."""
    return _read(paths)


# Made or changed by one thread at a time: at first start the window's role question
# and the Sync screen may both ask for the identity at once, and two fresh keys must
# not race (the key kept on disk would not be the one a caller signs with).
_WRITING = threading.RLock()


def ensure_identity(paths: AppPaths) -> DeviceIdentity:
    """The identity, made now (without a role) if this is the first use."""
    with _WRITING:
        return _read(paths) or _create(paths)


def _create(paths: AppPaths) -> DeviceIdentity:
    paths.ensure()
    identity = DeviceIdentity(
        device_id=str(uuid.uuid4()),
        role=None,
        name=platform.node() or "inspector",
        created_at=utcnow().isoformat(),
        private_key=Ed25519PrivateKey.generate(),
    )
    _save(paths, identity)
    return identity


class RoleChangeError(SyncError):
    pass


def set_role(paths: AppPaths, role: Role, *, name: str | None = None,
             confirm_change: bool = False) -> DeviceIdentity:
    """Choose the role; changing an existing one needs ``confirm_change``."""
    with _WRITING:
        return _set_role(paths, role, name, confirm_change)


def _set_role(paths: AppPaths, role: Role, name: str | None,
              confirm_change: bool) -> DeviceIdentity:
    identity = ensure_identity(paths)
    if identity.role is not None and identity.role != role and not confirm_change:
        raise RoleChangeError(
            f"本机已经是{ROLE_NAMES_ZH[identity.role]}，更改角色需要确认（--change-role）/ this "
            f"installation is already {ROLE_NAMES_EN[identity.role]}; changing the role needs "
            "explicit confirmation (--change-role)"
        )
    updated = replace(identity, role=role, name=name.strip() if name else identity.name)
    _save(paths, updated)
    return updated
