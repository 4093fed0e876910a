"""Who is asked: the groups typed after --to, the address line for Bcc, the AU's standing."""

from __future__ import annotations

import random
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from psi.domain.audience import (
    SEPARATOR,
    Group,
    Recipient,
    Standing,
    address_line,
    group_of,
    parse_targets,
    sendable,
    standing_in,
    unique_recipients,
)
from psi.domain.contact import normalise_email
from psi.domain.membership import Membership
from psi.errors import InvalidInput

# --- groups and targets -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "group"),
    [
        ("members", Group.MEMBERS),
        ("MEMBERS", Group.MEMBERS),
        ("member", Group.MEMBERS),
        ("medlemmar", Group.MEMBERS),
        ("Medlemmarna", Group.MEMBERS),
        ("au", Group.AU),
        ("AU", Group.AU),
        ("arbetsutskottet", Group.AU),
        ("Arbetsutskott", Group.AU),
        ("coordinators", Group.COORDINATORS),
        ("samordnare", Group.COORDINATORS),
        ("Samordnarna", Group.COORDINATORS),
        ("prospects", Group.PROSPECTS),
        ("prospect", Group.PROSPECTS),
        ("intresserade", Group.PROSPECTS),
        ("tänkbara medlemmar", Group.PROSPECTS),
        ("tankbara_medlemmar", Group.PROSPECTS),
        ("  medlemmar ", Group.MEMBERS),
    ],
)
def test_group_words_in_english_and_swedish(typed: str, group: Group) -> None:
    assert group_of(typed.strip()) is group
    assert parse_targets([typed]) == ([group], [])


@pytest.mark.parametrize("typed", ["activa", "Örebro Föreningsråd", "bron", "medlem i psi", "aux"])
def test_other_words_are_organisations(typed: str) -> None:
    assert group_of(typed) is None
    assert parse_targets([typed]) == ([], [typed])


def test_targets_keep_their_order_and_come_once() -> None:
    groups, queries = parse_targets(
        ["au", "bron", "members", "AU", "Bron", "medlemmar", "  activa  ", "samordnare"]
    )
    assert groups == [Group.AU, Group.MEMBERS, Group.COORDINATORS]
    assert queries == ["bron", "activa"]


def test_no_targets_is_nothing() -> None:
    assert parse_targets([]) == ([], [])


@pytest.mark.parametrize("blank", ["", "   ", "\t"])
def test_a_blank_target_is_refused(blank: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_targets(["members", blank])
    assert "--to" in caught.value.message


# --- addresses ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "email",
    ["anna@example.se", "anna.andersson+psi@mail.example.se", "åsa@örebro.se", "a@b.se"],
)
def test_sendable(email: str) -> None:
    assert sendable(email)


@pytest.mark.parametrize(
    "email",
    [
        None,
        "",
        "anna",
        "anna@example",
        "anna andersson@example.se",
        "anna;bo@example.se",
        "anna,bo@example.se",
        "Anna <anna@example.se>",
        '"anna"@example.se',
        "anna@example.se;bo@example.se",
        "a@" + "b" * 250 + ".se",
    ],
)
def test_not_sendable(email: str | None) -> None:
    assert not sendable(email)


@pytest.mark.parametrize(
    "typed", ["anna;bo@example.se", "anna,bo@example.se", "<anna@example.se>", "anna(x)@example.se"]
)
def test_an_address_that_would_split_a_list_is_refused_when_typed(typed: str) -> None:
    with pytest.raises(InvalidInput):
        normalise_email(typed)


def person(number: int, email: str, organisation: str = "Org", name: str = "") -> Recipient:
    return Recipient(number, name or f"Person {number}", email, organisation)


def test_unique_recipients_keeps_one_per_address_in_any_case() -> None:
    people = [
        person(1, "anna@example.se", "Örebro Föreningsråd", "Anna"),
        person(2, "ANNA@example.se", "Activa", "Anna A"),
        person(3, "bo@example.se", "Bron", "Bo"),
    ]
    kept = unique_recipients(people)
    assert [p.contact_id for p in kept] == [2, 3]  # Activa before Bron before Örebro
    assert address_line(people) == "ANNA@example.se; bo@example.se"


def test_order_is_swedish_by_organisation_then_name() -> None:
    people = [
        person(1, "c@example.se", "Örebro", "Cecilia"),
        person(2, "b@example.se", "Ängen", "Bo"),
        person(3, "a@example.se", "Åby", "Axel"),
        person(4, "d@example.se", "Zeta", "Dan"),
        person(5, "e@example.se", "Åby", "Adam"),
    ]
    assert [p.contact_id for p in unique_recipients(people)] == [4, 5, 3, 2, 1]


def test_address_line() -> None:
    assert address_line([]) == ""
    assert address_line([person(1, "a@example.se")]) == "a@example.se"
    assert (
        address_line([person(1, "a@example.se", "A"), person(2, "b@example.se", "B")])
        == "a@example.se; b@example.se"
    )


def test_unusable_addresses_are_left_out() -> None:
    people = [person(1, "a;b@example.se"), person(2, ""), person(3, "ok@example.se")]
    assert address_line(people) == "ok@example.se"


_LOCAL = st.from_regex(r"[a-z0-9._+-]{1,12}", fullmatch=True)
_DOMAIN = st.from_regex(r"[a-zåäö0-9-]{1,10}\.(se|org|nu)", fullmatch=True)
_EMAILS = st.builds(lambda local, domain: f"{local}@{domain}", _LOCAL, _DOMAIN)
_CASED = st.tuples(_EMAILS, st.sampled_from([str.lower, str.upper, str.title])).map(
    lambda pair: pair[1](pair[0])
)
_PEOPLE = st.lists(
    st.builds(
        Recipient,
        contact_id=st.integers(1, 10_000),
        name=st.text(min_size=1, max_size=12),
        email=st.one_of(_CASED, st.sampled_from(["", "x;y@example.se", "nope"])),
        organisation=st.text(min_size=1, max_size=12),
    ),
    max_size=30,
)


@given(_PEOPLE)
def test_each_address_once_whatever_its_case(people: list[Recipient]) -> None:
    line = address_line(people)
    addresses = line.split(SEPARATOR) if line else []
    folded = [address.casefold() for address in addresses]
    assert len(folded) == len(set(folded))
    valid = {p.email.casefold() for p in people if sendable(p.email)}
    assert set(folded) == valid
    for address in addresses:
        assert sendable(address)
        assert ";" not in address and " " not in address


@given(_PEOPLE)
def test_unique_recipients_is_stable_and_idempotent(people: list[Recipient]) -> None:
    once = unique_recipients(people)
    assert unique_recipients(once) == once
    assert address_line(once) == address_line(people)
    assert {p.email.casefold() for p in once} == {
        p.email.casefold() for p in people if sendable(p.email)
    }


@given(_PEOPLE, st.randoms())
def test_the_order_given_changes_nothing_but_who_keeps_a_shared_address(
    people: list[Recipient], shuffler: random.Random
) -> None:
    shuffled = list(people)
    shuffler.shuffle(shuffled)
    assert address_line(shuffled).casefold().split(SEPARATOR) == address_line(
        people
    ).casefold().split(SEPARATOR)


# --- the AU: standing in a year -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("membership", "year", "standing"),
    [
        (Membership("member"), 2026, Standing.MEMBER),
        (Membership("member", joined_on=date(2026, 12, 30)), 2026, Standing.MEMBER),
        (Membership("member", joined_on=date(2027, 1, 1)), 2026, Standing.NOT_MEMBER),
        (Membership("prospect"), 2026, Standing.NOT_MEMBER),
        (Membership("partner"), 2026, Standing.NOT_MEMBER),
        (Membership("former", date(2016, 1, 1), date(2024, 12, 31)), 2025, Standing.LEFT),
        (Membership("former", date(2016, 1, 1), date(2024, 12, 31)), 2024, Standing.MEMBER),
        (Membership("former", date(2016, 1, 1), date(2026, 1, 1)), 2026, Standing.MEMBER),
        (Membership("former"), 2026, Standing.LEFT),
    ],
)
def test_standing_in_a_year(membership: Membership, year: int, standing: Standing) -> None:
    assert standing_in(membership, year) is standing
