"""Which agenda item a decision or a passage of the notes belongs to (psi/domain/minutes.py)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from psi.domain.meeting import Kind
from psi.domain.minutes import Agenda, first_item_number, split_notes, tie_decision
from psi.errors import InvalidInput

AU = Agenda.of(Kind.AU, ["Aktivitetslistan 2027", "Budget 2027", "Budgetuppföljning", "Lokaler"])
MSI = Agenda.of(Kind.MSI, ["Nätverket", "Finansiering"])


def test_numbers_follow_the_kallelse() -> None:
    assert (AU.first, AU.number(1), AU.number(4)) == (5, 5, 8)
    assert (MSI.first, MSI.number(2)) == (2, 3)
    assert Agenda.of(Kind.STORMOTE, ["x"]).first == 5
    assert Agenda.of(Kind.OTHER, ["x"]).first == 2
    assert first_item_number(True) == 5 and first_item_number(False) == 2
    assert AU.numbers() == "§ 5–8"
    assert Agenda.of(Kind.AU, ["x"]).numbers() == "§ 5"
    assert Agenda.of(Kind.AU, []).numbers() == "no items"
    assert AU.listing().startswith("§ 5 Aktivitetslistan 2027, § 6 Budget 2027, ")


@pytest.mark.parametrize(
    ("typed", "item", "text"),
    [
        ("5: anta listan", 1, "anta listan"),
        ("5 : anta listan", 1, "anta listan"),
        ("§ 6 godkänna budgeten", 2, "godkänna budgeten"),
        ("§6: godkänna budgeten", 2, "godkänna budgeten"),
        ("§ 8. hyra lokal", 4, "hyra lokal"),
        ("Aktivitetslistan 2027: anta listan", 1, "anta listan"),
        ("aktivitets: anta listan", 1, "anta listan"),
        ("Budget 2027: anta budgeten", 2, "anta budgeten"),  # whole title, though another begins so
        ("budgetupp: följa upp", 3, "följa upp"),
        ("LOKALER: hyra", 4, "hyra"),
        ("Övriga frågor: tacka Activa", None, "tacka Activa"),
        ("övriga frågor : tacka", None, "tacka"),
        ("Lokaler: ändra: posten", 4, "ändra: posten"),
    ],
)
def test_a_decision_names_its_item(typed: str, item: int | None, text: str) -> None:
    assert tie_decision(typed, AU) == (item, text)


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("anta listan", "names no item of the agenda (§ 5 Aktivitetslistan 2027, "),
        ("anta budgeten: 50 000 kr", "names no item"),  # no item begins "anta budgeten"
        ("4: anta listan", "names § 4, which is not an item of this meeting's agenda (§ 5–8)"),
        ("9: anta listan", "names § 9"),
        ("§ 1 anta", "names § 1"),
        (
            "Budget: anta",
            "'Budget' begins more than one agenda item (§ 6 Budget 2027, "
            "§ 7 Budgetuppföljning); give the item's number instead.",
        ),
        ("Bu: anta", "names no item"),  # too short to be a title's beginning
    ],
)
def test_a_decision_that_names_no_item_is_refused(typed: str, said: str) -> None:
    with pytest.raises(InvalidInput, match=None) as raised:
        tie_decision(typed, AU)
    assert said in str(raised.value)
    assert "\n" not in str(raised.value)


def test_without_agenda_items_every_decision_is_other_business() -> None:
    empty = Agenda.of(Kind.AU, [])
    assert tie_decision("anta listan", empty) == (None, "anta listan")
    assert tie_decision("anta budgeten: 50 000 kr", empty) == (None, "anta budgeten: 50 000 kr")
    assert tie_decision("Övriga frågor: tacka", empty) == (None, "tacka")
    with pytest.raises(InvalidInput, match="names § 5"):
        tie_decision("5: anta", empty)


def test_the_notes_are_split_by_their_markers() -> None:
    notes = "\n".join(
        [
            "Inledning före första punkten.",
            "§ 5",
            "Listan gicks igenom.",
            "- Temadag",
            "",
            "## Budget 2027",
            "Budgeten diskuterades.",
            "§ 7 Mötet tittade på utfallet.",
            "Lokaler",
            "Kumla föreslogs.",
            "§ Övriga frågor",
            "Inget mer.",
            "§ 5 Aktivitets",
            "Ett tillägg.",
        ]
    )
    passages = split_notes(notes, AU, strict=True)
    assert passages.by_item == {
        1: "Listan gicks igenom.\n- Temadag\n\nEtt tillägg.",
        2: "Budgeten diskuterades.",
        3: "Mötet tittade på utfallet.",
        4: "Kumla föreslogs.",
    }
    assert passages.other == "Inledning före första punkten.\n\nInget mer."


@pytest.mark.parametrize(
    "line",
    [
        "# Övriga frågor",
        "Övriga frågor",
        "Övriga frågor:",
        "§ Övriga frågor",
        "## Any other business",
    ],
)
def test_other_business_is_named_many_ways(line: str) -> None:
    passages = split_notes(f"§ 5\nLista.\n{line}\nResten.", AU, strict=True)
    assert passages.by_item == {1: "Lista."} and passages.other == "Resten."


@pytest.mark.parametrize(
    "line",
    [
        "# Något annat",  # a heading of the writer's own
        "Budget",  # a line that is no item's whole title
        "Mötet beslutade att anta listan.",
        "1. Budgeten diskuterades.",
        "Enligt § 5 i stadgarna",
    ],
)
def test_other_lines_stay_text(line: str) -> None:
    passages = split_notes(f"§ 6\n{line}", AU, strict=True)
    assert passages.by_item == {2: line}


@pytest.mark.parametrize(
    ("notes", "said"),
    [
        ("§ 9\nText.", "The notes' line '§ 9' names § 9, which is not an item"),
        ("§ 2 Val av ordförande\nText.", "The notes' line '§ 2 Val av ordförande' names § 2"),
        (
            "§ Stadgarna\nText.",
            "The notes' line '§ Stadgarna' names no item of this meeting's "
            "agenda (§ 5–8); use an item's number or title, or § Övriga frågor.",
        ),
        ("## Budget\nText.", "The notes' line '## Budget' begins more than one agenda item"),
    ],
)
def test_a_marker_that_names_no_item_is_refused_when_recorded(notes: str, said: str) -> None:
    with pytest.raises(InvalidInput) as raised:
        split_notes(notes, AU, strict=True)
    assert said in str(raised.value)
    # Read back later (notes recorded before items were tied), the line is kept as text.
    passages = split_notes(notes, AU)
    assert notes.splitlines()[0] in passages.other and "Text." in passages.other


def test_notes_of_a_meeting_without_items_are_all_text() -> None:
    notes = "§ 3 i stadgarna ändrades.\n## Budget\nÖvriga frågor\nText."
    passages = split_notes(notes, Agenda.of(Kind.AU, []), strict=True)
    assert passages.by_item == {} and passages.other == notes
    assert split_notes(None, AU).by_item == {} and split_notes("", AU).other == ""


_WORDS = st.text(alphabet="abcåäö 123.-:#§\n", max_size=200)


@given(_WORDS)
def test_no_words_are_lost(notes: str) -> None:
    """Every line that is not a marker is in exactly one passage, in its order."""
    passages = split_notes(notes, AU)
    kept = "\n".join([*passages.by_item.values(), passages.other])
    for line in notes.splitlines():
        if line.strip() and not (
            line.strip().startswith(("§", "#")) or line.strip().casefold() == "lokaler"
        ):
            assert line.strip() in kept
