"""The rules of the operations plan, the activity list and the log (membership over time:
test_membership.py)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from psi.domain.activity import (
    ActivityCount,
    ActivityStatus,
    LogKind,
    check_goal_code,
    check_move,
    check_plan_years,
    count_activities,
    covers,
    days_since,
    parse_activity_status,
    parse_log_kind,
)
from psi.errors import InvalidInput, RuleViolation

S = ActivityStatus

# --- parse_activity_status / parse_log_kind ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("planned", S.PLANNED),
        ("Ongoing", S.ONGOING),
        (" DONE ", S.DONE),
        ("cancelled", S.CANCELLED),
        ("Carried", S.CARRIED),
    ],
)
def test_parse_activity_status(text: str, expected: ActivityStatus) -> None:
    assert parse_activity_status(text) == expected


@pytest.mark.parametrize("text", ["", "   ", "finished", "canceled", "plan", "carry"])
def test_parse_activity_status_refuses_other_words(text: str) -> None:
    with pytest.raises(InvalidInput, match="planned, ongoing, done, cancelled, carried"):
        parse_activity_status(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("member-dialogue", LogKind.MEMBER_DIALOGUE),
        ("member dialogue", LogKind.MEMBER_DIALOGUE),
        ("Recruitment", LogKind.RECRUITMENT),
        ("MSI", LogKind.MSI),
        ("website", LogKind.WEBSITE),
        ("social-media", LogKind.SOCIAL_MEDIA),
        ("social media", LogKind.SOCIAL_MEDIA),
        ("Social_Media", LogKind.SOCIAL_MEDIA),
        (" SOCIAL MEDIA ", LogKind.SOCIAL_MEDIA),
        ("other", LogKind.OTHER),
    ],
)
def test_parse_log_kind(text: str, expected: LogKind) -> None:
    assert parse_log_kind(text) == expected


@pytest.mark.parametrize("text", ["", "meeting", "socialmedia", "web", "dialogue"])
def test_parse_log_kind_refuses_other_words(text: str) -> None:
    with pytest.raises(InvalidInput, match="member-dialogue, recruitment, msi"):
        parse_log_kind(text)


# --- goal codes -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [("M1", "M1"), ("m2", "M2"), ("A10", "A10"), (" M3 ", "M3"), ("Ö4", "Ö4"), ("mål5", "MÅL5")],
)
def test_check_goal_code(text: str, expected: str) -> None:
    assert check_goal_code(text) == expected


@pytest.mark.parametrize("text", ["", "   ", "goal one", "M", "M-1", "M 1", "1M", "ABCDE1"])
def test_check_goal_code_refuses(text: str) -> None:
    with pytest.raises(InvalidInput, match="not a goal code"):
        check_goal_code(text)


@pytest.mark.parametrize("text", ["M1", "m2", "A10", "M1a", "ä3"])
def test_a_checked_goal_code_is_accepted_again(text: str) -> None:
    # What psi stores and shows (`psi plan show`) must be typeable back (`--goal CODE`).
    code = check_goal_code(text)
    assert check_goal_code(code) == code


# --- plan years -------------------------------------------------------------------------------


@pytest.mark.parametrize(("first", "last"), [(2024, 2027), (2026, 2026), (2024, 2033)])
def test_check_plan_years_accepts(first: int, last: int) -> None:
    check_plan_years(first, last)


def test_check_plan_years_refuses_reversed() -> None:
    with pytest.raises(InvalidInput, match="before it starts"):
        check_plan_years(2027, 2024)


@pytest.mark.parametrize(("first", "last"), [(2024, 2034), (2000, 2100)])
def test_check_plan_years_refuses_more_than_ten_years(first: int, last: int) -> None:
    with pytest.raises(InvalidInput, match="at most ten years"):
        check_plan_years(first, last)


@pytest.mark.parametrize(
    ("year", "expected"),
    [(2023, False), (2024, True), (2025, True), (2027, True), (2028, False)],
)
def test_covers(year: int, expected: bool) -> None:
    assert covers(2024, 2027, year) is expected


def test_a_one_year_plan_covers_only_its_year() -> None:
    assert covers(2026, 2026, 2026)
    assert not covers(2026, 2026, 2025)
    assert not covers(2026, 2026, 2027)


# --- status moves -----------------------------------------------------------------------------

ALLOWED = {
    (S.PLANNED, S.ONGOING),
    (S.PLANNED, S.DONE),
    (S.PLANNED, S.CANCELLED),
    (S.PLANNED, S.CARRIED),
    (S.ONGOING, S.DONE),
    (S.ONGOING, S.CANCELLED),
    (S.ONGOING, S.CARRIED),
}
ALL_PAIRS = [(current, target) for current in S for target in S]


@pytest.mark.parametrize(("current", "target"), sorted(ALLOWED))
def test_check_move_allows(current: ActivityStatus, target: ActivityStatus) -> None:
    check_move(current, target)


@pytest.mark.parametrize(("current", "target"), [pair for pair in ALL_PAIRS if pair not in ALLOWED])
def test_check_move_refuses(current: ActivityStatus, target: ActivityStatus) -> None:
    # Every other pair, moving back to planned included, is a broken rule (exit code 6).
    with pytest.raises(RuleViolation, match=f"is {current.value}, so it cannot become"):
        check_move(current, target)


def test_the_move_table_covers_every_pair() -> None:
    assert len(ALL_PAIRS) == 25
    assert len(ALLOWED) == 7


# --- counting ---------------------------------------------------------------------------------


def test_count_activities() -> None:
    counts = count_activities(
        [S.DONE, S.DONE, S.PLANNED, S.ONGOING, S.CANCELLED, S.CARRIED, S.DONE]
    )
    assert counts == ActivityCount(planned=1, ongoing=1, done=3, cancelled=1, carried=1)
    assert counts.total == 7
    assert counts.share_done == pytest.approx(3 / 6)


def test_an_empty_list_counts_zero() -> None:
    counts = count_activities([])
    assert counts == ActivityCount()
    assert counts.total == 0
    assert counts.share_done == 0.0


def test_cancelled_activities_do_not_count_against_the_share() -> None:
    assert count_activities([S.DONE, S.CANCELLED, S.CANCELLED]).share_done == 1.0
    assert count_activities([S.CANCELLED, S.CANCELLED]).share_done == 0.0
    assert count_activities([S.DONE, S.PLANNED, S.CANCELLED]).share_done == 0.5


def test_count_accepts_any_iterable() -> None:
    assert count_activities(iter([S.ONGOING, S.ONGOING])).ongoing == 2


@given(st.lists(st.sampled_from(list(ActivityStatus))))
def test_count_totals_the_input_and_share_is_a_fraction(statuses: list[ActivityStatus]) -> None:
    counts = count_activities(statuses)
    assert counts.total == len(statuses)
    assert 0.0 <= counts.share_done <= 1.0
    for status in ActivityStatus:
        assert getattr(counts, status.value) == statuses.count(status)
    counted = len(statuses) - statuses.count(S.CANCELLED)
    expected = statuses.count(S.DONE) / counted if counted else 0.0
    assert counts.share_done == pytest.approx(expected)


# --- days since -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "today", "expected"),
    [
        (None, date(2026, 11, 24), None),
        (date(2026, 11, 24), date(2026, 11, 24), 0),
        (date(2026, 1, 15), date(2026, 11, 24), 313),
        (date(2025, 12, 31), date(2026, 1, 1), 1),
        (date(2024, 2, 28), date(2024, 3, 1), 2),
        (date(2026, 11, 25), date(2026, 11, 24), -1),
    ],
)
def test_days_since(day: date | None, today: date, expected: int | None) -> None:
    assert days_since(day, today) == expected
