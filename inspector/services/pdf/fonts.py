"""Fonts for every PDF the program writes, and Chinese line breaking.

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

Line breaking: paragraphs use ``wordWrap='CJK'``, and :func:`install_line_breaking`
replaces ReportLab's CJK splitter once, centrally, with one that never starts
a line with closing punctuation (:data:`CLOSING_PUNCTUATION`) nor ends one with
opening punctuation, by moving characters to the next line rather than letting
them hang into the margin.
"""

from __future__ import annotations

import hashlib
import logging
import os
import struct
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError

from inspector import assets
from inspector.services.pdf.font_files import QuickTTFont

log = logging.getLogger(__name__)

CJK_FONT = "InspectorCJK"
LATIN_FONT = "InspectorLatin"
LATIN_FONT_FILE = "Vera.ttf"  # found on ReportLab's own font search path

# Punctuation that may not start a line (GB/T 15834: 句号、问号、叹号、逗号、顿号、
# 分号、冒号 and the closing half of quotes, brackets and book-title marks; plus
# the ellipsis and dash, which may not be split, and Western closing punctuation).
CLOSING_PUNCTUATION = (
    "，。、；：？！）》〉」』】〕〗］｝”’…—"
    "｡､・‰℃°%"
    ",.;:?!)]}"
)
# Punctuation that may not end a line: the opening half of quotes and brackets.
OPENING_PUNCTUATION = "（《〈「『【〔〖［｛“‘([{"

_CLOSING = frozenset(CLOSING_PUNCTUATION)
_OPENING = frozenset(OPENING_PUNCTUATION)

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


# --------------------------------------------------------------------------- line breaking


def _unit_width(unit: Any, max_width: float) -> float:
    width = unit.width
    if hasattr(width, "normalizedValue"):
        width._normalizer = max_width
        width = width.normalizedValue(max_width)
    return float(width)


def _is_word_char(char: str) -> bool:
    return bool(char) and ord(char) < 0x3000 and not char.isspace()


def break_point(chars: Sequence[str], start: int, end: int) -> int:
    """Where to end the line that would naturally end before ``chars[end]``.

    Latin words are not cut when a space or CJK character offers a break in
    the second half of the line; closing punctuation never starts the next
    line and opening punctuation never ends this one (characters move down).
    """
    point = end
    if _is_word_char(chars[point]) and _is_word_char(chars[point - 1]):
        for j in range(point - 1, (start + point) // 2, -1):
            if chars[j] and (chars[j].isspace() or ord(chars[j]) >= 0x3000):
                point = j + 1
                break
    def forbidden(k: int) -> bool:  # a break before chars[k]; spaces there are dropped
        following = k
        while following < len(chars) and chars[following] == " ":
            following += 1
        starts = chars[following] if following < len(chars) else ""
        return starts in _CLOSING or chars[k - 1] in _OPENING

    candidate = point
    while candidate > start + 1 and forbidden(candidate):
        candidate -= 1
    if not forbidden(candidate):
        point = candidate
    return point


#: Widths of characters at a font and size, filled as characters turn up (line breaking
#: measures every character of every paragraph; ReportLab's own measuring is slow).
_widths: dict[tuple[str, float], dict[str, float]] = {}


def _char_widths(font_name: str, font_size: float) -> dict[str, float]:
    table = _widths.get((font_name, font_size))
    if table is None:
        table = _widths.setdefault((font_name, font_size), {})
    return table


def cjk_frag_split(frags: Iterable[Any], max_widths: Sequence[float], calc_bounds: bool,
                   encoding: str = "utf8") -> Any:
    """ReportLab's ``cjkFragSplit`` with Chinese line-start and line-end rules.

    Characters are measured once per font and size (a cached table), and a line's
    words are made by :func:`_make_line`, which compares styles only where the
    fragment changes: the cost per character stays small for text of any length.
    """
    from reportlab.platypus import paragraph as rl

    chars: list[str] = []
    owners: list[Any] = []  # the fragment each character comes from
    widths: list[float] = []
    special: dict[int, Any] = {}  # inline objects and line breaks, as ReportLab's units
    for frag in frags:
        text = frag.text
        if isinstance(text, bytes):
            text = text.decode(encoding)
        if text and not hasattr(frag, "cbDefn"):
            table = _char_widths(frag.fontName, frag.fontSize)
            for char in text:
                width = table.get(char)
                if width is None:
                    width = table[char] = pdfmetrics.stringWidth(char, frag.fontName,
                                                                 frag.fontSize)
                widths.append(width)
            chars.extend(text)
            owners.extend([frag] * len(text))
        else:
            for char in text or [text]:
                special[len(chars)] = rl.cjkU(char, frag, encoding)
                chars.append(char)
                owners.append(frag)
                widths.append(0.0)

    def width_of(index: int, max_width: float) -> float:
        unit = special.get(index)
        return widths[index] if unit is None else _unit_width(unit, max_width)

    lines: list[Any] = []
    start = 0
    count = len(chars)
    while start < count:
        max_width = max_widths[min(len(lines), len(max_widths) - 1)]
        used = 0.0
        i = start
        forced = False
        while i < count:
            width = width_of(i, max_width)
            if hasattr(owners[i], "lineBreak"):
                used += width
                i += 1
                forced = True
                break
            if used + width > max_width + rl._FUZZ and i > start:
                break
            used += width
            i += 1
        end = i if forced or i >= count else break_point(chars, start, i)
        used = sum(width_of(k, max_width) for k in range(start, end))
        lines.append(_make_line(chars, owners, start, end, max_width, used, forced,
                                calc_bounds))
        start = end
        if not forced:
            while start < count and chars[start] == " ":  # no space at the start of a line
                start += 1
    return rl.ParaLines(kind=1, lines=lines)


def _make_line(chars: Sequence[str], owners: Sequence[Any], start: int, end: int,
               max_width: float, used: float, forced: bool, calc_bounds: bool) -> Any:
    """ReportLab's ``makeCJKParaLine`` for ``chars[start:end]``: the same line, made
    comparing fragments only where the fragment changes."""
    from reportlab.platypus import paragraph as rl

    words: list[Any] = []
    pending: list[str] = []
    current = rl.FragLine()
    previous = None
    plain = False  # whether ``previous`` may share a word with the next character
    max_size = max_ascent = min_descent = 0.0
    for index in range(start, end):
        frag = owners[index]
        if frag is previous and plain:
            pending.append(chars[index])
            continue
        font_size = frag.fontSize
        cb_defn: Any = getattr(frag, "cbDefn", None)
        inline_width: Any = getattr(cb_defn, "width", 0)
        if calc_bounds and inline_width:
            descent, ascent = rl.imgVRange(rl.imgNormV(cb_defn.height, font_size),
                                           cb_defn.valign, font_size)
        else:
            ascent, descent = rl.getAscentDescent(frag.fontName, font_size)
        max_size = max(max_size, font_size)
        max_ascent = max(max_ascent, ascent)
        min_descent = min(min_descent, descent)
        if not rl.sameFrag(current, frag):
            current = current.clone()
            current.text = "".join(pending)
            words.append(current)
            pending = []
            current = frag
        pending.append(chars[index])
        previous = frag
        plain = not (cb_defn is not None or hasattr(frag, "lineBreak"))
    if pending:
        current = current.clone()
        current.text = "".join(pending)
        words.append(current)
    return rl.FragLine(kind=1, extraSpace=max_width - used, wordCount=1, words=words[1:],
                       fontSize=max_size, ascent=max_ascent, descent=min_descent,
                       maxWidth=max_width, currentWidth=used, lineBreak=forced)


_installed = False
#: Where a paragraph keeps its lines as last broken, with the widths they were broken for.
_LINES_KEY = "_inspector_lines"


def install_line_breaking() -> None:
    """Make every CJK-wrapped paragraph use :func:`cjk_frag_split` (idempotent)."""
    global _installed
    if _installed:
        return
    from reportlab.lib import textsplit
    from reportlab.platypus import paragraph as rl

    extra = "".join(c for c in CLOSING_PUNCTUATION if c not in textsplit.ALL_CANNOT_START)
    textsplit.ALL_CANNOT_START += extra
    rl.ALL_CANNOT_START = textsplit.ALL_CANNOT_START

    def break_lines_cjk(self: Any, max_widths: Any) -> Any:
        if not isinstance(max_widths, list | tuple):
            max_widths = [max_widths]
        self.height = 0
        rl._handleBulletWidth(self.bulletText, self.style, max_widths)
        if not self.frags:
            return rl.ParaLines(kind=0, fontSize=self.style.fontSize,
                                fontName=self.style.fontName, textColor=self.style.textColor,
                                lines=[], ascent=self.style.fontSize,
                                descent=-0.2 * self.style.fontSize)
        if hasattr(self, "blPara") and getattr(self, "_splitpara", False):
            return self.blPara
        auto_leading = getattr(self, "autoLeading", getattr(self.style, "autoLeading", ""))
        calc_bounds = auto_leading not in ("", "off")
        # A table wraps each cell two or three times at the same width (measuring,
        # trying a split, drawing): the lines are broken once per width.
        key = (tuple(max_widths), calc_bounds)
        known = self.__dict__.get(_LINES_KEY)
        if known is not None and known[0] == key and known[1] is self.frags:
            return known[2]
        lines = cjk_frag_split(self.frags, max_widths, calc_bounds)
        self.__dict__[_LINES_KEY] = (key, self.frags, lines)
        return lines

    rl.Paragraph.breakLinesCJK = break_lines_cjk
    _installed = True
