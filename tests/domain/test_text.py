"""Text rules: cleaning, folding, case keys, Swedish sorting, control characters."""

from __future__ import annotations

import unicodedata
from typing import Literal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from psi.domain.text import (
    casefold_key,
    clean,
    describe_character,
    escape_controls,
    fold,
    has_control_characters,
    hidden_character,
    swedish_sort_key,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", ""),
        ("   ", ""),
        ("Nora", "Nora"),
        ("  Nora  ", "Nora"),
        ("Nora   Idrottsförening", "Nora Idrottsförening"),
        ("Nora\tIdrottsförening", "Nora Idrottsförening"),
        ("Nora\nIdrottsförening\r\n", "Nora Idrottsförening"),
        ("a\u00a0b", "a b"),
        ("Örebro  Föreningsråd", "Örebro Föreningsråd"),
    ],
)
def test_clean(text: str, expected: str) -> None:
    assert clean(text) == expected


@given(st.text())
def test_clean_is_idempotent_and_trimmed(text: str) -> None:
    cleaned = clean(text)
    assert clean(cleaned) == cleaned
    assert cleaned == cleaned.strip()
    assert "  " not in cleaned


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Örebro", "orebro"),
        ("ÖREBRO", "orebro"),
        ("orebro", "orebro"),
        ("Laxå", "laxa"),
        ("Hällefors", "hallefors"),
        ("  Örebro   Föreningsråd ", "orebro foreningsrad"),
        ("Café", "cafe"),
        ("Åsa Öberg-Ängström", "asa oberg-angstrom"),
        ("Straße", "strasse"),
        ("", ""),
    ],
)
def test_fold(text: str, expected: str) -> None:
    assert fold(text) == expected


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Örebro", "orebro"),
        ("Laxå", "LAXA"),
        ("Hällefors", "hallefors"),
        ("Ö", unicodedata.normalize("NFD", "Ö")),
        ("Möckelnföreningarna", "MOCKELNFORENINGARNA"),
    ],
)
def test_fold_alike(first: str, second: str) -> None:
    assert fold(first) == fold(second)


@given(st.text())
def test_fold_has_no_combining_marks(text: str) -> None:
    folded = fold(text)
    assert not any(unicodedata.combining(char) for char in folded)


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzåäöéüABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖÉÜ -\t"))
def test_fold_is_idempotent_on_names(text: str) -> None:
    folded = fold(text)
    assert fold(folded) == folded
    assert folded.isascii()


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Nora Idrottsförening", "NORA IDROTTSFÖRENING"),
        ("  Nora   IF ", "nora if"),
        ("Örebro", "öREBRO"),
        ("Straße", "STRASSE"),
    ],
)
def test_casefold_key_same(first: str, second: str) -> None:
    assert casefold_key(first) == casefold_key(second)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Örebro", "Orebro"),
        ("Ås", "As"),
        ("Nora IF", "Nora IK"),
    ],
)
def test_casefold_key_keeps_accents(first: str, second: str) -> None:
    assert casefold_key(first) != casefold_key(second)


@pytest.mark.parametrize("name", ["Örebro", "Åsa Öberg"])
def test_casefold_key_does_not_depend_on_unicode_normalisation(name: str) -> None:
    # The same name typed in composed (NFC) or decomposed (NFD) form is the same name:
    # names are unique "regardless of case", so they must not be told apart by encoding.
    assert casefold_key(unicodedata.normalize("NFD", name)) == casefold_key(name)


def test_swedish_sort_order() -> None:
    words = ["Öst", "Äng", "Ås", "Zeta", "Alfa"]
    assert sorted(words, key=swedish_sort_key) == ["Alfa", "Zeta", "Ås", "Äng", "Öst"]


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["ö", "ä", "å", "z"], ["z", "å", "ä", "ö"]),
        (["Ö", "ä", "Å", "Z", "a"], ["a", "Z", "Å", "ä", "Ö"]),
        (["Örebro", "Askersund", "Laxå", "Lekeberg"], ["Askersund", "Laxå", "Lekeberg", "Örebro"]),
        (["Åsa", "Zorn", "Anna", "Östen"], ["Anna", "Zorn", "Åsa", "Östen"]),
        (["Laxå", "Laxa", "Laxä"], ["Laxa", "Laxå", "Laxä"]),
        (["Möckeln", "Mora", "Motala"], ["Mora", "Motala", "Möckeln"]),
        (["b", "B", "a"], ["a", "b", "B"]),
    ],
)
def test_swedish_sort_examples(words: list[str], expected: list[str]) -> None:
    assert sorted(words, key=swedish_sort_key) == expected


def test_swedish_sort_ignores_case_and_spacing() -> None:
    assert swedish_sort_key("ÖREBRO") == swedish_sort_key("örebro")
    assert swedish_sort_key("  Nora   IF ") == swedish_sort_key("nora if")


def test_swedish_sort_treats_decomposed_letters_alike() -> None:
    assert swedish_sort_key(unicodedata.normalize("NFD", "Åsa")) == swedish_sort_key("Åsa")


def test_swedish_sort_puts_e_acute_among_the_e() -> None:
    # A Swedish reader files "Éva" and "Café" under E, not after Ö.
    words = ["Öberg", "Éva", "Erik", "Filip"]
    assert sorted(words, key=swedish_sort_key) == ["Erik", "Éva", "Filip", "Öberg"]


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzåäö", max_size=8), st.sampled_from("åäö"))
def test_a_word_with_swedish_letter_sorts_after_the_same_with_z(prefix: str, letter: str) -> None:
    assert swedish_sort_key(prefix + "z") < swedish_sort_key(prefix + letter)


@pytest.mark.parametrize(
    "text",
    ["a\nb", "a\rb", "a\tb", "a\x00b", "\x1b[31m", "\x7f", "a\x85b", "\x0c"],
)
def test_has_control_characters(text: str) -> None:
    assert has_control_characters(text)


@pytest.mark.parametrize(
    "text",
    ["", "Nora Idrottsförening", "a b", "Örebro Föreningsråd", "a\u00a0b", "emoji 🙂", "§ 1"],
)
def test_has_no_control_characters(text: str) -> None:
    assert not has_control_characters(text)


# --- what error messages show, and what names may hold (issue 15) ------------------------

UNSEEN_CATEGORIES: list[Literal["Cc", "Cf", "Cs", "Zl", "Zp"]] = ["Cc", "Cf", "Cs", "Zl", "Zp"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Örebro Föreningsråd", "Örebro Föreningsråd"),
        ("åäö ÅÄÖ é ü ß", "åäö ÅÄÖ é ü ß"),
        ("C:\\Users\\anna\\medlemmar.csv", "C:\\Users\\anna\\medlemmar.csv"),
        ("\x1b[31mröd\x1b[0m", "\\x1b[31mröd\\x1b[0m"),
        ("a\tb", "a\\tb"),
        ("a\nb\r\n", "a\\nb\\r\\n"),
        ("\x00\x7f\x85", "\\x00\\x7f\\x85"),
        ("abc\u202edcba", "abc\\u202edcba"),
        ("\u200b\u200c\u200d\u2060\ufeff\u00ad", "\\u200b\\u200c\\u200d\\u2060\\ufeff\\xad"),
        ("\u2028\u2029", "\\u2028\\u2029"),
        ("\udcff", "\\udcff"),
        ("\U000e0041", "\\U000e0041"),
        ("\U0001f600", "\U0001f600"),
    ],
)
def test_escape_controls(text: str, expected: str) -> None:
    assert escape_controls(text) == expected


@given(st.text())
def test_escaped_text_holds_no_control_or_invisible_character(text: str) -> None:
    shown = escape_controls(text)
    assert not any(unicodedata.category(char) in UNSEEN_CATEGORIES for char in shown)
    assert len(shown.splitlines()) <= 1
    shown.encode("utf-8")  # no lone surrogate left to fail a terminal's encoder


@given(st.text(st.characters(exclude_categories=UNSEEN_CATEGORIES)))
def test_printable_text_is_shown_as_it_is(text: str) -> None:
    assert escape_controls(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nora IF", None),
        ("Örebro Föreningsråd", None),
        ("Café 😀 – “citat”", None),
        ("\u202eabc", (1, "\u202e")),
        ("Activa\u200b", (7, "\u200b")),
        ("Ac\u00adtiva", (3, "\u00ad")),
        ("a\u200e\u200fb", (2, "\u200e")),
        ("ab\u061c", (3, "\u061c")),
        ("x\u2066y\u2069", (2, "\u2066")),
        ("\ufeffNora", (1, "\ufeff")),
        ("No\u2060ra", (3, "\u2060")),
        ("No\u3164ra", (3, "\u3164")),
    ],
)
def test_hidden_character(text: str, expected: tuple[int, str] | None) -> None:
    assert hidden_character(text) == expected


HIDDEN = [
    *(chr(code) for code in range(0x202A, 0x202F)),
    *(chr(code) for code in range(0x2066, 0x206A)),
    *"\u200e\u200f\u061c\u200b\u200c\u200d\u2060\ufeff\u00ad",
]


@given(
    st.text(st.characters(categories=["L", "N", "Zs", "P"])),
    st.sampled_from(HIDDEN),
    st.text(),
)
def test_the_first_hidden_character_is_found_where_it_is(
    before: str, hidden: str, after: str
) -> None:
    assert hidden_character(before + hidden + after) == (len(before) + 1, hidden)


@pytest.mark.parametrize(
    ("char", "expected"),
    [
        ("\u202e", "U+202E RIGHT-TO-LEFT OVERRIDE"),
        ("\u200b", "U+200B ZERO WIDTH SPACE"),
        ("\u00ad", "U+00AD SOFT HYPHEN"),
        ("\x85", "U+0085"),
        ("\U000e0041", "U+E0041 TAG LATIN CAPITAL LETTER A"),
    ],
)
def test_describe_character(char: str, expected: str) -> None:
    assert describe_character(char) == expected
