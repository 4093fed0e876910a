"""The appointment decision as a pure function: every refusal a value, every accepted request
the terms to add and remove."""

from __future__ import annotations

from datetime import date

import pytest

from psi.domain.rotation import (
    Answer,
    AppointmentDecision,
    AppointmentRequest,
    Inquiry,
    OrgFacts,
    Role,
    RuleBroken,
    Term,
    YearFacts,
    decide_appointment,
    override_refusal,
)
from psi.errors import InvalidInput, RuleViolation

REGION, ACTIVA, MOCKELN, OFR = 1, 2, 3, 4
GARDEN, BRIDGE = 10, 11
MUNICIPALITY, PROSPECT, FORMER = 20, 21, 22

ORGS = (
    OrgFacts(REGION, "Region Örebro län", "region", "member"),
    OrgFacts(ACTIVA, "Stiftelsen Activa", "civil-society", "member"),
    OrgFacts(MOCKELN, "Möckelnföreningarna", "civil-society", "member"),
    OrgFacts(OFR, "Örebro Föreningsråd", "civil-society", "member"),
    OrgFacts(GARDEN, "Exempelgården", "civil-society", "member", date(2016, 2, 1)),
    OrgFacts(BRIDGE, "Bron", "civil-society", "member", date(2018, 9, 15)),
    OrgFacts(MUNICIPALITY, "Exempelkommunen", "municipality", "member"),
    OrgFacts(PROSPECT, "Nystart", "civil-society", "prospect"),
    OrgFacts(FORMER, "Avslutad", "civil-society", "former", date(2016, 1, 1), date(2024, 12, 31)),
)

# The documented history up to 2025; 2026 is decided in the tests.
HISTORY = (
    *(Term(year, REGION, Role.OTHER) for year in range(2015, 2023)),
    Term(2023, ACTIVA, Role.NEWCOMER),
    Term(2023, MOCKELN, Role.NEWCOMER),
    Term(2024, ACTIVA, Role.CONTINUING),
    Term(2024, MOCKELN, Role.CONTINUING),
    Term(2025, ACTIVA, Role.CONTINUING),
    Term(2025, OFR, Role.NEWCOMER),
)
FACTS = YearFacts(HISTORY, ORGS)
OVERRIDE = ". To override the rule, add --force --reason TEXT."


def with_terms(*terms: Term, inquiries: tuple[Inquiry, ...] = ()) -> YearFacts:
    """The documented facts plus some terms recorded since."""
    return YearFacts((*HISTORY, *terms), ORGS, inquiries)


def until(year: int) -> YearFacts:
    """The documented facts before `year`, as the AU saw them when it appointed `year`."""
    return YearFacts(tuple(term for term in HISTORY if term.year < year), ORGS)


def refused(facts: YearFacts, request: AppointmentRequest) -> RuleBroken:
    """The refusal a request comes to; fails when it is accepted."""
    outcome = decide_appointment(facts, request)
    assert isinstance(outcome, RuleBroken), outcome
    return outcome


def accepted(facts: YearFacts, request: AppointmentRequest) -> AppointmentDecision:
    """The decision a request comes to; fails when it is refused."""
    outcome = decide_appointment(facts, request)
    assert isinstance(outcome, AppointmentDecision), outcome
    return outcome


# --- refusals --------------------------------------------------------------------------------


@pytest.mark.parametrize("reason", [None, "", "   "])
def test_force_without_a_reason_is_invalid_input(reason: str | None) -> None:
    broken = refused(FACTS, AppointmentRequest(2026, (GARDEN,), force=True, reason=reason))
    assert broken.kind is InvalidInput
    assert broken.message == (
        "--force needs --reason TEXT: the reason is kept and shown in reports."
    )
    assert override_refusal(True, reason) == broken


def test_a_reason_without_force_needs_nothing_more() -> None:
    assert override_refusal(False, None) is None
    assert override_refusal(True, "AU decided so") is None


def test_kept_and_newcomer_at_once_is_refused_even_with_force() -> None:
    request = AppointmentRequest(2026, (OFR,), keep=OFR, force=True, reason="x")
    broken = refused(FACTS, request)
    assert broken.kind is RuleViolation
    assert broken.message == "Örebro Föreningsråd cannot be both kept on and a newcomer in 2026."


def test_a_tie_asks_the_au_to_choose() -> None:
    broken = refused(until(2024), AppointmentRequest(2024, (OFR,)))
    assert broken.kind is RuleViolation
    assert broken.message == (
        "2023's coordinators have served equally long, so the AU must choose who stays: "
        'add --keep "Möckelnföreningarna" or --keep "Stiftelsen Activa".'
    )


@pytest.mark.parametrize(
    ("facts", "request_", "problem"),
    [
        (
            FACTS,
            AppointmentRequest(2026, (ACTIVA,)),
            "Stiftelsen Activa is the one that must leave in 2026",
        ),
        (
            FACTS,
            AppointmentRequest(2026, (MOCKELN,)),
            "Möckelnföreningarna has coordinated before, so it is no newcomer",
        ),
        (
            FACTS,
            AppointmentRequest(2026, (MUNICIPALITY,)),
            "Exempelkommunen is not a civil-society organisation (municipality)",
        ),
        (
            FACTS,
            AppointmentRequest(2026, (PROSPECT,)),
            "Nystart is not a member in 2026 (it is a prospect)",
        ),
        (
            FACTS,
            AppointmentRequest(2026, (FORMER,)),
            "Avslutad is not a member in 2026 (it left on 2024-12-31)",
        ),
        (
            with_terms(inquiries=(Inquiry(2026, BRIDGE, Answer.NO),)),
            AppointmentRequest(2026, (BRIDGE,)),
            "Bron declined to coordinate in 2026",
        ),
        (
            FACTS,
            AppointmentRequest(2026, (GARDEN,), keep=ACTIVA),
            "Stiftelsen Activa has served longest of 2025's pair and must leave",
        ),
        (
            FACTS,
            AppointmentRequest(2026, (GARDEN,), keep=MOCKELN),
            "Möckelnföreningarna did not coordinate in 2025, so it cannot be kept on",
        ),
        (
            FACTS,
            AppointmentRequest(2026, (GARDEN, BRIDGE)),
            "only one newcomer joins in 2026; both may be new only in the hand-over year",
        ),
        (
            FACTS,
            AppointmentRequest(2015, (GARDEN,)),
            "2014 has no recorded coordinators, so the rotation has nothing to start from",
        ),
        (
            FACTS,
            AppointmentRequest(2027, (GARDEN,)),
            "2026 has no recorded coordinators, so the rotation has nothing to start from",
        ),
        (
            with_terms(Term(2026, OFR, Role.CONTINUING)),
            AppointmentRequest(2027, (GARDEN,), keep=OFR),
            "2026 has only one recorded coordinator, so the rule cannot tell who stays; "
            "record 2026's newcomer first",
        ),
        (
            FACTS,
            AppointmentRequest(2023, (ACTIVA,), keep=REGION),
            "2022 had no civil-society coordinator, so nobody can be kept on in 2023",
        ),
        (
            FACTS,
            AppointmentRequest(2023, (GARDEN, BRIDGE, OFR)),
            "3 newcomers are too many: two join in 2023, the hand-over year",
        ),
    ],
)
def test_every_broken_rule_is_a_value_naming_it(
    facts: YearFacts, request_: AppointmentRequest, problem: str
) -> None:
    broken = refused(facts, request_)
    assert broken.kind is RuleViolation
    assert broken.message.endswith(OVERRIDE)
    assert problem in broken.message


def test_several_broken_rules_are_named_together() -> None:
    broken = refused(FACTS, AppointmentRequest(2026, (MUNICIPALITY, PROSPECT), keep=ACTIVA))
    assert (
        broken.message
        == "; ".join(
            [
                "only one newcomer joins in 2026; both may be new only in the hand-over year",
                "Exempelkommunen is not a civil-society organisation (municipality)",
                "Nystart is not a member in 2026 (it is a prospect)",
                "Stiftelsen Activa has served longest of 2025's pair and must leave",
            ]
        )
        + OVERRIDE
    )


def test_another_pair_for_a_recorded_year_needs_replace() -> None:
    facts = with_terms(Term(2026, OFR, Role.CONTINUING), Term(2026, GARDEN, Role.NEWCOMER))
    request = AppointmentRequest(2026, (BRIDGE,), force=True, reason="x")
    broken = refused(facts, request)
    assert broken.kind is RuleViolation
    assert broken.message == (
        "2026 already has coordinators: Örebro Föreningsråd (continuing), "
        "Exempelgården (newcomer). Add --replace to record another pair."
    )


def test_a_refusal_raises_as_its_kind() -> None:
    error = RuleBroken("nope", InvalidInput).error()
    assert isinstance(error, InvalidInput)
    assert error.message == "nope"
    assert isinstance(RuleBroken("nope").error(), RuleViolation)


# --- accepted requests -----------------------------------------------------------------------


def test_the_2026_appointment_by_the_rule() -> None:
    decision = accepted(FACTS, AppointmentRequest(2026, (GARDEN,)))
    expected = (Term(2026, OFR, Role.CONTINUING), Term(2026, GARDEN, Role.NEWCOMER))
    assert decision.terms == expected
    assert decision.add == expected
    assert decision.remove == ()
    assert decision.changed
    assert decision.overridden == ()
    assert decision.override_reason is None


def test_the_one_already_continuing_stays_without_keep() -> None:
    facts = with_terms(Term(2026, OFR, Role.CONTINUING))
    decision = accepted(facts, AppointmentRequest(2026, (GARDEN,)))
    assert decision.appointment.keep == OFR
    assert decision.add == (Term(2026, GARDEN, Role.NEWCOMER),)


def test_the_same_pair_again_changes_nothing() -> None:
    facts = with_terms(Term(2026, OFR, Role.CONTINUING), Term(2026, GARDEN, Role.NEWCOMER))
    decision = accepted(facts, AppointmentRequest(2026, (GARDEN, GARDEN)))
    assert decision.add == ()
    assert not decision.changed


def test_replace_removes_what_the_new_pair_lacks() -> None:
    facts = with_terms(Term(2026, OFR, Role.CONTINUING), Term(2026, GARDEN, Role.NEWCOMER))
    decision = accepted(facts, AppointmentRequest(2026, (BRIDGE,), replace=True))
    assert decision.remove == (Term(2026, GARDEN, Role.NEWCOMER),)
    assert decision.add == (Term(2026, BRIDGE, Role.NEWCOMER),)


def test_the_hand_over_newcomers_may_come_one_at_a_time() -> None:
    facts = until(2023)
    first = accepted(facts, AppointmentRequest(2023, (ACTIVA,)))
    assert first.terms == (Term(2023, ACTIVA, Role.NEWCOMER),)
    facts = YearFacts((*facts.history, *first.add), ORGS)
    second = accepted(facts, AppointmentRequest(2023, (MOCKELN,)))
    assert second.appointment.newcomers == (ACTIVA, MOCKELN)
    assert second.add == (Term(2023, MOCKELN, Role.NEWCOMER),)
    assert second.remove == ()


def test_a_third_hand_over_newcomer_is_not_merged() -> None:
    broken = refused(FACTS, AppointmentRequest(2023, (GARDEN,)))
    assert "2023 already has coordinators" in broken.message


def test_force_records_the_broken_rules_and_the_reason() -> None:
    request = AppointmentRequest(2026, (GARDEN,), keep=ACTIVA, force=True, reason="  Paus  ")
    decision = accepted(FACTS, request)
    assert decision.overridden == (
        "Stiftelsen Activa has served longest of 2025's pair and must leave",
    )
    assert decision.override_reason == "Paus"
    assert decision.terms == (
        Term(2026, ACTIVA, Role.CONTINUING),
        Term(2026, GARDEN, Role.NEWCOMER),
    )


def test_a_reason_is_kept_only_when_a_rule_is_overridden() -> None:
    request = AppointmentRequest(2026, (GARDEN,), force=True, reason="just in case")
    assert accepted(FACTS, request).override_reason is None


def test_an_organisation_outside_civil_society_coordinates_as_other() -> None:
    request = AppointmentRequest(2022, (REGION,), force=True, reason="Before the rule")
    decision = accepted(until(2022), request)
    assert decision.terms == (Term(2022, REGION, Role.OTHER),)
