"""Finding an organisation by full name, short name or a prefix, and suggesting close names."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from psi.domain.names import Named, closest, find_named
from psi.domain.text import casefold_key, clean

FORENINGSRAD = Named(1, "Örebro Föreningsråd", "ÖFR")
ACTIVA = Named(2, "Stiftelsen Activa", "Activa")
MOCKELN = Named(3, "Möckelnföreningarna")
REGION = Named(4, "Region Örebro län")
MOTESPLATS = Named(5, "Mötesplats social innovation", "MSI")
NORA = Named(6, "Nora")
NORA_IF = Named(7, "Nora Idrottsförening", "NIF")
KUMLA = Named(8, "Kumla Kulturförening", "KK")

REGISTER = (FORENINGSRAD, ACTIVA, MOCKELN, REGION, MOTESPLATS, NORA, NORA_IF, KUMLA)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Örebro Föreningsråd", FORENINGSRAD),
        ("örebro föreningsråd", FORENINGSRAD),
        ("ÖREBRO FÖRENINGSRÅD", FORENINGSRAD),
        ("  Örebro   Föreningsråd ", FORENINGSRAD),
        ("Stiftelsen Activa", ACTIVA),
        ("stiftelsen activa", ACTIVA),
        ("Möckelnföreningarna", MOCKELN),
        ("Region Örebro län", REGION),
        ("Nora", NORA),
        ("NORA", NORA),
        ("nora", NORA),
        ("Nora Idrottsförening", NORA_IF),
    ],
)
def test_exact_full_name_in_any_case(query: str, expected: Named) -> None:
    found = find_named(query, REGISTER)
    assert found.found == expected
    assert found.ambiguous == ()
    assert found.suggestions == ()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("ÖFR", FORENINGSRAD),
        ("öfr", FORENINGSRAD),
        ("ofr", FORENINGSRAD),
        ("Activa", ACTIVA),
        ("activa", ACTIVA),
        ("MSI", MOTESPLATS),
        ("msi", MOTESPLATS),
        ("NIF", NORA_IF),
        ("nif", NORA_IF),
        ("KK", KUMLA),
    ],
)
def test_short_names_match(query: str, expected: Named) -> None:
    assert find_named(query, REGISTER).found == expected


def test_exact_match_wins_over_prefix() -> None:
    # "Nora" is also the beginning of "Nora Idrottsförening".
    assert find_named("nora", REGISTER).found == NORA
    assert find_named("Nora", REGISTER).ambiguous == ()


def test_exact_match_with_accents_wins_over_accent_insensitive_match() -> None:
    candidates = [Named(1, "Ås"), Named(2, "As")]
    assert find_named("ås", candidates).found == candidates[0]
    assert find_named("AS", candidates).found == candidates[1]
    assert find_named("ÅS", candidates).found == candidates[0]


def test_exact_match_does_not_depend_on_unicode_normalisation() -> None:
    # "Ås" typed with a combining ring (NFD, as macOS and some files write it) is the same
    # name as "Ås" in NFC, so it is an exact match and not merely accent-insensitive.
    candidates = [Named(1, "Ås"), Named(2, "As")]
    typed = unicodedata.normalize("NFD", "Ås")
    assert find_named(typed, candidates).found == candidates[0]


def test_accent_insensitive_equal_names_are_ambiguous_when_no_exact_match() -> None:
    candidates = [Named(1, "Ås"), Named(2, "Äs")]
    found = find_named("as", candidates)
    assert found.found is None
    assert set(found.ambiguous) == set(candidates)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("orebro foreningsrad", FORENINGSRAD),
        ("OREBRO FORENINGSRAD", FORENINGSRAD),
        ("Orebro Foreningsrad", FORENINGSRAD),
        ("mockelnforeningarna", MOCKELN),
        ("region orebro lan", REGION),
        ("motesplats social innovation", MOTESPLATS),
        ("nora idrottsforening", NORA_IF),
    ],
)
def test_accent_insensitive_match(query: str, expected: Named) -> None:
    assert find_named(query, REGISTER).found == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("orebro fo", FORENINGSRAD),
        ("Örebro F", FORENINGSRAD),
        ("stift", ACTIVA),
        ("act", ACTIVA),
        ("möck", MOCKELN),
        ("mock", MOCKELN),
        ("reg", REGION),
        ("region", REGION),
        ("mötes", MOTESPLATS),
        ("motesplats", MOTESPLATS),
        ("nora i", NORA_IF),
        ("ni", NORA_IF),
        ("kumla", KUMLA),
    ],
)
def test_unique_prefix(query: str, expected: Named) -> None:
    found = find_named(query, REGISTER)
    assert found.found == expected
    assert found.ambiguous == ()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("mö", {MOCKELN, MOTESPLATS}),
        ("mo", {MOCKELN, MOTESPLATS}),
        ("M", {MOCKELN, MOTESPLATS}),
        ("n", {NORA, NORA_IF}),
        ("k", {KUMLA}),
        ("ö", {FORENINGSRAD}),
        ("o", {FORENINGSRAD}),
        ("s", {ACTIVA}),
        ("r", {REGION}),
    ],
)
def test_prefix_results(query: str, expected: set[Named]) -> None:
    found = find_named(query, REGISTER)
    if len(expected) == 1:
        assert found.found == next(iter(expected))
    else:
        assert found.found is None
        assert set(found.ambiguous) == expected
        assert len(found.ambiguous) == len(expected)


def test_ambiguous_prefix_lists_each_hit_once() -> None:
    # The name and the short name of the same item both start with "a".
    candidates = [Named(1, "Alfa", "Al"), Named(2, "Alba", "AB")]
    found = find_named("a", candidates)
    assert found.found is None
    assert found.ambiguous == tuple(candidates)


def test_ambiguous_prefix_returns_all_hits() -> None:
    candidates = [Named(i, f"Föreningen {i}") for i in range(1, 8)]
    found = find_named("förening", candidates)
    assert found.found is None
    assert found.ambiguous == tuple(candidates)


def test_name_and_short_of_the_same_item_are_not_ambiguous() -> None:
    candidates = [Named(1, "Activa", "activa")]
    assert find_named("ACTIVA", candidates).found == candidates[0]


def test_exact_short_name_of_one_and_name_of_another_is_ambiguous() -> None:
    candidates = [Named(1, "Alfa Förening", "AF"), Named(2, "AF")]
    found = find_named("af", candidates)
    assert found.found is None
    assert set(found.ambiguous) == set(candidates)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Örebro Förenigsråd", FORENINGSRAD),
        ("Orebro Forenigsrad", FORENINGSRAD),
        ("Orebro Föreningsrad x", FORENINGSRAD),
        ("Stiftelsen Aktiva", ACTIVA),
        ("Activa Sverige", ACTIVA),
        ("Möckelnföreningen", MOCKELN),
        ("Nora Idrotsförening", NORA_IF),
        ("Region Orebo lan", REGION),
    ],
)
def test_no_match_gives_suggestions(query: str, expected: Named) -> None:
    found = find_named(query, REGISTER)
    assert found.found is None
    assert found.ambiguous == ()
    assert expected in found.suggestions
    assert len(found.suggestions) <= 3


def test_typo_suggests_the_right_name_first() -> None:
    found = find_named("Örebro Förenigsråd", REGISTER)
    assert found.suggestions[0] == FORENINGSRAD


def test_nothing_like_it_gives_no_suggestions() -> None:
    found = find_named("xyzzy", REGISTER)
    assert found.found is None
    assert found.ambiguous == ()
    assert found.suggestions == ()


@pytest.mark.parametrize("query", ["", " ", "   ", "\t", "\n"])
def test_empty_query_finds_nothing(query: str) -> None:
    found = find_named(query, REGISTER)
    assert found.found is None
    assert found.ambiguous == ()
    assert found.suggestions == ()


def test_no_candidates() -> None:
    found = find_named("Nora", [])
    assert found.found is None
    assert found.ambiguous == ()
    assert found.suggestions == ()


def test_label() -> None:
    assert FORENINGSRAD.label == "Örebro Föreningsråd (ÖFR)"
    assert MOCKELN.label == "Möckelnföreningarna"
    assert Named(9, "X", "").label == "X"


def test_closest_is_best_first_and_limited() -> None:
    candidates = [Named(1, "Nora IF"), Named(2, "Nora IK"), Named(3, "Nora IS"), Named(4, "Nora")]
    found = closest("Nora IG", candidates, limit=2)
    assert len(found) <= 2
    assert found
    assert all(item.name.startswith("Nora") for item in found)
    assert closest("Nora IF", candidates, limit=1) == (candidates[0],)


def test_closest_lists_an_item_once_even_when_name_and_short_are_close() -> None:
    candidates = [Named(1, "Nora Förening", "Nora Forening")]
    assert closest("Nora Föreninng", candidates) == (candidates[0],)


def test_closest_falls_back_to_shared_words() -> None:
    found = closest("Activa Sverige AB", [ACTIVA, KUMLA])
    assert found == (ACTIVA,)


def test_closest_with_no_candidates() -> None:
    assert closest("Nora", []) == ()


name_text = st.text(
    alphabet="abcdefghijklmnopqrstuvwxyzåäöéüABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖÉÜ0123456789 -&.",
    min_size=1,
    max_size=25,
).filter(lambda text: clean(text) != "")


@st.composite
def random_case(draw: st.DrawFn, text: str) -> str:
    flips = draw(st.lists(st.booleans(), min_size=len(text), max_size=len(text)))
    return "".join(
        char.upper() if flip else char.lower() for char, flip in zip(text, flips, strict=True)
    )


@given(
    st.lists(name_text, min_size=1, max_size=12, unique_by=casefold_key),
    st.data(),
)
def test_every_full_name_in_random_case_finds_its_item(
    names: list[str], data: st.DataObject
) -> None:
    candidates = [Named(index, name) for index, name in enumerate(names, start=1)]
    for item in candidates:
        typed = data.draw(random_case(item.name))
        found = find_named(typed, candidates)
        assert found.found == item, (typed, found)


@given(st.lists(name_text, min_size=1, max_size=12, unique_by=casefold_key), st.text(max_size=10))
def test_lookup_result_is_one_of_three_kinds(names: list[str], query: str) -> None:
    candidates = [Named(index, name) for index, name in enumerate(names, start=1)]
    found = find_named(query, candidates)
    kinds = [found.found is not None, bool(found.ambiguous), bool(found.suggestions)]
    assert sum(kinds) <= 1
    if found.ambiguous:
        assert len(found.ambiguous) >= 2
        assert len({item.id for item in found.ambiguous}) == len(found.ambiguous)
    for item in (*found.ambiguous, *found.suggestions):
        assert item in candidates
