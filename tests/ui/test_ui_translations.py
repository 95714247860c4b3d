"""Translations: the .ts files are current, Chinese is complete, and the program loads them."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from inspector.ui.app import install_translators, register_cjk_font

ROOT = Path(__file__).resolve().parents[2]


def _update_translations() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "update_translations", ROOT / "packaging" / "update_translations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_ts_files_are_current_with_the_source() -> None:
    tool = _update_translations()
    assert tool.stale_languages() == [], (
        "run `.venv/bin/python packaging/update_translations.py` and fill the Chinese strings")


def test_every_string_has_a_chinese_translation() -> None:
    tool = _update_translations()
    missing = tool.untranslated(ROOT / "translations" / "inspector_zh_CN.ts")
    assert missing == []


def test_chinese_is_loaded_for_our_strings_and_qt_s_own(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = install_translators(app, "zh_CN")
    try:
        assert len(translators) == 2
        assert QCoreApplication.translate("MainWindow", "&File") == "文件(&F)"
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        qtbot.addWidget(box)
        cancel = box.button(QDialogButtonBox.StandardButton.Cancel)
        assert cancel.text().startswith("取消")
    finally:
        for translator in translators:
            app.removeTranslator(translator)
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


def test_the_bundled_cjk_font_is_registered(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.font()
    try:
        family = register_cjk_font(app)
        assert family
        assert family in app.font().families()
    finally:
        app.setFont(before)
