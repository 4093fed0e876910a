"""Calendar files (RFC 5545) that Outlook and Google Calendar import.

Times are in Europe/Stockholm with a VTIMEZONE; every meeting keeps its UID, so importing
an updated file updates the events; SEQUENCE grows with each change; a cancelled meeting
is exported with STATUS:CANCELLED.

Outlook and Google Calendar do not show URL, so an online meeting's link also goes in
LOCATION when there is no place (the caller puts it in the description too). Text values
are escaped by icalendar (commas, semicolons, backslashes, line breaks), never by hand.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

TIMEZONE = "Europe/Stockholm"
PRODUCT = "-//Partnerskapet för sociala innovationer//psi//SV"
STATUSES = {"planned": "CONFIRMED", "held": "CONFIRMED", "cancelled": "CANCELLED"}


@dataclass(frozen=True)
class CalendarEvent:
    """What a calendar needs to know about one meeting."""

    uid: str
    title: str
    day: date
    start: time | None
    end: time | None
    place: str | None = None
    link: str | None = None
    """Exported as URL, and as LOCATION when there is no place."""
    description: str = ""
    status: str = "planned"
    sequence: int = 0


def _moment(day: date, at: time) -> datetime:
    from zoneinfo import ZoneInfo

    return datetime.combine(day, at, tzinfo=ZoneInfo(TIMEZONE))


@dataclass(frozen=True)
class Organizer:
    """Who sends an invitation (iTIP's ORGANIZER): the one calendars answer to."""

    name: str
    address: str


def calendar_bytes(
    events: Sequence[CalendarEvent],
    name: str | None,
    *,
    method: str | None = None,
    organizer: Organizer | None = None,
) -> bytes:
    """An iCalendar file holding the events; `name` is the calendar's, for a file to import.

    With `method` (`REQUEST`, `CANCEL`) it is an invitation sent by e-mail (iTIP, RFC 5546)
    from `organizer`. It names no ATTENDEE: the invitation goes in Bcc, and no address of
    those invited may show in it.
    """
    import icalendar

    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if method:
        calendar.add("method", method.upper())
    if name:
        calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", TIMEZONE)
    stamp = datetime.now(UTC).replace(microsecond=0)
    for item in events:
        event = icalendar.Event()
        event.add("uid", item.uid)
        event.add("dtstamp", stamp)
        if organizer is not None:
            event.add(
                "organizer",
                f"mailto:{organizer.address}",
                parameters={"CN": organizer.name} if organizer.name else {},
            )
        event.add("summary", item.title)
        if item.start is not None:
            start = _moment(item.day, item.start)
            event.add("dtstart", start)
            end = _moment(item.day, item.end) if item.end else start + timedelta(hours=2)
            event.add("dtend", end)
        else:
            event.add("dtstart", item.day)
            event.add("dtend", item.day + timedelta(days=1))
        location = item.place or item.link
        if location:
            event.add("location", location)
        if item.link:
            event.add("url", item.link)
        if item.description:
            event.add("description", item.description)
        event.add("status", STATUSES.get(item.status, "CONFIRMED"))
        event.add("sequence", item.sequence)
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return bytes(calendar.to_ical())
