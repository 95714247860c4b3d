"""Fonts and Chinese line breaking for every PDF."""

from __future__ import annotations

import itertools
import logging
from pathlib import Path

import reportlab
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from inspector.services.pdf.fonts import (
    CJK_FONT,
    CLOSING_PUNCTUATION,
    LATIN_FONT,
    MISSING_MARKER,
    OPENING_PUNCTUATION,
    FontSet,
    default_fonts,
)

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
