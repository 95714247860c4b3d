"""Every dialog class of the window, made with small but real arguments (for the GUI tests).

:data:`FACTORIES` names each class of :func:`dialog_classes` with a function that makes
one and says which of its buttons accepts it (the one Enter should press).
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import photo_samples as samples
from ledger_helpers import LETTER_DIALOGS
from office_ui_helpers import OFFICE_DIALOGS
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton
from pytestqt.qtbot import QtBot
from ui_helpers import LOAD_TIMEOUT_MS

import inspector.ui
from inspector.app_paths import AppPaths
from inspector.domain.scoring import summarize
from inspector.domain.tiers import Tier
from inspector.services.context import AppContext, open_context
from inspector.services.inspections import Problem
from inspector.services.templates import shipped_templates
from inspector.ui.core.operations import Operations
from inspector.ui.core.settings import UiSettings
from inspector.ui.core.worker import Worker
from inspector.ui.dialogs.start import StartInspectionDialog

VILLAGE = "上塘村教学站"


def dialog_classes() -> dict[str, type[QDialog]]:
    """Every QDialog subclass defined in a module of ``inspector/ui``."""
    found: dict[str, type[QDialog]] = {}
    for module_info in pkgutil.walk_packages(inspector.ui.__path__, "inspector.ui."):
        if module_info.name == "inspector.ui.app":  # the entry point: no dialog of its own
            continue
        module = importlib.import_module(module_info.name)
        for name, value in vars(module).items():
            if (inspect.isclass(value) and issubclass(value, QDialog)
                    and value.__module__ == module.__name__):
                found[name] = value
    return found


@dataclass
class Env:
    """What the dialogs need, made on first use (a data folder, a worker)."""

    tmp_path: Path
    qtbot: QtBot
    worker: Worker = field(default_factory=Worker)
    contexts: list[AppContext] = field(default_factory=list)
    cleanups: list[Callable[[], None]] = field(default_factory=list)

    def context(self, name: str = "data") -> AppContext:
        context = open_context(AppPaths.resolve(self.tmp_path / name))
        self.contexts.append(context)
        return context


def _standard(dialog: QDialog, which: QDialogButtonBox.StandardButton) -> QPushButton:
    for box in dialog.findChildren(QDialogButtonBox):
        button = box.button(which)
        if button is not None:
            return button
    raise AssertionError(f"{type(dialog).__name__} has no {which}")


def _finish_parts() -> tuple[object, object]:
    from inspector.services.api.inspections import ChecklistData, FinishCheck

    template = shipped_templates()[0]
    criteria = template.criteria(Tier.VILLAGE)
    data = ChecklistData(
        inspection_id="i", site_id="s", site_name=VILLAGE, tier=Tier.VILLAGE.value,
        status="draft", visit_date=date(2026, 11, 28), inspectors="王芳", site_staff="",
        completed_at=None, general_note="", template=template, answers={})
    check = FinishCheck([Problem(criteria[0].id, "unrated")],
                        summarize(template, Tier.VILLAGE, {}))
    return data, check


def _start(env: Env) -> tuple[QDialog, QPushButton]:
    dialog = StartInspectionDialog(VILLAGE, "", [])
    return dialog, dialog.start_button


def _details(env: Env) -> tuple[QDialog, QPushButton]:
    from inspector.ui.dialogs.details import InspectionDetailsDialog

    dialog = InspectionDetailsDialog(VILLAGE, date(2026, 11, 28), "王芳", "", None)
    return dialog, dialog.ok_button


def _missing(env: Env) -> tuple[QDialog, QPushButton]:
    from inspector.ui.dialogs.finish import MissingDialog

    data, check = _finish_parts()
    dialog = MissingDialog(check, data, {}, "zh")  # type: ignore[arg-type]
    return dialog, dialog.go_button


def _summary(env: Env) -> tuple[QDialog, QPushButton]:
    from inspector.ui.dialogs.finish import SummaryDialog

    data, check = _finish_parts()
    dialog = SummaryDialog(check, data.template, "王芳", comment="总体良好")  # type: ignore[arg-type, attr-defined]
    return dialog, dialog.complete_button


def _reopen(env: Env) -> tuple[QDialog, QPushButton]:
    from inspector.ui.dialogs.finish import ReopenDialog

    dialog = ReopenDialog("王芳")
    return dialog, dialog.reopen_button


def _settings(env: Env) -> tuple[QDialog, QPushButton]:
    from inspector.ui.dialogs.settings import SettingsDialog

    dialog = SettingsDialog(UiSettings())
    return dialog, _standard(dialog, QDialogButtonBox.StandardButton.Ok)


def _assignment(env: Env) -> tuple[QDialog, QPushButton]:
    from inspector.ui.dialogs.sync_assignments import AssignmentDialog

    dialog = AssignmentDialog([("s", VILLAGE)])
    return dialog, _standard(dialog, QDialogButtonBox.StandardButton.Ok)


def _error_report(env: Env) -> tuple[QDialog, QPushButton]:
    from inspector.ui.core.errors import ErrorReportDialog

    dialog = ErrorReportDialog("Traceback …")  # it only informs: Enter closes it
    return dialog, _standard(dialog, QDialogButtonBox.StandardButton.Close)


def _backups(env: Env) -> tuple[QDialog, QPushButton]:
    from inspector.ui.dialogs.backups import BackupsDialog

    context = env.context()
    dialog = BackupsDialog(context.paths, Operations(env.worker), lambda: None)
    return dialog, dialog.restore_button  # which asks before anything is replaced


def _check(env: Env) -> tuple[QDialog, QPushButton]:
    from inspector.ui.dialogs.check import CheckDialog

    context = env.context()
    dialog = CheckDialog(context.paths, Operations(env.worker), lambda: context, lambda: "王芳")
    return dialog, dialog.close_button  # it reports; its Cancel stops a running check


def _viewer(env: Env) -> tuple[QDialog, QPushButton]:
    from inspector.services.photo_import import add_photos
    from inspector.services.photos import photos_for
    from inspector.ui.dialogs.photo_viewer import PhotoViewer

    context = env.context()
    visit = samples.start_visit(context)
    files = [samples.jpeg(env.tmp_path / f"m{n}.jpg", seed=n) for n in (1, 2)]
    with context.db.session() as session:
        add_photos(session, visit.store, visit.inspection_id, None, files)
        records = photos_for(session, visit.inspection_id, None)
    dialog = PhotoViewer(Operations(env.worker), context, records, 0, False)
    return dialog, dialog.next_button  # Enter, also after a caption: the next photo


def _import_preview(env: Env) -> tuple[QDialog, QPushButton]:
    from sync_helpers import completed_inspection, installation

    from inspector.services.sync.export import export_bundle
    from inspector.services.sync.identity import Role
    from inspector.services.sync.importer import prepare_import
    from inspector.ui.dialogs.sync_import import ImportPreviewDialog

    field_laptop = installation(env.tmp_path, "field", Role.FIELD)
    office = installation(env.tmp_path, "office", Role.OFFICE)
    env.contexts += [field_laptop, office]
    completed_inspection(field_laptop, photos=0)
    prepared = prepare_import(office, export_bundle(field_laptop, env.tmp_path / "b").path,
                              trust_new_device=True)
    env.cleanups.append(prepared.discard)
    dialog = ImportPreviewDialog(prepared)
    return dialog, dialog.import_button


def _folder_message(env: Env) -> tuple[QDialog, QPushButton]:
    from inspector.ui.dialogs.data_folder import FolderMessage

    dialog = FolderMessage(env.tmp_path / "data")  # there to say where: Enter copies the path
    return dialog, dialog.copy_button


def _progress(env: Env) -> tuple[QDialog, QPushButton | None]:
    from inspector.ui.core.progress import ProgressDialog

    dialog = ProgressDialog("打印")  # nothing to accept: Enter must not press Cancel either
    dialog.view.hold("正在准备报告……")
    return dialog, None


def _missing_items(env: Env) -> tuple[QDialog, QPushButton]:
    from inspector.ui.pages.reinspection.finish import MissingItemsDialog

    dialog = MissingItemsDialog([Problem("c1", "unrated"), Problem("c2", "note_required")],
                                {"c1": "1. 有固定的教学场所", "c2": "3. 有志愿者队伍"})
    return dialog, dialog.go_button


def _complete_reinspection(env: Env) -> tuple[QDialog, QPushButton]:
    from inspector.ui.pages.reinspection.finish import CompleteReinspectionDialog

    dialog = CompleteReinspectionDialog(2, 1, "王芳")
    return dialog, dialog.complete_button


FACTORIES: dict[str, Callable[[Env], tuple[QDialog, QPushButton | None]]] = {
    "ProgressDialog": _progress,
    "StartInspectionDialog": _start,
    "InspectionDetailsDialog": _details,
    "MissingDialog": _missing,
    "SummaryDialog": _summary,
    "ReopenDialog": _reopen,
    "SettingsDialog": _settings,
    "AssignmentDialog": _assignment,
    "ErrorReportDialog": _error_report,
    "BackupsDialog": _backups,
    "CheckDialog": _check,
    "PhotoViewer": _viewer,
    "ImportPreviewDialog": _import_preview,
    "FolderMessage": _folder_message,
    "MissingItemsDialog": _missing_items,
    "CompleteReinspectionDialog": _complete_reinspection,
}
# The supervision loop's dialogs at the office, made small but real by their own helpers.
FACTORIES.update(OFFICE_DIALOGS)
FACTORIES.update(LETTER_DIALOGS)




@contextmanager
def dialog_env(tmp_path: Path, qtbot: QtBot) -> Iterator[Env]:
    """An :class:`Env`, its worker stopped and its data folders closed afterwards."""
    made = Env(tmp_path, qtbot)
    try:
        yield made
    finally:
        made.worker.cancel_all()
        made.worker.wait(LOAD_TIMEOUT_MS)
        for cleanup in made.cleanups:
            cleanup()
        for context in made.contexts:
            context.close()
