"""Dates as typed on the command line."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from psi.domain.dates import parse_date, parse_optional_date
from psi.errors import InvalidInput


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-03-10", date(2026, 3, 10)),
        (" 2026-03-10 ", date(2026, 3, 10)),
        ("2026-03-10\n", date(2026, 3, 10)),
        ("2024-02-29", date(2024, 2, 29)),
        ("2026-12-31", date(2026, 12, 31)),
        ("2000-01-01", date(2000, 1, 1)),
        ("0001-01-01", date(1, 1, 1)),
        ("9999-12-31", date(9999, 12, 31)),
    ],
)
def test_parse_date(text: str, expected: date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["today", "TODAY", "Today", " today ", "idag", "i dag", "IDAG"])
def test_today(text: str) -> None:
    before = date.today()
    parsed = parse_date(text)
    after = date.today()
    assert before <= parsed <= after


@pytest.mark.parametrize(
    "text",
    [
        "2026-3-1",
        "2026-03-1",
        "2026-3-10",
        "2026-02-30",
        "2025-02-29",
        "2026-13-01",
        "2026-00-10",
        "2026-04-31",
        "tomorrow",
        "yesterday",
        "imorgon",
        "",
        "   ",
        "10/3/2026",
        "2026/03/10",
        "2026.03.10",
        "20260310",
        "10-03-2026",
        "2026-03-10T10:00",
        "2026-03-10 10:00",
        "2026-03-10x",
        "+2026-03-10",
        "2026–03–10",  # en dashes
    ],
)
def test_parse_date_rejects(text: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_date(text)
    assert "YYYY-MM-DD" in caught.value.message
    assert f"'{text}'" in caught.value.message


def test_parse_date_message_names_the_field() -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_date("10/3/2026", what="joined date")
    assert "is not a valid joined date" in caught.value.message


@given(st.dates())
def test_every_iso_date_parses_back(day: date) -> None:
    assert parse_date(day.isoformat()) == day


@given(st.dates(min_value=date(1000, 1, 1)))
def test_unpadded_month_or_day_is_rejected(day: date) -> None:
    unpadded = f"{day.year}-{day.month}-{day.day}"
    if unpadded == day.isoformat():
        return
    with pytest.raises(InvalidInput):
        parse_date(unpadded)


@given(st.dates(max_value=date(9999, 12, 30)))
def test_parse_is_monotonic(day: date) -> None:
    assert parse_date(day.isoformat()) < parse_date((day + timedelta(days=1)).isoformat())


@pytest.mark.parametrize("text", [None, "", " ", "\t"])
def test_parse_optional_date_empty(text: str | None) -> None:
    assert parse_optional_date(text) is None


def test_parse_optional_date_value() -> None:
    assert parse_optional_date("2026-03-10") == date(2026, 3, 10)
    assert parse_optional_date(" 2026-03-10 ", what="left date") == date(2026, 3, 10)


def test_parse_optional_date_rejects_with_its_name() -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_optional_date("2026-02-30", what="left date")
    assert "is not a valid left date" in caught.value.message
