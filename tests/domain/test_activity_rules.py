"""The rules of the operations plan, the activity list and the log (membership over time:
test_membership.py)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from psi.domain.activity import (
    ActivityCount,
    ActivityFacts,
    ActivityStatus,
    LogKind,
    carried_copy,
    carry_is_early,
    changed_facts,
    check_done_day,
    check_goal_code,
    check_move,
    check_plan_years,
    check_removable,
    check_reopen,
    count_activities,
    covers,
    days_since,
    parse_activity_status,
    parse_log_kind,
    status_before_carry,
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


# --- corrections: done dates, reopening, removing, carrying and undoing a carry ---------------


def test_done_today_or_before_is_accepted() -> None:
    check_done_day(date(2026, 12, 1), date(2026, 12, 1))
    check_done_day(date(2025, 4, 10), date(2026, 12, 1))


def test_done_after_today_is_refused_with_the_reason() -> None:
    with pytest.raises(InvalidInput, match=r"2026-12-02 is after today \(2026-12-01\).*--on"):
        check_done_day(date(2026, 12, 2), date(2026, 12, 1))


@pytest.mark.parametrize("status", [S.DONE, S.CANCELLED])
def test_done_and_cancelled_reopen(status: ActivityStatus) -> None:
    check_reopen(4, status, 2026)


def test_a_carried_activity_is_reopened_by_undoing_its_carry() -> None:
    with pytest.raises(RuleViolation, match=r"psi activity carry 2026 --undo"):
        check_reopen(4, S.CARRIED, 2026)


@pytest.mark.parametrize("status", [S.PLANNED, S.ONGOING])
def test_an_unfinished_activity_is_not_reopened(status: ActivityStatus) -> None:
    with pytest.raises(RuleViolation, match=f"is {status.value} already"):
        check_reopen(4, status, 2026)


@pytest.mark.parametrize("status", [S.PLANNED, S.ONGOING, S.CANCELLED])
def test_an_activity_without_copies_is_removable(status: ActivityStatus) -> None:
    check_removable(4, status, 2026, copy_id=None, force=False)


def test_a_carried_activity_is_removed_after_its_carry_is_undone() -> None:
    with pytest.raises(RuleViolation, match=r"as activity 12.*psi activity carry 2026 --undo"):
        check_removable(4, S.CARRIED, 2026, copy_id=12, force=True)


def test_a_done_activity_is_removed_only_with_force() -> None:
    with pytest.raises(RuleViolation, match=r"psi activity reopen 4.*--force"):
        check_removable(4, S.DONE, 2026, copy_id=None, force=False)
    check_removable(4, S.DONE, 2026, copy_id=None, force=True)


@pytest.mark.parametrize(
    ("today", "early"),
    [
        (date(2026, 1, 1), True),
        (date(2026, 11, 30), True),
        (date(2026, 12, 1), False),
        (date(2026, 12, 31), False),
        (date(2027, 3, 1), False),
        (date(2025, 12, 15), True),
    ],
)
def test_a_carry_is_early_before_the_years_last_month(today: date, early: bool) -> None:
    assert carry_is_early(2026, today) is early


ORIGINAL = ActivityFacts(
    title="Temadag",
    goal_id=3,
    owner_id=7,
    planned_on=date(2026, 4, 22),
    status=S.ONGOING,
    done_on=None,
    outcome=None,
    cancel_reason=None,
    requested_by=frozenset({1, 2}),
)


def test_a_carried_copy_is_planned_without_a_date_and_keeps_its_requests() -> None:
    copy = carried_copy(ORIGINAL, keeps_goal=True)
    assert (copy.status, copy.planned_on, copy.goal_id) == (S.PLANNED, None, 3)
    assert (copy.title, copy.owner_id, copy.requested_by) == ("Temadag", 7, frozenset({1, 2}))
    assert carried_copy(ORIGINAL, keeps_goal=False).goal_id is None


def test_changed_facts_names_what_differs() -> None:
    copy = carried_copy(ORIGINAL, keeps_goal=True)
    assert changed_facts(copy, copy) == []
    started = ActivityFacts(**{**copy.__dict__, "status": S.ONGOING})
    assert changed_facts(copy, started) == ["status"]
    edited = ActivityFacts(
        **{**copy.__dict__, "title": "Ny", "requested_by": frozenset({1}), "owner_id": None}
    )
    assert changed_facts(copy, edited) == ["title", "owner", "requested by"]


@pytest.mark.parametrize(
    ("recorded", "expected"),
    [("planned", S.PLANNED), ("ongoing", S.ONGOING), (None, S.PLANNED), ("done", S.PLANNED)],
)
def test_status_before_carry(recorded: str | None, expected: ActivityStatus) -> None:
    assert status_before_carry(recorded) is expected
