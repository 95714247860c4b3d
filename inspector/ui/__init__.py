"""The Qt GUI. All Qt code of the program lives in this package and only here.

Importing the package turns off PySide6's per-import source scan (see
:func:`inspector.ui.core.feature_scan.skip_feature_scan`), so that every module loaded
after it, in the GUI and in its worker threads, imports at full speed.
"""

from inspector.ui.core.feature_scan import skip_feature_scan

skip_feature_scan()
