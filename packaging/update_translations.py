#!/usr/bin/env python3
"""Refresh the GUI translations: ``pyside6-lupdate`` then ``pyside6-lrelease``.

    .venv/bin/python packaging/update_translations.py          update .ts and .qm in translations/
    .venv/bin/python packaging/update_translations.py --check  only say whether they are current

Every ``tr()`` string of ``inspector/ui`` is collected into
``translations/inspector_zh_CN.ts`` and ``translations/inspector_en.ts``
(English source strings; existing translations are kept, vanished ones
dropped), then compiled to ``.qm`` files, which are committed. Fill new
Chinese translations with Qt Linguist (``pyside6-linguist``) or a text editor,
then run this script again to compile them.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "inspector" / "ui"
TRANSLATIONS = ROOT / "translations"
LANGUAGES = ("zh_CN", "en")


def tool(name: str) -> str:
    """A PySide6 tool next to the running interpreter (the venv), else on PATH."""
    here = Path(sys.executable).parent
    for candidate in (here / name, here / f"{name}.exe"):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found; install PySide6 into this environment")
    return found


def ts_path(folder: Path, language: str) -> Path:
    return folder / f"inspector_{language}.ts"


def source_files() -> list[Path]:
    return sorted(SOURCES.rglob("*.py"))


def lupdate(folder: Path) -> None:
    """Merge the current source strings into the .ts files in ``folder``."""
    for language in LANGUAGES:
        command = [
            tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none",
            "-source-language", "en", "-target-language", language,
            *(str(path) for path in source_files()),
            "-ts", str(ts_path(folder, language)),
        ]
        subprocess.run(command, check=True)


def lrelease(folder: Path) -> None:
    for language in LANGUAGES:
        ts = ts_path(folder, language)
        subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts),
                        "-qm", str(ts.with_suffix(".qm"))], check=True)


Message = tuple[str, str, str]  # context, source, disambiguation comment


def messages(ts: Path) -> set[Message]:
    root = ET.parse(ts).getroot()
    found: set[Message] = set()
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found.add((name, message.findtext("source") or "", message.findtext("comment") or ""))
    return found


def untranslated(ts: Path) -> list[Message]:
    """Messages without a finished translation."""
    root = ET.parse(ts).getroot()
    missing: list[Message] = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            forms = [] if translation is None else (
                [form.text or "" for form in translation.iter("numerusform")]
                if message.get("numerus") == "yes" else [translation.text or ""])
            unfinished = translation is None or translation.get("type") in ("unfinished",
                                                                           "vanished",
                                                                           "obsolete")
            if unfinished or not forms or not all(form.strip() for form in forms):
                missing.append((name, message.findtext("source") or "",
                                message.findtext("comment") or ""))
    return missing


def stale_languages() -> list[str]:
    """Languages whose committed .ts differs in its messages from a fresh lupdate run."""
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        for language in LANGUAGES:
            if ts_path(TRANSLATIONS, language).exists():
                shutil.copy(ts_path(TRANSLATIONS, language), ts_path(folder, language))
        lupdate(folder)
        return [
            language for language in LANGUAGES
            if not ts_path(TRANSLATIONS, language).exists()
            or messages(ts_path(folder, language)) != messages(ts_path(TRANSLATIONS, language))
        ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="report stale .ts files and missing Chinese translations")
    args = parser.parse_args(argv)
    if args.check:
        stale = stale_languages()
        missing = untranslated(ts_path(TRANSLATIONS, "zh_CN"))
        for language in stale:
            print(f"stale: translations/inspector_{language}.ts (run this script)")
        for context, source, _comment in missing:
            print(f"no Chinese translation: {context}: {source!r}")
        return 1 if stale or missing else 0
    lupdate(TRANSLATIONS)
    lrelease(TRANSLATIONS)
    missing = untranslated(ts_path(TRANSLATIONS, "zh_CN"))
    if missing:
        print(f"{len(missing)} message(s) still need a Chinese translation in "
              "translations/inspector_zh_CN.ts")
    return 0


if __name__ == "__main__":
    sys.exit(main())
