"""Correcting the log (issue 19): `psi log edit` and `psi log remove`, and no entry dated after
today, on add or edit. Each correction is audited; each refusal changes nothing."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest

from psi.domain.activity import LogFacts, LogKind, changed_log_fields, check_logged_day
from psi.errors import ExitCode, InvalidInput
from tests.conftest import Db, Run, dump
from tests.helpers import as_json, assert_fails, ok

NYSTART = "Exempelföreningen Nystart (exempel)"
EXEMPELGARDEN = "Föreningen Exempelgården (exempel)"
MSI = "Mötesplats social innovation"
FIRST_TEXT = "Samtal om önskade aktiviteter 2025 (exempel)"
TODAY = date.today()
TOMORROW = TODAY + timedelta(days=1)
NEXT_YEAR = TODAY.replace(year=TODAY.year + 1, day=1)


def entries(run: Run, *options: str) -> list[dict[str, Any]]:
    """`psi log list --json` with options."""
    data: list[dict[str, Any]] = as_json(run, "log", "list", *options)
    return data


def entry(run: Run, number: int) -> dict[str, Any]:
    """The one log entry with this number."""
    [found] = [e for e in entries(run) if e["id"] == number]
    return found


def first(run: Run) -> dict[str, Any]:
    """The example's first entry: a member dialogue with Exempelgården on 2025-02-03."""
    found = entries(run)[0]
    assert (found["date"], found["kind"], found["organisation"], found["text"]) == (
        "2025-02-03",
        "member-dialogue",
        EXEMPELGARDEN,
        FIRST_TEXT,
    )
    return found


def last_audit(run: Run) -> dict[str, Any]:
    """The newest entry of `psi audit --json`."""
    audit: list[dict[str, Any]] = as_json(run, "audit")
    return audit[-1]


# --- the rule ---------------------------------------------------------------------------------


def test_a_day_that_has_come_can_be_logged() -> None:
    check_logged_day(date(2026, 3, 12), date(2026, 3, 12))
    check_logged_day(date(2020, 1, 1), date(2026, 3, 12))


@pytest.mark.parametrize("day", [date(2026, 3, 13), date(2027, 1, 1)])
def test_a_day_after_today_is_refused_naming_both_dates(day: date) -> None:
    with pytest.raises(InvalidInput) as caught:
        check_logged_day(day, date(2026, 3, 12))
    message = caught.value.message
    assert f"{day} is after today (2026-03-12)" in message
    assert "--on" in message and "psi activity add" in message


def test_changed_log_fields_in_words() -> None:
    facts = LogFacts(LogKind.MSI, "Möte", None, date(2026, 3, 12), None)
    assert changed_log_fields(facts, facts) == []
    after = replace(facts, link="https://example.se", organisation_id=3, kind=LogKind.OTHER)
    assert changed_log_fields(facts, after) == ["kind", "organisation", "link"]
    assert changed_log_fields(facts, replace(facts, text="Ny", logged_on=date(2026, 3, 1))) == [
        "text",
        "date",
    ]


# --- add: no date after today -----------------------------------------------------------------


@pytest.mark.parametrize("day", [TOMORROW, NEXT_YEAR])
def test_add_dated_after_today_is_refused(run: Run, example_db: Db, day: date) -> None:
    line = assert_fails(
        run, example_db, ExitCode.INVALID, "log", "add", "msi", "Möte", "--on", day.isoformat()
    )
    assert f"{day} is after today ({TODAY})" in line


def test_add_dated_today_or_earlier_is_logged(run: Run, example_db: Db) -> None:
    ok(run, "log", "add", "msi", "Idag", "--on", TODAY.isoformat())
    ok(run, "log", "add", "msi", "Igår", "--on", (TODAY - timedelta(days=1)).isoformat())
    ok(run, "log", "add", "msi", "Utan datum")
    assert [e["date"] for e in entries(run) if e["text"] in ("Idag", "Utan datum")] == [
        TODAY.isoformat(),
        TODAY.isoformat(),
    ]


# --- edit -------------------------------------------------------------------------------------


def test_edit_corrects_every_field(run: Run, example_db: Db) -> None:
    number = first(run)["id"]
    out = ok(
        run,
        "log",
        "edit",
        str(number),
        "--kind",
        "recruitment",
        "--text",
        "Presenterade PSI",
        "--org",
        "nystart",
        "--on",
        "2025-02-04",
        "--link",
        "www.example.org/nystart",
    )
    assert out == (
        f"Changed the kind, text, organisation, date and link of log entry {number}: "
        f"recruitment on 2025-02-04 with {NYSTART}.\n"
    )
    assert entry(run, number) == {
        "id": number,
        "date": "2025-02-04",
        "kind": "recruitment",
        "organisation": NYSTART,
        "text": "Presenterade PSI",
        "link": "https://www.example.org/nystart",
    }


def test_edit_clears_the_organisation_and_link_with_empty_text(run: Run, example_db: Db) -> None:
    number = first(run)["id"]
    ok(run, "log", "edit", str(number), "--link", "https://www.example.org")
    shown = as_json(run, "log", "edit", str(number), "--org", "", "--link", "")
    assert (shown["organisation"], shown["link"], shown["text"]) == (None, None, FIRST_TEXT)
    assert shown == entry(run, number)


def test_edit_with_the_same_values_changes_nothing(run: Run, example_db: Db) -> None:
    number = first(run)["id"]
    before = dump(example_db)
    out = ok(run, "log", "edit", str(number), "--kind", "member dialogue", "--on", "2025-02-03")
    assert out == f"Log entry {number} already reads so; nothing changed.\n"
    assert dump(example_db) == before  # no audit entry either


def test_edit_without_options_names_them(run: Run, example_db: Db) -> None:
    message = assert_fails(run, example_db, ExitCode.INVALID, "log", "edit", "1")
    for option in ("--kind", "--text", "--org", "--on", "--link"):
        assert option in message


@pytest.mark.parametrize(
    ("options", "code"),
    [
        (("--on", TOMORROW.isoformat()), ExitCode.INVALID),
        (("--on", NEXT_YEAR.isoformat(), "--text", "Nytt"), ExitCode.INVALID),
        (("--on", "3/2 2025"), ExitCode.INVALID),
        (("--kind", "fika"), ExitCode.INVALID),
        (("--text", "  "), ExitCode.INVALID),
        (("--text", "a\x00b"), ExitCode.INVALID),
        (("--link", "inte en adress"), ExitCode.INVALID),
        (("--org", "Ingen sådan"), ExitCode.NOT_FOUND),
        (("--text", "Nytt", "--org", "Ingen sådan"), ExitCode.NOT_FOUND),
    ],
)
def test_a_refused_edit_changes_nothing(
    run: Run, example_db: Db, options: tuple[str, ...], code: ExitCode
) -> None:
    assert_fails(run, example_db, code, "log", "edit", str(first(run)["id"]), *options)


def test_an_edit_into_the_future_names_the_date_and_today(run: Run, example_db: Db) -> None:
    line = assert_fails(
        run, example_db, ExitCode.INVALID, "log", "edit", "1", "--on", NEXT_YEAR.isoformat()
    )
    assert f"{NEXT_YEAR} is after today ({TODAY})" in line


@pytest.mark.parametrize("number", ["999", "99999999999999999999"])
def test_edit_of_an_unknown_entry(run: Run, example_db: Db, number: str) -> None:
    assert_fails(run, example_db, ExitCode.NOT_FOUND, "log", "edit", number, "--text", "Ny")


def test_edit_is_audited(run: Run, example_db: Db) -> None:
    number = first(run)["id"]
    ok(run, "log", "edit", str(number), "--text", "Samtal om aktiviteter", "--org", "")
    audit = last_audit(run)
    assert audit["command"] == f'psi log edit {number} --text "Samtal om aktiviteter" --org ""'
    [change] = audit["changes"]
    assert (change["action"], change["table"], change["id"]) == ("update", "log_entry", number)
    assert change["changes"]["text"] == {"old": FIRST_TEXT, "new": "Samtal om aktiviteter"}
    assert change["changes"]["organisation_id"]["new"] is None
    words = ok(run, "audit", "--full")
    assert f"log entry {number}: " in words


# --- remove -----------------------------------------------------------------------------------


def test_remove_with_yes(run: Run, example_db: Db) -> None:
    number = first(run)["id"]
    assert ok(run, "log", "remove", str(number), "--yes") == f"Deleted log entry {number}.\n"
    assert number not in [e["id"] for e in entries(run)]


def test_remove_after_confirming(run: Run, example_db: Db) -> None:
    number = first(run)["id"]
    out = ok(run, "log", "remove", str(number), input="y\n")
    assert f"Delete log entry {number} (member-dialogue on 2025-02-03): Samtal om" in out
    assert number not in [e["id"] for e in entries(run)]


def test_remove_answered_no_deletes_nothing(run: Run, example_db: Db) -> None:
    number = str(first(run)["id"])
    line = assert_fails(run, example_db, ExitCode.ABORTED, "log", "remove", number, input="n\n")
    assert "Nothing was deleted" in line


def test_remove_without_a_terminal_says_yes(run: Run, example_db: Db) -> None:
    line = assert_fails(run, example_db, ExitCode.ABORTED, "log", "remove", "1")
    assert "--yes" in line


@pytest.mark.parametrize("number", ["999", "99999999999999999999"])
def test_remove_of_an_unknown_entry(run: Run, example_db: Db, number: str) -> None:
    assert_fails(run, example_db, ExitCode.NOT_FOUND, "log", "remove", number, "--yes")


def test_remove_is_audited(run: Run, example_db: Db) -> None:
    number = first(run)["id"]
    ok(run, "log", "remove", str(number), "--yes")
    audit = last_audit(run)
    assert audit["command"] == f"psi log remove {number} --yes"
    [change] = audit["changes"]
    assert (change["action"], change["table"], change["id"]) == ("delete", "log_entry", number)
    assert change["values"]["text"] == FIRST_TEXT


def test_a_removed_number_is_not_given_again(run: Run, example_db: Db) -> None:
    highest = max(e["id"] for e in entries(run))
    ok(run, "log", "remove", str(highest), "--yes")
    ok(run, "log", "add", "other", "Nytt inlägg")
    [new] = [e for e in entries(run) if e["text"] == "Nytt inlägg"]
    assert new["id"] == highest + 1
    assert_fails(run, example_db, ExitCode.NOT_FOUND, "log", "remove", str(highest), "--yes")
