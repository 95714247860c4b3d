"""Signed sync bundles between field laptops and the county office (issue 5).

A bundle is one ZIP file: a canonical JSON manifest signed with the device's
Ed25519 key, the records as JSON lines and the photos named by their SHA-256.
See ``docs/bundle-format.md``. Modules:

- :mod:`identity` – this installation's role, device id and key pair
- :mod:`bundle_format` – manifest, canonical bytes, signatures, limits, names
- :mod:`records` – which tables travel and how rows become JSON and back
- :mod:`export` – writing a bundle safely (temp file, fsync, read back, rename)
- :mod:`verify` – checking a bundle before anything is touched
- :mod:`streams` – records members read as batches, re-hashed on the way
- :mod:`bundle_templates` – checklist versions: known ones must match, new ones arrive
- :mod:`merge` – preview and the one-transaction merge with conflicts
- :mod:`conflicts` – listing and resolving conflicts
- :mod:`importer` – verify, trust, preview, back up, merge, record
- :mod:`trust` – enrolled, revoked and pinned devices
- :mod:`receipts` – what the office confirms it received
- :mod:`assignments`, :mod:`demo_roles` – assignments; ``inspector demo --role``
"""

from inspector.services.sync.errors import BundleRefused, SyncError

__all__ = ["BundleRefused", "SyncError"]
