"""What a photo's EXIF says: its orientation, when it was taken and where.

Everything here reads an already opened :class:`PIL.Image.Exif`; an unreadable
value is taken as absent, never as an error (the decode decides whether a file
is damaged, see :mod:`inspector.services.photo_image`).
"""

from __future__ import annotations

import math
import re
import struct
from datetime import datetime, timedelta, timezone
from typing import Any

from PIL import Image

_ORIENTATION_TAG = 0x0112
_EXIF_IFD = 0x8769
_GPS_IFD = 0x8825
_DATE_TIME_ORIGINAL = 0x9003
_DATE_TIME_DIGITIZED = 0x9004
_OFFSET_TIME_ORIGINAL = 0x9011
_OFFSET_TIME_DIGITIZED = 0x9012
#: The time zone of a camera clock whose EXIF does not say (China Standard
#: Time, where the sites are); also the zone in which "the visit's day" is judged.
SITE_TIMEZONE = timezone(timedelta(hours=8), "CST")
_EXIF_DATE = re.compile(r"(\d{4})[:\-](\d{2})[:\-](\d{2})[ T](\d{2}):(\d{2}):(\d{2})")
_EXIF_OFFSET = re.compile(r"^\s*([+-])(\d{2}):(\d{2})")


def orientation(exif: Image.Exif) -> int:
    """The EXIF orientation, 1 to 8 (1, as stored, when absent or not a valid value)."""
    value = exif.get(_ORIENTATION_TAG, 1)
    return value if isinstance(value, int) and 1 <= value <= 8 else 1


def _sub_ifd(exif: Image.Exif, tag: int) -> dict[int, Any]:
    try:
        return dict(exif.get_ifd(tag))
    except (OSError, SyntaxError, ValueError, KeyError, TypeError, EOFError, struct.error):
        return {}


def _text(value: object) -> str | None:
    if isinstance(value, bytes):
        value = value.decode("ascii", "replace")
    return value if isinstance(value, str) else None


def parse_exif_offset(value: object) -> timezone | None:
    """``"+08:00"`` → that fixed zone; anything else → None."""
    match = _EXIF_OFFSET.match(_text(value) or "")
    if not match:
        return None
    sign, hours, minutes = match.groups()
    offset = timedelta(hours=int(hours), minutes=int(minutes))
    if offset > timedelta(hours=14):
        return None
    return timezone(-offset if sign == "-" else offset)


def parse_exif_date(value: object, zone: timezone = SITE_TIMEZONE) -> datetime | None:
    """``"2026:11:28 10:11:12"`` → that time in ``zone``; blanks and zeros → None."""
    match = _EXIF_DATE.search(_text(value) or "")
    if not match:
        return None
    try:
        year, month, day, hour, minute, second = (int(part) for part in match.groups())
        return datetime(year, month, day, hour, minute, second, tzinfo=zone)
    except ValueError:
        return None


def taken_at(exif: Image.Exif) -> datetime | None:
    """DateTimeOriginal (else DateTimeDigitized), in the zone the camera wrote, else
    :data:`SITE_TIMEZONE`."""
    details = _sub_ifd(exif, _EXIF_IFD)
    for tag, offset_tag in ((_DATE_TIME_ORIGINAL, _OFFSET_TIME_ORIGINAL),
                            (_DATE_TIME_DIGITIZED, _OFFSET_TIME_DIGITIZED)):
        zone = parse_exif_offset(details.get(offset_tag)) or SITE_TIMEZONE
        taken = parse_exif_date(details.get(tag), zone)
        if taken is not None:
            return taken
    return None


def _degrees(value: object, ref: object, negative: str, limit: float) -> float | None:
    if isinstance(ref, bytes):
        ref = ref.decode("ascii", "replace")
    try:
        parts = [float(part) for part in value] if isinstance(value, tuple | list) else []
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    if not parts or len(parts) > 3 or not all(math.isfinite(p) for p in parts):
        return None
    degrees = sum(part / 60**i for i, part in enumerate(parts))
    if isinstance(ref, str) and ref.strip().upper().startswith(negative):
        degrees = -degrees
    return round(degrees, 7) if abs(degrees) <= limit else None


def gps(exif: Image.Exif) -> tuple[float | None, float | None]:
    """Latitude and longitude in degrees, or (None, None) when the photo has no usable fix."""
    tags = _sub_ifd(exif, _GPS_IFD)
    lat = _degrees(tags.get(2), tags.get(1), "S", 90.0)
    lon = _degrees(tags.get(4), tags.get(3), "W", 180.0)
    if lat is None or lon is None or (lat == 0.0 and lon == 0.0):
        return None, None  # 0,0 is what some phones write when they have no fix
    return lat, lon
