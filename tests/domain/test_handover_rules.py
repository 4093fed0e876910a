"""The hand-over's rules: when psi status points to it, where a meeting's kallelse stands,
what of the money is committed, the last contact, and the newcomer's first steps."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from psi.domain.budget import Burn
from psi.domain.handover import (
    HANDOVER_MONTH,
    KALLELSE_DAYS,
    SILENT_DAYS,
    Commitments,
    Contacted,
    HandoverFacts,
    Step,
    commitments,
    contacted,
    first_steps,
    handover_due,
    is_silent,
    kallelse_due,
    last_contact,
)
from psi.domain.invitation import Kallelse, KallelseState, Method, Sent, kallelse_state

OFR = "Örebro Föreningsråd"
ACTIVA = "Stiftelsen Activa"
NEW = "Föreningen Exempelgården"

# --- handover_due -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "current", "coming", "due"),
    [
        # Before October: never, whatever next year holds.
        (date(2026, 9, 30), [OFR], [], False),
        (date(2026, 1, 15), [ACTIVA, OFR], [OFR], False),
        # From 1 October: next year not decided at all.
        (date(2026, 10, 1), [OFR], [], True),
        (date(2026, 12, 31), [ACTIVA, OFR], [], True),
        # One of the year's pair is not among next year's.
        (date(2026, 11, 2), [ACTIVA, OFR], [OFR], True),
        (date(2026, 11, 2), [ACTIVA, OFR], [OFR, NEW], True),
        # Only a newcomer appointed: both of this year's leave.
        (date(2026, 11, 2), [ACTIVA, OFR], [NEW], True),
        # An extension year: the same pair once more, nobody leaves.
        (date(2026, 11, 2), [ACTIVA, OFR], [ACTIVA, OFR], False),
        # A year without coordinators has nobody to hand over.
        (date(2026, 11, 2), [], [], False),
        (date(2026, 11, 2), [], [OFR], False),
    ],
)
def test_handover_due(today: date, current: list[str], coming: list[str], due: bool) -> None:
    assert handover_due(2026, today, current, coming) is due


def test_the_pointer_is_for_the_year_itself_not_another() -> None:
    # In November 2026, `psi status 2025` or `psi status 2027` does not point to a hand-over.
    assert not handover_due(2025, date(2026, 11, 2), [ACTIVA, OFR], [OFR])
    assert not handover_due(2027, date(2026, 11, 2), [OFR], [])


NAMES = st.lists(st.sampled_from([OFR, ACTIVA, NEW, "Coompanion"]), max_size=3, unique=True)


@given(
    day=st.dates(min_value=date(2026, 1, 1), max_value=date(2026, 12, 31)),
    current=NAMES,
    coming=NAMES,
)
def test_handover_is_due_only_late_in_the_year_and_when_someone_may_leave(
    day: date, current: list[str], coming: list[str]
) -> None:
    due = handover_due(2026, day, current, coming)
    if due:
        assert day.month >= HANDOVER_MONTH
        assert current
        assert not coming or not set(current) <= set(coming)
    elif day.month >= HANDOVER_MONTH and current:
        assert coming and set(current) <= set(coming)


# --- kallelse_state -----------------------------------------------------------------------------

AT = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)


def sent(
    method: Method = Method.REQUEST, sequence: int = 0, at: datetime = AT, n: int = 38
) -> Sent:
    return Sent(at, method, sequence, n)


def test_never_sent() -> None:
    assert kallelse_state("planned", 0, []) == KallelseState(Kallelse.NOT_SENT, None)


def test_sent_and_unchanged() -> None:
    first = sent()
    state = kallelse_state("planned", 0, [first])
    assert state == KallelseState(Kallelse.SENT, first)
    assert not state.to_do


def test_moved_after_the_kallelse_needs_the_update() -> None:
    first = sent(sequence=0)
    state = kallelse_state("planned", 1, [first])
    assert state.state is Kallelse.CHANGED
    assert state.last == first
    assert state.to_do


def test_the_update_sent_settles_it() -> None:
    first, update = sent(sequence=0), sent(sequence=1, at=AT + timedelta(days=2), n=40)
    state = kallelse_state("planned", 1, [update, first])  # any order
    assert state == KallelseState(Kallelse.SENT, update)


def test_planned_again_after_the_cancellation_went_out_needs_a_kallelse_anew() -> None:
    cancelled = sent(Method.CANCEL, sequence=1, at=AT + timedelta(days=1))
    state = kallelse_state("planned", 2, [sent(sequence=0), cancelled])
    assert state.state is Kallelse.CHANGED
    assert state.to_do


def test_cancelled_without_any_kallelse_needs_nothing() -> None:
    state = kallelse_state("cancelled", 1, [])
    assert state == KallelseState(Kallelse.NOT_NEEDED, None)
    assert not state.to_do


def test_cancelled_after_the_kallelse_owes_the_cancellation() -> None:
    state = kallelse_state("cancelled", 1, [sent(sequence=0)])
    assert state.state is Kallelse.CANCEL_NOT_SENT
    assert state.to_do


def test_the_cancellation_sent() -> None:
    cancelled = sent(Method.CANCEL, sequence=1, at=AT + timedelta(days=1), n=37)
    state = kallelse_state("cancelled", 1, [sent(sequence=0), cancelled])
    assert state == KallelseState(Kallelse.CANCEL_SENT, cancelled)


def test_cancelled_again_after_being_reinstated_owes_a_new_cancellation() -> None:
    runs = [sent(sequence=0), sent(Method.CANCEL, sequence=1, at=AT + timedelta(days=1))]
    assert kallelse_state("cancelled", 3, runs).state is Kallelse.CANCEL_NOT_SENT


def test_a_held_meeting_needs_no_kallelse() -> None:
    assert kallelse_state("held", 2, []).state is Kallelse.NOT_NEEDED
    assert kallelse_state("held", 2, [sent()]).state is Kallelse.NOT_NEEDED


@given(
    status=st.sampled_from(["planned", "held", "cancelled"]),
    sequence=st.integers(0, 5),
    runs=st.lists(
        st.builds(
            Sent,
            st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2026, 12, 31)).map(
                lambda d: d.replace(tzinfo=UTC)
            ),
            st.sampled_from(list(Method)),
            st.integers(0, 5),
            st.integers(0, 60),
        ),
        max_size=4,
    ),
)
def test_kallelse_state_agrees_with_what_went_out(
    status: str, sequence: int, runs: list[Sent]
) -> None:
    state = kallelse_state(status, sequence, runs)
    assert (state.last is None) == (not runs)
    if state.last is not None:
        assert state.last in runs
    assert state.state is not Kallelse.NOT_SENT or not runs
    if status == "held":
        assert not state.to_do
    if status == "planned" and runs:
        assert state.state in (Kallelse.SENT, Kallelse.CHANGED)


# --- kallelse_due -------------------------------------------------------------------------------

TODAY = date(2026, 12, 2)
UNSENT = KallelseState(Kallelse.NOT_SENT, None)


@pytest.mark.parametrize(
    ("day", "state", "due"),
    [
        (TODAY, UNSENT, True),
        (TODAY + timedelta(days=KALLELSE_DAYS), UNSENT, True),
        (TODAY + timedelta(days=KALLELSE_DAYS + 1), UNSENT, False),
        (TODAY - timedelta(days=1), UNSENT, False),  # past: a record to settle, not a kallelse
        (TODAY + timedelta(days=6), KallelseState(Kallelse.SENT, sent()), False),
        (TODAY + timedelta(days=6), KallelseState(Kallelse.CHANGED, sent()), True),
        (TODAY + timedelta(days=6), KallelseState(Kallelse.CANCEL_NOT_SENT, sent()), True),
        (TODAY + timedelta(days=6), KallelseState(Kallelse.NOT_NEEDED, None), False),
    ],
)
def test_kallelse_due(day: date, state: KallelseState, due: bool) -> None:
    assert kallelse_due(day, TODAY, state) is due


# --- commitments --------------------------------------------------------------------------------


def burn(name: str, allocated: int, spent: int) -> Burn:
    return Burn(name, allocated, spent, spent)


def test_nothing_allocated_commits_nothing() -> None:
    assert commitments(20_000_000, []) == Commitments(0, 20_000_000)


def test_the_allocations_not_yet_spent_are_committed() -> None:
    burns = [burn(ACTIVA, 10_000_000, 4_625_000), burn(OFR, 10_000_000, 4_921_450)]
    assert commitments(20_000_000, burns) == Commitments(5_375_000 + 5_078_550, 0)


def test_an_organisation_that_spent_past_its_allocation_commits_nothing_more() -> None:
    burns = [burn(ACTIVA, 10_000_000, 12_000_000), burn(OFR, 5_000_000, 1_000_000)]
    assert commitments(20_000_000, burns) == Commitments(4_000_000, 5_000_000)


def test_allocated_beyond_the_grant_leaves_a_negative_rest() -> None:
    assert commitments(10_000_000, [burn(OFR, 12_000_000, 0)]).unallocated == -2_000_000


@given(
    grant=st.integers(0, 10**11),
    parts=st.lists(st.tuples(st.integers(0, 10**10), st.integers(0, 10**10)), max_size=4),
)
def test_commitments_add_up(grant: int, parts: list[tuple[int, int]]) -> None:
    burns = [burn(f"Org {n}", allocated, spent) for n, (allocated, spent) in enumerate(parts)]
    result = commitments(grant, burns)
    assert result.allocated_unspent >= 0
    assert result.allocated_unspent <= sum(allocated for allocated, _ in parts)
    assert result.unallocated + sum(allocated for allocated, _ in parts) == grant


# --- last_contact and is_silent -----------------------------------------------------------------


def test_last_contact_is_the_latest_day_up_to_today() -> None:
    days = [date(2026, 5, 6), None, date(2025, 5, 14), date(2026, 12, 24)]
    assert last_contact(days, TODAY) == date(2026, 5, 6)
    assert last_contact([], TODAY) is None
    assert last_contact([None, date(2027, 1, 1)], TODAY) is None


@pytest.mark.parametrize(
    ("last", "silent"),
    [
        (None, True),
        (TODAY, False),
        (TODAY - timedelta(days=SILENT_DAYS - 1), False),
        (TODAY - timedelta(days=SILENT_DAYS), True),
        (TODAY - timedelta(days=400), True),
    ],
)
def test_is_silent(last: date | None, silent: bool) -> None:
    assert is_silent(last, TODAY) is silent


# --- first_steps --------------------------------------------------------------------------------

SETTLED = HandoverFacts(
    pair_complete=True,
    next_grant=20_000_000,
    au_seats_next=6,
    overdue=0,
    past_planned=0,
    kallelse_due=0,
    unset_settings=0,
    silent_prospects=0,
)


def test_a_settled_register_asks_for_no_first_step() -> None:
    assert first_steps(SETTLED) == []


@pytest.mark.parametrize(
    ("change", "step"),
    [
        ({"pair_complete": False}, Step.APPOINT),
        ({"next_grant": 0}, Step.NO_GRANT),
        ({"au_seats_next": 0}, Step.AU_SEATS),
        ({"overdue": 2}, Step.OVERDUE),
        ({"past_planned": 1}, Step.PAST_PLANNED),
        ({"kallelse_due": 1}, Step.KALLELSE),
        ({"unset_settings": 2}, Step.SETTINGS),
        ({"silent_prospects": 3}, Step.SILENT_PROSPECTS),
    ],
)
def test_each_fact_calls_for_its_step(change: dict[str, Any], step: Step) -> None:
    assert first_steps(replace(SETTLED, **change)) == [step]


def test_the_steps_come_in_the_order_to_take_them() -> None:
    nothing_done = HandoverFacts(False, 0, 0, 1, 1, 1, 1, 1)
    assert first_steps(nothing_done) == [
        Step.APPOINT,
        Step.OVERDUE,
        Step.PAST_PLANNED,
        Step.KALLELSE,
        Step.AU_SEATS,
        Step.NO_GRANT,
        Step.SETTINGS,
        Step.SILENT_PROSPECTS,
    ]


# --- contacted ------------------------------------------------------------------------------------

TODAY = date(2026, 12, 2)


def test_the_last_contact_its_days_and_note_come_from_the_same_entries() -> None:
    entries = [
        (date(2026, 1, 15), "Samtal"),
        (date(2026, 3, 1), "Besök"),
        (date(2026, 3, 1), "Mejl samma dag"),
        (date(2026, 12, 20), "Inbokat besök"),  # ahead of today: no contact yet
    ]
    assert contacted(entries, TODAY) == Contacted(3, date(2026, 3, 1), 276, "Mejl samma dag")


def test_no_entry_or_only_entries_ahead_is_no_contact() -> None:
    assert contacted([], TODAY) == Contacted(0, None, None, None)
    assert contacted([(TODAY + timedelta(days=1), "Snart")], TODAY) == Contacted(
        0, None, None, None
    )
    assert contacted([(TODAY, "I dag")], TODAY) == Contacted(1, TODAY, 0, "I dag")


@given(
    entries=st.lists(
        st.tuples(st.dates(date(2025, 1, 1), date(2027, 12, 31)), st.text(max_size=5)),
        max_size=10,
    ).map(lambda e: sorted(e, key=lambda entry: entry[0])),
    today=st.dates(date(2025, 6, 1), date(2027, 6, 1)),
)
def test_the_contact_never_lies_ahead_and_agrees_with_itself(
    entries: list[tuple[date, str]], today: date
) -> None:
    c = contacted(entries, today)
    assert c.last == last_contact([day for day, _text in entries], today)
    assert c.count == sum(1 for day, _text in entries if day <= today)
    if c.last is None:
        assert c.days is None and c.note is None and c.count == 0
    else:
        assert c.days is not None and c.days >= 0 and c.last + timedelta(days=c.days) == today
        assert (c.last, c.note) == [e for e in entries if e[0] <= today][-1]
