"""Starting a re-inspection from its assignment (from the start dialog of its site, or from
the Sync screen's assignments): one write that makes the re-inspection, with a check per
item, and records who of the site was present."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from inspector.services import api
from inspector.ui.core.operations import RESULT, Change, Operation, Operations

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from inspector.services.context import AppContext


def start_reinspection(ops: Operations, parent: QWidget | None, context: AppContext,
                       assignment_id: str, visit_date: date, inspectors: str, site_staff: str,
                       also: Callable[[], object] | None = None) -> Operation[str]:
    """The operation (to start) making the re-inspection of ``assignment_id``; its result
    is the new inspection's id. ``also`` runs in the same job once it is made (remembering
    the inspectors for the next start)."""

    def start(_control: object) -> str:
        started = api.office.start_reinspection(context, assignment_id, visit_date, inspectors)
        if site_staff:
            api.inspections.save_details(context, started, visit_date, inspectors, site_staff)
        if also is not None:
            also()
        return started

    return ops.write(parent, start, "start re-inspection",
                     changes=Change.INSPECTION | Change.ASSIGNMENTS, inspection_id=RESULT)
