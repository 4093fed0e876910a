"""`psi org`, `psi budget`, `psi log`, `psi report` and `psi meeting plan` speak Swedish under
PSI_LANG=sv (issue 20): table headings, values, refusals and counted lines, each a whole
Swedish sentence, with the singular for one and the plural for more."""

from __future__ import annotations

import re
from typing import Any

import pytest

from psi.domain.money import NBSP
from psi.errors import ExitCode
from tests.conftest import Db, Run
from tests.helpers import OFR, as_json, assert_fails, ok, swedish_plurals


@pytest.fixture
def swedish(monkeypatch: pytest.MonkeyPatch) -> None:
    """The interface in Swedish."""
    monkeypatch.setenv("PSI_LANG", "sv")


def kr(text: str) -> str:
    """An amount as psi prints it: the spaces in `text` become non-breaking spaces."""
    return text.replace(" ", NBSP)


def test_org_list_has_swedish_headings_values_and_count(
    run: Run, example_db: Db, swedish: None
) -> None:
    count = len(as_json(run, "org", "list"))
    lines = ok(run, "org", "list").splitlines()
    assert lines[0].split() == ["Namn", "Kortnamn", "Sektor", "Kommun", "Status", "Inträde"]
    assert lines[-2].split() == [*OFR.split(), "civilsamhälle", "Örebro", "medlem"]
    assert lines[-1] == f"{count} organisationer."


def test_org_show_and_edit_speak_swedish(run: Run, example_db: Db, swedish: None) -> None:
    out = ok(run, "org", "show", OFR)
    assert "Sektor               civilsamhälle" in out
    assert "Status               medlem" in out
    assert "Samordnade år        2025 (samordningsnybörjare), 2026 (fortsätter)" in out
    assert ok(run, "org", "edit", OFR, "--website", "www.example.se") == (
        f"Ändrade webbplats för {OFR}.\n"
    )
    assert ok(run, "org", "edit", OFR, "--short", "ÖFR", "--note", "Ny") == (
        f"Ändrade kortnamn och anteckning för {OFR}.\n"
    )
    assert ok(run, "org", "edit", OFR, "--short", "ÖFR") == (
        f"Inget ändrades: {OFR} hade redan de uppgifterna.\n"
    )


def cells(line: str) -> list[str]:
    """A table line's cells: the texts between runs of two or more spaces (an amount's
    non-breaking spaces stay inside its cell)."""
    return re.split(r" {2,}", line.strip())


def test_budget_status_is_swedish(run: Run, example_db: Db, swedish: None) -> None:
    lines = ok(run, "budget", "status", "2025").splitlines()
    assert cells(lines[0]) == ["Bidrag", kr("200 000 kr"), "(Kulturnämnden)"]
    assert cells(lines[1]) == ["Förbrukat", kr("95 464,50 kr")]
    assert cells(lines[2]) == ["Återstår", kr("104 535,50 kr")]
    assert cells(lines[3]) == ["Del av året som gått", "100%"]
    assert cells(lines[4]) == ["Organisation", "Tilldelat", "Förbrukat", "Kvar", "I denna takt"]
    assert cells(lines[7]) == ["Kategori", "Förbrukat"]
    assert cells(lines[8]) == ["lön, arvode", kr("85 000 kr")]
    assert lines[-1] == (
        "Andra medel (1): externa projektmedel, belopp ej registrerat, betalar en del av regionens "
        "kostnad, vilket frigör bidraget (del av lönekostnad)"
    )
    total = ok(run, "budget", "expenses", "2025").splitlines()[-1]
    assert total == f"6 utgifter, {kr('95 464,50 kr')} totalt."


def test_log_list_has_swedish_headings_and_kinds(run: Run, example_db: Db, swedish: None) -> None:
    lines = ok(run, "log", "list", "2025").splitlines()
    assert lines[0].split() == ["#", "Datum", "Typ", "Organisation", "Text", "Länk"]
    assert lines[1].split()[:3] == ["1", "2025-02-03", "medlemsdialog"]
    assert lines[2].split()[:3] == ["2", "2025-05-14", "MSI"]
    assert ok(run, "log", "list", "2031") == (
        "Inga loggposter matchar. Lägg till en med psi log add KIND TEXT.\n"
    )


def test_a_log_edit_says_what_changed_in_swedish(run: Run, example_db: Db, swedish: None) -> None:
    assert ok(run, "log", "edit", "1", "--kind", "msi", "--on", "2025-02-04") == (
        "Ändrade typ och datum för loggpost 1: MSI 2025-02-04 med "
        "Föreningen Exempelgården (exempel).\n"
    )


def test_report_refusals_are_swedish(run: Run, example_db: Db, swedish: None) -> None:
    message = assert_fails(
        run, example_db, ExitCode.INVALID, "report", "followup", "2025", "--lang", "xx"
    )
    assert message == "Fel: 'xx' är inget språk för rapporter; använd --lang sv eller --lang en.\n"
    message = assert_fails(
        run, example_db, ExitCode.INVALID, "report", "members", "2025", "--year", "2024"
    )
    assert message == "Fel: Ange året en gång: psi report members 2025.\n"


def test_meeting_plan_is_swedish(run: Run, empty_db: Db, swedish: None) -> None:
    lines = ok(run, "meeting", "plan", "2027").splitlines()
    assert lines[0].strip() == "Mötesplan 2027 (13:00-15:00)"
    assert lines[1].split() == ["Datum", "Veckodag", "Vecka", "Typ", "Titel", "Anteckning"]
    assert lines[2].split() == ["2027-01-12", "tisdag", "2", "AU-möte", "AU-möte"]
    assert "förbereder stormöte 1" in lines[3]
    assert lines[4].split()[3:] == ["Stormöte", "Stormöte", "1", "med", "Regional", "utveckling"]
    assert lines[-1] == "14 möten; flyttade från en helgdag eller helg: 0."
    assert ok(run, "meeting", "plan", "2027", "--save").splitlines()[-1] == (
        "Sparade 14 planerade möten."
    )


def test_a_wrong_meeting_rule_is_refused_in_swedish(run: Run, empty_db: Db, swedish: None) -> None:
    message = assert_fails(
        run, empty_db, ExitCode.INVALID, "meeting", "plan", "2027", "--time", "15:00-13:00"
    )
    assert message == "Fel: '15:00-13:00' slutar innan den börjar; skriv den som 13:00-15:00.\n"


# Every plural of these modules, with its values: the Swedish for one, and for two.
PLURALS: list[tuple[str, str, dict[str, Any], str, str]] = [
    (
        "{n} organisation.",
        "{n} organisations.",
        {},
        "1 organisation.",
        "2 organisationer.",
    ),
    (
        "Imported {n} organisation.",
        "Imported {n} organisations.",
        {},
        "Importerade 1 organisation.",
        "Importerade 2 organisationer.",
    ),
    (
        "The {n} row is good; run without --dry-run to import it.",
        "All {n} rows are good; run without --dry-run to import them.",
        {},
        "1 rad är godkänd; kör utan --dry-run för att importera den.",
        "Alla 2 rader är godkända; kör utan --dry-run för att importera dem.",
    ),
    (
        "{n} contact record erased on request (GDPR).",
        "{n} contact records erased on request (GDPR).",
        {},
        "1 kontaktuppgift raderad på begäran (GDPR).",
        "2 kontaktuppgifter raderade på begäran (GDPR).",
    ),
    (
        "No changes: the {n} organisation in {file} is as the register has it.",
        "No changes: the {n} organisations in {file} are as the register has them.",
        {"file": "m.csv"},
        "Inga ändringar: 1 organisation i m.csv stämmer redan med registret.",
        "Inga ändringar: alla 2 organisationer i m.csv stämmer redan med registret.",
    ),
    (
        "{n} new organisation",
        "{n} new organisations",
        {},
        "1 ny organisation",
        "2 nya organisationer",
    ),
    (
        "Updated {n} organisation; {unchanged} unchanged.",
        "Updated {n} organisations; {unchanged} unchanged.",
        {"unchanged": 41},
        "Uppdaterade 1 organisation; oförändrade: 41.",
        "Uppdaterade 2 organisationer; oförändrade: 41.",
    ),
    (
        "Added {n} new organisation; {unchanged} unchanged.",
        "Added {n} new organisations; {unchanged} unchanged.",
        {"unchanged": 0},
        "Lade till 1 ny organisation; oförändrade: 0.",
        "Lade till 2 nya organisationer; oförändrade: 0.",
    ),
    (
        "Updated {n} organisation and added {added}; {unchanged} unchanged.",
        "Updated {n} organisations and added {added}; {unchanged} unchanged.",
        {"added": "1 ny organisation", "unchanged": 0},
        "Uppdaterade 1 organisation och lade till 1 ny organisation; oförändrade: 0.",
        "Uppdaterade 2 organisationer och lade till 1 ny organisation; oförändrade: 0.",
    ),
    (
        "{n} organisation would change; {unchanged} stay as they are. Nothing was written; "
        "run without --dry-run to apply.",
        "{n} organisations would change; {unchanged} stay as they are. Nothing was written; "
        "run without --dry-run to apply.",
        {"unchanged": 42},
        "1 organisation skulle ändras; oförändrade: 42. Inget skrevs; kör utan --dry-run för "
        "att genomföra ändringarna.",
        "2 organisationer skulle ändras; oförändrade: 42. Inget skrevs; kör utan --dry-run för "
        "att genomföra ändringarna.",
    ),
    (
        "{n} new organisation would be added; {unchanged} stay as they are. Nothing was "
        "written; run without --dry-run to apply.",
        "{n} new organisations would be added; {unchanged} stay as they are. Nothing was "
        "written; run without --dry-run to apply.",
        {"unchanged": 42},
        "1 ny organisation skulle läggas till; oförändrade: 42. Inget skrevs; kör utan "
        "--dry-run för att genomföra ändringarna.",
        "2 nya organisationer skulle läggas till; oförändrade: 42. Inget skrevs; kör utan "
        "--dry-run för att genomföra ändringarna.",
    ),
    (
        "{n} organisation would change and {added} would be added; {unchanged} stay as they "
        "are. Nothing was written; run without --dry-run to apply.",
        "{n} organisations would change and {added} would be added; {unchanged} stay as they "
        "are. Nothing was written; run without --dry-run to apply.",
        {"added": "2 nya organisationer", "unchanged": 40},
        "1 organisation skulle ändras och 2 nya organisationer skulle läggas till; "
        "oförändrade: 40. Inget skrevs; kör utan --dry-run för att genomföra ändringarna.",
        "2 organisationer skulle ändras och 2 nya organisationer skulle läggas till; "
        "oförändrade: 40. Inget skrevs; kör utan --dry-run för att genomföra ändringarna.",
    ),
    (
        "{n} expense, {total} in all.",
        "{n} expenses, {total} in all.",
        {"total": "500 kr"},
        "1 utgift, 500 kr totalt.",
        "2 utgifter, 500 kr totalt.",
    ),
    (
        "Imported {n} expense.",
        "Imported {n} expenses.",
        {},
        "Importerade 1 utgift.",
        "Importerade 2 utgifter.",
    ),
    (
        "Copied {n} template to {folder}.",
        "Copied {n} templates to {folder}.",
        {"folder": "mallar"},
        "Kopierade 1 mall till mallar.",
        "Kopierade 2 mallar till mallar.",
    ),
    (
        "{n} meeting; {moved} moved off a holiday or weekend.",
        "{n} meetings; {moved} moved off a holiday or weekend.",
        {"moved": 0},
        "1 möte; flyttade från en helgdag eller helg: 0.",
        "2 möten; flyttade från en helgdag eller helg: 0.",
    ),
    (
        "Saved {n} planned meeting.",
        "Saved {n} planned meetings.",
        {},
        "Sparade 1 planerat möte.",
        "Sparade 2 planerade möten.",
    ),
    (
        "Saved 0 planned meetings; {n} was saved before and left as it is.",
        "Saved 0 planned meetings; {n} were saved before and left as they are.",
        {},
        "Sparade 0 planerade möten; 1 möte var sparat sedan tidigare och lämnades som det var.",
        "Sparade 0 planerade möten; 2 möten var sparade sedan tidigare och lämnades som de var.",
    ),
    (
        "Changes to the {n} meeting saved before",
        "Changes to the {n} meetings saved before",
        {},
        "Ändringar i det 1 möte som sparats tidigare",
        "Ändringar i de 2 möten som sparats tidigare",
    ),
    (
        "{year} already has {n} meeting saved from a plan, so nothing was saved; to make the "
        "changes above, type: {command} --replace",
        "{year} already has {n} meetings saved from a plan, so nothing was saved; to make the "
        "changes above, type: {command} --replace",
        {"year": 2027, "command": "psi meeting plan 2027 --save"},
        "2027 har redan 1 möte sparat från en plan, så inget sparades; för att göra "
        "ändringarna ovan, skriv: psi meeting plan 2027 --save --replace",
        "2027 har redan 2 möten sparade från en plan, så inget sparades; för att göra "
        "ändringarna ovan, skriv: psi meeting plan 2027 --save --replace",
    ),
    (
        "Wrote {n} meeting to {file}.",
        "Wrote {n} meetings to {file}.",
        {"file": "psi-2027.ics"},
        "Skrev 1 möte till psi-2027.ics.",
        "Skrev 2 möten till psi-2027.ics.",
    ),
]


@pytest.mark.parametrize(("singular", "plural", "values", "one", "two"), PLURALS)
def test_each_plural_has_its_swedish_form_for_one_and_two(
    singular: str, plural: str, values: dict[str, Any], one: str, two: str
) -> None:
    assert swedish_plurals(singular, plural, values) == [one, two]
