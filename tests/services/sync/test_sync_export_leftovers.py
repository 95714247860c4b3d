"""A killed export leaves nothing misleading behind: no temp file, no blank history row."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PIL import Image
from sync_helpers import add_photo, completed_inspection, installation

from inspector.services import inspections
from inspector.services.photo_store import PhotoStore
from inspector.services.store_lock import EXPORT_LOCK_NAME, FolderClaim
from inspector.services.sync.errors import SyncError
from inspector.services.sync.export import LEFTOVER_AGE_S, export_bundle
from inspector.services.sync.history import bundle_history
from inspector.services.sync.identity import Role


def noise_jpeg() -> bytes:
    """A photo that does not compress (random pixels), so the export takes a moment."""
    image = Image.frombytes("RGB", (640, 480), os.urandom(640 * 480 * 3))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=95)
    return out.getvalue()


def test_a_killed_export_is_cleared_and_logged_as_interrupted(tmp_path: Path) -> None:
    field = installation(tmp_path, "field", Role.FIELD)
    inspection_id = completed_inspection(field, photos=0)
    with field.db.transaction() as session:
        inspections.reopen(session, inspection_id, "张三", "补照片")
    for n in range(60):
        add_photo(field, inspection_id, noise_jpeg(), n)
    with field.db.transaction() as session:
        inspections.complete(session, inspection_id, "张三")
    stick = tmp_path / "stick"
    stick.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "INSPECTOR_DATA_DIR"}
    parts: list[Path] = []
    for _attempt in range(5):  # until the kill lands while the bundle is being written
        run = subprocess.Popen(
            [sys.executable, "-m", "inspector", "--data-dir", str(field.paths.data_dir),
             "bundle", "export", "-o", str(stick)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        deadline = time.monotonic() + 60
        while run.poll() is None and time.monotonic() < deadline:
            parts = list(stick.glob(".*.part"))
            if parts:
                os.kill(run.pid, signal.SIGKILL)
                break
        run.wait(timeout=60)
        if parts and run.returncode == -signal.SIGKILL:
            break
        for done in stick.iterdir():
            done.unlink()
    else:
        pytest.fail("the export always finished before it could be killed")
    assert any(p.exists() for p in parts)
    with field.db.session() as session:
        assert [e.status for e in bundle_history(session)] == ["writing"]
    # A fresh leftover may still be another export's: it stays. An old one goes.
    old = time.time() - LEFTOVER_AGE_S - 60
    for part in parts:
        os.utime(part, (old, old))
    result = export_bundle(field, stick)
    assert not any(p.exists() for p in parts)
    assert sorted(p.name for p in stick.iterdir()) == [result.path.name]
    with field.db.session() as session:
        logged = bundle_history(session)
    assert [e.status for e in logged] == ["written", "interrupted"]
    assert logged[0].sequence == logged[1].sequence + 1  # the killed one's number stays used
    field.close()


def test_a_second_export_at_the_same_time_is_refused(tmp_path: Path) -> None:
    field = installation(tmp_path, "field", Role.FIELD)
    completed_inspection(field, photos=1)
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys; from pathlib import Path; "
         "from inspector.services.store_lock import FolderClaim; "
         f"c = FolderClaim(Path(sys.argv[1]), {EXPORT_LOCK_NAME!r}); "
         "print(c.try_claim(), flush=True); sys.stdin.read()",
         str(field.paths.data_dir)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "True"
        with pytest.raises(SyncError, match="another export"):
            export_bundle(field, tmp_path)
    finally:
        holder.communicate("", timeout=30)
    claim = FolderClaim(field.paths.data_dir, EXPORT_LOCK_NAME)
    assert claim.try_claim()
    claim.release()
    assert export_bundle(field, tmp_path).path.exists()
    field.close()


def test_an_export_with_a_missing_photo_file_names_where_it_is_used(tmp_path: Path) -> None:
    field = installation(tmp_path, "field", Role.FIELD)
    completed_inspection(field, photos=2)
    store = PhotoStore.for_paths(field.paths)
    sha, path = next(store.stored_files())
    path.unlink()
    with pytest.raises(SyncError) as refused:
        export_bundle(field, tmp_path)
    message = str(refused.value)
    assert "东门社区教学点" in message and "inspector check" in message
    assert sha[:12] not in message  # places, not hashes
    assert list(tmp_path.glob("*.inspector-bundle")) == []
    field.close()
