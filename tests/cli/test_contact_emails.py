"""`psi contact emails`: the addresses of a group on one line for Bcc, and who is left out."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest

from psi.errors import ExitCode
from tests.conftest import Db, Run
from tests.helpers import assert_fails, ok

ANNA = "anna.exempelsson@example.org"
ERIK = "erik.exempelsson@example.org"
MARIA = "maria.exempeldotter@example.org"
SCHOOL = "Exempelhögskolan (exempel)"
SOCIAL = "Exempelkommunens socialförvaltning (exempel)"
BRON = "Exempelstiftelsen Bron (exempel)"
GARDEN = "Föreningen Exempelgården (exempel)"


def emails(run: Run, *args: str) -> tuple[str, list[str]]:
    """`psi contact emails ARGS`, which must succeed: the address line, and the lines on
    standard error."""
    result = run("contact", "emails", *args)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 1, result.stdout
    return lines[0], result.stderr.splitlines()


def reach(run: Run, *args: str) -> dict[str, Any]:
    """`psi contact emails ARGS --json`, parsed."""
    result = run("contact", "emails", *args, "--json")
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def test_members_by_default(run: Run, example_db: Db) -> None:
    line, notes = emails(run)
    assert line == f"{ERIK}; {ANNA}"
    assert notes[0] == "2 addresses, for the Bcc field."
    assert notes[1] == (
        f"Warning: 1 contact person has no e-mail address: Karl Exempelberg at {SOCIAL}."
    )
    assert notes[2] == (
        "Warning: 1 contact person asked for no mail and is left out: "
        f"Maria Exempeldotter at {SCHOOL}."
    )
    assert notes[3].startswith("Warning: 35 organisations have no contact person: ")
    assert "and 27 more (--json lists all)." in notes[3]
    assert notes[3].endswith("Add them with psi contact add ORG NAME --email EMAIL.")
    assert len(notes) == 4
    assert emails(run, "--to", "members") == (line, notes)


def test_json_lists_everyone_and_who_is_left_out(run: Run, example_db: Db) -> None:
    data = reach(run)
    assert list(data) == ["recipients", "without_email", "no_mail", "organisations_without_contact"]
    assert data["recipients"] == [
        {"organisation": BRON, "name": "Erik Exempelsson", "email": ERIK},
        {"organisation": GARDEN, "name": "Anna Exempelsson", "email": ANNA},
    ]
    assert data["without_email"] == [{"organisation": SOCIAL, "name": "Karl Exempelberg"}]
    assert data["no_mail"] == [{"organisation": SCHOOL, "name": "Maria Exempeldotter"}]
    missing = data["organisations_without_contact"]
    assert len(missing) == 35
    assert "Region Örebro län" in missing
    assert "Exempelföreningen Avslutad (exempel)" not in missing  # left in 2024
    assert "Mötesplats social innovation" not in missing  # a partner, not a member


def test_the_au_of_a_year(run: Run, example_db: Db) -> None:
    line, notes = emails(run, "--to", "au", "--year", "2026")
    assert line == f"{ERIK}; {ANNA}"
    assert notes[-1] == (
        "Warning: 2 organisations have no contact person: Region Örebro län; "
        "Örebro Föreningsråd. Add them with psi contact add ORG NAME --email EMAIL."
    )
    line, _notes = emails(run, "--to", "au", "--year", "2025")
    assert line == ANNA


def test_the_au_is_this_years_by_default(run: Run, example_db: Db) -> None:
    this_year = str(date.today().year)
    ok(run, "au", "copy", "2026", this_year) if this_year != "2026" else None
    assert emails(run, "--to", "au") == emails(run, "--to", "au", "--year", this_year)


def test_a_seat_naming_nobody_reaches_every_contact_person(run: Run, example_db: Db) -> None:
    ok(run, "contact", "add", "Örebro Föreningsråd", "Bo Ek", "--email", "bo@example.se")
    ok(run, "contact", "add", "Örebro Föreningsråd", "Cecilia Ek", "--email", "ce@example.se")
    ok(run, "contact", "add", "bron", "Eva Exempelsson", "--email", "eva@example.se")
    line, _notes = emails(run, "--to", "au", "--year", "2026")
    # Bron's seat names Erik: Eva is not on the AU.
    assert line == f"{ERIK}; {ANNA}; bo@example.se; ce@example.se"


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["medlemmar"], f"{ERIK}; {ANNA}"),
        (["Arbetsutskottet"], f"{ERIK}; {ANNA}"),
        (["AU"], f"{ERIK}; {ANNA}"),
        (["bron"], ERIK),
        (["Exempelgården", "bron"], f"{ERIK}; {ANNA}"),
        (["au", "members", "bron", "medlemmar"], f"{ERIK}; {ANNA}"),
    ],
)
def test_groups_in_english_and_swedish_and_organisations(
    run: Run, example_db: Db, words: list[str], expected: str
) -> None:
    args = [part for word in words for part in ("--to", word)]
    assert emails(run, *args, "--year", "2026")[0] == expected


def test_coordinators_and_prospects(run: Run, example_db: Db) -> None:
    ok(run, "contact", "add", "activa", "Bo Ek", "--email", "bo@example.se")
    ok(run, "contact", "add", "nystart", "Nora Ny", "--email", "nora@example.se")
    assert emails(run, "--to", "coordinators", "--year", "2025")[0] == "bo@example.se"
    text = assert_fails(
        run,
        example_db,
        ExitCode.NOT_FOUND,
        "contact",
        "emails",
        "--to",
        "samordnare",
        "--year",
        "2026",
        details=1,
    )
    assert text.splitlines()[1] == (
        "  1 organisation has no contact person: Örebro Föreningsråd. "
        "Add one with psi contact add ORG NAME --email EMAIL."
    )
    assert emails(run, "--to", "intresserade")[0] == "nora@example.se"
    assert emails(run, "--to", "prospects", "--to", "tänkbara medlemmar")[0] == "nora@example.se"


def test_an_address_is_written_once(run: Run, example_db: Db) -> None:
    ok(run, "contact", "add", "activa", "Anna Andersson", "--email", ANNA.upper())
    ok(run, "contact", "add", "bron", "Anna på Bron", "--email", ANNA)
    line, notes = emails(run, "--to", "members")
    # By organisation, then name: Bron's Anna keeps the address she shares.
    assert line == f"{ANNA}; {ERIK}"
    assert notes[0] == "2 addresses, for the Bcc field."


def test_an_address_of_someone_who_asked_for_no_mail_is_never_used(
    run: Run, example_db: Db
) -> None:
    ok(run, "contact", "add", "activa", "Anna Exempelsson", "--email", ANNA, "--no-mail")
    line, notes = emails(run, "--to", "exempelgården", "--to", "bron")
    assert line == ERIK
    assert notes[-1] == (
        "Warning: 1 contact person asked for no mail and is left out: "
        f"Anna Exempelsson at {GARDEN}."
    )
    ok(run, "contact", "edit", "Exempelhögskolan", "Maria Exempeldotter", "--mail")
    assert MARIA in emails(run, "--to", "members")[0]


def test_a_former_member_is_no_member_but_can_be_named(run: Run, example_db: Db) -> None:
    ok(run, "contact", "add", "avslutad", "Olle Gammal", "--email", "olle@example.se")
    assert "olle@example.se" not in emails(run)[0]
    assert emails(run, "--to", "avslutad")[0] == "olle@example.se"


def test_nobody_to_write_to_is_an_error_naming_who_is_left_out(run: Run, example_db: Db) -> None:
    text = assert_fails(
        run,
        example_db,
        ExitCode.NOT_FOUND,
        "contact",
        "emails",
        "--to",
        "Exempelhögskolan",
        "--to",
        "socialförvaltning",
        "--to",
        "region",
        details=3,
    )
    lines = text.splitlines()
    assert lines[0] == (
        "Error: Nobody to write to: no contact person reached has an e-mail address psi may use."
    )
    assert lines[1] == f"  1 contact person has no e-mail address: Karl Exempelberg at {SOCIAL}."
    assert "Maria Exempeldotter" in lines[2]
    assert "Region Örebro län" in lines[3]
    # A script gets the empty list and who is left out, not an error.
    result = run("contact", "emails", "--to", "region", "--json")
    assert result.exit_code == ExitCode.OK
    data = json.loads(result.stdout)
    assert data["recipients"] == []
    assert data["organisations_without_contact"] == ["Region Örebro län"]


@pytest.mark.parametrize(
    ("args", "code", "says"),
    [
        (["--to", "au", "--year", "2031"], ExitCode.NOT_FOUND, "psi au add 2031 ORG"),
        (["--to", "au", "--year", "2031"], ExitCode.NOT_FOUND, "psi au copy 2030 2031"),
        (["--to", "coordinators", "--year", "2031"], ExitCode.NOT_FOUND, "psi coordinators"),
        (["--to", "qqqqqq"], ExitCode.NOT_FOUND, "No organisation matches 'qqqqqq'"),
        (["--to", "exempel"], ExitCode.NOT_FOUND, "several organisations"),
        (["--to", " "], ExitCode.INVALID, "members, au, coordinators, prospects"),
        (["--year", "1999"], ExitCode.INVALID, "1999"),
    ],
)
def test_refused(run: Run, example_db: Db, args: list[str], code: ExitCode, says: str) -> None:
    line = assert_fails(run, example_db, code, "contact", "emails", *args)
    assert says in line


def test_an_empty_register(run: Run, empty_db: Db) -> None:
    line = assert_fails(run, empty_db, ExitCode.NOT_FOUND, "contact", "emails")
    assert "Nobody to write to" in line
    result = run("contact", "emails", "--json")
    assert (result.exit_code, json.loads(result.stdout)["recipients"]) == (ExitCode.OK, [])


def test_in_swedish(run: Run, example_db: Db, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PSI_LANG", "sv")
    line, notes = emails(run, "--to", "arbetsutskottet", "--year", "2026")
    assert line == f"{ERIK}; {ANNA}"
    assert notes[0] == "2 adresser, för fältet Hemlig kopia (Bcc)."
    assert notes[1].startswith("Varning: 1 kontaktperson saknar e-postadress: Karl Exempelberg hos")
