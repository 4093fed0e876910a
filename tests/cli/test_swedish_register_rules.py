"""The register's and the budget's rules speak Swedish under a Swedish locale (issue 20): the
choices a command refuses, the org list's status filter, the budget's amounts, the rows an
import refuses, and the plurals of these messages.

Each test runs under `PSI_LANG=sv` and reads whole Swedish lines; the plurals are checked for
1 and 2 against the catalogue."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from psi.domain.money import NBSP
from psi.errors import ExitCode
from psi.words import words
from tests.conftest import Run
from tests.helpers import write_csv

ACTIVA = "Stiftelsen Activa"
SECTORS = "civil-society, municipality, region, state, academia, business, other"
SWEDISH_TOO = "(orden på svenska fungerar också)"


@pytest.fixture(autouse=True)
def swedish(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PSI_LANG", "sv")


def refused(run: Run, code: ExitCode, *args: str, details: int = 0) -> list[str]:
    """A command that must fail with `code`: its lines on standard error, the first without
    the prefix the error handler puts before it, the details stripped."""
    result = run(*args)
    assert result.exit_code == code, (args, result.exit_code, result.output)
    assert "Traceback" not in result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1 + details, result.stderr
    return [lines[0].split(": ", 1)[1], *(line.strip() for line in lines[1:])]


def kr(text: str) -> str:
    """An amount as psi writes it: non-breaking spaces in `200 000 kr`."""
    return re.sub(r"(\d) (\d{3})", rf"\1{NBSP}\2", text).replace(" kr", f"{NBSP}kr")


# --- choices ----------------------------------------------------------------------------------


def test_a_sector_that_is_none(run: Run, example_db: Path) -> None:
    (line,) = refused(run, ExitCode.INVALID, "org", "add", "X", "--sector", "församling")
    assert line == f"'församling' är inte en sektor; skriv något av: {SECTORS} {SWEDISH_TOO}."


def test_an_org_status_filter_that_is_none(run: Run, example_db: Path) -> None:
    (line,) = refused(run, ExitCode.INVALID, "org", "list", "--status", "vilande")
    assert line == (
        "'vilande' är inte ett statusfilter; skriv något av: "
        f"active, member, prospect, partner, former, all {SWEDISH_TOO}."
    )


def test_a_meeting_kind_that_is_none(run: Run, example_db: Path) -> None:
    (line,) = refused(run, ExitCode.INVALID, "meeting", "add", "årsmöte", "2027-03-10")
    assert line == (
        f"'årsmöte' är inte en mötestyp; skriv något av: au, stormote, msi, other {SWEDISH_TOO}."
    )


# --- the budget -------------------------------------------------------------------------------


def test_allocations_above_the_grant(run: Run, example_db: Path) -> None:
    (line,) = refused(run, ExitCode.RULE, "budget", "allocate", "2025", ACTIVA, "150000")
    assert line == kr(
        "Tilldelningarna skulle överskrida bidraget för 2025 på 200 000 kr med 50 000 kr; "
        "sänk dem, eller lägg till --force --reason TEXT."
    )


def test_an_expense_edit_with_nothing_to_change(run: Run, example_db: Path) -> None:
    (line,) = refused(run, ExitCode.INVALID, "budget", "edit-expense", "1")
    assert line == (
        "Inget att ändra; ange ett eller flera av --amount, --on, --category, --note, --org och "
        '--meeting ("" tömmer anteckningen eller mötet).'
    )


# --- imports ----------------------------------------------------------------------------------


def test_an_import_with_a_bad_row(run: Run, empty_db: Path, tmp_path: Path) -> None:
    file = write_csv(
        tmp_path / "medlemmar.csv", "Namn;Sektor\r\nA;civilsamhälle\r\nB;församling\r\n"
    )
    first, row = refused(run, ExitCode.INVALID, "org", "import", str(file), details=1)
    assert first == (
        "Fel på 1 av 2 rader i medlemmar.csv; inget importerades. Rätta raderna och importera igen:"
    )
    assert row == f"rad 3: 'församling' är inte en sektor; skriv något av: {SECTORS} {SWEDISH_TOO}"


def test_an_update_names_the_files_own_column(run: Run, example_db: Path, tmp_path: Path) -> None:
    file = write_csv(tmp_path / "m.csv", "Namn;Kortnamn\r\nÖrebro Föreningsråd;activa\r\n")
    first, row = refused(run, ExitCode.INVALID, "org", "import", str(file), "--update", details=1)
    assert first == ("Fel på 1 av 1 rad i m.csv; inget ändrades. Rätta raden och importera igen:")
    assert row == f"rad 2, kolumn Kortnamn: 'activa' är redan namn eller kortnamn för '{ACTIVA}'"


# --- plurals ------------------------------------------------------------------------------------

PLURALS = [
    # (singular msgid, plural msgid, Swedish for 1, Swedish for 2): every plural these
    # modules write.
    (
        "{bad} of {total} row in {file} is bad; nothing was imported. Fix it and import again:",
        "{bad} of {total} rows in {file} are bad; nothing was imported. "
        "Fix these rows and import again:",
        "Fel på 1 av 1 rad i m.csv; inget importerades. Rätta raden och importera igen:",
        "Fel på 1 av 2 rader i m.csv; inget importerades. Rätta raderna och importera igen:",
    ),
    (
        "{bad} of {total} rows in {file} are bad; nothing was changed. "
        "Fix these rows and import again:",
        "{bad} of {total} rows in {file} are bad; nothing was changed. "
        "Fix these rows and import again:",
        "Fel på 1 av 1 rad i m.csv; inget ändrades. Rätta raden och importera igen:",
        "Fel på 1 av 2 rader i m.csv; inget ändrades. Rätta raderna och importera igen:",
    ),
    (
        "line {line}, column {columns}: {problem}",
        "line {line}, columns {columns}: {problem}",
        "rad 3, kolumn Sektor: fel",
        "rad 3, kolumnerna Sektor: fel",
    ),
    (
        "object {line}, column {columns}: {problem}",
        "object {line}, columns {columns}: {problem}",
        "objekt 3, kolumn Sektor: fel",
        "objekt 3, kolumnerna Sektor: fel",
    ),
    (
        "The header lacks the column(s) {columns}.",
        "The header lacks the column(s) {columns}.",
        "Rubrikraden saknar kolumnen sector.",
        "Rubrikraden saknar kolumnerna sector.",
    ),
    (
        "The protokoll of meeting {number} has {n} correction(s) recorded since its justering "
        "on {day}, so the justering stays; give another date with psi meeting adjusted "
        "{number} --on DATE if it is wrong.",
        "The protokoll of meeting {number} has {n} correction(s) recorded since its justering "
        "on {day}, so the justering stays; give another date with psi meeting adjusted "
        "{number} --on DATE if it is wrong.",
        "Protokollet från möte 4 har 1 rättelse registrerad sedan justeringen 2025-04-15, så "
        "justeringen ligger kvar; ange ett annat datum med psi meeting adjusted 4 --on DATE om "
        "det är fel.",
        "Protokollet från möte 4 har 2 rättelser registrerade sedan justeringen 2025-04-15, så "
        "justeringen ligger kvar; ange ett annat datum med psi meeting adjusted 4 --on DATE om "
        "det är fel.",
    ),
]
VALUES = {
    "bad": 1,
    "file": "m.csv",
    "line": 3,
    "columns": "Sektor",
    "problem": "fel",
    "number": 4,
    "day": "2025-04-15",
}


@pytest.mark.parametrize(("singular", "plural", "one", "two"), PLURALS)
def test_plural_forms(singular: str, plural: str, one: str, two: str) -> None:
    sv = words("sv")
    for n, expected in ((1, one), (2, two)):
        values = {**VALUES, "n": n, "total": n}
        if "{columns}" in singular and "Sektor" not in expected:
            values["columns"] = "sector"
        assert sv.ngettext(singular, plural, n).format(**values) == expected
