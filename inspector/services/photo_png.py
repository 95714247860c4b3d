"""Walking a PNG file's chunks: is it whole, how many frames, how many grey bits.

Pillow decodes a PNG's image data but does not check every chunk's checksum,
that the end chunk is there, or that an animated PNG's frames are in sequence;
:func:`file_layout` does, reading the file once.
"""

from __future__ import annotations

import io
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

SIGNATURE = b"\x89PNG\r\n\x1a\n"


@dataclass(frozen=True)
class PngLayout:
    """What a walk through a PNG file's chunks found."""

    problem: str | None  # why the file is damaged or incomplete; None: it is whole
    grey_bits: int | None  # significant bits of the grey channel (sBIT), when given
    frames: int  # frames of an animated PNG (fcTL chunks); 1 for a still image


def _walk(stream: BinaryIO) -> PngLayout:
    """Walk every chunk of a PNG file, checking each checksum, the end chunk and the
    order of an animated PNG's frame chunks. Reads the file once, 1 MiB at a time."""
    grey_bits: int | None = None
    frames = 0
    sequence = 0  # the next fcTL/fdAT sequence number expected
    colour_type = -1

    def layout(problem: str | None) -> PngLayout:
        return PngLayout(problem, grey_bits, max(1, frames))

    if stream.read(8) != SIGNATURE:
        return layout("no PNG signature")
    while True:
        header = stream.read(8)
        if len(header) < 8:
            return layout("the file ends before its IEND chunk")
        length, kind = struct.unpack(">I4s", header)
        if length > 0x7FFF_FFFF:
            return layout(f"chunk {kind!r} has an impossible length")
        checksum = zlib.crc32(kind)
        start = b""
        remaining = length
        while remaining:
            block = stream.read(min(remaining, 1 << 20))
            if not block:
                return layout(f"the file ends inside chunk {kind!r}")
            if len(start) < 32:
                start += block[:32 - len(start)]
            checksum = zlib.crc32(block, checksum)
            remaining -= len(block)
        stored = stream.read(4)
        if len(stored) < 4 or struct.unpack(">I", stored)[0] != checksum:
            return layout(f"chunk {kind!r} is damaged (checksum)")
        if kind == b"IHDR" and len(start) >= 10:
            colour_type = start[9]
        elif kind == b"sBIT" and colour_type in (0, 4) and start:
            grey_bits = start[0]
        elif kind in (b"fcTL", b"fdAT"):
            if len(start) < 4 or struct.unpack(">I", start[:4])[0] != sequence:
                return layout("the animation's frames are out of sequence")
            sequence += 1
            frames += kind == b"fcTL"
        elif kind == b"IEND":
            return layout(None)


def file_layout(source: Path | io.BytesIO) -> PngLayout:
    if isinstance(source, io.BytesIO):
        return _walk(io.BytesIO(source.getvalue()))
    with source.open("rb") as stream:
        return _walk(stream)

