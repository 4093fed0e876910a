"""Organisationsnummer: shape, third digit, Luhn check digit and group."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from psi.domain.orgnr import GROUPS, luhn_check_digit, normalise_orgnr, orgnr_group
from psi.errors import ExitCode, InvalidInput

REGION_OREBRO_LAN = "232100-0164"

VALID = [
    REGION_OREBRO_LAN,
    "802412-3450",
    "556016-0680",
    "556012-5790",
    "202100-5489",
    "212000-1926",
    "802002-6806",
    "769605-2856",
]


def reference_luhn(digits: str) -> int:
    """The Luhn check digit, written the textbook way: double every second digit from the right."""
    total = 0
    for index, char in enumerate(digits[::-1]):
        value = int(char)
        if index % 2 == 0:
            value *= 2
            if value > 9:
                value = value // 10 + value % 10
        total += value
    return (10 - total % 10) % 10


nine_digits = st.text(alphabet="0123456789", min_size=9, max_size=9).filter(
    lambda digits: int(digits[2]) >= 2
)


@pytest.mark.parametrize("orgnr", VALID)
def test_valid_numbers_are_kept(orgnr: str) -> None:
    assert normalise_orgnr(orgnr) == orgnr


@pytest.mark.parametrize(
    "typed",
    [
        "232100-0164",
        "2321000164",
        "16232100-0164",
        "162321000164",
        " 232100-0164 ",
        "232100 0164",
        "2321 00-0164",
        "\t2321000164\n",
    ],
)
def test_region_orebro_lan_in_every_accepted_shape(typed: str) -> None:
    assert normalise_orgnr(typed) == REGION_OREBRO_LAN


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "   ",
        "232100-016",
        "232100-01644",
        "23210-00164",
        "232100--0164",
        "232100_0164",
        "232100/0164",
        "23210O-0164",
        "abcdef-ghij",
        "17232100-0164",
        "1623210-00164",
        "-2321000164",
        "2321000164-",
        "0016232100-0164",
        "SE2321000164",
        "2321000164.",
    ],
)
def test_bad_shapes_are_rejected(typed: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        normalise_orgnr(typed)
    assert "NNNNNN-NNNN" in caught.value.message


@pytest.mark.parametrize(
    "typed",
    [
        "190101-0008",  # a personnummer-like number: third digit 0
        "811218-9876",  # a personnummer: third digit 1
        "16811218-9876",
        "000000-0000",
    ],
)
def test_third_digit_below_two_is_rejected(typed: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        normalise_orgnr(typed)
    assert "third digit" in caught.value.message


@pytest.mark.parametrize(
    "typed", ["232100-0165", "232100-0160", "802412-3451", "556016-0681", "232100-1064"]
)
def test_wrong_check_digit_is_rejected(typed: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        normalise_orgnr(typed)
    assert "check digit" in caught.value.message


def test_rejection_is_exit_code_invalid() -> None:
    with pytest.raises(InvalidInput) as caught:
        normalise_orgnr("nonsense")
    assert caught.value.exit_code is ExitCode.INVALID
    assert "'nonsense'" in caught.value.message


@pytest.mark.parametrize(
    "typed",
    [
        "２３２１００-０１６４",  # full-width digits
        "٢٣٢١٠٠-٠١٦٤",  # Arabic-Indic digits
    ],
)
def test_non_ascii_digits_never_come_back_as_non_ascii(typed: str) -> None:
    # The register keeps NNNNNN-NNNN with ASCII digits and checks uniqueness on it: a number
    # typed in other digits must either be rejected or come back in ASCII digits.
    try:
        result = normalise_orgnr(typed)
    except InvalidInput:
        return
    assert re.fullmatch(r"[0-9]{6}-[0-9]{4}", result), result


@pytest.mark.parametrize(
    ("digits", "check"),
    [("232100016", 4), ("802412345", 0), ("556016068", 0), ("000000000", 0), ("7992739871", 3)],
)
def test_luhn_check_digit_examples(digits: str, check: int) -> None:
    assert luhn_check_digit(digits) == check


@given(st.text(alphabet="0123456789", min_size=1, max_size=20))
def test_luhn_check_digit_agrees_with_textbook_luhn(digits: str) -> None:
    assert luhn_check_digit(digits) == reference_luhn(digits)


@given(st.text(alphabet="0123456789", min_size=1, max_size=20))
def test_luhn_check_digit_completes_a_valid_luhn_number(digits: str) -> None:
    full = digits + str(luhn_check_digit(digits))
    # The Luhn sum of the whole number, check digit included, is a multiple of 10.
    total = 0
    for index, char in enumerate(full[::-1]):
        value = int(char) * (2 if index % 2 == 1 else 1)
        total += value - 9 if value > 9 else value
    assert total % 10 == 0


@given(nine_digits)
def test_any_nine_digits_with_their_check_digit_are_accepted(nine: str) -> None:
    digits = nine + str(luhn_check_digit(nine))
    expected = f"{digits[:6]}-{digits[6:]}"
    assert normalise_orgnr(digits) == expected
    assert normalise_orgnr(expected) == expected
    assert normalise_orgnr("16" + digits) == expected
    assert re.fullmatch(r"[0-9]{6}-[0-9]{4}", normalise_orgnr(digits))


@given(nine_digits, st.integers(min_value=1, max_value=9))
def test_any_other_last_digit_is_rejected(nine: str, shift: int) -> None:
    wrong = (luhn_check_digit(nine) + shift) % 10
    with pytest.raises(InvalidInput):
        normalise_orgnr(f"{nine[:6]}-{nine[6:]}{wrong}")


@given(
    st.text(alphabet="0123456789", min_size=2, max_size=2),
    st.sampled_from("01"),
    st.text(alphabet="0123456789", min_size=7, max_size=7),
)
def test_third_digit_zero_or_one_is_rejected_even_with_right_check_digit(
    head: str, third: str, tail: str
) -> None:
    nine = head + third + tail[:6]
    with pytest.raises(InvalidInput):
        normalise_orgnr(nine + str(luhn_check_digit(nine)))


@given(nine_digits, st.sampled_from(["{}", "{}-{}", "16{}", "16{}-{}", " {} ", "{} {}"]))
def test_normalise_is_idempotent(nine: str, shape: str) -> None:
    digits = nine + str(luhn_check_digit(nine))
    typed = shape.format(digits[:6], digits[6:]) if shape.count("{}") == 2 else shape.format(digits)
    once = normalise_orgnr(typed)
    assert normalise_orgnr(once) == once


@given(st.text(max_size=20))
def test_normalise_is_idempotent_or_rejects_any_text(text: str) -> None:
    try:
        once = normalise_orgnr(text)
    except InvalidInput:
        return
    assert normalise_orgnr(once) == once


@pytest.mark.parametrize(
    ("orgnr", "group"),
    [
        (REGION_OREBRO_LAN, "state, region or municipality"),
        ("212000-1926", "state, region or municipality"),
        ("556016-0680", "limited company"),
        ("769605-2856", "economic association"),
        ("802412-3450", "non-profit association or foundation"),
        ("916000-0000", "partnership"),
        ("302000-0000", "other"),
        ("402000-0000", "other"),
        ("602000-0000", "other"),
        ("102000-0000", "other"),
    ],
)
def test_orgnr_group(orgnr: str, group: str) -> None:
    assert orgnr_group(orgnr) == group


def test_groups_follow_the_design() -> None:
    assert set(GROUPS) == {"2", "5", "7", "8", "9"}
