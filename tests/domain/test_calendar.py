"""Swedish working days: the holiday calendar, why a day is not free, ISO weeks, moving a date."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from psi.domain.calendar import (
    KLAMDAG,
    MELLANDAGARNA,
    WEEKDAYS_SV,
    holidays_in,
    is_klamdag,
    is_mellandag,
    iso_week,
    nearest_free_day,
    weekday_sv,
    why_not_free,
    why_not_planned,
)

any_day = st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31))


def _same_week_and_year(a: date, b: date) -> bool:
    return a.isocalendar()[:2] == b.isocalendar()[:2] and a.year == b.year


# --- holidays_in ------------------------------------------------------------------------------


HOLIDAYS_2026 = [
    (date(2026, 1, 1), "Nyårsdagen"),
    (date(2026, 1, 6), "Trettondedag jul"),
    (date(2026, 4, 3), "Långfredagen"),
    (date(2026, 4, 5), "Påskdagen"),
    (date(2026, 4, 6), "Annandag påsk"),
    (date(2026, 5, 1), "Första maj"),
    (date(2026, 5, 14), "Kristi himmelsfärdsdag"),
    (date(2026, 5, 24), "Pingstdagen"),
    (date(2026, 6, 6), "Nationaldagen"),
    (date(2026, 6, 19), "Midsommarafton"),
    (date(2026, 6, 20), "Midsommardagen"),
    (date(2026, 10, 31), "Alla helgons dag"),
    (date(2026, 12, 24), "Julafton"),
    (date(2026, 12, 25), "Juldagen"),
    (date(2026, 12, 26), "Annandag jul"),
    (date(2026, 12, 31), "Nyårsafton"),
]
HOLIDAYS_2027 = [
    (date(2027, 1, 1), "Nyårsdagen"),
    (date(2027, 1, 6), "Trettondedag jul"),
    (date(2027, 3, 26), "Långfredagen"),
    (date(2027, 3, 28), "Påskdagen"),
    (date(2027, 3, 29), "Annandag påsk"),
    (date(2027, 5, 1), "Första maj"),
    (date(2027, 5, 6), "Kristi himmelsfärdsdag"),
    (date(2027, 5, 16), "Pingstdagen"),
    (date(2027, 6, 6), "Nationaldagen"),
    (date(2027, 6, 25), "Midsommarafton"),
    (date(2027, 6, 26), "Midsommardagen"),
    (date(2027, 11, 6), "Alla helgons dag"),
    (date(2027, 12, 24), "Julafton"),
    (date(2027, 12, 25), "Juldagen"),
    (date(2027, 12, 26), "Annandag jul"),
    (date(2027, 12, 31), "Nyårsafton"),
]


@pytest.mark.parametrize(("day", "name"), HOLIDAYS_2026 + HOLIDAYS_2027)
def test_holidays_in_names_each_swedish_holiday(day: date, name: str) -> None:
    assert holidays_in(day.year)[day] == name


@pytest.mark.parametrize(("day", "name"), HOLIDAYS_2026 + HOLIDAYS_2027)
def test_why_not_free_gives_the_holiday_name(day: date, name: str) -> None:
    assert why_not_free(day) == name


@pytest.mark.parametrize(
    ("year", "expected"),
    [(2026, dict(HOLIDAYS_2026)), (2027, dict(HOLIDAYS_2027))],
)
def test_holidays_in_is_exactly_the_swedish_calendar(year: int, expected: dict[date, str]) -> None:
    assert holidays_in(year) == expected


@pytest.mark.parametrize(
    ("year", "midsommarafton"),
    [
        (2024, date(2024, 6, 21)),
        (2025, date(2025, 6, 20)),
        (2026, date(2026, 6, 19)),
        (2027, date(2027, 6, 25)),
        (2028, date(2028, 6, 23)),
        (2029, date(2029, 6, 22)),
        (2030, date(2030, 6, 21)),
    ],
)
def test_midsommarafton_is_the_friday_between_19_and_25_june(
    year: int, midsommarafton: date
) -> None:
    calendar = holidays_in(year)
    assert calendar[midsommarafton] == "Midsommarafton"
    assert midsommarafton.weekday() == 4
    assert [day for day, name in calendar.items() if name == "Midsommarafton"] == [midsommarafton]


@pytest.mark.parametrize("year", range(2020, 2036))
def test_the_de_facto_holidays_are_there_every_year(year: int) -> None:
    calendar = holidays_in(year)
    assert calendar[date(year, 12, 24)] == "Julafton"
    assert calendar[date(year, 12, 31)] == "Nyårsafton"
    assert "Midsommarafton" in calendar.values()
    assert calendar[date(year, 6, 6)] == "Nationaldagen"
    assert calendar[date(year, 1, 1)] == "Nyårsdagen"


@pytest.mark.parametrize("year", range(2020, 2036))
def test_easter_holidays_fall_around_easter_sunday(year: int) -> None:
    by_name = {name: day for day, name in holidays_in(year).items()}
    easter = by_name["Påskdagen"]
    assert easter.weekday() == 6
    assert by_name["Långfredagen"] == easter - timedelta(days=2)
    assert by_name["Annandag påsk"] == easter + timedelta(days=1)
    assert by_name["Kristi himmelsfärdsdag"] == easter + timedelta(days=39)
    assert by_name["Pingstdagen"] == easter + timedelta(days=49)


@pytest.mark.parametrize("year", range(2020, 2036))
def test_ordinary_sundays_are_not_holidays(year: int) -> None:
    sundays = {day: name for day, name in holidays_in(year).items() if day.weekday() == 6}
    # Only named holidays that fall on a Sunday; never the ~52 plain Sundays.
    assert len(sundays) <= 6
    assert all(name != "Söndag" and name.casefold() != "söndag" for name in sundays.values())


@pytest.mark.parametrize("year", range(2020, 2036))
def test_holidays_in_only_holds_days_of_that_year(year: int) -> None:
    assert all(day.year == year for day in holidays_in(year))


@pytest.mark.parametrize(
    "day", [date(2026, 3, 8), date(2026, 8, 16), date(2027, 2, 14), date(2027, 10, 3)]
)
def test_an_ordinary_sunday_is_not_in_holidays_in_but_is_not_free(day: date) -> None:
    assert day.weekday() == 6
    assert day not in holidays_in(day.year)
    assert why_not_free(day) == "söndag"


@pytest.mark.parametrize("day", [date(2026, 3, 7), date(2026, 8, 15), date(2027, 2, 13)])
def test_a_saturday_is_not_free(day: date) -> None:
    assert why_not_free(day) == "lördag"


@pytest.mark.parametrize(
    "day",
    [
        date(2026, 1, 2),
        date(2026, 1, 5),
        date(2026, 4, 2),
        date(2026, 4, 7),
        date(2026, 6, 18),
        date(2026, 12, 23),
        date(2026, 12, 30),
        date(2027, 1, 4),
        date(2027, 1, 5),
        date(2027, 6, 24),
        date(2027, 12, 30),
    ],
)
def test_an_ordinary_weekday_is_free(day: date) -> None:
    assert day.weekday() < 5
    assert why_not_free(day) is None


@given(any_day)
def test_why_not_free_is_none_exactly_on_working_days(day: date) -> None:
    free = day.weekday() < 5 and day not in holidays_in(day.year)
    assert (why_not_free(day) is None) == free


@given(any_day)
def test_why_not_free_names_the_holiday_before_the_weekday(day: date) -> None:
    reason = why_not_free(day)
    if day in holidays_in(day.year):
        assert reason == holidays_in(day.year)[day]
    elif day.weekday() >= 5:
        assert reason == WEEKDAYS_SV[day.weekday()]


def test_weekday_names_line_up() -> None:
    assert len(WEEKDAYS_SV) == 7
    assert WEEKDAYS_SV[date(2026, 6, 19).weekday()] == "fredag"


# --- iso_week ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "week"),
    [
        (date(2026, 1, 1), 1),
        (date(2026, 6, 19), 25),
        (date(2026, 12, 31), 53),
        (date(2027, 1, 1), 53),
        (date(2027, 1, 3), 53),
        (date(2027, 1, 4), 1),
        (date(2024, 12, 30), 1),
        (date(2025, 12, 29), 1),
        (date(2021, 1, 3), 53),
    ],
)
def test_iso_week(day: date, week: int) -> None:
    assert iso_week(day) == week


@given(any_day)
def test_iso_weeks_start_on_monday(day: date) -> None:
    monday = day - timedelta(days=day.weekday())
    assert iso_week(monday) == iso_week(day)
    assert iso_week(monday - timedelta(days=1)) != iso_week(day)
    assert 1 <= iso_week(day) <= 53


# --- nearest_free_day -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "day", [date(2026, 1, 2), date(2026, 3, 10), date(2026, 12, 30), date(2027, 6, 24)]
)
def test_a_free_day_stays(day: date) -> None:
    assert nearest_free_day(day) == day


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 4, 3), date(2026, 4, 2)),  # Långfredagen -> Thursday
        (date(2026, 4, 6), date(2026, 4, 7)),  # Annandag påsk -> Tuesday
        (date(2026, 5, 1), date(2026, 4, 30)),  # Första maj (Friday) -> Thursday
        (date(2026, 6, 19), date(2026, 6, 18)),  # Midsommarafton -> Thursday
        (date(2026, 6, 6), date(2026, 6, 5)),  # Nationaldagen on a Saturday -> Friday
        (date(2026, 12, 24), date(2026, 12, 23)),  # Julafton, Juldagen after -> Wednesday
        (date(2026, 12, 31), date(2026, 12, 30)),  # Nyårsafton -> Wednesday
        (date(2026, 1, 1), date(2026, 1, 2)),  # Nyårsdagen (Thursday) -> Friday, not 2025
        (date(2027, 1, 1), date(2027, 1, 4)),  # Nyårsdagen (Friday) must not move into 2026
        (date(2027, 3, 26), date(2027, 3, 25)),  # Långfredagen -> Thursday
        (date(2027, 3, 29), date(2027, 3, 30)),  # Annandag påsk -> Tuesday
        (date(2027, 6, 25), date(2027, 6, 24)),  # Midsommarafton -> Thursday
        (date(2027, 6, 6), date(2027, 6, 4)),  # Nationaldagen on a Sunday -> Friday
        (date(2027, 12, 24), date(2027, 12, 23)),  # Julafton (Friday) -> Thursday
        (date(2027, 12, 31), date(2027, 12, 30)),  # Nyårsafton (Friday) -> Thursday
        (date(2026, 3, 7), date(2026, 3, 6)),  # Saturday -> Friday of the same week
        (date(2026, 3, 8), date(2026, 3, 6)),  # Sunday -> Friday of the same week
        (date(2028, 1, 1), date(2028, 1, 3)),  # Saturday whose week lies in 2027
    ],
)
def test_nearest_free_day_moves_a_holiday_or_weekend(day: date, expected: date) -> None:
    assert nearest_free_day(day) == expected


@pytest.mark.parametrize(
    ("day", "choices"),
    [
        (date(2026, 5, 14), {date(2026, 5, 13), date(2026, 5, 15)}),  # Kristi himmelsfärd
        (date(2027, 5, 6), {date(2027, 5, 5), date(2027, 5, 7)}),  # Kristi himmelsfärd
        (date(2027, 1, 6), {date(2027, 1, 5), date(2027, 1, 7)}),  # Trettondedag jul
    ],
)
def test_nearest_free_day_takes_a_neighbour_in_the_middle_of_the_week(
    day: date, choices: set[date]
) -> None:
    assert nearest_free_day(day) in choices


def test_nearest_free_day_avoids_blocked_days() -> None:
    blocked = frozenset({date(2026, 4, 2)})
    assert nearest_free_day(date(2026, 4, 3), blocked) == date(2026, 4, 1)


def test_a_free_but_blocked_day_moves() -> None:
    day = date(2026, 3, 10)
    moved = nearest_free_day(day, frozenset({day}))
    assert moved in {date(2026, 3, 9), date(2026, 3, 11)}


def test_a_fully_blocked_week_moves_to_the_next_week() -> None:
    monday = date(2026, 3, 9)
    week = frozenset(monday + timedelta(days=offset) for offset in range(5))
    assert nearest_free_day(date(2026, 3, 11), week) == date(2026, 3, 16)


def test_a_blocked_week_after_easter_skips_the_holidays() -> None:
    # The week of Easter 2026 has Långfredagen and the week after starts with Annandag påsk.
    blocked = frozenset({date(2026, 3, 30), date(2026, 3, 31), date(2026, 4, 1), date(2026, 4, 2)})
    assert nearest_free_day(date(2026, 4, 3), blocked) == date(2026, 4, 7)


@given(any_day)
def test_nearest_free_day_is_a_free_working_day(day: date) -> None:
    result = nearest_free_day(day)
    assert why_not_free(result) is None
    assert result.weekday() < 5
    assert result not in holidays_in(result.year)


@given(any_day)
def test_nearest_free_day_stays_in_the_week_and_year_or_goes_later(day: date) -> None:
    result = nearest_free_day(day)
    if result < day and not _same_week_and_year(result, day):
        # Only at the very end of a year, when no free day is left after it: the meeting
        # stays in its year rather than moving into the next (see the example below).
        assert result.year == day.year
        rest = (day + timedelta(days=n) for n in range(1, (date(day.year, 12, 31) - day).days + 1))
        assert all(why_not_free(later) is not None for later in rest)
    else:
        assert _same_week_and_year(result, day) or result > day


def test_a_monday_nyarsafton_moves_back_into_its_own_year() -> None:
    # 2029-12-31 is a Monday in ISO week 1 of 2030, and nyårsafton: no later day of 2029 is free.
    assert nearest_free_day(date(2029, 12, 31)) == date(2029, 12, 28)


@given(any_day)
def test_nearest_free_day_keeps_a_free_day(day: date) -> None:
    if why_not_free(day) is None:
        assert nearest_free_day(day) == day


@given(any_day)
def test_nearest_free_day_stays_in_the_week_when_it_can(day: date) -> None:
    monday = day - timedelta(days=day.weekday())
    week = [monday + timedelta(days=offset) for offset in range(5)]
    candidates = [d for d in week if d.year == day.year and why_not_free(d) is None]
    result = nearest_free_day(day)
    if candidates:
        assert result in candidates
        closest = min(abs((d - day).days) for d in candidates)
        assert abs((result - day).days) == closest


@given(any_day, st.sets(st.integers(min_value=-10, max_value=10), max_size=12))
def test_nearest_free_day_avoids_any_blocked_days(day: date, offsets: set[int]) -> None:
    blocked = frozenset(day + timedelta(days=offset) for offset in offsets)
    result = nearest_free_day(day, blocked)
    assert result not in blocked
    assert why_not_free(result) is None
    later_in_year = [
        day + timedelta(days=n)
        for n in range(1, (date(day.year, 12, 31) - day).days + 1)
        if why_not_free(day + timedelta(days=n)) is None and day + timedelta(days=n) not in blocked
    ]
    # Earlier than the day only when nothing later is free in the same year.
    assert _same_week_and_year(result, day) or result > day or not later_in_year
    if why_not_free(day) is None and day not in blocked:
        assert result == day


@given(any_day)
def test_nearest_free_day_is_idempotent(day: date) -> None:
    once = nearest_free_day(day)
    assert nearest_free_day(once) == once


@given(any_day)
def test_nearest_free_day_is_never_far_away(day: date) -> None:
    assert abs((nearest_free_day(day) - day).days) <= 14


@pytest.mark.parametrize(
    ("day", "name"),
    [(date(2026, 3, 9), "måndag"), (date(2026, 3, 10), "tisdag"), (date(2026, 3, 15), "söndag")],
)
def test_weekday_sv_names_the_day_in_swedish(day: date, name: str) -> None:
    assert weekday_sv(day) == name


# --- what the planner avoids: mellandagarna and klämdagar -------------------------------------


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2027, 12, 26), False),
        (date(2027, 12, 27), True),
        (date(2027, 12, 30), True),
        (date(2027, 12, 31), False),
        (date(2027, 12, 23), False),
        (date(2028, 1, 2), False),
    ],
)
def test_mellandagarna_are_27_to_30_december(day: date, expected: bool) -> None:
    assert is_mellandag(day) is expected


@pytest.mark.parametrize(
    "day",
    [
        date(2026, 5, 15),  # the Friday after Kristi himmelsfärdsdag
        date(2027, 5, 7),
        date(2026, 1, 2),  # Friday after Nyårsdagen (Thursday)
        date(2026, 1, 5),  # Monday before Trettondedag jul (Tuesday)
        date(2030, 12, 23),  # Monday before Julafton (Tuesday)
    ],
)
def test_a_working_day_between_a_holiday_and_a_weekend_is_a_klamdag(day: date) -> None:
    assert why_not_free(day) is None
    assert is_klamdag(day)
    assert why_not_planned(day) == KLAMDAG


@pytest.mark.parametrize(
    "day",
    [
        date(2026, 5, 13),  # the Wednesday before Kristi himmelsfärdsdag
        date(2027, 1, 4),  # Monday with a free Tuesday after it
        date(2027, 3, 25),  # Thursday before Långfredagen: Wednesday is free
        date(2027, 3, 30),  # Tuesday after Annandag påsk
        date(2026, 3, 10),
    ],
)
def test_a_day_with_a_working_day_beside_it_is_no_klamdag(day: date) -> None:
    assert not is_klamdag(day)


@pytest.mark.parametrize("day", [date(2027, 5, 6), date(2027, 5, 8), date(2027, 12, 25)])
def test_a_day_off_is_no_klamdag_but_is_not_free(day: date) -> None:
    assert not is_klamdag(day)
    assert why_not_planned(day) == why_not_free(day)


def test_why_not_planned_names_mellandagarna() -> None:
    assert why_not_planned(date(2027, 12, 28)) == MELLANDAGARNA
    assert why_not_free(date(2027, 12, 28)) is None  # still a working day for meeting add


@given(any_day)
def test_why_not_planned_is_why_not_free_and_more(day: date) -> None:
    reason = why_not_planned(day)
    if why_not_free(day) is not None:
        assert reason == why_not_free(day)
    elif is_mellandag(day):
        assert reason == MELLANDAGARNA
    else:
        one = timedelta(days=1)
        squeezed = why_not_free(day - one) is not None and why_not_free(day + one) is not None
        assert (reason == KLAMDAG) is squeezed
        assert (reason is None) is not squeezed


@given(any_day, st.sets(st.integers(min_value=-10, max_value=10), max_size=8))
def test_nearest_day_for_the_planner_is_never_a_klamdag_or_mellandag(
    day: date, offsets: set[int]
) -> None:
    blocked = frozenset(day + timedelta(days=offset) for offset in offsets)
    result = nearest_free_day(day, blocked, why_not_planned)
    assert why_not_planned(result) is None
    assert result not in blocked
    assert abs((result - day).days) <= 21


def test_kristi_himmelsfard_moves_to_the_wednesday_not_the_klamdag() -> None:
    assert nearest_free_day(date(2027, 5, 6), why=why_not_planned) == date(2027, 5, 5)
    assert nearest_free_day(date(2026, 5, 14), why=why_not_planned) == date(2026, 5, 13)


def test_nyarsafton_moves_before_christmas_for_the_planner() -> None:
    assert nearest_free_day(date(2027, 12, 31), why=why_not_planned) == date(2027, 12, 23)
    # For `psi meeting add` and the documents, the working days of mellandagarna stay free.
    assert nearest_free_day(date(2027, 12, 31)) == date(2027, 12, 30)
