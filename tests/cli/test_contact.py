"""`psi contact add/list/edit/remove/forget` through the command line, GDPR erasure included."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from psi.errors import ExitCode
from tests.conftest import Run, dump
from tests.helpers import (
    add_meeting,
    as_json,
    assert_fails,
    contacts,
    hold_meeting,
    meeting_detail,
    ok,
    org_show,
)

CONTACT_KEYS = {"id", "organisation", "name", "email", "phone", "role", "no_mail"}
ANNA = ("Anna Exempelsson", "anna.exempelsson@example.org")
ERIK = ("Erik Exempelsson", "erik.exempelsson@example.org")
MARIA = ("Maria Exempeldotter", "maria.exempeldotter@example.org")
KARL = ("Karl Exempelberg", "0582-00 00 02")
"""The example's contact person without an e-mail address."""


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
    assert person["no_mail"] is False
    shown = org_show(run, "Örebro Föreningsråd")["contacts"]
    assert shown == [person]  # psi org show tells the same, the wish for no mail included


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
    assert [(p["organisation"], p["name"], p["no_mail"]) for p in people] == [
        ("Exempelhögskolan (exempel)", "Maria Exempeldotter", True),
        ("Exempelkommunens socialförvaltning (exempel)", "Karl Exempelberg", False),
        ("Exempelstiftelsen Bron (exempel)", "Erik Exempelsson", False),
        ("Föreningen Exempelgården (exempel)", "Anna Exempelsson", False),
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
    assert len(contacts(run)) == 3
    org = org_show(run, "Exempelgården")
    assert org["contacts"] == []
    assert org["erased_contacts"] == 1
    assert "1 contact record erased on request" in ok(run, "org", "show", "Exempelgården")
    assert cells_mentioning(example_db, *ANNA) == []
    assert len(dump(example_db)["contact"]) == 3


def test_forget_by_email_in_another_case(run: Run, example_db: Path) -> None:
    ok(run, "contact", "forget", ERIK[1].upper(), "-y")
    assert cells_mentioning(example_db, *ERIK) == []
    assert org_show(run, "bron")["erased_contacts"] == 1


def test_forget_by_name(run: Run, example_db: Path) -> None:
    out = ok(run, "contact", "forget", "maria exempeldotter", "--yes")
    assert "Erased Maria Exempeldotter: 1 contact person at 1 organisation" in out
    assert [p["name"] for p in contacts(run)] == [KARL[0], ERIK[0], ANNA[0]]
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
    assert len(dump(example_db)["contact"]) == 3


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


# --- contact edit ----------------------------------------------------------------------------

BRON = "Exempelstiftelsen Bron (exempel)"


def contact(run: Run, org: str, name: str) -> dict[str, Any]:
    """The one contact person of that name at the organisation."""
    [found] = [p for p in contacts(run, org) if p["name"] == name]
    return found


def last_audit(run: Run) -> dict[str, Any]:
    """The newest entry of `psi audit --json`."""
    entries: list[dict[str, Any]] = as_json(run, "audit")
    return entries[-1]


def erik_at_a_meeting(run: Run) -> int:
    """A held meeting that records Erik (Bron's contact person) as present; its number."""
    number = add_meeting(run, "au", "2025-08-19")
    hold_meeting(run, number, "--attended", f"bron:{ERIK[0]}")
    return number


def test_edit_corrects_every_field(run: Run, example_db: Path) -> None:
    out = ok(
        run,
        "contact",
        "edit",
        "bron",
        "erik exempelsson",
        "--name",
        "Erik Exempelsén",
        "--role",
        "sekreterare",
        "--email",
        " Erik.E@Example.org ",
        "--phone",
        "019-12 34 56",
    )
    assert out == (
        f"Changed the name, e-mail address, phone number and role of Erik Exempelsén at {BRON}.\n"
    )
    edited = contact(run, "bron", "Erik Exempelsén")
    assert {k: v for k, v in edited.items() if k != "id"} == {
        "organisation": BRON,
        "name": "Erik Exempelsén",
        "email": "erik.e@example.org",
        "phone": "019-12 34 56",
        "role": "sekreterare",
        "no_mail": False,
    }


def test_edit_clears_optional_fields_with_empty_text(run: Run, example_db: Path) -> None:
    shown = as_json(run, "contact", "edit", "bron", ERIK[0], "--email", "", "--role", "")
    assert (shown["name"], shown["email"], shown["phone"], shown["role"]) == (
        ERIK[0],
        None,
        None,
        None,
    )
    assert shown == contact(run, "bron", ERIK[0])


def test_a_corrected_name_is_shown_at_the_meetings_that_record_the_person(
    run: Run, example_db: Path
) -> None:
    number = erik_at_a_meeting(run)
    ok(run, "contact", "edit", "bron", ERIK[0], "--name", "Erik Exempelsén")
    assert meeting_detail(run, number)["attended"] == [
        {"organisation": BRON, "contact": "Erik Exempelsén"}
    ]


def test_edit_with_the_same_values_changes_nothing(run: Run, example_db: Path) -> None:
    before = dump(example_db)
    out = ok(run, "contact", "edit", "bron", ERIK[0], "--email", ERIK[1].upper())
    assert out == f"{ERIK[0]} at {BRON} already reads so; nothing changed.\n"
    assert dump(example_db) == before  # no audit entry either


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["bron", ERIK[0]], ExitCode.INVALID),  # nothing to change
        (["bron", ERIK[0], "--email", "erik@"], ExitCode.INVALID),
        (["bron", ERIK[0], "--phone", "abc"], ExitCode.INVALID),
        (["bron", ERIK[0], "--name", " "], ExitCode.INVALID),
        (["bron", ERIK[0], "--role", "r" * 101], ExitCode.INVALID),
        (["bron", ANNA[0], "--role", "x"], ExitCode.NOT_FOUND),
        (["qqqqqq", ERIK[0], "--role", "x"], ExitCode.NOT_FOUND),
    ],
)
def test_a_refused_edit_changes_nothing(
    run: Run, example_db: Path, args: list[str], code: ExitCode
) -> None:
    assert_fails(run, example_db, code, "contact", "edit", *args)


def test_edit_without_options_names_them(run: Run, example_db: Path) -> None:
    line = assert_fails(run, example_db, ExitCode.INVALID, "contact", "edit", "bron", ERIK[0])
    for option in ("--name", "--role", "--email", "--phone"):
        assert option in line


def test_edit_of_someone_not_there_names_who_is(run: Run, example_db: Path) -> None:
    line = assert_fails(
        run, example_db, ExitCode.NOT_FOUND, "contact", "edit", "bron", "Erik", "--role", "x"
    )
    assert f"its contact persons are {ERIK[0]}" in line
    assert f'psi contact list "{BRON}"' in line


def test_edit_to_a_name_already_there_is_refused(run: Run, example_db: Path) -> None:
    ok(run, "contact", "add", "bron", "Eva Exempelsson")
    line = assert_fails(
        run,
        example_db,
        ExitCode.CONFLICT,
        "contact",
        "edit",
        "bron",
        "Eva Exempelsson",
        "--name",
        ERIK[0].upper(),
    )
    assert f"is already a contact person at {BRON}" in line


def test_edit_is_audited(run: Run, example_db: Path) -> None:
    ok(run, "contact", "edit", "bron", ERIK[0], "--role", "kassör")
    entry = last_audit(run)
    assert entry["command"] == f'psi contact edit bron "{ERIK[0]}" --role kassör'
    [change] = entry["changes"]
    assert (change["action"], change["table"]) == ("update", "contact")
    assert change["changes"] == {"role": {"old": "ordförande", "new": "kassör"}}


def test_forget_after_an_edit_erases_the_old_name_in_the_audit_log(
    run: Run, example_db: Path
) -> None:
    ok(run, "contact", "edit", "bron", ERIK[0], "--name", "Erik Exempelsén")
    ok(run, "contact", "forget", "Erik Exempelsén", "--yes")
    assert cells_mentioning(example_db, ERIK[0], "Exempelsén", ERIK[1]) == []


# --- contact remove --------------------------------------------------------------------------


def test_remove_with_yes(run: Run, example_db: Path) -> None:
    ok(run, "contact", "add", "bron", "Eva Exempelsson", "--email", "eva@example.se")
    out = ok(run, "contact", "remove", "bron", "eva exempelsson", "--yes")
    assert out == f"Deleted Eva Exempelsson as a contact person at {BRON}.\n"
    assert [p["name"] for p in contacts(run, "bron")] == [ERIK[0]]


def test_remove_of_a_person_on_the_au_leaves_the_seat_unnamed(run: Run, example_db: Path) -> None:
    """Erik sits for Bron on the example's AU of 2026: the seat stays, and psi says so."""
    out = ok(run, "contact", "remove", "bron", "erik exempelsson", "--yes")
    assert out == (
        f"{ERIK[0]} sat for {BRON} on the AU in 2026; the seat stays, with nobody named: "
        f'psi au edit 2026 "{BRON}" --person NAME.\n'
        f"Deleted {ERIK[0]} as a contact person at {BRON}.\n"
    )
    assert contacts(run, "bron") == []
    assert org_show(run, "bron")["erased_contacts"] == 0  # a removal is not an erasure
    [seat] = [s for s in as_json(run, "au", "list", "2026") if s["organisation"] == BRON]
    assert (seat["person"], seat["email"]) == (None, None)


def test_remove_after_confirming(run: Run, example_db: Path) -> None:
    out = ok(run, "contact", "remove", "bron", ERIK[0], input="y\n")
    assert f"Delete {ERIK[0]} as a contact person at {BRON}?" in out
    assert contacts(run, "bron") == []


def test_remove_answered_no_deletes_nothing(run: Run, example_db: Path) -> None:
    line = assert_fails(
        run, example_db, ExitCode.ABORTED, "contact", "remove", "bron", ERIK[0], input="n\n"
    )
    assert "Nothing was deleted" in line


@pytest.mark.parametrize(
    ("org", "name", "code"),
    [("bron", ANNA[0], ExitCode.NOT_FOUND), ("qqqqqq", ERIK[0], ExitCode.NOT_FOUND)],
)
def test_remove_of_someone_not_there(
    run: Run, example_db: Path, org: str, name: str, code: ExitCode
) -> None:
    assert_fails(run, example_db, code, "contact", "remove", org, name, "--yes")


def test_remove_of_a_person_recorded_at_a_meeting_is_refused(run: Run, example_db: Path) -> None:
    number = erik_at_a_meeting(run)
    line = assert_fails(
        run, example_db, ExitCode.RULE, "contact", "remove", "bron", ERIK[0], "--yes"
    )
    assert f"recorded as present at meeting {number}" in line
    assert f'psi contact forget "{ERIK[0]}" --org "{BRON}"' in line
    assert "psi contact edit" in line


def test_remove_is_audited(run: Run, example_db: Path) -> None:
    ok(run, "contact", "remove", "bron", ERIK[0], "--yes")
    entry = last_audit(run)
    assert entry["command"] == f'psi contact remove bron "{ERIK[0]}" --yes'
    [change] = entry["changes"]
    assert (change["action"], change["table"]) == ("delete", "contact")
    assert change["values"]["email"] == ERIK[1]


# --- contact forget: several people with the name ----------------------------------------------


def two_eriks(run: Run) -> None:
    """A second Erik Exempelsson, at Activa, with an address of his own."""
    ok(run, "contact", "add", "activa", ERIK[0], "--email", "erik.annan@example.se")


def test_forget_a_shared_name_without_org_names_the_organisations(
    run: Run, example_db: Path
) -> None:
    two_eriks(run)
    line = assert_fails(run, example_db, ExitCode.CONFLICT, "contact", "forget", ERIK[0], "--yes")
    assert BRON in line and "Stiftelsen Activa" in line and "--org" in line


def test_forget_a_shared_name_with_org(run: Run, example_db: Path) -> None:
    two_eriks(run)
    out = ok(run, "contact", "forget", ERIK[0], "--org", "activa", "--yes")
    assert "Erased Erik Exempelsson: 1 contact person at 1 organisation" in out
    assert contacts(run, "activa") == []
    assert contact(run, "bron", ERIK[0])["email"] == ERIK[1]


def test_forget_a_shared_name_asks_which(run: Run, example_db: Path) -> None:
    two_eriks(run)
    out = ok(run, "contact", "forget", ERIK[0], input="1\ny\n")
    assert f"Several contact persons are called {ERIK[0]}" in out
    assert "1  " + BRON in out and "2  Stiftelsen Activa" in out
    assert "Which one (1-2)?" in out
    assert contacts(run, "bron") == []
    assert contact(run, "activa", ERIK[0])["email"] == "erik.annan@example.se"


def test_forget_a_shared_name_unanswered_changes_nothing(run: Run, example_db: Path) -> None:
    two_eriks(run)
    line = assert_fails(run, example_db, ExitCode.CONFLICT, "contact", "forget", ERIK[0])
    assert "--org" in line


def test_forget_a_shared_name_with_a_number_not_offered(run: Run, example_db: Path) -> None:
    two_eriks(run)
    line = assert_fails(
        run, example_db, ExitCode.INVALID, "contact", "forget", ERIK[0], input="3\n"
    )
    assert "--org" in line and "nothing was erased" in line


def test_forget_after_a_removal_erases_what_the_audit_log_kept(run: Run, example_db: Path) -> None:
    """`contact remove` is not an erasure: the audit log keeps the removed person's address,
    and `forget NAME` finds and erases it there (the database file is then truly clean)."""
    ok(run, "contact", "remove", "bron", ERIK[0], "--yes")
    assert cells_mentioning(example_db, ERIK[1]) != []
    out = ok(run, "contact", "forget", ERIK[0], "--yes")
    assert "in the audit log" in out
    if isinstance(example_db, Path):  # a server's files are not psi's to read
        assert "hold no trace of them" in out
    assert cells_mentioning(example_db, *ERIK) == []


def test_forget_by_address_after_a_removal(run: Run, example_db: Path) -> None:
    ok(run, "contact", "remove", "bron", ERIK[0], "--yes")
    ok(run, "contact", "forget", ERIK[1], "--org", "bron", "--yes")
    assert cells_mentioning(example_db, *ERIK) == []


# --- no mail ---------------------------------------------------------------------------------


def test_add_with_no_mail(run: Run, example_db: Path) -> None:
    out = ok(run, "contact", "add", "activa", "Bo Ek", "--email", "bo@example.se", "--no-mail")
    assert out == (
        "Added Bo Ek as a contact person at Stiftelsen Activa, who asked for no mail: "
        "psi leaves them out of every address list and invitation.\n"
    )
    ok(run, "contact", "add", "activa", "Cecilia Ek", "--email", "cecilia@example.se", "--mail")
    people = {p["name"]: p for p in contacts(run, "activa")}
    assert people["Bo Ek"]["no_mail"] is True
    assert people["Cecilia Ek"]["no_mail"] is False
    entry = last_audit(run)
    assert entry["changes"][0]["values"]["no_mail"] is False
    table = ok(run, "contact", "list", "activa")
    assert "Mail" in table.splitlines()[0]
    [bo] = [line for line in table.splitlines() if "Bo Ek" in line]
    assert bo.rstrip().endswith("no mail")
    [cecilia] = [line for line in table.splitlines() if "Cecilia Ek" in line]
    assert "no mail" not in cecilia
    shown = ok(run, "org", "show", "activa").splitlines()
    [bo] = [line for line in shown if line.startswith("Bo Ek")]
    assert bo.rstrip().endswith("no mail")
    [cecilia] = [line for line in shown if line.startswith("Cecilia Ek")]
    assert "no mail" not in cecilia


def test_the_mail_column_only_when_somebody_asked_for_no_mail(run: Run, example_db: Path) -> None:
    assert "Mail" not in ok(run, "contact", "list", "bron").splitlines()[0]
    assert "no mail" in ok(run, "contact", "list", "Exempelhögskolan")


def test_edit_no_mail_and_back(run: Run, example_db: Path) -> None:
    out = ok(run, "contact", "edit", "bron", ERIK[0], "--no-mail")
    assert out == (
        f"{ERIK[0]} at {BRON} asked for no mail: psi leaves them out of every address list "
        "and invitation.\n"
    )
    assert contact(run, "bron", ERIK[0])["no_mail"] is True
    entry = last_audit(run)
    assert entry["command"] == f'psi contact edit bron "{ERIK[0]}" --no-mail'
    [change] = entry["changes"]
    assert change["changes"] == {"no_mail": {"old": False, "new": True}}
    out = ok(run, "contact", "edit", "bron", ERIK[0], "--no-mail")
    assert out == f"{ERIK[0]} at {BRON} already reads so; nothing changed.\n"
    out = ok(run, "contact", "edit", "bron", ERIK[0], "--mail", "--role", "kassör")
    assert out == (
        f"Changed the role of {ERIK[0]} at {BRON}.\n{ERIK[0]} at {BRON} gets mail from psi again.\n"
    )
    assert contact(run, "bron", ERIK[0])["no_mail"] is False
    shown = as_json(run, "contact", "edit", "bron", ERIK[0], "--no-mail")
    assert shown["no_mail"] is True


def test_edit_without_changes_names_the_mail_options(run: Run, example_db: Path) -> None:
    line = assert_fails(run, example_db, ExitCode.INVALID, "contact", "edit", "bron", ERIK[0])
    assert "--no-mail or --mail" in line


@pytest.mark.parametrize(
    "address", ["bo;eva@example.se", "bo,eva@example.se", "Bo <bo@example.se>", '"bo"@example.se']
)
def test_an_address_that_would_break_a_list_is_refused(
    run: Run, example_db: Path, address: str
) -> None:
    line = assert_fails(
        run, example_db, ExitCode.INVALID, "contact", "add", "activa", "Bo Ek", "--email", address
    )
    assert "anna@example.se" in line
