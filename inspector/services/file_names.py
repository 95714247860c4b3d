"""File names the program suggests for what it writes, in Chinese and saying what is inside.

For example ``东门社区教学点_2026-11-28_检查报告.pdf``, ``村级教学站点_空白检查表.pdf`` or
``站点名录_2026-11-28.csv``. A site's name may hold characters that Windows does not allow in
file names (``/``, ``:``, ``?`` …): they become ``_``. Standard library only.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from inspector.domain.tiers import Tier

# What Windows refuses in a file name (Linux only "/"): a file written to a USB stick
# must be readable on the office's Windows computer.
_FORBIDDEN = frozenset('<>:"/\\|?*')
MAX_STEM = 80  # characters of a site's name kept in a file name

TIER_WORDS = {Tier.COUNTY: "县级社区教育学院", Tier.TOWNSHIP: "乡镇社区学校",
              Tier.VILLAGE: "村级教学站点"}


def safe_part(text: str, fallback: str = "未命名") -> str:
    """``text`` as part of a file name on any system: no forbidden or control characters,
    no spaces or dots at the ends, at most :data:`MAX_STEM` characters."""
    cleaned = "".join("_" if ch in _FORBIDDEN or ord(ch) < 32 or ch == "\x7f" else ch
                      for ch in " ".join(text.split()))
    cleaned = cleaned[:MAX_STEM].strip(" .")
    return cleaned or fallback


def report_file_name(site_name: str, visit_date: date) -> str:
    return f"{safe_part(site_name)}_{visit_date.isoformat()}_检查报告.pdf"


def checklist_file_name(site_names: Sequence[str]) -> str:
    """A checklist pre-filled for one site (or a day's round of several)."""
    if not site_names:
        return "检查表.pdf"
    first = safe_part(site_names[0])
    if len(site_names) == 1:
        return f"{first}_检查表.pdf"
    return f"{first}等{len(site_names)}个站点_检查表.pdf"


def blank_checklist_file_name(tier: Tier | None) -> str:
    return f"{TIER_WORDS[tier]}_空白检查表.pdf" if tier else "空白检查表.pdf"


def sites_csv_file_name(today: date) -> str:
    return f"站点名录_{today.isoformat()}.csv"
