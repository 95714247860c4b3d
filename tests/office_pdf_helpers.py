"""Shared by the tests of the office's printed documents: an office data folder with an
approved inspection whose findings became a feedback letter, made through the front door
(services/api/office.py) as the office makes them; and the images on a PDF's pages."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from pypdf import PdfReader
from sync_helpers import VILLAGE, add_photo, installation, jpeg_bytes

from inspector.services import inspections
from inspector.services.api import office
from inspector.services.api.office import LetterView
from inspector.services.context import AppContext
from inspector.services.sites import site_id_for_code
from inspector.services.sync.identity import Role
from inspector.storage.models import Photo

TODAY = date.today()
SITE = site_id_for_code(VILLAGE)


@dataclass(frozen=True)
class Approved:
    inspection_id: str
    criteria: list[str]  # the findings' criteria, in checklist order
    letter: LetterView


def office_folder(root: Path) -> AppContext:
    return installation(root, "office", Role.OFFICE)


def photo_under(context: AppContext, inspection_id: str, criterion_id: str, seed: int,
                size: tuple[int, int] = (320, 240)) -> str:
    """A photo (distinct for each seed) under a criterion of the inspection."""
    photo_id = add_photo(context, inspection_id, jpeg_bytes(seed, size), position=seed)
    with context.db.transaction() as session:
        row = session.get(Photo, photo_id)
        assert row is not None
        row.criterion_id = criterion_id
        row.width, row.height = size
        session.add(row)
    return photo_id


def approved_inspection(context: AppContext, notes: Sequence[str] = (), *,
                        site: str = SITE, photos: Sequence[int] = ()) -> Approved:
    """Inspect the site (two criteria 不符合, one 基本符合, each with its note from
    ``notes`` when given), with a photo under the first finding for each seed in
    ``photos``, complete, and approve: the site's letter is drafted."""
    with context.db.transaction() as session:
        inspection = inspections.start_inspection(session, site, TODAY, inspectors="张三、李四")
        criteria = [c.id for c in inspections.load_state(session, inspection.id).criteria]
        for index, cid in enumerate(criteria):
            rating = {0: "not_met", 1: "not_met", 2: "partly"}.get(index, "meets")
            inspections.set_rating(session, inspection.id, cid, rating)
            if rating != "meets":
                note = notes[index] if index < len(notes) else f"发现问题：第{index + 1}项不达标"
                inspections.set_note(session, inspection.id, cid, note)
        inspection_id = inspection.id
    for seed in photos:
        photo_under(context, inspection_id, criteria[0], seed)
    with context.db.transaction() as session:
        inspections.complete(session, inspection_id, "张三")
    approved = office.approve(context, inspection_id, "王主任", "同意")
    assert approved.letter is not None
    return Approved(inspection_id, criteria[:3], approved.letter)


def issue(context: AppContext, letter: LetterView) -> LetterView:
    return office.issue_letter(context, letter.id, TODAY + timedelta(days=30), "王主任", TODAY)


def page_images(path: Path) -> list[list[tuple[int, int]]]:
    """The images (image XObjects) each page of a PDF draws, as their pixel sizes."""
    pages = []
    for page in PdfReader(path).pages:
        resources = page.get("/Resources")
        xobjects = resources.get_object().get("/XObject") if resources else None
        found = []
        for ref in (xobjects.get_object().values() if xobjects else ()):
            image = ref.get_object()
            if image.get("/Subtype") == "/Image":
                found.append((int(image["/Width"]), int(image["/Height"])))
        pages.append(found)
    return pages


def image_counts(path: Path) -> list[int]:
    """How many images each page of a PDF draws."""
    return [len(images) for images in page_images(path)]
