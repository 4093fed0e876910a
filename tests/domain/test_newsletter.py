"""What a newsletter tells: the windows, and which meetings, activities and members fall in them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from psi.domain.activity import ActivityStatus
from psi.domain.meeting import Kind, MeetingStatus
from psi.domain.newsletter import (
    DEFAULT_WEEKS,
    MAX_WEEKS,
    OPEN_KINDS,
    Window,
    check_weeks,
    choose,
    coming_window,
    done_by,
    is_coming_activity,
    is_coming_meeting,
    is_done_activity,
    is_new_member,
    recent_window,
)
from psi.errors import InvalidInput

DAY = date(2026, 3, 10)  # a Tuesday


@dataclass(frozen=True)
class Meeting:
    kind: Kind
    day: date
    status: MeetingStatus = MeetingStatus.PLANNED
    name: str = ""


@dataclass(frozen=True)
class Activity:
    status: ActivityStatus
    planned_on: date | None = None
    done_on: date | None = None
    name: str = ""


@dataclass(frozen=True)
class Member:
    joined: date | None
    name: str = ""


# --- the number of weeks and the windows ---------------------------------------------------------


@pytest.mark.parametrize("weeks", [1, 2, DEFAULT_WEEKS, 12, MAX_WEEKS])
def test_weeks_from_1_to_52_are_taken(weeks: int) -> None:
    assert check_weeks(weeks) == weeks


@pytest.mark.parametrize("weeks", [0, -1, -6, 53, 100, 10**9])
def test_other_weeks_are_refused_with_what_to_type(weeks: int) -> None:
    with pytest.raises(InvalidInput) as raised:
        check_weeks(weeks)
    assert f"--weeks {weeks} " in raised.value.message
    assert "from 1 to 52" in raised.value.message and "--weeks 6" in raised.value.message


def test_the_windows_take_the_day_and_whole_weeks_either_way() -> None:
    # [day, day + 6 weeks) and (day - 6 weeks, day]: 42 days each, the day in both.
    assert coming_window(DAY, 6) == Window(DAY, date(2026, 4, 20))
    assert recent_window(DAY, 6) == Window(date(2026, 1, 28), DAY)
    assert (coming_window(DAY, 1).last - DAY).days == (DAY - recent_window(DAY, 1).first).days == 6


def test_the_next_newsletters_past_window_starts_the_day_after_this_ones_day() -> None:
    later = DAY + timedelta(weeks=6)
    assert recent_window(later, 6).first == DAY + timedelta(days=1)
    assert coming_window(DAY, 6).last == later - timedelta(days=1)


def test_a_window_holds_both_its_ends_and_nothing_else() -> None:
    window = Window(date(2026, 3, 1), date(2026, 3, 31))
    assert date(2026, 3, 1) in window and date(2026, 3, 31) in window
    assert date(2026, 2, 28) not in window and date(2026, 4, 1) not in window
    assert None not in window and "2026-03-10" not in window


def test_a_window_crosses_the_new_year() -> None:
    window = coming_window(date(2026, 12, 2), 6)
    assert window.last == date(2027, 1, 12)
    assert date(2027, 1, 5) in window


# --- meetings ----------------------------------------------------------------------------------


def test_only_meetings_the_members_register_for_are_news() -> None:
    assert {Kind.STORMOTE, Kind.OTHER} == OPEN_KINDS
    coming = coming_window(DAY, 6)
    day = DAY + timedelta(days=7)
    assert is_coming_meeting(Meeting(Kind.STORMOTE, day), coming)
    assert is_coming_meeting(Meeting(Kind.OTHER, day), coming)
    assert not is_coming_meeting(Meeting(Kind.AU, day), coming)
    assert not is_coming_meeting(Meeting(Kind.MSI, day), coming)


def test_a_cancelled_meeting_is_left_out_and_a_held_one_was_coming_on_the_day() -> None:
    coming = coming_window(DAY, 6)
    day = DAY + timedelta(days=14)
    assert not is_coming_meeting(Meeting(Kind.STORMOTE, day, MeetingStatus.CANCELLED), coming)
    # Written for a day before the meeting: it was coming then, whatever happened since.
    assert is_coming_meeting(Meeting(Kind.STORMOTE, day, MeetingStatus.HELD), coming)


@pytest.mark.parametrize(
    ("offset", "chosen"), [(-1, False), (0, True), (41, True), (42, False), (-41, False)]
)
def test_meetings_at_the_edges_of_the_coming_window(offset: int, chosen: bool) -> None:
    meeting = Meeting(Kind.STORMOTE, DAY + timedelta(days=offset))
    assert is_coming_meeting(meeting, coming_window(DAY, 6)) is chosen


# --- activities --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "done_on", "chosen"),
    [
        (ActivityStatus.PLANNED, None, True),
        (ActivityStatus.ONGOING, None, True),
        (ActivityStatus.CANCELLED, None, False),
        (ActivityStatus.CARRIED, None, False),
        # Done after the newsletter's day: still to be done on that day.
        (ActivityStatus.DONE, DAY + timedelta(days=10), True),
        (ActivityStatus.DONE, DAY, False),
        (ActivityStatus.DONE, DAY - timedelta(days=3), False),
    ],
)
def test_a_coming_activity_is_one_still_to_be_done(
    status: ActivityStatus, done_on: date | None, chosen: bool
) -> None:
    activity = Activity(status, planned_on=DAY + timedelta(days=10), done_on=done_on)
    assert is_coming_activity(activity, coming_window(DAY, 6)) is chosen


@pytest.mark.parametrize(
    ("planned", "chosen"),
    [(None, False), (DAY - timedelta(days=1), False), (DAY, True), (DAY + timedelta(days=41), True),
     (DAY + timedelta(days=42), False)],
)  # fmt: skip
def test_a_coming_activity_has_its_day_in_the_window(planned: date | None, chosen: bool) -> None:
    activity = Activity(ActivityStatus.PLANNED, planned_on=planned)
    assert is_coming_activity(activity, coming_window(DAY, 6)) is chosen


@pytest.mark.parametrize(
    ("status", "done_on", "chosen"),
    [
        (ActivityStatus.DONE, DAY, True),
        (ActivityStatus.DONE, DAY - timedelta(days=41), True),
        (ActivityStatus.DONE, DAY - timedelta(days=42), False),
        (ActivityStatus.DONE, DAY + timedelta(days=1), False),
        (ActivityStatus.DONE, None, False),
        (ActivityStatus.PLANNED, DAY, False),
        (ActivityStatus.CANCELLED, DAY, False),
    ],
)
def test_a_done_activity_was_done_in_the_recent_window(
    status: ActivityStatus, done_on: date | None, chosen: bool
) -> None:
    activity = Activity(status, planned_on=None, done_on=done_on)
    assert is_done_activity(activity, recent_window(DAY, 6)) is chosen


# --- members -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("joined", "chosen"),
    [(None, False), (DAY, True), (DAY - timedelta(days=41), True),
     (DAY - timedelta(days=42), False), (DAY + timedelta(days=1), False)],
)  # fmt: skip
def test_a_new_member_joined_in_the_recent_window(joined: date | None, chosen: bool) -> None:
    assert is_new_member(Member(joined), recent_window(DAY, 6)) is chosen


# --- the whole selection -----------------------------------------------------------------------


def test_the_selection_in_the_order_a_reader_wants() -> None:
    meetings = [
        Meeting(Kind.OTHER, DAY + timedelta(days=20), name="later"),
        Meeting(Kind.STORMOTE, DAY + timedelta(days=5), name="first"),
        Meeting(Kind.AU, DAY + timedelta(days=1), name="au"),
        Meeting(Kind.STORMOTE, DAY + timedelta(days=5), name="second, same day"),
    ]
    activities = [
        Activity(ActivityStatus.PLANNED, DAY + timedelta(days=30), name="soon"),
        Activity(ActivityStatus.PLANNED, DAY + timedelta(days=2), name="sooner"),
        Activity(ActivityStatus.DONE, DAY - timedelta(days=30), DAY - timedelta(days=30), "old"),
        Activity(ActivityStatus.DONE, DAY - timedelta(days=2), DAY - timedelta(days=2), "new"),
    ]
    members = [Member(DAY - timedelta(days=40), "a"), Member(DAY - timedelta(days=1), "b")]
    chosen = choose(DAY, 6, meetings, activities, members)
    assert [m.name for m in chosen.meetings] == ["first", "second, same day", "later"]
    assert [a.name for a in chosen.activities] == ["sooner", "soon"]
    assert [a.name for a in chosen.done] == ["new", "old"]
    assert [m.name for m in chosen.joined] == ["b", "a"]
    assert not chosen.is_empty


def test_nothing_in_the_windows_is_an_empty_selection() -> None:
    far = DAY + timedelta(days=400)
    chosen = choose(
        DAY,
        6,
        [Meeting(Kind.STORMOTE, far), Meeting(Kind.AU, DAY)],
        [Activity(ActivityStatus.PLANNED, far), Activity(ActivityStatus.PLANNED)],
        [Member(None), Member(date(2015, 1, 1))],
    )
    assert chosen.is_empty


def test_choose_checks_the_weeks() -> None:
    with pytest.raises(InvalidInput):
        choose(DAY, 0, [], [], [])


days = st.dates(min_value=date(2024, 1, 1), max_value=date(2028, 12, 31))
optional_days = st.none() | days
meetings = st.builds(
    Meeting, st.sampled_from(list(Kind)), days, st.sampled_from(list(MeetingStatus))
)
activities = st.builds(
    Activity, st.sampled_from(list(ActivityStatus)), optional_days, optional_days
)
members = st.builds(Member, optional_days)


@given(
    day=st.dates(min_value=date(2025, 1, 1), max_value=date(2027, 12, 31)),
    weeks=st.integers(min_value=1, max_value=52),
    meeting_list=st.lists(meetings, max_size=12),
    activity_list=st.lists(activities, max_size=12),
    member_list=st.lists(members, max_size=12),
)
def test_everything_chosen_lies_in_its_window_and_nothing_outside_is_chosen(
    day: date,
    weeks: int,
    meeting_list: list[Meeting],
    activity_list: list[Activity],
    member_list: list[Member],
) -> None:
    chosen = choose(day, weeks, meeting_list, activity_list, member_list)
    coming, recent = chosen.coming, chosen.recent
    assert coming.first == day == recent.last
    assert (coming.last - day).days == (day - recent.first).days == 7 * weeks - 1
    # Everything chosen lies in its window and is the kind of thing the section tells about.
    for meeting in chosen.meetings:
        assert meeting.day in coming and meeting.kind in OPEN_KINDS
        assert meeting.status is not MeetingStatus.CANCELLED
    for activity in chosen.activities:
        assert activity.planned_on in coming
        assert activity.status not in (ActivityStatus.CANCELLED, ActivityStatus.CARRIED)
        assert not done_by(activity, day)
    for activity in chosen.done:
        assert activity.status is ActivityStatus.DONE and activity.done_on in recent
    for member in chosen.joined:
        assert member.joined in recent
    # Nothing that fits is left out, and nothing is told twice.
    assert chosen.meetings == sorted(
        [m for m in meeting_list if is_coming_meeting(m, coming)], key=lambda m: m.day
    )
    assert sorted(map(id, chosen.activities)) == sorted(
        id(a) for a in activity_list if is_coming_activity(a, coming)
    )
    assert sorted(map(id, chosen.done)) == sorted(
        id(a) for a in activity_list if is_done_activity(a, recent)
    )
    assert sorted(map(id, chosen.joined)) == sorted(
        id(m) for m in member_list if is_new_member(m, recent)
    )
    # An activity is either coming or news, never both.
    assert not {id(a) for a in chosen.activities} & {id(a) for a in chosen.done}
    # In order: soonest first ahead, latest first back.
    assert [a.planned_on for a in chosen.activities] == sorted(
        a.planned_on for a in chosen.activities if a.planned_on
    )
    assert [a.done_on for a in chosen.done] == sorted(
        (a.done_on for a in chosen.done if a.done_on), reverse=True
    )
    assert chosen.is_empty == (
        not chosen.meetings and not chosen.activities and not chosen.done and not chosen.joined
    )


@given(
    first_day=st.dates(min_value=date(2025, 1, 1), max_value=date(2027, 12, 31)),
    weeks=st.integers(min_value=1, max_value=52),
    letters=st.integers(min_value=2, max_value=4),
    activity_list=st.lists(activities, max_size=16),
    member_list=st.lists(members, max_size=16),
)
def test_newsletters_written_weeks_apart_tell_each_news_once_and_miss_none(
    first_day: date,
    weeks: int,
    letters: int,
    activity_list: list[Activity],
    member_list: list[Member],
) -> None:
    """A newsletter every `weeks` weeks: no done activity or new member is told by two of
    them, and every one done or joined after the first one's day and by the last one's is told
    by one; the coming windows likewise cover the days between them once."""
    days = [first_day + timedelta(weeks=weeks * n) for n in range(letters)]
    chosen = [choose(day, weeks, [], activity_list, member_list) for day in days]
    told_done = [id(a) for c in chosen[1:] for a in c.done]
    told_joined = [id(m) for c in chosen[1:] for m in c.joined]
    assert len(told_done) == len(set(told_done))
    assert len(told_joined) == len(set(told_joined))
    between = Window(days[0] + timedelta(days=1), days[-1])
    assert set(told_done) == {
        id(a) for a in activity_list if a.status is ActivityStatus.DONE and a.done_on in between
    }
    assert set(told_joined) == {id(m) for m in member_list if m.joined in between}
    # Each day from the first newsletter's day up to the next one's lies in one coming window.
    for before, after in pairwise(chosen):
        assert before.coming.last + timedelta(days=1) == after.coming.first
        assert before.recent.last + timedelta(days=1) == after.recent.first


@pytest.mark.parametrize("weeks", [1, 6])
def test_an_activity_done_on_the_next_newsletters_day_is_told_by_that_one_only(weeks: int) -> None:
    later = DAY + timedelta(weeks=weeks)
    edge = Activity(ActivityStatus.DONE, done_on=DAY)
    on_later = Activity(ActivityStatus.DONE, done_on=later)
    first = choose(DAY, weeks, [], [edge, on_later], [])
    second = choose(later, weeks, [], [edge, on_later], [])
    assert first.done == [edge] and second.done == [on_later]
