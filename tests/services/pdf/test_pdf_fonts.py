"""Fonts and Chinese line breaking for every PDF."""

from __future__ import annotations

import itertools
import logging
import struct
from pathlib import Path

import pytest
import reportlab
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.ttfonts import TTFont, TTFontFace
from reportlab.platypus import Paragraph

from inspector import assets
from inspector.services.pdf.font_files import QuickTTFont, QuickTTFontFace
from inspector.services.pdf.fonts import (
    CJK_FONT,
    LATIN_FONT,
    MISSING_MARKER,
    FontSet,
    default_fonts,
)
from inspector.services.pdf.line_breaking import CLOSING_PUNCTUATION, OPENING_PUNCTUATION

RARE = "\U00020000"  # 𠀀, CJK Extension B: not in Droid Sans Fallback Full
KHMER = "\u1786"  # in ReportLab's hb-test.ttf only


def test_the_bundled_font_lacks_the_rare_character_used_in_these_tests() -> None:
    fonts = default_fonts()
    assert fonts.has(CJK_FONT, "青")
    assert not fonts.has(CJK_FONT, RARE)
    assert not fonts.has(CJK_FONT, "a"), "Droid Sans Fallback has no Latin: Vera sets it"


def test_runs_pick_cjk_latin_and_mark_what_no_font_has(caplog) -> None:
    fonts = FontSet(fallback_paths=[])
    with caplog.at_level(logging.WARNING):
        runs = list(fonts.runs(f"青溪县 330799 东门{RARE}站"))
    assert runs == [(CJK_FONT, "青溪县 "), (LATIN_FONT, "330799 "), (CJK_FONT, "东门"),
                    (None, RARE), (CJK_FONT, "站")]
    assert "U+20000" in caplog.text
    markup = fonts.markup(f"a<b & 东门{RARE}\n第二行")
    assert "&lt;" in markup and "&amp;" in markup and "<br/>" in markup
    assert MISSING_MARKER in markup and RARE not in markup


def test_a_fallback_font_is_loaded_only_for_characters_the_others_lack() -> None:
    extra = Path(reportlab.__file__).parent / "fonts" / "hb-test.ttf"
    fonts = FontSet(fallback_paths=[Path("/no/such/font.ttf"), extra])
    assert len(fonts.names) == 2
    assert fonts.font_for("东") == CJK_FONT
    assert len(fonts.names) == 2, "no fallback loaded for a character the main fonts have"
    chosen = fonts.font_for(KHMER)
    assert chosen is not None and chosen not in (CJK_FONT, LATIN_FONT)
    assert len(fonts.names) == 3


def test_the_closing_punctuation_list_covers_the_guideline_marks() -> None:
    for mark in "，。、；：？！）》”":
        assert mark in CLOSING_PUNCTUATION
    for mark in "（《“":
        assert mark in OPENING_PUNCTUATION


def _lines(text: str, width: float) -> list[str]:
    fonts = default_fonts()
    style = ParagraphStyle("t", fontName=CJK_FONT, fontSize=10, leading=14, wordWrap="CJK")
    paragraph = Paragraph(fonts.markup(text), style)
    paragraph.wrap(width, 10_000)
    lines = []
    for line in paragraph.blPara.lines:
        words = getattr(line, "words", None)
        lines.append("".join(w.text for w in words) if words is not None else "".join(line[1]))
    return lines


def test_a_line_never_starts_with_a_closing_mark_nor_overflows() -> None:
    text = "社区教育学院应当建立健全管理制度，" * 3 + "（含志愿者队伍）。“学习型社区”建设！"
    for width in range(40, 200, 7):
        lines = _lines(text, width)
        assert "".join(lines) == text
        for line in lines[1:]:
            assert line[0] not in CLOSING_PUNCTUATION, (width, lines)
        for line in lines[:-1]:
            assert line[-1] not in OPENING_PUNCTUATION, (width, lines)


_ALPHABET = "社区教育学院村站点青溪" + "，。、；：？！）》”（《“" + "abc 123"


@settings(max_examples=150, deadline=None)
@given(text=st.text(alphabet=_ALPHABET, min_size=1, max_size=80),
       width=st.integers(min_value=25, max_value=300))
def test_line_breaking_keeps_every_character_and_respects_the_rules(text: str,
                                                                     width: int) -> None:
    fonts = default_fonts()
    lines = _lines(text, width)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    for line in lines:
        if len(line) > 1:  # a single character wider than the line cannot be helped
            assert fonts.width(line, 10) <= width + 0.5, (line, width)
    for previous, line in itertools.pairwise(lines):
        joined = previous + line[:1]

        def bad(k: int, joined: str = joined) -> bool:  # a break before joined[k]
            starts = joined[k:].lstrip(" ")[:1]  # spaces at a line's start are dropped
            return starts in CLOSING_PUNCTUATION or joined[k - 1] in OPENING_PUNCTUATION

        if line and bad(len(previous)):
            # allowed only when no earlier break in that line would have been better
            assert all(bad(k) for k in range(1, len(previous))), (previous, line)


# --------------------------------------------------------------------------- reading fonts

_FACE_ATTRIBUTES = ("charToGlyph", "glyphToChar", "charWidths", "defaultWidth", "hmetrics",
                    "glyphPos", "name", "numGlyphs", "ascent", "descent", "bbox", "flags",
                    "_full_font")
_REPORTLAB_FONTS = Path(reportlab.__file__).parent / "fonts"


def _hide_cmap(source: Path, target: Path, platform: int, encoding: int) -> Path:
    """A copy of a font whose character map for ``platform`` and ``encoding`` is marked
    as of an unknown platform, so that ReportLab chooses another one."""
    data = bytearray(source.read_bytes())
    for n in range(struct.unpack_from(">H", data, 4)[0]):
        tag, _checksum, offset, _length = struct.unpack_from(">4sLLL", data, 12 + 16 * n)
        if tag == b"cmap":
            for k in range(struct.unpack_from(">H", data, offset + 2)[0]):
                entry = offset + 4 + 8 * k
                if struct.unpack_from(">HH", data, entry) == (platform, encoding):
                    struct.pack_into(">H", data, entry, 7)
    target.write_bytes(bytes(data))
    return target


def _assert_read_alike(path: Path, quickly: bool = True) -> None:
    stock, quick = TTFontFace(str(path)), QuickTTFontFace(str(path))
    assert quick._read_characters() is quickly, "read by the quick reader, not ReportLab's"
    for name in _FACE_ATTRIBUTES:
        assert getattr(quick, name) == getattr(stock, name), (path.name, name)
    for name in ("charToGlyph", "glyphToChar", "charWidths"):  # and in the same order
        assert list(getattr(quick, name)) == list(getattr(stock, name)), (path.name, name)
    assert set(vars(quick)) == set(vars(stock))


def test_fonts_are_read_exactly_as_reportlab_reads_them(tmp_path: Path) -> None:
    cjk = assets.cjk_font_path()
    vera = _REPORTLAB_FONTS / "Vera.ttf"
    for path in (
        cjk,  # character map format 12, 256 units per em
        _hide_cmap(cjk, tmp_path / "cjk-format-4.ttf", 3, 10),  # its format 4 map
        vera,  # format 4 with glyph index arrays, 2048 units per em
        _REPORTLAB_FONTS / "VeraBI.ttf",
        _REPORTLAB_FONTS / "hb-test.ttf",  # 1000 units per em: widths as they are
    ):
        _assert_read_alike(path)
    # a format 0 map: read by ReportLab itself
    _assert_read_alike(_hide_cmap(vera, tmp_path / "vera-format-0.ttf", 3, 1), quickly=False)
    stock, quick = TTFont("stock", str(vera)), QuickTTFont("quick", str(vera))
    assert set(vars(quick)) == set(vars(stock)), "TTFont sets attributes QuickTTFont lacks"
    assert (quick.shapable, quick._asciiReadable) == (stock.shapable, stock._asciiReadable)


def test_a_damaged_font_file_fails_as_reportlab_says(tmp_path: Path) -> None:
    cut = tmp_path / "cut.ttf"
    cut.write_bytes(assets.cjk_font_path().read_bytes()[:200_000])  # tables cut off
    with pytest.raises(Exception) as stock:
        TTFontFace(str(cut))
    with pytest.raises(Exception) as quick:
        QuickTTFontFace(str(cut))
    assert type(quick.value) is type(stock.value)
    assert str(quick.value) == str(stock.value)


def test_a_fallback_font_that_cannot_be_read_is_passed_over(tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.ttf"
    damaged.write_bytes(b"\0\1\0\0" + bytes(100))
    fonts = FontSet(fallback_paths=[damaged])
    assert fonts.font_for(RARE) is None
    assert len(fonts.names) == 2


def test_a_paragraph_wrapped_again_is_broken_for_the_width_it_is_given() -> None:
    text = "社区教育学院应当建立健全管理制度，（含志愿者队伍）。" * 4
    style = ParagraphStyle("t", fontName=CJK_FONT, fontSize=10, leading=14, wordWrap="CJK")

    def fresh(width: float) -> tuple[float, int]:
        paragraph = Paragraph(default_fonts().markup(text), style)
        return paragraph.wrap(width, 10_000)[1], len(paragraph.blPara.lines)

    again = Paragraph(default_fonts().markup(text), style)
    for width in (120, 120, 300, 120, 300, 80):  # as a table measures, splits and draws
        assert (again.wrap(width, 10_000)[1], len(again.blPara.lines)) == fresh(width)
