"""The rotation rule as a pure function: the documented history and simulated decades."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
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
    ExtensionRequest,
    Inquiry,
    OrgFacts,
    OutsideRequest,
    Proposal,
    Role,
    RuleBroken,
    Term,
    YearDecision,
    YearFacts,
    appointed_terms,
    consecutive_years,
    decide_appointment,
    decide_extension,
    decide_outside,
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


# Extension years, ties settled by the recorded pair, and years outside the rotation.

# The documented history as Kulturnämnden decided it: 2024 the same pair once more.
EXTENDED = tuple(
    Term(t.year, t.org_id, t.role, extension=True) if t.year == 2024 else t for t in HISTORY
)
FACTS_2026 = YearFacts(EXTENDED, tuple(ORGS))


def before(year: int, history: tuple[Term, ...] = EXTENDED) -> YearFacts:
    """The facts of the years before `year`."""
    return YearFacts(tuple(t for t in history if t.year < year), tuple(ORGS))


def accepted_year(outcome: YearDecision | RuleBroken) -> YearDecision:
    """An accepted --extend or --other decision; fails when it is refused."""
    assert isinstance(outcome, YearDecision), outcome
    return outcome


def refused_year(outcome: YearDecision | RuleBroken) -> RuleBroken:
    """A refused --extend or --other decision; fails when it is accepted."""
    assert isinstance(outcome, RuleBroken), outcome
    return outcome


def test_a_term_is_no_extension_unless_recorded_so() -> None:
    assert Term(2025, OFR, Role.NEWCOMER).extension is False
    assert Term(2024, ACTIVA, Role.CONTINUING) != Term(2024, ACTIVA, Role.CONTINUING, True)


def test_an_extension_year_is_a_served_year() -> None:
    assert consecutive_years(EXTENDED, ACTIVA, 2024) == 2
    assert consecutive_years(EXTENDED, MOCKELN, 2024) == 2
    assert consecutive_years(EXTENDED, ACTIVA, 2025) == 3
    assert consecutive_years(EXTENDED, OFR, 2025) == 1


def test_2024_recorded_as_an_extension_year_lacks_nothing() -> None:
    proposal = propose(2024, EXTENDED, ORGS)
    assert proposal.extension
    assert not proposal.outside
    assert proposal.missing == ()
    # The whole pair stayed, outside the rule: the rule names nobody who stays or leaves.
    assert (proposal.stays, proposal.tied, proposal.leaves) == (None, (), ())
    assert {served.org_id: served.years for served in proposal.previous} == {
        ACTIVA: 1,
        MOCKELN: 1,
    }


def test_2024_not_recorded_as_an_extension_still_lacks_a_newcomer() -> None:
    proposal = propose(2024, HISTORY, ORGS)
    assert not proposal.extension
    assert proposal.missing == ("newcomer",)


@pytest.mark.parametrize("history", [EXTENDED, tuple(HISTORY)], ids=["extension", "plain"])
def test_2025_the_recorded_pair_says_who_stayed(history: tuple[Term, ...]) -> None:
    proposal = propose(2025, history, ORGS)
    assert [(s.org_id, s.years) for s in proposal.previous] == [(MOCKELN, 2), (ACTIVA, 2)]
    assert proposal.stays == ACTIVA
    assert proposal.tied == ()
    assert proposal.leaves == (MOCKELN,)
    assert proposal.missing == ()


def test_2025_before_it_is_recorded_is_the_aus_choice() -> None:
    proposal = propose(2025, before(2025).history, ORGS)
    assert proposal.stays is None
    assert set(proposal.tied) == {ACTIVA, MOCKELN}
    assert proposal.leaves == ()
    assert proposal.missing == ("continuing", "newcomer")


def test_2026_after_the_extension_year() -> None:
    proposal = propose(2026, EXTENDED, ORGS)
    assert [(s.org_id, s.years) for s in proposal.previous] == [(OFR, 1), (ACTIVA, 3)]
    assert proposal.stays == OFR
    assert proposal.leaves == (ACTIVA,)
    assert proposal.missing == ("newcomer",)


def test_a_tie_stays_open_when_the_recorded_pair_holds_neither_or_both() -> None:
    neither = (*before(2025).history, Term(2025, GARDEN, Role.NEWCOMER))
    assert set(propose(2025, neither, ORGS).tied) == {ACTIVA, MOCKELN}
    both = (*before(2025).history, *(Term(2025, o, Role.CONTINUING) for o in (ACTIVA, MOCKELN)))
    assert set(propose(2025, both, ORGS).tied) == {ACTIVA, MOCKELN}


@pytest.mark.parametrize("kept", [ACTIVA, MOCKELN])
def test_appointing_the_year_after_an_extension_year_by_the_tie(kept: int) -> None:
    """What the AU typed: psi rotate 2025 --appoint "Örebro Föreningsråd" --keep ..."""
    decision = decide_appointment(before(2025), AppointmentRequest(2025, (OFR,), keep=kept))
    assert isinstance(decision, AppointmentDecision), decision
    assert decision.overridden == ()
    assert decision.terms == tuple(
        sorted(
            [Term(2025, kept, Role.CONTINUING), Term(2025, OFR, Role.NEWCOMER)],
            key=lambda t: t.org_id,
        )
    )


def test_appointing_the_year_after_an_extension_year_needs_keep() -> None:
    broken = decide_appointment(before(2025), AppointmentRequest(2025, (OFR,)))
    assert isinstance(broken, RuleBroken)
    assert "--keep" in broken.message


def test_the_documented_2025_is_kept_by_the_rule() -> None:
    facts = YearFacts(tuple(t for t in EXTENDED if t.year <= 2025), tuple(ORGS))
    again = decide_appointment(facts, AppointmentRequest(2025, (OFR,), keep=ACTIVA))
    assert isinstance(again, AppointmentDecision), again
    assert not again.changed
    # Without --keep the continuing one already recorded stays.
    again = decide_appointment(facts, AppointmentRequest(2025, (OFR,)))
    assert isinstance(again, AppointmentDecision), again
    assert not again.changed


def test_an_appointment_for_an_extension_year_needs_replace() -> None:
    facts = YearFacts(tuple(t for t in EXTENDED if t.year <= 2024), tuple(ORGS))
    broken = decide_appointment(facts, AppointmentRequest(2024, (GARDEN,), keep=ACTIVA))
    assert isinstance(broken, RuleBroken)
    assert "2024 already has coordinators" in broken.message
    assert "(continuing, extension)" in broken.message
    assert "--replace" in broken.message


def test_extending_2024_records_2023s_pair_once_more() -> None:
    decision = accepted_year(decide_extension(before(2024), ExtensionRequest(2024)))
    assert decision.year == 2024
    assert decision.terms == (
        Term(2024, ACTIVA, Role.CONTINUING, True),
        Term(2024, MOCKELN, Role.CONTINUING, True),
    )
    assert decision.add == decision.terms
    assert decision.remove == ()
    assert decision.changed


def test_extending_a_year_recorded_so_changes_nothing() -> None:
    facts = YearFacts(tuple(t for t in EXTENDED if t.year <= 2024), tuple(ORGS))
    decision = accepted_year(decide_extension(facts, ExtensionRequest(2024)))
    assert not decision.changed
    assert decision.remove == ()


def test_extending_a_year_recorded_otherwise_needs_replace() -> None:
    facts = YearFacts(tuple(t for t in HISTORY if t.year <= 2024), tuple(ORGS))
    broken = refused_year(decide_extension(facts, ExtensionRequest(2024)))
    assert broken.kind is RuleViolation
    assert broken.message == (
        "2024 already has coordinators: Stiftelsen Activa (continuing), "
        "Möckelnföreningarna (continuing). Add --replace to record another pair."
    )
    decision = accepted_year(decide_extension(facts, ExtensionRequest(2024, replace=True)))
    assert set(decision.remove) == {
        Term(2024, ACTIVA, Role.CONTINUING),
        Term(2024, MOCKELN, Role.CONTINUING),
    }
    assert all(term.extension for term in decision.add)


@pytest.mark.parametrize(
    ("year", "history", "fragment"),
    [
        (2023, EXTENDED, "recorded for 2022: Region Örebro län (other)"),
        (2027, EXTENDED, "recorded for 2026: Örebro Föreningsråd (continuing)"),
        (2028, EXTENDED, "recorded for 2027: nothing"),
        (2015, EXTENDED, "recorded for 2014: nothing"),
    ],
)
def test_an_extension_needs_a_complete_civil_society_pair(
    year: int, history: tuple[Term, ...], fragment: str
) -> None:
    broken = refused_year(decide_extension(YearFacts(history, tuple(ORGS)), ExtensionRequest(year)))
    assert broken.kind is RuleViolation
    assert f"{year - 1} has no complete civil-society pair to extend into {year}" in broken.message
    assert fragment in broken.message


def test_an_extension_needs_the_pair_to_be_members_still() -> None:
    history = (Term(2024, ACTIVA, Role.NEWCOMER), Term(2024, FORMER, Role.NEWCOMER))
    broken = refused_year(decide_extension(YearFacts(history, tuple(ORGS)), ExtensionRequest(2025)))
    assert broken.message == (
        "Avslutad is not a member in 2025 (it left on 2024-12-31), "
        "so 2024's pair cannot coordinate 2025 once more."
    )


def test_the_region_before_the_hand_over_is_outside_the_rotation() -> None:
    only_2025 = YearFacts(tuple(t for t in HISTORY if t.year == 2025), tuple(ORGS))
    decision = accepted_year(decide_outside(only_2025, OutsideRequest(2022, (REGION, REGION))))
    assert decision.terms == (Term(2022, REGION, Role.OTHER),)
    assert decision.changed
    recorded = YearFacts((*only_2025.history, *decision.add), only_2025.orgs)
    proposal = propose(2022, recorded.history, ORGS)
    assert proposal.outside
    assert proposal.missing == ()
    again = accepted_year(decide_outside(recorded, OutsideRequest(2022, (REGION,))))
    assert not again.changed


def test_the_documented_region_years_lack_nothing() -> None:
    for year in range(2015, 2023):
        proposal = propose(year, HISTORY, ORGS)
        assert proposal.outside, year
        assert proposal.missing == (), year


def test_civil_society_is_never_outside_the_rotation() -> None:
    broken = refused_year(decide_outside(FACTS_2026, OutsideRequest(2022, (REGION, ACTIVA))))
    assert broken.kind is RuleViolation
    assert broken.message == (
        "Stiftelsen Activa is a civil-society organisation, and civil society coordinates by "
        'the rotation rule: record it with psi rotate 2022 --appoint "Stiftelsen Activa".'
    )


def test_more_than_two_outside_the_rotation_are_too_many() -> None:
    broken = refused_year(
        decide_outside(FACTS_2026, OutsideRequest(2014, (REGION, MUNICIPALITY, 99)))
    )
    assert broken.kind is InvalidInput


def test_another_organisation_outside_the_rotation_needs_replace() -> None:
    broken = refused_year(decide_outside(FACTS_2026, OutsideRequest(2022, (MUNICIPALITY,))))
    assert "2022 already has coordinators: Region Örebro län (other)" in broken.message
    decision = accepted_year(
        decide_outside(FACTS_2026, OutsideRequest(2022, (MUNICIPALITY,), replace=True))
    )
    assert decision.remove == (Term(2022, REGION, Role.OTHER),)
    assert decision.add == (Term(2022, MUNICIPALITY, Role.OTHER),)
    both = accepted_year(decide_outside(FACTS_2026, OutsideRequest(2022, (REGION, MUNICIPALITY))))
    assert both.add == (Term(2022, MUNICIPALITY, Role.OTHER),)
    assert both.remove == ()


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


def _extended(facts: YearFacts, year: int) -> YearFacts:
    """The facts after the committee gives `year - 1`'s pair `year` once more."""
    decision = decide_extension(facts, ExtensionRequest(year))
    assert isinstance(decision, YearDecision), decision
    assert decision.remove == ()
    return YearFacts((*facts.history, *decision.add), facts.orgs, facts.inquiries)


def _simulate(years: int, choices: list[int], *, extensions: bool = False) -> YearFacts:
    """`years` years from the hand-over in 2023; with `extensions`, the committee now and
    then gives last year's pair the next year once more instead of rotating."""
    facts = YearFacts((Term(2022, 1, Role.OTHER),), _orgs(years))
    pick = iter(choices)
    for year in range(2023, 2023 + years):
        if extensions and year > 2023 and next(pick) % 3 == 0:
            facts = _extended(facts, year)
            continue
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


# Simulated decades with extension years: the committee now and then gives last year's pair
# the next year once more; the rule goes on from there.


@st.composite
def extended_simulations(draw: st.DrawFn) -> YearFacts:
    years = draw(st.integers(min_value=2, max_value=20))
    choices = draw(st.lists(st.integers(0, 1000), min_size=6 * years, max_size=6 * years))
    return _simulate(years, choices, extensions=True)


def _pairs(history: Sequence[Term]) -> dict[int, set[int]]:
    by_year: dict[int, set[int]] = {}
    for term in history:
        by_year.setdefault(term.year, set()).add(term.org_id)
    return by_year


@settings(max_examples=200, deadline=None)
@given(extended_simulations())
def test_extension_years_keep_the_pair_and_the_rule_goes_on(facts: YearFacts) -> None:
    history = facts.history
    pairs = _pairs(history)
    extension_years = {t.year for t in history if t.extension}
    for year in sorted(pairs):
        terms = [t for t in history if t.year == year]
        if year in extension_years:
            # The same pair as the year before, both continuing, both recorded as extension.
            assert pairs[year] == pairs[year - 1]
            assert all(t.role is Role.CONTINUING and t.extension for t in terms)
        elif year > 2023:
            assert len(pairs[year] & pairs[year - 1]) == 1, (year, pairs)
            newcomers = [t for t in terms if t.role is Role.NEWCOMER]
            assert len(newcomers) == 1
            assert not any(t.org_id == newcomers[0].org_id and t.year < year for t in history)
        # Every recorded year is complete.
        assert propose(year, history, facts.orgs).missing == (), year
    for term in history:
        if term.year < 2023:
            continue
        run = consecutive_years(history, term.org_id, term.year)
        extended = sum(1 for y in range(term.year - run + 1, term.year + 1) if y in extension_years)
        # An extension year counts as served; without them nobody serves past two years.
        assert run - extended <= 2, (term, run, extended)


@settings(max_examples=200, deadline=None)
@given(extended_simulations())
def test_the_recorded_history_says_who_stayed_every_year(facts: YearFacts) -> None:
    """With each year recorded, its proposal names the one that did stay and the one that
    did leave, ties included; an extension year names neither."""
    history = facts.history
    pairs = _pairs(history)
    for year in sorted(pairs):
        if year <= 2023:
            continue
        proposal = propose(year, history, facts.orgs)
        if proposal.extension:
            assert (proposal.stays, proposal.tied, proposal.leaves) == (None, (), ())
            continue
        (kept,) = pairs[year] & pairs[year - 1]
        assert proposal.stays == kept
        assert proposal.tied == ()
        assert set(proposal.leaves) == pairs[year - 1] - {kept}


@st.composite
def outside_requests(draw: st.DrawFn) -> tuple[YearFacts, ExtensionRequest | OutsideRequest]:
    facts = draw(extended_simulations())
    ids = [org.id for org in facts.orgs]
    last = max(t.year for t in facts.history)
    # The year after the last recorded one comes up more often than the others.
    year = draw(st.sampled_from([last + 1]) | st.integers(2015, last + 2))
    replace = draw(st.booleans())
    if draw(st.booleans()):
        return facts, ExtensionRequest(year, replace)
    named = st.sampled_from(sorted(NOT_CIVIL)) | st.sampled_from(ids)
    orgs = tuple(draw(st.lists(named, min_size=1, max_size=3)))
    return facts, OutsideRequest(year, orgs, replace)


def _decide_year(
    facts: YearFacts, request: ExtensionRequest | OutsideRequest
) -> YearDecision | RuleBroken:
    if isinstance(request, ExtensionRequest):
        return decide_extension(facts, request)
    return decide_outside(facts, request)


@settings(max_examples=300, deadline=None)
@given(outside_requests())
def test_every_year_outside_the_rule_comes_to_a_value_that_keeps_it(
    case: tuple[YearFacts, ExtensionRequest | OutsideRequest],
) -> None:
    facts, request = case
    outcome = _decide_year(facts, request)
    if isinstance(outcome, RuleBroken):
        assert outcome.kind in (InvalidInput, RuleViolation)
        assert outcome.message
        return
    year = request.year
    assert {t.year for t in outcome.terms} == {year}
    assert set(outcome.add) <= set(outcome.terms)
    assert not set(outcome.remove) & set(outcome.terms)
    if not request.replace:
        assert outcome.remove == ()
    civil = {org.id for org in facts.orgs if org.sector == "civil-society"}
    if isinstance(request, ExtensionRequest):
        before = {t.org_id for t in facts.history if t.year == year - 1 and t.org_id in civil}
        assert {t.org_id for t in outcome.terms} == before
        assert len(before) == 2
        assert all(t.role is Role.CONTINUING and t.extension for t in outcome.terms)
    else:
        assert not {t.org_id for t in outcome.terms} & civil
        assert 1 <= len(outcome.terms) <= 2
        assert all(t.role is Role.OTHER and not t.extension for t in outcome.terms)
    kept = tuple(t for t in facts.history if t not in outcome.remove)
    recorded = YearFacts((*kept, *outcome.add), facts.orgs, facts.inquiries)
    assert propose(year, recorded.history, facts.orgs).missing == ()
    again = _decide_year(recorded, request)
    assert isinstance(again, YearDecision), again
    assert not again.changed
    assert again.terms == outcome.terms
