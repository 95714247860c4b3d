"""The records an export carries, read and remembered mostly inside SQLite.

Per table a bundle carries, in batches of :data:`ROWS_PER_READ` records of the
export's snapshot, in rowid order:

1. one ``INSERT … SELECT`` copies each exported record's rowid, id, revision,
   the version vector it is sent with and what is to be marked once the bundle
   is in place into the **seal**: a SQLite file of its own under
   ``cache/export/`` in the data folder, attached to the snapshot's connection.
   A record never exchanged is sent with a version named by its content
   (:func:`records.origin_vv`): SQLite writes the content as JSON, a Python
   function hashes it;
2. one ``SELECT`` joins those seal rows back to the records and has SQLite
   write the batch's JSON lines (``json_array`` … ``group_concat``): Python
   handles one string per batch, not a value per column.

SQLite writes the JSON Python's ``json.dumps`` writes for text, integers and
NULL, byte for byte (checked once per process by :func:`sqlite_json_agrees`),
so a version named by content is the same whoever computes it. A table with a
float column (photos: GPS; SQLite writes floats to 15 digits, Python to 17) or
a SQLite that does not agree is written by Python, from the same seal.

Once the bundle is in place, :meth:`Seal.mark_sent` marks what it carried with
one ``UPDATE … FROM`` the seal per table. Memory stays flat: what the export
must remember lives in the seal file, not in Python.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import queue
import sqlite3
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from sqlalchemy.engine import Connection

from inspector.services.sync import records as rec
from inspector.services.sync.errors import SyncError
from inspector.storage import disk_errors

log = logging.getLogger(__name__)

ROWS_PER_READ = 5000  # records read from the snapshot, and written as lines, at a time
SCHEMA = "export_seal"  # the seal's name where it is attached
#: The ids of the inspections whose records an export carries, chosen once (see export.py).
SENT_INSPECTIONS = f"{SCHEMA}.sent_inspections"
SEAL_SUFFIX = ".seal.sqlite3"
_FRESH = "(t.sync_rev IS NULL OR t.sync_rev != t.revision)"  # changed since last sent
#: 1: a version never sent (mark it sent: version vector, revision, bundle sequence);
#: 2: sent before, sent again (only the bundle sequence changes); 0: nothing to mark.
_MARK = f"CASE WHEN {_FRESH} THEN 1 WHEN coalesce(t.sync_seq, 0) > 0 THEN 2 ELSE 0 END"
_TEMPLATE_KEY = ("coalesce((SELECT tv.template_id || '@' || tv.version"
                 " FROM main.template_versions AS tv WHERE tv.id = t.template_version_id), '?')")


def _sealed(table: str) -> str:
    return f"{SCHEMA}.sealed_{table}"


class Seal:
    """Record versions an export sends, to mark as sent once the bundle is in place.

    One row per exported record: its rowid and id, the version vector it is sent
    with, its revision as read, and the mark (see ``_MARK``). Created by
    :func:`snapshot` while the records are read; a killed export's seal file is
    removed by the next export (:meth:`clear_leftovers`, under the export claim).
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / f"{uuid.uuid4().hex}{SEAL_SUFFIX}"
        #: Per table sealed: how many of its records are to be marked (counted as the
        #: lines are written, so marking needs no count of its own).
        self.to_mark: dict[str, int] = {}

    @staticmethod
    def clear_leftovers(folder: Path) -> None:
        """Remove seals of exports that were killed (call with the export claim held)."""
        try:
            leftovers = list(folder.glob(f"*{SEAL_SUFFIX}*"))
        except OSError as exc:
            log.info("could not look for leftovers in %s: %s", folder, exc)
            return
        for path in leftovers:
            try:
                path.unlink(missing_ok=True)
            except OSError as exc:
                log.info("could not remove %s: %s", path, exc)

    def close(self) -> None:
        """Delete the seal file (nothing if it is gone)."""
        for path in (self.path, self.path.with_name(self.path.name + "-journal")):
            try:
                path.unlink(missing_ok=True)
            except OSError as exc:
                log.warning("could not remove the export's temporary file %s: %s", path, exc)

    def __enter__(self) -> Seal:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- marking, once the bundle is in place ---------------------------------------

    def mark_sent(self, conn: Connection, sequence: int) -> None:
        """Mark every sealed version as sent in bundle ``sequence``: one statement per
        table, in the caller's transaction (``conn`` from :meth:`attached`)."""
        for table, expected in self.to_mark.items():
            if not expected:
                continue
            marked = conn.exec_driver_sql(_mark_sql(table, "t.rowid = s.rid AND t.id = s.id"),
                                          (sequence,)).rowcount
            if marked < expected:  # rows moved or deleted since they were read: by id
                conn.exec_driver_sql(_mark_sql(table, "t.id = s.id"), (sequence,))

    @contextlib.contextmanager
    def attached(self, conn: Connection) -> Iterator[None]:
        """The seal attached to ``conn`` (outside a transaction) while the block runs."""
        conn.exec_driver_sql(f"ATTACH DATABASE ? AS {SCHEMA}", (str(self.path),))
        conn.commit()
        try:
            yield
        finally:
            try:
                conn.rollback()
                conn.exec_driver_sql(f"DETACH DATABASE {SCHEMA}")
                conn.commit()
            except Exception:  # never hand a connection with the seal on to the pool
                log.warning("could not detach the export's seal", exc_info=True)
                conn.invalidate()


def _mark_sql(table: str, join: str) -> str:
    return (f"UPDATE main.{table} AS t SET sync_seq = ?,"
            " sync_vv = CASE s.mark WHEN 1 THEN s.vv ELSE t.sync_vv END,"
            " sync_rev = CASE s.mark WHEN 1 THEN s.rev ELSE t.sync_rev END"
            f" FROM {_sealed(table)} AS s WHERE s.mark > 0 AND {join}")


# -- reading ------------------------------------------------------------------------

@contextlib.contextmanager
def snapshot(database: Path, seal: Seal, device_id: str) -> Iterator[sqlite3.Connection]:
    """A read transaction on ``database`` (every table read as of one moment) with
    ``seal`` attached for writing; the seal's rows are kept when the block ends
    without an error."""
    try:
        seal.folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _seal_error(seal, exc) from exc
    conn = sqlite3.connect(database, timeout=15, isolation_level=None)
    try:
        with _disk_errors(database, seal):
            conn.execute(f"ATTACH DATABASE ? AS {SCHEMA}", (str(seal.path),))
            conn.execute(f"PRAGMA {SCHEMA}.journal_mode = OFF")  # nothing to keep on a crash
            conn.execute(f"PRAGMA {SCHEMA}.synchronous = OFF")
            conn.create_function("export_origin_vv", 1, _origin_vv, deterministic=True)
            conn.create_function("export_vv", 4, _vv_of_json(device_id), deterministic=True)
            conn.create_function("export_vv_of_values", -1, _vv_of_values(device_id),
                                 deterministic=True)
            conn.execute("BEGIN")
        try:
            yield conn
            with _disk_errors(database, seal):
                conn.execute("COMMIT")  # the seal's rows; the database was only read
        finally:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
    finally:
        conn.close()


@contextlib.contextmanager
def _disk_errors(database: Path, seal: Seal) -> Iterator[None]:
    try:
        yield
    except sqlite3.OperationalError as exc:
        problem = disk_errors.describe(database, exc)
        if problem is not None:  # the seal is on the data folder's disk too
            raise problem from exc
        raise


def _seal_error(seal: Seal, exc: OSError) -> SyncError:
    return SyncError(
        f"无法写入导出用的临时文件 {seal.folder}（磁盘已满或没有权限？）/ could not write the "
        f"export's temporary file in {seal.folder} (disk full or no permission?): "
        f"{exc.strerror or exc}")


def _origin_vv(content: bytes, sha256: Any = hashlib.sha256) -> str:
    """``export_origin_vv(content JSON as a blob)``: the version vector of a record never
    exchanged, named by its content (:func:`records.origin_vv`, written out here: this
    runs once for every such record)."""
    return f'{{"~{sha256(content).digest()[:8].hex()}":1}}'


def _vv_of_json(device_id: str) -> Any:
    """``export_vv(sync_vv, revision, sync_rev, content JSON as a blob)``: the version
    vector a record is sent with, as :func:`records.effective_vv` computes it."""
    load, dump = rec.vv_load, rec.vv_dump

    def export_vv(stored: str | None, revision: int, sync_rev: int | None,
                  content: bytes) -> str:
        vv = load(stored)
        if sync_rev is None or sync_rev != revision:
            if not vv:
                return _origin_vv(content)
            vv[device_id] = vv.get(device_id, 0) + 1
        return dump(vv)

    return export_vv


def _vv_of_values(device_id: str) -> Any:
    """``export_vv_of_values(sync_vv, revision, sync_rev, content values…)``: as
    ``export_vv``, the content's JSON written by Python."""
    export_vv = _vv_of_json(device_id)

    def export_vv_of_values(stored: str | None, revision: int, sync_rev: int | None,
                            *content: Any) -> str:
        return str(export_vv(stored, revision, sync_rev,
                             rec.encode_json(content).encode("utf-8")))

    return export_vv_of_values


_AGREES: bool | None = None
#: Values whose JSON SQLite must write exactly as Python does: every ASCII control
#: character, quotes and backslashes, characters some encoders escape (U+2028, BOM),
#: CJK, characters outside the BMP, the extreme integers SQLite holds, NULL.
_PROBE = ("".join(map(chr, range(0x80))), "\u2028\u2029\ufeff\ufffd\x7f\x80\x9f",
          "中文，「检查」", "😀𝄞", '\\"/', "", 0, 1, -1, 2**63 - 1, -(2**63), None)


def sqlite_json_agrees(conn: sqlite3.Connection) -> bool:
    """Whether this process's SQLite writes JSON for text, integers and NULL exactly
    as ``json.dumps(…, ensure_ascii=False, separators=(",", ":"))`` does."""
    global _AGREES
    if _AGREES is None:
        try:
            marks = ", ".join("?" * len(_PROBE))
            written = conn.execute(f"SELECT json_array({marks})", _PROBE).fetchone()[0]
        except sqlite3.Error as exc:  # a SQLite without JSON functions
            log.info("SQLite cannot write JSON (%s): the export writes it itself", exc)
            written = None
        _AGREES = written == rec.encode_json(_PROBE)
        if not _AGREES:
            log.info("SQLite writes JSON differently: the export writes it itself")
    return _AGREES


class TableReader:
    """One table's exported records from a :func:`snapshot`, as JSON lines in batches,
    sealed on the way."""

    def __init__(self, conn: sqlite3.Connection, spec: rec.TableSpec, where: str,
                 seal: Seal, database: Path) -> None:
        self.conn, self.spec, self.seal, self.database = conn, spec, seal, database
        self.by_sqlite = (sqlite_json_agrees(conn)
                          and not any(kind == "float" for kind, _null in spec.kinds))
        self.count = 0
        columns = [_TEMPLATE_KEY if name == "template_version_id" else f"t.{name}"
                   for name in spec.local_columns]
        content = [columns[i] for i in spec.content]
        if self.by_sqlite:
            content_json = f"CAST(json_array({', '.join(content)}) AS BLOB)"
            # The common case, a record never exchanged, in a function of one argument.
            vv = (f"CASE WHEN t.sync_vv IS NULL AND {_FRESH}"
                  f" THEN export_origin_vv({content_json})"
                  f" ELSE export_vv(t.sync_vv, t.revision, t.sync_rev, {content_json}) END")
        else:
            vv = f"export_vv_of_values(t.sync_vv, t.revision, t.sync_rev, {', '.join(content)})"
        sealed = _sealed(spec.name)
        # rid: the record's rowid; appended in rowid order, so the seal is a plain list.
        self._create = (f"CREATE TABLE {sealed} (rid INTEGER PRIMARY KEY, id TEXT NOT NULL,"
                        " vv TEXT NOT NULL, rev INTEGER, mark INTEGER NOT NULL)")
        condition = f" AND ({where})" if where else ""
        # NOT INDEXED: walk the table by rowid, whatever index the filter could use.
        self._seal = (f"INSERT INTO {sealed} (rid, id, vv, rev, mark)"
                      f" SELECT t.rowid, t.id, {vv}, t.revision, {_MARK}"
                      f" FROM main.{spec.name} AS t NOT INDEXED"
                      f" WHERE t.rowid > ?{condition} ORDER BY t.rowid LIMIT ?")
        joined = (f" FROM {sealed} AS s CROSS JOIN main.{spec.name} AS t ON t.rowid = s.rid"
                  " WHERE s.rid > ? AND s.rid <= ?")
        if self.by_sqlite:
            # A line is the values' array with the version vector added; the batch's
            # lines come as the bytes that are written (no text decoded and encoded
            # again), with the number of them to mark as sent.
            self._lines = (f"SELECT CAST(group_concat(rtrim(json_array({', '.join(columns)}),"
                           f" ']') || ',' || s.vv || ']', char(10)) || char(10) AS BLOB),"
                           f" sum(s.mark > 0){joined}")
        else:
            self._lines = f"SELECT {', '.join(columns)}, s.vv, s.mark{joined}"

    def batches(self) -> Iterator[bytes]:
        """The JSON lines of up to ROWS_PER_READ records at a time, each line ending
        in a newline; the records are sealed before their lines are handed out."""
        with _disk_errors(self.database, self.seal):
            self.conn.execute(self._create)
        self.seal.to_mark[self.spec.name] = 0
        last = 0  # the rowid of the last record sealed
        while True:
            with _disk_errors(self.database, self.seal):
                added = self.conn.execute(self._seal, (last, ROWS_PER_READ)).rowcount
                if added <= 0:
                    return
                self.count += added
                first, last = last, self.conn.execute(
                    f"SELECT max(rid) FROM {_sealed(self.spec.name)}").fetchone()[0]
                if self.by_sqlite:
                    data, marked = self.conn.execute(self._lines, (first, last)).fetchone()
                else:
                    data, marked = self._python_lines(first, last)
                self.seal.to_mark[self.spec.name] += marked
            yield data
            if added < ROWS_PER_READ:
                return

    def _python_lines(self, first: int, last: int) -> tuple[bytes, int]:
        encode = rec.encode_json
        rows = self.conn.execute(self._lines, (first, last)).fetchall()
        data = "".join([f"{encode(row[:-2])[:-1]},{row[-2]}]\n" for row in rows])
        return data.encode("utf-8"), sum(1 for row in rows if row[-1] > 0)

    def photo_files(self) -> set[str]:
        """The SHA-256 of every photo file the sealed photo records name."""
        rows = self.conn.execute(
            f"SELECT DISTINCT t.sha256 FROM {_sealed('photos')} AS s"
            " CROSS JOIN main.photos AS t ON t.rowid = s.rid").fetchall()
        return {sha for (sha,) in rows}


class MemberWriter:
    """Hashes and writes members' data on one helper thread while the next batch is read.

    zlib (compressing into the ZIP member) and hashlib release the GIL, and so
    does SQLite while it runs a statement: reading and compressing use two
    cores. At most ``depth`` batches wait, so memory stays flat. Use as a
    context manager; between :meth:`start` and :meth:`finish` one member is
    written.
    """

    def __init__(self, depth: int = 2) -> None:
        self.digest = hashlib.sha256()
        self.size = 0
        self._out: IO[bytes] | None = None
        self._queue: queue.Queue[bytes | None] = queue.Queue(maxsize=depth)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="export-records", daemon=True)
        self._thread.start()

    def __enter__(self) -> MemberWriter:
        return self

    def __exit__(self, *_exc: object) -> None:
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join()

    def start(self, out: IO[bytes]) -> None:
        """Write what follows into ``out`` (a member opened for writing)."""
        self.finish()
        self._out, self.digest, self.size = out, hashlib.sha256(), 0

    def write(self, data: bytes) -> None:
        if self._error is not None:
            raise self._error
        self._queue.put(data)

    def finish(self) -> None:
        """Wait until everything handed over is written; raises what writing raised."""
        self.drain()
        if self._error is not None:
            raise self._error

    def drain(self) -> None:
        """Wait until everything handed over is written (before the member is closed)."""
        self._queue.join()

    def _run(self) -> None:
        while (data := self._queue.get()) is not None:
            try:
                if self._error is None and self._out is not None:
                    self.digest.update(data)
                    self._out.write(data)
                    self.size += len(data)
            except BaseException as exc:  # noqa: BLE001 (raised by the reading thread)
                self._error = exc
            finally:
                self._queue.task_done()
        self._queue.task_done()
