"""`psi au add/list/edit/remove/copy`: who sits on the working committee (AU) each year."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from psi.errors import ExitCode
from tests.conftest import Db, Run, dump
from tests.helpers import as_json, assert_fails, ok

GARDEN = "Föreningen Exempelgården (exempel)"
BRON = "Exempelstiftelsen Bron (exempel)"
SCHOOL = "Exempelhögskolan (exempel)"
SOCIAL = "Exempelkommunens socialförvaltning (exempel)"
REGION = "Region Örebro län"
OFR = "Örebro Föreningsråd"
ACTIVA = "Stiftelsen Activa"
LEFT = "Exempelföreningen Avslutad (exempel)"
PROSPECT = "Exempelföreningen Nystart (exempel)"
SEAT_KEYS = ["year", "organisation", "person", "email", "no_mail", "member"]


def seats(run: Run, year: int | None = None) -> list[dict[str, Any]]:
    """`psi au list [YEAR] --json`, parsed."""
    data: list[dict[str, Any]] = as_json(run, "au", "list", *([str(year)] if year else []))
    return data


def who(run: Run, year: int) -> list[tuple[str, str | None]]:
    """(organisation, person) of each seat of a year, in the list's order."""
    return [(s["organisation"], s["person"]) for s in seats(run, year)]


def last_audit(run: Run) -> dict[str, Any]:
    entries: list[dict[str, Any]] = as_json(run, "audit")
    return entries[-1]


# --- the example's AU -----------------------------------------------------------------------------


def test_the_example_au_of_2026(run: Run, example_db: Db) -> None:
    listed = seats(run, 2026)
    assert [list(s) for s in listed] == [SEAT_KEYS] * 6
    assert [(s["organisation"], s["person"], s["no_mail"], s["member"]) for s in listed] == [
        (SCHOOL, "Maria Exempeldotter", True, True),
        (SOCIAL, "Karl Exempelberg", False, True),
        (BRON, "Erik Exempelsson", False, True),
        (GARDEN, "Anna Exempelsson", False, True),
        (REGION, None, False, True),
        (OFR, None, False, True),
    ]
    assert listed[3]["email"] == "anna.exempelsson@example.org"
    assert listed[1]["email"] is None
    assert {s["organisation"] for s in seats(run, 2025)} == {
        ACTIVA,
        OFR,
        REGION,
        GARDEN,
        SCHOOL,
        SOCIAL,
    }


def test_the_list_says_what_to_follow_up(run: Run, example_db: Db) -> None:
    out = ok(run, "au", "list", "2026")
    lines = out.splitlines()
    assert lines[0] == "The AU of 2026: 6 organisations"
    assert lines[1].split() == ["Organisation", "Person", "Note"]
    row = {line.split("  ")[0]: line for line in lines[2:]}
    assert row[SCHOOL].rstrip().endswith("asked for no mail")
    assert row[SOCIAL].rstrip().endswith("no e-mail address")
    assert row[REGION].rstrip().endswith("no contact person")
    assert "–" in row[OFR]
    assert row[GARDEN].rstrip().endswith("Anna Exempelsson")


def test_list_is_this_year_by_default(run: Run, example_db: Db) -> None:
    this_year = date.today().year
    assert seats(run) == seats(run, this_year)


def test_list_of_a_year_without_an_au(run: Run, example_db: Db) -> None:
    assert seats(run, 2031) == []
    out = ok(run, "au", "list", "2031")
    assert out == (
        "No AU is recorded for 2031. Add its seats with psi au add 2031 ORG --person NAME, "
        "or carry last year's over with psi au copy 2030 2031.\n"
    )


# --- add ------------------------------------------------------------------------------------------


def test_add_with_and_without_a_person(run: Run, example_db: Db) -> None:
    out = ok(run, "au", "add", "2027", "exempelgården", "--person", "anna EXEMPELSSON")
    assert out == f"{GARDEN} has a seat on the AU in 2027, taken by Anna Exempelsson.\n"
    assert ok(run, "au", "add", "2027", "activa") == f"{ACTIVA} has a seat on the AU in 2027.\n"
    assert who(run, 2027) == [(GARDEN, "Anna Exempelsson"), (ACTIVA, None)]
    entry = last_audit(run)
    assert entry["command"] == "psi au add 2027 activa"
    [change] = entry["changes"]
    assert (change["action"], change["table"]) == ("insert", "au_seat")
    assert change["values"]["year"] == 2027


def test_a_seat_twice_is_refused_with_what_to_type(run: Run, example_db: Db) -> None:
    line = assert_fails(run, example_db, ExitCode.CONFLICT, "au", "add", "2026", "bron")
    assert f"{BRON} already has a seat on the AU in 2026" in line
    assert f'psi au edit 2026 "{BRON}" --person NAME' in line


@pytest.mark.parametrize(
    ("args", "code", "says"),
    [
        (["2027", "bron", "--person", "Anna Exempelsson"], ExitCode.NOT_FOUND, "Erik Exempelsson"),
        (["2027", "activa", "--person", "Bo Ek"], ExitCode.NOT_FOUND, "psi contact add"),
        (["2027", "qqqqqq"], ExitCode.NOT_FOUND, "No organisation matches"),
        (["2027", "bron", "--person", " "], ExitCode.INVALID, "leave --person out"),
        (["2027", "exempel"], ExitCode.NOT_FOUND, "several organisations"),
        (["1999", "bron"], ExitCode.INVALID, "1999"),
        (["twenty", "bron"], ExitCode.USAGE, "'YEAR'"),
    ],
)
def test_add_refused(run: Run, example_db: Db, args: list[str], code: ExitCode, says: str) -> None:
    if code == ExitCode.USAGE:
        result = run("au", "add", *args)
        assert result.exit_code == code
        assert says in result.stderr
        return
    line = assert_fails(run, example_db, code, "au", "add", *args)
    assert says in line


def test_a_seat_for_a_non_member_is_kept_with_a_warning(run: Run, example_db: Db) -> None:
    before = len(dump(example_db)["au_seat"])
    result = run("au", "add", "2026", "nystart")
    assert result.exit_code == 0
    assert result.stdout == f"{PROSPECT} has a seat on the AU in 2026.\n"
    assert result.stderr == (
        f"Warning: {PROSPECT} is not a member of PSI in 2026; if the seat is a mistake, "
        f'remove it with psi au remove 2026 "{PROSPECT}".\n'
    )
    result = run("au", "add", "2026", "avslutad")
    assert result.exit_code == 0
    assert f"{LEFT} left PSI on 2024-12-31 and is not a member in 2026" in result.stderr
    assert len(dump(example_db)["au_seat"]) == before + 2
    member = {s["organisation"]: s["member"] for s in seats(run, 2026)}
    assert member[PROSPECT] is False
    assert member[LEFT] is False
    assert "not a member" in ok(run, "au", "list", "2026")


def test_a_person_who_asked_for_no_mail_is_noted(run: Run, example_db: Db) -> None:
    result = run("au", "add", "2027", "exempelhögskolan", "--person", "Maria Exempeldotter")
    assert result.exit_code == 0
    assert result.stderr == (
        "Maria Exempeldotter asked for no mail, so psi leaves them out of the AU's "
        "invitations and address lists.\n"
    )


# --- edit -----------------------------------------------------------------------------------------


def test_edit_names_another_person_or_nobody(run: Run, example_db: Db) -> None:
    ok(run, "contact", "add", "bron", "Eva Exempelsson", "--email", "eva@example.se")
    out = ok(run, "au", "edit", "2026", "bron", "--person", "eva exempelsson")
    assert out == f"Eva Exempelsson sits for {BRON} on the AU in 2026 now.\n"
    [change] = last_audit(run)["changes"]
    assert (change["action"], change["table"]) == ("update", "au_seat")
    assert dict(who(run, 2026))[BRON] == "Eva Exempelsson"
    out = ok(run, "au", "edit", "2026", "bron", "--no-person")
    assert out == f"Nobody is named for {BRON} on the AU in 2026 now.\n"
    assert dict(who(run, 2026))[BRON] is None
    out = ok(run, "au", "edit", "2026", "bron", "--no-person")
    assert out == f"The seat of {BRON} on the AU in 2026 already reads so; nothing changed.\n"
    shown = as_json(run, "au", "edit", "2026", "bron", "--person", "Erik Exempelsson")
    assert list(shown) == SEAT_KEYS
    assert shown["person"] == "Erik Exempelsson"


@pytest.mark.parametrize(
    ("args", "code", "says"),
    [
        (["2026", "bron"], ExitCode.INVALID, "--no-person"),
        (
            ["2026", "bron", "--person", "Erik Exempelsson", "--no-person"],
            ExitCode.INVALID,
            "--person NAME",
        ),
        (["2026", "activa", "--no-person"], ExitCode.NOT_FOUND, "psi au add 2026"),
        (["2026", "bron", "--person", "Nils Ingen"], ExitCode.NOT_FOUND, "Erik Exempelsson"),
    ],
)
def test_edit_refused(run: Run, example_db: Db, args: list[str], code: ExitCode, says: str) -> None:
    line = assert_fails(run, example_db, code, "au", "edit", *args)
    assert says in line


# --- remove ---------------------------------------------------------------------------------------


def test_remove_asks_and_removes(run: Run, example_db: Db) -> None:
    line = assert_fails(
        run, example_db, ExitCode.ABORTED, "au", "remove", "2026", "bron", input="n\n"
    )
    assert "Nothing was deleted." in line
    out = ok(run, "au", "remove", "2026", "bron", input="y\n")
    assert f"Remove {BRON} from the AU of 2026? [y/N]:" in out
    assert out.splitlines()[-1] == f"Removed {BRON} from the AU of 2026."
    assert BRON not in dict(who(run, 2026))
    entry = last_audit(run)
    assert entry["command"] == "psi au remove 2026 bron"
    assert entry["changes"][0]["action"] == "delete"


def test_remove_with_yes_and_without_a_terminal(run: Run, example_db: Db) -> None:
    line = assert_fails(run, example_db, ExitCode.ABORTED, "au", "remove", "2026", "bron")
    assert "--yes" in line
    assert (
        ok(run, "au", "remove", "2026", "bron", "--yes") == f"Removed {BRON} from the AU of 2026.\n"
    )


def test_remove_a_seat_that_is_not_there(run: Run, example_db: Db) -> None:
    line = assert_fails(
        run, example_db, ExitCode.NOT_FOUND, "au", "remove", "2026", "activa", "--yes"
    )
    assert f"{ACTIVA} has no seat on the AU in 2026" in line
    assert "psi au list 2026" in line


# --- copy -----------------------------------------------------------------------------------------


def test_copy_carries_the_seats_and_their_persons(run: Run, example_db: Db) -> None:
    out = ok(run, "au", "copy", "2026", "2027")
    assert out == "Copied 6 seats on the AU from 2026 to 2027; see psi au list 2027.\n"
    assert who(run, 2027) == who(run, 2026)
    assert [s["year"] for s in seats(run, 2027)] == [2027] * 6
    entry = last_audit(run)
    assert entry["command"] == "psi au copy 2026 2027"
    assert [c["action"] for c in entry["changes"]] == ["insert"] * 6


def test_copy_leaves_out_who_left(run: Run, example_db: Db) -> None:
    run("au", "add", "2024", "avslutad")
    ok(run, "au", "add", "2024", "bron", "--person", "Erik Exempelsson")
    result = run("au", "copy", "2024", "2027")
    assert result.exit_code == 0
    assert result.stdout == "Copied 1 seat on the AU from 2024 to 2027; see psi au list 2027.\n"
    assert result.stderr == f"Warning: Left out {LEFT}, which left PSI before 2027.\n"
    assert who(run, 2027) == [(BRON, "Erik Exempelsson")]


def test_copy_refused_when_the_year_has_seats(run: Run, example_db: Db) -> None:
    line = assert_fails(run, example_db, ExitCode.CONFLICT, "au", "copy", "2025", "2026")
    assert "The AU of 2026 has 6 seats already" in line
    assert "psi au remove 2026 ORG" in line


@pytest.mark.parametrize(
    ("args", "code", "says"),
    [
        (["2031", "2032"], ExitCode.NOT_FOUND, "psi au add 2032 ORG"),
        (["2026", "2026"], ExitCode.INVALID, "psi au copy 2026 2027"),
        (["2026", "1999"], ExitCode.INVALID, "1999"),
    ],
)
def test_copy_refused(run: Run, example_db: Db, args: list[str], code: ExitCode, says: str) -> None:
    line = assert_fails(run, example_db, code, "au", "copy", *args)
    assert says in line


def test_copy_when_everybody_left_is_refused(run: Run, example_db: Db) -> None:
    run("au", "add", "2024", "avslutad")
    line = assert_fails(run, example_db, ExitCode.RULE, "au", "copy", "2024", "2027")
    assert "left PSI before 2027" in line


# --- on an empty register, and the help -----------------------------------------------------------


def test_a_new_register_has_no_au(run: Run, empty_db: Db) -> None:
    assert seats(run, 2026) == []
    ok(run, "org", "add", "Nya föreningen", "--sector", "civil-society")
    ok(run, "contact", "add", "nya", "Bo Ek", "--email", "bo@example.se")
    ok(run, "au", "add", "2026", "nya", "--person", "Bo Ek")
    assert seats(run, 2026) == [
        {
            "year": 2026,
            "organisation": "Nya föreningen",
            "person": "Bo Ek",
            "email": "bo@example.se",
            "no_mail": False,
            "member": True,
        }
    ]


@pytest.mark.parametrize("command", ["add", "list", "edit", "remove", "copy"])
def test_every_command_has_an_example(run: Run, command: str, tmp_path: Path) -> None:
    help_text = ok(run, "au", command, "--help")
    assert "Example: psi au " in help_text


def test_in_swedish(run: Run, example_db: Db, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PSI_LANG", "sv")
    lines = ok(run, "au", "list", "2026").splitlines()
    assert lines[0] == "AU 2026: 6 organisationer"
    assert lines[1].split() == ["Organisation", "Person", "Anteckning"]
    assert any(line.rstrip().endswith("har bett att inte få e-post") for line in lines)
    assert any(line.rstrip().endswith("ingen kontaktperson") for line in lines)
    out = ok(run, "au", "add", "2027", "bron", "--person", "Erik Exempelsson")
    assert out == f"{BRON} har en plats i AU 2027, där Erik Exempelsson sitter.\n"
    line = assert_fails(run, example_db, ExitCode.CONFLICT, "au", "copy", "2026", "2027")
    assert line == (
        "Fel: AU 2027 har redan 1 plats; ändra den med psi au add, edit och remove, eller ta "
        "först bort den med psi au remove 2027 ORG.\n"
    )
