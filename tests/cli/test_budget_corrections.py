"""Correcting expenses (issue 19): `psi budget edit-expense`, checked as `spend` checks a new
one; each correction is audited, each refusal changes nothing, and a removed expense's number
is never given to a new one."""

from __future__ import annotations

from typing import Any

import pytest

from psi.errors import ExitCode
from tests.conftest import Db, Run, dump
from tests.helpers import as_json, assert_fails, ok

NBSP = "\u00a0"
ACTIVA = "Stiftelsen Activa"
FORENINGSRAD = "Örebro Föreningsråd"
MOCKELN = "Möckelnföreningarna"  # a coordinator in 2023 and 2024, not in 2025


def expenses(run: Run, *options: str) -> list[dict[str, Any]]:
    """`psi budget expenses --json` with options."""
    data: list[dict[str, Any]] = as_json(run, "budget", "expenses", *options)
    return data


def expense(run: Run, expense_id: int) -> dict[str, Any]:
    """The one expense with this number."""
    [found] = [e for e in expenses(run) if e["id"] == expense_id]
    return found


def first(run: Run) -> dict[str, Any]:
    """The example's first expense: Activa's fika at a stormöte on 2025-02-11."""
    found = expenses(run)[0]
    assert (found["organisation"], found["date"], found["category"]) == (
        ACTIVA,
        "2025-02-11",
        "catering",
    )
    return found


def last_audit(run: Run) -> dict[str, Any]:
    """The newest entry of `psi audit --json`."""
    entries: list[dict[str, Any]] = as_json(run, "audit")
    return entries[-1]


def test_edit_expense_corrects_every_field(run: Run, example_db: Db) -> None:
    number = str(first(run)["id"])
    out = ok(
        run,
        "budget",
        "edit-expense",
        number,
        "--amount",
        "1 450,50",
        "--on",
        "2025-02-12",
        "--category",
        "lokal",
        "--note",
        "Lokalhyra AU",
        "--org",
        "föreningsråd",
        "--meeting",
        "1",
    )
    assert out.startswith(
        f"Changed the organisation, amount, date, category, note and meeting of expense {number}: "
    )
    assert f"1{NBSP}450,50{NBSP}kr" in out
    assert expense(run, int(number)) == {
        "id": int(number),
        "date": "2025-02-12",
        "organisation": FORENINGSRAD,
        "amount": {"ore": 145_050, "text": f"1{NBSP}450,50{NBSP}kr"},
        "category": "venue",
        "note": "Lokalhyra AU",
        "meeting_id": 1,
    }


def test_edit_expense_keeps_what_is_not_given_and_clears_with_empty_text(
    run: Run, example_db: Db
) -> None:
    before = first(run)
    number = str(before["id"])
    ok(run, "budget", "edit-expense", number, "--meeting", "1")
    shown = as_json(run, "budget", "edit-expense", number, "--note", "", "--meeting", "")
    assert shown == {**before, "note": None, "meeting_id": None}
    assert shown == expense(run, int(number))


def test_edit_expense_changes_the_year_status(run: Run, example_db: Db) -> None:
    spent = as_json(run, "budget", "status", "2025")["spent"]["ore"]
    before = first(run)
    ok(run, "budget", "edit-expense", str(before["id"]), "--amount", "100")
    after = as_json(run, "budget", "status", "2025")["spent"]["ore"]
    assert after == spent - before["amount"]["ore"] + 10_000


def test_edit_expense_with_the_same_values_changes_nothing(run: Run, example_db: Db) -> None:
    before_expense = first(run)
    before = dump(example_db)
    out = ok(
        run,
        "budget",
        "edit-expense",
        str(before_expense["id"]),
        "--category",
        "fika",
        "--org",
        "activa",
    )
    assert "already reads so; nothing changed" in out
    assert dump(example_db) == before  # no audit entry either


def test_edit_expense_without_options_names_them(run: Run, example_db: Db) -> None:
    message = assert_fails(run, example_db, ExitCode.INVALID, "budget", "edit-expense", "1")
    for option in ("--amount", "--on", "--category", "--note", "--org", "--meeting"):
        assert option in message


@pytest.mark.parametrize(
    ("options", "code"),
    [
        # the same refusals as `spend`: not a coordinator that year (either way round)
        (("--org", MOCKELN), ExitCode.RULE),
        (("--on", "2026-03-01"), ExitCode.RULE),
        (("--on", "2022-03-01", "--amount", "200"), ExitCode.RULE),
        # bad amounts, dates, categories, meetings, organisations, notes
        (("--amount", "0"), ExitCode.INVALID),
        (("--amount", "1,234"), ExitCode.INVALID),
        (("--amount", "abc"), ExitCode.INVALID),
        (("--on", "2025-13-01"), ExitCode.INVALID),
        (("--category", "beer"), ExitCode.INVALID),
        (("--meeting", "999"), ExitCode.NOT_FOUND),
        (("--meeting", "ett"), ExitCode.INVALID),
        (("--meeting", "99999999999999999999"), ExitCode.NOT_FOUND),
        (("--org", "Finns inte"), ExitCode.NOT_FOUND),
        (("--note", "a\x00b"), ExitCode.INVALID),
    ],
)
def test_a_refused_edit_changes_nothing(
    run: Run, example_db: Db, options: tuple[str, ...], code: ExitCode
) -> None:
    number = str(first(run)["id"])
    assert_fails(run, example_db, code, "budget", "edit-expense", number, *options)


def test_a_refused_edit_names_the_organisation_and_year(run: Run, example_db: Db) -> None:
    number = str(first(run)["id"])
    line = assert_fails(
        run, example_db, ExitCode.RULE, "budget", "edit-expense", number, "--on", "2026-02-11"
    )
    assert ACTIVA in line and "2026" in line and "psi rotate 2026 --appoint" in line


@pytest.mark.parametrize("number", ["999", "99999999999999999999"])
def test_edit_of_an_unknown_expense(run: Run, example_db: Db, number: str) -> None:
    line = assert_fails(
        run, example_db, ExitCode.NOT_FOUND, "budget", "edit-expense", number, "--amount", "1"
    )
    assert "psi budget expenses" in line or "number that large" in line


def test_edit_expense_is_audited(run: Run, example_db: Db) -> None:
    number = first(run)["id"]
    ok(run, "budget", "edit-expense", str(number), "--amount", "1 450", "--note", "Fika AU")
    entry = last_audit(run)
    assert entry["command"] == f'psi budget edit-expense {number} --amount "1 450" --note "Fika AU"'
    [change] = entry["changes"]
    assert (change["action"], change["table"], change["id"]) == ("update", "expense", number)
    assert change["changes"] == {
        "amount_ore": {"old": 245_000, "new": 145_000},
        "note": {"old": "Fika, stormöte (exempel)", "new": "Fika AU"},
    }
    words = ok(run, "audit")
    assert f"expense {number}: amount: 2{NBSP}450{NBSP}kr → 1{NBSP}450{NBSP}kr" in words


def test_remove_expense_is_audited_with_what_it_held(run: Run, example_db: Db) -> None:
    number = first(run)["id"]
    ok(run, "budget", "remove-expense", str(number), "--yes")
    entry = last_audit(run)
    assert entry["command"] == f"psi budget remove-expense {number} --yes"
    [change] = entry["changes"]
    assert (change["action"], change["table"], change["id"]) == ("delete", "expense", number)
    assert change["values"]["amount_ore"] == 245_000


def test_an_expense_removed_as_the_highest_number_is_not_given_again(
    run: Run, example_db: Db
) -> None:
    """`psi budget remove-expense 10` from the shell's history must not remove a newer one,
    nor `edit-expense 10` change one: the number of a removed expense is never given again."""
    highest = max(e["id"] for e in expenses(run))
    ok(run, "budget", "remove-expense", str(highest), "--yes")
    out = ok(run, "budget", "spend", ACTIVA, "100", "--on", "2025-03-10", "--category", "fika")
    assert out.startswith(f"Recorded expense {highest + 1}:")
    assert_fails(
        run, example_db, ExitCode.NOT_FOUND, "budget", "edit-expense", str(highest), "--amount", "1"
    )
