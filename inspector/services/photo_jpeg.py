"""Walking a JPEG file's markers as a decoder reads them: is it an ordinary, whole JPEG?

Decoding a camera's 12-megapixel JPEG takes about 50 ms, nearly all of it spent
Huffman-decoding the entropy-coded data, and nothing there can make the decode
fail: libjpeg (which Pillow uses) only warns about damaged entropy-coded data and
carries on. What makes a JPEG unreadable is its structure: a segment whose length
runs past its end, a frame or scan header a decoder refuses, a Huffman or
quantization table that is malformed or missing when a scan needs it, a marker
where none may be, the data ending before the end-of-image marker. :func:`walk`
checks exactly those, reading the file once (a few ms for the same photo), and in
places more strictly than a decoder: every scan must hold data, every component of
the image must be scanned, and the file must reach its end-of-image marker.

What it does not recognise as an ordinary JPEG (arithmetic coding, 12-bit samples,
CMYK, unusual sampling factors, restart markers between segments, bytes between
segments, …) it names as a problem: the caller then lets the decoder judge the file
(:func:`~inspector.services.photo_image.check`), as before. So a file is never
accepted here that a decoder would refuse, and never refused here at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import BinaryIO

BLOCK = 1 << 20  # bytes read at a time
#: More scans than a camera writes (1 for a baseline JPEG, about 10 for a progressive one).
MAX_SCANS = 64
#: The largest width or height libjpeg reads.
MAX_SIDE = 65500
#: Blocks in the MCU of an interleaved scan that libjpeg allows.
MAX_BLOCKS_IN_MCU = 10

#: A marker inside entropy-coded data: an FF that is not stuffed (``FF 00``), a restart
#: marker (``FF D0``–``FF D7``) or a fill byte (``FF FF``). Searched for at C speed.
_MARKER = re.compile(rb"\xff[\x01-\xcf\xd8-\xfe]")
_SOI, _EOI, _SOS, _DHT, _DQT, _DRI, _COM = 0xD8, 0xD9, 0xDA, 0xC4, 0xDB, 0xDD, 0xFE
_SEQUENTIAL = (0xC0, 0xC1)  # baseline and extended sequential, Huffman coded
_PROGRESSIVE = 0xC2  # progressive, Huffman coded


@dataclass(frozen=True)
class JpegLayout:
    """What a walk through a JPEG file found."""

    problem: str | None  # why it is not an ordinary, whole JPEG; None: it is one
    size: tuple[int, int] | None = None  # width × height of its frame header


@dataclass(eq=False)
class _Component:
    horizontal: int
    vertical: int
    quant: int
    scans: int = 0  # sequential: scans holding it; progressive: its first DC scans


class _Reader:
    """A file read forward in blocks; ``data[pos:]`` is what is read and not yet used."""

    def __init__(self, stream: BinaryIO) -> None:
        self.stream = stream
        self.data = b""
        self.pos = 0

    def more(self) -> bool:
        """Append the next block to what is left; False at the end of the file."""
        rest, self.data, self.pos = self.data[self.pos:], b"", 0  # the old block goes first
        block = self.stream.read(BLOCK)
        self.data = rest + block
        return bool(block)

    def take(self, size: int) -> bytes | None:
        """The next ``size`` bytes, or None when the file ends first."""
        while len(self.data) - self.pos < size:
            if not self.more():
                return None
        start = self.pos
        self.pos += size
        return self.data[start:self.pos]

    def skip(self, size: int) -> bool:
        while len(self.data) - self.pos < size:
            size -= len(self.data) - self.pos
            self.data, self.pos = b"", 0
            if not self.more():
                return False
        self.pos += size
        return True

    def marker(self) -> int | None:
        """The code of the marker that must come next (after any fill bytes ``FF``);
        None when something else comes, or nothing."""
        if self.take(1) != b"\xff":
            return None
        while (code := self.take(1)) == b"\xff":
            pass
        return code[0] if code else None

    def entropy_coded(self) -> tuple[int, int] | None:
        """Pass over entropy-coded data: its length and the code of the marker ending
        it, or None when the file ends first. Stuffed bytes (``FF 00``), restart
        markers (``FF D0``–``FF D7``) and fill bytes belong to the data."""
        length = 0
        while True:
            found = _MARKER.search(self.data, self.pos)
            if found is not None:
                length += found.start() - self.pos
                self.pos = found.end()
                return length, self.data[self.pos - 1]
            # A last FF is judged with the next block.
            kept = len(self.data) - self.data.endswith(b"\xff")
            length += kept - self.pos
            self.pos = kept
            if not self.more():
                return None


def _tables(payload: bytes, dc: set[int], ac: set[int]) -> str | None:
    """Huffman tables (a DHT segment), checked as libjpeg checks them."""
    at = 0
    while at < len(payload):
        if len(payload) - at < 17:
            return "a Huffman table is cut short"
        kind, slot = payload[at] >> 4, payload[at] & 15
        counts = payload[at + 1:at + 17]
        total = sum(counts)
        if kind > 1 or slot > 3 or not 0 < total <= 256 or len(payload) - at - 17 < total:
            return "a Huffman table is malformed"
        code = 0
        for bits, count in enumerate(counts, 1):
            code += count
            if code >= 1 << bits:  # a code of all ones, or more codes than fit
                return "a Huffman table is malformed"
            code <<= 1
        if kind == 0 and max(payload[at + 17:at + 17 + total]) > 15:
            return "a DC Huffman table has impossible values"
        (ac if kind else dc).add(slot)
        at += 17 + total
    return None


def _quantization(payload: bytes, quant: set[int]) -> str | None:
    at = 0
    while at < len(payload):
        precision, slot = payload[at] >> 4, payload[at] & 15
        if precision != 0 or slot > 3 or len(payload) - at < 65:
            return "a quantization table is not an ordinary one"
        quant.add(slot)
        at += 65
    return None


def _frame(payload: bytes) -> tuple[tuple[int, int], dict[int, _Component]] | str:
    """A frame header (SOF): 8-bit samples, grey or colour, sampling factors of 1 or 2."""
    if len(payload) < 6:
        return "the frame header is cut short"
    precision = payload[0]
    height, width = int.from_bytes(payload[1:3], "big"), int.from_bytes(payload[3:5], "big")
    count = payload[5]
    if precision != 8 or count not in (1, 3) or len(payload) != 6 + 3 * count:
        return "the frame header is not an ordinary one"
    if not (0 < width <= MAX_SIDE and 0 < height <= MAX_SIDE):
        return "the image has an impossible size"
    components: dict[int, _Component] = {}
    for at in range(6, len(payload), 3):
        ident, factors, quant = payload[at:at + 3]
        horizontal, vertical = factors >> 4, factors & 15
        if ident in components or horizontal not in (1, 2) or vertical not in (1, 2) \
                or quant > 3:
            return "the frame header is not an ordinary one"
        components[ident] = _Component(horizontal, vertical, quant)
    return (width, height), components


def _scan(payload: bytes, progressive: bool, components: dict[int, _Component],
          dc: set[int], ac: set[int], quant: set[int]) -> str | None:
    """A scan header (SOS), checked against the frame and the tables defined so far."""
    count = payload[0] if payload else 0
    if not 1 <= count <= 4 or len(payload) != 4 + 2 * count:
        return "a scan header is malformed"
    start, end, approximation = payload[-3], payload[-2], payload[-1]
    high, low = approximation >> 4, approximation & 15
    scanned: dict[int, _Component] = {}
    for at in range(1, 1 + 2 * count, 2):
        component = components.get(payload[at])
        if component is None or payload[at] in scanned or component.quant not in quant:
            return "a scan names a component or table that is not there, or one twice"
        scanned[payload[at]] = component
        dc_slot, ac_slot = payload[at + 1] >> 4, payload[at + 1] & 15
        needs_dc = start == 0 and high == 0
        needs_ac = not progressive or start > 0
        if (needs_dc and dc_slot not in dc) or (needs_ac and ac_slot not in ac):
            return "a scan needs a Huffman table that is not there"
    if count > 1 and sum(c.horizontal * c.vertical for c in scanned.values()) \
            > MAX_BLOCKS_IN_MCU:
        return "a scan's blocks do not fit a decoder"
    if not progressive:
        if (start, end, approximation) != (0, 63, 0) or any(c.scans for c in scanned.values()):
            return "a scan is not an ordinary sequential one"
    elif (start == 0 and end != 0) or (start > 0 and (count != 1 or start > end or end > 63)) \
            or (high and low != high - 1) or low > 13:
        return "a progressive scan has impossible parameters"
    for component in scanned.values():
        if not progressive or (start == 0 and high == 0):
            component.scans += 1
    return None


def walk(stream: BinaryIO) -> JpegLayout:
    """Walk a JPEG file from its start-of-image to its end-of-image marker."""
    reader = _Reader(stream)
    if reader.take(2) != b"\xff\xd8":
        return JpegLayout("no start-of-image marker")
    progressive = False
    size: tuple[int, int] | None = None
    components: dict[int, _Component] = {}
    dc: set[int] = set()
    ac: set[int] = set()
    quant: set[int] = set()
    scans = 0
    code = reader.marker()
    while code != _EOI:
        if code is None:
            return JpegLayout("the file ends, or holds something else, where a marker must be")
        head = reader.take(2)
        length = int.from_bytes(head, "big") - 2 if head else -1
        if length < 0:
            return JpegLayout("a segment's length is impossible or cut short")
        if 0xE0 <= code <= 0xEF or code == _COM:  # application data, comments
            if not reader.skip(length):
                return JpegLayout("the file ends inside a segment")
            code = reader.marker()
            continue
        payload = reader.take(length)
        if payload is None:
            return JpegLayout("the file ends inside a segment")
        problem: str | None = None
        if code in _SEQUENTIAL or code == _PROGRESSIVE:
            found = _frame(payload) if size is None else "two frame headers"
            if isinstance(found, str):
                return JpegLayout(found)
            size, components = found
            progressive = code == _PROGRESSIVE
        elif code == _DHT:
            problem = _tables(payload, dc, ac)
        elif code == _DQT:
            problem = _quantization(payload, quant)
        elif code == _DRI:
            problem = None if length == 2 else "a restart interval segment is malformed"
        elif code == _SOS:
            if size is None:
                return JpegLayout("a scan comes before the frame header")
            scans += 1
            problem = _scan(payload, progressive, components, dc, ac, quant) or (
                "too many scans" if scans > MAX_SCANS else None)
            if problem is None:
                ended = reader.entropy_coded()
                if ended is None:
                    return JpegLayout("the file ends inside the image data")
                if ended[0] == 0:
                    return JpegLayout("a scan holds no image data")
                code = ended[1]
                continue
        else:
            problem = f"a marker (0x{code:02X}) an ordinary JPEG does not hold"
        if problem is not None:
            return JpegLayout(problem)
        code = reader.marker()
    # Sequential: each component in exactly one scan (_scan refuses a second one);
    # progressive: each with its first DC scan.
    if size is None or any(c.scans == 0 for c in components.values()):
        return JpegLayout("a component of the image is never scanned")
    return JpegLayout(None, size)
