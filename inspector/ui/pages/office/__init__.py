"""The county office's Supervision screen (督导工作): what waits today, the campaigns,
the review, and the letters and rectification items.

``screen`` holds :class:`~inspector.ui.pages.office.screen.OfficeScreen` (a header and
the tabs); each tab is a module of its own: ``work_queue`` (工作台: the counts of what
waits), ``campaigns`` (督导计划 and their draws), ``review`` (审核, with the detail of one
inspection in ``review_detail``) and ``letters_tab`` (意见书与整改: ``letters_*`` the
letters and their items, ``ledger_*`` the rectification ledger, ``letters_conflicts`` the
re-inspection conflicts). ``entry`` is the File menu's action, offered only where this
installation is the county office.
"""
