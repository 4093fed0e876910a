"""The decision draft's facts as they stand on a day (psi.domain.decision)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from psi.domain.decision import (
    Appointed,
    Assessment,
    DraftInput,
    Followup,
    GrantFact,
    RotationDecision,
    default_decided_on,
    draft,
    known_on,
    round_members,
)
from psi.domain.duties import Check, Duty, Verdict
from psi.domain.rotation import Role

REGION, ACTIVA, MOCKELN, OFR, GARDEN = 1, 2, 3, 4, 5
NAMES = {
    REGION: "Region Örebro län",
    ACTIVA: "Stiftelsen Activa",
    MOCKELN: "Möckelnföreningarna",
    OFR: "Örebro Föreningsråd",
    GARDEN: "Föreningen Exempelgården",
}


def _term(year: int, org: int, role: Role, **kw: object) -> Appointed:
    return Appointed(year, org, NAMES[org], org != REGION, role, **kw)  # type: ignore[arg-type]


HISTORY = [
    *(_term(y, REGION, Role.OTHER) for y in range(2015, 2023)),
    _term(2023, ACTIVA, Role.NEWCOMER),
    _term(2023, MOCKELN, Role.NEWCOMER),
    _term(2024, ACTIVA, Role.CONTINUING, extension=True),
    _term(2024, MOCKELN, Role.CONTINUING, extension=True),
    _term(2025, ACTIVA, Role.CONTINUING),
    _term(2025, OFR, Role.NEWCOMER),
    _term(2026, OFR, Role.CONTINUING),
]
SETTINGS = {
    "region": "Region Örebro län",
    "committee": "Kulturnämnden",
    "founded": "2015",
    "founded-by": "dåvarande Örebro läns landsting samt Regionförbundet",
    "default-grant": None,
    "signer": "Katarina Strömgren Sandh",
    "signer-title": "Kulturchef",
}
MSI_NOT_MET = Duty(5, "msi", (Check(0, 2, 2),), Verdict.NOT_MET)
ROTATION = RotationDecision(2025, None, 2024, "Region Örebro län har förankrat idén.")


def _input(year: int, day: date, **changes: object) -> DraftInput:
    base = DraftInput(
        year=year,
        day=day,
        settings=SETTINGS,
        terms=HISTORY,
        grants=[GrantFact(20_000_000, date(year - 1, 6, 11), f"Föredragnings-PM {year - 1}")],
        members=39,
        rotation=ROTATION,
        assessments=[Assessment(date(2024, 6, 11), True), Assessment(date(2025, 8, 27), True)],
        frees_grant=[],
    )
    return replace(base, **changes)  # type: ignore[arg-type]


# --- known on a day ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "decided_on", "year", "counts"),
    [
        (date(2025, 8, 27), date(2025, 8, 27), 2026, True),
        (date(2025, 8, 26), date(2025, 8, 27), 2026, False),
        (date(2025, 12, 31), None, 2026, False),
        (date(2026, 1, 1), None, 2026, True),
        (date(2024, 6, 11), None, 2024, True),
    ],
)
def test_a_decision_counts_from_its_date_or_the_start_of_its_year(
    day: date, decided_on: date | None, year: int, counts: bool
) -> None:
    assert known_on(day, decided_on, year) is counts


@pytest.mark.parametrize(
    ("count", "rounded"),
    [(0, 0), (7, 7), (10, 10), (12, 10), (38, 40), (39, 40), (42, 40), (43, 45), (97, 95),
     (104, 100), (115, 120)],
)  # fmt: skip
def test_members_are_rounded_as_a_writer_would(count: int, rounded: int) -> None:
    assert round_members(count) == rounded


@given(st.integers(min_value=10, max_value=10_000))
def test_a_rounded_count_is_within_half_a_step(count: int) -> None:
    step = 5 if count < 100 else 10
    assert abs(round_members(count) - count) <= step / 2


# --- the two seed documents ----------------------------------------------------------------------


def test_the_2026_draft_on_27_august_2025_states_seed_001() -> None:
    d = draft(_input(2026, date(2025, 8, 27)))
    assert d.amount.value == "200\u00a0000\u00a0kronor"
    assert d.members.value == 40
    assert d.handover is not None
    assert (d.handover.year, d.handover.region) == (2023, "Region Örebro län")
    assert d.handover.first_pair == ("Stiftelsen Activa", "Möckelnföreningarna")
    assert d.extension == ()
    assert d.previous_pair == ("Stiftelsen Activa", "Örebro Föreningsråd")
    assert (d.stays, d.leaves) == ("Örebro Föreningsråd", ("Stiftelsen Activa",))
    assert d.newcomers == ()
    assert d.rotation == ROTATION and d.works_well is True
    assert not [fact for fact in d.facts if fact.missing and fact.key != "reference"]


def test_the_2025_draft_on_11_june_2024_states_seed_000() -> None:
    d = draft(_input(2025, date(2024, 6, 11)))
    assert d.extension == ("Stiftelsen Activa", "Möckelnföreningarna")
    # The pair of 2024 ties on years served, and 2025's pair is not decided on the day:
    # nobody stays yet, so the AU must ask and appoint both.
    assert (d.stays, d.leaves, d.newcomers) == (None, (), ())
    assert d.rotation is not None and d.rotation.first_year == 2025
    assert d.works_well is True


def test_only_what_was_decided_by_the_day_counts() -> None:
    terms = [*HISTORY, _term(2026, GARDEN, Role.NEWCOMER, decided_on=date(2025, 11, 20))]
    before = draft(_input(2026, date(2025, 8, 27), terms=terms))
    after = draft(_input(2026, date(2025, 11, 20), terms=terms))
    assert before.newcomers == ()
    assert after.newcomers == ("Föreningen Exempelgården",)


def test_a_grant_decided_after_the_day_is_not_the_amount() -> None:
    grants = [GrantFact(15_000_000, date(2025, 9, 1), "PM")]
    d = draft(_input(2026, date(2025, 8, 27), grants=grants))
    assert d.amount.missing and "psi budget grant 2026" in d.amount.command
    assert d.reference.missing


def test_the_default_grant_setting_is_the_amount_when_none_is_decided() -> None:
    settings = {**SETTINGS, "default-grant": "200 000 kr"}
    d = draft(_input(2026, date(2025, 8, 27), grants=[], settings=settings))
    assert d.amount.value == "200\u00a0000\u00a0kronor"


# --- history the register lacks ------------------------------------------------------------------


def test_with_only_2025_recorded_the_history_facts_are_missing() -> None:
    only = [t for t in HISTORY if t.year == 2025]
    d = draft(_input(2026, date(2025, 8, 27), terms=only, rotation=None))
    assert d.handover is None and d.handover_fact.missing
    assert d.handover_fact.command == 'psi rotate 2024 --other "Region Örebro län"'
    assert d.rotation is None and d.rotation_fact.missing
    assert d.rotation_fact.command.startswith("psi history rotation")
    # What the rule can say from 2025 alone it says: Activa has one recorded year, as has
    # Föreningsråd, so they tie and nobody is named to stay.
    assert d.previous_pair == ("Stiftelsen Activa", "Örebro Föreningsråd")


def test_with_nothing_recorded_every_fact_from_history_is_missing() -> None:
    d = draft(_input(2026, date(2025, 8, 27), terms=[], rotation=None, members=0))
    assert d.handover_fact.missing and d.previous.missing and d.members.missing
    assert "--appoint" in d.handover_fact.command


def test_a_missing_setting_names_the_command_that_sets_it() -> None:
    d = draft(_input(2026, date(2025, 8, 27), settings={**SETTINGS, "founded-by": None}))
    assert d.founded_by.missing
    assert d.founded_by.command == "psi config set founded-by TEXT"


# --- the assessment ------------------------------------------------------------------------------


def test_the_latest_assessment_by_the_day_decides() -> None:
    assessments = [
        Assessment(date(2024, 6, 11), True),
        Assessment(date(2025, 5, 1), False, "för få stormöten"),
    ]
    d = draft(_input(2026, date(2025, 8, 27), assessments=assessments))
    assert d.works_well is False and d.assessment == assessments[1]
    earlier = draft(_input(2026, date(2025, 4, 30), assessments=assessments))
    assert earlier.works_well is True


@pytest.mark.parametrize(
    ("followup", "works_well"),
    [(None, None), (Followup(2024, ()), True), (Followup(2024, (MSI_NOT_MET,)), None)],
)
def test_without_an_assessment_the_latest_follow_up_must_support_it(
    followup: Followup | None, works_well: bool | None
) -> None:
    d = draft(_input(2026, date(2025, 8, 27), assessments=[], followup=followup))
    assert d.works_well is works_well


@pytest.mark.parametrize(
    ("year", "today", "expected"),
    [
        (2026, date(2026, 12, 1), date(2026, 12, 1)),
        (2027, date(2026, 12, 1), date(2026, 12, 1)),
        (2025, date(2026, 12, 1), None),
        (2015, date(2026, 1, 1), None),
    ],
)
def test_an_appointment_recorded_without_a_date_is_dated_today_only_for_a_year_not_past(
    year: int, today: date, expected: date | None
) -> None:
    assert default_decided_on(year, today) == expected


def test_the_assessment_gap_names_the_duties_the_follow_up_found_not_met() -> None:
    from psi.reports.contexts import decision_context

    d = draft(
        _input(2026, date(2025, 8, 27), assessments=[], followup=Followup(2024, (MSI_NOT_MET,)))
    )
    gap = decision_context(d, "sv")["gaps"]["assessment"]
    assert (
        "uppföljningen av 2024 visar att dessa uppgifter inte är uppfyllda: "
        "Löpande dialog med Mötesplats social innovation" in gap
    )
    assert gap.endswith("psi history assess 2025 --works-well --on DATE")
