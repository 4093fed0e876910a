"""The erasure rules: who the person is, where a text mentions them, and scrubbing them out."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from psi.domain.erasure import (
    MARKER,
    Candidate,
    Person,
    choose,
    find,
    fit,
    fold_for_match,
    folded_with_positions,
    mentions,
    merge,
    name_key,
    person,
    phone_key,
    scrub,
    typed_person,
)
from psi.errors import Conflict

GRETA = person(["Greta Hemligsson"], ["greta@example.se"], ["019-12 34 56"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ge Greta Hemligsson i uppdrag", "ge [erased] i uppdrag"),
        ("ge Greta  Hemligsson i uppdrag", "ge [erased] i uppdrag"),
        ("GRETA\themligsson\nberättade", "[erased]\nberättade"),
        ("Greta\nHemligsson", "[erased]"),
        ("Grëta Hemligsson", "[erased]"),
        ("Gre\u0301ta Hemligsson", "[erased]"),  # an accent as a combining mark
        ("Greta\u200b Hemligsson", "[erased]"),  # a zero-width space
        ("Greta\u00a0Hemligsson", "[erased]"),  # a no-break space
        ("Greta Hemligssons förslag", "[erased]s förslag"),  # the genitive
        ("Greta Hemligssonska gården", "Greta Hemligssonska gården"),  # another word
        ("Margreta Hemligsson", "Margreta Hemligsson"),  # another name
        ("Greta Hemligsson, Greta Hemligsson!", "[erased], [erased]!"),
        ("mejla GRETA@example.SE.", "mejla [erased]."),
        ("mejla xgreta@example.se", "mejla xgreta@example.se"),
        ("ring 019-12 34 56", "ring [erased]"),
        ("ring 019123456 nu", "ring [erased] nu"),
        ("ring 019 - 12.34.56", "ring [erased]"),
        ("ring +46 19 12 34 56", "ring [erased]"),
        ("ring +46 (0)19-12 34 56", "ring [erased]"),
        ("ring 0046 19 12 34 56", "ring [erased]"),
        ("ring 0191234567", "ring 0191234567"),  # a longer number
        ("kostade 19 123 456 kr", "kostade 19 123 456 kr"),  # digits before it
        ("Greta, 019-12 34 56, greta@example.se", "Greta, [erased], [erased]"),
        ("[erased] och [erased]", "[erased] och [erased]"),
        ("", ""),
    ],
)
def test_scrub(text: str, expected: str) -> None:
    assert scrub(text, GRETA)[0] == expected


def test_scrub_counts_the_mentions() -> None:
    text = "Greta Hemligsson (greta@example.se, 019-12 34 56) och greta  hemligsson"
    assert scrub(text, GRETA) == ("[erased] ([erased], [erased]) och [erased]", 4)


def test_a_short_name_is_not_erased_inside_other_words() -> None:
    bo = person(["Bo Ek"])
    assert scrub("Bo Ek bokar lokal i Bo Ekström; Bo Eks förslag", bo) == (
        "[erased] bokar lokal i Bo Ekström; [erased]s förslag",
        2,
    )


def test_a_name_that_is_part_of_the_marker_still_ends() -> None:
    who = person(["Erased"])
    assert scrub("Erased och [erased]", who) == ("[erased] och [erased]", 1)


@pytest.mark.parametrize(
    ("phone", "key"),
    [
        ("019-12 34 56", "19123456"),
        ("+46 19 12 34 56", "19123456"),
        ("0046 19 12 34 56", "19123456"),
        ("+47 22 12 34 56", "+4722123456"),
        ("070-111 22 33", "701112233"),
    ],
)
def test_phone_key(phone: str, key: str) -> None:
    assert phone_key(phone) == key


def test_name_key_ignores_case_accents_and_spacing() -> None:
    assert name_key("  Åsa  ÖBERG ") == name_key("asa oberg") == "asa oberg"


def test_person_drops_empty_and_repeated_values() -> None:
    who = person(["Greta Hemligsson", "greta  hemligsson", None, " "], ["G@x.se", "g@x.se"])
    assert who.names == ("Greta Hemligsson",)
    assert who.emails == ("G@x.se",)
    assert merge(who, typed_person("ny@x.se")).emails == ("G@x.se", "ny@x.se")
    assert typed_person("Greta").names == ("Greta",)


def test_not_in_leaves_out_what_a_namesake_also_has() -> None:
    kept = ["Greta Hemligsson-Berg", "annan@example.se", None]
    assert GRETA.not_in(kept) == person([], ["greta@example.se"], ["019-12 34 56"])
    assert GRETA.not_in(["+46 19 12 34 56"]).phones == ()
    assert GRETA.not_in([]) == GRETA


def test_fit_keeps_a_scrubbed_text_inside_its_column() -> None:
    assert fit("[erased] x", 40) == "[erased] x"
    assert fit("[erased] och mer", 10) == "[erased] …"
    assert fit("[erased]", 5) == "[eras"
    assert fit("lång", None) == "lång"


# --- choosing the contacts -----------------------------------------------------------------------

A = Candidate(1, "Greta Hemligsson", "Glömskeföreningen", "greta@example.se")
B = Candidate(2, "Greta Hemligsson", "Stiftelsen Activa", "greta@example.se")
C = Candidate(3, "greta  hemligsson", "Nora IF", "annan@example.se")
D = Candidate(4, "Åsa Öberg", "Nora IF")
E = Candidate(5, "Asa Oberg", "Nora IF")
F = Candidate(6, "Anna Annan", "Nora IF", "greta@example.se")


def test_contacts_with_the_typed_address_are_one_person() -> None:
    assert choose([A, B, C, F], "GRETA@example.se") == (A, B, F)


def test_contacts_with_the_typed_name_and_one_address_are_one_person() -> None:
    assert choose([A, B, D], "greta hemligsson") == (A, B)


def test_contacts_with_the_typed_name_and_other_addresses_must_be_chosen() -> None:
    with pytest.raises(Conflict) as raised:
        choose([A, C], "Greta Hemligsson")
    message = raised.value.message
    assert "2 contact persons are called Greta Hemligsson" in message
    assert "Greta Hemligsson at Glömskeföreningen (greta@example.se)" in message
    assert "greta  hemligsson at Nora IF (annan@example.se)" in message
    assert "--org ORG" in message
    assert "\n" not in message


def test_a_name_typed_exactly_is_preferred_to_one_without_accents() -> None:
    assert choose([D, E], "åsa öberg") == (D,)
    assert choose([D, E], "Asa Oberg") == (E,)
    with pytest.raises(Conflict):
        choose([D, E], "Åsa Oberg")


def test_nobody_is_chosen_when_nobody_matches() -> None:
    assert choose([A, B], "Ingen Alls") == ()
    assert choose([], "ingen@example.se") == ()


# --- invariants ------------------------------------------------------------------------------------

LETTERS = st.sampled_from(list("aeiouåäöéAEÅÄÖGHRTSNLM  \t\n\u0301\u200b.,-@0123456789()+[]"))
TEXTS = st.lists(LETTERS, max_size=60).map("".join)
NAMES = st.lists(st.sampled_from(list("aeiouåäöGHRTSNLM -")), min_size=2, max_size=15).map("".join)


@st.composite
def people(draw: st.DrawFn) -> Person:
    names = draw(st.lists(NAMES, max_size=2))
    emails = draw(st.lists(st.from_regex(r"[a-z]{1,5}@[a-z]{1,5}\.se", fullmatch=True), max_size=1))
    phones = draw(
        st.lists(st.from_regex(r"0[1-9][0-9]{1,2}-[0-9]{5,7}", fullmatch=True), max_size=1)
    )
    return person(names, emails, phones)


@given(TEXTS, people())
def test_a_scrubbed_text_never_mentions_the_person_again(text: str, who: Person) -> None:
    scrubbed, _ = scrub(text, who)
    assert not mentions(scrubbed, who)
    assert find(scrubbed, who) == []
    assert scrub(scrubbed, who) == (scrubbed, 0)


@given(TEXTS, people(), st.sampled_from([" ", "  ", "\n", " - ", ", "]))
def test_every_value_placed_in_a_text_is_found_and_erased(
    filler: str, who: Person, separator: str
) -> None:
    assume(any(name_key(n) for n in who.names) or who.emails or who.phones)
    text = separator.join([filler, *who.values, filler])
    assert mentions(text, who)
    scrubbed, count = scrub(text, who)
    assert count >= 1
    assert not mentions(scrubbed, who)
    for value in who.emails + who.phones:
        assert value not in scrubbed


@given(TEXTS, people())
def test_a_text_without_the_person_is_kept_as_it_is(text: str, who: Person) -> None:
    assume(not mentions(text, who))
    assert find(text, who) == []
    assert scrub(text, who) == (text, 0)


@given(TEXTS)
def test_the_quick_fold_and_the_fold_with_positions_agree(text: str) -> None:
    folded, where = folded_with_positions(text)
    assert folded == fold_for_match(text)
    assert len(where) == len(folded)
    assert where == sorted(where)


@given(TEXTS, people())
def test_scrubbing_keeps_everything_outside_the_mentions(text: str, who: Person) -> None:
    spans = find(text, who)
    assert all(start < end for start, end in spans)
    assert all(end < start for (_, end), (start, _) in pairwise(spans))
    ends = [0, *(end for _, end in spans)]
    starts = [*(start for start, _ in spans), len(text)]
    once = MARKER.join(text[a:b] for a, b in zip(ends, starts, strict=True))
    assume(not find(once, who))
    assert scrub(text, who) == (once, len(spans))
