"""Reading a records member as batches of parsed rows, hashing it again on the way."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from collections.abc import Iterator
from typing import Any, cast

from inspector.services.control import Control, check
from inspector.services.sync import bundle_format as bf
from inspector.services.sync.errors import BundleRefused
from inspector.services.sync.verify import OpenedBundle

BATCH = 900  # rows per batch (and ids per look-up, below SQLite's variable limit)


def records_of(zf: zipfile.ZipFile, member: bf.Member, control: Control
             ) -> Iterator[tuple[int, list[Any]]]:
    """(first line number, parsed rows) in batches, re-hashed on the way (the file may
    change after it was verified)."""
    digest = hashlib.sha256()
    size = 0
    lines: list[bytes] = []
    first = 1
    with zf.open(member.path) as raw:
        reader = io.BufferedReader(cast(Any, raw), 1 << 20)
        for line in reader:
            size += len(line)
            if size > member.size:
                raise BundleRefused(f"{member.path} changed since it was verified")
            digest.update(line)
            lines.append(line)
            if len(lines) >= BATCH:
                check(control)
                yield first, parse_lines(lines, member.path, first)
                first += len(lines)
                lines = []
    if lines:
        yield first, parse_lines(lines, member.path, first)
    if size != member.size or digest.hexdigest() != member.sha256:
        raise BundleRefused(f"{member.path} changed since it was verified")


def parse_lines(lines: list[bytes], path: str, first: int) -> list[Any]:
    """All lines in one parse; line by line only to name the line that is not JSON."""
    try:
        rows = json.loads(b"[" + b",".join(lines) + b"]")
        if isinstance(rows, list) and len(rows) == len(lines):
            return rows
    except ValueError:
        pass
    rows = []
    for offset, line in enumerate(lines):
        try:
            rows.append(json.loads(line))
        except ValueError:
            raise BundleRefused(f"{path} line {first + offset}: not JSON") from None
    return rows


def member_of(opened: OpenedBundle, path: str) -> bf.Member:
    return next(m for m in opened.manifest.members if m.path == path)
