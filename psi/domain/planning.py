"""Planning a year's meetings: AU meetings on a rule, stormöten spread over the working year."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from psi.domain.calendar import nearest_free_day, why_not_free
from psi.errors import InvalidInput

STORMOTEN_MIN, STORMOTEN_MAX = 2, 4
DEFAULT_STORMOTEN = 3
DEFAULT_AU_RULE = "2nd tuesday"
DEFAULT_TIME = "13:00-15:00"
REGIONAL_UTVECKLING = "Regional utveckling"
PREPARATION_DAYS = (7, 21)
"""An AU meeting this many days (at least, at most) before a stormöte prepares it."""

_ORDINALS = {
    "1st": 1, "first": 1, "2nd": 2, "second": 2, "3rd": 3, "third": 3,
    "4th": 4, "fourth": 4, "last": -1,
}  # fmt: skip
_DAYS = {
    "monday": "MO", "tuesday": "TU", "wednesday": "WE", "thursday": "TH", "friday": "FR",
    "måndag": "MO", "tisdag": "TU", "onsdag": "WE", "torsdag": "TH", "fredag": "FR",
}  # fmt: skip
_AU_EXAMPLE = 'write it like "2nd tuesday", "last thursday" or FREQ=MONTHLY;BYDAY=2TU'


@dataclass(frozen=True)
class TimeSlot:
    """A meeting's start and end time."""

    start: time
    end: time

    def __str__(self) -> str:
        return f"{self.start:%H:%M}-{self.end:%H:%M}"


def parse_time_slot(text: str) -> TimeSlot:
    """`13:00-15:00` as a TimeSlot; the end must come after the start."""
    match = re.fullmatch(r"\s*(\d{1,2})[:.](\d{2})\s*-\s*(\d{1,2})[:.](\d{2})\s*", text)
    try:
        if not match:
            raise ValueError(text)
        h1, m1, h2, m2 = (int(part) for part in match.groups())
        slot = TimeSlot(time(h1, m1), time(h2, m2))
    except ValueError:
        raise InvalidInput(f"'{text}' is not a time span; write it like 13:00-15:00.") from None
    if slot.end <= slot.start:
        raise InvalidInput(f"'{text}' ends before it starts; write it like 13:00-15:00.")
    return slot


def au_rule_to_rrule(text: str) -> str:
    """An AU rule as an iCalendar RRULE: a phrase like `2nd tuesday`, or an RRULE itself."""
    value = text.strip()
    if value.upper().startswith(("FREQ=", "RRULE:")):
        rule = value.upper().removeprefix("RRULE:")
        _check_rrule(rule)
        return rule
    words = value.casefold().replace("every", "").split()
    if len(words) == 2 and words[0] in _ORDINALS and words[1].rstrip("s") in _DAYS:
        return f"FREQ=MONTHLY;BYDAY={_ORDINALS[words[0]]}{_DAYS[words[1].rstrip('s')]}"
    raise InvalidInput(f"'{text}' is not a meeting rule; {_AU_EXAMPLE}.")


def _check_rrule(rule: str) -> None:
    parts = dict(part.partition("=")[::2] for part in rule.split(";") if part)
    interval = parts.get("INTERVAL", "1")
    try:
        if not interval.isdigit() or int(interval) < 1:
            raise ValueError(interval)
        # Expanding one year proves the rule works (and finds ordinals like 9TU that do not).
        rule_dates(rule, 2000)
    except (ValueError, TypeError, IndexError, OverflowError):
        raise InvalidInput(f"'{rule}' is not a valid RRULE; {_AU_EXAMPLE}.") from None


def rule_dates(rule: str, year: int) -> list[date]:
    """The dates an RRULE gives in a year."""
    from dateutil.rrule import rrulestr

    start, end = datetime(year, 1, 1), datetime(year, 12, 31, 23, 59)
    return [moment.date() for moment in rrulestr(rule, dtstart=start).between(start, end, inc=True)]


def in_break(day: date) -> bool:
    """Whether a day lies in the summer break (15 June-15 August) or 20 December-6 January."""
    summer = date(day.year, 6, 15) <= day <= date(day.year, 8, 15)
    winter = day >= date(day.year, 12, 20) or day <= date(day.year, 1, 6)
    return summer or winter


@dataclass(frozen=True)
class PlannedMeeting:
    """One meeting in a year's plan."""

    key: str
    kind: str
    day: date
    title: str
    co_organiser: str | None = None
    moved_from: date | None = None
    moved_because: str | None = None
    prepares: str | None = None


def _moved(meeting: PlannedMeeting, blocked: frozenset[date]) -> PlannedMeeting:
    reason = why_not_free(meeting.day) or (
        "another meeting that day" if meeting.day in blocked else None
    )
    if reason is None:
        return meeting
    return replace(
        meeting,
        day=nearest_free_day(meeting.day, blocked),
        moved_from=meeting.day,
        moved_because=reason,
    )


def stormote_dates(year: int, count: int) -> list[date]:
    """`count` dates spread evenly over the year's free working days outside the breaks."""
    if not STORMOTEN_MIN <= count <= STORMOTEN_MAX:
        raise InvalidInput(
            f"{count} stormöten is outside the 2-4 a year the assignment asks for; "
            "give --stormoten 2, 3 or 4."
        )
    day, days = date(year, 1, 1), []
    while day.year == year:
        if not in_break(day) and why_not_free(day) is None:
            days.append(day)
        day += timedelta(days=1)
    return [days[int((index + 0.5) * len(days) / count)] for index in range(count)]


def plan_year(
    year: int,
    *,
    stormoten: int = DEFAULT_STORMOTEN,
    au_rule: str = DEFAULT_AU_RULE,
    skip_months: tuple[int, ...] = (7,),
) -> list[PlannedMeeting]:
    """The year's AU meetings and stormöten, each on a free working day, in date order."""
    stormote_days = stormote_dates(year, stormoten)
    stormoten_planned = [
        PlannedMeeting(
            key=f"{year}/stormote/{n}",
            kind="stormote",
            day=day,
            title=f"Stormöte {n}",
            co_organiser=REGIONAL_UTVECKLING,
        )
        for n, day in enumerate(stormote_days, start=1)
    ]
    taken = frozenset(stormote_days)
    au: list[PlannedMeeting] = []
    rule = au_rule_to_rrule(au_rule)
    for day in rule_dates(rule, year):
        if day.month in skip_months:
            continue
        meeting = PlannedMeeting(key=f"{year}/au/{day:%m-%d}", kind="au", day=day, title="AU-möte")
        moved = _moved(meeting, taken | frozenset(m.day for m in au))
        au.append(moved)
    for stormote in stormoten_planned:
        au = _ensure_preparation(au, stormote, taken)
    return sorted([*au, *stormoten_planned], key=lambda m: (m.day, m.kind))


def _ensure_preparation(
    au: list[PlannedMeeting], stormote: PlannedMeeting, taken: frozenset[date]
) -> list[PlannedMeeting]:
    earliest = stormote.day - timedelta(days=PREPARATION_DAYS[1])
    latest = stormote.day - timedelta(days=PREPARATION_DAYS[0])
    for index, meeting in enumerate(au):
        if earliest <= meeting.day <= latest:
            au[index] = replace(meeting, prepares=stormote.title)
            return au
    target = stormote.day - timedelta(days=14)
    blocked = taken | frozenset(m.day for m in au)
    extra = PlannedMeeting(
        key=f"{stormote.key}/au",
        kind="au",
        day=target,
        title=f"AU-möte: förberedelse av {stormote.title.lower()}",
        prepares=stormote.title,
    )
    day = nearest_free_day(target, blocked)
    if not earliest <= day <= latest:
        day = _first_free_in(earliest, latest, blocked) or day
    return [*au, replace(extra, day=day)]


def _first_free_in(start: date, end: date, blocked: frozenset[date]) -> date | None:
    day = start
    while day <= end:
        if why_not_free(day) is None and day not in blocked:
            return day
        day += timedelta(days=1)
    return None
