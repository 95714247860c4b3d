"""Reading a bundle's manifest (``docs/bundle-format.md``): whatever the bytes are, the
answer is a :class:`~inspector.services.sync.bundle_format.Manifest` or
:class:`~inspector.services.sync.errors.BundleRefused`. Every field must be present, of its
type and in the format's own shape (lower-case UUIDs, UTC times), and no other field is
allowed: a writer's typo is not silently ignored. The signature is checked separately
(:func:`~inspector.services.sync.bundle_format.verify_signature`).
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from datetime import datetime
from typing import Any

from inspector.domain.values import BundleKind, Role, Scope
from inspector.services.sync.bundle_format import (
    FORMAT_NAME,
    KINDS,
    KNOWN_FORMAT_VERSIONS,
    MAX_INTEGER,
    Manifest,
    Member,
    Source,
    TableEntry,
    canonical_json,
    check_member_name,
)
from inspector.services.sync.errors import BundleRefused
from inspector.services.sync.identity import fingerprint_of

SCOPES = tuple(Scope)
#: The manifest's fields, all required; a manifest with any other field is refused.
MANIFEST_FIELDS = frozenset({
    "format", "format_version", "bundle_id", "kind", "source", "sequence", "created_at",
    "program_version", "scope", "templates", "tables", "counts", "members", "receipts",
})
SOURCE_FIELDS = frozenset({"device_id", "role", "name", "public_key", "fingerprint"})
TABLE_FIELDS = frozenset({"path", "columns", "count"})
MEMBER_FIELDS = frozenset({"path", "size", "sha256"})
RECEIPT_FIELDS = frozenset({"bundle_id", "device_id", "sequence", "manifest_sha256",
                            "imported_at"})
TEMPLATE_ENTRY_FIELDS = frozenset({"key", "sha256"})
SHA256_HEX = re.compile(r"^[0-9a-f]{64}$")
#: A UUID as this format writes it: lower-case 8-4-4-4-12 (no braces, no "urn:uuid:").
UUID_TEXT = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
#: ``created_at``: the writer's UTC time, ``YYYY-MM-DDTHH:MM:SSZ``.
CREATED_AT_FORMAT = "%Y-%m-%dT%H:%M:%SZ"
_CREATED_AT = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$")
#: A receipt's ``imported_at``: the office's UTC time, ``YYYY-MM-DD HH:MM:SS``.
_IMPORTED_AT = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}$")
TABLE_NAME = re.compile(r"^[a-z_]{1,40}$")


def _refuse(what: str) -> BundleRefused:
    return BundleRefused(f"清单格式错误 / the manifest is malformed: {what}")


def _get(obj: Any, key: str, kind: type | tuple[type, ...]) -> Any:
    if not isinstance(obj, dict) or key not in obj:
        raise _refuse(f"missing {key!r}")
    value = obj[key]
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise _refuse(f"{key!r} has the wrong type")
    return value


def _fields(obj: Any, expected: frozenset[str], what: str) -> None:
    """Every field present, and no other: a writer's typo is not silently ignored."""
    if not isinstance(obj, dict):
        raise _refuse(f"{what} is not an object")
    missing, extra = sorted(expected - obj.keys()), sorted(obj.keys() - expected)
    if missing:
        raise _refuse(f"{what}: missing {', '.join(map(repr, missing))}")
    if extra:
        raise _refuse(f"{what}: unknown {', '.join(map(repr, extra))}")


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")


def load_json(data: bytes | str) -> Any:
    """JSON from a bundle: ``NaN`` and ``Infinity`` are refused (canonical JSON has none)
    as well as numbers too large to hold; raises ValueError, or RecursionError for values
    nested too deeply to parse."""
    return json.loads(data, parse_constant=_no_constant)


def parse_manifest(data: bytes) -> Manifest:
    """Parse and check the manifest's shape; the signature is checked separately.

    Whatever the bytes are (nested a million levels deep, ``NaN``, numbers
    beyond any range), the answer is a manifest or :class:`BundleRefused`.
    """
    try:
        raw = load_json(data.decode("utf-8"))
        canonical = canonical_json(raw) == data
    except RecursionError:
        raise _refuse("nested too deeply") from None
    except ValueError as exc:  # not UTF-8, not JSON, NaN/Infinity, out of range
        raise _refuse(f"not JSON ({exc})") from None
    if _get(raw, "format", str) != FORMAT_NAME:
        raise BundleRefused("这不是检查数据包 / this is not an Inspector bundle")
    version = _get(raw, "format_version", int)
    if version not in KNOWN_FORMAT_VERSIONS:
        raise BundleRefused(
            f"数据包格式版本 {version} 不受支持，请升级程序 / bundle format version {version} "
            f"is not supported by this program (it reads {sorted(KNOWN_FORMAT_VERSIONS)})"
        )
    if not canonical:
        raise _refuse("not in canonical form")
    _fields(raw, MANIFEST_FIELDS, "manifest")
    _fields(raw["source"], SOURCE_FIELDS, "source")
    kind = _get(raw, "kind", str)
    if kind not in KINDS:
        raise _refuse(f"unknown kind {kind!r}")
    src = _get(raw, "source", dict)
    bundle_id = _uuid(raw, "bundle_id")
    device_id = _uuid(src, "device_id")
    try:
        public_key = base64.b64decode(_get(src, "public_key", str), validate=True)
        role = Role(_get(src, "role", str))
    except (ValueError, binascii.Error) as exc:
        raise _refuse(str(exc)) from None
    if len(public_key) != 32:
        raise _refuse("the public key is not 32 bytes")
    if _get(src, "fingerprint", str) != fingerprint_of(public_key):
        raise _refuse("the fingerprint is not the public key's")
    members = []
    for item in _get(raw, "members", list):
        _fields(item, MEMBER_FIELDS, "members")
        path = _get(item, "path", str)
        check_member_name(path)
        size = _get(item, "size", int)
        digest = _get(item, "sha256", str)
        if size < 0 or not SHA256_HEX.match(digest):
            raise _refuse(f"bad size or SHA-256 for {path!r}")
        members.append(Member(path, size, digest))
    tables = []
    for name, entry in sorted(_get(raw, "tables", dict).items()):
        if not TABLE_NAME.match(name):
            raise _refuse(f"table name {name!r}")
        _fields(entry, TABLE_FIELDS, f"tables.{name}")
        columns = tuple(_get(entry, "columns", list))
        if not all(isinstance(c, str) for c in columns):
            raise _refuse(f"columns of {name}")
        count = _get(entry, "count", int)
        if count < 0:
            raise _refuse(f"count of {name}")
        tables.append(TableEntry(name, _get(entry, "path", str), columns, count))
    sequence = _get(raw, "sequence", int)
    if not 1 <= sequence <= MAX_INTEGER:
        raise _refuse("sequence must be a positive number")
    templates = tuple(_get(raw, "templates", list))
    for entry in templates:
        _fields(entry, TEMPLATE_ENTRY_FIELDS, "templates")
        _get(entry, "key", str)
        if not SHA256_HEX.match(_get(entry, "sha256", str)):
            raise _refuse(f"templates: bad SHA-256 for {entry['key']!r}")
    counts = _get(raw, "counts", dict)
    if not all(type(v) is int and v >= 0 for v in counts.values()):
        raise _refuse("counts")
    scope = _get(raw, "scope", str)
    if scope not in SCOPES:
        raise _refuse(f"unknown scope {scope!r}")
    receipts = tuple(_get(raw, "receipts", list))
    for receipt in receipts:
        _check_receipt(receipt)
    return Manifest(
        bundle_id=bundle_id,
        kind=BundleKind(kind),
        source=Source(device_id, role, _get(src, "name", str), public_key),
        sequence=sequence,
        created_at=_created_at(raw),
        program_version=_get(raw, "program_version", str),
        scope=Scope(scope),
        templates=templates,
        tables=tuple(tables),
        members=tuple(members),
        receipts=receipts,
        counts=dict(counts),
        format_version=version,
    )


def _uuid(obj: Any, key: str) -> str:
    """A UUID field, exactly as the format writes it (lower case, 8-4-4-4-12)."""
    value = _get(obj, key, str)
    if not UUID_TEXT.match(value):
        raise _refuse(f"{key!r} is not a lower-case UUID (8-4-4-4-12): {value!r:.60}")
    return str(value)


def _created_at(raw: Any) -> str:
    """``created_at`` is UTC time as ``YYYY-MM-DDTHH:MM:SSZ``, and a real moment."""
    value = _get(raw, "created_at", str)
    try:
        if not _CREATED_AT.match(value):
            raise ValueError(value)
        datetime.strptime(value, CREATED_AT_FORMAT)
    except ValueError:
        raise _refuse(f"'created_at' is not UTC time written YYYY-MM-DDTHH:MM:SSZ: "
                      f"{value!r:.60}") from None
    return str(value)


def _check_receipt(receipt: Any) -> None:
    _fields(receipt, RECEIPT_FIELDS, "receipts")
    _uuid(receipt, "bundle_id")
    _uuid(receipt, "device_id")
    sequence = _get(receipt, "sequence", int)
    if not 1 <= sequence <= MAX_INTEGER:
        raise _refuse("receipts: sequence must be a positive number")
    if not SHA256_HEX.match(_get(receipt, "manifest_sha256", str)):
        raise _refuse("receipts: bad manifest SHA-256")
    imported_at = _get(receipt, "imported_at", str)
    try:
        if not _IMPORTED_AT.match(imported_at):
            raise ValueError(imported_at)
        datetime.strptime(imported_at, "%Y-%m-%d %H:%M:%S")
    except ValueError:
        raise _refuse(f"receipts: 'imported_at' is not YYYY-MM-DD HH:MM:SS: "
                      f"{imported_at!r:.60}") from None

