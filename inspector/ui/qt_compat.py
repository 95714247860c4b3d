"""Work-arounds for defects of particular PySide6 releases, detected at run time.

PySide6 6.12.0: ``SignalInstance.emit()`` returns ``True`` without taking a
reference to it, so every ``signal.emit(...)`` made from Python steals one
reference to ``True``; after a few hundred emissions the interpreter aborts
("bool_dealloc: deallocating True or False"). :func:`emit` measures once
whether the running PySide6 does this and gives the reference back.
Use ``emit(self.changed, value)`` instead of ``self.changed.emit(value)``.
"""

from __future__ import annotations

import sys
import threading
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance

_lock = threading.Lock()
_steals_true: bool | None = None


class _Probe(QObject):
    ping = Signal()


def _measure() -> bool:
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(8):
        probe.ping.emit()
    stolen = before - sys.getrefcount(True)
    for _ in range(max(0, stolen)):  # give back what the measurement itself took
        _give_back_true()
    return stolen >= 4


def _give_back_true() -> None:
    import ctypes  # only on PySide6 releases with the defect

    ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))


def emits_steal_true() -> bool:
    global _steals_true
    if _steals_true is None:
        with _lock:
            if _steals_true is None:
                _steals_true = _measure()
    return _steals_true


def emit(signal: SignalInstance, *args: Any) -> None:
    """``signal.emit(*args)``, safe on PySide6 releases whose emit leaks a reference."""
    result: object = signal.emit(*args)  # type: ignore[func-returns-value]
    if result is True and emits_steal_true():
        _give_back_true()
