"""A change the user made: one committed transaction, never dropped while the database is busy.

While another program holds the database (a site list or a bundle being
imported), a change waits and is tried again (:func:`until_saved`), however
long that takes, and the caller hears that it is waiting: ``control.progress``
with :data:`WAITING` as its text (no amount, so ``total`` is 0).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from sqlmodel import Session

    from inspector.services.context import AppContext
    from inspector.services.control import Control

T = TypeVar("T")

#: The progress text of a change waiting for the database (the window words it itself).
WAITING = "waiting for the database"


def until_saved(save: Callable[[], T], control: Control | None = None) -> T:
    """``save()`` (one committed transaction), tried again for as long as the database is busy.

    Each time the database turns the change away as busy, ``control`` hears
    :data:`WAITING` through ``control.progress(0, 0, WAITING)`` and the change is
    tried again after a pause (:func:`inspector.services.busy.until_done`).
    Cancelling does not stop this: a change the user made is never dropped. Any
    other failure is raised.
    """
    from inspector.services.busy import until_done

    waiting = (lambda: control.progress(0, 0, WAITING)) if control is not None else None
    return until_done(save, waiting)


def committed(context: AppContext, change: Callable[[Session], T],
              control: Control | None = None) -> T:
    """``change(session)`` in a transaction of its own, committed, waiting while the database
    is busy (:func:`until_saved`)."""
    def attempt() -> T:
        with context.db.transaction() as session:
            return change(session)

    return until_saved(attempt, control)
