"""Fonts for every PDF the program writes.

Every glyph in our PDFs comes from an embedded TrueType font:

* the bundled Droid Sans Fallback Full (CJK, including Extension A). It has
  no Latin letters or digits at all — it is a *fallback* font on Android;
* Bitstream Vera Sans, which ships inside ReportLab itself, for Latin letters,
  digits and Western punctuation;
* optional system fonts (for example SimSun-ExtB on Windows) for rare
  characters neither of the first two has, loaded only when such a character
  turns up.

Text is split into runs, each set in the first of these fonts that has all of
its characters. A character that no font has is printed as a visible red
marker (:data:`MISSING_MARKER`) and logged, never silently dropped.

Chinese line breaking is :mod:`~inspector.services.pdf.line_breaking`'s, installed
with the process-wide font set (:func:`default_fonts`).
"""

from __future__ import annotations

import hashlib
import logging
import os
import struct
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError

from inspector import assets
from inspector.services.pdf.font_files import QuickTTFont
from inspector.services.pdf.line_breaking import install_line_breaking

log = logging.getLogger(__name__)

CJK_FONT = "InspectorCJK"
LATIN_FONT = "InspectorLatin"
LATIN_FONT_FILE = "Vera.ttf"  # found on ReportLab's own font search path

MISSING_MARKER = "〓"  # 〓 (geta mark): the traditional sign for a character that cannot be set
MISSING_COLOR = "#c62828"
#: Characters no font has are each named in a warning, up to this many (a stored text
#: may hold thousands of them); the rest go to the debug log.
_MISSING_WARNINGS = 20


def _system_fallback_candidates() -> tuple[Path, ...]:
    """TrueType fonts that some machines have and that cover rare characters."""
    windir = Path(os.environ.get("WINDIR", "C:/Windows")) / "Fonts"
    return (
        windir / "simsunb.ttf",  # SimSun-ExtB: CJK Extension B
        windir / "SimsunExtG.ttf",  # Windows 11: Extensions G and later
        Path("/usr/share/fonts/truetype/hanazono/HanaMinB.ttf"),
        Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    )


@dataclass
class _LoadedFont:
    name: str
    glyphs: frozenset[int]


@dataclass
class FontSet:
    """The fonts registered with ReportLab and which characters each one has.

    ``fallback_paths`` are tried, in order and only when needed, for characters
    the CJK and Latin fonts lack.
    """

    fallback_paths: Sequence[Path] = field(default_factory=_system_fallback_candidates)
    _fonts: list[_LoadedFont] = field(default_factory=list, init=False)
    _pending: list[Path] = field(default_factory=list, init=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False)
    _choice: dict[str, str | None] = field(default_factory=dict, init=False)
    _missing: int = field(default=0, init=False)  # characters no font has, so far

    def __post_init__(self) -> None:
        self._fonts = [
            _register(CJK_FONT, str(assets.cjk_font_path())),
            _register(LATIN_FONT, LATIN_FONT_FILE),
        ]
        self._pending = [Path(p) for p in self.fallback_paths]

    @property
    def main(self) -> str:
        return CJK_FONT

    @property
    def names(self) -> list[str]:
        return [font.name for font in self._fonts]

    def has(self, font_name: str, char: str) -> bool:
        return any(f.name == font_name and ord(char) in f.glyphs for f in self._fonts)

    def font_for(self, char: str) -> str | None:
        """The first font that has ``char`` (loading fallbacks as needed), or None."""
        chosen = self._choice.get(char, "")
        if chosen != "":
            return chosen
        with self._lock:
            code = ord(char)
            found = next((f.name for f in self._fonts if code in f.glyphs), None)
            while found is None and self._pending:
                loaded = self._load_fallback(self._pending.pop(0))
                if loaded is not None and code in loaded.glyphs:
                    found = loaded.name
            if found is None:
                self._missing += 1
                level = logging.WARNING if self._missing <= _MISSING_WARNINGS else logging.DEBUG
                log.log(level, "no font has U+%04X %r; printed as %s", code, char,
                        MISSING_MARKER)
            self._choice[char] = found
            return found

    def _load_fallback(self, path: Path) -> _LoadedFont | None:
        if not path.is_file():
            return None
        try:
            digest = hashlib.sha1(str(path).encode("utf-8")).hexdigest()[:10]
            font = _register(f"InspectorFallback-{digest}", str(path))
        # CFF outlines, a damaged file (ReportLab then fails with whatever it meets) ...
        except (TTFError, OSError, ValueError, KeyError, IndexError, struct.error) as exc:
            log.info("fallback font %s not usable: %s", path, exc)
            return None
        log.info("fallback font %s loaded", path)
        self._fonts.append(font)
        return font

    # ------------------------------------------------------------------ text runs

    def runs(self, text: str) -> Iterator[tuple[str | None, str]]:
        """Split text into (font name, characters) runs; font None marks missing characters.

        A character the current run's font has stays in that run, so spaces
        and shared punctuation do not fragment the text.
        """
        current: str | None = None
        glyphs: frozenset[int] = frozenset()  # the current font's
        buffer: list[str] = []
        for char in text:
            if current is not None and ord(char) in glyphs:
                buffer.append(char)
                continue
            font = self.font_for(char)
            if font != current or font is None:
                if buffer:
                    yield current, "".join(buffer)
                buffer = []
                current = font
                glyphs = next((f.glyphs for f in self._fonts if f.name == font), frozenset())
            buffer.append(char)
        if buffer:
            yield current, "".join(buffer)

    def markup(self, text: str) -> str:
        """Paragraph markup for plain text: escaped, font runs tagged, newlines as breaks."""
        parts: list[str] = []
        for line_number, line in enumerate(text.split("\n")):
            if line_number:
                parts.append("<br/>")
            for font, run in self.runs(line):
                if font is None:
                    parts.append(f'<font name="{CJK_FONT}" color="{MISSING_COLOR}">'
                                 f"{MISSING_MARKER * len(run)}</font>")
                elif font == CJK_FONT:
                    parts.append(escape(run))
                else:
                    parts.append(f'<font name="{font}">{escape(run)}</font>')
        return "".join(parts)

    def width(self, text: str, size: float) -> float:
        return sum(
            pdfmetrics.stringWidth(MISSING_MARKER * len(run) if font is None else run,
                                   font or CJK_FONT, size)
            for font, run in self.runs(text)
        )

    def draw(self, canvas: Any, x: float, y: float, text: str, size: float,
             anchor: str = "start") -> float:
        """Draw one line of text on a canvas with font fallback; returns its width."""
        total = self.width(text, size)
        if anchor == "end":
            x -= total
        elif anchor == "middle":
            x -= total / 2
        for font, run in self.runs(text):
            shown = MISSING_MARKER * len(run) if font is None else run
            name = font or CJK_FONT
            canvas.saveState()
            if font is None:
                canvas.setFillColor(MISSING_COLOR)
            canvas.setFont(name, size)
            canvas.drawString(x, y, shown)
            canvas.restoreState()
            x += pdfmetrics.stringWidth(shown, name, size)
        return total


def _register(name: str, path: str) -> _LoadedFont:
    # Looked up among the registered fonts only: ReportLab's getFont() of a name it does
    # not know first searches and parses every Type 1 metrics file on its path (~10 ms).
    if name in pdfmetrics.getRegisteredFontNames():
        font = pdfmetrics.getFont(name)
    else:
        font = QuickTTFont(name, path)
        pdfmetrics.registerFont(font)
    glyphs = frozenset(font.face.charToGlyph).difference(range(0x20))
    return _LoadedFont(name, glyphs)


_default: FontSet | None = None
_default_lock = threading.Lock()


def default_fonts() -> FontSet:
    """The process-wide font set (ReportLab's font registry is process-wide too)."""
    global _default
    with _default_lock:
        if _default is None:
            install_line_breaking()
            _default = FontSet()
        return _default
