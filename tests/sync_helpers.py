"""Shared helpers of the sync tests: installations, inspections with photos, full dumps."""

from __future__ import annotations

import hashlib
import io
import json
import sqlite3
import warnings
import zipfile
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PIL import Image

from inspector import assets
from inspector.app_paths import AppPaths
from inspector.services import inspections
from inspector.services.context import AppContext, open_context
from inspector.services.photo_store import PhotoStore
from inspector.services.sites import site_id_for_code
from inspector.services.sites_csv import import_sites
from inspector.services.sync.bundle_format import canonical_json
from inspector.services.sync.identity import Role, set_role
from inspector.storage.models import Photo

VILLAGE = "330799001001"
OTHER_VILLAGE = "330799001002"


def installation(root: Path, name: str, role: Role) -> AppContext:
    """A data directory with the demo county and a role."""
    paths = AppPaths.resolve(root / name)
    context = open_context(paths)
    with context.db.transaction() as session:  # the demo county's sites, no demo inspections
        import_sites(session, assets.real_path(assets.resource("demo", "sites.csv")))
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


def rewrite_bundle(source: Path, target: Path, *,
                   change: Callable[[str, bytes], bytes | None] | None = None,
                   extra: Sequence[tuple[zipfile.ZipInfo | str, bytes]] = (),
                   manifest: Callable[[dict[str, Any]], dict[str, Any]] | None = None,
                   signer: Ed25519PrivateKey | None = None) -> Path:
    """A copy of a bundle with members changed, dropped or added, and the manifest
    changed and re-signed by ``signer`` (without a signer the old signature stays)."""
    with zipfile.ZipFile(source) as zf:
        members = {info.filename: zf.read(info) for info in zf.infolist()}
    data = members.pop("manifest.json")
    signature = members.pop("manifest.sig")
    if manifest is not None:
        data = canonical_json(manifest(json.loads(data)))
    if signer is not None:
        signature = signer.sign(data)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # duplicate names are written on purpose
        with zipfile.ZipFile(target, "w") as out:
            for name, content in members.items():
                changed = change(name, content) if change else content
                if changed is not None:
                    out.writestr(name, changed, compress_type=zipfile.ZIP_STORED
                                 if name.startswith("photos/") else zipfile.ZIP_DEFLATED)
            for info, content in extra:
                out.writestr(info, content, compress_type=zipfile.ZIP_DEFLATED)
            out.writestr("manifest.json", data)
            out.writestr("manifest.sig", signature)
    return target
