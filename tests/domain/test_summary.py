"""Long lists in reports: the first rows and a count, and meetings by month."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from psi.domain.summary import (
    LONG_LIST,
    MeetingAttendance,
    is_long,
    meetings_by_month,
    shorten,
)


@pytest.mark.parametrize(
    ("count", "limit", "shown", "more"),
    [(0, 40, 0, 0), (1, 40, 1, 0), (40, 40, 40, 0), (41, 40, 40, 1), (2000, 40, 40, 1960),
     (5, 0, 0, 5)],
)  # fmt: skip
def test_shorten_keeps_the_first_rows_and_counts_the_rest(
    count: int, limit: int, shown: int, more: int
) -> None:
    result = shorten(list(range(count)), limit)
    assert (len(result.shown), result.more) == (shown, more)
    assert result.shown == list(range(shown))


def test_a_negative_limit_is_a_programming_error() -> None:
    with pytest.raises(ValueError):
        shorten([1, 2], -1)


@given(st.lists(st.integers()), st.integers(min_value=0, max_value=100))
def test_shorten_loses_nothing_silently(items: list[int], limit: int) -> None:
    result = shorten(items, limit)
    assert result.shown == items[: len(result.shown)]
    assert len(result.shown) + result.more == len(items)
    assert len(result.shown) <= limit


def test_a_list_is_long_past_the_limit_only() -> None:
    assert not is_long([0] * LONG_LIST)
    assert is_long([0] * (LONG_LIST + 1))


def test_meetings_by_month_counts_kinds_held_cancelled_and_attendance() -> None:
    months = meetings_by_month(
        [
            MeetingAttendance(date(2026, 3, 10), "au", "held", 6),
            MeetingAttendance(date(2026, 3, 24), "stormote", "held", 20),
            MeetingAttendance(date(2026, 3, 31), "au", "cancelled", 0),
            MeetingAttendance(date(2026, 1, 13), "msi", "planned", 0),
        ]
    )
    assert [m.month for m in months] == [1, 3]
    january, march = months
    assert january.by_kind == {"msi": 1}
    assert (january.held, january.average_attendance) == (0, 0.0)
    assert march.by_kind == {"au": 1, "stormote": 1}
    assert (march.held, march.cancelled, march.attended) == (2, 1, 26)
    assert march.average_attendance == 13.0


facts = st.builds(
    MeetingAttendance,
    day=st.integers(min_value=0, max_value=364).map(lambda n: date(2026, 1, 1) + timedelta(n)),
    kind=st.sampled_from(["au", "stormote", "msi", "other"]),
    status=st.sampled_from(["planned", "held", "cancelled"]),
    attended=st.integers(min_value=0, max_value=60),
)


@given(st.lists(facts, max_size=300))
def test_every_meeting_is_counted_once_in_its_month(meetings: list[MeetingAttendance]) -> None:
    months = meetings_by_month(meetings)
    assert [m.month for m in months] == sorted({m.day.month for m in meetings})
    assert sum(sum(m.by_kind.values()) + m.cancelled for m in months) == len(meetings)
    assert sum(m.held for m in months) == sum(m.status == "held" for m in meetings)
    held_attendance = sum(m.attended for m in meetings if m.status == "held")
    assert sum(m.attended for m in months) == held_attendance
    for month in months:
        assert month.held <= sum(month.by_kind.values())
        if month.held:
            assert month.average_attendance == month.attended / month.held
