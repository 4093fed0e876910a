"""The register's commands speak Swedish under a Swedish locale (issue 20): the rotation, the
coordinators, the history, contact persons, status, the database and the audit log.

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
from tests.helpers import ok

BRON = "Exempelstiftelsen Bron (exempel)"
ERIK = "Erik Exempelsson"


@pytest.fixture(autouse=True)
def swedish(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PSI_LANG", "sv")


def refused(run: Run, code: ExitCode, *args: str, input: str | None = None) -> str:
    """A command that must fail with `code`: its one line on standard error, without the
    prefix the error handler puts before it."""
    result = run(*args, input=input)
    assert result.exit_code == code, (args, result.exit_code, result.output)
    assert "Traceback" not in result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0].split(": ", 1)[1]


def cells(line: str) -> list[str]:
    return re.split(r"\s{2,}", line.strip())


def kr(text: str) -> str:
    """An amount as psi writes it: non-breaking spaces in `200 000 kr`."""
    return re.sub(r"(\d) (\d{3})", rf"\1{NBSP}\2", text).replace(" kr", f"{NBSP}kr")


# --- refusals ---------------------------------------------------------------------------------


def test_a_history_entry_that_is_not_there(run: Run, example_db: Path) -> None:
    line = refused(run, ExitCode.NOT_FOUND, "history", "remove", "99")
    assert line == "Det finns ingen historikpost 99; se `psi history list`."


def test_force_without_a_reason_is_refused(run: Run, example_db: Path) -> None:
    line = refused(run, ExitCode.INVALID, "rotate", "2027", "--appoint", "bron", "--force")
    assert line == "--force kräver --reason TEXT: skälet sparas och visas i rapporter."


def test_a_rule_broken_is_said_in_swedish(run: Run, example_db: Path) -> None:
    line = refused(run, ExitCode.RULE, "rotate", "2027", "--appoint", "Studieförbundet")
    assert line.startswith(
        "2026 har bara en registrerad samordnare, så regeln kan inte avgöra vem som stannar; "
        "registrera först den nya samordnaren för 2026"
    )
    assert line.endswith(". Lägg till --force --reason TEXT för att åsidosätta regeln.")


def test_an_empty_name_is_refused(run: Run, example_db: Path) -> None:
    line = refused(run, ExitCode.INVALID, "contact", "add", "bron", "  ")
    assert line == (
        'Texten för kontaktpersonens namn är tom; skriv den inom citattecken, t.ex. "Nora '
        'Idrottsförening".'
    )


def test_a_date_written_wrong(run: Run, example_db: Path) -> None:
    line = refused(run, ExitCode.INVALID, "audit", "--since", "1/11")
    assert (
        line == "'1/11' är inget giltigt datum: skriv det som ÅÅÅÅ-MM-DD, till exempel 2026-03-10."
    )


def test_contact_refusal(run: Run, example_db: Path) -> None:
    line = refused(run, ExitCode.NOT_FOUND, "contact", "remove", "bron", "Nils Ingen")
    assert line == (
        f"{BRON} har ingen kontaktperson som heter 'Nils Ingen'; dess kontaktpersoner är "
        f'{ERIK}. Se psi contact list "{BRON}".'
    )


# --- questions --------------------------------------------------------------------------------


def test_the_question_and_a_no(run: Run, example_db: Path) -> None:
    result = run("contact", "remove", "bron", ERIK, input="n\n")
    assert result.exit_code == ExitCode.ABORTED
    assert f"Radera {ERIK} som kontaktperson hos {BRON}?" in result.stdout
    assert result.stderr.splitlines()[0].endswith(": Inget raderades.")


def test_a_question_nobody_can_answer(run: Run, example_db: Path) -> None:
    line = refused(run, ExitCode.ABORTED, "history", "remove", "1")
    assert (
        line == "Kommandot ber om en bekräftelse; lägg till --yes för att köra det utan terminal."
    )


def test_removed_after_yes(run: Run, example_db: Path) -> None:
    out = ok(run, "contact", "remove", "bron", ERIK, input="y\n")
    assert out.splitlines()[-1] == f"Raderade {ERIK} som kontaktperson hos {BRON}."


def test_the_question_is_asked_in_swedish_and_ja_means_yes(run: Run, example_db: Path) -> None:
    out = ok(run, "contact", "remove", "bron", ERIK, input="kanske\nja\n")
    assert f"Radera {ERIK} som kontaktperson hos {BRON}? [j/N]:" in out
    assert "Svara j för ja eller n för nej." in out  # an answer that is neither, asked again
    assert out.splitlines()[-1] == f"Raderade {ERIK} som kontaktperson hos {BRON}."


@pytest.mark.parametrize("answer", ["", "n", "nej", "NO"])
def test_enter_or_a_no_deletes_nothing(run: Run, example_db: Path, answer: str) -> None:
    result = run("contact", "remove", "bron", ERIK, input=f"{answer}\n")
    assert result.exit_code == ExitCode.ABORTED
    assert ERIK in ok(run, "contact", "list", "bron")


# --- status -----------------------------------------------------------------------------------


def test_status_lines(run: Run, example_db: Path) -> None:
    lines = ok(run, "status", "2025").splitlines()
    assert lines[0].endswith(" · 100% av året har gått")
    assert lines[1] == (
        "Samordnare: Stiftelsen Activa (fortsätter), Örebro Föreningsråd "
        "(samordningsnybörjare). 2026: Örebro Föreningsråd."
    )
    assert (
        "Möten: 11 av 11 planerade AU-möten har hållits; 3 stormöten har hållits, varav 3 i "
        "samverkan med Regional utveckling (2-4 efterfrågas)."
    ) in lines
    assert kr("Budget: bidrag 200 000 kr, förbrukat 95 464,50 kr, kvar 104 535,50 kr.") in lines
    assert "Uppdrag:" in lines


def test_status_of_an_empty_register(run: Run, empty_db: Path) -> None:
    lines = ok(run, "status", "2026").splitlines()
    assert lines == [
        "PSI 2026: inget registrerat ännu.",
        "  → Registret är tomt. För att se dig omkring: "
        "psi --db psi-example.sqlite3 init --example",
        "  → För att läsa in er medlemslista: psi org import medlemmar.csv",
    ]


def test_status_json_keeps_its_english(run: Run, example_db: Path) -> None:
    out = ok(run, "status", "2025", "--json")
    assert "Regional utveckling" in out  # a name, not a word psi translates
    assert "Samordnare" not in out


# --- the rotation and the coordinators ----------------------------------------------------------


def test_coordinators_headings(run: Run, example_db: Path) -> None:
    rows = [cells(line) for line in ok(run, "coordinators").splitlines()]
    assert rows[0][:4] == ["År", "Organisation", "Roll", "År i följd"]
    assert ["2015", "Region Örebro län", "regionledd period", "1"] in [row[:4] for row in rows]
    assert ["2025", "Örebro Föreningsråd", "samordningsnybörjare", "1"] in [row[:4] for row in rows]


def test_rotate_proposal(run: Run, example_db: Path) -> None:
    lines = ok(run, "rotate", "2026").splitlines()
    assert lines[0] == "Rotation för 2026, utifrån samordnarna 2025:"
    assert "1. 2025: Örebro Föreningsråd, 1 år i följd; Stiftelsen Activa, 3 år i följd." in lines
    assert "2. Stannar: Örebro Föreningsråd, den som har samordnat minst antal år i följd." in lines
    assert "3. Lämnar: Stiftelsen Activa, som har samordnat längst (3 år i följd)." in lines


def test_an_inquiry_recorded(run: Run, example_db: Path) -> None:
    out = ok(run, "rotate", "2027", "--asked", "bron")
    assert out == f"Registrerade förfrågan till {BRON} för 2027: väntar på svar.\n"


# --- history, contacts, the database, the audit log ---------------------------------------------


def test_history_list_headings(run: Run, example_db: Path) -> None:
    rows = [cells(line) for line in ok(run, "history", "list").splitlines()]
    assert rows[0] == ["#", "Typ", "År", "Beslutat", "Fungerar väl", "Referens", "Anteckning"]
    assert rows[2][:5] == ["2", "bedömning", "2024", "2024-06-11", "ja"]


def test_contact_added(run: Run, example_db: Path) -> None:
    out = ok(run, "contact", "add", "bron", "Nils Nilsson")
    assert out == f"Lade till Nils Nilsson som kontaktperson hos {BRON}.\n"


def test_contact_edited(run: Run, example_db: Path) -> None:
    out = ok(run, "contact", "edit", "bron", ERIK, "--role", "kassör", "--phone", "019-12 34 56")
    assert out == f"Ändrade telefonnummer och roll för {ERIK} hos {BRON}.\n"


def test_contact_forgotten(run: Run, example_db: Path) -> None:
    lines = ok(run, "contact", "forget", ERIK, "--yes").splitlines()
    assert any(
        line.startswith(f"Raderade {ERIK}: 1 kontaktperson hos 1 organisation")
        and line.endswith("Ett anonymt antal finns kvar.")
        for line in lines
    ), lines
    assert "Ingen säkerhetskopia som psi gjort innehåller personen." in lines


def test_db_check(run: Run, example_db: Path) -> None:
    out = ok(run, "db", "check")
    assert out.splitlines()[-1] == "Integritetskontrollen gick igenom."
    assert cells(out.splitlines()[0])[0] == "Databas"


def test_audit_in_words(run: Run, example_db: Path) -> None:
    ok(run, "config", "set", "rsvp-days", "5")
    out = ok(run, "audit", "--full")
    assert "    lade till inställningen rsvp-days = 5" in out.splitlines()
    rows = [cells(line) for line in ok(run, "audit").splitlines()]
    assert rows[0] == ["När", "Användare", "Kommando", "Ändringar"]


def test_help_in_swedish(run: Run, empty_db: Path) -> None:
    out = ok(run, "contact", "--help")
    assert "Lägg till en kontaktperson hos en organisation." in out
    assert "Exempel: psi contact list activa" in out
    rotate = " ".join(ok(run, "rotate", "--help").replace("│", " ").split())
    assert "Registrera att AU har frågat ORG (svar väntas)." in rotate


# --- plurals ------------------------------------------------------------------------------------

PLURALS = [
    # (singular msgid, plural msgid, Swedish for 1, Swedish for 2): every plural these
    # modules write.
    (
        "Copied {rows} row in {tables} tables to {place}.",
        "Copied {rows} rows in {tables} tables to {place}.",
        "Kopierade 1 rad i 22 tabeller till psi.sqlite3.",
        "Kopierade 2 rader i 22 tabeller till psi.sqlite3.",
    ),
    (
        "Erased the person from {n} backup made by psi: {files}.",
        "Erased the person from {n} backups made by psi: {files}.",
        "Raderade personen ur 1 säkerhetskopia som psi gjort: a.sqlite3.",
        "Raderade personen ur 2 säkerhetskopior som psi gjort: a.sqlite3.",
    ),
    (
        "Erased {n} mention of {name} in {tables}.",
        "Erased {n} mentions of {name} in {tables}.",
        "Raderade 1 omnämnande av Bron i 22.",
        "Raderade 2 omnämnanden av Bron i 22.",
    ),
    (
        "Leaves: {name} ({n} consecutive year).",
        "Leaves: {name} ({n} consecutive years).",
        "Lämnar: Bron (1 år i följd).",
        "Lämnar: Bron (2 år i följd).",
    ),
    (
        "Leaves: {name}, which has served longest ({n} consecutive year).",
        "Leaves: {name}, which has served longest ({n} consecutive years).",
        "Lämnar: Bron, som har samordnat längst (1 år i följd).",
        "Lämnar: Bron, som har samordnat längst (2 år i följd).",
    ),
    (
        "Removed {n} older backup; the newest {keep} are kept.",
        "Removed {n} older backups; the newest {keep} are kept.",
        "Tog bort 1 äldre säkerhetskopia; de 10 nyaste sparas.",
        "Tog bort 2 äldre säkerhetskopior; de 10 nyaste sparas.",
    ),
    (
        "Replace the {n} row in {place} with this register? A backup of it is made first.",
        "Replace the {n} rows in {place} with this register? A backup of it is made first.",
        "Ersätta den 1 raden i psi.sqlite3 med det här registret? En säkerhetskopia av den görs först.",
        "Ersätta de 2 raderna i psi.sqlite3 med det här registret? En säkerhetskopia av den görs först.",
    ),
    (
        "The check found {n} problem; restore a backup with a copy from `psi db backup`, or report it.",
        "The check found {n} problems; restore a backup with a copy from `psi db backup`, or report them.",
        (
            "Kontrollen hittade 1 problem; återställ en säkerhetskopia gjord med `psi db backup`, "
            "eller rapportera problemet."
        ),
        (
            "Kontrollen hittade 2 problem; återställ en säkerhetskopia gjord med `psi db backup`, "
            "eller rapportera problemen."
        ),
    ),
    (
        "The person was not erased from {n} backup: {reasons}",
        "The person was not erased from {n} backups: {reasons}",
        "Personen raderades inte ur 1 säkerhetskopia: fel",
        "Personen raderades inte ur 2 säkerhetskopior: fel",
    ),
    (
        "{files} still holds traces psi could not erase.",
        "{files} still hold traces psi could not erase.",
        "a.sqlite3 innehåller fortfarande spår som psi inte kunde radera.",
        "a.sqlite3 innehåller fortfarande spår som psi inte kunde radera.",
    ),
    (
        (
            "{name} is recorded as present at meeting {numbers}, so removing them would change that "
            'record; correct the name with psi contact edit "{organisation}" "{name}" --name NAME, or'
            ' erase the person everywhere (GDPR) with psi contact forget "{name}" --org '
            '"{organisation}".'
        ),
        (
            "{name} is recorded as present at meetings {numbers}, so removing them would change those"
            ' records; correct the name with psi contact edit "{organisation}" "{name}" --name NAME, '
            'or erase the person everywhere (GDPR) with psi contact forget "{name}" --org '
            '"{organisation}".'
        ),
        (
            "Bron är registrerad som närvarande vid möte 3, så att ta bort personen skulle ändra den "
            'uppgiften; rätta namnet med psi contact edit "Bron" "Bron" --name NAME, eller radera '
            'personen överallt (GDPR) med psi contact forget "Bron" --org "Bron".'
        ),
        (
            "Bron är registrerad som närvarande vid möte 3, så att ta bort personen skulle ändra de "
            'uppgifterna; rätta namnet med psi contact edit "Bron" "Bron" --name NAME, eller radera '
            'personen överallt (GDPR) med psi contact forget "Bron" --org "Bron".'
        ),
    ),
    (
        "{name}, {n} consecutive year",
        "{name}, {n} consecutive years",
        "Bron, 1 år i följd",
        "Bron, 2 år i följd",
    ),
    (
        "{n} backup made by psi holds the person: {files}; add --include-backups to erase it too.",
        "{n} backups made by psi hold the person: {files}; add --include-backups to erase them too.",
        (
            "1 säkerhetskopia som psi gjort innehåller personen: a.sqlite3; lägg till "
            "--include-backups för att radera den också."
        ),
        (
            "2 säkerhetskopior som psi gjort innehåller personen: a.sqlite3; lägg till "
            "--include-backups för att radera dem också."
        ),
    ),
    (
        "{n} backup made by psi holds the person: {files}; it is erased too.",
        "{n} backups made by psi hold the person: {files}; they are erased too.",
        "1 säkerhetskopia som psi gjort innehåller personen: a.sqlite3; den raderas också.",
        "2 säkerhetskopior som psi gjort innehåller personen: a.sqlite3; de raderas också.",
    ),
    (
        (
            "{n} backup made by psi still holds the person: {files}; run again with --include-backups"
            " to erase it too."
        ),
        (
            "{n} backups made by psi still hold the person: {files}; run again with --include-backups"
            " to erase them too."
        ),
        (
            "1 säkerhetskopia som psi gjort innehåller fortfarande personen: a.sqlite3; kör igen med "
            "--include-backups för att radera den också."
        ),
        (
            "2 säkerhetskopior som psi gjort innehåller fortfarande personen: a.sqlite3; kör igen med"
            " --include-backups för att radera dem också."
        ),
    ),
    (
        "{n} contact person",
        "{n} contact persons",
        "1 kontaktperson",
        "2 kontaktpersoner",
    ),
    (
        "{n} mention",
        "{n} mentions",
        "1 omnämnande",
        "2 omnämnanden",
    ),
    (
        "{n} more past meeting is still planned in {year}: psi meeting list {year} --status planned",
        "{n} more past meetings are still planned in {year}: psi meeting list {year} --status planned",
        (
            "1 möte till som redan har varit är fortfarande planerat 2026: psi meeting list 2026 "
            "--status planned"
        ),
        (
            "2 möten till som redan har varit är fortfarande planerade 2026: psi meeting list 2026 "
            "--status planned"
        ),
    ),
    (
        "{n} other contact person has the same e-mail address and was kept: {kept}.",
        "{n} other contact persons have the same e-mail address and were kept: {kept}.",
        "1 annan kontaktperson har samma e-postadress och behölls: Eva Ek hos Bron.",
        "2 andra kontaktpersoner har samma e-postadress och behölls: Eva Ek hos Bron.",
    ),
    (
        "{n} other contact person has the same e-mail address or phone number and was kept: {kept}.",
        "{n} other contact persons have the same e-mail address or phone number and were kept: {kept}.",
        "1 annan kontaktperson har samma e-postadress eller telefonnummer och behölls: Eva Ek hos Bron.",
        "2 andra kontaktpersoner har samma e-postadress eller telefonnummer och behölls: Eva Ek hos Bron.",
    ),
    (
        "{n} other contact person has the same name and was kept: {kept}.",
        "{n} other contact persons have the same name and were kept: {kept}.",
        "1 annan kontaktperson har samma namn och behölls: Eva Ek hos Bron.",
        "2 andra kontaktpersoner har samma namn och behölls: Eva Ek hos Bron.",
    ),
    (
        "{n} other contact person has the same name or e-mail address and was kept: {kept}.",
        "{n} other contact persons have the same name or e-mail address and were kept: {kept}.",
        "1 annan kontaktperson har samma namn eller e-postadress och behölls: Eva Ek hos Bron.",
        "2 andra kontaktpersoner har samma namn eller e-postadress och behölls: Eva Ek hos Bron.",
    ),
    (
        "{n} other contact person has the same name or phone number and was kept: {kept}.",
        "{n} other contact persons have the same name or phone number and were kept: {kept}.",
        "1 annan kontaktperson har samma namn eller telefonnummer och behölls: Eva Ek hos Bron.",
        "2 andra kontaktpersoner har samma namn eller telefonnummer och behölls: Eva Ek hos Bron.",
    ),
    (
        "{n} other contact person has the same name, e-mail address or phone number and was kept: {kept}.",
        (
            "{n} other contact persons have the same name, e-mail address or phone number and were "
            "kept: {kept}."
        ),
        (
            "1 annan kontaktperson har samma namn, e-postadress eller telefonnummer och behölls: Eva "
            "Ek hos Bron."
        ),
        (
            "2 andra kontaktpersoner har samma namn, e-postadress eller telefonnummer och behölls: "
            "Eva Ek hos Bron."
        ),
    ),
    (
        "{n} other contact person has the same phone number and was kept: {kept}.",
        "{n} other contact persons have the same phone number and were kept: {kept}.",
        "1 annan kontaktperson har samma telefonnummer och behölls: Eva Ek hos Bron.",
        "2 andra kontaktpersoner har samma telefonnummer och behölls: Eva Ek hos Bron.",
    ),
    (
        "{n} organisation",
        "{n} organisations",
        "1 organisation",
        "2 organisationer",
    ),
]
VALUES = {
    "files": "a.sqlite3",
    "kept": "Eva Ek hos Bron",
    "name": "Bron",
    "place": "psi.sqlite3",
    "year": 2026,
    "keep": 10,
    "reasons": "fel",
    "numbers": "3",
    "organisation": "Bron",
    "tables": 22,
}


@pytest.mark.parametrize(("singular", "plural", "one", "two"), PLURALS)
def test_plural_forms(singular: str, plural: str, one: str, two: str) -> None:
    sv = words("sv")
    assert sv.ngettext(singular, plural, 1).format(n=1, rows=1, **VALUES) == one
    assert sv.ngettext(singular, plural, 2).format(n=2, rows=2, **VALUES) == two
