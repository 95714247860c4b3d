"""Chinese line breaking for every paragraph of every PDF.

Paragraphs use ``wordWrap='CJK'``, and :func:`install_line_breaking` replaces
ReportLab's CJK splitter once, centrally, with one that never starts a line with
closing punctuation (:data:`CLOSING_PUNCTUATION`) nor ends one with opening
punctuation, by moving characters to the next line rather than letting them hang
into the margin. Characters are measured once per font and size, so that the cost
per character stays small for text of any length.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from reportlab.pdfbase import pdfmetrics

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
