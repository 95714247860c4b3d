"""Layering: domain, storage, services and the CLI never load Qt."""

from __future__ import annotations

import subprocess
import sys

NON_QT_IMPORTS = """
import pkgutil, importlib, sys
import inspector.domain, inspector.storage, inspector.services, inspector.cli
for package in (inspector.domain, inspector.storage, inspector.services):
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        if ".migrations.versions." in info.name or info.name.endswith(".migrations.env"):
            continue  # alembic scripts run only inside alembic
        importlib.import_module(info.name)
from inspector.cli import build_parser
build_parser()
loaded = sorted(name for name in sys.modules if name.split(".")[0] == "PySide6")
print(len([n for n in sys.modules if n.startswith("inspector.")]))
assert not loaded, loaded
"""


def test_domain_storage_services_and_cli_import_no_qt() -> None:
    result = subprocess.run([sys.executable, "-c", NON_QT_IMPORTS],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.strip()) >= 10  # the modules were really imported
