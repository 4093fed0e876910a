"""History rules: when a decision was made, the rotation decided before its year, the window
of the AU's assessment, and what the AU found."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from psi.domain.dates import FIRST_YEAR, LAST_YEAR
from psi.domain.history import (
    Decided,
    Finding,
    HistoryKind,
    assessment_finding,
    assessment_window,
    check_assessment_day,
    check_rotation_decided,
    parse_decided,
    parse_history_kind,
)
from psi.domain.organisation import NOTE_MAX
from psi.errors import InvalidInput, RuleViolation

TODAY = date(2026, 12, 1)
WRITE_IT_LIKE = "write it like 2024 or 2024-06-11."

years = st.integers(min_value=FIRST_YEAR, max_value=LAST_YEAR)
days = st.dates(min_value=date(FIRST_YEAR, 1, 1), max_value=date(LAST_YEAR, 12, 31))


@st.composite
def decisions(draw: st.DrawFn) -> Decided:
    """A decision known by its day or only by its year."""
    day = draw(days)
    return Decided(day.year, day) if draw(st.booleans()) else Decided(day.year)


# --- HistoryKind -------------------------------------------------------------------------------


def test_the_kinds_are_those_the_table_allows() -> None:
    assert [kind.value for kind in HistoryKind] == ["rotation", "assessment"]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("rotation", HistoryKind.ROTATION),
        ("Rotation", HistoryKind.ROTATION),
        ("assessment", HistoryKind.ASSESSMENT),
        ("ASSESSMENT", HistoryKind.ASSESSMENT),
        ("bedömning", HistoryKind.ASSESSMENT),
        ("Bedomning", HistoryKind.ASSESSMENT),
    ],
)
def test_parse_history_kind(text: str, kind: HistoryKind) -> None:
    assert parse_history_kind(text) is kind


def test_parse_history_kind_refuses_other_words() -> None:
    with pytest.raises(InvalidInput, match="rotation, assessment"):
        parse_history_kind("beslut")


# --- Decided and parse_decided -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024", Decided(2024)),
        (" 2024 ", Decided(2024)),
        ("2024\n", Decided(2024)),
        ("2000", Decided(2000)),
        ("2100", Decided(2100)),
        ("2024-06-11", Decided(2024, date(2024, 6, 11))),
        (" 2024-06-11 ", Decided(2024, date(2024, 6, 11))),
        ("2024-02-29", Decided(2024, date(2024, 2, 29))),
        ("2024-01-01", Decided(2024, date(2024, 1, 1))),
        ("2024-12-31", Decided(2024, date(2024, 12, 31))),
    ],
)
def test_parse_decided(text: str, expected: Decided) -> None:
    assert parse_decided(text) == expected


def test_parse_decided_takes_today_like_every_date() -> None:
    before = date.today()
    decided = parse_decided("idag")
    assert decided.day is not None
    assert before <= decided.day <= date.today()
    assert decided.year == decided.day.year


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "24",
        "202",
        "20244",
        "2024-6-11",
        "2024-06",
        "2024-13-01",
        "2023-02-29",
        "2024/06/11",
        "11/6/2024",
        "20240611",
        "2024 06 11",
        "år 2024",
        "2024-06-11T10:00",
        "hösten 2024",
        "−2024",
        "２０２４",
        "2024.0",
        "tjugotjugofyra",
    ],
)
def test_parse_decided_refuses_with_one_message(text: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_decided(text)
    message = caught.value.message
    assert message.endswith(WRITE_IT_LIKE)
    assert "\n" not in message
    assert f"'{text}'" in message


@pytest.mark.parametrize("text", ["1999", "2101", "0001", "9999", "1999-12-31", "2101-01-01"])
def test_parse_decided_refuses_years_psi_does_not_work_with(text: str) -> None:
    with pytest.raises(InvalidInput, match="is not a year psi works with"):
        parse_decided(text)


@given(decisions())
def test_a_decision_written_out_reads_back_the_same(decided: Decided) -> None:
    assert parse_decided(decided.text) == decided


@given(decisions())
def test_a_decision_lies_between_its_earliest_and_latest_day_within_its_year(
    decided: Decided,
) -> None:
    assert decided.earliest <= decided.latest
    assert decided.earliest.year == decided.latest.year == decided.year
    if decided.day is not None:
        assert decided.earliest == decided.latest == decided.day


def test_decided_text_and_bounds() -> None:
    assert Decided(2024).text == "2024"
    assert Decided(2024, date(2024, 6, 11)).text == "2024-06-11"
    assert (Decided(2024).earliest, Decided(2024).latest) == (date(2024, 1, 1), date(2024, 12, 31))


def test_a_day_outside_the_decisions_year_is_a_bug() -> None:
    with pytest.raises(ValueError):
        Decided(2025, date(2024, 6, 11))


# --- check_rotation_decided --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("year", "decided"),
    [
        (2025, Decided(2024)),  # the real one: during 2024, from 2025
        (2025, Decided(2024, date(2024, 6, 11))),
        (2025, Decided(2025)),
        (2025, Decided(2025, date(2025, 1, 1))),
        (2025, Decided(2025, date(2025, 12, 31))),
        (2030, Decided(2020)),
        (2027, Decided(2026)),  # this year, known only by its year
        (2027, Decided(2026, TODAY)),  # today
        (2026, Decided(2026, TODAY)),
    ],
)
def test_a_rotation_decided_by_its_year_and_by_today_is_accepted(
    year: int, decided: Decided
) -> None:
    check_rotation_decided(year, decided, TODAY)


@pytest.mark.parametrize(
    ("year", "decided"),
    [
        (2024, Decided(2025)),
        (2024, Decided(2025, date(2025, 1, 1))),
        (2025, Decided(2026, date(2026, 3, 1))),
        (2000, Decided(2100)),
    ],
)
def test_a_rotation_decided_after_its_year_is_refused(year: int, decided: Decided) -> None:
    with pytest.raises(RuleViolation) as caught:
        check_rotation_decided(year, decided, TODAY)
    assert f"A rotation from {year} on cannot have been decided in {decided.year}" in (
        caught.value.message
    )
    assert f"made in {year} or before" in caught.value.message


@pytest.mark.parametrize(
    ("decided", "words"),
    [
        (Decided(2026, TODAY + timedelta(days=1)), "2026-12-02 is in the future"),
        (Decided(2026, date(2026, 12, 31)), "2026-12-31 is in the future"),
        (Decided(2027), "The year 2027 has not begun"),
        (Decided(2027, date(2027, 1, 1)), "2027-01-01 is in the future"),
    ],
)
def test_a_rotation_decided_in_the_future_is_refused(decided: Decided, words: str) -> None:
    with pytest.raises(RuleViolation, match=words):
        check_rotation_decided(2030, decided, TODAY)


@given(years, decisions(), days)
def test_the_rotation_rule_is_decided_by_its_year_and_not_after_today(
    year: int, decided: Decided, today: date
) -> None:
    allowed = decided.year <= year and decided.earliest <= today
    try:
        check_rotation_decided(year, decided, today)
    except RuleViolation as refused:
        assert not allowed
        assert "\n" not in refused.message
    else:
        assert allowed


@given(years, days)
def test_a_decision_known_only_by_its_year_is_accepted_whenever_a_day_in_it_is(
    year: int, day: date
) -> None:
    """A bare year is refused only where every day of that year would be."""
    assume(day.year <= year)
    today = max(day, TODAY)
    check_rotation_decided(year, Decided(day.year, day), today)
    check_rotation_decided(year, Decided(day.year), today)


# --- the AU's assessment -----------------------------------------------------------------------


def test_the_window_opens_when_the_year_before_begins() -> None:
    assert assessment_window(2025) == date(2024, 1, 1)
    assert assessment_window(2000) == date(1999, 1, 1)


@pytest.mark.parametrize(
    ("year", "day"),
    [
        (2025, date(2025, 8, 20)),  # the AU's own assessment
        (2025, date(2024, 1, 1)),  # the first day of the window
        (2025, date(2024, 11, 20)),
        (2025, date(2025, 12, 31)),
        (2025, TODAY),
        (2024, date(2026, 3, 1)),  # a year long past, assessed afterwards
        (2027, TODAY),  # next year, assessed during this one
        (2027, date(2026, 1, 1)),
    ],
)
def test_an_assessment_in_its_window_is_accepted(year: int, day: date) -> None:
    check_assessment_day(year, day, TODAY)


@pytest.mark.parametrize(
    ("year", "day", "words"),
    [
        (2025, date(2023, 12, 31), "made on 2024-01-01 or later"),
        (2025, date(2020, 6, 1), "An assessment of 2025 cannot have been made on 2020-06-01"),
        (2027, date(2025, 12, 31), "made on 2026-01-01 or later"),
        (2026, TODAY + timedelta(days=1), "2026-12-02 is in the future"),
        (2028, date(2027, 1, 1), "2027-01-01 is in the future"),
        (2027, date(2099, 1, 1), "is in the future"),
    ],
)
def test_an_assessment_outside_its_window_is_refused(year: int, day: date, words: str) -> None:
    with pytest.raises(RuleViolation, match=words):
        check_assessment_day(year, day, TODAY)


@given(years, days, days)
def test_the_assessment_window_is_the_year_before_up_to_today(
    year: int, day: date, today: date
) -> None:
    allowed = date(year - 1, 1, 1) <= day <= today
    try:
        check_assessment_day(year, day, today)
    except RuleViolation as refused:
        assert not allowed
        assert "\n" not in refused.message
    else:
        assert allowed


# --- what the AU found -------------------------------------------------------------------------


def test_works_well() -> None:
    assert assessment_finding(True, None) == Finding(works_well=True, note=None)


@pytest.mark.parametrize(
    ("text", "note"),
    [
        ("Fler stormöten", "Fler stormöten"),
        ("  Fler stormöten  ", "Fler stormöten"),
        ("Rad ett\nRad två", "Rad ett\nRad två"),
        ("x" * NOTE_MAX, "x" * NOTE_MAX),
    ],
)
def test_needs_change_keeps_what_should_change(text: str, note: str) -> None:
    assert assessment_finding(False, text) == Finding(works_well=False, note=note)


def test_both_are_refused() -> None:
    with pytest.raises(InvalidInput, match="either --works-well or --needs-change TEXT, not both"):
        assessment_finding(True, "Fler stormöten")


def test_both_are_refused_even_with_an_empty_text() -> None:
    with pytest.raises(InvalidInput, match="not both"):
        assessment_finding(True, "")


def test_neither_is_refused() -> None:
    with pytest.raises(InvalidInput, match="add --works-well, or --needs-change TEXT"):
        assessment_finding(False, None)


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_an_empty_change_is_refused(text: str) -> None:
    with pytest.raises(InvalidInput, match="--needs-change is empty"):
        assessment_finding(False, text)


@pytest.mark.parametrize(
    ("text", "words"),
    [("x" * (NOTE_MAX + 1), "at most 2000"), ("Fler\x00stormöten", "control character")],
)
def test_a_change_the_note_cannot_hold_is_refused(text: str, words: str) -> None:
    with pytest.raises(InvalidInput, match=words):
        assessment_finding(False, text)


TEXTS = st.text(st.characters(blacklist_categories=("Cc", "Cs")) | st.sampled_from("\t\n "))


@given(st.booleans(), st.none() | TEXTS)
def test_exactly_one_finding_is_accepted(works_well: bool, needs_change: str | None) -> None:
    """Exactly one of --works-well and a --needs-change with some text is accepted."""
    wrote_a_change = needs_change is not None and bool(needs_change.strip())
    allowed = works_well != (needs_change is not None) and (works_well or wrote_a_change)
    try:
        finding = assessment_finding(works_well, needs_change)
    except InvalidInput as refused:
        assert not allowed
        assert "\n" not in refused.message
    else:
        assert allowed
        assert finding.works_well is works_well
        assert finding.note == (None if works_well else (needs_change or "").strip())
