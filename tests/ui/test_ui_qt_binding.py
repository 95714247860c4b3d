"""Guards against PySide6 releases with defects that would crash users.

PySide6 6.12.0's ``SignalInstance.emit()`` returns ``True`` without taking a
reference to it; after some hundred emissions the interpreter aborts
("deallocating True"). pyproject.toml pins PySide6 below 6.12 for that reason;
this test makes a future unpinning to a broken release fail in CI.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Pinger(QObject):
    ping = Signal(object)


def test_emitting_a_signal_many_times_keeps_the_reference_to_true() -> None:
    pinger = _Pinger()
    received: list[int] = []
    pinger.ping.connect(received.append)
    before = sys.getrefcount(True)
    for number in range(2000):
        pinger.ping.emit(number)
    after = sys.getrefcount(True)
    assert received == list(range(2000))
    assert after >= before - 10, f"emit() lost {before - after} references to True"
