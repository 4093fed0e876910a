"""`psi audit` in words a coordinator reads: the rules (psi/audit.py) and the command."""

from __future__ import annotations

import re
from typing import Any

import pytest

from psi.audit import change_words, column_words, entry_words, value_words
from psi.domain.money import NBSP
from tests.conftest import Db, Run
from tests.helpers import as_json, ok

NAMES = {4: "Örebro Föreningsråd", 2: "Stiftelsen Activa"}


def kr(text: str) -> str:
    """An amount as format_amount writes it (non-breaking spaces), typed with plain spaces:
    `kr("removed expense 10 (X, [4 500 kr])")` marks the amounts with brackets."""
    return re.sub(r"\[([^\]]*)\]", lambda m: m.group(1).replace(" ", NBSP), text)


# --- the rules --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("column", "words"),
    [
        ("short", "short name"),
        ("orgnr", "organisationsnummer"),
        ("joined_on", "joined"),
        ("left_on", "left"),
        ("municipality", "municipality"),
        ("amount_ore", "amount"),
        ("organisation_id", "organisation"),
        ("owner_id", "owner"),
        ("first_year", "first year"),
        ("spent_on", "date"),
        ("cancel_reason", "reason cancelled"),
        ("co_organiser", "co-organiser"),
        ("start_time", "start"),
    ],
)
def test_column_words(column: str, words: str) -> None:
    assert column_words(column) == words


@pytest.mark.parametrize(
    ("column", "value", "words"),
    [
        ("short", None, "–"),
        ("short", "", "–"),
        ("short", "NIF", "NIF"),
        ("note", 'it\'s "quoted"', 'it\'s "quoted"'),
        ("amount_ore", 20_000_000, kr("[200 000 kr]")),
        ("amount_ore", 450_050, kr("[4 500,50 kr]")),
        ("year", 2026, "2026"),
        ("organisation_id", 4, "Örebro Föreningsråd"),
        ("organisation_id", 99, "99"),
        ("works_well", True, "yes"),
        ("works_well", False, "no"),
        ("day", "2026-03-10", "2026-03-10"),
        ("start_time", "14:00:00", "14:00"),
        ("at", "2026-03-10T14:05:09.123+00:00", "2026-03-10 14:05"),
        ("note", "rad ett\nrad två", "rad ett rad två"),
        ("note", "x" * 41, "x" * 39 + "…"),
        ("value", ["a", 1], '["a", 1]'),
    ],
)
def test_value_words(column: str, value: Any, words: str) -> None:
    assert value_words(column, value, NAMES) == words


@pytest.mark.parametrize(
    ("change", "words"),
    [
        # An organisation changed: its name, then each field.
        (
            {
                "action": "update",
                "table": "organisation",
                "id": 2,
                "changes": {"short": {"old": None, "new": "NIF"}},
            },
            "Stiftelsen Activa: short name: – → NIF",
        ),
        (
            {
                "action": "update",
                "table": "organisation",
                "id": 1,
                "changes": {
                    "municipality": {"old": "Örebro", "new": "Kumla"},
                    "municipality_code": {"old": "1880", "new": "1881"},
                },
            },
            "organisation 1: municipality: Örebro → Kumla",
        ),
        (
            {
                "action": "update",
                "table": "organisation",
                "id": 2,
                "changes": {
                    "status": {"old": "member", "new": "former"},
                    "left_on": {"old": None, "new": "2026-12-31"},
                },
            },
            "Stiftelsen Activa: status: member → former; left: – → 2026-12-31",
        ),
        (
            {
                "action": "update",
                "table": "allocation",
                "id": 3,
                "changes": {"amount_ore": {"old": 10_000_000, "new": 12_000_000}},
            },
            kr("allocation 3: amount: [100 000 kr] → [120 000 kr]"),
        ),
        (
            {
                "action": "update",
                "table": "setting",
                "id": "rsvp-days",
                "changes": {"value": {"old": "7", "new": "5"}},
            },
            "setting rsvp-days: 7 → 5",
        ),
        # Added and removed rows, named by what the stored values hold.
        (
            {
                "action": "insert",
                "table": "setting",
                "id": None,  # as psi stored it before
                "values": {"key": "rsvp-days", "value": "7"},
            },
            "added setting rsvp-days = 7",
        ),
        (
            {
                "action": "insert",
                "table": "setting",
                "id": "rsvp-days",
                "values": {"key": "rsvp-days", "value": "7"},
            },
            "added setting rsvp-days = 7",
        ),
        (
            {
                "action": "delete",
                "table": "expense",
                "id": 10,
                "values": {
                    "id": 10,
                    "spent_on": "2026-03-01",
                    "organisation_id": 4,
                    "amount_ore": 450_000,
                    "category": "venue",
                    "note": None,
                },
            },
            kr("removed expense 10 (Örebro Föreningsråd, [4 500 kr])"),
        ),
        (
            {
                "action": "insert",
                "table": "organisation",
                "id": 45,
                "values": {"id": 45, "name": "Nora IF", "sector": "civil-society"},
            },
            "added organisation 45 (Nora IF)",
        ),
        (
            {
                "action": "insert",
                "table": "meeting",
                "id": 12,
                "values": {"id": 12, "title": "AU-möte", "day": "2027-03-09", "kind": "au"},
            },
            "added meeting 12 (AU-möte, 2027-03-09)",
        ),
        (
            {
                "action": "insert",
                "table": "log_entry",
                "id": 5,
                "values": {
                    "id": 5,
                    "text": "Samtal",
                    "organisation_id": 99,
                    "logged_on": "2026-01-02",
                },
            },
            "added log entry 5 (Samtal, organisation 99)",
        ),
        (
            {"action": "insert", "table": "action_item", "id": 7, "values": {"id": 7}},
            "added action item 7",
        ),
        # An erasure's entry keeps no values, and still reads.
        (
            {"action": "delete", "table": "contact", "id": 3, "values": "[erased]"},
            "removed contact 3 ([erased])",
        ),
        (
            {
                "action": "update",
                "table": "contact",
                "id": 3,
                "changes": {"name": "[erased]", "email": "[erased]"},
            },
            "contact 3: name: [erased]; email: [erased]",
        ),
        # Whatever else an old entry holds is shown, not a traceback.
        ({"action": "update", "table": "meeting", "id": 1}, "changed meeting 1"),
        ({"action": "insert", "table": "goal"}, "added goal"),
    ],
)
def test_change_words(change: dict[str, Any], words: str) -> None:
    assert change_words(change, NAMES) == words


def test_no_python_values_in_words() -> None:
    change = {
        "action": "update",
        "table": "organisation",
        "id": 9,
        "changes": {"short": {"old": None, "new": "NIF"}, "note": {"old": "a", "new": None}},
    }
    words = change_words(change)
    assert "None" not in words and "'" not in words
    assert words == "organisation 9: short name: – → NIF; note: a → –"


SETTINGS = [
    {"action": "insert", "table": "setting", "id": None, "values": {"key": f"k{i}", "value": "v"}}
    for i in range(5)
]


def test_entry_words_in_full() -> None:
    assert entry_words(SETTINGS[:2]) == "added setting k0 = v; added setting k1 = v"


@pytest.mark.parametrize(
    ("width", "words"),
    [
        (200, "; ".join(f"added setting k{i} = v" for i in range(5))),
        (51, "added setting k0 = v; added setting k1 = v; +3 more"),
        (50, "added setting k0 = v; +4 more"),
        (30, "added setting k0 = v; +4 more"),
        (20, "added sett…; +4 more"),
    ],
)
def test_entry_words_fit_a_width(width: int, words: str) -> None:
    assert entry_words(SETTINGS, width=width) == words
    assert len(words) <= width


# --- the command ------------------------------------------------------------------------------


def test_audit_table_reads_as_words(run: Run, example_db: Db) -> None:
    ok(run, "org", "edit", "Stiftelsen Activa", "--short", "SA", "--municipality", "kumla")
    ok(run, "config", "set", "rsvp-days", "7")
    ok(run, "budget", "remove-expense", "2", "--yes")
    out = ok(run, "audit", "--since", "2000-01-01")
    lines = out.splitlines()
    assert lines[0].split() == ["When", "User", "Command", "Changes"]
    assert "init --example" in lines[1] and "added setting founded = 2015; +" in lines[1]
    assert lines[2].endswith("Stiftelsen Activa: short name: Activa → SA; munic…")
    assert lines[3].endswith("added setting rsvp-days = 7")
    assert lines[4].endswith(kr("removed expense 2 (Örebro Föreningsråd, [45 000 kr])"))
    assert "None" not in out and "→ '" not in out
    # One line per entry, the changes cut to fit rather than the line running on.
    assert len(lines) == 5
    assert all(len(line) <= 110 for line in lines)


def test_audit_full_shows_every_change_and_the_command(run: Run, example_db: Db) -> None:
    ok(run, "config", "set", "rsvp-days", "7")
    ok(run, "config", "set", "rsvp-days", "5")
    out = ok(run, "audit", "--full")
    assert "  psi config set rsvp-days 5\n    setting rsvp-days: 7 → 5\n" in out
    assert "\n    added organisation 1 (Region Örebro län)\n" in out


def test_audit_json_keeps_the_stored_data(run: Run, example_db: Db) -> None:
    ok(run, "config", "set", "rsvp-days", "7")
    ok(run, "org", "edit", "Stiftelsen Activa", "--short", "SA")
    entries = as_json(run, "audit")
    setting = entries[-2]["changes"][0]
    # A new setting now says which one it is (it was null before).
    assert setting == {
        "action": "insert",
        "table": "setting",
        "id": "rsvp-days",
        "values": {"key": "rsvp-days", "value": "7"},
    }
    (change,) = entries[-1]["changes"]
    assert change["changes"] == {"short": {"old": "Activa", "new": "SA"}}


def test_audit_names_a_removed_organisation_from_its_values(run: Run, empty_db: Db) -> None:
    ok(run, "org", "add", "Nora IF", "--sector", "civil-society")
    ok(run, "org", "remove", "Nora IF", "--yes")
    out = ok(run, "audit")
    assert "added organisation 1 (Nora IF)" in out
    assert "removed organisation 1 (Nora IF)" in out


def test_audit_help_has_an_example(run: Run, empty_db: Db) -> None:
    out = ok(run, "audit", "--help")
    assert "--full" in out and "Example: psi audit" in out
