"""The rotation rule as a pure function: the documented history and simulated decades."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from psi.domain.membership import member_in
from psi.domain.rotation import (
    Answer,
    Appointment,
    AppointmentDecision,
    AppointmentRequest,
    Inquiry,
    OrgFacts,
    Proposal,
    Role,
    RuleBroken,
    Term,
    YearFacts,
    appointed_terms,
    consecutive_years,
    decide_appointment,
    propose,
    violations,
)
from psi.errors import InvalidInput, RuleViolation

REGION, ACTIVA, MOCKELN, OFR = 1, 2, 3, 4
GARDEN, BRIDGE, SPORT, STORE = 10, 11, 12, 13
MUNICIPALITY, PROSPECT, FORMER, LATE = 20, 21, 22, 23

ORGS = [
    OrgFacts(REGION, "Region Örebro län", "region", "member"),
    OrgFacts(ACTIVA, "Stiftelsen Activa", "civil-society", "member"),
    OrgFacts(MOCKELN, "Möckelnföreningarna", "civil-society", "member"),
    OrgFacts(OFR, "Örebro Föreningsråd", "civil-society", "member"),
    OrgFacts(GARDEN, "Exempelgården", "civil-society", "member", date(2016, 2, 1)),
    OrgFacts(BRIDGE, "Bron", "civil-society", "member", date(2018, 9, 15)),
    OrgFacts(SPORT, "Idrottsföreningen", "civil-society", "member", date(2021, 3, 10)),
    OrgFacts(STORE, "Lagret", "civil-society", "member", date(2023, 5, 4)),
    OrgFacts(MUNICIPALITY, "Exempelkommunen", "municipality", "member"),
    OrgFacts(PROSPECT, "Nystart", "civil-society", "prospect"),
    OrgFacts(FORMER, "Avslutad", "civil-society", "former", date(2016, 1, 1), date(2024, 12, 31)),
    OrgFacts(LATE, "Sentida", "civil-society", "member", date(2027, 2, 1)),
]

HISTORY = (
    [Term(year, REGION, Role.OTHER) for year in range(2015, 2023)]
    + [Term(2023, ACTIVA, Role.NEWCOMER), Term(2023, MOCKELN, Role.NEWCOMER)]
    + [Term(2024, ACTIVA, Role.CONTINUING), Term(2024, MOCKELN, Role.CONTINUING)]
    + [Term(2025, ACTIVA, Role.CONTINUING), Term(2025, OFR, Role.NEWCOMER)]
    + [Term(2026, OFR, Role.CONTINUING)]
)


def test_consecutive_years_on_the_documented_history() -> None:
    assert consecutive_years(HISTORY, REGION, 2022) == 8
    assert consecutive_years(HISTORY, ACTIVA, 2025) == 3
    assert consecutive_years(HISTORY, MOCKELN, 2024) == 2
    assert consecutive_years(HISTORY, MOCKELN, 2025) == 0
    assert consecutive_years(HISTORY, OFR, 2026) == 2


def test_2026_keeps_orebro_foreningsrad_and_activa_leaves() -> None:
    proposal = propose(2026, HISTORY, ORGS)
    assert proposal.stays == OFR
    assert proposal.leaves == (ACTIVA,)
    assert not proposal.handover
    assert proposal.missing == ("newcomer",)


def test_2026_candidates_are_civil_society_members_that_never_coordinated() -> None:
    proposal = propose(2026, HISTORY, ORGS)
    ranked = [candidate.org_id for candidate in proposal.candidates]
    assert ranked == [GARDEN, BRIDGE, SPORT, STORE]  # longest membership first


def test_participation_ranks_before_membership_length() -> None:
    proposal = propose(2026, HISTORY, ORGS, attended={STORE: 5, SPORT: 2})
    assert [c.org_id for c in proposal.candidates][:3] == [STORE, SPORT, GARDEN]


def test_a_declined_candidate_drops_out_and_answers_show() -> None:
    inquiries = [
        Inquiry(2026, BRIDGE, Answer.NO),
        Inquiry(2026, GARDEN, Answer.PENDING),
        Inquiry(2026, SPORT, Answer.YES),
    ]
    proposal = propose(2026, HISTORY, ORGS, inquiries)
    answers = {c.org_id: c.inquiry for c in proposal.candidates}
    assert BRIDGE not in answers
    assert answers[GARDEN] is Answer.PENDING
    assert answers[SPORT] is Answer.YES
    assert proposal.declined == (BRIDGE,)


def test_2023_is_a_handover_year() -> None:
    proposal = propose(2023, HISTORY, ORGS)
    assert proposal.handover
    assert proposal.stays is None
    assert proposal.newcomers_needed == 2
    assert violations(Appointment(2023, (ACTIVA, MOCKELN), None), HISTORY, ORGS) == []


def test_2024_is_a_tie_the_au_must_settle() -> None:
    proposal = propose(2024, HISTORY, ORGS)
    assert proposal.stays is None
    assert set(proposal.tied) == {ACTIVA, MOCKELN}


def test_the_2026_appointment_that_follows_the_rule() -> None:
    assert violations(Appointment(2026, (GARDEN,), OFR), HISTORY, ORGS) == []


@pytest.mark.parametrize(
    ("appointment", "fragment"),
    [
        (Appointment(2026, (ACTIVA,), OFR), "must leave"),
        (Appointment(2026, (MOCKELN,), OFR), "coordinated before"),
        (Appointment(2026, (MUNICIPALITY,), OFR), "not a civil-society"),
        (Appointment(2026, (PROSPECT,), OFR), "not a member"),
        (Appointment(2026, (FORMER,), OFR), "left on 2024-12-31"),
        (Appointment(2026, (LATE,), OFR), "joined on 2027-02-01"),
        (Appointment(2026, (GARDEN,), ACTIVA), "must leave"),
        (Appointment(2026, (GARDEN,), MOCKELN), "did not coordinate in 2025"),
        (Appointment(2026, (GARDEN, BRIDGE), OFR), "only one newcomer"),
        (Appointment(2015, (GARDEN,), None), "2014 has no recorded coordinators"),
        (Appointment(2023, (ACTIVA,), REGION), "nobody can be kept on"),
    ],
)
def test_every_broken_rule_is_named(appointment: Appointment, fragment: str) -> None:
    problems = violations(appointment, HISTORY, ORGS)
    assert any(fragment in problem for problem in problems), problems


def test_a_declined_newcomer_is_refused() -> None:
    problems = violations(
        Appointment(2026, (BRIDGE,), OFR), HISTORY, ORGS, [Inquiry(2026, BRIDGE, Answer.NO)]
    )
    assert any("declined" in problem for problem in problems)


def test_reappointing_a_recorded_year_is_checked_without_that_year() -> None:
    recorded = [*HISTORY, Term(2026, GARDEN, Role.NEWCOMER)]
    assert violations(Appointment(2026, (GARDEN,), OFR), recorded, ORGS) == []


def test_member_in_follows_dates() -> None:
    former = OrgFacts(1, "x", "civil-society", "former", date(2016, 1, 1), date(2024, 12, 31))
    assert member_in(former, 2024)
    assert not member_in(former, 2025)
    late = OrgFacts(2, "y", "civil-society", "member", date(2027, 1, 1))
    assert not member_in(late, 2026)
    assert member_in(late, 2027)


def test_appointed_terms_roles() -> None:
    terms = appointed_terms(Appointment(2026, (GARDEN,), OFR))
    assert terms == [Term(2026, OFR, Role.CONTINUING), Term(2026, GARDEN, Role.NEWCOMER)]


# Simulated decades: the AU follows the proposal every year, choosing at random where the rule
# leaves it a choice (ties, which candidate to appoint, who declines).


@st.composite
def simulations(draw: st.DrawFn) -> tuple[int, list[int]]:
    years = draw(st.integers(min_value=2, max_value=25))
    choices = draw(
        st.lists(
            st.integers(min_value=0, max_value=1000), min_size=5 * years + 2, max_size=5 * years + 2
        )
    )
    return years, choices


NOT_CIVIL = {1, 2}
NOT_MEMBERS = {3, 4}


def _orgs(years: int) -> tuple[OrgFacts, ...]:
    pool = [
        OrgFacts(100 + i, f"Förening {i:03d}", "civil-society", "member")
        for i in range(2 * years + 4)
    ]
    others = [
        OrgFacts(1, "Regionen", "region", "member"),
        OrgFacts(2, "Kommunen", "municipality", "member"),
        OrgFacts(3, "Nystart", "civil-society", "prospect"),
        OrgFacts(4, "Avslutad", "civil-society", "former", date(2001, 1, 1), date(2010, 12, 31)),
    ]
    return (*pool, *others)


def _decided(facts: YearFacts, request: AppointmentRequest) -> YearFacts:
    """The facts after the AU's request is recorded; the request must follow the rule."""
    decision = decide_appointment(facts, request)
    assert isinstance(decision, AppointmentDecision), decision
    assert decision.overridden == ()
    kept = tuple(term for term in facts.history if term not in decision.remove)
    return YearFacts((*kept, *decision.add), facts.orgs, facts.inquiries)


def _au_requests(proposal: Proposal, pick: Iterator[int]) -> list[AppointmentRequest]:
    """What the AU asks for, following the proposal: the newcomers (in the hand-over year
    perhaps one at a time) and, where the rule leaves a choice or at random, who stays."""
    candidates = [c.org_id for c in proposal.candidates]
    needed = proposal.newcomers_needed
    start = next(pick) % max(1, len(candidates) - needed + 1)
    newcomers = tuple(candidates[start : start + needed])
    if proposal.handover:
        if next(pick) % 2:
            return [AppointmentRequest(proposal.year, (org_id,)) for org_id in newcomers]
        return [AppointmentRequest(proposal.year, newcomers)]
    keep = proposal.tied[next(pick) % len(proposal.tied)] if proposal.tied else None
    if keep is None and next(pick) % 2:
        keep = proposal.stays
    return [AppointmentRequest(proposal.year, newcomers, keep=keep)]


def _simulate(years: int, choices: list[int]) -> YearFacts:
    facts = YearFacts((Term(2022, 1, Role.OTHER),), _orgs(years))
    pick = iter(choices)
    for year in range(2023, 2023 + years):
        proposal = propose(year, facts.history, facts.orgs, facts.inquiries)
        if proposal.candidates and next(pick) % 4 == 0:
            # Somebody says no; the proposal is made again without it.
            no = Inquiry(year, proposal.candidates[0].org_id, Answer.NO)
            facts = YearFacts(facts.history, facts.orgs, (*facts.inquiries, no))
            proposal = propose(year, facts.history, facts.orgs, facts.inquiries)
        for request in _au_requests(proposal, pick):
            facts = _decided(facts, request)
    return facts


@settings(max_examples=200, deadline=None)
@given(simulations())
def test_the_rule_keeps_continuity_year_after_year(simulation: tuple[int, list[int]]) -> None:
    years, choices = simulation
    history = _simulate(years, choices).history
    by_year: dict[int, set[int]] = {}
    for term in history:
        by_year.setdefault(term.year, set()).add(term.org_id)
    first, last = 2023, 2023 + years - 1
    assert len(by_year[first]) == 2
    for year in range(first + 1, last + 1):
        pair, before = by_year[year], by_year[year - 1]
        assert len(pair) == 2
        assert len(pair & before) == 1, f"{year} shares {pair & before} with {year - 1}"
        newcomers = [t for t in history if t.year == year and t.role is Role.NEWCOMER]
        assert len(newcomers) == 1
        assert not any(t.org_id == newcomers[0].org_id and t.year < year for t in history)
    for term in history:
        if term.year >= first:
            assert consecutive_years(history, term.org_id, term.year) <= 2


# Any request on a simulated history: the decision is a value, and what it records keeps the rule.


@st.composite
def requests(draw: st.DrawFn) -> tuple[YearFacts, AppointmentRequest]:
    years = draw(st.integers(min_value=1, max_value=8))
    choices = draw(st.lists(st.integers(0, 1000), min_size=5 * years, max_size=5 * years))
    facts = _simulate(years, choices)
    ids = [org.id for org in facts.orgs]
    # The hand-over year and the next year to appoint come up more often than the others.
    year = draw(st.sampled_from([2023, 2023 + years]) | st.integers(2023, 2023 + years))
    declined = draw(st.lists(st.sampled_from(ids), max_size=2))
    inquiries = (*facts.inquiries, *(Inquiry(year, org_id, Answer.NO) for org_id in declined))
    # Mostly the AU names whom the proposal suggests, so that many requests pass.
    others = [term for term in facts.history if term.year != year]
    proposal = propose(year, others, facts.orgs, inquiries)
    suggested = [c.org_id for c in proposal.candidates] or ids
    previous = [served.org_id for served in proposal.previous] or ids
    named = st.sampled_from(ids) if draw(st.integers(0, 2)) == 0 else st.sampled_from(suggested)
    keep = None if draw(st.booleans()) else draw(st.sampled_from(previous) | st.sampled_from(ids))
    request = AppointmentRequest(
        year,
        tuple(draw(st.lists(named, min_size=1, max_size=3))),
        keep=keep,
        force=draw(st.booleans()),
        reason=draw(st.none() | st.sampled_from(["", " ", "AU decided so"])),
        replace=draw(st.booleans()),
    )
    return YearFacts(facts.history, facts.orgs, inquiries), request


@settings(max_examples=300, deadline=None)
@given(requests())
def test_every_request_comes_to_a_value(case: tuple[YearFacts, AppointmentRequest]) -> None:
    facts, request = case
    outcome = decide_appointment(facts, request)
    if isinstance(outcome, RuleBroken):
        assert outcome.kind in (InvalidInput, RuleViolation)
        assert outcome.message
        assert isinstance(outcome.error(), outcome.kind)
        return
    assert isinstance(outcome, AppointmentDecision)
    assert request.force or not outcome.overridden
    assert {term.year for term in outcome.terms} <= {request.year}
    assert set(outcome.add) <= set(outcome.terms)
    assert not set(outcome.remove) & set(outcome.terms)


@settings(max_examples=300, deadline=None)
@given(requests())
def test_an_appointment_by_the_rule_keeps_it(case: tuple[YearFacts, AppointmentRequest]) -> None:
    facts, request = case
    request = AppointmentRequest(request.year, request.newcomers, request.keep, replace=True)
    outcome = decide_appointment(facts, request)
    if isinstance(outcome, RuleBroken):
        return
    year, history = request.year, facts.history
    coordinators = [term.org_id for term in outcome.terms]
    assert 1 <= len(coordinators) <= 2
    assert len(set(coordinators)) == len(coordinators)
    assert not set(coordinators) & (NOT_CIVIL | NOT_MEMBERS)
    declined = {i.org_id for i in facts.inquiries if i.year == year and i.answer is Answer.NO}
    for term in outcome.terms:
        if term.role is Role.CONTINUING:
            # The one that stays coordinated the year before.
            assert any(t.org_id == term.org_id and t.year == year - 1 for t in history)
        else:
            assert term.role is Role.NEWCOMER
            assert not any(t.org_id == term.org_id and t.year < year for t in history)
            assert term.org_id not in declined
    again = decide_appointment(_decided(facts, request), request)
    assert isinstance(again, AppointmentDecision)
    assert not again.changed
    assert again.terms == outcome.terms
