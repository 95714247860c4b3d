"""Shared helpers of the supervision loop's command-line tests: an office and a field laptop
(data folders with the demo county) exchanging real bundle files through ``inspector bundle
export/import``, the field's work done through the services as the window does it, and the
checks that a refused command says one line, exits 2 and changes nothing."""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sync_helpers import VILLAGE, add_photo, installation, jpeg_bytes

from inspector.app_paths import AppPaths
from inspector.cli import main
from inspector.errors import SEPARATOR
from inspector.services import inspections
from inspector.services.context import AppContext, open_context
from inspector.services.sites import site_id_for_code
from inspector.services.sync.identity import Role
from inspector.storage.models import Photo

TODAY = date.today()
SITE = site_id_for_code(VILLAGE)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> Any:
    """The command's JSON output; it must succeed."""
    code, out, err = run(capsys, *args, "--format", "json")
    assert code == 0, err
    return json.loads(out)


def quietly(*args: str) -> str:
    """Run a command that must succeed, outside any test's captured output; its output."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    assert code == 0, err.getvalue()
    return out.getvalue()


def snapshot(folder: Path) -> tuple[list[str], list[tuple[str, str]]]:
    """Every row of the folder's database and every photo file with its hash."""
    with sqlite3.connect(folder / "inspector.sqlite3") as conn:
        rows = list(conn.iterdump())
    conn.close()
    files = sorted((str(p.relative_to(folder)), hashlib.sha256(p.read_bytes()).hexdigest())
                   for p in (folder / "photos").rglob("*")
                   if p.is_file() and p.name != ".lock")
    return rows, files


def refused(capsys: pytest.CaptureFixture[str], folder: Path, *args: str) -> str:
    """The command fails as expected: one line on stderr, nothing on stdout, exit 2, and the
    data folder unchanged. Returns the line."""
    before = snapshot(folder)
    code, out, err = run(capsys, *args, "--data-dir", str(folder))
    assert code == 2, (code, out, err)
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and SEPARATOR.search(lines[0]), err  # "中文 / English"
    assert snapshot(folder) == before
    return lines[0]


def carry(source: Path, target: Path, bundle: Path) -> None:
    """A bundle written by ``source`` and imported by ``target``, through the command line."""
    quietly("bundle", "export", "-o", str(bundle), "--data-dir", str(source))
    quietly("bundle", "import", str(bundle), "--trust-new-device", "--data-dir", str(target))


@contextlib.contextmanager
def opened(folder: Path) -> Any:
    context = open_context(AppPaths.resolve(folder))
    try:
        yield context
    finally:
        context.close()


def photo_under(context: AppContext, inspection_id: str, criterion_id: str, seed: int) -> str:
    photo_id = add_photo(context, inspection_id, jpeg_bytes(seed), position=seed)
    with context.db.transaction() as session:
        row = session.get(Photo, photo_id)
        assert row is not None
        row.criterion_id = criterion_id
        session.add(row)
    return photo_id


def inspect(field: Path) -> tuple[str, list[str]]:
    """On the laptop: the village rated, two criteria not met and one partly (each with a
    note), the rest met, a photo on the first finding, completed. Returns the inspection and
    its findings' criteria."""
    with opened(field) as context:
        with context.db.transaction() as session:
            inspection = inspections.start_inspection(session, SITE, TODAY, inspectors="张三")
            criteria = [c.id for c in inspections.load_state(session, inspection.id).criteria]
            for n, cid in enumerate(criteria):
                rating = {0: "not_met", 1: "not_met", 2: "partly"}.get(n, "meets")
                inspections.set_rating(session, inspection.id, cid, rating)
                if rating != "meets":
                    inspections.set_note(session, inspection.id, cid, f"问题：{cid}")
            inspection_id = inspection.id
        photo_under(context, inspection_id, criteria[0], seed=1)
        with context.db.transaction() as session:
            inspections.complete(session, inspection_id, "张三")
    return inspection_id, criteria[:3]


def criteria_of(folder: Path, inspection_id: str) -> list[str]:
    with opened(folder) as context, context.db.session() as session:
        return [c.id for c in inspections.load_state(session, inspection_id).criteria]


@dataclass(frozen=True)
class Pair:
    """An office and a field laptop, and the inspection the office received."""

    office: Path
    field: Path
    inspection_id: str
    wanting: list[str]  # the criteria it found wanting, in checklist order

    def copy(self, root: Path) -> Pair:
        """The same two folders, copied under ``root`` for one test."""
        office, field = root / "office", root / "field"
        shutil.copytree(self.office, office)
        shutil.copytree(self.field, field)
        return Pair(office, field, self.inspection_id, self.wanting)

    @property
    def data(self) -> str:
        return str(self.office)


def received(root: Path) -> Pair:
    """An office with an inspection awaiting review (received in a results bundle), and the
    laptop that made it (the office's key pinned there)."""
    for name, role in (("office", Role.OFFICE), ("field", Role.FIELD)):
        installation(root, name, role).close()
    office, field = root / "office", root / "field"
    carry(office, field, root / "a0.inspector-bundle")
    inspection_id, wanting = inspect(field)
    carry(field, office, root / "r1.inspector-bundle")
    return Pair(office, field, inspection_id, wanting)
