"""Entry point of the frozen (PyInstaller) build: the same as the ``inspector`` command."""

import multiprocessing
import sys

from inspector.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
