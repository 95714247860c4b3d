"""No two shortcut letters (Alt+letter) clash in one window, in English or in Chinese.

Alt+S used to open the Settings menu and also mean 开始检查 on the site list (and two
fields of the start dialog); Alt+F was both the File menu and 完成检查 on the checklist
page, where the File menu then never opened. Here every page of the main window (the
site list, a checklist with its indicators, general photos and overall comment, a
completed inspection, each tab of the sync screen) and every dialog is shown, and the
letters of everything reachable at that moment are compared: the menu bar's menus,
buttons, labels of fields, tabs. Each menu's own entries are compared among themselves.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest
from dialog_factories import FACTORIES, dialog_env
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QMainWindow,
    QMenu,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot
from ui_helpers import LOAD_TIMEOUT_MS, add_completed_inspection, open_window, start_inspection_in

from inspector.services.context import AppContext
from inspector.ui.app import install_translators
from inspector.ui.main_window import MainWindow

LANGUAGES = ["en", "zh_CN"]


def mnemonic(text: str) -> str:
    """"Alt+S" for "&Start" or "开始(&S)"; "" for a text without one."""
    return QKeySequence.mnemonic(text).toString()


def _visible_in(root: QWidget, widget: QWidget) -> bool:
    return widget.window() is root and widget.isVisible()


def reachable(root: QWidget) -> list[tuple[str, str]]:
    """(text, Alt+letter) of everything whose letter works in ``root`` as it is shown now."""
    found: list[tuple[str, str]] = []
    if isinstance(root, QMainWindow):
        found += [(action.text(), mnemonic(action.text()))
                  for action in root.menuBar().actions() if action.isVisible()]
    for widget in root.findChildren(QWidget):
        if not _visible_in(root, widget):
            continue
        labelled = isinstance(widget, QLabel) and widget.buddy() is not None
        if isinstance(widget, QAbstractButton) or labelled:
            text = widget.text()  # type: ignore[attr-defined]
            found.append((text, mnemonic(text)))
        elif isinstance(widget, QGroupBox):
            found.append((widget.title(), mnemonic(widget.title())))
        elif isinstance(widget, QTabBar):  # every tab's letter works, not only the current's
            found += [(widget.tabText(i), mnemonic(widget.tabText(i)))
                      for i in range(widget.count()) if widget.isTabVisible(i)]
    return [(text, key) for text, key in found if key]


def clashes(pairs: list[tuple[str, str]]) -> dict[str, list[str]]:
    by_key: dict[str, list[str]] = defaultdict(list)
    for text, key in pairs:
        by_key[key].append(text)
    return {key: texts for key, texts in by_key.items() if len(texts) > 1}


def menu_clashes(window: QMainWindow) -> dict[str, dict[str, list[str]]]:
    """Within each menu of the menu bar (and its submenus): entries sharing a letter."""
    found: dict[str, dict[str, list[str]]] = {}

    def walk(menu: QMenu) -> None:
        actions: list[QAction] = [a for a in menu.actions()
                                  if a.isVisible() and not a.isSeparator()]
        same = clashes([(a.text(), mnemonic(a.text())) for a in actions
                        if mnemonic(a.text())])
        if same:
            found[menu.title()] = same
        for action in actions:
            if action.menu() is not None:
                walk(action.menu())  # type: ignore[arg-type]

    for action in window.menuBar().actions():
        if action.menu() is not None:
            walk(action.menu())  # type: ignore[arg-type]
    return found


@contextmanager
def language(name: str) -> Iterator[None]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = install_translators(app, name) if name != "en" else []
    try:
        yield
    finally:
        for translator in translators:
            app.removeTranslator(translator)


def _check(where: str, root: QWidget, problems: list[str]) -> None:
    QApplication.processEvents()
    pairs = reachable(root)
    assert pairs, f"{where}: no shortcut letters found at all"
    for key, texts in clashes(pairs).items():
        problems.append(f"{where}: {key} is {texts}")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_two_letters_clash_on_any_page_of_the_main_window(
    lang: str, qtbot: QtBot, demo_context: AppContext,
) -> None:
    done = add_completed_inspection(demo_context, "330799101201", date(2026, 10, 8))
    paths = demo_context.paths
    demo_context.close()
    problems: list[str] = []
    with language(lang), open_window(qtbot, paths) as window:
        window.resize(1280, 800)
        assert isinstance(window, MainWindow)
        for menu, same in menu_clashes(window).items():
            problems.append(f"menu {menu}: {same}")
        # The site list, at first start with the question of the computer's role above it,
        # then once the role is chosen.
        banner = window.role_banner
        with qtbot.waitSignal(banner.check().finished, timeout=LOAD_TIMEOUT_MS):
            pass
        assert banner.isVisible()
        site = window.tree.site_named("上塘村教学站")
        assert site is not None
        window.tree.select_site(site.id)
        _check("site list (first start)", window, problems)
        with qtbot.waitSignal(banner.chosen, timeout=LOAD_TIMEOUT_MS):
            banner.choose("field")
        assert not banner.isVisible()
        _check("site list", window, problems)

        # A checklist: its criteria, then the general photos and the overall comment.
        start_inspection_in(qtbot, window, "上塘村教学站")
        page = window.checklist
        assert page is not None
        _check("checklist", window, problems)
        general = page.indicators.general_item()
        assert general is not None
        page.indicators.setCurrentItem(general)
        _check("checklist: general photos", window, problems)
        page.show_overall_comment()
        assert page.overall_comment is not None
        _check("checklist: overall comment", window, problems)
        controller = window.inspections
        assert controller is not None
        with qtbot.waitSignal(controller.opened, timeout=LOAD_TIMEOUT_MS):
            window.open_inspection(done)
        assert page.reopen_button.isVisible()
        _check("completed inspection", window, problems)

        # The sync screen, tab by tab.
        window.show_sync()
        screen = window.sync_screen
        assert screen is not None
        for index in range(screen.tabs.count()):
            screen.tabs.setCurrentIndex(index)
            _check(f"sync screen: tab {screen.tabs.tabText(index)}", window, problems)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_two_letters_clash_in_any_dialog(lang: str, qtbot: QtBot, tmp_path: Path) -> None:
    problems: list[str] = []
    with language(lang), dialog_env(tmp_path, qtbot) as env:
        for name, make in sorted(FACTORIES.items()):
            dialog, _accepting = make(env)
            qtbot.addWidget(dialog)
            dialog.show()
            qtbot.waitExposed(dialog)
            for key, texts in clashes(reachable(dialog)).items():
                problems.append(f"{name}: {key} is {texts}")
            dialog.close()
    assert not problems, "\n".join(problems)
