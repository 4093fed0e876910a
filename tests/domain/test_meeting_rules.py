"""The meeting record's rules: kinds, statuses, decisions, status changes and the yearly counts."""

from __future__ import annotations

import unicodedata
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from psi.domain.meeting import (
    DEFAULT_TITLES,
    Kind,
    MeetingFacts,
    MeetingStatus,
    YearCounts,
    attendance_change,
    check_adjusted_on,
    check_can_change,
    check_can_hold,
    check_can_reinstate,
    check_can_unadjust,
    check_has_record,
    check_held_day,
    check_not_twice,
    correction_parts,
    correction_reason,
    correction_text,
    date_warnings,
    decision_change,
    decision_sentence,
    field_change,
    notes_change,
    parse_kind,
    parse_meeting_status,
    quote,
    year_counts,
)
from psi.domain.minutes import Agenda, changed_passages, retie_decision
from psi.errors import Conflict, InvalidInput, RuleViolation

DECIDED = "Mötet beslutade att "

# --- parse_kind -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("AU", Kind.AU),
        ("au", Kind.AU),
        (" Au ", Kind.AU),
        ("stormöte", Kind.STORMOTE),
        ("Stormöte", Kind.STORMOTE),
        ("STORMÖTE", Kind.STORMOTE),
        ("Stormote", Kind.STORMOTE),
        ("stormote", Kind.STORMOTE),
        ("msi", Kind.MSI),
        ("MSI", Kind.MSI),
        ("other", Kind.OTHER),
        ("Other", Kind.OTHER),
    ],
)
def test_parse_kind(text: str, expected: Kind) -> None:
    assert parse_kind(text) is expected


def test_parse_kind_takes_a_decomposed_o_with_diaeresis() -> None:
    # "stormöte" as some keyboards and macOS file names give it: o + U+0308.
    decomposed = unicodedata.normalize("NFD", "stormöte")
    assert decomposed != "stormöte"
    assert parse_kind(decomposed) is Kind.STORMOTE


@pytest.mark.parametrize(
    "text", ["fika", "", "   ", "stor möte", "styrelse", "a u", "stormöten", "möte", "årsmöte"]
)
def test_parse_kind_refuses_other_words(text: str) -> None:
    with pytest.raises(InvalidInput, match="au, stormote, msi, other"):
        parse_kind(text)


@pytest.mark.parametrize("kind", list(Kind))
def test_every_kind_parses_from_its_value_and_has_titles(kind: Kind) -> None:
    assert parse_kind(kind.value) is kind
    assert parse_kind(kind.value.upper()) is kind
    assert DEFAULT_TITLES[kind]


# --- parse_meeting_status ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("planned", MeetingStatus.PLANNED),
        ("Planned", MeetingStatus.PLANNED),
        ("held", MeetingStatus.HELD),
        ("HELD", MeetingStatus.HELD),
        (" cancelled ", MeetingStatus.CANCELLED),
        ("Cancelled", MeetingStatus.CANCELLED),
    ],
)
def test_parse_meeting_status(text: str, expected: MeetingStatus) -> None:
    assert parse_meeting_status(text) is expected


@pytest.mark.parametrize("text", ["", "canceled", "done", "plan", "hålls", "ställt in"])
def test_parse_meeting_status_refuses_other_words(text: str) -> None:
    with pytest.raises(InvalidInput, match="planned, held, cancelled"):
        parse_meeting_status(text)


# --- decision_sentence ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("anta aktivitetslistan", "Mötet beslutade att anta aktivitetslistan."),
        ("anta aktivitetslistan.", "Mötet beslutade att anta aktivitetslistan."),
        ("anta aktivitetslistan...", "Mötet beslutade att anta aktivitetslistan."),
        ("att anta aktivitetslistan", "Mötet beslutade att anta aktivitetslistan."),
        ("Mötet beslutade att anta listan", "Mötet beslutade att anta listan."),
        ("Mötet beslutade att anta listan.", "Mötet beslutade att anta listan."),
        ("mötet beslutade att anta listan", "Mötet beslutade att anta listan."),
        ("MÖTET BESLUTADE ATT anta listan", "Mötet beslutade att anta listan."),
        ("mötet beslutade att att anta listan", "Mötet beslutade att anta listan."),
        ("Mötet  beslutade\tatt   anta listan", "Mötet beslutade att anta listan."),
        ("  anta   listan  ", "Mötet beslutade att anta listan."),
        ("anta\nlistan", "Mötet beslutade att anta listan."),
        ("attestera fakturan", "Mötet beslutade att attestera fakturan."),
        ("atta", "Mötet beslutade att atta."),
        (
            "ge AU i uppdrag att ta fram en plan",
            "Mötet beslutade att ge AU i uppdrag att ta fram en plan.",
        ),
        ("bevilja 200 000 kr", "Mötet beslutade att bevilja 200 000 kr."),
    ],
)
def test_decision_sentence(text: str, expected: str) -> None:
    assert decision_sentence(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Att anta listan", "Mötet beslutade att anta listan."),
        ("ATT anta listan", "Mötet beslutade att anta listan."),
        ("Mötet beslutade att Att anta listan", "Mötet beslutade att anta listan."),
    ],
)
def test_decision_sentence_strips_a_capitalised_att(text: str, expected: str) -> None:
    assert decision_sentence(text) == expected


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_decision_sentence_refuses_an_empty_decision(text: str) -> None:
    with pytest.raises(InvalidInput, match="anta aktivitetslistan"):
        decision_sentence(text)


@pytest.mark.parametrize(
    "text", ["Mötet beslutade att", "Mötet beslutade att.", "att", "att .", ".", "..."]
)
def test_decision_sentence_refuses_a_decision_with_nothing_decided(text: str) -> None:
    with pytest.raises(InvalidInput):
        decision_sentence(text)


# Texts that decide something: at least one letter outside "att", so that removing the formula
# and a leading "att" leaves a decision (texts that decide nothing are refused, tested below).
words = st.text(alphabet=st.sampled_from("aetåöAT ."), min_size=1, max_size=30).filter(
    lambda text: any(char in "eåö" for char in text)
)


@given(words)
def test_a_decision_starts_with_the_formula_and_ends_with_one_period(text: str) -> None:
    sentence = decision_sentence(text)
    assert sentence.startswith(DECIDED)
    assert sentence.endswith(".")
    assert not sentence.endswith("..")
    assert sentence.count(DECIDED) >= 1
    assert "  " not in sentence


@given(words)
def test_decision_sentence_is_idempotent(text: str) -> None:
    once = decision_sentence(text)
    assert decision_sentence(once) == once


@given(words)
def test_the_formula_is_never_doubled(text: str) -> None:
    sentence = decision_sentence(DECIDED + text)
    assert sentence == decision_sentence(text)


# --- check_can_change / check_can_hold --------------------------------------------------------


WHATS = ["moved", "edited", "cancelled", "recorded as held"]


@pytest.mark.parametrize("what", WHATS)
def test_a_planned_meeting_can_change(what: str) -> None:
    check_can_change(MeetingStatus.PLANNED, what)


@pytest.mark.parametrize("what", WHATS)
def test_a_held_meeting_cannot_change(what: str) -> None:
    with pytest.raises(RuleViolation, match="has been held") as caught:
        check_can_change(MeetingStatus.HELD, what)
    assert caught.value.message.endswith(f"cannot be {what}.")


@pytest.mark.parametrize("what", WHATS)
def test_a_cancelled_meeting_cannot_change(what: str) -> None:
    with pytest.raises(RuleViolation, match="is cancelled") as caught:
        check_can_change(MeetingStatus.CANCELLED, what)
    assert f"cannot be {what}" in caught.value.message
    assert "add a new one" in caught.value.message


@pytest.mark.parametrize(
    ("day", "today"),
    [
        (date(2026, 3, 10), date(2026, 3, 10)),
        (date(2026, 3, 10), date(2026, 3, 11)),
        (date(2025, 12, 31), date(2026, 1, 1)),
        (date(2020, 1, 1), date(2027, 6, 25)),
    ],
)
def test_a_meeting_can_be_held_on_or_after_its_day(day: date, today: date) -> None:
    check_can_hold(day, today)


@pytest.mark.parametrize(
    ("day", "today"),
    [
        (date(2026, 3, 11), date(2026, 3, 10)),
        (date(2027, 1, 1), date(2026, 12, 31)),
        (date(2030, 6, 1), date(2026, 1, 1)),
    ],
)
def test_a_meeting_cannot_be_held_before_its_day(day: date, today: date) -> None:
    with pytest.raises(RuleViolation, match="has not come yet") as caught:
        check_can_hold(day, today)
    assert str(day) in caught.value.message
    assert "psi meeting move" in caught.value.message


@given(st.dates(), st.integers(min_value=-400, max_value=400))
def test_check_can_hold_refuses_exactly_the_future(today: date, offset: int) -> None:
    try:
        day = today + timedelta(days=offset)
    except OverflowError:
        return
    if offset > 0:
        with pytest.raises(RuleViolation):
            check_can_hold(day, today)
    else:
        check_can_hold(day, today)


# --- year_counts ------------------------------------------------------------------------------


def _facts(kind: Kind, status: MeetingStatus, n: int = 1) -> list[MeetingFacts]:
    return [MeetingFacts(kind, status, date(2026, 3, 1) + timedelta(days=i)) for i in range(n)]


def test_year_counts_of_nothing() -> None:
    counts = year_counts([])
    assert counts == YearCounts(0, 0, 0, 0)
    assert counts.stormoten == 0
    assert not counts.stormoten_within_assignment


def test_year_counts_counts_held_and_planned() -> None:
    meetings = [
        *_facts(Kind.STORMOTE, MeetingStatus.HELD, 2),
        *_facts(Kind.STORMOTE, MeetingStatus.PLANNED, 1),
        *_facts(Kind.AU, MeetingStatus.HELD, 4),
        *_facts(Kind.AU, MeetingStatus.PLANNED, 5),
    ]
    counts = year_counts(meetings)
    assert counts.stormoten_held == 2
    assert counts.stormoten_planned == 1
    assert counts.stormoten == 3
    assert counts.au_held == 4
    # "AU meetings held 4 of 9 planned": the planned AU count includes the held ones.
    assert counts.au_planned == 9
    assert counts.stormoten_within_assignment


def test_cancelled_meetings_are_left_out() -> None:
    meetings = [
        *_facts(Kind.STORMOTE, MeetingStatus.CANCELLED, 3),
        *_facts(Kind.AU, MeetingStatus.CANCELLED, 3),
        *_facts(Kind.STORMOTE, MeetingStatus.HELD, 1),
    ]
    counts = year_counts(meetings)
    assert counts == YearCounts(stormoten_held=1, stormoten_planned=0, au_held=0, au_planned=0)
    assert counts.stormoten == 1
    assert not counts.stormoten_within_assignment


@pytest.mark.parametrize("kind", [Kind.MSI, Kind.OTHER])
def test_other_kinds_are_not_counted(kind: Kind) -> None:
    meetings = [*_facts(kind, MeetingStatus.HELD, 3), *_facts(kind, MeetingStatus.PLANNED, 2)]
    assert year_counts(meetings) == YearCounts(0, 0, 0, 0)


@pytest.mark.parametrize(
    ("stormoten", "within"), [(0, False), (1, False), (2, True), (3, True), (4, True), (5, False)]
)
def test_stormoten_within_assignment(stormoten: int, within: bool) -> None:
    meetings = _facts(Kind.STORMOTE, MeetingStatus.PLANNED, stormoten)
    assert year_counts(meetings).stormoten_within_assignment is within


@pytest.mark.parametrize("held", range(6))
@pytest.mark.parametrize("planned", range(6))
def test_stormoten_within_assignment_counts_held_and_planned(held: int, planned: int) -> None:
    meetings = [
        *_facts(Kind.STORMOTE, MeetingStatus.HELD, held),
        *_facts(Kind.STORMOTE, MeetingStatus.PLANNED, planned),
        *_facts(Kind.STORMOTE, MeetingStatus.CANCELLED, 2),
    ]
    counts = year_counts(meetings)
    assert counts.stormoten == held + planned
    assert counts.stormoten_within_assignment is (2 <= held + planned <= 4)


def test_a_co_organiser_does_not_change_the_counts() -> None:
    with_ru = MeetingFacts(
        Kind.STORMOTE, MeetingStatus.HELD, date(2026, 3, 1), "Regional utveckling"
    )
    without = MeetingFacts(Kind.STORMOTE, MeetingStatus.HELD, date(2026, 3, 1))
    assert year_counts([with_ru]) == year_counts([without])


facts = st.builds(
    MeetingFacts,
    st.sampled_from(list(Kind)),
    st.sampled_from(list(MeetingStatus)),
    st.dates(min_value=date(2026, 1, 1), max_value=date(2026, 12, 31)),
    st.none() | st.just("Regional utveckling"),
)


@given(st.lists(facts, max_size=40))
def test_year_counts_match_a_plain_count(meetings: list[MeetingFacts]) -> None:
    def count(kind: Kind, status: MeetingStatus) -> int:
        return sum(1 for m in meetings if m.kind is kind and m.status is status)

    counts = year_counts(meetings)
    assert counts.stormoten_held == count(Kind.STORMOTE, MeetingStatus.HELD)
    assert counts.stormoten_planned == count(Kind.STORMOTE, MeetingStatus.PLANNED)
    assert counts.au_held == count(Kind.AU, MeetingStatus.HELD)
    assert counts.au_planned == count(Kind.AU, MeetingStatus.PLANNED) + counts.au_held
    assert counts.au_held <= counts.au_planned
    assert counts.stormoten_within_assignment is (2 <= counts.stormoten <= 4)


@given(st.lists(facts, max_size=30), st.lists(facts, max_size=10))
def test_adding_cancelled_meetings_changes_nothing(
    meetings: list[MeetingFacts], extra: list[MeetingFacts]
) -> None:
    cancelled = [
        MeetingFacts(m.kind, MeetingStatus.CANCELLED, m.day, m.co_organiser) for m in extra
    ]
    assert year_counts(meetings + cancelled) == year_counts(meetings)


@given(st.lists(facts, max_size=30))
def test_year_counts_do_not_depend_on_order(meetings: list[MeetingFacts]) -> None:
    assert year_counts(meetings) == year_counts(list(reversed(meetings)))


# --- correcting a held meeting's record -------------------------------------------------------


def test_only_a_held_meeting_has_a_record_to_correct() -> None:
    check_has_record(MeetingStatus.HELD, 3, "attendance")
    with pytest.raises(RuleViolation, match=r"not recorded as held.*psi meeting held 3"):
        check_has_record(MeetingStatus.PLANNED, 3, "attendance")
    with pytest.raises(RuleViolation, match=r"cancelled.*psi meeting reinstate 3"):
        check_has_record(MeetingStatus.CANCELLED, 3, "decisions")


def test_a_reason_is_needed_only_after_justering() -> None:
    assert correction_reason(3, None, None) is None
    assert correction_reason(3, None, "Fel namn") is None  # nothing to record it as
    assert correction_reason(3, date(2025, 3, 18), " Fel  namn ") == "Fel namn"
    for missing in (None, "", "  "):
        with pytest.raises(RuleViolation, match=r"justerat on 2025-03-18.*--reason"):
            correction_reason(3, date(2025, 3, 18), missing)
    with pytest.raises(InvalidInput):
        correction_reason(3, date(2025, 3, 18), "x" * 501)


def test_a_held_meetings_day_is_not_after_today() -> None:
    today = date(2025, 3, 20)
    check_held_day(3, today, today)
    check_held_day(3, date(2024, 1, 1), today)
    with pytest.raises(RuleViolation, match=r"cannot be after today \(2025-03-20\)"):
        check_held_day(3, date(2025, 3, 21), today)


def test_the_justering_date() -> None:
    day, today = date(2025, 3, 11), date(2025, 3, 20)
    check_adjusted_on(3, MeetingStatus.HELD, day, day, today)
    check_adjusted_on(3, MeetingStatus.HELD, day, today, today)
    with pytest.raises(RuleViolation, match=r"before the meeting \(2025-03-11\)"):
        check_adjusted_on(3, MeetingStatus.HELD, day, date(2025, 3, 10), today)
    with pytest.raises(RuleViolation, match="has not come yet"):
        check_adjusted_on(3, MeetingStatus.HELD, day, date(2025, 3, 21), today)
    for status in (MeetingStatus.PLANNED, MeetingStatus.CANCELLED):
        with pytest.raises(RuleViolation, match="no protokoll to justera"):
            check_adjusted_on(3, status, day, today, today)


def test_a_justering_is_cleared_only_without_corrections() -> None:
    check_can_unadjust(3, date(2025, 3, 18), 0)
    with pytest.raises(RuleViolation, match="not justerat"):
        check_can_unadjust(3, None, 0)
    with pytest.raises(RuleViolation, match="2 correction"):
        check_can_unadjust(3, date(2025, 3, 18), 2)


def test_what_counts_as_a_change() -> None:
    assert field_change("place", "Kumla", "Kumla") is None
    assert field_change("place", None, "") is None  # no place either way
    assert field_change("place", "Kumla", "Örebro") == "place: 'Kumla' → 'Örebro'"
    assert field_change("place", None, "Örebro") == "place: – → 'Örebro'"
    assert field_change("place", "Kumla", None) == "place: 'Kumla' → –"
    assert field_change("time", "13:00-15:00", None, quoted=False) == "time: 13:00-15:00 → –"
    assert decision_change(2, "Mötet beslutade att X.", "Mötet beslutade att X.") is None
    assert (
        decision_change(2, "Mötet beslutade att X.", "Mötet beslutade att Y.")
        == "decision 2: 'Mötet beslutade att X.' → 'Mötet beslutade att Y.'"
    )
    assert decision_change(4, None, "Mötet beslutade att Z.") == (
        "decision 4: – → 'Mötet beslutade att Z.'"
    )


def test_a_long_text_is_quoted_on_one_line_and_cut() -> None:
    assert quote("två\nrader") == "'två rader'"
    long = quote("ord " * 400)
    assert len(long) <= 602 and long.endswith("…'")
    stored = correction_text("x" * 3000)
    assert len(stored) == 2000 and stored.endswith("…")


def test_attendance_change_in_words() -> None:
    before = {"Örebro Föreningsråd": None, "Exempelföreningen Norr": "Ida"}
    after = {"Stiftelsen Activa": "Anna Andersson", "Exempelföreningen Norr": None}
    assert attendance_change(before, after) == (
        "attendance: + Stiftelsen Activa (Anna Andersson); − Örebro Föreningsråd; "
        "Exempelföreningen Norr: Ida → –"
    )
    assert attendance_change(before, dict(before)) is None
    assert attendance_change({}, {"Ängen": None, "Åsen": None, "Berga": None}) == (
        "attendance: + Berga; + Åsen; + Ängen"  # in Swedish order
    )


def test_notes_change_names_the_passages() -> None:
    assert notes_change(["§ 6", "Övriga frågor"], before=True, after=True) == (
        "notes: § 6, Övriga frågor"
    )
    assert notes_change([], before=True, after=True) is None
    assert notes_change(["§ 5"], before=False, after=True) == "notes: added"
    assert notes_change(["§ 5"], before=True, after=False) == "notes: removed"
    assert notes_change([], before=False, after=False) is None


def test_changed_passages() -> None:
    agenda = Agenda.of(Kind.AU, ["Aktivitetslistan", "Budget"])
    old = "§ 5\nListan antogs.\n§ 6\nBudgeten.\n§ Övriga frågor\nInget."
    assert changed_passages(old, old.replace("Budgeten.", "Budgeten.  \n"), agenda) == []
    assert changed_passages(old, old.replace("Budgeten.", "Budgeten ändrades."), agenda) == ["§ 6"]
    assert changed_passages(old, "§ 5\nListan antogs.", agenda) == ["§ 6", "Övriga frågor"]


def test_a_corrected_decision_keeps_its_item_unless_it_names_another() -> None:
    agenda = Agenda.of(Kind.AU, ["Aktivitetslistan", "Budget"])
    assert retie_decision("anta budgeten", agenda, 2) == (2, "anta budgeten")
    assert retie_decision("5: anta listan", agenda, 2) == (1, "anta listan")
    assert retie_decision("Övriga frågor: tacka", agenda, 2) == (None, "tacka")
    with pytest.raises(InvalidInput, match="names § 9"):
        retie_decision("9: anta", agenda, 1)


@pytest.mark.parametrize(
    "change",
    [
        "decision 2: 'A' → 'B'",
        "attendance: + Stiftelsen Activa",
        "notes: § 6",
        "time: 13:00-15:00 → 14:00-16:00",
        "co-organiser: – → 'MSI'",
    ],
)
def test_a_correction_splits_into_subject_and_detail(change: str) -> None:
    parts = correction_parts(change)
    assert parts.subject is not None
    number = f" {parts.number}" if parts.number else ""
    assert f"{parts.subject}{number}: {parts.detail}" == change


def test_a_correction_of_another_shape_stays_whole() -> None:
    parts = correction_parts("something else: x")
    assert (parts.subject, parts.number, parts.detail) == (None, None, "something else: x")


# --- nothing twice, dates that make no sense, reinstating -------------------------------------


def test_a_second_meeting_of_the_kind_that_day_is_refused() -> None:
    check_not_twice(Kind.AU, date(2027, 3, 9), [])
    with pytest.raises(Conflict) as caught:
        check_not_twice(Kind.AU, date(2027, 3, 9), [(12, "AU-möte")])
    message = caught.value.message
    assert "an AU meeting on 2027-03-09: meeting 12 (AU-möte)" in message
    assert "psi meeting edit 12" in message and "--also" in message


@pytest.mark.parametrize(
    ("kind", "before", "after", "said"),
    [
        (Kind.AU, date(2027, 3, 9), date(2027, 3, 16), []),
        (Kind.AU, date(2027, 3, 9), date(2025, 3, 11), ["is in 2025, not 2027"]),
        (Kind.STORMOTE, date(2027, 5, 11), date(2027, 7, 6), ["summer break"]),
        (Kind.AU, date(2027, 5, 11), date(2027, 7, 6), []),  # the AU may meet in summer
        (Kind.STORMOTE, date(2027, 12, 7), date(2027, 12, 21), ["Christmas break"]),
        (Kind.STORMOTE, date(2027, 1, 12), date(2027, 1, 5), ["Christmas break"]),
        (Kind.AU, date(2027, 12, 14), date(2027, 12, 24), ["not a working day (Julafton)"]),
        (Kind.AU, date(2027, 3, 9), date(2027, 3, 13), ["not a working day (lördag)"]),
        (
            Kind.STORMOTE,
            date(2027, 11, 9),
            date(2028, 6, 24),
            ["is in 2028, not 2027", "summer break", "not a working day"],
        ),
    ],
)
def test_date_warnings_name_their_rule(
    kind: Kind, before: date, after: date, said: list[str]
) -> None:
    warnings = date_warnings(kind, before, after)
    assert len(warnings) == len(said), warnings
    for warning, words in zip(warnings, said, strict=True):
        assert words in warning


def test_only_a_cancelled_meeting_is_reinstated() -> None:
    check_can_reinstate(MeetingStatus.CANCELLED, 4)
    with pytest.raises(RuleViolation, match="not cancelled; nothing to reinstate"):
        check_can_reinstate(MeetingStatus.PLANNED, 4)
    with pytest.raises(RuleViolation, match="was held, not cancelled"):
        check_can_reinstate(MeetingStatus.HELD, 4)
