"""The six duties' rules: the criteria, the checks, the verdicts and how the year is counted."""

from __future__ import annotations

import math
from dataclasses import fields, replace
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from psi.domain.duties import (
    CRITERIA_SETTINGS,
    DEFAULT_CRITERIA,
    DUTY_KEYS,
    PERCENT_SETTINGS,
    Check,
    CoordinatorAttendance,
    Criteria,
    Duty,
    Verdict,
    YearFacts,
    absent_coordinators,
    assess,
    changed_criteria,
    criteria_from,
    criterion_text,
    due_by,
    parse_criterion,
    quarter_of,
    quarters_passed,
    share_of,
    verdict_of,
)
from psi.errors import InvalidInput
from tests.helpers import MET_YEAR

# --- Facts to judge ---------------------------------------------------------------------------

"""A finished year where every duty is just met by psi's proposed criteria."""

HALF_YEAR = YearFacts(
    au_planned=10,
    au_due=5,
    au_held=4,
    stormoten_held=1,
    stormoten_with_regional_utveckling=1,
    stormoten_planned=2,
    member_dialogue_entries=2,
    activities_listed=8,
    activities_done=2,
    recruitment_entries=2,
    members_joined=0,
    msi_entries=1,
    msi_meetings_held=0,
    website_posts=2,
    social_media_posts=0,
    quarters_with_posts=2,
    quarters_passed=2,
)
"""Half of a year passed, each duty on track by psi's proposed criteria."""


def verdicts(
    facts: YearFacts, share: float = 1.0, criteria: Criteria = DEFAULT_CRITERIA
) -> dict[str, Verdict]:
    return {d.key: d.verdict for d in assess(facts, share, criteria)}


def duty(
    key: str, facts: YearFacts, share: float = 1.0, criteria: Criteria = DEFAULT_CRITERIA
) -> Duty:
    return next(d for d in assess(facts, share, criteria) if d.key == key)


# The order of verdicts: a finished year is met, partly met or not met; a running one is met,
# on track or behind, and partly met when an upper limit is already passed (which the rest of
# the year cannot undo, so it ranks with behind).
FINISHED_RANK = {Verdict.NOT_MET: 0, Verdict.PARTLY: 1, Verdict.MET: 2}
RUNNING_RANK = {Verdict.PARTLY: 0, Verdict.BEHIND: 0, Verdict.ON_TRACK: 1, Verdict.MET: 2}


def rank(verdict: Verdict, share: float) -> int:
    return (FINISHED_RANK if share >= 1 else RUNNING_RANK)[verdict]


def not_raised(before: YearFacts, after: YearFacts, share: float, criteria: Criteria) -> None:
    """Each duty's verdict for `after` is no better than for `before`."""
    old, new = verdicts(before, share, criteria), verdicts(after, share, criteria)
    for key in DUTY_KEYS:
        assert rank(new[key], share) <= rank(old[key], share), (key, old[key], new[key], after)


# --- Strategies -------------------------------------------------------------------------------

shares_running = st.floats(min_value=0.01, max_value=0.99)
shares = st.one_of(st.just(1.0), shares_running)

criteria_st = st.builds(
    Criteria,
    au_share=st.integers(0, 100),
    coordinator_attendance=st.integers(0, 100),
    stormoten_min=st.integers(0, 5),
    stormoten_max=st.integers(0, 7),
    dialogue_entries=st.integers(0, 8),
    activities_share=st.integers(0, 100),
    recruitment_contacts=st.integers(0, 6),
    msi_contacts=st.integers(0, 5),
    posts_per_quarter=st.integers(0, 3),
)
plan_criteria_st = criteria_st.filter(lambda c: c.au_share > 0 and c.activities_share > 0)
"""Criteria that ask for some share of the plan (0 % is a separate, documented case)."""


@st.composite
def year_facts(draw: st.DrawFn, share: float) -> YearFacts:
    """Consistent facts for a year `share` passed: held within due within planned, and so on."""
    running = share < 1
    au_planned = draw(st.integers(0, 14))
    au_due = draw(st.integers(0, au_planned)) if running else au_planned
    au_held = draw(st.integers(0, au_due))
    stormoten_held = draw(st.integers(0, 6))
    listed = draw(st.integers(0, 14))
    passed = min(4, math.floor(share * 4 + 1e-9)) if running else 4
    coordinators = []
    for org in draw(st.lists(st.sampled_from(["Coompanion", "Ideell Arena"]), unique=True)):
        recorded = draw(st.integers(0, au_held))
        coordinators.append(CoordinatorAttendance(org, draw(st.integers(0, recorded)), recorded))
    return YearFacts(
        au_planned=au_planned,
        au_due=au_due,
        au_held=au_held,
        stormoten_held=stormoten_held,
        stormoten_with_regional_utveckling=draw(st.integers(0, stormoten_held)),
        stormoten_planned=draw(st.integers(0, 3)),
        member_dialogue_entries=draw(st.integers(0, 8)),
        activities_listed=listed,
        activities_done=draw(st.integers(0, listed)),
        recruitment_entries=draw(st.integers(0, 6)),
        members_joined=draw(st.integers(0, 2)),
        msi_entries=draw(st.integers(0, 4)),
        msi_meetings_held=draw(st.integers(0, 3)),
        website_posts=draw(st.integers(0, 8)),
        social_media_posts=draw(st.integers(0, 8)),
        quarters_with_posts=draw(st.integers(0, passed)),
        quarters_passed=passed,
        coordinators=tuple(coordinators),
    )


@st.composite
def share_and_facts(draw: st.DrawFn) -> tuple[float, YearFacts]:
    share = draw(shares)
    return share, draw(year_facts(share))


def one_less(facts: YearFacts, name: str) -> YearFacts | None:
    """The facts with one fewer of a "done" count, when there is one to take away."""
    if getattr(facts, name) == 0:
        return None
    return replace(facts, **{name: getattr(facts, name) - 1})


DONE_COUNTS = (
    "au_held",
    "stormoten_with_regional_utveckling",
    "member_dialogue_entries",
    "activities_done",
    "recruitment_entries",
    "members_joined",
    "msi_entries",
    "msi_meetings_held",
    "website_posts",
    "social_media_posts",
    "quarters_with_posts",
)
"""What the coordinators do; stormoten_held is not here, as more held can pass the limit."""


def lowered(facts: YearFacts) -> list[YearFacts]:
    """Every way of doing one thing less than `facts` records."""
    out = [f for name in DONE_COUNTS if (f := one_less(facts, name)) is not None]
    for i, c in enumerate(facts.coordinators):
        if c.attended:
            fewer = replace(c, attended=c.attended - 1)
            others = list(facts.coordinators)
            others[i] = fewer
            out.append(replace(facts, coordinators=tuple(others)))
    return out


# --- Cancelling and carrying never raise a verdict ---------------------------------------------


def cancel_au_meeting(facts: YearFacts) -> YearFacts:
    """A still planned AU meeting is cancelled: it stays on the plan, on its date."""
    return replace(facts, au_planned=facts.au_planned, au_due=facts.au_due, au_held=facts.au_held)


def cancel_or_carry_activity(facts: YearFacts) -> YearFacts:
    """A planned activity is cancelled or carried to next year: it stays on the list, not done."""
    return replace(
        facts, activities_listed=facts.activities_listed, activities_done=facts.activities_done
    )


def cancel_instead_of_holding(facts: YearFacts) -> YearFacts:
    """An AU meeting that was held is recorded as cancelled instead."""
    return replace(facts, au_held=facts.au_held - 1)


def cancel_instead_of_doing(facts: YearFacts) -> YearFacts:
    """An activity that was done is recorded as cancelled (or carried) instead."""
    return replace(facts, activities_done=facts.activities_done - 1)


@given(share_and_facts(), criteria_st)
def test_cancelling_or_carrying_keeps_every_verdict(
    share_facts: tuple[float, YearFacts], criteria: Criteria
) -> None:
    share, facts = share_facts
    before = verdicts(facts, share, criteria)
    assert verdicts(cancel_au_meeting(facts), share, criteria) == before
    assert verdicts(cancel_or_carry_activity(facts), share, criteria) == before


@given(share_and_facts(), criteria_st)
def test_cancelling_what_was_done_never_raises_a_verdict(
    share_facts: tuple[float, YearFacts], criteria: Criteria
) -> None:
    share, facts = share_facts
    if facts.au_held:
        not_raised(facts, cancel_instead_of_holding(facts), share, criteria)
    if facts.activities_done:
        not_raised(facts, cancel_instead_of_doing(facts), share, criteria)


@given(share_and_facts(), criteria_st)
def test_doing_less_never_raises_a_verdict(
    share_facts: tuple[float, YearFacts], criteria: Criteria
) -> None:
    share, facts = share_facts
    for less in lowered(facts):
        not_raised(facts, less, share, criteria)


@given(share_and_facts(), plan_criteria_st, st.integers(1, 3))
def test_adding_to_the_plan_never_raises_a_verdict(
    share_facts: tuple[float, YearFacts], criteria: Criteria, more: int
) -> None:
    share, facts = share_facts
    running = share < 1
    # More activities on the list.
    longer = replace(facts, activities_listed=facts.activities_listed + more)
    not_raised(facts, longer, share, criteria)
    # More AU meetings on the plan, dated before the day judged (every date of a finished year).
    past = replace(facts, au_planned=facts.au_planned + more, au_due=facts.au_due + more)
    not_raised(facts, past, share, criteria)
    # More AU meetings on the plan, dated later in a running year (a plan that already has one).
    if running and facts.au_planned:
        not_raised(facts, replace(facts, au_planned=facts.au_planned + more), share, criteria)


def test_a_running_year_without_an_au_plan_is_behind_until_meetings_are_planned() -> None:
    # Planning the year's AU meetings is the first half of the duty: with none on the plan
    # the duty is behind from the first day; meetings planned for later put it on track.
    facts = replace(HALF_YEAR, au_planned=0, au_due=0, au_held=0, coordinators=())
    planned = replace(facts, au_planned=3)
    assert verdicts(facts, 0.01)["au"] is Verdict.BEHIND
    assert verdicts(facts, 0.6)["au"] is Verdict.BEHIND
    assert verdicts(planned, 0.6)["au"] is Verdict.ON_TRACK


@pytest.mark.parametrize("field", ["activities_share", "au_share"])
def test_zero_percent_criterion_and_an_empty_plan(field: str) -> None:
    criteria = replace(DEFAULT_CRITERIA, **{field: 0})
    empty = replace(
        MET_YEAR, au_planned=0, au_due=0, au_held=0, activities_listed=0, activities_done=0
    )
    if field == "activities_share":
        one_on_the_plan = replace(empty, activities_listed=1)
    else:
        one_on_the_plan = replace(empty, au_planned=1, au_due=1)
    not_raised(empty, one_on_the_plan, 1.0, criteria)


@given(share_and_facts(), criteria_st, st.integers(1, 3))
def test_more_stormoten_held_without_regional_utveckling_never_raises(
    share_facts: tuple[float, YearFacts], criteria: Criteria, more: int
) -> None:
    share, facts = share_facts
    after = replace(facts, stormoten_held=facts.stormoten_held + more)
    not_raised(facts, after, share, criteria)


@pytest.mark.parametrize(("held", "with_ru"), [(5, 0), (6, 0), (7, 0)])
def test_over_the_limit_with_too_few_with_ru_is_not_met(held: int, with_ru: int) -> None:
    four = replace(MET_YEAR, stormoten_held=4, stormoten_with_regional_utveckling=with_ru)
    assert verdicts(four)["stormoten"] is Verdict.NOT_MET
    more = replace(four, stormoten_held=held)
    assert verdicts(more)["stormoten"] is Verdict.NOT_MET


@given(share_and_facts(), criteria_st, shares_running, shares_running)
def test_more_of_the_year_passed_never_raises_a_verdict(
    share_facts: tuple[float, YearFacts], criteria: Criteria, a: float, b: float
) -> None:
    _, facts = share_facts
    early, late = sorted((a, b))
    old, new = verdicts(facts, early, criteria), verdicts(facts, late, criteria)
    for key in DUTY_KEYS:
        assert RUNNING_RANK[new[key]] <= RUNNING_RANK[old[key]], key


@given(share_and_facts(), criteria_st, shares_running)
def test_running_and_finished_agree_on_met(
    share_facts: tuple[float, YearFacts], criteria: Criteria, running_share: float
) -> None:
    _, facts = share_facts
    finished, running = verdicts(facts, 1.0, criteria), verdicts(facts, running_share, criteria)
    for key in DUTY_KEYS:
        assert (finished[key] is Verdict.MET) == (running[key] is Verdict.MET), key
        assert finished[key] in FINISHED_RANK
        assert running[key] in RUNNING_RANK


# --- Raising a threshold never raises a verdict ------------------------------------------------

THRESHOLDS = tuple(f.name for f in fields(Criteria) if f.name != "stormoten_max")


@given(share_and_facts(), criteria_st, st.sampled_from(THRESHOLDS), st.integers(1, 30))
def test_raising_a_threshold_never_raises_a_verdict(
    share_facts: tuple[float, YearFacts], criteria: Criteria, name: str, by: int
) -> None:
    share, facts = share_facts
    stricter = replace(criteria, **{name: getattr(criteria, name) + by})
    for key, old in verdicts(facts, share, criteria).items():
        assert rank(verdicts(facts, share, stricter)[key], share) <= rank(old, share), key


@given(share_and_facts(), criteria_st, st.integers(1, 5))
def test_lowering_the_upper_limit_never_raises_a_verdict(
    share_facts: tuple[float, YearFacts], criteria: Criteria, by: int
) -> None:
    share, facts = share_facts
    stricter = replace(criteria, stormoten_max=max(0, criteria.stormoten_max - by))
    old, new = verdicts(facts, share, criteria), verdicts(facts, share, stricter)
    assert rank(new["stormoten"], share) <= rank(old["stormoten"], share)


# --- The whole year -----------------------------------------------------------------------------


def test_a_year_with_every_duty_just_met() -> None:
    assert set(verdicts(MET_YEAR).values()) == {Verdict.MET}


def test_a_half_year_on_track() -> None:
    assert verdicts(HALF_YEAR, 0.5) == {
        "au": Verdict.ON_TRACK,
        "stormoten": Verdict.ON_TRACK,
        "dialogue": Verdict.ON_TRACK,
        "recruitment": Verdict.ON_TRACK,
        "msi": Verdict.ON_TRACK,
        "communication": Verdict.ON_TRACK,
    }


def test_assess_gives_the_six_duties_in_order() -> None:
    duties = assess(MET_YEAR)
    assert [d.key for d in duties] == list(DUTY_KEYS)
    assert [d.number for d in duties] == [1, 2, 3, 4, 5, 6]
    assert [len(d.checks) for d in duties] == [1, 1, 2, 1, 1, 1]


EMPTY = YearFacts(
    au_planned=0,
    au_due=0,
    au_held=0,
    stormoten_held=0,
    stormoten_with_regional_utveckling=0,
    stormoten_planned=0,
    member_dialogue_entries=0,
    activities_listed=0,
    activities_done=0,
    recruitment_entries=0,
    members_joined=0,
    msi_entries=0,
    msi_meetings_held=0,
    website_posts=0,
    social_media_posts=0,
    quarters_with_posts=0,
    quarters_passed=0,
)


def test_an_empty_finished_year_is_not_met() -> None:
    empty = replace(EMPTY, quarters_passed=4)
    assert set(verdicts(empty).values()) == {Verdict.NOT_MET}


def test_an_empty_year_just_begun_is_on_track_but_for_its_missing_au_plan() -> None:
    judged = verdicts(EMPTY, 0.01)
    assert judged.pop("au") is Verdict.BEHIND
    assert set(judged.values()) == {Verdict.ON_TRACK}


def test_a_running_year_never_says_not_met() -> None:
    empty = replace(EMPTY, quarters_passed=3)
    assert set(verdicts(empty, 0.8).values()) == {Verdict.BEHIND}


# --- Duty 1: the AU meetings --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("planned", "held", "expected"),
    [
        (10, 8, Verdict.MET),
        (10, 10, Verdict.MET),
        (10, 7, Verdict.PARTLY),
        (10, 4, Verdict.PARTLY),
        (10, 3, Verdict.NOT_MET),
        (11, 9, Verdict.MET),  # 80 % of 11 is 8.8, so 9
        (11, 8, Verdict.PARTLY),
        (1, 1, Verdict.MET),
        (1, 0, Verdict.NOT_MET),
        (0, 0, Verdict.NOT_MET),  # no plan: one meeting is asked for
        (0, 1, Verdict.MET),
    ],
)
def test_au_meetings_in_a_finished_year(planned: int, held: int, expected: Verdict) -> None:
    facts = replace(MET_YEAR, au_planned=planned, au_due=planned, au_held=held)
    assert verdicts(facts)["au"] is expected


def test_cancelled_au_meetings_count_as_planned() -> None:
    # Ten on the plan, three of them cancelled and seven held: 7 of 10 is below 80 %.
    facts = replace(MET_YEAR, au_planned=10, au_due=10, au_held=7)
    assert verdicts(facts)["au"] is Verdict.PARTLY


@pytest.mark.parametrize(
    ("due", "held", "expected"),
    [
        (5, 4, Verdict.ON_TRACK),  # 80 % of the 5 dated until today
        (5, 3, Verdict.BEHIND),
        (0, 0, Verdict.ON_TRACK),
        (10, 8, Verdict.MET),
        (10, 9, Verdict.MET),
    ],
)
def test_au_meetings_in_a_running_year(due: int, held: int, expected: Verdict) -> None:
    facts = replace(HALF_YEAR, au_planned=10, au_due=due, au_held=held)
    assert verdicts(facts, 0.5)["au"] is expected


@pytest.mark.parametrize(("share", "expected"), [(0.01, Verdict.BEHIND), (0.5, Verdict.BEHIND)])
def test_au_meetings_without_a_plan_in_a_running_year(share: float, expected: Verdict) -> None:
    facts = replace(HALF_YEAR, au_planned=0, au_due=0, au_held=0)
    assert verdicts(facts, share)["au"] is expected


# --- Duty 1: the coordinators' attendance --------------------------------------------------------


def attendance(*counts: tuple[int, int]) -> tuple[CoordinatorAttendance, ...]:
    names = ("Coompanion", "Ideell Arena", "Studieförbundet")
    return tuple(
        CoordinatorAttendance(names[i], attended, recorded)
        for i, (attended, recorded) in enumerate(counts)
    )


def test_a_coordinator_below_half_lowers_a_met_duty_to_partly() -> None:
    facts = replace(MET_YEAR, coordinators=attendance((8, 8), (3, 8)))
    au = duty("au", facts)
    assert au.verdict is Verdict.PARTLY
    assert [c.organisation for c in au.absent] == ["Ideell Arena"]
    assert au.absent == (CoordinatorAttendance("Ideell Arena", 3, 8),)


def test_a_coordinator_below_half_lowers_on_track_to_behind() -> None:
    facts = replace(HALF_YEAR, coordinators=attendance((4, 4), (1, 4)))
    au = duty("au", facts, 0.5)
    assert au.verdict is Verdict.BEHIND
    assert [c.organisation for c in au.absent] == ["Ideell Arena"]


def test_both_coordinators_below_half_are_listed() -> None:
    facts = replace(MET_YEAR, coordinators=attendance((1, 8), (3, 8)))
    au = duty("au", facts)
    assert au.verdict is Verdict.PARTLY
    assert [c.organisation for c in au.absent] == ["Coompanion", "Ideell Arena"]


@pytest.mark.parametrize(("attended", "recorded"), [(4, 8), (1, 2), (5, 10), (0, 0), (8, 8)])
def test_half_or_more_or_nothing_recorded_is_not_absent(attended: int, recorded: int) -> None:
    facts = replace(MET_YEAR, coordinators=attendance((attended, recorded)))
    au = duty("au", facts)
    assert au.verdict is Verdict.MET
    assert au.absent == ()


@pytest.mark.parametrize(("attended", "recorded"), [(3, 8), (1, 3), (0, 1), (0, 8), (4, 9)])
def test_fewer_than_half_is_absent(attended: int, recorded: int) -> None:
    only = CoordinatorAttendance("Coompanion", attended, recorded)
    assert absent_coordinators(replace(MET_YEAR, coordinators=(only,)), DEFAULT_CRITERIA) == (only,)


def test_absence_does_not_lower_a_duty_already_below() -> None:
    partly = replace(MET_YEAR, au_held=5, coordinators=attendance((0, 5)))
    assert duty("au", partly).verdict is Verdict.PARTLY
    not_met = replace(MET_YEAR, au_held=2, coordinators=attendance((0, 2)))
    assert duty("au", not_met).verdict is Verdict.NOT_MET
    behind = replace(HALF_YEAR, au_held=2, coordinators=attendance((0, 2)))
    au = duty("au", behind, 0.5)
    assert au.verdict is Verdict.BEHIND
    assert len(au.absent) == 1


def test_the_attendance_criterion_is_the_aus() -> None:
    facts = replace(MET_YEAR, coordinators=attendance((6, 8)))
    assert duty("au", facts).verdict is Verdict.MET
    strict = replace(DEFAULT_CRITERIA, coordinator_attendance=80)
    assert duty("au", facts, criteria=strict).verdict is Verdict.PARTLY
    assert absent_coordinators(facts, replace(DEFAULT_CRITERIA, coordinator_attendance=75)) == ()


def test_absence_only_touches_duty_one() -> None:
    facts = replace(MET_YEAR, coordinators=attendance((0, 8)))
    for d in assess(facts)[1:]:
        assert d.verdict is Verdict.MET
        assert d.absent == ()


# --- Duty 2: 2-4 stormöten with Regional utveckling ----------------------------------------------


@pytest.mark.parametrize(
    ("held", "with_ru", "expected"),
    [
        (5, 5, Verdict.PARTLY),  # over the upper limit, however many with RU
        (6, 6, Verdict.PARTLY),
        (5, 2, Verdict.PARTLY),
        (4, 4, Verdict.MET),
        (3, 3, Verdict.MET),
        (2, 2, Verdict.MET),
        (4, 2, Verdict.MET),
        (1, 1, Verdict.PARTLY),  # half
        (3, 1, Verdict.PARTLY),
        (2, 0, Verdict.NOT_MET),
        (0, 0, Verdict.NOT_MET),
    ],
)
def test_stormoten_in_a_finished_year(held: int, with_ru: int, expected: Verdict) -> None:
    facts = replace(MET_YEAR, stormoten_held=held, stormoten_with_regional_utveckling=with_ru)
    assert verdicts(facts)["stormoten"] is expected


def test_five_stormoten_are_partly_met_even_with_all_else_met() -> None:
    facts = replace(MET_YEAR, stormoten_held=5, stormoten_with_regional_utveckling=5)
    result = verdicts(facts)
    assert result["stormoten"] is Verdict.PARTLY
    assert {k: v for k, v in result.items() if k != "stormoten"} == {
        k: Verdict.MET for k in DUTY_KEYS if k != "stormoten"
    }
    assert duty("stormoten", facts).checks[0].over


@pytest.mark.parametrize(
    ("held", "with_ru", "share", "expected"),
    [
        (5, 5, 0.5, Verdict.PARTLY),  # the limit is passed and stays passed
        (2, 2, 0.5, Verdict.MET),
        (1, 1, 0.5, Verdict.ON_TRACK),
        (0, 0, 0.2, Verdict.ON_TRACK),  # 2 x 0.2 rounds to 0
        (0, 0, 0.5, Verdict.BEHIND),
        (1, 1, 0.9, Verdict.BEHIND),
    ],
)
def test_stormoten_in_a_running_year(
    held: int, with_ru: int, share: float, expected: Verdict
) -> None:
    facts = replace(HALF_YEAR, stormoten_held=held, stormoten_with_regional_utveckling=with_ru)
    assert verdicts(facts, share)["stormoten"] is expected


def test_stormoten_criterion_3_5() -> None:
    criteria = criteria_from({"criterion-stormoten": "3-5"})
    five = replace(MET_YEAR, stormoten_held=5, stormoten_with_regional_utveckling=5)
    two = replace(MET_YEAR, stormoten_held=2, stormoten_with_regional_utveckling=2)
    assert verdicts(five, criteria=criteria)["stormoten"] is Verdict.MET
    assert verdicts(two, criteria=criteria)["stormoten"] is Verdict.PARTLY


# --- Duty 3: the dialogue and the activity list ---------------------------------------------------


@pytest.mark.parametrize(
    ("done", "listed", "share", "expected"),
    [
        (2, 8, 0.92, Verdict.BEHIND),  # a quarter of the list at 92 % of the year
        (3, 8, 0.92, Verdict.BEHIND),
        (4, 8, 0.92, Verdict.MET),
        (3, 8, 0.5, Verdict.ON_TRACK),
        (2, 8, 0.5, Verdict.ON_TRACK),
        (1, 8, 0.5, Verdict.BEHIND),
        (0, 8, 0.1, Verdict.ON_TRACK),
        (4, 8, 1.0, Verdict.MET),
        (3, 8, 1.0, Verdict.PARTLY),
        (2, 8, 1.0, Verdict.PARTLY),
        (1, 8, 1.0, Verdict.NOT_MET),
        (4, 7, 1.0, Verdict.MET),  # 50 % of 7 is 3.5, so 4
        (3, 7, 1.0, Verdict.PARTLY),
        (0, 0, 1.0, Verdict.NOT_MET),  # no list: one activity done is asked for
        (1, 0, 1.0, Verdict.MET),
    ],
)
def test_the_activity_list(done: int, listed: int, share: float, expected: Verdict) -> None:
    facts = replace(MET_YEAR, activities_listed=listed, activities_done=done)
    assert verdicts(facts, share)["dialogue"] is expected


@pytest.mark.parametrize(
    ("entries", "share", "expected"),
    [
        (4, 1.0, Verdict.MET),
        (3, 1.0, Verdict.PARTLY),
        (2, 1.0, Verdict.PARTLY),
        (1, 1.0, Verdict.NOT_MET),
        (2, 0.5, Verdict.ON_TRACK),
        (1, 0.5, Verdict.BEHIND),
        (4, 0.3, Verdict.MET),
    ],
)
def test_the_dialogue_entries(entries: int, share: float, expected: Verdict) -> None:
    facts = replace(MET_YEAR, member_dialogue_entries=entries)
    assert verdicts(facts, share)["dialogue"] is expected


def test_duty_three_needs_both_checks() -> None:
    facts = replace(MET_YEAR, member_dialogue_entries=1, activities_done=8)
    assert verdicts(facts)["dialogue"] is Verdict.NOT_MET
    facts = replace(MET_YEAR, member_dialogue_entries=9, activities_done=1)
    assert verdicts(facts)["dialogue"] is Verdict.NOT_MET


# --- Duty 4: recruitment ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("contacts", "joined", "share", "expected"),
    [
        (0, 1, 1.0, Verdict.MET),  # a new member is enough
        (0, 1, 0.2, Verdict.MET),
        (3, 0, 1.0, Verdict.MET),
        (2, 0, 1.0, Verdict.PARTLY),
        (1, 0, 1.0, Verdict.NOT_MET),
        (0, 0, 1.0, Verdict.NOT_MET),
        (2, 0, 0.5, Verdict.ON_TRACK),
        (1, 0, 0.5, Verdict.BEHIND),
    ],
)
def test_recruitment(contacts: int, joined: int, share: float, expected: Verdict) -> None:
    facts = replace(MET_YEAR, recruitment_entries=contacts, members_joined=joined)
    assert verdicts(facts, share)["recruitment"] is expected


# --- Duty 5: MSI --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("entries", "meetings", "share", "expected"),
    [
        (2, 0, 1.0, Verdict.MET),
        (0, 2, 1.0, Verdict.MET),
        (1, 1, 1.0, Verdict.MET),
        (1, 0, 1.0, Verdict.PARTLY),
        (0, 0, 1.0, Verdict.NOT_MET),
        (1, 0, 0.5, Verdict.ON_TRACK),
        (0, 0, 0.5, Verdict.BEHIND),
        (0, 0, 0.2, Verdict.ON_TRACK),
    ],
)
def test_msi(entries: int, meetings: int, share: float, expected: Verdict) -> None:
    facts = replace(MET_YEAR, msi_entries=entries, msi_meetings_held=meetings)
    assert verdicts(facts, share)["msi"] is expected


# --- Duty 6: posts in each quarter ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("with_posts", "passed", "share", "expected"),
    [
        (4, 4, 1.0, Verdict.MET),
        (3, 4, 1.0, Verdict.PARTLY),
        (2, 4, 1.0, Verdict.PARTLY),
        (1, 4, 1.0, Verdict.NOT_MET),
        (0, 4, 1.0, Verdict.NOT_MET),
        (3, 3, 0.8, Verdict.ON_TRACK),
        (2, 3, 0.8, Verdict.BEHIND),
        (0, 0, 0.2, Verdict.ON_TRACK),
        (0, 1, 0.3, Verdict.BEHIND),
        (4, 4, 0.999, Verdict.MET),
    ],
)
def test_posts_each_quarter(with_posts: int, passed: int, share: float, expected: Verdict) -> None:
    facts = replace(MET_YEAR, quarters_with_posts=with_posts, quarters_passed=passed)
    assert verdicts(facts, share)["communication"] is expected


def test_no_posts_asked_is_always_met() -> None:
    criteria = replace(DEFAULT_CRITERIA, posts_per_quarter=0)
    facts = replace(MET_YEAR, quarters_with_posts=0, website_posts=0, social_media_posts=0)
    assert verdicts(facts, criteria=criteria)["communication"] is Verdict.MET


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 1, 1), 0),
        (date(2026, 3, 30), 0),
        (date(2026, 3, 31), 1),
        (date(2026, 4, 1), 1),
        (date(2026, 6, 29), 1),
        (date(2026, 6, 30), 2),
        (date(2026, 9, 30), 3),
        (date(2026, 12, 30), 3),
        (date(2026, 12, 31), 4),
        (date(2027, 1, 5), 4),
        (date(2030, 6, 1), 4),
        (date(2025, 12, 31), 0),
        (date(2020, 1, 1), 0),
    ],
)
def test_quarters_passed(day: date, expected: int) -> None:
    assert quarters_passed(2026, day) == expected


@given(st.dates(min_value=date(2024, 6, 1), max_value=date(2028, 6, 1)))
def test_quarters_passed_is_between_0_and_4_and_grows(day: date) -> None:
    passed = quarters_passed(2026, day)
    assert 0 <= passed <= 4
    assert quarters_passed(2026, day + timedelta(days=1)) >= passed


@pytest.mark.parametrize(
    ("day", "quarter"),
    [
        (date(2026, 1, 1), 1),
        (date(2026, 3, 31), 1),
        (date(2026, 4, 1), 2),
        (date(2026, 6, 30), 2),
        (date(2026, 7, 1), 3),
        (date(2026, 9, 30), 3),
        (date(2026, 10, 1), 4),
        (date(2026, 12, 31), 4),
    ],
)
def test_quarter_of(day: date, quarter: int) -> None:
    assert quarter_of(day) == quarter


# --- share_of and due_by ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("percent", "count", "expected"),
    [
        (80, 11, 9),
        (80, 10, 8),
        (80, 5, 4),
        (80, 1, 1),
        (80, 0, 0),
        (50, 8, 4),
        (50, 7, 4),
        (50, 1, 1),
        (0, 9, 0),
        (100, 9, 9),
        (33, 3, 1),
        (75, 4, 3),
        (1, 1, 1),
    ],
)
def test_share_of(percent: int, count: int, expected: int) -> None:
    assert share_of(percent, count) == expected


@given(st.integers(0, 100), st.integers(0, 2000))
def test_share_of_rounds_up_exactly(percent: int, count: int) -> None:
    assert share_of(percent, count) == -(-percent * count // 100)


@pytest.mark.parametrize(
    ("target", "share", "expected"),
    [
        (4, 0.92, 4),
        (4, 0.5, 2),
        (4, 0.3, 1),
        (2, 0.5, 1),
        (2, 0.2, 0),
        (1, 0.5, 1),  # a half rounds up
        (1, 0.49, 0),
        (3, 1.0, 3),
        (3, 1.5, 3),  # past the year's end: no more than the year asks
        (5, 0.0, 0),
        (0, 0.7, 0),
    ],
)
def test_due_by(target: int, share: float, expected: int) -> None:
    assert due_by(target, share) == expected


@given(st.integers(0, 1000), st.floats(0, 1), st.floats(0, 1))
def test_due_by_stays_within_the_target_and_grows(target: int, a: float, b: float) -> None:
    early, late = sorted((a, b))
    assert 0 <= due_by(target, early) <= due_by(target, late) <= target
    assert due_by(target, 1.0) == target


# --- Check and verdict_of ------------------------------------------------------------------------


def test_check_met_on_pace_half_and_over() -> None:
    check = Check(count=3, target=4, due=2)
    assert (check.met, check.on_pace, check.half, check.over) == (False, True, True, False)
    assert Check(4, 4, 4).met
    assert not Check(1, 4, 2).half
    assert Check(2, 4, 2).half
    assert Check(5, 2, 1, upper=4).over
    assert not Check(5, 2, 1, upper=4).met
    assert not Check(5, 2, 1, upper=4).on_pace
    assert not Check(4, 2, 1, upper=4).over
    assert Check(2, 2, 1, upper=4, upper_count=5).over
    assert not Check(5, 2, 1, upper=4, upper_count=3).over
    assert not Check(9, 2, 1).over


@pytest.mark.parametrize(
    ("checks", "running", "expected"),
    [
        ((Check(4, 4, 4),), False, Verdict.MET),
        ((Check(4, 4, 2),), True, Verdict.MET),
        ((Check(3, 4, 4),), False, Verdict.PARTLY),
        ((Check(1, 4, 4),), False, Verdict.NOT_MET),
        ((Check(2, 4, 2),), True, Verdict.ON_TRACK),
        ((Check(1, 4, 2),), True, Verdict.BEHIND),
        ((Check(5, 2, 2, upper=4),), False, Verdict.PARTLY),
        ((Check(5, 2, 2, upper=4),), True, Verdict.PARTLY),
        ((Check(4, 4, 4), Check(2, 4, 4)), False, Verdict.PARTLY),
        ((Check(4, 4, 4), Check(1, 4, 4)), False, Verdict.NOT_MET),
        ((Check(4, 4, 2), Check(2, 4, 2)), True, Verdict.ON_TRACK),
        ((Check(4, 4, 2), Check(1, 4, 2)), True, Verdict.BEHIND),
        ((Check(0, 4, 4), Check(5, 2, 2, upper=4)), False, Verdict.NOT_MET),
        ((Check(0, 4, 4), Check(5, 2, 2, upper=4)), True, Verdict.BEHIND),
        ((), False, Verdict.MET),
    ],
)
def test_verdict_of(checks: tuple[Check, ...], running: bool, expected: Verdict) -> None:
    assert verdict_of(checks, running) is expected


checks_st = st.builds(
    Check,
    count=st.integers(0, 10),
    target=st.integers(0, 10),
    due=st.integers(0, 10),
    upper=st.one_of(st.none(), st.integers(0, 10)),
)


@given(st.lists(checks_st, min_size=1, max_size=3), st.booleans())
def test_verdict_of_gives_a_verdict_of_its_kind(checks: list[Check], running: bool) -> None:
    verdict = verdict_of(tuple(checks), running)
    if running:
        assert verdict in RUNNING_RANK
    else:
        assert verdict in FINISHED_RANK
    assert (verdict is Verdict.MET) == all(c.met for c in checks)


# --- The criteria -------------------------------------------------------------------------------


def test_criteria_from_nothing_is_the_default() -> None:
    assert criteria_from({}) == DEFAULT_CRITERIA
    assert criteria_from(dict.fromkeys(CRITERIA_SETTINGS)) == DEFAULT_CRITERIA
    assert criteria_from(dict.fromkeys(CRITERIA_SETTINGS, "")) == DEFAULT_CRITERIA
    assert criteria_from({"name": "PSI", "founded": "2015"}) == DEFAULT_CRITERIA


def test_the_default_criteria_are_psis_proposal() -> None:
    proposal = Criteria(
        au_share=80,
        coordinator_attendance=50,
        stormoten_min=2,
        stormoten_max=4,
        dialogue_entries=4,
        activities_share=50,
        recruitment_contacts=3,
        msi_contacts=2,
        posts_per_quarter=1,
    )
    assert proposal == DEFAULT_CRITERIA


@pytest.mark.parametrize(
    ("settings_", "expected"),
    [
        ({"criterion-stormoten": "3-5"}, {"stormoten_min": 3, "stormoten_max": 5}),
        ({"criterion-stormoten": "3–5"}, {"stormoten_min": 3, "stormoten_max": 5}),
        ({"criterion-stormoten": " 2 - 2 "}, {"stormoten_min": 2, "stormoten_max": 2}),
        ({"criterion-au-meetings": "75 %"}, {"au_share": 75}),
        ({"criterion-au-meetings": "75%"}, {"au_share": 75}),
        ({"criterion-au-meetings": "75"}, {"au_share": 75}),
        ({"criterion-coordinator-attendance": "60 %"}, {"coordinator_attendance": 60}),
        ({"criterion-member-dialogue": "6"}, {"dialogue_entries": 6}),
        ({"criterion-activities": "100 %"}, {"activities_share": 100}),
        ({"criterion-activities": "0 %"}, {"activities_share": 0}),
        ({"criterion-recruitment": "5"}, {"recruitment_contacts": 5}),
        ({"criterion-msi": "4"}, {"msi_contacts": 4}),
        ({"criterion-posts-per-quarter": "2"}, {"posts_per_quarter": 2}),
        (
            {"criterion-au-meetings": "90 %", "criterion-msi": "3", "criterion-stormoten": "1-3"},
            {"au_share": 90, "msi_contacts": 3, "stormoten_min": 1, "stormoten_max": 3},
        ),
    ],
)
def test_criteria_from_settings(settings_: dict[str, str], expected: dict[str, int]) -> None:
    assert criteria_from(settings_) == replace(DEFAULT_CRITERIA, **expected)


@pytest.mark.parametrize(
    ("key", "text", "expected"),
    [
        ("criterion-stormoten", "3-5", (3, 5)),
        ("criterion-stormoten", "0-0", (0, 0)),
        ("criterion-stormoten", "4-4", (4, 4)),
        ("criterion-stormoten", "2–4", (2, 4)),
        ("criterion-au-meetings", "75 %", (75,)),
        ("criterion-au-meetings", "0 %", (0,)),
        ("criterion-au-meetings", "100 %", (100,)),
        ("criterion-au-meetings", " 80 ", (80,)),
        ("criterion-recruitment", "1000", (1000,)),
        ("criterion-posts-per-quarter", "0", (0,)),
    ],
)
def test_parse_criterion(key: str, text: str, expected: tuple[int, ...]) -> None:
    assert parse_criterion(key, text) == expected


@pytest.mark.parametrize(
    ("key", "text"),
    [
        ("criterion-stormoten", "abc"),
        ("criterion-stormoten", "5-3"),
        ("criterion-stormoten", "2-4-6"),
        ("criterion-stormoten", "3"),
        ("criterion-stormoten", "2-"),
        ("criterion-stormoten", "-4"),
        ("criterion-stormoten", "2 to 4"),
        ("criterion-stormoten", "2-1001"),
        ("criterion-au-meetings", "101 %"),
        ("criterion-au-meetings", "abc"),
        ("criterion-au-meetings", "80.5 %"),
        ("criterion-au-meetings", "-5 %"),
        ("criterion-au-meetings", "2-4"),
        ("criterion-au-meetings", ""),
        ("criterion-au-meetings", "%"),
        ("criterion-activities", "150"),
        ("criterion-coordinator-attendance", "1000 %"),
        ("criterion-recruitment", "1001"),
        ("criterion-recruitment", "three"),
        ("criterion-msi", "2 3"),
        ("criterion-posts-per-quarter", "1,5"),
    ],
)
def test_parse_criterion_rejects(key: str, text: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_criterion(key, text)
    assert key in caught.value.message


@pytest.mark.parametrize(
    ("key", "text"), [("criterion-recruitment", "²"), ("criterion-stormoten", "2-³")]
)
def test_parse_criterion_rejects_superscript_digits(key: str, text: str) -> None:
    with pytest.raises(InvalidInput):
        parse_criterion(key, text)


def test_a_bad_stored_criterion_is_refused() -> None:
    with pytest.raises(InvalidInput):
        criteria_from({"criterion-stormoten": "5-3"})


@pytest.mark.parametrize("key", list(CRITERIA_SETTINGS))
def test_criterion_text_reads_back(key: str) -> None:
    text = criterion_text(key)
    assert text.endswith(" %") == (key in PERCENT_SETTINGS)
    assert criteria_from({key: text}) == DEFAULT_CRITERIA


def test_criterion_text() -> None:
    assert criterion_text("criterion-au-meetings") == "80 %"
    assert criterion_text("criterion-stormoten") == "2-4"
    assert criterion_text("criterion-recruitment") == "3"
    changed = criteria_from({"criterion-stormoten": "3-5"})
    assert criterion_text("criterion-stormoten", changed) == "3-5"


def test_changed_criteria() -> None:
    assert changed_criteria(DEFAULT_CRITERIA) == []
    assert changed_criteria(criteria_from({"criterion-stormoten": "2-5"})) == [
        "criterion-stormoten"
    ]
    assert changed_criteria(criteria_from({"criterion-stormoten": "2-4"})) == []
    assert changed_criteria(criteria_from({"criterion-au-meetings": "80 %"})) == []
    both = criteria_from({"criterion-msi": "3", "criterion-au-meetings": "75 %"})
    assert changed_criteria(both) == ["criterion-au-meetings", "criterion-msi"]


@given(
    st.dictionaries(
        st.sampled_from(sorted(CRITERIA_SETTINGS)),
        st.integers(0, 100),
    )
)
def test_changed_criteria_lists_exactly_the_changed_keys(values: dict[str, int]) -> None:
    texts = {k: f"{v}-{v + 2}" if k == "criterion-stormoten" else str(v) for k, v in values.items()}
    criteria = criteria_from(texts)
    expected = [
        k
        for k in CRITERIA_SETTINGS
        if k in texts and parse_criterion(k, texts[k]) != parse_criterion(k, criterion_text(k))
    ]
    assert changed_criteria(criteria) == expected
