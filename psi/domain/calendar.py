"""Swedish working days: public holidays, the de-facto holidays, weekends and ISO weeks."""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

WEEKDAYS_SV = ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag")


@cache
def holidays_in(year: int) -> dict[date, str]:
    """Public holidays plus midsommarafton, julafton and nyårsafton, with Swedish names."""
    import holidays

    calendar = holidays.country_holidays(
        "SE",
        years=year,
        include_sundays=False,
        categories=("public", "de_facto"),
        language="sv",
    )
    return {day: str(name) for day, name in calendar.items()}


def why_not_free(day: date) -> str | None:
    """Why no meeting can be held on a day (`lördag`, `Julafton`...), or None if it is free."""
    holiday = holidays_in(day.year).get(day)
    if holiday:
        return holiday
    if day.weekday() >= 5:
        return WEEKDAYS_SV[day.weekday()]
    return None


def weekday_sv(day: date) -> str:
    """The Swedish name of the day's weekday: `tisdag`."""
    return WEEKDAYS_SV[day.weekday()]


def iso_week(day: date) -> int:
    """The ISO 8601 week number (Monday first)."""
    return day.isocalendar().week


def nearest_free_day(day: date, blocked: frozenset[date] = frozenset()) -> date:
    """The nearest free working day in the same ISO week (and year) where possible, else the
    next free day of the year (or, at its very end, the last one before)."""
    if why_not_free(day) is None and day not in blocked:
        return day
    monday = day - timedelta(days=day.weekday())
    same_week = [monday + timedelta(days=offset) for offset in range(5)]
    free = [
        d for d in same_week if d.year == day.year and why_not_free(d) is None and d not in blocked
    ]
    if free:
        return min(free, key=lambda d: (abs((d - day).days), d < day))
    # No free day that week: the next free day of the same year, else the last one before it
    # (a Monday nyårsafton stays in its year), else the next free day at all.
    for step in (1, -1):
        probe = day + timedelta(days=step)
        while probe.year == day.year:
            if why_not_free(probe) is None and probe not in blocked:
                return probe
            probe += timedelta(days=step)
    probe = day + timedelta(days=1)
    while why_not_free(probe) is not None or probe in blocked:
        probe += timedelta(days=1)
    return probe


UID_DOMAIN = "psi.orebro"
"""The domain part of every calendar UID psi gives a meeting."""


def plan_uid(key: str) -> str:
    """A stable calendar UID for a planned slot, the same before and after --save."""
    return f"plan-{key.replace('/', '-')}@{UID_DOMAIN}"
