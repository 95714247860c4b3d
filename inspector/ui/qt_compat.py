"""Work-arounds for defects of particular PySide6 releases, detected at run time.

PySide6 6.12.0: ``SignalInstance.emit()`` returns ``True`` without taking a
reference to it, so every ``signal.emit(...)`` made from Python steals one
reference to ``True``; after a few hundred emissions the interpreter aborts
("bool_dealloc: deallocating True or False"). :func:`emit` measures once
whether the running PySide6 does this and gives the reference back.
Use ``emit(self.changed, value)`` instead of ``self.changed.emit(value)``.

Every PySide6 release: once PySide6 is imported, every later import of any
module runs ``inspect.getsource`` on it to see whether it mentions "PySide6"
(support for the opt-in ``from __feature__ import snake_case``), which makes
importing SQLModel, Alembic and our services a third slower.
:func:`skip_feature_scan` turns that scan off; this program never uses
``__feature__``, so every module keeps PySide6's default behaviour.
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


def _no_feature_use(_module: object) -> bool:
    return False


def skip_feature_scan() -> bool:
    """Stop PySide6 from reading the source of every module imported from now on."""
    for name in ("shibokensupport.feature", "PySide6.support.feature"):
        feature = sys.modules.get(name)
        if feature is not None and hasattr(feature, "_mod_uses_pyside"):
            feature._mod_uses_pyside = _no_feature_use  # type: ignore[attr-defined]
            return True
    return False


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
