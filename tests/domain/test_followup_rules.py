"""The follow-up's rules besides the duties: next year's pair and the remark on the money."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from psi.domain.followup import (
    PACE_MARGIN,
    Money,
    MoneyRemark,
    NextPair,
    Reach,
    money_remark,
    next_pair,
)

PAIR = ("Coompanion", "Ideell Arena")

# --- next_pair ----------------------------------------------------------------------------------


def test_no_terms_for_next_year_are_undecided() -> None:
    pair = next_pair(2026, PAIR, ())
    assert pair == NextPair(2027, stays=(), leaves=(), joins=())
    assert not pair.decided
    assert not pair.complete


def test_one_continuing_stays_and_the_other_leaves() -> None:
    pair = next_pair(2026, PAIR, ("Coompanion",))
    assert pair.year == 2027
    assert pair.stays == ("Coompanion",)
    assert pair.leaves == ("Ideell Arena",)
    assert pair.joins == ()
    assert pair.decided
    assert not pair.complete


def test_only_a_newcomer_appointed() -> None:
    pair = next_pair(2026, PAIR, ("Hela Människan",))
    assert pair.stays == ()
    assert pair.leaves == PAIR
    assert pair.joins == ("Hela Människan",)
    assert pair.decided
    assert not pair.complete


def test_the_full_pair_by_the_rotation_rule() -> None:
    pair = next_pair(2026, PAIR, ("Ideell Arena", "Hela Människan"))
    assert pair.stays == ("Ideell Arena",)
    assert pair.leaves == ("Coompanion",)
    assert pair.joins == ("Hela Människan",)
    assert pair.decided
    assert pair.complete


def test_an_extension_keeps_both_and_nobody_leaves() -> None:
    pair = next_pair(2024, PAIR, PAIR)
    assert pair == NextPair(2025, stays=PAIR, leaves=(), joins=())
    assert pair.decided
    assert pair.complete


def test_an_extension_in_the_other_order() -> None:
    pair = next_pair(2024, PAIR, tuple(reversed(PAIR)))
    assert set(pair.stays) == set(PAIR)
    assert pair.leaves == ()
    assert pair.complete


def test_two_newcomers() -> None:
    pair = next_pair(2026, PAIR, ("Hela Människan", "Studieförbundet"))
    assert pair.stays == ()
    assert pair.leaves == PAIR
    assert pair.joins == ("Hela Människan", "Studieförbundet")
    assert pair.complete


def test_a_year_without_coordinators_recorded() -> None:
    pair = next_pair(2026, (), ("Coompanion",))
    assert pair == NextPair(2027, stays=(), leaves=(), joins=("Coompanion",))
    assert pair.decided
    assert not pair.complete
    assert not next_pair(2026, (), ()).decided


def test_next_pair_keeps_the_order_of_the_terms() -> None:
    pair = next_pair(2026, ("B", "A"), ("D", "B", "C"))
    assert pair.stays == ("B",)
    assert pair.leaves == ("A",)
    assert pair.joins == ("D", "C")


names = st.lists(st.sampled_from(["A", "B", "C", "D", "E"]), unique=True, max_size=3)


@given(st.integers(2015, 2040), names, names)
def test_next_pair_partitions_the_names(year: int, current: list[str], coming: list[str]) -> None:
    pair = next_pair(year, current, coming)
    assert pair.year == year + 1
    assert set(pair.stays) | set(pair.joins) == set(coming)
    assert not set(pair.stays) & set(pair.joins)
    assert set(pair.stays) <= set(current)
    assert not set(pair.joins) & set(current)
    if coming:
        assert set(pair.stays) | set(pair.leaves) == set(current)
        assert not set(pair.stays) & set(pair.leaves)
    else:
        assert pair.leaves == ()
    assert pair.decided == bool(coming)
    assert pair.complete == (len(coming) >= 2)


# --- money_remark -------------------------------------------------------------------------------

GRANT = 20_000_000  # 200 000 kr in öre


@pytest.mark.parametrize("share", [0.0, 0.5, 1.0])
@pytest.mark.parametrize(("grant", "spent"), [(0, 0), (0, 150_000), (-100, 0), (-100, 500)])
def test_no_grant(grant: int, spent: int, share: float) -> None:
    remark = money_remark(grant, spent, share)
    assert remark.kind is Money.NO_GRANT
    assert remark.share_spent == 0.0
    assert remark.spent == spent


@pytest.mark.parametrize("share", [0.1, 0.5, 0.99, 1.0])
def test_overspent_whenever_spending_passes_the_grant(share: float) -> None:
    remark = money_remark(GRANT, GRANT + 1, share)
    assert remark.kind is Money.OVERSPENT
    assert remark.difference == -1


def test_overspent_by_a_lot() -> None:
    remark = money_remark(GRANT, 25_000_000, 1.0)
    assert remark == MoneyRemark(Money.OVERSPENT, GRANT, 25_000_000, 1.25, 1.0)
    assert remark.difference == -5_000_000


@pytest.mark.parametrize(
    ("spent", "kind"),
    [
        (GRANT, Money.ALL_SPENT),
        (GRANT - 1, Money.UNSPENT),
        (15_000_000, Money.UNSPENT),
        (0, Money.UNSPENT),
        (GRANT + 100, Money.OVERSPENT),
    ],
)
def test_a_finished_year(spent: int, kind: Money) -> None:
    remark = money_remark(GRANT, spent, 1.0)
    assert remark.kind is kind
    assert remark.share_of_year == 1.0
    assert remark.difference == GRANT - spent


def test_a_finished_year_unspent_share() -> None:
    remark = money_remark(GRANT, 15_000_000, 1.0)
    assert remark.share_spent == pytest.approx(0.75)
    assert remark.difference == 5_000_000


def test_past_the_year_end_counts_as_finished() -> None:
    assert money_remark(GRANT, GRANT, 1.2).kind is Money.ALL_SPENT


@pytest.mark.parametrize(
    ("share_spent", "share_of_year", "kind"),
    [
        (0.5, 0.5, Money.IN_PACE),
        (0.6, 0.5, Money.IN_PACE),
        (0.4, 0.5, Money.IN_PACE),
        (0.64, 0.5, Money.IN_PACE),
        (0.36, 0.5, Money.IN_PACE),
        (0.66, 0.5, Money.AHEAD),
        (0.34, 0.5, Money.BEHIND),
        (0.9, 0.5, Money.AHEAD),
        (0.0, 0.5, Money.BEHIND),
        (0.0, 0.1, Money.IN_PACE),
        (0.2, 0.01, Money.AHEAD),
        (1.0, 0.9, Money.IN_PACE),
        (1.0, 0.8, Money.AHEAD),
        (0.7, 0.9, Money.BEHIND),
        (0.0, 0.0, Money.IN_PACE),  # before the year starts
    ],
)
def test_the_pace_of_a_running_year(share_spent: float, share_of_year: float, kind: Money) -> None:
    spent = round(GRANT * share_spent)
    remark = money_remark(GRANT, spent, share_of_year)
    assert remark.kind is kind
    assert remark.share_spent == pytest.approx(share_spent)
    assert remark.share_of_year == share_of_year


@given(
    st.integers(1, 10**10),
    st.floats(0, 1.5),
    st.floats(0, 0.999),
)
def test_the_pace_follows_the_margin(grant: int, spent_share: float, share_of_year: float) -> None:
    spent = round(grant * spent_share)
    remark = money_remark(grant, spent, share_of_year)
    ratio = spent / grant
    if spent > grant:
        assert remark.kind is Money.OVERSPENT
    elif ratio > share_of_year + PACE_MARGIN + 1e-9:
        assert remark.kind is Money.AHEAD
    elif ratio < share_of_year - PACE_MARGIN - 1e-9:
        assert remark.kind is Money.BEHIND
    elif abs(abs(ratio - share_of_year) - PACE_MARGIN) > 1e-9:
        assert remark.kind is Money.IN_PACE


@given(st.integers(1, 10**10), st.integers(0, 10**10), st.floats(0, 2))
def test_every_remark_of_a_grant_is_of_its_kind(grant: int, spent: int, share: float) -> None:
    remark = money_remark(grant, spent, share)
    assert (remark.grant, remark.spent, remark.share_of_year) == (grant, spent, share)
    assert remark.difference == grant - spent
    if spent > grant:
        assert remark.kind is Money.OVERSPENT
    elif share >= 1:
        assert remark.kind in (Money.ALL_SPENT, Money.UNSPENT)
        assert (remark.kind is Money.ALL_SPENT) == (spent == grant)
    else:
        assert remark.kind in (Money.IN_PACE, Money.AHEAD, Money.BEHIND)


def test_the_margin_is_fifteen_points() -> None:
    assert PACE_MARGIN == 0.15


# --- Reach ---------------------------------------------------------------------------------------


def test_reach_holds_its_counts() -> None:
    reach = Reach(
        meetings_held=3,
        persons=12,
        organisations=7,
        member_municipalities=("Falun", "Borlänge"),
        municipalities_as_members=("Falu kommun",),
        meeting_municipalities=("Falun",),
    )
    assert reach.meetings_held == 3
    assert reach.member_municipalities == ("Falun", "Borlänge")
    with pytest.raises(AttributeError):
        reach.persons = 1  # type: ignore[misc]


@pytest.mark.parametrize(("spent", "share_of_year"), [(35, 0.5), (65, 0.5), (25, 0.4), (55, 0.4)])
def test_exactly_at_the_margin_is_in_pace(spent: int, share_of_year: float) -> None:
    assert money_remark(100, spent, share_of_year).kind is Money.IN_PACE


@pytest.mark.parametrize(("spent", "share_of_year"), [(5, 0.2), (45, 0.3)])
def test_exactly_at_the_margin_is_in_pace_everywhere(spent: int, share_of_year: float) -> None:
    assert money_remark(100, spent, share_of_year).kind is Money.IN_PACE
