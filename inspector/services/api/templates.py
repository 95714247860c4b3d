"""The checklist templates (the guideline turned into criteria) this installation knows."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from inspector.domain.templates import ChecklistTemplate
    from inspector.services.context import AppContext


def latest_template(context: AppContext) -> ChecklistTemplate:
    """The newest registered template (the one a new inspection starts with)."""
    from inspector.services import templates

    with context.db.session() as session:
        return templates.latest_template(session)
