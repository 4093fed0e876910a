"""Money in whole öre: parsing amounts as Swedes type them, formatting as Swedes read them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from psi.domain.money import (
    LIMIT_ORE,
    amount_json,
    format_amount,
    format_kronor,
    parse_amount,
    parse_positive_amount,
)
from psi.errors import ExitCode, InvalidInput

NBSP = "\u00a0"
NARROW_NBSP = "\u202f"
WORKING_EXAMPLES = ("200 000", "200000", "1 234,50", "1234.50")


def has_example(message: str) -> bool:
    """Whether a refusal shows at least one form of an amount that works."""
    return any(example in message for example in WORKING_EXAMPLES)


# --- parse_amount: what parses -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "ore"),
    [
        # the forms the spec names
        ("200000", 20_000_000),
        ("200 000", 20_000_000),
        ("200 000 kr", 20_000_000),
        ("200000kr", 20_000_000),
        ("1 234,50", 123_450),
        ("1234.50", 123_450),
        # other suffixes and spellings of kronor
        ("200000 kr", 20_000_000),
        ("200 000kr", 20_000_000),
        ("200 000 KR", 20_000_000),
        ("200 000 Kr", 20_000_000),
        ("200 000 kr.", 20_000_000),
        ("200 000 kronor", 20_000_000),
        ("500:-", 50_000),
        ("500 :-", 50_000),
        ("500 SEK", 50_000),
        ("500SEK", 50_000),
        ("500 sek", 50_000),
        ("200 000,00 SEK", 20_000_000),
        ("1 234,50 kr", 123_450),
        # non-breaking and narrow non-breaking spaces, as copied from documents
        (f"200{NBSP}000", 20_000_000),
        (f"200{NBSP}000{NBSP}kr", 20_000_000),
        (f"1{NBSP}234,50{NBSP}kr", 123_450),
        (f"200{NARROW_NBSP}000 kr", 20_000_000),
        (f"1{NARROW_NBSP}234,50", 123_450),
        (f"1{NARROW_NBSP}234{NARROW_NBSP}567,89{NBSP}kr", 123_456_789),
        # surrounding whitespace
        ("  200 000  ", 20_000_000),
        ("\t1234.50\n", 123_450),
        # decimals with one or two digits
        ("12,5", 1_250),
        ("12.5", 1_250),
        ("1 234,5", 123_450),
        ("0,05", 5),
        ("0.05", 5),
        ("0,5", 50),
        ("12,50", 1_250),
        # small, zero and large
        ("0", 0),
        ("5", 500),
        ("5 kr", 500),
        ("1 234 567,89", 123_456_789),
        ("1234567", 123_456_700),
        ("999 999 999,99", 99_999_999_999),
        # negative amounts
        ("-500", -50_000),
        ("-1 234,50", -123_450),
        ("-1 234,5", -123_450),
        ("-0,05", -5),
        ("-200 000 kr", -20_000_000),
    ],
)
def test_parse_amount_accepts(text: str, ore: int) -> None:
    result = parse_amount(text)
    assert result == ore
    assert type(result) is int


# --- parse_amount: what is refused -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "1,234",  # an English thousands separator, or three decimals: ambiguous
        "1.234",
        "1,234.50",
        "1 234,567",
        "12 34",  # not a thousands grouping
        "12 3456",
        "1234 567",
        "abc",
        "",
        "   ",
        "kr",
        "1.2.3",
        "1,2,3",
        "5,",
        ",50",
        ".5",
        "+5",
        "12 kr 50",
        "１２３",  # full-width digits
        "٣٤٥",  # Arabic-Indic digits
        "1e5",
        "0x10",
        "200 000 euro",
    ],
)
def test_parse_amount_refuses_with_an_example(text: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_amount(text)
    assert caught.value.exit_code == ExitCode.INVALID
    assert has_example(caught.value.message), caught.value.message


def test_refusal_quotes_what_was_typed() -> None:
    with pytest.raises(InvalidInput, match="'12 34'"):
        parse_amount("12 34")


@pytest.mark.parametrize(
    "text", ["1000000000", "1 000 000 000", "1 000 000 000 kr", "1000000000,00", "-1000000000"]
)
def test_a_billion_kronor_is_refused(text: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_amount(text)
    assert "1 000 000 000" in caught.value.message


def test_a_billion_kronor_refusal_shows_an_amount_that_works() -> None:
    """The spec: anything refused is refused with an example of what works."""
    with pytest.raises(InvalidInput) as caught:
        parse_amount("1 000 000 000 kr")
    assert has_example(caught.value.message), caught.value.message


def test_just_under_a_billion_is_accepted() -> None:
    assert parse_amount("999999999") == 99_999_999_900
    assert parse_amount("999 999 999,99 kr") == 99_999_999_999


# --- parse_positive_amount ---------------------------------------------------------------------


@pytest.mark.parametrize("text", ["0", "0,00", "0 kr", "-0", "-5", "-0,01", "-200 000 kr"])
def test_parse_positive_amount_refuses_zero_and_negative(text: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_positive_amount(text)
    assert "more than 0 kr" in caught.value.message
    assert has_example(caught.value.message), caught.value.message


@pytest.mark.parametrize(
    ("text", "ore"), [("0,01", 1), ("1", 100), ("200 000 kr", 20_000_000), ("1234.50", 123_450)]
)
def test_parse_positive_amount_accepts_positive(text: str, ore: int) -> None:
    assert parse_positive_amount(text) == ore


@pytest.mark.parametrize("text", ["abc", "1,234", ""])
def test_parse_positive_amount_refuses_malformed(text: str) -> None:
    with pytest.raises(InvalidInput):
        parse_positive_amount(text)


# --- format_amount, format_kronor, amount_json -------------------------------------------------


@pytest.mark.parametrize(
    ("ore", "text"),
    [
        (20_000_000, "200\u00a0000\u00a0kr"),
        (123_450, "1\u00a0234,50\u00a0kr"),
        (0, "0\u00a0kr"),
        (500, "5\u00a0kr"),
        (-50_000, "-500\u00a0kr"),
        (5, "0,05\u00a0kr"),
        (10, "0,10\u00a0kr"),
        (-5, "-0,05\u00a0kr"),
        (-123_450, "-1\u00a0234,50\u00a0kr"),
        (99_900, "999\u00a0kr"),
        (100_000, "1\u00a0000\u00a0kr"),
        (100_000_000, "1\u00a0000\u00a0000\u00a0kr"),
        (9_546_450, "95\u00a0464,50\u00a0kr"),
        (99_999_999_999, "999\u00a0999\u00a0999,99\u00a0kr"),
    ],
)
def test_format_amount_exact(ore: int, text: str) -> None:
    assert format_amount(ore) == text


@given(st.integers(min_value=-LIMIT_ORE, max_value=LIMIT_ORE))
def test_format_amount_is_babels_swedish_format(ore: int) -> None:
    from decimal import Decimal

    from babel.numbers import format_decimal

    pattern = "#,##0" if ore % 100 == 0 else "#,##0.00"
    babel = str(format_decimal(Decimal(ore) / 100, format=pattern, locale="sv_SE"))
    assert format_amount(ore) == babel.replace("\u2212", "-") + "\u00a0kr"


def test_format_amount_uses_only_non_breaking_spaces_and_ascii_minus() -> None:
    text = format_amount(-123_456_789)
    assert " " not in text
    assert NARROW_NBSP not in text
    assert "\u2212" not in text
    assert text.startswith("-")


@pytest.mark.parametrize(
    ("ore", "text"),
    [
        (20_000_000, "200\u00a0000\u00a0kronor"),
        (100, "1\u00a0kronor"),
        (0, "0\u00a0kronor"),
        (1_000_000, "10\u00a0000\u00a0kronor"),
    ],
)
def test_format_kronor(ore: int, text: str) -> None:
    assert format_kronor(ore) == text


@pytest.mark.parametrize(
    ("ore", "text"),
    [(123_450, "1\u00a0234,50\u00a0kr"), (20_000_000, "200\u00a0000\u00a0kr"), (0, "0\u00a0kr")],
)
def test_amount_json(ore: int, text: str) -> None:
    data = amount_json(ore)
    assert data == {"ore": ore, "text": text}
    assert type(data["ore"]) is int


# --- the round trip ----------------------------------------------------------------------------

ORE = st.integers(min_value=-(10**10), max_value=10**10 - 1)


@given(ORE)
def test_formatting_then_parsing_gives_back_the_amount(ore: int) -> None:
    assert parse_amount(format_amount(ore)) == ore


@given(st.integers(min_value=0, max_value=10**10 - 1))
def test_parsing_the_plain_comma_form_gives_back_the_amount(ore: int) -> None:
    assert parse_amount(str(ore // 100) + "," + f"{ore % 100:02d}") == ore


@given(st.integers(min_value=0, max_value=10**10 - 1))
def test_parsing_the_plain_point_form_gives_back_the_amount(ore: int) -> None:
    assert parse_amount(f"{ore // 100}.{ore % 100:02d}") == ore


@given(ORE)
def test_formatted_text_typed_with_ordinary_spaces_parses(ore: int) -> None:
    assert parse_amount(format_amount(ore).replace(NBSP, " ")) == ore


@given(ORE)
def test_formatting_has_no_ordinary_spaces(ore: int) -> None:
    text = format_amount(ore)
    assert " " not in text
    assert text.endswith(f"{NBSP}kr")
