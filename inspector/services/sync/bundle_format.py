"""The bundle format, versions 1 and 2 (specified in ``docs/bundle-format.md``).

A bundle is a ZIP file holding exactly:

- ``manifest.json`` – canonical JSON (UTF-8, keys sorted, no spaces)
- ``manifest.sig`` – the 64-byte Ed25519 signature of those exact bytes
- ``records/<table>.jsonl`` – one JSON array per line, in the manifest's column order
- ``photos/<sha256>.<ext>`` – photo files as they are, stored without compression

This module holds the format's names, limits and kinds, the manifest as written and its
signature; reading a manifest received is :mod:`~inspector.services.sync.bundle_manifest`'s.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from dataclasses import dataclass, field
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from inspector.domain.values import BundleKind, Role, Scope
from inspector.services.sync.errors import BundleRefused
from inspector.services.sync.identity import fingerprint_of

FORMAT_NAME = "inspector-bundle"
#: The newest version this program writes; it writes version 1 whenever a bundle carries
#: nothing of the supervision loop, so that a laptop still on version 1 reads it.
FORMAT_VERSION = 2
KNOWN_FORMAT_VERSIONS = frozenset({1, 2})
MANIFEST_NAME = "manifest.json"
SIGNATURE_NAME = "manifest.sig"
SIGNATURE_SIZE = 64
KINDS = tuple(BundleKind)
BUNDLE_SUFFIX = ".inspector-bundle"

# Limits checked before a single byte is extracted.
MAX_MEMBERS = 200_000
MAX_MANIFEST_BYTES = 64 * 1024 * 1024
MAX_RECORDS_MEMBER_BYTES = 4 * 1024**3
MAX_PHOTO_BYTES = 256 * 1024 * 1024
MAX_TOTAL_BYTES = 256 * 1024**3
#: Compressed members together unpack to at most this many times their compressed size,
#: plus MAX_UNPACKED_BEYOND_RATIO: records of repetitive text (a long note written again
#: and again) compress far better than 200:1 and are fine, but a bundle can never make a
#: reader inflate more than a gigabyte beyond what its size explains (a zip bomb).
MAX_COMPRESSION_RATIO = 200
MAX_UNPACKED_BEYOND_RATIO = 1024**3
#: The longest records line (one record) a reader holds in memory.
MAX_RECORD_LINE_BYTES = 64 * 1024 * 1024
CHUNK = 1024 * 1024
#: The largest integer SQLite stores; a sequence number or a value beyond it is refused.
MAX_INTEGER = 2**63 - 1

#: The file types the photo store holds (``photo_image.EXTENSIONS``); no other may arrive.
PHOTO_EXTENSIONS = ("jpg", "png", "webp", "heic")

RECORDS_NAME = re.compile(r"^records/([a-z_]{1,40})\.jsonl$")
PHOTO_NAME = re.compile(rf"^photos/([0-9a-f]{{64}})\.({'|'.join(PHOTO_EXTENSIONS)})$")
_ANY_PHOTO_NAME = re.compile(r"^photos/[0-9a-f]{64}\.([^/]*)$")

#: The tables each kind of bundle may carry, in the order they are merged. Only the
#: office sends assignments and checklist versions; a receipt carries no records at all.
RESULTS_TABLES = ("sites", "inspectors", "inspections", "responses", "photos",
                  "inspection_events", "reinspection_checks")
TEMPLATE_TABLE = "template_versions"
KIND_TABLES: dict[BundleKind, tuple[str, ...]] = {
    BundleKind.RESULTS: RESULTS_TABLES,
    BundleKind.ASSIGNMENT: ("sites", "inspectors", "assignments", "inspections", "responses",
                            "photos", "inspection_events", "reviews", "review_comments",
                            "rectification_items", "reinspection_targets", TEMPLATE_TABLE),
    BundleKind.RECEIPT: (),
}
KNOWN_TABLES = frozenset(name for names in KIND_TABLES.values() for name in names)
#: The supervision loop's tables (reviews going back to a laptop, the items a re-inspection
#: verifies, its verdicts): only a bundle of format version 2 may name them.
VERSION_2_TABLES = frozenset({"reviews", "review_comments", "rectification_items",
                              "reinspection_targets", "reinspection_checks"})


def kind_tables(kind: BundleKind, version: int) -> tuple[str, ...]:
    """The tables a bundle of ``kind`` in format ``version`` may carry."""
    names = KIND_TABLES[kind]
    return names if version >= 2 else tuple(n for n in names if n not in VERSION_2_TABLES)
#: Who writes each kind of bundle, and who imports it.
KIND_MADE_BY = {BundleKind.RESULTS: Role.FIELD, BundleKind.ASSIGNMENT: Role.OFFICE,
                BundleKind.RECEIPT: Role.OFFICE}
KIND_IMPORTED_BY = {BundleKind.RESULTS: Role.OFFICE, BundleKind.ASSIGNMENT: Role.FIELD,
                    BundleKind.RECEIPT: Role.FIELD}
KIND_NAMES_ZH = {BundleKind.RESULTS: "检查结果", BundleKind.ASSIGNMENT: "任务",
                 BundleKind.RECEIPT: "回执"}


def kind_zh(kind: BundleKind) -> str:
    """A bundle kind's Chinese name."""
    return KIND_NAMES_ZH[kind]


def canonical_json(value: Any) -> bytes:
    """The one byte form of a JSON value that is signed: sorted keys, no spaces, UTF-8."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                      allow_nan=False).encode("utf-8")


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def check_member_name(name: str) -> None:
    """Refuse any name that is not one of the few shapes a bundle may hold."""
    if (
        not name
        or name.startswith(("/", "\\"))
        or "\\" in name
        or "\x00" in name
        or re.match(r"^[A-Za-z]:", name)
        or any(part in ("", ".", "..") for part in name.split("/"))
    ):
        raise BundleRefused(f"包内文件名不安全 / unsafe member name in the bundle: {name!r}")
    if name in (MANIFEST_NAME, SIGNATURE_NAME):
        return
    if RECORDS_NAME.match(name) or PHOTO_NAME.match(name):
        return
    other_photo = _ANY_PHOTO_NAME.match(name)
    if other_photo:
        raise BundleRefused(
            f"照片文件类型不受支持（只接受 {'、'.join(PHOTO_EXTENSIONS)}）/ unsupported photo "
            f"file type .{other_photo.group(1)} (allowed: {', '.join(PHOTO_EXTENSIONS)}): "
            f"{name!r}")
    raise BundleRefused(f"包内有未知文件 / unexpected member in the bundle: {name!r}")


@dataclass(frozen=True)
class Member:
    path: str
    size: int
    sha256: str


@dataclass(frozen=True)
class TableEntry:
    name: str
    path: str
    columns: tuple[str, ...]
    count: int


@dataclass(frozen=True)
class Source:
    device_id: str
    role: Role
    name: str
    public_key: bytes

    @property
    def fingerprint(self) -> str:
        return fingerprint_of(self.public_key)


@dataclass(frozen=True)
class Manifest:
    bundle_id: str
    kind: BundleKind
    source: Source
    sequence: int
    created_at: str
    program_version: str
    scope: Scope
    templates: tuple[dict[str, str], ...]
    tables: tuple[TableEntry, ...]
    members: tuple[Member, ...]
    receipts: tuple[dict[str, Any], ...] = ()
    counts: dict[str, int] = field(default_factory=dict)
    format_version: int = FORMAT_VERSION

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT_NAME,
            "format_version": self.format_version,
            "bundle_id": self.bundle_id,
            "kind": self.kind,
            "source": {
                "device_id": self.source.device_id,
                "role": self.source.role.value,
                "name": self.source.name,
                "public_key": base64.b64encode(self.source.public_key).decode("ascii"),
                "fingerprint": self.source.fingerprint,
            },
            "sequence": self.sequence,
            "created_at": self.created_at,
            "program_version": self.program_version,
            "scope": self.scope,
            "templates": list(self.templates),
            "tables": {
                t.name: {"path": t.path, "columns": list(t.columns), "count": t.count}
                for t in self.tables
            },
            "counts": dict(self.counts),
            "members": [
                {"path": m.path, "size": m.size, "sha256": m.sha256} for m in self.members
            ],
            "receipts": list(self.receipts),
        }

    def to_bytes(self) -> bytes:
        return canonical_json(self.to_json())

    def table(self, name: str) -> TableEntry | None:
        return next((t for t in self.tables if t.name == name), None)

    def photo_members(self) -> list[Member]:
        return [m for m in self.members if m.path.startswith("photos/")]


def verify_signature(manifest: Manifest, data: bytes, signature: bytes) -> None:
    """The signature must be by the key the manifest names; trust in that key is separate."""
    try:
        Ed25519PublicKey.from_public_bytes(manifest.source.public_key).verify(signature, data)
    except (InvalidSignature, ValueError):
        raise BundleRefused(
            "签名无效：数据包被改动过或不是由其声称的设备制作 / the signature is not valid: the "
            "bundle was changed or was not made by the device it names"
        ) from None
