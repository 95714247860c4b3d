"""Checklist templates in the database: the shipped files registered once, versions kept forever."""

from __future__ import annotations

import hashlib
import json
import logging

from sqlmodel import Session, col, select

from inspector import assets
from inspector.domain.templates import (
    ChecklistTemplate,
    TemplateError,
    load_template,
    parse_stored_template,
)
from inspector.storage.models import TemplateVersion

log = logging.getLogger(__name__)

DEFAULT_TEMPLATE_ID = "community-education-3tier"


def shipped_templates() -> list[ChecklistTemplate]:
    """Every template file that ships with the program, validated."""
    return [load_template(entry) for entry in assets.checklist_files()]


def _canonical(template: ChecklistTemplate) -> str:
    return json.dumps(template.raw, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def register(session: Session, template: ChecklistTemplate) -> TemplateVersion:
    """Store a template version unless it is there already; the same version may not change."""
    content = _canonical(template)
    digest = hashlib.sha256(content.encode("utf-8")).hexdigest()
    existing = session.exec(
        select(TemplateVersion).where(
            TemplateVersion.template_id == template.id,
            TemplateVersion.version == template.version,
        )
    ).first()
    if existing is not None:
        if existing.sha256 != digest:
            raise TemplateError(
                f"{template.key}: differs from the version already stored; "
                "a changed guideline needs a new version number"
            )
        return existing
    row = TemplateVersion(
        template_id=template.id,
        version=template.version,
        title=template.title.zh,
        content=content,
        sha256=digest,
    )
    session.add(row)
    session.flush()
    log.info("registered checklist template %s", template.key)
    return row


def register_shipped(session: Session) -> int:
    """Register the shipped templates that are not stored yet; how many were added.

    Runs at every start, so the usual case (all stored, unchanged) is one plain
    query rather than an ORM query per template.
    """
    stored = {
        (template_id, version): digest
        for template_id, version, digest in session.connection().exec_driver_sql(
            "SELECT template_id, version, sha256 FROM template_versions"
        )
    }
    added = 0
    for template in shipped_templates():
        digest = hashlib.sha256(_canonical(template).encode("utf-8")).hexdigest()
        if stored.get((template.id, template.version)) == digest:
            continue
        register(session, template)  # new, or refused for changing a stored version
        added += 1
    return added


def template_of(row: TemplateVersion) -> ChecklistTemplate:
    """The parsed template stored in a row (cached by content hash)."""
    return parse_stored_template(row.sha256, row.content, f"{row.template_id}@{row.version}")


def latest_version(session: Session, template_id: str = DEFAULT_TEMPLATE_ID) -> TemplateVersion:
    row = session.exec(
        select(TemplateVersion)
        .where(TemplateVersion.template_id == template_id)
        .order_by(col(TemplateVersion.version).desc())
    ).first()
    if row is None:
        raise LookupError(f"no checklist template '{template_id}' is installed")
    return row


def latest_template(session: Session, template_id: str = DEFAULT_TEMPLATE_ID) -> ChecklistTemplate:
    return template_of(latest_version(session, template_id))
