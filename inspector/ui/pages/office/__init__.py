"""The county office's Supervision screen (督导工作): the review, the campaigns and what
waits today.

``screen`` holds :class:`~inspector.ui.pages.office.screen.OfficeScreen` (a header and
the tabs, more added with ``add_tab``); each tab is a module of its own: ``work_queue``
(工作台: the counts of what waits), ``campaigns`` (督导计划 and their draws) and ``review``
(审核, with the detail of one inspection in ``review_detail``). ``entry`` is the File menu's
action, offered only where this installation is the county office.
"""
