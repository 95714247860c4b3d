"""Which tables travel in bundles, and how their rows become JSON lines and back.

Rows are read and written as the raw values SQLite stores (text timestamps
``YYYY-MM-DD HH:MM:SS.ffffff`` in UTC, dates ``YYYY-MM-DD``), so a record
arrives byte for byte as it left. Each line is a JSON array in the column
order the manifest lists, ending with the record's version vector.

Inspections name their checklist version by key (``template_id@version``)
instead of the row id, because each installation numbers its template rows
itself.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, DateTime, Float, Integer, Table
from sqlalchemy.engine import Connection

from inspector.services.sync.errors import BundleRefused
from inspector.storage import models

VV = dict[str, int]
VV_COLUMN = "_vv"
BOOKKEEPING = frozenset({"id", "created_at", "updated_at", "revision"})
TEMPLATE_COLUMN = "template"  # stands for inspections.template_version_id in bundles

_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_DATETIME = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,6})?$")
#: The integers SQLite stores (a larger one would fail only when the import commits).
_INT_MIN, _INT_MAX = -(2**63), 2**63 - 1


def _type_of(column: Any) -> Any:
    """The column's SQL type, looking through decorators (UTCDateTime wraps DateTime)."""
    kind = column.type
    return getattr(kind, "impl", kind)


def _kind(column: Any) -> str:
    kind = _type_of(column)
    if isinstance(kind, DateTime):
        return "datetime"
    if isinstance(kind, Date):
        return "date"
    if isinstance(kind, Integer):
        return "int"
    if isinstance(kind, Float):
        return "float"
    return "str"


@dataclass(frozen=True)
class TableSpec:
    name: str
    table: Table
    local_columns: tuple[str, ...]  # in the database, without sync bookkeeping
    columns: tuple[str, ...]  # in the bundle, without the trailing version vector
    content: tuple[int, ...]  # positions compared to decide "identical"
    template_position: int | None  # inspections: where the template key sits
    kinds: tuple[tuple[str, bool], ...] = ()  # (kind, nullable) per column


def _spec(model: Any) -> TableSpec:
    table: Table = model.__table__
    local = tuple(c.name for c in table.columns if c.name not in models.SYNC_COLUMNS)
    columns = tuple(TEMPLATE_COLUMN if c == "template_version_id" else c for c in local)
    return TableSpec(
        name=table.name,
        table=table,
        local_columns=local,
        columns=columns,
        content=tuple(i for i, c in enumerate(columns) if c not in BOOKKEEPING),
        template_position=columns.index(TEMPLATE_COLUMN) if TEMPLATE_COLUMN in columns else None,
        kinds=tuple(("str", False) if name == "template_version_id"
                    else (_kind(table.c[name]), bool(table.c[name].nullable)) for name in local),
    )


# Parents before children, so rows can be inserted in this order.
SPECS: dict[str, TableSpec] = {
    spec.name: spec for spec in (_spec(m) for m in models.SYNCED_TABLES)
}
ORDER = tuple(SPECS)
TEMPLATE_TABLE = "template_versions"
TEMPLATE_COLUMNS = ("template_id", "version", "title", "content", "sha256")


# -- version vectors -------------------------------------------------------

def vv_load(text: str | None) -> VV:
    return json.loads(text) if text else {}


VV_KEY = re.compile(r"~[0-9a-f]{16}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def vv_dump(vv: VV) -> str:
    """Canonical JSON of a version vector (keys are checked to need no escaping)."""
    if len(vv) == 1:
        for key, value in vv.items():
            return f'{{"{key}":{value}}}'
    return "{" + ",".join(f'"{key}":{vv[key]}' for key in sorted(vv)) + "}"


def vv_leq(a: VV, b: VV) -> bool:
    """Every edit a knows, b knows too."""
    return all(b.get(device, 0) >= count for device, count in a.items())


def vv_join(a: VV, b: VV) -> VV:
    return {d: max(a.get(d, 0), b.get(d, 0)) for d in sorted(a.keys() | b.keys())}


#: JSON as a bundle's lines hold it: compact, characters beyond ASCII as they are
#: (``json.dumps(value, ensure_ascii=False, separators=(",", ":"))``, without making
#: an encoder per call).
encode_json = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def origin_key(content_json: bytes) -> str:
    """The version vector key of a record never exchanged, from its content's JSON."""
    return f"~{hashlib.sha256(content_json).hexdigest()[:16]}"


def origin_vv(spec: TableSpec, values: Sequence[Any]) -> VV:
    """The first version of a record that was never exchanged: named by its content.

    Two installations that made the same record independently (the demo
    county, sites identified by their division codes) thus agree on its
    version, instead of seeing a conflict.
    """
    return {origin_key(encode_json(content_of(spec, values)).encode("utf-8")): 1}


def effective_vv(spec: TableSpec, values: Sequence[Any], stored: str | None, revision: int,
                 sync_rev: int | None, device_id: str) -> VV:
    """The local version vector, counting unsent local edits as one more edit by this device.

    ``values`` are the record's values in bundle form (used for a record never exchanged).
    """
    vv = vv_load(stored)
    if sync_rev is None or sync_rev != revision:
        if not vv:
            return origin_vv(spec, values)
        vv[device_id] = vv.get(device_id, 0) + 1
    return vv


# -- templates -------------------------------------------------------------

TEMPLATE_KEYS_SQL = "SELECT id, template_id, version, sha256 FROM template_versions"


@dataclass
class TemplateMap:
    """Local template row ids and their portable keys, both ways."""

    key_by_id: dict[str, str]
    id_by_key: dict[str, str]
    sha_by_key: dict[str, str]

    @classmethod
    def load(cls, conn: Connection) -> TemplateMap:
        return cls.from_rows(conn.exec_driver_sql(TEMPLATE_KEYS_SQL).fetchall())

    @classmethod
    def from_rows(cls, rows: Sequence[Sequence[Any]]) -> TemplateMap:
        key_by_id = {r[0]: f"{r[1]}@{r[2]}" for r in rows}
        return cls(
            key_by_id=key_by_id,
            id_by_key={k: i for i, k in key_by_id.items()},
            sha_by_key={f"{r[1]}@{r[2]}": r[3] for r in rows},
        )


# -- rows ------------------------------------------------------------------

def select_sql(spec: TableSpec, where: str = "", *, extra: Sequence[str] = ()) -> str:
    """The local columns, then sync_vv, revision, sync_rev and any ``extra`` columns."""
    cols = ", ".join((*spec.local_columns, "sync_vv", "revision", "sync_rev", *extra))
    return f"SELECT {cols} FROM {spec.name}" + (f" WHERE {where}" if where else "")


def check_bundle_row(spec: TableSpec, values: Any, line_no: int) -> None:
    """The row has the right length and every value the right type (or the bundle is refused)."""
    width = len(spec.columns) + 1
    if not isinstance(values, list) or len(values) != width:
        raise BundleRefused(f"records/{spec.name}.jsonl line {line_no}: wrong shape")
    # The same checks as check_batch makes for many rows at once.
    for value, (kind, nullable), name in zip(values, spec.kinds, spec.columns, strict=False):
        if not _column_ok(kind, nullable, [value]):
            raise BundleRefused(
                f"records/{spec.name}.jsonl line {line_no}: bad value for {name}: {value!r:.60}"
            )
    vv = values[-1]
    if not isinstance(vv, dict) or not all(
        isinstance(k, str) and VV_KEY.fullmatch(k) and type(v) is int and v > 0
        for k, v in vv.items()
    ):
        raise BundleRefused(f"records/{spec.name}.jsonl line {line_no}: bad version vector")


_TYPES: dict[str, set[type]] = {
    "str": {str}, "int": {int}, "float": {int, float}, "date": {str}, "datetime": {str},
}


def _column_ok(kind: str, nullable: bool, values: list[Any]) -> bool:
    """Every value is of the column's JSON type, and one the database stores and reads
    back: text that is valid Unicode (no lone surrogates from ``\\ud800``), integers
    SQLite holds, finite numbers, dates and timestamps of real days and times."""
    if nullable:
        values = [v for v in values if v is not None]
    if not values:
        return True
    types = set(map(type, values))
    if not types <= _TYPES[kind]:
        return False
    if int in types and not all(_INT_MIN <= v <= _INT_MAX for v in values if type(v) is int):
        return False
    if float in types and not all(map(math.isfinite, values)):
        return False
    if str in types:
        try:
            "".join(values).encode("utf-8")
        except UnicodeEncodeError:
            return False
    if kind == "date":
        return all(map(_DATE.fullmatch, values)) and all(map(_real_date, values))
    if kind == "datetime":
        return all(map(_DATETIME.fullmatch, values)) and all(map(_real_datetime, values))
    return True


def _real_date(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _real_datetime(text: str) -> bool:
    try:
        datetime.fromisoformat(text)
    except ValueError:
        return False
    return True


def check_batch(spec: TableSpec, rows: list[Any], first_line: int) -> None:
    """:func:`check_bundle_row` for many rows at once, column by column (the fast path)."""
    width = len(spec.columns) + 1
    ok = set(map(type, rows)) <= {list} and set(map(len, rows)) <= {width}
    if ok:
        for index, (kind, nullable) in enumerate(spec.kinds):
            if not _column_ok(kind, nullable, [row[index] for row in rows]):
                ok = False
                break
    if ok:
        vvs = [row[-1] for row in rows]
        ok = (set(map(type, vvs)) <= {dict}
              and all(map(VV_KEY.fullmatch, itertools.chain.from_iterable(vvs)))
              and all(type(n) is int and n > 0
                      for n in itertools.chain.from_iterable(v.values() for v in vvs)))
    if not ok:  # find the first bad row and say what is wrong with it
        for offset, row in enumerate(rows):
            check_bundle_row(spec, row, first_line + offset)


def content_of(spec: TableSpec, values: Sequence[Any]) -> tuple[Any, ...]:
    return tuple(values[i] for i in spec.content)


def local_to_bundle_values(spec: TableSpec, row: Sequence[Any], tmap: TemplateMap) -> list[Any]:
    """A local row's values in bundle form (no version vector)."""
    values = list(row[: len(spec.local_columns)])
    if spec.template_position is not None:
        values[spec.template_position] = tmap.key_by_id.get(values[spec.template_position], "?")
    return values


def bundle_to_local_values(spec: TableSpec, values: Sequence[Any],
                           tmap: TemplateMap) -> list[Any]:
    local = list(values[: len(spec.columns)])
    if spec.template_position is not None:
        key = local[spec.template_position]
        if key not in tmap.id_by_key:
            raise BundleRefused(
                f"数据包使用了本机没有的检查表版本 / the bundle uses a checklist version this "
                f"installation does not have: {key}"
            )
        local[spec.template_position] = tmap.id_by_key[key]
    return local


def as_dict(spec: TableSpec, values: Iterable[Any]) -> dict[str, Any]:
    return dict(zip(spec.columns, values, strict=False))
