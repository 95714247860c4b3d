"""Shared helpers of the sync tests: installations, inspections with photos, full dumps."""

from __future__ import annotations

import hashlib
import io
import sqlite3
from datetime import date
from pathlib import Path

from PIL import Image

from inspector.app_paths import AppPaths
from inspector.services import inspections
from inspector.services.context import AppContext, open_context
from inspector.services.demo import load_demo
from inspector.services.photo_store import PhotoStore
from inspector.services.sites import site_id_for_code
from inspector.services.sync.identity import Role, set_role
from inspector.storage.models import Photo

VILLAGE = "330799001001"
OTHER_VILLAGE = "330799001002"


def installation(root: Path, name: str, role: Role) -> AppContext:
    """A data directory with the demo county and a role."""
    paths = AppPaths.resolve(root / name)
    context = open_context(paths)
    load_demo(context)
    set_role(paths, role, name=name)
    return context


def jpeg_bytes(seed: int, size: tuple[int, int] = (32, 24)) -> bytes:
    image = Image.new("RGB", size, ((seed * 37) % 256, (seed * 91) % 256, (seed * 53) % 256))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90)
    return out.getvalue()


def add_photo(context: AppContext, inspection_id: str, data: bytes, position: int = 0) -> str:
    store = PhotoStore.for_paths(context.paths)
    sha = hashlib.sha256(data).hexdigest()
    target = store.path_for(sha, "jpg")
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    with context.db.transaction() as session:
        photo = Photo(inspection_id=inspection_id, sha256=sha, original_name=f"p{position}.jpg",
                      media_type="image/jpeg", size_bytes=len(data), width=32, height=24,
                      position=position)
        session.add(photo)
    return photo.id


def completed_inspection(context: AppContext, code: str = VILLAGE, photos: int = 1,
                         rating: str = "meets", seed: int = 0) -> str:
    """A completed inspection of a site with every criterion rated and some photos."""
    with context.db.transaction() as session:
        inspection = inspections.start_inspection(
            session, site_id_for_code(code), date(2026, 11, 20), inspectors="张三")
        state = inspections.load_state(session, inspection.id)
        for criterion in state.criteria:
            inspections.set_rating(session, inspection.id, criterion.id, rating)
            if rating != "meets":
                inspections.set_note(session, inspection.id, criterion.id, "需整改")
        inspection_id = inspection.id
    for n in range(photos):
        add_photo(context, inspection_id, jpeg_bytes(seed * 100 + n), n)
    with context.db.transaction() as session:
        inspections.complete(session, inspection_id, "张三")
    return inspection_id


def dump(context: AppContext) -> tuple[list[str], list[tuple[str, str]]]:
    """Every row of the database and every file of the photo store, with its hash."""
    with sqlite3.connect(context.db.path) as conn:
        rows = list(conn.iterdump())
    conn.close()
    files = []
    for path in sorted(context.paths.photos.rglob("*")):
        if path.is_file():
            files.append((str(path.relative_to(context.paths.photos)),
                          hashlib.sha256(path.read_bytes()).hexdigest()))
    return rows, files
