"""Budget rules: categories, the even split, the allocation ceiling and the pace of spending."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from psi.domain.budget import (
    Alert,
    BudgetAlert,
    Burn,
    Category,
    ExpenseFacts,
    alerts,
    burn_rates,
    changed_expense_fields,
    elapsed_share,
    even_split,
    grant_alerts,
    over_allocation,
    parse_category,
)
from psi.errors import InvalidInput

# --- parse_category ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("personnel", Category.PERSONNEL),
        ("venue", Category.VENUE),
        ("catering", Category.CATERING),
        ("communication", Category.COMMUNICATION),
        ("travel", Category.TRAVEL),
        ("other", Category.OTHER),
        ("Catering", Category.CATERING),
        ("TRAVEL", Category.TRAVEL),
        ("  venue ", Category.VENUE),
        ("lön", Category.PERSONNEL),
        ("Lön", Category.PERSONNEL),
        ("LÖN", Category.PERSONNEL),
        ("lon", Category.PERSONNEL),
        ("arvode", Category.PERSONNEL),
        ("lokal", Category.VENUE),
        ("fika", Category.CATERING),
        ("Fika", Category.CATERING),
        ("mat", Category.CATERING),
        ("kommunikation", Category.COMMUNICATION),
        ("resor", Category.TRAVEL),
        ("resa", Category.TRAVEL),
        ("övrigt", Category.OTHER),
        ("Övrigt", Category.OTHER),
        ("ovrigt", Category.OTHER),
    ],
)
def test_parse_category(text: str, category: Category) -> None:
    assert parse_category(text) is category


@pytest.mark.parametrize("text", ["beer", "", "   ", "food", "lönn", "personnel venue", "1"])
def test_parse_category_refuses_unknown_words(text: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_category(text)
    for category in Category:
        assert category.value in caught.value.message


def test_categories_are_the_six_of_the_spec() -> None:
    assert [c.value for c in Category] == [
        "personnel",
        "venue",
        "catering",
        "communication",
        "travel",
        "other",
    ]


# --- even_split --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("total", "parts", "expected"),
    [
        (20_000_000, 2, [10_000_000, 10_000_000]),
        (20_000_000, 1, [20_000_000]),
        (100, 3, [34, 33, 33]),
        (20_000_000, 3, [6_666_667, 6_666_667, 6_666_666]),
        (1, 2, [1, 0]),
        (0, 3, [0, 0, 0]),
    ],
)
def test_even_split_examples(total: int, parts: int, expected: list[int]) -> None:
    assert even_split(total, parts) == expected


@pytest.mark.parametrize("parts", [0, -1])
def test_even_split_between_nobody_is_refused(parts: int) -> None:
    with pytest.raises(InvalidInput):
        even_split(20_000_000, parts)


@given(st.integers(min_value=0, max_value=10**11), st.integers(min_value=1, max_value=60))
def test_even_split_is_exact_and_fair(total: int, parts: int) -> None:
    shares = even_split(total, parts)
    assert len(shares) == parts
    assert sum(shares) == total
    assert max(shares) - min(shares) <= 1
    assert all(type(share) is int for share in shares)


# --- over_allocation ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("grant", "allocations", "over"),
    [
        (20_000_000, {}, 0),
        (20_000_000, {1: 10_000_000, 2: 10_000_000}, 0),
        (20_000_000, {1: 12_000_000}, 0),
        (20_000_000, {1: 15_000_000, 2: 10_000_000}, 5_000_000),
        (20_000_000, {1: 10_000_000, 2: 10_000_001}, 1),
        (0, {1: 100}, 100),
        (0, {}, 0),
    ],
)
def test_over_allocation(grant: int, allocations: dict[int, int], over: int) -> None:
    assert over_allocation(grant, allocations) == over


# --- elapsed_share -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("year", "today", "share"),
    [
        (2025, date(2024, 12, 31), 0.0),  # before
        (2025, date(2020, 6, 1), 0.0),
        (2025, date(2025, 1, 1), 1 / 365),  # first day
        (2025, date(2025, 7, 2), 183 / 365),  # mid-year
        (2028, date(2028, 7, 1), 0.5),  # leap year: 183 of 366 days
        (2028, date(2028, 2, 29), 60 / 366),
        (2028, date(2028, 12, 30), 365 / 366),
        (2025, date(2025, 12, 31), 1.0),  # last day
        (2028, date(2028, 12, 31), 1.0),
        (2025, date(2026, 3, 1), 1.0),  # after
    ],
)
def test_elapsed_share(year: int, today: date, share: float) -> None:
    assert elapsed_share(year, today) == pytest.approx(share)


@given(st.integers(min_value=2000, max_value=2100), st.integers(min_value=-400, max_value=800))
def test_elapsed_share_grows_from_0_to_1(year: int, offset: int) -> None:
    today = date(year, 1, 1) + timedelta(days=offset)
    share = elapsed_share(year, today)
    assert 0.0 <= share <= 1.0
    assert share <= elapsed_share(year, today + timedelta(days=1))


# --- burn_rates --------------------------------------------------------------------------------


def test_burn_rates_project_to_the_end_of_the_year() -> None:
    burns = burn_rates({"A": 10_000_000, "B": 10_000_000}, {"A": 4_000_000}, 0.5)
    assert burns == [
        Burn("A", 10_000_000, 4_000_000, 8_000_000),
        Burn("B", 10_000_000, 0, 0),
    ]


def test_burn_rates_include_organisations_that_spent_without_allocation() -> None:
    burns = burn_rates({"B": 100}, {"A": 50}, 0.25)
    assert [b.organisation for b in burns] == ["A", "B"]
    assert burns[0] == Burn("A", 0, 50, 200)


def test_burn_rates_at_share_0_do_not_divide_by_zero() -> None:
    assert burn_rates({"A": 1_000}, {"A": 400}, 0.0) == [Burn("A", 1_000, 400, 400)]


def test_burn_rates_at_year_end_project_what_was_spent() -> None:
    assert burn_rates({"A": 1_000}, {"A": 700}, 1.0) == [Burn("A", 1_000, 700, 700)]


def test_burn_projection_is_whole_ore() -> None:
    (burn,) = burn_rates({"A": 1_000}, {"A": 100}, 183 / 365)
    assert type(burn.projected) is int


def test_burn_flags() -> None:
    assert Burn("A", 100, 150, 300).overspent
    assert not Burn("A", 100, 150, 300).on_course_to_overrun
    assert Burn("A", 100, 60, 120).on_course_to_overrun
    assert not Burn("A", 100, 60, 120).overspent
    assert not Burn("A", 100, 100, 100).overspent
    assert not Burn("A", 100, 50, 100).on_course_to_overrun


# --- alerts ------------------------------------------------------------------------------------


def test_alert_when_overspent() -> None:
    burns = burn_rates({"Stiftelsen Activa": 10_000}, {"Stiftelsen Activa": 12_000}, 0.5)
    assert alerts(burns, 0.5) == [BudgetAlert(Alert.OVERSPENT, "Stiftelsen Activa")]


def test_alert_when_overspent_after_the_year() -> None:
    burns = burn_rates({"A": 10_000}, {"A": 10_001}, 1.0)
    assert alerts(burns, 1.0) == [BudgetAlert(Alert.OVERSPENT, "A")]


def test_alert_when_on_course_to_overrun() -> None:
    burns = burn_rates({"Örebro Föreningsråd": 10_000}, {"Örebro Föreningsråd": 6_000}, 0.5)
    assert alerts(burns, 0.5) == [BudgetAlert(Alert.ON_COURSE_TO_OVERRUN, "Örebro Föreningsråd")]


def test_alert_when_spending_without_allocation() -> None:
    burns = burn_rates({}, {"Möckelnföreningarna": 100}, 0.5)
    assert alerts(burns, 0.5) == [BudgetAlert(Alert.NO_ALLOCATION, "Möckelnföreningarna")]


def test_no_alert_when_fine() -> None:
    burns = burn_rates({"A": 10_000, "B": 10_000}, {"A": 4_000, "B": 5_000}, 0.5)
    assert alerts(burns, 0.5) == []


def test_no_alert_for_an_allocation_nobody_has_spent_from() -> None:
    assert alerts(burn_rates({"A": 10_000}, {}, 0.9), 0.9) == []


def test_no_alert_when_spending_exactly_the_allocation() -> None:
    assert alerts(burn_rates({"A": 10_000}, {"A": 10_000}, 1.0), 1.0) == []
    assert alerts(burn_rates({"A": 10_000}, {"A": 5_000}, 0.5), 0.5) == []


def test_share_0_gives_no_pace_alert() -> None:
    """Before the year starts there is no pace to extrapolate from."""
    assert alerts(burn_rates({"A": 10_000}, {"A": 4_000}, 0.0), 0.0) == []


def test_share_0_still_alerts_about_overspending() -> None:
    (alert,) = alerts(burn_rates({"A": 10_000}, {"A": 12_000}, 0.0), 0.0)
    assert alert.kind is Alert.OVERSPENT


def test_one_alert_per_organisation_in_trouble() -> None:
    burns = burn_rates(
        {"A": 10_000, "B": 10_000, "C": 10_000}, {"A": 11_000, "B": 6_000, "C": 1_000}, 0.5
    )
    assert [(a.kind, a.organisation) for a in alerts(burns, 0.5)] == [
        (Alert.OVERSPENT, "A"),
        (Alert.ON_COURSE_TO_OVERRUN, "B"),
    ]


@pytest.mark.parametrize(
    ("grant", "allocations", "overridden", "expected"),
    [
        (20_000, {"A": 10_000, "B": 10_000}, False, []),
        (20_000, {"A": 10_000, "B": 10_001}, False, [BudgetAlert(Alert.OVER_GRANT, amount=1)]),
        (20_000, {"A": 15_000, "B": 15_000}, True, []),
        (0, {}, False, []),
        (0, {"A": 500}, False, [BudgetAlert(Alert.OVER_GRANT, amount=500)]),
    ],
)
def test_an_alert_when_the_allocations_exceed_the_grant_without_a_reason(
    grant: int, allocations: dict[str, int], overridden: bool, expected: list[BudgetAlert]
) -> None:
    assert grant_alerts(grant, allocations, overridden) == expected


def test_an_alert_in_json_names_its_kind_and_only_the_over_grant_alert_has_an_amount() -> None:
    assert BudgetAlert(Alert.OVER_GRANT, amount=150_000).json_data() == {
        "kind": Alert.OVER_GRANT,
        "organisation": None,
        "amount": {"ore": 150_000, "text": "1\u00a0500\u00a0kr"},
    }
    assert BudgetAlert(Alert.OVERSPENT, "A").json_data()["amount"] is None


# --- corrections -------------------------------------------------------------------------------

FIKA = ExpenseFacts(
    organisation_id=1,
    amount=245_000,
    spent_on=date(2025, 2, 11),
    category=Category.CATERING,
    note="Fika",
    meeting_id=None,
)


def test_an_unchanged_expense_has_no_changed_fields() -> None:
    assert changed_expense_fields(FIKA, FIKA) == []


def test_changed_expense_fields_are_named_in_words_in_order() -> None:
    from dataclasses import replace

    after = replace(FIKA, meeting_id=3, amount=1, spent_on=date(2025, 2, 12), organisation_id=2)
    assert changed_expense_fields(FIKA, after) == ["organisation", "amount", "date", "meeting"]
    cleared = replace(FIKA, note=None, category=Category.VENUE)
    assert changed_expense_fields(FIKA, cleared) == ["category", "note"]
