"""When a lifter's next daily check-in is due, in UTC, from their local time and zone."""

from __future__ import annotations

import re
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from rules.models import UserSettings

_OFFSET = re.compile(r"^(?:utc|gmt)?\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?$")
_TIME = re.compile(r"^(\d{1,2})(?:[:.h](\d{2}))?\s*(am|pm)?$")


def parse_timezone(text: str) -> str | None:
    """`Europe/Berlin`, `berlin`, `UTC+2`, `-5` -> an IANA zone name, or None."""
    cleaned = text.strip().replace(" ", "_")
    if not cleaned:
        return None
    if cleaned.upper() in ("UTC", "GMT", "Z"):
        return "UTC"
    match = _OFFSET.match(text.strip().lower())
    if match:
        sign, hours, minutes = match.groups()
        if minutes and minutes != "00":
            return None  # Etc/ zones are whole hours; ask for a city instead
        number = int(hours)
        if number > 14:
            return None
        # Etc/GMT signs are inverted: UTC+2 is Etc/GMT-2.
        return "UTC" if number == 0 else f"Etc/GMT{'-' if sign == '+' else '+'}{number}"
    try:
        ZoneInfo(cleaned)
        return cleaned
    except (ZoneInfoNotFoundError, ValueError):
        pass
    lowered = cleaned.lower()
    for zone in sorted(available_timezones()):
        if zone.lower().rsplit("/", 1)[-1] == lowered:
            return zone
    return None


def parse_clock(text: str) -> time | None:
    """`9`, `09:00`, `7.30`, `7pm` -> a time of day, or None."""
    match = _TIME.match(text.strip().lower())
    if not match:
        return None
    hours, minutes, half = int(match.group(1)), int(match.group(2) or 0), match.group(3)
    if half:
        if not 1 <= hours <= 12:
            return None
        hours = hours % 12 + (12 if half == "pm" else 0)
    if hours > 23 or minutes > 59:
        return None
    return time(hours, minutes)


def next_checkin(now: datetime, zone: str, at: time) -> datetime:
    """The next moment after `now` when the lifter's wall clock reads `at`, in UTC (DST-safe)."""
    tz = ZoneInfo(zone)
    local_now = now.astimezone(tz)
    candidate = datetime.combine(local_now.date(), at, tzinfo=tz)
    if candidate <= local_now:
        candidate = datetime.combine(local_now.date() + timedelta(days=1), at, tzinfo=tz)
    return candidate.astimezone(UTC)


DEFAULT_CHECKIN = time(9, 0)  # the check-in time a lifter gets until they choose one


def next_checkin_for(user: UserSettings, now: datetime, at: time | None = None) -> datetime:
    """A lifter's next check-in after `now`, in UTC: at `at` (else their saved time, else 09:00) on their
    wall clock (UTC until they set a zone). The one place the bot works this out."""
    when = at or parse_clock(user.checkin_time) or DEFAULT_CHECKIN
    return next_checkin(now, user.timezone or "UTC", when)
