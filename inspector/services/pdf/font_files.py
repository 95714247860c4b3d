"""Reading TrueType files for ReportLab in a fraction of the time ReportLab takes.

ReportLab reads a font's character map, metrics and glyph locations one
number at a time in Python: about 80,000 calls for the bundled CJK font,
some 0.13 s on every report and checklist the command line prints (half the
time of a short report). :class:`QuickTTFontFace` reads the same tables as
whole arrays (``struct.unpack_from``) and builds exactly the attributes
ReportLab's own reading builds (``charToGlyph``, ``glyphToChar``,
``charWidths``, ``defaultWidth``, ``hmetrics``, ``glyphPos``), so measuring,
subsetting and embedding work as before; ``tests/services/pdf/test_pdf_fonts.py`` compares
the two readings. Character maps of formats 4 and 12 (what TrueType fonts
with Unicode maps use) are read this way; any other format, or a file that
does not read cleanly, is read by ReportLab itself, which also gives its own
errors for damaged files.
"""

from __future__ import annotations

import struct
from fnmatch import fnmatch
from typing import Any
from weakref import WeakKeyDictionary

from reportlab import rl_config
from reportlab.pdfbase.ttfonts import TTEncoding, TTFError, TTFont, TTFontFace

_HEAD_INDEX_TO_LOC = 50  # offsets in the 'head' table: indexToLocFormat, glyphDataFormat
_HEAD_GLYPH_DATA = 52
_HHEA_METRIC_FORMAT = 32  # in the 'hhea' table: metricDataFormat, numberOfHMetrics
_HHEA_METRICS = 34


class QuickTTFontFace(TTFontFace):
    """A ``TTFontFace`` that reads the character map and metrics as whole arrays."""

    def extractInfo(self, charInfo: int = 1) -> None:
        super().extractInfo(0)  # names, head, OS/2, post, hhea, maxp: a few dozen numbers
        if not charInfo:
            return
        try:
            read = self._read_characters()
        except (struct.error, IndexError, KeyError, ValueError):
            read = False
        if not read:  # another cmap format or an odd file: ReportLab reads it its own way
            super().extractInfo(charInfo)

    def _table(self, tag: str) -> int:
        offset: int = self.table[tag]["offset"]
        return offset

    def _read_characters(self) -> bool:
        data = self._ttf_data
        head = self._table("head")
        index_to_loc = struct.unpack_from(">H", data, head + _HEAD_INDEX_TO_LOC)[0]
        glyph_data_format = struct.unpack_from(">H", data, head + _HEAD_GLYPH_DATA)[0]
        if glyph_data_format != 0:
            raise TTFError(f"Unknown glyph data format ({glyph_data_format})")
        hhea = self._table("hhea")
        metric_format, metrics_count = struct.unpack_from(">HH", data, hhea + _HHEA_METRIC_FORMAT)
        if metric_format != 0 or metrics_count == 0:
            return False
        glyph_count: int = self.numGlyphs

        mapped = self._character_map(data)
        if mapped is None:
            return False
        codes, glyphs = mapped
        to_chars: dict[int, list[int]] = {}
        chars_of = to_chars.get
        for code, glyph in zip(codes, glyphs, strict=True):
            chars = chars_of(glyph)
            if chars is None:
                to_chars[glyph] = [code]
            else:
                chars.append(code)
        char_to_glyph = dict(zip(codes, glyphs, strict=True))

        hmtx = self._table("hmtx")
        pairs = struct.unpack_from(f">{2 * metrics_count}H", data, hmtx)
        rest = max(0, glyph_count - metrics_count)
        side_bearings = struct.unpack_from(f">{rest}H", data, hmtx + 4 * metrics_count)
        advances = pairs[0::2]
        if self.unitsPerEm == 1000:
            widths: list[Any] = list(advances)
        else:  # the same arithmetic as ReportLab's, so the same floats
            factor = 1000 / self.unitsPerEm
            widths = [advance * factor for advance in advances]
        last = widths[-1]
        # as ReportLab does: the glyphs after the last full metric repeat its width, scaled
        hmetrics: list[tuple[Any, int]] = list(zip(advances, pairs[1::2], strict=True))
        hmetrics += [(last, lsb) for lsb in side_bearings]
        char_widths: dict[int, Any] = {}
        for glyph in sorted(to_chars):
            if glyph < metrics_count:
                width = widths[glyph]
            elif glyph < glyph_count:
                width = last
            else:
                continue
            for code in to_chars[glyph]:
                char_widths[code] = width

        if "loca" not in self.table:
            raise TTFError("missing location table")
        loca = self._table("loca")
        if index_to_loc == 0:
            glyph_pos = [value << 1 for value in
                         struct.unpack_from(f">{glyph_count + 1}H", data, loca)]
        elif index_to_loc == 1:
            glyph_pos = list(struct.unpack_from(f">{glyph_count + 1}L", data, loca))
        else:
            raise TTFError(f"Unknown location table format ({index_to_loc})")

        if 0x20 in char_to_glyph:
            char_to_glyph[0xA0] = char_to_glyph[0x20]
            char_widths[0xA0] = char_widths[0x20]
        elif 0xA0 in char_to_glyph:
            char_to_glyph[0x20] = char_to_glyph[0xA0]
            char_widths[0x20] = char_widths[0xA0]
        self.charToGlyph = char_to_glyph
        self.glyphToChar = to_chars
        self.defaultWidth = widths[0]
        self.charWidths = char_widths
        self.hmetrics = hmetrics
        self.glyphPos = glyph_pos
        return True

    def _character_map(self, data: bytes) -> tuple[list[int], list[int]] | None:
        """Characters and their glyphs, in the order ReportLab records them, from the
        subtable ReportLab chooses; None for a format read here no faster."""
        cmap = self._table("cmap")
        version, count = struct.unpack_from(">HH", data, cmap)
        if count == 0 and version != 0:
            count = version
        chosen = None
        kind = 0
        for n in range(count):  # the same choice as ReportLab's, to the letter
            platform, encoding, offset = struct.unpack_from(">HHL", data, cmap + 4 + 8 * n)
            if platform == 3:
                kind, chosen = 1, offset
            elif platform == 1 and encoding == 0 and kind != 1:
                kind, chosen = 2, offset
            elif (platform == 1 and encoding == 1) or (platform == 0 and encoding != 5):
                kind, chosen = 1, offset
        if chosen is None:
            raise TTFError("could not find a suitable cmap encoding")
        start = cmap + chosen
        fmt = struct.unpack_from(">H", data, start)[0]
        codes: list[int] = []
        glyphs: list[int] = []
        if fmt == 4:
            length = struct.unpack_from(">H", data, start + 2)[0]
            limit = start + length
            segments = struct.unpack_from(">H", data, start + 6)[0] // 2
            ends = struct.unpack_from(f">{segments}H", data, start + 14)
            starts = struct.unpack_from(f">{segments}H", data, start + 16 + 2 * segments)
            deltas = struct.unpack_from(f">{segments}h", data, start + 16 + 4 * segments)
            range_at = start + 16 + 6 * segments
            ranges = struct.unpack_from(f">{segments}H", data, range_at)
            for n in range(segments):
                first, end, delta, range_offset = starts[n], ends[n], deltas[n], ranges[n]
                if end < first:
                    continue
                segment = range(first, end + 1)
                codes += segment
                if range_offset == 0:
                    glyphs += [(code + delta) & 0xFFFF for code in segment]
                    continue
                at = range_at + 2 * n + range_offset
                inside = max(0, min(len(segment), (limit - at + 1) // 2))  # past it: glyph 0
                glyphs += [(glyph + delta) & 0xFFFF if glyph else 0
                           for glyph in struct.unpack_from(f">{inside}H", data, at)]
                glyphs += [0] * (len(segment) - inside)
        elif fmt == 12:
            groups = struct.unpack_from(">L", data, start + 12)[0]
            values = struct.unpack_from(f">{3 * groups}L", data, start + 16)
            for n in range(groups):
                first, end, glyph = values[3 * n:3 * n + 3]
                codes += range(first, end + 1)
                glyphs += range(glyph, glyph + end - first + 1)
        else:
            return None
        return codes, glyphs


class QuickTTFont(TTFont):
    """ReportLab's ``TTFont`` with its face read by :class:`QuickTTFontFace`."""

    def __init__(self, name: str, filename: str) -> None:
        # What TTFont.__init__ sets, with the quick face (a test compares the attributes
        # with a TTFont's, so a ReportLab that sets more is noticed).
        self.fontName = name
        self.face = QuickTTFontFace(filename)
        self.encoding = TTEncoding()
        self.state: WeakKeyDictionary[Any, Any] = WeakKeyDictionary()
        self._asciiReadable = rl_config.ttfAsciiReadable
        self.shapable = not any(fnmatch(name, glob) for glob in rl_config.unShapedFontGlob)
