"""The 12 kommuner of Örebro län, by name, code or `other:NAME`."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from psi.domain.municipality import (
    KOMMUNER,
    Municipality,
    resolve_municipality,
    stored_municipality,
)
from psi.errors import InvalidInput

# DESIGN.md, "The 12 kommuner of Örebro län (SCB code)".
DESIGN_KOMMUNER = {
    "1814": "Lekeberg",
    "1860": "Laxå",
    "1861": "Hallsberg",
    "1862": "Degerfors",
    "1863": "Hällefors",
    "1864": "Ljusnarsberg",
    "1880": "Örebro",
    "1881": "Kumla",
    "1882": "Askersund",
    "1883": "Karlskoga",
    "1884": "Nora",
    "1885": "Lindesberg",
}
BY_NAME = {name: code for code, name in DESIGN_KOMMUNER.items()}


def without_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@st.composite
def random_case(draw: st.DrawFn, text: str) -> str:
    flips = draw(st.lists(st.booleans(), min_size=len(text), max_size=len(text)))
    return "".join(
        char.upper() if flip else char.lower() for char, flip in zip(text, flips, strict=True)
    )


def test_the_twelve_kommuner_match_the_design() -> None:
    assert KOMMUNER == DESIGN_KOMMUNER


@pytest.mark.parametrize(("code", "name"), sorted(DESIGN_KOMMUNER.items()))
def test_by_proper_name(code: str, name: str) -> None:
    assert resolve_municipality(name) == Municipality(name=name, code=code)


@pytest.mark.parametrize(("code", "name"), sorted(DESIGN_KOMMUNER.items()))
def test_by_code(code: str, name: str) -> None:
    found = resolve_municipality(code)
    assert found == Municipality(name=name, code=code)
    assert found.in_lan
    assert found.label == name


@pytest.mark.parametrize(("code", "name"), sorted(DESIGN_KOMMUNER.items()))
@pytest.mark.parametrize(
    "variant",
    [str.lower, str.upper, str.title, str.swapcase, without_accents],
    ids=["lower", "upper", "title", "swapcase", "no-accents"],
)
def test_by_name_in_any_case_and_without_accents(
    code: str, name: str, variant: Callable[[str], str]
) -> None:
    assert resolve_municipality(variant(name)) == Municipality(name=name, code=code)


@pytest.mark.parametrize(("code", "name"), sorted(DESIGN_KOMMUNER.items()))
def test_without_accents_in_upper_case(code: str, name: str) -> None:
    assert resolve_municipality(without_accents(name).upper()).code == code


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("orebro", "Örebro"),
        ("OREBRO", "Örebro"),
        ("örebro", "Örebro"),
        ("ÖREBRO", "Örebro"),
        ("LAXA", "Laxå"),
        ("laxa", "Laxå"),
        ("hallefors", "Hällefors"),
        ("HÄLLEFORS", "Hällefors"),
        ("1880", "Örebro"),
        (" 1880 ", "Örebro"),
        ("  nora  ", "Nora"),
        ("Örebro kommun", "Örebro"),
        ("orebro kommun", "Örebro"),
        ("ÖREBRO KOMMUN", "Örebro"),
        ("Örebro  kommun", "Örebro"),
        ("Laxå kommun", "Laxå"),
        ("Hällefors kommun", "Hällefors"),
        ("Kumla kommun", "Kumla"),
        ("Lindesbergs kommun", "Lindesberg"),
        ("Askersunds kommun", "Askersund"),
        ("Hallsbergs kommun", "Hallsberg"),
        ("Nora kommun", "Nora"),
    ],
)
def test_typed_forms(typed: str, name: str) -> None:
    found = resolve_municipality(typed)
    assert found.name == name
    assert found.code == BY_NAME[name]


@pytest.mark.parametrize(("code", "name"), sorted(DESIGN_KOMMUNER.items()))
def test_with_kommun_suffix(code: str, name: str) -> None:
    assert resolve_municipality(f"{name} kommun").code == code
    assert resolve_municipality(f"{without_accents(name).lower()} kommun").code == code


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("other:Stockholm", "Stockholm"),
        ("other: Stockholm", "Stockholm"),
        ("OTHER:Stockholm", "Stockholm"),
        ("Other:Göteborg", "Göteborg"),
        ("other:Västerås", "Västerås"),
        ("other:  Upplands   Väsby ", "Upplands Väsby"),
    ],
)
def test_other_outside_the_lan(typed: str, name: str) -> None:
    found = resolve_municipality(typed)
    assert found == Municipality(name=name, code=None)
    assert not found.in_lan
    assert found.label == f"{name} (outside the län)"


def test_other_stockholm_label() -> None:
    found = resolve_municipality("other:Stockholm")
    assert found.code is None
    assert found.label == "Stockholm (outside the län)"


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("other:orebro", "1880"),
        ("other:Örebro", "1880"),
        ("other: OREBRO", "1880"),
        ("other:laxa", "1860"),
        ("other:Hällefors", "1863"),
    ],
)
def test_other_with_a_kommun_of_the_lan_resolves_to_it(typed: str, code: str) -> None:
    found = resolve_municipality(typed)
    assert found.code == code
    assert found.name == DESIGN_KOMMUNER[code]
    assert found.in_lan


@pytest.mark.parametrize("typed", ["other:Örebro kommun", "other:1880"])
def test_other_never_labels_a_kommun_of_the_lan_as_outside(typed: str) -> None:
    # Örebro lies in the län, however it is written after `other:`.
    found = resolve_municipality(typed)
    assert found == Municipality(name="Örebro", code="1880")


@pytest.mark.parametrize(
    "typed",
    ["Stockholm", "Göteborg", "Orebr", "Örebro län", "1881x", "1234", "0180", "Kumlaa", "", "   "],
)
def test_unknown_names_are_rejected_with_a_hint_about_other(typed: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        resolve_municipality(typed)
    assert "other:" in caught.value.message


def test_unknown_name_hint_names_the_kommuner() -> None:
    with pytest.raises(InvalidInput) as caught:
        resolve_municipality("Stockholm")
    assert "other:Stockholm" in caught.value.message
    for name in DESIGN_KOMMUNER.values():
        assert name in caught.value.message


@pytest.mark.parametrize("typed", ["other:", "other:   ", "OTHER:", " other: "])
def test_empty_other_is_rejected(typed: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        resolve_municipality(typed)
    assert "other:" in caught.value.message


@given(st.data(), st.sampled_from(sorted(DESIGN_KOMMUNER.items())))
def test_random_case_resolves_to_the_proper_spelling(
    data: st.DataObject, kommun: tuple[str, str]
) -> None:
    code, name = kommun
    typed = data.draw(random_case(name))
    assert resolve_municipality(typed) == Municipality(name=name, code=code)
    typed_plain = data.draw(random_case(without_accents(name)))
    assert resolve_municipality(typed_plain) == Municipality(name=name, code=code)


@given(st.data(), st.sampled_from(sorted(DESIGN_KOMMUNER.items())))
def test_random_case_with_kommun_suffix(data: st.DataObject, kommun: tuple[str, str]) -> None:
    code, name = kommun
    typed = data.draw(random_case(f"{name} kommun"))
    assert resolve_municipality(typed) == Municipality(name=name, code=code)


@given(st.data(), st.sampled_from(sorted(DESIGN_KOMMUNER.items())))
def test_random_case_after_other(data: st.DataObject, kommun: tuple[str, str]) -> None:
    code, name = kommun
    typed = data.draw(random_case(f"other:{name}"))
    assert resolve_municipality(typed) == Municipality(name=name, code=code)


@given(st.text(max_size=30))
def test_any_text_resolves_or_raises_invalid_input(text: str) -> None:
    try:
        found = resolve_municipality(text)
    except InvalidInput:
        return
    if found.code is not None:
        assert DESIGN_KOMMUNER[found.code] == found.name
    else:
        assert found.name
        assert found.label.endswith(" (outside the län)")


def test_stored_municipality() -> None:
    assert stored_municipality(None, None) is None
    assert stored_municipality("Örebro", "1880") == Municipality(name="Örebro", code="1880")
    assert stored_municipality("Stockholm", None) == Municipality(name="Stockholm", code=None)
