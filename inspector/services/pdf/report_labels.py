"""How the report words and colours things: an inspection's status, a short id, a moment
on the sites' clock and the colour of a rating."""

from __future__ import annotations

from datetime import UTC, datetime

from reportlab.lib import colors

from inspector.domain.templates import RatingOption
from inspector.domain.values import InspectionStatus
from inspector.services.photo_exif import SITE_TIMEZONE

STATUS_LABELS = {InspectionStatus.DRAFT: "草稿（检查尚未完成）",
                 InspectionStatus.COMPLETED: "已完成"}
GOOD = colors.HexColor("#2e7d32")
PARTLY = colors.HexColor("#e65100")
BAD = colors.HexColor("#c62828")
NEUTRAL = colors.HexColor("#616161")


def short_id(identifier: str) -> str:
    return identifier.replace("-", "")[:8]


def local_time(moment: datetime) -> str:
    """An aware (or naive UTC) moment on the sites' clock (China Standard Time)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(SITE_TIMEZONE).strftime("%Y-%m-%d %H:%M")


def local_date(moment: datetime) -> str:
    """The day of a moment on the sites' clock, as a signed document dates it."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    day = moment.astimezone(SITE_TIMEZONE).date()
    return f"{day.year} 年 {day.month} 月 {day.day} 日"


def rating_color(option: RatingOption | None) -> colors.Color:
    if option is None or option.score is None:
        return NEUTRAL
    if option.score >= 1:
        return GOOD
    return BAD if option.score <= 0 else PARTLY
