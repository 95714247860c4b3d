"""Enter does what the dialog is for: the accepting button is the default, never Cancel.

Every dialog class of ``inspector/ui`` is made with small but real arguments and shown;
its default button (the one Enter presses) must be the one that accepts: Start, OK,
Complete, Import… (a dialog that only informs: the button that closes it). A new dialog
class fails :func:`test_every_dialog_class_is_checked` until it is added to
``tests/dialog_factories.py``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from dialog_factories import FACTORIES, VILLAGE, Env, dialog_classes, dialog_env
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QPushButton
from pytestqt.qtbot import QtBot
from ui_helpers import LOAD_TIMEOUT_MS, open_window

from inspector.services.context import AppContext, open_context
from inspector.services.inspections import list_inspections, load_state
from inspector.ui.dialogs.start import StartInspectionDialog
from inspector.ui.pages.checklist.inspection_controller import InspectionController, last_inspectors


@pytest.fixture
def env(tmp_path: Path, qtbot: QtBot) -> Iterator[Env]:
    with dialog_env(tmp_path, qtbot) as made:
        yield made


def test_every_dialog_class_is_checked() -> None:
    assert sorted(dialog_classes()) == sorted(FACTORIES)


@pytest.mark.parametrize("name", sorted(FACTORIES))
def test_enter_presses_the_accepting_button(name: str, env: Env, qtbot: QtBot) -> None:
    dialog, accepting = FACTORIES[name](env)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    defaults = [button for button in dialog.findChildren(QPushButton)
                if button.isDefault() and button.isVisible()]
    assert defaults == ([accepting] if accepting else []), (name, [b.text() for b in defaults])
    cancel = [box.button(QDialogButtonBox.StandardButton.Cancel)
              for box in dialog.findChildren(QDialogButtonBox)]
    if accepting is not None:
        assert accepting not in cancel and "Cancel" not in accepting.text()
    else:  # nothing to accept (progress): Enter presses no button at all
        assert not any(button.autoDefault() and button.isVisible()
                       for button in dialog.findChildren(QPushButton))
    dialog.close()


def test_typing_the_names_and_pressing_enter_starts_the_inspection(
    qtbot: QtBot, demo_context: AppContext, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The issue's walk: names typed into the start dialog, Enter; then the next start
    dialog comes with the same names filled in, and Enter from another field starts too."""
    paths = demo_context.paths
    demo_context.close()
    typed: list[str] = []

    def type_and_press_enter(dialog: QDialog) -> int:
        assert isinstance(dialog, StartInspectionDialog)
        dialog.show()
        dialog.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=LOAD_TIMEOUT_MS)
        focus = QApplication.focusWidget()
        typed.append(dialog.inspectors.text())
        if not dialog.inspectors.text():
            assert focus is dialog.inspectors  # nothing to suggest: the names come first
            qtbot.keyClicks(focus, "Wang Fang, Li Ming")
        else:
            assert focus is dialog.site_staff
            qtbot.keyClicks(focus, "Zhang Qiang")
        dialog.visit_date.setDate(QDate(2026, 11, 28))
        qtbot.keyClick(focus, Qt.Key.Key_Return)
        return dialog.result()

    monkeypatch.setattr(QDialog, "exec", type_and_press_enter)
    with open_window(qtbot, paths) as window:
        controller = window.inspections
        assert isinstance(controller, InspectionController)
        for site_name in (VILLAGE, "溪口村教学站"):
            site = window.tree.site_named(site_name)
            assert site is not None
            window.tree.select_site(site.id)
            assert window.history.start_button.isEnabled()
            with qtbot.waitSignal(controller.opened, timeout=LOAD_TIMEOUT_MS):
                window.history.start_button.click()
            page = window.checklist
            assert page is not None and page.data is not None
            assert page.data.site_name == site.name
            assert page.data.inspectors == "Wang Fang, Li Ming"
        assert typed == ["", "Wang Fang, Li Ming"]
        assert last_inspectors(paths.settings_file) == "Wang Fang, Li Ming"
    context = open_context(paths)
    try:
        with context.db.session() as session:
            drafts = [listing for listing in list_inspections(session)
                      if listing.status == "draft"]
            assert len(drafts) == 2
            staff = {load_state(session, d.id).inspection.site_staff for d in drafts}
            assert staff == {"", "Zhang Qiang"}
    finally:
        context.close()
