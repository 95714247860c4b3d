"""Waiting for the database while another program writes to it.

SQLite lets one connection write at a time. Each connection waits for its turn
up to the busy timeout (``storage/database.py``); a change that meets a longer
write (a bundle being merged at the county office, a large site list) gets
"database is locked". A change the user made must not be lost to that:
:func:`until_done` tries it again, with growing pauses, until it is written.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable
from typing import TypeVar

log = logging.getLogger(__name__)
T = TypeVar("T")

# Between two tries: the first pause and the longest (each try itself already
# waits up to the database's busy timeout).
RETRY_FIRST_S = 0.05
RETRY_MAX_S = 1.0


def is_busy(exc: BaseException) -> bool:
    """Whether ``exc`` says another connection holds the database (SQLITE_BUSY or _LOCKED)."""
    original = getattr(exc, "orig", None) or exc
    if not isinstance(original, sqlite3.OperationalError):
        return False
    code = getattr(original, "sqlite_errorcode", None)
    if code is not None:  # the extended code: SQLITE_BUSY_SNAPSHOT is a busy database too
        return code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    return "database is locked" in str(original) or "busy" in str(original)


def until_done(attempt: Callable[[], T], waiting: Callable[[], None] | None = None) -> T:
    """``attempt()`` (one whole transaction, committed), tried again while the database is busy.

    ``waiting()`` is called each time the database turned it away as busy,
    before the pause. Any other failure is raised at once.
    """
    from sqlalchemy.exc import OperationalError

    pause = RETRY_FIRST_S
    tries = 0
    while True:
        try:
            return attempt()
        except (OperationalError, sqlite3.OperationalError) as exc:
            if not is_busy(exc):
                raise
            tries += 1
            log.info("the database is busy; kept, try %d again in %.2f s", tries + 1, pause)
            if waiting is not None:
                waiting()
        time.sleep(pause)
        pause = min(pause * 2, RETRY_MAX_S)
