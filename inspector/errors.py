"""The one base of every expected failure.

A :class:`UserError` is something the user can do something about: a database
from a newer program, a full disk, a bundle from a revoked device, a CSV with a
mistake in it, an action the rules do not allow. Its message is written for the
user, Chinese first, then English ("中文 / English"), and says what to do.
The command line prints it on one line and exits 2; the window shows it in a
plain message box. Any other exception is a bug and gets a report.

Every layer raises its own subclass (``TemplateError``, ``DatabaseError``,
``SyncError``, …); callers that only need to know "expected or not" test for
this class, so no list of them is kept anywhere.
"""

from __future__ import annotations

import re
import unicodedata

#: What separates the Chinese part of a message from the English one: " / ", or "/ "
#: right after Chinese punctuation ("（磁盘已满）/ the disk is full").
SEPARATOR = re.compile(r"(?: |(?<=[^\x00-\x7f]))/ ")


class UserError(Exception):
    """An expected failure, worded for the user ("中文 / English"); ``str()`` is the message."""

    @property
    def message(self) -> str:
        return str(self)

    @property
    def chinese(self) -> str:
        """The part before the first " / " (the whole message when there is none)."""
        return SEPARATOR.split(self.message, maxsplit=1)[0]

    @property
    def english(self) -> str:
        """The part after the first " / " (the whole message when there is none)."""
        return SEPARATOR.split(self.message, maxsplit=1)[-1]

    def one_line(self) -> str:
        """The message on one line: what it quotes (a device name from a bundle, a cell of a
        CSV file) may hold line breaks or other control characters."""
        return one_line(self.message)


def one_line(text: str) -> str:
    """``text`` with every line break and other control character turned into a space."""
    return "".join(" " if unicodedata.category(ch) in ("Cc", "Zl", "Zp") else ch
                   for ch in text)
