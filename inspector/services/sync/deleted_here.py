"""Incoming records that were deleted here: which stay out and which come back.

A record deleted on this installation leaves a tombstone
(:mod:`inspector.services.tombstones`) with the version vector it had. An
incoming version of it

- stays out (**deleted here**) when the tombstone's vector covers it: the
  deleted version knew every edit it carries, so it is what was deleted (or
  older);
- comes back (**brought back**) when it carries an edit the deleted version
  never saw, made elsewhere after that version was exchanged: a change
  nobody here has looked at is not thrown away unseen; the preview counts it
  apart and the user may delete it again (the new tombstone then covers it).

A record whose parent stays out with it (a photo, rating or history entry of
an inspection deleted here, by ``ON DELETE CASCADE``) stays out too. One
object per import run; the merge asks it about the records not here.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.engine import Connection

from inspector.services.photo_store import PhotoStore
from inspector.services.sync import records as rec
from inspector.services.sync.errors import BundleRefused
from inspector.services.tombstones import (
    forget_tombstones,
    load_tombstones,
    tables_with_tombstones,
)


def _cascade_parents(spec: rec.TableSpec) -> tuple[tuple[int, str], ...]:
    """(column position, parent table) of the synced parents this record is deleted with."""
    found = []
    for fk in spec.table.foreign_keys:
        parent = fk.column.table.name
        if (fk.ondelete or "").upper() == "CASCADE" and parent in rec.SPECS:
            found.append((spec.local_columns.index(fk.parent.name), parent))
    return tuple(found)


class DeletedHere:
    """The records of one import that were deleted here, by table."""

    def __init__(self, conn: Connection, me: str) -> None:
        self.conn, self.me = conn, me
        self.tables = tables_with_tombstones(conn)
        self.out: dict[str, set[str]] = {}  # staying out in this import
        self.back: dict[str, set[str]] = {}  # coming back in this import
        self.files_out: set[str] = set()  # photo files of records staying out
        self.files_in: set[str] = set()  # photo files of every other incoming photo record

    def sort(self, spec: rec.TableSpec, rows: list[list[Any]]
             ) -> tuple[list[list[Any]], list[list[Any]], list[list[Any]]]:
        """Rows of records not here: (new, deleted here, brought back)."""
        if not self.tables:
            return rows, [], []
        name = spec.name
        parents = _cascade_parents(spec)
        parents_out = self._parents_out(parents, rows)
        tombstones = load_tombstones(self.conn, name, [r[0] for r in rows]) \
            if name in self.tables else {}
        new, out, back = [], [], []
        for row in rows:
            tombstone = tombstones.get(row[0])
            if any(row[position] in parents_out[parent] for position, parent in parents):
                out.append(row)
            elif tombstone is None:
                new.append(row)
            elif tombstone.keeps_out(row[-1], self.me):
                out.append(row)
            else:
                back.append(row)
        self.out.setdefault(name, set()).update(r[0] for r in out)
        self.back.setdefault(name, set()).update(r[0] for r in back)
        return new, out, back

    def _parents_out(self, parents: tuple[tuple[int, str], ...],
                     rows: list[list[Any]]) -> dict[str, set[str]]:
        """Of the parents these rows name, the ones staying out (deleted here)."""
        found: dict[str, set[str]] = {}
        for position, parent in parents:
            ids = {row[position] for row in rows if row[position] is not None}
            out = ids & self.out.get(parent, set())
            if parent in self.tables:  # deleted here and not in this bundle
                unknown = sorted(ids - out - self.back.get(parent, set()))
                out |= set(load_tombstones(self.conn, parent, unknown))
            found.setdefault(parent, set()).update(out)
        return found

    def note_files(self, sha_at: int, out: list[list[Any]], others: list[list[Any]]) -> None:
        self.files_out.update(row[sha_at] for row in out)
        self.files_in.update(row[sha_at] for row in others)

    def files_kept_out(self) -> set[str]:
        """Photo files only records staying out refer to: not taken into the store."""
        return self.files_out - self.files_in

    def forget(self, spec: rec.TableSpec, back: list[list[Any]]) -> None:
        forget_tombstones(self.conn, spec.name, [row[0] for row in back])


def check_files(store: PhotoStore, sha_at: int, rows: list[list[Any]],
                files_kept_out: frozenset[str]) -> None:
    """Photo records to insert whose file the preview left out: the data here changed
    between the preview and the import (a deletion undone), so the import stops."""
    for row in rows:
        if row[sha_at] in files_kept_out and store.find(row[sha_at]) is None:
            raise BundleRefused("预览之后本机的照片有变化，请重新导入 / the photos here changed "
                                "since the preview; please import the bundle again")
