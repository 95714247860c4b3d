"""``inspector --self-test``: does this installation have everything it needs?

Run after installing (wheel, frozen bundle, installer) to check, without a
screen and without touching the user's data, that the program finds and can
use every file it ships with:

* the version number (package metadata, also inside a frozen build);
* a temporary data directory, with every database migration applied;
* every shipped checklist template;
* a PDF with a line of Chinese set in the bundled font, embedded;
* photos (Pillow with JPEG and HEIF) and signatures (cryptography);
* Qt offscreen: the bundled font, our translations and Qt's own Chinese ones;
* every module of the window imports (no Qt module missing from a build).

Each check prints one line; the exit code is 0 when all passed and 1 otherwise,
with what failed. Qt is imported only inside the Qt check, so the other checks
run (and report) even where Qt itself is broken.
"""

from __future__ import annotations

import io
import os
import sys
import tempfile
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from inspector import APP_NAME, __version__, assets

SAMPLE_CHINESE = "社区教育督导检查：自检通过（县、乡镇、村三级）"
SAMPLE_LATIN = f"{APP_NAME} {__version__} self-test"
QT_LANGUAGES = ("zh_CN",)  # Qt's own translations (qtbase_*.qm) the program needs


class CheckFailed(Exception):
    """A check found something missing or wrong; the message says what."""


@dataclass(frozen=True)
class CheckResult:
    name: str
    ok: bool
    detail: str


def check_version(_work: Path) -> str:
    if __version__.startswith("0.0.0"):
        raise CheckFailed(
            f"package metadata not found (version {__version__}); "
            "a frozen build needs copy_metadata('inspector')"
        )
    return f"{APP_NAME} {__version__}, Python {sys.version.split()[0]}"


def check_database(work: Path) -> str:
    from inspector.app_paths import AppPaths
    from inspector.services.context import open_context
    from inspector.services.templates import latest_template
    from inspector.storage.database import head_revision

    paths = AppPaths.resolve(str(work / "data"))
    context = open_context(paths)
    try:
        head = head_revision()
        if context.migration.to_revision != head:
            raise CheckFailed(
                f"database at {context.migration.to_revision}, migrations end at {head}"
            )
        with context.db.session() as session:
            try:
                latest_template(session)
            except LookupError as exc:
                raise CheckFailed(f"the new database has no checklist template: {exc}") from exc
    finally:
        context.close()
    return f"migrated a new database to {head}"


def check_templates(_work: Path) -> str:
    from inspector.domain.templates import load_template
    from inspector.domain.tiers import Tier

    files = assets.checklist_files()
    if not files:
        raise CheckFailed("no checklist templates found in inspector.resources/checklists")
    described = []
    for entry in files:
        template = load_template(entry)
        counts = [len(template.criteria(tier)) for tier in Tier]
        if not all(counts):
            raise CheckFailed(f"{entry.name}: a tier has no criteria ({counts})")
        described.append(f"{template.key} ({'/'.join(map(str, counts))} criteria)")
    return ", ".join(described)


def check_pdf(work: Path) -> str:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas

    font_path = assets.cjk_font_path()
    if not font_path.is_file():
        raise CheckFailed(f"bundled font missing: {font_path}")
    pdfmetrics.registerFont(TTFont("SelfTestCJK", str(font_path)))
    pdfmetrics.registerFont(TTFont("SelfTestLatin", "Vera.ttf"))  # ships inside ReportLab
    target = work / "self-test.pdf"
    canvas = Canvas(str(target), pagesize=A4, invariant=True)
    canvas.setFont("SelfTestCJK", 16)
    canvas.drawString(72, 760, SAMPLE_CHINESE)
    canvas.setFont("SelfTestLatin", 10)
    canvas.drawString(72, 740, SAMPLE_LATIN)
    canvas.showPage()
    canvas.save()
    data = target.read_bytes()
    if not data.startswith(b"%PDF"):
        raise CheckFailed("ReportLab did not write a PDF")
    embedded = data.count(b"/FontFile2")
    if embedded < 2:
        raise CheckFailed(f"expected 2 embedded TrueType fonts in the PDF, found {embedded}")
    return f"one line of Chinese with the bundled font embedded ({len(data)} bytes)"


def check_images(_work: Path) -> str:
    import pillow_heif
    from PIL import Image

    pillow_heif.register_heif_opener()
    buffer = io.BytesIO()
    Image.new("RGB", (32, 24), (40, 120, 90)).save(buffer, "JPEG", quality=80)
    buffer.seek(0)
    with Image.open(buffer) as image:
        image.load()
        if image.size != (32, 24):
            raise CheckFailed(f"JPEG read back as {image.size}")
    if "HEIF" not in Image.registered_extensions().values():
        raise CheckFailed("Pillow has no HEIF support (pillow-heif)")
    return f"Pillow {Image.__version__} reads JPEG, HEIF registered"


def check_signatures(_work: Path) -> str:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    key = Ed25519PrivateKey.generate()
    signature = key.sign(b"inspector self-test")
    key.public_key().verify(signature, b"inspector self-test")  # raises if it does not match
    return "Ed25519 sign and verify"


def check_qt(_work: Path) -> str:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator
    from PySide6.QtGui import QFontDatabase, QGuiApplication, QImage, QImageReader
    from PySide6.QtWidgets import QApplication

    app = QCoreApplication.instance() or QApplication(["inspector-self-test"])
    if not isinstance(app, QGuiApplication):
        raise CheckFailed("a non-GUI Qt application is already running")
    problems: list[str] = []
    font_id = QFontDatabase.addApplicationFont(str(assets.cjk_font_path()))
    if font_id < 0:
        problems.append("Qt could not load the bundled CJK font")
    ours = sorted(
        (entry for entry in assets.translations_dir().iterdir() if entry.name.endswith(".qm")),
        key=lambda entry: entry.name,
    )
    if not ours:
        problems.append("no .qm translation files in inspector.translations")
    loaded = []
    for entry in ours:
        translator = QTranslator()
        if translator.load(str(assets.real_path(entry))) and not translator.isEmpty():
            loaded.append(entry.name)
        else:
            problems.append(f"translation {entry.name} did not load")
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for language in QT_LANGUAGES:
        translator = QTranslator()
        if translator.load(f"qtbase_{language}", qt_dir):
            loaded.append(f"qtbase_{language}.qm")
        else:
            problems.append(f"Qt's own qtbase_{language}.qm not found in {qt_dir}")
    formats = {bytes(f.data()).decode("ascii") for f in QImageReader.supportedImageFormats()}
    missing = {"png", "jpeg"} - formats
    if missing:
        problems.append(f"Qt image formats missing: {', '.join(sorted(missing))}")
    icon = QImage(str(assets.real_path(assets.resource("icons", "inspector-256.png"))))
    if icon.isNull() or icon.width() != 256:
        problems.append("the application icon (icons/inspector-256.png) did not load")
    if problems:
        raise CheckFailed("; ".join(problems))
    platform = QGuiApplication.platformName()
    return f"PySide6 {pyside_version} ({platform}), loaded {', '.join(loaded)}"


def check_window_modules(_work: Path) -> str:
    """Every module of the window imports: no Qt module or library left out of a build."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    import importlib
    import pkgutil

    import inspector.ui

    names = sorted(
        module.name for module in pkgutil.walk_packages(inspector.ui.__path__, "inspector.ui.")
    )
    if not names:
        raise CheckFailed("no modules found in inspector.ui")
    for name in names:
        importlib.import_module(name)
    return f"imported {len(names)} modules of the window"


CHECKS: tuple[tuple[str, Callable[[Path], str]], ...] = (
    ("version", check_version),
    ("database", check_database),
    ("templates", check_templates),
    ("pdf", check_pdf),
    ("images", check_images),
    ("signatures", check_signatures),
    ("qt", check_qt),
    ("window", check_window_modules),
)


def run_checks(work: Path) -> list[CheckResult]:
    results = []
    for name, check in CHECKS:
        try:
            detail = check(work)
        except CheckFailed as exc:
            results.append(CheckResult(name, False, str(exc)))
        except Exception as exc:  # noqa: BLE001 (each failure is reported, then the next check runs)
            last = traceback.extract_tb(exc.__traceback__)[-1]
            where = f"{Path(last.filename).name}:{last.lineno}"
            results.append(CheckResult(name, False, f"{type(exc).__name__}: {exc} ({where})"))
        else:
            results.append(CheckResult(name, True, detail))
    return results


def run_self_test(out: TextIO | None = None) -> int:
    """Run every check in a temporary directory, print one line each; 0 if all passed."""
    stream = out if out is not None else sys.stdout
    os.environ["QT_QPA_PLATFORM"] = "offscreen"

    def say(line: str) -> None:
        if stream is not None:  # a windowed Windows build has no console
            print(line, file=stream, flush=True)

    say(f"{APP_NAME} {__version__} self-test · 自检")
    with tempfile.TemporaryDirectory(prefix="inspector-self-test-") as folder:
        results = run_checks(Path(folder))
    for result in results:
        say(f"{'ok    ' if result.ok else 'FAILED'} {result.name}: {result.detail}")
    failed = [result.name for result in results if not result.ok]
    if failed:
        say(f"self-test FAILED · 自检未通过: {', '.join(failed)}")
        return 1
    say("self-test passed · 自检通过")
    return 0
