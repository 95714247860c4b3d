"""The front door of the services: what the window and the command line call.

Each function takes the :class:`~inspector.services.context.AppContext` first
(or the data folder's paths, before one is open), opens and commits its own
session, and returns dataclasses or values, never live database rows, so that
the caller needs nothing of the storage layer. A change the user made is one
committed transaction, tried again while another program holds the database
(:mod:`~inspector.services.api.saving`); long work takes a
:class:`~inspector.services.control.Control` and stops with
:class:`~inspector.services.control.Cancelled`.

One module per area: :mod:`startup`, :mod:`sites`, :mod:`inspections`,
:mod:`photos`, :mod:`printing`, :mod:`sync`, :mod:`templates`, :mod:`maintenance`,
:mod:`supervision` (the draw), :mod:`office` (the supervision loop),
:mod:`office_printing` (its documents), :mod:`overview` (the county at a glance),
:mod:`overview_outputs` (its workbook), :mod:`overview_documents` (its report and
public notice), :mod:`reinspection_reads` (the loop on a field laptop).
Importing any of them is cheap: the services (and SQLModel) are imported inside the
functions, so the window can show itself before they load (``benchmarks/startup.py``).
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from inspector.services.api import (
        inspections,
        maintenance,
        office,
        office_printing,
        overview,
        overview_documents,
        overview_outputs,
        photos,
        printing,
        reinspection_reads,
        saving,
        sites,
        startup,
        supervision,
        sync,
        templates,
    )

__all__ = ["inspections", "maintenance", "office", "office_printing", "overview",
           "overview_documents", "overview_outputs", "photos", "printing",
           "reinspection_reads", "saving", "sites", "startup", "supervision", "sync",
           "templates"]


def __getattr__(name: str) -> ModuleType:
    """``api.sites`` and the like, each imported when first used: the window imports
    ``api`` before it shows itself and needs only :mod:`startup` then."""
    if name in __all__:
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
