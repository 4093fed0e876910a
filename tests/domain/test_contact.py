"""Contact persons: names, e-mail addresses, phone numbers and roles."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from psi.domain.contact import (
    ContactFields,
    changed_fields,
    check_contact,
    check_removable,
    edited_contact,
    looks_like_email,
    normalise_email,
    normalise_phone,
)
from psi.errors import InvalidInput, RuleViolation


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("anna@example.se", "anna@example.se"),
        ("Anna@Example.SE", "anna@example.se"),
        ("  anna@example.se  ", "anna@example.se"),
        ("anna.andersson+psi@mail.example.se", "anna.andersson+psi@mail.example.se"),
        ("a@b.se", "a@b.se"),
        ("åsa@örebro.se", "åsa@örebro.se"),
        ("ÅSA@ÖREBRO.SE", "åsa@örebro.se"),
    ],
)
def test_normalise_email(text: str, expected: str) -> None:
    assert normalise_email(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "anna",
        "anna@",
        "@example.se",
        "anna@example",
        "anna@@example.se",
        "anna@exa@mple.se",
        "anna andersson@example.se",
        "anna@exa mple.se",
        "anna@example.se\nbcc@evil.se",
        "anna@example.",
        "a@" + "b" * 250 + ".se",
    ],
)
def test_normalise_email_rejects(text: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        normalise_email(text)
    assert "e-mail address" in caught.value.message


@given(st.from_regex(r"[a-z0-9._-]{1,20}@[a-z0-9-]{1,20}\.[a-z]{2,6}", fullmatch=True))
def test_normalise_email_is_idempotent(email: str) -> None:
    assert normalise_email(email) == email
    assert normalise_email(email.upper()) == email
    assert normalise_email(normalise_email(email)) == email


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("019-123 45 67", "019-123 45 67"),
        ("+46 19 123 45 67", "+46 19 123 45 67"),
        ("  019-123  45 67 ", "019-123 45 67"),
        ("0191234567", "0191234567"),
        ("070-123 45 67", "070-123 45 67"),
        ("+46701234567", "+46701234567"),
        ("019 (12) 34 56", "019 (12) 34 56"),
        ("12345", "12345"),
    ],
)
def test_normalise_phone(text: str, expected: str) -> None:
    assert normalise_phone(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "abc",
        "1234",
        "019-ABC",
        "++46 19 123 45 67",
        "46+19",
        "-019 123",
        "019/123 45 67",
        "019-123 45 67 ext 5",
        "0" * 26,
        "019\n123 45 67x",
    ],
)
def test_normalise_phone_rejects(text: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        normalise_phone(text)
    assert "phone number" in caught.value.message


@given(st.from_regex(r"\+?[0-9][0-9 -]{4,20}", fullmatch=True))
def test_normalise_phone_is_idempotent(phone: str) -> None:
    try:
        once = normalise_phone(phone)
    except InvalidInput:
        # Only when cleaning white space leaves fewer than five characters.
        assert len(" ".join(phone.split())) < 6
        return
    assert normalise_phone(once) == once


@given(st.from_regex(r"\+?[0-9]{5,12}", fullmatch=True))
def test_plain_digits_are_phone_numbers(phone: str) -> None:
    assert normalise_phone(phone) == phone


def test_check_contact_minimal() -> None:
    assert check_contact("Anna Andersson") == ContactFields(name="Anna Andersson")


def test_check_contact_full() -> None:
    assert check_contact(
        "  Anna   Andersson ",
        email=" Anna@Example.se ",
        phone="019-123 45 67",
        role=" ordförande ",
    ) == ContactFields(
        name="Anna Andersson", email="anna@example.se", phone="019-123 45 67", role="ordförande"
    )


@pytest.mark.parametrize("empty", [None, "", "   "])
def test_check_contact_empty_optional_fields(empty: str | None) -> None:
    assert check_contact("Anna", email=empty, phone=empty, role=empty) == ContactFields(name="Anna")


@pytest.mark.parametrize(
    ("name", "email", "phone", "role", "mentions"),
    [
        ("", None, None, None, "contact's name"),
        ("   ", None, None, None, "contact's name"),
        ("Anna\nAndersson", None, None, None, "control character"),
        ("A" * 201, None, None, None, "200"),
        ("Anna", "anna", None, None, "e-mail"),
        ("Anna", None, "abc", None, "phone"),
        ("Anna", None, None, "r" * 101, "100"),
        ("Anna", None, None, "ordförande\tsekreterare", "control character"),
    ],
)
def test_check_contact_rejects(
    name: str, email: str | None, phone: str | None, role: str | None, mentions: str
) -> None:
    with pytest.raises(InvalidInput) as caught:
        check_contact(name, email=email, phone=phone, role=role)
    assert mentions in caught.value.message


@pytest.mark.parametrize(
    ("text", "expected"),
    [("anna@example.se", True), ("Anna Andersson", False), ("@", True), ("", False)],
)
def test_looks_like_email(text: str, expected: bool) -> None:
    assert looks_like_email(text) is expected


@pytest.mark.parametrize("typed", ["Anna\u202e Andersson", "Anna\u200dAndersson", "An\u00adna"])
def test_a_contact_name_refuses_invisible_characters(typed: str) -> None:
    with pytest.raises(InvalidInput, match="retype the contact's name"):
        check_contact(typed)


# --- corrections -----------------------------------------------------------------------------

ANNA = ContactFields("Anna Andersson", "anna@example.se", "019-123 45 67", "ordförande")


def test_edited_contact_keeps_what_is_not_given() -> None:
    assert edited_contact(ANNA, role="sekreterare") == ContactFields(
        "Anna Andersson", "anna@example.se", "019-123 45 67", "sekreterare"
    )


def test_edited_contact_checks_as_add_does() -> None:
    edited = edited_contact(ANNA, name="  Anna   Andersén ", email=" Anna@Example.SE ")
    assert (edited.name, edited.email) == ("Anna Andersén", "anna@example.se")


@pytest.mark.parametrize("empty", ["", "  "])
def test_edited_contact_clears_optional_fields_with_empty_text(empty: str) -> None:
    assert edited_contact(ANNA, email=empty, phone=empty, role=empty) == ContactFields(
        "Anna Andersson"
    )


@pytest.mark.parametrize(
    ("options", "mentions"),
    [
        ({}, "--name, --role, --email and --phone"),
        ({"name": " "}, "psi contact remove"),
        ({"email": "anna"}, "anna@example.se"),
        ({"phone": "abc"}, "019-123 45 67"),
        ({"name": "Anna\u200bAndersson"}, "invisible"),
    ],
)
def test_edited_contact_refuses(options: dict[str, str], mentions: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        edited_contact(ANNA, **options)
    assert mentions in caught.value.message


def test_changed_fields_in_words() -> None:
    assert changed_fields(ANNA, ANNA) == []
    after = ContactFields("Anna Andersén", None, "019-123 45 67", "ordförande")
    assert changed_fields(ANNA, after) == ["name", "e-mail address"]


def test_a_contact_nobody_recorded_at_a_meeting_can_be_removed() -> None:
    check_removable("Anna Andersson", "Föreningen", [])


def test_a_contact_recorded_at_meetings_is_not_removed() -> None:
    with pytest.raises(RuleViolation) as caught:
        check_removable("Anna Andersson", "Föreningen", [12, 3, 4, 5, 6, 7, 8])
    message = caught.value.message
    assert "meetings 3, 4, 5, 6, 7 and 2 more" in message
    assert 'psi contact forget "Anna Andersson" --org "Föreningen"' in message
    assert 'psi contact edit "Föreningen" "Anna Andersson" --name NAME' in message


def test_one_meeting_is_named_as_one() -> None:
    with pytest.raises(RuleViolation, match="at meeting 12, so removing them would change that"):
        check_removable("Anna Andersson", "Föreningen", [12])
