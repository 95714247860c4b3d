"""How long each piece of text may be, and which characters it may hold, checked at entry.

The services check every name, address, note and caption against these
limits before storing it, so the window, the command line and CSV files obey
the same rules; the window's editors use the same numbers to stop typing at
the limit. Single-line fields (names, addresses, phone numbers, captions) hold
no control characters at all; notes may hold line breaks and tabs. Invisible
characters that reorder text (bidirectional overrides) are refused everywhere:
they make a name print differently from what it says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

NAME_MAX = 100  # a site's name; a contact's name
NAMES_MAX = 200  # one or more people in one field: the inspectors, the site staff, who completes
ADDRESS_MAX = 200
PHONE_MAX = 50
CAPTION_MAX = 500
NOTE_MAX = 20_000  # a criterion's note, the visit's general note, a reason

# Refused everywhere: C0 and C1 controls (Unicode category Cc: NUL, escape, line breaks…),
# lone surrogates (Cs), Unicode's own line and paragraph separators (Zl, Zp) and the
# explicit bidirectional formatting characters (LRE…RLO, LRI…PDI; the marks LRM and
# RLM only nudge and cannot disguise text). Notes may hold line breaks and tabs.
_ELSEWHERE = r"\x7f-\x9f\u2028\u2029\ud800-\udfff\u202a-\u202e\u2066-\u2069"
_REFUSED_IN_LINE = re.compile(r"[\x00-\x1f" + _ELSEWHERE + "]")
_REFUSED_IN_NOTE = re.compile(r"[\x00-\x08\x0b-\x1f" + _ELSEWHERE + "]")  # \t \n allowed


@dataclass(frozen=True)
class TextField:
    """One kind of text a user enters: its name for messages, its limit, whether it has lines."""

    zh: str
    en: str
    max_chars: int
    multiline: bool = False


SITE_NAME = TextField("站点名称", "the site name", NAME_MAX)
SITE_ADDRESS = TextField("地址", "the address", ADDRESS_MAX)
SITE_CONTACT = TextField("联系人", "the contact", NAME_MAX)
SITE_PHONE = TextField("联系电话", "the phone number", PHONE_MAX)
INSPECTORS = TextField("检查人员", "the inspectors", NAMES_MAX)
SITE_STAFF = TextField("站点人员", "the site staff", NAMES_MAX)
ACTOR = TextField("姓名", "the name", NAMES_MAX)  # who completes or reopens: one or more people
NOTE = TextField("说明", "the note", NOTE_MAX, multiline=True)
GENERAL_NOTE = TextField("综合意见", "the overall comment", NOTE_MAX, multiline=True)
REASON = TextField("原因", "the reason", NOTE_MAX, multiline=True)
CAPTION = TextField("照片说明", "the caption", CAPTION_MAX)
COMMENT = TextField("审核意见", "the comment", NOTE_MAX, multiline=True)
REQUIREMENT = TextField("整改要求", "the requirement", NOTE_MAX, multiline=True)
LETTER_FIELD = TextField("意见书内容", "the letter's text", NAME_MAX * 2)


def text_problem(field: TextField, value: str) -> str | None:
    """What is wrong with ``value`` as ``field``, worded for the user, or None when it is fine."""
    if len(value) > field.max_chars:
        return (f"{field.zh}过长（{len(value):,} 字，最多 {field.max_chars:,} 字），请缩短 / "
                f"{field.en} is too long ({len(value):,} characters, at most "
                f"{field.max_chars:,}); shorten it")
    bad = (_REFUSED_IN_NOTE if field.multiline else _REFUSED_IN_LINE).search(value)
    if bad is not None:
        code = f"U+{ord(bad.group()):04X}"
        return (f"{field.zh}含有不允许的控制字符 {code}，请删除后重试 / {field.en} contains the "
                f"control character {code}, which is not allowed; remove it and try again")
    return None


def check_text(field: TextField, value: str, error: type[Exception] = ValueError) -> str:
    """``value`` unchanged when it fits ``field``; ``error`` with a message for the user if not."""
    problem = text_problem(field, value)
    if problem is not None:
        raise error(problem)
    return value
