"""The one membership rule: a member on a day, in a year, and the status on a day."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from psi.domain.membership import Membership, member_in, member_on, register_day, status_on
from psi.domain.rotation import OrgFacts, member_at_year_end

JOINED = date(2020, 3, 10)
LEFT = date(2024, 12, 31)

days = st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31))
optional_days = st.none() | days
statuses = st.sampled_from(["member", "prospect", "partner", "former"])


@st.composite
def memberships(draw: st.DrawFn) -> Membership:
    """Any status with any dates, in any order (the rule must not rely on the checks)."""
    return Membership(draw(statuses), draw(optional_days), draw(optional_days))


@st.composite
def recorded_memberships(draw: st.DrawFn) -> Membership:
    """Memberships as `check_org` lets them be stored: a left date only on a former member,
    no joined date on a prospect or partner, never a left date before the joined date."""
    status = draw(statuses)
    joined = None if status in ("prospect", "partner") else draw(optional_days)
    left = None
    if status == "former":
        left = draw(st.dates(min_value=joined or date(2000, 1, 1), max_value=date(2100, 12, 31)))
    return Membership(status, joined, left)


def year_days(year: int) -> list[date]:
    first = date(year, 1, 1)
    return [first + timedelta(n) for n in range((date(year + 1, 1, 1) - first).days)]


# --- member on a day --------------------------------------------------------------------------


@pytest.mark.parametrize("day", [date(2000, 1, 1), JOINED, date(2030, 6, 1)])
def test_a_member_without_dates_is_a_member_on_any_day(day: date) -> None:
    assert member_on(Membership("member"), day)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2020, 3, 9), False),
        (JOINED, True),
        (date(2020, 3, 11), True),
        (date(2030, 1, 1), True),
    ],
)
def test_a_member_is_a_member_from_its_joined_date(day: date, expected: bool) -> None:
    assert member_on(Membership("member", JOINED), day) is expected


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2020, 3, 9), False),
        (JOINED, True),
        (date(2024, 12, 30), True),
        (LEFT, True),
        (date(2025, 1, 1), False),
    ],
)
def test_a_former_member_counts_from_its_joined_date_to_its_left_date_both_included(
    day: date, expected: bool
) -> None:
    assert member_on(Membership("former", JOINED, LEFT), day) is expected


def test_a_former_member_without_a_joined_date_counts_until_its_left_date() -> None:
    former = Membership("former", None, LEFT)
    assert member_on(former, date(2001, 1, 1))
    assert member_on(former, LEFT)
    assert not member_on(former, LEFT + timedelta(1))


@pytest.mark.parametrize("day", [date(2000, 1, 1), JOINED, date(2026, 6, 1)])
def test_a_former_member_without_a_left_date_never_counts(day: date) -> None:
    assert not member_on(Membership("former"), day)
    assert not member_on(Membership("former", JOINED), day)


@pytest.mark.parametrize("status", ["prospect", "partner"])
@pytest.mark.parametrize("day", [date(2000, 1, 1), JOINED, date(2026, 6, 1)])
def test_prospects_and_partners_are_never_members(status: str, day: date) -> None:
    assert not member_on(Membership(status), day)
    assert not member_on(Membership(status, JOINED), day)
    assert not member_on(Membership(status, JOINED, LEFT), day)


def test_joined_and_left_on_the_same_day_is_one_day_of_membership() -> None:
    once = Membership("former", JOINED, JOINED)
    assert [member_on(once, JOINED + timedelta(n)) for n in (-1, 0, 1)] == [False, True, False]


def test_a_leave_date_still_to_come_keeps_a_member_until_that_day() -> None:
    # `psi org leave NIF --on 2026-12-31` run on 1 December: recorded as former at once.
    leaving = Membership("former", date(2016, 2, 1), date(2026, 12, 31))
    assert member_on(leaving, date(2026, 12, 1))
    assert member_on(leaving, date(2026, 12, 31))
    assert not member_on(leaving, date(2027, 1, 1))


# --- member in a year -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("membership", "year", "expected"),
    [
        pytest.param(Membership("member"), 2026, True, id="no-dates"),
        pytest.param(Membership("member", date(2026, 1, 1)), 2026, True, id="joins-1-jan"),
        pytest.param(Membership("member", date(2026, 1, 1)), 2025, False, id="joins-1-jan-after"),
        pytest.param(Membership("member", date(2026, 12, 31)), 2026, True, id="joins-31-dec"),
        pytest.param(Membership("member", date(2026, 12, 30)), 2026, True, id="joins-30-dec"),
        pytest.param(Membership("member", date(2027, 1, 1)), 2026, False, id="joins-next-year"),
        pytest.param(Membership("former", None, date(2026, 1, 1)), 2026, True, id="leaves-1-jan"),
        pytest.param(Membership("former", None, date(2025, 12, 31)), 2026, False, id="left-before"),
        pytest.param(
            Membership("former", None, date(2026, 12, 31)), 2026, True, id="leaves-31-dec"
        ),
        pytest.param(Membership("former", None, date(2026, 12, 31)), 2027, False, id="left-after"),
        pytest.param(
            Membership("former", None, date(2026, 6, 30)), 2026, True, id="leaves-midyear"
        ),
        pytest.param(
            Membership("former", date(2026, 12, 31), date(2026, 12, 31)), 2026, True, id="one-day"
        ),
        pytest.param(Membership("former"), 2026, False, id="former-without-left-date"),
        pytest.param(Membership("prospect"), 2026, False, id="prospect"),
        pytest.param(Membership("partner"), 2026, False, id="partner"),
    ],
)
def test_member_in_a_year_at_the_edges(membership: Membership, year: int, expected: bool) -> None:
    assert member_in(membership, year) is expected


@given(memberships(), st.integers(min_value=2000, max_value=2100))
def test_member_in_a_year_is_member_on_some_day_of_it(membership: Membership, year: int) -> None:
    assert member_in(membership, year) is any(member_on(membership, d) for d in year_days(year))


@given(recorded_memberships(), days, days)
def test_membership_is_one_unbroken_stretch(membership: Membership, a: date, b: date) -> None:
    # A member on two days is a member on every day between them (here: the midpoint).
    first, last = min(a, b), max(a, b)
    middle = first + (last - first) / 2
    if member_on(membership, first) and member_on(membership, last):
        assert member_on(membership, middle)


@given(recorded_memberships(), days)
def test_member_on_follows_the_dates(membership: Membership, day: date) -> None:
    joined, left = membership.joined_on, membership.left_on
    expected = (
        membership.status in ("member", "former")
        and (joined is None or joined <= day)
        and (membership.status == "member" or (left is not None and day <= left))
    )
    assert member_on(membership, day) is expected


# --- the status on a day ----------------------------------------------------------------------


def test_a_former_member_shows_as_a_member_until_its_left_date() -> None:
    leaving = Membership("former", JOINED, LEFT)
    assert status_on(leaving, date(2024, 12, 1)) == "member"
    assert status_on(leaving, LEFT) == "member"
    assert status_on(leaving, LEFT + timedelta(1)) == "former"
    assert status_on(Membership("former"), LEFT) == "former"


@given(recorded_memberships(), days)
def test_status_on_a_day_says_member_exactly_when_a_former_member_still_is_one(
    membership: Membership, day: date
) -> None:
    shown = status_on(membership, day)
    if membership.status == "former":
        assert (shown == "member") is member_on(membership, day)
        assert shown in ("member", "former")
    else:
        assert shown == membership.status


# --- the rotation asks about the year's last day ----------------------------------------------


@pytest.mark.parametrize(
    ("joined", "left", "expected"),
    [
        pytest.param(None, None, True, id="no-dates"),
        pytest.param(date(2026, 12, 31), None, True, id="joins-31-dec"),
        pytest.param(date(2027, 1, 1), None, False, id="joins-next-year"),
        pytest.param(None, date(2026, 12, 31), True, id="leaves-31-dec"),
        pytest.param(None, date(2026, 12, 30), False, id="leaves-30-dec"),
        pytest.param(None, date(2026, 1, 1), False, id="leaves-1-jan"),
    ],
)
def test_a_coordinator_must_be_a_member_on_the_years_last_day(
    joined: date | None, left: date | None, expected: bool
) -> None:
    status = "former" if left else "member"
    org = OrgFacts(1, "Förening", "civil-society", status, joined, left)
    assert member_at_year_end(org, 2026) is expected
    assert member_at_year_end(org, 2026) is member_on(org, date(2026, 12, 31))


@pytest.mark.parametrize(
    ("year", "today", "expected"),
    [
        (None, date(2026, 12, 1), date(2026, 12, 1)),
        (2025, date(2026, 12, 1), date(2025, 12, 31)),
        (2026, date(2026, 12, 1), date(2026, 12, 1)),
        (2027, date(2026, 12, 1), date(2026, 12, 1)),
        (2026, date(2026, 12, 31), date(2026, 12, 31)),
        (2026, date(2027, 1, 1), date(2026, 12, 31)),
    ],
)
def test_a_member_list_shows_the_end_of_its_year_or_today_if_that_is_earlier(
    year: int | None, today: date, expected: date
) -> None:
    assert register_day(year, today) == expected
