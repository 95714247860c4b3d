"""The Sync screen: bundles to and from the county office or the field laptops.

``screen`` holds :class:`~inspector.ui.pages.sync.screen.SyncScreen` (the header, the
role and the tabs); each tab is a panel of its own module: ``exchange`` (export and
import), ``history``, ``devices``, ``conflicts`` and ``assignments``.
"""
