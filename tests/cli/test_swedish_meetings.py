"""`psi meeting` and `psi action` speak Swedish under PSI_LANG=sv (issue 20): refusals, the
lines that say what was done, the lists' headings and statuses, each a whole Swedish sentence,
with the singular for one and the plural for more."""

from __future__ import annotations

import re
from typing import Any

import pytest

from psi.errors import ExitCode
from psi.words import words
from tests.conftest import Db, Run
from tests.helpers import ACTIVA, add_orgs, assert_fails, ok, swedish_plurals


@pytest.fixture
def swedish(monkeypatch: pytest.MonkeyPatch) -> None:
    """The interface in Swedish."""
    monkeypatch.setenv("PSI_LANG", "sv")


@pytest.fixture
def meetings_db(run: Run, empty_db: Db) -> Db:
    """Two AU meetings of 2025 (the first held, with one decision) and two action items, one
    overdue and one open (added in English)."""
    add_orgs(run)
    ok(run, "meeting", "add", "au", "2025-03-11", "--time", "13:00-15:00", "--place", "Kumla")
    ok(run, "meeting", "add", "au", "2025-04-08", "--time", "13:00-15:00", "--place", "Örebro")
    ok(run, "meeting", "held", "1", "--attended", "activa", "--decision", "anta budgeten")
    ok(run, "action", "add", "1", "Boka lokal", "--owner", "activa", "--due", "2025-04-01")
    ok(run, "action", "add", "1", "Skicka kallelse", "--owner", "activa", "--due", "2099-01-10")
    return empty_db


def test_a_refusal_is_swedish(run: Run, meetings_db: Db, swedish: None) -> None:
    message = assert_fails(run, meetings_db, ExitCode.NOT_FOUND, "meeting", "show", "999")
    assert "Det finns inget möte 999; se `psi meeting list`." in message
    message = assert_fails(run, meetings_db, ExitCode.NOT_FOUND, "action", "done", "99")
    assert "Det finns ingen åtgärdspunkt 99; se `psi action list`." in message
    message = assert_fails(run, meetings_db, ExitCode.INVALID, "meeting", "notes", "1")
    assert "Ange filen med anteckningarna (psi meeting notes 1 FILE) eller --clear." in message
    message = assert_fails(
        run, meetings_db, ExitCode.NOT_FOUND, "meeting", "decision", "1", "--remove", "3"
    )
    assert "Möte 1 har inget beslut 3; det har beslut 1–1 (se psi meeting show 1)." in message


def test_add_says_what_it_added_in_swedish(run: Run, empty_db: Db, swedish: None) -> None:
    out = ok(run, "meeting", "add", "au", "2025-05-13")
    assert out == "Lade till möte 1: AU-möte, tisdag 2025-05-13 (vecka 20).\n"
    result = run("meeting", "add", "msi", "2025-05-17")
    assert result.exit_code == ExitCode.OK, result.output
    assert result.stdout == (
        "Lade till möte 2: Dialogmöte med Mötesplats social innovation, lördag 2025-05-17 "
        "(vecka 20).\n"
    )
    assert (
        "2025-05-17 är ingen arbetsdag (lördag); flytta mötet med psi meeting move 2 DATE."
        in result.stderr
    )


def test_the_meeting_list_has_swedish_headings(run: Run, meetings_db: Db, swedish: None) -> None:
    lines = ok(run, "meeting", "list", "2025").splitlines()
    assert lines[0].split() == [
        "#", "Datum", "Veckodag", "Vecka", "Tid", "Typ", "Titel", "Plats", "Status",
    ]  # fmt: skip
    assert lines[1].split()[-2:] == ["Kumla", "genomfört"]
    assert lines[2].split()[-2:] == ["Örebro", "planerat"]
    assert lines[-1] == (
        "2025: 0 stormöten (genomförda: 0, planerade: 0), utanför de 2–4 som uppdraget kräver; "
        "AU-möten genomförda: 1 av 2 planerade."
    )
    assert ok(run, "meeting", "list", "2030") == (
        "Inga möten. Planera året med psi meeting plan YEAR --save, eller lägg till ett med "
        "psi meeting add.\n"
        "2030: 0 stormöten (genomförda: 0, planerade: 0), utanför de 2–4 som uppdraget kräver; "
        "AU-möten genomförda: 0 av 0 planerade.\n"
    )


def test_show_speaks_swedish(run: Run, meetings_db: Db, swedish: None) -> None:
    lines = ok(run, "meeting", "show", "1").splitlines()
    # The labels are aligned: each is followed by at least two spaces.
    fields = dict(re.split(r"\s{2,}", line, maxsplit=1) for line in lines[:7])
    assert fields["Möte"] == "1: AU-möte (AU-möte)"
    assert fields["Datum"] == "tisdag 2025-03-11 (vecka 11) 13:00-15:00"
    assert fields["Plats"] == "Kumla"
    assert fields["Status"] == "genomfört"
    assert fields["Närvarande"] == ACTIVA
    assert "Beslut:" in lines
    assert "Åtgärdspunkter:" in lines
    assert f"  - #1 Boka lokal ({ACTIVA}, senast 2025-04-01)" in lines


def test_the_action_list_has_swedish_headings(run: Run, meetings_db: Db, swedish: None) -> None:
    ok(run, "action", "add", "1", "Skriva protokoll", "--owner", "activa", "--due", "2025-03-20")
    ok(run, "action", "done", "3", "--on", "2025-03-18")
    lines = ok(run, "action", "list").splitlines()
    assert lines[0].split() == ["#", "Senast", "Ansvarig", "Åtgärd", "Möte", "Status"]
    assert lines[1].endswith("klar 2025-03-18"), lines[1]
    assert lines[2].endswith("försenad"), lines[2]
    assert lines[3].endswith("öppen"), lines[3]
    overdue = ok(run, "action", "list", "--overdue").splitlines()
    assert len(overdue) == 2 and overdue[1].endswith("försenad"), overdue


def test_action_edits_are_whole_swedish_sentences(run: Run, meetings_db: Db, swedish: None) -> None:
    assert ok(run, "action", "edit", "2", "--due", "2099-02-01") == (
        f"Ändrade slutdatum för åtgärdspunkt 2: Skicka kallelse ({ACTIVA}, senast 2099-02-01).\n"
    )
    assert ok(
        run, "action", "edit", "2", "--text", "Skicka ut kallelsen", "--due", "2099-02-02"
    ) == (
        "Ändrade texten och slutdatum för åtgärdspunkt 2: Skicka ut kallelsen "
        f"({ACTIVA}, senast 2099-02-02).\n"
    )
    assert ok(run, "action", "edit", "2", "--due", "2099-02-02") == (
        "Åtgärdspunkt 2 ser redan ut så; inget ändrades.\n"
    )


def test_held_counts_in_swedish(run: Run, meetings_db: Db, swedish: None) -> None:
    out = ok(run, "meeting", "held", "2", "--attended", "activa", "--attended", "ÖFR")
    assert out == (
        "Registrerade möte 2 som genomfört, med 2 organisationer närvarande. 0 beslut "
        "registrerades. Skriv protokollet med psi meeting minutes 2.\n"
    )


# Every plural of these modules, with its values: the Swedish for one, and for two.
PLURALS: list[tuple[str, str, dict[str, Any], str, str]] = [
    (
        "{year}: {n} stormöte ({held} held, {planned} planned), within the 2-4 the "
        "assignment asks for; AU meetings held {au_held} of {au_planned} planned.",
        "{year}: {n} stormöten ({held} held, {planned} planned), within the 2-4 the "
        "assignment asks for; AU meetings held {au_held} of {au_planned} planned.",
        {"year": 2025, "held": 1, "planned": 0, "au_held": 3, "au_planned": 4},
        "2025: 1 stormöte (genomförda: 1, planerade: 0), inom de 2–4 som uppdraget kräver; "
        "AU-möten genomförda: 3 av 4 planerade.",
        "2025: 2 stormöten (genomförda: 1, planerade: 0), inom de 2–4 som uppdraget kräver; "
        "AU-möten genomförda: 3 av 4 planerade.",
    ),
    (
        "{year}: {n} stormöte ({held} held, {planned} planned), outside the 2-4 the "
        "assignment asks for; AU meetings held {au_held} of {au_planned} planned.",
        "{year}: {n} stormöten ({held} held, {planned} planned), outside the 2-4 the "
        "assignment asks for; AU meetings held {au_held} of {au_planned} planned.",
        {"year": 2025, "held": 1, "planned": 0, "au_held": 3, "au_planned": 4},
        "2025: 1 stormöte (genomförda: 1, planerade: 0), utanför de 2–4 som uppdraget kräver; "
        "AU-möten genomförda: 3 av 4 planerade.",
        "2025: 2 stormöten (genomförda: 1, planerade: 0), utanför de 2–4 som uppdraget kräver; "
        "AU-möten genomförda: 3 av 4 planerade.",
    ),
    (
        "Recorded meeting {number} as held, with {n} organisation present.",
        "Recorded meeting {number} as held, with {n} organisations present.",
        {"number": 12},
        "Registrerade möte 12 som genomfört, med 1 organisation närvarande.",
        "Registrerade möte 12 som genomfört, med 2 organisationer närvarande.",
    ),
    (
        "{n} decision was recorded.",
        "{n} decisions were recorded.",
        {},
        "1 beslut registrerades.",
        "2 beslut registrerades.",
    ),
]


@pytest.mark.parametrize(("singular", "plural", "values", "one", "two"), PLURALS)
def test_each_plural_has_its_swedish_form_for_one_and_two(
    singular: str, plural: str, values: dict[str, Any], one: str, two: str
) -> None:
    assert swedish_plurals(singular, plural, values) == [one, two]


@pytest.mark.parametrize(("singular", "plural", "values", "one", "two"), PLURALS)
def test_each_plural_counts_in_english(
    singular: str, plural: str, values: dict[str, Any], one: str, two: str
) -> None:
    en = words("en")
    assert en.ngettext(singular, plural, 1).format(n=1, **values) == singular.format(n=1, **values)
    assert en.ngettext(singular, plural, 2).format(n=2, **values) == plural.format(n=2, **values)
