"""What an import does, in words: the kinds of record, what happens to each inspection or
assignment, and the short account shown once a bundle is imported. Shared by the import
preview and the Sync screen's Exchange tab; translated in the context of the preview."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from inspector.domain.values import InspectionStatus, ItemChange

if TYPE_CHECKING:
    from inspector.services.sync.import_summary import AssignmentLine, InspectionLine
    from inspector.services.sync.merge_preview import Preview


KIND_NAMES = {  # the kinds of record a bundle carries, in the order a user thinks of them
    "sites": QT_TRANSLATE_NOOP("ImportPreviewDialog", "Sites"),
    "inspectors": QT_TRANSLATE_NOOP("ImportPreviewDialog", "Inspectors"),
    "assignments": QT_TRANSLATE_NOOP("ImportPreviewDialog", "Assignments"),
    "inspections": QT_TRANSLATE_NOOP("ImportPreviewDialog", "Inspections"),
    "responses": QT_TRANSLATE_NOOP("ImportPreviewDialog", "Ratings and notes"),
    "photos": QT_TRANSLATE_NOOP("ImportPreviewDialog", "Photo records"),
    "inspection_events": QT_TRANSLATE_NOOP("ImportPreviewDialog", "History entries"),
}


CHANGE_NAMES = {  # what importing does to an inspection or assignment
    ItemChange.NEW: QT_TRANSLATE_NOOP("ImportPreviewDialog", "New"),
    ItemChange.UPDATED: QT_TRANSLATE_NOOP("ImportPreviewDialog", "Updated"),
    ItemChange.CONFLICT: QT_TRANSLATE_NOOP("ImportPreviewDialog",
                                           "Conflict: changed on both sides"),
    ItemChange.UNCHANGED: QT_TRANSLATE_NOOP("ImportPreviewDialog", "Already here, unchanged"),
    ItemChange.DELETED_HERE: QT_TRANSLATE_NOOP("ImportPreviewDialog",
                                               "Deleted here, stays deleted"),
    ItemChange.BROUGHT_BACK: QT_TRANSLATE_NOOP("ImportPreviewDialog", "Deleted here, comes back"),
}
SHORT_NAMES = {  # the same within a sentence: "东门社区教学点 2026-11-20 (new, 96.9%)"
    ItemChange.NEW: QT_TRANSLATE_NOOP("ImportPreviewDialog", "new"),
    ItemChange.UPDATED: QT_TRANSLATE_NOOP("ImportPreviewDialog", "updated"),
    ItemChange.CONFLICT: QT_TRANSLATE_NOOP("ImportPreviewDialog", "conflict"),
    ItemChange.UNCHANGED: QT_TRANSLATE_NOOP("ImportPreviewDialog", "unchanged"),
    ItemChange.DELETED_HERE: QT_TRANSLATE_NOOP("ImportPreviewDialog", "deleted here"),
    ItemChange.BROUGHT_BACK: QT_TRANSLATE_NOOP("ImportPreviewDialog", "brought back"),
}
STATUS_NAMES: dict[str, object] = {
    InspectionStatus.COMPLETED: QT_TRANSLATE_NOOP("ImportPreviewDialog", "Completed"),
    InspectionStatus.DRAFT: QT_TRANSLATE_NOOP("ImportPreviewDialog", "In progress"),
}
#: Inspections named in the message after an import; the rest are counted.
NAMED_AFTER_IMPORT = 3


def _tr(text: str) -> str:
    """A label marked with QT_TRANSLATE_NOOP above, in the UI language."""
    return QCoreApplication.translate("ImportPreviewDialog", text)


def change_name(change: ItemChange) -> str:
    return _tr(str(CHANGE_NAMES[change]))


def short_name(change: ItemChange) -> str:
    return _tr(str(SHORT_NAMES[change]))


def status_name(status: str) -> str:
    label = STATUS_NAMES.get(status)
    return _tr(str(label)) if label else status


def inspection_text(line: InspectionLine) -> str:
    """One inspection in a sentence: "东门社区教学点 2026-11-20 (new, 96.9%)"."""
    from inspector.domain.scoring import format_percent

    return QCoreApplication.translate("ImportPreviewDialog", "%1 %2 (%3, %4)").replace(
        "%1", line.site_name).replace("%2", str(line.visit_date or "")).replace(
        "%3", short_name(line.change)).replace("%4", format_percent(line.score))


def imported_text(preview: Preview) -> str:
    """What an import brought, in short: the inspections by name, else the assignments,
    else the records counted; and the new photos."""
    summary = preview.summary
    totals = preview.totals()
    changing = [line for line in summary.inspections if line.change != ItemChange.UNCHANGED]
    if changing:
        between = QCoreApplication.translate("ImportPreviewDialog", "; ")
        named = between.join(inspection_text(line) for line in changing[:NAMED_AFTER_IMPORT])
        more = len(changing) - NAMED_AFTER_IMPORT + summary.inspections_not_listed
        if more > 0:
            named += " " + QCoreApplication.translate("ImportPreviewDialog", "and %n more", "",
                                                      more)
        count = len(changing) + summary.inspections_not_listed
        text = QCoreApplication.translate(
            "ImportPreviewDialog", "Imported %n inspection(s): %1.", "", count).replace(
            "%1", named)
    elif any(line.change != ItemChange.UNCHANGED for line in summary.assignments):
        lines = [line for line in summary.assignments if line.change != ItemChange.UNCHANGED]
        count = len(lines)
        text = QCoreApplication.translate(
            "ImportPreviewDialog", "Imported %n assignment(s): %1.", "", count).replace(
            "%1", QCoreApplication.translate("ImportPreviewDialog", "; ").join(
                assignment_text(line) for line in lines[:NAMED_AFTER_IMPORT]))
    else:
        text = QCoreApplication.translate(
            "ImportPreviewDialog", "Imported: %1 new records, %2 updated, %3 conflicts.").replace(
            "%1", str(totals.new)).replace("%2", str(totals.updated)).replace(
            "%3", str(totals.conflicts))
    photos = totals.photos_new
    if photos:
        text += " " + QCoreApplication.translate("ImportPreviewDialog", "%n new photo(s).", "",
                                                 photos)
    return text


def assignment_text(line: AssignmentLine) -> str:
    return f"{line.site_name} {line.period_start or ''}–{line.period_end or ''} " \
           f"{line.inspector_name}".strip()
