"""Dates and moments as the library stores them: ISO 8601 text, moments in UTC."""

from __future__ import annotations

from datetime import datetime


def parse_moment(text: str) -> datetime | None:
    """An ISO 8601 date and time ("Z" for UTC allowed); None when `text` is not one."""
    try:
        return datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None


def local_day(stamp: str) -> str:
    """The calendar day of a stored moment in the user's timezone: a play at 23:30 UTC
    is the next day in Tokyo. A moment without a zone, or unreadable, keeps its own day."""
    moment = parse_moment(stamp)
    if moment is None or moment.tzinfo is None:
        return stamp[:10]
    return moment.astimezone().date().isoformat()
