"""Turn off PySide6's per-import source scan.

Every PySide6 release: once PySide6 is imported, every later import of any
module runs ``inspect.getsource`` on it to see whether it mentions "PySide6"
(support for the opt-in ``from __feature__ import snake_case``), which makes
importing SQLModel, Alembic and our services a third slower.
:func:`skip_feature_scan` turns that scan off; this program never uses
``__feature__``, so every module keeps PySide6's default behaviour.
"""

from __future__ import annotations

import sys


def _no_feature_use(_module: object) -> bool:
    return False


def skip_feature_scan() -> bool:
    """Stop PySide6 from reading the source of every module imported from now on."""
    from PySide6 import QtCore  # noqa: F401  (importing Qt installs the scan)

    for name in ("shibokensupport.feature", "PySide6.support.feature"):
        feature = sys.modules.get(name)
        if feature is not None and hasattr(feature, "_mod_uses_pyside"):
            feature._mod_uses_pyside = _no_feature_use  # type: ignore[attr-defined]
            return True
    return False
