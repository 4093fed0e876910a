"""Swedish working days: public holidays, the de-facto holidays, weekends and ISO weeks."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from functools import cache

from psi.words import NC_, pgettext

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


MELLANDAGARNA = "mellandagarna"
"""Why the planner leaves 27-30 December alone: the days between Christmas and New Year."""
KLAMDAG = "klämdag"
"""Why the planner leaves a bridge day alone (the Friday after Kristi himmelsfärdsdag)."""


def is_mellandag(day: date) -> bool:
    """Whether the day is one of mellandagarna, 27-30 December: working days between
    annandag jul and nyårsafton that most people take off."""
    return day.month == 12 and 27 <= day.day <= 30


def is_klamdag(day: date) -> bool:
    """Whether the day is a klämdag: a working day with a day off (a holiday or a weekend day)
    on both sides, such as the Friday after Kristi himmelsfärdsdag or a Monday before a
    Tuesday holiday. Many take it off, so the planner puts no meeting there."""
    one = timedelta(days=1)
    return (
        why_not_free(day) is None
        and why_not_free(day - one) is not None
        and why_not_free(day + one) is not None
    )


def why_not_planned(day: date) -> str | None:
    """Why the planner puts no meeting on a day, or None if it may: a day that is not free
    (`why_not_free`), one of mellandagarna, or a klämdag. `psi meeting add` and `move` still
    take such a day (a working day) without a word; only the planner avoids it."""
    reason = why_not_free(day)
    if reason is not None:
        return reason
    if is_mellandag(day):
        return MELLANDAGARNA
    if is_klamdag(day):
        return KLAMDAG
    return None


def weekday_sv(day: date) -> str:
    """The Swedish name of the day's weekday: `tisdag` (for the documents in Swedish)."""
    return WEEKDAYS_SV[day.weekday()]


WEEKDAYS = (
    NC_("weekday", "Monday"),
    NC_("weekday", "Tuesday"),
    NC_("weekday", "Wednesday"),
    NC_("weekday", "Thursday"),
    NC_("weekday", "Friday"),
    NC_("weekday", "Saturday"),
    NC_("weekday", "Sunday"),
)


def weekday_name(day: date) -> str:
    """The day's weekday in the interface language: `Tuesday`, `tisdag`."""
    return pgettext("weekday", WEEKDAYS[day.weekday()])


def iso_week(day: date) -> int:
    """The ISO 8601 week number (Monday first)."""
    return day.isocalendar().week


def nearest_free_day(
    day: date,
    blocked: frozenset[date] = frozenset(),
    why: Callable[[date], str | None] = why_not_free,
) -> date:
    """The nearest free working day in the same ISO week (and year) where possible, else the
    next free day of the year (or, at its very end, the last one before). `why` says why a
    day is not free: `why_not_free` by default, `why_not_planned` for the planner."""

    def usable(d: date) -> bool:
        return why(d) is None and d not in blocked

    if usable(day):
        return day
    monday = day - timedelta(days=day.weekday())
    same_week = [monday + timedelta(days=offset) for offset in range(5)]
    free = [d for d in same_week if d.year == day.year and usable(d)]
    if free:
        return min(free, key=lambda d: (abs((d - day).days), d < day))
    # No free day that week: the next free day of the same year, else the last one before it
    # (a Monday nyårsafton stays in its year), else the next free day at all.
    for step in (1, -1):
        probe = day + timedelta(days=step)
        while probe.year == day.year:
            if usable(probe):
                return probe
            probe += timedelta(days=step)
    probe = day + timedelta(days=1)
    while not usable(probe):
        probe += timedelta(days=1)
    return probe


UID_DOMAIN = "psi.orebro"
"""The domain part of every calendar UID psi gives a meeting."""


def plan_uid(key: str) -> str:
    """A stable calendar UID for a planned slot, the same before and after --save."""
    return f"plan-{key.replace('/', '-')}@{UID_DOMAIN}"
