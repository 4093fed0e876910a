"""`psi activity` and `psi plan` speak Swedish under PSI_LANG=sv (issue 20): refusals, the
list's headings and statuses, the carry's counted lines and the plan's table, each a whole
Swedish sentence, with the singular for one and the plural for more."""

from __future__ import annotations

from typing import Any

import pytest

from psi.errors import ExitCode
from tests.conftest import Db, Run
from tests.helpers import assert_fails, ok, swedish_plurals

PLAN = "Verksamhetsplan 2024-2027"


@pytest.fixture
def swedish(monkeypatch: pytest.MonkeyPatch) -> None:
    """The interface in Swedish."""
    monkeypatch.setenv("PSI_LANG", "sv")


@pytest.fixture
def plan_db(run: Run, empty_db: Db) -> Db:
    """A plan with two goals and three activities of 2026 (added in English)."""
    ok(run, "plan", "add", PLAN, "--from", "2024", "--to", "2027")
    ok(run, "plan", "goal", PLAN, "M1", "Fler medlemmar")
    ok(run, "plan", "goal", PLAN, "M2", "Mer dialog")
    ok(run, "activity", "add", "2026", "Enkät", "--goal", "M1")
    ok(run, "activity", "add", "2026", "Fika")
    ok(run, "activity", "add", "2026", "Temadag", "--goal", "M2")
    ok(run, "activity", "start", "1")
    ok(run, "activity", "done", "3", "--on", "2026-01-15")
    return empty_db


def test_a_refusal_is_swedish(run: Run, plan_db: Db, swedish: None) -> None:
    message = assert_fails(run, plan_db, ExitCode.NOT_FOUND, "activity", "show", "99")
    assert "Det finns ingen aktivitet 99; se `psi activity list`." in message
    message = assert_fails(run, plan_db, ExitCode.RULE, "plan", "remove", PLAN, "--yes")
    assert (
        f"2 aktiviteter (2026) använder mål i {PLAN}; ge dem andra mål med psi activity edit "
        'ID --goal CODE --plan NAME (eller inga med --goal ""), och radera sedan planen.'
    ) in message


def test_the_list_has_swedish_headings_and_statuses(run: Run, plan_db: Db, swedish: None) -> None:
    lines = ok(run, "activity", "list", "2026").splitlines()
    assert lines[0].split() == ["#", "År", "Titel", "Mål", "Status"]
    assert lines[1].split() == ["1", "2026", "Enkät", "M1", "pågår"]
    assert lines[2].split() == ["2", "2026", "Fika", "planerad"]
    assert lines[3].split() == ["3", "2026", "Temadag", "M2", "genomförd"]
    assert lines[-1] == (
        "3 aktiviteter: genomförda 1, pågående 1, planerade 1, inställda 0, flyttade 0; "
        "andel genomförda 33%."
    )
    out = ok(run, "activity", "list", "2030")
    assert out == "Inga aktiviteter matchar. Lägg till en med psi activity add YEAR TITLE.\n"


def test_show_and_edit_speak_swedish(run: Run, plan_db: Db, swedish: None) -> None:
    out = ok(run, "activity", "show", "3")
    assert "Titel      Temadag" in out
    assert "Status     genomförd 2026-01-15" in out
    assert ok(run, "activity", "edit", "2", "--title", "Fika 2") == (
        "Ändrade titel för aktivitet 2: Fika 2.\n"
    )
    assert ok(run, "activity", "edit", "2", "--title", "Fika 3", "--when", "2026-05-05") == (
        "Ändrade titel och datum för aktivitet 2: Fika 3.\n"
    )


def test_carry_counts_in_swedish(run: Run, plan_db: Db, swedish: None) -> None:
    out = ok(run, "activity", "carry", "2026", "--dry-run")
    assert out.splitlines()[0] == (
        "Skulle flytta 2 aktiviteter från 2026 till 2027 (inget ändrades):"
    )
    ok(run, "activity", "done", "2", "--on", "2026-01-20")
    out = ok(run, "activity", "carry", "2026", "--dry-run")
    assert out.splitlines() == [
        "Skulle flytta 1 aktivitet från 2026 till 2027 (inget ändrades):",
        "  1: Enkät",
    ]
    out = ok(run, "activity", "carry", "2026", "--early")
    assert out.splitlines()[0] == "Flyttade 1 aktivitet från 2026 till 2027."
    out = ok(run, "activity", "carry", "2026", "--undo", "--dry-run")
    assert out.splitlines()[0] == (
        "Skulle ta bort 1 kopia ur 2027 och lägga tillbaka originalet i 2026 (inget ändrades):"
    )
    out = ok(run, "activity", "carry", "2026", "--undo")
    assert out.splitlines() == [
        "Ångrade flytten från 2026: 1 kopia borttagen ur 2027, originalet är tillbaka.",
        "  1: Enkät (pågår)",
    ]
    assert ok(run, "activity", "carry", "2026", "--undo") == (
        "Inget att ångra: ingen aktivitet från 2026 flyttades till 2027.\n"
    )


def test_plan_show_is_swedish(run: Run, plan_db: Db, swedish: None) -> None:
    lines = ok(run, "plan", "show").splitlines()
    assert lines[0] == f"{PLAN} (2024-2027)"
    assert lines[1].split() == ["Mål", "Text", "2024", "2025", "2026", "2027"]
    assert lines[-2:] == [
        "Varje år: genomförda aktiviteter / aktiviteter på listan.",
        "1 aktivitet under de här åren har inget mål.",
    ]


# Every plural of these modules, with its values: the Swedish for one, and for two.
PLURALS: list[tuple[str, str, dict[str, Any], str, str]] = [
    (
        "Carried {n} activity from {year} to {next_year}.",
        "Carried {n} activities from {year} to {next_year}.",
        {"year": 2026, "next_year": 2027},
        "Flyttade 1 aktivitet från 2026 till 2027.",
        "Flyttade 2 aktiviteter från 2026 till 2027.",
    ),
    (
        "Would carry {n} activity from {year} to {next_year} (nothing changed):",
        "Would carry {n} activities from {year} to {next_year} (nothing changed):",
        {"year": 2026, "next_year": 2027},
        "Skulle flytta 1 aktivitet från 2026 till 2027 (inget ändrades):",
        "Skulle flytta 2 aktiviteter från 2026 till 2027 (inget ändrades):",
    ),
    (
        "Would remove {n} copy from {next_year} and put the original in {year} back "
        "(nothing changed):",
        "Would remove {n} copies from {next_year} and put the originals in {year} back "
        "(nothing changed):",
        {"year": 2026, "next_year": 2027},
        "Skulle ta bort 1 kopia ur 2027 och lägga tillbaka originalet i 2026 (inget ändrades):",
        "Skulle ta bort 2 kopior ur 2027 och lägga tillbaka originalen i 2026 (inget ändrades):",
    ),
    (
        "Undid the carry of {year}: {n} copy removed from {next_year}, the original is back.",
        "Undid the carry of {year}: {n} copies removed from {next_year}, the originals are back.",
        {"year": 2026, "next_year": 2027},
        "Ångrade flytten från 2026: 1 kopia borttagen ur 2027, originalet är tillbaka.",
        "Ångrade flytten från 2026: 2 kopior borttagna ur 2027, originalen är tillbaka.",
    ),
    (
        "{total} activity: {done} done, {ongoing} ongoing, {planned} planned, "
        "{cancelled} cancelled, {carried} carried; {share} done.",
        "{total} activities: {done} done, {ongoing} ongoing, {planned} planned, "
        "{cancelled} cancelled, {carried} carried; {share} done.",
        {"done": 0, "ongoing": 0, "planned": 1, "cancelled": 0, "carried": 0, "share": "0%"},
        "1 aktivitet: genomförda 0, pågående 0, planerade 1, inställda 0, flyttade 0; "
        "andel genomförda 0%.",
        "2 aktiviteter: genomförda 0, pågående 0, planerade 1, inställda 0, flyttade 0; "
        "andel genomförda 0%.",
    ),
    (
        "Deleted the plan {plan} and its {n} goal.",
        "Deleted the plan {plan} and its {n} goals.",
        {"plan": "VP"},
        "Raderade planen VP och dess 1 mål.",
        "Raderade planen VP och dess 2 mål.",
    ),
    (
        "{n} activity in these years has no goal.",
        "{n} activities in these years have no goal.",
        {},
        "1 aktivitet under de här åren har inget mål.",
        "2 aktiviteter under de här åren har inget mål.",
    ),
    (
        "{count} activity ({years}) uses a goal of {plan}; give it another goal with "
        'psi activity edit ID --goal CODE --plan NAME (or none with --goal ""), '
        "then remove the plan.",
        "{count} activities ({years}) use goals of {plan}; give them another goal with "
        'psi activity edit ID --goal CODE --plan NAME (or none with --goal ""), '
        "then remove the plan.",
        {"years": "2026", "plan": "VP"},
        "1 aktivitet (2026) använder ett mål i VP; ge den ett annat mål med psi activity edit "
        'ID --goal CODE --plan NAME (eller inget med --goal ""), och radera sedan planen.',
        "2 aktiviteter (2026) använder mål i VP; ge dem andra mål med psi activity edit "
        'ID --goal CODE --plan NAME (eller inga med --goal ""), och radera sedan planen.',
    ),
    (
        "{count} activity of {years} uses a goal of {plan}, which would then cover "
        "{first}-{last}; see it with psi activity list {year}, and give it another "
        "goal with psi activity edit ID --goal CODE --plan NAME first.",
        "{count} activities of {years} use goals of {plan}, which would then cover "
        "{first}-{last}; see them with psi activity list {year}, and give them another "
        "goal with psi activity edit ID --goal CODE --plan NAME first.",
        {"years": "2026", "plan": "VP", "first": 2024, "last": 2025, "year": 2026},
        "1 aktivitet från 2026 använder ett mål i VP, som då skulle täcka 2024-2025; se den "
        "med psi activity list 2026 och ge den först ett annat mål med psi activity edit ID "
        "--goal CODE --plan NAME.",
        "2 aktiviteter från 2026 använder mål i VP, som då skulle täcka 2024-2025; se dem "
        "med psi activity list 2026 och ge dem först andra mål med psi activity edit ID "
        "--goal CODE --plan NAME.",
    ),
    (
        "{year} is not over, and {n} of its activities would move to {next_year}; "
        "see it with psi activity carry {year} --dry-run, carry from December on, "
        "or add --early to carry now.",
        "{year} is not over, and {n} of its activities would move to {next_year}; "
        "see them with psi activity carry {year} --dry-run, carry from December on, "
        "or add --early to carry now.",
        {"year": 2026, "next_year": 2027},
        "2026 är inte slut, och 1 av årets aktiviteter skulle flyttas till 2027; se den med "
        "psi activity carry 2026 --dry-run, flytta från och med december, eller lägg till "
        "--early för att flytta nu.",
        "2026 är inte slut, och 2 av årets aktiviteter skulle flyttas till 2027; se dem med "
        "psi activity carry 2026 --dry-run, flytta från och med december, eller lägg till "
        "--early för att flytta nu.",
    ),
]


@pytest.mark.parametrize(("singular", "plural", "values", "one", "two"), PLURALS)
def test_each_plural_has_its_swedish_form_for_one_and_two(
    singular: str, plural: str, values: dict[str, Any], one: str, two: str
) -> None:
    assert swedish_plurals(singular, plural, values, "count", "total") == [one, two]
