"""Checklist template versions in bundles: known ones must match, assignments bring new ones."""

from __future__ import annotations

import json
import uuid

from sqlalchemy.engine import Connection

from inspector.domain.templates import TemplateError, parse_template
from inspector.services.control import NullControl
from inspector.services.sync import bundle_format as bf
from inspector.services.sync import records as rec
from inspector.services.sync.errors import BundleRefused
from inspector.services.sync.streams import member_of, records_of
from inspector.services.sync.verify import OpenedBundle, open_zip
from inspector.storage.models import utcnow


def check_templates(conn: Connection, opened: OpenedBundle, tmap: rec.TemplateMap,
                    write: bool) -> list[str]:
    """Check the bundle's checklist versions against ours; an assignment may bring new ones.

    Returns the keys of the versions that are (or, without ``write``, would be) added.
    """
    added: list[str] = []
    for entry in opened.manifest.templates:
        known = tmap.sha_by_key.get(entry["key"])
        if known is not None and known != entry["sha256"]:
            raise BundleRefused(f"检查表版本 {entry['key']} 与本机的不同 / the checklist version "
                                f"{entry['key']} differs from the one installed here")
    table = opened.manifest.table(rec.TEMPLATE_TABLE)
    if table is None:
        return added
    if table.columns != rec.TEMPLATE_COLUMNS:
        raise BundleRefused("template_versions: unknown columns")
    with open_zip(opened.path) as zf:
        for first, rows in records_of(zf, member_of(opened, table.path), NullControl()):
            for line_no, row in enumerate(rows, first):
                if (not isinstance(row, list) or len(row) != 5 or not all(
                        isinstance(v, str) for i, v in enumerate(row) if i != 1)
                        or not isinstance(row[1], int)):
                    raise BundleRefused(f"template_versions line {line_no}: wrong shape")
                template_id, version, title, content, sha = row
                key = f"{template_id}@{version}"
                if bf.sha256_hex(content.encode("utf-8")) != sha:
                    raise BundleRefused(f"检查表 {key} 内容与摘要不符 / checklist {key}: "
                                        "content and SHA-256 differ")
                if key in tmap.sha_by_key:
                    if tmap.sha_by_key[key] != sha:
                        raise BundleRefused(f"检查表版本 {key} 与本机的不同 / the checklist "
                                            f"version {key} differs from the one installed here")
                    continue
                try:
                    template = parse_template(json.loads(content), key)
                except (TemplateError, ValueError) as exc:
                    raise BundleRefused(f"本程序无法读取检查表 {key}，请升级 / this program "
                                        f"cannot read the checklist {key}: {exc}") from None
                if (template.id, template.version) != (template_id, version):
                    raise BundleRefused(f"checklist {key}: its content names another version")
                new_id = str(uuid.uuid4())
                if write:
                    now = str(utcnow().replace(tzinfo=None))
                    conn.exec_driver_sql(
                        "INSERT INTO template_versions (id, created_at, updated_at, revision,"
                        " template_id, version, title, content, sha256) VALUES"
                        " (?, ?, ?, 1, ?, ?, ?, ?, ?)",
                        (new_id, now, now, template_id, version, title, content, sha))
                tmap.id_by_key[key] = new_id
                tmap.key_by_id[new_id] = key
                tmap.sha_by_key[key] = sha
                added.append(key)
    return added
