"""`psi contact add/list/forget` through the command line, GDPR erasure included."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from psi.errors import ExitCode
from tests.conftest import Run, dump
from tests.helpers import assert_fails, contacts, ok, org_show

CONTACT_KEYS = {"id", "organisation", "name", "email", "phone", "role"}
ANNA = ("Anna Exempelsson", "anna.exempelsson@example.org")
ERIK = ("Erik Exempelsson", "erik.exempelsson@example.org")
MARIA = ("Maria Exempeldotter", "maria.exempeldotter@example.org")


def cells_mentioning(db: Path, *needles: str) -> list[tuple[str, Any]]:
    """Every cell of every table whose text contains one of the needles (any case)."""
    lowered = [needle.casefold() for needle in needles]
    return [
        (table, cell)
        for table, rows in dump(db).items()
        for row in rows
        for cell in row
        if any(needle in str(cell).casefold() for needle in lowered)
    ]


# --- contact add -----------------------------------------------------------------------------


def test_add_with_email_phone_and_role(run: Run, example_db: Path) -> None:
    out = ok(
        run,
        "contact",
        "add",
        "orebro fo",
        "Anna Andersson",
        "--email",
        " Anna.Andersson@Example.SE ",
        "--phone",
        "019-123 45 67",
        "--role",
        "ordförande",
    )
    assert "Added Anna Andersson as a contact person at Örebro Föreningsråd." in out
    people = contacts(run, "Örebro Föreningsråd")
    assert len(people) == 1
    person = people[0]
    assert set(person) == CONTACT_KEYS
    assert person["organisation"] == "Örebro Föreningsråd"
    assert person["name"] == "Anna Andersson"
    assert person["email"] == "anna.andersson@example.se"
    assert person["phone"] == "019-123 45 67"
    assert person["role"] == "ordförande"
    assert org_show(run, "Örebro Föreningsråd")["contacts"] == [person]


def test_add_with_name_only_and_international_phone(run: Run, example_db: Path) -> None:
    ok(run, "contact", "add", "activa", "Bo Ek")
    ok(run, "contact", "add", "activa", "Cecilia Ek", "--phone", "+46 19 123 45 67")
    people = {p["name"]: p for p in contacts(run, "activa")}
    assert people["Bo Ek"]["email"] is None
    assert people["Bo Ek"]["phone"] is None
    assert people["Bo Ek"]["role"] is None
    assert people["Cecilia Ek"]["phone"] == "+46 19 123 45 67"


@pytest.mark.parametrize(
    ("args", "code"),
    [
        pytest.param(
            ["activa", "Bo Ek", "--email", "bo-at-example.se"], ExitCode.INVALID, id="email"
        ),
        pytest.param(
            ["activa", "Bo Ek", "--email", "bo@example"], ExitCode.INVALID, id="email-tld"
        ),
        pytest.param(["activa", "Bo Ek", "--phone", "ring mig"], ExitCode.INVALID, id="phone"),
        pytest.param(["activa", "Bo Ek", "--phone", "12"], ExitCode.INVALID, id="phone-short"),
        pytest.param(["activa", "   "], ExitCode.INVALID, id="empty-name"),
        pytest.param(["Okänd förening", "Bo Ek"], ExitCode.NOT_FOUND, id="unknown-org"),
        pytest.param(["exempel", "Bo Ek"], ExitCode.NOT_FOUND, id="ambiguous-org"),
        pytest.param(["Exempelgården", "Anna Exempelsson"], ExitCode.CONFLICT, id="duplicate"),
        pytest.param(
            ["Exempelgården", "anna EXEMPELSSON"], ExitCode.CONFLICT, id="duplicate-other-case"
        ),
    ],
)
def test_add_refused(run: Run, example_db: Path, args: list[str], code: ExitCode) -> None:
    assert_fails(run, example_db, code, "contact", "add", *args)


@pytest.mark.parametrize("second", ["Åsa Öberg", "åsa öberg", "ÅSA ÖBERG"])
def test_add_duplicate_name_with_swedish_letters(run: Run, example_db: Path, second: str) -> None:
    ok(run, "contact", "add", "activa", "Åsa Öberg", "--email", "asa@example.se")
    assert_fails(run, example_db, ExitCode.CONFLICT, "contact", "add", "activa", second)


def test_same_name_at_another_org_is_allowed(run: Run, example_db: Path) -> None:
    ok(run, "contact", "add", "activa", *ANNA[:1], "--email", ANNA[1])
    assert {p["organisation"] for p in contacts(run) if p["name"] == ANNA[0]} == {
        "Stiftelsen Activa",
        "Föreningen Exempelgården (exempel)",
    }


# --- contact list ----------------------------------------------------------------------------


def test_list_all_contacts(run: Run, example_db: Path) -> None:
    people = contacts(run)
    assert [(p["organisation"], p["name"]) for p in people] == [
        ("Exempelhögskolan (exempel)", "Maria Exempeldotter"),
        ("Exempelstiftelsen Bron (exempel)", "Erik Exempelsson"),
        ("Föreningen Exempelgården (exempel)", "Anna Exempelsson"),
    ]
    for person in people:
        assert set(person) == CONTACT_KEYS
    out = ok(run, "contact", "list")
    for name, email in (ANNA, ERIK, MARIA):
        assert name in out
        assert email in out
    assert "│" not in out


def test_list_contacts_of_one_org(run: Run, example_db: Path) -> None:
    people = contacts(run, "bron")
    assert [(p["name"], p["email"], p["role"]) for p in people] == [
        ("Erik Exempelsson", "erik.exempelsson@example.org", "ordförande")
    ]
    out = ok(run, "contact", "list", "bron")
    assert "Erik Exempelsson" in out
    assert "Anna Exempelsson" not in out
    assert contacts(run, "activa") == []
    assert "No contact persons yet" in ok(run, "contact", "list", "activa")


def test_list_contacts_empty_register(run: Run, empty_db: Path) -> None:
    assert contacts(run) == []


def test_list_contacts_of_unknown_org(run: Run, example_db: Path) -> None:
    assert_fails(run, example_db, ExitCode.NOT_FOUND, "contact", "list", "qqqqqq")


# --- contact forget --------------------------------------------------------------------------


def test_forget_by_email(run: Run, example_db: Path) -> None:
    out = ok(run, "contact", "forget", ANNA[1], "--yes")
    assert "Erased Anna Exempelsson: 1 contact person at 1 organisation" in out
    assert ANNA[0] not in {p["name"] for p in contacts(run)}
    assert len(contacts(run)) == 2
    org = org_show(run, "Exempelgården")
    assert org["contacts"] == []
    assert org["erased_contacts"] == 1
    assert "1 contact record(s) erased on request" in ok(run, "org", "show", "Exempelgården")
    assert cells_mentioning(example_db, *ANNA) == []
    assert len(dump(example_db)["contact"]) == 2


def test_forget_by_email_in_another_case(run: Run, example_db: Path) -> None:
    ok(run, "contact", "forget", ERIK[1].upper(), "-y")
    assert cells_mentioning(example_db, *ERIK) == []
    assert org_show(run, "bron")["erased_contacts"] == 1


def test_forget_by_name(run: Run, example_db: Path) -> None:
    out = ok(run, "contact", "forget", "maria exempeldotter", "--yes")
    assert "Erased Maria Exempeldotter: 1 contact person at 1 organisation" in out
    assert [p["name"] for p in contacts(run)] == ["Erik Exempelsson", "Anna Exempelsson"]
    org = org_show(run, "Exempelhögskolan")
    assert org["contacts"] == []
    assert org["erased_contacts"] == 1
    assert cells_mentioning(example_db, *MARIA) == []


def test_forget_a_person_at_two_orgs(run: Run, example_db: Path) -> None:
    ok(run, "contact", "add", "activa", ANNA[0], "--email", ANNA[1], "--phone", "070-111 22 33")
    out = ok(run, "contact", "forget", ANNA[0], "--yes")
    assert "Erased Anna Exempelsson: 2 contact persons at 2 organisations" in out
    assert org_show(run, "activa")["erased_contacts"] == 1
    assert org_show(run, "Exempelgården")["erased_contacts"] == 1
    assert cells_mentioning(example_db, *ANNA, "070-111 22 33", "019-00 00 01") == []
    assert len(dump(example_db)["contact"]) == 2


def test_forget_confirmed_with_y(run: Run, example_db: Path) -> None:
    out = ok(run, "contact", "forget", ERIK[0], input="y\n")
    assert "Erased Erik Exempelsson: 1 contact person at 1 organisation" in out
    assert cells_mentioning(example_db, *ERIK) == []


def test_forget_answered_no_aborts(run: Run, example_db: Path) -> None:
    message = assert_fails(
        run, example_db, ExitCode.ABORTED, "contact", "forget", ANNA[1], input="n\n"
    )
    assert "Nothing was erased" in message
    assert ANNA[0] in {p["name"] for p in contacts(run)}


@pytest.mark.parametrize("who", ["Ingen Alls", "ingen@example.se"])
def test_forget_unknown_person(run: Run, example_db: Path, who: str) -> None:
    assert_fails(run, example_db, ExitCode.NOT_FOUND, "contact", "forget", who, "--yes")


def test_forget_bad_email(run: Run, example_db: Path) -> None:
    assert_fails(run, example_db, ExitCode.INVALID, "contact", "forget", "anna@", "--yes")


def test_forget_name_shared_by_two_people(run: Run, example_db: Path) -> None:
    ok(run, "contact", "add", "activa", ERIK[0], "--email", "erik.annan@example.se")
    message = assert_fails(
        run, example_db, ExitCode.CONFLICT, "contact", "forget", ERIK[0], "--yes"
    )
    assert "e-mail" in message
    ok(run, "contact", "forget", "erik.annan@example.se", "--yes")
    assert [p["email"] for p in contacts(run) if p["name"] == ERIK[0]] == [ERIK[1]]
    assert org_show(run, "activa")["erased_contacts"] == 1
    assert org_show(run, "bron")["erased_contacts"] == 0


def test_forget_keeps_other_people(run: Run, example_db: Path) -> None:
    before = dump(example_db)
    ok(run, "contact", "forget", ANNA[1], "--yes")
    after = dump(example_db)
    assert after["organisation"] == before["organisation"]
    assert [row for row in before["contact"] if ANNA[0] not in row] == after["contact"]


def test_org_with_erased_contacts_is_not_removed(run: Run, example_db: Path) -> None:
    ok(run, "contact", "forget", MARIA[1], "--yes")
    assert_fails(run, example_db, ExitCode.CONFLICT, "org", "remove", "Exempelhögskolan", "--yes")
    assert org_show(run, "Exempelhögskolan")["erased_contacts"] == 1
