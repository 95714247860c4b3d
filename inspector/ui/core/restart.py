"""Starting the program again: the same command on the same data folder.

The new process may start before this window has let go of its claim on the
data folder (``store_lock.WindowClaim``); it is told so through the environment
and waits for the claim instead of refusing as a second window would.
"""

from __future__ import annotations

import os
import sys

#: Set in the new process's environment: "this start replaces a closing window".
RESTART_ENV = "INSPECTOR_RESTARTING"
#: How long a restarted program waits for the old window to let go of the folder.
RESTART_WAIT_S = 20.0


def start_again() -> bool:
    """Start the same command again, detached; True when it started."""
    from PySide6.QtCore import QProcess

    if getattr(sys, "frozen", False):  # the installed program: its own executable
        command = [sys.executable, *sys.argv[1:]]
    else:
        command = list(getattr(sys, "orig_argv", None) or [sys.executable, *sys.argv])
    os.environ[RESTART_ENV] = "1"  # inherited by the new process only
    try:
        started = QProcess.startDetached(command[0], command[1:])  # (ok, pid) in PySide6
    finally:
        del os.environ[RESTART_ENV]
    return bool(started[0] if isinstance(started, tuple) else started)
