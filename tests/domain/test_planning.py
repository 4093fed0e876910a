"""Planning a year's meetings: time slots, AU rules, the breaks, stormöten and the whole plan."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, time, timedelta
from functools import cache
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from psi.domain.calendar import (
    holidays_in,
    is_klamdag,
    is_mellandag,
    iso_week,
    why_not_free,
    why_not_planned,
)
from psi.domain.planning import (
    DEFAULT_AU_RULE,
    DEFAULT_STORMOTEN,
    DEFAULT_TIME,
    PREPARATION_DAYS,
    REGIONAL_UTVECKLING,
    MeetingFacts,
    PlanDiff,
    PlannedMeeting,
    SavedMeeting,
    TimeSlot,
    au_rule_to_rrule,
    edited_because,
    in_break,
    kind_for_key,
    parse_time_slot,
    plan_diff,
    plan_year,
    rule_dates,
    stormote_dates,
    title_for_key,
    updated,
    why_moved,
)
from psi.errors import InvalidInput

YEARS = range(2024, 2031)
COUNTS = (2, 3, 4)
RULES = (
    "2nd tuesday",
    "last thursday",
    "1st friday",
    "3rd wednesday",
    "FREQ=MONTHLY;BYDAY=2TU",
    "RRULE:FREQ=MONTHLY;BYDAY=-1TH",
    "2nd tisdag",
)
MIN_STORMOTE_GAP = timedelta(weeks=6)


@cache
def _plan(year: int, count: int, rule: str) -> tuple[PlannedMeeting, ...]:
    return tuple(plan_year(year, stormoten=count, au_rule=rule))


def _stormoten(plan: tuple[PlannedMeeting, ...]) -> list[PlannedMeeting]:
    return [m for m in plan if m.kind == "stormote"]


def _au(plan: tuple[PlannedMeeting, ...]) -> list[PlannedMeeting]:
    return [m for m in plan if m.kind == "au"]


every_plan = pytest.mark.parametrize(
    ("year", "count", "rule"),
    [(year, count, rule) for year in YEARS for count in COUNTS for rule in RULES],
)

# --- parse_time_slot --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("13:00-15:00", time(13, 0), time(15, 0)),
        ("9.30-11.00", time(9, 30), time(11, 0)),
        (" 8:00 - 9:00 ", time(8, 0), time(9, 0)),
        ("08:15-08:45", time(8, 15), time(8, 45)),
        ("0:00-23:59", time(0, 0), time(23, 59)),
        ("13.00 -15:30", time(13, 0), time(15, 30)),
    ],
)
def test_parse_time_slot(text: str, start: time, end: time) -> None:
    assert parse_time_slot(text) == TimeSlot(start, end)


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("13:00-15:00", "13:00-15:00"),
        ("9.30-11.00", "09:30-11:00"),
        (" 8:00 - 9:00 ", "08:00-09:00"),
    ],
)
def test_a_time_slot_shows_as_hh_mm(text: str, shown: str) -> None:
    assert str(parse_time_slot(text)) == shown


def test_the_default_time_parses() -> None:
    assert str(parse_time_slot(DEFAULT_TIME)) == DEFAULT_TIME


@pytest.mark.parametrize(
    "text",
    [
        "15-13",
        "13-15",
        "25:00-26:00",
        "13:60-14:00",
        "24:00-24:30",
        "noon",
        "",
        "13:00",
        "13:00-",
        "13:00–15:00",  # an en dash
        "13:00 till 15:00",
        "1300-1500",
        "13:0-15:00",
    ],
)
def test_parse_time_slot_refuses_what_is_not_a_span(text: str) -> None:
    with pytest.raises(InvalidInput, match="13:00-15:00"):
        parse_time_slot(text)


@pytest.mark.parametrize("text", ["13:00-12:00", "13:00-13:00", "15:00-09:00", "23:59-00:00"])
def test_parse_time_slot_refuses_an_end_before_the_start(text: str) -> None:
    with pytest.raises(InvalidInput, match="ends before it starts"):
        parse_time_slot(text)


@given(st.times().map(lambda t: t.replace(second=0, microsecond=0)), st.times())
def test_parse_time_slot_round_trips(start: time, end: time) -> None:
    end = end.replace(second=0, microsecond=0)
    text = f"{start:%H:%M}-{end:%H:%M}"
    if end > start:
        slot = parse_time_slot(text)
        assert (slot.start, slot.end) == (start, end)
        assert str(slot) == text
    else:
        with pytest.raises(InvalidInput):
            parse_time_slot(text)


# --- au_rule_to_rrule / rule_dates ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "rrule"),
    [
        ("2nd tuesday", "FREQ=MONTHLY;BYDAY=2TU"),
        ("last thursday", "FREQ=MONTHLY;BYDAY=-1TH"),
        ("1st friday", "FREQ=MONTHLY;BYDAY=1FR"),
        ("3rd wednesday", "FREQ=MONTHLY;BYDAY=3WE"),
        ("4th monday", "FREQ=MONTHLY;BYDAY=4MO"),
        ("first monday", "FREQ=MONTHLY;BYDAY=1MO"),
        ("second tuesday", "FREQ=MONTHLY;BYDAY=2TU"),
        ("third wednesday", "FREQ=MONTHLY;BYDAY=3WE"),
        ("fourth thursday", "FREQ=MONTHLY;BYDAY=4TH"),
        ("2nd tisdag", "FREQ=MONTHLY;BYDAY=2TU"),
        ("last torsdag", "FREQ=MONTHLY;BYDAY=-1TH"),
        ("1st måndag", "FREQ=MONTHLY;BYDAY=1MO"),
        ("3rd onsdag", "FREQ=MONTHLY;BYDAY=3WE"),
        ("fourth fredag", "FREQ=MONTHLY;BYDAY=4FR"),
        ("2nd Tuesday", "FREQ=MONTHLY;BYDAY=2TU"),
        ("LAST THURSDAY", "FREQ=MONTHLY;BYDAY=-1TH"),
        ("  2nd   tuesday  ", "FREQ=MONTHLY;BYDAY=2TU"),
        ("every 2nd tuesday", "FREQ=MONTHLY;BYDAY=2TU"),
        ("2nd tuesdays", "FREQ=MONTHLY;BYDAY=2TU"),
        ("FREQ=MONTHLY;BYDAY=2TU", "FREQ=MONTHLY;BYDAY=2TU"),
        ("RRULE:FREQ=MONTHLY;BYDAY=-1TH", "FREQ=MONTHLY;BYDAY=-1TH"),
        ("freq=monthly;byday=2tu", "FREQ=MONTHLY;BYDAY=2TU"),
        ("rrule:freq=monthly;byday=1mo", "FREQ=MONTHLY;BYDAY=1MO"),
        ("FREQ=WEEKLY;INTERVAL=2;BYDAY=WE", "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE"),
        (" FREQ=MONTHLY;BYDAY=3TH ", "FREQ=MONTHLY;BYDAY=3TH"),
    ],
)
def test_au_rule_to_rrule(text: str, rrule: str) -> None:
    assert au_rule_to_rrule(text) == rrule


@pytest.mark.parametrize(
    ("text", "rrule"),
    [
        # Swedish ordinals, written out, with or without the definite form of the day
        ("andra tisdagen", "FREQ=MONTHLY;BYDAY=2TU"),
        ("andra tisdag", "FREQ=MONTHLY;BYDAY=2TU"),
        ("sista torsdagen", "FREQ=MONTHLY;BYDAY=-1TH"),
        ("sista torsdag", "FREQ=MONTHLY;BYDAY=-1TH"),
        ("första måndagen", "FREQ=MONTHLY;BYDAY=1MO"),
        ("forsta mandagen", "FREQ=MONTHLY;BYDAY=1MO"),
        ("tredje onsdagen", "FREQ=MONTHLY;BYDAY=3WE"),
        ("fjärde fredagen", "FREQ=MONTHLY;BYDAY=4FR"),
        ("fjarde fredag", "FREQ=MONTHLY;BYDAY=4FR"),
        # ... and as numbers: 1:a, 2:a, 3:e, 4:e (the colon may be left out)
        ("1:a fredagen", "FREQ=MONTHLY;BYDAY=1FR"),
        ("2:a tisdagen", "FREQ=MONTHLY;BYDAY=2TU"),
        ("2:a tisdag", "FREQ=MONTHLY;BYDAY=2TU"),
        ("2a tisdag", "FREQ=MONTHLY;BYDAY=2TU"),
        ("3:e onsdagen", "FREQ=MONTHLY;BYDAY=3WE"),
        ("3e onsdag", "FREQ=MONTHLY;BYDAY=3WE"),
        ("4:e torsdagen", "FREQ=MONTHLY;BYDAY=4TH"),
        ("4e måndag", "FREQ=MONTHLY;BYDAY=4MO"),
        # any case, plural days, and the words around that say nothing more
        ("Andra Tisdagen", "FREQ=MONTHLY;BYDAY=2TU"),
        ("SISTA TORSDAGEN", "FREQ=MONTHLY;BYDAY=-1TH"),
        ("andra tisdagarna", "FREQ=MONTHLY;BYDAY=2TU"),
        ("sista fredagar", "FREQ=MONTHLY;BYDAY=-1FR"),
        ("den andra tisdagen", "FREQ=MONTHLY;BYDAY=2TU"),
        ("den andra tisdagen i månaden", "FREQ=MONTHLY;BYDAY=2TU"),
        ("andra tisdagen varje månad", "FREQ=MONTHLY;BYDAY=2TU"),
        ("varje sista torsdag", "FREQ=MONTHLY;BYDAY=-1TH"),
        ("  andra   tisdagen  ", "FREQ=MONTHLY;BYDAY=2TU"),
        # English as before, and the two mixed
        ("2nd tuesday of the month", "FREQ=MONTHLY;BYDAY=2TU"),
        ("the last thursday of each month", "FREQ=MONTHLY;BYDAY=-1TH"),
        ("every first monday", "FREQ=MONTHLY;BYDAY=1MO"),
        ("1st fredag", "FREQ=MONTHLY;BYDAY=1FR"),
        ("andra tuesday", "FREQ=MONTHLY;BYDAY=2TU"),
        ("last torsdagen", "FREQ=MONTHLY;BYDAY=-1TH"),
    ],
)
def test_au_rule_in_swedish(text: str, rrule: str) -> None:
    assert au_rule_to_rrule(text) == rrule


def test_a_rule_not_read_names_a_swedish_example_too() -> None:
    with pytest.raises(InvalidInput) as caught:
        au_rule_to_rrule("femte tisdagen")
    assert '"andra tisdagen"' in caught.value.message


SWEDISH_ORDINALS = {
    "första": 1, "1:a": 1, "1a": 1, "andra": 2, "2:a": 2, "2a": 2, "tredje": 3, "3:e": 3,
    "3e": 3, "fjärde": 4, "4:e": 4, "4e": 4, "sista": -1,
}  # fmt: skip
SWEDISH_DAYS = {"måndag": 0, "tisdag": 1, "onsdag": 2, "torsdag": 3, "fredag": 4}


@given(
    st.sampled_from(sorted(SWEDISH_ORDINALS)),
    st.sampled_from(sorted(SWEDISH_DAYS)),
    st.sampled_from(["", "en", "ar", "arna"]),
    st.integers(min_value=2020, max_value=2035),
)
def test_a_swedish_phrase_gives_that_weekday_of_every_month(
    ordinal: str, weekday: str, ending: str, year: int
) -> None:
    days = rule_dates(au_rule_to_rrule(f"{ordinal} {weekday}{ending}"), year)
    assert [d.month for d in days] == list(range(1, 13))
    assert {d.weekday() for d in days} == {SWEDISH_DAYS[weekday]}
    position = SWEDISH_ORDINALS[ordinal]
    if position > 0:
        assert all((d.day - 1) // 7 + 1 == position for d in days)
    else:
        assert all((d + timedelta(days=7)).month != d.month for d in days)


def test_the_default_rule_is_the_second_tuesday() -> None:
    assert au_rule_to_rrule(DEFAULT_AU_RULE) == "FREQ=MONTHLY;BYDAY=2TU"


@pytest.mark.parametrize(
    "text",
    [
        "sometimes",
        "every day",
        "5th monday",
        "2nd saturday",
        "last söndag",
        "tuesday",
        "2nd",
        "-1 tuesday",
        "every",
        "",
        "   ",
        "femte tisdagen",
        "5:e tisdag",
        "andra lördagen",
        "sista söndagen",
        "andra",
        "tisdagen",
        "andra tisdags",
        "2nd tuesdayen",
        "2:a 3:e tisdag",
        "andra tisdagen i veckan",
        "varje tisdag",
        "2 tisdag",
        "0:e tisdag",
    ],
)
def test_au_rule_to_rrule_refuses_a_phrase_it_cannot_read(text: str) -> None:
    with pytest.raises(InvalidInput, match="2nd tuesday") as caught:
        au_rule_to_rrule(text)
    assert "FREQ=MONTHLY;BYDAY=2TU" in caught.value.message


@pytest.mark.parametrize(
    "text",
    [
        "FREQ=SOMETIMES",
        "FREQ=",
        "RRULE:",
        "FREQ=MONTHLY;BYDAY=2XX",
        "FREQ=MONTHLY;FOO=1",
        "FREQ=MONTHLY;INTERVAL=x",
        "FREQ=MONTHLY;UNTIL=garbage",
        "FREQ=MONTHLY;BYDAY=0TU",
        "FREQ=MONTHLY;WKST=XX",
        "FREQ=DAILY;UNTIL=20261301",
        "FREQ=DAILY;UNTIL=99999999999999999999999",  # OverflowError inside dateutil
    ],
)
def test_au_rule_to_rrule_refuses_a_bad_rrule(text: str) -> None:
    with pytest.raises(InvalidInput, match="not a valid RRULE") as caught:
        au_rule_to_rrule(text)
    assert "2nd tuesday" in caught.value.message


@pytest.mark.parametrize(
    "text",
    [
        "FREQ=MONTHLY;BYDAY=9TU",  # dateutil parses it but fails with IndexError on expansion
        "FREQ=MONTHLY;INTERVAL=-1",  # dateutil fails with ValueError on expansion
        "FREQ=MONTHLY;INTERVAL=0",  # dateutil never stops expanding it
    ],
)
def test_au_rule_to_rrule_refuses_an_rrule_that_cannot_be_expanded(text: str) -> None:
    # Only au_rule_to_rrule is called: expanding INTERVAL=0 would hang the test.
    with pytest.raises(InvalidInput, match="not a valid RRULE"):
        au_rule_to_rrule(text)


def test_plan_year_refuses_an_rrule_that_cannot_be_expanded() -> None:
    with pytest.raises(InvalidInput):
        plan_year(2026, au_rule="FREQ=MONTHLY;BYDAY=9TU")


@given(
    st.sampled_from(["1st", "first", "2nd", "second", "3rd", "third", "4th", "fourth", "last"]),
    st.sampled_from(
        [
            *("monday", "tuesday", "wednesday", "thursday", "friday"),
            *("måndag", "tisdag", "onsdag", "torsdag", "fredag"),
        ]
    ),
    st.integers(min_value=2020, max_value=2035),
)
def test_a_phrase_rule_gives_that_weekday_once_a_month(
    ordinal: str, weekday: str, year: int
) -> None:
    days = rule_dates(au_rule_to_rrule(f"{ordinal} {weekday}"), year)
    assert [d.month for d in days] == list(range(1, 13))
    assert len({d.weekday() for d in days}) == 1
    assert all(d.year == year for d in days)
    position = {"1st": 1, "first": 1, "2nd": 2, "second": 2, "3rd": 3, "third": 3}
    position |= {"4th": 4, "fourth": 4}
    if ordinal in position:
        assert all((d.day - 1) // 7 + 1 == position[ordinal] for d in days)
    else:
        assert all((d + timedelta(days=7)).month != d.month for d in days)


@given(st.text(max_size=30))
def test_au_rule_to_rrule_gives_a_rule_or_invalid_input(text: str) -> None:
    try:
        rule = au_rule_to_rrule(text)
    except InvalidInput as error:
        assert "2nd tuesday" in error.message
    else:
        assert rule.startswith("FREQ=")


@pytest.mark.parametrize(
    ("rule", "year", "expected"),
    [
        (
            "FREQ=MONTHLY;BYDAY=2TU",
            2026,
            [
                date(2026, 1, 13), date(2026, 2, 10), date(2026, 3, 10), date(2026, 4, 14),
                date(2026, 5, 12), date(2026, 6, 9), date(2026, 7, 14), date(2026, 8, 11),
                date(2026, 9, 8), date(2026, 10, 13), date(2026, 11, 10), date(2026, 12, 8),
            ],
        ),
        (
            "FREQ=MONTHLY;BYDAY=-1TH",
            2027,
            [
                date(2027, 1, 28), date(2027, 2, 25), date(2027, 3, 25), date(2027, 4, 29),
                date(2027, 5, 27), date(2027, 6, 24), date(2027, 7, 29), date(2027, 8, 26),
                date(2027, 9, 30), date(2027, 10, 28), date(2027, 11, 25), date(2027, 12, 30),
            ],
        ),
        (
            "FREQ=MONTHLY;BYDAY=1FR",
            2027,
            [
                date(2027, 1, 1), date(2027, 2, 5), date(2027, 3, 5), date(2027, 4, 2),
                date(2027, 5, 7), date(2027, 6, 4), date(2027, 7, 2), date(2027, 8, 6),
                date(2027, 9, 3), date(2027, 10, 1), date(2027, 11, 5), date(2027, 12, 3),
            ],
        ),
        ("FREQ=MONTHLY;BYDAY=2TU;COUNT=3", 2026, [date(2026, 1, 13), date(2026, 2, 10), date(2026, 3, 10)]),
        ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", 2026, []),
    ],
)  # fmt: skip
def test_rule_dates(rule: str, year: int, expected: list[date]) -> None:
    assert rule_dates(rule, year) == expected


@pytest.mark.parametrize("year", YEARS)
def test_a_weekly_rule_gives_every_week(year: int) -> None:
    days = rule_dates("FREQ=WEEKLY;BYDAY=MO", year)
    assert all(d.weekday() == 0 and d.year == year for d in days)
    assert len(days) in (52, 53)
    assert days[0] <= date(year, 1, 7)
    assert days[-1] >= date(year, 12, 25)


# --- in_break ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 6, 14), False),
        (date(2026, 6, 15), True),
        (date(2026, 6, 19), True),
        (date(2026, 7, 15), True),
        (date(2026, 8, 15), True),
        (date(2026, 8, 16), False),
        (date(2026, 12, 19), False),
        (date(2026, 12, 20), True),
        (date(2026, 12, 31), True),
        (date(2027, 1, 1), True),
        (date(2027, 1, 6), True),
        (date(2027, 1, 7), False),
        (date(2027, 3, 15), False),
        (date(2027, 10, 15), False),
    ],
)
def test_in_break(day: date, expected: bool) -> None:
    assert in_break(day) is expected


@given(st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31)))
def test_in_break_is_the_summer_and_the_christmas_holidays(day: date) -> None:
    summer = (6, 15) <= (day.month, day.day) <= (8, 15)
    winter = (day.month, day.day) >= (12, 20) or (day.month, day.day) <= (1, 6)
    assert in_break(day) is (summer or winter)
    if day.month == 7:
        assert in_break(day)


# --- stormote_dates ---------------------------------------------------------------------------


@pytest.mark.parametrize("year", YEARS)
@pytest.mark.parametrize("count", COUNTS)
def test_stormote_dates_are_free_working_days_outside_the_breaks(year: int, count: int) -> None:
    days = stormote_dates(year, count)
    assert len(days) == count
    assert days == sorted(days)
    assert len(set(days)) == count
    for day in days:
        assert day.year == year
        assert why_not_free(day) is None
        assert not in_break(day)


@pytest.mark.parametrize("year", YEARS)
@pytest.mark.parametrize("count", COUNTS)
def test_stormote_dates_are_spread_over_the_working_year(year: int, count: int) -> None:
    days = stormote_dates(year, count)
    assert days[0] < date(year, 6, 15), "one stormöte before the summer"
    assert days[-1] > date(year, 8, 15), "one stormöte after the summer"
    for earlier, later in pairwise(days):
        assert later - earlier >= MIN_STORMOTE_GAP


@pytest.mark.parametrize("count", [-1, 0, 1, 5, 6, 12])
def test_stormote_dates_refuses_a_count_outside_2_to_4(count: int) -> None:
    with pytest.raises(InvalidInput, match="2-4"):
        stormote_dates(2026, count)


@pytest.mark.parametrize("count", [1, 5])
def test_plan_year_refuses_a_count_outside_2_to_4(count: int) -> None:
    with pytest.raises(InvalidInput, match="2-4") as caught:
        plan_year(2026, stormoten=count)
    assert "--stormoten 2, 3 or 4" in caught.value.message


# --- plan_year: the whole plan ----------------------------------------------------------------


@every_plan
def test_every_meeting_is_on_a_free_working_day_of_the_year(
    year: int, count: int, rule: str
) -> None:
    for meeting in _plan(year, count, rule):
        assert meeting.day.year == year, meeting
        assert meeting.day.weekday() < 5, meeting
        assert meeting.day not in holidays_in(year), meeting
        assert why_not_free(meeting.day) is None, meeting


@every_plan
def test_no_au_meeting_in_july(year: int, count: int, rule: str) -> None:
    assert all(m.day.month != 7 for m in _au(_plan(year, count, rule)))


@every_plan
def test_au_meets_on_every_rule_date_but_those_in_july(year: int, count: int, rule: str) -> None:
    rule_days = rule_dates(au_rule_to_rrule(rule), year)
    expected = {f"{year}/au/{day:%m-%d}" for day in rule_days if day.month != 7}
    regular = {m.key for m in _au(_plan(year, count, rule)) if not m.key.endswith("/au")}
    assert regular == expected
    assert len(regular) == 11


@every_plan
def test_exactly_n_stormoten_with_regional_utveckling(year: int, count: int, rule: str) -> None:
    stormoten = _stormoten(_plan(year, count, rule))
    assert len(stormoten) == count
    assert all(m.co_organiser == REGIONAL_UTVECKLING for m in stormoten)
    assert [m.title for m in stormoten] == [f"Stormöte {n}" for n in range(1, count + 1)]


@every_plan
def test_only_stormoten_are_co_organised(year: int, count: int, rule: str) -> None:
    assert all(m.co_organiser is None for m in _au(_plan(year, count, rule)))


@every_plan
def test_stormoten_stay_out_of_the_breaks(year: int, count: int, rule: str) -> None:
    for meeting in _stormoten(_plan(year, count, rule)):
        assert not in_break(meeting.day), meeting
        assert not (date(year, 6, 15) <= meeting.day <= date(year, 8, 15))
        assert not (meeting.day >= date(year, 12, 20) or meeting.day <= date(year, 1, 6))


@every_plan
def test_stormoten_are_in_order_and_weeks_apart(year: int, count: int, rule: str) -> None:
    days = [m.day for m in _stormoten(_plan(year, count, rule))]
    assert days == sorted(days)
    for earlier, later in pairwise(days):
        assert later - earlier >= MIN_STORMOTE_GAP


@every_plan
def test_each_stormote_is_prepared_by_an_au_meeting_one_to_three_weeks_before(
    year: int, count: int, rule: str
) -> None:
    plan = _plan(year, count, rule)
    low, high = (timedelta(days=n) for n in PREPARATION_DAYS)
    assert (low, high) == (timedelta(days=7), timedelta(days=21))
    for stormote in _stormoten(plan):
        preparing = [m for m in plan if m.prepares == stormote.title]
        assert len(preparing) == 1, (stormote, preparing)
        assert preparing[0].kind == "au"
        assert low <= stormote.day - preparing[0].day <= high
        # The dates alone agree: some AU meeting lies in the window.
        assert any(low <= stormote.day - m.day <= high for m in _au(plan))


@every_plan
def test_only_au_meetings_prepare_and_only_stormoten_are_prepared(
    year: int, count: int, rule: str
) -> None:
    plan = _plan(year, count, rule)
    titles = {m.title for m in _stormoten(plan)}
    prepared = [m.prepares for m in plan if m.prepares is not None]
    assert all(m.kind == "au" for m in plan if m.prepares is not None)
    assert sorted(prepared) == sorted(titles)


@every_plan
def test_no_two_meetings_on_the_same_day(year: int, count: int, rule: str) -> None:
    days = [m.day for m in _plan(year, count, rule)]
    assert len(days) == len(set(days))


@every_plan
def test_the_plan_is_in_date_order(year: int, count: int, rule: str) -> None:
    days = [m.day for m in _plan(year, count, rule)]
    assert days == sorted(days)


@every_plan
def test_moved_meetings_say_from_where_and_why(year: int, count: int, rule: str) -> None:
    plan = _plan(year, count, rule)
    days = {m.day for m in plan}
    for meeting in plan:
        assert (meeting.moved_from is None) == (meeting.moved_because is None), meeting
        if meeting.moved_from is None:
            continue
        assert meeting.moved_from != meeting.day
        reason = why_moved(meeting.moved_from)
        if reason is not None:
            assert meeting.moved_because == reason
        else:
            assert meeting.moved_because == "another meeting that day"
            assert meeting.moved_from in days


@every_plan
def test_moved_meetings_stay_in_their_iso_week_where_they_can(
    year: int, count: int, rule: str
) -> None:
    plan = _plan(year, count, rule)
    taken = {m.day for m in plan}
    for meeting in plan:
        if meeting.moved_from is None or iso_week(meeting.day) == iso_week(meeting.moved_from):
            continue
        original = meeting.moved_from
        monday = original - timedelta(days=original.weekday())
        week = [monday + timedelta(days=offset) for offset in range(5)]
        open_days = [
            d for d in week if d.year == year and why_not_planned(d) is None and d not in taken
        ]
        assert not open_days, (meeting, open_days)


@every_plan
def test_unmoved_au_meetings_follow_the_rule(year: int, count: int, rule: str) -> None:
    rule_days = set(rule_dates(au_rule_to_rrule(rule), year))
    for meeting in _au(_plan(year, count, rule)):
        if meeting.moved_from is not None:
            assert meeting.moved_from in rule_days
        elif meeting.prepares is None or not meeting.key.endswith("/au"):
            assert meeting.day in rule_days


@every_plan
def test_plan_keys_are_unique_and_stable(year: int, count: int, rule: str) -> None:
    first = plan_year(year, stormoten=count, au_rule=rule)
    second = plan_year(year, stormoten=count, au_rule=rule)
    keys = [m.key for m in first]
    assert len(keys) == len(set(keys))
    assert keys == [m.key for m in second]
    assert first == second
    assert all(key.startswith(f"{year}/") for key in keys)


def test_the_defaults_are_three_stormoten_and_the_second_tuesday() -> None:
    assert DEFAULT_STORMOTEN == 3
    assert plan_year(2026) == plan_year(2026, stormoten=3, au_rule="2nd tuesday")
    assert len(_stormoten(tuple(plan_year(2026)))) == 3


@pytest.mark.parametrize("year", YEARS)
def test_swedish_and_english_and_rrule_give_the_same_plan(year: int) -> None:
    english = plan_year(year, au_rule="2nd tuesday")
    assert plan_year(year, au_rule="2nd tisdag") == english
    assert plan_year(year, au_rule="FREQ=MONTHLY;BYDAY=2TU") == english
    assert plan_year(year, au_rule="RRULE:FREQ=MONTHLY;BYDAY=2TU") == english


def test_skip_months_can_leave_out_other_months() -> None:
    plan = plan_year(2026, skip_months=(7, 12))
    regular = [m for m in _au(tuple(plan)) if not m.key.endswith("/au")]
    assert {m.day.month for m in regular} == set(range(1, 12)) - {7}


# --- plan_year: particular moves --------------------------------------------------------------


def _by_key(plan: list[PlannedMeeting]) -> dict[str, PlannedMeeting]:
    return {m.key: m for m in plan}


@pytest.mark.parametrize(
    ("year", "rule", "key", "moved_from", "days", "because"),
    [
        (2027, "1st friday", "2027/au/01-01", date(2027, 1, 1), {date(2027, 1, 4)}, "Nyårsdagen"),
        (2026, "1st friday", "2026/au/05-01", date(2026, 5, 1), {date(2026, 4, 30)}, "Första maj"),
        (
            2026,
            "last thursday",
            "2026/au/12-31",
            date(2026, 12, 31),
            {date(2026, 12, 23)},  # not into mellandagarna, 27-30 December
            "Nyårsafton",
        ),
        (
            2027,
            "last friday",
            "2027/au/06-25",
            date(2027, 6, 25),
            {date(2027, 6, 24)},
            "Midsommarafton",
        ),
        (
            2027,
            "last friday",
            "2027/au/03-26",
            date(2027, 3, 26),
            {date(2027, 3, 25)},
            "Långfredagen",
        ),
        (
            2027,
            "last friday",
            "2027/au/12-31",
            date(2027, 12, 31),
            {date(2027, 12, 23)},
            "Nyårsafton",
        ),
        (
            2027,
            "last thursday",
            "2027/au/12-30",
            date(2027, 12, 30),
            {date(2027, 12, 23)},
            "mellandagarna",
        ),
        (
            2026,
            "1st monday",
            "2026/au/04-06",
            date(2026, 4, 6),
            {date(2026, 4, 7)},
            "Annandag påsk",
        ),
        (
            2027,
            "1st wednesday",
            "2027/au/01-06",
            date(2027, 1, 6),
            {date(2027, 1, 5), date(2027, 1, 7)},
            "Trettondedag jul",
        ),
        (
            2026,
            "1st tuesday",
            "2026/au/01-06",
            date(2026, 1, 6),
            {date(2026, 1, 7)},  # Monday 5 January is a klämdag
            "Trettondedag jul",
        ),
        (
            2026,
            "2nd thursday",
            "2026/au/05-14",
            date(2026, 5, 14),
            {date(2026, 5, 13)},  # not the klämdag after it
            "Kristi himmelsfärdsdag",
        ),
        (
            2027,
            "1st thursday",
            "2027/au/05-06",
            date(2027, 5, 6),
            {date(2027, 5, 5)},
            "Kristi himmelsfärdsdag",
        ),
        (2026, "1st friday", "2026/au/01-02", None, {date(2026, 1, 2)}, None),
        (2026, "1st wednesday", "2026/au/05-06", None, {date(2026, 5, 6)}, None),
        (2026, "2nd tuesday", "2026/au/06-09", None, {date(2026, 6, 9)}, None),
    ],
)
def test_a_rule_date_on_a_holiday_moves_and_says_why(
    year: int,
    rule: str,
    key: str,
    moved_from: date | None,
    days: set[date],
    because: str | None,
) -> None:
    meeting = _by_key(plan_year(year, au_rule=rule))[key]
    assert meeting.moved_from == moved_from
    assert meeting.moved_because == because
    assert meeting.day in days


def test_an_au_meeting_on_a_stormote_day_moves_aside() -> None:
    plan = plan_year(2026, stormoten=4, au_rule="2nd tuesday")
    stormote_days = {m.day for m in _stormoten(tuple(plan))}
    clashing = [m for m in plan if m.moved_because == "another meeting that day"]
    assert clashing, "in 2026 the first of four stormöten falls on the second Tuesday of February"
    for meeting in clashing:
        assert meeting.moved_from in stormote_days
        assert meeting.day not in stormote_days
        assert iso_week(meeting.day) == iso_week(meeting.moved_from)


def test_an_extra_au_meeting_is_planned_when_none_falls_in_the_window() -> None:
    plan = plan_year(2026, stormoten=4, au_rule="2nd tuesday")
    extras = [m for m in plan if m.key.endswith("/au")]
    assert extras
    for extra in extras:
        assert extra.kind == "au"
        assert extra.prepares is not None
        assert extra.key == f"{extra.key.removesuffix('/au')}/au"
        assert extra.title == f"AU-möte: förberedelse av {extra.prepares.lower()}"


@pytest.mark.parametrize("year", [2029, 2035])
def test_a_monday_nyarsafton_stays_in_the_year(year: int) -> None:
    # 31 December is a Monday in 2029 and 2035; the rest of its ISO week lies in the next year.
    assert date(year, 12, 31).weekday() == 0
    meeting = _by_key(plan_year(year, au_rule="last monday"))[f"{year}/au/12-31"]
    assert meeting.moved_because == "Nyårsafton"
    assert meeting.day.year == year, f"the {year} plan puts a meeting on {meeting.day}"
    # Not back into mellandagarna (27-28 December) or the Christmas holidays either.
    assert meeting.day == date(year, 12, 21)


# --- plan_year: properties --------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(
    st.integers(min_value=2020, max_value=2035),
    st.sampled_from(COUNTS),
    st.sampled_from(["1st", "2nd", "3rd", "4th", "last", "first", "second", "third"]),
    st.sampled_from(["monday", "tuesday", "wednesday", "thursday", "friday", "tisdag", "fredag"]),
)
def test_any_plan_keeps_the_rules(year: int, count: int, ordinal: str, weekday: str) -> None:
    plan = plan_year(year, stormoten=count, au_rule=f"{ordinal} {weekday}")
    days = [m.day for m in plan]
    assert days == sorted(days)
    assert len(set(days)) == len(days)
    assert len({m.key for m in plan}) == len(plan)
    assert all(why_not_free(d) is None for d in days)
    assert all(m.day.month != 7 for m in plan if m.kind == "au")
    stormoten = [m for m in plan if m.kind == "stormote"]
    assert len(stormoten) == count
    for stormote in stormoten:
        assert stormote.co_organiser == REGIONAL_UTVECKLING
        assert not in_break(stormote.day)
        (preparing,) = (m for m in plan if m.prepares == stormote.title)
        assert timedelta(days=7) <= stormote.day - preparing.day <= timedelta(days=21)
    for meeting in plan:
        if meeting.moved_from is not None:
            assert meeting.moved_because


@settings(max_examples=40, deadline=None)
@given(
    st.integers(min_value=2020, max_value=2035),
    st.sampled_from(COUNTS),
    st.sampled_from(["MO", "TU", "WE", "TH", "FR"]),
)
def test_a_weekly_rule_still_keeps_the_rules(year: int, count: int, weekday: str) -> None:
    plan = plan_year(year, stormoten=count, au_rule=f"FREQ=WEEKLY;BYDAY={weekday}")
    days = [m.day for m in plan]
    assert len(set(days)) == len(days)
    assert all(why_not_free(d) is None for d in days)
    assert all(m.day.month != 7 for m in plan if m.kind == "au")


# --- plan_year: mellandagarna and klämdagar ---------------------------------------------------


@every_plan
def test_no_meeting_in_mellandagarna(year: int, count: int, rule: str) -> None:
    assert not [m for m in _plan(year, count, rule) if is_mellandag(m.day)]


@every_plan
def test_the_planner_puts_no_meeting_on_a_klamdag(year: int, count: int, rule: str) -> None:
    rule_days = set(rule_dates(au_rule_to_rrule(rule), year))
    for meeting in _plan(year, count, rule):
        if is_klamdag(meeting.day):
            # Only an AU meeting on its own rule date: the AU chose that weekday.
            assert meeting.kind == "au" and meeting.moved_from is None, meeting
            assert meeting.day in rule_days, meeting


def test_last_thursday_2027_has_no_meeting_on_30_december() -> None:
    december = [m for m in plan_year(2027, au_rule="last thursday") if m.day.month == 12]
    assert [(m.day, m.moved_from, m.moved_because) for m in december] == [
        (date(2027, 12, 23), date(2027, 12, 30), "mellandagarna")
    ]


def test_a_rule_date_on_a_klamdag_stays_but_nothing_moves_onto_one() -> None:
    # 2 January 2026 is the Friday after Nyårsdagen: the "1st friday" rule keeps it.
    plan = _by_key(plan_year(2026, au_rule="1st friday"))
    assert plan["2026/au/01-02"].day == date(2026, 1, 2)
    assert plan["2026/au/01-02"].moved_from is None
    # Kristi himmelsfärdsdag 2027 is a Thursday; its meeting goes to the Wednesday before.
    moved = _by_key(plan_year(2027, au_rule="1st thursday"))["2027/au/05-06"]
    assert (moved.day, moved.moved_because) == (date(2027, 5, 5), "Kristi himmelsfärdsdag")


@pytest.mark.parametrize("year", YEARS)
@pytest.mark.parametrize("count", COUNTS)
def test_stormoten_are_not_on_a_klamdag(year: int, count: int) -> None:
    assert not [day for day in stormote_dates(year, count) if is_klamdag(day)]


def test_why_moved_names_mellandagarna_but_not_a_klamdag() -> None:
    assert why_moved(date(2027, 12, 28)) == "mellandagarna"
    assert why_moved(date(2027, 12, 31)) == "Nyårsafton"
    assert why_moved(date(2027, 5, 7)) is None  # a klämdag, kept as a rule date
    assert why_moved(date(2027, 3, 9)) is None


# --- rules that cannot occur ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "FREQ=YEARLY;BYMONTH=13",
        "FREQ=YEARLY;BYMONTH=0",
        "FREQ=YEARLY;BYMONTH=-1",
        "FREQ=YEARLY;BYMONTH=3,13",
        "FREQ=MONTHLY;BYMONTHDAY=32",
        "FREQ=MONTHLY;BYMONTHDAY=-32",
        "FREQ=MONTHLY;BYMONTHDAY=0",
        "FREQ=YEARLY;BYYEARDAY=367",
        "FREQ=YEARLY;BYWEEKNO=54",
    ],
)
def test_au_rule_to_rrule_refuses_a_rule_that_can_never_occur(text: str) -> None:
    with pytest.raises(InvalidInput, match="can never occur") as caught:
        au_rule_to_rrule(text)
    assert "2nd tuesday" in caught.value.message
    assert "\n" not in caught.value.message


@pytest.mark.parametrize(
    "text",
    [
        "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=-1",
        "FREQ=MONTHLY;BYMONTHDAY=31",
        "FREQ=YEARLY;BYWEEKNO=53;BYDAY=MO",
        "FREQ=YEARLY;BYYEARDAY=-366",
        "FREQ=MONTHLY;BYDAY=TU;BYSETPOS=-1",
    ],
)
def test_au_rule_to_rrule_takes_the_edges_of_each_range(text: str) -> None:
    assert au_rule_to_rrule(text) == text


@pytest.mark.parametrize(
    ("rule", "words"),
    [
        ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "gives no AU meeting in 2027"),
        ("FREQ=MONTHLY;UNTIL=20200101", "gives no AU meeting in 2027"),
        ("FREQ=YEARLY;BYMONTH=7", "outside July, when the AU does not meet"),
        ("FREQ=YEARLY;BYWEEKNO=53;BYDAY=MO", "gives no AU meeting in 2027"),  # 2027 has 52
    ],
)
def test_plan_year_refuses_a_rule_that_gives_no_meeting_that_year(rule: str, words: str) -> None:
    with pytest.raises(InvalidInput, match=words) as caught:
        plan_year(2027, au_rule=rule)
    assert "2nd tuesday" in caught.value.message


def test_a_rule_for_a_year_with_a_week_53_plans_that_year() -> None:
    plan = plan_year(2026, au_rule="FREQ=YEARLY;BYWEEKNO=53;BYDAY=MO")
    (meeting,) = [m for m in plan if "/au/" in m.key]
    assert (meeting.moved_from, meeting.moved_because) == (date(2026, 12, 28), "mellandagarna")


# --- plan keys --------------------------------------------------------------------------------


@every_plan
def test_the_title_and_kind_follow_from_the_plan_key(year: int, count: int, rule: str) -> None:
    for meeting in _plan(year, count, rule):
        assert title_for_key(meeting.key) == meeting.title
        assert kind_for_key(meeting.key) == meeting.kind


@pytest.mark.parametrize("key", ["", "2027", "2027/au", "2027/msi/03-09", "27/au/03-09", "x"])
def test_a_key_the_planner_never_makes_has_no_title(key: str) -> None:
    assert title_for_key(key) is None
    assert kind_for_key(key) is None


# --- edited_because: which saved meetings a new save may change -------------------------------


def _facts(**changes: object) -> MeetingFacts:
    facts = MeetingFacts(
        key="2027/stormote/1",
        kind="stormote",
        status="planned",
        sequence=0,
        title="Stormöte 1",
        agenda=None,
        co_organiser=REGIONAL_UTVECKLING,
        link=None,
    )
    return replace(facts, **changes)  # type: ignore[arg-type]


def test_a_meeting_as_the_plan_saved_it_is_untouched() -> None:
    assert edited_because(_facts()) is None
    au = _facts(key="2027/au/03-09", kind="au", title="AU-möte", co_organiser=None)
    assert edited_because(au) is None
    assert edited_because(replace(au, agenda="Förberedelse av stormöte 2")) is None
    extra = _facts(
        key="2027/stormote/1/au",
        kind="au",
        title="AU-möte: förberedelse av stormöte 1",
        co_organiser=None,
        agenda="Förberedelse av stormöte 1",
    )
    assert edited_because(extra) is None


@pytest.mark.parametrize(
    ("changes", "because"),
    [
        ({"status": "held"}, "held"),
        ({"status": "cancelled", "sequence": 1}, "cancelled"),
        ({"sequence": 1}, "moved or edited"),
        ({"minutes": True}, "has minutes"),
        ({"adjusted": True}, "has minutes"),
        ({"recorded": ("action items",)}, "has action items"),
        ({"recorded": ("attendance", "decisions")}, "has attendance and decisions"),
        ({"title": "Stormöte om bidrag"}, "edited"),
        ({"co_organiser": None}, "edited"),
        ({"link": "https://meet.example.se/psi"}, "edited"),
        ({"agenda": "Budget"}, "edited"),
        ({"agenda": "Förberedelse av stormöte 1\nBudget"}, "edited"),
        ({"kind": "au"}, "edited"),
        ({"key": "2027/au/03-09"}, "edited"),
    ],
)
def test_a_meeting_somebody_changed_is_edited(changes: dict[str, object], because: str) -> None:
    assert edited_because(_facts(**changes)) == because


# --- plan_diff: saving a plan again -----------------------------------------------------------

SLOT = TimeSlot(time(13, 0), time(15, 0))


def _saved(
    plan: Sequence[PlannedMeeting], slot: TimeSlot = SLOT, edited: Sequence[int] = ()
) -> list[SavedMeeting]:
    """A plan as a first save stores it (numbers from 1), some of its meetings edited."""
    return [
        SavedMeeting(
            id=n,
            key=m.key,
            kind=m.kind,
            day=m.day,
            start=slot.start,
            end=slot.end,
            title=m.title,
            agenda=m.agenda,
            edited="moved or edited" if n in edited else None,
        )
        for n, m in enumerate(plan, start=1)
    ]


def _applied(
    saved: Sequence[SavedMeeting], diff: PlanDiff, slot: TimeSlot | None
) -> list[SavedMeeting]:
    """The year's saved meetings after --replace, as save_plan makes them."""
    removed = {m.id for m in diff.removed}
    changed = {old.id: updated(old, new, slot) for old, new in [*diff.kept, *diff.moved]}
    after = [changed.get(m.id, m) for m in saved if m.id not in removed]
    start = max((m.id for m in saved), default=0)
    added = [replace(m, id=start + m.id) for m in _saved(diff.added, slot or SLOT)]
    return after + added


def _shape(meetings: Sequence[SavedMeeting | PlannedMeeting]) -> set[tuple[object, ...]]:
    return {(m.key, m.kind, m.day, m.title, m.agenda) for m in meetings}


def test_the_same_plan_again_changes_nothing() -> None:
    plan = plan_year(2027)
    diff = plan_diff(_saved(plan), plan, SLOT)
    assert diff.changes == 0
    assert len(diff.kept) == len(plan) == 14
    assert plan_diff(_saved(plan), plan, None).changes == 0


def test_a_rule_change_moves_each_au_meeting_and_keeps_its_number() -> None:
    first = plan_year(2027)
    saved = _saved(first)
    diff = plan_diff(saved, plan_year(2027, au_rule="2nd wednesday"), None)
    assert (len(diff.added), len(diff.removed), len(diff.left)) == (0, 0, 0)
    moves = {old.day: new.day for old, new in diff.moved}
    assert moves[date(2027, 3, 9)] == date(2027, 3, 10)
    assert all(old.kind == "au" for old, _ in diff.moved)
    assert len(diff.moved) == 11  # the AU meetings; the stormöten stay
    assert {old.kind for old, _ in diff.kept} == {"stormote"}
    assert sorted(old.id for old, _ in [*diff.kept, *diff.moved]) == [m.id for m in saved]


def test_a_new_time_changes_every_meeting_and_no_time_keeps_them() -> None:
    plan = plan_year(2027)
    later = TimeSlot(time(14, 0), time(16, 0))
    assert len(plan_diff(_saved(plan), plan, later).moved) == 14
    assert plan_diff(_saved(plan, later), plan, None).changes == 0


def test_an_edited_meeting_stands_for_its_slot_and_is_left() -> None:
    first = plan_year(2027)
    march = next(n for n, m in enumerate(first, start=1) if m.key == "2027/au/03-09")
    saved = _saved(first, edited=[march])
    diff = plan_diff(saved, plan_year(2027, au_rule="2nd wednesday"), None)
    assert [(old.id, new.day if new else None) for old, new in diff.left] == [
        (march, date(2027, 3, 10))
    ]
    assert not diff.added and not diff.removed
    assert len(diff.moved) == 10


def test_fewer_stormoten_removes_the_last_and_its_preparation() -> None:
    saved = _saved(plan_year(2027, stormoten=4))
    diff = plan_diff(saved, plan_year(2027, stormoten=2), None)
    assert "Stormöte 4" in {m.title for m in diff.removed} | {old.title for old, _ in diff.moved}
    assert not [m for m in diff.removed if m.edited]
    after = _applied(saved, diff, None)
    assert _shape(after) == _shape(plan_year(2027, stormoten=2))


def test_no_saved_meetings_adds_the_whole_plan() -> None:
    plan = plan_year(2027)
    diff = plan_diff([], plan, SLOT)
    assert diff.added == sorted(plan, key=lambda m: m.day)
    assert not (diff.kept or diff.moved or diff.removed or diff.left)


plan_choices = st.tuples(
    st.sampled_from(COUNTS),
    st.sampled_from(
        ["2nd tuesday", "2nd wednesday", "last thursday", "1st friday", "FREQ=WEEKLY;BYDAY=MO",
         "FREQ=MONTHLY;BYDAY=1MO,3MO", "FREQ=YEARLY;BYMONTH=3,9;BYDAY=2TU"]
    ),
)  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(
    st.integers(min_value=2025, max_value=2031),
    plan_choices,
    plan_choices,
    st.sets(st.integers(min_value=1, max_value=60), max_size=6),
    st.booleans(),
)
def test_saving_a_plan_again_keeps_its_promises(
    year: int,
    before: tuple[int, str],
    after: tuple[int, str],
    edited: set[int],
    new_time: bool,
) -> None:
    first = plan_year(year, stormoten=before[0], au_rule=before[1])
    plan = plan_year(year, stormoten=after[0], au_rule=after[1])
    slot = TimeSlot(time(9, 0), time(11, 0)) if new_time else None
    saved = _saved(first, edited=sorted(edited))
    diff = plan_diff(saved, plan, slot)
    touched = {m.id for m in saved if m.edited}
    # Every saved meeting once; edited ones are never moved or removed.
    olds = [old.id for old, _ in [*diff.kept, *diff.moved, *diff.left]] + [
        m.id for m in diff.removed
    ]
    assert sorted(olds) == sorted(m.id for m in saved)
    assert {old.id for old, _ in diff.left} == touched
    assert not touched & {old.id for old, _ in diff.moved}
    assert not touched & {m.id for m in diff.removed}
    # Every planned slot once: paired with a saved meeting, or added.
    slots = [new.key for _, new in [*diff.kept, *diff.moved, *diff.left] if new is not None]
    slots += [m.key for m in diff.added]
    assert sorted(slots) == sorted(m.key for m in plan)
    # Applying the diff gives the new plan, but for the slots edited meetings stand for.
    result = _applied(saved, diff, slot)
    standing = {new.key for _, new in diff.left if new is not None}
    untouched = [m for m in result if m.id not in touched]
    assert _shape(untouched) == _shape([m for m in plan if m.key not in standing])
    assert [m for m in result if m.id in touched] == [m for m in saved if m.id in touched]
    assert len({m.key for m in result}) == len(result), "plan keys stay unique"
    if slot is not None:
        assert {(m.start, m.end) for m in untouched} <= {(slot.start, slot.end)}
    # Saving the same plan once more changes nothing.
    assert plan_diff(result, plan, slot).changes == 0
    if not edited:
        assert _shape(result) == _shape(plan)
